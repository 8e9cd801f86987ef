"""The command line as a user meets it: one-line errors with exit code 2, nothing lost on
a failed start, honest resume, unique document ids, and no silent writes to the gold set."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

SERVANDA = [sys.executable, "-m", "servanda"]
SEED = CORPUS / "001_35aa4428eebad88a.txt"


def servanda(*args: str, cwd: Path = ROOT, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*SERVANDA, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def assert_user_error(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr  # one line, no traceback
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_python_m_servanda_help():
    done = servanda("--help")
    assert done.returncode == 0 and "run" in done.stdout and "annotations" in done.stdout


@pytest.mark.parametrize(
    "args,words",
    [
        (["--format", "table"], ["--format", "documents", "clauses"]),
        (["--device", "gpu"], ["--device", "cpu", "cuda"]),
        (["--dtype", "float16"], ["--dtype", "float32", "bfloat16"]),
        (["--workers", "0"], ["--workers"]),
        (["--max-bytes", "-1"], ["--max-bytes"]),
        (["--classifier", "rules"], ["--classifier", "model", "cues"]),
        (["--backend", "flair"], ["--backend", "spacy", "stanza"]),
    ],
)
def test_bad_option_values_are_one_line_and_exit_2(tmp_path, args, words):
    assert_user_error(servanda("run", str(SEED), "--out", str(tmp_path / "o.jsonl"), *args), *words)


def test_out_naming_a_folder_and_a_missing_input_are_user_errors(tmp_path):
    assert_user_error(servanda("run", str(SEED), "--out", str(tmp_path), "--classifier", "cues"), "folder")
    missing = tmp_path / "nope.txt"
    assert_user_error(servanda("run", str(missing), "--out", str(tmp_path / "o.jsonl")), "not found")


@pytest.mark.parametrize(
    "args",
    [
        ["--model", "MISSING"],
        ["--dtype", "bfloat16", "--device", "cuda"],
        ["--backend", "stanza", "--classifier", "cues"],
    ],
)
def test_a_failed_start_leaves_an_existing_output_byte_identical(tmp_path, args):
    import torch

    if "cuda" in args and torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the run would start")
    if "stanza" in args:
        from servanda.entities.models import missing_stanza_models

        if not missing_stanza_models():
            pytest.skip("stanza's models are installed here: the run would start")
    out = tmp_path / "pred.jsonl"
    out.write_bytes(b'{"doc_id": "earlier work"}\n')
    args = [str(tmp_path / "no-model") if a == "MISSING" else a for a in args]
    done = servanda("run", str(SEED), "--out", str(out), *args)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert out.read_bytes() == b'{"doc_id": "earlier work"}\n'
    assert not out.with_name("pred.jsonl.partial").exists()


def test_resume_with_another_format_is_refused(tmp_path):
    out = tmp_path / "rows.jsonl"
    assert servanda("run", str(SEED), "--out", str(out), "--classifier", "cues", "--format", "clauses").returncode == 0
    before = out.read_bytes()
    done = servanda("run", str(CORPUS), "--out", str(out), "--classifier", "cues", "--resume")
    assert_user_error(done, "format", "clauses")
    assert out.read_bytes() == before


def test_same_file_name_in_two_folders_gets_two_ids(tmp_path):
    from servanda.reader import collect_inputs

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED, tmp_path / folder / "report.txt")
    shutil.copy(CORPUS / "002_a8a708190db0c4ae.txt", tmp_path / "single.txt")
    ids = collect_inputs([tmp_path]).doc_ids
    assert sorted(ids.values()) == ["a/report", "b/report", "single"]


def test_a_folder_without_documents_says_what_it_skipped(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "treaty.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    (docs / "page.rtf").write_text("{\\rtf1 The Parties shall}")
    done = servanda("run", str(docs), "--out", str(tmp_path / "o.jsonl"), "--classifier", "cues")
    assert done.returncode == 2, done.stderr
    assert "treaty.doc" in done.stderr and "page.rtf" in done.stderr and "no documents" in done.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_a_format_servanda_does_not_read_is_refused_not_read_as_text(tmp_path):
    from servanda.reader import ReadError, read_document

    page = tmp_path / "treaty.rtf"
    page.write_text("{\\rtf1 The Parties shall cooperate.}")
    with pytest.raises(ReadError, match="not supported"):
        read_document(page)


def test_eval_that_matches_no_gold_document_fails(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "nothing-like-gold", "text_sha256": "0", "clauses": [], "entities": []}))
    done = servanda("eval", str(pred), "annotations/gold.jsonl", "--split", "test", "--bootstrap", "0")
    assert_user_error(done, "no prediction")


def test_annotation_commands_default_to_the_current_folder(tmp_path):
    """Run from another folder, they do not touch the project's gold set."""
    gold = ROOT / "annotations" / "gold.jsonl"
    before = gold.stat().st_mtime_ns, gold.read_bytes()
    assert_user_error(servanda("annotations", "validate", cwd=tmp_path), "annotations/gold.jsonl")
    assert_user_error(servanda("annotations", "stats", cwd=tmp_path), "not found")
    export = tmp_path / "tasks.json"
    export.write_text("[]")
    done = servanda("annotations", "import", str(export), cwd=tmp_path)
    assert done.returncode == 0 and "nothing imported" in done.stderr
    assert (gold.stat().st_mtime_ns, gold.read_bytes()) == before


@pytest.mark.parametrize(
    "content,words",
    [
        ('{"id": 1, "text": "x"}\n{"id": 2}\n', ["not a Label Studio JSON export"]),
        ('[{"id": 1, "text": "a JSON-MIN row", "clause": []}]', ["not a Label Studio JSON export"]),
    ],
)
def test_import_of_the_wrong_export_kind_is_a_user_error(tmp_path, content, words):
    export = tmp_path / "export.json"
    export.write_text(content)
    assert_user_error(servanda("annotations", "import", str(export), "--gold", str(tmp_path / "g.jsonl")), *words)


def test_import_refuses_skipped_annotations_and_says_which(tmp_path):
    from servanda import gold

    record = next(r for r in gold.load_gold() if r["doc_id"] == "002_a8a708190db0c4ae")
    task = gold.to_label_studio(record)
    assert "predictions" in task and "annotations" not in task  # the annotator starts from them
    submitted = {"result": task["predictions"][0]["result"]}
    skipped = {"result": [], "was_cancelled": True}
    task["annotations"] = [submitted, skipped]  # the newest was skipped: the submitted one counts
    assert gold.from_label_studio(task)["clauses"] == record["clauses"]
    task["annotations"] = [skipped]
    with pytest.raises(gold.LabelStudioError, match="no submitted annotation"):
        gold.from_label_studio(task)


@pytest.mark.slow
def test_train_with_a_missing_teacher_exits_at_once(tmp_path):
    started = time.monotonic()
    done = servanda(
        "train", "--input", "pair", "--teacher", str(tmp_path / "no-teacher"), "--out-dir", str(tmp_path / "m")
    )
    assert_user_error(done, "holds no trained classifier")
    done = servanda("train", "--student-start", str(tmp_path), "--out-dir", str(tmp_path / "m"))
    assert_user_error(done, "--student-start")
    assert time.monotonic() - started < 60


def _failing_setup() -> None:
    raise OSError("the teacher's weights are not there")


def _square(x: int) -> int:
    return x * x


@pytest.mark.slow
def test_the_worker_pool_stops_on_a_setup_error_instead_of_respawning():
    from servanda import pool

    started = time.monotonic()
    with pytest.raises(OSError, match="weights are not there"):
        list(pool.imap_unordered(_square, range(4), workers=2, initializer=_failing_setup))
    assert time.monotonic() - started < 60
    assert pool.map_ordered(_square, [3, 1, 2], workers=2, initializer=print, initargs=("",)) == [9, 1, 4]


def test_library_defaults_match_the_command_line(tmp_path, monkeypatch):
    """PipelineConfig() means the trained model, like `servanda run`; without one it says
    where it looked instead of quietly using the cue lexicon."""
    from servanda import PipelineConfig, PipelineError
    from servanda.classify.model import resolve_model_dir

    assert PipelineConfig().classifier == "model"
    monkeypatch.setenv("SERVANDA_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(PipelineError, match=r"\$SERVANDA_MODEL: .*nowhere"):
        resolve_model_dir(None)
    with pytest.raises(PipelineError, match="--model: .*elsewhere"):
        resolve_model_dir(tmp_path / "elsewhere")


def test_text_in_memory_and_its_record(cue_pipeline):
    from servanda.api import Servanda

    nlp = Servanda(cue_pipeline)
    doc = nlp("JOINT STATEMENT\n\nThe Parties shall cooperate in the field of energy.\n")
    assert [c.label for c in doc.clauses] == ["other", "commitment"]
    record = nlp.record(doc)
    from servanda.output import schema_validator

    schema_validator().validate(record)
    assert record["clauses"][1]["text"] == "The Parties shall cooperate in the field of energy."
