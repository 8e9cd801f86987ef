"""Distillation: a shallower student of a fine-tuned classifier, for faster runs.

The student starts from a trained classifier's encoder, every other layer kept (as
DistilBERT starts from BERT): the teacher's own, or (``start``) a smaller classifier's of
the student's width, when the teacher is a wider encoder (all-mpnet-base-v2 teaching a
MiniLM). It learns from two sources at once: the gold train split's labels and the
teacher's probabilities on clauses of unannotated ToTA treaties. Those treaties are chosen
by a fixed seed among the English ones that are neither reserved (``RESERVED.txt``) nor
in any gold split, so dev and test stay unseen and the reserved documents untouched. A
pair student sees a sample of a treaty's distinct (context, clause) pairs; a window
student a run of consecutive clauses, as it reads them at run time. The teacher's
probabilities are its calibrated ones (its dev-fitted temperature applied), as it writes
them at run time (docs/classifier.md).
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from .. import gold
from ..jsonl import read_jsonl
from ..records import LABELS

# Which ToTA treaties the teacher labels: a seeded shuffle, so a retrain sees the same ones.
DISTIL_SEED = 7


def student_layers(teacher_layers: int, layers: int) -> list[int]:
    """The teacher layers a ``layers``-deep student keeps: evenly spaced from the first,
    (0, 2, 4) of 6, so each kept layer's input is close to what it was trained on."""
    if not 0 < layers <= teacher_layers:
        raise ValueError(f"a student needs 1..{teacher_layers} layers, not {layers}")
    step = teacher_layers / layers
    return [int(i * step) for i in range(layers)]


def load_teacher(teacher_dir: Path | str):
    from ..classify.model import load_classifier

    return load_classifier(teacher_dir)


def student_from(start_dir: Path | str, layers: int, keep: Optional[Sequence[int]] = None, start=None):
    """A ``layers``-deep copy of the classifier in ``start_dir``: its embeddings, pooler
    and classifier head, and the encoder layers ``keep`` (default :func:`student_layers`).
    ``start``: that model already loaded, if the caller has it."""
    import copy

    from transformers import AutoModelForSequenceClassification

    start = start if start is not None else load_teacher(start_dir)
    keep = list(keep) if keep else student_layers(start.config.num_hidden_layers, layers)
    # the student's shape from the start's configuration; every weight is copied below,
    # so the start is read from disk once
    config = copy.deepcopy(start.config)
    config.num_hidden_layers = len(keep)
    # a released start shares its word embeddings; the student holds its own until released
    config.word_embeddings_from = None
    student = AutoModelForSequenceClassification.from_config(config)
    weights = start.state_dict()
    picked = {}
    for name in student.state_dict():
        if ".layer." in name:  # encoder.layer.<i>.… ← encoder.layer.<keep[i]>.…
            prefix, rest = name.split(".layer.", 1)
            index, tail = rest.split(".", 1)
            picked[name] = weights[f"{prefix}.layer.{keep[int(index)]}.{tail}"]
        else:
            picked[name] = weights[name]
    student.load_state_dict(picked)
    student.config.distilled_from_layers = keep
    return student


def distillation_documents(n: int, seed: int = DISTIL_SEED) -> list[Path]:
    """``n`` English ToTA treaties that are neither reserved nor in the gold set."""
    corpus = gold.SHARED_CORPORA / "tota"
    excluded = gold.reserved_or_gold_ids()
    meta = read_jsonl(corpus / "meta.jsonl")
    ids = sorted(m["doc_id"] for m in meta if m.get("lang") == "en" and m["doc_id"] not in excluded)
    random.Random(seed).shuffle(ids)
    return [corpus / "txt" / f"{doc_id}.txt" for doc_id in ids[:n]]


_WORKER: dict = {}


def _init_worker(teacher_dir: str) -> None:
    from ..classify.model import ClauseModel
    from ..runner import build_pipeline

    _WORKER["segmenting"] = build_pipeline(until="clause_language")
    _WORKER["teacher"] = ClauseModel(teacher_dir)


def _label_document(job: tuple[str, int, bool]) -> list[dict]:
    """The teacher's probabilities on at most ``cap`` English clauses of one treaty, as
    the pipeline segments it: a seeded run of consecutive clauses (``run``: for a window
    student), or a seeded sample of its distinct (context, clause) pairs."""
    from ..classify.model import pair_of
    from ..reader import read_document

    path, cap, run = job
    doc = _WORKER["segmenting"](read_document(Path(path)))
    teacher = _WORKER["teacher"]
    english = [c for c in doc.clauses if (c.lang or doc.lang) == "en"]
    rng = random.Random(doc.doc_id)
    if run:
        start = rng.randrange(len(english) - cap + 1) if cap and len(english) > cap else 0
        clauses = english[start : start + cap] if cap else english
        predictions = teacher.predict(clauses)
    else:
        # a window teacher reads every clause among its neighbours; a pair teacher only
        # the sampled pairs
        in_document = dict(zip(map(id, english), teacher.predict(english))) if teacher.input == "window" else None
        # one clause per distinct (context, text) pair, as the student sees them at run time
        by_pair: dict[tuple[str, str], Any] = {}
        for clause in english:
            by_pair.setdefault(pair_of(clause), clause)
        pairs = list(by_pair)
        if cap and len(pairs) > cap:
            pairs = rng.sample(pairs, cap)
        clauses = [by_pair[pair] for pair in pairs]
        predictions = [in_document[id(c)] for c in clauses] if in_document is not None else teacher.predict_pairs(pairs)
    rows = []
    for clause, (label, _, probs) in zip(clauses, predictions):
        rows.append(
            dict(
                doc_id=doc.doc_id,
                text=" ".join(clause.text.split()),
                label=label,
                kind=clause.kind,
                heading=clause.heading,
                lead_in=clause.lead_in,
                in_preamble=clause.in_preamble,
                soft=probs,
            )
        )
    return rows


def teacher_labels(
    teacher_dir: Path | str, documents: Sequence[Path], per_document: int = 500, workers: int = 0, run: bool = False
) -> list[dict]:
    """Teacher-labelled clauses of ``documents`` (document order, so the data is the same
    however many workers label it); ``run``: consecutive clauses (see :func:`_label_document`)."""
    from ..pool import map_ordered

    workers = workers or min(os.cpu_count() or 1, 4)
    jobs = [(str(p), per_document, run) for p in documents]
    per_doc = map_ordered(
        _label_document, jobs, workers=workers, initializer=_init_worker, initargs=(str(teacher_dir),), threads=1
    )
    rows = [row for rows in per_doc for row in rows]
    assert all(row["label"] in LABELS for row in rows)
    return rows


def hidden_targets(keep: Sequence[int], teacher_layers: int) -> list[int]:
    """For each student layer, the teacher hidden state (index into ``hidden_states``,
    0 = embeddings) its output should match: the input of the next kept teacher layer,
    and the teacher's last layer for the student's last. Kept (0, 2, 4) of 6 → (2, 4, 6)."""
    return [keep[i + 1] for i in range(len(keep) - 1)] + [teacher_layers]


class HiddenStateTeacher:
    """The teacher run beside a training student, whose layer outputs the student's match
    (TinyBERT's intermediate-layer loss; both models have one width): the mean squared
    distance over real tokens, summed over the student's layers."""

    def __init__(self, teacher, student, device: str):
        self.model = teacher
        self.model.eval().to(device)
        self.targets = hidden_targets(student.config.distilled_from_layers, self.model.config.num_hidden_layers)

    def loss(self, student_hidden, inputs):
        import torch

        with torch.no_grad():
            teacher_hidden = self.model(**inputs, output_hidden_states=True).hidden_states
        mask = inputs["attention_mask"].unsqueeze(-1).float()
        per_layer = [
            (((student_hidden[i + 1].float() - teacher_hidden[t].float()) ** 2) * mask).sum()
            for i, t in enumerate(self.targets)
        ]
        return sum(per_layer) / (mask.sum() * student_hidden[0].shape[-1])
