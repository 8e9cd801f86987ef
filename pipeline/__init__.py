"""servanda: extract what the parties to international instruments commit to.

The library API (the ``servanda`` command is a thin layer over it)::

    import servanda
    nlp = servanda.load()                      # the trained classifier, spaCy NER
    doc = nlp("The Parties shall cooperate in the field of energy.")
    [(c.label, c.text) for c in doc.clauses]
    servanda.run_batch(["corpus/"], "out/pred.jsonl")   # files in, JSONL out

The package's folder in the repository is ``pipeline/``; it installs as ``servanda``.
Heavy dependencies (torch, spaCy) load on first use, not on ``import servanda``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.4.0"
SCHEMA_VERSION = "1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .api import load, to_record
    from .records import Clause, DocError, Document, Entity
    from .runner import PipelineConfig, RunSummary, build_pipeline, process_path, run_batch
    from .stages import Pipeline, PipelineError

_EXPORTS = {
    "load": "api",
    "to_record": "api",
    "Document": "records",
    "Clause": "records",
    "Entity": "records",
    "DocError": "records",
    "PipelineConfig": "runner",
    "RunSummary": "runner",
    "build_pipeline": "runner",
    "process_path": "runner",
    "run_batch": "runner",
    "Pipeline": "stages",
    "PipelineError": "stages",
}

__all__ = ["SCHEMA_VERSION", "__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'servanda' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{module}", __name__), name)
