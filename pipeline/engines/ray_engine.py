"""Documents on a Ray cluster: a pool of actors, each of which builds the pipeline once
(its models loaded per actor, not per document) and then takes documents one at a time,
largest first.

Why actors dealt out by hand rather than Ray Data's ``map_batches``: the runner already
owns the files (crash-safe appends, ``--resume``, input order), so what it needs from Ray
is exactly "run this job on a free actor and give me its outcome". A loop over
``ray.wait`` keeps one document in flight per actor, so the largest documents really go
first (Ray Data queues several blocks per actor, and bundles rows into Arrow blocks whose
schema the nested records would have to fit), and it knows which document a failed call
carried, which ``ray.util.ActorPool.get_next_unordered`` does not say.

Fault tolerance is Ray's own: actors are created with ``max_restarts=-1`` and
``max_task_retries``, so when an actor's process dies (killed, out of memory, its node
lost) Ray starts it again — building its pipeline again — and re-sends the call it was
running. Nothing is lost and nothing is written twice, because only the coordinating
process writes, once per outcome. A document that fails the ordinary way (unreadable,
a stage raising) is not an exception here: the actor returns its error record as a
result, so it is never retried. Only a document whose actor dies on every try
(``retries`` + 1 times) gets an error record of stage ``worker`` instead of a result.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections import deque
from collections.abc import Iterator
from typing import Any, Optional

from ..output import error_record
from ..records import DocError
from ..runner import DocOutcome, Job, PipelineConfig, _DocumentRunner, largest_first
from ..stages import PipelineError
from . import require_ray

# How many times a document's call is sent again to its restarted actor before the
# document is given up with an error record (an actor killed once costs one retry).
RETRIES = 3


class PipelineActor:
    """One actor: one pipeline, built in the constructor, which Ray runs again when it
    restarts the actor after its process died."""

    def __init__(self, config: PipelineConfig, max_bytes: int, threads: int):
        import torch

        torch.set_num_threads(max(1, threads))
        try:
            self.runner = _DocumentRunner(config, max_bytes)
        except PipelineError:
            raise
        except Exception as err:
            raise PipelineError(
                f"a Ray actor on {socket.gethostname()} could not build the pipeline: {err.__class__.__name__}: {err}"
            ) from err

    def ready(self) -> tuple[str, int]:
        """Where the actor runs (host, process id), once its pipeline is built."""
        return socket.gethostname(), os.getpid()

    def run(self, job: Job) -> DocOutcome:
        return self.runner(*job)


class RayEngine:
    """``actors`` pipeline actors on the Ray cluster at ``address`` (default:
    ``$RAY_ADDRESS``, else a cluster started on this machine for the run and stopped after
    it). Without ``actors``, one per ``cpus_per_actor`` CPUs of the cluster (one per GPU
    with ``device="cuda"``). Each actor reserves ``cpus_per_actor`` CPUs and runs torch on
    that many threads, and with ``device="cuda"`` reserves ``gpus_per_actor`` GPUs
    (a fraction puts several actors on one GPU)."""

    def __init__(
        self,
        address: Optional[str] = None,
        actors: Optional[int] = None,
        cpus_per_actor: float = 1,
        gpus_per_actor: float = 1,
        retries: int = RETRIES,
    ):
        if actors is not None and actors < 1:
            raise ValueError(f"actors must be at least 1, not {actors}")
        if cpus_per_actor <= 0 or gpus_per_actor <= 0:
            raise ValueError("cpus_per_actor and gpus_per_actor must be positive")
        self.address = address
        self.actors = actors
        self.cpus_per_actor = cpus_per_actor
        self.gpus_per_actor = gpus_per_actor
        self.retries = retries
        self.placements: list[tuple[str, int]] = []
        self._pool: list[Any] = []
        self._started_ray = False

    def start(self, config: PipelineConfig, max_bytes: int, documents: int) -> None:
        ray = require_ray()
        if not ray.is_initialized():
            try:
                ray.init(
                    address=self.address,
                    include_dashboard=False,
                    log_to_driver=False,
                    logging_level=logging.WARNING,
                )
            except (ConnectionError, RuntimeError, ValueError) as err:
                where = f" at {self.address}" if self.address else ""
                raise PipelineError(f"cannot start or reach the Ray cluster{where}: {_first_line(err)}") from err
            self._started_ray = True
        options: dict[str, Any] = {
            "num_cpus": self.cpus_per_actor,
            "max_restarts": -1,
            "max_task_retries": self.retries,
        }
        resources = ray.cluster_resources()
        if config.device == "cuda":
            options["num_gpus"] = self.gpus_per_actor
            fits = int(resources.get("GPU", 0) // self.gpus_per_actor)
        else:
            fits = int(resources.get("CPU", 0) // self.cpus_per_actor)
        unit = "GPU" if config.device == "cuda" else "CPU"
        if fits < 1:
            raise PipelineError(
                f"the Ray cluster has {resources.get(unit, 0):g} {unit}s, too few for one actor "
                f"({options.get('num_gpus', self.cpus_per_actor):g} each): add nodes"
                + (" with GPUs, or use --device cpu" if unit == "GPU" else "")
            )
        wanted = self.actors or fits
        if wanted > fits:
            raise PipelineError(
                f"--actors {wanted} needs {wanted * options.get('num_gpus', self.cpus_per_actor):g} {unit}s; "
                f"the Ray cluster has {resources.get(unit, 0):g}: ask for at most {fits} actors or add nodes"
            )
        threads = max(1, int(self.cpus_per_actor))
        remote = ray.remote(PipelineActor).options(**options)
        self._pool = [remote.remote(config, max_bytes, threads) for _ in range(min(wanted, max(1, documents)))]
        try:
            self.placements = ray.get([actor.ready.remote() for actor in self._pool])
        except ray.exceptions.RayError as err:
            self.close()
            raise PipelineError(_actor_failure(err)) from err

    def outcomes(self, jobs: list[Job]) -> Iterator[DocOutcome]:
        """Each job's outcome, in order of completion; one job in flight per actor."""
        ray = require_ray()
        pending = deque(largest_first(jobs))
        idle = list(self._pool)
        running: dict[Any, tuple[Any, Job]] = {}
        while pending or running:
            while idle and pending:
                actor, job = idle.pop(), pending.popleft()
                running[actor.run.remote(job)] = (actor, job)
            (ref,), _ = ray.wait(list(running), num_returns=1)
            actor, job = running.pop(ref)
            idle.append(actor)  # a restarted actor is the same handle
            try:
                yield ray.get(ref)
            except ray.exceptions.RayActorError as err:
                yield self._given_up(job, err)

    def _given_up(self, job: Job, err: Exception) -> DocOutcome:
        index, path, doc_id = job
        reason = f"its Ray actor died on each of {self.retries + 1} tries: {_first_line(err)}"
        record = error_record(DocError(path=path, reason=reason, stage="worker", doc_id=doc_id))
        return DocOutcome(index, "error", record, 0, {}, os.getpid(), time.time(), 0.0)

    def close(self) -> None:
        if self._pool:
            ray = require_ray()
            for actor in self._pool:
                ray.kill(actor, no_restart=True)
            self._pool = []
        if self._started_ray:
            require_ray().shutdown()
            self._started_ray = False


def _actor_failure(err: Exception) -> str:
    """The pipeline's own message when an actor's constructor raised (Ray carries it as
    the last line of the constructor's traceback, inside its own message), else Ray's."""
    marker = f"{PipelineError.__name__}: "
    for line in reversed(str(err).splitlines()):
        if marker in line:
            return line.split(marker, 1)[1].strip()
    return f"a Ray actor could not start: {_first_line(err)}"


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else err.__class__.__name__
