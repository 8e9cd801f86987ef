"""A linear model over character n-grams: the learned classifier for the languages the
fine-tuned transformer does not read (Ukrainian, Spanish, French) and for the kind of
instrument a whole document is.

Why not the transformer: all-MiniLM-L6-v2's uncased English vocabulary strips accents
(й → и, ї → і) and splits Cyrillic into single characters, and there are a few hundred
gold clauses per language, not thousands. Character n-grams inside word boundaries see
inflection (зобов'язується, надаватиме, eliminarán) without a lemmatiser, and a handful
of extra features carry what the n-grams cannot: the clause's structural context and the
cue lexicon's verdict, so the model learns when to trust the rules. Clause models also
read whole words and word pairs, as a second block normalised on its own: n-grams inside a
word cannot see that "se comprometen a" or "зобов'язуються надати" are one phrase. A model
may also read each clause's multilingual sentence embedding (``embeddings.py``) as a third
block, and learn from clauses of other languages through it alone.

Training uses scikit-learn (the ``[train]`` extra); the fitted model is written as JSON
(vocabulary, idf weights, coefficients, a temperature fitted on dev) and applied here with
numpy alone, so ``servanda run`` needs no scikit-learn.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Optional

from ..apostrophes import unify_apostrophes
from .embeddings import ENCODER

NGRAMS = (2, 5)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:'\w+)*")
# the prefixes that tell the whole-token features and the word features from the n-grams
EXTRA = "\x00"
WORD = "\x01"


def analyze(text: str, extra: Sequence[str] = (), words: bool = False) -> list[str]:
    """The features of one input: character n-grams inside word boundaries (words padded
    with a space, lower-cased, apostrophes unified) plus ``extra`` whole-token features;
    with ``words``, also the words and pairs of adjacent words."""
    lowered = unify_apostrophes(text.lower())
    grams: list[str] = []
    for word in _SPACE.sub(" ", lowered).split():
        padded = f" {word} "
        for n in range(NGRAMS[0], NGRAMS[1] + 1):
            if len(padded) < n:
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    grams += [f"{EXTRA}{x}" for x in extra]
    if words:
        tokens = _WORD.findall(lowered)
        grams += [f"{WORD}{t}" for t in tokens] + [f"{WORD}{a} {b}" for a, b in zip(tokens, tokens[1:])]
    return grams


@dataclass
class CharNgramModel:
    """Tf-idf weighted n-gram counts (sublinear tf, l2-normalised) into a multinomial
    logistic regression; probabilities are the softmax of the logits over ``temperature``.

    Features from index ``word_start`` on are words and word pairs: a block l2-normalised
    apart from the n-grams and scaled by ``word_weight``, so that a clause's many n-grams
    do not drown its few words (and the reverse). A model with an ``embedding`` encoder has
    one more column per dimension of it after the vocabulary's (``coef[:, len(idf):]``),
    read from the clause's embedding scaled by ``embedding_weight``."""

    labels: list[str]
    vocabulary: dict[str, int]
    idf: list[float]
    coef: list[list[float]]  # labels x features
    intercept: list[float]
    temperature: float = 1.0
    word_start: Optional[int] = None  # None: no word block
    word_weight: float = 0.0
    embedding: Optional[str] = None  # the encoder (embeddings.ENCODER); None: no embedding block
    embedding_weight: float = 0.0
    info: dict[str, Any] = field(default_factory=dict)
    _fingerprint: Optional[tuple[float, str]] = field(default=None, init=False, repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        # over the values as saved (six decimals), so a loaded model has its saved model's
        # fingerprint; remembered for the temperature it was computed with (training sets
        # the temperature after fitting), since hashing the coefficients takes 0.16 s
        if self._fingerprint is not None and self._fingerprint[0] == self.temperature:
            return self._fingerprint[1]
        payload = json.dumps(
            [
                self.labels,
                [[round(x, 6) for x in row] for row in self.coef],
                [round(x, 6) for x in self.intercept],
                self.temperature,
                *([self.word_start, self.word_weight] if self.word_start is not None else []),
                *([self.embedding, self.embedding_weight] if self.embedding is not None else []),
            ],
            sort_keys=True,
        )
        self._fingerprint = (self.temperature, hashlib.sha256(payload.encode()).hexdigest()[:12])
        return self._fingerprint[1]

    @cached_property
    def _arrays(self) -> tuple[Any, Any, Any]:
        import numpy as np

        return (
            np.asarray(self.coef, dtype=np.float64),
            np.asarray(self.idf, dtype=np.float64),
            np.asarray(self.intercept, dtype=np.float64),
        )

    def logits(self, features: Sequence[list[str]], embeddings: Any = None) -> list[list[float]]:
        """One row of logits per input; ``embeddings`` (one row per input, from
        ``embeddings.embed``) is required by a model with an embedding block."""
        import numpy as np

        coef, idf, intercept = self._arrays
        if self.embedding is not None:
            if embeddings is None or len(embeddings) != len(features):
                raise ValueError(f"this model also reads each clause's {self.embedding} embedding; none given")
            # the embedding block's share of every logit, computed for all inputs at once
            bases = self.embedding_weight * np.asarray(embeddings) @ coef[:, len(idf) :].T + intercept
        else:
            bases = np.broadcast_to(intercept, (len(features), len(intercept)))
        out = []
        for grams, base in zip(features, bases):
            counts = Counter(self.vocabulary[g] for g in grams if g in self.vocabulary)
            if not counts:
                out.append(base.tolist())
                continue
            index = np.fromiter(counts.keys(), dtype=np.int64)
            weight = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * idf[index]
            if self.word_start is None:
                weight /= np.linalg.norm(weight)
            else:
                words = index >= self.word_start
                for block, scale in ((~words, 1.0), (words, self.word_weight)):
                    norm = np.linalg.norm(weight[block])
                    if norm:
                        weight[block] *= scale / norm
            out.append((coef[:, index] @ weight + base).tolist())
        return out

    def predict_proba(self, features: Sequence[list[str]], embeddings: Any = None) -> list[list[float]]:
        return [softmax(row, self.temperature) for row in self.logits(features, embeddings)]

    def predict(self, features: Sequence[list[str]], embeddings: Any = None) -> list[tuple[str, float]]:
        """(label, probability) per input."""
        out = []
        for probs in self.predict_proba(features, embeddings):
            best = max(range(len(probs)), key=lambda k: probs[k])
            out.append((self.labels[best], probs[best]))
        return out

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "labels": self.labels,
            "ngrams": list(NGRAMS),
            "vocabulary": self.vocabulary,
            "idf": [round(x, 6) for x in self.idf],
            "coef": [[round(x, 6) for x in row] for row in self.coef],
            "intercept": [round(x, 6) for x in self.intercept],
            "temperature": self.temperature,
            "info": self.info,
        }
        if self.word_start is not None:
            data.update(word_start=self.word_start, word_weight=self.word_weight)
        if self.embedding is not None:
            data.update(embedding=self.embedding, embedding_weight=self.embedding_weight)
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> CharNgramModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data.get("ngrams", NGRAMS)) != NGRAMS:
            raise ValueError(f"{path}: trained with n-grams {data.get('ngrams')}, this code uses {NGRAMS}")
        if data.get("embedding") not in (None, ENCODER):
            raise ValueError(f"{path}: reads {data['embedding']} embeddings, this code computes {ENCODER}")
        return cls(
            labels=data["labels"],
            vocabulary=data["vocabulary"],
            idf=data["idf"],
            coef=data["coef"],
            intercept=data["intercept"],
            temperature=data.get("temperature", 1.0),
            word_start=data.get("word_start"),
            word_weight=data.get("word_weight", 0.0),
            embedding=data.get("embedding"),
            embedding_weight=data.get("embedding_weight", 0.0),
            info=data.get("info", {}),
        )


def blend(
    labels: Sequence[str], probs: Sequence[float], other_labels: Sequence[str], other: Sequence[float], weight: float
) -> list[float]:
    """``(1 - weight) * probs + weight * other``, in the order of ``labels``: the transformer's
    probabilities averaged with an n-gram model's (each calibrated on dev; ``weight`` chosen on
    dev by ``servanda train``)."""
    by_label = dict(zip(other_labels, other))
    return [(1 - weight) * p + weight * by_label.get(label, 0.0) for label, p in zip(labels, probs)]


def softmax(logits: Sequence[float], temperature: float = 1.0) -> list[float]:
    top = max(logits)
    exps = [math.exp((x - top) / temperature) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def fit(
    features: Sequence[list[str]],
    labels: Sequence[str],
    *,
    max_features: int = 40000,
    c: float = 4.0,
    min_df: int = 2,
    seed: int = 13,
    weights: Sequence[float] | None = None,
    word_weight: float = 0.0,
    embeddings: Any = None,
    embedding_weight: float = 0.0,
    embedding_only: tuple[Any, Sequence[str], Sequence[float]] | None = None,
) -> CharNgramModel:
    """Fit on pre-analysed inputs (scikit-learn, deterministic for a seed); ``weights``
    scale each input's loss (translated clauses count less than native ones). With
    ``word_weight`` > 0 the word features (``analyze(..., words=True)``) form a second
    block of that weight; otherwise they are left out.

    With ``embeddings`` (a row per input from ``embeddings.embed``) the model also reads
    them, scaled by ``embedding_weight``; ``embedding_only`` = (rows, labels, weights) adds
    examples known by their embedding alone: clauses of other languages, whose n-grams would
    only teach the model another language's letters."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack, vstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def vectorizer(limit: int | None) -> Any:
        return TfidfVectorizer(analyzer=lambda grams: grams, sublinear_tf=True, min_df=min_df, max_features=limit)

    ngrams = vectorizer(max_features)
    matrix = ngrams.fit_transform([[g for g in x if not g.startswith(WORD)] for x in features])
    vocabulary = {str(k): int(v) for k, v in ngrams.vocabulary_.items()}
    idf = [float(x) for x in ngrams.idf_]
    word_start = None
    if word_weight > 0:
        words = vectorizer(None)
        word_matrix = words.fit_transform([[g for g in x if g.startswith(WORD)] for x in features])
        word_start = len(vocabulary)
        vocabulary.update({str(k): word_start + int(v) for k, v in words.vocabulary_.items()})
        idf += [float(x) for x in words.idf_]
        matrix = hstack([matrix, word_weight * word_matrix]).tocsr()
    targets, sample_weights = list(labels), None if weights is None else list(weights)
    if embeddings is not None:
        matrix = hstack([matrix, csr_matrix(embedding_weight * np.asarray(embeddings))]).tocsr()
        if embedding_only is not None:
            rows, extra_labels, extra_weights = embedding_only
            blank = csr_matrix((len(rows), len(idf)))
            matrix = vstack([matrix, hstack([blank, csr_matrix(embedding_weight * np.asarray(rows))])]).tocsr()
            targets += list(extra_labels)
            sample_weights = (sample_weights or [1.0] * len(labels)) + list(extra_weights)
    classifier = LogisticRegression(max_iter=3000, C=c, class_weight="balanced", random_state=seed)
    classifier.fit(matrix, targets, sample_weight=sample_weights)
    classes = [str(x) for x in classifier.classes_]
    coef = classifier.coef_
    intercept = classifier.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: logit of the second
        coef = [[-x / 2 for x in coef[0]], [x / 2 for x in coef[0]]]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    return CharNgramModel(
        labels=classes,
        vocabulary=vocabulary,
        idf=idf,
        coef=[[float(x) for x in row] for row in coef],
        intercept=[float(x) for x in intercept],
        word_start=word_start,
        word_weight=word_weight if word_start is not None else 0.0,
        embedding=None if embeddings is None else ENCODER,
        embedding_weight=embedding_weight if embeddings is not None else 0.0,
        info={"examples": len(labels), "label_counts": dict(sorted(Counter(labels).items()))},
    )


def fit_temperature(
    model: CharNgramModel, features: Sequence[list[str]], labels: Sequence[str], embeddings: Any = None
) -> float:
    """The temperature that minimises the negative log-likelihood of ``labels`` (a grid
    search: one parameter, no gradient needed); 1.0 when there is nothing to fit on."""
    logits = model.logits(features, embeddings)
    rows = [(row, model.labels.index(y)) for row, y in zip(logits, labels) if y in model.labels]
    if len(rows) < 10:
        return 1.0

    def nll(t: float) -> float:
        return -sum(math.log(max(softmax(row, t)[k], 1e-12)) for row, k in rows) / len(rows)

    grid: list[float] = [0.25 * 1.15**k for k in range(30)]
    best: float = min(grid, key=nll)
    return round(best, 4)
