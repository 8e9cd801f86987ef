"""The library API: build the pipeline, process one document, run a batch.

Data flows one way: read → detect language → segment → clause languages →
entities → parties → classify → commitment attributes → write.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Protocol

from . import pool
from .memory import peak_rss_mib, release_free_memory
from .output import (
    FORMATS,
    JsonlAppender,
    clause_rows,
    document_record,
    error_record,
    finished_paths,
    restore_input_order,
)
from .reader import DEFAULT_MAX_BYTES, ReadError, collect_inputs, read_document
from .records import DocError, Document
from .stages import Pipeline, PipelineError, Stage

CLASSIFIERS = ("model", "cues")
NER_BACKENDS = ("spacy", "stanza")
DEVICES = ("cpu", "cuda")
DTYPES = ("auto", "float32", "bfloat16")


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what the pipeline outputs (so: part of its versions).

    The defaults are the command line's: the trained classifier (``model_dir=None`` finds
    it, see :func:`servanda.classify.model.resolve_model_dir`) and spaCy's NER.
    ``classifier="cues"`` runs the cue-lexicon baseline instead of the model."""

    model_dir: Optional[str] = None
    classifier: str = "model"
    ner_backend: str = "spacy"
    device: str = "cpu"
    dtype: str = "auto"  # bfloat16 where the CPU/GPU has bf16 units, else float32

    def __post_init__(self) -> None:
        for name, allowed in (
            ("classifier", CLASSIFIERS),
            ("ner_backend", NER_BACKENDS),
            ("device", DEVICES),
            ("dtype", DTYPES),
        ):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {getattr(self, name)!r}")


# The stages in the order data flows through them; ``build_pipeline(until=…)`` stops after
# the one named. The classifier's training data is made by the same front-end stages as
# its input at run time (``until="segment"``), so the two cannot drift apart.
STAGE_ORDER = ("language", "segment", "clause_language", "entities", "parties", "instrument", "classify", "attributes")


def build_pipeline(config: Optional[PipelineConfig] = None, until: str = STAGE_ORDER[-1]) -> Pipeline:
    """The pipeline's stages from language identification up to and including ``until``."""
    if until not in STAGE_ORDER:
        raise ValueError(f"until must be one of {', '.join(STAGE_ORDER)}, not {until!r}")
    config = config or PipelineConfig()
    stages: list[Stage] = []
    for name in STAGE_ORDER[: STAGE_ORDER.index(until) + 1]:
        stages.append(_make_stage(name, config))
    return Pipeline(stages)


def _make_stage(name: str, config: PipelineConfig) -> Stage:
    if name in ("language", "clause_language"):
        from .langid import ClauseLanguageIdentifier, LanguageIdentifier

        return LanguageIdentifier() if name == "language" else ClauseLanguageIdentifier()
    if name == "segment":
        from .segment import Segmenter

        return Segmenter()
    if name in ("entities", "parties"):
        from .entities import EntityRecognizer, PartyResolver

        return EntityRecognizer(backend=config.ner_backend) if name == "entities" else PartyResolver()
    if name == "classify":
        from .classify import ClauseClassifier

        if config.classifier == "cues":
            return ClauseClassifier(None)
        from .classify.model import resolve_model_dir

        return ClauseClassifier(resolve_model_dir(config.model_dir), device=config.device, dtype=config.dtype)
    if name == "instrument":
        from .classify.instrument import InstrumentClassifier

        if config.classifier == "cues":
            return InstrumentClassifier(None)
        from .classify.model import resolve_model_dir

        return InstrumentClassifier(resolve_model_dir(config.model_dir))
    from .attributes import CommitmentAttributes

    return CommitmentAttributes()


def process_path(
    pipeline: Pipeline, path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: Optional[str] = None
) -> Document | DocError:
    """One document through the pipeline; a failure becomes a :class:`DocError`."""
    try:
        doc = read_document(path, max_bytes=max_bytes, doc_id=doc_id)
    except ReadError as err:
        return DocError(path=str(path), reason=str(err), stage="read", doc_id=doc_id or Path(path).stem)
    stage_name = "pipeline"
    try:
        for stage in pipeline:
            stage_name = stage.name
            doc = pipeline.run_stage(stage, doc)
    except PipelineError:
        raise  # a wiring or model problem stops the batch: every document would fail
    except Exception as err:  # one bad document must not end the batch
        return DocError(path=str(path), reason=f"{err.__class__.__name__}: {err}", stage=stage_name, doc_id=doc.doc_id)
    finally:
        release_free_memory()
    return doc


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    clauses: int = 0
    characters: int = 0
    seconds: float = 0.0
    # until the first pipeline had its models loaded (the rest of ``seconds`` is processing)
    startup_seconds: float = 0.0
    # wall seconds per stage, summed over every document and worker; writing is the
    # coordinating process's (formatting the records and appending them)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    writing_seconds: float = 0.0
    # peak resident memory of each process that ran the pipeline, by process id
    peak_rss_mib: dict[int, float] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # files under the named folders that are not documents servanda reads, with why
    skipped_inputs: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class DocOutcome:
    """What processing one document sends back to the coordinating process."""

    index: int  # the document's place in the input order
    kind: str  # "doc" or "error"
    record: dict[str, Any]
    characters: int
    stage_seconds: dict[str, float]
    worker: int  # process id
    ready_at: float  # time.time() when that process's pipeline had its models loaded
    peak_rss_mib: float


def errors_path_for(out: Path) -> Path:
    name = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


WARM_UP_TEXT = (
    "ARTICLE 1\nObjectives\n\nThe Parties shall eliminate customs duties on goods originating in "
    "the other Party, in accordance with Annex I.\n\nDone at Geneva on 1 May 2020.\n"
)


def ready_pipeline(config: PipelineConfig) -> Pipeline:
    """A built pipeline that has run once, on a three-clause document: some stages load
    their models on first use, and that cost belongs to start-up, not to the first
    document (nor to its stage timings)."""
    from .reader import sha256_text

    pipeline = build_pipeline(config)
    try:
        pipeline(
            Document(
                doc_id="warm-up", path="", text=WARM_UP_TEXT, text_sha256=sha256_text(WARM_UP_TEXT), provided={"text"}
            )
        )
    except Exception as err:  # every document would fail the same way
        raise PipelineError(
            f"the pipeline fails on a three-clause warm-up document: {err.__class__.__name__}: {err}"
        ) from err
    for name in pipeline.timings:
        pipeline.timings[name] = 0.0
    return pipeline


class _DocumentRunner:
    """One process's pipeline, turning an input path into a :class:`DocOutcome`."""

    def __init__(self, config: PipelineConfig, max_bytes: int):
        self.pipeline = ready_pipeline(config)
        self.max_bytes = max_bytes
        self.ready_at = time.time()

    def __call__(self, index: int, path: str, doc_id: Optional[str] = None) -> DocOutcome:
        before = dict(self.pipeline.timings)
        result = process_path(self.pipeline, Path(path), self.max_bytes, doc_id=doc_id)
        if isinstance(result, DocError):
            kind, record, chars = "error", error_record(result), 0
        else:
            kind, record, chars = "doc", document_record(result, self.pipeline.versions), len(result.text)
        return DocOutcome(
            index,
            kind,
            record,
            chars,
            {k: v - before.get(k, 0.0) for k, v in self.pipeline.timings.items()},
            os.getpid(),
            self.ready_at,
            peak_rss_mib(),
        )


# Worker processes build their own pipeline once (models are not shared across processes).
_WORKER: dict[str, Any] = {}


def _worker_init(config: PipelineConfig, max_bytes: int) -> None:
    try:
        _WORKER["runner"] = _DocumentRunner(config, max_bytes)
    except PipelineError:
        raise
    except Exception as err:
        raise PipelineError(f"a worker could not build the pipeline: {err.__class__.__name__}: {err}") from err


def _worker_run(job: tuple[int, str, str]) -> DocOutcome:
    return _WORKER["runner"](*job)


def run_batch(
    inputs: Iterable[str | os.PathLike],
    out: str | os.PathLike,
    *,
    config: Optional[PipelineConfig] = None,
    fmt: str = "documents",
    resume: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int = 1,
    progress: Optional[bool] = None,
    engine: Optional[Engine] = None,
) -> RunSummary:
    """Process every document under ``inputs`` into ``out`` (JSONL), errors into
    ``out``'s ``.errors.jsonl``.

    Nothing is touched before the arguments are checked and the pipeline can be built:
    a run that cannot start raises (``ValueError``, ``FileNotFoundError``,
    :class:`PipelineError`) and leaves an existing ``out`` as it was. A new run writes to
    ``OUT.partial`` and renames it into place when it completes; each document is
    appended (and fsynced) as soon as it is done, so a killed run loses nothing finished
    and ``resume`` carries on from there. Workers take the largest documents first; once
    the run completes, the file is put in input order, resumed records included, so it
    is byte for byte what one uninterrupted process writes.

    ``engine`` runs the documents elsewhere (``servanda.engines.RayEngine``: actors on a
    Ray cluster); everything else — inputs, resume, writing, order — is this function's,
    so every engine writes the same files. Without one, ``workers`` local processes."""
    config = config or PipelineConfig()
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive number of bytes, not {max_bytes}")
    files = RunFiles(Path(out))
    collected = collect_inputs(inputs)
    if not collected.paths:
        raise NoDocumentsError(collected.skipped)
    files.check_resume(resume, fmt, config)
    # an engine elsewhere (a Ray cluster) has the GPUs on its nodes, not necessarily here
    preflight(config, gpu_here=engine is None or isinstance(engine, LocalEngine))
    paths = [str(p) for p in collected.paths]
    summary = RunSummary(skipped_inputs=list(collected.skipped))
    if engine is None:
        engine = LocalEngine(workers)
    # the models are loaded (or the cluster's actors ready) before any output is touched
    engine.start(config, max_bytes, len(paths))
    try:
        _write_outcomes(engine, files, config, paths, collected.doc_ids, summary, fmt, resume, progress)
    finally:
        engine.close()
    return summary


def _write_outcomes(
    engine: Engine,
    files: RunFiles,
    config: PipelineConfig,
    paths: list[str],
    doc_ids: dict[str, str],
    summary: RunSummary,
    fmt: str,
    resume: bool,
    progress: Optional[bool],
) -> None:
    target, errors_target = files.open_targets(resume, fmt, config)
    done = finished_paths(target, errors_target, fmt) if resume else set()
    todo = [p for p in paths if p not in done]
    summary.skipped = len(paths) - len(todo)
    show = sys.stderr.isatty() if progress is None else progress
    started, started_at = time.perf_counter(), time.time()
    first_ready = float("inf")
    with JsonlAppender(target, resume) as writer, JsonlAppender(errors_target, resume) as errors:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", disable=not show, dynamic_ncols=True)
        jobs = [(index, path, doc_ids[path]) for index, path in enumerate(todo)]
        for outcome in engine.outcomes(jobs):
            writing = time.perf_counter()
            if outcome.kind == "error":
                errors.write_lines([outcome.record])
                summary.failed += 1
                summary.errors.append(outcome.record)
            else:
                record = outcome.record
                writer.write_lines(clause_rows(record) if fmt == "clauses" else [record])
                summary.documents += 1
                summary.clauses += len(record["clauses"])
                summary.characters += outcome.characters
            summary.writing_seconds += time.perf_counter() - writing
            _account(summary, outcome)
            first_ready = min(first_ready, outcome.ready_at)
            bar.update(1)
            elapsed = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix(
                docs_s=f"{summary.documents / elapsed:.2f}", clauses_s=f"{summary.clauses / elapsed:.0f}", refresh=False
            )
        bar.close()
    order = {path: index for index, path in enumerate(paths)}
    restore_input_order(target, order)
    restore_input_order(errors_target, order)
    files.complete()
    summary.seconds = time.perf_counter() - started
    summary.startup_seconds = max(0.0, first_ready - started_at) if todo else 0.0


class NoDocumentsError(ValueError):
    """The inputs hold no document servanda reads; ``skipped`` lists what was passed over."""

    def __init__(self, skipped: list[tuple[str, str]]):
        self.skipped = skipped
        super().__init__(
            f"no documents to read ({len(skipped)} file(s) skipped; servanda reads .txt, .md and ToTA .xml)"
        )


def preflight(config: PipelineConfig, gpu_here: bool = True) -> None:
    """The checks that would otherwise fail inside every worker: the classifier can be
    found, stanza's models are installed, CUDA is there when asked for (``gpu_here``: the
    pipelines run on this machine). Raises :class:`PipelineError` with what to do."""
    if config.classifier == "model":
        from .classify.model import resolve_model_dir

        resolve_model_dir(config.model_dir)
    if config.ner_backend == "stanza":
        from .entities.models import require_stanza_models

        require_stanza_models()
    if config.device == "cuda" and gpu_here:
        import torch

        if not torch.cuda.is_available():
            raise PipelineError("device cuda was asked for, but torch sees no CUDA device here; use --device cpu")


class RunFiles:
    """The files of one run: ``OUT`` and ``OUT.errors.jsonl``, written as ``OUT.partial``
    and ``OUT.errors.jsonl.partial`` until the run completes, and ``OUT.run.json``,
    which records the format and configuration the output was started with, so that a
    resume with other settings is refused instead of mixing two kinds of records."""

    def __init__(self, out: Path):
        if out.is_dir():
            raise ValueError(f"--out {out} is a folder; name the JSONL file to write")
        self.out = out
        self.errors = errors_path_for(out)
        self.partial = out.with_name(out.name + ".partial")
        self.errors_partial = self.errors.with_name(self.errors.name + ".partial")
        self.meta = out.with_name(out.name + ".run.json")
        self.using_partial = True

    def settings(self, fmt: str, config: PipelineConfig) -> dict[str, Any]:
        from dataclasses import asdict

        from . import __version__

        return {"format": fmt, "servanda": __version__, "config": asdict(config)}

    def check_resume(self, resume: bool, fmt: str, config: PipelineConfig) -> None:
        if not resume or not (self.partial.exists() or self.out.exists()):
            return
        wanted = self.settings(fmt, config)
        if self.meta.exists():
            started = json.loads(self.meta.read_text(encoding="utf-8"))
        else:  # written before run settings were recorded: tell the format by its lines
            source = self.partial if self.partial.exists() else self.out
            started = {"format": _format_of(source), "config": wanted["config"]}
        for key in ("format", "config"):
            if started.get(key) is not None and started.get(key) != wanted[key]:
                raise ValueError(
                    f"--resume: {self.out} was started with {key} {_describe(started[key])}, not "
                    f"{_describe(wanted[key])}; resume with the same settings or write to another --out"
                )

    def open_targets(self, resume: bool, fmt: str, config: PipelineConfig) -> tuple[Path, Path]:
        """The files to append to: a resumed completed output in place, else the partials."""
        self.using_partial = not (resume and self.out.exists() and not self.partial.exists())
        if not self.using_partial:
            return self.out, self.errors
        if not (resume and self.partial.exists()):
            self.partial.parent.mkdir(parents=True, exist_ok=True)
            self.meta.write_text(json.dumps(self.settings(fmt, config), indent=1) + "\n", encoding="utf-8")
        return self.partial, self.errors_partial

    def complete(self) -> None:
        if self.using_partial:
            os.replace(self.errors_partial, self.errors)
            os.replace(self.partial, self.out)


def _format_of(path: Path) -> Optional[str]:
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    if not first.strip():
        return None
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return None
    return "clauses" if "clause_index" in record else "documents"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return repr(value)


def _account(summary: RunSummary, outcome: DocOutcome) -> None:
    for name, seconds in outcome.stage_seconds.items():
        summary.stage_seconds[name] = summary.stage_seconds.get(name, 0.0) + seconds
    summary.peak_rss_mib[outcome.worker] = max(summary.peak_rss_mib.get(outcome.worker, 0.0), outcome.peak_rss_mib)


Job = tuple[int, str, str]  # (place among the documents to do, path, doc_id)


class Engine(Protocol):
    """Where documents are processed. :func:`run_batch` owns the files; an engine only
    turns jobs into :class:`DocOutcome` s, in any order. ``start`` builds the pipelines
    (raising :class:`PipelineError` when it cannot) before any output is touched."""

    def start(self, config: PipelineConfig, max_bytes: int, documents: int) -> None: ...

    def outcomes(self, jobs: list[Job]) -> Iterator[DocOutcome]: ...

    def close(self) -> None: ...


class LocalEngine:
    """This process (one worker, or one document) or ``workers`` spawned processes."""

    def __init__(self, workers: int = 1):
        self.workers = workers
        self.config = PipelineConfig()
        self.max_bytes = DEFAULT_MAX_BYTES
        self.local: Optional[_DocumentRunner] = None

    def start(self, config: PipelineConfig, max_bytes: int, documents: int) -> None:
        self.config, self.max_bytes = config, max_bytes
        if self.workers <= 1 or documents <= 1:
            self.local = _DocumentRunner(config, max_bytes)

    def outcomes(self, jobs: list[Job]) -> Iterator[DocOutcome]:
        """In input order from this process, in order of completion from worker
        processes (largest documents dealt out first)."""
        if self.local is not None:
            for job in jobs:
                yield self.local(*job)
            return
        yield from pool.imap_unordered(
            _worker_run,
            largest_first(jobs),
            workers=self.workers,
            initializer=_worker_init,
            initargs=(self.config, self.max_bytes),
            threads=pool.threads_per_worker(self.workers),
        )

    def close(self) -> None:
        self.local = None


def largest_first(jobs: list[Job]) -> list[Job]:
    """Jobs by file size, largest first, so that no worker is left with a big document
    when the others have finished (ties keep input order)."""
    return sorted(jobs, key=lambda job: -_size(job[1]))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # reading it will report the problem in its error record
        return 0
