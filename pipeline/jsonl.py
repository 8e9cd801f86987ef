"""Reading and writing JSON Lines: the one place the project does it.

Output files are written crash-safely by :class:`servanda.output.JsonlAppender`, which
formats its lines with :func:`dumps`; everything else reads with :func:`read_jsonl` and
writes whole files with :func:`write_jsonl` (to a temporary file renamed into place, so
that a failure never leaves half a file where a good one was).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional


class JsonlError(ValueError):
    """A JSONL file cannot be read as records; ``str(err)`` names the file, the line and why."""


def dumps(obj: Any) -> str:
    """One compact JSON line (UTF-8 characters kept as they are)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def read_jsonl(path: str | os.PathLike, require: Optional[str] = None) -> list[dict[str, Any]]:
    """The records of a JSONL file; blank lines are skipped. Every line must be a JSON
    object (with a string ``require`` key, when given); otherwise :class:`JsonlError`
    names the file and the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise JsonlError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise JsonlError(f"{path}: is a directory") from None
    except UnicodeDecodeError as err:
        raise JsonlError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise JsonlError(f"{path}: cannot read ({err.strerror or err})") from None
    records = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise JsonlError(f"{path}:{lineno}: invalid JSON ({err.msg})") from None
        if require is not None and not (isinstance(record, dict) and isinstance(record.get(require), str)):
            raise JsonlError(f"{path}:{lineno}: expected a JSON object with a string {require!r}")
        if not isinstance(record, dict):
            raise JsonlError(f"{path}:{lineno}: expected a JSON object, got {type(record).__name__}")
        records.append(record)
    return records


def write_jsonl(path: str | os.PathLike, rows: Iterable[Any], *, compact: bool = False) -> Path:
    """Write ``rows`` as JSON lines, atomically (temporary file, then one rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write((dumps(row) if compact else json.dumps(row, ensure_ascii=False)) + "\n")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path
