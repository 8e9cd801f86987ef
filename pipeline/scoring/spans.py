"""Spans and their one-to-one alignment: clauses by character overlap, entities exact
first, then by the largest same-label overlap (ANNOTATION_GUIDE.md §7)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional


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


def merge_regions(regions: list[list[int]]) -> list[Span]:
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


@dataclass
class DocText:
    """Where clause trimming gets its characters from."""

    text: Optional[str]
    source: str  # "file" or "offsets"

    def span_text(self, span: Span, fallback: Optional[str] = None) -> Optional[str]:
        if self.text is not None:
            return self.text[span.start : span.end]
        return fallback


@dataclass(frozen=True)
class Item:
    """A clause or entity kept for scoring, with its (trimmed) span."""

    span: Span
    record: dict


def clause_items(record: dict, text: DocText, regions: Optional[list[Span]]) -> list[Item]:
    items = []
    for clause in record.get("clauses", []):
        raw = Span(clause["start"], clause["end"])
        span = trim(raw, text.span_text(raw, clause.get("text")))
        if inside(span, regions):
            items.append(Item(span, clause))
    return items


def entity_items(record: dict, regions: Optional[list[Span]]) -> list[Item]:
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
