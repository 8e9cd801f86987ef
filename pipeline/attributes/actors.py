"""Who undertakes a commitment and for whom: party ids from a clause's words.

A collective reference ("the Participants", "the Parties", "both countries", "we",
"Сторони", "Учасники") means every party; "the Albanian Participant" means Albania;
otherwise the parties named before the verb of undertaking. Beneficiaries are parties
named after a cue such as "to", "for", "towards" or a possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from ..entities.gazetteer import english_demonyms, gazetteer, is_cyrillic
from ..entities.parties.mentions import unique_ids
from ..records import Document
from ..undertaking import VERB_OF_UNDERTAKING

_I = re.IGNORECASE

# Collective references to the parties (guide §5: resolved in actors, never spans).
COLLECTIVE = re.compile(
    r"\b(?:(?:the\s+)?(?:Contracting\s+)?(?:Participants|Parties|Sides|Signatories)|both\s+(?:countries|sides|"
    r"parties|participants)|the\s+two\s+(?:countries|sides|parties|governments)|each\s+(?:party|participant|side)|"
    r"either\s+(?:party|participant|side)|we|our|us|las\s+partes|ambas\s+partes|les\s+parties)\b|"
    r"сторон\w*|учасник\w*|обидві\s+країни|обидві\s+сторони|\bми\b|\bнаш\w*",
    _I,
)
ROLE_REFERENCE = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+)\s+(?:Participant|Party|Side|side)\b|"
    r"(?P<uk>[а-яєіїґ']+(?:ськ|цьк|зьк)\w*)\s+сторон\w*",
    _I,
)
BENEFICIARY_CUE = re.compile(
    r"(?:\b(?:to|for|towards|with|of|для|до|a|para|con|pour|avec|à)\s+(?:the\s+)?$|['’]s\s*$)", _I
)


def resolve_actors(clause_text: str, doc: Document) -> list[str]:
    """Party ids that ``clause_text`` (a clause or, better, its subject) refers to.

    A collective reference ("the Participants", "the Parties", "both countries", "we",
    "Сторони", "Учасники") means every party; "the Albanian Participant" means
    Albania; otherwise the parties named explicitly — before the commitment verb when
    a whole clause is given ("Albania will support Ukraine" → ALB). If the text names
    no party but names other states or organisations, those are returned (news often
    reports undertakings of states that are not parties to any instrument)."""
    head = _before_verb(clause_text)
    role = _role_reference(head, doc)
    if role:
        return [role]
    named = _ids_in_text(head, doc)
    parties = [i for i in named if i in doc.parties]
    if parties:
        return parties
    if COLLECTIVE.search(head):
        return list(doc.parties)
    return named


def resolve_beneficiaries(clause_text: str, doc: Document, actors: Iterable[str] = ()) -> list[str]:
    """Parties an undertaking is for ("support to Ukraine", "Ukraine's defence") other
    than its actors."""
    actors = set(actors)
    out: list[str] = []
    for s, _, sid in _mentions_in_text(clause_text, doc):
        if (
            sid in doc.parties
            and sid not in actors
            and sid not in out
            and BENEFICIARY_CUE.search(clause_text[max(0, s - 20) : s])
        ):
            out.append(sid)
    return out


def _before_verb(text: str) -> str:
    m = VERB_OF_UNDERTAKING.search(text)
    return text[: m.start()] if m and m.start() > 0 else text


def _role_reference(text: str, doc: Document) -> Optional[str]:
    """ "the Albanian Participant", "українська сторона" → that state's id."""
    from ..entities.uk.gazetteer import ukrainian_demonyms
    from ..entities.uk.tokens import lemmas

    for m in ROLE_REFERENCE.finditer(text):
        if m.group("adj"):
            sid = english_demonyms().get(m.group("adj"))
        else:
            table = ukrainian_demonyms()
            sid = next((table[l] for l in sorted(lemmas(m.group("uk").lower())) if l in table), None)
        if sid and (not doc.parties or sid in doc.parties):
            return sid
    return None


def _mentions_in_text(text: str, doc: Document) -> list[tuple[int, int, str]]:
    if is_cyrillic(text):
        from ..entities.uk.gazetteer import ukrainian_gazetteer
        from ..entities.uk.tokens import tokens_of

        toks = tokens_of(text)
        found = [(s, e, en.id) for s, e, _, _, en in ukrainian_gazetteer().find(text, toks)]
        found += [(m.start, m.end, m.id) for m in gazetteer("en").find(text)]
        return sorted(found)
    return [(m.start, m.end, m.id) for m in gazetteer(doc.lang or "en").find(text)]


def _ids_in_text(text: str, doc: Document) -> list[str]:
    return unique_ids(sid for _, _, sid in _mentions_in_text(text, doc))
