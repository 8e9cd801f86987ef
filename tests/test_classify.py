"""Clause classification and commitment attributes: the cue classifier on the guide's
own examples, a real (tiny) fine-tuning run, and attributes on a real document."""

from __future__ import annotations

import json

import pytest

from servanda.attributes import is_conditional, strength_of
from servanda.classify.cues import classify_clause
from servanda.records import Clause, Document
from servanda.runner import PipelineConfig, build_pipeline, process_path
from servanda.training.baselines import label_scores

from .conftest import CORPUS


def clause(text, **kw):
    return Clause(start=0, end=len(text), text=text, **kw)


@pytest.mark.parametrize(
    "text,label",
    [
        (
            "Albania has made important military contributions to Ukraine, and will continue to support "
            "Ukraine in the same way as in 2022-2024.",
            "commitment",
        ),
        (
            "The Participants underline that this Agreement is not a substitute for Ukraine's future "
            "membership in NATO.",
            "disclaimer",
        ),
        (
            "It does not create any new international or intergovernmental legal obligations between States.",
            "disclaimer",
        ),
        ("This Agreement will remain in effect for a period of ten years.", "other"),
        ("No new customs duties on imports shall be introduced in trade between the Parties.", "commitment"),
    ],
)
def test_cue_classifier_on_guide_examples(text, label):
    assert classify_clause(clause(text), "en")[0] == label


def test_cue_classifier_uses_context():
    assert (
        classify_clause(clause("Recognizing the strong relations between the Parties,", in_preamble=True), "en")[0]
        == "recital"
    )
    assert (
        classify_clause(
            clause(
                "Sharing expertise in recruiting personnel",
                kind="list_item",
                lead_in="We hereby declare our engagement as follows:",
            ),
            "en",
        )[0]
        == "commitment"
    )
    assert classify_clause(clause("ARTICLE 12", kind="heading"), "en")[0] == "other"


@pytest.mark.parametrize(
    "text,label",
    [
        ("Ніщо в цьому Меморандумі не створює прав чи обов'язків за міжнародним правом.", "disclaimer"),
        ("Ніщо у цій Угоді не тлумачиться як вимога до Сторони розкривати конфіденційну інформацію.", "disclaimer"),
        ("Ця Глава не перешкоджає Стороні вживати заходів для захисту життя людей.", "disclaimer"),
        ("Ця Угода не застосовується до державних закупівель.", "disclaimer"),
        # the English disclaimer cues in Ukrainian formulas
        ("Цей Меморандум не породжує юридичних зобов'язань для його Учасників.", "disclaimer"),
        ("Наведений перелік напрямів співпраці не є вичерпним.", "disclaimer"),
        ("Положення цього розділу не поширюються на митні збори.", "disclaimer"),
        ("Ця Декларація не замінює чинних двосторонніх договорів Сторін.", "disclaimer"),
        ("Заходи здійснюватимуться в межах наявних бюджетних асигнувань.", "disclaimer"),
        ("Двосторонні гарантії не можуть бути альтернативою членству в Альянсі.", "disclaimer"),
        ("Положення цієї статті не тлумачаться як обмеження права Сторони.", "disclaimer"),
        ("Угода не впливає на права та обов'язки Сторін за іншими договорами.", "disclaimer"),
        ("Сторони співпрацюватимуть відповідно до норм міжнародного права.", "commitment"),
        ("Сторони домовилися про спільне навчання прикордонників.", "commitment"),
        ("Уряд зобов'язався до кінця року ухвалити закон про ринок землі.", "commitment"),
        # what a reported instrument provides is its undertaking (NOTES), not a clause that names it
        ("Підписана угода передбачає обмін студентами між двома університетами.", "commitment"),
        ("У меморандумі також міститься пункт про спільні навчання рятувальників.", "commitment"),
        ("Нова програма спрямована на відновлення шкіл у прикордонних громадах.", "commitment"),
        ("Обмін відбувається в межах Угоди, що передбачає взаємне визнання дипломів.", "other"),
        # an agreement to do something, told with its infinitive, and an intent confirmed
        ("Словаччина та Україна домовилися спростити перетин кордону для вантажівок.", "commitment"),
        ("Міністри погодилися вже восени провести спільні навчання.", "commitment"),
        ("Обидва мери підтвердили намір розширювати обміни школярами.", "commitment"),
    ],
)
def test_ukrainian_cues_for_exceptions_and_reported_undertakings(text, label):
    """The rule baseline (and the cue feature the Ukrainian n-gram model learns from)."""
    assert classify_clause(clause(text, lang="uk"), "uk")[0] == label


@pytest.mark.parametrize(
    "text,strength",
    [
        ("The Parties shall abolish customs duties.", "binding"),
        ("Ukraine undertakes to implement reforms.", "binding"),
        ("The Participants will continue to support Ukraine.", "firm"),
        ("The Participants will seek to deepen cooperation.", "soft"),
        ("Japan intends to provide further support, as appropriate.", "soft"),
        ("Україна зобов’язується продовжувати процес реформ.", "binding"),
    ],
)
def test_strength(text, strength):
    assert strength_of(text) == strength


def test_conditional():
    assert is_conditional("In the event of future Russian armed attack, the Participants will consult within 24 hours.")
    assert not is_conditional("The Participants will consult regularly.")


def test_label_scores_perfect_and_confused():
    perfect = label_scores(["commitment", "recital", "disclaimer"], ["commitment", "recital", "disclaimer"])
    assert perfect["macro_f1"] == 1.0
    half = label_scores(["commitment", "disclaimer"], ["commitment", "commitment"])
    assert half["per_label"]["disclaimer"]["recall"] == 0.0


@pytest.mark.slow
def test_training_writes_safetensors_and_card(tiny_model):
    out, info = tiny_model
    assert (out / "model.safetensors").exists() and not list(out.glob("*.bin"))
    saved = json.loads((out / "training.json").read_text())
    assert saved["train_examples"] == 48 and saved["fingerprint"] == info["fingerprint"]
    assert 0.5 <= saved["temperature"] <= 4.0


@pytest.mark.slow
def test_training_is_deterministic(tiny_model, tmp_path):
    from safetensors.torch import load_file

    from servanda.training.trainer import TrainConfig, train

    out, info = tiny_model
    again = train(TrainConfig(out_dir=str(tmp_path), epochs=1, batch_size=8, max_train_examples=48, input="pair"))
    a, b = load_file(out / "model.safetensors"), load_file(tmp_path / "model.safetensors")
    assert all((a[k] == b[k]).all() for k in a)
    # the same model wherever it is written: the version in the output does not depend on the path
    assert again["fingerprint"] == info["fingerprint"]


@pytest.mark.slow
def test_training_can_keep_only_the_lower_layers(tmp_path):
    """--layers N: a shallower (faster) encoder, saved and loaded like the full one."""
    from servanda.classify.model import ClauseModel
    from servanda.training.trainer import TrainConfig, train

    info = train(
        TrainConfig(out_dir=str(tmp_path), layers=2, epochs=1, batch_size=8, max_train_examples=16, input="pair")
    )
    model = ClauseModel(tmp_path, dtype="float32")
    assert model.model.config.num_hidden_layers == 2 and len(model.model.base_model.encoder.layer) == 2
    assert info["config"]["layers"] == 2
    label, prob, probs = model.predict_pairs([("sentence", "Each Party shall eliminate its customs duties.")])[0]
    assert label in model.labels and abs(sum(probs) - 1) < 1e-4


@pytest.mark.slow
def test_model_labels_every_clause_with_a_probability(tiny_model):
    out, _ = tiny_model
    pipeline = build_pipeline(PipelineConfig(model_dir=str(out)))
    doc = process_path(pipeline, CORPUS / "001_35aa4428eebad88a.txt")
    assert all(c.label in ("commitment", "recital", "disclaimer", "other") for c in doc.clauses)
    assert all(0.0 <= c.score <= 1.0 for c in doc.clauses)
    assert {c.classifier for c in doc.clauses} == {pipeline.versions["classify"]}
    uk = process_path(pipeline, CORPUS / "000_f321c7ed43b71061.txt")
    assert all(c.classifier.startswith("cues-3-uk") for c in uk.clauses if c.lang == "uk")


@pytest.mark.slow
def test_batched_inputs_match_the_tokenizer_and_single_calls(tiny_model):
    """Token-count batching builds exactly the inputs the tokenizer's own padding would
    (segment ids included), and in float32 a clause's prediction does not depend on
    which clauses share its batch."""
    from servanda.classify.model import MAX_LENGTH, ClauseModel

    out, _ = tiny_model
    model = ClauseModel(out, dtype="float32", batch_size=4)
    pairs = [
        ("heading", "Article 3"),
        ("list item | after: The Parties shall:", "reduce tariffs on goods;"),
        ("sentence | preamble", "RECOGNISING the benefits of trade " * 30),
        ("sentence", "Nothing in this Agreement shall prevent a Party from taking measures."),
        ("heading", "Article 3"),
        ("sentence", "Done at Geneva on 1 May 2020."),
    ]
    unique = list(dict.fromkeys(pairs))
    encoded = model.tokenizer(
        [c for c, _ in unique],
        [t for _, t in unique],
        truncation="only_second",
        max_length=MAX_LENGTH,
        return_attention_mask=False,
    )
    ours = model._padded(encoded["input_ids"], encoded["token_type_ids"])
    theirs = model.tokenizer(
        [c for c, _ in unique],
        [t for _, t in unique],
        truncation="only_second",
        max_length=MAX_LENGTH,
        padding=True,
        return_tensors="pt",
    )
    assert set(ours) == set(theirs)
    assert all((ours[k] == theirs[k]).all() for k in ours)
    batched = model.predict_pairs(pairs)
    assert batched[0] == batched[4]  # a repeated pair is run once and answered twice
    for pair, (label, _prob, probs) in zip(pairs, batched):
        alone_label, alone_prob, alone_probs = model.predict_pairs([pair])[0]
        assert label == alone_label
        assert max(abs(a - b) for a, b in zip(probs, alone_probs)) < 1e-4


def _attributes_for(pipeline, path, prefix):
    """Run the pipeline, mark the clauses starting with ``prefix`` as commitments (the
    attribute stage's input), and run the real attribute stage on them."""
    from servanda.attributes import CommitmentAttributes

    doc = process_path(pipeline, path)
    chosen = [c for c in doc.clauses if c.text.startswith(prefix)]
    for c in doc.clauses:
        c.label = "commitment" if c in chosen else "other"
    CommitmentAttributes()(doc)
    return doc, chosen


def test_actors_from_the_operative_formula(cue_pipeline):
    doc, items = _attributes_for(
        cue_pipeline, CORPUS / "001_35aa4428eebad88a.txt", "Exploring the development and acquisition"
    )
    assert doc.parties == ["ALB", "HRV", "XKX"]
    assert items[0].actors == ["ALB", "HRV", "XKX"] and items[0].strength == "soft"


def test_actors_from_the_subject(cue_pipeline):
    doc, albania = _attributes_for(cue_pipeline, CORPUS / "003_8b34fae9ba579083.txt", "Albania will")
    assert albania and all(c.actors == ["ALB"] for c in albania)
    assert any("UKR" in c.beneficiaries for c in albania)
    _, joint = _attributes_for(cue_pipeline, CORPUS / "003_8b34fae9ba579083.txt", "The Participants will")
    assert joint and all(c.actors == ["ALB", "UKR"] for c in joint)


def test_weak_labels_follow_structure():
    from servanda.training.weak import weak_label

    carve = "Nothing in this Agreement shall be construed to prevent a Party from maintaining a state enterprise."
    assert weak_label(clause(carve, heading="ARTICLE 7.3 State Enterprises")) == "disclaimer"
    assert (
        weak_label(
            clause(
                "This Agreement shall not preclude prohibitions or restrictions on imports justified "
                "on grounds of public morality;",
                heading="ARTICLE 23 General Exceptions",
            )
        )
        == "disclaimer"
    )
    # the same carve-out phrase outside an exception article, not in the guide's canonical form: no label
    assert (
        weak_label(
            clause(
                "The Parties agree that nothing in this Chapter shall prevent consultations.",
                heading="ARTICLE 9 Consultations",
            )
        )
        is None
    )
    assert (
        weak_label(
            clause("RECOGNISING that the gains from trade liberalisation should not be offset;", in_preamble=True)
        )
        == "recital"
    )
    assert weak_label(clause("The Parties shall abolish customs duties on imports.", in_preamble=False)) is None
    assert weak_label(clause("ARTICLE 20 GENERAL EXCEPTIONS", kind="heading")) is None


@pytest.mark.slow
def test_each_language_goes_to_the_model_trained_on_it(tiny_model, tmp_path):
    """The transformer labels the languages it was fine-tuned on (Spanish and French
    besides English), unless training found the n-gram model of a language better on dev;
    Ukrainian goes to the cues where no n-gram model was trained."""
    import shutil

    from servanda.classify import ClauseClassifier
    from servanda.classify.linear import analyze, fit

    out, info = tiny_model
    assert list(info["config"]["languages"]) == ["en", "es", "fr"]

    def labelled_by(model_dir):
        text = "Las Partes eliminarán sus aranceles. Зустріч відбулася у Києві."
        doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="es", provided={"text", "lang"})
        doc.clauses = [
            Clause(start=0, end=36, text=text[:36], lang="es"),
            Clause(start=37, end=len(text), text=text[37:], lang="uk"),
        ]
        doc.provided |= {"clauses", "clause_lang", "instrument"}
        stage = ClauseClassifier(model_dir)
        return [c.classifier for c in stage(doc).clauses]

    es, uk = labelled_by(out)
    assert es.startswith(out.name) and uk == "cues-3-uk"
    # an n-gram model for Spanish that won on dev takes Spanish over
    copy = tmp_path / "with-ngram"
    shutil.copytree(out, copy)
    ngram = fit(
        [analyze("eliminarán aranceles"), analyze("reunión en Madrid")] * 3, ["commitment", "other"] * 3, min_df=1
    )
    ngram.info["preferred_over_transformer"] = True
    ngram.save(copy / "linear-es-fr.json")
    es, _ = labelled_by(copy)
    assert es.startswith("charngram-es@")


def test_an_english_ngram_model_with_a_blend_weight_is_averaged_with_the_transformer(tiny_model, tmp_path):
    """Where training gave a language's n-gram model a blend weight, the transformer's
    probabilities are averaged with the n-gram model's: at weight 1 the n-gram model decides
    alone, at weight 0.5 the probability is the mean of the two; the clause names both."""
    import shutil

    from servanda.classify import ClauseClassifier
    from servanda.classify.features import clause_features
    from servanda.classify.linear import blend, fit

    out, _ = tiny_model
    text = "The Parties shall exchange data. The meeting took place in Geneva."
    rows = [("The Parties shall exchange data.", "disclaimer"), ("The meeting took place in Geneva.", "recital")] * 3
    ngram = fit([clause_features(Clause(0, len(t), t), "en", None) for t, _ in rows], [y for _, y in rows], min_df=1)

    def run(weight):
        copy = tmp_path / f"blend-{weight}"
        shutil.copytree(out, copy)
        ngram.info.update(blend_weight=weight, instrument_features=True)
        ngram.save(copy / "linear-en.json")
        doc = Document(doc_id="d", path="<text>", text=text, text_sha256="0", lang="en", provided={"text", "lang"})
        doc.clauses = [Clause(0, 32, text[:32], lang="en"), Clause(33, len(text), text[33:], lang="en")]
        doc.provided |= {"clauses", "clause_lang", "instrument"}
        stage = ClauseClassifier(copy)
        return stage, stage(doc).clauses

    stage, alone = run(1.0)
    assert [c.label for c in alone] == ["disclaimer", "recital"]  # the n-gram model's labels, not the transformer's
    assert all("+charngram-en@" in c.classifier for c in alone)
    stage, half = run(0.5)
    transformer = stage.model.predict(half)
    for clause, (_, _, probs) in zip(half, transformer):
        other = stage.linear["en"].predict_proba([clause_features(clause, "en", None)])[0]
        mixed = blend(stage.model.labels, probs, stage.linear["en"].labels, other, 0.5)
        assert clause.score == pytest.approx(max(mixed), abs=1e-4)


def _window_clauses(n):
    kinds = ["heading", "sentence", "list_item"]
    return [
        clause(
            f"Clause {i}: the Parties shall cooperate on matter number {i} " + "in good faith " * (i % 7),
            kind=kinds[i % 3],
            heading=f"Article {i // 10}",
            in_preamble=i < 5,
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("shift_seed", [None, 3])
def test_window_packing_labels_every_clause_once_between_its_neighbours(shift_seed):
    """Every clause is labelled by exactly one window, from a marker that opens it, with
    text of the clauses before and after it in the same window (except at the ends)."""
    import random

    from transformers import AutoTokenizer

    from servanda.classify.model import default_base_model
    from servanda.classify.window import NEIGHBOUR_TOKENS, WINDOW_TOKENS, document_windows

    tokenizer = AutoTokenizer.from_pretrained(default_base_model())
    clauses = _window_clauses(60)
    rng = random.Random(shift_seed) if shift_seed is not None else None
    windows = document_windows(tokenizer, clauses, rng)
    labelled = [i for w in windows for i in w.clauses]
    assert labelled == list(range(60))
    assert 1 < len(windows) < 60
    for w in windows:
        assert len(w.input_ids) <= WINDOW_TOKENS
        assert all(w.input_ids[p] == tokenizer.cls_token_id for p in w.markers)
        # the first labelled clause's heading opens the window
        heading = tokenizer.decode(w.input_ids[: w.input_ids.index(tokenizer.sep_token_id)])
        assert heading == clauses[w.clauses[0]].heading.lower()
        if w.clauses[0] > 0:  # neighbours before the first labelled clause
            assert w.markers[0] - (len(heading.split()) + 1) >= min(NEIGHBOUR_TOKENS, 10)
        if w.clauses[-1] < 59:  # and after the last
            text_after = tokenizer.decode(w.input_ids[w.markers[-1] :])
            assert f"clause {w.clauses[-1] + 1}" in text_after.replace(" :", ":")
    # the structure words open each clause
    first = windows[0]
    assert tokenizer.decode(first.input_ids[first.markers[0] + 1 : first.markers[0] + 6]).startswith(
        "heading preamble :"
    )


def test_window_packing_moves_its_boundaries_with_the_seed():
    import random

    from transformers import AutoTokenizer

    from servanda.classify.model import default_base_model
    from servanda.classify.window import document_windows

    tokenizer = AutoTokenizer.from_pretrained(default_base_model())
    clauses = _window_clauses(40)
    starts = {
        tuple(w.clauses[0] for w in document_windows(tokenizer, clauses, random.Random(seed))) for seed in range(5)
    }
    assert len(starts) > 1


@pytest.mark.slow
def test_window_model_trains_and_labels_a_document_in_order(tmp_path):
    """--window: a model that reads clauses in their document, saved like the pair model;
    at run time every clause gets a probability from its own marker, whatever the batch."""
    from servanda.classify.model import ClauseModel
    from servanda.training.trainer import TrainConfig, train

    info = train(TrainConfig(out_dir=str(tmp_path), epochs=1, batch_size=4, max_train_examples=80, input="window"))
    assert info["config"]["input"] == "window"
    assert len(info["dev_macro_f1_by_epoch"]) == 1 and 0.0 <= info["dev_macro_f1_by_epoch"][0] <= 1.0
    model = ClauseModel(tmp_path, dtype="float32")
    assert model.input == "window"
    pipeline = build_pipeline(PipelineConfig(model_dir=str(tmp_path)))
    doc = process_path(pipeline, CORPUS / "001_35aa4428eebad88a.txt")
    english = [c for c in doc.clauses if c.lang == "en"]
    assert len(english) > 20
    assert all(c.classifier.startswith(model.version.split("+")[0] + "+") for c in english)
    assert all(c.label in model.labels and 0.25 <= c.score <= 1.0 for c in english)
    # one window at a time gives the same labels as the batched run
    import servanda.classify.model as model_module

    batched = model.predict(english)
    model_module.WINDOW_BATCH, saved = 1, model_module.WINDOW_BATCH
    try:
        single = model.predict(english)
    finally:
        model_module.WINDOW_BATCH = saved
    assert [p[0] for p in single] == [p[0] for p in batched]
    assert all(abs(a[1] - b[1]) < 1e-4 for a, b in zip(single, batched))


def test_window_clauses_read_through_an_mpnet_head_are_the_mean_of_their_tokens():
    """The teacher's encoder (all-mpnet-base-v2) has a RoBERTa-style head that reads a
    sequence's first position: each clause stands as a sequence of one, read from the mean
    of its own tokens. A small MPNet from a config, the real window packing."""
    import torch
    from transformers import AutoTokenizer, MPNetConfig, MPNetForSequenceClassification

    from servanda.classify.model import default_base_model
    from servanda.classify.window import clause_logits, document_windows, padded_batch

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(default_base_model())
    config = MPNetConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        num_labels=4,
    )
    model = MPNetForSequenceClassification(config).eval()
    windows = document_windows(tokenizer, _window_clauses(30))[:2]
    ids, mask, pooling = padded_batch(windows, tokenizer.pad_token_id, "cpu", "mean")
    with torch.inference_mode():
        logits = clause_logits(model, ids, mask, pooling)
        assert logits.shape == (sum(len(w.clauses) for w in windows), 4)
        hidden = model.base_model(input_ids=ids, attention_mask=mask).last_hidden_state
        w = windows[1]
        start, end = w.markers[-1], w.ends[-1]
        expected = model.classifier(hidden[1, start:end].mean(dim=0)[None, None, :])
    assert torch.allclose(logits[-1], expected[0], atol=1e-5)


@pytest.mark.slow
def test_the_committed_default_classifier_loads_and_labels_a_treaty(monkeypatch):
    """The repository's own classifier (models/clause-minilm, saved with --release): it loads
    in a fresh clone without training, restores the word embeddings it leaves to the bundled
    MiniLM, and labels an English treaty's preamble, undertaking, exception and heading as the
    guide does; Ukrainian goes to its n-gram model, with a probability."""
    from servanda.classify.model import resolve_model_dir
    from servanda.paths import DEFAULT_MODEL_DIR

    monkeypatch.delenv("SERVANDA_MODEL", raising=False)
    assert resolve_model_dir() == DEFAULT_MODEL_DIR
    card = json.loads((DEFAULT_MODEL_DIR / "training.json").read_text())
    assert json.loads((DEFAULT_MODEL_DIR / "config.json").read_text()).get("word_embeddings_from")
    assert card["config"]["release"]

    text = (
        "AGREEMENT BETWEEN THE REPUBLIC OF ARCADIA AND THE KINGDOM OF BOREALIS ON THE SHARED RIVERS\n\n"
        'The Republic of Arcadia and the Kingdom of Borealis, hereinafter referred to as "the Parties",\n\n'
        "Recognising the importance of safe navigation on their shared rivers,\n\n"
        "Desiring to strengthen their cooperation in the management of water resources,\n\n"
        "Have agreed as follows:\n\n"
        "Article 1\n\n"
        "The Parties shall exchange hydrological data every month.\n\n"
        "Article 2\n\n"
        "Nothing in this Agreement shall be construed to prevent a Party from taking any measure "
        "it considers necessary for the protection of its essential security interests.\n"
    )
    pipeline = build_pipeline(PipelineConfig())
    doc = pipeline(Document(doc_id="arcadia", path="<text>", text=text, text_sha256="0", provided={"text"}))
    labels = {c.text.strip(): c.label for c in doc.clauses}
    assert labels["The Parties shall exchange hydrological data every month."] == "commitment"
    assert labels["Recognising the importance of safe navigation on their shared rivers,"] == "recital"
    assert labels["Article 1"] == "other"
    exception = next(c for c in doc.clauses if c.text.startswith("Nothing in this Agreement"))
    assert exception.label == "disclaimer"
    assert all(c.classifier.startswith(f"{DEFAULT_MODEL_DIR.name}@{card['fingerprint']}") for c in doc.clauses)
    # English is the transformer blended with its n-gram model, with the weight training chose on dev
    assert all("+charngram-en@" in c.classifier and 0.25 < c.score <= 1.0 for c in doc.clauses)

    uk = pipeline(
        Document(
            doc_id="uk",
            path="<text>",
            text="Сторони зобов’язуються щороку обмінюватися даними про стан річок.",
            text_sha256="0",
            provided={"text"},
        )
    )
    assert [c.label for c in uk.clauses] == ["commitment"]
    assert uk.clauses[0].classifier.startswith("charngram-uk@") and 0.5 < uk.clauses[0].score <= 1.0
