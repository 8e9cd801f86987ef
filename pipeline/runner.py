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
from typing import Any, Iterable, Optional

from .output import (FORMATS, JsonlAppender, clause_rows, document_record, error_record,
                     finished_paths)
from .memory import release_free_memory
from .reader import DEFAULT_MAX_BYTES, ReadError, iter_paths, read_document
from .records import DocError, Document
from .stages import Pipeline, PipelineError


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what the pipeline outputs (so: part of its versions)."""

    model_dir: Optional[str] = None  # None: the cue-lexicon classifier
    ner_backend: str = "spacy"
    device: str = "cpu"
    dtype: str = "auto"  # bfloat16 where the CPU/GPU has bf16 units, else float32


def build_pipeline(config: PipelineConfig = PipelineConfig()) -> Pipeline:
    from .classify import ClauseClassifier
    from .classify.attributes import CommitmentAttributes
    from .entities import EntityRecognizer, PartyResolver
    from .langid import ClauseLanguageIdentifier, LanguageIdentifier
    from .segment import Segmenter

    return Pipeline([
        LanguageIdentifier(),
        Segmenter(),
        ClauseLanguageIdentifier(),
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
    errors: list[dict[str, Any]] = field(default_factory=list)


def errors_path_for(out: Path) -> Path:
    name = out.name[:-len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


# Worker processes build their own pipeline once (models are not shared across processes).
_WORKER: dict[str, Any] = {}


def _worker_init(config: PipelineConfig, max_bytes: int, threads: int) -> None:
    import torch

    torch.set_num_threads(threads)
    _WORKER["pipeline"] = build_pipeline(config)
    _WORKER["max_bytes"] = max_bytes


def _worker_run(path: str):
    result = process_path(_WORKER["pipeline"], Path(path), _WORKER["max_bytes"])
    return _serialise(result, _WORKER["pipeline"])


def _serialise(result: Document | DocError, pipeline: Pipeline):
    if isinstance(result, DocError):
        return "error", error_record(result), 0
    return "doc", document_record(result, pipeline.versions), len(result.text)


def run_batch(inputs: Iterable[str | os.PathLike], out: Path, *, config: PipelineConfig = PipelineConfig(),
              fmt: str = "documents", resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
              workers: int = 1, progress: Optional[bool] = None) -> RunSummary:
    """Process every document under ``inputs`` into ``out`` (JSONL), errors into
    ``out``'s ``.errors.jsonl``. Output order follows the sorted input order."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    out = Path(out)
    errors_out = errors_path_for(out)
    done = finished_paths(out, errors_out, fmt) if resume else set()
    paths = [str(p) for p in iter_paths(inputs)]
    todo = [p for p in paths if p not in done]
    summary = RunSummary(skipped=len(paths) - len(todo))
    show = sys.stderr.isatty() if progress is None else progress
    started = time.perf_counter()
    with JsonlAppender(out, resume) as writer, JsonlAppender(errors_out, resume) as errors:
        results = _results(todo, config, max_bytes, workers)
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="doc", disable=not show, dynamic_ncols=True)
        for kind, record, n_chars in results:
            if kind == "error":
                errors.write_lines([record])
                summary.failed += 1
                summary.errors.append(record)
            else:
                writer.write_lines(clause_rows(record) if fmt == "clauses" else [record])
                summary.documents += 1
                summary.clauses += len(record["clauses"])
                summary.characters += n_chars
            bar.update(1)
            elapsed = max(time.perf_counter() - started, 1e-9)
            bar.set_postfix(docs_s=f"{summary.documents / elapsed:.2f}",
                            clauses_s=f"{summary.clauses / elapsed:.0f}", refresh=False)
        bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _results(paths: list[str], config: PipelineConfig, max_bytes: int, workers: int):
    if workers <= 1 or len(paths) <= 1:
        pipeline = build_pipeline(config)
        for p in paths:
            yield _serialise(process_path(pipeline, Path(p), max_bytes), pipeline)
        return
    import multiprocessing as mp

    # 'spawn' keeps torch's and spaCy's threads out of forked children.
    ctx = mp.get_context("spawn")
    threads = max(1, (os.cpu_count() or 1) // workers)
    with ctx.Pool(workers, initializer=_worker_init, initargs=(config, max_bytes, threads)) as pool:
        # imap keeps input order, so the output file is the same whatever the timing
        yield from pool.imap(_worker_run, paths, chunksize=1)
