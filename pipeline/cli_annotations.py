"""`servanda annotations …`: drafting, compiling, validating and converting the gold set."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import gold

app = typer.Typer(help="Work with the hand-annotated gold set (annotations/gold.jsonl).",
                  no_args_is_help=True)


def _write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def draft(
    path: Path = typer.Argument(..., help="Document to annotate (project-relative path)."),
    out: Optional[Path] = typer.Option(None, help="Work file (default annotations/work/<doc_id>.jsonl)."),
    region: list[str] = typer.Option([], help="Annotated region START:END (character offsets); repeatable."),
    doc_type: str = typer.Option("agreement", help="agreement | declaration | news | trade_agreement"),
) -> None:
    """Pre-segment a document into a work file for hand annotation.

    Example: servanda annotations draft ../shared/corpora/extra/ua_de_security_2024.txt
    Every clause line gets label "?" — the annotator must set each one, fix boundaries by
    editing the quoted text (merge or split lines), and add entity lines.
    """
    from .langid import LanguageIdentifier
    from .reader import read_document
    from .segment import Segmenter

    doc = Segmenter()(LanguageIdentifier()(read_document(path)))
    regions = [[int(x) for x in r.split(":")] for r in region] or None
    header = {"doc_id": doc.doc_id, "path": str(path), "lang": doc.lang, "parties": [],
              "doc_type": doc_type}
    if regions:
        header["regions"] = regions
    lines = [header]
    for c in doc.clauses:
        if regions is None or any(rs <= c.start and c.end <= re_ for rs, re_ in regions):
            lines.append({"clause": c.text, "label": "?", "kind": c.kind})
    target = out or gold.WORK_DIR / f"{doc.doc_id}.jsonl"
    _write_jsonl(target, lines)
    typer.echo(f"{target}: {len(lines) - 1} clauses drafted")


@app.command("compile")
def compile_(
    work_files: list[Path] = typer.Argument(..., help="Work files to compile."),
    out: Path = typer.Option(gold.GOLD_PATH, help="Gold JSONL to update (records replaced by doc_id)."),
) -> None:
    """Compile work files into stand-off gold records and merge them into the gold file.

    Example: servanda annotations compile annotations/work/*.jsonl
    """
    splits = gold.load_splits()
    existing = {r["doc_id"]: r for r in gold.load_jsonl(out)} if out.exists() else {}
    failed = 0
    for wf in work_files:
        try:
            record = gold.compile_work_file(gold.load_jsonl(wf))
        except (gold.WorkFileError, KeyError, json.JSONDecodeError) as exc:
            typer.echo(f"{wf}: {exc}", err=True)
            failed += 1
            continue
        if record["doc_id"] in splits:
            record["split"] = splits[record["doc_id"]]
        report = gold.validate_record(record)
        for e in report.errors[:20]:
            typer.echo(f"{wf}: {e}", err=True)
        failed += not report.ok
        existing[record["doc_id"]] = record
        typer.echo(f"{wf}: {len(record['clauses'])} clauses, {len(record['entities'])} entities"
                   f"{'' if report.ok else f', {len(report.errors)} problems'}")
    _write_jsonl(out, [existing[k] for k in sorted(existing)])
    raise typer.Exit(1 if failed else 0)


@app.command()
def validate(gold_file: Path = typer.Argument(gold.GOLD_PATH, help="Gold JSONL.")) -> None:
    """Check offsets, overlaps, coverage, labels, attributes and text_sha256 of every record.

    Example: servanda annotations validate annotations/gold.jsonl
    """
    bad = 0
    for record in gold.load_jsonl(gold_file):
        report = gold.validate_record(record)
        for e in report.errors:
            typer.echo(f"{report.doc_id}: {e}")
        bad += not report.ok
    typer.echo(f"{bad} document(s) with problems")
    raise typer.Exit(1 if bad else 0)


@app.command("stats")
def stats_(gold_file: Path = typer.Argument(gold.GOLD_PATH, help="Gold JSONL.")) -> None:
    """Counts per label, per split, per language and per document type.

    Example: servanda annotations stats
    """
    import pandas as pd

    tables = gold.stats(gold.load_jsonl(gold_file))
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        for name, table in tables.items():
            typer.echo(f"\n== {name} ==\n{table}")


@app.command("export")
def export(
    out: Path = typer.Argument(..., help="Label Studio tasks JSON to write."),
    gold_file: Path = typer.Option(gold.GOLD_PATH, help="Gold JSONL."),
    doc_id: list[str] = typer.Option([], help="Only these documents (repeatable)."),
) -> None:
    """Export gold records as Label Studio tasks (with pre-annotations) for correction.

    Example: servanda annotations export /tmp/tasks.json --doc-id 001_35aa4428eebad88a
    Use the labelling config printed by `servanda annotations label-studio-config`.
    """
    records = [r for r in gold.load_jsonl(gold_file) if not doc_id or r["doc_id"] in doc_id]
    out.write_text(json.dumps([gold.to_label_studio(r) for r in records], ensure_ascii=False, indent=1),
                   encoding="utf-8")
    typer.echo(f"{out}: {len(records)} tasks")


@app.command("import")
def import_(
    tasks: Path = typer.Argument(..., help="Label Studio JSON export."),
    out: Path = typer.Option(gold.GOLD_PATH, help="Gold JSONL to update."),
) -> None:
    """Import corrected Label Studio tasks back into the gold file (validated first).

    Example: servanda annotations import /tmp/tasks.json
    """
    existing = {r["doc_id"]: r for r in gold.load_jsonl(out)} if out.exists() else {}
    bad = 0
    for task in json.loads(tasks.read_text(encoding="utf-8")):
        record = gold.from_label_studio(task)
        report = gold.validate_record(record)
        for e in report.errors:
            typer.echo(f"{report.doc_id}: {e}", err=True)
        if report.ok:
            existing[record["doc_id"]] = record
        bad += not report.ok
    _write_jsonl(out, [existing[k] for k in sorted(existing)])
    raise typer.Exit(1 if bad else 0)


@app.command("label-studio-config")
def label_studio_config() -> None:
    """Print the Label Studio labelling configuration matching the export."""
    typer.echo(gold.LABEL_STUDIO_CONFIG)


@app.command()
def workfile(doc_id: str, gold_file: Path = typer.Option(gold.GOLD_PATH, help="Gold JSONL."),
             out: Optional[Path] = typer.Option(None, help="Default annotations/work/<doc_id>.jsonl")) -> None:
    """Regenerate the editable work file of a gold document (to correct it by hand).

    Example: servanda annotations workfile 001_35aa4428eebad88a
    """
    record = next((r for r in gold.load_jsonl(gold_file) if r["doc_id"] == doc_id), None)
    if record is None:
        raise typer.BadParameter(f"{doc_id} is not in {gold_file}")
    target = out or gold.WORK_DIR / f"{doc_id}.jsonl"
    _write_jsonl(target, gold.work_lines_from_gold(record))
    typer.echo(str(target))
