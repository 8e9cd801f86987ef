"""The gold set itself: valid, stand-off, split by document, round-trips through the
annotation-tool formats, and loads as a Hugging Face dataset."""

from __future__ import annotations

import json

import pytest

from servanda import gold, paths

from .conftest import reserved_ids

RECORDS = gold.load_gold() if gold.GOLD_PATH.exists() else []
pytestmark = pytest.mark.skipif(not RECORDS, reason="annotations/gold.jsonl is missing")


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r["doc_id"])
def test_every_record_validates(record):
    report = gold.validate_record(record)
    assert report.ok, report.errors[:5]


def test_no_reserved_document_is_annotated_or_split():
    reserved = reserved_ids()
    assert not reserved & {r["doc_id"] for r in RECORDS}
    assert not reserved & set(gold.load_splits())


def test_splits_are_by_document_and_fixed():
    splits = gold.load_splits()
    for r in RECORDS:
        assert r.get("split") == splits.get(r["doc_id"]), r["doc_id"]
    by_split = {s: {r["doc_id"] for r in RECORDS if r["split"] == s} for s in gold.SPLITS}
    assert all(by_split.values())
    assert not (by_split["train"] & by_split["test"]) and not (by_split["dev"] & by_split["test"])


def test_several_splits_load_together_in_file_order():
    scored = gold.load_gold(split=("dev", "test"))
    assert [r["doc_id"] for r in scored] == [r["doc_id"] for r in RECORDS if r["split"] in ("dev", "test")]
    assert {r["split"] for r in scored} == {"dev", "test"}
    assert gold.load_gold(split="dev") == [r for r in scored if r["split"] == "dev"]


def test_texts_are_stand_off():
    for r in RECORDS:
        assert "text" not in r
        assert all("text" not in c for c in r["clauses"])
        if r["path"].startswith("../shared"):
            assert not (paths.PROJECT_ROOT / "corpus" / (r["doc_id"] + ".txt")).exists()


def test_changed_text_is_refused(tmp_path):
    record = dict(next(r for r in RECORDS if r["path"].startswith("corpus/")))
    copy = tmp_path / "doc.txt"
    copy.write_text(gold.read_text(record["path"]) + " ", encoding="utf-8")
    record["path"] = str(copy)
    assert any("text_sha256" in e for e in gold.validate_record(record).errors)


def test_validation_catches_gaps_overlaps_and_bad_attributes():
    record = json.loads(json.dumps(next(r for r in RECORDS if r["doc_id"] == "001_35aa4428eebad88a")))
    del record["clauses"][3]
    record["clauses"][5]["end"] = record["clauses"][6]["start"] + 3
    commitment = next(c for c in record["clauses"] if c["label"] == "commitment")
    commitment["strength"] = "very strong"
    errors = " ".join(gold.validate_record(record).errors)
    assert "not covered" in errors and "overlaps" in errors and "strength" in errors


def test_label_studio_round_trip():
    for r in RECORDS[:5]:
        task = json.loads(json.dumps(gold.to_label_studio(r)))
        # what Label Studio exports after the annotator submits the predictions unchanged
        task["annotations"] = [{"result": task.pop("predictions")[0]["result"], "was_cancelled": False}]
        back = gold.from_label_studio(task)
        assert back["clauses"] == r["clauses"] and back["entities"] == r["entities"]
        assert {k: v for k, v in back.items() if k not in ("clauses", "entities")} == {
            k: v for k, v in r.items() if k not in ("clauses", "entities")
        }


def test_work_file_round_trip():
    for r in RECORDS[:5]:
        again = gold.compile_work_file(gold.work_lines_from_gold(r))
        again["split"] = r.get("split")
        assert again["clauses"] == r["clauses"] and again["entities"] == r["entities"]


def test_dataset_has_one_row_per_clause():
    ds = gold.to_dataset(RECORDS[:6])
    assert len(ds) == sum(len(r["clauses"]) for r in RECORDS[:6])
    assert ds.features["label"].names == ["commitment", "recital", "disclaimer", "other"]
    row = ds[0]
    assert row["text"] and row["doc_id"] and row["split"] in gold.SPLITS and row["genre"] in gold.GENRES


def test_stats_tables():
    tables = gold.stats(RECORDS)
    assert {"split", "lang", "doc_type", "documents", "totals"} <= set(tables)
    assert int(tables["totals"].loc[("clause", "commitment")]) > 0


def test_agreement_of_an_annotation_with_itself_and_with_a_changed_copy():
    from collections import Counter

    from servanda.gold.agreement import agreement, cohen_kappa

    records = [r for r in RECORDS if r["doc_id"] in ("002_a8a708190db0c4ae", "001_35aa4428eebad88a")]
    same = agreement(records, json.loads(json.dumps(records)), paths.PROJECT_ROOT)
    assert same["kappa"] == 1.0 and same["entity_strict_f1"]["micro"] == 1.0
    changed = json.loads(json.dumps(records))
    flipped = next(c for c in changed[0]["clauses"] if c["label"] == "other")
    flipped["label"] = "recital"
    result = agreement(records, changed, paths.PROJECT_ROOT)
    assert result["kappa"] < 1.0 and result["label_f1"]["recital"] < 1.0
    # kappa by hand: 90 agreed of 100, chance 0.5 -> 0.8
    assert (
        abs(
            cohen_kappa(
                Counter(
                    {
                        ("commitment", "commitment"): 45,
                        ("other", "other"): 45,
                        ("commitment", "other"): 5,
                        ("other", "commitment"): 5,
                    }
                )
            )
            - 0.8
        )
        < 1e-9
    )
