"""Training clauses translated from English gold clauses into another language.

The native train split is thin where the n-gram models work: Ukrainian has about a hundred
commitments, nearly all from one security agreement, while news reports and joint
statements dominate its dev and test documents; Spanish has 52 commitments in three
treaties. ``annotations/translations/<lang>.jsonl`` holds translations of English
train-split clauses (Ukrainian: public-domain U.S. government statements, fact sheets,
news releases and one security agreement; Spanish: ToTA trade-agreement chapters), made
as documented in ``annotations/translations/README.md``. Each line names its source clause
by document and offsets; the label is read from the gold set at training time, so a gold
correction carries over. Only train-split sources are used: a translation never carries a
dev or test clause into training.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import gold
from ..jsonl import read_jsonl
from ..paths import PROJECT_ROOT
from .trainer import Example, context_fields, segmenter_contexts

TRANSLATIONS_DIR = PROJECT_ROOT / "annotations" / "translations"


class TranslationError(ValueError):
    """A translation whose source clause is not a train-split gold clause."""


def translations_paths(lang: str) -> list[Path]:
    """``<lang>.jsonl`` and ``<lang>-<source>.jsonl`` (one file per source licence)."""
    return sorted([*TRANSLATIONS_DIR.glob(f"{lang}.jsonl"), *TRANSLATIONS_DIR.glob(f"{lang}-*.jsonl")])


def translated_examples(lang: str, weight: float = 1.0, path: Path | None = None) -> list[Example]:
    """The translated clauses of ``lang`` (from ``path``, else from every translation file of
    the language) as training examples with their source clause's gold label and
    structural context ([] where there is no translation file)."""
    paths = [path] if path is not None else translations_paths(lang)
    return [e for p in paths if p.exists() for e in _examples(p, lang, weight)]


def _examples(path: Path, lang: str, weight: float) -> list[Example]:
    rows = list(read_jsonl(path))
    train = {r["doc_id"]: r for r in gold.load_gold(split="train")}
    needed = {row["source"]["doc_id"] for row in rows}
    missing = sorted(needed - set(train))
    if missing:
        raise TranslationError(f"{path}: sources not in the gold train split: {', '.join(missing[:5])}")
    records = [train[d] for d in sorted(needed)]
    contexts = segmenter_contexts(records)
    index = {(r["doc_id"], c["start"], c["end"]): (i, c) for r in records for i, c in enumerate(r["clauses"])}
    examples = []
    for row in rows:
        src: dict[str, Any] = row["source"]
        key = (src["doc_id"], src["start"], src["end"])
        if key not in index:
            raise TranslationError(f"{path}: {src['doc_id']} has no gold clause at {src['start']}-{src['end']}")
        i, clause = index[key]
        ctx = context_fields(contexts[(src["doc_id"], i)])
        text = " ".join(row["text"].split())
        genre = train[src["doc_id"]].get("doc_type")
        examples.append(
            Example(f"{src['doc_id']}@{lang}", text, clause["label"], lang=lang, weight=weight, genre=genre, **ctx)
        )
    return examples
