"""Figures from a :class:`Tally`: per-label and per-kind metrics, the headline figures and
their bootstrap intervals (key reference: docs/metrics.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

from ..records import ENTITY_LABELS, LABELS, TARGET_LABELS
from .prf import PRF, Accuracy, label_prf, macro, rounded
from .tally import ATTRIBUTES, CALIBRATION_BINS, LINKED_LABELS, UNMATCHED, Tally, total

CONFIDENCE = 0.95


def clause_metrics(tally: Tally) -> dict[str, Any]:
    per_label = {label: label_prf(tally.confusion, label) for label in LABELS}
    micro = sum(per_label.values(), PRF())
    axis = list(LABELS) + [UNMATCHED]
    return {
        "labels": {label: prf.to_json() for label, prf in per_label.items()},
        "micro": micro.to_json(),
        "macro": {k: rounded(v) for k, v in macro([per_label[l] for l in TARGET_LABELS]).items()},
        "support": {label: prf.tp + prf.fn for label, prf in per_label.items()},
        "confusion": {
            "labels": axis,
            "matrix": {g: {p: tally.confusion[(g, p)] for p in axis} for g in axis},
        },
    }


def segmentation_metrics(tally: Tally) -> dict[str, Any]:
    return {
        "boundary": tally.boundary.to_json(),
        "overlap_matched": {
            "rate": rounded(tally.overlap_matched.value),
            "matched": tally.overlap_matched.correct,
            "gold": tally.overlap_matched.total,
        },
    }


def entity_metrics(tally: Tally) -> dict[str, Any]:
    def prf_block(per_label: dict[str, PRF]) -> dict[str, Any]:
        block = {label: per_label.get(label, PRF()).to_json() for label in ENTITY_LABELS}
        block["micro"] = sum(per_label.values(), PRF()).to_json()
        return block

    ids = {label: tally.entity_id.get(label, Accuracy()) for label in LINKED_LABELS}
    return {
        "strict": prf_block(tally.entity_strict),
        "partial": prf_block(tally.entity_partial),
        "id_accuracy": {**{k: v.to_json() for k, v in ids.items()}, "all": sum(ids.values(), Accuracy()).to_json()},
        "official_affiliation_accuracy": tally.affiliation.to_json(),
        "official_affiliation_given_accuracy": tally.affiliation_given.to_json(),
        "official_name_accuracy": tally.official_name.to_json(),
        "party_set_accuracy": tally.party_set.to_json(),
    }


def attribute_metrics(tally: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {a: tally.attributes.get(a, Accuracy()).to_json() for a in ATTRIBUTES}
    out["pairs"] = tally.attributes.get("actors", Accuracy()).total
    return out


def language_metrics(tally: Tally) -> dict[str, Any]:
    return {
        "document_accuracy": tally.doc_lang.to_json(),
        "clause_accuracy": sum(tally.clause_lang.values(), Accuracy()).to_json(),
        "clause_accuracy_by_lang": {k: v.to_json() for k, v in sorted(tally.clause_lang.items())},
    }


def calibration_metrics(tally: Tally) -> dict[str, Any]:
    """Expected calibration error of the clause scores (probabilities of the predicted
    label) on aligned clauses, by clause language and overall: the mean, weighted by
    bin size, of |accuracy - mean confidence| over ten equal-width score bins."""

    def ece(keys: list[str]) -> dict[str, Any]:
        n = sum(tally.calibration.get((k, b, "n"), 0.0) for k in keys for b in range(CALIBRATION_BINS))
        if not n:
            return {"ece": None, "clauses": 0}
        gap = 0.0
        for b in range(CALIBRATION_BINS):
            count = sum(tally.calibration.get((k, b, "n"), 0.0) for k in keys)
            if count:
                correct = sum(tally.calibration.get((k, b, "correct"), 0.0) for k in keys)
                confidence = sum(tally.calibration.get((k, b, "confidence"), 0.0) for k in keys)
                gap += abs(correct - confidence)
        return {"ece": rounded(gap / n), "clauses": int(n)}

    langs = sorted({k[0] for k in tally.calibration})
    return {"all": ece(langs), "by_lang": {lang: ece([lang]) for lang in langs}}


def instrument_metrics(tally: Tally) -> dict[str, Any]:
    """Accuracy of the predicted instrument kind against the gold genre, and the confusion."""
    total_docs = sum(tally.instrument.values())
    correct = sum(n for (g, p), n in tally.instrument.items() if g == p)
    return {
        "accuracy": Accuracy(correct, total_docs).to_json(),
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(tally.instrument.items())},
    }


HEADLINE_PARTS = ("commitment", "recital", "disclaimer", "boundary", "PARTY", "OFFICIAL")


def headline_parts(tally: Tally) -> dict[str, PRF]:
    parts = {label: label_prf(tally.confusion, label) for label in TARGET_LABELS}
    parts["boundary"] = tally.boundary
    for label in ("PARTY", "OFFICIAL"):
        parts[label] = tally.entity_strict.get(label, PRF())
    return parts


HEADLINES: dict[str, Callable[[dict[str, PRF]], Optional[float]]] = {
    "clause_macro_f1": lambda parts: macro([parts[l] for l in TARGET_LABELS])["f1"],
    "commitment_f1": lambda parts: parts["commitment"].f1,
    "disclaimer_recall": lambda parts: parts["disclaimer"].recall,
    "segmentation_boundary_f1": lambda parts: parts["boundary"].f1,
    "party_strict_f1": lambda parts: parts["PARTY"].f1,
    "official_strict_f1": lambda parts: parts["OFFICIAL"].f1,
}


def _percentile(sorted_values: list[float], q: float) -> float:
    # Linear interpolation between order statistics (numpy's default method).
    pos = q * (len(sorted_values) - 1)
    low = int(pos)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def bootstrap_headlines(tallies: list[Tally], samples: int, seed: int) -> dict[str, dict[str, Any]]:
    """Point estimates and percentile intervals, resampling documents with
    replacement. Only the counts the headline figures need are resampled, as one
    matrix product, so 1000 samples cost milliseconds."""
    import numpy as np

    point = headline_parts(total(tallies))
    out = {
        name: {"estimate": rounded(fn(point)), "low": None, "high": None, "samples": 0, "confidence": CONFIDENCE}
        for name, fn in HEADLINES.items()
    }
    if samples <= 0 or not tallies:
        return out
    doc_parts = [headline_parts(t) for t in tallies]
    per_doc = np.array(
        [[[parts[k].tp, parts[k].fp, parts[k].fn] for k in HEADLINE_PARTS] for parts in doc_parts]
    )  # documents x parts x (tp, fp, fn)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(tallies), [1 / len(tallies)] * len(tallies), size=samples)
    resampled = np.einsum("sd,dpk->spk", weights, per_doc)
    values: dict[str, list[float]] = {name: [] for name in HEADLINES}
    for counts in resampled:
        parts = {k: PRF(*map(int, c)) for k, c in zip(HEADLINE_PARTS, counts)}
        for name, fn in HEADLINES.items():
            value = fn(parts)
            if value is not None:  # a resample may lack every instance of a label
                values[name].append(value)
    alpha = (1 - CONFIDENCE) / 2
    for name, vals in values.items():
        if vals:
            vals.sort()
            out[name].update(
                low=rounded(_percentile(vals, alpha)), high=rounded(_percentile(vals, 1 - alpha)), samples=len(vals)
            )
    return out
