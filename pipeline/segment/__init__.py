"""Clause segmentation (ANNOTATION_GUIDE.md §2).

Two layers:

1. A *layout* layer that spaCy knows nothing about. It turns raw lines into
   blocks: it rejoins OCR line breaks inside sentences, splits paragraphs that are
   separated only by runs of spaces, recognises list items (and strips their
   markers), headings, and signature blocks.
2. A *sentence* layer: blocks that may hold several sentences go through a spaCy
   sentence splitter — the English pipeline's statistical ``senter`` for English,
   the rule-based ``sentencizer`` for other languages.

Every span is trimmed to its first and last non-space character, so that
``text[start:end]`` is the clause exactly as written.
"""

from __future__ import annotations

from .layout import Block, layout_blocks
from .segmenter import Segmenter, segment_text

__all__ = ["Block", "Segmenter", "layout_blocks", "segment_text"]
