"""The one worker pool: spawned processes that each set themselves up once (load their
models) and then take jobs.

A worker whose set-up fails must not be restarted: ``multiprocessing`` would start a
new one, watch it fail the same way, and so on for ever. The set-up error is kept
instead and raised from the worker's first job, which stops the caller's loop with it.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, Optional, TypeVar

J = TypeVar("J")
R = TypeVar("R")

_STATE: dict[str, Any] = {}


def _start(initializer: Callable[..., None], initargs: tuple, threads: Optional[int]) -> None:
    if threads:
        import torch

        torch.set_num_threads(threads)
    try:
        initializer(*initargs)
    except Exception as err:
        _STATE["startup_error"] = err


def _call(fn: Callable[[Any], Any], job: Any) -> Any:
    err = _STATE.get("startup_error")
    if err is not None:
        raise err
    return fn(job)


def threads_per_worker(workers: int) -> int:
    """Cores shared out among the workers (at least one thread each)."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))


def imap_unordered(
    fn: Callable[[J], R],
    jobs: Iterable[J],
    *,
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple = (),
    threads: Optional[int] = None,
) -> Iterator[R]:
    """``fn(job)`` for every job, in order of completion, in ``workers`` spawned
    processes set up by ``initializer(*initargs)``. ``fn`` and ``initializer`` must be
    module-level functions (they are pickled). A set-up failure is raised here, from
    the first job, and the pool is torn down."""
    # 'spawn' keeps torch's and spaCy's threads out of forked children.
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_start, initargs=(initializer, initargs, threads)) as pool:
        yield from pool.imap_unordered(partial(_call, fn), jobs, chunksize=1)


def map_ordered(fn: Callable[[J], R], jobs: Iterable[J], **pool_options: Any) -> list[R]:
    """Like :func:`imap_unordered` (same keyword options), with the results in job order."""
    indexed = list(enumerate(jobs))
    results: dict[int, R] = {}
    for index, result in imap_unordered(partial(_indexed, fn), indexed, **pool_options):
        results[index] = result
    return [results[i] for i in range(len(indexed))]


def _indexed(fn: Callable[[J], R], job: tuple[int, J]) -> tuple[int, R]:
    return job[0], fn(job[1])
