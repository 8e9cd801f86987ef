"""Language identification: every ToTA treaty, the seeds, and per-clause languages."""

from __future__ import annotations

import pytest

from servanda.jsonl import read_jsonl
from servanda.langid import ClauseLanguageIdentifier, LanguageIdentifier
from servanda.reader import read_document
from servanda.segment import Segmenter

from .conftest import CORPUS, TOTA_TXT, reserved_ids


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier()


@pytest.mark.skipif(not TOTA_TXT.exists(), reason="../shared/corpora/tota is not beside the project")
def test_every_tota_treaty(identifier):
    meta = read_jsonl(TOTA_TXT.parent / "meta.jsonl")
    skip = reserved_ids()
    wrong = []
    for row in meta:
        if row["doc_id"] in skip:
            continue
        text = (TOTA_TXT / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        lang, score = identifier.detect(text)
        if lang != row["lang"]:
            wrong.append((row["doc_id"], row["lang"], lang, score))
    assert not wrong


@pytest.mark.parametrize(
    "name,lang",
    [
        ("000_f321c7ed43b71061", "uk"),
        ("001_35aa4428eebad88a", "en"),
        ("002_a8a708190db0c4ae", "en"),
        ("003_8b34fae9ba579083", "en"),
        ("004_2434c8a2a09c0381", "en"),
    ],
)
def test_seeds(identifier, name, lang):
    doc = identifier(read_document(CORPUS / f"{name}.txt"))
    assert doc.lang == lang and doc.lang_score > 0.5


def with_clause_languages(tmp_path, identifier, text: str):
    """``text`` read from a file, segmented, with the document's and each clause's language."""
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    return ClauseLanguageIdentifier()(Segmenter()(identifier(read_document(path))))


def test_mixed_document_gets_per_clause_languages(tmp_path, identifier):
    doc = with_clause_languages(
        tmp_path,
        identifier,
        "Угода про співробітництво у сфері безпеки між Україною та Італією\n\n"
        "The Participants will cooperate closely on security and defence matters.\n\n"
        "This Agreement will remain in effect for a period of ten years from signature.\n\n"
        "Ukraine will continue to implement its reform programme in good faith.\n",
    )
    assert doc.lang == "en"
    assert [c.lang for c in doc.clauses] == ["uk", "en", "en", "en"]


def test_clauses_leave_the_document_language_only_on_clear_evidence(tmp_path, identifier):
    """Lingua's guesses that this stage overrules: a short English heading read as French,
    accented names (lingua rules English out for any "í"), a Spanish name of an office
    inside an English sentence. A line really written in French or German keeps its
    language, and so does a Ukrainian quote."""
    doc = with_clause_languages(
        tmp_path,
        identifier,
        "Part VII. Final Provisions\n\n"
        "Yesterday the Foreign Minister, María Belén Núñez, and the Trade Commissioner, Kürşat Öztürk, "
        "met in the capital to open the negotiations on the new chapter.\n\n"
        "In the case of Peru, the contact point is the Dirección General de Asuntos Comerciales "
        "Internacionales of the Ministerio de Comercio Exterior, or its successor.\n\n"
        "The Parties will exchange information on their customs procedures every year.\n\n"
        "Fait à Genève, le douze mars deux mille vingt, en deux exemplaires originaux.\n\n"
        "Geschehen zu Genf am zwölften März zweitausendzwanzig in zwei Urschriften.\n\n"
        "«Ми продовжимо переговори наступного тижня», — сказав посол.\n",
    )
    assert doc.lang == "en"
    assert [c.lang for c in doc.clauses] == ["en", "en", "en", "en", "fr", "de", "uk"]
    assert all(0.0 <= c.lang_score <= 1.0 for c in doc.clauses)
