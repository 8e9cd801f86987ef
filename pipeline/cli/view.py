"""`servanda view` (a static site of a run's output) and `servanda table` (who committed
to what, as CSV or Parquet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from . import app, fail


def _records(pred: Path) -> list[dict[str, Any]]:
    from ..jsonl import JsonlError, read_jsonl

    try:
        records = read_jsonl(pred, require="doc_id")
    except JsonlError as err:
        fail(str(err))
    for n, record in enumerate(records, 1):
        if not isinstance(record.get("clauses"), list) or "path" not in record:
            fail(
                f"{pred}: record {n} ({record['doc_id']}) has no clauses/path: "
                "expected the documents format of `servanda run` (not --format clauses)"
            )
    return records


@app.command()
def view(
    pred: Path = typer.Argument(..., help="Output of `servanda run` (documents format)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the site (index.html, docs/, assets/)."),
    root: Optional[list[Path]] = typer.Option(
        None, help="Folder the records' relative paths are under (default: the current folder and PRED's folder)."
    ),
) -> None:
    """A static site of the run, opened from disk (no server, no network): a page per
    document with its clauses shaded by label, entities, parties, officials and a table of
    its commitments with filters; an index with every document and who committed to what.

    Example: servanda view out/pred.jsonl --out out/site   (then open out/site/index.html)

    The text of each page is read from the record's path and checked against its
    text_sha256; when the file is missing or has changed, the page is rebuilt from the
    clause texts and says so.
    """
    from ..view import build_site

    records = _records(pred)
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file; name a folder")
    roots = list(root or []) or [Path("."), pred.parent]
    summary = build_site(records, out, roots)
    for note in summary.notes[:20]:
        typer.echo(f"  note: {note}", err=True)
    typer.echo(f"{summary.pages} document pages -> {summary.index}", err=True)


@app.command()
def table(
    pred: Path = typer.Argument(..., help="Output of `servanda run` (documents format)."),
    out: Path = typer.Option(..., "--out", "-o", help="FILE.csv or FILE.parquet."),
) -> None:
    """Who committed to what across documents: one row per (party, commitment) with its
    document, clause, strength, conditional, beneficiaries, co-actors, score, text and the
    link to its clause in `servanda view`'s site, as CSV or Parquet.

    Example: servanda table out/pred.jsonl --out out/commitments.parquet
    """
    from ..table import TABLE_SUFFIXES, commitment_rows, write_table

    if out.suffix.lower() not in TABLE_SUFFIXES:
        fail(f"--out {out}: the file name must end in one of {', '.join(TABLE_SUFFIXES)}")
    rows = commitment_rows(_records(pred))
    try:
        write_table(rows, out)
    except ImportError as err:
        fail(f"`servanda table` needs the extra [view] ({err.name} is not installed): pip install 'servanda[view]'")
    typer.echo(f"{len(rows)} rows -> {out}", err=True)
