"""The hand-annotated gold set: stand-off records, validation, statistics, conversions.

Gold records follow ANNOTATION_GUIDE.md §7 (one JSON object per document, offsets
into the file named by ``path`` relative to the project root) plus a ``split`` key
taken from ``annotations/splits.json``. Texts from ``../shared`` are never copied
into the project: only offsets and ``text_sha256``.

Annotators work on *work files* (``annotations/work/<doc_id>.jsonl``, not committed
because they quote the text): a header line, one line per clause with its exact
text and label, one line per entity surface form. :func:`compile_work_file` turns a
work file into a stand-off gold record by locating each quoted text in order;
:func:`work_lines_from_gold` regenerates a work file from a gold record so that the
gold set can be corrected later.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .reader import sha256_text
from .records import ENTITY_LABELS, LABELS, STRENGTHS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = PROJECT_ROOT / "annotations" / "gold.jsonl"
SPLITS_PATH = PROJECT_ROOT / "annotations" / "splits.json"
WORK_DIR = PROJECT_ROOT / "annotations" / "work"
SPLITS = ("train", "dev", "test")
# The shared corpora live beside the project (gold paths say "../shared/..."); a checkout
# elsewhere points SERVANDA_SHARED at them (the Makefile does this for clones of a local
# checkout).
SHARED_PREFIX = ("..", "shared")
SHARED_ROOT = Path(os.environ.get("SERVANDA_SHARED") or PROJECT_ROOT.parent / "shared")
SHARED_CORPORA = SHARED_ROOT / "corpora"
RESERVED_PATH = SHARED_CORPORA / "RESERVED.txt"

# What may stand outside every clause: whitespace and list markers (guide §2).
MARKER_ONLY = re.compile(
    r"^(?:\s*(?:[-•*–—▪●◦‣·]|\(?\d{1,3}[.)](?:\d{1,3}[.)]?)*|\(?[A-Za-zА-Яа-яІіЇїЄєҐґ]{1,6}[.)])\s*)*$"
)
ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


def resolve_path(path: str, root: Path = PROJECT_ROOT) -> Path:
    """A gold ``path`` on disk: relative paths under ``root``; a "../shared/..." path
    that is not there is looked up under SHARED_ROOT (a checkout away from the corpora)."""
    p = Path(path)
    if p.is_absolute():
        return p
    local = (root / p).resolve()
    if not local.exists() and p.parts[:2] == SHARED_PREFIX:
        return SHARED_ROOT.joinpath(*p.parts[2:]).resolve()
    return local


def read_text(path: str, root: Path = PROJECT_ROOT) -> str:
    with open(resolve_path(path, root), "rb") as fh:
        return fh.read().decode("utf-8")


def reserved_ids(path: Path = RESERVED_PATH) -> set[str]:
    """Ids of the documents kept for evaluation only: never annotated, trained, tuned or
    written rules on. Read at run time so that nothing in the project names them."""
    if not path.exists():
        return set()
    return {l.strip() for l in path.read_text().splitlines() if l.strip() and not l.startswith("#")}


def reserved_or_gold_ids() -> set[str]:
    """File stems of the documents that training on unannotated text (weak labels, a
    teacher's labels) must leave alone: the reserved ones and every gold document, so
    that dev and test stay unseen."""
    return reserved_ids() | {Path(r["path"]).stem for r in load_gold()}


def load_jsonl(path: Path | str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_splits(path: Path = SPLITS_PATH) -> dict[str, str]:
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {doc_id: split for split, ids in data.items() for doc_id in ids}


def load_gold(path: Path = GOLD_PATH, split: Optional[str] = None) -> list[dict[str, Any]]:
    records = load_jsonl(path)
    return [r for r in records if split is None or r.get("split") == split]


# --- compiling work files ---------------------------------------------------

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
        "doc_id": header["doc_id"], "path": header["path"], "text_sha256": sha256_text(text),
        "lang": header["lang"], "parties": sorted(header.get("parties", [])),
    }
    for key in ("regions", "doc_type", "notes"):
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
                clause.update(actors=sorted(line.get("actors", [])),
                              beneficiaries=sorted(line.get("beneficiaries", [])),
                              strength=line.get("strength"), conditional=bool(line.get("conditional", False)))
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


def _place_entities(text: str, specs: list[tuple[int, dict[str, Any]]],
                    regions: Optional[list[list[int]]]) -> list[dict[str, Any]]:
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
            elif spec.get("id") is not None or spec["label"] != "ORG":
                ent["id"] = spec.get("id")
            entities.append(ent)
            taken.append((s, e))
    return sorted(entities, key=lambda x: x["start"])


def work_lines_from_gold(record: dict[str, Any], root: Path = PROJECT_ROOT) -> list[dict[str, Any]]:
    """The inverse of :func:`compile_work_file` (entities listed per occurrence)."""
    text = read_text(record["path"], root)
    header = {k: record[k] for k in ("doc_id", "path", "lang", "parties") if k in record}
    for key in ("regions", "doc_type", "notes"):
        if key in record:
            header[key] = record[key]
    lines: list[dict[str, Any]] = [header]
    for c in record["clauses"]:
        line = {"clause": text[c["start"]:c["end"]]}
        line.update({k: v for k, v in c.items() if k not in ("start", "end")})
        lines.append(line)
    for e in record["entities"]:
        surface = text[e["start"]:e["end"]]
        k = _find_occurrences(text, surface).index(e["start"]) + 1
        line = {"entity": surface, "occurrences": [k]}
        line.update({k2: v for k2, v in e.items() if k2 not in ("start", "end")})
        lines.append(line)
    return lines


# --- validation -------------------------------------------------------------

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


# --- statistics and datasets ------------------------------------------------

def stats(records: Iterable[dict[str, Any]]):
    """Counts per label, split, language and document type, as pandas tables."""
    import pandas as pd

    rows = []
    for r in records:
        for c in r["clauses"]:
            rows.append({"doc_id": r["doc_id"], "split": r.get("split", "?"), "lang": r["lang"],
                         "doc_type": r.get("doc_type", "?"), "kind": "clause", "label": c["label"]})
        for e in r["entities"]:
            rows.append({"doc_id": r["doc_id"], "split": r.get("split", "?"), "lang": r["lang"],
                         "doc_type": r.get("doc_type", "?"), "kind": "entity", "label": e["label"]})
    df = pd.DataFrame(rows, columns=["doc_id", "split", "lang", "doc_type", "kind", "label"])
    tables = {}
    for by in ("split", "lang", "doc_type"):
        tables[by] = (df.groupby(["kind", "label", by]).size().unstack(by, fill_value=0)
                      if len(df) else df)
    docs = pd.DataFrame([{"doc_id": r["doc_id"], "split": r.get("split", "?"), "lang": r["lang"],
                          "doc_type": r.get("doc_type", "?")} for r in records])
    tables["documents"] = docs.groupby(["split", "lang"]).size().unstack("lang", fill_value=0) if len(docs) else docs
    tables["totals"] = df.groupby(["kind", "label"]).size() if len(df) else df
    return tables


def clause_rows(records: Iterable[dict[str, Any]], root: Path = PROJECT_ROOT) -> list[dict[str, Any]]:
    """One row per gold clause with its text and document context."""
    rows = []
    for r in records:
        text = read_text(r["path"], root)
        for i, c in enumerate(r["clauses"]):
            rows.append({
                "doc_id": r["doc_id"], "split": r.get("split"), "doc_lang": r["lang"],
                "clause_index": i, "start": c["start"], "end": c["end"],
                "text": text[c["start"]:c["end"]], "label": c["label"],
                "strength": c.get("strength"), "conditional": c.get("conditional"),
                "actors": c.get("actors", []), "beneficiaries": c.get("beneficiaries", []),
            })
    return rows


def to_dataset(records: Iterable[dict[str, Any]], root: Path = PROJECT_ROOT):
    """The gold clauses as a Hugging Face ``datasets.Dataset`` (one row per clause)."""
    from datasets import ClassLabel, Dataset

    ds = Dataset.from_list(clause_rows(records, root))
    return ds.cast_column("label", ClassLabel(names=list(LABELS)))


# --- conversion to and from Label Studio --------------------------------------

def to_label_studio(record: dict[str, Any], root: Path = PROJECT_ROOT) -> dict[str, Any]:
    """A Label Studio task (text + pre-annotations) for correcting one document."""
    text = read_text(record["path"], root)
    results = []
    for i, c in enumerate(record["clauses"]):
        results.append({"id": f"c{i}", "from_name": "clause", "to_name": "text", "type": "labels",
                        "value": {"start": c["start"], "end": c["end"], "text": text[c["start"]:c["end"]],
                                  "labels": [c["label"]]},
                        "meta": {k: c[k] for k in ("actors", "beneficiaries", "strength", "conditional", "lang")
                                 if k in c}})
    for i, e in enumerate(record["entities"]):
        results.append({"id": f"e{i}", "from_name": "entity", "to_name": "text", "type": "labels",
                        "value": {"start": e["start"], "end": e["end"], "text": text[e["start"]:e["end"]],
                                  "labels": [e["label"]]},
                        "meta": {k: e[k] for k in ("id", "role", "affiliation") if k in e}})
    data = {"text": text}
    data.update({k: v for k, v in record.items() if k not in ("clauses", "entities")})
    return {"data": data, "annotations": [{"result": results}]}


def from_label_studio(task: dict[str, Any]) -> dict[str, Any]:
    """The gold record back from a (possibly corrected) Label Studio task."""
    data = dict(task["data"])
    data.pop("text", None)
    record = dict(data)
    clauses, entities = [], []
    for res in task["annotations"][-1]["result"]:
        v = res["value"]
        item = {"start": v["start"], "end": v["end"], "label": v["labels"][0]}
        item.update(res.get("meta", {}))
        (clauses if res["from_name"] == "clause" else entities).append(item)
    record["clauses"] = sorted(clauses, key=lambda c: c["start"])
    record["entities"] = sorted(entities, key=lambda e: e["start"])
    return record


LABEL_STUDIO_CONFIG = """<View>
  <Labels name="clause" toName="text">
    <Label value="commitment"/><Label value="recital"/><Label value="disclaimer"/><Label value="other"/>
  </Labels>
  <Labels name="entity" toName="text">
    <Label value="PARTY"/><Label value="OFFICIAL"/><Label value="STATE"/><Label value="ORG"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
"""


def compiled_counts(records: list[dict[str, Any]]) -> Counter:
    counts: Counter = Counter()
    for r in records:
        counts.update(c["label"] for c in r["clauses"])
        counts.update(e["label"] for e in r["entities"])
    return counts
