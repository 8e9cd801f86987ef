"""Reading documents: plain text, Markdown, ToTA-style XML, and PDF, Word (DOCX) and HTML
through :mod:`servanda.ingest`.

A file that cannot be a document (empty, binary, not UTF-8, over the size limit,
unreadable, malformed XML) raises :class:`ReadError` with a reason a user can act on;
the batch runner records it and goes on with the next file.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from defusedxml import ElementTree as SafeET  # refuses entity-expansion and external entities

from . import ingest
from .records import Document

SUFFIXES = (".txt", ".md", ".xml")
# Every suffix a batch reads: the text formats and those ingest extracts text from.
DOCUMENT_SUFFIXES = SUFFIXES + tuple(ingest.FORMATS)
DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class ReadError(Exception):
    """The file is not a readable document; ``str(err)`` is the reason."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Formats servanda does not read; named directly, they are refused with a reason (not read
# as text with their markup), inside folders they are skipped and listed.
NOT_YET = {
    ".doc": "Word 97-2003 (.doc)",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
}


# A corpus folder's own documentation (sources, licence) is not one of its documents.
FOLDER_DOCUMENTATION = {"SOURCES.MD", "README.MD", "LICENSE", "LICENSE.MD", "LICENSE.TXT"}


@dataclass
class Inputs:
    """What a batch will read: documents in a fixed order, each with its document id,
    and the files under named folders that were passed over (with the reason)."""

    paths: list[Path] = field(default_factory=list)
    doc_ids: dict[str, str] = field(default_factory=dict)  # str(path) -> doc_id
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


def collect_inputs(inputs: Iterable[str | os.PathLike]) -> Inputs:
    """Files named directly, and every .txt/.md/.xml below named folders, in sorted order
    (so a run's output is deterministic). A file reached twice is listed once. Links
    that cannot be followed (dangling, looping) and unreadable folders are listed too,
    so that they get an error record rather than silence. Raises ``FileNotFoundError``
    for an input that does not exist at all."""
    found = Inputs()
    seen: set[str] = set()
    for item in inputs:
        path = Path(item)
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"input not found: {path}")
        candidates = _walk(path, found.skipped) if path.is_dir() else [path]
        for candidate in candidates:
            key = os.path.normcase(os.path.abspath(candidate))
            if key not in seen:
                seen.add(key)
                found.paths.append(candidate)
    found.doc_ids = document_ids(found.paths)
    return found


def iter_paths(inputs: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The document paths of :func:`collect_inputs`, in order."""
    yield from collect_inputs(inputs).paths


def _walk(folder: Path, skipped: list[tuple[str, str]]) -> Iterator[Path]:
    """Documents below ``folder``, sorted, without following links to folders (a link
    loop would never end); a link that points nowhere or round in a loop is yielded, and
    reading it reports the problem."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        yield folder  # reading it reports "permission denied"
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.name.upper() in FOLDER_DOCUMENTATION:
            skipped.append((str(path), "the folder's documentation, not a document"))
            continue
        if entry.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # dangling, or a loop
                yield path
                continue
            if target.is_dir():
                skipped.append((str(path), "link to a folder (not followed)"))
                continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, skipped)
        elif path.suffix.lower() in DOCUMENT_SUFFIXES:
            yield path
        elif path.suffix.lower() in NOT_YET:
            skipped.append((str(path), f"{NOT_YET[path.suffix.lower()]} is not supported; convert it to DOCX or text"))
        else:
            skipped.append((str(path), f"not a document type servanda reads ({', '.join(DOCUMENT_SUFFIXES)})"))


def document_ids(paths: list[Path]) -> dict[str, str]:
    """A document id per path: the file name without its extension, as the gold set
    names documents; where two inputs share a name, each gets its path relative to the
    inputs' common folder instead (``a/report``, ``b/report``; ``report.pdf``,
    ``report.txt`` for one name in two formats), so ids stay unique."""
    stems: dict[str, list[Path]] = {}
    for p in paths:
        stems.setdefault(p.stem, []).append(p)
    ids = {}
    for stem, group in stems.items():
        if len(group) == 1:
            ids[str(group[0])] = stem
            continue
        absolute = [os.path.abspath(p) for p in group]
        root = os.path.commonpath([os.path.dirname(a) for a in absolute])
        relative = [Path(os.path.relpath(a, root)) for a in absolute]
        # the same name in one folder in two formats (treaty.pdf, treaty.txt) keeps its suffix
        keep_suffix = len({r.with_suffix("") for r in relative}) < len(relative)
        for p, r in zip(group, relative):
            ids[str(p)] = (r if keep_suffix else r.with_suffix("")).as_posix()
    return ids


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


def read_document(
    path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: Optional[str] = None
) -> Document:
    """The document at ``path`` (id ``doc_id``, default its file name without extension);
    :class:`ReadError` says why a file cannot be one."""
    path = Path(path)
    if path.suffix.lower() in NOT_YET:
        raise ReadError(
            f"{NOT_YET[path.suffix.lower()]} files are not supported: convert it to DOCX or UTF-8 text "
            f"first (reading it as text would mix its markup into the clauses)"
        )
    if path.is_symlink() and not path.exists():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            raise ReadError("symbolic link loop") from None
        except OSError:
            raise ReadError("dangling symbolic link (its target does not exist)") from None
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
        if err.errno == errno.ELOOP:
            raise ReadError("symbolic link loop") from None
        raise ReadError(f"cannot read file: {err.strerror or err}") from None
    if path.suffix.lower() in ingest.FORMATS:
        return _ingest(raw, path, doc_id)
    text = _decode(raw, path)
    fmt = path.suffix.lower().lstrip(".") or "txt"
    if fmt == "xml":
        text = render_tota_xml(text)
    elif fmt not in ("txt", "md"):
        fmt = "txt"
    return Document(
        doc_id=doc_id or path.stem,
        path=str(path),
        text=text,
        text_sha256=sha256_text(text),
        source_format=fmt,
        provided={"text"},
    )


def _ingest(raw: bytes, path: Path, doc_id: Optional[str]) -> Document:
    """A PDF, DOCX or HTML file's extracted text; offsets index that text, and the
    extraction's notes (headers removed, hyphens rejoined, per page) are its warnings."""
    if not raw:
        raise ReadError("empty file")
    try:
        extracted = ingest.extract(raw, path.suffix)
    except ingest.IngestError as err:
        raise ReadError(str(err)) from None
    return Document(
        doc_id=doc_id or path.stem,
        path=str(path),
        text=extracted.text,
        text_sha256=sha256_text(extracted.text),
        source_format=extracted.source_format,
        provided={"text"},
        stages_run={"ingest": extracted.engine},
        warnings=list(extracted.warnings),
    )
