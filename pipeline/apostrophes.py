"""The apostrophe's spellings, in one place for matching, features and scoring.

Ukrainian writes the same letter as ', ’ or ʼ (and text converted from other encodings
has `, ´ or ʹ); servanda treats them alike. Every spelling is one character, so unifying
them never moves an offset.
"""

from __future__ import annotations

APOSTROPHES = "'’ʼ`´ʹ"
_UNIFY = str.maketrans({c: "'" for c in APOSTROPHES[1:]})


def unify_apostrophes(text: str) -> str:
    """``text`` with every apostrophe spelled ', the same length."""
    return text.translate(_UNIFY)
