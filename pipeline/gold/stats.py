"""Counts over the gold set."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def stats(records: Iterable[dict[str, Any]]):
    """Counts per label, split, language and document type, as pandas tables."""
    import pandas as pd

    rows = []
    for r in records:
        # an entity-only record annotates signature blocks for their entities; its few
        # clauses are not a sample of the document's labels
        for c in [] if r.get("entity_only") else r["clauses"]:
            rows.append(
                {
                    "doc_id": r["doc_id"],
                    "split": r.get("split", "?"),
                    "lang": r["lang"],
                    "doc_type": r.get("doc_type", "?"),
                    "kind": "clause",
                    "label": c["label"],
                }
            )
        for e in r["entities"]:
            rows.append(
                {
                    "doc_id": r["doc_id"],
                    "split": r.get("split", "?"),
                    "lang": r["lang"],
                    "doc_type": r.get("doc_type", "?"),
                    "kind": "entity",
                    "label": e["label"],
                }
            )
    df = pd.DataFrame(rows, columns=["doc_id", "split", "lang", "doc_type", "kind", "label"])
    tables = {}
    for by in ("split", "lang", "doc_type"):
        tables[by] = df.groupby(["kind", "label", by]).size().unstack(by, fill_value=0) if len(df) else df
    docs = pd.DataFrame(
        [
            {"doc_id": r["doc_id"], "split": r.get("split", "?"), "lang": r["lang"], "doc_type": r.get("doc_type", "?")}
            for r in records
        ]
    )
    tables["documents"] = docs.groupby(["split", "lang"]).size().unstack("lang", fill_value=0) if len(docs) else docs
    if len(df):
        clauses = df[df.kind == "clause"]
        tables["clauses by genre × language × split"] = (
            clauses.groupby(["doc_type", "lang", "split"]).size().unstack("split", fill_value=0)
        )
        tables["documents by genre × language × split"] = (
            docs.groupby(["doc_type", "lang", "split"]).size().unstack("split", fill_value=0)
        )
        commitments = clauses[clauses.label == "commitment"]
        tables["commitments by genre × split"] = (
            commitments.groupby(["doc_type", "split"]).size().unstack("split", fill_value=0)
        )
    tables["totals"] = df.groupby(["kind", "label"]).size() if len(df) else df
    return tables


def compiled_counts(records: list[dict[str, Any]]) -> Counter:
    counts: Counter = Counter()
    for r in records:
        counts.update(c["label"] for c in r["clauses"])
        counts.update(e["label"] for e in r["entities"])
    return counts
