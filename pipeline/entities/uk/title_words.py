"""What a word next to a Ukrainian title is: part of the title, its body, or the name.

The title patterns of the recognizer ask these questions at every token: does a comma
go on with a list of portfolios, does a capitalised word continue a body's name or begin
a person's, is the title word an office someone holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...records import Entity
from ...segment.patterns import COLUMN_GAP
from ..gazetteer import ABBREVIATION, org_names
from ..models import morph_uk
from ..names import readable_in
from .bodies import city_prefixes
from .person_names import CASE_ORDER, cannot_stand_in
from .titles import (
    CIVIC_BODIES,
    CIVIC_KINDS,
    COUNTERPARTS,
    GOVERNMENT_AS_STATE,
    GOVERNMENT_BODIES,
    MAX_ROLE_WORDS,
    NAME_PARTS,
    NAMED_BODIES,
    NOT_IN_A_NAME,
    OTHER_BODIES,
    REMIT_BEFORE,
    ROLE_HEADS,
    ROLE_STOP,
    SEAT_PREPOSITIONS,
    STATE_FORM_HEADS,
    TITLE_CONJUNCTIONS,
    title_readings,
)
from .tokens import (
    PERSON_GRAMMEMES,
    Token,
    adjacent,
    grammemes,
    is_initial,
    lemmas,
    ordinary_word,
    sentence_initial,
    tags_of,
    title_lemmas,
    tokens_of,
)


# an acronym in brackets that ends a title, or the mark of a signature under it ("(підпис)")
def portfolio_comma(text: str, toks: list[Token], k: int) -> bool:
    """A comma inside a title's list of portfolios ("віцеміністр землі, інфраструктури і
    транспорту"): a lower-case genitive after it, the title's last word before it one too."""
    return (
        text[toks[k - 1].end : toks[k].start] == ", "
        and not toks[k].capitalised
        and toks[k].lower not in ROLE_STOP
        and "gent" in grammemes(toks[k].lower)
        and "gent" in grammemes(toks[k - 1].lower)
    )


NAMESAKE_WORDS = 2  # "імені Ореста Левицького", "імені Б. І. Петренка" (initials not counted)


def after_namesake(text: str, toks: list[Token], k: int) -> int:
    """The token after the person an institution is named after, from ``k`` (after "імені")."""
    words, initials = 0, 0
    while k < len(toks) and toks[k].capitalised and words < (1 if initials else NAMESAKE_WORDS):
        if is_initial(text, toks[k]):
            initials += 1  # "Б. І. Петренка": the initials, then the one surname
        else:
            words += 1
        k += 1
    return k


# "(MSB)", "(підпис)", or a unit's own part of the body ("(Центрального апарату)")
BRACKETED_ACRONYM = re.compile(
    r"\s*\(\s*(?:[A-ZА-ЯЄІЇҐ][A-ZА-ЯЄІЇҐ0-9&-]{1,9}|підпис|[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+(?:\s[а-яєіїґ'’ʼ]+){1,3})\s*\)\s+"
)


def after_quoted_company(text: str, toks: list[Token], k: int) -> int:
    """The token after a company's quoted name that ends a title ("голова правління «Укренерго»
    Олексій Бережний"), where a capitalised name follows it on the same line; ``k`` otherwise."""
    if k >= len(toks) or toks[k].start == 0 or text[toks[k].start - 1] != "«":
        return k
    close = text.find("»", toks[k].start, toks[k].start + 60)
    if close < 0 or "\n" in text[toks[k].start : close]:
        return k
    n = k
    while n < len(toks) and toks[n].start < close:
        n += 1
    return n if n < len(toks) and toks[n].capitalised and "\n" not in text[close : toks[n].start] else k


def after_bracketed_acronym(text: str, toks: list[Token], k: int) -> int:
    """The token after an institution's acronym in brackets that ends a title, where the
    name follows it ("Генеральною директоркою Шведського агентства … (MSB) Шарлоттою
    Гедберг"); ``k`` itself where none does."""
    if k == 0 or k >= len(toks):
        return k
    m = BRACKETED_ACRONYM.match(text, toks[k - 1].end)
    if m is None:
        return k
    while k < len(toks) and toks[k].start < m.end():
        k += 1
    return k


def local_head(toks: list[Token], k: int) -> bool:
    """Is ``toks[k]`` the title of a city's or a village's head ("міського голови", "мера",
    "сільського голови"), after which the place's name may come before the person's?"""
    if k < 0:
        return False
    head = lemmas(toks[k].lower)
    if "мер" in head:
        return True
    return (
        bool(head & {"голова", "староста"}) and k > 0 and toks[k - 1].lower.startswith(("міськ", "сільськ", "селищн"))
    )


def columns_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a line set side by side in columns, apart by the segmenter's column gap."""
    bounds = [start, *(x for gap in COLUMN_GAP.finditer(text, start, end) for x in gap.span()), end]
    pieces = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        piece = text[a:b]
        if piece.strip():
            pieces.append((a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())))
    return pieces


def joins_title(toks: list[Token], k: int) -> bool:
    """Does the joining word ``toks[k]`` go on with the title ("освіти | і | досліджень", "ЄБРР |
    з | питань …") rather than end it ("міністр економіки | та | Міністр …")?"""
    if k + 1 >= len(toks):
        return False
    if toks[k + 1].all_caps and toks[k].lower in TITLE_CONJUNCTIONS and k > 0 and not toks[k - 1].capitalised:
        # "міністр регіонального розвитку | та | ЖКГ Криму": an abbreviated remit after a remit
        return {"NOUN", "gent"} <= grammemes(toks[k - 1].lower)
    if toks[k + 1].capitalised:
        return False
    if toks[k].lower in ("з", "із"):
        return toks[k + 1].lower == "питань"
    if toks[k].lower not in TITLE_CONJUNCTIONS:
        return False
    if {"NOUN", "gent"} <= grammemes(toks[k + 1].lower):
        return True
    # "з питань європейської | та | євроатлантичної інтеграції": an adjective, then its noun
    return (
        k + 2 < len(toks)
        and {"ADJF", "gent"} <= grammemes(toks[k + 1].lower)
        and {"NOUN", "gent"} <= grammemes(toks[k + 2].lower)
    )


@lru_cache(maxsize=1)
def organisation_abbreviations() -> dict[str, str]:
    """Known organisations' abbreviations, Cyrillic and Latin ("МОМ", "EUACI") → id."""
    return {k: v for lang in ("uk", "en") for k, v in org_names(lang).items() if k.isupper() and " " not in k}


# the kinds of act whose citation brackets its issuer ("Регламент (ЄС) 2016/679", "Рішення Ради
# (ЄС) 2026/402")
ACT_NOUNS = frozenset({"рішення", "регламент", "директива", "постанова", "розпорядження", "висновок", "рекомендація"})


def named_before_abbreviation(text: str, toks: list[Token], names) -> list[Entity]:
    """A known organisation's abbreviation in brackets names the words before it
    ("Антикорупційною Ініціативою Європейського Союзу (EUACI)"): one ORG with the
    abbreviation's id, whatever case and wording the text uses, and no party inside it."""
    out = []
    known = organisation_abbreviations()
    for k in range(1, len(toks)):
        m = ABBREVIATION.match(text, toks[k - 1].end)
        if not m or m.group("abbr") not in known:
            continue
        first = k - 1
        while first > 0 and k - first < MAX_ROLE_WORDS + 2 and adjacent(text, toks[first - 1 : first + 1]):
            prev = toks[first - 1]
            if not prev.capitalised and (only_verb(prev) or not grammemes(prev.lower) & (NAME_PARTS | {"PREP"})):
                break
            first -= 1
        while first < k - 1 and not toks[first].capitalised:
            first += 1  # the name opens with a capital ("з | Міжнародною організацією …")
        if any(first <= i and en.id == known[m.group("abbr")] for _, _, i, _, en in names if i < k):
            continue  # the table knows the name ("Міжнародної організації з міграції в Україні (МОМ)")
        if any(lemmas(t.lower) & ACT_NOUNS for t in toks[first:k]):
            continue  # "Рішення Ради (ЄС) 2026/402": an act's citation, whose bracket is its issuer's
        if k - 1 > first:
            s, e = toks[first].start, toks[k - 1].end
            out.append(Entity(s, e, text[s:e], "ORG", id=known[m.group("abbr")], source="defined-name"))
    return out


# a post in a trade union, a party, a creative union, a civic organisation, a club, a choir, a
# kolkhoz, a publishing house, a firm, a co-owners' association (ОСББ) or an amateur troupe, or
# of a parents' committee, a public council, a campaign, a festival or its jury ("голова
# профкому", "лідер Радикальної партії", "представник ГО …", "голова батьківського комітету",
# "координатор акції", "президент фестивалю", "голова обласної організації НСХУ"): not a state's
CIVIC_REMIT = re.compile(
    r"(?<!\w)(?:(?:[Оо]бл)?[Пп]роф(?:спілк|ком|рад)\w*|[Пп]арті[їяю]|[Сс]пілк[иаі]|асоціаці\w+|гурт(?:ка|ок)"
    r"|колгосп\w*|видавництв\w*|фірм[иіу]|хор(?:у|ом)?|акці[їя]|фестивал\w*|журі|[Кк]луб\w*|ОСББ|аматорськ\w*"
    r"|роботодавц\w*|економіст\w*"  # employers' federations, economists' committees
    r"|(?:батьківськ|громадськ|організаційн)\w+\s+(?:комітет|рад)\w*|ГО(?!\w)"
    r"|(?:обласн|міськ|районн|первинн)\w+\s+організаці\w+)"
)


def civic_title(role: Optional[str]) -> bool:
    """A post in a civic body ("голова громадської організації", "директор благодійного
    фонду"): its holder is NGO staff, not an OFFICIAL (annotations/NOTES.md, U3). A decree
    that appoints such a person to a state commission makes them one (U4)."""
    words = [lemmas(t.lower) for t in tokens_of(role or "")]
    return any(a & CIVIC_KINDS and b & CIVIC_BODIES for a, b in zip(words, words[1:])) or bool(
        CIVIC_REMIT.search(role or "")
    )


def proper_name(text: str, toks: list[Token], first: int, head: int, last: int) -> bool:
    """A body's own name, which Ukrainian writes with one capital: its head noun capitalised
    inside a sentence and words after it ("у Спілці українських підприємців", "з Фондом
    громади Житомира"). At a sentence's start the capital says nothing, and a bare head
    ("Комітет") is a treaty's defined term, not a name."""
    if first != head or last <= head + 1 or toks[head].all_caps or sentence_initial(text, toks[head].start):
        return False
    # the name goes on in the genitive or with "з" ("Комісії з питань …"), where a defined
    # term goes on with its sentence ("Комітет бере …", "Секретаріат про продукцію")
    after = toks[head + 1].lower
    tags = grammemes(after)
    return after in ("з", "із", "зі") or ("gent" in tags and not tags & {"PREP", "CONJ", "PRCL", "VERB"})


def place_in_name(text: str, toks: list[Token], k: int) -> bool:
    """A capitalised inanimate noun in the genitive that ends a body's name: its city or
    region ("Фонд громади Житомира", "Спілка підприємців Полтави")."""
    tags = grammemes(toks[k].lower)
    return (
        toks[k].capitalised
        and not toks[k].all_caps
        and {"NOUN", "gent", "inan"} <= tags
        and not tags & PERSON_GRAMMEMES
        and not lemmas(toks[k].lower) & (GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES)  # "… Міністерства"
        and adjacent(text, toks[k - 1 : k + 1])
    )


def office_word(tok: Token) -> bool:
    """A capitalised office inside an institution's name ("Офісу Президента України",
    "Ради Міністрів")."""
    return bool(lemmas(tok.lower) & (ROLE_HEADS | GOVERNMENT_BODIES | OTHER_BODIES)) and "gent" in grammemes(tok.lower)


def only_verb(tok: Token) -> bool:
    tags = grammemes(tok.lower)
    return bool(tags & NOT_IN_A_NAME) and not tags & NAME_PARTS


def abbreviated_body(tok: Token) -> bool:
    """An all-capitals abbreviation ("МОЗ") or a "Держ-" compound ("Держмолодьспорт"); not a
    word in capitals that the dictionary knows as an ordinary one ("ЗАКОН УКРАЇНИ")."""
    if tok.all_caps:
        return 2 <= len(tok.lower) <= 6 and not ordinary_word(tok.lower)
    word = tok.lower
    return tok.capitalised and word.startswith("держ") and not word.startswith("держав") and len(word) > 6


# the kinds of body a Latin name written after them names ("компанії Dragon Capital")
LATIN_NAMED_KINDS = frozenset(
    {"компанія", "інвесткомпанія", "корпорація", "холдинг", "група", "банк", "фонд", "форум", "фестиваль"}
    | {"агенція", "агентство", "концерн", "мережа", "платформа", "проєкт", "проект", "програма", "клуб"}
    | {"студія", "видання", "журнал", "газета", "сайт", "портал", "телеканал", "радіо", "бренд", "фірма"}
)
# a class's teacher and a theatre's or an ensemble's artistic director: "керівник" that is no
# post of a state's
NOT_OFFICE_MODIFIERS = frozenset({"класний", "художній"})
CANDIDATE_WORDS = frozenset({"кандидат", "кандидатка", "претендент", "претендентка"})


def not_an_office(toks: list[Token], head: int) -> bool:
    """Does the title word at ``head`` name no office held: "класного керівника", or the post a
    candidate runs for ("кандидата у столичні мери Гаріка …")?"""
    if head > 0 and lemmas(toks[head - 1].lower) & NOT_OFFICE_MODIFIERS:
        return True
    before = toks[max(0, head - 3) : head]
    return any(
        lemmas(t.lower) & CANDIDATE_WORDS and nxt.lower in ("у", "в", "на") for t, nxt in zip(before, before[1:])
    )


def body_word_before_its_name(toks: list[Token], k: int) -> bool:
    """Does a body's word ("Кабінету", "Ради") start the capitalised words at ``k``, as a body's
    name goes on ("Кабінету Міністрів", "Ради Української асоціації"), rather than a first name
    that reads as one ("Раду Ціпіріке", "Раду ПОПЕСКУ": a surname the dictionary lacks or in capitals)?"""
    if not lemmas(toks[k].lower) & (GOVERNMENT_BODIES | OTHER_BODIES | GOVERNMENT_AS_STATE):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not nxt.capitalised or not nxt.all_caps and morph_uk().word_is_known(nxt.lower)


def counterpart_only(role: Optional[str]) -> bool:
    """Does ``role`` name its holder only as someone's counterpart ("латвійський колега")?"""
    heads = [title_lemmas(t.lower) & ROLE_HEADS for t in tokens_of(role or "")]
    return any(h & COUNTERPARTS for h in heads) and not any(h - COUNTERPARTS for h in heads)


def before_a_latin_name(tok: Token) -> bool:
    """Does a lower-case word before a Latin name make that name a body's: a kind of body, or an
    adjective, which needs the noun that follows ("львівського Book Forum")?"""
    if tok.capitalised:
        return False
    tags = tags_of(tok.lower)
    return bool(lemmas(tok.lower) & LATIN_NAMED_KINDS) or bool(tags) and all(t.POS == "ADJF" for t in tags)


# a company's or a body's name in Latin letters inside a Ukrainian title ("віцепрезидент Google",
# "генеральний директор Airbus Defence")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’&.-]*")
CYRILLIC_WORD = re.compile(r"[А-ЯЄІЇҐа-яєіїґ]")
MAX_LATIN_TITLE_WORDS = 4


def latin_name_in_title(toks: list[Token], k: int) -> bool:
    """Whether toks[k] begins a capitalised name in Latin letters that Ukrainian words follow, the
    title's or the holder's name ("віцепрезидент | Google | Кент Вокер", "… | Google | з глобальних
    питань Кент Вокер"): the name is the title's body, not the holder's."""
    j = k
    while (
        j < len(toks) and j - k < MAX_LATIN_TITLE_WORDS and toks[j].capitalised and LATIN_WORD.fullmatch(toks[j].text)
    ):
        j += 1
    return k < j < len(toks) and bool(CYRILLIC_WORD.match(toks[j].text))


def institution_word(tok: Token) -> bool:
    """A capitalised word that continues a title rather than starting a name: an
    abbreviation ("ФРН") or a dictionary noun or adjective that is no name
    ("Держприкордонслужби", "Департаменту", "Державної")."""
    if tok.all_caps:
        return True
    word = tok.lower
    if lemmas(word) & set(city_prefixes()):  # "голови Хмельницької ОДА"
        return True
    if lemmas(word) & (GOVERNMENT_BODIES | OTHER_BODIES):  # "Голова Ради міністрів", not the name Рада
        return True
    if word.startswith("держ") and len(word) > 8:
        return True  # "Держреєстрслужби", "Держгеокадастру": a state agency's short name
    first, *rest = word.split("-")
    if rest and morph_uk().word_is_known(first) and not grammemes(first) & (PERSON_GRAMMEMES | {"anim"}):
        return True  # "Товариства побратимства Харків-Нюрнберг": places joined, not a double name
    return morph_uk().word_is_known(word) and not grammemes(word) & PERSON_GRAMMEMES


def remit_before(text: str, toks: list[Token], i: int) -> bool:
    """Do "у справах" or "з питань" stand right before ``toks[i]`` (a post's remit)?"""
    return i > 1 and REMIT_BEFORE.search(text, toks[i - 2].start, toks[i].start) is not None


def seat_after(toks: list[Token], k: int, name_at: dict) -> Optional[int]:
    """The end of where a post sits, after its owner in a title ("в Україні", "в Республіці
    Польща", "при ООН"), or None."""
    if k >= len(toks) or toks[k].lower not in SEAT_PREPOSITIONS:
        return None
    j = k + 1
    if j < len(toks) and lemmas(toks[j].lower) & STATE_FORM_HEADS and toks[j].capitalised:
        j += 1  # the state's long form, whose name alone the gazetteer holds
    return name_at[j][0] if j in name_at else None


def clause_verb(tok: Token) -> bool:
    """Is ``tok`` a verb ("обрали", "обрано", "призначити"), not a genitive that reads as one too
    ("справ" in "закордонних справ")?"""
    tags = tags_of(tok.lower)
    return any(t.POS in ("VERB", "INFN") for t in tags) and not any(t.case == "gent" for t in tags)


def possessor_title(toks: list[Token], i: int, end: int, name: str, case: str) -> Optional[tuple[int, str]]:
    """The title after the head at ``i`` (before ``end``) whose case a name agrees with, where it
    cannot stand in the head's ``case``: "радником | міністра юстиції | Олега Бережного"."""

    if not cannot_stand_in(name, case):
        return None
    for n in range(end - 1, i, -1):
        if not title_lemmas(toks[n].lower) & ROLE_HEADS:
            continue
        # "міністра" reads as a genitive and as an accusative: either will do
        cases = {t.case for t in title_readings(toks[n].lower) if t.case in CASE_ORDER} - {case}
        for later in sorted(cases, key=CASE_ORDER.index):
            if readable_in(name, later):
                return n, later
    return None


def before_relative(toks: list[Token], start: int, verb: int) -> int:
    """The token where a title ends before ``verb``: before a relative pronoun that opens the
    verb's clause ("головою | якої обрали")."""
    end = verb
    while end > start and "NPRO" in grammemes(toks[end - 1].lower):
        end -= 1
    return end


def only_plural_title(tok: Token) -> bool:
    readings = title_readings(tok.lower.split("-")[0])  # "мерів-інноваторів"
    return bool(readings) and all(t.number == "plur" for t in readings) and not tok.all_caps


def plural_counterpart(tok: Token) -> bool:
    """Is ``tok`` "колеги", "колегами" … only in the plural: colleagues, not the holder of the same
    post on the other side?"""
    return bool(lemmas(tok.lower) & COUNTERPARTS) and only_plural_title(tok)


def plural_genitive_reading(tok: Token) -> bool:
    return any(t.number == "plur" and t.case == "gent" for t in title_readings(tok.lower))


def plural_genitive(tok: Token) -> bool:
    """Is a title word read only as a plural genitive ("суддів", "послів"): no title of a person?"""
    readings = title_readings(tok.lower)
    return bool(readings) and all(t.number == "plur" and t.case in ("gent", "accs") for t in readings)


def adjective_case(toks: list[Token], i: int) -> Optional[str]:
    """The case of the adjective before an indeclinable title ("зі своїм литовським | візаві")."""
    if i == 0 or "Fixd" not in grammemes(toks[i].lower):
        return None
    # singular readings only: the title names one person ("литовським" is no dative plural here)
    parses = morph_uk().parse(toks[i - 1].lower)
    cases = {p.tag.case for p in parses if p.tag.POS == "ADJF" and p.tag.number != "plur"}
    return cases.pop() if len(cases) == 1 else None


def across_columns(text: str, toks: list[Token], k: int) -> bool:
    """Is token ``k`` the next column's title, past a column gap ("Віце-президентка      Голова
    Правління"), rather than the name a title line prints at its right ("Президент України
    В.ЗЕЛЕНСЬКИЙ")?"""
    gap = k > 0 and COLUMN_GAP.search(text, toks[k - 1].end, toks[k].start) is not None
    return gap and bool(title_lemmas(toks[k].lower) & ROLE_HEADS)


def name_tokens(names) -> set[int]:
    """Indices of the tokens inside a state's or organisation's name."""
    return {k for _, _, i, j, _ in names for k in range(i, j)}
