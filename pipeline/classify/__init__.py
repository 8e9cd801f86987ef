"""Stage ``classify``: a label and a probability for every clause.

A clause goes to the fine-tuned transformer (``model.py``) when its language is one the
transformer was trained on (English, Spanish and French by default) and no n-gram model of
that language did better on dev; else to the learned character n-gram model of its language
(``linear-<langs>.json`` beside the transformer, ``linear.py``: Ukrainian, whose Cyrillic the
uncased English vocabulary cannot read); else to the cue lexicon of its language
(``cues.py``, the rule baseline). Ukrainian clauses have a transformer of their own where
the model folder holds one (opt-in, ``servanda train --multilingual``; not in the default
model): multilingual-e5-small fine-tuned on Ukrainian and English gold clauses
(``multilingual.py``). Where a language's n-gram model was trained with a blend
weight (English), the transformer's probabilities are averaged with it: the two
models err on different clauses. An n-gram model trained with an embedding block (Ukrainian)
also reads each clause's multilingual sentence embedding (``embeddings.py``). Each clause's
``classifier`` field names what labelled it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from ..records import Clause, Document
from ..stages import Stage
from .cues import classify_clause
from .features import clause_features
from .linear import CharNgramModel, blend
from .multilingual import FOLDER as MULTILINGUAL_FOLDER

# The learned models of the other languages: file name -> the languages it labels (Spanish
# and French share one: there is one French gold treaty in the train split).
LINEAR_MODELS = {"linear-uk.json": ("uk",), "linear-es-fr.json": ("es", "fr"), "linear-en.json": ("en",)}
CUE_VERSION = "cues-3"


class ClauseClassifier(Stage):
    """Stage: ``Clause.label``/``score``/``classifier`` for every clause.

    ``model_dir=None`` runs the cue-lexicon classifier only (the rule baseline)."""

    name = "classify"
    requires = frozenset({"clauses", "clause_lang", "instrument"})
    provides = frozenset({"labels"})

    def __init__(self, model_dir: Optional[Path | str] = None, device: str = "cpu", dtype: str = "auto"):
        self.model = None
        self.multilingual = None
        self.linear: dict[str, CharNgramModel] = {}
        if model_dir is not None:
            from .model import load_model

            self.model = load_model(str(model_dir), device, dtype)
            if (Path(model_dir) / MULTILINGUAL_FOLDER / "config.json").exists():
                from .multilingual import load_multilingual

                self.multilingual = load_multilingual(str(Path(model_dir) / MULTILINGUAL_FOLDER))
            for name, langs in LINEAR_MODELS.items():
                path = Path(model_dir) / name
                if path.exists():
                    model = CharNgramModel.load(path)
                    self.linear.update({lang: model for lang in langs})
            if any(model.embedding for model in self.linear.values()):
                from .embeddings import require_encoder

                require_encoder()

    @property
    def version(self) -> str:
        if self.model is None:
            return CUE_VERSION
        # which model labels a language is part of the version: the same weights routed
        # otherwise give other labels
        linear = ",".join(f"{lang}:{m.fingerprint}{self._role(lang)}" for lang, m in sorted(self.linear.items()))
        multilingual = f"+{self.multilingual.version}" if self.multilingual else ""
        return self.model.version + multilingual + (f"+charngram[{linear}]" if linear else "")

    def _prefers_linear(self, lang: str) -> bool:
        """Whether training found this language's n-gram model better than the transformer
        on dev (``servanda train`` compares the two where both read the language)."""
        model = self.linear.get(lang)
        return model is not None and model.info.get("preferred_over_transformer", False)

    def _transformer(self, lang: str) -> Any:
        """The transformer that labels this language (None: its n-gram model or cues do)."""
        if self._prefers_linear(lang):
            return None
        for model in (self.model, self.multilingual):
            if model is not None and lang in model.languages:
                return model
        return None

    def _blend_weight(self, lang: str) -> float:
        """The n-gram model's share in a blend with the transformer (0: not blended)."""
        model = self.linear.get(lang)
        return float(model.info.get("blend_weight", 0.0)) if model and self._transformer(lang) else 0.0

    def _role(self, lang: str) -> str:
        if self._blend_weight(lang):
            return f"-blend{self._blend_weight(lang)}"
        return "-unused" if self._transformer(lang) else ""

    def process(self, doc: Document) -> Document:
        by_model: dict[int, tuple[Any, list[Clause]]] = {}
        by_linear: dict[str, list[Clause]] = {}
        for clause in doc.clauses:
            lang = clause.lang or doc.lang or "en"
            transformer = self._transformer(lang)
            if transformer is not None:
                by_model.setdefault(id(transformer), (transformer, []))[1].append(clause)
            elif lang in self.linear:
                by_linear.setdefault(lang, []).append(clause)
            else:
                clause.label, clause.score = classify_clause(clause, lang)
                clause.classifier = f"{CUE_VERSION}-{lang}"
        for transformer, clauses in by_model.values():
            predictions = transformer.predict(clauses, doc.instrument)
            for clause, (label, prob, _) in zip(clauses, predictions):
                clause.label, clause.score, clause.classifier = label, prob, transformer.version
            self._blend(doc, transformer, clauses, [probs for _, _, probs in predictions])
        for lang, clauses in by_linear.items():
            model = self.linear[lang]
            name = f"charngram-{lang}@{model.fingerprint}"
            features = [self._features(c, lang, doc) for c in clauses]
            for clause, (label, prob) in zip(clauses, model.predict(features, _embeddings(model, clauses))):
                clause.label, clause.score, clause.classifier = label, round(prob, 4), name
        return doc

    def _blend(self, doc: Document, transformer: Any, clauses: list[Clause], probs: list[list[float]]) -> None:
        """Average the transformer's probabilities with the n-gram model's where the
        language has a blend weight."""
        labels = transformer.labels
        by_lang: dict[str, list[int]] = {}
        for k, clause in enumerate(clauses):
            lang = clause.lang or doc.lang or "en"
            if self._blend_weight(lang):
                by_lang.setdefault(lang, []).append(k)
        for lang, indices in by_lang.items():
            linear, weight = self.linear[lang], self._blend_weight(lang)
            chosen = [clauses[k] for k in indices]
            others = linear.predict_proba([self._features(c, lang, doc) for c in chosen], _embeddings(linear, chosen))
            for k, other in zip(indices, others):
                mixed = blend(labels, probs[k], linear.labels, other, weight)
                best = max(range(len(labels)), key=mixed.__getitem__)
                clause = clauses[k]
                clause.label, clause.score = labels[best], round(mixed[best], 4)
                clause.classifier = f"{transformer.version}+charngram-{lang}@{linear.fingerprint}"

    def _features(self, clause: Clause, lang: str, doc: Document) -> list[str]:
        # models trained before the instrument features read clauses without them
        instrument = doc.instrument if self.linear[lang].info.get("instrument_features") else None
        return clause_features(clause, lang, instrument)


def _embeddings(model: CharNgramModel, clauses: list[Clause]) -> Any:
    """The clauses' sentence embeddings where ``model`` reads them (None otherwise)."""
    if model.embedding is None:
        return None
    from .embeddings import embed

    return embed([clause.text for clause in clauses])
