"""Serialising documents and writing JSONL crash-safely.

Each finished document goes to disk as whole lines in one ``os.write`` call and is
flushed before the next document starts, so a run killed at any moment leaves at
most one torn tail, which ``--resume`` cuts off before carrying on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import SCHEMA_VERSION, __version__
from .jsonl import dumps, read_jsonl
from .records import DocError, Document

SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "output.schema.json"
FORMATS = ("documents", "clauses")


def document_record(doc: Document, versions: dict[str, str]) -> dict[str, Any]:
    """The guide §7 record plus text/lang/score per clause and version fields."""
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "path": doc.path,
        "source_format": doc.source_format,
        "text_sha256": doc.text_sha256,
        "lang": doc.lang,
        "lang_score": doc.lang_score,
        "parties": sorted(doc.parties),
        "instrument": doc.instrument,
        "instrument_score": doc.instrument_score,
        "clauses": [c.to_json() for c in doc.clauses],
        "entities": [e.to_json() for e in doc.entities],
        "versions": {"servanda": __version__, "stages": dict(versions)},
        "stages_run": dict(doc.stages_run),
        "warnings": list(doc.warnings),
    }


def clause_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Flat rows, one per clause, for tools that want a table (``--format clauses``)."""
    n = len(record["clauses"])
    rows = []
    for i, clause in enumerate(record["clauses"]):
        row = {
            "doc_id": record["doc_id"],
            "path": record["path"],
            "text_sha256": record["text_sha256"],
            "doc_lang": record["lang"],
            "parties": record["parties"],
            "clause_index": i,
            "n_clauses": n,
        }
        row.update(clause)
        rows.append(row)
    if not rows:  # keep a marker row so that resume knows the document is done
        rows.append(
            {
                "doc_id": record["doc_id"],
                "path": record["path"],
                "text_sha256": record["text_sha256"],
                "doc_lang": record["lang"],
                "parties": record["parties"],
                "clause_index": -1,
                "n_clauses": 0,
            }
        )
    return rows


@lru_cache(maxsize=1)
def schema_validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


class JsonlAppender:
    """Append-only JSONL file written one whole record group per system call, each
    followed by an ``fsync``: a kill at any moment loses no finished group."""

    def __init__(self, path: Path, resume: bool):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if resume else os.O_TRUNC)
        if resume:
            truncate_torn_tail(path)
        self.fd = os.open(path, flags, 0o644)

    def write_lines(self, objs: Iterable[Any]) -> None:
        data = "".join(dumps(o) + "\n" for o in objs).encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def restore_input_order(path: Path, order: dict[str, int]) -> None:
    """Rewrite ``path`` with its record groups (consecutive lines of one document, by
    their ``path`` field) in input order, ``order`` giving each document's place; lines
    of documents not in ``order`` keep their place at the front. The file is replaced in
    one rename, so a kill midway leaves the unordered file whole."""
    groups: list[tuple[int, int, int]] = []  # (place, offset, length)
    offset = 0
    with open(path, "rb") as fh:
        for raw in fh:
            key = order.get(json.loads(raw).get("path"), -1)
            if groups and groups[-1][0] == key and groups[-1][1] + groups[-1][2] == offset:
                place, start, length = groups[-1]
                groups[-1] = (place, start, length + len(raw))
            else:
                groups.append((key, offset, len(raw)))
            offset += len(raw)
    if all(a[0] <= b[0] for a, b in zip(groups, groups[1:])):
        return
    tmp = path.with_name(path.name + ".reordering")
    with open(path, "rb") as src, open(tmp, "wb") as dst:
        for _, start, length in sorted(groups, key=lambda g: g[0]):  # stable: ties keep file order
            src.seek(start)
            data = src.read(length)
            if len(data) != length:
                raise OSError(f"{path} is shorter than what was written to it")
            dst.write(data)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)


def truncate_torn_tail(path: Path) -> None:
    """Cut a last line that a kill left without its newline."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        data = fh.read()
        if data.endswith(b"\n"):
            return
        fh.truncate(data.rfind(b"\n") + 1)


def finished_paths(out_path: Path, errors_path: Path, fmt: str) -> set[str]:
    """Documents a previous run finished (written or failed), for ``--resume``.

    In ``clauses`` format a document is finished only when all its rows are there;
    the rows of an unfinished last document are removed so it is redone whole."""
    done: set[str] = set()
    truncate_torn_tail(errors_path)
    if errors_path.exists():
        done |= {r["path"] for r in read_jsonl(errors_path)}
    if not out_path.exists():
        return done
    truncate_torn_tail(out_path)
    if fmt == "documents":
        done |= {r["path"] for r in read_jsonl(out_path)}
        return done
    counts: dict[str, int] = {}
    expected: dict[str, int] = {}
    offsets: dict[str, int] = {}
    pos = 0
    with open(out_path, "rb") as fh:
        for raw in fh:
            row = json.loads(raw)
            offsets.setdefault(row["path"], pos)
            counts[row["path"]] = counts.get(row["path"], 0) + 1
            expected[row["path"]] = max(1, row["n_clauses"])
            pos += len(raw)
    for path, n in counts.items():
        if n == expected[path]:
            done.add(path)
        else:  # only the last document can be partial: its rows were one write
            with open(out_path, "rb+") as fh:
                fh.truncate(offsets[path])
    return done


def error_record(err: DocError) -> dict[str, Any]:
    return err.to_json()
