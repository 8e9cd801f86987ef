"""Entities, officials and parties on real documents (guide §4–6), with the real
spaCy model, the real pymorphy3 dictionary and the real language and segmentation
stages. Reserved documents are never read."""

from __future__ import annotations

from pathlib import Path

import pytest

from servanda.attributes import resolve_actors, resolve_beneficiaries
from servanda.entities import EntityRecognizer, PartyResolver
from servanda.entities.gazetteer import english_demonyms, gazetteer
from servanda.entities.models import missing_stanza_models, stanza_resources_dir
from servanda.entities.officials import normalise_name
from servanda.langid import LanguageIdentifier
from servanda.reader import read_document, sha256_text
from servanda.records import ENTITY_LABELS, Clause, Document
from servanda.segment import Segmenter
from servanda.stages import Pipeline, PipelineError

from .conftest import CORPUS, EXTRA, TOTA_TXT, reserved_ids

UK_NEWS = CORPUS / "000_f321c7ed43b71061.txt"
DECLARATION = CORPUS / "001_35aa4428eebad88a.txt"
EN_NEWS = CORPUS / "002_a8a708190db0c4ae.txt"
AGREEMENT = CORPUS / "003_8b34fae9ba579083.txt"
KOSOVO_NEWS = CORPUS / "004_2434c8a2a09c0381.txt"
needs_extra = pytest.mark.skipif(not EXTRA.exists(), reason="../shared/corpora/extra is not beside the project")
needs_tota = pytest.mark.skipif(not TOTA_TXT.exists(), reason="../shared/corpora/tota is not beside the project")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline([LanguageIdentifier(), Segmenter(), EntityRecognizer(), PartyResolver()])


@pytest.fixture(scope="module")
def docs(pipeline):
    cache: dict[Path, Document] = {}

    def get(path: Path) -> Document:
        assert path.stem not in reserved_ids()
        if path not in cache:
            cache[path] = pipeline(read_document(path))
        return cache[path]

    return get


def mentions(doc: Document, surface: str) -> list:
    return [e for e in doc.entities if e.text == surface]


def official(doc: Document, surface: str):
    found = [e for e in mentions(doc, surface) if e.label == "OFFICIAL"]
    assert found, f"no OFFICIAL {surface!r} in {[(e.text, e.label) for e in doc.entities if e.label == 'OFFICIAL']}"
    return found[0]


# --- offsets and labels -----------------------------------------------------------


def _extra(name: str) -> Path:
    return EXTRA / f"{name}.txt"


OFFSET_DOCS = sorted(CORPUS.glob("*.txt")) + [
    p
    for p in (_extra("ua_de_security_2024"), _extra("ua_it_security_2024"), _extra("uk_news_eu_ua_summit_2020"))
    if p.exists()
]


@pytest.mark.parametrize("path", OFFSET_DOCS, ids=lambda p: p.stem)
def test_offsets_labels_and_ids(docs, path):
    doc = docs(path)
    text = path.read_bytes().decode("utf-8")
    assert doc.entities, "no entities found"
    previous_end = -1
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
        assert e.start >= previous_end, "entities overlap"
        previous_end = e.end
        assert e.label in ENTITY_LABELS
        if e.label in ("PARTY", "STATE"):
            assert e.id and e.id.isupper()
        if e.label == "PARTY":
            assert e.id in doc.parties
    assert doc.stages_run["entities"].startswith("gazetteer-")
    assert doc.parties == sorted(doc.parties)


# --- states, Kosovo and Ukrainian inflection --------------------------------------------


def test_kosovo_is_xkx_in_every_spelling(docs):
    en = docs(DECLARATION)
    for surface in ("REPUBLIC OF KOSOVA", "Republic of Kosovo", "Republic of Kosova", "Kosova"):
        assert {e.id for e in mentions(en, surface)} == {"XKX"}, surface
    uk = docs(UK_NEWS)
    for surface in ("Косово", "Косова", "Республіка Косово"):
        assert {e.id for e in mentions(uk, surface)} == {"XKX"}, surface


def test_all_caps_heading_and_long_forms(docs):
    doc = docs(DECLARATION)
    heading = mentions(doc, "REPUBLIC OF ALBANIA")
    assert heading and heading[0].start == 85 and heading[0].end == 104  # guide §7's example offsets
    assert {e.id for e in mentions(doc, "Republic of Croatia")} == {"HRV"}


def test_inflected_ukrainian_names_match_on_lemmas(docs):
    doc = docs(UK_NEWS)
    expected = {
        "Албанії": "ALB",
        "Албанією": "ALB",
        "Хорватії": "HRV",
        "Косова": "XKX",
        "Україні": "UKR",
        "НАТО": "NATO",
    }
    for surface, sid in expected.items():
        assert {e.id for e in mentions(doc, surface)} == {sid}, surface


def test_ukrainian_instrumental_case_in_a_constructed_document():
    text = "Між Україною та Італією укладено угоду. Італія надаватиме підтримку Україні."
    doc = Document(
        "t",
        "t",
        text,
        "",
        lang="uk",
        provided={"text", "lang", "clauses"},
        clauses=[Clause(0, 38, text[:38], lang="uk"), Clause(39, len(text), text[39:], lang="uk")],
    )
    doc = EntityRecognizer()(doc)
    assert [(e.text, e.id) for e in doc.entities] == [
        ("Україною", "UKR"),
        ("Італією", "ITA"),
        ("Італія", "ITA"),
        ("Україні", "UKR"),
    ]


def test_gazetteer_data_forms_and_what_it_must_not_tag():
    gaz = gazetteer("en")
    cases = {
        "the Republic of Korea": "KOR",
        "Grand-Duchy of Luxembourg": "LUX",
        "Türkiye": "TUR",
        "Czechia": "CZE",
        "United Kingdom of Great Britain and Northern Ireland": "GBR",
        "U.S.": "USA",
        "Former Yugoslav Republic of Macedonia": "MKD",
        "Kingdom of Thailand": "THA",
    }
    for surface, sid in cases.items():
        assert gaz.ids_in(f"between {surface} and") == [sid], surface
    # ordinary words, adjectives, regions and currencies are not state mentions
    assert (
        gaz.ids_in("roast turkey from chad; Ukrainian and Russian troops; Latin America; 75 million US dollars") == []
    )


def test_names_with_an_apostrophe_and_french_formal_names():
    """A name whose canonical form has a lower-case word with an apostrophe matches with any
    apostrophe ("Côte d’Ivoire"), and francophone treaties' formal names are known, the
    Democratic Republic of the Congo not taken for the Republic of the Congo."""
    assert gazetteer("en").ids_in("between Côte d’Ivoire and Ghana") == ["CIV", "GHA"]
    french = gazetteer("fr")
    assert french.ids_in("Le Gouvernement de la République de Côte d’Ivoire,") == ["CIV"]
    assert french.ids_in("Pour la République Togolaise Pour la Confédération suisse") == ["TGO", "CHE"]
    assert french.ids_in("la République démocratique du Congo et la République du Congo") == ["COD", "COG"]


def test_demonyms_are_derived_from_cldr_names():
    demonyms = english_demonyms()
    assert demonyms["Serbian"] == "SRB" and demonyms["Albanian"] == "ALB"
    assert demonyms["Nigerian"] == "NGA"  # not Niger
    assert demonyms["Kosovar"] == "XKX"  # curated: the model's vocabulary lacks it


# --- organisations and institutions -----------------------------------------------------


def test_institutions_are_one_org_without_a_nested_party(docs):
    doc = docs(DECLARATION)
    ministries = [e for e in doc.entities if e.text.startswith("Ministry of Defence of")]
    assert len(ministries) == 3 and all(e.label == "ORG" for e in ministries)
    assert not any(e.label == "PARTY" and m.start <= e.start < m.end for m in ministries for e in doc.entities)
    assert mentions(docs(UK_NEWS), "Міноборони Албанії")[0].label == "ORG"
    agreement = docs(AGREEMENT)
    assert mentions(agreement, "Defence Forces of Ukraine")[0].label == "ORG"


def test_org_inside_a_treaty_name_is_tagged_but_not_the_treaty(docs):
    doc = docs(AGREEMENT)
    charter = doc.text.index("UN Charter")
    tagged = [e for e in doc.entities if e.start == charter]
    assert [(e.text, e.label, e.id) for e in tagged] == [("UN", "ORG", "UN")]
    assert not any("Charter" in e.text or "Helsinki" in e.text for e in doc.entities)
    # adjectives and cities are not entities
    assert not any(e.text in ("Ukrainian", "Russian", "Albanian", "Tirana", "Davos", "Kharkiv") for e in doc.entities)


def test_government_of_a_state_tags_the_state():
    text = (
        "The Government of Japan and the Government of Hungary (hereinafter referred to as "
        "“the Parties”), Recognising their friendship,"
    )
    doc = Document(
        "t", "t", text, "", lang="en", provided={"text", "lang", "clauses"}, clauses=[Clause(0, len(text), text)]
    )
    doc = PartyResolver()(EntityRecognizer()(doc))
    assert [(e.text, e.label, e.id) for e in doc.entities] == [("Japan", "PARTY", "JPN"), ("Hungary", "PARTY", "HUN")]
    assert doc.parties == ["HUN", "JPN"]


# --- officials -------------------------------------------------------------------------


def test_signature_blocks_give_role_affiliation_and_normalised_name(docs):
    doc = docs(DECLARATION)
    vengu = official(doc, "Pirro VENGU")
    assert (vengu.role, vengu.affiliation, vengu.name) == ("Minister of Defence", "ALB", "Pirro Vengu")
    assert doc.text[vengu.start - 4 : vengu.start] == "Mr. "  # the honorific is not part of the span
    assert (vengu.start, vengu.end) == (4576, 4587)  # guide §7's example offsets
    anusic = official(doc, "Ivan ANUŠIĆ")
    assert (anusic.role, anusic.affiliation, anusic.name) == (
        "Deputy Prime Minister and Minister of Defence",
        "HRV",
        "Ivan Anušić",
    )
    assert official(doc, "Ejup MAQEDONCI").affiliation == "XKX"
    agreement = docs(AGREEMENT)
    assert (
        official(agreement, "Volodymyr Zelenskyy").role,
        official(agreement, "Volodymyr Zelenskyy").affiliation,
    ) == ("President", "UKR")
    assert (official(agreement, "Edi Rama").role, official(agreement, "Edi Rama").affiliation) == (
        "Prime Minister",
        "ALB",
    )


def test_appositions_take_affiliation_from_the_demonym(docs):
    doc = docs(KOSOVO_NEWS)
    zakharova = official(doc, "Mariya Zakharova")
    assert zakharova.affiliation == "RUS" and zakharova.role.endswith("spokeswoman")
    vucic = official(doc, "Aleksandar Vucic")
    assert (vucic.role, vucic.affiliation) == ("President", "SRB")
    later = [e for e in mentions(doc, "Vucic") if e.label == "OFFICIAL"]
    assert later and all(e.affiliation == "SRB" for e in later)  # "… Vucic said."
    assert mentions(doc, "Russian Foreign Ministry")[0].label == "ORG"


def officials_of(pipeline, text: str) -> dict:
    """The OFFICIAL entities the pipeline finds in ``text``, by surface."""
    doc = pipeline(Document(doc_id="t", path="<text>", text=text, text_sha256=sha256_text(text), provided={"text"}))
    return {e.text: e for e in doc.entities if e.label == "OFFICIAL"}


def test_a_name_the_model_cuts_short_is_completed(pipeline):
    """spaCy's small model cuts long and initialled names; the official's span is the whole
    name: words between a title and the span, a first name before a middle initial, title-case
    words that end the name; not a title word, a post-nominal or a title-case headline."""
    text = (
        "Announcement: President Harold P. Whitcombe Secures Historic Fisheries Deal\n\n"
        "Chilean President Ramón Ignacio Aravena Fuentes met the delegation on May 3, and Peruvian Foreign "
        "Minister Lucía Beatriz Quispe Mamani (Peru) joined them. Secretary of State for Trade, the Right "
        "Honourable James Carter MP, spoke after NATO Secretary General Stoltenberg."
    )
    found = officials_of(pipeline, text)
    for name in found:
        assert not name.endswith(("Secures", "Historic", "MP")) and not name.startswith(("General", "Honourable"))
    assert "James Carter" in found and found["James Carter"].role == "Secretary of State for Trade"
    whole = [n for n in found if "Aravena" in n or "Quispe" in n]
    assert whole and all(len(n.split()) >= 3 for n in whole)


def test_a_surname_right_after_a_title_is_an_official(pipeline):
    """The small spaCy model misses many lone surnames; a title right before one names an
    official ("Special Envoy Halvorsen", "President Okafor’s" without the possessive), but not
    a title's own adjective ("Ambassador Extraordinary") nor a name across a sentence break."""
    text = (
        "Today, Secretary Pemberton, Special Envoy Halvorsen, and Foreign Minister Dr. Tessa Quilliam met in "
        "Geneva. The talks follow President Okafor’s visit. She was Ambassador Extraordinary and "
        "Plenipotentiary. Fairbanks joined later."
    )
    found = {name: e.role for name, e in officials_of(pipeline, text).items()}
    assert found.get("Halvorsen") == "Special Envoy" and found.get("Okafor") == "President"
    assert "Extraordinary" not in found and "Okafor’s" not in found and "Fairbanks" not in found


def test_a_full_name_after_a_title_and_its_state_is_an_official(pipeline):
    """The small spaCy model reads "Chile Tomasa Iriarte" as an organisation or misses the
    name: a title with its "of …" tail, then two or three name words, names an official; the
    office's own words ("Foreign Affairs", "State") and a possessive stay out of the span; a
    tail of other capitalised words may hide where the name starts, and a headline in title
    case names nobody."""
    text = (
        "President Quispe Announces New Port Deal\n\n"
        "The accord was signed by President of Chile Tomasa Iriarte Lagos and Minister of Foreign Affairs "
        "Benedikt Ostrander. Trade Minister Ilse Marguerite Vandersloot said the deal is fair. Secretary of "
        "State Corwin J. Abernathy welcomed President Aldana Ruiz’s Summit for ports. The Minister of Culture and "
        "Heritage and Minister-in-Charge of Civic Renewal Orla Finnegan and others attended."
    )
    found = officials_of(pipeline, text)
    assert found["Tomasa Iriarte Lagos"].affiliation == "CHL"
    assert found["Ilse Marguerite Vandersloot"].role == "Trade Minister"
    assert {"Benedikt Ostrander", "Corwin J. Abernathy", "Aldana Ruiz"} <= set(found)
    wrong_starts = ("Affairs", "State", "Quispe", "Civic", "Heritage")
    assert not any(name.startswith(wrong_starts) or "’s" in name for name in found)


def test_names_joined_under_a_plural_title_are_all_officials(pipeline):
    """A plural title covers every name joined to the first ("Senators Quarles and Mbeki",
    "Executive Vice Presidents … and …"), with the affiliation the title gave; a US
    "Counselor of the Department of State" is a title, not part of an organisation's name."""
    text = (
        "We thank Chairwoman Ostrowski, and Senators Quarles and Mbeki for their support. The forum was opened "
        "by European Commission Executive Vice Presidents Ilse Vandermeulen and Tomas Hradecky, who praised the "
        "working groups. Counselor of the Department of State Mirela Castellanos attended the dinner."
    )
    found = officials_of(pipeline, text)
    assert (found["Quarles"].role, found["Mbeki"].role) == ("Senators", "Senators")
    assert found["Ilse Vandermeulen"].affiliation == found["Tomas Hradecky"].affiliation == "EU"
    assert found["Mirela Castellanos"].role == "Counselor of the Department of State"
    assert not any("Castellanos" in e.text for e in pipeline(_text_document(text)).entities if e.label == "ORG")


def test_the_member_states_of_a_grouping_are_the_parties_not_the_grouping(pipeline):
    """ "the EFTA States", "the Member States of MERCOSUR": the states conclude the agreement
    and are its parties; the grouping's name is an organisation mention, not a further party.
    The European Union is no such grouping: it is a party beside its member states."""

    def parties(text: str) -> list[str]:
        return pipeline(_text_document(text)).parties

    assert parties(
        "FREE TRADE AGREEMENT BETWEEN THE EFTA STATES AND GEORGIA\n\n"
        "Preamble\n\nIceland, the Principality of Liechtenstein, the Kingdom of Norway and the Swiss "
        "Confederation (the EFTA States), and Georgia, hereinafter each individually referred to as a "
        '"Party" or collectively as the "Parties",\n\nHave agreed as follows:\n\n'
        "Article 1\n\nThe Parties shall establish a free trade area.\n"
    ) == ["CHE", "GEO", "ISL", "LIE", "NOR"]
    assert parties(
        "AGREEMENT BETWEEN THE EUROPEAN UNION AND THE KINGDOM OF BELGIUM, THE FRENCH REPUBLIC AND THE "
        "REPUBLIC OF CHILE\n\nThe European Union, the Kingdom of Belgium, the French Republic and the Republic "
        'of Chile, hereinafter referred to as "the Parties",\n\nHave agreed as follows:\n\n'
        "Article 1\n\nThe Parties shall cooperate on customs matters.\n"
    ) == ["BEL", "CHL", "EU", "FRA"]


def test_names_whose_words_the_text_conversion_glued_are_still_names(pipeline):
    """Converted treaty texts run the words of a name together ("the LaoPeople's Democratic
    Republic", "the SocialistRepublic of Viet Nam"): the name is found, so the list of
    parties goes on past it; a lower-case run of letters is no name."""
    text = (
        "AGREEMENT ON TRADE IN GOODS\n\nPreamble\n\nThe Governments of Japan, and the Kingdom of Cambodia, the "
        "LaoPeople’s Democratic Republic, the Union ofMyanmar and the SocialistRepublic of Viet Nam (hereinafter "
        'referred to as "the Parties");\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall reduce '
        "customs duties on goods of the unitedstates origin.\n"
    )
    doc = pipeline(_text_document(text))
    assert doc.parties == ["JPN", "KHM", "LAO", "MMR", "VNM"]
    named = {e.text: e.id for e in doc.entities if e.label == "PARTY"}
    assert named["LaoPeople’s Democratic Republic"] == "LAO"
    assert named["SocialistRepublic of Viet Nam"] == "VNM"
    assert not any("unitedstates" in e.text for e in doc.entities)
    found = gazetteer("en").find("the Democratic Republic of Congo and the Republic of Congo")
    assert [m.id for m in found] == ["COD", "COG"]
    assert [m.id for m in gazetteer("en").find("THE GRAND DUCHY OF LUXEMBURG,")] == ["LUX"]


def test_the_definition_of_the_parties_is_the_one_that_names_them(pipeline):
    """ "(hereinafter referred to as "the EFTA States")" defines the EFTA States, not the
    Parties that a later "hereinafter collectively referred to as the Parties" defines; and an
    editor's note ("Note: Austria, Finland and Sweden withdrew …") lists no parties."""
    text = (
        "AGREEMENT BETWEEN THE EFTA STATES AND GEORGIA\n\nPREAMBLE The Republic of Iceland, the Principality of "
        "Liechtenstein, the Kingdom of Norway and the Swiss Confederation (hereinafter referred to as “the EFTA "
        "States”), and Georgia (hereinafter referred to as “Georgia”), hereinafter collectively referred to as the "
        "Parties, CONSIDERING the links between them;\n\nArticle 1\n\nThe Parties shall establish a free trade area.\n"
    )
    assert pipeline(_text_document(text)).parties == ["CHE", "GEO", "ISL", "LIE", "NOR"]
    note = (
        "CONVENTION ON TRADE\n\nNote: Austria, Finland and Sweden withdrew from this Convention in 1994.\n\n"
        "The Kingdom of Norway and the Republic of Chile,\n\nHave agreed as follows:\n\nArticle 1\n\n"
        "The Parties shall reduce customs duties.\n"
    )
    assert pipeline(_text_document(note)).parties == ["CHL", "NOR"]
    # the list the definition closes began in the clause before, which ended on "and"
    broken = (
        "FREE TRADE AGREEMENT\n\nBETWEEN\n\nTHE EFTA STATES\n\nAND\n\nTHE UNITED MEXICAN STATES\n\n"
        "The Republic of Iceland, the Principality of Liechtenstein, the Kingdom of Norway and \nthe Swiss "
        "Confederation (hereinafter referred to collectively as the EFTA States) \nand\n\nThe United Mexican States, "
        "(hereinafter referred to as Mexico) \n\n\nhereinafter referred to as the Parties,\n\nHave agreed as "
        "follows:\n\nArticle 1\n\nThe Parties shall establish a free trade area.\n"
    )
    assert pipeline(_text_document(broken)).parties == ["CHE", "ISL", "LIE", "MEX", "NOR"]


def test_the_member_states_a_convention_defines_are_its_parties(pipeline):
    """A convention that sets up an organisation calls its parties "the Member States"
    ("Estados Miembros"): that definition names all of them, where the title ran into the
    list and only two signed at the end of the text as it was converted."""
    text = (
        "CONVENTION ESTABLISHING THE NORTHERN TRADE ASSOCIATION Consolidated version  The Republic of Iceland, "
        "the Principality of Liechtenstein, the Kingdom of Norway and the Swiss Confederation (hereinafter "
        "referred to as the “Member States”); Having regard to their long co-operation; Have agreed as "
        "follows:\n\nArticle 1\n\nAn association is hereby established.\n\n"
        "For the Swiss Confederation:\n\nFor the Principality of Liechtenstein:\n"
    )
    assert pipeline(_text_document(text)).parties == ["CHE", "ISL", "LIE", "NOR"]
    spanish = (
        "CONVENIO CONSTITUTIVO DE LA ASOCIACIÓN DEL SUR Texto consolidado  La República Argentina, la República "
        "del Paraguay y la República Oriental del Uruguay (en adelante denominados los “Estados Miembros”); "
        "Considerando sus vínculos; Han convenido lo siguiente:\n\nArtículo 1\n\nSe establece la Asociación.\n\n"
        "Por la República del Paraguay:\n\nPor la República Oriental del Uruguay:\n"
    )
    assert pipeline(_text_document(spanish)).parties == ["ARG", "PRY", "URY"]


def test_an_administering_mission_and_a_cited_resolution_are_no_parties(pipeline):
    """ "The United Nations Interim Administration Mission in Kosovo on behalf of Kosovo in
    accordance with United Nations Security Council Resolution 1244": Kosovo is the party
    (NOTES), the mission is a body acting for it (UNMIK), and the Council is named only for
    its resolution."""
    text = (
        "AGREEMENT ON TRADE\n\nThe Republic of Albania, Montenegro and the United Nations Interim "
        "Administration Mission in Kosovo on behalf of Kosovo in accordance with United Nations Security "
        "Council Resolution 1244 (hereinafter referred to as the Parties),\n\nHave agreed as follows:\n\n"
        "Article 1\n\nThe Parties shall establish a free trade area.\n"
    )
    doc = pipeline(_text_document(text))
    assert doc.parties == ["ALB", "MNE", "XKX"]
    assert {e.id for e in doc.entities if e.text.startswith("United Nations Interim")} == {"UNMIK"}


def test_a_text_that_names_its_parties_as_such(pipeline):
    """The authors of a joint statement are its parties, not the states it announces a truce
    between; a list after "Signatories …:" names every party, and words in brackets after a
    state qualify it ("(in respect of Greenland)") without naming another party."""

    def parties(text: str) -> list[str]:
        doc = Document(doc_id="t", path="<text>", text=text, text_sha256=sha256_text(text), provided={"text"})
        return pipeline(doc).parties

    assert parties(
        "Joint Statement by the Prime Minister of Norway and the President of Chile on a Truce Between Peru and "
        "Bolivia\n\nToday Peru and Bolivia agreed to a truce between Peru and Bolivia. Peru and Bolivia will "
        "withdraw their forces. Norway and Chile will support the truce."
    ) == ["CHL", "NOR"]
    assert parties(
        "A Fisheries Convention Enters into Force\n\nThe convention enters into force today. Peru hosted the talks. "
        "The Signatories to the Convention: Chile, the Kingdom of Denmark (in respect of Greenland), Japan and "
        "Peru. The Convention protects fish stocks."
    ) == ["CHL", "DNK", "JPN", "PER"]


def test_ukrainian_title_patterns_and_foreign_surnames(docs):
    doc = docs(UK_NEWS)
    vengu = official(doc, "Піро Венгу")
    assert (vengu.role, vengu.affiliation) == ("міністр оборони", "ALB")
    assert official(doc, "Еюпа Маседончі").affiliation == "XKX"  # "колег з Косова Еюпа Маседончі"
    assert official(doc, "Івана Анушича").affiliation == "HRV"
    assert official(doc, "Маседончі").affiliation == "XKX"  # "– сказав Маседончі"


def test_name_normalisation():
    assert normalise_name("Pirro VENGU") == "Pirro Vengu"
    assert normalise_name("Ivan ANUŠIĆ") == "Ivan Anušić"
    assert normalise_name("Ursula von der Leyen") == "Ursula von der Leyen"


@needs_extra
def test_officials_in_extra_agreements(docs):
    de = docs(_extra("ua_de_security_2024"))
    scholz = official(de, "Olaf Scholz")
    assert (scholz.role, scholz.affiliation) == ("Federal Chancellor", "DEU")
    it = docs(_extra("ua_it_security_2024"))  # Ukrainian text: "За Італію: Прем’єр-міністр Джорджа Мелоні"
    assert it.lang == "uk" and official(it, "Джорджа Мелоні").affiliation == "ITA"


# --- parties ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, parties",
    [
        (UK_NEWS, ["ALB", "HRV", "XKX"]),
        (DECLARATION, ["ALB", "HRV", "XKX"]),
        (EN_NEWS, ["ALB", "UKR"]),
        (AGREEMENT, ["ALB", "UKR"]),
    ],
    ids=lambda x: getattr(x, "stem", None) or "-".join(x),
)
def test_party_sets_of_the_seed_documents(docs, path, parties):
    doc = docs(path)
    assert doc.parties == parties
    assert {e.id for e in doc.entities if e.label == "PARTY"} == set(parties)


def test_non_parties_stay_state_and_org(docs):
    doc = docs(AGREEMENT)
    assert {e.label for e in doc.entities if e.id == "RUS"} == {"STATE"}
    assert {e.label for e in doc.entities if e.id == "NATO"} == {"ORG"}


@needs_extra
@pytest.mark.parametrize(
    "name, parties",
    [
        ("ua_de_security_2024", ["DEU", "UKR"]),
        ("ua_dk_security_2024", ["DNK", "UKR"]),
        ("ua_fr_security_2024", ["FRA", "UKR"]),
        ("ua_it_security_2024", ["ITA", "UKR"]),
    ],
)
def test_party_sets_of_extra_agreements(docs, name, parties):
    assert docs(_extra(name)).parties == parties


@needs_tota
@pytest.mark.parametrize(
    "name, parties",
    [("pta_1", ["JPN", "THA"]), ("pta_10", ["PAN", "SGP"]), ("pta_35", ["CRI", "GTM", "HND", "NIC", "PAN", "SLV"])],
)
def test_party_sets_of_tota_treaties(docs, name, parties):
    assert name not in reserved_ids()
    assert docs(TOTA_TXT / f"{name}.txt").parties == parties


def test_resolve_actors_and_beneficiaries(docs):
    doc = docs(AGREEMENT)
    assert resolve_actors(
        "The Participants will hold senior-level Strategic Defence and Security Policy Dialogue.", doc
    ) == ["ALB", "UKR"]
    clause = "Albania will continue its support to Ukraine for the ten-year duration of this Agreement."
    assert resolve_actors(clause, doc) == ["ALB"]
    assert resolve_beneficiaries(clause, doc, ["ALB"]) == ["UKR"]
    assert resolve_actors("the Albanian Participant will provide", doc) == ["ALB"]
    assert resolve_actors("both countries will cooperate", doc) == ["ALB", "UKR"]
    uk = docs(UK_NEWS)
    assert resolve_actors("Сторони продовжать співпрацю", uk) == ["ALB", "HRV", "XKX"]
    assert resolve_actors("Албанія надаватиме підтримку", uk) == ["ALB"]


# --- backends and wiring ------------------------------------------------------------------


def test_stanza_backend_without_models_fails_at_construction(tmp_path):
    with pytest.raises(PipelineError, match="stanza.download"):
        EntityRecognizer(backend="stanza", stanza_dir=str(tmp_path))


def test_unknown_backend_is_refused():
    with pytest.raises(PipelineError, match="unknown NER backend"):
        EntityRecognizer(backend="flair")


@pytest.mark.skipif(
    bool(missing_stanza_models()),
    reason=f"stanza's en/uk tokenize+ner models are not installed in {stanza_resources_dir()} "
    f"(offline machine; see the PipelineError message for how to install them)",
)
def test_stanza_backend_finds_officials(tmp_path):
    stanza_pipeline = Pipeline([LanguageIdentifier(), Segmenter(), EntityRecognizer(backend="stanza"), PartyResolver()])
    doc = stanza_pipeline(read_document(KOSOVO_NEWS))
    assert doc.stages_run["entities"].split("+")[1].startswith("stanza")
    assert official(doc, "Aleksandar Vucic").affiliation == "SRB"


def test_entities_before_segmentation_fail_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="clauses"):
        Pipeline([LanguageIdentifier(), EntityRecognizer(), Segmenter()])
    with pytest.raises(PipelineError, match="entities"):
        Pipeline([LanguageIdentifier(), Segmenter(), PartyResolver(), EntityRecognizer()])


def test_stage_contract():
    assert (EntityRecognizer.name, EntityRecognizer.requires, EntityRecognizer.provides) == (
        "entities",
        frozenset({"text", "lang", "clauses"}),
        frozenset({"entities"}),
    )
    assert (PartyResolver.name, PartyResolver.requires, PartyResolver.provides) == (
        "parties",
        frozenset({"entities", "clauses"}),
        frozenset({"parties"}),
    )
    doc = Document("t", "t", "x", "", lang="en", provided={"text", "lang"})
    with pytest.raises(PipelineError, match="clauses"):
        EntityRecognizer()(doc)


def test_the_lead_in_that_says_who_agreed_names_every_party(cue_pipeline):
    """A title naming two of three participants must not hide the third."""
    from servanda.api import Servanda

    text = (
        "Foreign Secretary and the foreign ministers of Ukraine and Poland: joint statement\n\n"
        "Foreign Ministers of Poland, Ukraine and the United Kingdom met in New York and agreed to:\n\n"
        "- continue their support of Ukraine\n"
        "- meet again next year\n"
    )
    doc = Servanda(cue_pipeline)(text)
    assert doc.parties == ["GBR", "POL", "UKR"]


def test_a_title_the_ner_takes_into_a_name_becomes_the_role(pipeline):
    text = (
        "Joint Statement on the Red Sea Corridor\n\n"
        "Crown Prince Tariq bin Hamad, the Prime Minister of Veloria, met the President of Qadaria in Geneva. "
        "Both sides will build the corridor by 2030.\n"
    )
    doc = pipeline(Document("t", "t", text, "", provided={"text"}))
    officials = {e.text: e.role for e in doc.entities if e.label == "OFFICIAL"}
    assert list(officials) == ["Tariq bin Hamad"]  # the name alone, as the guide spans it
    assert officials["Tariq bin Hamad"] in ("Crown Prince", "Prime Minister of Veloria")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Foreign Minister Ana Duarte (Chile) and Foreign Minister Tomas Berg (Norway) signed the memorandum.",
            {"Ana Duarte": "CHL", "Tomas Berg": "NOR"},
        ),
        (
            "A joint statement from President Nataša Pirc of the Republic of Slovenia was issued.",
            {"Nataša Pirc": "SVN"},
        ),
        (
            "Chilean Vice President and Minister of Foreign Affairs Ana Duarte signed the protocol.",
            {"Ana Duarte": "CHL"},
        ),
    ],
)
def test_an_officials_state_after_the_name_or_before_coordinated_titles(cue_pipeline, text, expected):
    from servanda.api import Servanda

    doc = Servanda(cue_pipeline)(text)
    found = {e.text: e.affiliation for e in doc.entities if e.label == "OFFICIAL"}
    assert {name: found.get(name) for name in expected} == expected


def test_a_well_known_officeholder_named_without_a_state_takes_it_from_the_table(cue_pipeline):
    """ "President Trump" and "Secretary Rubio" in a release: the table of officeholders
    gives their state; a surname counts only with the title of an office its holder held
    ("Speaker Johnson" is not the British Prime Minister), and a name whose holder served
    two parties needs the title that says which (Mark Rutte)."""
    found = officials_of(
        cue_pipeline,
        "The United States and Ruritania Sign a Fisheries Arrangement\n\n"
        "Today, President Donald J. Trump welcomed the arrangement. Secretary Rubio will lead the talks. "
        "Speaker Johnson said the House would review it. NATO Secretary General Mark Rutte attended, "
        "and Prime Minister Boris Johnson sent a letter. European Commission Executive "
        "Vice-President Valdis Dombrovskis signed for the Union.",
    )
    assert found["Donald J. Trump"].affiliation == "USA"
    assert found["Rubio"].affiliation == "USA"
    assert found["Johnson"].affiliation is None
    assert found["Boris Johnson"].affiliation == "GBR"
    assert found["Mark Rutte"].affiliation == "NATO"
    # an office of an organisation's institution acts for the organisation (NOTES: EU office-holders)
    assert found["Valdis Dombrovskis"].affiliation == "EU"


def test_a_later_mention_with_the_officials_given_names_is_the_whole_name():
    """Where an official's surname stands again after the official's own first names ("…
    Minister Mykola Ivanovych Tkachenko" in a heading the statistical model read as no
    person), the mention is the whole name; the surname alone stays a mention of its own."""
    from servanda.entities.officials import OfficialFinder, official_entity

    text = (
        "Defence Minister Mykola Ivanovych Tkachenko said the ministries will train together.\n\n"
        "Statement of Defence Minister Mykola Ivanovych Tkachenko\n\nTkachenko thanked the Secretary.\n"
    )
    first = text.index("Mykola")
    official = official_entity(text, first, first + len("Mykola Ivanovych Tkachenko"), "Defence Minister", None, "ner")
    clauses = [Clause(0, len(text), text)]
    found = OfficialFinder.coreferent(text, [official], clauses, lambda s, e: s >= text.index("Statement"))
    assert [e.text for e in found] == ["Mykola Ivanovych Tkachenko", "Tkachenko"]


def test_a_signatory_whose_name_ends_in_a_suffix_keeps_its_full_stop(cue_pipeline):
    """ "JR." is part of the name: the span keeps its full stop; the block's "For X:" gives the
    affiliation, also where an annex follows the signatures."""
    body = "The Parties shall consult each other on the implementation of this Agreement. " * 12
    text = (
        f"Article 9\n\n{body}\n\n"
        "FOR THE REPUBLIC OF FINLAND:\nHAROLD P. WHITCOMBE JR.\nPresident of the Republic of Finland\n\n"
        "Annex to the Agreement\n\n"
        f"Pursuant to Article 9 of the Agreement, the Parties shall establish a joint committee. {body}\n"
    )
    found = officials_of(cue_pipeline, text)
    assert found["HAROLD P. WHITCOMBE JR."].affiliation == "FIN"


def _text_document(text: str) -> Document:
    return Document(doc_id="t", path="<text>", text=text, text_sha256=sha256_text(text), provided={"text"})


PROVISION = "Each Party shall notify the other Party of the measures it takes under paragraph {k}."
FRENCH_PROVISION = (
    "Chaque Partie informe l'autre Partie des mesures qu'elle prend en application du paragraphe {k} du présent accord."
)


def _treaty_ending_with(tail: str, provision: str = PROVISION, title: str = "") -> Document:
    """Eight short articles, then ``tail``: the signature blocks stand where a treaty's do."""
    provisions = "".join(f"Article {k}\n\n{provision.format(k=k)}\n\n" for k in range(1, 9))
    return _text_document(title + provisions + tail)


def test_a_state_name_broken_over_signature_lines_is_no_signatory():
    """ "For the Government of the" / "Lao People's Democratic" | "Republic:" (the segmenter
    cut the name after its second line): the second line begins a state's name that runs on
    past the clause, not a person's name."""
    from servanda.entities.signatures import SignatureReader

    text = (
        "For the Government of the \nLao People’s Democratic \nRepublic: \n\nNAM VIYAKETH \n\n"
        "Minister of Industry and \nCommerce \n"
    )
    cut = text.index("Republic:")
    clause = Clause(0, cut - 2, text[: cut - 2], kind="signature")
    assert SignatureReader("en", gazetteer("en")).from_signatures(text, [clause]) == []


def test_signatories_side_by_side_pair_with_the_parties_in_header_order(pipeline):
    """Two-column signature blocks as plain-text treaties lay them out: names apart by a wide
    gap or each after "H.E."; each signatory acts for the party above it, and a title line
    split the same way gives each their role."""
    doc = pipeline(
        _treaty_ending_with(
            "Article 9\n\nThis Agreement shall enter into force on the date of its signature.\n\n"
            "IN WITNESS WHEREOF the undersigned, duly authorised thereto, have signed this Agreement.\n\n"
            "Done at Valletta on 3 May 2011, in two originals in the English language.\n\n"
            "For the Republic of Malta    For the Kingdom of Norway\n  \n"
            "Anton BORG     Kari Nordmann HANSEN\n  \n"
            "Minister of Finance  Minister of Trade and Industry\n\n"
            "For the Republic of Chad For the Gabonese Republic \n\n"
            "H.E. IDRISSA MAHAMAT H.E. PAUL ONDO NZE \n\n"
        )
    )
    found = {e.text: (e.affiliation, e.role, e.name) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "Anton BORG": ("MLT", "Minister of Finance", "Anton Borg"),
        "Kari Nordmann HANSEN": ("NOR", "Minister of Trade and Industry", "Kari Nordmann Hansen"),
        "IDRISSA MAHAMAT": ("TCD", None, "Idrissa Mahamat"),
        "PAUL ONDO NZE": ("GAB", None, "Paul Ondo Nze"),
    }
    assert {"MLT", "NOR", "TCD", "GAB"} <= set(doc.parties)


def test_signature_columns_flattened_into_alternating_lines_pair_in_order(pipeline):
    """Two columns converted line by line: two headers, two names, two titles. Each name
    pairs with the header and the title in its place; where no headers stand right above the
    names they are officials without affiliation; "Texts Being Equally Authentic." and
    another language's header ("Voor de Europese Gemeenschap") are no one's names, and in
    English "M." is an initial, not "Monsieur"."""
    doc = pipeline(
        _treaty_ending_with(
            "IN WITNESS WHEREOF the undersigned have signed this Agreement.\n\n"
            "DONE at Nuuk in the English language, All\n\nTexts Being Equally Authentic.\n"
            "For the Republic of Malta\n\nFor the Kingdom of Norway\n"
            "Mr. Anton Borg\n\nMs. Kari Hansen\n"
            "Minister of Finance\n\nMinister of Trade and Industry\n\n"
            "M. ROBERT TANNER\n\nPAUL ONDO NZE\n\n"
            "For the European Community\nVoor de Europese Gemeenschap\nPentru Comunitatea Europeană\n"
        )
    )
    found = {e.text: (e.affiliation, e.role) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "Anton Borg": ("MLT", "Minister of Finance"),
        "Kari Hansen": ("NOR", "Minister of Trade and Industry"),
        "M. ROBERT TANNER": (None, None),
        "PAUL ONDO NZE": (None, None),
    }


def test_a_signatory_over_the_title_that_names_the_state_acts_for_it(pipeline):
    """Heads of state sign with no "Por X" header: the name, then the title that names the
    state ("Presidente de la República de Costa Rica", broken after "DE LA" in capitals). Two
    columns run together ("… Ministro de Comercio Exterior Minister of Trade") pair nothing,
    a witness's line ("Como Testigo de Honor") is no name, and the headings of the annex that
    follows ("Apéndice I" / "Apéndice II") are not read as signatures."""
    doc = pipeline(
        _treaty_ending_with(
            "Hecho en la ciudad de Panamá, en seis ejemplares originales igualmente auténticos.\n\n"
            " Ana Lucía Solano Mora\n Presidenta de la República de Costa Rica\n\n"
            " JORGE ALBERTO QUIÑÓNEZ\n PRESIDENTE DE LA\n REPÚBLICA DE HONDURAS\n\n"
            " Pedro Ruiz Pablo Soto\n Ministro de Comercio Exterior Minister of Trade\n\n"
            " Como Testigo de Honor\n\n"
            "ANEXO I\n\nApéndice I\nApéndice II\n"
        )
    )
    found = {e.text: (e.affiliation, e.role) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "Ana Lucía Solano Mora": ("CRI", "Presidenta de la República de Costa Rica"),
        "JORGE ALBERTO QUIÑÓNEZ": ("HND", "PRESIDENTE DE LA REPÚBLICA DE HONDURAS"),
    }


def test_signatures_as_an_official_gazette_prints_them_and_names_and_titles_broken_over_lines(pipeline):
    """ "… auténticos.- El Presidente de la República de Costa Rica, Ana Solano Mora.- Rúbrica.-
    Por los Estados Unidos Mexicanos: el Secretario de Economía, Luis Peña Ruiz.- Rúbrica.":
    the name before ".-" is the official, acting for the state its title or its "Por X:" names.
    In a block laid out in lines, a long name broken over two lines under one header is one
    name, and a title broken after "DEL" goes on over the next lines."""
    gazette = pipeline(
        _treaty_ending_with(
            "Firmado en la ciudad de Managua, en dos ejemplares igualmente auténticos.- El Presidente de la "
            "República de Costa Rica, Ana Solano\n  Mora.- Rúbrica.- Por los Estados Unidos Mexicanos: el Secretario "
            "de Economía, Luis Peña Ruiz.- Rúbrica.\n"
        )
    )
    found = {" ".join(e.text.split()): (e.affiliation, e.role) for e in gazette.entities if e.label == "OFFICIAL"}
    assert found == {
        "Ana Solano Mora": ("CRI", "Presidente de la República de Costa Rica"),
        "Luis Peña Ruiz": ("MEX", "Secretario de Economía"),
    }
    lines = pipeline(
        _treaty_ending_with(
            "EN FE DE LO CUAL, los infrascritos firman el presente Acuerdo.\n\n"
            "POR EL GOBIERNO DE LA\nREPÚBLICA DE EL SALVADOR\n\n\nJUAN PABLO ANTONIO\nRIVAS MOLINA\n"
            "MINISTRO DE ECONOMÍA\n\n\nPOR EL GOBIERNO DE LA\nREPÚBLICA DE CUBA\n\nPEDRO LUIS GARCÍA\n"
            "VICEMINISTRO PRIMERO DEL\nCOMERCIO EXTERIOR Y LA\nINVERSIÓN EXTRANJERA\n"
        )
    )
    found = {e.text: (e.affiliation, e.role) for e in lines.entities if e.label == "OFFICIAL"}
    assert found == {
        "JUAN PABLO ANTONIO\nRIVAS MOLINA": ("SLV", "MINISTRO DE ECONOMÍA"),
        "PEDRO LUIS GARCÍA": ("CUB", "VICEMINISTRO PRIMERO DEL COMERCIO EXTERIOR Y LA INVERSIÓN EXTRANJERA"),
    }


def test_a_signature_header_that_names_a_head_of_state_gives_that_state_as_party(pipeline):
    """ "For the President of the Italian Republic," is no signatory's title: the block signs
    for Italy (the title line under a name still gives no party)."""
    doc = pipeline(
        _treaty_ending_with(
            "IN WITNESS WHEREOF, the undersigned Plenipotentiaries have signed this Agreement.\n\n"
            "For the President of the Italian Republic,\nGiulio ROSSI\n\n\n"
            "For Her Majesty the Queen of the Netherlands,\nPieter DE VRIES\n\n\n"
            "For the President of the Republic of Tunisia,\nAli BEN SALAH\nMinister of Foreign Affairs of Egypt\n"
        )
    )
    assert doc.parties == ["ITA", "NLD", "TUN"]


def test_a_community_treaty_of_one_part_and_the_other_has_both_sides_as_parties(pipeline):
    """An association agreement whose text opens with its first article names its sides only
    in the bilateral formula: "between the Community and its Member States, of the one part,
    and Ruritania, of the other part". "The Community" is the EU where the text names the
    European Community in full; another community is not."""
    text = (
        "Article 1\n\n1. An Association is hereby established between the Community and its Member States, "
        "of the one part, and the Republic of Moldova, of the other part.\n\n"
        "2. The aims of this Association are to support the efforts of Moldova to strengthen democracy.\n\n"
        "Article 2\n\nThe Community shall open its market to products of Moldova. The Community of Sahel-Saharan "
        "States shall be informed.\n\nArticle 3\n\nThe European Community and Moldova shall hold consultations.\n"
    )
    doc = pipeline(_text_document(text))
    assert doc.parties == ["EU", "MDA"]
    assert [e.text for e in doc.entities if e.id == "EU"] == ["Community", "Community", "European Community"]
    spanish = pipeline(
        _text_document(
            "Artículo 1\n\nSe establece una asociación entre la Comunidad, de una parte, y la República de Chile, "
            "de otra parte.\n\nArtículo 2\n\nLa Comunidad Europea y Chile cooperarán en materia aduanera.\n"
        )
    )
    assert spanish.parties == ["CHL", "EU"]
    union = pipeline(
        _text_document(
            "Article 1\n\n1. An association between the Union and its Member States, of the one part, and Georgia, "
            "of the other part, is hereby established.\n\nArticle 2\n\nThe Union shall support reforms in Georgia. "
            "The European Union and Georgia shall meet once a year.\n\nDone at Brussels.\n\nFor Ireland\n\n"
            "For the Grand Duchy of Luxembourg\n"
        )
    )
    assert union.parties == ["EU", "GEO"]  # the formula, not the signature lines a truncated block kept
    other = pipeline(
        _text_document(
            "The Partner States of the East African Community shall cooperate. The Community shall have a "
            "Secretariat. The Secretariat shall inform the European Community of its decisions.\n"
        )
    )
    assert not any(e.id == "EU" and e.text == "Community" for e in other.entities)


def test_a_preamble_that_lists_the_member_states_and_the_formula_that_adds_both_sides(pipeline):
    """A mixed agreement lists the member states, "hereinafter referred to as the Member States",
    and then the Community and the other side in the one-part/other-part formula: all of them
    are parties. A recital that cites another agreement in the same formula adds nobody."""
    text = (
        "THE KINGDOM OF BELGIUM,\n\nTHE KINGDOM OF DENMARK,\n\nTHE FRENCH REPUBLIC,\n\nContracting Parties to the "
        'Treaty establishing the European Community, hereinafter referred to as the "Member States", and\n\n'
        'THE EUROPEAN COMMUNITY, hereinafter referred to as "the Community",\n\nof the one part, and\n\n'
        "THE REPUBLIC OF MOLDOVA,\n\nof the other part,\n\nCONSIDERING the links between the Parties,\n\n"
        "TAKING INTO ACCOUNT the Agreement between the European Community and its Member States, of the one "
        "part, and the Republic of Armenia, of the other part,\n\nHAVE AGREED AS FOLLOWS:\n\nArticle 1\n\n"
        "The Parties shall cooperate.\n"
    )
    doc = pipeline(_text_document(text))
    assert doc.parties == ["BEL", "DNK", "EU", "FRA", "MDA"]
    bilateral = (
        'The Republic of Turkey and the Republic of Moldova (hereinafter referred to as "the Parties"),\n\n'
        "TAKING INTO ACCOUNT the Association Agreement between the European Union and its Member States, of "
        "the one part, and the Republic of Moldova, of the other part;\n\nHAVE AGREED AS FOLLOWS:\n\nArticle 1\n\n"
        "The Parties shall establish a free trade area.\n"
    )
    assert pipeline(_text_document(bilateral)).parties == ["MDA", "TUR"]


PLENIPOTENTIARIES = [
    (
        "Los Gobiernos designaron como Plenipotenciarios: el Presidente de la República de Costa Rica, al "
        "señor don Rodrigo Méndez Soto, Ministro de Comercio Exterior, y al señor Luis Vargas, Subsecretario "
        "de Hacienda; el Presidente de la República de Panamá, a la señora Ana María Ruiz, Viceministra de "
        "Relaciones Exteriores. Los Estados se comprometen a eliminar los aranceles.\n",
        {
            "Rodrigo Méndez Soto": ("Ministro de Comercio Exterior", "CRI"),
            "Luis Vargas": ("Subsecretario de Hacienda", "CRI"),
            "Ana María Ruiz": ("Viceministra de Relaciones Exteriores", "PAN"),
        },
    ),
    (
        "Les Gouvernements ont désigné comme plénipotentiaires: le Président de la République du Sénégal, "
        "S.E. Monsieur Amadou Diallo, Ministre du Commerce; le Président de la République du Mali, Madame "
        "Fatoumata Keita, Ambassadeur du Mali à Dakar. Les Parties contractantes s'engagent à réduire les "
        "droits de douane.\n",
        {"Amadou Diallo": ("Ministre du Commerce", "SEN"), "Fatoumata Keita": ("Ambassadeur du Mali à Dakar", "MLI")},
    ),
]


@pytest.mark.parametrize("text, expected", PLENIPOTENTIARIES)
def test_spanish_and_french_plenipotentiaries_named_after_an_honorific(pipeline, text, expected):
    """ "el Presidente de la República de Costa Rica, al señor don Rodrigo Méndez Soto,
    Ministro de Comercio Exterior": the name after the honorific, its title after it, and the
    state the designation began with (or that the title names)."""
    doc = pipeline(_text_document(text))
    assert {e.text: (e.role, e.affiliation) for e in doc.entities if e.label == "OFFICIAL"} == expected


def test_a_name_whose_article_is_its_own_keeps_it():
    """ "El Salvador" is the name, article and all ("la República de El Salvador", "EL
    SALVADOR, GUATEMALA"); the article of "the Republic of Albania" is no part of its name."""
    spans = [(m.start, m.end, m.id) for m in gazetteer("es").find("la República de El Salvador y EL SALVADOR")]
    assert spans == [(3, 27, "SLV"), (30, 41, "SLV")]
    found = gazetteer("en").find("El Salvador and the Republic of Albania")
    assert [(m.start, m.end, m.id) for m in found] == [(0, 11, "SLV"), (20, 39, "ALB")]


def test_a_long_form_keeps_the_adjectives_before_it():
    """ "the Democratic Popular Republic of Yemen", "the Democratic Republic of the Sudan":
    every adjective of the state's long form is part of its name."""
    text = "For the Democratic Popular Republic of Yemen For the Democratic Republic of the Sudan"
    found = [(text[m.start : m.end], m.id) for m in gazetteer("en").find(text)]
    assert found == [("Democratic Popular Republic of Yemen", "YEM"), ("Democratic Republic of the Sudan", "SDN")]


def test_signature_layouts_of_printed_treaties_give_their_signatories(pipeline):
    """Layouts a printed treaty has and a converted text keeps: two columns whose headers are
    wrapped over two lines (the second ending in a colon) with the ruled lines signed on and
    blank lines before the names; a signature form ("Firma: ____" / "Nombre:" / "Cargo:")
    with a name of six words, four of them names; and the name printed under the
    "(firmado)" mark, under a title that names the state."""
    doc = pipeline(
        _treaty_ending_with(
            "Hecho en Quito, el 3 de abril de 2025, en dos ejemplares originales en idioma español.\n\n\n"
            "POR EL GOBIERNO DE LA                         POR EL GOBIERNO DE LA\n"
            "REPÚBLICA DE BOLIVIA:                         REPÚBLICA DEL ECUADOR:\n\n\n\n"
            "__________________________                    __________________________\n"
            "Teresa Inés Villca Mamani                     Bruno Esteban Carrión de la Vega\n"
            "Ministra de Medio Ambiente                    Ministro del Ambiente\n\n\n"
            "Por el Reino de Bélgica\n"
            "Firma:  ____________________\n"
            "Nombre: Pieter de la Croix y Van Damme\n"
            "Cargo:  Embajador\n\n\n"
            "Por el Gobierno de la República de Chile,\n\n"
            "Ministra de Relaciones Exteriores de la República de Chile\n\n"
            "(firmado)\n\n"
            "Amalia Rosario Pinto Leiva\n"
        )
    )
    found = {e.text: (e.affiliation, e.role) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "Teresa Inés Villca Mamani": ("BOL", "Ministra de Medio Ambiente"),
        "Bruno Esteban Carrión de la Vega": ("ECU", "Ministro del Ambiente"),
        "Pieter de la Croix y Van Damme": ("BEL", "Embajador"),
        "Amalia Rosario Pinto Leiva": ("CHL", "Ministra de Relaciones Exteriores de la República de Chile"),
    }


def test_spanish_and_french_news_name_officials_after_their_titles(pipeline):
    """Running text names an official after the title, set off by commas or right after a
    bare title; a later mention by the two surnames (or with the particle) is the same
    official. A title that lists portfolios with commas ("de Economía, Industria y
    Comercio,") is no name, nor is a body named after a title ("…, Ministerio de Hacienda,")."""
    doc = pipeline(
        _text_document(
            "Ecuador y Colombia firman un acuerdo sobre pasos fronterizos\n\n"
            "QUITO, 4 mar. – La ministra de Relaciones Exteriores del Ecuador, Lucía Andrade Salvador, y su "
            "homóloga colombiana, la canciller Mariana Ospina Restrepo, firmaron este martes el acuerdo. "
            "También asistió el ministro de Economía, Industria y Comercio, Julián Pacheco Mora, quien "
            "coordinará el plan con el director general de Aduanas, Ministerio de Hacienda, y los gremios.\n\n"
            "Andrade Salvador dijo que el acuerdo entrará en vigor en junio. Ospina Restrepo lo celebró, "
            "y Andrade recordó que asistió el secretario general de la Comunidad Andina (CAN), Diego Ruiz Vela; "
            "también firmó como testigo el embajador de Chile en Ecuador, Tomás Ibáñez Correa."
        )
    )
    found = {(e.text, e.affiliation) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        ("Lucía Andrade Salvador", "ECU"),
        ("Mariana Ospina Restrepo", None),
        ("Julián Pacheco Mora", None),
        ("Andrade Salvador", "ECU"),
        ("Ospina Restrepo", None),
        ("Andrade", "ECU"),  # a Spanish name's first surname alone
        ("Diego Ruiz Vela", None),
        ("Tomás Ibáñez Correa", "CHL"),
    }


def test_an_honourable_is_no_part_of_the_signatorys_name(pipeline):
    doc = pipeline(
        _treaty_ending_with(
            "IN WITNESS WHEREOF the undersigned have signed this Agreement.\n\n"
            "DONE at Nairobi on 2 May 2025.\n\n"
            "For the Republic of Kenya:\nHon. Amina Wanjiru Odhiambo\nCabinet Secretary for Trade\n"
        )
    )
    assert [(e.text, e.affiliation) for e in doc.entities if e.label == "OFFICIAL"] == [
        ("Amina Wanjiru Odhiambo", "KEN")
    ]


def test_a_title_that_goes_on_is_no_name_and_ruled_lines_stand_between_headers_and_names(pipeline):
    """Columns flattened into lines with the dotted lines signed on between the headers and
    the names pair as the lines do without them; "Minister of Justice and Public Security"
    is one title, "Public Security" no person."""
    doc = pipeline(
        _treaty_ending_with(
            "IN WITNESS WHEREOF the undersigned have signed this Protocol.\n\n"
            "DONE at Lusaka this 3rd day of May, 2025.\n\n"
            "For the Republic of Zambia:\nFor the Republic of Malawi:\n"
            ".....................................\n.....................................\n"
            "HON. CHANDA MUSONDA PHIRI\nHON. ESTHER CHIMWEMWE BANDA\n"
            "MINISTER OF COMMERCE\nMINISTER OF TRADE\n\n"
            "For the Republic of Botswana\n\nKagiso Thato Molefe\nMinister of Justice and Public Security\n"
        )
    )
    found = {e.text: e.affiliation for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {"CHANDA MUSONDA PHIRI": "ZMB", "ESTHER CHIMWEMWE BANDA": "MWI", "Kagiso Thato Molefe": "BWA"}


def test_a_decrees_own_closing_line_opens_its_signatures(pipeline):
    """A promulgation decree closes "Dado en la Casa de Gobierno, …" and is signed by the
    head of state and countersigned by the minister, each name over its title."""
    doc = pipeline(
        _treaty_ending_with(
            "Dado en la Casa de Gobierno, en Lima, a los tres días del mes de marzo del año dos mil "
            "veinticinco.\n\n"
            "ROSA ELVIRA QUISPE MAMANI\nPresidenta de la República\n\n"
            "JORGE LUIS TAPIA SALAZAR\nMinistro de Relaciones Exteriores\n"
        )
    )
    found = {e.text: e.role for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "ROSA ELVIRA QUISPE MAMANI": "Presidenta de la República",
        "JORGE LUIS TAPIA SALAZAR": "Ministro de Relaciones Exteriores",
    }


def test_the_spanish_gazette_prints_party_name_and_title_run_on(pipeline):
    doc = pipeline(
        _treaty_ending_with(
            "Hecho en Quito, el 4 de mayo de 2024, en dos ejemplares en lengua española, siendo ambos textos "
            "igualmente auténticos.–Por el Reino de España, Marta Isabel Gómez de Lara, Embajadora de España "
            "en Ecuador.–Por la República del Ecuador, Andrés Felipe Vera Castro, Ministro de Cultura.\n"
        )
    )
    found = {(e.text, e.affiliation, e.role) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        ("Marta Isabel Gómez de Lara", "ESP", "Embajadora de España en Ecuador"),
        ("Andrés Felipe Vera Castro", "ECU", "Ministro de Cultura"),
    }


def test_a_reports_lead_that_lists_the_headlines_sides_and_a_known_bank_gives_all(pipeline):
    """ "Moldova and Romania sign bridge loan" over "CHISINAU - Moldova, Romania and the European
    Bank for Reconstruction and Development (EBRD) signed …": the lead's list, which holds the
    headline's sides and a body the table knows, is the list of parties."""
    doc = pipeline(
        _text_document(
            "Moldova and Romania sign bridge loan\n\n"
            "CHISINAU - Moldova, Romania and the European Bank for Reconstruction and Development (EBRD) "
            "signed a loan agreement for a new bridge over the Prut. The EBRD will lend EUR 40 million."
        )
    )
    assert doc.parties == ["EBRD", "MDA", "ROU"]


def test_a_report_whose_lead_names_bodies_as_signatories_gives_them_all(pipeline):
    """ "OSLO - Ukraine, Norway and the Nordic Environment Finance Corporation (NEFCO) signed
    …": the corporation is a party with the acronym the text gives as its id, though the
    headline names only the two states; "Lviv City Council" is the council of Lviv (LVIVCC,
    as the Ukrainian "Львівська міська рада")."""
    doc = pipeline(
        _text_document(
            "Ukraine and Norway sign grant agreement\n\n"
            "OSLO - Ukraine, Norway and the Nordic Environment Finance Corporation (NEFCO) signed a grant agreement "
            "on power grids. NEFCO will buy transformers."
        )
    )
    assert doc.parties == ["NEFCO", "NOR", "UKR"]
    assert [e.text for e in doc.entities if e.id == "NEFCO"] == [
        "Nordic Environment Finance Corporation",
        "NEFCO",
        "NEFCO",
    ]
    doc = pipeline(
        _text_document(
            "Lviv and a wind-power company sign memorandum\n\n"
            "KYIV, March 3, 2026 - Lviv City Council and Havbrise Energy AS signed a memorandum on a wind farm. "
            "Havbrise Energy AS will invest EUR 200 million."
        )
    )
    assert doc.parties == ["HEA", "LVIVCC"]


def test_a_title_in_apposition_to_a_states_title_takes_its_state(pipeline):
    """ "Chile's Minister of Foreign Affairs, Ambassador X" and "his Brazilian counterpart,
    Foreign Minister Y": the state of the title the second one stands beside."""
    found = officials_of(
        pipeline,
        "The memorandum was signed in Santiago by Chile's Minister of Foreign Affairs, Ambassador Roberto "
        "Fuentes, and his Brazilian counterpart, Foreign Minister Carlos Mendoza.",
    )
    assert {surface: e.affiliation for surface, e in found.items()} == {
        "Roberto Fuentes": "CHL",
        "Carlos Mendoza": "BRA",
    }


def test_development_banks_and_un_agencies_by_their_names_in_each_language(pipeline):
    """The organisation table names the development banks and the UN agencies in English,
    Ukrainian, Spanish and French: a memorandum with one of them has it as a party, not the UN
    whose name its own holds."""
    for text, want in (
        (
            "MEMORANDO DE ENTENDIMIENTO ENTRE EL BANCO INTERAMERICANO DE DESARROLLO Y LA REPÚBLICA DE "
            'HONDURAS\n\nEl Banco Interamericano de Desarrollo (en adelante, el "BID") y la República de '
            'Honduras, denominados conjuntamente las "Partes", acuerdan lo siguiente:',
            ["HND", "IDB"],
        ),
        (
            "ACCORD ENTRE L’ORGANISATION DES NATIONS UNIES POUR L’ÉDUCATION, LA SCIENCE ET LA CULTURE ET LE "
            "GOUVERNEMENT DE LA RÉPUBLIQUE DU SÉNÉGAL\n\nL’Organisation des Nations Unies pour l’éducation, la "
            "science et la culture et le Gouvernement de la République du Sénégal sont convenus de ce qui suit :",
            ["SEN", "UNESCO"],
        ),
    ):
        doc = pipeline(Document(doc_id="t", path="<text>", text=text, text_sha256=sha256_text(text), provided={"text"}))
        assert doc.parties == want


def test_an_elided_article_before_a_party_and_a_comma_inside_its_name(pipeline):
    """ "L’ORGANISATION DES NATIONS UNIES POUR L’ÉDUCATION, LA SCIENCE …" in a title: the
    article is no part of the name and the comma does not end it; "D’UN BUREAU" names no UN."""
    text = (
        "ACCORD ENTRE L’ORGANISATION DES NATIONS UNIES POUR L’ÉDUCATION, LA SCIENCE ET LA CULTURE ET LE "
        "GOUVERNEMENT DE LA RÉPUBLIQUE DU MALI RELATIF À L’OUVERTURE D’UN BUREAU À BAMAKO\n\n"
        "Les deux Parties sont convenues de ce qui suit :"
    )
    doc = pipeline(Document(doc_id="t", path="<text>", text=text, text_sha256=sha256_text(text), provided={"text"}))
    assert doc.parties == ["MLI", "UNESCO"]
    assert "UN" not in {e.id for e in doc.entities}


def test_an_official_after_a_title_and_a_comma_with_a_name_the_model_does_not_read(pipeline):
    """ "the Secretary of Trade, ANA LUISA REYES-DIMAGIBA, for the Government of the Republic of
    the Philippines": a name in capitals, placed by the side it signs for; "Viet Nam's Minister of
    Health, Professor Trần Văn Bình": the possessive's state. A title's own words after a comma
    ("Foreign Affairs, Trade and Development") are no name."""
    found = officials_of(
        pipeline,
        "The Agreement was signed at Manila on 3 March 2025 by the Secretary of Trade, ANA LUISA "
        "REYES-DIMAGIBA, for the Government of the Republic of the Philippines, and by Viet Nam's Minister "
        "of Health, Professor Trần Văn Bình, for the Government of the Socialist Republic of Viet Nam. The "
        "Minister of Foreign Affairs, Trade and Development, and the Secretary of Finance will meet.",
    )
    assert {surface: e.affiliation for surface, e in found.items()} == {
        "ANA LUISA REYES-DIMAGIBA": "PHL",
        "Trần Văn Bình": "VNM",
    }


def test_a_swedish_particle_stays_in_a_signatorys_name(pipeline):
    found = officials_of(
        pipeline,
        "Done at Stockholm on 3 May 2025.\n\nFor the Kingdom of Sweden\n\nEbba Charlotta af Klinteberg\n"
        "Minister for Foreign Trade\n",
    )
    assert {surface: e.affiliation for surface, e in found.items()} == {"Ebba Charlotta af Klinteberg": "SWE"}


def _french_treaty_ending_with(tail: str) -> Document:
    return _treaty_ending_with(tail, FRENCH_PROVISION, "ACCORD ENTRE LA FRANCE ET LE SÉNÉGAL\n\n")


def test_french_signatures_print_the_title_above_the_name(pipeline):
    """French acts and treaties print the title above the name: under two headers, two titles
    and then two names pair in order; a title that ends in a comma introduces the one name
    under it, and a title broken over two lines ("… de l'Europe" / "et des affaires …") is one
    title. The role has no article and no comma."""
    doc = pipeline(
        _french_treaty_ending_with(
            "Signé à Dakar, le 3 mars 2025, en deux exemplaires en langue française.\n\n"
            "Pour le Gouvernement de la République française\n"
            "Pour le Gouvernement de la République du Sénégal\n"
            "La ministre de la Transition écologique\n"
            "Le ministre de l'Hydraulique\n"
            "Mathilde ROUSSEL-GARNIER\n"
            "Ousmane Diop SECK\n"
        )
    )
    found = {e.text: (e.role, e.affiliation) for e in doc.entities if e.label == "OFFICIAL"}
    assert found == {
        "Mathilde ROUSSEL-GARNIER": ("ministre de la Transition écologique", "FRA"),
        "Ousmane Diop SECK": ("ministre de l'Hydraulique", "SEN"),
    }
    assert doc.lang == "fr"
    decree = pipeline(
        _french_treaty_ending_with(
            "Fait le 12 juin 2025.\n\nLe Premier ministre,\nCLAIRE VASSEUR\n\n"
            "Le ministre de l'Europe\net des affaires étrangères,\nJEAN-LUC MORVAN\n"
        )
    )
    assert {e.text: e.role for e in decree.entities if e.label == "OFFICIAL"} == {
        "CLAIRE VASSEUR": "Premier ministre",
        "JEAN-LUC MORVAN": "ministre de l'Europe et des affaires étrangères",
    }


def test_a_reservation_headed_by_a_state_after_the_signatures_is_no_signatory(pipeline):
    """ "BY AUSTRIA" heads a reservation printed after the last signature block (a converted PDF's
    lines end in spaces, and the heading runs on in the block's clause): not the name of whoever
    signed for the Swiss Confederation, so "Austria" in the preamble stays a party."""
    text = (
        "AGREEMENT BETWEEN THE EFTA STATES AND RURITANIA\n\nPREAMBLE\n\n"
        "The Republic of Austria, the Republic of Finland and the Swiss Confederation, and the Republic of "
        "Ruritania,\n\nHAVE AGREED AS FOLLOWS:\n\nArticle 1\nThe Parties shall establish a free trade area.\n\n"
        "Article 2\nThe Parties shall consult.\n\nArticle 3\nThe Parties shall cooperate.\n\n"
        "For the Republic of Austria \n(signature) \n\n\nFor the Republic of Finland \n(signature) \n\n\n"
        "For the Swiss Confederation \n(signature) \n\n\n\nBY AUSTRIA \n\n\n"
        "Austria reserves the right not to reduce its duties on fish. \n"
    )
    doc = pipeline(_text_document(text))
    assert "AUT" in doc.parties
    assert not [e for e in doc.entities if e.label == "OFFICIAL" and "AUSTRIA" in e.text.upper()]
