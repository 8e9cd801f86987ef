"""The Ray engine writes what the local runner writes: the same records, the same error
records, byte for byte, in every format; an actor killed mid-document loses nothing;
``--resume`` carries on a run as it does locally; and without Ray installed,
``--engine ray`` is a one-line user error that says how to install it.

The slow tests start a real local Ray cluster (two CPUs, no dashboard) and run the real
pipeline with the cue classifier on the seeds and a small ToTA sample."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from servanda.jsonl import read_jsonl
from servanda.runner import PipelineConfig, run_batch

from .conftest import CORPUS, ROOT, tota_sample
from .test_cli import assert_user_error, servanda

CUES = PipelineConfig(classifier="cues")
SERVANDA = [sys.executable, "-m", "servanda"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The seeds, a ToTA sample, and two documents that fail deterministically."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02\x03binary")
    (bad / "empty.txt").write_bytes(b"")
    return sorted(CORPUS.glob("*.txt")) + tota_sample(6) + [bad / "binary.txt", bad / "empty.txt"]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory) -> Path:
    """What the local runner writes (one process), the output every Ray run must equal."""
    out = tmp_path_factory.mktemp("local") / "pred.jsonl"
    summary = run_batch(inputs, out, config=CUES, progress=False)
    assert summary.failed == 2 and summary.documents == len(inputs) - 2
    return out


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def errors_of(out: Path) -> Path:
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


@pytest.mark.slow
def test_ray_writes_the_local_runners_files(ray_cluster, inputs, reference, tmp_path):
    """Actors take the largest documents first and finish in any order; the file is the
    local one byte for byte, the two error records included, each once."""
    from servanda.engines import RayEngine

    engine = RayEngine(actors=2)
    out = tmp_path / "ray.jsonl"
    summary = run_batch(inputs, out, config=CUES, engine=engine, progress=False)
    assert out.read_bytes() == reference.read_bytes()
    assert errors_of(out).read_bytes() == errors_of(reference).read_bytes()
    assert [e["stage"] for e in read_jsonl(errors_of(out))] == ["read", "read"]
    assert summary.failed == 2 and summary.documents == len(inputs) - 2
    assert len(engine.placements) == 2 and len({pid for _, pid in engine.placements}) == 2
    assert set(summary.peak_rss_mib) == {pid for _, pid in engine.placements}  # the actors did the work


@pytest.mark.slow
def test_ray_resumes_an_interrupted_run(ray_cluster, inputs, reference, tmp_path):
    """An interrupted run (three documents written, a torn fourth) finished by Ray is the
    uninterrupted local file; the three are not done again."""
    from servanda.engines import RayEngine

    out = tmp_path / "resumed.jsonl"
    lines = reference.read_bytes().splitlines(keepends=True)
    Path(f"{out}.partial").write_bytes(b"".join(lines[:3]) + lines[3][:50])
    summary = run_batch(inputs, out, config=CUES, engine=RayEngine(actors=2), resume=True, progress=False)
    assert summary.skipped == 3 and summary.documents == len(inputs) - 2 - 3
    assert out.read_bytes() == reference.read_bytes()
    assert errors_of(out).read_bytes() == errors_of(reference).read_bytes()


@pytest.mark.slow
def test_parquet_tables_hold_every_record(ray_cluster, inputs, reference, tmp_path):
    """`--format parquet --engine ray`: the folder's JSONL is the local file, and its three
    tables have one row per document, clause and entity, with the fields of the records."""
    import pyarrow.dataset as ds
    from typer.testing import CliRunner

    from servanda.cli import app
    from servanda.output import clause_rows

    out = tmp_path / "lake"
    args = ["run", *map(str, inputs), "--out", str(out), "--format", "parquet", "--classifier", "cues"]
    result = CliRunner().invoke(app, [*args, "--engine", "ray", "--actors", "2", "--no-progress"])
    assert result.exit_code == 1, result.output  # the two bad documents
    assert (out / "_records.jsonl").read_bytes() == reference.read_bytes()
    assert (out / "_records.errors.jsonl").read_bytes() == errors_of(reference).read_bytes()
    records = read_jsonl(reference)
    tables = {
        name: ds.dataset(out / name, partitioning="hive").to_table() for name in ("documents", "clauses", "entities")
    }
    assert sorted(tables["documents"].column("doc_id").to_pylist()) == sorted(r["doc_id"] for r in records)
    rows = [row for r in records for row in clause_rows(r)]
    key = ("path", "clause_index")
    got = sorted(tables["clauses"].to_pylist(), key=lambda row: tuple(row[k] for k in key))
    want = sorted(rows, key=lambda row: tuple(row[k] for k in key))
    assert len(got) == len(want) > 100
    for g, w in zip(got, want):
        assert {k: v for k, v in g.items() if v is not None} == {k: v for k, v in w.items() if v is not None}
    assert tables["entities"].num_rows == sum(len(r["entities"]) for r in records)
    assert set(tables["clauses"].column("doc_lang").to_pylist()) == {r["lang"] for r in records}


def _actor_processes(root: int) -> list:
    import psutil

    found = []
    for child in psutil.Process(root).children(recursive=True):
        try:
            if " ".join(child.cmdline()).startswith("ray::PipelineActor"):
                found.append(child)
        except psutil.Error:
            continue
    return found


@pytest.mark.slow
def test_an_actor_killed_mid_document_loses_nothing(inputs, reference, tmp_path):
    """kill -9 of an actor while it runs a document: Ray restarts the actor, which builds
    its pipeline again and redoes the document; the file is the uninterrupted one."""
    pytest.importorskip("ray")
    import psutil

    out = tmp_path / "killed.jsonl"
    cmd = [*SERVANDA, "run", *map(str, inputs), "--out", str(out), "--classifier", "cues", "--engine", "ray"]
    proc = subprocess.Popen(
        [*cmd, "--actors", "2", "--no-progress"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        killed = None
        deadline = time.time() + 150
        while killed is None and time.time() < deadline and proc.poll() is None:
            for actor in _actor_processes(proc.pid):
                try:
                    busy = "PipelineActor.run" in " ".join(actor.cmdline())
                except psutil.Error:
                    continue
                if busy and Path(f"{out}.partial").exists():  # mid-run, in a document
                    actor.send_signal(signal.SIGKILL)
                    killed = actor.pid
                    break
            time.sleep(0.05)
        assert killed is not None, "no actor was seen running a document"
        _, stderr = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 1, stderr.decode()  # the two bad documents, nothing else
    assert not psutil.pid_exists(killed) or psutil.Process(killed).status() == psutil.STATUS_ZOMBIE
    assert out.read_bytes() == reference.read_bytes()
    assert errors_of(out).read_bytes() == errors_of(reference).read_bytes()


def test_engine_ray_without_ray_installed_says_how_to_install_it(tmp_path):
    """Where Ray is not installed (here: its import made to fail), one line, exit 2."""
    program = (
        "import sys; sys.modules['ray'] = None\n"
        "from servanda.cli import main\n"
        f"main(['run', {str(CORPUS / '001_35aa4428eebad88a.txt')!r}, '--out', {str(tmp_path / 'o.jsonl')!r}, "
        "'--classifier', 'cues', '--engine', 'ray'])\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert_user_error(done, "--engine ray", "pip install 'servanda[ray]'")
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize(
    "args,words",
    [
        (["--engine", "ray", "--workers", "2"], ["--workers", "--actors"]),
        (["--actors", "2"], ["--actors", "--engine ray"]),
        (["--address", "auto"], ["--address", "--engine ray"]),
        (["--engine", "spark"], ["--engine", "local", "ray"]),
        (["--engine", "ray", "--actors", "0"], ["--actors"]),
    ],
)
def test_engine_options_that_do_not_go_together_are_user_errors(tmp_path, args, words):
    seed = CORPUS / "001_35aa4428eebad88a.txt"
    done = servanda("run", str(seed), "--out", str(tmp_path / "o.jsonl"), "--classifier", "cues", *args)
    assert_user_error(done, *words)


def test_parquet_out_must_be_a_folder(tmp_path):
    pytest.importorskip("pyarrow")
    existing = tmp_path / "o.parquet"
    existing.write_text("earlier work\n")
    seed = CORPUS / "001_35aa4428eebad88a.txt"
    done = servanda("run", str(seed), "--out", str(existing), "--format", "parquet", "--classifier", "cues")
    assert_user_error(done, "folder")
    assert existing.read_text() == "earlier work\n"


@pytest.mark.slow
def test_more_actors_than_the_cluster_holds_is_refused_before_any_output(ray_cluster, inputs, tmp_path):
    """Not actors left pending for ever: the run stops at once, saying what fits."""
    from servanda.engines import RayEngine
    from servanda.stages import PipelineError

    out = tmp_path / "o.jsonl"
    out.write_text("earlier work\n")
    with pytest.raises(PipelineError, match="--actors 3 needs 3 CPUs; the Ray cluster has 2"):
        run_batch(inputs, out, config=CUES, engine=RayEngine(actors=3), progress=False)
    assert out.read_text() == "earlier work\n"
    assert not Path(f"{out}.partial").exists()
