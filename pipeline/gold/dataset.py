"""The gold clauses as rows and as a Hugging Face ``datasets.Dataset``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..paths import PROJECT_ROOT
from ..records import LABELS
from .store import read_text


def clause_rows(records: Iterable[dict[str, Any]], root: Path = PROJECT_ROOT) -> list[dict[str, Any]]:
    """One row per gold clause with its text and document context."""
    rows = []
    for r in records:
        text = read_text(r["path"], root)
        for i, c in enumerate(r["clauses"]):
            rows.append(
                {
                    "doc_id": r["doc_id"],
                    "split": r.get("split"),
                    "genre": r.get("doc_type"),
                    "doc_lang": r["lang"],
                    "clause_index": i,
                    "start": c["start"],
                    "end": c["end"],
                    "text": text[c["start"] : c["end"]],
                    "label": c["label"],
                    "strength": c.get("strength"),
                    "conditional": c.get("conditional"),
                    "actors": c.get("actors", []),
                    "beneficiaries": c.get("beneficiaries", []),
                }
            )
    return rows


def to_dataset(records: Iterable[dict[str, Any]], root: Path = PROJECT_ROOT):
    """The gold clauses as a Hugging Face ``datasets.Dataset`` (one row per clause)."""
    from datasets import ClassLabel, Dataset

    ds = Dataset.from_list(clause_rows(records, root))
    return ds.cast_column("label", ClassLabel(names=list(LABELS)))
