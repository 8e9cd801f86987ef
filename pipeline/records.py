"""Typed records that flow through the pipeline.

Every stage takes a :class:`Document` and returns it with more fields filled in.
Offsets are Python ``str`` indices into ``Document.text`` exactly as read from the
file (see ANNOTATION_GUIDE.md §1), so ``text[start:end]`` always gives the span back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

LABELS = ("commitment", "recital", "disclaimer", "other")
TARGET_LABELS = ("commitment", "recital", "disclaimer")
ENTITY_LABELS = ("PARTY", "OFFICIAL", "STATE", "ORG")
STRENGTHS = ("binding", "firm", "soft")

# Structural kinds the segmenter assigns; they are context for the classifier,
# not part of the annotation contract.
CLAUSE_KINDS = ("heading", "sentence", "list_item", "lead_in", "signature", "dateline")


@dataclass
class Clause:
    start: int
    end: int
    text: str
    kind: str = "sentence"
    lang: Optional[str] = None
    lang_score: Optional[float] = None
    # Context the classifier needs ("Recognizing …" under a preamble heading,
    # a list item under "declare our engagement as follows:").
    heading: Optional[str] = None
    lead_in: Optional[str] = None
    in_preamble: bool = False
    label: Optional[str] = None
    score: Optional[float] = None
    classifier: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    beneficiaries: list[str] = field(default_factory=list)
    strength: Optional[str] = None
    conditional: Optional[bool] = None

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.label is not None:
            out["label"] = self.label
        if self.label == "commitment":
            out["actors"] = list(self.actors)
            out["beneficiaries"] = list(self.beneficiaries)
            out["strength"] = self.strength
            out["conditional"] = bool(self.conditional)
        if with_text:
            out["text"] = self.text
            out["lang"] = self.lang
            out["score"] = None if self.score is None else round(float(self.score), 4)
            out["kind"] = self.kind
            out["classifier"] = self.classifier
        return out


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str
    id: Optional[str] = None
    role: Optional[str] = None
    affiliation: Optional[str] = None
    name: Optional[str] = None  # normalised-case person name ("VENGU" -> "Vengu")
    source: Optional[str] = None  # which recogniser found it (gazetteer, spacy, pattern, …)

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if self.label == "OFFICIAL":
            out["role"] = self.role
            out["affiliation"] = self.affiliation
            if with_text and self.name:
                out["name"] = self.name
        elif self.id is not None or self.label != "ORG":
            out["id"] = self.id
            if with_text and self.name:  # a coined id's name in its dictionary form
                out["name"] = self.name
        if with_text:
            out["text"] = self.text
        return out


@dataclass
class Document:
    doc_id: str
    path: str
    text: str
    text_sha256: str
    source_format: str = "txt"
    lang: Optional[str] = None
    lang_score: Optional[float] = None
    clauses: list[Clause] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    # the kind of text (a gold genre: agreement, declaration, news …) and its probability
    instrument: Optional[str] = None
    instrument_score: Optional[float] = None
    # Names of the fields the stages have filled in (see pipeline.stages).
    provided: set[str] = field(default_factory=set)
    # Stage name -> implementation/version actually used for this document.
    stages_run: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocError:
    """A document the batch could not process; written to FILE.errors.jsonl."""

    path: str
    reason: str
    stage: str = "read"
    doc_id: Optional[str] = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "doc_id": self.doc_id, "stage": self.stage, "reason": self.reason}
