"""A finished run as Parquet tables for a data lake (``servanda run --format parquet``).

``--out OUT`` names a folder. The run itself writes ``OUT/_records.jsonl`` (and
``OUT/_records.errors.jsonl``) exactly as ``--format documents`` writes any JSONL — crash
safe, resumable, in input order, byte for byte the same with every engine — and when it
completes, that file is turned into three tables, each hive-partitioned by the
document's language (``doc_lang=en/part-00000-0.parquet`` …):

* ``OUT/documents/``: one row per document (ids, language, parties, counts, versions);
* ``OUT/clauses/``: one row per clause, the columns of ``--format clauses``;
* ``OUT/entities/``: one row per entity.

Parquet readers (pyarrow, Spark, DuckDB) pass over names that start with ``_``, so the
JSONL next to the tables is not read as data. The schemas are fixed here, not inferred
from the first rows: a field that only commitments have (``actors``, ``strength`` …)
must be a column from the first partition on. The records are read in slices of
``documents_per_part`` documents, so memory stays bounded at any corpus size.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..output import clause_rows

RECORDS = "_records.jsonl"
TABLES = ("documents", "clauses", "entities")
INSTALL = "pip install 'servanda[ray]'"


def records_path(folder: Path) -> Path:
    """The JSONL a ``--format parquet`` run writes inside its folder ``folder``."""
    return folder / RECORDS


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ImportError(f"--format parquet needs pyarrow, which is not installed: {INSTALL}") from None


def schemas() -> dict[str, Any]:
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return {
        "documents": pa.schema(
            [
                ("doc_id", pa.string()),
                ("path", pa.string()),
                ("source_format", pa.string()),
                ("text_sha256", pa.string()),
                ("doc_lang", pa.string()),
                ("lang_score", pa.float64()),
                ("parties", strings),
                ("instrument", pa.string()),
                ("instrument_score", pa.float64()),
                ("n_clauses", pa.int32()),
                ("n_entities", pa.int32()),
                ("versions", pa.string()),  # JSON, as in the record
                ("stages_run", pa.string()),  # JSON
                ("warnings", strings),
            ]
        ),
        "clauses": pa.schema(
            [
                ("doc_id", pa.string()),
                ("path", pa.string()),
                ("text_sha256", pa.string()),
                ("doc_lang", pa.string()),
                ("parties", strings),
                ("clause_index", pa.int32()),  # -1: a document without clauses
                ("n_clauses", pa.int32()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("label", pa.string()),
                ("actors", strings),
                ("beneficiaries", strings),
                ("strength", pa.string()),
                ("conditional", pa.bool_()),
                ("text", pa.string()),
                ("lang", pa.string()),
                ("score", pa.float64()),
                ("kind", pa.string()),
                ("classifier", pa.string()),
            ]
        ),
        "entities": pa.schema(
            [
                ("doc_id", pa.string()),
                ("path", pa.string()),
                ("doc_lang", pa.string()),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("label", pa.string()),
                ("id", pa.string()),
                ("role", pa.string()),
                ("affiliation", pa.string()),
                ("name", pa.string()),
                ("text", pa.string()),
            ]
        ),
    }


def table_rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One document record's rows for each table (missing fields become nulls)."""
    document = {
        "doc_id": record["doc_id"],
        "path": record["path"],
        "source_format": record.get("source_format"),
        "text_sha256": record["text_sha256"],
        "doc_lang": record["lang"],
        "lang_score": record["lang_score"],
        "parties": record["parties"],
        "instrument": record.get("instrument"),
        "instrument_score": record.get("instrument_score"),
        "n_clauses": len(record["clauses"]),
        "n_entities": len(record["entities"]),
        "versions": json.dumps(record["versions"], ensure_ascii=False, sort_keys=True),
        "stages_run": json.dumps(record["stages_run"], ensure_ascii=False, sort_keys=True),
        "warnings": record["warnings"],
    }
    entities = [
        {"doc_id": record["doc_id"], "path": record["path"], "doc_lang": record["lang"], **entity}
        for entity in record["entities"]
    ]
    return {"documents": [document], "clauses": clause_rows(record), "entities": entities}


def _slices(records: Path, size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    with open(records, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                chunk.append(json.loads(line))
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def write_tables(folder: Path, documents_per_part: int = 2000) -> dict[str, int]:
    """Turn ``folder``'s finished ``_records.jsonl`` into the three partitioned tables,
    replacing earlier ones; returns the rows written per table."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    tables = schemas()
    staging = {name: folder / f"_{name}.writing" for name in TABLES}
    for path in staging.values():
        shutil.rmtree(path, ignore_errors=True)
    counts = dict.fromkeys(TABLES, 0)
    for part, chunk in enumerate(_slices(records_path(folder), documents_per_part)):
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for record in chunk:
            for name, more in table_rows(record).items():
                rows[name].extend(more)
        for name in TABLES:
            if not rows[name]:
                continue
            ds.write_dataset(
                pa.Table.from_pylist(rows[name], schema=tables[name]),
                staging[name],
                format="parquet",
                partitioning=["doc_lang"],
                partitioning_flavor="hive",
                basename_template=f"part-{part:05d}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
            counts[name] += len(rows[name])
    # the new tables replace the old ones only once all of them are written
    for name in TABLES:
        target = folder / name
        shutil.rmtree(target, ignore_errors=True)
        if staging[name].exists():
            staging[name].rename(target)
    return counts
