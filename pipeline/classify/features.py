"""What the linear models see of a clause and of a document: one definition, used by
training and at run time alike (so the two cannot drift apart)."""

from __future__ import annotations

from ..records import Clause, Document
from .cues import classify_clause
from .linear import analyze

DOCUMENT_CHARS = 4000


def clause_features(clause: Clause, lang: str) -> list[str]:
    """The clause's n-grams, its structural context, and the cue lexicon's verdict (the
    model learns how far to trust the rules in each context)."""
    cue_label, _ = classify_clause(clause, lang)
    extra = [
        f"kind={clause.kind}",
        f"preamble={clause.in_preamble}",
        f"lead_in={bool(clause.lead_in)}",
        f"cue={cue_label}",
        f"cue={cue_label}|kind={clause.kind}",
    ]
    return analyze(clause.text, extra)


def document_features(doc: Document) -> list[str]:
    """The opening of the document (title, parties, preamble or lead paragraph) and a
    few counts of its structure."""
    kinds = {c.kind for c in doc.clauses}
    listed = sum(c.kind == "list_item" for c in doc.clauses)
    extra = [f"lang={doc.lang}", *(f"has={k}" for k in sorted(kinds))]
    extra.append(f"list_share={min(4, 10 * listed // max(1, len(doc.clauses)))}")
    extra.append(f"length={min(6, len(doc.text).bit_length() - 10)}")
    return analyze(doc.text[:DOCUMENT_CHARS], extra)
