"""The text a document's page shows: the file at the record's ``path``, read the way
``servanda run`` read it (so PDF, DOCX and HTML go through the same extraction), checked
against the record's ``text_sha256``; when the file is gone or has changed, the clause
texts at their offsets, with a note that says so."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..reader import ReadError, read_document


@dataclass
class PageText:
    text: str
    rebuilt: bool  # True: only the clauses' texts are known, the gaps are not
    note: Optional[str] = None


def _locate(path: str, roots: list[Path]) -> Optional[Path]:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate if candidate.exists() else None
    for root in roots:
        if (root / candidate).exists():
            return root / candidate
    return None


def page_text(record: dict[str, Any], roots: list[Path]) -> PageText:
    where = _locate(record["path"], roots)
    if where is None:
        note = f"{record['path']} is not available here: the text is rebuilt from the clauses (gaps not shown)"
        return PageText(rebuild(record), True, note)
    try:
        text = read_document(where).text
    except ReadError as err:
        return PageText(rebuild(record), True, f"{where} cannot be read ({err}): the text is rebuilt from the clauses")
    if record.get("text_sha256") and _sha(text) != record["text_sha256"]:
        note = (
            f"{where} has changed since this record was made (its text_sha256 differs): "
            "the text is rebuilt from the clauses; run `servanda run` again to see the file as it is now"
        )
        return PageText(rebuild(record), True, note)
    return PageText(text, False)


def _sha(text: str) -> str:
    from ..reader import sha256_text

    return sha256_text(text)


def rebuild(record: dict[str, Any]) -> str:
    """A string with every clause's text at its offsets and spaces elsewhere, so clause
    and entity offsets stay valid; the page shows each gap as one line break."""
    clauses = record.get("clauses") or []
    size = max((c["end"] for c in clauses), default=0)
    chars = [" "] * size
    for clause in clauses:
        text = clause.get("text") or ""
        chars[clause["start"] : clause["start"] + len(text)] = list(text)
    return "".join(chars[:size])
