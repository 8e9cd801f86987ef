"""One gold document against its prediction: the :class:`Tally` of its clauses (labels,
boundaries, language, attributes, calibration), its entities and its document-level
answers (party set, language, instrument)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Optional

from ..apostrophes import unify_apostrophes
from ..records import ENTITY_LABELS
from .prf import PRF, Accuracy
from .spans import DocText, Item, align_clauses, align_entities, clause_items, entity_items, merge_regions
from .tally import ATTRIBUTES, CALIBRATION_BINS, LINKED_LABELS, UNKNOWN_LANG, UNMATCHED, Tally


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


def document_tally(gold: dict, pred: Optional[dict], text: DocText) -> Tally:
    """The tally of one gold document; pred None means the system produced nothing
    for it, which scores as all misses and wrong document-level answers."""
    regions = merge_regions(gold["regions"]) if gold.get("regions") is not None else None
    pred_record = pred or {}
    clauses = _clause_tally(
        clause_items(gold, text, regions),
        clause_items(pred_record, text, regions),
        gold.get("lang"),
        pred_record.get("lang"),
    )
    entities = _entity_tally(entity_items(gold, regions), entity_items(pred_record, regions))
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
