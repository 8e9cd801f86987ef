"""Parties and officials on texts written to try the entity rules as a new user would.

    python benchmarks/entity_challenge.py [--set uk|es_fr_en|all] [--out FILE] [--show]
    python benchmarks/entity_challenge.py --dir DIR [--set NAME|all]   # sets of your own


The sets in ``benchmarks/entity_challenge/`` are short texts written for this project
(benchmarks/entity_challenge/README.md): news, press releases, official acts, agreements,
memoranda and joint statements, each with its parties, the strings that name a party and its
officials (span as written, ``name``, ``role``, ``affiliation``). This script turns them into
gold records (every whole-word occurrence of a party string is a PARTY span, a string inside a
longer one is not counted twice; the officials at every occurrence of their span), runs the
entity stages (``servanda.load(classifier="cues")``) and scores with the project's scorer
(``servanda.scoring.scorer.score``): PARTY and OFFICIAL strict F1, party sets exact,
OFFICIAL ``name`` and ``affiliation`` accuracy, by language. STATE and ORG spans are not
annotated in these sets, so their figures are not reported. ``--dir`` scores the ``*.jsonl``
sets of another folder in the same format: texts that cannot be shared (news pages under
copyright) are measured the same way without entering the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "entity_challenge"
SETS = (
    "uk",
    "es_fr_en",
    "heldout_uk",
    "heldout_es_fr_en",
    "uk2",
    "heldout2_uk",
    "uk3",
    "uk4",
    "uk5",
    "uk6",
    "uk7",
    "heldout3_uk",
    "heldout4_uk",
    "uk8",
    "heldout5_uk",
    "uk9",
    "heldout6_uk",
    "uk10",
    "heldout_bruk_uk",
    "bruk_uk",
    "bruk2_uk",
    "bruk3_uk",
    "bruk4_uk",
    "bruk5_uk",
    "bruk6_uk",
    "bruk7_uk",
    "heldout7_uk",
)
# the sets' genres as the gold set's doc_type
DOC_TYPES = {"press_release": "news", "joint_statement": "declaration"}


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in re.finditer(re.escape(surface), text)
        if not (m.start() > 0 and text[m.start() - 1].isalnum())
        and not (m.end() < len(text) and text[m.end()].isalnum())
    ]


def _outermost(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    return {s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}


def gold_record(item: dict, root: Path) -> dict:
    """One set item as a gold record (guide §7) over its text, written under ``root``."""
    from servanda.reader import sha256_text

    text = item["text"]
    path = root / f"{item['id']}.txt"
    path.write_text(text, encoding="utf-8")
    spans = _outermost({span for surface in item.get("party_mentions", []) for span in _occurrences(text, surface)})
    entities = [{"start": a, "end": b, "label": "PARTY", "id": None} for a, b in sorted(spans)]
    # a surname listed for its later mentions also occurs inside the full name: one mention there
    at = {span: official for official in item.get("officials", []) for span in _occurrences(text, official["span"])}
    for a, b in sorted(_outermost(set(at))):
        official = at[(a, b)]
        entities.append(
            {
                "start": a,
                "end": b,
                "label": "OFFICIAL",
                "role": official.get("role"),
                "affiliation": (official.get("affiliation") or "").removeprefix("NEW:") or None,
                "name": official.get("name"),
            }
        )
    return {
        "doc_id": item["id"],
        "path": str(path),
        "text_sha256": sha256_text(text),
        "lang": item.get("lang", "uk"),
        "doc_type": DOC_TYPES.get(item.get("genre", ""), item.get("genre")),
        "parties": sorted(p.removeprefix("NEW:") for p in item["parties"]),
        "clauses": [],
        "entities": sorted(entities, key=lambda e: (e["start"], e["end"])),
        "split": "challenge",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", help=f"a set's name or all (the project's: {', '.join(SETS)})")
    ap.add_argument("--dir", type=Path, default=HERE, help="the folder of the sets (default: the project's)")
    ap.add_argument("--out", help="write the figures as JSON here")
    ap.add_argument("--show", action="store_true", help="print every document whose entities differ")
    args = ap.parse_args(argv)
    here: Path = args.dir
    available = SETS if here == HERE else tuple(sorted(p.stem for p in here.glob("*.jsonl")))
    if args.set != "all" and args.set not in available:
        ap.error(f"no set {args.set!r} in {here} (there: {', '.join(available) or 'none'})")

    import servanda
    from servanda.scoring.scorer import score

    names = [n for n in available if (here / f"{n}.jsonl").exists()] if args.set == "all" else [args.set]
    nlp = servanda.load(classifier="cues")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            items = [json.loads(line) for line in open(here / f"{name}.jsonl", encoding="utf-8") if line.strip()]
            gold = [gold_record(item, Path(tmp)) for item in items]
            preds = [nlp.record(nlp(_text_of(g), doc_id=g["doc_id"], path=g["path"])) for g in gold]
            metrics = score(preds, gold, bootstrap=0)
            figures[name] = {lang: _figures(block) for lang, block in metrics["entities"]["by_lang"].items()}
            figures[name]["all"] = _figures(metrics["entities"])
            figures[name]["all"]["party_sets_any_coined_id"] = f"{_sets_any_coined_id(items, preds)}/{len(items)}"
            if args.show:
                _show(gold, preds)
    for name, by_lang in figures.items():
        for lang, f in by_lang.items():
            print(
                f"{name:17} {lang:4} documents {f['documents']:3}  party sets {f['party_sets']}  "
                f"PARTY F1 {f['PARTY']['f1']:.3f}  OFFICIAL F1 {f['OFFICIAL']['f1']:.3f} "
                f"(P {f['OFFICIAL']['precision']:.3f} R {f['OFFICIAL']['recall']:.3f})  "
                f"name {f['name']}  affiliation {f['affiliation']} (where given {f['affiliation_given']})"
            )
        any_coined = by_lang["all"]["party_sets_any_coined_id"]
        print(f"{name:17} all  party sets where a coined id matches any coined id: {any_coined}")
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _sets_any_coined_id(items: list[dict], preds: list[dict]) -> int:
    """Party sets that are right once every coined id counts as any other: the annotators
    coined ids by their own choice ("NEW:BATUMICC"), the pipeline by its rules (BATUMI), and
    neither is a table's. The strict figure is ``party_sets``."""
    from servanda.entities.coined import known_ids

    def masked(ids: list[str], coined) -> list[str]:
        return sorted("*" if coined(i) else i for i in ids)

    return sum(
        masked(item["parties"], lambda i: i.startswith("NEW:"))
        == masked(pred["parties"], lambda i: i not in known_ids())
        for item, pred in zip(items, preds)
    )


def _text_of(gold: dict) -> str:
    return Path(gold["path"]).read_text(encoding="utf-8")


def _figures(block: dict) -> dict:
    def ratio(acc: dict) -> str:
        return f"{acc['correct']}/{acc['total']}"

    strict = block["strict"]
    return {
        "documents": block["party_set_accuracy"]["total"],
        "party_sets": ratio(block["party_set_accuracy"]),
        "PARTY": {k: strict["PARTY"][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")},
        "OFFICIAL": {k: strict["OFFICIAL"][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")},
        "name": ratio(block["official_name_accuracy"]),
        "affiliation": ratio(block["official_affiliation_accuracy"]),
        "affiliation_given": ratio(block["official_affiliation_given_accuracy"]),
    }


def _show(gold: list[dict], preds: list[dict]) -> None:
    for g, p in zip(gold, preds):
        text = _text_of(g)
        want = {(e["start"], e["end"], e["label"]) for e in g["entities"]}
        got = {(e["start"], e["end"], e["label"]) for e in p["entities"] if e["label"] in ("PARTY", "OFFICIAL")}
        if want == got and g["parties"] == p["parties"]:
            continue
        print(f"=== {g['doc_id']}: parties {g['parties']} predicted {p['parties']}")
        for a, b, label in sorted(want - got):
            print(f"   missed {label} {text[a:b]!r}")
        for a, b, label in sorted(got - want):
            print(f"   extra  {label} {text[a:b]!r}")


if __name__ == "__main__":
    sys.exit(main())
