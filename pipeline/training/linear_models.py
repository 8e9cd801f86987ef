"""Training the character n-gram models that sit beside the transformer: one clause
classifier per language group it does not read (Ukrainian; Spanish with French) and the
instrument classifier. Each is fitted on the gold train split, its temperature on dev,
and its dev figures are compared with the cue lexicon's in ``linear.json`` and the model
card, so that a model worse than the rules is visible."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from .. import gold
from ..classify import LINEAR_MODELS
from ..classify.cues import classify_clause
from ..classify.features import clause_features, document_features
from ..classify.instrument import MODEL_FILE as INSTRUMENT_FILE
from ..classify.linear import blend, fit, fit_temperature
from ..records import LABELS, TARGET_LABELS
from ..scoring.prf import label_scores
from .trainer import Example, gold_examples
from .translations import translated_examples
from .window_data import documents

log = logging.getLogger("servanda")


# Loss weight of a translated clause against a native one (chosen on dev for Ukrainian and
# Spanish alike: docs/classifier.md).
TRANSLATION_WEIGHT = 0.25
# Weight of the word block against the character n-grams in a clause model (chosen on dev
# and on cross-validation over train and dev: docs/classifier.md).
WORD_WEIGHT = 0.5
# The models that also read each clause's multilingual sentence embedding: the block's weight
# and the loss weight of the English train clauses, which the model sees through their
# embeddings alone (chosen on dev for Ukrainian; Spanish was worse with it: docs/classifier.md).
EMBEDDING_BLOCKS = {"linear-uk.json": (0.5, 0.1)}


def _clause_inputs(examples: list[Example]) -> tuple[list[list[str]], list[str]]:
    return [clause_features(e.as_clause(), e.lang, e.genre) for e in examples], [e.label for e in examples]


def _dev_scores(model: Any, x_dev: list[list[str]], y_dev: list[str], e_dev: Any = None) -> dict[str, Any]:
    return label_scores(y_dev, [label for label, _ in model.predict(x_dev, e_dev)], LABELS, TARGET_LABELS)


def _embedding_inputs(name: str, examples: list[Example], dev: list[Example]) -> tuple[dict[str, Any], Any]:
    """``fit``'s embedding arguments for the model ``name`` (none where it reads no
    embeddings) and the dev examples' embeddings."""
    if name not in EMBEDDING_BLOCKS:
        return {}, None
    from ..classify.embeddings import embed

    weight, english_weight = EMBEDDING_BLOCKS[name]
    english = gold_examples("train", ("en",))
    log.info("%s: embedding %d clauses", name, len(examples) + len(english) + len(dev))
    arguments = {
        "embeddings": embed([e.text for e in examples]),
        "embedding_weight": weight,
        "embedding_only": (
            embed([e.text for e in english]),
            [e.label for e in english],
            [english_weight * e.weight for e in english],
        ),
    }
    return arguments, embed([e.text for e in dev])


def train_clause_models(out_dir: Path) -> dict[str, Any]:
    """Fit, calibrate and save ``linear-<langs>.json`` for each group that has train data."""
    report: dict[str, Any] = {}
    for name, langs in LINEAR_MODELS.items():
        train = gold_examples("train", langs)
        # grouped by document, as the transformer reads them (its dev probabilities line up)
        dev = [e for doc in documents(gold_examples("dev", langs)) for e in doc]
        if len({e.label for e in train}) < 2:
            log.info("%s: too little training data (%d clauses), not trained", name, len(train))
            continue
        translated = [e for lang in langs for e in translated_examples(lang, TRANSLATION_WEIGHT)]
        x_dev, y_dev = _clause_inputs(dev)
        x_train, y_train = _clause_inputs(train + translated)
        weights = [e.weight for e in train + translated]
        embedding_arguments, e_dev = _embedding_inputs(name, train + translated, dev)
        model = fit(x_train, y_train, weights=weights, word_weight=WORD_WEIGHT, **embedding_arguments)
        model.temperature = fit_temperature(model, x_dev, y_dev, e_dev)
        cues = [classify_clause(e.as_clause(), e.lang)[0] for e in dev]
        model.info.update(
            languages=list(langs),
            instrument_features=True,
            translated_examples=len(translated),
            dev_clauses=len(dev),
            dev=_dev_scores(model, x_dev, y_dev, e_dev),
            dev_cues=label_scores(y_dev, cues, LABELS, TARGET_LABELS),
        )
        if embedding_arguments:  # what the embeddings are worth, for the model card
            english_examples = len(embedding_arguments["embedding_only"][1])
            without = fit(x_train, y_train, weights=weights, word_weight=WORD_WEIGHT)
            model.info.update(
                embedding_weight=model.embedding_weight,
                embedding_only_examples=english_examples,
                dev_without_embeddings=_dev_scores(without, x_dev, y_dev),
            )
        if translated:  # what the translations are worth, for the model card
            native = fit(x_train[: len(train)], y_train[: len(train)], word_weight=WORD_WEIGHT)
            model.info["dev_native_only"] = _dev_scores(native, x_dev, y_dev)
        transformer_probs = _transformer_dev_probabilities(out_dir, langs, dev)
        transformer = None
        if transformer_probs is not None:
            transformer = _blend_scores(model, transformer_probs, x_dev, y_dev, 0.0, e_dev)
            model.info["dev_transformer"] = transformer
            # the transformer alone (0), the n-gram model alone (1) or a blend: the best on dev
            weight, scores = max(
                ((w, _blend_scores(model, transformer_probs, x_dev, y_dev, w, e_dev)) for w in BLEND_WEIGHTS),
                key=lambda pair: (pair[1]["macro_f1"], -pair[0]),
            )
            model.info["preferred_over_transformer"] = weight == 1.0
            if 0.0 < weight < 1.0:
                model.info.update(blend_weight=weight, dev_blend=scores)
        model.save(out_dir / name)
        report[name] = {k: model.info[k] for k in ("examples", "translated_examples", "label_counts", "dev_clauses")}
        report[name].update(
            temperature=model.temperature,
            dev_macro_f1=model.info["dev"]["macro_f1"],
            dev_cues_macro_f1=model.info["dev_cues"]["macro_f1"],
            dev_commitment_f1=model.info["dev"]["per_label"]["commitment"]["f1"],
            dev_cues_commitment_f1=model.info["dev_cues"]["per_label"]["commitment"]["f1"],
        )
        if "dev_native_only" in model.info:
            native = model.info["dev_native_only"]["per_label"]["commitment"]["f1"]
            report[name]["dev_native_only_commitment_f1"] = native
        if "dev_without_embeddings" in model.info:
            without = model.info["dev_without_embeddings"]
            report[name].update(
                embedding=model.embedding,
                dev_without_embeddings_macro_f1=without["macro_f1"],
                dev_without_embeddings_commitment_f1=without["per_label"]["commitment"]["f1"],
            )
        if transformer is not None:
            report[name].update(
                dev_transformer_macro_f1=transformer["macro_f1"],
                dev_transformer_commitment_f1=transformer["per_label"]["commitment"]["f1"],
                labels_with="charngram" if model.info["preferred_over_transformer"] else "transformer",
            )
            if model.info.get("blend_weight"):
                report[name].update(
                    labels_with=f"transformer + {model.info['blend_weight']} charngram",
                    blend_weight=model.info["blend_weight"],
                    dev_blend_macro_f1=model.info["dev_blend"]["macro_f1"],
                    dev_blend_commitment_f1=model.info["dev_blend"]["per_label"]["commitment"]["f1"],
                )
        log.info("%s: %s", name, json.dumps(report[name]))
    return report


def _transformer_dev_probabilities(
    model_dir: Path, langs: tuple[str, ...], dev: list[Example]
) -> tuple[list[str], list[list[float]]] | None:
    """The transformer's labels and its probabilities for each dev example (in ``dev``'s
    order), where it was trained on all of these languages (None otherwise): the run-time
    classifier takes the better of the two models, or their blend."""
    from ..classify.model import load_model
    from ..classify.multilingual import FOLDER, load_multilingual

    if not dev or not (model_dir / "config.json").exists():
        return None
    transformer: Any = load_model(str(model_dir))
    if not set(langs) <= set(transformer.languages):
        if not (model_dir / FOLDER / "config.json").exists():
            return None
        transformer = load_multilingual(str(model_dir / FOLDER))
        if not set(langs) <= set(transformer.languages):
            return None
    probs = [p for doc in documents(dev) for _, _, p in transformer.predict([e.as_clause() for e in doc], doc[0].genre)]
    return transformer.labels, probs


# The n-gram model's share in a blend with the transformer, tried on dev (0: the transformer
# alone; 1: the n-gram model alone). No share between 0.6 and 1: a blend mostly of the n-gram
# model gains on dev by a clause at most (Spanish: 0.834 -> 0.835 macro-F1 at 0.9, commitment
# F1 0.741 -> 0.718).
BLEND_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0)


def _blend_scores(
    model: Any,
    transformer: tuple[list[str], list[list[float]]],
    x_dev: list[list[str]],
    y_dev: list[str],
    weight: float,
    e_dev: Any = None,
) -> dict[str, Any]:
    labels, probs = transformer
    others = model.predict_proba(x_dev, e_dev)
    predicted = []
    for p, other in zip(probs, others):
        mixed = blend(labels, p, model.labels, other, weight)
        predicted.append(labels[max(range(len(labels)), key=mixed.__getitem__)])
    return label_scores(y_dev, predicted, LABELS, TARGET_LABELS)


def _document_inputs(split: str) -> tuple[list[list[str]], list[str]]:
    from ..reader import read_document
    from ..runner import build_pipeline

    front = build_pipeline(until="clause_language")
    features, labels = [], []
    for record in gold.load_gold(split=split):
        doc = front(read_document(gold.resolve_path(record["path"])))
        features.append(document_features(doc))
        labels.append(record["doc_type"])
    return features, labels


def train_instrument_model(out_dir: Path) -> dict[str, Any]:
    x_train, y_train = _document_inputs("train")
    model = fit(x_train, y_train, min_df=1)
    x_dev, y_dev = _document_inputs("dev")
    model.temperature = fit_temperature(model, x_dev, y_dev)
    predicted = [label for label, _ in model.predict(x_dev)]
    accuracy = sum(p == y for p, y in zip(predicted, y_dev)) / max(1, len(y_dev))
    model.info.update(dev_documents=len(y_dev), dev_accuracy=round(accuracy, 4))
    model.save(out_dir / INSTRUMENT_FILE)
    report = {"train_documents": len(y_train), "labels": model.labels, "dev_accuracy": round(accuracy, 4)}
    log.info("instrument: %s", json.dumps(report))
    return report


def train_linear_models(out_dir: Path | str) -> dict[str, Any]:
    """Every n-gram model into ``out_dir`` (the transformer's folder); returns what the
    model card reports, also written to ``out_dir/linear.json``."""
    out_dir = Path(out_dir)
    report = {"clause_models": train_clause_models(out_dir), "instrument": train_instrument_model(out_dir)}
    (out_dir / "linear.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


def load_report(model_dir: Path) -> dict[str, Any]:
    path = Path(model_dir) / "linear.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
