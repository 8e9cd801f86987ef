"""Scoring predictions against the gold set (ANNOTATION_GUIDE.md §7).

Everything here works on records as plain dicts, one per document, exactly as they
are read from the JSONL files, so the scorer can judge any system's output, not only
this pipeline's. :func:`score` is the entry point; the report and the CLI only format
what it returns (key reference: docs/metrics.md).

How a document is scored, in order:

1. Gold and predicted records are paired by ``doc_id``. A pair whose ``text_sha256``
   differs is refused: the prediction was made on another text, so its offsets mean
   nothing here. Refused documents are listed under ``errors`` and left out of every
   count. Gold documents with no prediction are scored against an empty prediction
   (every clause and entity a miss); predictions with no gold are listed and ignored.
2. When the gold record has ``regions``, clauses and entities of both sides that do
   not lie at least half inside them are dropped: nothing was annotated there.
3. Clause spans are trimmed of surrounding whitespace (using the document text) and
   aligned one-to-one by character overlap. Labels, attributes and clause language
   are compared on aligned pairs; unaligned clauses are misses or false positives.
4. Entities are aligned one-to-one: exact span and label first (strict), then the
   largest same-label overlap (partial).

Each document yields a :class:`Tally` of additive counts. Corpus, per-language and
bootstrap figures are all computed from sums of tallies, so they cannot disagree.

Where each step lives: records and texts are read and checked in ``inputs``, spans aligned
in ``spans``, one document counted in ``compare``, figures made from tallies in ``metrics``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional

from .. import __version__
from ..records import LABELS
from .compare import document_tally
from .inputs import EvalInputError, load_jsonl, load_text, select_split, validate
from .metrics import (
    CONFIDENCE,
    attribute_metrics,
    bootstrap_headlines,
    calibration_metrics,
    clause_metrics,
    entity_metrics,
    instrument_metrics,
    language_metrics,
    segmentation_metrics,
)
from .prf import PRF, ratio, rounded
from .tally import UNKNOWN_LANG, UNMATCHED, Tally, total

# what a user of the scorer needs (the notebook and `servanda eval` read files with these)
__all__ = ["EvalInputError", "METRICS_VERSION", "load_jsonl", "pipeline_versions", "score", "select_split"]

METRICS_VERSION = "1.0"
UNKNOWN_GENRE = "unknown"


DOCUMENT_FIGURES = (
    "gold_clauses",
    "pred_clauses",
    "matched_clauses",
    "label_accuracy",
    "clause_micro_f1",
    "clause_macro_f1",
    "commitment_f1",
    "boundary_f1",
    "overlap_matched_rate",
    "entity_strict_f1",
    "entity_partial_f1",
    "party_set_correct",
    "lang_correct",
)


def _document_figures(tally: Tally) -> dict[str, Any]:
    clauses = clause_metrics(tally)
    matched = tally.overlap_matched.correct
    return {
        "gold_clauses": tally.overlap_matched.total,
        "pred_clauses": sum(n for (_, p), n in tally.confusion.items() if p != UNMATCHED),
        "matched_clauses": matched,
        "label_accuracy": rounded(ratio(sum(tally.confusion[(l, l)] for l in LABELS), matched)),
        "clause_micro_f1": clauses["micro"]["f1"],
        "clause_macro_f1": clauses["macro"]["f1"],
        "commitment_f1": clauses["labels"]["commitment"]["f1"],
        "boundary_f1": rounded(tally.boundary.f1),
        "overlap_matched_rate": rounded(tally.overlap_matched.value),
        "entity_strict_f1": rounded(sum(tally.entity_strict.values(), PRF()).f1),
        "entity_partial_f1": rounded(sum(tally.entity_partial.values(), PRF()).f1),
        "party_set_correct": bool(tally.party_set.correct),
        "lang_correct": bool(tally.doc_lang.correct),
    }


def _document_row(gold: dict, status: str, text_source: Optional[str], tally: Optional[Tally]) -> dict[str, Any]:
    """One row of per_document; a refused document has every figure null."""
    figures = _document_figures(tally) if tally is not None else dict.fromkeys(DOCUMENT_FIGURES)
    return {
        "doc_id": gold["doc_id"],
        "lang": gold.get("lang") or UNKNOWN_LANG,
        "split": gold.get("split"),
        "status": status,
        "text_source": text_source,
        **{name: figures[name] for name in DOCUMENT_FIGURES},
    }


def breakdown(scored: list[tuple[dict, Tally]], key: str, bootstrap: int, seed: int) -> dict[str, Any]:
    """The headline figures (with bootstrap intervals) for each group of gold documents
    sharing ``key`` (``doc_type``, the genre, or ``lang``): an average over all
    documents hides the genre that fails."""
    unknown = UNKNOWN_GENRE if key == "doc_type" else UNKNOWN_LANG
    groups: dict[str, list[Tally]] = defaultdict(list)
    for gold, tally in scored:
        groups[gold.get(key) or unknown].append(tally)
    out = {}
    for name, tallies in sorted(groups.items()):
        overall = total(tallies)
        out[name] = {
            "documents": len(tallies),
            "gold_clauses": clause_metrics(overall)["support"],
            "headline": bootstrap_headlines(tallies, bootstrap, seed),
        }
    return out


def _by_lang(scored: list[tuple[dict, Tally]], metrics: Callable[[Tally], dict]) -> dict[str, Any]:
    groups: dict[str, list[Tally]] = defaultdict(list)
    for gold, tally in scored:
        groups[gold.get("lang") or UNKNOWN_LANG].append(tally)
    return {lang: metrics(total(tallies)) for lang, tallies in sorted(groups.items())}


def score(
    pred_records: list[dict],
    gold_records: list[dict],
    *,
    text_root: Path = Path("."),
    bootstrap: int = 1000,
    seed: int = 0,
    split: Optional[str] = None,
) -> dict[str, Any]:
    """Score predictions against gold; returns the metrics.json structure
    (docs/metrics.md). ``split`` keeps only gold records of that split; predictions
    for gold documents of other splits are then left out silently, not called extra.
    Raises EvalInputError for malformed records."""
    validate(gold_records, "gold")
    validate(pred_records, "pred")
    all_gold_ids = {r["doc_id"] for r in gold_records}
    gold_records = select_split(gold_records, split)
    gold_ids = {r["doc_id"] for r in gold_records}
    preds = {r["doc_id"]: r for r in pred_records}

    rows, errors, scored = [], [], []
    for gold in gold_records:
        pred = preds.get(gold["doc_id"])
        if pred is not None and pred.get("text_sha256") != gold["text_sha256"]:
            errors.append(_sha_error(gold, pred))
            rows.append(_document_row(gold, "refused", None, None))
            continue
        text = load_text(gold, Path(text_root))
        tally = document_tally(gold, pred, text)
        scored.append((gold, tally))
        rows.append(_document_row(gold, "scored" if pred else "missing", text.source, tally))

    tallies = [t for _, t in scored]
    overall = total(tallies)
    return {
        "metrics_version": METRICS_VERSION,
        "servanda_version": __version__,
        "config": {
            "split": split,
            "bootstrap": bootstrap,
            "seed": seed,
            "confidence": CONFIDENCE,
            "text_root": str(text_root),
        },
        "documents": {
            "gold": len(gold_records),
            "predicted": len(pred_records),
            "scored": sum(r["status"] == "scored" for r in rows),
            "missing": [r["doc_id"] for r in rows if r["status"] == "missing"],
            "extra": sorted(set(preds) - all_gold_ids),
            "refused": [e["doc_id"] for e in errors],
            "out_of_split": len((set(preds) & all_gold_ids) - gold_ids),
            "text_from_offsets": [r["doc_id"] for r in rows if r["text_source"] == "offsets"],
        },
        "pipeline_versions": pipeline_versions(preds[g["doc_id"]] for g, _ in scored if g["doc_id"] in preds),
        "errors": errors,
        "headline": bootstrap_headlines(tallies, bootstrap, seed),
        "clauses": clause_metrics(overall),
        "segmentation": {**segmentation_metrics(overall), "by_lang": _by_lang(scored, segmentation_metrics)},
        "entities": {**entity_metrics(overall), "by_lang": _by_lang(scored, entity_metrics)},
        "attributes": attribute_metrics(overall),
        "language": language_metrics(overall),
        "calibration": calibration_metrics(overall),
        "instrument": instrument_metrics(overall),
        "by_genre": breakdown(scored, "doc_type", bootstrap, seed),
        "by_lang": breakdown(scored, "lang", bootstrap, seed),
        "per_document": rows,
    }


def pipeline_versions(preds: Iterable[dict]) -> dict[str, list[str]]:
    """Each stage's versions among the scored predictions (``versions.stages`` of each
    record): what made the figures, so that they can be told apart from another model's."""
    seen: dict[str, set[str]] = {}
    for pred in preds:
        for stage, version in (pred.get("versions") or {}).get("stages", {}).items():
            seen.setdefault(stage, set()).add(str(version))
    return {stage: sorted(versions) for stage, versions in sorted(seen.items())}


def _sha_error(gold: dict, pred: dict) -> dict[str, Any]:
    got = pred.get("text_sha256")
    return {
        "doc_id": gold["doc_id"],
        "error": "text_sha256_mismatch",
        "message": (
            f"prediction was made on a different text (sha256 {str(got)[:12]}… vs gold "
            f"{gold['text_sha256'][:12]}…); not scored"
            if got
            else "prediction has no text_sha256, so it cannot be checked against the gold text; not scored"
        ),
    }
