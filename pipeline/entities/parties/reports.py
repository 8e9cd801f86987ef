"""Parties of a news report: the sides of the instrument or talks it is about.

A report's opening names them ("Україна та Польща підписали …"), its talks' sides, a
twinning's cities, the capitals between which something was agreed; where none says it,
the two bodies the report speaks of most, together, with an instrument's words.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ...records import Document
from ..coined import TWINNING_UK, coin_id, foreign_city_id, home_council_id
from ..gazetteer import load_json
from ..uk.bodies import body_id, city_named, city_prefixes, foreign_city_bodies, local_body_ids
from ..uk.gazetteer import demonym_id
from ..uk.sides import TALKS_SIDE_NOUNS, side_state
from ..uk.titles import LOCATIVE_PREPOSITIONS, ROLE_HEADS, ROLE_MODIFIERS
from ..uk.tokens import lemmas, title_lemmas, tokens_of
from .instrument import BETWEEN_AND, BETWEEN_BEFORE
from .mentions import LOCAL_BODY_SUFFIXES, MIN_PARTIES, MentionIndex, is_state_id, unique_ids, unnamed_place
from .opening import (
    INSTRUMENT_CUE,
    LOAN_UK,
    REPORT_CUES_UK,
    SIDES_OPENING,
    TALKS_UK,
    news_opening,
    treaty_structured,
    ukrainian_report,
)
from .signings import (
    between_formula,
    local_signatories,
    named_as_setting,
    place_gloss,
    refused_to_sign,
    signed_with,
    signed_with_the_one_named_before,
    signing_subject,
    titled_signatories,
)

_I = re.IGNORECASE


# "Президент Естонії … приєднався до документа", "До декларації приєдналася й Естонія": a state
# that joined the instrument the report is about is one of its parties
JOINED_INSTRUMENT_UK = re.compile(
    r"(?<!\w)(?:приєднал(?:ася|ося|ися|ись|ся)|приєднався)\s+(?:\w+\s+){0,2}до\s+"
    r"(?:документ|деклараці|заяв|угод|меморандум|комюніке)\w*"
    r"|(?<!\w)до\s+(?:документ|деклараці|заяв|угод|меморандум|комюніке)\w*\s+(?:\w+\s+){0,2}"
    r"(?:приєднал(?:ася|ося|ися|ись|ся)|приєднався)(?!\w)",
    _I,
)
# "Лідери Бухарестської дев'ятки", "глави держав G7": a group named by its leaders
LEADERS_OF_UK = re.compile(r"(?<!\w)(?:лідер(?:и|ів|ам)|глав(?:и|ам)\s+держав|президент(?:и|ів))\s+$", _I)
MEMBERS_OF_UK = re.compile(r"(?<!\w)член\w*\s+$", _I)
FREQUENT_SHARE = 0.5
REPORT_SECOND_MIN = 2
# A Ukrainian report is about Ukraine's relation with another body: Ukraine is the second
# subject, not a state the report names a few times more (an adversary, a host country),
# where it is named at least this share as often as that state.
REPORT_HOME_SHARE = 0.8
# A report names an adversary as the object of aggression, sanctions or hostility ("агресії
# Росії", "санкцій щодо Росії", "ворожої нам Росії"): where most of a body's mentions are such,
# it is what the report's parties stand against, not one of them.
ADVERSARY_BEFORE_UK = re.compile(
    r"(?<!\w)(?:агрес\w*|санкці\w*|протистоянн\w*|стримуванн\w*|ворож\w*|окупац\w*|загроз\w*)"
    r"(?:\s+\w+){0,2}\s*$",
    _I,
)
ADVERSARY_WINDOW = 40
ADVERSARY_SHARE = 0.5


def capital_ids(text: str, start: int, end: int) -> list[str]:
    """States named by their capital in Ukrainian ("Київ", "Москвою", "у Варшаві"),
    matched on lemmas; used only where a report names who met or agreed."""

    table = load_json("states.json")["capitals"]["uk"]
    toks = tokens_of(text, start, end)

    def a_place(k: int) -> bool:  # "у Варшаві", "у м. Лондоні", "в місті Вільнюсі"
        before = k - 2 if k > 1 and toks[k - 1].lower in CITY_WORDS else k - 1
        return before >= 0 and toks[before].lower in PLACE_PREPOSITIONS

    return [
        table[l]
        for k, t in enumerate(toks)
        if t.capitalised and not a_place(k)
        for l in sorted(lemmas(t.lower))
        if l in table
    ]


def format_members(text: str, start: int, end: int, lang: str) -> list[str]:
    """The states of a standing talks format a report names as who met or agreed ("лідери
    нормандського формату", "the Lublin Triangle"): each member is a side (states.json,
    "formats"); used only where a report names who met or agreed."""
    formats = load_json("states.json")["formats"]
    table, nouns = formats.get(lang, {}), set(formats["nouns"].get(lang, []))
    toks = tokens_of(text, start, end)
    out: list[str] = []
    for first, second in zip(toks, toks[1:]):
        forms = lemmas(first.lower) if lang == "uk" else {first.lower}
        members = next((table[f] for f in sorted(forms) if f in table), None)
        if members and (lemmas(second.lower) if lang == "uk" else {second.lower}) & nouns:
            out += members
    return out


def from_twinning(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian report on a twinning of two cities that names them by their own names ("Київ
    уклав угоду про побратимські відносини з Загребом"): the two municipalities, not the states
    of the capitals among them. A Ukrainian city is its council (<CITY>CC, NOTES: a municipality's
    id is its council's), a foreign one its own id from its name, as "Мерія Батумі" is BATUMI.
    Only the capitals and the cities the id table knows are read: another city's bare name is
    not known as one."""

    if not ukrainian_report(doc):
        return []
    capitals = load_json("states.json")["capitals"]["uk"]
    for clause in news_opening(doc):
        if not TWINNING_UK.search(clause.text):
            continue
        ids: list[str] = []
        for tok in tokens_of(doc.text, clause.start, clause.end):
            prefix = city_named(tok)
            capital = next((lemma for lemma in sorted(lemmas(tok.lower)) if lemma in capitals), None)
            if prefix:
                ids.append(prefix + "CC")
            elif capital:
                ids.append(coin_id(capital, acronym=capital))  # "загреб" → ZAHREB, never a known id
        if len(unique_ids(ids)) == MIN_PARTIES:
            return unique_ids(ids)
        pair = _home_and_foreign_city(doc, clause.start, clause.end, mentions)
        # "Франківськ та Потсдам підписали угоду про побратимство": two cities joined, one of
        # them known
        joined = CITIES_JOINED_UK.search(doc.text, clause.start, clause.end)
        pair = pair or (_city_pair(doc, joined, mentions) if joined and ids else [])
        if pair:
            return pair
    return []


# two capitalised names joined, as cities are in a twinning's subject ("Франківськ та Потсдам")
CITIES_JOINED_UK = re.compile(r"(?<![\w'’ʼ-])([А-ЯЄІЇҐ][\w'’ʼ-]+)\s+(?:і|та|й)\s+([А-ЯЄІЇҐ][\w'’ʼ-]+)")


# "Ірпінь та мексиканське місто Тлахомулько": a city joined to a foreign city its state's adjective
# and "місто" mark
HOME_AND_FOREIGN_CITY_UK = re.compile(
    r"(?P<home>(?-i:[А-ЯЄІЇҐ])[\w'’ʼ-]+)\s+(?:та|і|й)\s+(?P<adjective>[а-яєіїґ'’ʼ-]+(?:ськ|цьк|зьк)\w*)\s+"
    r"міст\w*\s+(?P<city>(?-i:[А-ЯЄІЇҐ])[\w'’ʼ-]+)",
    re.IGNORECASE,
)


def _home_and_foreign_city(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The two sides of a twinning that names a city no table knows beside a foreign city marked
    by its state's adjective: the first city's council and the foreign city itself."""
    m = HOME_AND_FOREIGN_CITY_UK.search(doc.text, start, end)
    if m is None or demonym_id(tokens_of(m.group("adjective"))[0]) in (None, "UKR"):
        return []
    home = _city_body_id(m.group("home"))
    if home is None and unnamed_place(doc, m.start("home"), m.end("home"), mentions):
        home = home_council_id(m.group("home"))
    return [home, foreign_city_id(m.group("city"), inflected=False)] if home else []


# "Угоду укладено в Гельсінкі": a capital after "в"/"у" is where it happened, not a side
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"на"}
# the word for a city between the preposition and its name ("у м. Лондоні", "у столиці Варшаві")
CITY_WORDS = frozenset({"м", "місті", "столиці"})


# a state's organ, which the state's adjective names as a side as a side noun does ("естонське
# міністерство оборони", "литовський уряд"): an organ acts for its state (NOTES)
SIDE_ORGAN_NOUNS = frozenset({"уряд", "міністерство", "відомство"})


def side_ids(text: str, start: int, end: int) -> list[str]:
    """States a Ukrainian report names as a side of talks: by the adjective before a side noun
    ("румунська сторона") or a state's organ ("естонське міністерство оборони"), or an
    official's title ("литовський віцеміністр", "болгарський заступник міністра"), or as
    "Офіційний Бухарест"."""

    toks = tokens_of(text, start, end)
    capitals = load_json("states.json")["capitals"]["uk"]
    out = []
    for k, tok in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        if "офіційний" in lemmas(tok.lower):  # "Офіційний Будапешт", "Офіційна Варшава"
            out += [capitals[lemma] for lemma in sorted(lemmas(nxt.lower)) if nxt.capitalised and lemma in capitals][:1]
            continue
        side = side_state(toks, k, TALKS_SIDE_NOUNS | SIDE_ORGAN_NOUNS)
        if side:
            out.append(side)
            continue
        state = demonym_id(tok)
        if state is None or tok.capitalised and k > 0:
            continue  # "Литовська Республіка" is the state's name, not its side
        head = toks[k + 2] if lemmas(nxt.lower) & ROLE_MODIFIERS and k + 2 < len(toks) else nxt
        if title_lemmas(head.lower) & ROLE_HEADS:
            out.append(state)
    return out


def from_news_instrument(doc: Document, mentions: MentionIndex) -> list[str]:
    """In a news report, the parties of the instrument its headline or first sentence
    is about. Not used for an instrument itself, whose opening articles may cite
    other agreements ("… Agreement between Croatia and the EU")."""
    if treaty_structured(doc):
        return []
    if (doc.lang or "") == "uk":
        return _ukrainian_news_opening(doc, mentions)
    for clause in news_opening(doc):
        if INSTRUMENT_CUE.search(clause.text):
            ids = unique_ids(
                mentions.ids(clause.start, clause.end) + format_members(doc.text, clause.start, clause.end, "en")
            )
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def _ukrainian_news_opening(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian report's headline and first sentences about an instrument or talks:
    every state they name is a party, also one named by its capital ("Київ і Варшава
    домовилися") and one named only inside a quotation; a four-party meeting lists all
    four. The clauses with a cue are read together, so a headline naming two states and
    a lead naming the other two give all four."""
    ids: list[str] = []
    groups_by_leaders: list[str] = []  # "Лідери Бухарестської дев'ятки": named for their members
    bodies_signed = False  # the opening names the signatories, bodies no table knows among them
    for clause in news_opening(doc):
        if any(cue.search(clause.text) for cue in (INSTRUMENT_CUE, TALKS_UK, LOAN_UK, JOINED_INSTRUMENT_UK)):
            named = (
                between_formula(doc, clause, mentions)
                or signed_with(doc, clause, mentions)
                or local_signatories(doc, clause)
            )
            if named:
                ids += named
                bodies_signed = True
                continue
            subject = signing_subject(doc, clause, mentions)
            if subject:  # the signatories, bodies no table knows among them; not "(Республіка Польща)"
                ids += subject
                bodies_signed = True
                continue
            referred = signed_with_the_one_named_before(doc, clause, mentions)
            if referred:
                ids += referred
                bodies_signed = True
                continue
            found = [
                (s, sid, kind)
                for s, _, sid, kind in mentions.between(clause.start, clause.end)
                if not MEMBERS_OF_UK.search(doc.text[max(0, s - 20) : s])  # "державами — членами НАТО"
                and not named_as_setting(doc.text, clause.start, s)
                and not place_gloss(doc.text, s)
            ]
            ids += [sid for _, sid, _ in found]
            groups_by_leaders += [
                sid for s, sid, kind in found if kind == "org" and LEADERS_OF_UK.search(doc.text, max(0, s - 30), s)
            ]
            if INSTRUMENT_CUE.search(clause.text) or TALKS_UK.search(clause.text):
                # (a capital in a loan's report is the city that borrows: "Київ отримає кредит")
                ids += capital_ids(doc.text, clause.start, clause.end)
            ids += format_members(doc.text, clause.start, clause.end, "uk")
    if ids and not bodies_signed:
        # the sides the opening names as sides: "румунська сторона", "угорська делегація",
        # "литовський віцеміністр", "Офіційний Будапешт" (a four-party report names one so);
        # where bodies signed, "польська сторона" is the Polish city, not Poland, and where
        # Ukraine's councils or administrations are parties, "з боку української сторони"
        # is they
        local = any(i.endswith(LOCAL_BODY_SUFFIXES) for i in ids)
        for clause in news_opening(doc, SIDES_OPENING):
            ids += [i for i in side_ids(doc.text, clause.start, clause.end) if not (local and i == "UKR")]
    if ids and doc.clauses and doc.clauses[0].kind == "heading":
        # the headline names the sides of what the lead reports ("Україна та Литва створять
        # спільну слідчу групу" over "… провів зустріч з Генеральним прокурором Литовської
        # Республіки …", whose Ukrainian side is named by title alone)
        head = doc.clauses[0]
        ids += [
            sid
            for s, _, sid, _ in mentions.between(head.start, head.end)
            if not named_as_setting(doc.text, head.start, s) and not place_gloss(doc.text, s)
        ]
        if not bodies_signed:  # where bodies signed, "Київ" in the headline is the city that did
            ids += capital_ids(doc.text, head.start, head.end)
    if not ids:
        ids = titled_signatories(doc, mentions)
    if len({i for i in ids if is_state_id(i)}) >= MIN_PARTIES:
        # the leaders of a group act for their states, which the opening names: the group is no side
        ids = [i for i in ids if i not in groups_by_leaders]
    refused = refused_to_sign(doc, mentions)
    return [i for i in unique_ids(ids) if i not in refused]


# "між Києвом і Москвою": a Ukrainian report names the two sides by their capitals
BETWEEN_CAPITALS_UK = re.compile(r"(?<!\w)між\s+([А-ЯЄІЇҐ][\w'’ʼ-]+)\s+(?:і|та|й)\s+([А-ЯЄІЇҐ][\w'’ʼ-]+)")


def _capitals_between(doc: Document) -> list[str]:
    """The two states a Ukrainian report names by their capitals after "між" ("домовленостям
    між Києвом і Москвою"), where it names no two states so."""
    if (doc.lang or "") != "uk":
        return []
    for m in BETWEEN_CAPITALS_UK.finditer(doc.text):
        first, second = capital_ids(doc.text, *m.span(1)), capital_ids(doc.text, *m.span(2))
        if first and second and first != second:
            return [first[0], second[0]]
    return []


def from_between(doc: Document, mentions: MentionIndex) -> list[str]:
    votes: Counter = Counter()
    items = mentions.between(0, len(doc.text), states_only=True)
    for (s1, e1, a, _), (s2, _e2, b, _) in zip(items, items[1:]):
        if (
            a != b
            and BETWEEN_AND.match(doc.text[e1:s2])
            and BETWEEN_BEFORE.search(doc.text[max(0, s1 - 60) : s1])
            and _of_an_instrument(doc, s1)
        ):
            votes[tuple(sorted((a, b)))] += 1
    if not votes:
        return _capitals_between(doc)
    ((pair, _),) = votes.most_common(1)
    return list(pair)


# "між містами Харковом і Нюрнбергом": two cities, their councils the parties
CITIES_BETWEEN_UK = re.compile(r"(?<!\w)між\s+(?:містами\s+)?([А-ЯЄІЇҐ][\w'’ʼ-]+)\s+(?:і|та|й)\s+([А-ЯЄІЇҐ][\w'’ʼ-]+)")


def from_cities_between(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian report on an instrument between two cities ("Угоду про побратимські
    зв'язки між містами Харковом і Нюрнбергом підписано …"): a Ukrainian city's council and a
    foreign city's own body the organisation table knows are the parties."""
    if not ukrainian_report(doc):
        return []
    for m in CITIES_BETWEEN_UK.finditer(doc.text):
        if not _of_an_instrument(doc, m.start()):
            continue
        pair = _city_pair(doc, m, mentions)
        if pair:
            return pair
    return []


def _city_pair(doc: Document, m: re.Match, mentions: MentionIndex) -> list[str]:
    """The bodies of the two cities ``m``'s groups 1 and 2 name, where both can be told."""
    ids = [_city_body_id(m.group(1)), _city_body_id(m.group(2))]
    for k in (0, 1):
        # one city known, the other no name the text or the tables know: a twin from the other
        # side ("між Ужгородом та Брно" → BRNO; "між Коломиєю та Нюрнбергом" → KOLOMYIACC)
        other = ids[1 - k]
        if ids[k] is None and other and unnamed_place(doc, m.start(k + 1), m.end(k + 1), mentions):
            home = other.endswith("CC") and other[:-2] in city_prefixes().values()
            ids[k] = foreign_city_id(m.group(k + 1)) if home else home_council_id(m.group(k + 1))
    return [ids[0], ids[1]] if ids[0] and ids[1] and ids[0] != ids[1] else []


def _city_body_id(word: str) -> Optional[str]:
    """The id of the body a city acts by: a Ukrainian city's council (KHARKIVCC), or the
    body of a foreign city the organisation table names after it ("Нюрнбергом" → NUREMBERG)."""

    toks = tokens_of(word)
    prefix = city_named(toks[0]) if toks else None
    if prefix:
        return body_id(prefix, "CC")
    bodies = foreign_city_bodies()
    return next((bodies[lemma] for lemma in sorted(lemmas(word.lower())) if lemma in bodies), None)


def _of_an_instrument(doc: Document, offset: int) -> bool:
    """In a Ukrainian report, whether the sentence at ``offset`` speaks of an instrument,
    talks or an undertaking: "угода між Україною та Польщею" names two parties, "кордон між
    Польщею та Україною" or "війна між Росією та Україною" none. Other texts: always."""
    if not ukrainian_report(doc):
        return True
    clause = next((c for c in doc.clauses if c.start <= offset < c.end), None)
    return clause is not None and _speaks_of_an_instrument(clause.text)


def _speaks_of_an_instrument(text: str) -> bool:
    """Does a Ukrainian text (or sentence) speak of an instrument, talks or an undertaking?"""
    return any(cue.search(text) for cue in REPORT_CUES_UK)


def from_frequency(doc: Document, mentions: MentionIndex) -> list[str]:
    if ukrainian_report(doc):
        return _report_subjects(doc, mentions)
    counts = Counter(m[2] for m in mentions.between(0, len(doc.text), states_only=True))
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return [sid for sid, n in counts.most_common() if n >= FREQUENT_SHARE * top]


def _report_subjects(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian report with no evidence of who signed is about the relation of the two
    states or organisations it names most often ("Україна" and "МВФ"), when the second is
    named more than once and the report speaks of some instrument, talks or undertaking."""

    if not _speaks_of_an_instrument(doc.text):
        return []
    found = mentions.between(0, len(doc.text))
    counts = Counter(m[2] for m in found)
    hostile = Counter(
        m[2] for m in found if ADVERSARY_BEFORE_UK.search(doc.text[max(0, m[0] - ADVERSARY_WINDOW) : m[0]])
    )
    top = [(sid, n) for sid, n in counts.most_common() if hostile[sid] <= ADVERSARY_SHARE * n][:2]
    if len(top) < 2 or top[1][1] < REPORT_SECOND_MIN:
        return []
    if "UKR" in dict(top) and any(sid in local_body_ids() for sid, _ in top):
        # a city's council or an oblast's administration named beside Ukraine is a report on
        # local affairs ("Сумська міська рада", "в Україні"), not on a relation of two parties
        return []
    if "UKR" not in dict(top) and counts["UKR"] >= REPORT_HOME_SHARE * top[1][1]:
        top = [top[0], ("UKR", counts["UKR"])]
    ids = [sid for sid, _ in top]
    return ids if _spoken_of_together(doc, ids, mentions) else []


def _spoken_of_together(doc: Document, ids: list[str], mentions: MentionIndex) -> bool:
    """Whether one sentence speaks of an instrument, talks or an undertaking and names both,
    or names one as the other side of it ("Переговори з Україною", "Програма співпраці з ЄС").
    A report that names two states often is about their relation only where it says so ("в
    рамках Обміну нотами між Урядом України та Урядом Японії"); a life story that tells of a
    border "між Польщею й Україною" and elsewhere of a "програма" is about neither."""
    for clause in doc.clauses:
        cues = [m for cue in REPORT_CUES_UK for m in cue.finditer(doc.text, clause.start, clause.end)]
        if not cues:
            continue
        named = [m for m in mentions.between(clause.start, clause.end) if m[2] in ids]
        if {m[2] for m in named} == set(ids):
            return True
        for cue in cues:
            if any(
                0 <= start - cue.end() <= WITH_REACH and WITH_BEFORE_UK.search(doc.text, cue.end(), start)
                for start, _, _, _ in named
            ):
                return True
    return False


# "переговори з", "програма співпраці з": the body after "з" is the other side of the talks
WITH_BEFORE_UK = re.compile(r"(?<!\w)(?:з|із|зі)\s+$", _I)
WITH_REACH = 40
