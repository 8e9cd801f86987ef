"""Party-set accuracy on the ToTA treaties.

    python benchmarks/tota_parties.py [--workers W] [--limit N] [--composition bilateral|other] [--out FILE]

Runs reader → language → segment → entities → parties over every treaty in
../shared/corpora/tota/meta.jsonl whose ``composition`` is exactly "Bilateral" (the
default; ``benchmarks/results/tota_parties.json``) or, with ``--composition other``, every
other one (plurilateral treaties and those with a regional grouping as a party;
``benchmarks/results/tota_parties_other.json``), compares the sorted predicted party set
with ``parties_original`` (the original signatories, ISO alpha-3), prints the accuracy,
where the prediction came from, and every miss with a category, and writes all of it as
JSON.

Two conventions differ between ToTA and the guide and are mapped before comparing:
ToTA writes Kosovo as ``RKS`` (the guide: ``XKX``), and lists the successor states of
a dissolved party (Serbia and Montenegro → MNE, SRB) where the text, and so the
pipeline, names the state that signed (``SCG``).

Documents listed in ../shared/corpora/RESERVED.txt are skipped (evaluation only;
this script reads that list at run time and names none of them), and so are the gold
set's dev and test documents, whose party sets the gold set itself scores.

ToTA lists the member states where the text names the European Community as a party, and
the gold set names the Community (and the member states only where they sign too), so the
"other" treaties with the EU among their parties mostly count as misses ("EU member-state
expansion"); read that category apart. A second accuracy reads a predicted EU (EC, EEC,
Euratom, ECSC) as the member states on the date of signature, ToTA's convention.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from servanda.jsonl import read_jsonl
from servanda.paths import SHARED_CORPORA, reserved_ids

ROOT = Path(__file__).resolve().parent.parent
TOTA = SHARED_CORPORA / "tota"
GOLD = ROOT / "annotations" / "gold.jsonl"
TOTA_TO_GUIDE = {"RKS": "XKX"}
EU_MEMBERS_MIN = 5  # a gold set this large with EU members is an expanded "EU" party
HISTORIC = {"YUG", "SCG", "SUN", "CSK"}
EU_FAMILY = {"EU", "EURATOM", "ECSC"}
# (date from which, states that joined; a state prefixed "-" left)
EU_ENLARGEMENTS = (
    ("1958-01-01", ("BEL", "DEU", "FRA", "ITA", "LUX", "NLD")),
    ("1973-01-01", ("DNK", "GBR", "IRL")),
    ("1981-01-01", ("GRC",)),
    ("1986-01-01", ("ESP", "PRT")),
    ("1995-01-01", ("AUT", "FIN", "SWE")),
    ("2004-05-01", ("CYP", "CZE", "EST", "HUN", "LTU", "LVA", "MLT", "POL", "SVK", "SVN")),
    ("2007-01-01", ("BGR", "ROU")),
    ("2013-07-01", ("HRV",)),
    ("2020-02-01", ("-GBR",)),
)


def eu_members(date: str) -> set[str]:
    members: set[str] = set()
    for since, changes in EU_ENLARGEMENTS:
        if date >= since:
            members |= {c for c in changes if not c.startswith("-")}
            members -= {c[1:] for c in changes if c.startswith("-")}
    return members


def as_member_states(pred: list[str], date: str) -> list[str]:
    """ToTA's reading of a Community party: its member states on the date of signature."""
    if not set(pred) & EU_FAMILY or not date:
        return pred
    return sorted((set(pred) - EU_FAMILY) | eu_members(date))


def treaty_rows(composition: str = "bilateral", limit: int | None = None) -> list[dict]:
    skip = reserved_ids() | {r["doc_id"] for r in read_jsonl(GOLD) if r.get("split") in ("dev", "test")}
    rows = read_jsonl(TOTA / "meta.jsonl")
    rows = [
        r for r in rows if (r["composition"] == "Bilateral") == (composition == "bilateral") and r["doc_id"] not in skip
    ]
    return rows[:limit] if limit else rows


def gold_parties(row: dict) -> list[str]:
    return sorted({TOTA_TO_GUIDE.get(p, p) for p in row["parties_original"]})


def comparable(pred: list[str]) -> list[str]:
    from servanda.entities.gazetteer import historic_successors

    succ = historic_successors()
    return sorted({s for p in pred for s in succ.get(p, [p])})


def _run_chunk(doc_ids: list[str]) -> list[dict]:
    from servanda.entities import EntityRecognizer, PartyResolver
    from servanda.langid import LanguageIdentifier
    from servanda.reader import read_document
    from servanda.segment import Segmenter
    from servanda.stages import Pipeline

    pipeline = Pipeline([LanguageIdentifier(), Segmenter(), EntityRecognizer(), PartyResolver()])
    out = []
    for doc_id in doc_ids:
        doc = pipeline(read_document(TOTA / "txt" / f"{doc_id}.txt"))
        mentioned = Counter(e.id for e in doc.entities if e.id and e.label != "OFFICIAL")
        out.append(
            {
                "doc_id": doc_id,
                "lang": doc.lang,
                "chars": len(doc.text),
                "predicted": doc.parties,
                "source": doc.meta.get("parties_source"),
                "mentioned": dict(mentioned),
                "text_head": doc.text[:3000],
                "text_tail": doc.text[-3000:],
            }
        )
    out[-1]["timings"] = dict(pipeline.timings) if out else {}
    return out


def _loose(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z]+", "", s)


def categorise(row: dict, result: dict) -> str:
    """Why a prediction differs from ToTA's party set."""
    from babel import Locale

    gold, pred = set(gold_parties(row)), set(comparable(result["predicted"]))
    missing, extra = gold - pred, pred - gold
    if "EU" in pred or (len(gold) >= EU_MEMBERS_MIN and not pred & gold):
        return "EU member-state expansion"
    if not pred and any(p in result["mentioned"] for p in gold):
        return "named, but no evidence found"
    if extra & HISTORIC:
        return "historic state named (the data set lists its successor)"
    if missing == set() and extra:
        return f"text names a further party ({result['source']} evidence)"
    unmentioned = [p for p in missing if p not in result["mentioned"]]
    if unmentioned:
        en = Locale("en").territories
        import pycountry

        names = {p: (en.get(getattr(pycountry.countries.get(alpha_3=p), "alpha_2", "")) or p) for p in unmentioned}
        text = _loose(result["text_head"] + result["text_tail"])
        if any(_loose(n) and _loose(n) in text for n in names.values()):
            return "OCR/layout breaks the name"
        return "party not named in the text (or only by an alias the gazetteer lacks)"
    return f"wrong parties from {result['source']} evidence"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--composition", choices=("bilateral", "other"), default="bilateral")
    ap.add_argument("--out", default=None, help="default: benchmarks/results/tota_parties[_other].json")
    args = ap.parse_args()
    suffix = "" if args.composition == "bilateral" else "_other"
    args.out = args.out or str(ROOT / "benchmarks" / "results" / f"tota_parties{suffix}.json")

    rows = treaty_rows(args.composition, args.limit)
    started = time.perf_counter()
    ids = [r["doc_id"] for r in sorted(rows, key=lambda r: -r["chars"])]
    chunks = [ids[k :: args.workers] for k in range(args.workers)]
    if args.workers > 1:
        import multiprocessing as mp

        with mp.get_context("spawn").Pool(args.workers) as pool:
            results = [r for chunk in pool.map(_run_chunk, chunks) for r in chunk]
    else:
        results = _run_chunk(ids)
    wall = time.perf_counter() - started
    by_id = {r["doc_id"]: r for r in results}

    records, misses = [], []
    for row in rows:
        res = by_id[row["doc_id"]]
        gold, pred = gold_parties(row), comparable(res["predicted"])
        ok = gold == pred
        ok_members = gold == comparable(as_member_states(res["predicted"], row.get("date_signed") or ""))
        rec = {
            "doc_id": row["doc_id"],
            "name": row["name"],
            "lang": res["lang"],
            "gold": gold,
            "predicted": res["predicted"],
            "compared_as": pred,
            "correct": ok,
            "correct_eu_as_members": ok_members,
            "source": res["source"],
        }
        if not ok:
            rec["category"] = categorise(row, res)
            misses.append(rec)
        records.append(rec)

    stage_seconds: Counter = Counter()
    for r in results:
        stage_seconds.update(r.get("timings", {}))
    n, correct = len(records), sum(r["correct"] for r in records)
    correct_members = sum(r["correct_eu_as_members"] for r in records)
    accuracy = correct / n if n else 0.0
    print(f"ToTA {args.composition} treaties: {n} (reserved and gold dev/test documents skipped)")
    print(
        f"party-set accuracy: {correct}/{n} = {accuracy:.3f}   wall {wall:.1f}s, "
        f"{sum(r['chars'] for r in results) / 1e6:.1f}M characters"
    )
    print(f"with the EU read as its member states at signature (ToTA's convention): {correct_members}/{n}")
    print("stage seconds (all workers):", {k: round(v, 1) for k, v in stage_seconds.items()})
    print("evidence used:", dict(Counter(r["source"] for r in records).most_common()))
    print(
        "accuracy by evidence:",
        {
            s: f"{sum(r['correct'] for r in records if r['source'] == s)}/{sum(1 for r in records if r['source'] == s)}"
            for s, _ in Counter(r["source"] for r in records).most_common()
        },
    )
    categories = Counter(m["category"] for m in misses)
    print(f"misses: {len(misses)}")
    for cat, k in categories.most_common():
        print(f"  {k:3d}  {cat}")
        for m in misses:
            if m["category"] == cat:
                print(f"         {m['doc_id']:8s} {m['name'][:48]:48s} gold={m['gold']} predicted={m['predicted']}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "task": "party-set accuracy, ToTA composition "
                + ("== 'Bilateral'" if args.composition == "bilateral" else "!= 'Bilateral'")
                + ", parties_original",
                "documents": n,
                "correct": correct,
                "accuracy": round(accuracy, 4),
                "correct_eu_as_members": correct_members,
                "wall_seconds": round(wall, 1),
                "stage_seconds": {k: round(v, 1) for k, v in stage_seconds.items()},
                "id_mapping": {"gold": TOTA_TO_GUIDE, "predicted": "historic states → successors (data/states.json)"},
                "evidence": dict(Counter(r["source"] for r in records)),
                "miss_categories": dict(categories),
                "misses": misses,
                "documents_detail": records,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
