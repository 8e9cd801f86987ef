"""`servanda annotations …`: drafting, compiling, validating and converting the gold set.

Every command reads and writes the gold file named by ``--gold`` (default:
``annotations/gold.jsonl`` in the current folder, so a command run elsewhere never
rewrites the project's gold set by accident), and says what it wrote.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Any, Optional

import typer

from .. import gold
from ..jsonl import JsonlError, read_jsonl, write_jsonl
from . import fail

app = typer.Typer(help="Work with the hand-annotated gold set (annotations/gold.jsonl).", no_args_is_help=True)

DEFAULT_GOLD = Path("annotations") / "gold.jsonl"
DEFAULT_WORK = Path("annotations") / "work"
Genre = enum.Enum("Genre", {g: g for g in gold.GENRES}, type=str)  # type: ignore[misc]

GOLD_OPTION = typer.Option(DEFAULT_GOLD, "--gold", help="Gold JSONL (default: annotations/gold.jsonl here).")


def _root(gold_file: Path) -> Path:
    """The project a gold file belongs to (its ``path`` fields are relative to it)."""
    return gold_file.resolve().parent.parent


def _records(gold_file: Path, must_exist: bool = True) -> list[dict[str, Any]]:
    if not gold_file.exists() and not must_exist:
        return []
    try:
        return read_jsonl(gold_file, require="doc_id")
    except JsonlError as err:
        fail(f"{err}" + (" (run it in the project folder, or pass --gold)" if not gold_file.exists() else ""))


def _write_gold(gold_file: Path, records: dict[str, dict[str, Any]], what: str) -> None:
    write_jsonl(gold_file, [records[k] for k in sorted(records)])
    typer.echo(f"{what}; {gold_file} now holds {len(records)} documents")


@app.command()
def draft(
    path: Path = typer.Argument(..., help="Document to annotate (a path relative to the project)."),
    out: Optional[Path] = typer.Option(None, help="Work file (default annotations/work/<doc_id>.jsonl here)."),
    region: list[str] = typer.Option([], help="Annotated region START:END (character offsets); repeatable."),
    doc_type: Genre = typer.Option("agreement", help="The document's genre (annotations/NOTES.md defines them)."),
) -> None:
    """Pre-segment a document into a work file for hand annotation.

    Example: servanda annotations draft ../shared/corpora/extra/ua_de_security_2024.txt
    Every clause line gets label "?" — the annotator must set each one, fix boundaries by
    editing the quoted text (merge or split lines), and add entity lines.
    """
    from ..reader import ReadError, read_document
    from ..runner import build_pipeline

    try:
        regions = [[int(x) for x in r.split(":")] for r in region] or None
    except ValueError:
        fail(f"--region takes START:END character offsets, not {region}")
    try:
        doc = build_pipeline(until="segment")(read_document(path))
    except ReadError as err:
        fail(f"{path}: {err}")
    header = {"doc_id": doc.doc_id, "path": str(path), "lang": doc.lang, "parties": [], "doc_type": doc_type.value}
    if regions:
        header["regions"] = regions
    lines: list[dict[str, Any]] = [header]
    for c in doc.clauses:
        if regions is None or any(rs <= c.start and c.end <= re_ for rs, re_ in regions):
            lines.append({"clause": c.text, "label": "?", "kind": c.kind})
    target = out or DEFAULT_WORK / f"{doc.doc_id}.jsonl"
    write_jsonl(target, lines)
    typer.echo(f"{target}: {len(lines) - 1} clauses drafted")


@app.command("compile")
def compile_(
    work_files: list[Path] = typer.Argument(..., help="Work files to compile."),
    gold_file: Path = GOLD_OPTION,
) -> None:
    """Compile work files into stand-off gold records and merge them into the gold file
    (records replaced by doc_id; splits from splits.json beside it).

    Example: servanda annotations compile annotations/work/*.jsonl
    """
    splits = gold.load_splits(gold_file.parent / "splits.json")
    existing = {r["doc_id"]: r for r in _records(gold_file, must_exist=False)}
    root = _root(gold_file)
    failed = compiled = 0
    for wf in work_files:
        try:
            record = gold.compile_work_file(read_jsonl(wf), root)
        except (gold.WorkFileError, JsonlError, KeyError, OSError) as exc:
            typer.echo(f"{wf}: not compiled: {exc}", err=True)
            failed += 1
            continue
        if record["doc_id"] in splits:
            record["split"] = splits[record["doc_id"]]
        report = gold.validate_record(record, root)
        for e in report.errors[:20]:
            typer.echo(f"{wf}: {e}", err=True)
        failed += not report.ok
        existing[record["doc_id"]] = record
        compiled += 1
        typer.echo(
            f"{wf}: {len(record['clauses'])} clauses, {len(record['entities'])} entities"
            f"{'' if report.ok else f', {len(report.errors)} problems'}"
        )
    if compiled:
        _write_gold(gold_file, existing, f"compiled {compiled} work file(s)")
    raise typer.Exit(1 if failed else 0)


@app.command()
def validate(gold_file: Path = typer.Argument(DEFAULT_GOLD, help="Gold JSONL.")) -> None:
    """Check offsets, overlaps, coverage, labels, attributes, genre, text_sha256 of every
    record, and that no document sits in two splits.

    Example: servanda annotations validate annotations/gold.jsonl
    """
    records = _records(gold_file)
    root = _root(gold_file)
    bad = 0
    for record in records:
        report = gold.validate_record(record, root)
        for e in report.errors:
            typer.echo(f"{report.doc_id}: {e}")
        bad += not report.ok
    split_problems = gold.validate_splits(records, gold_file.parent / "splits.json")
    for problem in split_problems:
        typer.echo(f"splits: {problem}")
    typer.echo(f"{len(records)} documents, {bad} with problems, {len(split_problems)} split problems")
    raise typer.Exit(1 if bad or split_problems else 0)


@app.command("stats")
def stats_(gold_file: Path = typer.Argument(DEFAULT_GOLD, help="Gold JSONL.")) -> None:
    """Counts per label, split, language and genre, and documents by genre × language × split.

    Example: servanda annotations stats
    """
    import pandas as pd

    tables = gold.stats(_records(gold_file))
    with pd.option_context("display.width", 200, "display.max_rows", 200, "display.max_columns", 50):
        for name, table in tables.items():
            typer.echo(f"\n== {name} ==\n{table}")


@app.command("export")
def export(
    out: Path = typer.Argument(..., help="Label Studio tasks JSON to write."),
    gold_file: Path = GOLD_OPTION,
    doc_id: list[str] = typer.Option([], help="Only these documents (repeatable)."),
) -> None:
    """Export gold records as Label Studio tasks whose labels arrive as predictions, for
    the annotator to correct (they become ground truth once submitted in Label Studio).

    Example: servanda annotations export /tmp/tasks.json --doc-id 001_35aa4428eebad88a
    Use the labelling config printed by `servanda annotations label-studio-config`.
    """
    records = [r for r in _records(gold_file) if not doc_id or r["doc_id"] in doc_id]
    missing = sorted(set(doc_id) - {r["doc_id"] for r in records})
    if missing:
        fail(f"not in {gold_file}: {', '.join(missing)}")
    root = _root(gold_file)
    out.write_text(
        json.dumps([gold.to_label_studio(r, root) for r in records], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    typer.echo(f"{out}: {len(records)} tasks")


@app.command("import")
def import_(
    tasks: Path = typer.Argument(..., help="Label Studio JSON export (Export → JSON)."),
    gold_file: Path = GOLD_OPTION,
) -> None:
    """Import corrected Label Studio tasks into the gold file. Each task's newest submitted
    annotation is taken (skipped ones are not); a region's attributes (actors, strength,
    id, role…) come from its per-region controls, and the parties from the parties box.
    Records that fail validation are refused and listed, the others are written.

    Example: servanda annotations import /tmp/export.json
    """
    try:
        data = json.loads(tasks.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{tasks}: file not found")
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        fail(f"{tasks}: not a Label Studio JSON export ({err}); export with Export → JSON (not JSON-MIN or JSONL)")
    if not isinstance(data, list) or not all(isinstance(t, dict) and "data" in t for t in data):
        fail(f"{tasks}: not a Label Studio JSON export (a list of tasks with 'data'); use Export → JSON")
    existing = {r["doc_id"]: r for r in _records(gold_file, must_exist=False)}
    root = _root(gold_file)
    accepted, refused = [], []
    for task in data:
        try:
            record = gold.from_label_studio(task)
        except gold.LabelStudioError as err:
            refused.append(f"task {task.get('id', '?')}: {err}")
            continue
        report = gold.validate_record(record, root)
        if report.ok:
            existing[record["doc_id"]] = record
            accepted.append(record["doc_id"])
        else:
            refused.append(f"{report.doc_id}: " + "; ".join(report.errors[:5]))
    for line in refused:
        typer.echo(f"refused {line}", err=True)
    if accepted:
        _write_gold(gold_file, existing, f"imported {len(accepted)} document(s): {', '.join(accepted)}")
    else:
        typer.echo("nothing imported", err=True)
    raise typer.Exit(1 if refused else 0)


@app.command("label-studio-config")
def label_studio_config() -> None:
    """Print the Label Studio labelling configuration matching the export: clause and
    entity labels, and per-region controls for their attributes (a commitment's actors,
    beneficiaries, strength, conditional; an entity's id; an official's role, affiliation,
    name), shown while a region with that label is selected.

    Example: servanda annotations label-studio-config > /tmp/config.xml
    """
    typer.echo(gold.LABEL_STUDIO_CONFIG)


@app.command()
def workfile(
    doc_id: str,
    gold_file: Path = GOLD_OPTION,
    out: Optional[Path] = typer.Option(None, help="Default annotations/work/<doc_id>.jsonl here."),
) -> None:
    """Regenerate the editable work file of a gold document (to correct it by hand).

    Example: servanda annotations workfile 001_35aa4428eebad88a
    """
    record = next((r for r in _records(gold_file) if r["doc_id"] == doc_id), None)
    if record is None:
        fail(f"{doc_id} is not in {gold_file}")
    target = out or DEFAULT_WORK / f"{doc_id}.jsonl"
    write_jsonl(target, gold.work_lines_from_gold(record, _root(gold_file)))
    typer.echo(str(target))


@app.command("agreement")
def agreement_(
    first: Path = typer.Argument(..., help="Gold JSONL of the first annotator."),
    second: Path = typer.Argument(..., help="Gold JSONL of the second annotator (same documents)."),
    root: Path = typer.Option(Path("."), help="Folder the records' `path` fields are relative to."),
) -> None:
    """Inter-annotator agreement of two annotations of the same documents: Cohen's kappa
    and per-label F1 on aligned clauses, entity F1 by type, commitment attributes.

    Example: servanda annotations agreement /tmp/a.jsonl /tmp/b.jsonl
    """
    from ..gold.agreement import agreement

    result = agreement(_records(first), _records(second), root)
    if not result["documents"]:
        fail(f"{first} and {second} share no document")
    typer.echo(json.dumps(result, indent=1, ensure_ascii=False))
