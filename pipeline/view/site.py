"""Writing the pages (see the package docstring)."""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import LABELS
from ..table import NO_ACTOR, commitment_rows, page_name, party_summary
from .assets import CSS, ENTITY_COLOURS, JS
from .text import page_text

esc = html.escape


@dataclass
class SiteSummary:
    index: Path
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # documents whose text was rebuilt, and why


def build_site(records: list[dict[str, Any]], out: Path, roots: list[Path]) -> SiteSummary:
    """Write the site for ``records`` (documents of ``servanda run``) into ``out``; the
    files at the records' paths are looked for as given and under each of ``roots``."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "assets").mkdir(exist_ok=True)
    (out / "assets" / "view.css").write_text(CSS, encoding="utf-8")
    (out / "assets" / "view.js").write_text(JS, encoding="utf-8")
    summary = SiteSummary(index=out / "index.html")
    for record in records:
        shown = page_text(record, roots)
        if shown.note:
            summary.notes.append(f"{record['doc_id']}: {shown.note}")
        (out / page_name(record["doc_id"])).write_text(document_page(record, shown), encoding="utf-8")
        summary.pages += 1
    summary.index.write_text(index_page(records), encoding="utf-8")
    return summary


def _head(title: str, prefix: str) -> str:
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f'<link rel="stylesheet" href="{prefix}assets/view.css"><script src="{prefix}assets/view.js"></script>'
        "</head><body>\n"
    )


def _legend() -> str:
    labels = "".join(f'<span class="sw sw-{label}">{label}</span>' for label in LABELS)
    entities = "".join(f'<mark class="ent esw-{label}">{label}</mark>' for label in ENTITY_COLOURS)
    return f'<p class="legend">Clauses: {labels} Entities: {entities}</p>\n'


def _ids(values: list[str] | None) -> str:
    return ", ".join(values or []) or "—"


def marked_text(text: str, clauses: list[dict[str, Any]], entities: list[dict[str, Any]], rebuilt: bool) -> str:
    """The text as HTML: each clause a ``span.cl`` (id ``c<i>``) shaded by label, each
    entity a ``mark.ent`` with its type and canonical id on hover, split where it crosses
    a clause boundary. Offsets index ``text`` as the record does."""
    cuts = {0, len(text)}
    for span in (*clauses, *entities):
        cuts.update((max(0, min(len(text), span["start"])), max(0, min(len(text), span["end"]))))
    points = sorted(cuts)
    order = sorted(range(len(clauses)), key=lambda i: clauses[i]["start"])
    starts = [clauses[i]["start"] for i in order]
    ents = sorted(entities, key=lambda e: (e["start"], -e["end"]))
    ent_starts = [e["start"] for e in ents]
    out: list[str] = []
    open_clause = None
    for a, b in zip(points, points[1:]):
        k = bisect_right(starts, a) - 1  # clauses do not overlap: the last one starting at or before a
        clause = order[k] if k >= 0 and b <= clauses[order[k]]["end"] else None
        if clause != open_clause:
            if open_clause is not None:
                out.append("</span>")
            if clause is not None:
                out.append(_clause_open(clause, clauses[clause]))
            open_clause = clause
        piece = text[a:b]
        if clause is None and rebuilt:
            out.append("\n" if a > 0 else "")
            continue
        k = bisect_right(ent_starts, a)
        entity = next((e for e in reversed(ents[max(0, k - 4) : k]) if b <= e["end"]), None)
        if entity is not None and piece.strip():
            out.append(_entity(entity, piece))
        else:
            out.append(esc(piece))
    if open_clause is not None:
        out.append("</span>")
    return "".join(out)


def _clause_open(i: int, clause: dict[str, Any]) -> str:
    label = clause.get("label") or "other"
    score = clause.get("score")
    hover = f"{label}" + (f" · {score:.2f}" if isinstance(score, (int, float)) else "")
    if label == "commitment":
        hover += f" · {clause.get('strength')} · actors {_ids(clause.get('actors'))}"
    return (
        f'<span class="cl cl-{esc(label)}" id="c{i}" data-label="{esc(label)}" '
        f'data-actors="{esc(" ".join(clause.get("actors") or []))}" '
        f'data-score="{score if score is not None else 0}" title="{esc(hover)}">'
    )


def _entity(entity: dict[str, Any], piece: str) -> str:
    label = entity.get("label", "ORG")
    if label == "OFFICIAL":
        hover = f"OFFICIAL · {entity.get('role') or '?'} · {entity.get('affiliation') or '?'}"
        ident = entity.get("affiliation") or ""
    else:
        ident = entity.get("id") or ""
        hover = f"{label} · {ident or 'no id'}"
    return (
        f'<mark class="ent ent-{esc(label)}" data-type="{esc(label)}" data-id="{esc(ident)}" '
        f'title="{esc(hover)}">{esc(piece)}</mark>'
    )


def document_page(record: dict[str, Any], shown: Any) -> str:
    clauses = record.get("clauses") or []
    entities = record.get("entities") or []
    officials = [e for e in entities if e.get("label") == "OFFICIAL"]
    seen: set[tuple[str, str, str]] = set()
    official_items = []
    for e in officials:
        key = (e.get("name") or e.get("text", ""), e.get("role") or "", e.get("affiliation") or "")
        if key not in seen:
            seen.add(key)
            official_items.append(
                f"<li>{esc(key[0])} — {esc(key[1] or 'role unknown')} ({esc(key[2] or 'affiliation unknown')})</li>"
            )
    actors = sorted({a for c in clauses for a in c.get("actors") or []} | set(record.get("parties") or []))
    counts = Counter(c.get("label") for c in clauses)
    parts = [_head(record["doc_id"], "../")]
    parts.append(
        f'<header class="doc"><p><a href="../index.html">All documents</a></p><h1>{esc(record["doc_id"])}</h1>'
        f"<p>Language {esc(str(record.get('lang') or '—'))} · format {esc(str(record.get('source_format') or 'txt'))}"
        f" · instrument {esc(str(record.get('instrument') or '—'))} · "
        + " · ".join(f"{counts.get(label, 0)} {label}" for label in LABELS)
        + f'</p><p>Parties: <span id="parties">{esc(_ids(record.get("parties")))}</span></p>'
        f'<p>Officials:</p><ul class="officials">{"".join(official_items) or "<li>none found</li>"}</ul></header>\n'
    )
    if shown.note:
        parts.append(f'<p class="note" id="note">{esc(shown.note)}</p>\n')
    for warning in record.get("warnings") or []:
        parts.append(f'<p class="note">{esc(warning)}</p>\n')
    parts.append(_legend())
    label_options = "".join(f'<option value="{label}">{label}</option>' for label in LABELS)
    actor_options = "".join(f'<option value="{esc(a)}">{esc(a)}</option>' for a in actors)
    parts.append(
        '<form class="filters" onsubmit="return false">'
        f'<label>Label <select id="f-label"><option value="">all</option>{label_options}</select></label> '
        f'<label>Actor <select id="f-actor"><option value="">any</option>{actor_options}</select></label> '
        '<label>Minimum score <input id="f-min" type="number" min="0" max="1" step="0.05" value="0"></label> '
        f'<span><span id="shown">{len(clauses)}</span> of {len(clauses)} clauses shown</span></form>\n'
    )
    parts.append(f'<div class="text" id="text">{marked_text(shown.text, clauses, entities, shown.rebuilt)}</div>\n')
    rows = []
    for i, c in enumerate(clauses):
        if c.get("label") != "commitment":
            continue
        score = c.get("score")
        rows.append(
            f'<tr id="r{i}"><td><a href="#c{i}">{esc(c.get("text", ""))}</a></td><td>{esc(_ids(c.get("actors")))}</td>'
            f"<td>{esc(_ids(c.get('beneficiaries')))}</td><td>{esc(str(c.get('strength')))}</td>"
            f"<td>{'yes' if c.get('conditional') else 'no'}</td>"
            f'<td data-v="{score if score is not None else 0}">{"" if score is None else f"{score:.2f}"}</td></tr>'
        )
    parts.append(
        '<h2>Commitments</h2><table class="sortable" id="commitments"><thead><tr>'
        '<th data-key="text">text</th><th data-key="actors">actors</th><th data-key="beneficiaries">beneficiaries</th>'
        '<th data-key="strength">strength</th><th data-key="conditional">conditional</th>'
        '<th data-key="score" data-type="num">score</th></tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>\n</body></html>\n"
    )
    return "".join(parts)


def index_page(records: list[dict[str, Any]]) -> str:
    parts = [_head("servanda: documents", "")]
    parts.append(f"<h1>servanda — {len(records)} documents</h1>\n")
    parts.append(_legend())
    head = "".join(f'<th data-key="{label}" data-type="num">{label}</th>' for label in LABELS)
    parts.append(
        '<h2>Documents</h2><table class="sortable" id="documents"><thead><tr><th data-key="doc">document</th>'
        '<th data-key="lang">language</th><th data-key="instrument">instrument</th><th data-key="parties">parties</th>'
        f"{head}</tr></thead><tbody>\n"
    )
    for record in records:
        counts = Counter(c.get("label") for c in record.get("clauses") or [])
        cells = "".join(f'<td data-v="{counts.get(label, 0)}">{counts.get(label, 0)}</td>' for label in LABELS)
        parts.append(
            f'<tr><td><a href="{page_name(record["doc_id"])}">{esc(record["doc_id"])}</a></td>'
            f"<td>{esc(str(record.get('lang') or '—'))}</td><td>{esc(str(record.get('instrument') or '—'))}</td>"
            f"<td>{esc(_ids(record.get('parties')))}</td>{cells}</tr>\n"
        )
    parts.append("</tbody></table>\n")
    parties = party_summary(commitment_rows(records))
    parts.append(
        "<h2>Who committed to what</h2>"
        f"<p>Commitments by actor across all documents ({NO_ACTOR}: no actor found). "
        "Click a column to sort; the same rows as CSV or Parquet: <code>servanda table</code>.</p>"
        '<table class="sortable" id="parties"><thead><tr><th data-key="party">party</th>'
        '<th data-key="commitments" data-type="num">commitments</th><th data-key="binding" data-type="num">binding</th>'
        '<th data-key="firm" data-type="num">firm</th><th data-key="soft" data-type="num">soft</th>'
        '<th data-key="conditional" data-type="num">conditional</th>'
        '<th data-key="documents" data-type="num">documents</th><th data-key="beneficiaries">beneficiaries</th>'
        "<th>clauses</th></tr></thead><tbody>\n"
    )
    for entry in parties:
        beneficiaries = ", ".join(f"{b} ({n})" for b, n in sorted(entry["beneficiaries"].items(), key=lambda x: -x[1]))
        links = " ".join(
            f'<a href="{esc(r["link"])}" title="{esc(r["text"][:200])}">{esc(r["doc_id"])}#{r["clause"]}</a>'
            for r in entry["rows"]
        )
        nums = "".join(
            f'<td data-v="{entry[k]}">{entry[k]}</td>'
            for k in ("commitments", "binding", "firm", "soft", "conditional")
        )
        parts.append(
            f'<tr data-party="{esc(entry["party"])}"><td>{esc(entry["party"])}</td>{nums}'
            f'<td data-v="{len(entry["documents"])}">{len(entry["documents"])}</td>'
            f"<td>{esc(beneficiaries) or '—'}</td><td>{links}</td></tr>\n"
        )
    parts.append("</tbody></table>\n</body></html>\n")
    return "".join(parts)
