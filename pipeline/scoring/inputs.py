"""What the scorer reads: gold and prediction records (checked before anything is
counted) and each gold document's text, for trimming clause spans."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any, Optional

from ..jsonl import JsonlError, read_jsonl
from ..paths import resolve_path
from ..reader import ReadError, render_tota_xml, sha256_text
from ..records import ENTITY_LABELS, LABELS
from .spans import DocText


class EvalInputError(ValueError):
    """A prediction or gold file cannot be scored; ``str(err)`` says where and why."""


def load_jsonl(path: str | os.PathLike) -> list[dict]:
    """Records of a JSONL file (blank lines skipped). Raises EvalInputError naming the
    file and line when the file is unreadable or a line is not a JSON object with a
    string ``doc_id``."""
    try:
        return read_jsonl(path, require="doc_id")
    except JsonlError as err:
        raise EvalInputError(str(err)) from None


def select_split(gold_records: list[dict], split: Optional[str]) -> list[dict]:
    """Gold records of one split (all of them when split is None)."""
    if split is None:
        return list(gold_records)
    chosen = [r for r in gold_records if r.get("split") == split]
    if not chosen:
        known = sorted({str(r.get("split")) for r in gold_records})
        raise EvalInputError(f"no gold record has split '{split}' (splits present: {', '.join(known)})")
    return chosen


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span_problem(item: Any) -> Optional[str]:
    if not isinstance(item, dict):
        return "is not an object"
    start, end = item.get("start"), item.get("end")
    if (
        not (isinstance(start, int) and isinstance(end, int) and _is_int(start) and _is_int(end))
        or not 0 <= start <= end
    ):
        return f"has invalid offsets start={start!r} end={end!r}"
    return None


def _record_problems(record: dict, side: str) -> list[str]:
    where = f"{side} record '{record.get('doc_id')}'"
    problems = []
    if side == "gold" and not isinstance(record.get("text_sha256"), str):
        problems.append(f"{where}: missing 'text_sha256'")
    for key, allowed in (("clauses", LABELS), ("entities", ENTITY_LABELS)):
        items = record.get(key, [])
        if not isinstance(items, list):
            problems.append(f"{where}: '{key}' is not a list")
            continue
        for i, item in enumerate(items):
            problem = _span_problem(item)
            if problem is None and item.get("label") not in allowed:
                problem = f"has label {item.get('label')!r}, expected one of {', '.join(allowed)}"
            if problem:
                problems.append(f"{where}: {key}[{i}] {problem}")
    regions = record.get("regions")
    if regions is not None and not (
        isinstance(regions, list) and all(isinstance(r, list) and len(r) == 2 and all(map(_is_int, r)) for r in regions)
    ):
        problems.append(f"{where}: 'regions' must be a list of [start, end] pairs")
    return problems


def validate(records: list[dict], side: str) -> None:
    """Raise EvalInputError listing (up to ten) malformed records or duplicate ids."""
    if any("clause_index" in r for r in records[:1]):
        raise EvalInputError(
            f"{side}: these are one-line-per-clause rows (`servanda run --format clauses`); "
            "the scorer needs one line per document (`--format documents`)"
        )
    problems = [p for r in records for p in _record_problems(r, side)]
    counts = Counter(r["doc_id"] for r in records)
    problems += [f"{side}: doc_id '{d}' occurs {n} times" for d, n in counts.items() if n > 1]
    if problems:
        more = f"\n… and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise EvalInputError("\n".join(problems[:10]) + more)


def load_text(gold: dict, text_root: Path) -> DocText:
    """The gold document's text when its file is readable and still has the gold
    hash; otherwise scoring falls back to offsets as given. The file is tried as
    stored and, for XML, as the reader renders it, since either may be what the
    gold offsets index."""
    path = gold.get("path")
    if not isinstance(path, str):
        return DocText(None, "offsets")
    file = resolve_path(path, Path(text_root))
    try:
        stored = file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return DocText(None, "offsets")
    candidates = [stored]
    if file.suffix.lower() == ".xml":
        try:
            candidates.append(render_tota_xml(stored))
        except ReadError:
            pass
    for text in candidates:
        if sha256_text(text) == gold.get("text_sha256"):
            return DocText(text, "file")
    return DocText(None, "offsets")
