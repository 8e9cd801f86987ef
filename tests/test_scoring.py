"""The scorer (`servanda eval`): pipeline.evaluate, pipeline.report, the CLI command
and the evaluation notebook, on small documents written to tmp_path."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest

from servanda.reader import sha256_text
from servanda.scoring import inputs, report, spans
from servanda.scoring import scorer as evaluate

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "evaluation.ipynb"

# One English declaration and one Ukrainian statement, as (clause text, label, attributes),
# with entity surfaces located in the text: (surface, occurrence, label, attributes).
EN_CLAUSES = [
    ("JOINT DECLARATION", "other", {}),
    ("Recognizing the partnership between Albania and Croatia.", "recital", {}),
    (
        "Albania will provide training to Ukraine.",
        "commitment",
        {"actors": ["ALB"], "beneficiaries": ["UKR"], "strength": "firm", "conditional": False},
    ),
    (
        "In the event of an attack, the Participants shall consult within 24 hours.",
        "commitment",
        {"actors": ["ALB", "HRV"], "beneficiaries": [], "strength": "binding", "conditional": True},
    ),
    ("This declaration does not create legal obligations under NATO rules.", "disclaimer", {}),
    ("For Albania: Pirro Vengu, Minister of Defence", "other", {}),
]
EN_ENTITIES = [
    ("Albania", 0, "PARTY", {"id": "ALB"}),
    ("Croatia", 0, "PARTY", {"id": "HRV"}),
    ("Albania", 1, "PARTY", {"id": "ALB"}),
    ("Ukraine", 0, "STATE", {"id": "UKR"}),
    ("NATO", 0, "ORG", {"id": "NATO"}),
    ("Albania", 2, "PARTY", {"id": "ALB"}),
    ("Pirro Vengu", 0, "OFFICIAL", {"role": "Minister of Defence", "affiliation": "ALB", "name": "Pirro Vengu"}),
]
UK_CLAUSES = [
    ("Визнаючи спільні цінності України та Албанії.", "recital", {}),
    (
        "Україна та Албанія зобов'язуються співпрацювати в межах НАТО.",
        "commitment",
        {"actors": ["ALB", "UKR"], "beneficiaries": [], "strength": "binding", "conditional": False},
    ),
    (
        "Сторони будуть працювати над спільними навчаннями.",
        "commitment",
        {"actors": ["ALB", "UKR"], "beneficiaries": [], "strength": "soft", "conditional": False},
    ),
]
UK_ENTITIES = [
    ("України", 0, "PARTY", {"id": "UKR"}),
    ("Албанії", 0, "PARTY", {"id": "ALB"}),
    ("Україна", 0, "PARTY", {"id": "UKR"}),
    ("Албанія", 0, "PARTY", {"id": "ALB"}),
    ("НАТО", 0, "ORG", {"id": "NATO"}),
]


def _nth(text: str, surface: str, n: int) -> int:
    start = -1
    for _ in range(n + 1):
        start = text.index(surface, start + 1)
    return start


def build_document(root: Path, doc_id: str, clauses, entities, lang: str, parties, split="test"):
    """Write the text under root/corpus and return its gold record (guide §7)."""
    text = "\n\n".join(c[0] for c in clauses) + "\n"
    path = root / "corpus" / f"{doc_id}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    gold_clauses, pos = [], 0
    for clause_text, label, attrs in clauses:
        start = text.index(clause_text, pos)
        pos = start + len(clause_text)
        gold_clauses.append({"start": start, "end": pos, "label": label, **copy.deepcopy(attrs)})
    gold_entities = []
    for surface, n, label, attrs in entities:
        start = _nth(text, surface, n)
        gold_entities.append({"start": start, "end": start + len(surface), "label": label, **attrs})
    gold_entities.sort(key=lambda e: e["start"])
    return {
        "doc_id": doc_id,
        "path": f"corpus/{doc_id}.txt",
        "text_sha256": sha256_text(text),
        "lang": lang,
        "parties": sorted(parties),
        "clauses": gold_clauses,
        "entities": gold_entities,
        "split": split,
    }


def as_prediction(gold: dict, root: Path) -> dict:
    """What `servanda run` would write for a perfect system: gold plus texts, no split."""
    pred = copy.deepcopy(gold)
    pred.pop("split", None)
    pred.pop("regions", None)
    text = (root / gold["path"]).read_text(encoding="utf-8")
    for clause in pred["clauses"]:
        clause["text"] = text[clause["start"] : clause["end"]]
        clause["lang"] = gold["lang"]
    return pred


@pytest.fixture
def corpus(tmp_path):
    gold = [
        build_document(tmp_path, "en_decl", EN_CLAUSES, EN_ENTITIES, "en", ["ALB", "HRV"]),
        build_document(tmp_path, "uk_stmt", UK_CLAUSES, UK_ENTITIES, "uk", ["ALB", "UKR"]),
    ]
    return tmp_path, gold


def perfect_predictions(corpus):
    root, gold = corpus
    return [as_prediction(g, root) for g in gold]


def run_score(corpus, preds, **kwargs):
    root, gold = corpus
    kwargs.setdefault("bootstrap", 0)
    return evaluate.score(preds, gold, text_root=root, **kwargs)


def figures(metrics: dict, names=("precision", "recall", "f1", "accuracy", "rate", "estimate")):
    """Every (path, value) under metrics whose key is one of names."""

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in names and not isinstance(value, (dict, list)):
                    yield f"{path}.{key}", value
                yield from walk(value, f"{path}.{key}")

    return list(walk({k: v for k, v in metrics.items() if k != "per_document"}, ""))


def pred_clause(preds, doc_id: str, index: int) -> dict:
    return next(p for p in preds if p["doc_id"] == doc_id)["clauses"][index]


def pred_entity(preds, doc_id: str, label: str) -> dict:
    return next(e for e in next(p for p in preds if p["doc_id"] == doc_id)["entities"] if e["label"] == label)


# --------------------------------------------------------------------------- scoring


def test_perfect_prediction_scores_one_everywhere(corpus):
    metrics = run_score(corpus, perfect_predictions(corpus), bootstrap=100)
    values = figures(metrics)
    assert values, "no figures found"
    wrong = [(path, v) for path, v in values if v not in (1.0, None)]
    assert not wrong, wrong
    assert metrics["headline"]["clause_macro_f1"]["estimate"] == 1.0
    assert metrics["documents"]["scored"] == 2
    assert metrics["clauses"]["support"] == {"commitment": 4, "recital": 2, "disclaimer": 1, "other": 2}
    assert set(metrics["segmentation"]["by_lang"]) == {"en", "uk"}
    assert metrics["attributes"]["pairs"] == 4


def test_trailing_whitespace_in_predicted_spans_is_trimmed(corpus):
    preds = perfect_predictions(corpus)
    for pred in preds:
        for clause in pred["clauses"][:-1]:  # each is followed by "\n\n" in the text
            clause["end"] += 2
            clause["text"] += "\n\n"
    metrics = run_score(corpus, preds)
    assert metrics["segmentation"]["boundary"]["f1"] == 1.0
    assert metrics["documents"]["text_from_offsets"] == []


def test_trimming_falls_back_to_clause_text_when_file_is_gone(corpus):
    root, gold = corpus
    preds = perfect_predictions(corpus)
    clause = pred_clause(preds, "en_decl", 0)
    clause["end"] += 2
    clause["text"] += "\n\n"
    (root / "corpus" / "en_decl.txt").unlink()
    metrics = run_score(corpus, preds)
    assert metrics["documents"]["text_from_offsets"] == ["en_decl"]
    assert metrics["segmentation"]["boundary"]["f1"] == 1.0


def test_shifted_boundaries_keep_labels_but_lose_boundary_credit(corpus):
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 2)["start"] += 8  # "Albania will provide …" loses 8 of 41 chars
    metrics = run_score(corpus, preds)
    assert metrics["clauses"]["micro"]["f1"] == 1.0
    assert metrics["segmentation"]["overlap_matched"]["rate"] == 1.0
    boundary = metrics["segmentation"]["boundary"]
    assert (boundary["tp"], boundary["fp"], boundary["fn"]) == (8, 1, 1)
    assert metrics["segmentation"]["by_lang"]["uk"]["boundary"]["f1"] == 1.0
    assert metrics["segmentation"]["by_lang"]["en"]["boundary"]["f1"] < 1.0


def test_clause_overlapping_less_than_half_is_unmatched(corpus):
    preds = perfect_predictions(corpus)
    clause = pred_clause(preds, "en_decl", 2)
    clause["start"] = clause["end"] - 10
    metrics = run_score(corpus, preds)
    matrix = metrics["clauses"]["confusion"]["matrix"]
    assert matrix["commitment"]["unmatched"] == 1
    assert matrix["unmatched"]["commitment"] == 1
    commitment = metrics["clauses"]["labels"]["commitment"]
    assert (commitment["tp"], commitment["fp"], commitment["fn"]) == (3, 1, 1)
    assert metrics["segmentation"]["overlap_matched"] == {
        "rate": pytest.approx(8 / 9, abs=1e-6),
        "matched": 8,
        "gold": 9,
    }


def test_label_errors_fill_the_confusion_matrix(corpus):
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 4)["label"] = "commitment"  # the disclaimer
    metrics = run_score(corpus, preds)
    clauses = metrics["clauses"]
    assert clauses["confusion"]["matrix"]["disclaimer"]["commitment"] == 1
    assert clauses["labels"]["disclaimer"]["recall"] == 0.0
    assert clauses["labels"]["commitment"]["precision"] == pytest.approx(4 / 5)
    expected_macro = (2 * 4 / 9 + 1.0 + 0.0) / 3  # commitment F1 = 8/9, recital 1, disclaimer 0
    assert clauses["macro"]["f1"] == pytest.approx(expected_macro, abs=1e-6)


def test_missing_document_counts_as_misses(corpus):
    preds = [p for p in perfect_predictions(corpus) if p["doc_id"] == "en_decl"]
    metrics = run_score(corpus, preds)
    assert metrics["documents"]["missing"] == ["uk_stmt"]
    micro = metrics["clauses"]["micro"]
    assert (micro["precision"], micro["tp"], micro["fn"]) == (1.0, 6, 3)
    assert metrics["entities"]["strict"]["micro"]["fn"] == len(UK_ENTITIES)
    assert metrics["entities"]["party_set_accuracy"]["accuracy"] == 0.5
    assert metrics["language"]["document_accuracy"]["accuracy"] == 0.5
    status = {row["doc_id"]: row["status"] for row in metrics["per_document"]}
    assert status == {"en_decl": "scored", "uk_stmt": "missing"}


def test_extra_documents_are_listed_and_ignored(corpus):
    preds = perfect_predictions(corpus)
    stray = copy.deepcopy(preds[0])
    stray["doc_id"] = "not_in_gold"
    metrics = run_score(corpus, preds + [stray])
    assert metrics["documents"]["extra"] == ["not_in_gold"]
    assert metrics["clauses"]["micro"]["f1"] == 1.0


def test_changed_text_is_refused_and_not_scored(corpus):
    preds = perfect_predictions(corpus)
    preds[1]["text_sha256"] = sha256_text("another version of the text")
    metrics = run_score(corpus, preds)
    assert metrics["documents"]["refused"] == ["uk_stmt"]
    assert [e["error"] for e in metrics["errors"]] == ["text_sha256_mismatch"]
    assert metrics["documents"]["scored"] == 1
    assert sum(metrics["clauses"]["support"].values()) == len(EN_CLAUSES)  # the refused one is not a miss
    assert metrics["clauses"]["micro"]["f1"] == 1.0
    assert "uk" not in metrics["segmentation"]["by_lang"]
    rows = {row["doc_id"]: row for row in metrics["per_document"]}
    assert rows["uk_stmt"]["status"] == "refused" and rows["uk_stmt"]["clause_micro_f1"] is None
    assert rows["uk_stmt"].keys() == rows["en_decl"].keys()  # one CSV schema for every row


def test_regions_ignore_predictions_outside(corpus):
    root, gold = corpus
    en = gold[0]
    # Only the first three clauses were annotated; the gold lists nothing after them.
    region_end = en["clauses"][2]["end"]
    en["regions"] = [[0, region_end]]
    en["clauses"] = en["clauses"][:3]
    en["entities"] = [e for e in en["entities"] if e["end"] <= region_end]
    preds = perfect_predictions(corpus)
    for clause in preds[0]["clauses"][3:]:
        clause["label"] = "other"  # wrong, but outside the regions
    preds[0]["entities"].append({"start": region_end + 5, "end": region_end + 12, "label": "ORG", "id": "X"})
    metrics = run_score(corpus, preds)
    assert metrics["clauses"]["micro"]["f1"] == 1.0
    assert metrics["entities"]["strict"]["micro"]["f1"] == 1.0


def test_clause_mostly_inside_a_region_counts(corpus):
    root, gold = corpus
    en = gold[0]
    region_end = en["clauses"][2]["end"]
    en["regions"] = [[0, region_end]]
    en["clauses"] = en["clauses"][:3]
    preds = perfect_predictions(corpus)
    straddling = {"start": region_end - 30, "end": region_end + 10, "label": "recital"}
    preds[0]["clauses"] = preds[0]["clauses"][:2] + [straddling]
    metrics = run_score(corpus, preds)
    # 30 of its 40 characters are inside: it is scored, and it overlaps the gold
    # commitment [region_end-41, region_end) by 30 — more than half of both.
    assert metrics["clauses"]["confusion"]["matrix"]["commitment"]["recital"] == 1


def test_entities_strict_versus_partial(corpus):
    preds = perfect_predictions(corpus)
    official = pred_entity(preds, "en_decl", "OFFICIAL")
    official["end"] -= len(" Vengu")  # "Pirro": overlaps, not exact
    org = pred_entity(preds, "en_decl", "ORG")
    org["label"] = "STATE"  # right span, wrong label: neither strict nor partial
    metrics = run_score(corpus, preds)
    strict, partial = metrics["entities"]["strict"], metrics["entities"]["partial"]
    assert strict["OFFICIAL"]["f1"] == 0.0
    assert partial["OFFICIAL"]["f1"] == 1.0
    assert metrics["entities"]["official_affiliation_accuracy"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert strict["ORG"]["recall"] == 0.5 and partial["ORG"]["recall"] == 0.5  # the Ukrainian NATO is found
    assert strict["STATE"]["fp"] == 1
    assert metrics["headline"]["official_strict_f1"]["estimate"] == 0.0


def test_entity_ids_affiliations_and_party_sets(corpus):
    preds = perfect_predictions(corpus)
    pred_entity(preds, "en_decl", "PARTY")["id"] = "HRV"
    pred_entity(preds, "en_decl", "OFFICIAL")["affiliation"] = "HRV"
    preds[1]["parties"] = ["UKR"]
    metrics = run_score(corpus, preds)
    ents = metrics["entities"]
    assert ents["strict"]["PARTY"]["f1"] == 1.0  # the span and label are right
    assert ents["id_accuracy"]["PARTY"] == {"accuracy": pytest.approx(7 / 8, abs=1e-6), "correct": 7, "total": 8}
    assert ents["official_affiliation_accuracy"]["accuracy"] == 0.0
    assert ents["official_affiliation_given_accuracy"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert ents["party_set_accuracy"]["accuracy"] == 0.5
    assert ents["by_lang"]["en"]["party_set_accuracy"]["accuracy"] == 1.0
    assert ents["by_lang"]["uk"]["party_set_accuracy"]["accuracy"] == 0.0


def test_affiliations_given_are_scored_apart_from_those_left_out(corpus):
    preds = perfect_predictions(corpus)
    pred_entity(preds, "en_decl", "OFFICIAL")["affiliation"] = None
    ents = run_score(corpus, preds)["entities"]
    # left out: wrong for the accuracy over all mentions, not counted where given
    assert ents["official_affiliation_accuracy"] == {"accuracy": 0.0, "correct": 0, "total": 1}
    assert ents["official_affiliation_given_accuracy"] == {"accuracy": None, "correct": 0, "total": 0}


def test_official_names_are_compared_in_their_dictionary_form(corpus):
    preds = perfect_predictions(corpus)
    assert run_score(corpus, preds)["entities"]["official_name_accuracy"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    official = pred_entity(preds, "en_decl", "OFFICIAL")
    official["name"] = "Pirro  Vengu"  # spacing is not the name
    assert run_score(corpus, preds)["entities"]["official_name_accuracy"]["accuracy"] == 1.0
    official["name"] = "Pirra Vengu"  # an inflected form is wrong
    ents = run_score(corpus, preds)["entities"]
    assert ents["official_name_accuracy"]["accuracy"] == 0.0
    assert ents["by_lang"]["en"]["official_name_accuracy"]["total"] == 1
    del official["name"]
    assert run_score(corpus, preds)["entities"]["official_name_accuracy"]["accuracy"] == 0.0


def test_commitment_attribute_accuracy(corpus):
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 2)["actors"] = ["ALB", "HRV"]
    pred_clause(preds, "en_decl", 3)["strength"] = "firm"
    pred_clause(preds, "en_decl", 3)["conditional"] = False
    pred_clause(preds, "uk_stmt", 2)["label"] = "recital"  # no longer a commitment pair
    metrics = run_score(corpus, preds)
    attrs = metrics["attributes"]
    assert attrs["pairs"] == 3
    assert attrs["actors"]["accuracy"] == pytest.approx(2 / 3, abs=1e-6)
    assert attrs["strength"]["accuracy"] == pytest.approx(2 / 3, abs=1e-6)
    assert attrs["conditional"]["accuracy"] == pytest.approx(2 / 3, abs=1e-6)
    assert attrs["beneficiaries"]["accuracy"] == 1.0


def test_actor_sets_ignore_order(corpus):
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 3)["actors"] = ["HRV", "ALB"]
    assert run_score(corpus, preds)["attributes"]["actors"]["accuracy"] == 1.0


def test_language_accuracy_uses_clause_then_document_language(corpus):
    root, gold = corpus
    gold[0]["clauses"][0]["lang"] = "sq"  # a heading in Albanian inside an English document
    preds = perfect_predictions(corpus)
    for clause in preds[1]["clauses"]:
        clause["lang"] = None  # falls back to the predicted document language
    preds[1]["lang"] = "ru"
    metrics = run_score(corpus, preds)
    lang = metrics["language"]
    assert lang["document_accuracy"]["accuracy"] == 0.5
    assert lang["clause_accuracy"] == {"accuracy": pytest.approx(5 / 9, abs=1e-6), "correct": 5, "total": 9}
    assert lang["clause_accuracy_by_lang"]["sq"]["accuracy"] == 0.0
    assert lang["clause_accuracy_by_lang"]["uk"]["accuracy"] == 0.0


def test_split_selects_gold_documents(corpus):
    root, gold = corpus
    gold[1]["split"] = "dev"
    preds = perfect_predictions(corpus)
    metrics = run_score(corpus, preds, split="test")
    assert metrics["documents"]["gold"] == 1
    assert metrics["documents"]["extra"] == []
    assert metrics["documents"]["out_of_split"] == 1
    assert metrics["config"]["split"] == "test"
    with pytest.raises(inputs.EvalInputError, match="no gold record has split 'tset'"):
        run_score(corpus, preds, split="tset")


def test_bootstrap_interval_brackets_the_estimate(tmp_path):
    gold, preds = [], []
    for k in range(8):
        g = build_document(tmp_path, f"doc{k}", EN_CLAUSES, EN_ENTITIES, "en", ["ALB", "HRV"])
        p = as_prediction(g, tmp_path)
        for i in range(k % 4):  # a different amount of damage in each document
            p["clauses"][i + 1]["label"] = "other"
            p["clauses"][i]["start"] += 1
            p["entities"][i]["end"] -= 1
        gold.append(g)
        preds.append(p)
    metrics = evaluate.score(preds, gold, text_root=tmp_path, bootstrap=500, seed=7)
    for name, h in metrics["headline"].items():
        assert h["samples"] == 500, name
        assert h["low"] <= h["estimate"] <= h["high"], (name, h)
    assert metrics["headline"]["clause_macro_f1"]["low"] < metrics["headline"]["clause_macro_f1"]["high"]
    again = evaluate.score(preds, gold, text_root=tmp_path, bootstrap=500, seed=7)
    assert again["headline"] == metrics["headline"]  # the seed fixes the resampling


def test_no_bootstrap_gives_estimates_without_intervals(corpus):
    metrics = run_score(corpus, perfect_predictions(corpus), bootstrap=0)
    assert metrics["headline"]["commitment_f1"] == {
        "estimate": 1.0,
        "low": None,
        "high": None,
        "samples": 0,
        "confidence": 0.95,
    }


def test_overlapping_pairs_matches_brute_force():
    left = [spans.Span(s, s + n) for s, n in [(0, 5), (3, 40), (10, 12), (50, 60), (44, 52), (59, 61)]]
    other = [spans.Span(s, s + n) for s, n in [(1, 2), (5, 50), (51, 3), (60, 1), (70, 5)]]
    found = sorted(spans.overlapping_pairs(left, other))
    brute = sorted((i, j, a.overlap(b)) for i, a in enumerate(left) for j, b in enumerate(other) if a.overlap(b))
    assert found == brute


# --------------------------------------------------------------------------- input errors


def test_load_jsonl_reports_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a"}\n\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(inputs.EvalInputError, match=r"bad.jsonl:3: invalid JSON"):
        inputs.load_jsonl(path)
    path.write_text('["not", "an", "object"]\n', encoding="utf-8")
    with pytest.raises(inputs.EvalInputError, match="string 'doc_id'"):
        inputs.load_jsonl(path)


def test_invalid_records_are_rejected(corpus):
    preds = perfect_predictions(corpus)
    preds[0]["clauses"][0]["label"] = "promise"
    preds[1]["entities"][0]["start"] = -4
    with pytest.raises(inputs.EvalInputError) as err:
        run_score(corpus, preds)
    assert "clauses[0] has label 'promise'" in str(err.value)
    assert "entities[0] has invalid offsets" in str(err.value)


def test_clause_rows_are_refused_with_a_hint(corpus):
    root, gold = corpus
    rows = [{"doc_id": "en_decl", "clause_index": 0, "start": 0, "end": 17, "label": "other"}]
    with pytest.raises(inputs.EvalInputError, match="--format documents"):
        evaluate.score(rows, gold, text_root=root, bootstrap=0)


# --------------------------------------------------------------------------- report and CLI


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_report_files(corpus, tmp_path):
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 4)["label"] = "recital"
    metrics = run_score(corpus, preds, bootstrap=20)
    paths = report.write_report(metrics, tmp_path / "rep")
    assert paths["confusion_matrix.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = paths["report.md"].read_text(encoding="utf-8")
    assert "## Confusion matrix" in md and "![confusion matrix](confusion_matrix.png)" in md
    assert '<img src="confusion_matrix.png"' in paths["report.html"].read_text(encoding="utf-8")
    csv = paths["per_document.csv"].read_text(encoding="utf-8").splitlines()
    assert csv[0].startswith("doc_id,") and len(csv) == 3


def test_cli_writes_metrics_and_report(corpus, tmp_path):
    from typer.testing import CliRunner

    from servanda.cli import app

    root, gold = corpus
    preds = perfect_predictions(corpus)
    preds[1]["text_sha256"] = "0" * 64
    pred_path = write_jsonl(tmp_path / "pred.jsonl", preds)
    gold_path = write_jsonl(tmp_path / "gold.jsonl", gold)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(pred_path),
            str(gold_path),
            "--split",
            "test",
            "--root",
            str(root),
            "--report",
            str(out / "report"),
            "--metrics",
            str(out / "m.json"),
            "--bootstrap",
            "50",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Clause labels" in result.output and "uk_stmt" in result.output
    metrics = json.loads((out / "m.json").read_text(encoding="utf-8"))
    assert metrics["documents"]["refused"] == ["uk_stmt"]
    assert metrics["headline"]["clause_macro_f1"]["samples"] == 50
    for name in report.REPORT_FILES:
        assert (out / "report" / name).stat().st_size > 0, name
    assert (out / "report" / "confusion_matrix.png").read_bytes()[:4] == b"\x89PNG"

    # Without --metrics, the file goes next to the predictions.
    result = CliRunner().invoke(app, ["eval", str(pred_path), str(gold_path), "--root", str(root), "--bootstrap", "0"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pred.metrics.json").exists()


def test_cli_rejects_unreadable_files(corpus, tmp_path):
    from typer.testing import CliRunner

    from servanda.cli import app

    runner = CliRunner(env={"COLUMNS": "1000"})  # so that rich does not wrap the message
    gold_path = write_jsonl(tmp_path / "gold.jsonl", corpus[1])
    bad = tmp_path / "pred.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad), str(gold_path)])
    assert result.exit_code == 2
    assert "pred.jsonl:1: invalid JSON" in result.output
    result = runner.invoke(app, ["eval", str(tmp_path / "absent.jsonl"), str(gold_path)])
    assert result.exit_code == 2 and "file not found" in result.output
    result = runner.invoke(app, ["eval", str(gold_path), str(gold_path), "--split", "nope"])
    assert result.exit_code == 2 and "'nope' is not one of 'train', 'dev', 'test'" in result.output


def test_cli_help_has_an_example():
    from typer.testing import CliRunner

    from servanda.cli import app

    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    assert "Example: servanda eval" in result.output


# --------------------------------------------------------------------------- notebook


def execute_notebook(tmp_path, monkeypatch, env: dict[str, str]) -> str:
    """Run the notebook in a fresh kernel; returns its printed output."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel inherits this environment, which carries the notebook's parameters.
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    # The kernelspec 'python3' runs `python`, which jupyter_client replaces with the
    # interpreter running this test, i.e. the venv's (the notebook prints its prefix).
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    return "\n".join(
        output.get("text", "") for cell in nb.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
    )


def test_notebook_runs_headless_on_its_example(tmp_path, monkeypatch):
    env = {"SERVANDA_GOLD": str(tmp_path / "no-gold-here.jsonl"), "SERVANDA_EVAL_DIR": str(tmp_path / "nb")}
    text = execute_notebook(tmp_path, monkeypatch, env)
    assert "example data" in text
    assert f"kernel prefix: {sys.prefix}" in text
    assert (tmp_path / "nb" / "report" / "confusion_matrix.png").exists()


def test_notebook_runs_headless_on_given_files(corpus, tmp_path, monkeypatch):
    root, gold = corpus
    preds = perfect_predictions(corpus)
    pred_clause(preds, "en_decl", 4)["label"] = "recital"
    env = {
        "SERVANDA_GOLD": str(write_jsonl(tmp_path / "gold.jsonl", gold)),
        "SERVANDA_PRED": str(write_jsonl(tmp_path / "pred.jsonl", preds)),
        "SERVANDA_TEXT_ROOT": str(root),
        "SERVANDA_SPLIT": "test",
        "SERVANDA_EVAL_DIR": str(tmp_path / "nb"),
    }
    text = execute_notebook(tmp_path, monkeypatch, env)
    assert "example data" not in text
    metrics = json.loads((tmp_path / "nb" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["clauses"]["confusion"]["matrix"]["disclaimer"]["recital"] == 1


def test_breakdowns_calibration_and_instrument(tmp_path):
    """Per-genre and per-language figures come from the same tallies as the totals; the
    calibration error and the instrument accuracy are computed from the records."""
    text = "The Parties shall cooperate.\n\nThis Agreement is not binding.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    from servanda.reader import sha256_text

    sha = sha256_text(text)
    clauses = [
        {
            "start": 0,
            "end": 28,
            "label": "commitment",
            "actors": ["ALB"],
            "beneficiaries": [],
            "strength": "binding",
            "conditional": False,
        },
        {"start": 30, "end": 60, "label": "disclaimer"},
    ]
    gold = [
        {
            "doc_id": "a",
            "path": "a.txt",
            "text_sha256": sha,
            "lang": "en",
            "parties": ["ALB"],
            "doc_type": "agreement",
            "clauses": clauses,
            "entities": [],
        }
    ]
    pred_clauses = [dict(clauses[0], score=0.9, lang="en"), dict(clauses[1], label="other", score=0.8, lang="en")]
    pred = [{**gold[0], "clauses": pred_clauses, "instrument": "agreement"}]
    m = evaluate.score(pred, gold, text_root=tmp_path, bootstrap=0)
    assert m["by_genre"]["agreement"]["headline"]["commitment_f1"]["estimate"] == 1.0
    assert m["by_genre"]["agreement"]["headline"]["disclaimer_recall"]["estimate"] == 0.0
    assert m["by_lang"]["en"]["documents"] == 1
    # bins: 0.9 right, 0.8 wrong -> (|1 - 0.9| + |0 - 0.8|) / 2
    assert abs(m["calibration"]["by_lang"]["en"]["ece"] - 0.45) < 1e-6
    assert m["instrument"]["accuracy"]["accuracy"] == 1.0


def test_metrics_name_the_stage_versions_and_a_model_card_takes_only_its_own(corpus, tmp_path):
    """`pipeline_versions` says which classifier made the figures; `servanda card` writes the
    per-genre and per-language tables into that classifier's card (again: replaced, not
    appended) and refuses metrics of another classifier."""
    from servanda.training.card import CardError, write_pipeline_results

    preds = perfect_predictions(corpus)
    for pred in preds:
        pred["versions"] = {
            "servanda": "0",
            "stages": {"classify": "clause-x@abc123def456+bfloat16", "segment": "rules-1"},
        }
    metrics = run_score(corpus, preds, split="test")
    assert metrics["pipeline_versions"] == {"classify": ["clause-x@abc123def456+bfloat16"], "segment": ["rules-1"]}
    model = tmp_path / "clause-x"
    model.mkdir()
    (model / "README.md").write_text("# clause classifier\n\nTrained on gold.\n", encoding="utf-8")
    (model / "training.json").write_text(json.dumps({"fingerprint": "abc123def456"}), encoding="utf-8")
    card = write_pipeline_results(model, [metrics])
    once = card.read_text(encoding="utf-8")
    assert once.startswith("# clause classifier\n\nTrained on gold.\n")
    assert "### test (2 documents): macro-F1 1.000" in once and "| en | 1 |" in once and "| uk | 1 |" in once
    write_pipeline_results(model, [metrics])
    assert card.read_text(encoding="utf-8") == once
    (model / "training.json").write_text(json.dumps({"fingerprint": "0000000000ff"}), encoding="utf-8")
    with pytest.raises(CardError, match="not with"):
        write_pipeline_results(model, [metrics])
