"""Ingest: the text of PDF, Word (DOCX) and HTML files, with offsets that mean something.

Each format has its own module that turns the file's bytes into plain text laid out the
way the segmenter reads a ``.txt`` (one paragraph per block, blocks separated by a blank
line, list items with their markers) and says, page by page, what it removed or rejoined.
The same bytes and the same library versions always give the same text, so a record's
``text_sha256`` identifies it and ``servanda view`` can rebuild it from the file.

The libraries are the extra ``[ingest]``; a plain install that meets such a file gets an
error record that names the extra, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata

# suffix -> source_format
FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
# the library that extracts each format (its version goes into the record's stages_run)
ENGINES = {"pdf": "pdfplumber", "docx": "python-docx", "html": "trafilatura"}


class IngestError(Exception):
    """The file cannot give text; ``str(err)`` is the reason a user can act on."""


@dataclass
class Extracted:
    """A file's text and what extraction did to it."""

    text: str
    source_format: str
    engine: str  # "pdfplumber-0.11.10": library and version, for reproducibility
    warnings: list[str] = field(default_factory=list)


def engine_version(fmt: str) -> str:
    name = ENGINES[fmt]
    try:
        return f"{name}-{metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return name


def extract(raw: bytes, suffix: str) -> Extracted:
    """The text of a file of ``suffix`` (".pdf", ".docx", ".html", ".htm") from its bytes;
    :class:`IngestError` says why it has none."""
    fmt = FORMATS[suffix.lower()]
    reader: Callable[[bytes], tuple[str, list[str]]]
    try:
        if fmt == "pdf":
            from .pdf import extract_pdf as reader
        elif fmt == "docx":
            from .docx import extract_docx as reader
        else:
            from .html import extract_html as reader
    except ImportError as err:
        raise IngestError(
            f"reading {fmt.upper()} needs the extra [ingest] ({err.name} is not installed): "
            "pip install 'servanda[ingest]'"
        ) from None
    text, warnings = reader(raw)
    if not text.strip():
        raise IngestError(f"the {fmt.upper()} file holds no text")
    return Extracted(text=text, source_format=fmt, engine=engine_version(fmt), warnings=warnings)


def join_blocks(blocks: list[str]) -> str:
    """Blocks as the segmenter reads a text file: one per paragraph, a blank line between."""
    kept = [b.strip() for b in blocks if b and b.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""
