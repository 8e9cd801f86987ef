"""The additive counts of scoring: one :class:`Tally` per document, summed for any set of
documents, so corpus, per-language and bootstrap figures cannot disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from .prf import PRF, Accuracy

UNMATCHED = "unmatched"  # row/column of the confusion matrix for unaligned clauses
LINKED_LABELS = ("PARTY", "STATE", "ORG")  # entity labels whose `id` is scored
ATTRIBUTES = ("actors", "beneficiaries", "strength", "conditional")
UNKNOWN_LANG = "unknown"
CALIBRATION_BINS = 10


def _combine(a: Any, b: Any) -> Any:
    """Sum of two tally fields: PRF, Accuracy and Counter add themselves; plain dicts
    of them add key by key."""
    if not isinstance(a, dict) or isinstance(a, Counter):
        return a + b
    out = dict(a)
    for key, value in b.items():
        out[key] = out[key] + value if key in out else value
    return out


@dataclass
class Tally:
    """Additive counts for one document or any set of documents."""

    confusion: Counter = field(default_factory=Counter)  # (gold label, pred label) -> n
    boundary: PRF = PRF()
    overlap_matched: Accuracy = Accuracy()  # aligned gold clauses / gold clauses
    entity_strict: dict[str, PRF] = field(default_factory=dict)
    entity_partial: dict[str, PRF] = field(default_factory=dict)
    entity_id: dict[str, Accuracy] = field(default_factory=dict)
    affiliation: Accuracy = Accuracy()
    # the same over the mentions the prediction gives an affiliation: a wrong id misleads an
    # analyst more than none, so the two figures are read together
    affiliation_given: Accuracy = Accuracy()
    official_name: Accuracy = Accuracy()  # aligned OFFICIAL mentions whose gold has a name
    party_set: Accuracy = Accuracy()
    doc_lang: Accuracy = Accuracy()
    clause_lang: dict[str, Accuracy] = field(default_factory=dict)  # by gold clause lang
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    # (clause language, score bin, "n" | "correct" | "confidence") -> sum, for calibration
    calibration: dict[tuple[str, int, str], float] = field(default_factory=dict)
    # (gold genre, predicted instrument) -> documents
    instrument: Counter = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: _combine(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)})


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for tally in tallies:
        out = out + tally
    return out
