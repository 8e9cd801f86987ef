"""Language identification with lingua, per document and per clause.

The document decision reads bounded samples (start, middle, end) rather than a
megabyte at once, so it stays fast on long treaties. Clauses are decided one by
one so that a Ukrainian title quoted in an English treaty gets ``uk``; clauses too
short to judge (numbers, names, "Read next") inherit the document's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Optional

from .records import Document
from .stages import Stage

# The corpus languages plus their closest neighbours, so that a Russian quote is
# not forced into Ukrainian or a Portuguese one into Spanish.
DEFAULT_LANGUAGES = ("en", "uk", "es", "fr", "de", "it", "pt", "ru", "nl", "pl")
# Languages every later stage supports fully (segmentation rules, NER, classifier).
FULLY_SUPPORTED = ("en", "uk")
SAMPLE_CHARS = 2000
MIN_CLAUSE_LETTERS = 20  # below this, lingua's guess is noise; inherit the document's


@cache
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = [getattr(IsoCode639_1, c.upper()) for c in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_preloaded_language_models().build()


def _code(language) -> str:
    return language.iso_code_639_1.name.lower()


def _samples(text: str, n: int = 3, size: int = SAMPLE_CHARS) -> list[str]:
    if len(text) <= n * size:
        return [text]
    step = (len(text) - size) // (n - 1)
    return [text[i * step : i * step + size] for i in range(n)]


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


class LanguageIdentifier(Stage):
    """Stage: ``Document.lang`` with a confidence, and ``Clause.lang`` once clauses exist."""

    name = "language"
    requires = frozenset({"text"})
    provides = frozenset({"lang"})

    def __init__(self, languages: Sequence[str] = DEFAULT_LANGUAGES):
        self.languages = tuple(languages)
        self.detector = _detector(self.languages)

    @property
    def version(self) -> str:
        from importlib.metadata import version

        return f"lingua-{version('lingua-language-detector')}"

    def detect(self, text: str) -> tuple[Optional[str], float]:
        """The language of ``text`` and its confidence, voting over bounded samples."""
        votes: dict[str, float] = {}
        samples = _samples(text)
        for sample in samples:
            if _letters(sample) < 3:
                continue
            values = self.detector.compute_language_confidence_values(sample)
            if values:
                top = values[0]
                votes[_code(top.language)] = votes.get(_code(top.language), 0.0) + top.value
        if not votes:
            return None, 0.0
        best = max(votes, key=lambda code: votes[code])
        # mean confidence of the winner over all samples (a sample it lost counts 0)
        return best, round(votes[best] / len(samples), 4)

    def process(self, doc: Document) -> Document:
        doc.lang, doc.lang_score = self.detect(doc.text)
        return doc


class ClauseLanguageIdentifier(LanguageIdentifier):
    """Stage: a language per clause (after segmentation)."""

    name = "clause_language"
    requires = frozenset({"lang", "clauses"})
    provides = frozenset({"clause_lang"})

    def process(self, doc: Document) -> Document:
        long_enough = [c for c in doc.clauses if _letters(c.text) >= MIN_CLAUSE_LETTERS]
        texts = [c.text[:SAMPLE_CHARS] for c in long_enough]
        results = self.detector.compute_language_confidence_values_in_parallel(texts) if texts else []
        for clause, values in zip(long_enough, results):
            if values:
                clause.lang, clause.lang_score = _code(values[0].language), round(values[0].value, 4)
        for clause in doc.clauses:
            if clause.lang is None:
                clause.lang, clause.lang_score = doc.lang, None
        return doc
