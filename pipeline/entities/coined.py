"""Parties that no table knows, named in an instrument's own formula.

"Меморандум … між Міністерством фінансів України та Північним інвестиційним банком
(далі — Сторони)" names two parties whatever the gazetteer knows: the formula says so.
Where one of the names it joins holds no known state or organisation, the party gets an
id coined from its name, as guide §6 coins organisation ids (a short stable acronym):
the initials of its content words in their dictionary form, in Latin letters
(Ukraine's national transliteration of 2010). "Північним інвестиційним банком" and
"Північний інвестиційний банк" both give ``PIB``; "the Nordic Investment Bank" gives
``NIB``. An id never takes a state's code or a known organisation's id: a clash gets a
digit. The name in its dictionary form travels with the entity (``name``), so that an
analyst can read what a coined id stands for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..records import Entity
from .gazetteer import ABBREVIATION, load_json, state_ids
from .models import morph_uk
from .uk.bodies import LOCAL_TITLES, MAX_ID, body_id, city_prefix, city_prefix_of_lemma, coined_body_id, council_id
from .uk.gazetteer import demonym_id
from .uk.short_forms import defined_latin_short_form
from .uk.titles import NAMED_AFTER, STATE_FORM_HEADS
from .uk.tokens import latin_spelling, lemmas, tokens_of

# "між X та Y", "between X and Y", "entre X y Y": the last one before a definition cue
BETWEEN = re.compile(r"(?<!\w)(?:між|МІЖ|between|BETWEEN|entre|ENTRE)(?:\s*:)?\s+")
_CAP = "A-ZА-ЯЄІЇҐ"
# Ukrainian legal forms written before a company's quoted name ("НЕК «Укренерго»", "ТОВ «…»", a
# joint-stock or commercial bank's "АБ «…»", "КБ «…»", a national or state company or concern's
# "НАЕК «Енергоатом»", "ДК «…»", "ДАК «…»", the older joint-stock forms "ВАТ", "ЗАТ")
_LEGAL_FORM = r"(?:ТОВ|ТзОВ|ТДВ|ПрАТ|ПуАТ|ПАТ|ВАТ|ЗАТ|АТ|АБ|КБ|ДП|КНП|КП|ПП|НЕК|НАЕК|НАК|ДАК|ДК|ГО|БО|БФ|МГО)"
# two may stand together: a joint-stock company that is a commercial bank ("АТ КБ «ПриватБанк»")
LEGAL_FORMS = rf"(?:{_LEGAL_FORM}(?:\s+{_LEGAL_FORM})?)"
# what kind of body the quoted name after it is: lower-case words ("компанією «…»", "громадська
# організація «…»", "товариство з обмеженою відповідальністю «…»"), a legal form, or a joint-stock
# company or bank in any case ("Акціонерним банком «…»"); not a capitalised name that a quoted
# one completes ("Балтійським кліматичним фондом «Зелений край»", "Благодійний фонд «…»" keeps
# its kind in the coined party's name, as tests/test_entities_uk.py records)
KIND_WORD = (
    r"(?:[a-zа-яєіїґ'’ʼ-]+(?:\s+[a-zа-яєіїґ'’ʼ-]+){0,3}|" + LEGAL_FORMS + "|"
    r"(?i:(?:(?:публічн|приватн|національн)\w*\s+)?акціонерн\w*\s+(?:товариств|банк|компані)\w*)|"
    # a municipal or state enterprise, company or institution, capitalised at a formula's start
    # ("Комунальне некомерційне підприємство «Волинська обласна клінічна лікарня» Волинської
    # обласної ради": the hospital; "Державна установа «Офіс з просування експорту України»": the
    # office; "Державна компанія «Енергоатом»": the company)
    r"(?:Комунальн|Державн)\w*\s+(?:некомерційн\w*\s+)?(?:підприємств|установ|заклад|компані)\w*"
    # a group of companies or a company by its kind alone, capitalised at a sentence's start
    # ("Група «Нафтогаз» та норвезька компанія Equinor підписали …", "Оператор «Укренерго» …")
    r"|(?:Груп[аиі]|Компанія|Корпорація|Концерн|Оператор)(?=\s+[«“\"]))"
)
# a state's adjective, compound ones too ("британсько-нідерландська компанія Urenco")
_ADJECTIVE_OF_STATE = r"(?:[а-яєіїґ'’ʼ]+(?:ськ|цьк|зьк)о-)*[а-яєіїґ'’ʼ]+(?:ськ|цьк|зьк)\w*"
# a company written lower-case before its Latin name ("компанія Google", "платіжна система Visa")
COMPANY_KIND = (
    rf"(?:{_ADJECTIVE_OF_STATE}\s+)?"  # "австрійська компанія ANDRITZ Hydro": its state's adjective first
    # and its trade's ("німецька залізнична компанія Deutsche Bahn", "оборонний концерн Rheinmetall")
    r"(?:[а-яєіїґ'’ʼ-]+(?:н|в|ськ|цьк|зьк)(?:а|ий|е|і|ої|ого|ій|ою|им|их|ому)\s+){0,2}"
    r"(?:компані\w*|корпораці\w*|концерн\w*|платіжн\w+\s+систем\w*|груп\w*\s+компаній"
    # an association, an agency, a fund or an operator by its Latin name ("об'єднання ENTSO-E",
    # "нідерландська асоціація VNG International")
    r"|об['’ʼ]єднанн\w*|оператор\w*|асоціаці\w*|агентств\w*|фонд\w*|організаці\w*)"
)
# "штат" is a state of a federation ("штат Індіана") and also a body's staff ("штат Міністерства")
_BODY_AFTER_STAFF = r"(?:Міністерств|Посольств|Уряд|Офіс|Секретаріат|Апарат|Адміністраці|Служб|Представництв)"
# a municipality's kind, written lower-case before its name ("муніципалітету Оденсе")
_MUNICIPAL = (
    r"(?:муніципалітет\w*|мері[яїєю]\w*|міст[оау]|місті|містом|департамент\w*|регіон\w*|повіт\w*|провінці\w*"
    r"|префектур\w*|жупані\w*|гмін\w*|штат(?:у|ом|і)?(?!\s+" + _BODY_AFTER_STAFF + r")"
    r"|кра(?:й|ю|єм)|федеральн\w+\s+земл\w+)\s"
)
# a foreign municipality's state, as an adjective before its kind ("французький муніципалітет …")
_STATE_ADJECTIVE = rf"(?:{_ADJECTIVE_OF_STATE}\s+)"
# where a list of names is cut: a comma or a conjunction before a capitalised name
CONJUNCT_BREAK = re.compile(
    # a state's adjective may stand before the next name ("… та німецька Klinikum Dortmund")
    rf"\s*,?\s+(?:та|і|й|and|y|e|et)\s+(?=(?:the\s+|el\s+|la\s+|le\s+|l'|{_ADJECTIVE_OF_STATE}\s+)?[{_CAP}]"
    rf"|{KIND_WORD}\s+[«“\"]"
    rf"|{COMPANY_KIND}\s+[A-ZÀ-ÖØ-Þ]"
    rf"|[«“][{_CAP}]"
    rf"|{_STATE_ADJECTIVE}?{_MUNICIPAL})"
    rf"|\s*,\s+(?=(?:the\s+)?[{_CAP}]|{KIND_WORD}\s+[«“\"]|{COMPANY_KIND}\s+[A-ZÀ-ÖØ-Þ]|{_STATE_ADJECTIVE}?{_MUNICIPAL}|[«“][{_CAP}])"
)
# what sits around a name in the formula and is not part of it
SIDE_WORDS = re.compile(
    r",?\s*(?:з\s+(?:однієї|одного|другої|іншої)\s+сторони|on\s+the\s+(?:one|other)\s+(?:hand|part)|"
    r"of\s+the\s+(?:one|other)\s+part|de\s+una\s+parte|de\s+la\s+otra|d'une\s+part|d'autre\s+part)\s*,?",
    re.IGNORECASE,
)
LEADING_ARTICLE = re.compile(r"^(?:the|el|la|los|las|le|les|l')\s+", re.IGNORECASE)
FUNCTION_WORDS = frozenset(
    "з із зі та і й у в для по на від до щодо про".split()
    + "of the and for on in to at de la el los las del des du et y le les".split()
)
MAX_NAME_WORDS = 10


@dataclass(frozen=True)
class CoinedParty:
    start: int
    end: int
    id: str
    name: str  # dictionary form
    piece_start: int = -1  # the formula's piece that names it ("компанією «…», … (далі — Компанія)")
    piece_end: int = -1


def named_conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the pieces that ``text[start:end]`` joins ("X та Y", "X, Y and Z"),
    each from its first word after an article (``name_end`` finds where its name ends)."""
    cut = SIDE_WORDS.sub(lambda m: " " * len(m.group()), text[start:end])
    spans, pos = [], 0
    for m in [*CONJUNCT_BREAK.finditer(cut), None]:
        piece_end = start + (m.start() if m else len(cut))
        rest = cut[pos:].lstrip()
        lead = LEADING_ARTICLE.match(rest) or STATE_ADJECTIVE.match(rest)  # "німецька Klinikum Dortmund"
        s = start + pos + (len(cut[pos:]) - len(rest)) + (lead.end() if lead else 0)
        if piece_end > s:
            spans.append((s, piece_end))
        if m is None:
            break
        pos = m.end()
    return spans


PROJECT_KIND = re.compile(r"(?<!\w)(?:проєкт|проект)\w*\s+[«“\"]")
# a lower-case state's adjective before a foreign body's name, no part of it
STATE_ADJECTIVE = re.compile(rf"{_ADJECTIVE_OF_STATE}\s+(?=[{_CAP}])")
ELIDED_ARTICLE = re.compile(r"[LlDd][’'ʼ](?=[^\W\d_])")


def parties_named(
    text: str,
    start: int,
    end: int,
    lang: str,
    known: Callable[[int, int, int], list[str]],
    case: str = "ablt",
    bodies_only: bool = False,
) -> tuple[list[str], list[CoinedParty]]:
    """The parties a formula or a subject names between ``start`` and ``end``: for each
    name it joins, the known ids in it (``known(start, end, before)``: the names between
    ``start`` and ``end`` that begin before ``before``; what stands after a comma or
    in brackets, "… радою (Україна)", "…, зареєстрованою відповідно до законодавства
    Королівства Норвегія", is no party), or else an id coined for it. With
    ``bodies_only``, a name is coined only where it says it is a body ("… рада", "Мерія …",
    "… корпорація") or is written in Latin letters in a Ukrainian text, so that a person
    or a title in a subject is not taken for a party."""
    ids: list[str] = []
    coined: list[CoinedParty] = []
    for piece_start, piece_end in named_conjuncts(text, start, end):
        elided = ELIDED_ARTICLE.match(text, piece_start, piece_end)  # "L’ORGANISATION …"
        s = elided.end() if elided else piece_start
        limit = NAME_BREAK.search(text, s + 1, piece_end)
        stop = limit.start() if limit else piece_end
        qs, qe = quoted_name(text, s, piece_end)
        # a quoted name alone after others of the same kind ("громадських організацій «…», «Родини
        # за повернення» та «…»"): the list's kind is its kind too; and one that signs, in a
        # Ukrainian subject or among its partners ("«Нафтогаз» та ЄБРР підписали …"): Ukrainian
        # quotes a company's or a body's name, never a person's
        alone = BARE_QUOTED.match(text, s, piece_end) if (qs, qe) == (s, piece_end) else None
        if alone and not coined and not (bodies_only and lang == "uk" and not text[alone.end() : piece_end].strip()):
            alone = None
        if alone:
            qs, qe = alone.span("name")
        quoted = (qs, qe) != (s, piece_end)
        oblast, by_land = _oblast_named(text, s, stop) if bodies_only and lang == "uk" else (None, False)
        if oblast and (oblast_id := oblast_administration_id(oblast)):
            # "між Львівською областю та Підкарпатським воєводством": the oblast acts through its
            # administration (NOTES); a region is not tagged, so no span is made. A land's name in
            # a twinning ("Франківщина підписала угоду про побратимство з … містом …") stands for
            # its chief city, as cities, not oblasts, are twinned: the city's council
            if by_land and TWINNING_UK.search(text, start, sentence_end(text, end)):
                oblast_id = oblast_administration_id(oblast, suffix="CC") or oblast_id
            ids.append(oblast_id)
            continue
        raion = RAION.match(text, s, stop) if bodies_only and lang == "uk" else None
        if raion and AFTER_THE_OBLAST.match(text, raion.end(), stop):
            # "між Хустським районом і повітом Сату-Маре": a raion acts through its administration,
            # as an oblast does (NOTES); a territory is not tagged
            ids.append(coined_body_id(raion.group("stem"), "RDA"))
            continue
        home = HOME_CITY.fullmatch(text[s:stop].rstrip(" .,;:\n")) if bodies_only and lang == "uk" else None
        if home and UKRAINIAN_BEFORE.search(text, max(0, s - 30), s):
            # "між американським містом Вобаш і українським | Коростенем": a Ukrainian city, for
            # which its council is the party (NOTES); the guide tags no city, so no span is made
            ids.append(home_council_id(home.group("city")))
            continue
        city = CITY_PHRASE.match(text, s, stop) if bodies_only and lang == "uk" else None
        adjective = re.match(_STATE_ADJECTIVE, text[s:stop], re.IGNORECASE) if city else None
        if adjective and (text[s].islower() or demonym_id(tokens_of(text, s, s + adjective.end())[0])):
            # "французький | муніципалітет Пон-дю-Шато", "Італійський | регіон Венето": its state's
            # adjective is no part of it
            s += adjective.end()
        e = qe if quoted else city.end() if city else name_end(text, s, piece_end, lang, case)
        # the known names that begin inside the name ("Урядом України", "Федеральним урядом
        # Федеративної Республіки Німеччина"), not those after it ("Міжнародним центром з
        # розвитку міграційної політики про статус офісу Центру в Україні")
        # (a state inside a company's quoted name is no party: "підприємством «Медичні закупівлі
        # України»")
        if quoted and PROJECT_KIND.search(text, s, qs):
            continue  # "проєкту «Енергоефективні лікарні II»": a project's name names no party
        if quoted:
            found = known(s, qs, qs)
            if not found:
                # a known organisation is the name itself ("компанією GIZ"), not a state in it
                found = [i for i in known(qs, qe, qs + 1) if i not in state_ids()]
        else:
            # a state inside a quoted part of the name is the name's ("Міжнародний благодійний
            # фонд «Карітас України»")
            inner = BARE_QUOTED.search(text, s, stop)
            # "Ботошанським повітом | Румунії": the state after a foreign region's kind is where it
            # lies, not its name's or a party; the name ends before it
            region = REGION_BEFORE_STATE.search(text, s, stop) if lang == "uk" else None
            if region and e > region.end() and set(known(region.end(), stop, region.end() + 1)) & state_ids():
                e = region.end("kind")
            found = known(s, stop, min(e if e > s else stop, inner.start() if inner else stop))
            if found and bodies_only and lang == "uk" and set(found) <= state_ids():
                # "із Національним історичним музеєм Республіки Білорусь": a museum, a university
                # or a hospital named for its state signs in its own name, not for the state
                institution = STATE_NAMED_INSTITUTION_UK.match(text, s, stop)
                found = [] if institution and not known(s, institution.end(), institution.end()) else found
        if found:
            ids += [i for i in found if i not in ids]
            continue
        s = qs if quoted else s
        if e <= s or HONORIFIC.match(text[s:e]):
            continue
        # a municipality may be written lower-case ("муніципалітет міста Хелм"); a quoted
        # name after its kind may be one word ("НЕК «Укренерго»")
        one_quoted_word = quoted and text[s : s + 1].isupper()
        if not is_name(text[s:e]) and not one_quoted_word and not (bodies_only and CITY_AS_PARTY.match(text[s:e])):
            continue
        if bodies_only and not city and not alone and not names_a_body(text[piece_start:e], lang):  # "компанія «…»"
            continue
        tail = None if quoted else NAME_TAIL_BEFORE_ACRONYM.match(text, e, piece_end)
        if tail:  # "… агентство з питань співробітництва | в галузі розвитку (Norad)": the name runs to its acronym
            e = tail.end("tail")
        name = text[s:e] if quoted else dictionary_form(text[s:e], lang, case)
        after = e + 1 if quoted and text[e : e + 1] in ("»", "”", '"') else e  # "АТ «Укрзалізниця» (УЗ)"
        acronym = (
            ABBREVIATION.match(text, after)
            or LATIN_SHORT_NAME.match(text, after)
            or ACRONYM_AFTER_ORIGINAL.match(text, after)
        )
        short = acronym.group("abbr") if acronym else _latin_short_form(text, after, text[s:e], lang)
        party_id = coin_id(name, frozenset(c.id for c in coined), short.upper())
        coined.append(CoinedParty(s, e, party_id, name, piece_start, piece_end))
        ids.append(party_id)
    return ids, coined


def _latin_short_form(text: str, end: int, name: str, lang: str) -> str:
    """In Ukrainian, the Latin short form the piece defines for the body ("… (Manufacturers'
    Association of Israel, далі — MAI)", "The Hospital for Sick Children, Торонто, Канада
    (далі — SickKids)"), which its annotators and users know it by; else ""."""
    if lang != "uk":
        return ""

    found = defined_latin_short_form(text, end, name)
    return found.group("word") if found else ""


# the short name a Ukrainian text gives a foreign body in Latin letters after its name ("Норвезьке
# агентство … (Norad)"): its id, in capitals
LATIN_SHORT_NAME = re.compile(r"\s*\(\s*(?P<abbr>[A-Z][A-Za-z]{2,9})\s*\)")
# the acronym after the name in the original, in one bracket ("Жешувська агенція регіонального
# розвитку (Rzeszowska Agencja Rozwoju Regionalnego S.A., RARR)")
ACRONYM_AFTER_ORIGINAL = re.compile(r"\s*\([^()\n]{4,160},\s*(?P<abbr>[A-Z][A-Z0-9&]{1,9})\s*\)")
# lower-case words between where a name was read to end and its acronym in brackets
NAME_TAIL_BEFORE_ACRONYM = re.compile(
    r"(?P<tail>(?:\s+[а-яєіїґ'’ʼ-]+){1,5})\s*\(\s*(?:[A-ZА-ЯЄІЇҐ][A-ZА-ЯЄІЇҐ0-9&]{1,9}|[A-Z][A-Za-z]{2,9})\s*\)"
)


# Nouns that say a Ukrainian name is a body's ("Мерія Батумі", "Північна … корпорація")
BODY_LEMMAS = frozenset(
    "рада мерія муніципалітет місто корпорація компанія банк фонд організація агентство товариство "
    "асоціація програма ініціатива церква університет адміністрація служба комісія інститут центр підприємство "
    # hospitals, museums, theatres, academies, colleges, schools and libraries sign memoranda of their own
    "лікарня клініка госпіталь музей театр академія коледж бібліотека консерваторія політехніка ліцей гімназія школа "
    "федерація спілка об'єднання палата профспілка союз партія ліга рух альянс мережа агенція група концерн "
    # churches and their sees, congresses of a diaspora, consortia, a grid's or a network's
    # operator ("Вселенський патріархат", "Світовий конгрес українців", "Оператор «Укренерго»")
    "патріархат митрополія єпархія екзархат конгрес консорціум холдинг секретаріат оператор "
    # a region's own parliament ("Фламандський парламент")
    "парламент "
    # self-governing units abroad ("Люблінське воєводство", "Регіон Венето", "повіт Сучава",
    # "Пряшівський самоврядний край")
    "воєводство регіон провінція повіт кантон край префектура жупанія".split()
)


# Nouns that say so only as the name's last word: a hromada signs as "Ічнянська громада"
LAST_WORD_BODY_LEMMAS = frozenset({"громада"})


# The same in English, Spanish and French names, and the legal forms of companies
BODY_WORDS_LATIN = re.compile(
    r"\b(?:Bank|Banco|Banque|Corporation|Corporaci[oó]n|Company|Compa[ñn][ií]a|Fund|Fondo|Fonds|Foundation|"
    r"Fundaci[oó]n|Fondation|Organi[sz]ation|Organizaci[oó]n|Agency|Agencia|Agence|Council|Consejo|Conseil|"
    r"Municipality|Municipalidad|Municipalit[ée]|City|Ciudad|Ville|Church|Iglesia|[ÉE]glise|Institute|Instituto|"
    r"Institut|Association|Asociaci[oó]n|Union|Uni[oó]n|Programme|Program|Programa|Commission|Comisi[oó]n|"
    r"Authority|Autoridad|Autorit[ée]|Initiative|Iniciativa|University|Universidad|Universit[ée]|Centre|Center|"
    r"Centro|AS|ASA|AB|Ltd|LLC|Inc|GmbH|AG|SA|S\.A\.|plc|NV|BV|SE)\b",
    re.IGNORECASE,
)
# A person's honorific: what follows it is a representative, never a party
HONORIFIC = re.compile(r"^(?:Mme|Mlle|M\.|Mr|Mrs|Ms|Dr|Sr|Sra|Don|Doña|Dña|H\.E\.|S\.E\.|пан|пані)\b\.?", re.IGNORECASE)


def names_a_body(name: str, lang: str) -> bool:
    """Does the name say it is a body's ("Мерія Батумі", "Nordic Investment Bank",
    "Nordvind Energy AS")?"""
    if not re.search(r"[а-яєіїґА-ЯЄІЇҐ]", name):
        # a Latin name in a Ukrainian text is a body's or a company's ("Nordvind Energy AS")
        return lang == "uk" or bool(BODY_WORDS_LATIN.search(name))

    toks = tokens_of(name)
    if toks and lemmas(toks[-1].lower) & LAST_WORD_BODY_LEMMAS:
        return True  # "Ічнянська громада", not "Міністерство розвитку громад та територій"
    return bool(LEGAL_FORM.match(name) or COMPANY_BEFORE_LATIN.match(name) or RAION_BODY.fullmatch(name)) or any(
        lemmas(t.lower) & BODY_LEMMAS for t in toks
    )


LEGAL_FORM = re.compile(LEGAL_FORMS + r"\s+[«“\"]")  # "НЕК «Укренерго»": a body's name
COMPANY_BEFORE_LATIN = re.compile(rf"{COMPANY_KIND}\s+[A-ZÀ-ÖØ-Þ]")  # "платіжна система Visa"


WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*|[«»“”\"]")


def name_end(text: str, start: int, end: int, lang: str, case: str = "ablt") -> int:
    """Where the name that starts at ``start`` ends: in Ukrainian, after its words in
    ``case`` (a formula's "між" puts names in the instrumental, a subject stands in the
    nominative) and the genitive tail that completes them ("банком реконструкції та
    розвитку"), before a verb or a subject ("… банком про співпрацю"); elsewhere after
    its last capitalised word ("Nordic Investment Bank for …" keeps "for" only inside).
    A quoted part ends at its closing mark; a comma or a bracket ends the name ("…
    «Nordvind Energy AS», зареєстрованою …", "… радою (Україна)")."""
    judge: Callable[[str], str] = _UkrainianNameWords(case) if lang == "uk" else _latin_name_word
    last = skip_to = start
    for w in WORD.finditer(text, start, end):
        tok = w.group()
        if w.start() < skip_to:
            continue
        if last > start and NAME_BREAK.search(text, max(last, skip_to), w.start() + 1):  # + 1: the dash's lookahead
            break
        if tok in OPENING_QUOTES:
            close = text.find(OPENING_QUOTES[tok], w.end(), end)
            if close < 0:
                break
            last = skip_to = close + 1
            continue
        verdict = judge(tok)
        if verdict == STOP:
            break
        if verdict == TAKE:
            last = w.end()
    return last


# a blank line ends a name (what follows is a dateline or a heading), and so does a dash before
# a lower-case apposition ("з Кельном – містом, яке …")
NAME_BREAK = re.compile(r"[,(;]|\n\s*\n|\s[–—]\s+(?=[a-zа-яєіїґ])")


def quoted_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted name a lower-case word of kind introduces ("компанією «Nordvind Energy
    AS»" → "Nordvind Energy AS"), or the span as it is."""
    m = QUOTED_AFTER_KIND.match(text, start, end) or LATIN_AFTER_KIND.match(text, start, end)
    if m is None:
        return start, end
    end = m.end("name")
    if text[end - 1] == "." and not ABBREVIATED_NAME_END.search(text, m.start("name"), end):
        end -= 1  # "… з італійською компанією Eni.": the sentence's full stop, not the name's
    return m.start("name"), end


# a name in quotes may hold a quoted name of its own ("«Правозахисна ініціатива «Обрій»»")
_QUOTED = r"[«“\"](?P<name>(?:[^«»“”\"\n]|«[^«»\n]{1,40}»|“[^“”\n]{1,40}”){2,80}?)[»”\"](?![^\W\d_])"
QUOTED_AFTER_KIND = re.compile(rf"{KIND_WORD}\s+{_QUOTED}")
BARE_QUOTED = re.compile(_QUOTED)
# a Latin name whose full stop is its own: a legal form's abbreviation ("Co.", "S.A.") or initials
ABBREVIATED_NAME_END = re.compile(r"(?:\b(?:Inc|Co|Corp|Ltd|Bros|Cie)|(?:\b[A-Za-z]\.)+)\.?$")
# (a particle may join its words: "Électricité de France")
LATIN_AFTER_KIND = re.compile(
    rf"{COMPANY_KIND}\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w&'’.-]*"
    r"(?:[ \t]+(?:(?:de|du|des|la|von|van|der|di|da|del|of|for|and|für|y)[ \t]+)?[A-ZÀ-ÖØ-Þ][\w&'’.-]*){0,4})"
)


TAKE, PASS, STOP = "take", "pass", "stop"  # a word ends the name so far, may join it, ends it


def _latin_name_word(tok: str) -> str:
    if tok.lower() in SUBJECT_WORDS:
        return STOP
    if tok[:1].isupper():
        return TAKE
    return PASS if tok.lower() in NAME_JOINERS else STOP


class _UkrainianNameWords:
    """Words in the name's case, then a genitive tail ("та" may join it); an unknown
    capitalised word (a foreign name) anywhere, a known one in the nominative after them."""

    def __init__(self, case: str = "ablt") -> None:

        self.morph = morph_uk()
        self.case = case
        self.in_tail = False
        self.started = False
        self.named_after = False
        self.latin = False  # the name so far is a run of Latin words
        self.adjective = False  # the last word taken is an adjective in the name's case
        self.joined = False  # a conjunction right after such an adjective
        self.state_form = False  # the last word taken is a state's form ("Республіки")

    def __call__(self, tok: str) -> str:
        joined, self.joined = self.joined, False
        adjective, self.adjective = self.adjective, False
        if joined:
            # two adjectives joined inside one name ("торгово-промисловою і ремісничою палатою");
            # a capitalised word after the conjunction starts the next party's name
            parses = self.morph.parse(tok.lower())
            if tok[:1].islower() and any(p.tag.POS == "ADJF" and p.tag.case == self.case for p in parses):
                self.adjective = True
                return TAKE
            return STOP
        if self.named_after and tok[:1].isupper():
            return TAKE  # "університет імені В. Н. Каразіна", "… імені Тараса Шевченка"
        if self.named_after and tok in NAMESAKE_PARTICLES:
            return PASS  # "… імені Штефана чел Маре", "… імені Людвіга ван Бетховена"
        self.named_after = tok.lower() == NAMED_AFTER
        if self.named_after:
            return PASS
        if tok.lower() in PREPOSITIONS_UK:
            return STOP  # "… освіти | про статус …" (the dictionary also files "про" as a noun)
        if self.started and tok.lower() in ("з", "із", "зі"):
            self.in_tail = True  # "організація з міграції", "центр з розвитку міграційної політики"
            return PASS
        if tok[:1].isupper() and not self.morph.word_is_known(tok.lower()):
            self.latin = bool(LATIN_WORD.match(tok))
            return TAKE
        if self.latin and LATIN_WORD.match(tok):
            return TAKE  # a foreign name as written goes on in Latin letters ("Kauno miesto muziejus")
        self.latin = False
        parses = [p for p in self.morph.parse(tok.lower()) if p.tag.POS in NAME_POS]
        cases = {str(p.tag.case) for p in parses}
        state_form, self.state_form = self.state_form, any(p.normal_form in STATE_FORM_HEADS for p in parses)
        if state_form and tok[:1].isupper() and "nomn" in cases:
            return TAKE  # "… Республіки Молдова": a state's name after its form keeps the nominative
        if not self.in_tail and self.case in cases:
            self.started = True
            self.adjective = tok[:1].islower() and any(p.tag.POS == "ADJF" and p.tag.case == self.case for p in parses)
            return TAKE
        if adjective and not self.in_tail and tok.lower() in NAME_CONJUNCTIONS:
            self.joined = True
            return PASS
        if self.started and not self.in_tail and tok[:1].isupper() and "nomn" in cases:
            return TAKE  # a proper name in apposition keeps the nominative ("містом Оломоуц")
        if (self.in_tail or self.case != "ablt" and self.started) and tok.lower() in NAME_CONJUNCTIONS:
            return PASS  # "банком реконструкції та розвитку", "профспілки моряків і портовиків"
        if "gent" in cases:
            self.in_tail = True
            return TAKE
        return STOP


LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][\w'’-]*$")
# the lower-case particles of a foreign namesake's name, written in Ukrainian
NAMESAKE_PARTICLES = frozenset("чел де дель да ді ван фон дер ла ле ібн аль бен бін ель".split())
NAME_CONJUNCTIONS = frozenset({"та", "і", "й"})
PREPOSITIONS_UK = frozenset("про щодо у в на до від для по при за під над між через після перед".split())
OPENING_QUOTES = {"«": "»", "“": "”", '"': '"'}
NAME_POS = frozenset({"NOUN", "ADJF", "NUMR"})
# words inside a name ("Bank for Reconstruction and Development", "Banco de la Nación")
NAME_JOINERS = frozenset("of for and the de la el del des du et y le les l'".split())
# words that open a title's subject after the parties' names ("… BANK ON COOPERATION")
SUBJECT_WORDS = frozenset(
    "on in to with concerning regarding relating about sobre relativo relatif sur concernant".split()
)


def is_name(text: str) -> bool:
    """A short phrase that starts as a proper name does: two words or more ("Північний
    інвестиційний банк"), or one acronym ("NIB"); not a sentence, nor one ordinary word,
    which is more often a name cut by the layout ("the Govern- / ment of …")."""
    words = re.findall(r"[^\W\d_][\w'’ʼ-]*", text)
    if not words or not text[:1].isupper() or len(words) > MAX_NAME_WORDS:
        return False
    if re.search(r"[;:!?]|(?<!\b[A-ZА-ЯЄІЇҐ])\.", text):  # a sentence; an initial's stop is part of a name
        return False
    return len(words) >= 2 or (words[0].isupper() and len(words[0]) >= 2)


def dictionary_form(name: str, lang: str, case: str = "ablt") -> str:
    """The name in the nominative: a Ukrainian formula's "між" puts its names in the
    instrumental ("Північним інвестиційним банком" → "Північний інвестиційний банк"), a
    statement's title its author in the genitive ("Спілки журналістів Молдови" → "Спілка
    журналістів Молдови"). The words up to the head noun are inflected, adjectives in its
    gender ("Статутним містом" → "Статутне місто"); what follows it is kept ("банком
    реконструкції та розвитку")."""
    if lang != "uk":
        return LEADING_ARTICLE.sub("", name)

    morph = morph_uk()
    words = re.split(r"(\s+)", name)
    gender = _head_gender(morph, [w for w in words if w.strip()], case)
    out, inflecting = [], True
    for word in words:
        if inflecting and word.strip() in NAME_CONJUNCTIONS:
            pass  # between two adjectives before the head noun ("торговою і ремісничою палатою")
        elif inflecting and word.strip():
            form = _nominative_of(morph, word, case, gender)
            if form is None:
                inflecting = False
            else:
                inflecting = not form[1]  # the head noun is the last word inflected
                word = _cased_like(form[0], word)
        out.append(word)
    return "".join(out)


def _head_gender(morph, words: list[str], case: str) -> Optional[str]:
    """The gender of the head noun of a name's run of words in ``case``."""
    for word in (w for w in words if w not in NAME_CONJUNCTIONS):
        parses = [p for p in morph.parse(word.lower()) if case in p.tag]
        if not parses:
            return None
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        if noun is not None:
            return noun.tag.gender
    return None


def _nominative_of(morph, word: str, case: str, gender: Optional[str]) -> Optional[tuple[str, bool]]:
    """``word`` in ``case`` put in the nominative, and whether it is the head noun."""
    parses = [p for p in morph.parse(word.lower()) if case in p.tag]
    if gender:  # the parse that agrees with the head noun first
        parses.sort(key=lambda p: p.tag.POS == "ADJF" and p.tag.gender != gender)
    for parse in parses:
        form = parse.inflect({"nomn", gender} if gender and parse.tag.POS == "ADJF" else {"nomn"})
        if form is not None:
            return str(form.word), parse.tag.POS == "NOUN"
    return None


def _cased_like(form: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


def coin_id(name: str, taken: frozenset[str] = frozenset(), acronym: str = "") -> str:
    """A stable id for ``name`` (its dictionary form): the Latin acronym the text gives it
    ("(NEFCO)"); for a city that is a party itself ("Статутне місто Пардубіце", "Мерія
    Батумі", "City of Nuremberg"), the city's name; else the Latin initials of its content
    words, or the word itself where it is one word. Never a state's or a known
    organisation's id, nor one of ``taken``."""
    city = CITY_AS_PARTY.match(name)
    if acronym and not ACRONYM_ID.fullmatch(acronym):
        acronym = latin_spelling(acronym).upper()  # "(УЗ)" → UZ: a Cyrillic acronym in Latin letters
    if acronym and ACRONYM_ID.fullmatch(acronym):
        base = acronym
    elif company := company_brand(name):  # "Нафтогаз України" → NAFTOGAZ, the company's own Latin name
        base = company
    elif city:
        base = foreign_city_id(city.group("city"))
    elif council := CITY_COUNCIL_LATIN.match(name):  # "Lviv City Council" → LVIVCC, as "Львівська міська рада"
        base = re.sub(r"[^A-Z]", "", council.group("city").upper()) + "CC"
    elif council := CITY_COUNCIL_UK.match(name):  # a city no table knows: "Нікопольська міська рада" → NIKOPOLCC
        base = council_id(council.group("city"))
    elif brand := LATIN_BRAND.match(name):  # "ANDRITZ Hydro" → ANDRITZ: the company's name in capitals
        base = brand.group(1)[:MAX_ID]
    elif HYPHENATED_ACRONYM.fullmatch(name):  # "ENTSO-E" → ENTSOE: one acronym, not two words' initials
        base = name.replace("-", "")[:MAX_ID]
    elif raion := RAION_BODY.fullmatch(name):  # "Хустська районна рада" → KHUSTRR, "Хустська РДА" → KHUSTRDA
        base = coined_body_id(raion.group("stem"), "RR" if raion.group("council") else "RDA")
    elif region := REGION_BY_ADJECTIVE.fullmatch(name):
        # "Підкарпатське воєводство" → PIDKARPAT, "Ботошанська повітова рада" → BOTOSHAN (the county's
        # own id): the region's name, not the initials of its kind ("PV" would be every voivodeship)
        base = latin_spelling(region.group("stem")).upper()[:MAX_ID]
    elif own := OWN_LATIN_NAME_AFTER.search(name):
        # "Агентство міжнародного співробітництва асоціації муніципалітетів … VNG International":
        # a Ukrainian description, then the body's own name in Latin letters, whose capitals it goes by
        base = own.group("acronym")[:MAX_ID]
    else:
        named_for = re.split(rf"\s(?:{NAMED_AFTER}|named\s+after)\s", name)[
            0
        ]  # "… університет імені Тараса Шевченка" → KNU
        words = [w for w in re.findall(r"[^\W\d_][\w'’ʼ]*", named_for) if w.lower() not in FUNCTION_WORDS]
        latin = [w for w in (latin_spelling(w) for w in words) if w] or ["ORG"]
        base = (latin[0] if len(latin) == 1 else "".join(map(_initial, words))).upper()[:MAX_ID]
    if len(base) < 2:
        base = (base + "ORG")[:MAX_ID]
    blocked = known_ids() | taken
    candidate, n = base, 1
    while candidate in blocked:
        n += 1
        candidate = base[: MAX_ID - len(str(n))] + str(n)
    return candidate


# the quoted name inside a body's full name ("Державний університет «Житомирська політехніка»")
QUOTED_PART = re.compile(r"[«“\"]([^«»“”\"]+)[»”\"]\s*$")


def company_brand(name: str) -> Optional[str]:
    """The Latin brand of a Ukrainian company the table knows by ``name`` (its dictionary form,
    as the company's quoted name gives it), or by the quoted name inside it ("Національна
    атомна енергогенеруюча компанія «Енергоатом»" → ENERGOATOM, as "НАЕК «Енергоатом»"), or None."""
    brands = load_json("organisations.json")["company_brands"]
    inner = QUOTED_PART.search(name)
    keys = [name.strip('«»“”"')] + ([inner.group(1)] if inner else [])
    return next((brands[k] for k in (" ".join(key.lower().split()) for key in keys) if k in brands), None)


# the Cyrillic initials that Latin abbreviations write with two letters (KhNU, ChNU, ZhDU)
DIGRAPH_INITIALS = {"х": "kh", "ч": "ch", "ш": "sh", "ж": "zh"}


def _initial(word: str) -> str:
    """A word's initial in Latin letters: "Харківський" → kh, "Черкаський" → ch, as Ukrainian
    bodies abbreviate themselves in Latin letters (KhNU, ChNU); else the first letter."""
    return DIGRAPH_INITIALS.get(word[:1].lower()) or latin_spelling(word)[:1]


_UNION_NOUNS = r"(?i:асоціаці|союз|спілк|об['’ʼ]єднанн|конгрес|мереж|association|union|network)"
# A city, as a municipality or its mayoralty, that is a party in its own right; its council is
# uk.bodies.BODY_FORMS' (<CITY>CC)
CITY_NAME = (
    # an adjective may come first ("Статутне місто …"), not a union's noun ("Асоціація муніципалітетів
    # Литви" is no municipality)
    r"(?:(?!"
    + _UNION_NOUNS
    + r")[^\W\d_]+\s+)?(?i:міст(?:о|а|у|і|ом)(?:\s+з\s+правами\s+(?:області|округу|повіту))?|муніципалітет\w*|"
    r"мері[яїєю]\w*(?:\s+муніципію)?|муніципі[йюя]\w*|департамент\w*|регіон\w*|повіт\w*|провінці\w*|кра(?:й|ю|єм)|"
    r"префектур\w*|жупані\w*|гмін\w*|штат(?:у|ом|і)?(?!\s+" + _BODY_AFTER_STAFF + r")|"
    r"федеральн\w+\s+земл\w+|city\s+of|municipality\s+of|ville\s+de|ciudad\s+de|municipalidad\s+de)\s+(?i:міста\s+)?"
    r"(?P<city>[A-ZА-ЯЄІЇҐ][\w'’ʼ-]*(?:[\s-][A-ZА-ЯЄІЇҐ][\w'’ʼ-]*)?)"
)
# a city that is a party by its kind and name ("Статутне місто Оломоуць", "Мерією муніципію Ясси",
# "Місто з правами області Ньїредьгаза"): the whole phrase, whatever its lower-case words
CITY_AS_PARTY = re.compile("^" + CITY_NAME + "$")
CITY_PHRASE = re.compile(CITY_NAME + r"(?![\w'’ʼ-])")
# a Ukrainian city named by "Ukrainian" and its name, in any case ("українським Коростенем")
HOME_CITY = re.compile(r"(?P<city>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+)")
UKRAINIAN_BEFORE = re.compile(r"(?<!\w)українськ\w+\s+$", re.IGNORECASE)


# an institution that a state's name completes but that is no organ of the state: its kind
# after up to four adjectives, before the state's name (a partner named in a report's signing;
# parties.mentions.NOT_FOR_ITS_STATE reads a recognised institution's name the same way)
STATE_NAMED_INSTITUTION_UK = re.compile(
    r"(?:[А-ЯЄІЇҐа-яєіїґ'’ʼ-]+\s+){0,4}?(?i:музе|театр|бібліотек|університет|інститут|лікарн|консерваторі|коледж|"
    r"академі|школ|гімназі|ліце|політехні)\w*(?=\s)"
)
# a foreign region's kind before the state it lies in ("Ботошанським повітом Румунії"); not
# "департамент", which before a state's name is its agency ("Податково-митний департамент
# Естонії"), a French department being written before its own name ("департамент Кальвадос")
REGION_BEFORE_STATE = re.compile(r"(?<!\w)(?P<kind>(?:воєводств|повіт|провінці)\w*)\s+(?=[А-ЯЄІЇҐ])")
# a twinning of cities ("побратимські відносини", "містами-побратимами")
TWINNING_UK = re.compile(r"побратим", re.IGNORECASE)
# an oblast by its adjective, in any case ("Львівською областю")
OBLAST = re.compile(r"(?P<adjective>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+)\s+област[ьіюя]\w*")
# an oblast by the everyday name of its land ("Франківщина", "із Закарпаттям", "Буковині"): the
# stem of the name and the oblast's adjective. Names that stand for more than one oblast or for a
# city as well ("Поділля", "Запоріжжя") are left out.
OBLAST_BY_LAND = {
    **{
        stem + "щин": adjective
        for stem, adjective in (
            ("Дніпропетров", "Дніпропетровська"),
            ("Дніпро", "Дніпропетровська"),
            ("Житомир", "Житомирська"),
            ("Франків", "Івано-Франківська"),
            ("Івано-Франків", "Івано-Франківська"),
            ("Київ", "Київська"),
            ("Кіровоград", "Кіровоградська"),
            ("Луган", "Луганська"),
            ("Львів", "Львівська"),
            ("Миколаїв", "Миколаївська"),
            ("Оде", "Одеська"),
            ("Полтав", "Полтавська"),
            ("Рівнен", "Рівненська"),
            ("Сум", "Сумська"),
            ("Тернопіль", "Тернопільська"),
            ("Харків", "Харківська"),
            ("Слобожан", "Харківська"),
            ("Херсон", "Херсонська"),
            ("Черка", "Черкаська"),
            ("Чернігів", "Чернігівська"),
        )
    },
    "Вінниччин": "Вінницька",
    "Донеччин": "Донецька",
    "Хмельниччин": "Хмельницька",
    "Буковин": "Чернівецька",
}
OBLAST_BY_LAND_SOFT = {"Волин": "Волинська"}  # Волинь, Волині, Волинню
OBLAST_BY_LAND_NEUTER = {"Закарпатт": "Закарпатська", "Прикарпатт": "Івано-Франківська"}  # Закарпаття, -ям, -і


def _stems(table: dict[str, str]) -> str:
    return "|".join(sorted(map(re.escape, table), key=len, reverse=True))


OBLAST_LAND = re.compile(
    rf"(?:(?P<stem>{_stems(OBLAST_BY_LAND)})(?:а|и|і|у|ою)"
    rf"|(?P<soft>{_stems(OBLAST_BY_LAND_SOFT)})(?:ь|і|ню)"
    rf"|(?P<neuter>{_stems(OBLAST_BY_LAND_NEUTER)})(?:я|ю|ям|і))(?![\w'’ʼ-])"
)
LAND_OBLASTS = {**OBLAST_BY_LAND, **OBLAST_BY_LAND_SOFT, **OBLAST_BY_LAND_NEUTER}


# what may follow an oblast's name in a piece that names only the oblast: the sentence's end or a
# preposition that opens the subject matter ("… із Запорізькою областю | щодо співпраці")
AFTER_THE_OBLAST = re.compile(r"\s*(?:[.!?;:]?\s*$|(?:щодо|про|стосовно|для|задля|у|в|на|під|за|з|із|зі)(?!\w))")


def _oblast_named(text: str, start: int, stop: int) -> tuple[Optional[str], bool]:
    """The adjective of the oblast a piece names ("Львівською областю", "Львівщиною"), alone or
    before the subject matter of the instrument, and whether it was named by its land."""
    adjective = None
    if m := OBLAST.match(text, start, stop):
        adjective = m.group("adjective")
    elif m := OBLAST_LAND.match(text, start, stop):
        adjective = LAND_OBLASTS[m.group("stem") or m.group("soft") or m.group("neuter")]
    if m and AFTER_THE_OBLAST.match(text, m.end(), stop):
        return adjective, m.re is OBLAST_LAND
    return None, False


# an oblast's adjective before its body's name ("Кіровоградської ОДА", "Волинська обласна рада")
OBLAST_BODY = re.compile(
    r"(?P<adjective>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+)\s+(?:ОДА|ОВА|обласн\w*\s+(?:рад|державн|військов|адміністр))"
)


def oblast_bodies_of_bare_titles(text: str, entities: list[Entity]) -> None:
    """An official whose title names an oblast's council or administration without the oblast
    ("голова обласної ради", "голова ОДА") in a text that names one oblast, by its adjective,
    its land ("На Кіровоградщині …") or a body of it, acts for that oblast's body."""
    bare = [
        (off, suffix)
        for off in entities
        if off.label == "OFFICIAL" and not off.affiliation and off.role
        for suffix, title in LOCAL_TITLES
        if suffix != "CC" and title.search(off.role)
    ]
    oblast = the_texts_oblast(text) if bare else None
    if oblast is None:
        return
    for off, suffix in bare:
        off.affiliation = oblast_administration_id(oblast, suffix)


def the_texts_oblast(text: str) -> Optional[str]:
    """The adjective of the one oblast a text names, by its adjective, its land or one of its
    bodies; None where it names none or several."""
    adjectives = {m.group("adjective") for pattern in (OBLAST, OBLAST_BODY) for m in pattern.finditer(text)}
    adjectives |= {
        LAND_OBLASTS[m.group("stem") or m.group("soft") or m.group("neuter")] for m in OBLAST_LAND.finditer(text)
    }
    oblasts = {prefix: a for a in sorted(adjectives) if (prefix := oblast_administration_id(a, ""))}
    return next(iter(oblasts.values())) if len(oblasts) == 1 else None


# an oblast administration by its oblast's initial ("ЛОДА", "КОВА"); not "ВОДА", "СОДА", "СОВА",
# which are words
OBLAST_ADMINISTRATION_ABBREVIATION = re.compile(r"(?<![\w'’ʼ-])(?P<initial>[АБГҐД-РТ-ЯЄІЇ])О(?:ДА|ВА)(?![\w'’ʼ-])")


def oblast_administration_abbreviations(text: str, found: list[Entity]) -> list[Entity]:
    """ "ЛОДА", "ХОВА": the administration of the one oblast the text names, where the
    abbreviation's initial is that oblast's."""
    spans = list(OBLAST_ADMINISTRATION_ABBREVIATION.finditer(text))
    oblast = the_texts_oblast(text) if spans else None
    body = oblast_administration_id(oblast) if oblast else None
    if oblast is None or body is None:
        return []
    return [
        Entity(m.start(), m.end(), m.group(), "ORG", id=body, source="abbreviation")
        for m in spans
        if m.group("initial") == oblast[0].upper() and not any(e.start < m.end() and m.start() < e.end for e in found)
    ]


def oblast_administration_id(adjective: str, suffix: str = "ODA") -> Optional[str]:
    """The id of an oblast's administration from the oblast's adjective in any case
    ("Чернівецькою" → CHERNIVODA), where the id table knows the oblast; with ``suffix`` "CC",
    the council of the city it is named for (CHERNIVCC)."""

    toks = tokens_of(adjective)
    prefix = city_prefix(toks[0]) if toks else None
    return body_id(prefix, suffix) if prefix else None


# a sentence's end; not the full stop of an abbreviation ("у м. Київ", "вул. Хрещатик") or of an
# initial ("імені В. Н. Каразіна")
SENTENCE_END = re.compile(r"(?<!\b[а-яєіїґa-zА-ЯЄІЇҐA-Z])(?<!\bвул)(?<!\bобл)(?<!\bбуд)[.!?;](?:\s|$)|\n\s*\n")


def sentence_end(text: str, position: int) -> int:
    """Where the sentence that goes on at ``position`` ends (its full stop, or a blank line)."""
    m = SENTENCE_END.search(text, position)
    return m.end() if m else len(text)


def home_council_id(city: str) -> str:
    """The id of a Ukrainian city's council from the city's name in any case ("Коростенем" →
    KOROSTENCC): the table's prefix where it knows the city, else the name in Latin letters."""

    forms = sorted(lemmas(city.lower()), key=lambda lemma: (lemma == city.lower(), lemma))
    for lemma in forms:
        prefix = city_prefix_of_lemma(lemma)
        if prefix:
            return prefix + "CC"
    return council_id(forms[0])


def foreign_city_id(city: str, inflected: bool = True, case: str = "gent") -> str:
    """The coined id of a foreign city that is a party, from its name in ``case`` ("Тарнува" →
    TARNUV), or as written where it stands after "місто" and keeps the nominative ("міста
    Тарнів"): the city itself, as the parties of twinnings are (NOTES)."""
    return latin_spelling(_city_nominative(city, case) if inflected else city).upper()[:MAX_ID]


# the council of a city the id table has no prefix for, named by the city's adjective
# (or of its hromada, for which the council acts: NOTES, "Теребовлянська міська територіальна громада";
# or its military administration, which acts in the council's place: "Куп'янська МВА")
_CITY_COUNCIL_UK = (
    r"(?P<city>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+?)(?:ськ|цьк|зьк)(?:а|ої|ій|у|ою)\s+"
    r"(?:міськ\w*\s+(?:рад\w*|територіальн\w*\s+громад\w*|військов\w*\s+адміністраці\w*)|МВА)"
)
CITY_COUNCIL_UK = re.compile(f"^{_CITY_COUNCIL_UK}$")
COUNCIL_IN_TEXT_UK = re.compile(rf"(?<![\w'’ʼ-]){_CITY_COUNCIL_UK}")


def council_named_id(text: str) -> Optional[str]:
    """The coined id of the council of a city no table knows that ``text`` names by the city's
    adjective ("голова Ніжинської міської ради" → NIZHYNCC), as ``coin_id`` coins it."""
    council = COUNCIL_IN_TEXT_UK.search(text)
    return council_id(council.group("city")) if council else None


CITY_COUNCIL_LATIN = re.compile(r"^(?P<city>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)\s+City\s+Council$")
ACRONYM_ID = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
LATIN_BRAND = re.compile(r"^([A-Z]{3,})(?:\s+[A-Z][a-z]\w*)+$")
HYPHENATED_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
# a raion named by its adjective ("Хустським районом"), and its council or administration
_RAION_STEM = r"(?P<stem>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+?)(?:ськ|цьк|зьк)"
RAION = re.compile(rf"{_RAION_STEM}\w*\s+район(?:у|ом|і|а)?(?![\w'’ʼ-])")
RAION_BODY = re.compile(
    rf"{_RAION_STEM}(?:а|ої|ій|у|ою)\s+(?:(?P<council>районн\w*\s+рад\w*)"
    r"|районн\w*\s+(?:державн\w*\s+|військов\w*\s+)?адміністраці\w*|РДА|РВА|райдержадміністраці\w*)"
)


# a foreign region or its council named by its adjective: the adjective's stem and the region's kind
REGION_BY_ADJECTIVE = re.compile(
    r"(?P<stem>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+?)(?:ськ|цьк|зьк)(?:ий|а|е)\s+"
    r"(?:воєводство|повіт|повітова\s+рада|край|регіон|провінція|жупанія|префектура|кантон)"
)
OWN_LATIN_NAME_AFTER = re.compile(r"[а-яєіїґ'’ʼ]\s+(?P<acronym>[A-Z]{3,})(?:\s+[A-Z][a-z]\w*)*$")


def city_party(word: str, parties: Iterable[str]) -> Optional[str]:
    """The party among ``parties`` that the city ``word`` names (in any case) stands for: the
    city itself as a coined party ("Хелма" → KHELM), or its council ("Рівного" → RIVNECC,
    "Вінниці" → VINNYTSCC); None where the city is no party's."""
    city = latin_spelling(_city_nominative(word)).upper()
    if len(city) < 3:
        return None
    for party in sorted(parties):
        stem = party[:-2] if party.endswith("CC") else party
        if party in (city[:MAX_ID], city + "CC") or (party.endswith("CC") and len(stem) >= 5 and city.startswith(stem)):
            return party
    return None


def _city_nominative(city: str, case: str = "gent") -> str:
    """ "Генуї" (in "Мерія Генуї") → "генуя", "Кошаліном" (``case`` "ablt") → "кошалін": the
    city's name as the dictionary files it."""
    if not re.search(r"[а-яєіїґ]", city.lower()):
        return city

    nouns = [p for p in morph_uk().parse(city.lower()) if p.tag.POS == "NOUN" and case in p.tag]
    return nouns[0].normal_form if nouns else city


@lru_cache(maxsize=1)
def known_ids() -> frozenset[str]:
    """Every id the tables give: states and organisations."""
    orgs = {org["id"] for org in load_json("organisations.json")["organisations"]}
    return state_ids() | orgs
