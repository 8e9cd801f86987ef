"""A statistical Ukrainian NER (PER/ORG/LOC) trained with spaCy on lang-uk's ner-uk corpus.

Why: the Ukrainian gazetteer and role patterns find states, known organisations and
officials in the forms they list; the NER adds person and organisation spans in forms no
pattern foresaw (an inflected foreign name, an unlisted fund). The entity stage uses the
model when ``models/ner-uk`` holds one and says so in ``stages_run``/``warnings``.

Data: ner-uk v2.0 (https://github.com/lang-uk/ner-uk, CC BY-NC-SA 4.0) in its IOB form
and standard split (``v2.0/iob/train.iob``, ``test.iob``), converted once by
``convert`` into ``corpus/ner-uk/`` (``.spacy`` DocBins, licence and attribution in
its README). Only PERS→PER, ORG and LOC are kept; the other eleven types are not what
servanda tags. A dev set for spaCy's checkpoint choice is every tenth training document
(deterministic); the test split is only scored, never trained or tuned on. ner-uk's texts
come from BRUK, as do some of servanda's own: a training sentence found in a gold text or in
a held-out challenge text (``benchmarks/entity_challenge/heldout*.jsonl``) is left out, so
that the model never learns the texts it is judged on.

Training (``make model-ner-uk``) is ``spacy train`` on ``ner_uk.cfg`` (blank "uk",
a hash-embedding CNN tok2vec sized for two CPU cores) into ``models/ner-uk``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

from ..paths import MODELS_DIR, PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / "corpus" / "ner-uk"
CONFIG_PATH = Path(__file__).with_name("ner_uk.cfg")
MODEL_DIR = MODELS_DIR / "ner-uk"
LABELS = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
SENTENCES_PER_DOC = 10  # sentences of one source text grouped into one training example
DEV_EVERY = 10


def read_iob(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of an ner-uk IOB file: one "token tag" a line, blank lines between
    sentences (the runs of blank lines do not reliably mark a new source text)."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
                sentence = []
            continue
        token, _, tag = line.rpartition(" ")
        sentence.append((token, tag))
    if sentence:
        yield sentence


def _tag(tag: str) -> str:
    """ner-uk's tag in servanda's label set: B-PERS → B-PER, B-DATE → O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{LABELS[label]}" if label in LABELS else "O"


NO_SPACE_BEFORE = frozenset(",.;:!?)»]…%")
NO_SPACE_AFTER = frozenset("(«[")


def _spaces(words: list[str]) -> list[bool]:
    """Whether a space follows each token, as in running text ("слово, «назва»"), so
    the model is trained on text shaped like the text it reads (the corpus is tokenised)."""
    return [
        k + 1 < len(words) and words[k] not in NO_SPACE_AFTER and words[k + 1] not in NO_SPACE_BEFORE
        for k in range(len(words))
    ]


def _docs(nlp: Any, sentences: list[list[tuple[str, str]]]) -> list[Any]:
    """Consecutive sentences in groups of SENTENCES_PER_DOC, one spaCy Doc each."""
    from spacy.tokens import Doc

    out = []
    for k in range(0, len(sentences), SENTENCES_PER_DOC):
        chunk = sentences[k : k + SENTENCES_PER_DOC]
        words = [t for sent in chunk for t, _ in sent]
        tags = [_tag(g) for sent in chunk for _, g in sent]
        tags = ["B" + g[1:] if g.startswith("I-") and (i == 0 or tags[i - 1] == "O") else g for i, g in enumerate(tags)]
        starts: list[bool | int | None] = [i == 0 for sent in chunk for i in range(len(sent))]
        out.append(Doc(nlp.vocab, words=words, spaces=_spaces(words), ents=tags, sent_starts=starts))
    return out


def protected_texts() -> list[str]:
    """The texts no model may learn: the gold set's and the held-out challenge sets'."""
    from ..gold.store import load_gold, read_text

    texts = [read_text(record["path"]) for record in load_gold()]
    for path in sorted((PROJECT_ROOT / "benchmarks" / "entity_challenge").glob("heldout*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


MIN_MATCHED = 40  # characters (spaces removed) a sentence needs before its match with a text counts


def _outside(sentences: list[list[tuple[str, str]]], texts: list[str]) -> tuple[list[list[tuple[str, str]]], int]:
    """The sentences that no protected text contains (compared without spaces), and how many
    were left out."""
    flat = "\n".join("".join(t.split()) for t in texts)
    kept = [s for s in sentences if len(w := "".join(t for t, _ in s)) < MIN_MATCHED or w not in flat]
    return kept, len(sentences) - len(kept)


def convert(iob_dir: Path, out_dir: Path = DATA_DIR, protected: Optional[list[str]] = None) -> dict[str, int]:
    """ner-uk's ``train.iob``/``test.iob`` → ``train.spacy``, ``dev.spacy``, ``test.spacy``,
    without the training sentences of a ``protected`` text (default :func:`protected_texts`)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("uk")
    sentences, left_out = _outside(
        list(read_iob(iob_dir / "train.iob")), protected_texts() if protected is None else protected
    )
    train_docs = _docs(nlp, sentences)
    parts = {
        "train": [d for k, d in enumerate(train_docs) if k % DEV_EVERY != DEV_EVERY - 1],
        "dev": [d for k, d in enumerate(train_docs) if k % DEV_EVERY == DEV_EVERY - 1],
        "test": _docs(nlp, list(read_iob(iob_dir / "test.iob"))),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {"train_sentences_left_out": left_out}
    for name, docs in parts.items():
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
        counts[name] = len(docs)
        counts[f"{name}_entities"] = sum(len(d.ents) for d in docs)
    return counts


def train(out_dir: Path = MODEL_DIR, data_dir: Path = DATA_DIR, overrides: Optional[dict[str, Any]] = None) -> Path:
    """``spacy train`` on the converted data; the best checkpoint becomes ``out_dir``."""
    import shutil

    from spacy.cli.train import train as spacy_train

    work = out_dir.with_name(out_dir.name + ".train")
    settings = {"paths.train": str(data_dir / "train.spacy"), "paths.dev": str(data_dir / "dev.spacy")}
    settings.update(overrides or {})
    spacy_train(CONFIG_PATH, output_path=work, overrides=settings)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.move(str(work / "model-best"), out_dir)
    shutil.rmtree(work)
    return out_dir


def evaluate(model_dir: Path = MODEL_DIR, data_path: Path = DATA_DIR / "test.spacy") -> dict[str, Any]:
    """P/R/F1 on ner-uk's test split (exact spans), overall and per label, with the
    project's one PRF."""
    import spacy
    from spacy.tokens import DocBin

    from ..scoring.prf import PRF

    nlp = spacy.load(model_dir)
    gold = list(DocBin().from_disk(data_path).get_docs(nlp.vocab))
    counts: dict[str, PRF] = {}
    for ref, pred in zip(gold, nlp.pipe((d.text for d in gold), batch_size=64)):
        g = {(e.start_char, e.end_char, e.label_) for e in ref.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        for label in {x[2] for x in g | p} | {"all"}:
            gg = {x for x in g if label in ("all", x[2])}
            pp = {x for x in p if label in ("all", x[2])}
            counts[label] = counts.get(label, PRF()) + PRF.from_sizes(len(gg & pp), len(pp), len(gg))
    return {label: prf.to_json() for label, prf in sorted(counts.items())}


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m servanda.training.ner_uk convert IOB_DIR | train | evaluate``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m servanda.training.ner_uk", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="ner-uk v2.0/iob → corpus/ner-uk/*.spacy")
    conv.add_argument("iob_dir", type=Path)
    sub.add_parser("train", help="train models/ner-uk from corpus/ner-uk")
    ev = sub.add_parser("evaluate", help="P/R/F1 on ner-uk's test split")
    ev.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args(argv)
    if args.command == "convert":
        print(json.dumps(convert(args.iob_dir)))
    elif args.command == "train":
        print(train())
    else:
        print(json.dumps(evaluate(args.model), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
