"""Word (DOCX) text with python-docx: paragraphs and table cells in document order, and the
numbers of numbered lists, which Word keeps outside the text (in numbering.xml) and
python-docx does not render. Headers and footers are separate parts of the file and are
not read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any, Optional

from . import IngestError, join_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """numbering.xml: which list (numId) uses which levels, and the counters so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # lvlOverride/startOverride
    counters: dict[str, list[int]] = field(default_factory=dict)

    def marker(self, num_id: str, ilvl: int) -> Optional[str]:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, [0] * 9)
        for i in range(len(counts)):
            if i > ilvl:
                counts[i] = 0
        level = levels[ilvl]
        start = self.starts.get((num_id, ilvl), level.start)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return None
        text = level.text
        for i in range(ilvl + 1):
            lvl = levels.get(i, Level())
            value = counts[i] or self.starts.get((num_id, i), lvl.start)
            text = text.replace(f"%{i + 1}", _format(value, lvl.fmt))
        return text.strip() or None


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def _read_numbering(document: Any) -> Numbering:
    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstract: dict[str, dict[int, Level]] = {}
    for node in root.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in node.findall(f"{W}lvl"):
            level = Level()
            for tag, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                child = lvl.find(f"{W}{tag}")
                if child is not None:
                    setattr(level, attr, child.get(f"{W}val") or "")
            start = lvl.find(f"{W}start")
            if start is not None:
                level.start = int(start.get(f"{W}val") or 1)
            levels[int(lvl.get(f"{W}ilvl") or 0)] = level
        abstract[node.get(f"{W}abstractNumId") or ""] = levels
    for num in root.findall(f"{W}num"):
        num_id = num.get(f"{W}numId") or ""
        ref = num.find(f"{W}abstractNumId")
        numbering.levels[num_id] = abstract.get(ref.get(f"{W}val") if ref is not None else "", {})
        for override in num.findall(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                numbering.starts[(num_id, int(override.get(f"{W}ilvl") or 0))] = int(start.get(f"{W}val") or 1)
    return numbering


def _num_pr(paragraph: Any) -> Optional[tuple[str, int]]:
    """(numId, ilvl) of a paragraph: its own, else its style's (List Number, List Bullet …)."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        if ppr is None or ppr.numPr is None:
            continue
        num_pr = ppr.numPr
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id is not None:
            return (str(num_id), int(ilvl)) if str(num_id) != "0" else None
    return None


def extract_docx(raw: bytes) -> tuple[str, list[str]]:
    """The text of a DOCX and the notes on what was added (list numbers)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"corrupt or not a DOCX file ({err.__class__.__name__}: {str(err)[:120]})") from None
    except Exception as err:  # python-docx raises several kinds for a broken package
        raise IngestError(f"corrupt DOCX ({err.__class__.__name__}: {str(err)[:120]})") from None
    numbering = _read_numbering(document)
    blocks: list[str] = []
    numbered = 0

    def paragraph_text(p: Any) -> str:
        nonlocal numbered
        text = p.text.strip()
        where = _num_pr(p)
        if text and where is not None:
            marker = numbering.marker(*where)
            if marker:
                numbered += 1
                return f"{marker} {text}"
        return text

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(paragraph_text(item))
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    blocks.extend(paragraph_text(p) for p in cell.paragraphs)
    notes = [f"list numbers rendered from numbering.xml for {numbered} paragraphs"] if numbered else []
    return join_blocks(blocks), notes
