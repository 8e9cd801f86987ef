"""The stage contract and the pipeline that wires stages together.

Like stanza's ``REQUIRES_DEFAULT``/``PROVIDES_DEFAULT`` and spaCy's
``requires=``/``assigns=``, each stage declares the document fields it needs and the
ones it adds. :class:`Pipeline` checks the wiring when it is built, so a pipeline
that lacks an input fails at once with a message naming it, not deep inside a run.

Field names used across the project:

``text``          the document text (the reader provides it)
``lang``          document language (``Document.lang``)
``clauses``       clause spans with structural kind and context
``clause_lang``   per-clause language
``entities``      entity mentions with ids
``parties``       the document's parties (``Document.parties``, PARTY labels)
``labels``        clause labels and scores
``attributes``    commitment attributes (actors, beneficiaries, strength, conditional)
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import ClassVar

from .records import Document


class PipelineError(RuntimeError):
    """A pipeline was wired wrongly or a stage cannot be built (e.g. missing model)."""


class Stage:
    """One processing step. Subclasses set ``name``, ``requires``, ``provides``,
    ``version`` and implement :meth:`process`."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    @property
    def version(self) -> str:
        """Which implementation ran; written to the output's version fields."""
        return self.name

    def process(self, doc: Document) -> Document:  # pragma: no cover - interface
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        """Process a stream; stages that batch across documents override this."""
        for doc in docs:
            yield self(doc)

    def __call__(self, doc: Document) -> Document:
        missing = self.requires - doc.provided
        if missing:
            raise PipelineError(
                f"stage '{self.name}' needs {sorted(missing)} on document {doc.doc_id}, "
                f"which has only {sorted(doc.provided)}"
            )
        doc = self.process(doc)
        doc.provided |= self.provides
        doc.stages_run[self.name] = self.version
        return doc


class Pipeline:
    """An ordered list of stages whose requirements are checked at build time."""

    def __init__(self, stages: Sequence[Stage], initial: Iterable[str] = ("text",)):
        available = set(initial)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage '{stage.name}' requires {sorted(missing)}, which no earlier stage "
                    f"provides (available: {sorted(available)}; order: "
                    f"{[s.name for s in stages]})"
                )
            available |= stage.provides
        self.stages = list(stages)
        self.provides = frozenset(available)
        # Wall seconds spent in each stage since the pipeline was built (for benchmarks).
        self.timings: dict[str, float] = {s.name: 0.0 for s in self.stages}

    @property
    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = self.run_stage(stage, doc)
        return doc

    def run_stage(self, stage: Stage, doc: Document) -> Document:
        started = time.perf_counter()
        try:
            return stage(doc)
        finally:
            self.timings[stage.name] += time.perf_counter() - started

    def __iter__(self):
        return iter(self.stages)
