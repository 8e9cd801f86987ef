"""Ukrainian officials from person spans and the titles next to them.

The title patterns of ``recognizer.py`` read "title → name" when the name follows the
title directly. Ukrainian reports also write the title after the name ("Павло Кухта,
заступник голови …"), separate it by a long post ("заступник міського голови -
керуючий справами виконавчого комітету міської ради Тетяна Чечетова-Терашвілі") or
give one title to a list ("заступники Голови служби Роман Криган та Юлія Жовтяк").

Person spans come from two sources: the dictionary (a first name the dictionary tags
``Name``, then a surname, patronymic or unknown capitalised word; initials and a
surname) and, when it is installed, the statistical NER's PER spans
(``servanda.training.ner_uk``). A person becomes an OFFICIAL when a title head
("міністр", "заступник", "директор", …) stands before it in the same clause with
nothing but the title's own words between, or right after it behind a comma or dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from ...records import Entity
from ..models import morph_uk
from ..names import nominative
from .bodies import body_id, city_prefixes
from .person_names import RELATIVES, another_persons_first_name, relative_of_holder
from .sides import SIDE_WORDS_UK, state_before_rank
from .title_words import body_word_before_its_name, institution_word, not_an_office, plural_counterpart
from .titles import (
    BODY_OF_TITLES,
    LOCATIVE_PREPOSITIONS,
    REMIT_BEFORE,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    named_after,
    title_case,
)
from .tokens import (
    CYRILLIC,
    PERSON_GRAMMEMES,
    TOKEN,
    adjacent,
    grammemes,
    is_initial,
    is_patronymic,
    lemmas,
    name_cases,
    name_like,
    tags_of,
    tokens_of,
)

MAX_TITLE_GAP = 14  # tokens between a title's head and the person it names
TITLE_BREAK = re.compile(r"[.!?;:«»\"“”()]|\n\s*\n")
LOCATIVE_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(LOCATIVE_PREPOSITIONS))})\s+$", re.IGNORECASE)


def dictionary_persons(text: str, toks: list) -> list[tuple[int, int]]:
    """(first token, end token) of person names the dictionary recognises: a first
    name and one or two capitalised words after it, or initials and a surname."""

    out = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        # "у Львові" is a place, though "Львові" is also a form of the name Лев
        located = i > 0 and toks[i - 1].lower in LOCATIVE_PREPOSITIONS and "loct" in grammemes(tok.lower)
        if (
            tok.capitalised
            and not tok.all_caps
            and not located
            and "Name" in grammemes(tok.lower)
            and not is_initial(text, tok)
            # "голова Ради Української асоціації …": the council, not a woman named Рада
            and not body_word_before_its_name(toks, i)
        ):
            j = i + 1
            while (
                j < len(toks)
                and j - i <= 2
                and toks[j].capitalised
                and not is_initial(text, toks[j])
                and adjacent(text, toks[j - 1 : j + 1])
                and (toks[j].all_caps or name_like(toks[j].lower))
                # "депутата Юрія Мірошниченка | Софія": his wife, in another case
                and not (j >= i + 2 and another_persons_first_name(tok, toks[j]))
            ):
                j += 1
            if j > i + 1:
                out.append((_surname_before(text, toks, i, j), j))
                i = j
                continue
        if is_initial(text, tok):
            j = i
            while j < len(toks) and is_initial(text, toks[j]) and j - i < 2:
                j += 1
            # initials, then a surname the dictionary knows or, after two initials, any
            # surname ("О. М. Гринчишин": the dictionary lacks most)
            if (
                j < len(toks)
                and toks[j].capitalised
                and text[toks[j - 1].end : toks[j].start].strip() == "."
                and (grammemes(toks[j].lower) & PERSON_GRAMMEMES or j - i == 2 and name_like(toks[j].lower))
            ):
                out.append((i, j + 1))
                i = j + 1
                continue
        elif (
            tok.capitalised
            and len(tok.text) > 1
            and i + 2 < len(toks)
            and is_initial(text, toks[i + 1])
            and is_initial(text, toks[i + 2])
            and adjacent(text, toks[i : i + 2])
            and CYRILLIC.match(tok.text)
            and not _opens_a_name(text, toks, i + 2)
        ):
            out.append((i, i + 3))  # a surname and two initials after it ("Мельничуком О. В.")
            i += 3
            continue
        i += 1
    return out


def _opens_a_name(text: str, toks: list, k: int) -> bool:
    """Do the initials ending at ``toks[k]`` open the name after them ("радник Посольства в РК
    Я. В. Орловський"): a surname right after their full stop is that name's, so the word
    before them is none of it ("… Мельник О. В. Документ …" keeps its initials)."""

    nxt = k + 1
    return (
        nxt < len(toks)
        and toks[nxt].capitalised
        and not is_initial(text, toks[nxt])
        and name_like(toks[nxt].lower)
        and re.fullmatch(r"\.[ \xa0]{1,2}", text[toks[k].end : toks[nxt].start]) is not None
    )


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def _surname_before(text: str, toks: list, i: int, j: int) -> int:
    """Where a first name and patronymic (``toks[i:j]``) start once the surname written before
    them is taken in: in capitals, as a decree's list writes it ("увести до складу ТКАЧЕНКО
    Марину Вікторівну"), or a surname in the same case ("агентом – Гончарука Віталія
    Олеговича")."""

    if j - i != 2 or i == 0 or not is_patronymic(toks[i + 1]):
        return i
    before = toks[i - 1]
    if not (before.capitalised and CYRILLIC.match(before.text) and adjacent(text, toks[i - 1 : i + 1])):
        return i
    if "\n" in text[before.end : toks[i].start]:
        return i
    if before.all_caps:  # not an acronym: "ПРООН", "НАТО" stand before names too
        return i - 1 if len(before.text) >= 5 and name_like(before.lower) else i
    tags = grammemes(before.lower)
    return i - 1 if "Surn" in tags and tags & grammemes(toks[i].lower) & _CASES else i


def spans_to_tokens(toks: list, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans (an NER's PER) as (first token, end token) of ``toks``."""
    out = []
    for s, e in spans:
        inside = [k for k, t in enumerate(toks) if t.start >= s and t.end <= e]
        if inside:
            out.append((inside[0], inside[-1] + 1))
    return out


def officials_from_persons(
    text: str,
    toks: list,
    persons: list[tuple[int, int]],
    names,
    taken: Iterable[tuple[int, int]],
    known: Iterable[Entity] = (),
) -> list[Entity]:
    """OFFICIALs among ``persons`` (token spans of one clause) that a title names,
    before or after; persons overlapping ``taken`` (character spans) are skipped, and
    a person listed after a ``known`` official shares its title."""

    busy = list(taken)
    out: list[Entity] = []
    previous: Optional[tuple[int, Entity]] = None  # end token and entity of the last official
    for k, j in sorted(set(persons), key=lambda p: (p[0], -p[1])):  # the longer reading of a name first
        s, e = toks[k].start, toks[j - 1].end
        if is_initial(text, toks[j - 1]):
            e += 1
        if any(a < e and s < b for a, b in busy):
            same = [o for o in known if o.start == s]
            if same:
                previous = (j, same[0])
            continue
        if k > 0 and named_after(text, toks[k - 1]):
            continue  # the person an institution is named after ("… імені Б. І. Петренка")
        role, affiliation, title_before = None, None, None
        if previous is not None and _coordinated(text, toks, previous[0], k):
            # a person listed after an official shares the title, unless a title of their own
            # follows ("… Андрея Міхеску і Міхай Попа, заступник прем'єр-міністра — міністр …")
            role, affiliation = _title_after(text, toks, j, names, ROLE_HEADS, lemmas)
            if role is None and _title_for_several(previous[1].role):
                role, affiliation = previous[1].role, previous[1].affiliation
        if role is None:
            role, affiliation = _title_before(text, toks, k, names, ROLE_HEADS, ROLE_MODIFIERS, lemmas, grammemes)
            title_before = role
            listed_after = [o for o in [*known, *out] if o.role and o.end <= s and role and o.text in role]
            if listed_after:
                # the title was read back over an official named before: the title between them
                # where one stands there ("посол Ігор Долгов, з боку НАТО – генеральний менеджер
                # Агентства НАТО … Майк Лайден"), else the title of the list they share
                # ("заступники міністра Олег Руденко, Іван Мельничук …")
                rest = role[role.rindex(listed_after[-1].text) + len(listed_after[-1].text) :]
                rest = SIDE_BEFORE_TITLE.sub("", rest.lstrip(" ,;–—-"), count=1).strip()
                words = [w for w in tokens_of(rest) if w.lower not in LIST_WORDS]
                if any(lemmas(w.lower) & ROLE_HEADS for w in words):
                    role = rest
                elif SIDE_ALONE.fullmatch(rest):
                    # "начальник ОВА Максим Козицький, з боку фонду — Говард Баффет": another side,
                    # and no title, stands between them, so neither title is this person's
                    role, affiliation = None, None
                elif not any(w.text.islower() for w in words):
                    shared = _title_for_several(listed_after[-1].role)  # not "голова ОДА X і Y"
                    role, affiliation = (
                        (listed_after[-1].role, affiliation or listed_after[-1].affiliation) if shared else (None, None)
                    )
                title_before = role
        if role is None:
            role, affiliation = _title_after(text, toks, j, names, ROLE_HEADS, lemmas)
        if role is None:
            role, affiliation = _office_held(text, toks, k, j, names, ROLE_HEADS, lemmas)
        if role is None:
            continue
        ent = Entity(
            s,
            e,
            text[s:e],
            "OFFICIAL",
            role=role,
            affiliation=affiliation,
            name=nominative(text[s:e], _head_case(toks, k, title_before)),
            source="apposition",
        )
        out.append(ent)
        busy.append((s, e))
        previous = (j, ent)
    return out


# the side named before a title in a list of signatories ("з боку НАТО – генеральний менеджер …")
SIDE_BEFORE_TITLE = re.compile(r"^(?:з\s+боку|від)\s+[^–—\n]{1,60}?\s[–—-]\s*", re.IGNORECASE)
# a side named alone, no title after it, before a person ("…, з боку фонду — Говард Баффет")
SIDE_ALONE = re.compile(rf"{SIDE_WORDS_UK}\s+[^–—\n]{{1,60}}", re.IGNORECASE)
LIST_WORDS = frozenset({"та", "і", "й", "а", "також"})


def _title_for_several(role: Optional[str]) -> bool:
    """Does the next person of a list share this title: a plural one ("міністри …", "посли …"),
    not a singular one, which is its holder's alone ("голова ОДА Сергій Іваненко і Джон Сміт")?"""
    head = next((t for t in tokens_of(role or "") if lemmas(t.lower) & ROLE_HEADS), None)
    return head is None or "plur" in grammemes(head.lower)


def _coordinated(text: str, toks: list, end: int, k: int) -> bool:
    """Is the person at ``k`` joined to the one ending at ``end`` ("… Криган та Юлія")?"""
    return end < k and k - end <= 1 and text[toks[end - 1].end : toks[k].start].strip() in (",", "та", "і", "й")


def _title_before(text, toks, k, names, role_heads, modifiers, lemmas, grammemes):
    """The title whose head stands before token ``k`` in its clause, with only the
    title's words between (no verb, no sentence break); its affiliation is the last
    state, organisation or body it names. A copula may stand between a title in the
    instrumental and the name ("послом України в Австрії була Ганна Мороз", "заступником
    міністра нещодавно став Іван Гук"): the title ends before it."""

    first = max(0, k - MAX_TITLE_GAP)
    title_end = k  # the token after the title's last word
    for h in range(k - 1, first - 1, -1):
        gap = text[toks[h].end : toks[k].start]
        if TITLE_BREAK.search(gap):
            return None, None
        word = toks[h].lower
        if title_end == h + 1 and (_copula(word, lemmas) or (title_end < k and _adverb(word, grammemes))):
            title_end = h
            continue
        # a verb ends the search; a title's own words that read as verbs too are genitives
        # ("міністра оборони", "закордонних справ")
        parses = morph_uk().parse(word)
        if any(p.tag.POS in VERB_POS for p in parses) and not lemmas(word) & role_heads:
            if not any(p.tag.case == "gent" for p in parses):
                return None, None
        if h > 0 and lemmas(toks[h - 1].lower) & BODY_OF_TITLES:
            continue  # "Кабінет Міністрів": a body, no title
        if _title_word(toks[h], role_heads, lemmas):
            if plural_counterpart(toks[h]):
                return None, None  # "колегами, учнями … Тараса": colleagues, no counterpart in office
            if relative_of_holder(toks, h, k):
                return None, None  # "син директора ЧАЕС Пилип …": the holder's relative
            if not_an_office(toks, h):
                return None, None  # "класного керівника Ганну …", "кандидата у мери Гаріка …"
            if any(lemmas(t.lower) & RELATIVES for t in toks[h + 1 : k]):
                return None, None  # "син посла … Андрія Братуня та сестри Наталії": his kin
            if title_end < k and "ablt" not in grammemes(word):
                continue  # "(заступником) міністра … став": the head is the word in the instrumental
            start = h - 1 if h > 0 and lemmas(toks[h - 1].lower) & modifiers else h
            # the title whose genitive this one is ("заступником | генерального директора")
            while (
                start > first
                and _title_word(toks[start - 1], role_heads, lemmas)
                and adjacent(text, toks[start - 1 : start + 1])
            ):
                start -= 1
                if start > first and lemmas(toks[start - 1].lower) & modifiers:
                    start -= 1
            role = text[toks[start].start : toks[title_end - 1].end].rstrip(" ,-–—")
            if not role:
                return None, None
            named = [(a, en.id) for a, b, _, _, en in names if toks[start].start <= a and b <= toks[title_end - 1].end]
            # "голова Представництва ЄС в Україні", "посол України в НАТО": the place where an
            # office sits is not whom its holder acts for
            # nor is its remit ("уповноважений у справах Європейського суду з прав людини")
            ids = [
                sid
                for a, sid in named
                if not LOCATIVE_BEFORE.search(text[toks[start].start : a])
                and not REMIT_BEFORE.search(text[toks[start].start : a])
            ]
            if named and not ids:
                return role, None
            if not ids:
                rank_of = state_before_rank(toks, h, names)
                return role, (rank_of or _city_body(toks, start, k, lemmas))
            return role, ids[-1]
    return None, None


def _title_word(tok, role_heads, lemmas) -> bool:
    return bool((lemmas(tok.lower) | {tok.lower.split("-")[0]}) & role_heads) and not tok.all_caps


# verbs that give the post a person holds in the instrumental: "став головою", "є директором",
# "виявився радником міністра", "працював заступником міністра", "залишається послом"
COPULAS = frozenset({"бути", "стати", "виявитися", "працювати", "залишатися"})
VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def _copula(word: str, lemmas) -> bool:
    return bool(lemmas(word) & COPULAS)


def _instrumental_title(tok, role_heads, lemmas) -> bool:

    return bool(lemmas(tok.lower) & role_heads) and any(t.case == "ablt" for t in tags_of(tok.lower))


def _adverb(word: str, grammemes) -> bool:
    tags = grammemes(word)
    return "ADVB" in tags and not tags & {"NOUN", "ADJF", "VERB"}


# "Іван Ковтун – сільський голова …": a village's, town's or city's head after the name
LOCAL_HEADS = frozenset({"сільський", "селищний", "міський"})
FIRST_WORDS = frozenset({"перший", "генеральний", "віце", "державний"})  # "перша заступниця …"


def _title_after(text, toks, j, names, role_heads, lemmas):
    """ "Павло Кухта, заступник голови …": a title right after the person, behind a
    comma or dash, running to the end of its phrase."""
    if j >= len(toks):
        return None, None
    gap = text[toks[j - 1].end : toks[j].start]
    if gap.strip() not in (",", "-", "–", "—", "("):  # "Петро Приказчик (начальник відділу …)"
        return None, None

    heads = lemmas(toks[j].lower) | {toks[j].lower.split("-")[0]}
    h = j
    # adjectives before the head ("Торговельна представниця", "Надзвичайний і Повноважний Посол")
    while h < min(len(toks) - 1, j + 3) and not (lemmas(toks[h].lower) | {toks[h].lower}) & role_heads:
        # capitalised as a title is (a lower-case "виконавчий директор …" after a name is read no further)
        adjective = toks[h].capitalised and "ADJF" in grammemes(toks[h].lower)
        local_head = lemmas(toks[h].lower) & LOCAL_HEADS and lemmas(toks[h + 1].lower) & {"голова"}
        first_word = lemmas(toks[h].lower) & FIRST_WORDS
        if not (adjective or local_head or first_word or h > j and toks[h].lower in ("і", "й")):
            break
        h += 1
    if h >= len(toks) or not (heads | lemmas(toks[h].lower)) & role_heads:
        return None, None
    end = h
    while end + 1 < len(toks) and end - h < 10 and not TITLE_BREAK.search(text[toks[end].end : toks[end + 1].start]):
        if "," in text[toks[end].end : toks[end + 1].start]:
            break
        if _first_name_in_nominative(toks[end + 1]):
            return None, None  # "Микола Цуканов, директор філармонії Микола Кравченко": Кравченко's title
        end += 1
    role = text[toks[j].start : toks[end].end]
    # "Посол України в Литві": the state where the post sits is not whom its holder acts for
    ids = [
        en.id
        for a, b, _, _, en in names
        if toks[j].start <= a and b <= toks[end].end and not LOCATIVE_BEFORE.search(text[toks[j].start : a])
    ]
    return role, (ids[-1] if ids else _city_body(toks, j, end + 1, lemmas))


def _first_name_in_nominative(tok) -> bool:
    """Is ``tok`` a first name that can only be in the nominative ("Микола", not "Петра")?"""

    return tok.capitalised and name_cases(tok.lower) == {"nomn"}


OFFICE_WORDS = frozenset({"президентство", "каденція", "прем'єрство"})


def _office_held(text, toks, k, j, names, role_heads, lemmas):
    """ "Петро Порошенко назвав … на посаді глави держави": the post the sentence says
    the person holds; "президентства Ющенка": a president referred to in his presidency
    (gold set v2: such a president is an OFFICIAL)."""

    if k > 0 and lemmas(toks[k - 1].lower) & {"президентство"} and text[toks[k - 1].end : toks[k].start].isspace():
        return "президент", None
    for n in range(j, min(len(toks) - 2, j + 12)):
        if TITLE_BREAK.search(text[toks[n - 1].end : toks[n].start]) if n > j else False:
            break
        became = n == j and _copula(toks[n].lower, lemmas) and _instrumental_title(toks[n + 1], role_heads, lemmas)
        if became or toks[n].lower in ("на", "у", "в") and lemmas(toks[n + 1].lower) & {"посада"}:
            # "Ілько Володимирович став головою сільської ради": the post the name's verb says he took
            h = n + 1 if became else n + 2
            if not_an_office(toks, h):
                return None, None  # "кандидат на посаду мера": the post run for, not held
            if lemmas(toks[h].lower) & role_heads or toks[h].lower.split("-")[0] in role_heads:
                end = h
                while end + 1 < len(toks) and end - h < 4 and text[toks[end].end : toks[end + 1].start].isspace():
                    if toks[end + 1].capitalised and not any(a == toks[end + 1].start for a, _, _, _, _ in names):
                        break
                    end += 1
                    if any(b == toks[end].end for _, b, _, _, _ in names):
                        break
                if became:
                    end = _body_named_after(text, toks, end)  # "є директором ТОВ «Будівест траст»"
                role = text[toks[h].start : toks[end].end]
                if role.count("«") > role.count("»"):
                    role += "»"
                ids = [en.id for a, b, _, _, en in names if toks[h].start <= a and b <= toks[end].end]
                return role, (ids[-1] if ids else None)
            return None, None
    return None, None


def _body_named_after(text, toks, end) -> int:
    """The last token of a body's name that runs on after a title ("директором | ТОВ «Будівест
    траст»"), so that the title says whose post it is; ``end`` where none follows."""

    last, quoted = end, False
    while last + 1 < len(toks) and last - end < 6:
        gap = text[toks[last].end : toks[last + 1].start]
        if re.search(r"[,.;:!?()»—–]|\n", gap):
            break
        quoted = quoted or "«" in gap
        nxt = toks[last + 1]
        if not (quoted or nxt.all_caps or nxt.capitalised and institution_word(nxt)):
            break
        last += 1
    return last


def _city_body(toks, start, end, lemmas) -> Optional[str]:
    """ "Харківського міського голови" → the city council's id (KHARKIVCC)."""

    prefixes = city_prefixes()
    for n in range(start, end - 1):
        prefix = next((prefixes[l] for l in sorted(lemmas(toks[n].lower)) if l in prefixes), None)
        if prefix and lemmas(toks[n + 1].lower) & {"міський", "міськрада"}:
            return body_id(prefix, "CC")
    return None


def _head_case(toks, k, role: Optional[str] = None) -> Optional[str]:
    """The case of the title word right before a name, which the name agrees with
    ("Головою … Мельником", "міністра … Івана"); where the title's head stands further
    back, the case of the first head of ``role`` ("начальниця управління … освіти Русу")."""

    for h in range(k - 1, max(-1, k - 3), -1):
        if _copula(toks[h].lower, lemmas):
            return None  # "послом була Ганна": the name is the subject, not in the title's case
        if lemmas(toks[h].lower) & ROLE_HEADS:
            return title_case(toks[h].lower)
    head = next((w for w in (m.group().lower() for m in TOKEN.finditer(role or "")) if lemmas(w) & ROLE_HEADS), None)
    return title_case(head) if head else None


# --- persons an official act names by initials ------------------------------------------

_UPPER = "А-ЯЄІЇҐ"
_LOWER = "а-яєіїґ'’ʼ"
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIALS = rf"[{_UPPER}]\.\s?[{_UPPER}]\."
_INITIAL_RUN = rf"(?:[{_UPPER}]\.\s?)+"  # "О.", "О.В.", "В. І."
INITIALLED = rf"(?:{_SURNAME}\s{_INITIALS}|{_INITIALS}\s?{_SURNAME})"
# "… покласти на Департамент … КМДА (Добровольська О. М.)": the person answerable for a unit
RESPONSIBLE_PERSON = re.compile(rf"\((?P<name>{INITIALLED})\)")
# where the unit's name begins: after the previous person's parenthesis, "покласти на", a
# list number or the clause's start
UNIT_START = re.compile(r"\)\s*,?\s*|\bна\s+|(?:^|\n)\s*\d+[.)]\s*")
# "Заступник Голови\n\nВ. М. Сисюк": a signatory on a line of his own under the post he
# signs in (the segmenter may give the post's line and the name's line as two clauses)
SIGNATORY = re.compile(rf"^[ \t]*(?P<name>{INITIALLED})[ \t]*$", re.MULTILINE)
POST_LINE = re.compile(rf"(?:^|\n)[ \t]*(?P<role>[{_UPPER}][^\n]{{2,80}}?)[ \t]*\n\s*$")


def initialled_officials(text: str, start: int, end: int, role_heads: frozenset[str], lemmas) -> list[Entity]:
    """The persons an order or decree names by surname and initials: in parentheses after
    the unit it makes them answerable for (role "відповідальна особа (<unit>)", as
    annotations/NOTES.md records), and as the signatory under a post's line."""
    out = []
    for m in RESPONSIBLE_PERSON.finditer(text, start, end):
        before = text[start : m.start()]
        cut = [u.end() for u in UNIT_START.finditer(before)]
        unit = " ".join(before[cut[-1] if cut else 0 :].split())
        first_word = unit.split(" ")[0] if unit else ""
        if first_word and (first_word[0].isupper() or lemmas(first_word.lower()) & UNIT_WORDS):
            out.append(_initialled(text, m, f"відповідальна особа ({unit})"))
    # from the start of the clause's first line: a clause may begin inside the name
    for m in SIGNATORY.finditer(text, text.rfind("\n", 0, start) + 1, end):
        post = POST_LINE.search(text, max(0, m.start() - 200), m.start())
        role = " ".join(post.group("role").split()) if post else ""
        if m.end() > start and any(lemmas(w.lower()) & role_heads for w in role.split(" ")[:2]):
            out.append(_initialled(text, m, role))
    return out


# "вивести зі складу делегації О.Гребенюка, І.Мартинюк, В'ячеслава Ющука": the members a decree
# removes, by one initial or their first name and the surname, in a list
REMOVAL = re.compile(r"\bвивести\s+(?:зі|із|з)\s+(?:персонального\s+)?складу\s+")
_ONE_INITIAL = rf"(?:[{_UPPER}]\.\s?){{1,2}}{_SURNAME}"
REMOVED = re.compile(rf"{_ONE_INITIAL}|[{_UPPER}][{_LOWER}]+\s{_SURNAME}")
FIRST_REMOVED = re.compile(_ONE_INITIAL)  # where the list begins, after the body's name
CLAUSE_STOP = re.compile(r"[;.](?:\s|$)|\n")
LIST_GAP = re.compile(r"\s*(?:,|\bта\b|\bі\b)\s*")


def removed_members(text: str, start: int, end: int) -> list[Entity]:
    """The members a removal clause names: the list after the body's name, each a member of
    that body (role "член <body>"). Read after the other finders: a member the text names in
    full elsewhere is that mention's coreferent (annotations/NOTES.md: the full name and the
    office given elsewhere)."""
    out = []
    for m in REMOVAL.finditer(text, start, end):
        first = FIRST_REMOVED.search(text, m.end(), end)
        stop = CLAUSE_STOP.search(text, m.end(), end)
        if first is None or (stop and stop.start() < first.start()):
            continue
        body = " ".join(text[m.end() : first.start()].split())
        pos = first.start()
        while (item := REMOVED.match(text, pos, end)) is not None:
            out.append(
                Entity(
                    item.start(),
                    item.end(),
                    item.group(),
                    "OFFICIAL",
                    role=f"член {body}" if body else None,
                    name=_initials_kept(item.group()),
                    source="initials",
                )
            )
            gap = LIST_GAP.match(text, item.end(), end)
            if gap is None or gap.end() == item.end():
                break
            pos = gap.end()
    return out


def _initials_kept(name: str) -> str:
    """ "О.Гребенюка" → "О.Гребенюк": the surname in the nominative, the initials as written;
    "вивести кого" puts the list in the accusative, which guides a surname the dictionary lacks."""
    initials = re.match(_INITIAL_RUN, name)
    cut = initials.end() if initials else 0
    return name[:cut] + nominative(name[cut:], "accs")


# a name of initials and a surname, either way round: "Завгородній В.І.", "В. І. Завгородній"
INITIALLED_NAME = re.compile(
    rf"^(?:(?P<before>{_INITIAL_RUN})\s*(?P<surname>\S+)|(?P<surname2>\S+)\s+(?P<after>{_INITIAL_RUN}))$"
)


def full_names_for_initials(entities: list[Entity]) -> list[Entity]:
    """An official named by surname and initials ("Голові делегації Завгородньому В.І.") takes
    the full name another mention in the document gives the same person ("ЗАВГОРОДНІЙ Віталій
    Ігорович"): the same surname, and initials that are the first letters of the given names and
    patronymic, where one person alone fits."""
    officials = [e for e in entities if e.label == "OFFICIAL" and e.name]
    for off in officials:
        m = INITIALLED_NAME.match(off.name or "")
        if m is None:
            continue
        surname = (m.group("surname") or m.group("surname2")).casefold()
        letters = re.sub(r"[.\s]", "", m.group("before") or m.group("after")).casefold()
        fits = {
            full.name
            for full in officials
            if full.name and not INITIALLED_NAME.match(full.name) and _full_name_fits(full.name, surname, letters)
        }
        if len(fits) == 1:
            off.name = fits.pop()
    return entities


def _full_name_fits(name: str, surname: str, letters: str) -> bool:
    """Is ``name`` ("Завгородній Віталій Ігорович", "Віталій Завгородній") the surname's with
    given names starting with ``letters``, in their order?"""
    words = [w.casefold() for w in name.split()]
    if surname not in words or len(words) != len(letters) + 1:
        return False
    given = [w for w in words if w != surname]
    return "".join(w[0] for w in given) == letters


# lower-case words that open a unit's name ("відділ …", "департамент …", "управління …")
UNIT_WORDS = frozenset({"відділ", "департамент", "управління", "служба", "сектор", "підприємство", "комісія"})


def _initialled(text: str, m: re.Match, role: str) -> Entity:
    s, e = m.span("name")
    return Entity(s, e, text[s:e], "OFFICIAL", role=role, name=text[s:e], source="initials")
