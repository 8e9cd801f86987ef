"""What the Ray engine costs on one machine: the same ToTA treaties through the local
runner (``--workers W``) and the Ray engine (``--actors W``), alternately, several rounds.

    python benchmarks/ray_overhead.py [--docs 30] [--workers 2] [--rounds 3] [--classifier model|cues]
                                      [--out benchmarks/results/ray_overhead.json]

The machine is shared with other jobs, so one pair of runs says little: the runs
alternate (local first in even rounds, Ray first in odd ones) and the result gives every
run, the ratio of each round's pair, and their spread. Two times per run:

* ``processing_s`` — from the first document handed out to the last record written,
  models already loaded: what Ray adds per document (scheduling, moving each outcome
  through the object store). This is the ratio that matters at scale.
* ``wall_s`` — the whole call: starting the worker processes or creating the actors and
  loading their models, then processing. The Ray cluster itself is started once, before
  the rounds (a cluster outlives its runs); its start-up is reported apart.

Per-actor (per-worker) throughput three ways: characters per wall second of processing
divided by the number of processes; characters per second of each process's busy time
(the sum of its stage timings); and characters per CPU second of each process, between
its first and its last document (its model loading left out). On a machine shared with
other jobs, wall and busy seconds include the time a process waited for a core, CPU
seconds do not: they are what a dedicated core would do, the input of a cluster plan.
Every pair of outputs is checked byte for byte; the result file is rewritten after
each run, so an interrupted benchmark keeps the rounds it finished.

Run it on a fixed copy of the code when others edit the working tree meanwhile (the
local workers and the Ray actors import the package when they start, minutes apart).

Documents listed in ../shared/corpora/RESERVED.txt are skipped (read at run time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench import documents, machine

from servanda.classify.model import DEFAULT_MODEL_DIR
from servanda.engines import RayEngine
from servanda.runner import DocOutcome, Engine, Job, LocalEngine, PipelineConfig, run_batch

ROOT = Path(__file__).resolve().parent.parent


class Tap:
    """An engine that passes another's outcomes through and keeps, per process, the
    characters it processed and its busy seconds."""

    def __init__(self, inner: Engine):
        self.inner = inner
        self.chars: dict[int, int] = {}
        self.busy: dict[int, float] = {}
        self.first_handed_out = 0.0
        # per process: CPU seconds at its first and its last outcome, characters after its first
        self.cpu_first: dict[int, float] = {}
        self.cpu_last: dict[int, float] = {}
        self.chars_after_first: dict[int, int] = {}

    def start(self, config: PipelineConfig, max_bytes: int, documents: int) -> None:
        self.inner.start(config, max_bytes, documents)

    def outcomes(self, jobs: list[Job]) -> Iterator[DocOutcome]:
        self.first_handed_out = time.perf_counter()
        for outcome in self.inner.outcomes(jobs):
            self.chars[outcome.worker] = self.chars.get(outcome.worker, 0) + outcome.characters
            self.busy[outcome.worker] = self.busy.get(outcome.worker, 0.0) + sum(outcome.stage_seconds.values())
            self._sample_cpu(outcome)
            yield outcome

    def _sample_cpu(self, outcome: DocOutcome) -> None:
        import psutil

        try:
            times = psutil.Process(outcome.worker).cpu_times()
        except psutil.Error:
            return
        cpu = times.user + times.system
        if outcome.worker not in self.cpu_first:
            self.cpu_first[outcome.worker] = cpu
            self.chars_after_first[outcome.worker] = 0
        else:
            self.chars_after_first[outcome.worker] += outcome.characters
        self.cpu_last[outcome.worker] = cpu

    def chars_per_cpu_s(self, pid: int) -> float | None:
        spent = self.cpu_last.get(pid, 0.0) - self.cpu_first.get(pid, 0.0)
        return round(self.chars_after_first[pid] / spent) if spent > 1 else None

    def close(self) -> None:
        self.inner.close()


def one_run(engine_name: str, paths: list[Path], config: PipelineConfig, workers: int, out: Path) -> dict[str, Any]:
    inner: Engine = RayEngine(actors=workers) if engine_name == "ray" else LocalEngine(workers)
    tap = Tap(inner)
    began = time.perf_counter()
    summary = run_batch(paths, out, config=config, engine=tap, progress=False)
    ended = time.perf_counter()
    # local workers load their models after the first document is handed out: their
    # start-up (first_ready) is taken off; Ray's actors are ready before it
    processing = ended - tap.first_handed_out - (summary.startup_seconds if engine_name == "local" else 0.0)
    per_process = [
        {
            "characters": tap.chars[p],
            "busy_s": round(tap.busy[p], 2),
            "chars_per_busy_s": round(tap.chars[p] / tap.busy[p]),
            "chars_per_cpu_s": tap.chars_per_cpu_s(p),
            "cpu_s_after_first": round(tap.cpu_last.get(p, 0.0) - tap.cpu_first.get(p, 0.0), 2),
            "characters_after_first": tap.chars_after_first.get(p, 0),
        }
        for p in sorted(tap.chars)
        if tap.busy.get(p)
    ]
    return {
        "engine": engine_name,
        "wall_s": round(ended - began, 2),
        "processing_s": round(processing, 2),
        "documents": summary.documents,
        "failed": summary.failed,
        "characters": summary.characters,
        "chars_per_s": round(summary.characters / processing),
        "chars_per_s_per_process": round(summary.characters / processing / workers),
        "per_process": per_process,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2, help="local workers and Ray actors")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--classifier", choices=("model", "cues"), default=None, help="default: model if trained")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ray_overhead.json")
    args = parser.parse_args()
    classifier = args.classifier or ("model" if (DEFAULT_MODEL_DIR / "config.json").exists() else "cues")
    config = PipelineConfig(classifier=classifier)
    paths = documents(args.docs)

    import ray

    began = time.perf_counter()
    ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
    ray_init_s = time.perf_counter() - began
    head = {
        "command": "python benchmarks/ray_overhead.py "
        f"--docs {args.docs} --workers {args.workers} --rounds {args.rounds} --classifier {classifier}",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine("cpu"),
        "ray": ray.__version__,
        "classifier": classifier,
        "documents": [p.name for p in paths],
        "ray_init_s": round(ray_init_s, 2),
    }
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(args.rounds):
            order = ("local", "ray") if round_ % 2 == 0 else ("ray", "local")
            outputs = {}
            for name in order:
                outputs[name] = Path(scratch) / f"{name}-{round_}.jsonl"
                run = one_run(name, paths, config, args.workers, outputs[name])
                run["round"] = round_
                runs.append(run)
                print(json.dumps(run), flush=True)
                write_result(args.out, head, runs)
            same = outputs["local"].read_bytes() == outputs["ray"].read_bytes()
            runs[-1]["identical_to_pair"] = runs[-2]["identical_to_pair"] = same
            write_result(args.out, head, runs)
            if not same:  # kept in the result; the timing is still worth having
                print(f"round {round_}: the Ray output differs from the local one", flush=True)
    ray.shutdown()
    print(json.dumps(write_result(args.out, head, runs), indent=1))


def write_result(out: Path, head: dict[str, Any], runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The summary over the finished rounds, written with every run to ``out``."""
    pairs: dict[int, dict[str, dict[str, Any]]] = {}
    for run in runs:
        pairs.setdefault(run["round"], {})[run["engine"]] = run
    complete = [pair for pair in pairs.values() if len(pair) == 2]

    def spread(values: list[float]) -> dict[str, float] | None:
        values = [v for v in values if v is not None]
        return {"median": statistics.median(values), "min": min(values), "max": max(values)} if values else None

    def ratio(key: str) -> dict[str, float] | None:
        return spread([round(pair["ray"][key] / pair["local"][key], 3) for pair in complete])

    def per_process(engine: str, key: str) -> dict[str, float] | None:
        return spread([q[key] for r in runs if r["engine"] == engine for q in r["per_process"]])

    def per_cpu_s(engine: str) -> dict[str, float] | None:
        """Characters per CPU second of all the run's processes together (each run's)."""
        rates = []
        for run in (r for r in runs if r["engine"] == engine):
            spent = sum(q.get("cpu_s_after_first", 0.0) for q in run["per_process"])
            if spent > 1:
                rates.append(round(sum(q.get("characters_after_first", 0) for q in run["per_process"]) / spent))
        return spread(rates)

    summary = {
        "rounds_complete": len(complete),
        "processing_ratio_ray_over_local": ratio("processing_s"),
        "wall_ratio_ray_over_local": ratio("wall_s"),
        "per_actor_chars_per_s": spread([r["chars_per_s_per_process"] for r in runs if r["engine"] == "ray"]),
        "per_actor_chars_per_busy_s": per_process("ray", "chars_per_busy_s"),
        "per_actor_chars_per_cpu_s": per_process("ray", "chars_per_cpu_s"),
        "per_worker_chars_per_s_local": spread([r["chars_per_s_per_process"] for r in runs if r["engine"] == "local"]),
        "per_worker_chars_per_cpu_s_local": per_process("local", "chars_per_cpu_s"),
        "chars_per_cpu_s_all_actors": per_cpu_s("ray"),
        "chars_per_cpu_s_all_workers_local": per_cpu_s("local"),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**head, "summary": summary, "runs": runs}, indent=1) + "\n", encoding="utf-8")
    return summary


if __name__ == "__main__":
    main()
