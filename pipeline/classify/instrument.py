"""Stage ``instrument``: what kind of text a document is — agreement, trade agreement,
declaration or joint statement, memorandum, news report, official act (the gold set's
genres, annotations/NOTES.md). Analysts filter by it.

A learned model over the document's opening (``instrument.json`` beside the clause
classifier) decides, except where the title names the kind outright ("Memorandum of
Understanding …", "УКАЗ ПРЕЗИДЕНТА …"): the gold set has too few memoranda and official
acts for a model to learn them, and a title is not ambiguous.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..records import Document
from ..stages import Stage
from .features import document_features
from .linear import CharNgramModel

MODEL_FILE = "instrument.json"
TITLE_LINES = 3
TITLE_RULES = (
    ("memorandum", re.compile(r"^\W*(?:memorandum|меморандум|memorando|mémorandum)\b", re.IGNORECASE)),
    # a statement, an appeal or a communiqué titled as such is one, whoever reports it after
    (
        "declaration",
        re.compile(
            r"^\W*(?:спільн\w+\s+)?(?:заява|декларація|звернення|комюніке)(?!\w)"
            r"|^\W*joint\s+(?:statement|declaration|communiqu[eé])\b|^\W*declaración\s+conjunta\b"
            r"|^\W*déclaration\s+conjointe\b",
            re.IGNORECASE,
        ),
    ),
    (
        "official_act",
        re.compile(
            r"^\W*(?:указ|розпорядження|постанова|наказ|рішення|закон україни|executive order|decree)\b",
            re.IGNORECASE,
        ),
    ),
)


class InstrumentClassifier(Stage):
    """Stage: ``Document.instrument`` and ``instrument_score``."""

    name = "instrument"
    requires = frozenset({"text", "lang", "clauses"})
    provides = frozenset({"instrument"})

    def __init__(self, model_dir: Optional[Path | str] = None):
        path = Path(model_dir) / MODEL_FILE if model_dir is not None else None
        self.model = CharNgramModel.load(path) if path is not None and path.exists() else None
        # a classifier folder without the model is worth a warning; the cue baseline has none by design
        self.missing = path is not None and self.model is None

    @property
    def version(self) -> str:
        return f"instrument-charngram@{self.model.fingerprint}+titles-2" if self.model else "instrument-titles-2"

    def process(self, doc: Document) -> Document:
        title = "\n".join(c.text for c in doc.clauses[:TITLE_LINES])
        for kind, rule in TITLE_RULES:
            if any(rule.search(line) for line in title.splitlines()):
                doc.instrument, doc.instrument_score = kind, 1.0
                return doc
        if self.model is None:
            doc.instrument, doc.instrument_score = None, None
            if self.missing:
                doc.warnings.append("instrument: no instrument model beside the classifier (run `servanda train`)")
            return doc
        label, prob = self.model.predict([document_features(doc)])[0]
        doc.instrument, doc.instrument_score = label, round(prob, 4)
        return doc
