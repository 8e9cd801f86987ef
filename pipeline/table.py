"""Who committed to what, across documents: one row per (party, commitment).

``servanda table`` writes these rows as CSV or Parquet for spreadsheets and BI tools, and
``servanda view`` shows the same rows summed up per party on its index page, so the two
cannot disagree. A commitment with several actors gives one row per actor; one without
an actor gives a row for the party "—" (the view lists it too: nobody was found).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

NO_ACTOR = "—"
COLUMNS = (
    "party",
    "doc_id",
    "clause",
    "start",
    "end",
    "strength",
    "conditional",
    "beneficiaries",
    "co_actors",
    "score",
    "lang",
    "text",
    "link",
)
TABLE_SUFFIXES = (".csv", ".parquet")


def page_name(doc_id: str) -> str:
    """The view's file name of a document's page (doc ids may hold "/")."""
    return "docs/" + re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id) + ".html"


def commitment_rows(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per actor of every commitment, in document and clause order."""
    rows = []
    for record in records:
        link = page_name(record["doc_id"])
        for i, clause in enumerate(record.get("clauses") or []):
            if clause.get("label") != "commitment":
                continue
            actors = clause.get("actors") or [NO_ACTOR]
            for party in actors:
                rows.append(
                    {
                        "party": party,
                        "doc_id": record["doc_id"],
                        "clause": i,
                        "start": clause["start"],
                        "end": clause["end"],
                        "strength": clause.get("strength"),
                        "conditional": bool(clause.get("conditional")),
                        "beneficiaries": ";".join(clause.get("beneficiaries") or []),
                        "co_actors": ";".join(a for a in actors if a != party),
                        "score": clause.get("score"),
                        "lang": clause.get("lang"),
                        "text": clause.get("text", ""),
                        "link": f"{link}#c{i}",
                    }
                )
    return rows


def party_summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per party: commitments, counts by strength, conditional ones, documents, the
    beneficiaries with their counts, and the rows (for links); most commitments first."""
    parties: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = parties.setdefault(
            row["party"],
            {
                "party": row["party"],
                "commitments": 0,
                "binding": 0,
                "firm": 0,
                "soft": 0,
                "conditional": 0,
                "documents": set(),
                "beneficiaries": Counter(),
                "rows": [],
            },
        )
        entry["commitments"] += 1
        if row["strength"] in ("binding", "firm", "soft"):
            entry[row["strength"]] += 1
        entry["conditional"] += int(row["conditional"])
        entry["documents"].add(row["doc_id"])
        entry["beneficiaries"].update(b for b in row["beneficiaries"].split(";") if b)
        entry["rows"].append(row)
    return sorted(parties.values(), key=lambda e: (-e["commitments"], e["party"]))


def write_table(rows: list[dict[str, Any]], out: Path) -> Path:
    """``rows`` as CSV or Parquet (by ``out``'s suffix), written whole then renamed."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["conditional"] = frame["conditional"].astype(bool)
    frame["score"] = frame["score"].astype("float64")
    for name in ("clause", "start", "end"):
        frame[name] = frame[name].astype("int64")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    if out.suffix.lower() == ".parquet":
        frame.to_parquet(tmp, index=False, engine="pyarrow")
    else:
        frame.to_csv(tmp, index=False, encoding="utf-8")
    tmp.replace(out)
    return out
