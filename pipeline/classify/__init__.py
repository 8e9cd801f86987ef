"""Clause classification and commitment attributes (pipeline stages)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..records import Document
from ..stages import Stage
from .cues import classify_clause

# Languages the fine-tuned encoder was trained on; other clauses go to the
# cue lexicon of their language (and the output says so per clause).
MODEL_LANGUAGES = ("en",)
CUE_VERSION = "cues-1"


class ClauseClassifier(Stage):
    """Stage: ``Clause.label``/``score``/``classifier`` for every clause.

    ``model_dir=None`` runs the cue-lexicon classifier only (the rule baseline)."""

    name = "classify"
    requires = frozenset({"clauses", "clause_lang"})
    provides = frozenset({"labels"})

    def __init__(self, model_dir: Optional[Path | str] = None, device: str = "cpu", dtype: str = "auto"):
        self.model = None
        if model_dir is not None:
            from .model import load_model

            self.model = load_model(str(model_dir), device, dtype)

    @property
    def version(self) -> str:
        return self.model.version if self.model else CUE_VERSION

    def process(self, doc: Document) -> Document:
        by_model = []
        for clause in doc.clauses:
            lang = clause.lang or doc.lang
            if self.model is not None and lang in MODEL_LANGUAGES:
                by_model.append(clause)
            else:
                clause.label, clause.score = classify_clause(clause, lang)
                clause.classifier = f"{CUE_VERSION}-{lang}"
        if by_model and self.model is not None:
            for clause, (label, prob, _) in zip(by_model, self.model.predict(by_model)):
                clause.label, clause.score, clause.classifier = label, prob, self.model.version
        return doc
