"""Inter-annotator agreement: how far two annotations of the same documents agree.

The second annotation is scored against the first with the project's one scorer
(``servanda eval``'s alignment), so "agreement" means the same thing as a model's
score: clause labels on aligned clauses (Cohen's kappa and each label's F1 of one
annotator against the other), segmentation, entities by type (strict F1), and the
commitment attributes on clauses both call commitments. F1 is symmetric in the two
annotators; kappa corrects the label agreement for chance.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..records import LABELS
from ..scoring.prf import rounded


def cohen_kappa(confusion: Counter, labels: tuple[str, ...] = LABELS) -> float | None:
    """Cohen's kappa of a (label A, label B) → count table, over ``labels``."""
    n = sum(confusion[(a, b)] for a in labels for b in labels)
    if not n:
        return None
    observed = sum(confusion[(a, a)] for a in labels) / n
    expected = sum(sum(confusion[(a, b)] for b in labels) * sum(confusion[(b, a)] for b in labels) for a in labels) / (
        n * n
    )
    return None if expected == 1 else (observed - expected) / (1 - expected)


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]], text_root: Path) -> dict[str, Any]:
    """Agreement of ``second`` with ``first`` (gold records of the same documents)."""
    from ..scoring.scorer import score

    shared = {r["doc_id"] for r in first} & {r["doc_id"] for r in second}
    metrics = score(
        [r for r in second if r["doc_id"] in shared],
        [{**r, "split": None} for r in first if r["doc_id"] in shared],
        text_root=text_root,
        bootstrap=0,
    )
    matrix = metrics["clauses"]["confusion"]["matrix"]
    confusion = Counter({(g, p): n for g, row in matrix.items() for p, n in row.items()})
    per_doc_kappa = {}
    for row in metrics["per_document"]:
        per_doc_kappa[row["doc_id"]] = row.get("label_accuracy")
    return {
        "documents": sorted(shared),
        "aligned_clauses": sum(confusion[(a, b)] for a in LABELS for b in LABELS),
        "kappa": rounded(cohen_kappa(confusion)),
        "label_f1": {label: metrics["clauses"]["labels"][label]["f1"] for label in LABELS},
        "label_support": {label: metrics["clauses"]["labels"][label]["support"] for label in LABELS},
        "boundary_f1": metrics["segmentation"]["boundary"]["f1"],
        "entity_strict_f1": {k: v["f1"] for k, v in metrics["entities"]["strict"].items()},
        "entity_id_accuracy": metrics["entities"]["id_accuracy"]["all"]["accuracy"],
        "official_affiliation_accuracy": metrics["entities"]["official_affiliation_accuracy"]["accuracy"],
        "party_set_accuracy": metrics["entities"]["party_set_accuracy"]["accuracy"],
        "attributes": {k: v["accuracy"] for k, v in metrics["attributes"].items() if isinstance(v, dict)},
        "attribute_pairs": metrics["attributes"]["pairs"],
        "per_document_label_accuracy": per_doc_kappa,
    }
