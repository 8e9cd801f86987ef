"""Validating gold records: offsets, overlaps, coverage, labels, attributes, ids."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import PROJECT_ROOT
from ..reader import sha256_text
from ..records import ENTITY_LABELS, LABELS, STRENGTHS
from .store import GENRES, SPLITS, load_splits, read_text

# What may stand outside every clause: whitespace and list markers (guide §2).
MARKER_ONLY = re.compile(
    r"^(?:\s*(?:[-•*–—▪●◦‣·]|\(?\d{1,3}[.)](?:\d{1,3}[.)]?)*|\(?[A-Za-zА-Яа-яІіЇїЄєҐґ]{1,6}[.)])\s*)*$"
)
ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


@dataclass
class ValidationReport:
    doc_id: str
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_record(record: dict[str, Any], root: Path = PROJECT_ROOT) -> ValidationReport:
    report = ValidationReport(record.get("doc_id", "?"))
    err = report.errors.append
    for key in ("doc_id", "path", "text_sha256", "lang", "parties", "clauses", "entities"):
        if key not in record:
            err(f"missing key {key!r}")
    if report.errors:
        return report
    try:
        text = read_text(record["path"], root)
    except (OSError, UnicodeDecodeError) as exc:
        err(f"cannot read {record['path']}: {exc}")
        return report
    if sha256_text(text) != record["text_sha256"]:
        err("text_sha256 does not match the file: the text changed since annotation")
        return report
    regions = record.get("regions") or [[0, len(text)]]
    for rs, re_ in regions:
        if not (0 <= rs < re_ <= len(text)):
            err(f"region [{rs}, {re_}] out of range")
    _validate_clauses(record, text, regions, err)
    _validate_entities(record, text, err)
    if record["parties"] != sorted(set(record["parties"])):
        err("parties must be sorted and unique")
    if record.get("split") not in (None, *SPLITS):
        err(f"unknown split {record.get('split')!r}")
    if not isinstance(record.get("entity_only", False), bool):
        err("entity_only must be true or false")
    if record.get("doc_type") not in GENRES:
        err(f"doc_type (genre) {record.get('doc_type')!r} not in {GENRES}")
    return report


def _validate_clauses(record, text, regions, err) -> None:
    prev_end = 0
    covered = []
    for i, c in enumerate(record["clauses"]):
        s, e = c.get("start"), c.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            err(f"clause {i}: offsets [{s}, {e}] out of range")
            continue
        if s < prev_end:
            err(f"clause {i} at {s} overlaps or precedes the previous clause (ends {prev_end})")
        if text[s].isspace() or text[e - 1].isspace():
            err(f"clause {i} at {s}: span not trimmed of whitespace")
        if c.get("label") not in LABELS:
            err(f"clause {i} at {s}: label {c.get('label')!r} not in {LABELS}")
        if c.get("label") == "commitment":
            if c.get("strength") not in STRENGTHS:
                err(f"clause {i} at {s}: strength {c.get('strength')!r} not in {STRENGTHS}")
            if not isinstance(c.get("conditional"), bool):
                err(f"clause {i} at {s}: conditional must be true/false")
            for key in ("actors", "beneficiaries"):
                ids = c.get(key)
                if not isinstance(ids, list) or not all(isinstance(x, str) and ID_PATTERN.match(x) for x in ids):
                    err(f"clause {i} at {s}: {key} must be a list of canonical ids")
            if not c.get("actors"):
                err(f"clause {i} at {s}: a commitment needs at least one actor")
        prev_end = max(prev_end, e)
        covered.append((s, e))
    for rs, re_ in regions:
        # gaps between consecutive clauses, clipped to the region
        inside = sorted((max(s, rs), min(e, re_)) for s, e in covered if s < re_ and e > rs)
        pos = rs
        for s, e in inside + [(re_, re_)]:
            gap = text[pos:s] if s > pos else ""
            if gap.strip() and not MARKER_ONLY.match(gap):
                err(f"text at {pos} not covered by any clause: {gap.strip()[:60]!r}")
            pos = max(pos, e)


def _validate_entities(record, text, err) -> None:
    prev_end = 0
    for i, ent in enumerate(record["entities"]):
        s, e = ent.get("start"), ent.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            err(f"entity {i}: offsets [{s}, {e}] out of range")
            continue
        if s < prev_end:
            err(f"entity {i} at {s} overlaps the previous entity")
        prev_end = e
        label = ent.get("label")
        if label not in ENTITY_LABELS:
            err(f"entity {i} at {s}: label {label!r} not in {ENTITY_LABELS}")
        elif label == "OFFICIAL":
            if not ent.get("role") or not ID_PATTERN.match(str(ent.get("affiliation", ""))):
                err(f"entity {i} at {s}: OFFICIAL needs role and a canonical affiliation id")
        elif label in ("PARTY", "STATE") and not ID_PATTERN.match(str(ent.get("id", ""))):
            err(f"entity {i} at {s}: {label} needs a canonical id")
        if label == "PARTY" and ent.get("id") not in record["parties"]:
            err(f"entity {i} at {s}: PARTY id {ent.get('id')!r} not among the document's parties")


def validate_splits(records: list[dict[str, Any]], splits_path: Path) -> list[str]:
    """Problems with the split assignment: a document listed in two splits, a record
    whose ``split`` disagrees with splits.json, a listed document with no record."""
    problems = []
    seen: dict[str, str] = {}
    if splits_path.exists():
        import json

        for split, ids in json.loads(splits_path.read_text(encoding="utf-8")).items():
            for doc_id in ids:
                if doc_id in seen and seen[doc_id] != split:
                    problems.append(f"{doc_id} is in both {seen[doc_id]} and {split}")
                seen[doc_id] = split
    assigned = load_splits(splits_path)
    by_id = {r["doc_id"]: r for r in records}
    for doc_id, record in by_id.items():
        if doc_id in assigned and record.get("split") != assigned[doc_id]:
            problems.append(f"{doc_id}: record says split {record.get('split')!r}, splits.json {assigned[doc_id]!r}")
    for doc_id in sorted(set(assigned) - set(by_id)):
        problems.append(f"{doc_id} is in splits.json but has no gold record")
    return problems
