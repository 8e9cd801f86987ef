"""Reading documents: plain text, Markdown and ToTA-style XML.

A file that cannot be a document (empty, binary, not UTF-8, over the size limit,
unreadable, malformed XML) raises :class:`ReadError` with a reason a user can act on;
the batch runner records it and goes on with the next file.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from defusedxml import ElementTree as SafeET  # refuses entity-expansion and external entities

from .records import Document

SUFFIXES = (".txt", ".md", ".xml")
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class ReadError(Exception):
    """The file is not a readable document; ``str(err)`` is the reason."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iter_paths(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named directly, and every .txt/.md/.xml below named directories, sorted
    so a run's order (and so its output) is deterministic. A file reached twice (named
    and inside a named directory, or through two spellings) is listed once: the output
    has one record per document."""
    seen: set[str] = set()
    for path in _candidates(inputs):
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            yield path


def _candidates(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                # a broken link is listed too, so that it gets an error record, not silence
                if (sub.is_file() or sub.is_symlink()) and sub.suffix.lower() in SUFFIXES \
                        and not sub.name.startswith("."):
                    yield sub
        else:
            yield path


def _decode(raw: bytes, path: Path) -> str:
    if not raw.strip():
        raise ReadError("empty file" if not raw else "file holds only whitespace")
    # A NUL byte never occurs in UTF-8 text documents; it marks binary data
    # (PDF, DOCX, images) or UTF-16, both of which must be converted first.
    if b"\x00" in raw[:65536]:
        raise ReadError("binary file (contains NUL bytes); convert it to UTF-8 text first")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        where = "at the end (truncated file?)" if err.start >= len(raw) - 4 else f"at byte {err.start}"
        raise ReadError(f"not valid UTF-8 {where}: {err.reason}") from None
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 0.01 * min(len(text), 65536):
        raise ReadError(f"binary file ({controls} control characters in the first 64 KiB)")
    return text


def render_tota_xml(xml_text: str) -> str:
    """The text of a ToTA treaty XML: chapter and article headings on their own lines,
    then the article text as published. The <meta> block is not part of the text."""
    try:
        root = SafeET.fromstring(xml_text)
    except SafeET.ParseError as err:
        raise ReadError(f"malformed XML: {err}") from None
    except Exception as err:  # defusedxml's refusals (entities, DTDs)
        raise ReadError(f"unsafe XML refused: {err.__class__.__name__}") from None
    body = root.find("body")
    if body is None:
        # Not ToTA-shaped: fall back to all text nodes, in document order.
        parts = [t.strip() for t in root.itertext() if t.strip()]
        return "\n\n".join(parts) + "\n"
    blocks: list[str] = []
    for chapter in body:
        head = " ".join(x for x in (chapter.get("number"), chapter.get("name")) if x)
        if head:
            blocks.append(head)
        if chapter.text and chapter.text.strip():
            blocks.append(chapter.text.strip())
        for article in chapter:
            head = " ".join(x for x in (article.get("number"), article.get("name")) if x)
            if head:
                blocks.append(head)
            text = "".join(article.itertext()).strip()
            if text:
                blocks.append(text)
    if not blocks:
        raise ReadError("XML has no treaty text in <body>")
    return "\n\n".join(blocks) + "\n"


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file is {size} bytes, over the limit of {max_bytes} (see --max-bytes)")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("file not found") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as err:
        raise ReadError(f"cannot read file: {err.strerror or err}") from None
    text = _decode(raw, path)
    fmt = path.suffix.lower().lstrip(".") or "txt"
    if fmt == "xml":
        text = render_tota_xml(text)
    elif fmt not in ("txt", "md"):
        fmt = "txt"
    return Document(
        doc_id=path.stem,
        path=str(path),
        text=text,
        text_sha256=sha256_text(text),
        source_format=fmt,
        provided={"text"},
    )
