"""The hand-annotated gold set: stand-off records, work files, validation, statistics, conversions.

Gold records follow ANNOTATION_GUIDE.md §7 (one JSON object per document, offsets
into the file named by ``path`` relative to the project root) plus a ``split`` key
taken from ``annotations/splits.json``. Texts from ``../shared`` are never copied
into the project: only offsets and ``text_sha256``.

Annotators work on *work files* (``annotations/work/<doc_id>.jsonl``, not committed
because they quote the text): a header line, one line per clause with its exact
text and label, one line per entity surface form. :func:`compile_work_file` turns a
work file into a stand-off gold record by locating each quoted text in order;
:func:`work_lines_from_gold` regenerates a work file from a gold record so that the
gold set can be corrected later.
"""

from __future__ import annotations

from ..paths import (
    GOLD_PATH,
    RESERVED_PATH,
    SHARED_CORPORA,
    SHARED_ROOT,
    SPLITS_PATH,
    WORK_DIR,
    reserved_ids,
    resolve_path,
)
from .dataset import clause_rows, to_dataset
from .labelstudio import LABEL_STUDIO_CONFIG, LabelStudioError, from_label_studio, to_label_studio
from .stats import compiled_counts, stats
from .store import GENRES, SPLITS, load_gold, load_splits, read_text, reserved_or_gold_ids
from .validate import ID_PATTERN, MARKER_ONLY, ValidationReport, validate_record, validate_splits
from .workfile import WorkFileError, compile_work_file, work_lines_from_gold

__all__ = [
    "GENRES",
    "LabelStudioError",
    "validate_splits",
    "GOLD_PATH",
    "ID_PATTERN",
    "LABEL_STUDIO_CONFIG",
    "MARKER_ONLY",
    "RESERVED_PATH",
    "SHARED_CORPORA",
    "SHARED_ROOT",
    "SPLITS",
    "SPLITS_PATH",
    "WORK_DIR",
    "ValidationReport",
    "WorkFileError",
    "clause_rows",
    "compile_work_file",
    "compiled_counts",
    "from_label_studio",
    "load_gold",
    "load_splits",
    "read_text",
    "reserved_ids",
    "reserved_or_gold_ids",
    "resolve_path",
    "stats",
    "to_dataset",
    "to_label_studio",
    "validate_record",
    "work_lines_from_gold",
]
