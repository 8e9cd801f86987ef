"""The library's front door: :func:`load` a pipeline and use it on text or files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from .records import Document
from .runner import PipelineConfig, build_pipeline
from .stages import Pipeline


class Servanda:
    """A built pipeline that takes text in memory or a file path.

    ``nlp("…text…")`` and ``nlp.read("treaty.txt")`` give a :class:`Document`;
    ``nlp.record(doc)`` gives its JSON record, exactly what ``servanda run`` writes."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def __call__(self, text: str, doc_id: str = "text", path: str = "<text>") -> Document:
        from .reader import sha256_text

        doc = Document(doc_id=doc_id, path=path, text=text, text_sha256=sha256_text(text), provided={"text"})
        return self.pipeline(doc)

    def read(self, path: str | os.PathLike) -> Document:
        """A file through the pipeline; an unreadable file raises :class:`~servanda.reader.ReadError`."""
        from .reader import read_document

        return self.pipeline(read_document(path))

    def record(self, doc: Document) -> dict[str, Any]:
        return to_record(doc, self.pipeline)


def load(
    model: Optional[str | os.PathLike] = None,
    *,
    classifier: str = "model",
    backend: str = "spacy",
    device: str = "cpu",
    dtype: str = "auto",
) -> Servanda:
    """The whole pipeline, with the same defaults as ``servanda run``: the trained
    classifier (``model`` or ``$SERVANDA_MODEL`` or the project's ``models/clause-minilm``;
    a clear :class:`~servanda.stages.PipelineError` says where it looked when there is
    none) and spaCy's NER. ``classifier="cues"`` uses the cue-lexicon baseline."""
    config = PipelineConfig(
        model_dir=str(Path(model)) if model is not None else None,
        classifier=classifier,
        ner_backend=backend,
        device=device,
        dtype=dtype,
    )
    return Servanda(build_pipeline(config))


def to_record(doc: Document, pipeline: Pipeline) -> dict[str, Any]:
    """A processed document as its output record (JSON Schema ``pipeline/schemas/output.schema.json``)."""
    from .output import document_record

    return document_record(doc, pipeline.versions)
