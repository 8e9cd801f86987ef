"""Presenting the metrics of :func:`pipeline.evaluate.score`.

Everything here reads only the metrics dict (the content of metrics.json), so a
report can be rebuilt later from a saved file. The tables are built once, as pandas
frames by :func:`sections`, and then rendered three ways: a rich table in the
terminal, Markdown and HTML.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any, Optional

import pandas as pd

from ..records import ENTITY_LABELS, LABELS

HEADLINE_TITLES = {
    "clause_macro_f1": "Clause macro-F1 (commitment, recital, disclaimer)",
    "commitment_f1": "Commitment F1",
    "disclaimer_recall": "Disclaimer recall",
    "segmentation_boundary_f1": "Segmentation boundary F1",
    "party_strict_f1": "PARTY strict F1",
    "official_strict_f1": "OFFICIAL strict F1",
}
PRF_COLUMNS = ["precision", "recall", "f1", "support"]
REPORT_FILES = ("report.md", "report.html", "confusion_matrix.png", "per_document.csv")


# --------------------------------------------------------------------------- frames


def write_metrics(metrics: dict[str, Any], path: str | os.PathLike) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def documents_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    docs = metrics["documents"]
    counts = {k: (len(v) if isinstance(v, list) else v) for k, v in docs.items()}
    return pd.DataFrame({"documents": counts})


def headline_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    rows = {
        HEADLINE_TITLES.get(name, name): {"estimate": h["estimate"], "CI low": h["low"], "CI high": h["high"]}
        for name, h in metrics["headline"].items()
    }
    return pd.DataFrame.from_dict(rows, orient="index")


BREAKDOWN_FIGURES = ("clause_macro_f1", "commitment_f1", "disclaimer_recall")


def breakdown_frame(metrics: dict[str, Any], key: str) -> pd.DataFrame:
    """Macro-F1, commitment F1 and disclaimer recall with their intervals, per genre
    (``by_genre``) or per language (``by_lang``)."""
    rows = {}
    for group, block in metrics.get(key, {}).items():
        row: dict[str, Any] = {"documents": block["documents"], "commitments": block["gold_clauses"]["commitment"]}
        for name in BREAKDOWN_FIGURES:
            h = block["headline"][name]
            interval = "" if h["low"] is None else f" [{h['low']:.2f}, {h['high']:.2f}]"
            row[HEADLINE_TITLES.get(name, name)] = "—" if h["estimate"] is None else f"{h['estimate']:.3f}{interval}"
        rows[group] = row
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "genre" if key == "by_genre" else "language"
    return frame


def calibration_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    block = metrics.get("calibration", {})
    rows = {lang: v for lang, v in block.get("by_lang", {}).items()}
    if block.get("all"):
        rows["all"] = block["all"]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["ece", "clauses"])
    frame.index.name = "language"
    return frame


def _prf_rows(block: dict[str, dict], names) -> dict[str, dict]:
    return {name: {col: block[name][col] for col in PRF_COLUMNS} for name in names}


def label_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    clauses = metrics["clauses"]
    rows = _prf_rows(clauses["labels"], LABELS)
    rows["micro"] = {col: clauses["micro"][col] for col in PRF_COLUMNS}
    rows["macro (3 labels)"] = {**clauses["macro"], "support": None}
    frame = pd.DataFrame.from_dict(rows, orient="index")[PRF_COLUMNS]
    return frame.astype({"support": "Int64"})  # stays integer despite the macro row's gap


def confusion_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    """Rows: gold label, columns: predicted label; 'unmatched' collects clauses the
    other side has no aligned counterpart for."""
    confusion = metrics["clauses"]["confusion"]
    frame = pd.DataFrame.from_dict(confusion["matrix"], orient="index")
    frame = frame.loc[confusion["labels"], confusion["labels"]]
    frame.index.name, frame.columns.name = "gold", "predicted"
    return frame


def segmentation_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    seg = metrics["segmentation"]
    blocks = {"all": seg, **seg["by_lang"]}
    rows = {
        name: {
            "boundary P": b["boundary"]["precision"],
            "boundary R": b["boundary"]["recall"],
            "boundary F1": b["boundary"]["f1"],
            "overlap-matched rate": b["overlap_matched"]["rate"],
            "gold clauses": b["overlap_matched"]["gold"],
        }
        for name, b in blocks.items()
    }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("lang")


def entity_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    ents = metrics["entities"]
    rows = {}
    for label in list(ENTITY_LABELS) + ["micro"]:
        strict, partial = ents["strict"][label], ents["partial"][label]
        rows[label] = {
            "strict P": strict["precision"],
            "strict R": strict["recall"],
            "strict F1": strict["f1"],
            "partial P": partial["precision"],
            "partial R": partial["recall"],
            "partial F1": partial["f1"],
            "support": strict["support"],
            "id accuracy": ents["id_accuracy"].get(label if label != "micro" else "all", {}).get("accuracy"),
        }
    rows["OFFICIAL"]["id accuracy"] = None  # officials are scored on affiliation instead
    return pd.DataFrame.from_dict(rows, orient="index")


def entity_lang_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    rows = {
        lang: {
            "strict F1": block["strict"]["micro"]["f1"],
            "partial F1": block["partial"]["micro"]["f1"],
            "PARTY strict F1": block["strict"]["PARTY"]["f1"],
            "OFFICIAL strict F1": block["strict"]["OFFICIAL"]["f1"],
            "OFFICIAL name accuracy": block["official_name_accuracy"]["accuracy"],
            "id accuracy": block["id_accuracy"]["all"]["accuracy"],
            "party-set accuracy": block["party_set_accuracy"]["accuracy"],
        }
        for lang, block in metrics["entities"]["by_lang"].items()
    }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("lang")


def accuracy_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    ents, attrs, lang = metrics["entities"], metrics["attributes"], metrics["language"]
    named = {
        "party set (document)": ents["party_set_accuracy"],
        "entity id (PARTY/STATE/ORG)": ents["id_accuracy"]["all"],
        "OFFICIAL affiliation": ents["official_affiliation_accuracy"],
        "OFFICIAL affiliation, where given": ents["official_affiliation_given_accuracy"],
        "OFFICIAL name (dictionary form)": ents["official_name_accuracy"],
        "document language": lang["document_accuracy"],
        "clause language": lang["clause_accuracy"],
        **{f"commitment {name}": attrs[name] for name in ("actors", "beneficiaries", "strength", "conditional")},
    }
    return pd.DataFrame.from_dict(named, orient="index")[["accuracy", "correct", "total"]]


def per_document_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(metrics["per_document"]).set_index("doc_id")


def sections(metrics: dict[str, Any], with_documents: bool = True) -> list[tuple[str, pd.DataFrame]]:
    """The report's tables, in reading order."""
    out = [
        ("Documents", documents_frame(metrics)),
        (f"Headline figures ({int(_confidence(metrics) * 100)}% bootstrap CI)", headline_frame(metrics)),
        ("Clause labels", label_frame(metrics)),
        ("Confusion matrix (rows gold, columns predicted)", confusion_frame(metrics)),
        ("Segmentation", segmentation_frame(metrics)),
        ("Entities", entity_frame(metrics)),
        ("Entities by language", entity_lang_frame(metrics)),
        ("Accuracies", accuracy_frame(metrics)),
        ("By genre", breakdown_frame(metrics, "by_genre")),
        ("By language", breakdown_frame(metrics, "by_lang")),
        ("Calibration of clause scores (expected calibration error, 10 bins)", calibration_frame(metrics)),
    ]
    if with_documents:
        out.append(("Per document", per_document_frame(metrics)))
    return out


def _confidence(metrics: dict[str, Any]) -> float:
    return metrics.get("config", {}).get("confidence", 0.95)


# --------------------------------------------------------------------------- figure


def confusion_figure(metrics: dict[str, Any]):
    """A matplotlib Figure of the confusion matrix: cells coloured by the share of
    their gold row (so rare labels stay readable), annotated with counts. Built on
    the Agg canvas directly, without pyplot, so no global backend is switched."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    frame = confusion_frame(metrics)
    counts = frame.to_numpy()
    row_sums = counts.sum(axis=1, keepdims=True)
    shares = counts / row_sums.clip(min=1)
    fig = Figure(figsize=(6.4, 5.2), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(frame.columns)), frame.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(frame.index)), frame.index)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title("Clause labels: confusion matrix")
    for (r, c), n in pd.DataFrame(counts).stack().items():
        ax.text(c, r, str(n), ha="center", va="center", color="white" if shares[r, c] > 0.6 else "black")
    fig.colorbar(image, ax=ax, label="share of gold row")
    return fig


# --------------------------------------------------------------------------- rendering


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _formatted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).map(_cell)


def markdown_table(frame: pd.DataFrame) -> str:
    """GitHub Markdown; written here because pandas needs `tabulate` for it."""
    shown = _formatted(frame)
    header = [frame.index.name or ""] + [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, row in shown.iterrows():
        cells = [str(index)] + list(row)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def _problems(metrics: dict[str, Any]) -> list[str]:
    docs = metrics["documents"]
    lines = [f"refused {e['doc_id']}: {e['message']}" for e in metrics["errors"]]
    if docs["missing"]:
        lines.append(f"missing from predictions (scored as misses): {', '.join(docs['missing'])}")
    if docs["extra"]:
        lines.append(f"predicted but not in gold (ignored): {', '.join(docs['extra'])}")
    if docs["text_from_offsets"]:
        lines.append(
            "text file unavailable or changed, offsets used untrimmed: " + ", ".join(docs["text_from_offsets"])
        )
    return lines


def render_markdown(metrics: dict[str, Any], image: Optional[str] = "confusion_matrix.png") -> str:
    split = metrics["config"].get("split")
    parts = [f"# servanda evaluation{f' — split {split}' if split else ''}", ""]
    parts += [f"- {line}" for line in _problems(metrics)] + [""]
    for title, frame in sections(metrics):
        parts += [f"## {title}", "", markdown_table(frame), ""]
        if image and title.startswith("Confusion"):
            parts += [f"![confusion matrix]({image})", ""]
    return "\n".join(parts)


def render_html(metrics: dict[str, Any], image: Optional[str] = "confusion_matrix.png") -> str:
    split = metrics["config"].get("split")
    title = html.escape(f"servanda evaluation{f' — split {split}' if split else ''}")
    body = [f"<h1>{title}</h1>"]
    problems = _problems(metrics)
    if problems:
        body.append("<ul>" + "".join(f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>")
    for name, frame in sections(metrics):
        body.append(f"<h2>{html.escape(name)}</h2>")
        body.append(_formatted(frame).to_html(escape=True, border=0, classes="metrics"))
        if image and name.startswith("Confusion"):
            body.append(f'<img src="{html.escape(image)}" alt="confusion matrix">')
    style = (
        "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}"
        "table.metrics{border-collapse:collapse;margin-bottom:1em}"
        "table.metrics td,table.metrics th{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
        "table.metrics th{background:#f3f3f3}img{max-width:40em}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def write_report(metrics: dict[str, Any], out_dir: str | os.PathLike) -> dict[str, Path]:
    """report.md, report.html, confusion_matrix.png and per_document.csv in out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in REPORT_FILES}
    confusion_figure(metrics).savefig(paths["confusion_matrix.png"], dpi=120)
    per_document_frame(metrics).to_csv(paths["per_document.csv"])
    paths["report.md"].write_text(render_markdown(metrics), encoding="utf-8")
    paths["report.html"].write_text(render_html(metrics), encoding="utf-8")
    return paths


def print_summary(metrics: dict[str, Any], console=None) -> None:
    """The report's tables, less the per-document one, as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    for line in _problems(metrics):
        console.print(f"! {line}", style="yellow", markup=False, highlight=False)
    for title, frame in sections(metrics, with_documents=False):
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column(frame.index.name or "", style="bold")
        for column in frame.columns:
            table.add_column(str(column), justify="right")
        for index, row in _formatted(frame).iterrows():
            table.add_row(str(index), *row)
        console.print(table)
