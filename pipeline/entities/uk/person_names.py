"""Where a Ukrainian person's name begins and ends, and its dictionary form.

First names, patronymics, surnames and initials in any case ("Еюпа Маседончі" → "Еюп
Маседончі"), a surname in capitals before the first names as decrees write it, and the
official record built from a title and a name.
"""

from __future__ import annotations

import re
from typing import Optional

from ...records import Entity
from ..models import morph_uk
from ..names import has_known_first_name, name_case, nominative, readable_in
from .titles import HONORIFICS_UK, INITIAL_WORD, LOCATIVE_PREPOSITIONS
from .tokens import (
    Token,
    adjacent,
    cases_of,
    grammemes,
    is_initial,
    lemmas,
    name_cases,
    name_like,
    same_name,
    tags_of,
    tokens_of,
)


def another_given_name(text: str, toks: list[Token], n: int, official: Entity) -> bool:
    """Does a capitalised first name stand right before the surname at ``n``, one that
    is not the official's (the official's own was matched before this is asked; an official
    named by initials keeps a first name with the same initial: "Кравець А.П.", "Андрій Кравець")?"""
    prev = toks[n - 1] if n > 0 else None
    if prev is None or not prev.capitalised or not adjacent(text, [prev, toks[n]]):
        return False
    initials = set(re.findall(r"(\w)\.", official.name or official.text))
    own = set((official.name or official.text).split())
    # a patronymic not the official's ("дідусь Федір Васильович Шевченко") names another person too
    return bool({"Name", "Patr"} & grammemes(prev.lower)) and prev.text[0] not in initials and prev.text not in own


def initials_agree(initial: str, official: Entity) -> bool:
    """Can a mention's first initial be the official's: a letter that begins one of the words of
    the official's name ("П. Порошенка" for Петро Порошенко, not "Т. Шевченка" for Андрій
    Шевченко)?"""
    return initial[:1] in {word[:1] for word in (official.name or official.text).split()}


def another_given_name_after(text: str, toks: list[Token], n: int, official: Entity) -> bool:
    """Does a first name that is none of the official's follow the surname at ``n`` (a list's
    surname-first order: "Непийвода Зінаїда Олексіївна")?"""
    nxt = toks[n + 1] if n + 1 < len(toks) else None
    if nxt is None or not nxt.capitalised or not adjacent(text, [toks[n], nxt]) or nxt.all_caps:
        return False
    own = [w.lower() for w in (official.name or official.text).split()]
    cases = name_cases(nxt.lower)
    # "пана Кащука | Максим Карпін": a first name in another case begins the next person
    return bool(cases & cases_of(toks[n])) and not any(same_name(nxt.lower, w) for w in own)


def own_given_names_end(text: str, toks: list[Token], n: int, official: Entity) -> int:
    """Where a surname-first mention of ``official`` ends: over the first name and patronymic
    after the surname at ``n`` that are the official's own."""
    own = [w.lower() for w in (official.name or official.text).split()]
    end, k = toks[n].end, n + 1
    while k < len(toks) and k - n <= 2 and toks[k].capitalised and adjacent(text, toks[k - 1 : k + 1]):
        if not any(same_name(toks[k].lower, w) for w in own):
            break
        end, k = toks[k].end, k + 1
    return end


def initials_end(text: str, toks: list[Token], n: int) -> int:
    """Where a surname's initials after it end ("Петрука О.С.", "Гордієнка М. І."), or the
    surname's own end where none follow."""
    end, k = toks[n].end, n + 1
    while k < len(toks) and is_initial(text, toks[k]) and text[toks[k - 1].end : toks[k].start].strip() in ("", "."):
        if k == n + 1 and text[toks[n].end : toks[k].start].strip():
            break  # "Петрука. О." : a sentence ends after the surname
        end, k = toks[k].end + 1, k + 1
    return end


def inflected_given_names_start(text: str, toks: list[Token], n: int, official: Entity) -> int:
    """Where a later mention of ``official`` starts that ends in the surname ``toks[n]``: back
    over the given names and particles the full name has before its surname, in any case
    ("Мехмета Алі Йилдиза", "Халідом бін Саїдом Аль-Мансурі" of "Халід бін Саїд Аль-Мансурі")."""
    words = (official.name or "").split()
    if not words or words[0].isupper():
        return toks[n].start  # "МЕЛЬНИК Олена Володимирівна": the surname comes first
    given = [w.lower() for w in words[:-1] if not INITIAL_WORD.match(w)]
    s, m = toks[n].start, n - 1
    if (
        given
        and m > 0
        and "Patr" in grammemes(toks[m].lower)
        and text[toks[m - 1].end : toks[n].start].count(" ") == 2
        and same_name(toks[m - 1].lower, given[-1])
    ):
        m -= 1  # "Олександр Дмитрович Засядько" of "Олександр Засядько": a patronymic the full name lacks
    while given and m >= 0 and text[toks[m].end : toks[m + 1].start] == " " and same_name(toks[m].lower, given[-1]):
        s, m = toks[m].start, m - 1
        given.pop()
    return s


def person_like(text: str, s: int, e: int) -> bool:
    """Could an NER's PER span be a person's name: capitalised words, one of them a
    name in the dictionary or a word it does not know ("Учасників" is not)."""
    toks = tokens_of(text, s, e)
    before = tokens_of(text, max(0, s - 12), s)
    if before and lemmas(before[-1].lower) & PLACE_NOUNS:
        return False  # "в місті Монс", "у селі Стольне": a place the NER took for a person
    return bool(toks) and all(t.capitalised for t in toks) and any(name_like(t.lower) for t in toks)


def with_first_name(text: str, toks: list[Token], start: int) -> int:
    """Where an NER's person span starts once the first name it left out before it is taken in
    ("Кертіс | Скапаротті")."""
    k = next((i for i, t in enumerate(toks) if t.start == start), None)
    if not k:
        return start
    before = toks[k - 1]
    # "у Харкові Тетяна Гавриш": a place after "у" is none of the name
    located = k > 1 and toks[k - 2].lower in LOCATIVE_PREPOSITIONS and "loct" in grammemes(before.lower)
    if before.capitalised and not before.all_caps and not located and adjacent(text, toks[k - 1 : k + 1]):
        return before.start if name_like(before.lower) else start
    return start


PLACE_NOUNS = frozenset({"місто", "село", "селище", "смт", "містечко", "хутір", "вулиця", "проспект", "площа"})


def caps_after_first_name(toks: list[Token], k: int, j: int) -> bool:
    """A surname in capitals after the first names ("Дмитро КАРПЕНКО", "Ян Крістіан ВЕСТРЕ"), as
    signatures write it."""
    first = toks[k].lower
    known = "Name" in grammemes(first) or not morph_uk().word_is_known(first)  # "Вайдас РИМКУС"
    return j > k and not any(t.all_caps for t in toks[k:j]) and known


def caps_surname(toks: list[Token], j: int) -> bool:
    """An all-capitals surname before a first name, as decrees write it ("МЕЛЬНИК Олена")."""
    return j + 1 < len(toks) and "Name" in grammemes(toks[j + 1].lower) and not toks[j + 1].all_caps


# kin named by the title of the person they are kin of ("син директора ЧАЕС Пилип …")
RELATIVES = frozenset(
    {"син", "дочка", "донька", "батько", "мати", "тесть", "теща", "свекор", "свекруха", "зять", "невістка"}
    | {"дружина", "чоловік", "брат", "сестра", "онук", "онука", "племінник", "племінниця", "вдова", "удова"}
)


def relative_of_holder(toks: list[Token], head: int, name: int) -> bool:
    """Is the person named at ``name`` after the title at ``head`` a relative of its holder ("син
    директора ЧАЕС Пилип …"), not the holder, who would stand in the title's genitive ("син посла
    … Андрія Братуня")? A first name the dictionary does not know says nothing either way."""
    if head == 0 or not lemmas(toks[head - 1].lower) & RELATIVES:
        return False
    cases = name_cases(toks[name].lower)
    return bool(cases) and "gent" not in cases


def another_persons_first_name(first: Token, tok: Token) -> bool:
    """Is ``tok`` a first name in no case that the name's first name ``first`` can be in?"""
    cases = name_cases(first.lower)
    own = name_cases(tok.lower)
    return bool(cases) and bool(own) and not cases & own


def name_after_a_lower_case_title(toks: list[Token], k: int) -> bool:
    """Does a noun known only in the nominative start the name after a lower-case title word
    ("секретарка міністерства | Дойна Ротару": the first name is also a folk song's name)? A
    title goes on in the genitive; a capitalised word before keeps a place's name in the title
    ("Автономної Республіки Аджарія")."""
    if k == 0 or k + 1 >= len(toks) or toks[k].all_caps or not toks[k + 1].capitalised:
        return False
    before = toks[k - 1]
    if before.capitalised or "gent" not in grammemes(before.lower) or not morph_uk().word_is_known(toks[k].lower):
        return False  # "голови РДА | дружина | Коваль …": no title word before
    cases = {t.case for t in tags_of(toks[k].lower) if t.POS == "NOUN"}
    return bool(cases) and cases <= {"nomn", "voct"}


def named_list_end(text: str, toks: list[Token], k: int, name_at: dict) -> int:
    """The end of a list of names from ``k`` ("Білорусі, Молдови та України")."""
    end = k
    while end in name_at:
        end = name_at[end][0]
        if end in name_at and text[toks[end - 1].end : toks[end].start] == ", ":
            continue
        if end + 1 in name_at and toks[end].lower in ("та", "і", "й"):
            end += 1
    return end


def agree_listed_names(officials: list[Entity]) -> list[Entity]:
    """Names listed in one clause ("колег з Косова Еюпа Маседончі та Хорватії Івана
    Анушича") share their case: a name whose own words the dictionary cannot read
    takes the case of a listed name it can (names.py, agreement)."""

    cases = [name_case(o.text) for o in officials]
    known = next(((o, c) for o, c in zip(officials, cases) if c), None)
    if known is None:
        return officials
    read, shared_case = known
    if read.name == nominative(read.text, "nomn"):
        # the name the dictionary reads is written in its nominative ("Володимир Зеленський", read
        # as an accusative as much as a nominative): so are the others ("Кір Стармер", not "Кіри")
        return officials
    for off, case in zip(officials, cases):
        if case is None and off.name == nominative(off.text):
            off.name = nominative(off.text, shared_case)
    return officials


def adjective_of_a_name(text: str, toks: list[Token], k: int) -> bool:
    """Is token ``k`` an adjective that agrees with the lower-case word after it, as the first word
    of a body's name ("Коломийської районної ради", "Вараського міського центру"), or one before
    a body's abbreviation ("Білецької ОТГ")?"""
    if k + 1 >= len(toks) or not adjacent(text, toks[k : k + 2]):
        return False
    if toks[k + 1].all_caps and 2 <= len(toks[k + 1].text) <= 6:
        return "ADJF" in grammemes(toks[k].lower)
    if toks[k + 1].capitalised:
        return False
    adjective = {(t.case, t.gender) for t in tags_of(toks[k].lower) if t.POS == "ADJF"}
    following = {(t.case, t.gender) for t in tags_of(toks[k + 1].lower) if t.POS in ("ADJF", "NOUN")}
    return bool(adjective & following)


CASE_ORDER = ("nomn", "gent", "accs", "datv", "ablt", "loct", "voct")


def cannot_stand_in(name: str, case: str) -> bool:
    """Does a first name the dictionary knows put ``name`` in a case other than ``case``
    ("Степана Гаврилюка" is no instrumental)? A surname alone is no such evidence: a foreign
    one may not decline ("Генеральним інспектором … Русу І.Г.")."""

    return readable_in(name, case) is False and has_known_first_name(name)


def titled_official(
    text: str,
    toks: list[Token],
    k: int,
    j: int,
    role: Optional[str],
    affiliation: Optional[str],
    case_hint: Optional[str] = None,
) -> Entity:
    s, e = toks[k].start, toks[j - 1].end
    if is_initial(text, toks[j - 1]):
        e += 1  # the full stop of a trailing initial
    if role and role.rsplit(None, 1)[-1].lower() in HONORIFICS_UK:
        role = role.rsplit(None, 1)[0]  # "Президента Регіону Венето пана": "пана" is no part of the title
    return Entity(
        s,
        e,
        text[s:e],
        "OFFICIAL",
        role=role,
        affiliation=affiliation,
        name=nominative(text[s:e], case_hint),
        source="title-pattern",
    )
