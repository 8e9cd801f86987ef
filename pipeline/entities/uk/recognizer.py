"""Ukrainian mentions: inflected names matched on lemmas, officials from title patterns.

Ukrainian inflects names ("Албанії", "Косова", "Україною"), so a surface list would
need every case form. Instead each token is reduced to its lemmas with pymorphy3's
Ukrainian dictionary and compared with the lemmatised CLDR names, token by token
("Сполучених Штатів" → сполучений штат = "Сполучені Штати"). Where the dictionary
parses a name form under another lemma ("Косова" as the surname Косов), the name's
own paradigm (pymorphy3's ``lexeme``) supplies the form.

Person names use the dictionary's ``Name``/``Surn``/``Patr`` tags; foreign surnames
the dictionary lacks ("Венгу", "Маседончі") are taken as the capitalised tokens
that follow a first name, a title or a state named as the person's affiliation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from ...records import Clause, Entity
from ..coined import oblast_administration_abbreviations
from ..models import morph_uk
from ..names import nominative
from .bodies import (
    MAYOR_WORDS,
    bare_councils,
    city_named,
    city_of_a_state_name,
    city_prefix,
    municipal_bodies,
    place_named,
    region_adjective,
    region_before_name,
    settlement_abbreviation,
)
from .gazetteer import demonym_id, ukrainian_gazetteer
from .later_mentions import by_first_name_alone, by_first_name_and_patronymic, taken_spans, untitled_officeholders
from .person_names import (
    adjective_of_a_name,
    agree_listed_names,
    another_given_name,
    another_given_name_after,
    another_persons_first_name,
    cannot_stand_in,
    caps_after_first_name,
    caps_surname,
    inflected_given_names_start,
    initials_agree,
    initials_end,
    name_after_a_lower_case_title,
    named_list_end,
    own_given_names_end,
    person_like,
    relative_of_holder,
    titled_official,
    with_first_name,
)
from .persons import dictionary_persons, initialled_officials, officials_from_persons, removed_members, spans_to_tokens
from .sides import SIDE_WORDS_UK, respective_sides, side_marked, state_before_rank, word_before
from .title_words import (
    abbreviated_body,
    across_columns,
    adjective_case,
    after_bracketed_acronym,
    after_namesake,
    after_quoted_company,
    before_a_latin_name,
    before_relative,
    body_word_before_its_name,
    civic_title,
    clause_verb,
    columns_of,
    counterpart_only,
    institution_word,
    joins_title,
    latin_name_in_title,
    local_head,
    name_tokens,
    named_before_abbreviation,
    not_an_office,
    office_word,
    only_plural_title,
    only_verb,
    place_in_name,
    plural_counterpart,
    plural_genitive,
    plural_genitive_reading,
    portfolio_comma,
    possessor_title,
    proper_name,
    remit_before,
    seat_after,
)
from .titles import (
    ARTICLE_NAME,
    BODY_OF_TITLES,
    COUNTERPARTS,
    DECREE_LINE,
    DECREE_LINE_GIVEN_FIRST,
    DECREE_LINE_LISTED,
    DECREE_LINE_NAME_CASE,
    FOREIGN_LOCAL_TITLE,
    GOVERNMENT_AS_STATE,
    GOVERNMENT_BODIES,
    HONORIFICS_UK,
    LOCATIVE_PREPOSITIONS,
    MAX_NAME_TOKENS,
    MAX_PHRASE_WORDS,
    MAX_ROLE_WORDS,
    MILITARY_RANKS,
    NAME_PARTICLES,
    NAMED_BODIES,
    ORGANISATION_ORGANS,
    OTHER_BODIES,
    PAIR_DASH,
    REPRESENTATIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_STOP,
    SETTLEMENT_WORDS,
    SIGNATURE_HEADER,
    SIGNING_RULE,
    STATE_ADJECTIVES,
    STATE_OR_BODY_HEADS,
    STATE_ORGANS,
    TITLE_OWNERS,
    case_of,
    named_after,
)
from .tokens import (
    APOS,
    CYRILLIC,
    PERSON_GRAMMEMES,
    QUOTES,
    Token,
    adjacent,
    caps_word,
    cases_of,
    family_name,
    foreign_surname,
    grammemes,
    is_initial,
    is_patronymic,
    lemmas,
    name_like,
    tags_of,
    title_lemmas,
    tokens_of,
)


def _joins_tail(toks: list[Token], k: int, caps: bool = False) -> bool:
    """ "та"/"і" inside an institution's name ("Сил безпеки та оборони України",
    "Міністерства економічного розвитку і торгівлі України"): a conjunction between two
    lower-case genitives (or, in a name in capitals, two ordinary words), not one that starts
    a new phrase."""
    return (
        toks[k].lower in ("та", "і", "й")
        and k + 1 < len(toks)
        and (not toks[k + 1].capitalised or caps and caps_word(toks[k + 1]))
        and toks[k + 1].lower not in ROLE_STOP
        and "gent" in grammemes(toks[k + 1].lower)
    )


def _listed_remit(text: str, toks: list[Token], k: int) -> bool:
    """A comma between two lower-case genitives of a ministry's remit ("Міністерство освіти,
    науки та молоді Грузії", "Міністерства розвитку громад, територій та інфраструктури
    України"): the list goes on inside the name."""
    a, b = toks[k - 1], toks[k]
    return (
        text[a.end : b.start] == ", "
        and not a.capitalised
        and not b.capitalised
        and "gent" in grammemes(a.lower)
        and "gent" in grammemes(b.lower)
        and "NOUN" in grammemes(b.lower)
    )


def _in_a_members_post(text: str, official: Entity, members: list[Entity]) -> bool:
    """Is ``official`` found inside the post of a decree list's line ("НОРДГРЕН Ларс —
    координатор програм обміну Університету Єнчепінга"): the university's place, read as
    the coordinator's name, is no person."""
    for m in members:
        line_end = text.find("\n", m.end)
        if m.end < official.start and official.end <= (len(text) if line_end < 0 else line_end):
            return True
    return False


def _pair_end(text: str, toks: list[Token], last: int, by_first) -> int:
    """Where a joint body's name ends that is named after two sides joined by a dash ("Рада
    Україна – НАТО", "рада Росія—НАТО"): after the second side; else ``last``."""
    if last < len(toks) and last in by_first and PAIR_DASH.fullmatch(text[toks[last - 1].end : toks[last].start]):
        return int(by_first[last][0])
    return last


def _organ_of_organisation(text: str, toks: list[Token], first: int, head: int, by_first) -> Optional[Entity]:
    """A lower-case organ of an international organisation, or a joint body of two sides,
    named right after its head ("місії ОБСЄ", "підрозділу Європолу з …", "рада Росія—НАТО"):
    one ORG from its first adjective to the organisation's name (and the name's tail)."""
    after = by_first.get(head + 1)
    if not after or not lemmas(toks[head].lower) & ORGANISATION_ORGANS or not adjacent(text, toks[head : head + 2]):
        return None
    if all(t.number == "plur" for t in tags_of(toks[head].lower) if t.POS == "NOUN"):
        return None  # "для моніторингових місій ЄІБ": the bank's missions, no organ's name
    last = _pair_end(text, toks, after[0], by_first)
    if after[1].kind != "org" and last == after[0]:
        return None  # "армії Росії", "уряду України": a state's own organ is named otherwise
    place = by_first.get(last + 1)
    if (
        lemmas(toks[head].lower) & REPRESENTATIONS
        and place
        and place[1].kind == "state"
        and toks[last].lower in ("в", "у", "на")
        and adjacent(text, toks[last - 1 : last + 2])
    ):
        return _org(text, toks, first, place[0])  # "місії ОБСЄ на Україні": where the mission works
    return _org(text, toks, first, _name_tail(text, toks, last))


def _org(text: str, toks: list[Token], first: int, last: int) -> Entity:
    """An institution's ORG over the tokens ``first`` to ``last`` (exclusive)."""
    s, e = toks[first].start, toks[last - 1].end
    return Entity(s, e, text[s:e], "ORG", source="institution")


def _name_tail(text: str, toks: list[Token], last: int) -> int:
    """Where an institution's name ends that goes on after its state with "з …" in the
    genitive ("Державна служба України | з надзвичайних ситуацій", "… з питань європейської
    інтеграції") or "у справах …" ("Національна комісія України у справах ЮНЕСКО"); "з
    партнерами", "з метою" (instrumental) are no part of a name."""
    if last + 1 >= len(toks) or not adjacent(text, toks[last - 1 : last + 2]):
        return last
    word, after = toks[last].lower, toks[last + 1]
    if word in ("з", "із", "зі") and not after.capitalised and "gent" in grammemes(after.lower):
        end = last + 1
        while (
            end < len(toks)
            and end - last <= MAX_PHRASE_WORDS
            and not toks[end].capitalised
            and "gent" in grammemes(toks[end].lower)
            and adjacent(text, toks[end - 1 : end + 1])
        ):
            end += 1
        return end
    if word in ("у", "в") and after.lower == "справах" and last + 2 < len(toks):
        nxt = toks[last + 2]
        if adjacent(text, toks[last + 1 : last + 3]) and (nxt.all_caps or "gent" in grammemes(nxt.lower)):
            return last + 3
    return last


# the words before a name in a post that make it no holder of the post: where the post sits,
# or whom it deals with
NOT_THE_HOLDERS = frozenset({"в", "у", "при", "з", "із", "зі"})


# a capitalised adjective of a city ("Ірпінський", "Бориспільського")
CITY_ADJECTIVE = re.compile(r"[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+(?:ськ|цьк|зьк)(?:ий|ого|ому|им|ім)")


# the people a list of officials under one title goes on with ("… вітав своїх колег з Косова …")
COUNTERPART_LEMMAS = frozenset({"колега", "візаві", "партнер"})


def list_goes_on(toks: list[Token], start: int, i: int) -> bool:
    """Do the words between the last title or official read and toks[i] go on its list, so that a
    state or body at toks[i] and the person after it share that title: no person's noun but a
    counterpart's among them (not "голова ОДА … і менеджер проєкту ПРООН Джон Сміт", whose own
    title the rules do not know)."""
    return not any(
        not t.capitalised and person_noun(t.lower) and not lemmas(t.lower) & COUNTERPART_LEMMAS for t in toks[start:i]
    )


def person_noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in morph_uk().parse(word))


def heads_a_title(toks: list[Token], i: int) -> bool:
    """toks[i] is the head of an office's title here, not a body or a plural that names none."""
    return bool(
        title_lemmas(toks[i].lower) & ROLE_HEADS
        and not toks[i].all_caps
        # "Кабінет Міністрів", "Рада директорів"; not "в міській раді | начальник …"
        and not (i > 0 and lemmas(toks[i - 1].lower) & BODY_OF_TITLES and plural_genitive_reading(toks[i]))
        and not plural_genitive(toks[i])  # "Палата з семи суддів під головуванням судді …"
        and not plural_counterpart(toks[i])  # "підготованих колегами, учнями … Тараса …"
        and not not_an_office(toks, i)
        and not first_name_before_surname(toks, i)
    )


def first_name_before_surname(toks: list[Token], i: int) -> bool:
    """ "Мері Томпсон": a capitalised first name that is also an inflected title ("мері", to the
    mayor), before a capitalised word; not the title itself ("Мер Оденсе")."""
    return (
        toks[i].capitalised
        and toks[i].lower not in ROLE_HEADS
        and "Name" in grammemes(toks[i].lower)
        and i + 1 < len(toks)
        and toks[i + 1].capitalised
    )


def title_words_end(text: str, toks: list[Token], i: int, name_at: dict) -> int:
    """The token after the words of the title whose head is toks[i]: lower-case words, bodies
    and places it names, up to a known name or a word that ends it."""
    k, room = i + 1, MAX_ROLE_WORDS
    while (
        k < len(toks)
        and k - i <= room
        and k not in name_at
        and (
            not toks[k].capitalised
            or (
                institution_word(toks[k])
                and not is_initial(text, toks[k])
                and not name_after_a_lower_case_title(toks, k)
            )
            or region_adjective(toks, k)  # "гетьман | Пардубицького краю"
            or place_named(toks, k)  # "гетьман краю | Височина | Мартін …", "приматор | Кошиць | …"
            or region_before_name(toks, k)  # "начальник Управління ДМС України | Львівщини | Андрій …"
            or adjective_of_a_name(text, toks, k)  # "голови | Черняхівської районної ради | Івана …"
            or latin_name_in_title(toks, k)  # "віцепрезидент | Google | Кент Вокер"
        )
        and (adjacent(text, toks[k - 1 : k + 1]) or portfolio_comma(text, toks, k))
    ):
        if toks[k].lower in ROLE_STOP:
            if not joins_title(toks, k):
                break
            room += 2  # "і досліджень", "з питань" do not count against the title's length
        k += 1
        if named_after(text, toks[k - 1]):  # "ректор … університету імені Ореста Левицького"
            k = after_namesake(text, toks, k)
        elif settlement_abbreviation(text, toks, k - 1):
            k += 1  # "… району м. Львова": the city is the title's, not the name's
    return k


def title_affiliation(toks: list[Token], i: int, k: int, role_start: int, names) -> Optional[str]:
    """Whom the holder of the title toks[role_start:k] (head toks[i]) acts for, as its own words
    and the word before it say; None where they do not."""
    affiliation = demonym_id(toks[role_start - 1]) if role_start > 0 else None
    if affiliation is None and role_start > 1 and lemmas(toks[role_start - 1].lower) & COUNTERPARTS:
        affiliation = demonym_id(toks[role_start - 2])  # "її естонський колега, міністр юстиції …"
    if affiliation is None:
        affiliation = state_before_rank(toks, i, names)
    if affiliation is None:  # "директоркою Данського агентства …": the body's state
        affiliation = next((d for t in toks[i + 1 : k] if t.capitalised and (d := demonym_id(t))), None)
    if affiliation is None:  # "єврокомісарка з питань розширення …"
        affiliation = next((TITLE_OWNERS[t] for t in title_lemmas(toks[i].lower) if t in TITLE_OWNERS), None)
    if affiliation is None:  # "державний секретар румунського Міністерства транспорту"
        affiliation = next(
            (
                d
                for t, body in zip(toks[i + 1 : k], toks[i + 2 : k])
                if lemmas(body.lower) & STATE_ORGANS and (d := demonym_id(t))
            ),
            None,
        )
    return affiliation


def title_owner(
    text: str, toks: list[Token], k: int, name_at: dict, role_start: int, role: str, affiliation: Optional[str]
) -> tuple[int, str, Optional[str]]:
    """Where a known name follows the title (toks[k] starts it): the title's end, its text and
    the holder's affiliation, the name being the state or body the holder acts for, the
    title's remit, or a seat."""
    if k not in name_at:
        return k, role, affiliation
    if remit_before(text, toks, k):
        # "Урядова уповноважена у справах Європейського суду з прав людини …": the
        # court is her remit, not whom she acts for
        k = name_at[k][0]
        role = text[toks[role_start].start : toks[k - 1].end]
    else:
        k, entry = name_at[k]
        affiliation = entry.id
        seat = seat_after(toks, k, name_at)
        if seat:
            # "Послу Естонії | в Україні | Мартові Каску", "Посол України | в Республіці
            # Польща", "представник України | при ООН": where the post sits
            k = seat
        elif k + 2 < len(toks) and toks[k].lower in ("у", "в") and toks[k + 1].lower == "справах" and k + 2 in name_at:
            # "директор Світового банку | у справах Білорусі, Молдови та України": the
            # countries a post covers are its remit, not whom its holder acts for
            k = named_list_end(text, toks, k + 2, name_at)
            role = text[toks[role_start].start : toks[k - 1].end]
        elif k < len(toks) and toks[k].lower in ("з", "із") and joins_title(toks, k):
            # "Віце-президентом ЄБРР | з питань банківської діяльності | Маттіасом …",
            # "директорка ЄБРР | з питань України | Гелен …" (the remit, not her side)
            end = k + 2
            while end < len(toks) and end - k <= MAX_ROLE_WORDS and not toks[end].capitalised:
                end += 1
            if end == k + 2 and end in name_at:
                end = named_list_end(text, toks, end, name_at)
            role = text[toks[role_start].start : toks[end - 1].end]
            k = end
    return k, role, affiliation


# a city's country in brackets after it ("Целле (Федеративна Республіка Німеччина)"), after the
# title of a foreign city's head (titles.FOREIGN_LOCAL_TITLE, or a Polish city's "президент")
BRACKETED_STATE = re.compile(r"[ \t]*\([^()\n]{2,60}\)[ \t]*")
HEADER_SIDE_ENDS = re.compile(rf"[.!?]|(?<!\w){SIDE_WORDS_UK}(?!\w)")


class UkrainianRecognizer:
    """States, organisations, institutions and officials in one Ukrainian document."""

    def __init__(self) -> None:
        self.gazetteer = ukrainian_gazetteer()

    def entities(
        self, text: str, clauses: Iterable[Clause], persons: Optional[list[tuple[int, int]]] = None
    ) -> list[Entity]:
        """Entities of the Ukrainian ``clauses``; ``persons`` are PER spans (document
        offsets) of a statistical NER, used with the dictionary's own person names."""

        clauses = list(clauses)
        found: list[Entity] = []
        for clause in clauses:
            toks = tokens_of(text, clause.start, clause.end)
            names = [n for n in self.gazetteer.find(text, toks) if not city_of_a_state_name(text, n[0], n[4].kind)]
            found += self._institutions(text, toks, names)
            found += [
                Entity(s, e, text[s:e], "STATE" if en.kind == "state" else "ORG", id=en.id, source="lemma-gazetteer")
                for s, e, _, _, en in names
            ]
            columns = self._signature_columns(text, clause) if clause.kind == "signature" else None
            if columns is not None:
                officials = columns  # a block in columns is read by column or not at all
            else:
                members = self._decree_list(text, clause, names)
                officials = [o for o in self._officials(text, toks, names) if not _in_a_members_post(text, o, members)]
                officials += members
                if not officials and clause.kind == "signature":
                    officials = self._signatory(text, toks, names)
            officials += [
                o
                for o in initialled_officials(text, clause.start, clause.end, ROLE_HEADS, lemmas)
                if not any(p.start < o.end and o.start < p.end for p in officials)
            ]
            ner = [
                (with_first_name(text, toks, s), e)
                for s, e in persons or ()
                if clause.start <= s and e <= clause.end and person_like(text, s, e)
            ]
            candidates = dictionary_persons(text, toks) + spans_to_tokens(toks, ner)
            taken = [(o.start, o.end) for o in officials] + [(s, e) for s, e, _, _, _ in names]
            officials += officials_from_persons(text, toks, candidates, names, taken, officials)
            respective_sides(text, names, officials)
            for o in officials:
                if (o.source != "decree-list" and civic_title(o.role)) or SPORTS_EVENT.search(o.role or ""):
                    continue
                if counterpart_only(o.role) and not any(f.label == "OFFICIAL" for f in found):
                    continue  # "її колега Гоша Куценко": a colleague of no official is no counterpart in office
                found.append(o)
            found += municipal_bodies(text, toks)
        found += bare_councils(text, clauses, found)
        found += oblast_administration_abbreviations(text, found)
        found += self._coreferent_officials(text, clauses, found)
        found += by_first_name_and_patronymic(text, clauses, found)
        found += by_first_name_alone(text, clauses, found)
        found += untitled_officeholders(text, clauses, found)
        removed = [o for c in clauses for o in removed_members(text, c.start, c.end)]
        removed = [o for o in removed if not any(f.start < o.end and o.start < f.end for f in found)]
        if not removed:
            return found
        found += removed
        return found + self._coreferent_officials(text, clauses, found)  # "звільнивши … О.Гребенюка"

    # institutions ------------------------------------------------------------
    def _institutions(self, text: str, toks: list[Token], names) -> list[Entity]:
        # keyed by the token a name's span starts at, so that a state's long form joins the
        # institution before it as its short form does ("Міністерство оборони | Республіки Польща")
        token_at = {t.start: k for k, t in enumerate(toks)}
        by_first = {token_at.get(s, i): (j, en) for s, _, i, j, en in names}
        organisations = [(i, j) for _, _, i, j, en in names if en.kind == "org"]
        out = []
        for i, tok in enumerate(toks):
            head = lemmas(tok.lower)
            if head & GOVERNMENT_AS_STATE or not head & (
                GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES | ORGANISATION_ORGANS
            ):
                continue
            first = i
            while (
                first > 0
                and i - first < MAX_PHRASE_WORDS
                and "ADJF" in grammemes(toks[first - 1].lower)
                and adjacent(text, toks[first - 1 : first + 1])
            ):
                first -= 1
            # a proper name of an institution starts with a capital ("Державна прикордонна служба")
            if any(t.capitalised for t in toks[first : i + 1]):
                while not toks[first].capitalised:
                    first += 1
            if not toks[first].capitalised or not head & (GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES):
                # an organisation's organ in lower case ("місії ОБСЄ"), or named so only
                # right before its organisation ("Форуму НБСЄ")
                organ = _organ_of_organisation(text, toks, first, i, by_first)
                out += [organ] if organ else []
                continue
            # the phrase is the start of an organisation the table names ("Данською Радою" of
            # "Данською Радою у справах біженців"): the table's span and id stand
            if any(a <= first and i < b for a, b in organisations):
                continue
            named = any(demonym_id(t) for t in toks[first : i + 1]) or bool(
                lemmas(toks[first].lower) & STATE_ADJECTIVES
            )
            last = i + 1
            # a name in capitals ("ДЕРЖАВНА СЛУЖБА МОЛОДІ ТА СПОРТУ УКРАЇНИ") goes on over its
            # ordinary words as a written name goes on over its lower-case ones
            caps = toks[i].all_caps
            while (
                last < len(toks)
                and last - i <= MAX_PHRASE_WORDS + 2
                and (not toks[last].capitalised or office_word(toks[last]) or caps and caps_word(toks[last]))
                and last not in by_first  # "Комітету міністрів | Ради Європи": the table's name joins below
                and (toks[last].lower not in ROLE_STOP or _joins_tail(toks, last, caps))
                and not only_verb(toks[last])
                and (
                    adjacent(text, toks[last - 1 : last + 1])
                    or "міністерство" in head
                    and _listed_remit(text, toks, last)
                )
            ):
                last += 1
            if head & STATE_OR_BODY_HEADS and (last == i + 1 or first < i):
                continue  # "Російської Федерації" is the state
            if last in by_first and adjacent(text, toks[last - 1 : last + 1]):
                last, named = _pair_end(text, toks, by_first[last][0], by_first), True
            last = _name_tail(text, toks, last)
            owners = {en.id if en.kind == "org" else "state" for _, _, k, _, en in names if first <= k < last}
            office = "офіс" in head and first == i and by_first.get(i + 1, (0, None))[1] is not None
            if ("представництво" in head or office) and owners and not owners & {"state", "EU"}:
                # an international organisation's country office is no body of its own
                # ("Представництвом Міжнародної організації з міграції", "Офісу Ради Європи в
                # Україні"): the table's organisation stands, with its id (NOTES: a foreign
                # body's office in Ukraine; a mission, such as the OSCE's or the UN's monitoring
                # mission, is a body, and so is an office named for its holder, "офісу
                # Верховного комісара ОБСЄ …")
                continue
            if (
                owners & {"state", "EU"}
                and head & REPRESENTATIONS
                and last + 1 < len(toks)
                and toks[last].lower in ("в", "у")
            ):
                # "Посольства Литовської Республіки в Україні", "Почесного консульства
                # Туреччини в Харкові": a state's (or the EU's) representation is named with
                # where it sits; an international organisation's office is not (NOTES)
                place = by_first.get(last + 1)
                if toks[last + 1].capitalised and adjacent(text, toks[last - 1 : last + 2]):
                    last = place[0] if place else last + 2
                    if not place and last in by_first and adjacent(text, toks[last - 1 : last + 1]):
                        last = by_first[last][0]  # "в Королівстві Нідерланди"
            proper = not (named or head & GOVERNMENT_BODIES) and proper_name(text, toks, first, i, last)
            if proper and last < len(toks) and last not in by_first and place_in_name(text, toks, last):
                last += 1  # "Фонд громади | Житомира"
            if named or head & GOVERNMENT_BODIES or proper:
                out.append(_org(text, toks, first, last))
        return out + self._abbreviated_bodies(text, toks, by_first) + named_before_abbreviation(text, toks, names)

    @staticmethod
    def _abbreviated_bodies(text: str, toks: list[Token], by_first) -> list[Entity]:
        """An abbreviated institution before its state ("МОЗ України", "ВМС України",
        "Держкомспорту України"): one ORG, the state inside it no mention of its own."""
        out = []
        for i, tok in enumerate(toks[:-1]):
            if i in by_first or not abbreviated_body(tok):
                continue
            nxt = by_first.get(i + 1)
            genitive = "gent" in grammemes(toks[i + 1].lower)
            if nxt and nxt[1].kind == "state" and genitive and adjacent(text, toks[i : i + 2]):
                out.append(_org(text, toks, i, nxt[0]))
        return out

    # officials ---------------------------------------------------------------
    def _officials(self, text: str, toks: list[Token], names) -> list[Entity]:
        """ "міністр оборони Албанії Піро Венгу" and, after it in the same clause,
        "(колег) з Косова Еюпа Маседончі та Хорватії Івана Анушича"."""
        name_at = {i: (j, en) for _, _, i, j, en in names}
        inside = name_tokens(names)
        out: list[Entity] = []
        role: Optional[str] = None
        affiliation: Optional[str] = None
        signs_for = self._signature_party(text, toks, names)
        i = last_end = 0  # last_end: the token after the last title or official read
        while i < len(toks):
            if heads_a_title(toks, i):
                role_start = i - 1 if i > 0 and lemmas(toks[i - 1].lower) & ROLE_MODIFIERS else i
                if (
                    i > 1
                    and lemmas(toks[i - 1].lower) & MAYOR_WORDS[0]
                    and (city_prefix(toks[i - 2]) or CITY_ADJECTIVE.fullmatch(toks[i - 2].text))
                ):
                    # "Львівський міський голова": the mayor of Lviv; "Ірпінський міський голова": of
                    # a city no table knows (local_body_of)
                    role_start = i - 2
                k = title_words_end(text, toks, i, name_at)
                # "головою якої обрали Романа …": the title ends before the clause's verb, and the
                # name is that verb's object, not in the title's case
                verb = next((n for n in range(i + 1, k) if clause_verb(toks[n])), None)
                role_end = k if verb is None else before_relative(toks, i + 1, verb)
                role = text[toks[role_start].start : toks[role_end - 1].end]
                affiliation = title_affiliation(toks, i, k, role_start, names)
                k, role, affiliation = title_owner(text, toks, k, name_at, role_start, role, affiliation)
                while k < len(toks) and not toks[k].capitalised and toks[k].lower.split("-")[0] in MILITARY_RANKS:
                    k += 1  # a rank after the state: "… України генерал-лейтенант Руслан Хомчак"
                k = after_bracketed_acronym(text, toks, k)  # "… агентства (MSB) Шарлоттою Гедберг"
                quoted = after_quoted_company(text, toks, k)  # "голова правління «Укренерго» Олексій …"
                if quoted > k:
                    role, k = text[toks[role_start].start : text.index("»", toks[k].start) + 1], quoted
                if k + 1 < len(toks) and toks[k].lower in HONORIFICS_UK:
                    k += 1  # "Послу Японії в Україні пану Кендзі Охаші": the name after "пан"
                if k > i + 1 and toks[k - 1].lower in HONORIFICS_UK and not cases_of(toks[i]) & cases_of(toks[k - 1]):
                    i = k  # "заступник пана Кащука Максим …": Mr Кащук is whose deputy, not the deputy
                    continue
                if k < len(toks) and region_before_name(toks, k) and adjacent(text, toks[k - 1 : k + 1]):
                    role, k = text[toks[role_start].start : toks[k].end], k + 1  # "… ДМС України Київщини"
                person = self._person_at(text, toks, k, inside, after_title=True)
                if person and ("\n\n" in text[toks[k - 1].end : toks[k].start] or across_columns(text, toks, k)):
                    person = None  # a title does not name a person across a blank line, nor in the next column
                if person:  # nor does a name go on over a line break ("Оксана МЕЛЬНИЧУК" / "Міністр …")
                    person = next(
                        (p for p in range(k + 1, person) if "\n" in text[toks[p - 1].end : toks[p].start]), person
                    )
                seat = (
                    BRACKETED_STATE.match(text, toks[k].end)
                    if k < len(toks)
                    and toks[k].capitalised
                    and (
                        local_head(toks, k - 1)
                        or FOREIGN_LOCAL_TITLE.match(toks[k - 1].lower)
                        or "президент" in lemmas(toks[k - 1].lower)
                    )
                    else None
                )
                if seat and any(
                    seat.start() <= s and e <= seat.end() and en.kind == "state" for s, e, _, _, en in names
                ):
                    # "бургомістрові Целле (Федеративна Республіка Німеччина) Франкові Гільдебрандту":
                    # the city, its country in brackets, then the person
                    after = next((n for n in range(k + 1, len(toks)) if toks[n].start >= seat.end()), len(toks))
                    holder = self._person_at(text, toks, after, inside, after_title=True) if after < len(toks) else None
                    if holder:
                        role, k, person = text[toks[role_start].start : toks[k].end], after, holder
                if (
                    person
                    and person - k >= 3
                    and (
                        toks[k - 1].lower in SETTLEMENT_WORDS
                        or local_head(toks, k - 1)
                        and "Name" in grammemes(toks[k + 1].lower)
                    )
                    and "Name" not in grammemes(toks[k].lower)
                    and not is_patronymic(toks[k + 2])
                ):
                    # "мер міста Прущ-Ґданськ Януш Врубель", "міського голови Ірпеня Олександра
                    # Маркушина": the city the title names, then the person (not "голови Петренка
                    # Олександра Івановича", a surname first with the patronymic after)
                    role, k = text[toks[role_start].start : toks[k].end], k + 1
                    person = self._person_at(text, toks, k, inside, after_title=True)
                if person == k + 1 and toks[k - 1].lower in SETTLEMENT_WORDS:
                    person = None  # "Президент міста Кошалін": the city the title names, not a surname
                if person and relative_of_holder(toks, i, k):
                    # "син директора ЧАЕС Пилип Грамоткін": the relative, named in the nominative;
                    # "син посла сейму Польщі Андрія Братуня": the holder, in the title's genitive
                    i = person
                    continue
                if verb is not None and case_of(toks[i]) != "ablt":
                    # "головою … обрали Романа": a verb makes the name after it the title's holder only
                    # where the title stands in the instrumental; "Депутати хотіли встановити фігуру
                    # Катерини II": the subject's title does not name the verb's object, though a
                    # title after the verb may ("Заступник Міністра подякував Послові … Віллемові …")
                    i = verb + 1
                    continue
                if person:
                    # a signature line names the signatory in the nominative ("Джорджа Мелоні" is she)
                    hint = "nomn" if signs_for else case_of(toks[i]) or adjective_case(toks, i)
                    if verb is not None:
                        hint = None
                    elif hint not in (None, "nomn"):
                        # "радником міністра юстиції Олега …": a name in the case of a title in the
                        # genitive after the head is that title's holder
                        later = possessor_title(toks, i, role_end, text[toks[k].start : toks[person - 1].end], hint)
                        if later is not None:
                            n, hint = later
                            role_start = n - 1 if lemmas(toks[n - 1].lower) & ROLE_MODIFIERS else n
                            role = text[toks[role_start].start : toks[role_end - 1].end]
                        elif cannot_stand_in(text[toks[k].start : toks[person - 1].end], hint):
                            hint = None  # "радником народного депутата … Степана …": the name's own case
                    side = side_marked(text, toks, names, role_start)
                    if signs_for and HEADER_SIDE_ENDS.search(text, names[0][1], toks[role_start].start):
                        # the header's side ends with its sentence, and where another side begins
                        # ("Від імені USAID …, від імені Міненерго — міністр …")
                        signs_for = None
                    out.append(titled_official(text, toks, k, person, role, affiliation or side or signs_for, hint))
                    k = person
                i = last_end = k
                continue
            if role and i in name_at and list_goes_on(toks, last_end, i):
                found = self._holder_after_state(text, toks, i, names, inside, role, role_start, affiliation)
                if found:
                    official, i = found
                    last_end = i
                    out.append(official)
                    continue
            i += 1
        listed = self._listed_with_places(text, toks, names)
        out = [o for o in out if not any(o.start < e.end and e.start < o.end for e in listed)]
        return agree_listed_names(out + listed)

    def _holder_after_state(
        self,
        text: str,
        toks: list[Token],
        i: int,
        names,
        inside: set[int],
        role: str,
        role_start: int,
        affiliation: Optional[str],
    ) -> Optional[tuple[Entity, int]]:
        """A state or body in the genitive at toks[i], after a title, naming the affiliation of
        the person after it: "голова Представництва ЄС в Україні Хюг Мінг". The official and the
        token after the person's name."""
        j, entry = {n: (j, en) for _, _, n, j, en in names}[i]
        person = self._person_at(text, toks, j, inside)
        if not person:
            return None
        # a state after "в" is where the office sits; the holder acts for the one the title named
        # (the owner named right before "в": "Посольства Литовської Республіки в Україні")
        if remit_before(text, toks, i):
            # "Урядова уповноважена у справах Європейського суду з прав людини Оксана …":
            # the court is her remit, not whom she acts for
            role = text[toks[role_start].start : toks[j - 1].end]
            owner = affiliation
        elif i > 0 and toks[i - 1].lower in LOCATIVE_PREPOSITIONS:
            owner = {j: en.id for _, _, _, j, en in names}.get(i - 1, affiliation)
            if owner is None:  # "ПРООН представляв Постійний представник в Україні …"
                owner = side_marked(text, toks, names, role_start)
        else:
            owner = entry.id
        return titled_official(text, toks, j, person, role, owner), person

    def _listed_with_places(self, text: str, toks: list[Token], names) -> list[Entity]:
        """ "до двадцятки мерів потрапили: Сергій Надал (Тернопіль), Руслан Марцінків (Івано-Франківськ)
        …": persons listed after a plural title and a colon, each with a place in brackets, hold
        that title (its dictionary form); a state in the brackets is the one they act for."""
        colon = next((n for n in range(1, len(toks)) if ":" in text[toks[n - 1].end : toks[n].start]), None)
        if colon is None:
            return []
        heads = [n for n in range(colon) if only_plural_title(toks[n]) and colon - n <= MAX_ROLE_WORDS]
        if not heads:
            return []
        head = heads[-1]
        # the title in its dictionary form with the words that complete it ("міністри оборони:" →
        # "міністр оборони"), up to a verb ("мерів-інноваторів потрапили:" → "мер")
        rest = next((n for n in range(head + 1, colon) if clause_verb(toks[n]) or toks[n].capitalised), colon)
        role = " ".join(
            [
                sorted(title_lemmas(toks[head].lower.split("-")[0]) & ROLE_HEADS)[0],
                *(t.text for t in toks[head + 1 : rest]),
            ]
        )
        state_at = {i: en.id for _, _, i, _, en in names if en.kind == "state"}
        out: list[Entity] = []
        k = colon
        while k < len(toks):
            person = self._person_at(text, toks, k, set(), after_title=True)
            place = PLACE_IN_BRACKETS.match(text, toks[person - 1].end) if person else None
            if not person or not place:
                break
            s, e = toks[k].start, toks[person - 1].end
            out.append(
                Entity(
                    s,
                    e,
                    text[s:e],
                    "OFFICIAL",
                    role=role,
                    affiliation=state_at.get(person),
                    name=nominative(text[s:e], "nomn"),
                    source="title-pattern",
                )
            )
            k = person
            while k < len(toks) and toks[k].start < place.end():
                k += 1
            if k < len(toks) and toks[k].lower in ("та", "і", "й"):
                k += 1
        return out if len(out) >= 2 else []

    def _decree_list(self, text: str, clause: Clause, names) -> list[Entity]:
        """The lines of a decree's or order's list of members: "ПРІЗВИЩЕ Ім'я По
        батькові - посада" (surname in capitals, then the first name and
        patronymic, a dash and the post as written). The affiliation is the last state
        the post names ("… Міністерства юстиції України"), but not one named as where the post
        sits or what it deals with ("Посол України в Республіці Корея", "Урядовий уповноважений
        з питань співробітництва з ОЕСР")."""
        out = []
        lines = [*DECREE_LINE.finditer(text, clause.start, clause.end)]
        lines += DECREE_LINE_GIVEN_FIRST.finditer(text, clause.start, clause.end)
        lines += DECREE_LINE_NAME_CASE.finditer(text, clause.start, clause.end)
        listed = [
            m
            for m in DECREE_LINE_LISTED.finditer(text, clause.start, clause.end)
            if lemmas(m.group("role").split()[0].lower()) & ROLE_HEADS
        ]
        for m in lines + listed:
            first = m.group("first")
            known = m.re is DECREE_LINE_LISTED or "Name" in grammemes(APOS.sub("'", first.lower()))
            # a title opening the post, or a member added "(за згодою)", is a person's line whatever
            # the first name ("ЛІ Мін — експерт ЮНІСЕФ (за згодою)")
            titled = bool(title_lemmas(m.group("role").split()[0].lower()) & ROLE_HEADS) or "(за згодою)" in m.group(
                "role"
            )
            if not m.groupdict().get("patr") and not known and not titled:
                continue  # with no patronymic, the dictionary must know the first name or a title must follow
            role_start, role_end = m.span("role")
            ids = [
                en.id
                for s, e, _, _, en in names
                if role_start <= s and e <= role_end and word_before(text, role_start, s) not in NOT_THE_HOLDERS
            ]
            out.append(
                Entity(
                    m.start("name"),
                    m.end("name"),
                    m.group("name"),
                    "OFFICIAL",
                    role=m.group("role"),
                    affiliation=ids[-1] if ids else None,
                    name=nominative(m.group("name")),
                    source="decree-list",
                )
            )
        return out

    def _signatory(self, text: str, toks: list[Token], names) -> list[Entity]:
        """A signature block that names the signatory before the post, as the Rada portal
        prints it ("За Україну" / "Арсен Аваков" / "Міністр внутрішніх" / "справ України" /
        "(підпис)"): the name is the line under the header, the post the lines below it, as
        one phrase; the affiliation is the party after "За"."""
        signs_for = self._signature_party(text, toks, names)
        lines = [k for k in range(1, len(toks)) if "\n" in text[toks[k - 1].end : toks[k].start]]
        if not signs_for or not lines:
            return []
        k = lines[0]
        inside = name_tokens(names)
        line_end = lines[1] if len(lines) > 1 else len(toks)
        person = self._person_at(text, toks, k, inside, after_title=True)
        person = min(person, line_end) if person else None  # the name is its line, no more
        if person != line_end or person - k < 2 or any(lemmas(t.lower) & ROLE_HEADS for t in toks[k:person]):
            return []
        post = [t for t in toks[person:] if t.lower != "підпис"]
        # the post as written, its line breaks closed up ("Міністр внутрішніх\n\nсправ України")
        role = " ".join(text[post[0].start : post[-1].end].split()) if post else None
        return [titled_official(text, toks, k, person, role, signs_for, "nomn")]

    def _signature_columns(self, text: str, clause: Clause) -> Optional[list[Entity]]:
        """Signatures side by side ("За Кабінет Міністрів України      За Європейський
        інвестиційний банк" / "Юлія ГАВРИШ      Клаудія ЛОРЕНЦІНІ" / "Прем'єр-міністр України
        Віцепрезидентка"): each column's name pairs with the party its header names and the
        title under it. None where the block is not in columns; no official where the
        columns do not pair one to one."""
        lines = [
            (clause.start + m.start(), clause.start + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clause.text)
        ]
        rows = [columns_of(text, a, b) for a, b in lines]
        if not rows or len(rows[0]) < 2 or not all(SIGNATURE_HEADER.match(text[a:b]) for a, b in rows[0]):
            return None
        width = len(rows[0])
        parties = []
        for a, b in rows[0]:
            toks = tokens_of(text, a, b)
            found = [en.id for _, _, _, _, en in self.gazetteer.find(text, toks)] + [
                e.id for e in municipal_bodies(text, toks)
            ]
            parties.append(found[0] if found else None)
        for k, row in enumerate(rows[1:], start=1):
            if len(row) != width:
                continue
            people = []
            for a, b in row:
                rule = SIGNING_RULE.match(text, a, b)
                a += len(rule.group()) if rule else 0  # "_______ В. ЛУК'ЯНЕНКО": the name only
                toks = tokens_of(text, a, b)
                end = self._person_at(text, toks, 0, set(), after_title=True) if toks else None
                if end != len(toks) or end < 2:
                    break
                people.append((a, b))
            if len(people) != width:
                continue
            under = rows[k + 1] if k + 1 < len(rows) and len(rows[k + 1]) == width else [None] * width
            return [
                Entity(
                    a,
                    b,
                    text[a:b],
                    "OFFICIAL",
                    role=text[r[0] : r[1]] if r else None,
                    affiliation=party,
                    name=nominative(text[a:b], "nomn"),
                    source="signature",
                )
                for (a, b), party, r in zip(people, parties, under)
            ]
        return []

    @staticmethod
    def _signature_party(text: str, toks: list[Token], names) -> Optional[str]:
        """ "За Італію: Прем’єр-міністр Джорджа Мелоні": the state after "За" / "Від імені" (its
        name's first word, "За Уряд Республіки Польща", not the head noun it was found by)."""
        first_name_token = next((k for k, t in enumerate(toks) if t.start == names[0][0]), None) if names else None
        if not toks or toks[0].text not in ("За", "Від") or first_name_token is None:
            return None
        # "За X", "Від імені X", "За Кабінет Міністрів України": the name after the header's
        # first words, all capitalised but "імені" (not "За підсумками змагань … Туреччини")
        lead = toks[1:first_name_token]
        if len(lead) > 3 or any(not t.capitalised and t.lower != "імені" for t in lead):
            return None
        return names[0][4].id if "\n" not in text[toks[0].end : names[0][0]] else None

    @staticmethod
    def _person_at(text: str, toks: list[Token], k: int, inside: set[int], after_title: bool = False) -> Optional[int]:
        """End (exclusive token index) of a person name starting at token ``k``: a
        token the dictionary tags as a name (or does not know: foreign names), then
        capitalised tokens — any after a first name ("Піро Венгу"), else surnames or
        unknown words. Right after a title any two capitalised tokens are taken (the
        dictionary lacks many first names). Initials count as name tokens before a
        surname ("П. Порошенко") or after it ("Мельником О.В."). A quoted name
        («Слуга Народу») is a party or a brand, not a person."""
        if k >= len(toks) or (toks[k].start > 0 and text[toks[k].start - 1] in QUOTES):
            return None
        if not CYRILLIC.match(toks[k].text):
            # Latin capitals followed by a Cyrillic name are the name of the person's
            # organisation ("директор Freedom Foundation Петро Гайовий")
            r = k
            while r < len(toks) and not CYRILLIC.match(toks[r].text) and toks[r].capitalised:
                r += 1
            if r < len(toks) and toks[r].capitalised and adjacent(text, toks[r - 1 : r + 1]):
                return None
            if after_title and k > 0 and before_a_latin_name(toks[k - 1]):
                return None  # "директор компанії Horizon Capital", "директорка львівського Book Forum"
            if any(t.lower in LATIN_BODY_WORDS for t in toks[k:r]):
                return None  # "директором Horizon Capital": a firm's name, not a person's
        if title_lemmas(toks[k].lower) & ROLE_HEADS or body_word_before_its_name(toks, k):
            return None  # "начальника Генштабу — Головнокомандувача …", "Президента України, Кабінету Міністрів"
        lead = k
        while lead < len(toks) and is_initial(text, toks[lead]) and lead - k < 2:
            lead += 1
        if lead > k:  # "П. Порошенко", "О. В. Мельник": initials, then one surname
            if lead < len(toks) and toks[lead].capitalised and not is_initial(text, toks[lead]):
                if lead not in inside and name_like(toks[lead].lower) or after_title:
                    return lead + 1
            return None
        j, particles = k, 0
        while j < len(toks) and j - k - particles < MAX_NAME_TOKENS and (j == k or adjacent(text, toks[j - 1 : j + 1])):
            run = j
            while run < len(toks) and toks[run].lower in NAME_PARTICLES:
                run += 1
            if j > k and run > j and run < len(toks) and toks[run].capitalised and adjacent(text, toks[j : run + 1]):
                j, particles = run, particles + run - j  # "бін", "ді", "ван дер" inside a foreign name
                continue
            if not (
                (toks[j].capitalised or j > k and ARTICLE_NAME.match(toks[j].text))
                and j not in inside
                and not is_initial(text, toks[j])
                and (not toks[j].all_caps or j == k and caps_surname(toks, j) or caps_after_first_name(toks, k, j))
            ):
                break
            if j >= k + 2 and another_persons_first_name(toks[k], toks[j]):
                break  # "заступника генпрокурора Олексія Баганця | Віталій": the son, in his own case
            j += 1
        while j > k and toks[j - 1].lower in NAME_PARTICLES:
            j -= 1
        if j == k or not (after_title or name_like(toks[k].lower)):
            return None
        after_first_name = after_title or "Name" in grammemes(toks[k].lower)
        while j > k + 1 and not (after_first_name or all(name_like(t.lower) for t in toks[k + 1 : j])):
            j -= 1
        trail = j
        while trail < len(toks) and trail - j < 2 and is_initial(text, toks[trail]):
            trail += 1
        if trail > j:  # "Мельником О.В."
            return trail
        if j == k + 1 and (adjective_of_a_name(text, toks, k) or family_name(toks[k])):
            return None  # "голова | Коломийської районної ради": a body's name, not a surname
        if j == k + 1 and after_title and city_named(toks[k]):
            return None  # "партія мера | Львова «Самопоміч»": the title's city, not the surname Львов
        if j - k >= 2 or grammemes(toks[k].lower) & PERSON_GRAMMEMES:
            return j
        return None

    # coreference ---------------------------------------------------------------
    @staticmethod
    def _coreferent_officials(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
        """A later mention of an official named in full: the surname alone ("– сказав
        Маседончі"), with the first name ("Ігор Терехов подякував") or with initials
        ("П. Порошенка"). ``name`` is the full name the text gave (guide notes: the
        nominative full name where the text gives it anywhere)."""
        officials = [e for e in found if e.label == "OFFICIAL"]
        if not officials:
            return []
        by_surname: dict[str, Entity] = {}
        by_form: dict[str, Entity] = {}  # surnames matched as written, not by lemma
        for off in officials:
            words = [t for t in tokens_of(off.text) if not is_initial(off.text, t)]
            if not words:
                continue
            # "МЕЛЬНИК Олена Володимирівна", "Петрука Олександра Степановича": the surname first
            surname_first = words[0].all_caps or (len(words) == 3 and "Patr" in grammemes(words[-1].lower))
            surname = words[0] if surname_first else words[-1]
            # a foreign surname the dictionary reads as a rare common word ("Гальбах" as the
            # locative plural of "гальба") is still a surname after a first name
            given_first = len(words) > 1 and not surname_first and name_like(words[0].lower)
            if not name_like(surname.lower) and not (given_first and foreign_surname(surname)):
                # "Учасники" is no surname to look for; "Ткачишин" after a first name is one,
                # though the dictionary reads it as a possessive adjective: its noun forms only
                # (from the name's nominative where the surname stands first: "Кравчишина Тараса …")
                if len(words) > 1:  # a lone word in capitals has no first name to look at
                    given = words[1] if surname_first else words[0]
                    stem = (off.name or "").split()[0].lower() if surname_first and off.name else surname.lower
                    if "ADJF" in grammemes(surname.lower) and "Name" in grammemes(given.lower):
                        by_form.update({stem + ending: off for ending in SURNAME_ENDINGS})
                continue
            for form in lemmas(surname.lower):
                known = by_surname.get(form)
                if known is None or len((off.name or "").split()) > len((known.name or "").split()):
                    by_surname[form] = off
        taken = taken_spans(found)
        out = []
        for clause in clauses:
            toks = tokens_of(text, clause.start, clause.end)
            for n, tok in enumerate(toks):
                if not tok.capitalised or taken.overlaps(tok.start, tok.end):
                    continue
                match = by_form.get(tok.lower) or next(
                    (by_surname[l] for l in sorted(lemmas(tok.lower)) if l in by_surname), None
                )
                if match is None:
                    continue
                s = tok.start
                prev = toks[n - 1] if n > 0 else None
                if prev is not None and not taken.overlaps(prev.start, prev.end):
                    k = n
                    while (
                        k > 0 and is_initial(text, toks[k - 1]) and text[toks[k - 1].end : toks[k].start].strip() == "."
                    ):
                        k -= 1  # "П. Порошенка", "Б. О. Семенюк"
                    if k < n and not initials_agree(toks[k].text, match):
                        continue  # "університету імені Т. Шевченка" is not the official Андрій Шевченко
                    if k < n:
                        s = toks[k].start
                    else:
                        s = inflected_given_names_start(text, toks, n, match)  # "Ігор Терехов", "Мехмета Алі Йилдиза"
                        if s == tok.start and another_given_name(text, toks, n, match):
                            continue  # "Наталія Ковальчук" is not the official Петро Ковальчук
                        if s == tok.start and another_given_name_after(text, toks, n, match):
                            continue  # "Непийвода Зінаїда Олексіївна" is not the official Анатолій Непийвода
                end = initials_end(text, toks, n) if s == tok.start else tok.end  # "Петрука О.С."
                if s == tok.start and end == tok.end:
                    end = own_given_names_end(text, toks, n, match)  # "Непийвода Анатолій Іванович"
                out.append(
                    Entity(
                        s,
                        end,
                        text[s:end],
                        "OFFICIAL",
                        role=match.role,
                        affiliation=match.affiliation,
                        name=match.name or tok.text,
                        source="coreference",
                    )
                )
        return out


# a masculine surname's forms as a noun: "Ткачишин", "Ткачишина", "Ткачишину", "Ткачишиним"…
SURNAME_ENDINGS = ("", "а", "у", "ові", "ом", "им", "і")
# a referee or judge of a sports event acts for the event, not for a party (NOTES.md, the lead's
# decision on the fishing cup order), though a court's judge is an official; so does a team-mate
# ("колега по команді"), and so does a sports federation's officer ("президент ФІФА")
SPORTS_EVENT = re.compile(
    r"(?<!\w)(?:змаган|турнір|чемпіонат|кубк|матч|спартакіад|по\s+команд|федераці\w+\s+футбол)\w*"
    r"|(?<!\w)(?-i:ФІФА|УЄФА|ФФУ)(?!\w)",
    re.IGNORECASE,
)
# words of a Latin-script body's name ("Dragon Capital", "Book Forum", "Raiffeisen Bank")
LATIN_BODY_WORDS = frozenset(
    {"capital", "group", "forum", "bank", "fund", "foundation", "holding", "holdings", "partners", "company"}
    | {"corporation", "inc", "ltd", "llc", "gmbh", "media", "studio", "agency", "investments", "management"}
    | {"consulting", "systems", "technologies", "energy", "international", "festival", "club", "tv", "news"}
    # hospitals, universities, schools, institutes, museums and theatres in the languages of
    # Ukraine's partners ("медичний директор Klinikum Bremen", "ректор Uniwersytet Rzeszowski")
    | {"klinikum", "clinic", "hospital", "krankenhaus", "szpital", "university", "universität", "universitet"}
    | {"uniwersytet", "université", "universidad", "università", "universiteit", "college", "school", "schule"}
    | {"institute", "institut", "instytut", "museum", "muzeum", "theatre", "theater", "teatr", "opera", "centre"}
    | {"center", "zentrum", "centrum", "stiftung", "verein", "fundacja", "ag", "sa", "spa", "sp"}
)
# "Сергій Надал (Тернопіль), …": a place in brackets after a listed name, then a comma, "та" or the end
PLACE_IN_BRACKETS = re.compile(r"\s*\([А-ЯЄІЇҐ][\w'’ʼ -]{1,40}\)\s*(?:,|\s(?=та\s|і\s|й\s)|[.;]|$)")
