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
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from .. import __version__
from ..apostrophes import unify_apostrophes
from ..jsonl import JsonlError, read_jsonl
from ..paths import resolve_path
from ..reader import ReadError, render_tota_xml, sha256_text
from ..records import ENTITY_LABELS, LABELS, TARGET_LABELS
from .prf import PRF, Accuracy, label_prf, macro, ratio, rounded

METRICS_VERSION = "1.0"
UNMATCHED = "unmatched"  # row/column of the confusion matrix for unaligned clauses
LINKED_LABELS = ("PARTY", "STATE", "ORG")  # entity labels whose `id` is scored
ATTRIBUTES = ("actors", "beneficiaries", "strength", "conditional")
UNKNOWN_LANG = "unknown"
UNKNOWN_GENRE = "unknown"
CALIBRATION_BINS = 10
CONFIDENCE = 0.95


class EvalInputError(ValueError):
    """A prediction or gold file cannot be scored; ``str(err)`` says where and why."""


# --------------------------------------------------------------------------- tallies


def _combine(a: Any, b: Any) -> Any:
    """Sum of two tally fields: PRF, Accuracy and Counter add themselves; plain dicts
    of them add key by key."""
    if not isinstance(a, dict) or isinstance(a, Counter):
        return a + b
    out = dict(a)
    for key, value in b.items():
        out[key] = out[key] + value if key in out else value
    return out


@dataclass
class Tally:
    """Additive counts for one document or any set of documents."""

    confusion: Counter = field(default_factory=Counter)  # (gold label, pred label) -> n
    boundary: PRF = PRF()
    overlap_matched: Accuracy = Accuracy()  # aligned gold clauses / gold clauses
    entity_strict: dict[str, PRF] = field(default_factory=dict)
    entity_partial: dict[str, PRF] = field(default_factory=dict)
    entity_id: dict[str, Accuracy] = field(default_factory=dict)
    affiliation: Accuracy = Accuracy()
    # the same over the mentions the prediction gives an affiliation: a wrong id misleads an
    # analyst more than none, so the two figures are read together
    affiliation_given: Accuracy = Accuracy()
    official_name: Accuracy = Accuracy()  # aligned OFFICIAL mentions whose gold has a name
    party_set: Accuracy = Accuracy()
    doc_lang: Accuracy = Accuracy()
    clause_lang: dict[str, Accuracy] = field(default_factory=dict)  # by gold clause lang
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    # (clause language, score bin, "n" | "correct" | "confidence") -> sum, for calibration
    calibration: dict[tuple[str, int, str], float] = field(default_factory=dict)
    # (gold genre, predicted instrument) -> documents
    instrument: Counter = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: _combine(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)})


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for tally in tallies:
        out = out + tally
    return out


# --------------------------------------------------------------------------- loading


def load_jsonl(path: str | os.PathLike) -> list[dict]:
    """Records of a JSONL file (blank lines skipped). Raises EvalInputError naming the
    file and line when the file is unreadable or a line is not a JSON object with a
    string ``doc_id``."""
    try:
        return read_jsonl(path, require="doc_id")
    except JsonlError as err:
        raise EvalInputError(str(err)) from None


def select_split(gold_records: list[dict], split: Optional[str]) -> list[dict]:
    """Gold records of one split (all of them when split is None)."""
    if split is None:
        return list(gold_records)
    chosen = [r for r in gold_records if r.get("split") == split]
    if not chosen:
        known = sorted({str(r.get("split")) for r in gold_records})
        raise EvalInputError(f"no gold record has split '{split}' (splits present: {', '.join(known)})")
    return chosen


# --------------------------------------------------------------------------- validation


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span_problem(item: Any) -> Optional[str]:
    if not isinstance(item, dict):
        return "is not an object"
    start, end = item.get("start"), item.get("end")
    if (
        not (isinstance(start, int) and isinstance(end, int) and _is_int(start) and _is_int(end))
        or not 0 <= start <= end
    ):
        return f"has invalid offsets start={start!r} end={end!r}"
    return None


def _record_problems(record: dict, side: str) -> list[str]:
    where = f"{side} record '{record.get('doc_id')}'"
    problems = []
    if side == "gold" and not isinstance(record.get("text_sha256"), str):
        problems.append(f"{where}: missing 'text_sha256'")
    for key, allowed in (("clauses", LABELS), ("entities", ENTITY_LABELS)):
        items = record.get(key, [])
        if not isinstance(items, list):
            problems.append(f"{where}: '{key}' is not a list")
            continue
        for i, item in enumerate(items):
            problem = _span_problem(item)
            if problem is None and item.get("label") not in allowed:
                problem = f"has label {item.get('label')!r}, expected one of {', '.join(allowed)}"
            if problem:
                problems.append(f"{where}: {key}[{i}] {problem}")
    regions = record.get("regions")
    if regions is not None and not (
        isinstance(regions, list) and all(isinstance(r, list) and len(r) == 2 and all(map(_is_int, r)) for r in regions)
    ):
        problems.append(f"{where}: 'regions' must be a list of [start, end] pairs")
    return problems


def validate(records: list[dict], side: str) -> None:
    """Raise EvalInputError listing (up to ten) malformed records or duplicate ids."""
    if any("clause_index" in r for r in records[:1]):
        raise EvalInputError(
            f"{side}: these are one-line-per-clause rows (`servanda run --format clauses`); "
            "the scorer needs one line per document (`--format documents`)"
        )
    problems = [p for r in records for p in _record_problems(r, side)]
    counts = Counter(r["doc_id"] for r in records)
    problems += [f"{side}: doc_id '{d}' occurs {n} times" for d, n in counts.items() if n > 1]
    if problems:
        more = f"\n… and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise EvalInputError("\n".join(problems[:10]) + more)


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlap(self, other: Span) -> int:
        return max(0, min(self.end, other.end) - max(self.start, other.start))


def trim(span: Span, span_text: Optional[str]) -> Span:
    """The span without leading/trailing whitespace (guide §2), or as given when its
    text is not known."""
    if span_text is None or len(span_text) != len(span):
        return span
    stripped = span_text.strip()
    if not stripped:
        return Span(span.start, span.start)
    lead = len(span_text) - len(span_text.lstrip())
    return Span(span.start + lead, span.start + lead + len(stripped))


def overlapping_pairs(left: Sequence[Span], right: Sequence[Span]) -> Iterable[tuple[int, int, int]]:
    """(i, j, overlap) for every pair of left[i] and right[j] that share characters.
    Sorted by start with a bound on span length, so it is near-linear on real
    documents instead of comparing every clause with every clause."""
    if not left or not right:
        return
    order = sorted(range(len(right)), key=lambda j: right[j].start)
    starts = [right[j].start for j in order]
    longest = max(len(s) for s in right)
    for i, a in enumerate(left):
        k = bisect_left(starts, a.start - longest)
        while k < len(order) and starts[k] < a.end:
            j = order[k]
            amount = a.overlap(right[j])
            if amount > 0:
                yield i, j, amount
            k += 1


def greedy_one_to_one(candidates: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Largest overlaps first; ties by position so the result is deterministic."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, j, _ in sorted(candidates, key=lambda c: (-c[2], c[0], c[1])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _merge_regions(regions: list[list[int]]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(end, merged[-1].end))
        else:
            merged.append(Span(start, end))
    return merged


def inside(span: Span, regions: Optional[list[Span]]) -> bool:
    """At least half of the span lies in annotated regions (all of the text when the
    gold record has none)."""
    if regions is None:
        return True
    if not len(span):
        return any(r.start <= span.start < r.end for r in regions)
    return 2 * sum(span.overlap(r) for r in regions) >= len(span)


# --------------------------------------------------------------------------- documents


@dataclass
class DocText:
    """Where clause trimming gets its characters from."""

    text: Optional[str]
    source: str  # "file" or "offsets"

    def span_text(self, span: Span, fallback: Optional[str] = None) -> Optional[str]:
        if self.text is not None:
            return self.text[span.start : span.end]
        return fallback


def load_text(gold: dict, text_root: Path) -> DocText:
    """The gold document's text when its file is readable and still has the gold
    hash; otherwise scoring falls back to offsets as given. The file is tried as
    stored and, for XML, as the reader renders it, since either may be what the
    gold offsets index."""
    path = gold.get("path")
    if not isinstance(path, str):
        return DocText(None, "offsets")
    file = resolve_path(path, Path(text_root))
    try:
        stored = file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return DocText(None, "offsets")
    candidates = [stored]
    if file.suffix.lower() == ".xml":
        try:
            candidates.append(render_tota_xml(stored))
        except ReadError:
            pass
    for text in candidates:
        if sha256_text(text) == gold.get("text_sha256"):
            return DocText(text, "file")
    return DocText(None, "offsets")


@dataclass(frozen=True)
class Item:
    """A clause or entity kept for scoring, with its (trimmed) span."""

    span: Span
    record: dict


def _clauses(record: dict, text: DocText, regions: Optional[list[Span]]) -> list[Item]:
    items = []
    for clause in record.get("clauses", []):
        raw = Span(clause["start"], clause["end"])
        span = trim(raw, text.span_text(raw, clause.get("text")))
        if inside(span, regions):
            items.append(Item(span, clause))
    return items


def _entities(record: dict, regions: Optional[list[Span]]) -> list[Item]:
    spans = (Item(Span(e["start"], e["end"]), e) for e in record.get("entities", []))
    return [item for item in spans if inside(item.span, regions)]


def align_clauses(gold: list[Item], pred: list[Item]) -> dict[int, int]:
    """pred index -> gold index. A pair qualifies when the overlap covers at least
    half of both spans; each predicted clause takes the gold clause it overlaps most."""
    candidates = (
        (i, j, amount)
        for i, j, amount in overlapping_pairs([p.span for p in pred], [g.span for g in gold])
        if 2 * amount >= len(pred[i].span) and 2 * amount >= len(gold[j].span)
    )
    return greedy_one_to_one(candidates)


def align_entities(gold: list[Item], pred: list[Item]) -> tuple[dict[int, int], set[int]]:
    """pred index -> gold index, and the pred indices matched exactly (strict).
    Exact matches are taken first so a partial match never steals a strict one."""

    def key(item: Item) -> tuple:
        return item.span.start, item.span.end, item.record["label"]

    free_gold: dict[tuple, list[int]] = defaultdict(list)
    for j, g in enumerate(gold):
        free_gold[key(g)].append(j)
    pairs: dict[int, int] = {}
    for i, p in enumerate(pred):
        if free_gold.get(key(p)):
            pairs[i] = free_gold[key(p)].pop(0)
    strict = set(pairs)
    taken = set(pairs.values())
    rest_pred = [i for i in range(len(pred)) if i not in pairs]
    rest_gold = [j for j in range(len(gold)) if j not in taken]
    candidates = (
        (rest_pred[a], rest_gold[b], amount)
        for a, b, amount in overlapping_pairs([pred[i].span for i in rest_pred], [gold[j].span for j in rest_gold])
        if pred[rest_pred[a]].record["label"] == gold[rest_gold[b]].record["label"]
    )
    pairs.update(greedy_one_to_one(candidates))
    return pairs, strict


def _clause_tally(gold: list[Item], pred: list[Item], gold_lang: Optional[str], pred_lang: Optional[str]) -> Tally:
    pairs = align_clauses(gold, pred)
    confusion: Counter = Counter()
    for i, p in enumerate(pred):
        gold_label = gold[pairs[i]].record["label"] if i in pairs else UNMATCHED
        confusion[(gold_label, p.record["label"])] += 1
    matched_gold = set(pairs.values())
    for j, g in enumerate(gold):
        if j not in matched_gold:
            confusion[(g.record["label"], UNMATCHED)] += 1
    exact = Counter(g.span for g in gold) & Counter(p.span for p in pred)
    commitments = [
        (gold[j].record, pred[i].record)
        for i, j in pairs.items()
        if gold[j].record["label"] == pred[i].record["label"] == "commitment"
    ]
    calibration: dict[tuple[str, int, str], float] = defaultdict(float)
    for i, j in pairs.items():
        score = pred[i].record.get("score")
        if isinstance(score, (int, float)) and not isinstance(score, bool):
            lang = pred[i].record.get("lang") or pred_lang or gold_lang or UNKNOWN_LANG
            b = min(int(score * CALIBRATION_BINS), CALIBRATION_BINS - 1)
            calibration[(lang, b, "n")] += 1
            calibration[(lang, b, "correct")] += int(pred[i].record["label"] == gold[j].record["label"])
            calibration[(lang, b, "confidence")] += float(score)
    langs: dict[str, list[bool]] = defaultdict(list)
    for i, j in pairs.items():
        expected = gold[j].record.get("lang") or gold_lang
        if expected:  # no gold language at all: nothing to compare with
            langs[expected].append((pred[i].record.get("lang") or pred_lang) == expected)
    return Tally(
        confusion=confusion,
        boundary=PRF.from_sizes(sum(exact.values()), len(pred), len(gold)),
        overlap_matched=Accuracy(len(pairs), len(gold)),
        clause_lang={lang: Accuracy.of(v) for lang, v in langs.items()},
        attributes=_attribute_accuracy(commitments),
        calibration=dict(calibration),
    )


def _same(attribute: str, gold: dict, pred: dict) -> bool:
    if attribute in ("actors", "beneficiaries"):
        return set(gold.get(attribute) or []) == set(pred.get(attribute) or [])
    if attribute == "conditional":
        return bool(gold.get(attribute)) == bool(pred.get(attribute))
    return gold.get(attribute) == pred.get(attribute)


def _attribute_accuracy(pairs: list[tuple[dict, dict]]) -> dict[str, Accuracy]:
    return {a: Accuracy.of(_same(a, g, p) for g, p in pairs) for a in ATTRIBUTES}


def _entity_tally(gold: list[Item], pred: list[Item]) -> Tally:
    pairs, strict = align_entities(gold, pred)

    def per_label(matched: Iterable[int]) -> dict[str, PRF]:
        hits = Counter(pred[i].record["label"] for i in matched)
        n_pred = Counter(p.record["label"] for p in pred)
        n_gold = Counter(g.record["label"] for g in gold)
        return {lab: PRF.from_sizes(hits[lab], n_pred[lab], n_gold[lab]) for lab in ENTITY_LABELS}

    def agreement(labels: Sequence[str], attribute: str, given_only: bool = False) -> dict[str, Accuracy]:
        outcomes: dict[str, list[bool]] = {lab: [] for lab in labels}
        for i, j in pairs.items():
            label = pred[i].record["label"]
            if label in outcomes and not (given_only and pred[i].record.get(attribute) is None):
                outcomes[label].append(pred[i].record.get(attribute) == gold[j].record.get(attribute))
        return {lab: Accuracy.of(v) for lab, v in outcomes.items()}

    # the name in its dictionary form (guide §5), compared as written but for the
    # apostrophe's spelling; mentions whose gold gives no name are not counted
    names = [
        _same_name(pred[i].record.get("name"), gold[j].record["name"])
        for i, j in pairs.items()
        if pred[i].record["label"] == "OFFICIAL" and gold[j].record.get("name")
    ]
    return Tally(
        entity_strict=per_label(strict),
        entity_partial=per_label(pairs),
        entity_id=agreement(LINKED_LABELS, "id"),
        affiliation=agreement(("OFFICIAL",), "affiliation")["OFFICIAL"],
        affiliation_given=agreement(("OFFICIAL",), "affiliation", given_only=True)["OFFICIAL"],
        official_name=Accuracy.of(names),
    )


def _same_name(pred: Optional[str], gold: str) -> bool:
    def norm(name: str) -> str:
        return " ".join(unify_apostrophes(name).split())

    return pred is not None and norm(pred) == norm(gold)


def _document_tally(gold: dict, pred: Optional[dict], text: DocText) -> Tally:
    """The tally of one gold document; pred None means the system produced nothing
    for it, which scores as all misses and wrong document-level answers."""
    regions = _merge_regions(gold["regions"]) if gold.get("regions") is not None else None
    pred_record = pred or {}
    clauses = _clause_tally(
        _clauses(gold, text, regions), _clauses(pred_record, text, regions), gold.get("lang"), pred_record.get("lang")
    )
    entities = _entity_tally(_entities(gold, regions), _entities(pred_record, regions))
    parties = pred_record.get("parties")
    document = Tally(
        party_set=Accuracy.of([parties is not None and sorted(parties) == sorted(gold.get("parties") or [])]),
        doc_lang=Accuracy.of([pred is not None and pred_record.get("lang") == gold.get("lang")]),
        # a gold record without a genre has nothing to compare the instrument with
        instrument=Counter(
            {(gold["doc_type"], pred_record.get("instrument") or pred_record.get("doc_type") or "none"): 1}
            if gold.get("doc_type")
            else {}
        ),
    )
    return clauses + entities + document


# --------------------------------------------------------------------------- metrics


def clause_metrics(tally: Tally) -> dict[str, Any]:
    per_label = {label: label_prf(tally.confusion, label) for label in LABELS}
    micro = sum(per_label.values(), PRF())
    axis = list(LABELS) + [UNMATCHED]
    return {
        "labels": {label: prf.to_json() for label, prf in per_label.items()},
        "micro": micro.to_json(),
        "macro": {k: rounded(v) for k, v in macro([per_label[l] for l in TARGET_LABELS]).items()},
        "support": {label: prf.tp + prf.fn for label, prf in per_label.items()},
        "confusion": {
            "labels": axis,
            "matrix": {g: {p: tally.confusion[(g, p)] for p in axis} for g in axis},
        },
    }


def segmentation_metrics(tally: Tally) -> dict[str, Any]:
    return {
        "boundary": tally.boundary.to_json(),
        "overlap_matched": {
            "rate": rounded(tally.overlap_matched.value),
            "matched": tally.overlap_matched.correct,
            "gold": tally.overlap_matched.total,
        },
    }


def entity_metrics(tally: Tally) -> dict[str, Any]:
    def prf_block(per_label: dict[str, PRF]) -> dict[str, Any]:
        block = {label: per_label.get(label, PRF()).to_json() for label in ENTITY_LABELS}
        block["micro"] = sum(per_label.values(), PRF()).to_json()
        return block

    ids = {label: tally.entity_id.get(label, Accuracy()) for label in LINKED_LABELS}
    return {
        "strict": prf_block(tally.entity_strict),
        "partial": prf_block(tally.entity_partial),
        "id_accuracy": {**{k: v.to_json() for k, v in ids.items()}, "all": sum(ids.values(), Accuracy()).to_json()},
        "official_affiliation_accuracy": tally.affiliation.to_json(),
        "official_affiliation_given_accuracy": tally.affiliation_given.to_json(),
        "official_name_accuracy": tally.official_name.to_json(),
        "party_set_accuracy": tally.party_set.to_json(),
    }


def attribute_metrics(tally: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {a: tally.attributes.get(a, Accuracy()).to_json() for a in ATTRIBUTES}
    out["pairs"] = tally.attributes.get("actors", Accuracy()).total
    return out


def language_metrics(tally: Tally) -> dict[str, Any]:
    return {
        "document_accuracy": tally.doc_lang.to_json(),
        "clause_accuracy": sum(tally.clause_lang.values(), Accuracy()).to_json(),
        "clause_accuracy_by_lang": {k: v.to_json() for k, v in sorted(tally.clause_lang.items())},
    }


def calibration_metrics(tally: Tally) -> dict[str, Any]:
    """Expected calibration error of the clause scores (probabilities of the predicted
    label) on aligned clauses, by clause language and overall: the mean, weighted by
    bin size, of |accuracy - mean confidence| over ten equal-width score bins."""

    def ece(keys: list[str]) -> dict[str, Any]:
        n = sum(tally.calibration.get((k, b, "n"), 0.0) for k in keys for b in range(CALIBRATION_BINS))
        if not n:
            return {"ece": None, "clauses": 0}
        gap = 0.0
        for b in range(CALIBRATION_BINS):
            count = sum(tally.calibration.get((k, b, "n"), 0.0) for k in keys)
            if count:
                correct = sum(tally.calibration.get((k, b, "correct"), 0.0) for k in keys)
                confidence = sum(tally.calibration.get((k, b, "confidence"), 0.0) for k in keys)
                gap += abs(correct - confidence)
        return {"ece": rounded(gap / n), "clauses": int(n)}

    langs = sorted({k[0] for k in tally.calibration})
    return {"all": ece(langs), "by_lang": {lang: ece([lang]) for lang in langs}}


def instrument_metrics(tally: Tally) -> dict[str, Any]:
    """Accuracy of the predicted instrument kind against the gold genre, and the confusion."""
    total_docs = sum(tally.instrument.values())
    correct = sum(n for (g, p), n in tally.instrument.items() if g == p)
    return {
        "accuracy": Accuracy(correct, total_docs).to_json(),
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(tally.instrument.items())},
    }


# --------------------------------------------------------------------------- headline + bootstrap

HEADLINE_PARTS = ("commitment", "recital", "disclaimer", "boundary", "PARTY", "OFFICIAL")


def headline_parts(tally: Tally) -> dict[str, PRF]:
    parts = {label: label_prf(tally.confusion, label) for label in TARGET_LABELS}
    parts["boundary"] = tally.boundary
    for label in ("PARTY", "OFFICIAL"):
        parts[label] = tally.entity_strict.get(label, PRF())
    return parts


HEADLINES: dict[str, Callable[[dict[str, PRF]], Optional[float]]] = {
    "clause_macro_f1": lambda parts: macro([parts[l] for l in TARGET_LABELS])["f1"],
    "commitment_f1": lambda parts: parts["commitment"].f1,
    "disclaimer_recall": lambda parts: parts["disclaimer"].recall,
    "segmentation_boundary_f1": lambda parts: parts["boundary"].f1,
    "party_strict_f1": lambda parts: parts["PARTY"].f1,
    "official_strict_f1": lambda parts: parts["OFFICIAL"].f1,
}


def _percentile(sorted_values: list[float], q: float) -> float:
    # Linear interpolation between order statistics (numpy's default method).
    pos = q * (len(sorted_values) - 1)
    low = int(pos)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (pos - low)


def bootstrap_headlines(tallies: list[Tally], samples: int, seed: int) -> dict[str, dict[str, Any]]:
    """Point estimates and percentile intervals, resampling documents with
    replacement. Only the counts the headline figures need are resampled, as one
    matrix product, so 1000 samples cost milliseconds."""
    import numpy as np

    point = headline_parts(total(tallies))
    out = {
        name: {"estimate": rounded(fn(point)), "low": None, "high": None, "samples": 0, "confidence": CONFIDENCE}
        for name, fn in HEADLINES.items()
    }
    if samples <= 0 or not tallies:
        return out
    doc_parts = [headline_parts(t) for t in tallies]
    per_doc = np.array(
        [[[parts[k].tp, parts[k].fp, parts[k].fn] for k in HEADLINE_PARTS] for parts in doc_parts]
    )  # documents x parts x (tp, fp, fn)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(tallies), [1 / len(tallies)] * len(tallies), size=samples)
    resampled = np.einsum("sd,dpk->spk", weights, per_doc)
    values: dict[str, list[float]] = {name: [] for name in HEADLINES}
    for counts in resampled:
        parts = {k: PRF(*map(int, c)) for k, c in zip(HEADLINE_PARTS, counts)}
        for name, fn in HEADLINES.items():
            value = fn(parts)
            if value is not None:  # a resample may lack every instance of a label
                values[name].append(value)
    alpha = (1 - CONFIDENCE) / 2
    for name, vals in values.items():
        if vals:
            vals.sort()
            out[name].update(
                low=rounded(_percentile(vals, alpha)), high=rounded(_percentile(vals, 1 - alpha)), samples=len(vals)
            )
    return out


# --------------------------------------------------------------------------- per document


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


# --------------------------------------------------------------------------- entry point


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
        tally = _document_tally(gold, pred, text)
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
