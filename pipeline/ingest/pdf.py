"""PDF text with pdfplumber: columns in reading order, running headers, footers and page
numbers removed, hyphenated line ends rejoined (docs/ingest.md has why pdfplumber and how
it was measured).

pdfplumber gives every word with its box, so the layout is read from positions rather
than from the order the producer wrote the content stream in: a page whose words leave a
vertical gutter near the middle is read left column, then right column, band by band
between the lines that cross the gutter (titles, full-width paragraphs).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from ..segment.patterns import LIST_MARKER, TERMINAL
from . import IngestError, join_blocks

# A margin line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12".
PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|стор(?:інка)?\.?|página|pág\.)\s*)?\d{1,4}(?:\s*(?:of|/|з|de|sur)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)
# A line that ends in a hyphen after a letter, and a line that goes on in lower case.
HYPHEN_END = re.compile(r"(\w+)-$")
LOWER_START = re.compile(r"^([a-zа-яєіїґß-ÿ]\w*)")
UPPER_END = re.compile(r"(?:^|\s)([A-ZА-ЯЄІЇҐ]{2,})-$")
UPPER_START = re.compile(r"^([A-ZА-ЯЄІЇҐ]{2,})\b")
SHORT_LINE = 0.8  # a line that stops before this share of its column's width was broken by hand
MARGIN_LINES = 2  # lines at the top and at the bottom of a page that may be running heads


@dataclass
class Line:
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    column: int = 0  # 0: full width or one column, 1 left, 2 right


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)
    columns: bool = False
    notes: list[str] = field(default_factory=list)


def extract_pdf(raw: bytes) -> tuple[str, list[str]]:
    """The text of a PDF and one warning per page that extraction changed."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
    except Exception as err:  # pdfminer's parse errors have no common base; pdfplumber wraps them
        cause = err.args[0] if err.args and isinstance(err.args[0], Exception) else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("encrypted PDF (it needs a password); save a decrypted copy first") from None
        raise IngestError(f"corrupt PDF ({cause.__class__.__name__}: {str(cause)[:120]})") from None
    with pdf:
        try:
            pdf_pages = list(pdf.pages)
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise IngestError("encrypted PDF (it needs a password); save a decrypted copy first") from None
        except Exception as err:
            raise IngestError(f"corrupt PDF ({err.__class__.__name__}: {str(err)[:120]})") from None
        if not pdf_pages:
            raise IngestError("the PDF has no pages")
        pages = []
        for number, pdf_page in enumerate(pdf_pages, 1):
            try:
                words = pdf_page.extract_words(x_tolerance=1.5, y_tolerance=3, extra_attrs=["size"])
            except Exception as err:
                raise IngestError(f"corrupt PDF, page {number} ({err.__class__.__name__})") from None
            pages.append(_read_page(number, words, float(pdf_page.width)))
    if not any(p.lines for p in pages):
        raise IngestError(f"no text layer; OCR not supported (a scan? none of its {len(pages)} page(s) has text)")
    _drop_running_lines(pages)
    text = _paragraphs(pages)
    warnings = [f"page {p.number}: {'; '.join(p.notes)}" for p in pages if p.notes]
    return text, warnings


def _read_page(number: int, words: list[dict], width: float) -> Page:
    page = Page(number)
    if not words:
        page.notes.append("no text layer (a scanned page?): skipped, OCR not supported")
        return page
    gutter = _gutter(words, width)
    lines = _group_lines(words)
    if gutter is None:
        page.lines = lines_out = [_line(ws) for ws in lines]
        return page
    page.columns = True
    page.notes.append("two columns")
    # Bands between full-width lines; inside a band, the left column, then the right one.
    lines_out = []
    band: dict[int, list[Line]] = {1: [], 2: []}
    for ws in lines:
        if any(w["x0"] < gutter < w["x1"] for w in ws):
            lines_out += band[1] + band[2]
            band = {1: [], 2: []}
            lines_out.append(_line(ws))
            continue
        for column, part in ((1, [w for w in ws if w["x1"] <= gutter]), (2, [w for w in ws if w["x0"] >= gutter])):
            if part:
                line = _line(part)
                line.column = column
                band[column].append(line)
    page.lines = lines_out + band[1] + band[2]
    return page


def _gutter(words: list[dict], width: float) -> float | None:
    """The middle of the widest vertical strip (at least 6 pt) in the middle third of the
    page that only full-width lines cross, with words on both sides; else None (one
    column). Each word is widened by a quarter of its font size, so the spaces of a line
    are covered: a single column, or a centred title, covers the middle of the page."""
    rows = len(_group_lines(words))
    pads = [0.25 * float(w.get("size") or 10) for w in words]
    lo, hi = int(width * 0.35), int(width * 0.65)
    cover = [sum(1 for w, pad in zip(words, pads) if w["x0"] - pad < x < w["x1"] + pad) for x in range(lo, hi)]
    if not cover:
        return None
    least = min(cover)
    if least > max(2, 0.1 * rows):
        return None
    best = (0, 0)  # (width, start) of the longest run of x with the least cover
    run = 0
    for i, c in enumerate(cover):
        run = run + 1 if c == least else 0
        if run > best[0]:
            best = (run, i - run + 1)
    if best[0] < 6:
        return None
    x = lo + best[1] + best[0] / 2
    left = sum(1 for w in words if w["x1"] <= x)
    right = sum(1 for w in words if w["x0"] >= x)
    if min(left, right) < max(3, 0.02 * len(words)):
        return None
    return x


def _group_lines(words: list[dict]) -> list[list[dict]]:
    """Words in lines (same baseline within 2 pt), top to bottom, each left to right."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - w["bottom"]) <= 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _line(words: list[dict]) -> Line:
    return Line(
        text=" ".join(w["text"] for w in words),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        size=max(float(w.get("size") or 0) for w in words),
    )


def _shape(text: str) -> str:
    """A margin line with its numbers blanked, so "Page 3" and "Page 4" are one heading."""
    return re.sub(r"\d+", "#", text.strip().lower())


def _drop_running_lines(pages: list[Page]) -> None:
    """Remove page numbers, and lines in the top or bottom margin lines that recur on at
    least half the pages (at least two), noting each on its page."""
    with_text = [p for p in pages if p.lines]
    counts: Counter[str] = Counter()
    for p in with_text:
        counts.update({_shape(line.text) for line in p.lines[:MARGIN_LINES] + p.lines[-MARGIN_LINES:]})
    need = max(2, (len(with_text) + 1) // 2)
    for p in with_text:
        n = len(p.lines)
        margin: set[int] = set(range(min(MARGIN_LINES, n))) | set(range(max(0, n - MARGIN_LINES), n))
        keep = []
        for i, line in enumerate(p.lines):
            if i in margin and PAGE_NUMBER.match(line.text):
                p.notes.append(f"removed page number {line.text.strip()!r}")
            elif i in margin and counts[_shape(line.text)] >= need and len(with_text) >= 2:
                where = "header" if i < MARGIN_LINES else "footer"
                p.notes.append(f"removed running {where} {line.text.strip()[:60]!r}")
            else:
                keep.append(line)
        p.lines = keep


def _paragraphs(pages: list[Page]) -> str:
    """Lines joined into paragraphs: a paragraph ends at a vertical gap larger than the
    line spacing, before a list marker, or at a column or page end after a full stop or a
    short line; a short line inside a paragraph keeps its line break (signature blocks,
    addresses); hyphenated line ends are rejoined (keeping the hyphen where the document
    spells the word with one elsewhere)."""
    hyphenated = {w.lower() for p in pages for line in p.lines for w in re.findall(r"\w+-\w+", line.text)}
    blocks: list[str] = []
    current = ""
    prev: Line | None = None
    prev_page: Page | None = None
    for page in pages:
        gaps = [b.top - a.bottom for a, b in zip(page.lines, page.lines[1:]) if a.column == b.column]
        spacing = sorted(g for g in gaps if g >= 0)
        usual = spacing[len(spacing) // 2] if spacing else 0.0
        left_edge = {c: min((ln.x0 for ln in page.lines if ln.column == c), default=0.0) for c in (0, 1, 2)}
        right_edge = {c: max((ln.x1 for ln in page.lines if ln.column == c), default=0.0) for c in (0, 1, 2)}
        joins = 0
        for line in page.lines:
            text = line.text.strip()
            new_block = prev is None or bool(LIST_MARKER.match(text))
            short = False
            if prev is not None and prev_page is not None:
                col = prev.column
                edges = (left_edge, right_edge) if prev_page is page else _edges(prev_page, col)
                span = edges[1][col] - edges[0][col]
                short = span > 0 and prev.x1 - edges[0][col] < SHORT_LINE * span
            if prev is not None and not new_block:
                same_flow = prev_page is page and prev.column == line.column and line.top > prev.top
                if same_flow:
                    gap = line.top - prev.bottom
                    new_block = gap > usual + max(2.0, 0.4 * (line.bottom - line.top)) or abs(line.size - prev.size) > 1
                else:  # a new column or page goes on unless the last line ended a sentence
                    new_block = bool(TERMINAL.search(current)) or short
            if new_block:
                if current:
                    blocks.append(current)
                current = text
            else:
                hyphen = HYPHEN_END.search(current)
                lower = LOWER_START.match(text) or (UPPER_END.search(current) and UPPER_START.match(text))
                if hyphen and lower and not short:
                    word = f"{hyphen.group(1)}-{lower.group(1)}".lower()
                    if word in hyphenated:
                        current += text
                    else:
                        current = current[:-1] + text
                        joins += 1
                elif hyphen and not short and text[:1].isupper():  # "Euro-" / "Atlantic": a compound
                    current += text
                else:
                    current += ("\n" if short else " ") + text
            prev, prev_page = line, page
        if joins:
            page.notes.append(f"rejoined {joins} hyphenated line end{'s' if joins > 1 else ''}")
    if current:
        blocks.append(current)
    return join_blocks(blocks)


def _edges(page: Page, column: int) -> tuple[dict[int, float], dict[int, float]]:
    lines = [ln for ln in page.lines if ln.column == column]
    return {column: min((ln.x0 for ln in lines), default=0.0)}, {column: max((ln.x1 for ln in lines), default=0.0)}
