"""Precision, recall, F1 and accuracy: the one place they are computed.

Every scorer in the project (``servanda eval``, the baselines of ``servanda compare``,
the model card) counts with :class:`PRF` and :class:`Accuracy`, so that all of them
follow the same conventions: F1 is 2TP/(2TP+FP+FN), and a figure with an empty
denominator is ``None`` ("nothing to measure"), not 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Optional


def ratio(num: int, den: int) -> Optional[float]:
    # An empty denominator means "nothing to measure", which is not the same as 0.
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """Counts behind precision, recall and F1. The only place they are computed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @classmethod
    def from_sizes(cls, matched: int, predicted: int, gold: int) -> PRF:
        return cls(matched, predicted - matched, gold - matched)

    @property
    def precision(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> Optional[float]:
        # 2TP/(2TP+FP+FN) equals the harmonic mean and stays defined (0.0) when
        # only one of precision and recall is.
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
        }


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @classmethod
    def of(cls, outcomes: Iterable[bool]) -> Accuracy:
        outcomes = list(outcomes)
        return cls(sum(outcomes), len(outcomes))

    @property
    def value(self) -> Optional[float]:
        return ratio(self.correct, self.total)

    def to_json(self) -> dict[str, Any]:
        return {"accuracy": rounded(self.value), "correct": self.correct, "total": self.total}


def rounded(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 6)


def macro(prfs: Sequence[PRF]) -> dict[str, Optional[float]]:
    """Unweighted means over the labels for which each figure is defined, so a label
    absent from both gold and prediction neither helps nor hurts."""

    def mean(values: Iterable[Optional[float]]) -> Optional[float]:
        defined = [v for v in values if v is not None]
        return sum(defined) / len(defined) if defined else None

    return {
        "precision": mean(p.precision for p in prfs),
        "recall": mean(p.recall for p in prfs),
        "f1": mean(p.f1 for p in prfs),
    }


def label_prf(confusion: Counter, label: str) -> PRF:
    tp = confusion[(label, label)]
    predicted = sum(n for (_, p), n in confusion.items() if p == label)
    gold = sum(n for (g, _), n in confusion.items() if g == label)
    return PRF.from_sizes(tp, predicted, gold)


def label_scores(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str], macro_labels: Sequence[str]
) -> dict[str, Any]:
    """Per-label P/R/F1, macro-F1 over ``macro_labels``, accuracy and the confusion
    matrix of two aligned label lists (one gold and one predicted label per item).
    Undefined figures are reported as 0.0 here, as a table of baselines wants them."""
    confusion = Counter(zip(gold, pred))
    per_label = {}
    for label in labels:
        prf = label_prf(confusion, label)
        per_label[label] = {
            "precision": round(prf.precision or 0.0, 4),
            "recall": round(prf.recall or 0.0, 4),
            "f1": round(prf.f1 or 0.0, 4),
            "support": prf.tp + prf.fn,
        }
    return {
        "per_label": per_label,
        "macro_f1": round(sum(per_label[label]["f1"] for label in macro_labels) / len(macro_labels), 4),
        "accuracy": round(Accuracy.of(g == q for g, q in zip(gold, pred)).value or 0.0, 4),
        "confusion": {"labels": list(labels), "matrix": [[confusion[(g, q)] for q in labels] for g in labels]},
        "n": len(gold),
    }
