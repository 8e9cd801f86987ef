"""Baselines side by side with the fine-tuned model, on the same gold clauses.

(a) the cue-word rule classifier, (b) TF-IDF + logistic regression, (c) frozen
sentence embeddings (mean-pooled all-MiniLM-L6-v2) + logistic regression, (d) the
fine-tuned model. Every system sees the clause text and the same context string.
Trained baselines fit on the train split only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from ..classify.cues import classify_clause
from ..records import LABELS, TARGET_LABELS
from ..scoring.prf import label_scores as prf_label_scores
from .trainer import Example, gold_examples


def label_scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    """Per-label P/R/F1, macro-F1 over the three target labels, confusion matrix."""
    return prf_label_scores(gold, pred, LABELS, TARGET_LABELS)


def _input(e: Example) -> str:
    return f"{e.context} || {e.text}"


def cue_baseline(train: list[Example]) -> Callable[[list[Example]], list[str]]:
    return lambda xs: [classify_clause(e.as_clause(), e.lang)[0] for e in xs]


def tfidf_baseline(train: list[Example]) -> Callable[[list[Example]], list[str]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=10, class_weight="balanced"),
    )
    clf.fit([_input(e) for e in train], [e.label for e in train])
    return lambda xs: list(clf.predict([_input(e) for e in xs]))


def embed(texts: list[str], batch_size: int = 64):
    """Mean-pooled, L2-normalised all-MiniLM-L6-v2 sentence embeddings."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from ..classify.model import default_base_model

    tok = AutoTokenizer.from_pretrained(default_base_model())
    enc_model = AutoModel.from_pretrained(default_base_model(), use_safetensors=True).eval()
    out = []
    with torch.inference_mode():
        for k in range(0, len(texts), batch_size):
            enc = tok(texts[k : k + batch_size], truncation=True, max_length=256, padding=True, return_tensors="pt")
            hidden = enc_model(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(pooled, dim=-1))
    return torch.cat(out).numpy() if out else None


def embedding_baseline(train: list[Example]) -> Callable[[list[Example]], list[str]]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(max_iter=3000, C=4, class_weight="balanced")
    clf.fit(embed([_input(e) for e in train]), [e.label for e in train])
    return lambda xs: list(clf.predict(embed([_input(e) for e in xs])))


def model_predictor(model_dir: Path | str) -> Callable[[list[Example]], list[str]]:
    from ..classify.model import ClauseModel
    from .window_data import documents

    model = ClauseModel(model_dir)
    # one document per call: a window model reads each clause among its neighbours
    return lambda xs: [label for doc in documents(xs) for label, _, _ in model.predict([e.as_clause() for e in doc])]


def compare(
    split: str = "test", model_dir: Optional[Path | str] = None, languages: tuple[str, ...] = ("en",)
) -> dict[str, Any]:
    """Scores of every system on the gold clauses of ``split`` in ``languages``."""
    train = gold_examples("train", languages)
    test = gold_examples(split, languages)
    systems: dict[str, Callable] = {
        "cue_rules": cue_baseline(train),
        "tfidf_logreg": tfidf_baseline(train),
        "minilm_frozen_logreg": embedding_baseline(train),
    }
    if model_dir is not None:
        systems["fine_tuned"] = model_predictor(model_dir)
    gold_labels = [e.label for e in test]
    return {
        "split": split,
        "languages": list(languages),
        "documents": sorted({e.doc_id for e in test}),
        "systems": {name: label_scores(gold_labels, fn(test)) for name, fn in systems.items()},
    }


def format_table(result: dict[str, Any]) -> str:
    lines = [
        f"split={result['split']} languages={','.join(result['languages'])} "
        f"clauses={next(iter(result['systems'].values()))['n']}",
        f"{'system':<22}{'macroF1':>8}{'acc':>7}" + "".join(f"{l[:6] + ' P/R/F1':>22}" for l in LABELS),
    ]
    for name, s in result["systems"].items():
        cells = "".join(
            f"{s['per_label'][l]['precision']:>8.2f}{s['per_label'][l]['recall']:>7.2f}{s['per_label'][l]['f1']:>7.2f}"
            for l in LABELS
        )
        lines.append(f"{name:<22}{s['macro_f1']:>8.3f}{s['accuracy']:>7.3f}{cells}")
    return "\n".join(lines)
