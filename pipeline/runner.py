"""The library API: build the pipeline, process one document, run a batch.

Data flows one way: read → detect language → segment → clause languages →
entities → parties → classify → commitment attributes → write.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .output import FORMATS, JsonlAppender, clause_rows, document_record, error_record, finished_paths
from .memory import peak_rss_mib, release_free_memory
from .reader import DEFAULT_MAX_BYTES, ReadError, iter_paths, read_document
from .records import DocError, Document
from .stages import Pipeline, PipelineError, Stage


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what the pipeline outputs (so: part of its versions)."""

    model_dir: Optional[str] = None  # None: the cue-lexicon classifier
    ner_backend: str = "spacy"
    device: str = "cpu"
    dtype: str = "auto"  # bfloat16 where the CPU/GPU has bf16 units, else float32


def segmenting_stages() -> list[Stage]:
    """The pipeline's first stages: language, clauses, clause language. What a classifier
    sees at run time is made by these (training data for a student is made the same way)."""
    from .langid import ClauseLanguageIdentifier, LanguageIdentifier
    from .segment import Segmenter

    return [LanguageIdentifier(), Segmenter(), ClauseLanguageIdentifier()]


def build_pipeline(config: PipelineConfig = PipelineConfig()) -> Pipeline:
    from .classify import ClauseClassifier
    from .classify.attributes import CommitmentAttributes
    from .entities import EntityRecognizer, PartyResolver

    return Pipeline([
        *segmenting_stages(),
        EntityRecognizer(backend=config.ner_backend),
        PartyResolver(),
        ClauseClassifier(config.model_dir, device=config.device, dtype=config.dtype),
        CommitmentAttributes(),
    ])


def process_path(pipeline: Pipeline, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | DocError:
    """One document through the pipeline; a failure becomes a :class:`DocError`."""
    try:
        doc = read_document(path, max_bytes=max_bytes)
    except ReadError as err:
        return DocError(path=str(path), reason=str(err), stage="read", doc_id=Path(path).stem)
    stage_name = "pipeline"
    try:
        for stage in pipeline:
            stage_name = stage.name
            doc = pipeline.run_stage(stage, doc)
    except PipelineError:
        raise  # a wiring or model problem stops the batch: every document would fail
    except Exception as err:  # one bad document must not end the batch
        return DocError(path=str(path), reason=f"{err.__class__.__name__}: {err}", stage=stage_name,
                        doc_id=doc.doc_id)
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
    name = out.name[:-len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


WARM_UP_TEXT = ("ARTICLE 1\nObjectives\n\nThe Parties shall eliminate customs duties on goods originating in "
                "the other Party, in accordance with Annex I.\n\nDone at Geneva on 1 May 2020.\n")


def ready_pipeline(config: PipelineConfig) -> Pipeline:
    """A built pipeline that has run once, on a three-clause document: some stages load
    their models on first use, and that cost belongs to start-up, not to the first
    document (nor to its stage timings)."""
    from .reader import sha256_text

    pipeline = build_pipeline(config)
    try:
        pipeline(Document(doc_id="warm-up", path="", text=WARM_UP_TEXT, text_sha256=sha256_text(WARM_UP_TEXT),
                          provided={"text"}))
    except Exception as err:  # every document would fail the same way
        raise PipelineError(f"the pipeline fails on a three-clause warm-up document: "
                            f"{err.__class__.__name__}: {err}") from err
    for name in pipeline.timings:
        pipeline.timings[name] = 0.0
    return pipeline


class _DocumentRunner:
    """One process's pipeline, turning an input path into a :class:`DocOutcome`."""

    def __init__(self, config: PipelineConfig, max_bytes: int):
        self.pipeline = ready_pipeline(config)
        self.max_bytes = max_bytes
        self.ready_at = time.time()

    def __call__(self, index: int, path: str) -> DocOutcome:
        before = dict(self.pipeline.timings)
        result = process_path(self.pipeline, Path(path), self.max_bytes)
        if isinstance(result, DocError):
            kind, record, chars = "error", error_record(result), 0
        else:
            kind, record, chars = "doc", document_record(result, self.pipeline.versions), len(result.text)
        return DocOutcome(index, kind, record, chars,
                          {k: v - before.get(k, 0.0) for k, v in self.pipeline.timings.items()},
                          os.getpid(), self.ready_at, peak_rss_mib())


# Worker processes build their own pipeline once (models are not shared across processes).
_WORKER: dict[str, Any] = {}


def _worker_init(config: PipelineConfig, max_bytes: int, threads: int) -> None:
    import torch

    torch.set_num_threads(threads)
    try:
        _WORKER["runner"] = _DocumentRunner(config, max_bytes)
    except Exception as err:
        # Raised here, it would make the pool start a new worker, fail again, and so on
        # for ever; it is raised from the first job instead, which stops the batch.
        _WORKER["setup_error"] = err if isinstance(err, PipelineError) else PipelineError(
            f"a worker could not build the pipeline: {err.__class__.__name__}: {err}")


def _worker_run(job: tuple[int, str]) -> DocOutcome:
    if "setup_error" in _WORKER:
        raise _WORKER["setup_error"]
    return _WORKER["runner"](*job)


def run_batch(inputs: Iterable[str | os.PathLike], out: Path, *, config: PipelineConfig = PipelineConfig(),
              fmt: str = "documents", resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              workers: int = 1, progress: Optional[bool] = None) -> RunSummary:
    """Process every document under ``inputs`` into ``out`` (JSONL), errors into
    ``out``'s ``.errors.jsonl``.

    Each document is appended as soon as it is done, so a killed run loses no finished
    output (``resume`` picks up from there). Workers take the largest documents first,
    so that no large one is left running alone at the end; once the run completes, the
    records it wrote are put back in the sorted input order, so the output does not
    depend on timing (a resumed run's earlier records stay first)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    out = Path(out)
    errors_out = errors_path_for(out)
    done = finished_paths(out, errors_out, fmt) if resume else set()
    paths = [str(p) for p in iter_paths(inputs)]
    todo = [p for p in paths if p not in done]
    summary = RunSummary(skipped=len(paths) - len(todo))
    show = sys.stderr.isatty() if progress is None else progress
    started, started_at = time.perf_counter(), time.time()
    first_ready = float("inf")
    with JsonlAppender(out, resume) as writer, JsonlAppender(errors_out, resume) as errors:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", disable=not show, dynamic_ncols=True)
        for outcome in _outcomes(todo, config, max_bytes, workers):
            writing = time.perf_counter()
            if outcome.kind == "error":
                errors.write_lines([outcome.record], key=outcome.index)
                summary.failed += 1
                summary.errors.append(outcome.record)
            else:
                record = outcome.record
                writer.write_lines(clause_rows(record) if fmt == "clauses" else [record], key=outcome.index)
                summary.documents += 1
                summary.clauses += len(record["clauses"])
                summary.characters += outcome.characters
            summary.writing_seconds += time.perf_counter() - writing
            _account(summary, outcome)
            first_ready = min(first_ready, outcome.ready_at)
            bar.update(1)
            elapsed = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix(docs_s=f"{summary.documents / elapsed:.2f}",
                            clauses_s=f"{summary.clauses / elapsed:.0f}", refresh=False)
        bar.close()
        writer.restore_key_order()
        errors.restore_key_order()
    summary.seconds = time.perf_counter() - started
    summary.startup_seconds = max(0.0, first_ready - started_at) if todo else 0.0
    return summary


def _account(summary: RunSummary, outcome: DocOutcome) -> None:
    for name, seconds in outcome.stage_seconds.items():
        summary.stage_seconds[name] = summary.stage_seconds.get(name, 0.0) + seconds
    summary.peak_rss_mib[outcome.worker] = max(summary.peak_rss_mib.get(outcome.worker, 0.0),
                                               outcome.peak_rss_mib)


def _outcomes(paths: list[str], config: PipelineConfig, max_bytes: int, workers: int) -> Iterator[DocOutcome]:
    """A :class:`DocOutcome` per path: in input order from one process, in order of
    completion from several (largest documents dealt out first)."""
    if workers <= 1 or len(paths) <= 1:
        runner = _DocumentRunner(config, max_bytes)
        for index, path in enumerate(paths):
            yield runner(index, path)
        return
    import multiprocessing as mp

    # 'spawn' keeps torch's and spaCy's threads out of forked children.
    ctx = mp.get_context("spawn")
    threads = max(1, (os.cpu_count() or 1) // workers)
    largest_first = sorted(enumerate(paths), key=lambda job: -_size(job[1]))
    with ctx.Pool(workers, initializer=_worker_init, initargs=(config, max_bytes, threads)) as pool:
        yield from pool.imap_unordered(_worker_run, largest_first, chunksize=1)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # reading it will report the problem in its error record
        return 0
