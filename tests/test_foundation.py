"""The batch tool's promises: clear per-document errors, crash-safe resume, determinism,
exact offsets, schema-valid output, and build-time checks of the stage wiring."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from servanda.cli import app
from servanda.jsonl import read_jsonl
from servanda.output import schema_validator
from servanda.reader import ReadError, read_document
from servanda.runner import PipelineConfig, process_path, run_batch
from servanda.stages import Pipeline, PipelineError

from .conftest import CORPUS, ROOT, TOTA_TXT, tota_sample

SERVANDA = [sys.executable, "-m", "servanda"]


@pytest.fixture()
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "binary": tmp_path / "binary.txt",
        "latin1": tmp_path / "latin1.txt",
        "truncated": tmp_path / "truncated.txt",
        "huge": tmp_path / "huge.txt",
        "badxml": tmp_path / "bad.xml",
        "bomb": tmp_path / "bomb.xml",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \n\t\n")
    files["binary"].write_bytes(b"%PDF-1.4\x00\x01\x02\x03binary")
    files["latin1"].write_bytes("Traité signé à Genève".encode("latin-1"))
    files["truncated"].write_bytes("The Parties shall cooperate. Україна".encode()[:-1])
    files["huge"].write_bytes(b"The Parties shall cooperate.\n" * 5000)
    files["badxml"].write_text("<treaty><body><chapter>unclosed", encoding="utf-8")
    files["bomb"].write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><treaty><body>&lol2;</body></treaty>',
        encoding="utf-8",
    )
    missing = tmp_path / "dangling.txt"
    missing.symlink_to(tmp_path / "does-not-exist.txt")
    files["dangling"] = missing
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    files["loop"] = loop
    return files


@pytest.mark.parametrize(
    "name,reason",
    [
        ("empty", "empty file"),
        ("blank", "only whitespace"),
        ("binary", "binary file"),
        ("latin1", "not valid UTF-8"),
        ("truncated", "truncated"),
        ("huge", "over the limit"),
        ("badxml", "malformed XML"),
        ("bomb", "unsafe XML"),
        ("dangling", "dangling symbolic link"),
        ("loop", "symbolic link loop"),
    ],
)
def test_bad_input_gets_a_clear_reason(bad_files, name, reason):
    with pytest.raises(ReadError, match=reason):
        read_document(bad_files[name], max_bytes=100_000)


def test_batch_goes_on_past_bad_documents(tmp_path, bad_files):
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / "003_8b34fae9ba579083.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out" / "pred.jsonl"
    result = CliRunner().invoke(
        app, ["run", str(tmp_path), "--out", str(out), "--classifier", "cues", "--max-bytes", "100000"]
    )
    assert result.exit_code == 1, result.output
    records = read_jsonl(out)
    errors = read_jsonl(tmp_path / "out" / "pred.errors.jsonl")
    assert [r["doc_id"] for r in records] == ["good"]
    assert {Path(e["path"]).name for e in errors} == {p.name for k, p in bad_files.items()}
    assert all(e["reason"] for e in errors)


def test_ok_run_exits_zero_and_output_is_schema_valid(tmp_path):
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out), "--classifier", "cues"])
    assert result.exit_code == 0, result.output
    records = read_jsonl(out)
    assert len(records) == len(list(CORPUS.rglob("*.txt")))
    validator = schema_validator()
    for record in records:
        problems = [e.message for e in validator.iter_errors(record)]
        assert not problems, (record["doc_id"], problems[:3])
        assert record["versions"]["stages"]["classify"].startswith("cues")


def _check_offsets(pipeline, path: Path):
    doc = process_path(pipeline, path)
    text = path.read_bytes().decode("utf-8")
    assert doc.text == text
    for c in doc.clauses:
        assert text[c.start : c.end] == c.text
        assert c.text == c.text.strip()
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
    return doc


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_offsets_exact_on_corpus(cue_pipeline, path):
    doc = _check_offsets(cue_pipeline, path)
    assert doc.clauses


@pytest.mark.skipif(not TOTA_TXT.exists(), reason="../shared/corpora/tota is not beside the project")
@pytest.mark.parametrize("path", tota_sample(), ids=lambda p: p.stem)
def test_offsets_exact_on_tota_sample(cue_pipeline, path):
    _check_offsets(cue_pipeline, path)


def test_deterministic_byte_identical(tmp_path):
    outs = []
    for k in range(2):
        out = tmp_path / f"run{k}.jsonl"
        run_batch([CORPUS], out, config=PipelineConfig(classifier="cues"), progress=False)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.slow
def test_workers_write_the_same_file_as_one_process(tmp_path, bad_files):
    """Workers take the largest documents first and finish in any order; the finished
    file is still in input order, byte for byte what one process writes, errors included."""
    inputs = [CORPUS, bad_files["binary"], bad_files["empty"]]
    runs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        runs[workers] = run_batch(
            inputs, out, config=PipelineConfig(classifier="cues"), workers=workers, progress=False
        )
    assert (tmp_path / "w1.jsonl").read_bytes() == (tmp_path / "w2.jsonl").read_bytes()
    assert (tmp_path / "w1.errors.jsonl").read_bytes() == (tmp_path / "w2.errors.jsonl").read_bytes()
    one, two = runs[1], runs[2]
    assert (two.documents, two.failed, two.clauses) == (one.documents, one.failed, one.clauses) and one.failed == 2
    assert len(two.peak_rss_mib) == 2 and os.getpid() not in two.peak_rss_mib
    assert set(two.stage_seconds) == set(one.stage_seconds) >= {"segment", "entities", "classify"}
    assert 0 < two.startup_seconds < two.seconds


@pytest.mark.slow
def test_workers_that_cannot_build_the_pipeline_stop_the_batch(tmp_path):
    """Not a pool restarting failed workers for ever (that hung): the build error and
    exit code 2, as from one process."""
    cmd = SERVANDA + [
        "run",
        str(CORPUS),
        "--out",
        str(tmp_path / "out.jsonl"),
        "--model",
        str(tmp_path / "no-model"),
        "--workers",
        "2",
        "--no-progress",
    ]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 2
    assert "no trained classifier" in done.stderr


def test_restoring_input_order_sorts_a_resumed_prefix_too(tmp_path):
    from servanda.output import restore_input_order

    out = tmp_path / "out.jsonl"
    rows = [{"path": p, "row": r} for p in ("c", "a", "b") for r in (0, 1)]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    restore_input_order(out, {"a": 0, "b": 1, "c": 2})
    assert [(r["path"], r["row"]) for r in read_jsonl(out)] == [(p, r) for p in "abc" for r in (0, 1)]
    assert not list(tmp_path.glob("*.reordering"))


def test_clauses_format_has_one_row_per_clause(tmp_path):
    out = tmp_path / "rows.jsonl"
    run_batch(
        [CORPUS / "001_35aa4428eebad88a.txt"],
        out,
        config=PipelineConfig(classifier="cues"),
        fmt="clauses",
        progress=False,
    )
    rows = read_jsonl(out)
    assert len(rows) == rows[0]["n_clauses"] > 10
    assert [r["clause_index"] for r in rows] == list(range(len(rows)))


def _killed_then_resumed(tmp_path: Path, inputs: Path, fmt: str, workers: int) -> tuple[list[str], list[str]]:
    """Run, kill -9 once some output exists, resume; return (resumed lines, clean lines)."""
    out = tmp_path / f"killed-{fmt}.jsonl"
    partial_out = out.with_name(out.name + ".partial")

    def command(target: Path) -> list[str]:
        return SERVANDA + [
            "run",
            str(inputs),
            "--out",
            str(target),
            "--classifier",
            "cues",
            "--format",
            fmt,
            "--workers",
            str(workers),
            "--no-progress",
        ]

    cmd = command(out)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and (not partial_out.exists() or partial_out.stat().st_size < 2000):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "an unfinished run must not stand where a finished output would"
    partial = partial_out.read_bytes()
    assert partial, "the run was killed before it wrote anything"
    # make the kill land mid-line too: a torn tail must be cut off on resume
    with open(partial_out, "ab") as fh:
        fh.write(b'{"doc_id": "torn')
    subprocess.run(cmd + ["--resume"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    clean = tmp_path / f"clean-{fmt}.jsonl"
    subprocess.run(command(clean), cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out.read_text(encoding="utf-8").splitlines(), clean.read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
@pytest.mark.parametrize("fmt,workers", [("documents", 1), ("clauses", 1), ("documents", 2)])
def test_kill_9_then_resume_gives_the_same_file(tmp_path, fmt, workers):
    """After kill -9 and --resume the file is byte for byte an uninterrupted run's,
    in input order, with one process or with workers."""
    inputs = tmp_path / "docs"
    inputs.mkdir()
    sources = sorted(CORPUS.glob("*.txt")) + tota_sample(8)
    for i, src in enumerate(sources):
        (inputs / f"{i:02d}_{src.name}").write_bytes(src.read_bytes())
    resumed, clean = _killed_then_resumed(tmp_path, inputs, fmt, workers)
    assert len(resumed) == len(set(resumed)), "duplicate records after resume"
    assert resumed == clean


def test_miswired_pipeline_fails_at_build_time():
    from servanda.classify import ClauseClassifier
    from servanda.langid import LanguageIdentifier

    with pytest.raises(PipelineError, match=r"'classify' requires \['clause_lang', 'clauses', 'instrument'\]"):
        Pipeline([LanguageIdentifier(), ClauseClassifier(None)])


def test_missing_model_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        app, ["run", str(CORPUS), "--out", str(tmp_path / "x.jsonl"), "--model", str(tmp_path / "no-model")]
    )
    assert result.exit_code == 2
    assert "servanda train" in result.output


def test_tota_xml_is_read_with_headings():
    xml = TOTA_TXT.parent / "xml" / "pta_2.xml"
    if not xml.exists():
        pytest.skip("ToTA XML not beside the project")
    doc = read_document(xml)
    assert doc.source_format == "xml"
    assert "ARTICLE 1 Objectives" in doc.text
    assert "The Parties shall gradually establish a free trade area" in doc.text
    assert "<partyisocode" not in doc.text


def test_a_file_named_twice_is_one_document():
    from servanda.reader import iter_paths

    seed = sorted(CORPUS.glob("*.txt"))[0]
    listed = list(iter_paths([CORPUS, seed, str(seed.parent / ".." / "corpus" / seed.name)]))
    from servanda.reader import FOLDER_DOCUMENTATION

    documents = [
        p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name.upper() not in FOLDER_DOCUMENTATION
    ]
    assert len(listed) == len(set(listed)) == len(documents)
