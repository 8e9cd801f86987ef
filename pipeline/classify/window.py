"""The clause in its document: consecutive clauses packed into overlapping windows.

Sequential sentence classification (Cohan et al. 2019): every clause opens with a marker
token (``[CLS]``) followed by a few words of its structure (its kind, and ``preamble``
where it stands in one), a window holds several such clauses between a few dozen tokens
of their neighbours on either side, and each clause is labelled from its own tokens (their
mean, or its marker's), all of a window's clauses in one forward pass. The heading the first
labelled clause stands under opens the window, so a clause far below its heading still
sees it. One packing serves training and run time (``pack``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from ..records import Clause

WINDOW_TOKENS = 256
# tokens of the neighbouring clauses before and after the labelled ones
NEIGHBOUR_TOKENS = 32
HEADING_TOKENS = 12
# a longer clause keeps its beginning, where its subject and verb stand
CLAUSE_TOKENS = 96


@dataclass
class Window:
    input_ids: list[int]
    markers: list[int]  # positions of the labelled clauses' marker tokens
    clauses: list[int]  # the labelled clauses' indices in the document
    ends: list[int]  # where each labelled clause's tokens end (exclusive)


def structure_words(kind: str, in_preamble: bool) -> str:
    return kind.replace("_", " ") + (" preamble" if in_preamble else "") + " :"


def clause_token_ids(tokenizer, clauses: Sequence[Clause]) -> list[list[int]]:
    """Each clause as the window holds it: its marker, its structure words, its text."""
    texts = [structure_words(c.kind, c.in_preamble) + " " + " ".join(c.text.split()) for c in clauses]
    ids = tokenizer(texts, add_special_tokens=False, truncation=True, max_length=CLAUSE_TOKENS)["input_ids"]
    return [[tokenizer.cls_token_id, *x] for x in ids]


def heading_token_ids(tokenizer, clauses: Sequence[Clause]) -> list[list[int]]:
    headings = [" ".join((c.heading or "").split()) for c in clauses]
    unique = list(dict.fromkeys(headings))
    encoded = tokenizer(unique, add_special_tokens=False, truncation=True, max_length=HEADING_TOKENS)["input_ids"]
    by_heading = dict(zip(unique, encoded))
    return [by_heading[h] for h in headings]


def pack(
    tokens: Sequence[list[int]],
    headings: Sequence[list[int]],
    sep_id: int,
    rng: Optional[random.Random] = None,
) -> list[Window]:
    """Windows labelling every clause exactly once, each with up to NEIGHBOUR_TOKENS of
    the clauses before and after it. ``rng`` (training) shortens the first window at
    random, so every epoch puts the window boundaries elsewhere."""
    windows = []
    i, n = 0, len(tokens)
    first = True
    while i < n:
        head = [*headings[i], sep_id]
        left: list[int] = []
        k = i - 1
        while k >= 0 and len(left) < NEIGHBOUR_TOKENS:
            left = tokens[k] + left
            k -= 1
        left = left[-NEIGHBOUR_TOKENS:]
        budget = WINDOW_TOKENS - len(head) - len(left) - NEIGHBOUR_TOKENS - 1
        if first and rng is not None:
            budget = rng.randint(len(tokens[i]), max(len(tokens[i]), budget))
        first = False
        ids = head + left
        markers: list[int] = []
        labelled: list[int] = []
        ends: list[int] = []
        j, used = i, 0
        while j < n and (not labelled or used + len(tokens[j]) <= budget):
            markers.append(len(ids))
            labelled.append(j)
            ids += tokens[j]
            ends.append(len(ids))
            used += len(tokens[j])
            j += 1
        right: list[int] = []
        k = j
        while k < n and len(right) < NEIGHBOUR_TOKENS:
            right += tokens[k]
            k += 1
        ids += right[:NEIGHBOUR_TOKENS] + [sep_id]
        windows.append(Window(ids, markers, labelled, ends))
        i = j
    return windows


def document_windows(tokenizer, clauses: Sequence[Clause], rng: Optional[random.Random] = None) -> list[Window]:
    return pack(
        clause_token_ids(tokenizer, clauses), heading_token_ids(tokenizer, clauses), tokenizer.sep_token_id, rng
    )


def clause_logits(model, input_ids, attention_mask, pooling):
    """The classifier head of a sequence classifier (BERT's pooler, dropout, linear layer) on
    each labelled clause's representation instead of the first token's: its marker's
    hidden state, or (``pooling`` a matrix, see :func:`padded_batch`) the mean of its
    tokens', as the sentence encoder was trained to give a sentence's meaning."""
    import torch

    hidden = model.base_model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
    if isinstance(pooling, tuple):
        batch_index, positions = pooling
        read = hidden[batch_index, positions]
    else:
        read = pooling.to(hidden.dtype) @ hidden.reshape(-1, hidden.shape[-1])
    if not hasattr(model, "dropout"):
        # RoBERTa-style heads (MPNet: dense, tanh, projection) read a sequence's first
        # position: each clause's representation stands as a sequence of one
        return model.classifier(read.unsqueeze(1))
    pooler = model.base_model.pooler
    pooled = torch.tanh(pooler.dense(read)) if pooler is not None else read
    return model.classifier(model.dropout(pooled))


POOLINGS = ("marker", "mean")


def padded_batch(windows: Sequence[Window], pad_id: int, device: str, pooling: str = "marker"):
    """Token ids, attention mask, and where each labelled clause is read: the (window,
    position) of its marker, or for ``mean`` a (clauses × batch positions) matrix that
    averages its tokens."""
    import torch

    width = max(len(w.input_ids) for w in windows)
    ids = torch.full((len(windows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(windows), width), dtype=torch.long)
    for b, w in enumerate(windows):
        ids[b, : len(w.input_ids)] = torch.tensor(w.input_ids)
        mask[b, : len(w.input_ids)] = 1
    if pooling == "mean":
        spans = [(b * width + m, b * width + e) for b, w in enumerate(windows) for m, e in zip(w.markers, w.ends)]
        matrix = torch.zeros((len(spans), len(windows) * width))
        for row, (start, end) in enumerate(spans):
            matrix[row, start:end] = 1.0 / (end - start)
        return ids.to(device), mask.to(device), matrix.to(device)
    batch_index = [b for b, w in enumerate(windows) for _ in w.markers]
    positions = [p for w in windows for p in w.markers]
    return (
        ids.to(device),
        mask.to(device),
        (torch.tensor(batch_index, device=device), torch.tensor(positions, device=device)),
    )
