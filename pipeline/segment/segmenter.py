"""Clauses of a document: the layout and sentence layers joined, each clause given its kind
and its place (heading, lead-in, preamble); the pipeline's segmentation stage."""

from __future__ import annotations

from typing import Optional

from ..records import Clause, Document
from ..stages import Stage
from .layout import layout_blocks
from .patterns import ARTICLE_ONE, ENACTING_FORMULA, PREAMBLE_HEADING
from .sentences import attach_punctuation_only, sentence_spans


def segment_text(text: str, lang: str = "en") -> list[Clause]:
    """Clauses of ``text`` with structural kind and context (heading, lead-in, preamble)."""
    blocks = layout_blocks(text)
    spans = attach_punctuation_only(text, sentence_spans(text, blocks, lang))
    formula = next(
        (i for i, (s, e, _) in enumerate(spans) if ENACTING_FORMULA.search(text[s:e]) and s < 0.5 * len(text)), None
    )
    article_one = next(
        (i for i, (s, e, k) in enumerate(spans) if k == "heading" and ARTICLE_ONE.match(text[s:e])), None
    )
    has_preamble = formula is not None or any(
        PREAMBLE_HEADING.match(text[s:e]) for s, e, k in spans[:20] if k == "heading"
    )
    # The preamble runs up to the enacting formula or the first "Article 1" heading.
    operative_start = min(x for x in (formula, article_one, len(spans)) if x is not None)
    clauses: list[Clause] = []
    heading: Optional[str] = None
    lead_in: Optional[str] = None
    for i, (s, e, kind) in enumerate(spans):
        piece = text[s:e]
        if kind == "heading":
            heading, lead_in = piece, None
        elif (
            kind == "sentence"
            and piece.rstrip("*").endswith(":")
            and i + 1 < len(spans)
            and spans[i + 1][2] == "list_item"
        ):
            kind = "lead_in"
        elif kind not in ("list_item",):
            # a new paragraph ends the list that the last lead-in introduced
            if kind == "sentence" and i > 0 and spans[i - 1][2] != "sentence":
                lead_in = None
        in_preamble = has_preamble and i < operative_start
        clauses.append(
            Clause(
                start=s,
                end=e,
                text=piece,
                kind=kind,
                heading=heading,
                lead_in=lead_in if kind == "list_item" else None,
                in_preamble=in_preamble,
            )
        )
        if kind == "lead_in" or (kind == "list_item" and piece.rstrip("*").endswith(":")):
            # an item ending in ':' ("Promote … by:") introduces the sub-items below it
            lead_in = piece
    return clauses


class Segmenter(Stage):
    """Stage: split a document into clauses (guide §2)."""

    name = "segment"
    requires = frozenset({"text", "lang"})
    provides = frozenset({"clauses"})

    @property
    def version(self) -> str:
        return "layout-rules+spacy-senter(en)/sentencizer-22"

    def process(self, doc: Document) -> Document:
        lang = doc.lang if doc.lang in ("en", "uk", "es", "fr", "de", "it", "pt", "ru") else "en"
        doc.clauses = segment_text(doc.text, lang)
        return doc
