"""Reading the gold set: records, splits and the texts they point to."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any, Optional

from ..jsonl import read_jsonl
from ..paths import GOLD_PATH, PROJECT_ROOT, SPLITS_PATH, reserved_ids, resolve_path

SPLITS = ("train", "dev", "test")
# A document's genre (its record's ``doc_type``), defined in annotations/NOTES.md: what the
# gold set is balanced over and what results are reported by.
GENRES = ("agreement", "trade_agreement", "declaration", "memorandum", "news", "official_act")


def read_text(path: str, root: Path = PROJECT_ROOT) -> str:
    with open(resolve_path(path, root), "rb") as fh:
        return fh.read().decode("utf-8")


def reserved_or_gold_ids() -> set[str]:
    """File stems of the documents that training on unannotated text (weak labels, a
    teacher's labels) must leave alone: the reserved ones and every gold document, so
    that dev and test stay unseen."""
    return reserved_ids() | {Path(r["path"]).stem for r in load_gold()}


def load_splits(path: Path = SPLITS_PATH) -> dict[str, str]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {doc_id: split for split, ids in data.items() for doc_id in ids}


def load_gold(path: Path = GOLD_PATH, split: Optional[str | Collection[str]] = None) -> list[dict[str, Any]]:
    """The gold records, in file order; ``split`` keeps one split's or several splits'."""
    records = read_jsonl(path)
    if split is None:
        return records
    wanted = {split} if isinstance(split, str) else set(split)
    return [r for r in records if r.get("split") in wanted]
