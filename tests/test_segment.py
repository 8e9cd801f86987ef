"""Segmentation on real layouts from the corpus (guide §2)."""

from __future__ import annotations

import pytest

from servanda.segment import segment_text

from .conftest import CORPUS, EXTRA, TOTA_TXT

needs_shared = pytest.mark.skipif(not TOTA_TXT.exists(), reason="../shared/corpora is not beside the project")


def texts(path):
    text = path.read_bytes().decode("utf-8")
    return text, segment_text(text, "en")


def clause_texts(text: str, lang: str) -> list[str]:
    """The clauses of ``text`` with their line breaks and indents read as single spaces."""
    return [" ".join(c.text.split()) for c in segment_text(text, lang)]


def find(clauses, prefix):
    return next(c for c in clauses if c.text.startswith(prefix))


def test_list_items_lose_their_markers_and_keep_their_lead_in():
    text, clauses = texts(CORPUS / "001_35aa4428eebad88a.txt")
    item = find(clauses, "Promote defence capabilities related")
    assert item.kind == "list_item"
    assert text[item.start - 3 : item.start] == "1. "
    sub = find(clauses, "Exploring the development and acquisition")
    assert sub.kind == "list_item" and sub.lead_in.startswith("Promote defence capabilities")
    formula = find(clauses, "We, the Minister of Defence of the Republic of Albania")
    assert formula.kind == "lead_in" and formula.text.endswith("as follows:")


def test_preamble_clauses_are_separate_and_marked():
    _, clauses = texts(CORPUS / "001_35aa4428eebad88a.txt")
    recital = find(clauses, "Reaffirming our intent")
    assert recital.in_preamble and recital.text.endswith("Adriatic-Ionian region,")
    assert not find(clauses, "This Joint Declaration is made").in_preamble


def test_title_lines_and_markdown_emphasis():
    _, clauses = texts(CORPUS / "001_35aa4428eebad88a.txt")
    assert clauses[0].text == "JOINT DECLARATION"
    assert find(clauses, "held in Tirana").text == "held in Tirana, Albania on **18th March 2025**"
    broken = find(clauses, "THE DEPUTY PRIME MINISTER OF THE REPUBLIC OF")
    assert broken.text.endswith("CROATIA AND MINISTER OF DEFENCE")


def test_signature_blocks_are_one_clause_each():
    _, clauses = texts(CORPUS / "001_35aa4428eebad88a.txt")
    signatures = [c for c in clauses if c.kind == "signature"]
    assert len(signatures) == 3
    assert signatures[0].text.startswith("**For the Ministry of Defence of")
    assert signatures[0].text.endswith("Minister of Defence") and "Pirro VENGU" in signatures[0].text
    _, clauses = texts(CORPUS / "003_8b34fae9ba579083.txt")
    assert [c.text for c in clauses[-2:]] == [
        "For Ukraine: Volodymyr Zelenskyy, President",
        "For the Republic of Albania: Edi Rama, Prime Minister",
    ]


def test_news_page_furniture():
    _, clauses = texts(CORPUS / "002_a8a708190db0c4ae.txt")
    furniture = [c.text for c in clauses if c.kind == "heading"]
    assert "Read next" in furniture and "19:27" in furniture


def test_ukrainian_sentences():
    text = (CORPUS / "000_f321c7ed43b71061.txt").read_text(encoding="utf-8")
    clauses = segment_text(text, "uk")
    assert clauses[0].text.startswith("Косово, Албанія та Хорватія підписали")
    assert any(c.text == "«Ми показуємо, що разом і не дозволимо нікому дестабілізувати регіон." for c in clauses)
    assert all(text[c.start : c.end] == c.text for c in clauses)


@needs_shared
def test_headings_in_security_agreements():
    _, clauses = texts(EXTRA / "ua_ca_security_2024.txt")
    part = find(clauses, "Part I. Objectives")
    assert part.kind == "heading" and part.text == "Part I. Objectives"
    assert find(clauses, "Resilience of Energy and other Critical Infrastructure").kind == "heading"


@needs_shared
def test_ocr_line_breaks_are_rejoined():
    _, clauses = texts(TOTA_TXT / "pta_10.txt")
    parties = find(clauses, "The Government of the Republic of Panama and the Government of the")
    assert parties.text.endswith("Republic of Singapore (“the Parties”)")
    wto = find(clauses, "Building on their rights, obligations and undertakings")
    assert wto.text.endswith("bilateral agreements;")


@needs_shared
def test_space_separated_paragraphs_and_inline_markers():
    _, clauses = texts(TOTA_TXT / "pta_351.txt")
    assert find(clauses, "Japan and Brunei Darussalam").text == "Japan and Brunei Darussalam,"
    item = find(clauses, "establish a framework for further bilateral cooperation")
    assert item.kind == "list_item" and item.text.endswith("business environment; and")


@needs_shared
def test_document_over_spacy_max_length_keeps_offsets():
    text = (TOTA_TXT / "pta_450.txt").read_text(encoding="utf-8")
    assert len(text) > 1_000_000
    clauses = segment_text(text, "es")
    assert len(clauses) > 3000
    assert all(text[c.start : c.end] == c.text for c in clauses)
    assert clauses[-1].end > len(text) - 200
    assert find(clauses, "DESARROLLAR sus respectivos").text.endswith("Organización Mundial del Comercio;")


def test_every_non_space_character_is_covered_or_a_marker():
    from servanda.gold import MARKER_ONLY

    for path in sorted(CORPUS.glob("*.txt")):
        text, clauses = texts(path)
        pos = 0
        for c in clauses + [type(clauses[0])(start=len(text), end=len(text), text="")]:
            gap = text[pos : c.start]
            assert not gap.strip() or MARKER_ONLY.match(gap), (path.name, gap)
            pos = c.end


def test_a_long_title_is_not_merged_into_the_paragraph_under_it():
    text = (
        "Joint Statement from the Presidents of Two Republics Announcing a Cessation of Hostilities Along the Border\n"
        "\n"
        "Today the two Presidents agreed to a cessation of hostilities. It will take effect tomorrow.\n"
    )
    clauses = segment_text(text)
    assert clauses[0].text.startswith("Joint Statement") and clauses[0].text.endswith("Border")
    assert clauses[0].kind == "heading"
    assert clauses[1].text == "Today the two Presidents agreed to a cessation of hostilities."
    # a first line that breaks off mid-sentence still continues
    wrapped = "The Parties to this Agreement, acting in the spirit of the\n\nCharter, have agreed as follows.\n"
    assert len(segment_text(wrapped)) == 1


def test_a_signatory_s_initials_are_no_list_marker():
    """ "Т. Р. Гнатюк" and "В. І. МАРТИНЮК" under a post are names, not item "Т." saying "Р. Гнатюк"; "A. The
    Parties …" stays a list item."""
    text = "Контроль за виконанням наказу залишаю за собою.\n\nПерший заступник Міністра\n\nТ. Р. Гнатюк\n"
    assert [c.text for c in segment_text(text, "uk")][-1] == "Т. Р. Гнатюк"
    capitals = "Профспілка закликає до діалогу.\n\nГолова Спілки\nВ. І. МАРТИНЮК\n"
    assert [c.text for c in segment_text(capitals, "uk")][-1] == "В. І. МАРТИНЮК"
    item = segment_text("Article 2\n\nA. The Parties shall cooperate.\n", "en")[-1]
    assert (item.text, item.kind) == ("The Parties shall cooperate.", "list_item")


def test_a_sentence_opening_with_an_initial_and_a_surname_is_no_list_item():
    """ "Д. Карпенко подякував …" in a news report is a later mention of the minister, not item
    "Д." saying "Карпенко подякував"; a lettered heading ("В. Міжнародне співробітництво") keeps
    its marker out."""
    text = (
        "Міністр Дмитро Карпенко підписав угоду.\n\nД. Карпенко подякував партнерам.\n\nВ. Міжнародне співробітництво\n"
    )
    expected = ["Д. Карпенко подякував партнерам.", "Міжнародне співробітництво"]
    assert [c.text for c in segment_text(text, "uk")][1:] == expected


def test_a_marker_before_a_no_break_space_is_left_out():
    text = "Article 4\n\n1.\u00a0Each Party shall publish its customs rules.\n\n(a)\u00a0within thirty days; and\n"
    clauses = segment_text(text, "en")
    assert [(c.kind, c.text) for c in clauses[1:]] == [
        ("list_item", "Each Party shall publish its customs rules."),
        ("list_item", "within thirty days; and"),
    ]


# An indented treaty hard-wrapped at 60 columns: no line is long, and a line may break
# before a capital ("… Chapter 5 (Customs\n Procedures) …") or a parenthesis.
WRAPPED = "\n".join(
    [
        "          Article 9",
        "",
        "          The Parties shall apply Chapter 3 (Origin), Chapter 5",
        "          (Customs Procedures) and Chapter 6 (Trade Facilitation",
        "          Measures) to every good traded between them; Chapter 8",
        "          Remedies shall apply as well.",
        "          Each Party shall notify the other of any new measure.",
    ]
    * 4
)


def test_a_hard_wrapped_text_is_joined_across_capitals():
    clauses = segment_text(WRAPPED, "en")
    texts_ = [" ".join(c.text.split()) for c in clauses]
    assert texts_[:3] == [
        "Article 9",
        "The Parties shall apply Chapter 3 (Origin), Chapter 5 (Customs Procedures) and Chapter 6 (Trade "
        "Facilitation Measures) to every good traded between them; Chapter 8 Remedies shall apply as well.",
        "Each Party shall notify the other of any new measure.",
    ]


def test_a_run_of_signature_blocks_on_one_line_is_cut_at_each():
    body = "The Parties agree to cooperate on customs matters. " * 40
    text = body + "Done at Rome in two originals. For the Republic of Aland For the Kingdom of Borduria For Syldavia"
    clauses = segment_text(text, "en")
    signatures = ["For the Republic of Aland", "For the Kingdom of Borduria", "For Syldavia"]
    assert [c.text for c in clauses[-3:]] == signatures
    assert {c.kind for c in clauses[-3:]} == {"signature"}


def test_a_marker_alone_on_its_line_numbers_the_next():
    text = "Article 2\n\n1.\n\nEach Party shall designate a contact point.\n\n2.\n\nThe contact points meet yearly.\n"
    clauses = segment_text(text, "en")
    assert [(c.kind, c.text) for c in clauses[1:]] == [
        ("list_item", "Each Party shall designate a contact point."),
        ("list_item", "The contact points meet yearly."),
    ]
    clauses = segment_text("This Chapter shall apply:\n-\n\nto industrial goods; and\n-\n\nto fish.\n", "en")
    assert [(c.kind, c.text) for c in clauses] == [
        ("lead_in", "This Chapter shall apply:"),
        ("list_item", "to industrial goods; and"),
        ("list_item", "to fish."),
    ]


def test_a_decrees_list_of_people_is_one_clause_a_person():
    text = (
        "Затвердити склад робочої групи, що додається.\n\n"
        "КОВАЛЕНКО Марія Степанівна - заступник Міністра фінансів України, керівник групи\n\n"
        "ОЛІЙНИК Тарас Богданович - директор департаменту Міністерства освіти і науки України\n\n"
        "ДЕНИСЮК Остап Ігорович - радник Прем'єр-міністра України\n"
    )
    clauses = segment_text(text, "uk")
    assert [c.text.split()[0] for c in clauses[1:]] == ["КОВАЛЕНКО", "ОЛІЙНИК", "ДЕНИСЮК"]


def test_a_dash_glued_to_its_item_is_a_bullet():
    text = (
        "Les Hautes Parties Contractantes,\n"
        "-Conscientes de leurs liens historiques, -Résolues à approfondir leur coopération,\n"
        '-"Comité" : le comité mixte institué par le présent accord ;\n'
    )
    clauses = segment_text(text, "fr")
    assert [(c.kind, c.text) for c in clauses[1:]] == [
        ("list_item", "Conscientes de leurs liens historiques,"),
        ("list_item", "Résolues à approfondir leur coopération,"),
        ("list_item", '"Comité" : le comité mixte institué par le présent accord ;'),
    ]


def test_quotation_marks_open_their_sentence_and_titles_stay_whole():
    text = (
        "У Луцьку відбувся семінар на тему «Місцеві бюджети. Нові правила» для голів громад. "
        "Учасники обговорили реформу. «Ми готові працювати разом.\n"
    )
    clauses = segment_text(text, "uk")
    assert [c.text for c in clauses] == [
        "У Луцьку відбувся семінар на тему «Місцеві бюджети. Нові правила» для голів громад.",
        "Учасники обговорили реформу.",
        "«Ми готові працювати разом.",
    ]


def test_a_signature_block_before_an_annex_is_found_by_its_shape():
    """Signature blocks in the middle of a text (an annex follows) are "For X:" with a
    signatory's name under it, one clause each, ending at the blank line before the annex's
    heading; a name that ends in "JR." stays in its block."""
    body = "The Parties shall consult each other on the implementation of this Agreement. " * 12
    text = (
        f"Article 9\n\n{body}\n\n"
        "FOR THE REPUBLIC OF ALAND:\nHAROLD P. WHITCOMBE JR.\nPresident of the Republic of Aland\n\n"
        "FOR SYLDAVIA:\nOttokar Vlasnik\nMinister for Foreign Affairs\n\n"
        "Annex to the Agreement\n\n"
        f"Pursuant to Article 9 of the Agreement, the Parties shall establish a joint committee. {body}\n"
    )
    clauses = segment_text(text)
    signatures = [c.text for c in clauses if c.kind == "signature"]
    assert signatures == [
        "FOR THE REPUBLIC OF ALAND:\nHAROLD P. WHITCOMBE JR.\nPresident of the Republic of Aland",
        "FOR SYLDAVIA:\nOttokar Vlasnik\nMinister for Foreign Affairs",
    ]
    assert any(c.text == "Annex to the Agreement" and c.kind == "heading" for c in clauses)


# A treaty hard-wrapped at 62 columns whose line breaks fall before the number of a
# provision it cites: the number is the end of that sentence, not a list marker.
CITED_NUMBER_UK = "\n".join(
    [
        "Стаття 6",
        "1. Кожна Договірна Сторона щороку подає Комітетові звіт про",
        "виконання своїх зобов'язань, складений відповідно до статті",
        "4. Комітет розглядає звіт протягом шести місяців і надсилає",
        "свої висновки урядові тієї Договірної Сторони, яка його подала,",
        "а також Генеральному секретарю, як передбачено пунктом 2 статті",
        "9.",
        "",
    ]
    * 4
)


def test_a_provision_number_wrapped_to_the_next_line_stays_with_its_reference():
    clauses = segment_text(CITED_NUMBER_UK, "uk")
    texts_ = [" ".join(c.text.split()) for c in clauses]
    assert texts_[:4] == [
        "Стаття 6",
        "Кожна Договірна Сторона щороку подає Комітетові звіт про виконання своїх зобов'язань, "
        "складений відповідно до статті 4.",
        "Комітет розглядає звіт протягом шести місяців і надсилає свої висновки урядові тієї Договірної "
        "Сторони, яка його подала, а також Генеральному секретарю, як передбачено пунктом 2 статті 9.",
        "Стаття 6",
    ]
    english = "\n".join(
        [
            "Article 6",
            "1. Each Contracting Party shall report every year to the",
            "Committee on the measures it has taken under Article",
            "4. The Committee shall examine the report within six months",
            "and send its conclusions to the government of that Party.",
            "",
        ]
        * 5
    )
    texts_ = clause_texts(english, "en")
    assert texts_[1:3] == [
        "Each Contracting Party shall report every year to the Committee on the measures it has taken under Article 4.",
        "The Committee shall examine the report within six months and send its conclusions to the government of that "
        "Party.",
    ]


def test_a_line_ending_in_a_function_word_continues_and_blank_lined_items_joined_by_or_do_not():
    """ "Para efectos de este" / "Capítulo, …" is one sentence broken by the layout (no
    sentence or heading ends on "este", "un" or "this"); list items set apart by blank lines
    and ending "; o" are clauses of their own, as they are with "; or"."""
    block = "\n".join(
        [
            "Artículo 4.07",
            "    Para efectos de este",
            "    Capítulo, cada Parte expedirá un certificado con vigencia de un",
            "    (1) año a partir de la fecha de su firma.",
            "    El certificado podrá amparar:",
            "",
            "    una sola importación de una o más mercancías; o",
            "",
            "    varias importaciones de mercancías idénticas en el plazo que señale el exportador.",
            "",
        ]
    )
    texts_ = clause_texts(block * 4, "es")
    assert texts_[:5] == [
        "Artículo 4.07",
        "Para efectos de este Capítulo, cada Parte expedirá un certificado con vigencia de un (1) año a partir "
        "de la fecha de su firma.",
        "El certificado podrá amparar:",
        "una sola importación de una o más mercancías; o",
        "varias importaciones de mercancías idénticas en el plazo que señale el exportador.",
    ]
    english = (
        "Article 12\nEach Party shall apply the measures referred to in this\n"
        "Article to every good of the other Party.\n"
    )
    texts_ = clause_texts(english * 4, "en")
    assert (
        texts_[1] == "Each Party shall apply the measures referred to in this Article to every good of the other Party."
    )
    preamble = (
        "FOMENTAR la participación de los distintos agentes económicos en los\n  mercados internacionales; y\n"
        "PROTEGER y fortalecer los derechos fundamentales de sus trabajadores;\n"
    )
    texts_ = clause_texts(preamble * 4, "es")
    assert texts_[:2] == [
        "FOMENTAR la participación de los distintos agentes económicos en los mercados internacionales; y",
        "PROTEGER y fortalecer los derechos fundamentales de sus trabajadores;",
    ]


def test_preambular_clauses_run_together_are_cut_where_the_next_one_opens():
    """ "…; Considering …", "…, Desiring …" on one line, and "…," / blank line / "reaffirming
    …": each preambular clause is its own, as the guide's units are; a lower-case word that is
    no preambular opening still continues its sentence."""
    text = (
        "The Republic of Aland and the Kingdom of Borduria,\n\n"
        "Conscious of the growing economic ties between them; Considering the joint statement issued in "
        "March, Desiring to strengthen their trade relations,\n\n"
        "condemning the attacks on shipping in the region,\n\n"
        "reaffirming their support for the freedom of navigation,\n\n"
        "Have agreed as follows:\n"
    )
    texts_ = clause_texts(text, "en")
    assert texts_[1:6] == [
        "Conscious of the growing economic ties between them;",
        "Considering the joint statement issued in March,",
        "Desiring to strengthen their trade relations,",
        "condemning the attacks on shipping in the region,",
        "reaffirming their support for the freedom of navigation,",
    ]


def test_preamble_items_opened_by_a_verb_in_capitals_are_cut_on_one_line():
    text = (
        "Los Gobiernos de las Partes, DECIDIDOS A:\n\n"
        "CONSERVAR su flexibilidad para salvaguardar el bienestar público; y CONTRIBUIR a la integración "
        "hemisférica; FORTALECER los esquemas de integración económica regional;\n\n"
        "HAN ACORDADO lo siguiente:\n"
    )
    texts_ = clause_texts(text, "es")
    assert texts_[1:4] == [
        "CONSERVAR su flexibilidad para salvaguardar el bienestar público; y",
        "CONTRIBUIR a la integración hemisférica;",
        "FORTALECER los esquemas de integración económica regional;",
    ]


def test_a_preamble_heading_an_enacting_formula_and_a_lettered_list_run_in_on_one_line():
    """Texts converted without their line breaks: "… OF BORDURIA PREAMBLE The Republic …",
    "…; Have agreed as follows:", and "…: a) necessary to …; b) …" (a list after its
    lead-in's colon; "focusing on a) air defence; b) demining" enumerates inside one
    sentence and stays whole)."""
    text = (
        "AGREEMENT BETWEEN ALAND AND BORDURIA PREAMBLE The Republic of Aland and the Kingdom of Borduria, "
        "Desiring to expand their trade; Have agreed as follows:\n\n"
        "Nothing shall prevent a Party from adopting measures: a) necessary to protect public morals; "
        "b) necessary to protect human life or health;\n\n"
        "The support will focus on a) air defence; b) demining.\n"
    )
    texts_ = clause_texts(text, "en")
    assert texts_ == [
        "AGREEMENT BETWEEN ALAND AND BORDURIA",
        "PREAMBLE",
        "The Republic of Aland and the Kingdom of Borduria,",
        "Desiring to expand their trade;",
        "Have agreed as follows:",
        "Nothing shall prevent a Party from adopting measures:",
        "necessary to protect public morals;",
        "necessary to protect human life or health;",
        "The support will focus on a) air defence; b) demining.",
    ]


def test_a_run_on_preamble_is_cut_at_every_recital_and_the_and_that_joins_two_stays_with_the_first():
    """A treaty converted without line breaks: recitals opened by "Having regard to",
    "Proceeding from", "Being aware", "Giving effect" and "Invoking", joined by ";", by ";
    and" and by "and,". The joining "and" stays with the recital it ends; a capitalised word
    that opens no recital ("… and Trade Ministers") cuts nothing. (A lower-case ", have agreed
    as follows" is left to its sentence: "The Parties …, have agreed as follows." is one.)"""
    text = (
        "The Republic of Aland and the Kingdom of Borduria (hereinafter the Parties), Having regard to the "
        "meeting of their Finance and Trade Ministers; Proceeding from their long friendship; Being aware "
        "of the value of open markets; and Giving effect to the decisions of their Joint Council and, "
        "Invoking the declaration of their Heads of Government, have agreed as follows:\n\n"
        "Each Party shall reduce its customs duties.\n"
    )
    assert clause_texts(text, "en") == [
        "The Republic of Aland and the Kingdom of Borduria (hereinafter the Parties),",
        "Having regard to the meeting of their Finance and Trade Ministers;",
        "Proceeding from their long friendship;",
        "Being aware of the value of open markets; and",
        "Giving effect to the decisions of their Joint Council and,",
        "Invoking the declaration of their Heads of Government, have agreed as follows:",
        "Each Party shall reduce its customs duties.",
    ]


def test_lower_case_recitals_opened_by_relying_standing_and_strongly_supporting_are_their_own():
    """Recitals written in lower case, each after a comma and a blank line: "relying on …",
    "standing …", "strongly supporting …" open new ones; a line of another kind ("the
    Alliance,") still continues the sentence above it."""
    text = (
        "Aland and Borduria, hereinafter the Participants,\n\n"
        "reaffirming the principles of international law,\n\n"
        "relying on the long friendship between their peoples,\n\n"
        "standing in full support of each other's right of self-defence,\n\n"
        "strongly supporting their membership of the Union and of\n\nthe Alliance,\n\n"
        "Have agreed as follows:\n"
    )
    assert clause_texts(text, "en")[1:5] == [
        "reaffirming the principles of international law,",
        "relying on the long friendship between their peoples,",
        "standing in full support of each other's right of self-defence,",
        "strongly supporting their membership of the Union and of the Alliance,",
    ]


def test_a_wrapped_line_that_opens_like_a_heading_goes_on_in_lower_case():
    """In a hard-wrapped text a sentence whose wrap puts "Article III of …" or "Artículo XX (b)
    …" at the start of a line is one sentence; a heading followed by a sentence in capitals
    stays a heading."""
    text = (
        "Each Party shall accord national treatment to the goods of the other Party in accordance with\n"
        "Article III of the GATT 1994, which is incorporated into and made part\n"
        "of this Agreement.\n\n"
        "Las Partes entienden que las medidas a que hace referencia el\n"
        "Artículo XX (b) del GATT de 1994 incluyen las medidas ambientales\n"
        "necesarias para proteger la vida humana.\n\n"
        "Article 4\n"
        "Each Party shall publish its laws.\n"
    )
    assert [" ".join(t.split()) for t in clause_texts(text, "en")] == [
        "Each Party shall accord national treatment to the goods of the other Party in accordance with Article "
        "III of the GATT 1994, which is incorporated into and made part of this Agreement.",
        "Las Partes entienden que las medidas a que hace referencia el Artículo XX (b) del GATT de 1994 incluyen "
        "las medidas ambientales necesarias para proteger la vida humana.",
        "Article 4",
        "Each Party shall publish its laws.",
    ]


def test_sentences_run_together_without_a_space_are_cut_but_not_a_full_stop_inside_a_name():
    """ "… in the region.Sovereign states have …" is two sentences; an OCR full stop inside a
    name ("the Associated.States to …") and a single capital ("U.S.Government") cut nothing."""
    text = (
        "Borduria violated this ground rule in the region.Sovereign states have the right to choose their "
        "alliances. The rules applicable in the Associated.States to contracts shall be adopted by the "
        "U.S.Government and the Council.\n"
    )
    assert clause_texts(text, "en") == [
        "Borduria violated this ground rule in the region.",
        "Sovereign states have the right to choose their alliances.",
        "The rules applicable in the Associated.States to contracts shall be adopted by the U.S.Government and "
        "the Council.",
    ]


def test_list_items_run_on_after_an_item_of_their_own_are_cut_apart():
    """A line that is itself a list item goes on with the next ones ("c) …; d) …; or e) …"):
    each is an item, and the "or" that joins the last two stays with the first."""
    text = (
        "Nothing in this Protocol shall prevent a Member State from adopting measures:\n\n"
        "a) necessary to protect public morals;\n\n"
        "b) necessary to secure compliance with its laws; c) relating to the conservation of exhaustible "
        "natural resources; or d) necessary to ensure compliance with existing obligations.\n"
    )
    assert clause_texts(text, "en")[2:] == [
        "necessary to secure compliance with its laws;",
        "relating to the conservation of exhaustible natural resources; or",
        "necessary to ensure compliance with existing obligations.",
    ]


def test_bracketed_items_after_a_colon_joined_by_a_comma_and_or_are_cut_apart():
    """ "… as to cause: (a) serious injury …, or (b) serious disturbances …" is a list after its
    lead-in's colon; without the colon ("may (i) withdraw it, or (ii) resubmit it") the items
    enumerate inside one sentence."""
    text = (
        "Where imports rise so as to cause: (a) serious injury to domestic producers, or (b) serious "
        "disturbances in any sector of the economy.\n\n"
        "The disputing party may (i) withdraw the document, or (ii) resubmit the document in redacted form.\n"
    )
    assert clause_texts(text, "en") == [
        "Where imports rise so as to cause:",
        "serious injury to domestic producers, or",
        "serious disturbances in any sector of the economy.",
        "The disputing party may (i) withdraw the document, or (ii) resubmit the document in redacted form.",
    ]


def test_a_heading_hard_wrapped_in_two_is_one_heading():
    """ "Sección B - Trato" / "nacional" (lower case), "Sección C –" / "Aranceles" (after a dash)
    and "Movimiento de" / "Personas" (after a connecting word) are one heading each; a heading
    followed by its sentence ("Artículo 4" / "Cada Parte …") is not joined to it."""
    text = (
        "Artículo 4\nCada Parte publicará sus leyes.\n\n"
        "Sección B - Trato\n            nacional\n\n"
        "Cada Parte otorgará trato nacional a las mercancías de la otra Parte.\n\n"
        "Sección C –\n            Aranceles\n\n"
        "Ninguna Parte podrá incrementar un arancel aduanero existente.\n\n"
        "CAPÍTULO 12 MOVIMIENTO DE\nPERSONAS\n\n"
        "Este Capítulo se aplica a las medidas que afecten la entrada temporal.\n"
    )
    assert [" ".join(t.split()) for t in clause_texts(text, "es")] == [
        "Artículo 4",
        "Cada Parte publicará sus leyes.",
        "Sección B - Trato nacional",
        "Cada Parte otorgará trato nacional a las mercancías de la otra Parte.",
        "Sección C – Aranceles",
        "Ninguna Parte podrá incrementar un arancel aduanero existente.",
        "CAPÍTULO 12 MOVIMIENTO DE PERSONAS",
        "Este Capítulo se aplica a las medidas que afecten la entrada temporal.",
    ]


def test_roman_numerals_typed_in_cyrillic_are_markers():
    """ "ІІ." and "ІV." typed with the Cyrillic І, each alone on its line above its section, are
    list markers (left out of every unit), as their Latin forms are."""
    text = (
        "ІІ.\n\nДержави-учасниці не підтримуватимуть держави, що порушують свої зобов'язання.\n\n"
        "ІV.\n\nДержави-учасниці співпрацюватимуть у запобіганні тероризму.\n"
    )
    assert clause_texts(text, "uk") == [
        "Держави-учасниці не підтримуватимуть держави, що порушують свої зобов'язання.",
        "Держави-учасниці співпрацюватимуть у запобіганні тероризму.",
    ]


def test_definitions_run_together_on_one_line_are_cut_before_each_defined_term():
    """ "…; GATT 1994 means …; customs duty means …": each definition is a unit; a ";" before
    words that define nothing stays inside its sentence."""
    text = (
        "For the purposes of this Agreement: days means calendar days; GATT 1994 means the General "
        "Agreement on Tariffs and Trade 1994; customs duty means any duty imposed on the import of a good; "
        "the list is closed; no other term is defined.\n"
    )
    assert clause_texts(text, "en") == [
        "For the purposes of this Agreement: days means calendar days;",
        "GATT 1994 means the General Agreement on Tariffs and Trade 1994;",
        "customs duty means any duty imposed on the import of a good; the list is closed; no other term is defined.",
    ]


def test_a_ukrainian_abbreviation_before_a_bracket_or_a_number_sign_ends_no_sentence():
    text = (
        "Заборону, введену 2003 р. (вона діяла як тимчасовий захід), продовжено. Наказ Міністерства від "
        "12 травня 2014 р. № 210 «Про затвердження порядку» скасовано. У 2015 р. ухвалено новий закон.\n"
    )
    texts_ = [c.text for c in segment_text(text, "uk")]
    assert texts_ == [
        "Заборону, введену 2003 р. (вона діяла як тимчасовий захід), продовжено.",
        "Наказ Міністерства від 12 травня 2014 р. № 210 «Про затвердження порядку» скасовано.",
        "У 2015 р. ухвалено новий закон.",
    ]


def test_a_ukrainian_ellipsis_ends_a_sentence_and_a_date_phrase_alone_does_not():
    text = (
        "Серед них посли Ірландії, Чилі, Перу… До речі, посол Австрії теж жінка. Переговори зайшли в "
        "глухий кут... Сторони взяли паузу. У 2010-2014 та 2016-2019 рр. Олена працювала в Женеві. Список "
        "довгий: економічний, правовий… але його скоротили.\n"
    )
    texts_ = [c.text for c in segment_text(text, "uk")]
    assert texts_ == [
        "Серед них посли Ірландії, Чилі, Перу…",
        "До речі, посол Австрії теж жінка.",
        "Переговори зайшли в глухий кут...",
        "Сторони взяли паузу.",
        "У 2010-2014 та 2016-2019 рр. Олена працювала в Женеві.",
        "Список довгий: економічний, правовий… але його скоротили.",
    ]


def test_a_full_line_that_breaks_after_a_comma_goes_on_in_a_hard_wrapped_text():
    article = (
        "Article 7\nThe Parties affirm their rights and obligations under the Treaty of\n"
        "Friendship, Commerce and Navigation signed between them, the\n"
        "General Agreement on Tariffs and Trade and other agreements,\n"
        "Commerce Protocols included, to which both are parties.\n"
    )
    texts_ = clause_texts(article * 6, "en")
    assert texts_[:2] == [
        "Article 7",
        "The Parties affirm their rights and obligations under the Treaty of Friendship, Commerce and Navigation "
        "signed between them, the General Agreement on Tariffs and Trade and other agreements, Commerce Protocols "
        "included, to which both are parties.",
    ]


def test_a_lone_or_closes_its_item_and_a_verb_glued_to_a_colon_opens_one():
    text = (
        "DECIDIDOS A:FORTALECER los lazos de amistad entre sus pueblos;\n\n"
        "Cada Parte podrá negar los beneficios a una empresa de la otra Parte:\n\n"
        "si la empresa es propiedad de una persona de un país no Parte;\n"
        "o\n"
        "si la empresa no tiene actividades sustanciales en el territorio de esa Parte.\n"
    )
    texts_ = clause_texts(text, "es")
    assert texts_ == [
        "DECIDIDOS A:",
        "FORTALECER los lazos de amistad entre sus pueblos;",
        "Cada Parte podrá negar los beneficios a una empresa de la otra Parte:",
        "si la empresa es propiedad de una persona de un país no Parte; o",
        "si la empresa no tiene actividades sustanciales en el territorio de esa Parte.",
    ]


def test_an_acronym_or_lower_case_words_in_brackets_continue_the_line_above():
    text = (
        "Promoting trusted Information and Communication Technology\n"
        "(ICT) supply chains is a priority of both Parties.\n\n"
        "Nothing in this Agreement shall restrict the right of a Party\n"
        "(customs union) to apply its common tariff.\n"
    )
    texts_ = clause_texts(text, "en")
    assert texts_ == [
        "Promoting trusted Information and Communication Technology (ICT) supply chains is a priority of both Parties.",
        "Nothing in this Agreement shall restrict the right of a Party (customs union) to apply its common tariff.",
    ]


def test_a_short_pages_long_subtitle_ends_at_its_blank_line():
    """A news page of a headline, a long subtitle without a full stop and one long lead is no
    hard-wrapped text: the blank line after the subtitle ends it."""
    text = (
        "Університет підписав меморандум із Вроцлавським науковим інститутом\n"
        "Житомирський державний університет імені Івана Франка підписав меморандум із польським інститутом\n\n"
        "Житомирський державний університет імені Івана Франка і Вроцлавський науковий інститут уклали "
        "меморандум про взаєморозуміння, що передбачає спільні дослідження, обмін викладачами і студентами, "
        "а також спільні конференції та публікації в галузі історії та філології протягом п'яти років."
    )
    clauses = clause_texts(text, "uk")
    assert clauses[1].endswith("з польським інститутом") and clauses[2].startswith("Житомирський державний")
