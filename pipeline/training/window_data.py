"""Training data for the window model (``pipeline.classify.window``): gold clauses in
their documents, packed into windows anew every epoch."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..classify.window import Window, clause_logits, document_windows, padded_batch

if TYPE_CHECKING:
    from .trainer import Example

WindowItem = tuple[Window, list["Example"]]


def documents(examples: Sequence[Example]) -> list[list[Example]]:
    """The examples grouped by document, each in its document's order."""
    by_doc: dict[str, list[Example]] = {}
    for e in examples:
        by_doc.setdefault(e.doc_id, []).append(e)
    return list(by_doc.values())


def window_items(tokenizer, docs: Sequence[list[Example]], rng: random.Random | None = None) -> list[WindowItem]:
    items = []
    for doc in docs:
        for window in document_windows(tokenizer, [e.as_clause() for e in doc], rng):
            items.append((window, [doc[i] for i in window.clauses]))
    return items


def window_batches(
    tokenizer, docs: Sequence[list[Example]], batch_size: int, rng: random.Random
) -> list[list[WindowItem]]:
    """Windows with boundaries moved at random, batched by length, in a shuffled order."""
    items = window_items(tokenizer, docs, rng)
    order = sorted(range(len(items)), key=lambda i: len(items[i][0].input_ids) + rng.random() * 16)
    batches = [[items[i] for i in order[k : k + batch_size]] for k in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def batch_logits(model, tokenizer, batch: Sequence[WindowItem], device: str, pooling: str):
    """Logits of every labelled clause of the batch, and its examples in the same order."""
    inputs = padded_batch([w for w, _ in batch], tokenizer.pad_token_id, device, pooling)
    return clause_logits(model, *inputs), [e for _, examples in batch for e in examples]


def dev_logits(
    model, tokenizer, examples: Sequence[Example], device: str, pooling: str, batch_size: int = 16
) -> list[list[float]]:
    """Logits for ``examples`` (whole documents, in order), windows packed as at run time."""
    import torch

    items = window_items(tokenizer, documents(examples))
    by_example: dict[int, list[float]] = {}
    with torch.inference_mode():
        for k in range(0, len(items), batch_size):
            logits, batch_examples = batch_logits(model, tokenizer, items[k : k + batch_size], device, pooling)
            for e, row in zip(batch_examples, logits.float().cpu().tolist()):
                by_example[id(e)] = row
    return [by_example[id(e)] for e in examples]
