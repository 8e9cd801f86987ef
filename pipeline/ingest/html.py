"""HTML main content with trafilatura: the article, not the navigation, menus, footers or
comments. trafilatura's XML output keeps headings, paragraphs and lists apart (its plain
text output turns ordered lists into bullets), so the blocks are laid out here.
"""

from __future__ import annotations

from typing import Any

from defusedxml import ElementTree as SafeET

from . import IngestError, join_blocks


def extract_html(raw: bytes) -> tuple[str, list[str]]:
    """The main text of an HTML page; the note says how much of the page it kept."""
    import trafilatura

    xml = trafilatura.extract(
        raw,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        raise IngestError("no main text found in the HTML page (only navigation or markup?)")
    root = SafeET.fromstring(xml)
    main = root.find("main")
    blocks: list[str] = []
    for child in main if main is not None else root:
        _render(child, blocks)
    return join_blocks(blocks), []


def _text(node: Any) -> str:
    """The node's text with its line breaks (<lb/>, from <br>) kept and other runs of
    white space made one space."""
    parts: list[str] = []

    def walk(n: Any) -> None:
        if n.tag == "lb":
            parts.append("\n")
        elif n.text:
            parts.append(n.text)
        for child in n:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()


def _render(node: Any, blocks: list[str], marker: str = "") -> None:
    tag = node.tag
    if tag == "list":
        ordered = node.get("rend") == "ol"
        for n, item in enumerate(node.findall("item"), 1):
            _render(item, blocks, f"{n}." if ordered else "-")
        return
    if tag == "item":
        own = " ".join(
            " ".join([node.text or ""] + [_text(c) + (c.tail or "") for c in node if c.tag != "list"]).split()
        )
        if own:
            blocks.append(f"{marker} {own}" if marker else own)
        for sub in node.findall("list"):
            _render(sub, blocks)
        return
    if tag == "table":
        for row in node.iter("row"):
            cells = [_text(c) for c in row.findall("cell")]
            blocks.append(" ".join(c for c in cells if c))
        return
    if tag in ("head", "p", "quote", "code"):
        blocks.append(_text(node))
        return
    text = _text(node)
    if text:
        blocks.append(text)
