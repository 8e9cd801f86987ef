"""Distillation: a shallower student started from the fine-tuned classifier and taught by
its labels on unannotated ToTA treaties (pipeline.classify.distil)."""

from __future__ import annotations

from pathlib import Path

import pytest

from servanda import gold
from servanda.jsonl import read_jsonl
from servanda.training.distil import distillation_documents, student_from, student_layers


def test_student_layers_are_evenly_spaced_from_the_first():
    assert student_layers(6, 3) == [0, 2, 4]
    assert student_layers(6, 2) == [0, 3]
    assert student_layers(6, 6) == list(range(6))
    with pytest.raises(ValueError):
        student_layers(6, 7)


def test_distillation_documents_leave_out_reserved_and_gold_documents():
    docs = distillation_documents(40)
    assert len(docs) == 40 and docs == distillation_documents(40)
    assert all(p.exists() for p in docs)
    ids = {p.stem for p in docs}
    assert not ids & gold.reserved_ids()
    assert not ids & {Path(r["path"]).stem for r in gold.load_gold()}
    meta = {r["doc_id"]: r for r in read_jsonl(gold.SHARED_CORPORA / "tota" / "meta.jsonl")}
    assert {meta[i]["lang"] for i in ids} == {"en"}


@pytest.mark.slow
def test_a_full_depth_student_is_the_teacher(tiny_model):
    """Copying every layer reproduces the teacher's logits: the weights go where they belong."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    out, _ = tiny_model
    teacher = AutoModelForSequenceClassification.from_pretrained(out, use_safetensors=True).eval()
    student = student_from(out, 6).eval()
    tokenizer = AutoTokenizer.from_pretrained(out)
    enc = tokenizer(
        ["list item | after: The Parties shall:"],
        ["eliminate customs duties on originating goods."],
        return_tensors="pt",
    )
    with torch.inference_mode():
        assert torch.equal(teacher(**enc).logits, student(**enc).logits)
    half = student_from(out, 3)
    assert half.config.num_hidden_layers == 3
    assert torch.equal(
        half.base_model.encoder.layer[1].output.dense.weight, teacher.base_model.encoder.layer[2].output.dense.weight
    )


@pytest.mark.slow
def test_distilled_training_records_its_teacher(tiny_model, tmp_path):
    """A real (tiny) distillation run: teacher labels on one ToTA treaty plus gold clauses."""
    from servanda.classify.model import ClauseModel
    from servanda.training.trainer import TrainConfig, train

    teacher_dir, teacher_info = tiny_model
    info = train(
        TrainConfig(
            out_dir=str(tmp_path),
            teacher=str(teacher_dir),
            layers=2,
            teacher_documents=1,
            teacher_per_document=12,
            epochs=1,
            batch_size=8,
            max_train_examples=16,
            input="pair",
        ),
    )
    distil = info["distillation"]
    assert distil["teacher"] == teacher_info["fingerprint"] and distil["teacher_layers_kept"] == [0, 3]
    assert 0 < distil["teacher_labelled_clauses"] <= 12
    assert distil["documents"] == [distillation_documents(1)[0].stem]
    assert info["train_examples"] == 16  # the gold clauses; the teacher's are counted apart
    model = ClauseModel(tmp_path, dtype="float32")
    assert model.model.config.num_hidden_layers == 2
    label, prob, probs = model.predict_pairs([("sentence", "Each Party shall eliminate its customs duties.")])[0]
    assert label in model.labels and abs(sum(probs) - 1) < 1e-4


def test_undistilled_fingerprint_ignores_distillation_settings():
    """Adding distillation left the plain classifier's fingerprint (its version in every
    output line) as it was: settings that only a teacher uses are not hashed without one."""
    from servanda.training.trainer import TrainConfig, _fingerprint

    plain = _fingerprint([], TrainConfig())
    assert _fingerprint([], TrainConfig(teacher_documents=7, hidden_weight=0.0)) == plain
    assert _fingerprint([], TrainConfig(seed=14)) != plain
