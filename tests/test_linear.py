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
    model.temperature = fit_temperature(model, features, labels)
    path = model.save(tmp_path / "m.json")
    again = CharNgramModel.load(path)
    assert again.fingerprint == model.fingerprint
    probe = [analyze("Сторони зобов'язуються надавати підтримку"), analyze("Зустріч відбулася у Брюсселі")]
    assert [label for label, _ in again.predict(probe)] == ["commitment", "other"]
    assert all(abs(sum(p) - 1) < 1e-9 for p in again.predict_proba(probe))


def test_softmax_temperature_flattens():
    assert softmax([2.0, 0.0], 2.0)[0] < softmax([2.0, 0.0], 1.0)[0]


def test_instrument_titles_decide_memoranda_and_official_acts():
    from servanda.classify.instrument import InstrumentClassifier

    stage = InstrumentClassifier(None)
    for text, kind in [
        ("Memorandum of Understanding between A and B\n\nThe Participants intend to cooperate.", "memorandum"),
        ("УКАЗ ПРЕЗИДЕНТА УКРАЇНИ\n\nПро склад комісії", "official_act"),
    ]:
        title = text.split("\n")[0]
        doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="en", provided={"text", "lang"})
        doc.clauses = [Clause(start=0, end=len(title), text=title, kind="heading")]
        doc.provided |= {"clauses"}
        assert stage(doc).instrument == kind and doc.instrument_score == 1.0
