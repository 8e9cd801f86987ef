"""Work files: how annotators edit the gold set.

A work file (``annotations/work/<doc_id>.jsonl``, not committed because it quotes the
text) has a header line, one line per clause with its exact text and label, and one line
per entity surface form. :func:`compile_work_file` turns it into a stand-off gold record
by locating each quoted text in order; :func:`work_lines_from_gold` regenerates it from a
gold record so that the gold set can be corrected later.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

from ..paths import PROJECT_ROOT
from ..reader import sha256_text
from .store import read_text


class WorkFileError(ValueError):
    pass


def _find_occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of ``surface`` in ``text`` not inside a longer word."""
    starts = []
    for m in re.finditer(re.escape(surface), text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if not (before.isalnum() and surface[0].isalnum()) and not (after.isalnum() and surface[-1].isalnum()):
            starts.append(s)
    return starts


def compile_work_file(lines: list[dict[str, Any]], root: Path = PROJECT_ROOT) -> dict[str, Any]:
    """A stand-off gold record from a work file's parsed lines (see module docstring)."""
    if not lines or "doc_id" not in lines[0]:
        raise WorkFileError("the first line must be the header with doc_id and path")
    header = lines[0]
    text = read_text(header["path"], root)
    record: dict[str, Any] = {
        "doc_id": header["doc_id"],
        "path": header["path"],
        "text_sha256": sha256_text(text),
        "lang": header["lang"],
        "parties": sorted(header.get("parties", [])),
    }
    for key in ("regions", "doc_type", "notes", "entity_only"):
        if header.get(key):
            record[key] = header[key]
    clauses, entity_specs = [], []
    pos = header.get("regions", [[0, len(text)]])[0][0] if header.get("regions") else 0
    region_starts = [r[0] for r in header.get("regions", [])[1:]]
    for n, line in enumerate(lines[1:], start=2):
        if "clause" in line:
            surface = line["clause"].strip()
            found = text.find(surface, pos)
            if found < 0:
                raise WorkFileError(f"line {n}: clause text not found after offset {pos}: {surface[:80]!r}")
            # A gap that jumps into the next region is fine; a jump over content is an error
            # that validate() reports as uncovered text.
            clause = {"start": found, "end": found + len(surface), "label": line["label"]}
            if line["label"] == "commitment":
                clause.update(
                    actors=sorted(line.get("actors", [])),
                    beneficiaries=sorted(line.get("beneficiaries", [])),
                    strength=line.get("strength"),
                    conditional=bool(line.get("conditional", False)),
                )
            if line.get("lang"):
                clause["lang"] = line["lang"]
            clauses.append(clause)
            pos = found + len(surface)
            while region_starts and pos > region_starts[0]:
                region_starts.pop(0)
        elif "entity" in line:
            entity_specs.append((n, line))
        else:
            raise WorkFileError(f"line {n}: neither a clause nor an entity line")
    record["clauses"] = clauses
    record["entities"] = _place_entities(text, entity_specs, record.get("regions"))
    return record


def _in_regions(start: int, end: int, regions: Optional[list[list[int]]]) -> bool:
    return regions is None or any(rs <= start and end <= re_ for rs, re_ in regions)


def _place_entities(
    text: str, specs: list[tuple[int, dict[str, Any]]], regions: Optional[list[list[int]]]
) -> list[dict[str, Any]]:
    """Expand entity lines to spans: longest surface first, so that an institution
    tagged whole ("Ministry of Defence of the Republic of Albania") keeps the state
    name inside it from being tagged again."""
    taken: list[tuple[int, int]] = []
    entities = []
    for n, spec in sorted(specs, key=lambda x: -len(x[1]["entity"])):
        surface = spec["entity"]
        starts = _find_occurrences(text, surface)
        wanted = spec.get("occurrences", "all")
        if wanted != "all":
            try:
                starts = [starts[k - 1] for k in wanted]
            except IndexError:
                raise WorkFileError(f"line {n}: {surface!r} occurs only {len(starts)} times") from None
        if not starts:
            raise WorkFileError(f"line {n}: entity {surface!r} not found in the text")
        for s in starts:
            e = s + len(surface)
            if not _in_regions(s, e, regions) or any(s < te and ts < e for ts, te in taken):
                continue
            ent = {"start": s, "end": e, "label": spec["label"]}
            if spec["label"] == "OFFICIAL":
                ent.update(role=spec.get("role"), affiliation=spec.get("affiliation"))
                if spec.get("name"):
                    ent["name"] = spec["name"]
            elif spec.get("id") is not None or spec["label"] != "ORG":
                ent["id"] = spec.get("id")
            entities.append(ent)
            taken.append((s, e))
    return sorted(entities, key=lambda x: x["start"])


def work_lines_from_gold(record: dict[str, Any], root: Path = PROJECT_ROOT) -> list[dict[str, Any]]:
    """The inverse of :func:`compile_work_file` (entities listed per occurrence)."""
    text = read_text(record["path"], root)
    header: dict[str, Any] = {k: record[k] for k in ("doc_id", "path", "lang", "parties") if k in record}
    for key in ("regions", "doc_type", "notes", "entity_only"):
        if key in record:
            header[key] = record[key]
    lines: list[dict[str, Any]] = [header]
    for c in record["clauses"]:
        line: dict[str, Any] = {"clause": text[c["start"] : c["end"]]}
        line.update({k: v for k, v in c.items() if k not in ("start", "end")})
        lines.append(line)
    for e in record["entities"]:
        surface = text[e["start"] : e["end"]]
        k = _find_occurrences(text, surface).index(e["start"]) + 1
        entity_line: dict[str, Any] = {"entity": surface, "occurrences": [k]}
        entity_line.update({k2: v for k2, v in e.items() if k2 not in ("start", "end")})
        lines.append(entity_line)
    return lines
