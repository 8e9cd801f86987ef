"""Clause labels on Ukrainian news reports and statements written to try the classifier.

    python benchmarks/clause_challenge.py [--model DIR] [--out FILE]

``benchmarks/clause_challenge/uk_written.json`` holds original Ukrainian texts written and
labelled for this project (benchmarks/clause_challenge/README.md): each a title and paragraphs
of labelled clauses. This script builds each text (title, blank line, paragraphs separated by
blank lines, a paragraph's clauses by one space) and its gold record, runs the whole pipeline
(``servanda.load``) and scores with the project's scorer: clause labels by genre, and the
kind of instrument predicted. The texts are never trained or tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

PRF = ("precision", "recall", "f1")
SET = Path(__file__).resolve().parent / "clause_challenge" / "uk_written.json"


def gold_record(item: dict, root: Path) -> dict:
    """One written document as a gold record (guide §7) over its built text, written under ``root``."""
    from servanda.reader import sha256_text

    text = item["title"]
    clauses = [{"start": 0, "end": len(text), "label": "other"}]
    for paragraph in item["paragraphs"]:
        text += "\n\n"
        for k, clause in enumerate(paragraph):
            text += " " if k else ""
            clauses.append({"start": len(text), "end": len(text) + len(clause["text"]), "label": clause["label"]})
            text += clause["text"]
    text += "\n"
    path = root / f"{item['doc_id']}.txt"
    path.write_text(text, encoding="utf-8")
    return {
        "doc_id": item["doc_id"],
        "path": str(path),
        "text_sha256": sha256_text(text),
        "lang": "uk",
        "doc_type": item["doc_type"],
        "parties": [],
        "clauses": clauses,
        "entities": [],
        "split": "challenge",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="classifier folder (default: the committed one)")
    ap.add_argument("--out", help="write the figures as JSON here")
    args = ap.parse_args(argv)

    import servanda
    from servanda.scoring.scorer import score

    items = json.loads(SET.read_text(encoding="utf-8"))
    nlp = servanda.load(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        gold = [gold_record(item, Path(tmp)) for item in items]
        preds = [nlp.record(nlp.read(g["path"])) for g in gold]
        for g, p in zip(gold, preds):
            p["doc_id"] = g["doc_id"]
        figures: dict = {"instrument": score(preds, gold, bootstrap=0)["instrument"]["confusion"], "by_genre": {}}
        for genre in sorted({g["doc_type"] for g in gold}):
            pairs = [(g, p) for g, p in zip(gold, preds) if g["doc_type"] == genre]
            clauses = score([p for _, p in pairs], [g for g, _ in pairs], bootstrap=0)["clauses"]
            figures["by_genre"][genre] = {
                "documents": len(pairs),
                "gold_clauses": clauses["support"],
                "macro_f1": clauses["macro"]["f1"],
                **{label: {k: prf[k] for k in PRF} for label, prf in clauses["labels"].items()},
            }
    for genre, f in figures["by_genre"].items():
        per_label = "  ".join(
            f"{label} P {f[label]['precision'] or 0:.2f} R {f[label]['recall'] or 0:.2f} F1 {f[label]['f1'] or 0:.2f}"
            for label in ("commitment", "recital", "disclaimer")
        )
        print(f"{genre:12} documents {f['documents']:3}  macro-F1 {f['macro_f1'] or 0:.3f}  {per_label}")
    print("instrument (gold -> predicted):", json.dumps(figures["instrument"], ensure_ascii=False))
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
