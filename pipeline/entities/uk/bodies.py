"""Ukrainian local bodies and places: councils, administrations, cities and hromadas.

A sub-state party is its body ("Львівська обласна рада" → LVIVOC), whose id is coined
from the city's or oblast's prefix and the body's kind (annotations/NOTES.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Optional

from ...records import Clause, Entity
from ..gazetteer import load_json
from ..models import morph_uk
from .gazetteer import ukrainian_gazetteer
from .titles import FOREIGN_LOCAL_TITLE, OTHER_BODIES, PRESIDED_BODY_NOUNS
from .tokens import PERSON_GRAMMEMES, Token, adjacent, grammemes, latin_spelling, lemmas, tags_of, tokens_of

# --- sub-state bodies ----------------------------------------------------------

# The words after a city's adjective that name its council or its oblast's
# administration or council, as lemmas, and the suffix of the coined id.
BODY_FORMS: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    ((frozenset({"міський"}), frozenset({"рада"})), "CC"),
    ((frozenset({"міськрада"}),), "CC"),
    # a city military administration (МВА) acts for the city in its council's place, as an oblast's
    # ОВА does for the oblast in its administration's: the council's id (NOTES)
    ((frozenset({"міський"}), frozenset({"військовий"}), frozenset({"адміністрація"})), "CC"),
    ((frozenset({"мва"}),), "CC"),
    # "обласна військова адміністрація" (ОВА) since 2022
    (
        (
            frozenset({"обласний"}),
            frozenset({"державний", "військово-цивільний", "військовий"}),
            frozenset({"адміністрація"}),
        ),
        "ODA",
    ),
    ((frozenset({"обласний"}), frozenset({"адміністрація"})), "ODA"),
    ((frozenset({"ода", "ова", "вца", "овца", "облдержадміністрація", "облвійськадміністрація"}),), "ODA"),
    ((frozenset({"обласний"}), frozenset({"рада"})), "OC"),
    ((frozenset({"облрада"}),), "OC"),
)
BODY_ABBREVIATIONS = frozenset({"ода", "ова", "вца", "овца", "мва"})
# The titles of a local body's people, by the suffix of the body's coined id: "міський голова",
# "секретар міської ради" (CC); "голова обласної ради" (OC); "голова обласної державної
# адміністрації", "начальник ОВА" (ODA)
LOCAL_TITLES = (
    ("CC", re.compile(r"\bміськ\w*\s+(?:голов|рад)\w*|\bміськради\b|\bмер\w*", re.IGNORECASE)),
    ("OC", re.compile(r"\bобласн\w*\s+рад\w*|\bоблради\b", re.IGNORECASE)),
    ("ODA", re.compile(r"\bобласн\w*\s+(?:державн\w*\s+|військов\w*\s+)?адміністраці\w*|\b(?:ОДА|ОВА)\b")),
)


@lru_cache(maxsize=1)
def city_prefixes() -> dict[str, str]:
    return dict(load_json("organisations.json")["ukrainian_bodies"]["prefixes"])


def body_id(prefix: str, suffix: str) -> str:
    """The coined id of a city's council or its oblast's administration or council
    (data/organisations.json, "ukrainian_bodies")."""
    return prefix + suffix if suffix == "CC" else prefix[: 10 - len(suffix)] + suffix


@lru_cache(maxsize=1)
def local_body_ids() -> frozenset[str]:
    """Every id :func:`body_id` can coin: the councils and oblast bodies of Ukraine's cities."""
    suffixes = {suffix for _, suffix in BODY_FORMS}
    return frozenset(body_id(prefix, suffix) for prefix in city_prefixes().values() for suffix in suffixes)


def city_prefix(tok: Token) -> Optional[str]:
    """The id prefix of the city a capitalised word names in any form ("Харківського" →
    KHARKIV), or None."""
    if not tok.capitalised:
        return None
    prefixes = city_prefixes()
    return next((prefixes[l] for l in sorted(lemmas(tok.lower)) if l in prefixes), None)


def _match_words(toks: list[Token], k: int, words: tuple[frozenset[str], ...], text: str) -> bool:
    return (
        k + len(words) <= len(toks)
        and all(lemmas(t.lower) & w for t, w in zip(toks[k : k + len(words)], words))
        and adjacent(text, toks[k - 1 : k + len(words)])
    )


def municipal_bodies(text: str, toks: list[Token]) -> list[Entity]:
    """ "Вінницької міської ради", "Львівська ОДА", "Луганської обласної
    військово-цивільної адміністрації": a city council or an oblast's administration or
    council, an ORG with its coined id (a PARTY when it signs)."""
    out = []
    for i, tok in enumerate(toks):
        prefix = city_prefix(tok)
        if prefix is None:
            continue
        for words, suffix in BODY_FORMS:
            if _match_words(toks, i + 1, words, text):
                s, e = tok.start, toks[i + len(words)].end
                out.append(Entity(s, e, text[s:e], "ORG", id=body_id(prefix, suffix), source="lemma-gazetteer"))
                break
    return out


MAYOR_WORDS = (frozenset({"міський"}), frozenset({"голова"}))
MAYOR = frozenset({"мер"})
# a mayor titled by the adjective of a city no table knows ("Ірпінський міський голова")
MAYOR_OF_A_CITY = re.compile(
    r"(?P<city>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+?)(?:ськ|цьк|зьк)(?:ий|ого|ому|им|ім)\s+міськ\w*\s+голов", re.IGNORECASE
)
MAX_ID = 10  # the longest coined id


def coined_body_id(place: str, suffix: str) -> str:
    """The coined id of a local body of a place no table knows, from the place's name or stem in
    Latin letters and the body's suffix: a city council (CC, "Ніжин" → NIZHYNCC), a raion's
    council (RR) or administration (RDA, "Хуст" → KHUSTRDA)."""
    return latin_spelling(place).upper()[: MAX_ID - len(suffix)] + suffix


def council_id(city: str) -> str:
    """A city council's coined id from the city's name or stem."""
    return coined_body_id(city, "CC")


def local_body_of(role: str) -> Optional[str]:
    """The coined id of the city council or oblast body a title names ("Перший заступник
    Харківського міського голови" → KHARKIVCC, "голови Луганської обласної державної
    адміністрації …" → LUHODA): the body its holder acts for. A mayor heads the city's council
    and its executive."""
    toks = tokens_of(role)
    bodies = municipal_bodies(role, toks)
    if bodies:
        return bodies[0].id
    for i, tok in enumerate(toks):
        prefix = city_prefix(tok)
        if prefix and _match_words(toks, i + 1, MAYOR_WORDS, role):
            return body_id(prefix, "CC")
        named = city_named(tok)
        if named and i >= 2 and _match_words(toks, i - 2, MAYOR_WORDS, role):
            return body_id(named, "CC")  # "міський голова Миколаєва"
        if named and i >= 1 and _match_words(toks, i - 1, (MAYOR,), role):
            return body_id(named, "CC")  # "мер Одеси", "заступник мера Львова"
    mayor = MAYOR_OF_A_CITY.search(role)
    if mayor is None:
        return None
    # the table's city written lower-case ("перший заступник кіровоградського міського голови")
    adjective = tokens_of(mayor.group())[0]
    known = next((city_prefixes()[l] for l in sorted(lemmas(adjective.lower)) if l in city_prefixes()), None)
    return body_id(known, "CC") if known else council_id(mayor.group("city"))


def city_named(tok: Token) -> Optional[str]:
    """The id prefix of the city a capitalised word names by its own name ("Миколаєва" →
    MYKOLAIV), or None."""
    if not tok.capitalised:
        return None
    return next((p for p in map(city_prefix_of_lemma, sorted(lemmas(tok.lower))) if p), None)


def city_prefix_of_lemma(lemma: str) -> Optional[str]:
    """The id prefix of a city by the lemma of its own name ("миколаїв" → MYKOLAIV), or None."""
    return load_json("organisations.json")["ukrainian_bodies"]["city_names"].get(lemma)


@lru_cache(maxsize=1)
def foreign_city_bodies() -> dict[str, str]:
    """A foreign city's name (its lemma) → the id of the city's own body in the organisation
    table ("Муніципалітет Нюрнберга" → нюрнберг: NUREMBERG)."""
    out: dict[str, str] = {}
    for org in load_json("organisations.json")["organisations"]:
        for name in org.get("uk", []):
            words = name.split()
            if len(words) == 2 and lemmas(words[0].lower()) & CITY_BODY_WORDS:
                for lemma in lemmas(words[1].lower()):
                    out.setdefault(lemma, org["id"])
    return out


# the words a city's own body is named with ("Муніципалітет Нюрнберга", "Мерія Батумі")
CITY_BODY_WORDS = frozenset({"муніципалітет", "мерія", "магістрат", "місто"})


def local_officials(entities: list[Entity]) -> list[Entity]:
    """Officials of a city or an oblast body, named without a state, act for that body."""
    for off in entities:
        if off.label == "OFFICIAL" and not off.affiliation and off.role:
            off.affiliation = local_body_of(off.role)
    return entities


def bare_councils(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "міська рада", "у міськраді" without the city: the council of the one city the
    document names a council of."""
    councils = {e.id for e in found if e.id and e.id.endswith("CC") and e.source == "lemma-gazetteer"}
    return bare_body_mentions(text, [(c.start, c.end) for c in clauses], councils.pop()) if len(councils) == 1 else []


# a place's capitalised adjective ("Вроцлавська", "Житомирської")
PLACE_ADJECTIVE = re.compile(r"[А-ЯЄІЇҐ][\w'’ʼ-]*(?:ськ|цьк|зьк)\w*")
PLURAL_BODY_ADJECTIVES = frozenset({"міські", "обласні", "районні", "селищні", "сільські"})


def bare_body_mentions(text: str, spans: Iterable[tuple[int, int]], body: str) -> list[Entity]:
    """The body ``body`` (a coined id of BODY_FORMS) where the text names its kind without
    the city or oblast ("міська рада", "облдержадміністрації", "обласної державної
    адміністрації"): a short definite reference (annotations/NOTES.md)."""
    forms = [words for words, suffix in BODY_FORMS if body.endswith(suffix)]
    out = []
    for start, end in spans:
        toks = tokens_of(text, start, end)
        for i, tok in enumerate(toks):
            if i > 0 and (
                lemmas(toks[i - 1].lower) & set(city_prefixes()) or PLACE_ADJECTIVE.fullmatch(toks[i - 1].text)
            ):
                continue  # another place's body ("Вроцлавська міська рада")
            if tok.lower in PLURAL_BODY_ADJECTIVES:
                continue  # "Львівська та Вроцлавська міські ради": both bodies, not one
            if tok.lower in BODY_ABBREVIATIONS and not tok.all_caps:
                continue  # "ода" is an ode
            for words in forms:
                if lemmas(tok.lower) & words[0] and (len(words) == 1 or _match_words(toks, i + 1, words[1:], text)):
                    s, e = tok.start, toks[i + len(words) - 1].end
                    out.append(Entity(s, e, text[s:e], "ORG", id=body, source="coreference"))
                    break
    return out


# --- recognition --------------------------------------------------------------


# "у м. Люксембург", "в місті Сінгапур": a city that shares its state's name, no state
CITY_WORD_BEFORE = re.compile(r"(?<!\w)(?:м\.|міст[оаіу]|місті)\s*$", re.IGNORECASE)


def city_of_a_state_name(text: str, start: int, kind: str) -> bool:
    return kind == "state" and CITY_WORD_BEFORE.search(text, max(0, start - 12), start) is not None


# the nouns of a foreign region or district that a capitalised adjective names ("Пардубицького
# краю", "Сплітсько-Далматинської жупанії", "Опольського воєводства")
REGION_NOUNS = frozenset({"край", "жупанія", "воєводство", "повіт", "округ", "регіон", "земля", "департамент"})
# a hromada, a village or a settlement named after the word ("голова громади Вишневе Іван …")
HROMADA_NOUNS = frozenset({"громада", "село", "селище", "гміна"})  # a Polish gmina is a hromada
HROMADA_ABBREVIATIONS = frozenset({"ОТГ", "ТГ", "ТТГ"})


def region_adjective(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and not toks[k + 1].capitalised and bool(lemmas(toks[k + 1].lower) & REGION_NOUNS)


PRESIDENTS = frozenset({"президент", "президентка"})


def presided_city(tok: Token) -> bool:
    """Can the word after "президент" be a Polish city's name ("президент Вроцлава"), not a state
    or an organisation the gazetteer knows ("президент Франції") nor a body's kind ("президент
    Асоціації")?"""
    return not (ukrainian_gazetteer().find(tok.text, [tok]) or lemmas(tok.lower) & PRESIDED_BODY_NOUNS)


def place_named(toks: list[Token], k: int) -> bool:
    """Is ``toks[k]`` the name of the place a title heads, before a two-word name ("гетьман краю
    Височина Мартін Квапіл", "приматор Кошиць Ярослав Полачек", "голова повітової ради Тулчі
    Мірча Попеску"), not the first name itself?"""
    if k == 0 or k + 2 >= len(toks) or not (toks[k + 1].capitalised and toks[k + 2].capitalised):
        return False
    before, tags = toks[k - 1], grammemes(toks[k].lower)
    if before.text in HROMADA_ABBREVIATIONS or (  # "сільради ОТГ | Виноградове | Андрій …"
        not before.capitalised
        and bool(
            lemmas(before.lower) & (REGION_NOUNS | HROMADA_NOUNS)
            or FOREIGN_LOCAL_TITLE.match(before.lower)
            # a Polish city's "президент" ("президент | Ополя | Арконіуш Вішнєвський")
            or lemmas(before.lower) & PRESIDENTS
            and presided_city(toks[k])
            and not tags & {"Surn", "Patr"}  # "президента Стоянова Дмитра …": his surname
        )
    ):
        # a place's name may read as a surname ("Кошиць"), or as a first name where one follows it
        # ("війт гміни | Ломянки | Мацей Ковальський")
        return "Name" not in tags or "Name" in grammemes(toks[k + 1].lower)
    # the town or county of a council or administration, which the dictionary reads as a thing
    # in the genitive; not an initial ("ради М.А.Харченко")
    return (
        not before.capitalised
        and bool(lemmas(before.lower) & OTHER_BODIES)
        and not toks[k].all_caps
        and len(toks[k].text) >= 3
        and {"NOUN", "inan", "gent"} <= tags
        and not tags & PERSON_GRAMMEMES
    )


SETTLEMENT_ABBREVIATIONS = frozenset({"м", "с", "смт"})


def settlement_abbreviation(text: str, toks: list[Token], n: int) -> bool:
    """Is token ``n`` "м." (місто), "с." (село) or "смт." before a capitalised place name?"""
    return (
        toks[n].lower in SETTLEMENT_ABBREVIATIONS
        and text[toks[n].end : toks[n].end + 1] == "."
        and n + 1 < len(toks)
        and toks[n + 1].capitalised
    )


def region_before_name(toks: list[Token], k: int) -> bool:
    """Is token ``k`` a place the dictionary knows only as a thing, in the genitive, before a
    first name ("Львівщини Андрій")?"""
    if k + 1 >= len(toks) or not toks[k + 1].capitalised or "Name" not in grammemes(toks[k + 1].lower):
        return False
    return (
        morph_uk().word_is_known(toks[k].lower)
        and all(t.POS == "NOUN" and "inan" in t.grammemes and t.case == "gent" for t in tags_of(toks[k].lower))
        and not grammemes(toks[k].lower) & PERSON_GRAMMEMES
    )
