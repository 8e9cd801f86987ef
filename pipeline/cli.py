"""The `servanda` command: a thin typer layer over the library API."""
from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="servanda: extract commitments, recitals, disclaimers, parties and officials "
    "from international agreements and news about them.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("eval")
def evaluate_predictions(
    pred: Path = typer.Argument(..., help="Predictions JSONL, one document per line (output of `servanda run`)."),
    gold: Path = typer.Argument(..., help="Gold JSONL (ANNOTATION_GUIDE.md §7), e.g. annotations/gold.jsonl."),
    split: str = typer.Option(None, help="Score only gold documents whose `split` is this (train, dev, test)."),
    report: Path = typer.Option(None, help="Directory for report.md, report.html, confusion_matrix.png "
                                "and per_document.csv."),
    metrics: Path = typer.Option(None, help="metrics.json to write (default: next to PRED, "
                                 "out/pred.jsonl -> out/pred.metrics.json). Keys: docs/metrics.md."),
    root: Path = typer.Option(Path("."), help="Directory that the gold `path` fields are relative to; the "
                              "texts are read to trim whitespace off clause spans."),
    bootstrap: int = typer.Option(1000, min=0, help="Bootstrap samples (documents resampled) for the "
                                  "confidence intervals of the headline F1s; 0 turns them off."),
    seed: int = typer.Option(0, help="Seed of the bootstrap resampling."),
) -> None:
    """Score predictions against the gold set: clause labels, segmentation, entities,
    commitment attributes and language, with bootstrap confidence intervals.

    Example: servanda eval out/pred.jsonl annotations/gold.jsonl --split dev --report out/eval-dev

    Documents pair by doc_id. A prediction made on a different text (text_sha256) is
    refused and listed; gold documents without a prediction count as all misses.
    Exit code 0 on success, 2 for an unreadable or invalid file.
    """
    from .evaluate import EvalInputError, load_jsonl, score
    from .report import print_summary, write_metrics, write_report

    records = {}
    for name, path in (("PRED", pred), ("GOLD", gold)):
        try:
            records[name] = load_jsonl(path)
        except EvalInputError as err:
            raise typer.BadParameter(str(err), param_hint=name)
    try:
        result = score(records["PRED"], records["GOLD"], text_root=root, bootstrap=bootstrap, seed=seed, split=split)
    except EvalInputError as err:
        raise typer.BadParameter(str(err))
    print_summary(result)
    metrics_path = write_metrics(result, metrics or pred.with_suffix(".metrics.json"))
    typer.echo(f"metrics -> {metrics_path}", err=True)
    if report:
        paths = write_report(result, report)
        typer.echo(f"report -> {paths['report.html']}", err=True)


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Files or directories (.txt, .md, ToTA .xml; recursive)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output JSONL (errors go to OUT.errors.jsonl)."),
    fmt: str = typer.Option("documents", "--format", help="documents: one line per document; "
                            "clauses: one flat line per clause."),
    classifier: str = typer.Option("model", help="model: the fine-tuned transformer (English) with cue "
                                   "lexicons for other languages; cues: the cue-lexicon classifier only."),
    model: Path = typer.Option(None, help="Trained classifier directory (default models/clause-minilm)."),
    backend: str = typer.Option("spacy", help="NER backend: spacy, or stanza (needs its models installed)."),
    resume: bool = typer.Option(False, help="Keep finished documents of an earlier, interrupted run."),
    max_bytes: int = typer.Option(16 * 1024 * 1024, help="Larger files are refused with an error record."),
    workers: int = typer.Option(1, help="Worker processes, each with its own models; they take the "
                                 "largest documents first, and the output keeps input order."),
    device: str = typer.Option("cpu", help="cpu or cuda, for the classifier."),
    dtype: str = typer.Option("auto", help="Classifier weights: auto (bfloat16 where the hardware has "
                             "bf16 units, same dev labels as float32), float32 or bfloat16."),
    progress: bool = typer.Option(None, help="Progress bar (default: only on a terminal)."),
) -> None:
    """Extract clauses, labels, commitment attributes, parties and officials.

    Example: servanda run corpus/ ../shared/corpora/tota/txt/pta_2.txt --out out/pred.jsonl

    Exit code 0 when every document was processed, 1 when some failed (see OUT.errors.jsonl).
    """
    from .classify.model import DEFAULT_MODEL_DIR
    from .runner import PipelineConfig, run_batch
    from .stages import PipelineError

    if classifier not in ("model", "cues"):
        raise typer.BadParameter("--classifier must be model or cues")
    model_dir = None if classifier == "cues" else str(model or DEFAULT_MODEL_DIR)
    config = PipelineConfig(model_dir=model_dir, ner_backend=backend, device=device, dtype=dtype)
    try:
        summary = run_batch(inputs, out, config=config, fmt=fmt, resume=resume, max_bytes=max_bytes,
                            workers=workers, progress=progress)
    except PipelineError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{summary.documents} documents, {summary.clauses} clauses, {summary.failed} failed, "
               f"{summary.skipped} already done; {summary.seconds:.1f}s -> {out}", err=True)
    for e in summary.errors[:20]:
        typer.echo(f"  failed: {e['path']}: {e['reason']}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def train(
    out_dir: Path = typer.Option(None, help="Where to write the model (default models/clause-minilm)."),
    base_model: str = typer.Option("", help="Base encoder: a local path or hub name "
                                   "(default: the bundled all-MiniLM-L6-v2)."),
    layers: int = typer.Option(0, help="Keep only N encoder layers (0: all; with --teacher, 3); fewer "
                               "layers classify faster (see README, Performance)."),
    teacher: Path = typer.Option(None, help="Distil: start from this fine-tuned classifier, keep --layers of "
                                 "its layers evenly spaced, and learn its labels on unannotated ToTA "
                                 "treaties besides the gold train split."),
    teacher_documents: int = typer.Option(120, help="With --teacher: how many unannotated ToTA treaties it labels."),
    teacher_per_document: int = typer.Option(500, help="With --teacher: at most this many clauses per treaty."),
    epochs: int = typer.Option(4, help="Training epochs."),
    batch_size: int = typer.Option(16, help="Batch size."),
    learning_rate: float = typer.Option(8e-5, help="Peak learning rate."),
    seed: int = typer.Option(13, help="Random seed (training is deterministic per machine)."),
    device: str = typer.Option("auto", help="auto, cpu or cuda."),
    weak_data: Path = typer.Option(None, help="Optional JSONL of weakly-labelled clauses (kept separate, "
                                   "down-weighted by --weak-weight)."),
    weak_weight: float = typer.Option(0.3, help="Loss weight of weak examples."),
    max_train_examples: int = typer.Option(None, help="Cap the training set (quick tests)."),
    evaluate: bool = typer.Option(True, help="Score dev and test after training and write the model card."),
) -> None:
    """Fine-tune the clause classifier on the gold set's train split.

    Example: servanda train --epochs 6   (writes models/clause-minilm/ with a model card)

    Example: servanda train --teacher models/clause-minilm --layers 3 --epochs 3 --batch-size 32
    --learning-rate 6e-5 --out-dir models/clause-minilm-l3   (what `make model-fast` runs)
    """
    from .classify.card import write_model_card
    from .classify.model import DEFAULT_MODEL_DIR
    from .classify.train import TrainConfig, train as train_model

    config = TrainConfig(base_model=base_model, out_dir=str(out_dir or DEFAULT_MODEL_DIR), layers=layers, epochs=epochs,
                         batch_size=batch_size, learning_rate=learning_rate, seed=seed, device=device,
                         weak_data=str(weak_data) if weak_data else None, weak_weight=weak_weight,
                         max_train_examples=max_train_examples, teacher=str(teacher) if teacher else "",
                         teacher_documents=teacher_documents, teacher_per_document=teacher_per_document)
    info = train_model(config, log=lambda m: typer.echo(m, err=True))
    if evaluate:
        write_model_card(Path(config.out_dir), info, log=lambda m: typer.echo(m, err=True))
    typer.echo(config.out_dir)


@app.command("weak-labels")
def weak_labels(
    out: Path = typer.Option(Path("annotations/work/weak_tota.jsonl"), help="JSONL to write."),
    tota: Path = typer.Option(None, help="ToTA XML folder (default ../shared/corpora/tota/xml)."),
    per_document: int = typer.Option(8, help="At most this many examples per label and treaty."),
    per_label: int = typer.Option(600, help="At most this many examples per label in all."),
) -> None:
    """Derive weakly-labelled clauses (disclaimers from exception articles, recitals from
    preambles) from ToTA's structure, for `servanda train --weak-data`. Reserved documents
    and all gold-set documents are excluded.

    Example: servanda weak-labels --out annotations/work/weak_tota.jsonl
    """
    from . import gold
    from .classify.weak import write_weak_data

    counts = write_weak_data(out, tota or gold.SHARED_CORPORA / "tota" / "xml", per_document=per_document,
                             per_label=per_label)
    typer.echo(f"{out}: {dict(sorted(counts.items()))}")


@app.command()
def compare(
    split: str = typer.Option("test", help="Gold split to score on."),
    model: Path = typer.Option(None, help="Fine-tuned model directory (default models/clause-minilm)."),
    out: Path = typer.Option(None, help="Write the comparison as JSON here."),
) -> None:
    """Baselines side by side with the fine-tuned classifier on gold clauses of one split.

    Example: servanda compare --split test --out out/compare.json
    """
    import json

    from .classify.compare import compare as run_compare, format_table
    from .classify.model import DEFAULT_MODEL_DIR

    model_dir = model or DEFAULT_MODEL_DIR
    result = run_compare(split, model_dir if (Path(model_dir) / "config.json").exists() else None)
    typer.echo(format_table(result))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")


def _register_subcommands() -> None:
    from .cli_annotations import app as annotations_app

    app.add_typer(annotations_app, name="annotations")


_register_subcommands()


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
