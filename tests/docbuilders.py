"""Real PDF, DOCX and HTML files built from a corpus text with the tools people make them
with (reportlab, python-docx, an HTML page with navigation), for the ingest tests.

The PDF is laid out like a printed treaty: two columns, a running header, a footer with
the page number, words hyphenated at line ends; its content stream draws each page's
lines row by row across both columns (as producers that write text in y order do), so an
extractor that follows the stream rather than the layout mixes the columns.
"""

from __future__ import annotations

import re
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LIST_ITEM = re.compile(r"^(\d+)\.\s+(.*)$|^-\s+(.*)$", re.DOTALL)
HEADER = "Joint Declaration of Albania, Croatia and Kosovo"


def blocks_of(text: str) -> list[str]:
    """The paragraphs of a corpus text, its Markdown bold marks dropped (they are markup,
    not text, in a PDF or a Word file): blank lines and list markers start a paragraph,
    the other line breaks of a paragraph are kept (as forced line breaks)."""
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.replace("**", "")):
        lines = [" ".join(line.split()) for line in chunk.splitlines() if line.strip()]
        for line in lines:
            if blocks and not LIST_ITEM.match(line) and line is not lines[0]:
                blocks[-1] += "\n" + line
            else:
                blocks.append(line)
    return blocks


def _font() -> str:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = DEJAVU if DEJAVU.exists() else Path(str(reportlab.__file__)).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Body", str(path)))
    return "Body"


def _wrap(words: list[str], width: float, measure) -> list[str]:
    """Greedy line filling; a word that does not fit is hyphenated when at least three
    letters fit and three stay, or broken after its own hyphen."""
    lines: list[str] = []
    line = ""
    queue = list(words)
    while queue:
        word = queue.pop(0)
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        head = None
        if "-" in word[1:-1] and measure(f"{line} {word.split('-')[0]}-") <= width:
            head, tail = word.split("-", 1)[0] + "-", word.split("-", 1)[1]
        elif word.isalpha() and len(word) >= 7:
            for k in range(len(word) - 3, 2, -1):
                if measure(f"{line} {word[:k]}-") <= width:
                    head, tail = word[:k] + "-", word[k:]
                    break
        if head and line:
            lines.append(f"{line} {head}")
            line = ""
            queue.insert(0, tail)
        elif line:
            lines.append(line)
            line = ""
            queue.insert(0, word)
        else:
            lines.append(word)
    if line:
        lines.append(line)
    return lines


def write_pdf(text: str, path: Path, columns: int = 2, size: float = 10.0, stream: str = "rows") -> Path:
    """``stream``: "rows" draws each page's lines in y order across the columns, "columns"
    one column after the other (what most producers do)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _font()
    width, height = A4
    margin, gutter, leading = 56.0, 24.0, size * 1.3
    col_width = (width - 2 * margin - (columns - 1) * gutter) / columns
    top, bottom = height - margin - 2 * leading, margin + 2 * leading
    measure = lambda s: stringWidth(s, font, size)  # noqa: E731
    pages: list[list[tuple[float, float, str]]] = [[]]
    column, y = 0, top
    for block in blocks_of(text):
        for line in (w for part in block.split("\n") for w in _wrap(part.split(), col_width, measure)):
            if y < bottom:
                column, y = column + 1, top
                if column == columns:
                    pages.append([])
                    column = 0
            pages[-1].append((margin + column * (col_width + gutter), y, line))
            y -= leading
        y -= 0.8 * leading  # paragraph space
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, 1):
        pdf.setFont(font, size - 1)
        pdf.drawCentredString(width / 2, height - margin, HEADER)
        pdf.drawCentredString(width / 2, margin - leading, f"Page {number} of {len(pages)}")
        pdf.setFont(font, size)
        key = (lambda t: (-t[1], t[0])) if stream == "rows" else (lambda t: (t[0], -t[1]))
        for x, y, line in sorted(lines, key=key):
            pdf.drawString(x, y, line)
        pdf.showPage()
    pdf.save()
    return path


def write_scan_pdf(path: Path) -> Path:
    """A page with only an image of text (no text layer), like a scanner writes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "The Parties shall cooperate.", fill=0)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(image), 50, 500, 500, 170)
    pdf.showPage()
    pdf.save()
    return path


def write_encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def write_empty_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    with open(path, "wb") as fh:
        PdfWriter().write(fh)
    return path


def write_docx(text: str, path: Path) -> Path:
    """Paragraphs as Word paragraphs; "1. …" items as a Word numbered list (List Number:
    the number lives in numbering.xml, not in the text) and "- …" items as bullets."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER  # a running header, which is not body text
    for block in blocks_of(text):
        match = LIST_ITEM.match(block)
        if match and match.group(1):
            paragraph = document.add_paragraph(style="List Number")
            block = match.group(2)
        elif match:
            paragraph = document.add_paragraph(style="List Bullet")
            block = match.group(3)
        else:
            paragraph = document.add_paragraph()
        for i, line in enumerate(block.split("\n")):
            run = paragraph.add_run(line)
            if i < block.count("\n"):
                run.add_break()
    document.save(str(path))
    return path


def write_html(text: str, path: Path) -> Path:
    """An article page with a navigation bar, a menu, a sidebar and a footer."""
    from html import escape

    body: list[str] = []
    open_list = ""
    for block in blocks_of(text):
        match = LIST_ITEM.match(block)
        kind = "ol" if match and match.group(1) else "ul" if match else ""
        if kind != open_list:
            if open_list:
                body.append(f"</{open_list}>")
            if kind:
                body.append(f"<{kind}>")
            open_list = kind
        if match:
            body.append(f"<li>{escape(match.group(2) or match.group(3))}</li>")
        else:
            body.append("<p>" + "<br>".join(escape(line) for line in block.split("\n")) + "</p>")
    if open_list:
        body.append(f"</{open_list}>")
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in ("Home", "News", "Press", "Contact", "About"))
    path.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Joint Declaration</title></head><body>"
        f"<nav><ul>{nav}</ul></nav><div class='menu'>Ministry of Defence | Media | Careers</div>"
        f"<main><article>{''.join(body)}</article></main>"
        "<aside><h3>Related news</h3><ul><li><a href='/n/1'>Minister visits troops</a></li>"
        "<li><a href='/n/2'>New recruitment campaign</a></li></ul></aside>"
        "<footer><p>© 2025 Ministry of Defence. All rights reserved.</p><p>Privacy | Cookies</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    return path
