"""Parties of a Ukrainian report's signing sentence: who signed, with whom, and who did not.

"X підписала угоду з Y", "між X та Y укладено меморандум", "декларацію міністри
ухвалили", "Угорщина відмовилася підписати": the subject and partners of the report's
signing, not the witnesses, hosts, venues or programmes named beside them.
"""

from __future__ import annotations

import re
from typing import Optional

from ...records import Clause, Document, Entity
from ..coined import (
    BETWEEN,
    LATIN_AFTER_KIND,
    CoinedParty,
    council_named_id,
    foreign_city_id,
    home_council_id,
    named_conjuncts,
    parties_named,
)
from ..gazetteer import state_ids
from ..uk.bodies import city_named, local_body_of, presided_city
from ..uk.gazetteer import demonym_id
from ..uk.sides import TALKS_SIDE_NOUNS
from ..uk.tokens import lemmas, tags_of, tokens_of
from .mentions import LOCAL_BODY_SUFFIXES, MIN_PARTIES, MentionIndex, unique_ids, unnamed_place, with_coined
from .opening import INSTRUMENT_CUE, SIDES_OPENING, after_news_opening, news_opening, ukrainian_report

_I = re.IGNORECASE


# A Ukrainian sentence that reports a signing or joint undertaking of named bodies.
SIGNING_UK = re.compile(
    r"(?<!\w)(?:підписа\w*|уклал\w*|уклав|укладен\w*|спільно\s+з|у\s+партнерстві\s+з|у\s+співпраці\s+з"
    r"|постав\w*\s+(?:свої\s+)?підпис\w*|скріпил\w*\s+(?:своїми\s+)?підпис\w*)",
    _I,
)
# The verb of a joint signing whose subject names the signatories
SUBJECT_SIGNING = {
    "uk": re.compile(r"(?<!\w)(?:підписали|уклали|ухвалили|схвалили|парафували)(?!\w)", _I),
    "en": re.compile(r"\b(?:(?:have|has|had)\s+)?(?:signed|concluded|initialled|initialed)\b"),
}
# Where a sentence's subject may begin: after a dateline's dash, a colon, or the date that
# opens a report's lead ("3 лютого 2025 року Ічнянська міська рада, … підписали")
SUBJECT_OPENING = re.compile(
    r"\s[-–—]\s|:\s|^\d{1,2}\s+[а-яєіїґ'’ʼ]+(?:\s+\d{4}\s+(?:року|р\.))?,?\s"
    # "Сьогодні у Львові …", "Вчора, 3 липня, в Одесі …": when and where, before the subject
    r"|^(?:Сьогодні|Вчора|Напередодні|Днями)(?:,\s*\d{1,2}\s+[а-яєіїґ'’ʼ]+,)?"
    r"(?:\s+(?:у|в)\s+(?:м\.\s*)?[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+)?,?\s"
)


def subject_start_at(clause: Clause, verb_start: int) -> int:
    """Where a sentence's subject begins before its verb (offsets in the clause's text): after a
    dateline's dash, a colon or an opening date and place (``SUBJECT_OPENING``)."""
    return max((m.end() for m in SUBJECT_OPENING.finditer(clause.text, 0, verb_start)), default=0)


# the office holders of several states, plural ("Міністри закордонних справ України, Польщі та
# Литви", "лідери"), and what joins the states of a list
PLURAL_TITLE_UK = re.compile(
    r"(?<![^\W\d_])(?:(?:міністр|лідер|президент|прем[’'ʼ]?єр-міністр|очільник|керівник|посл|мер)(?:и|ів)|глави)(?!\w)",
    _I,
)
LIST_JOIN_UK = re.compile(r"\s*(?:,\s*(?:а\s+також\s+)?|\s(?:та|і|й)\s)\s*$", _I)
TITLED_LIST_REACH = 50  # how far after the title its list of states may begin ("закордонних справ")


def titled_signatories(doc: Document, mentions: MentionIndex) -> list[str]:
    """The states of the office holders who adopted or signed an instrument by their plural
    title alone ("Відповідну спільну декларацію міністри ухвалили …"), as the report first
    lists them with that title ("Міністри закордонних справ України, Польщі та Литви …")."""
    opening = news_opening(doc, SIDES_OPENING)
    for k, clause in enumerate(opening):
        if not INSTRUMENT_CUE.search(clause.text):
            continue
        for title in PLURAL_TITLE_UK.finditer(doc.text, clause.start, clause.end):
            if len(_listed_states(doc.text, title.end(), clause.end, mentions)) >= MIN_PARTIES:
                continue  # the title lists its states here: the opening's other rules read them
            stem = title.group().lower()[:5]
            for earlier in opening[:k]:
                for named in PLURAL_TITLE_UK.finditer(doc.text, earlier.start, earlier.end):
                    if named.group().lower()[:5] == stem:
                        states = _listed_states(doc.text, named.end(), earlier.end, mentions)
                        if len(states) >= MIN_PARTIES:
                            return states
    return []


def _listed_states(text: str, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The states of a list that begins soon after ``start``: "України, Польщі та Литви"."""
    out: list[str] = []
    last = None
    for s, e, sid, _ in mentions.between(start, end, states_only=True):
        if last is None and s - start > TITLED_LIST_REACH:
            break
        if last is not None and not LIST_JOIN_UK.fullmatch(text[last:s]):
            break
        out.append(sid)
        last = e
    return unique_ids(out)


# "Міністр … Угорщини … від підпису відмовився", "Угорщина відмовилася підписати заяву",
# "декларацію Белград не підписав": a participant that did not sign
REFUSED_UK = re.compile(
    r"(?<!\w)(?:від\s+підпису\s+відмови\w*|відмови\w*\s+(?:від\s+підпису|підписати|підписувати|приєднатися)"
    r"|не\s+підписал\w*|не\s+підписав|не\s+приєднал\w*)(?!\w)",
    _I,
)
# where the subject of a refusal begins within its sentence: "…, однак | Угорщина відмовилася"
REFUSAL_SUBJECT_START = re.compile(r"[,;:]\s*(?:(?:а|але|однак|проте|тоді\s+як)\s+)?", _I)


def refused_to_sign(doc: Document, mentions: MentionIndex) -> set[str]:
    """The states and bodies a Ukrainian report's opening says did not sign what the others
    signed: those its refusing clause names (or whose officials it names) before the verb."""
    out: set[str] = set()
    for clause in news_opening(doc, SIDES_OPENING):
        for verb in REFUSED_UK.finditer(doc.text, clause.start, clause.end):
            starts = [m.end() for m in REFUSAL_SUBJECT_START.finditer(doc.text, clause.start, verb.start())]
            start = starts[-1] if starts else clause.start
            out |= {m[2] for m in mentions.between(start, verb.start())}
            out |= {
                e.affiliation
                for e in doc.entities
                if e.label == "OFFICIAL" and e.affiliation and start <= e.start and e.end <= verb.start()
            }
    return out


# "X підписала угоди про партнерство з муніципалітетом Y та Мерією Z": who signed with whom
SIGNED_WITH_UK = re.compile(
    r"(?<!\w)(?:підписа\w*|уклал\w*|уклав|домови(?:л|в)\w*)(?!\w)[^.!?]*?(?<!\w)(?:з|із|зі)\s+", _I
)
QUOTE_UK = re.compile(r"[«“\"]")
# the body a signatory acts for, named in the subject ("як представник …", "від імені …")
ACTING_FOR_UK = re.compile(r"(?<!\w)(?:як\s+представни\w+|від\s+імені)\s+(?P<body>[^,.;:()]{5,120})", _I)


def signed_with(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """The parties a report's sentence names as the subject that signed and the bodies it
    signed with ("Чернівецька міська рада … підписала угоди … з муніципалітетом Клагенфурта
    (Австрія) та Мерією муніципію Ясси (Румунія)"), where a partner is a body no table knows:
    the bodies, not the states in brackets after them."""

    if (doc.lang or "") != "uk":
        return []
    m = SIGNED_WITH_UK.search(clause.text)
    if m is None:
        return []
    verb = SIGNING_UK.search(clause.text)
    subject_end = clause.start + (verb.start() if verb else m.start())
    subject = mentions.ids(clause.start, subject_end)
    partners, coined = parties_named(
        doc.text, clause.start + m.end(), clause.end, "uk", mentions.named_in, bodies_only=True
    )
    opening = subject_start_at(clause, subject_end - clause.start)
    quoted = QUOTE_UK.search(doc.text, clause.start + opening, subject_end)
    city_signed = False
    bare_city = [] if partners else _city_after(doc, clause.start + m.end(), clause.end, mentions)
    if not subject and (coined or set(partners) - state_ids() or bare_city):
        # a Ukrainian city the table knows, standing for its council, where it signs with a body
        # ("Дніпро підписав угоду про співробітництво з німецьким містом Кельн", "Київ підписав
        # угоду … з Європейським інвестиційним банком"): the one city the subject names
        cities = {city_named(t) for t in tokens_of(doc.text, clause.start + opening, subject_end)} - {None}
        subject = [f"{cities.pop()}CC"] if len(cities) == 1 else []
        city_signed = bool(subject)
    if not subject and (coined or bare_city) and (home := _city_where_signed(doc, clause, subject_end, mentions)):
        # "В Умані підписали Договір … з польським містом Ченстохова": the city the impersonal
        # signing took place in, the sentence's only subject, signed through its council
        subject, city_signed = [home], True
    if not subject and (acting := ACTING_FOR_UK.search(doc.text, clause.start + opening, subject_end)):
        # "Міський голова …, як представник Ватутінської міської територіальної громади, підписав …":
        # the council of the hromada the signatory acts for
        body = _local_body_named(acting.group("body"))
        subject, city_signed = ([body], True) if body else (subject, city_signed)
    if not subject and (quoted or clause.kind != "heading"):
        # a subject no table knows: a company by its quoted name ("Акціонерне товариство
        # «Укроборонпром» уклало угоду з … компанією Northrop Grumman"), a body in a report's
        # sentence ("Львівський історичний музей домовився про співпрацю із …"); not a headline's
        # unquoted name, which may be a short one the lead gives in full ("Служба зайнятості
        # підписала меморандум з …")
        subject, own = parties_named(
            doc.text, clause.start + opening, subject_end, "uk", mentions.named_in, "nomn", bodies_only=True
        )
        coined = own + coined if len(subject) == 1 else coined
        subject = subject if len(subject) == 1 else []
    if bare_city and (city_signed or any(i.endswith(LOCAL_BODY_SUFFIXES) for i in subject)):
        # "Херсонська громада уклала меморандум з Гданськом", "Житомир підписав угоду з Кошаліном":
        # a city or a council that signs with a bare name no table knows signs with a city
        partners, city_signed = bare_city, True
    if not (coined or city_signed) or not subject or len(subject) + len(partners) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return unique_ids(subject + partners)


# a city in the locative as a sentence's whole subject, before an impersonal verb ("В Умані підписали")
CITY_WHERE_SIGNED_UK = re.compile(r"\s*(?:В|У)\s+(?:м\.\s*)?(?P<city>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]+)\s+")
IMPERSONAL_SIGNED_UK = re.compile(r"(?:підписали|уклали)(?!\w)")


def _city_where_signed(doc: Document, clause: Clause, subject_end: int, mentions: MentionIndex) -> Optional[str]:
    """The council of the Ukrainian city that a sentence with no other subject says a municipal
    partnership was signed in; not a state ("У Чехії підписали …" names its side by the mentions)."""
    m = CITY_WHERE_SIGNED_UK.fullmatch(doc.text, clause.start, subject_end)
    if m is None or not IMPERSONAL_SIGNED_UK.match(doc.text, m.end()):
        return None
    if not unnamed_place(doc, m.start("city"), m.end("city"), mentions):
        return None
    return home_council_id(m.group("city"))


# a bare name after "з", alone before the sentence's end or the subject matter ("з Гданськом щодо …")
BARE_NAME_UK = re.compile(r"(?P<name>(?-i:[А-ЯЄІЇҐ])[а-яєіїґ'’ʼ-]{2,})(?=\s*(?:[.!?;:]|$|(?:щодо|про|у|в)\s))", _I)


def _city_after(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The city a bare name after "з" names, where no table, mention or dictionary of persons'
    names knows the word otherwise: a Ukrainian city the table knows by its council, another by
    an id from its name (a foreign one, mostly: a Ukrainian town the table lacks gets no CC)."""
    m = BARE_NAME_UK.match(doc.text, start, end)
    if m is None or not unnamed_place(doc, m.start(), m.end(), mentions):
        return []
    named = city_named(tokens_of(m.group("name"))[0])
    return [f"{named}CC" if named else foreign_city_id(m.group("name"), case="ablt")]


def between_formula(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """The parties a report's sentence names in an instrument's formula ("… підписали Угоду
    між Волинською ОДА (Україна) та Люблінським воєводством (Республіка Польща)"), where it
    coins a body no table knows: the formula's names, not the states in brackets after them."""
    if not BETWEEN.search(clause.text):
        return []
    coined_before = list(mentions.coined)
    named = with_coined(doc, clause.start, clause.end, mentions, coined_only=True)
    if len(named) >= MIN_PARTIES:
        return named
    mentions.coined = coined_before
    return []


def named_as_setting(text: str, clause_start: int, s: int) -> bool:
    """Is the body at ``s`` named as where or about what a Ukrainian report's sides met or
    agreed, not as a side: the venue ("На полях сесії Ради ООН з прав людини"), or the
    subject an instrument is about ("заяву про розвиток транспортних коридорів між Україною
    та Європейським Союзом"; "угоду між Україною та …" names sides), the state it supports,
    the organisation its sides seek to join ("на шляху до ЄС"), or the agency aid goes through
    ("Японія надасть Україні обладнання через JICA")?"""
    before = text[max(clause_start, s - SETTING_WINDOW) : s]
    if any(
        p.search(before)
        for p in (VENUE_UK, OFFICE_IN_UK, AID_TOPIC_UK, ACCESSION_GOAL_UK, OWNED_ENTERPRISE_UK, CHANNEL_UK)
    ):
        return True
    topic = INSTRUMENT_TOPIC_UK.search(before)
    if topic and not PARTNER_WORDS_UK.search(topic.group("gap")) and not _has_verb(topic.group("gap")):
        # "декларацію щодо безпеки на східному фланзі НАТО": what it is about; not "заяву про
        # оборону ухвалили Литва, …", whose verb ends the topic
        return True
    if EVENT_OF_UK.search(before) and not SIDES_FORMAT_UK.match(text, s):
        return True  # "під час саміту Ради Європи": the body whose event hosted it; not "саміт Україна – ЄС"
    presence = PRESENCE_UK.search(text, max(clause_start, s - PRESENCE_WINDOW), s)
    if presence and not SIGNED_UK.search(presence.group()):
        # "підписано … у присутності президента України": a witness, not a side; so is everyone the
        # list after it names ("у присутності послів Німеччини в Україні та України в Німеччині")
        return True
    programme = PROGRAMME_NAME_UK.search(before)
    if programme and programme.group("last").lower() not in PARTNER_PREPOSITIONS_UK:
        return True  # "у рамках Програми підтримки муніципалітетів України": the programme's name
    between = BETWEEN_OF_UK.search(before)
    return between is not None and not INSTRUMENT_NOUN_UK.search(between.group("noun"))


SETTING_WINDOW = 60
# the channel aid or a programme goes through, no side of the instrument
CHANNEL_UK = re.compile(r"(?<!\w)через\s+$", _I)
# "Програми підтримки муніципалітетів України", "проекту «Ініціативи інфраструктурної програми для
# України»": a state in a programme's or project's name is no side; "Програма співпраці з ЄС" names
# the other side after its preposition
PROGRAMME_NAME_UK = re.compile(
    r"(?<!\w)(?:програм|проєкт|проект|ініціатив)\w*\s+«?(?:[а-яєіїґ'’ʼ-]+\s+){0,4}(?P<last>[а-яєіїґ'’ʼ-]+)\s+$", _I
)
EVENT_OF_UK = re.compile(
    r"(?<!\w)(?:під\s+час|на|у|в|у\s+рамках|в\s+рамках)\s+(?:саміт\w*|засіданн\w*|сесі[їяю]|форум\w*|конференці\w*)\s+$",
    _I,
)
SIDES_FORMAT_UK = re.compile(r"[\w'’ʼ]+\s*[-–—]\s*[A-ZА-ЯЄІЇҐ]")
PRESENCE_UK = re.compile(r"(?<!\w)(?:у|в|при)\s+присутност\w+\s+[^.;:!?\n]*$", _I)
PRESENCE_WINDOW = 160
PARTNER_PREPOSITIONS_UK = frozenset({"з", "із", "зі", "між", "та", "і", "й", "щодо", "про"})
# "КНП «Обласна клінічна лікарня» Харківської обласної ради": the council after a municipal
# enterprise's or institution's name owns it; the enterprise, not its owner, is the side
OWNED_ENTERPRISE_UK = re.compile(
    r"(?<!\w)(?:КНП|КП|КЗ|КУ|КНЗ|комунальн\w+(?:\s+некомерційн\w+)?\s+(?:підприємств|заклад|установ)\w*)\s*«[^»]{1,50}»\s*$",
    _I,
)
# "на полях сесії Ради ООН", "у кулуарах саміту НАТО": where the report's sides met
VENUE_UK = re.compile(
    r"(?<!\w)(?:(?:на\s+полях|у\s+кулуарах|в\s+кулуарах)(?:\s+[\w'’ʼ-]+){0,3}"
    # "під час саміту …, що проходить у Великій Британії": where the event that hosted the signing was
    r"|(?:що|який|яка|які)\s+(?:проходить|проходять|проходив\w*|відбувається|відбуваються|відбу(?:в|ла|ли)ся"
    r"|відбулися|триває|тривав\w*)\s+(?:у|в))\s+$",
    _I,
)
# "ухвалили спільну заяву про підтримку України", "… санкцій проти Росії", "пообіцяли Україні
# пакет допомоги": the state an instrument supports, promises or gives to, or is against, is
# its subject, not one of the sides that made it
AID_TOPIC_UK = re.compile(
    r"(?<!\w)(?:(?:про|щодо)\s+(?:[\w'’ʼ-]+\s+){0,2}(?:підтримк|допомог|відбудов|відновленн)|допомог|проти"
    r"|пообіця|обіця)\w*\s+$",
    _I,
)
# "на шляху до ЄС", "щодо вступу до НАТО", "членства в ЄС": the organisation a report's sides
# seek to join is their goal, not one of them
ACCESSION_GOAL_UK = re.compile(r"(?<!\w)(?:шлях|вступ|членств|приєднанн|інтеграці)\w*\s+(?:до|в|у)\s+$", _I)
# "декларацію щодо безпеки на східному фланзі НАТО", "угоду про захист інвестицій в Україні": a
# body named inside what an instrument is about is its subject, not a side; not where a partner
# word stands between ("угоду про співпрацю з ЄС", "… між Україною та …")
INSTRUMENT_TOPIC_UK = re.compile(
    r"(?<!\w)(?:угод|меморандум|деклараці|заяв|договор|договір|протокол|комюніке|домовленост)\w*\s+"
    r"(?:про|щодо|стосовно)\s+(?P<gap>(?:[\w'’ʼ-]+\s+){1,5})$",
    _I,
)
PARTNER_WORDS_UK = re.compile(r"(?<!\w)(?:з|із|зі|між|та|і|й|до|від)(?!\w)", _I)
# "голова Представництва ЮНІСЕФ в Україні", "директор ЄБРР в Україні": where an office sits
OFFICE_IN_UK = re.compile(
    r"(?<!\w)(?:представництв|посольств|офіс|місі[їяю]|бюро|директор|керівни|представни|координатор)\w*"
    # (the body's abbreviation in brackets may stand in the office's name: "… ООН (ЮНІСЕФ) в Україні")
    r"\s+(?:[\w'’ʼ-]+\s+|\([\w'’ʼ-]+\)\s+){0,5}(?:в|у)\s+$",
    _I,
)
# "… коридорів між Україною та " : the noun "між" hangs on, before the body
BETWEEN_OF_UK = re.compile(
    r"(?<!\w)(?P<noun>[\w'’ʼ-]+)\s+між\s+(?:[\w'’ʼ-]+\s+){0,4}?(?:(?:та|і|й)\s+)?(?:[\w'’ʼ-]+\s+){0,4}$", _I
)
INSTRUMENT_NOUN_UK = re.compile(
    r"^(?:угод|меморандум|договор|договір|деклараці|заяв|домовленост|переговор|зустріч|протокол|конвенці|"
    r"комюніке|план|програм|консультаці|діалог|відносин|співробітництв|співпрац|партнерств|саміт)",
    _I,
)


def _has_verb(words: str) -> bool:
    """Does one of ``words`` read only as a verb ("ухвалили")?"""
    return any(all(t.POS == "VERB" for t in tags_of(w)) for w in words.lower().split() if tags_of(w))


def from_signing_sentence(doc: Document, mentions: MentionIndex) -> list[str]:
    """In a Ukrainian news report, the first sentence that reports a signing or a joint
    undertaking of named bodies ("Меморандум підписали Житомирська міська рада та …",
    "Організатори: Келецький технологічний парк (Республіка Польща) спільно з
    Вінницькою міською радою"): a city council or an organisation that signs is a
    party as much as a state is (gold set v2)."""
    if not ukrainian_report(doc):
        return []
    for clause in doc.clauses:
        if SIGNING_UK.search(clause.text) and not _background(doc, clause):
            named = between_formula(doc, clause, mentions) or signed_with(doc, clause, mentions)
            if named:
                return named
            named_here = [
                sid for s, _, sid, _ in mentions.between(clause.start, clause.end) if not place_gloss(doc.text, s)
            ]
            ids = unique_ids(signing_subject(doc, clause, mentions) + named_here)
            if len(ids) < MIN_PARTIES:
                ids = unique_ids(ids + _signing_officials(doc, clause))
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


# "Девіс (США, Каліфорнія)", "Хаапсалу (Естонія)": a state in brackets after a place's name says
# where the place is; it is no side (after a body's name it may be: "Келецький технологічний парк
# (Республіка Польща)" in a report on Polish aid, gold set)
PLACE_GLOSS_UK = re.compile(r"(?<![\w'’ʼ-])[A-ZА-ЯЄІЇҐ][\w'’ʼ-]*\s*\((?:[^()\n]{0,30},\s*)?$")
# "Підкарпатського воєводства Польщі", "Ботошанським повітом Румунії": the state a foreign region
# lies in, named after it (not "департамент", a state's agency before its state's name:
# "Податково-митний департамент Естонії")
REGION_OF_STATE_UK = re.compile(
    r"(?<!\w)(?:воєводств|повіт|регіон|провінці|кра[йюєї]|федеральн\w+\s+земл|округ)\w*\s+$", _I
)


def place_gloss(text: str, start: int) -> bool:
    before = max(0, start - 60)
    return bool(
        PLACE_GLOSS_UK.search(text, before, start)
        or REGION_OF_STATE_UK.search(text, before, start)
        or LOCATED_IN_UK.search(text, before, start)
    )


# "найбільша угода банку в Україні", "Зеленський у Польщі підписав …": a state after "в"/"у" and a
# word says where; not at a sentence's start, where "У Чехії підписали …" names its side
LOCATED_IN_UK = re.compile(r"[\w»”\"]\s+(?:в|у)\s+$")


# "підписав меморандум із представниками цієї організації": the partner named before by its kind
WITH_THE_ONE_NAMED_UK = re.compile(
    r"(?<!\w)(?:з|із|зі)\s+(?:представник\w*\s+|керівництв\w*\s+)?(?:цієї|цього|цією|цим|цими)\s+"
    r"(?P<kind>організаці|банк|фонд|агентств|корпораці|компані|установ|програм)\w*",
    _I,
)


def signed_with_the_one_named_before(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """An official who signed with "the representatives of this organisation" ("Шмигаль підписав
    відповідний меморандум із представниками цієї організації"): the official's side and the last
    organisation the report named before, of that kind where the kind is more than "організація"."""
    verb = SIGNED_UK.search(clause.text)
    partner = WITH_THE_ONE_NAMED_UK.search(clause.text, verb.end()) if verb else None
    if verb is None or partner is None:
        return []
    kind = partner.group("kind").lower()
    named = [
        (s, sid)
        for s, e, sid, k in mentions.between(0, clause.start)
        if k == "org" and (kind == "організаці" or kind[:4] in doc.text[s:e].lower())
    ]
    sides = unique_ids(
        e.affiliation
        for e in doc.entities
        if e.label == "OFFICIAL" and e.affiliation and clause.start <= e.start and e.end <= clause.start + verb.start()
    )
    if not named or len(sides) != 1 or named[-1][1] in sides:
        return []
    return sides + [named[-1][1]]


def local_signatories(doc: Document, clause: Clause) -> list[str]:
    """The sides of an instrument whose signatories a report's sentence names after the verb,
    local bodies' heads among them ("Угоду … підписали голова обласної ради … та голова ОДА …",
    "… в Угоді про партнерство, яку сьогодні підписали голова обласної ради …")."""
    if INSTRUMENT_NOUN_UK.match(clause.text.lstrip()):
        sides = _signing_officials(doc, clause)
    elif verb := SIGNED_UK.search(clause.text):
        # elsewhere in the sentence, only the bodies the signatories' titles head: a state's
        # official named after the verb may be a witness
        sides = unique_ids(body for e in _officials_after(doc, clause, verb.end()) if (body := _body_signed_for(e)))
    else:
        return []
    return sides if len(sides) >= MIN_PARTIES and any(s.endswith(LOCAL_BODY_SUFFIXES) for s in sides) else []


def _signing_officials(doc: Document, clause: Clause) -> list[str]:
    """The sides of the officials a sentence's subject names as the ones who signed, where it
    names no state ("Міністр оборони Рустем Умєров та його латвійський колега Андріс Спрудс
    підписали меморандум"): each official's affiliation."""
    verb = SUBJECT_SIGNING["uk"].search(clause.text)
    if verb is None:
        return []
    start, end = clause.start, clause.start + verb.start()
    if COLLECTIVE_SUBJECT.fullmatch(clause.text, 0, verb.start()):
        # "Сторони підписали меморандум" after "Сибіга зустрівся зі своїм литовським візаві …":
        # the sides are the officials of the sentence before
        k = doc.clauses.index(clause)
        if k == 0:
            return []
        start = doc.clauses[k - 1].start
    elif INSTRUMENT_NOUN_UK.match(clause.text.lstrip()):
        # "Меморандум … підписали голова Ніжинської міської ради Олег Коваль та мер міста Сянок …":
        # the instrument first, its signatories after the verb, each for the body its title heads
        officials = _officials_after(doc, clause, verb.end())
        bodies = [_body_signed_for(e) for e in officials]
        if not any(bodies):
            return []  # officials of states only: the states' evidence is read elsewhere
        return unique_ids(side for body, e in zip(bodies, officials) if (side := body or e.affiliation))
    # each for the body a mayor's title heads where it heads one ("мер Генуї": the city), else
    # for the side the official acts for
    return unique_ids(
        side
        for e in sorted(doc.entities, key=lambda e: e.start)
        if e.label == "OFFICIAL" and start <= e.start and e.end <= end and (side := _mayors_city(e) or e.affiliation)
    )


def _officials_after(doc: Document, clause: Clause, offset: int) -> list[Entity]:
    """The officials a clause names after ``offset`` (in the clause's text), in text order."""
    return sorted(
        (e for e in doc.entities if e.label == "OFFICIAL" and clause.start + offset <= e.start < clause.end),
        key=lambda e: e.start,
    )


# a foreign city's head and the city after the title ("мер міста Сянок", "бургомістр Тарнува", a
# Polish city's "президент Вроцлава")
FOREIGN_CITY_HEAD_UK = re.compile(
    r"(?<!\w)(?:мер\w*|бур(?:го)?містр\w*|приматор\w*|примар\w*|алькальд\w*|(?P<president>президент\w*))\s+"
    r"(?P<city_word>міста\s+|м\.\s*)?(?P<city>(?-i:[А-ЯЄІЇҐ])[\w'’ʼ-]+)$",
    _I,
)


def _local_body_named(text: str) -> Optional[str]:
    """The local body a title or a phrase names: by the id table, or coined for a city's council
    the table does not know ("Ніжинської міської ради" → NIZHYNCC)."""
    return local_body_of(text) or council_named_id(text)


def _mayors_city(official: Entity) -> Optional[str]:
    """The city a mayor's title names: a Ukrainian city's council, a foreign city itself."""
    head = FOREIGN_CITY_HEAD_UK.search(official.role or "")
    if head is None:
        return None
    city = tokens_of(head.group("city"))[0]
    if head.group("president") and not presided_city(city):
        return None  # "президент Франції", "президент Асоціації": a state's or a body's, not a city's
    named = city_named(city)
    # after "міста" the name keeps the nominative ("мер міста Сянок"); alone it is inflected ("мер Тарнова")
    return f"{named}CC" if named else foreign_city_id(head.group("city"), inflected=not head.group("city_word"))


def _body_signed_for(official: Entity) -> Optional[str]:
    """The body an official signs for, where the title heads one: a Ukrainian city's council
    or an oblast's administration, or a foreign city its mayor heads (the city itself, with a
    coined id)."""
    role = official.role or ""
    local = official.affiliation if (official.affiliation or "").endswith(LOCAL_BODY_SUFFIXES) else None
    return _local_body_named(role) or _mayors_city(official) or local  # "голова ОДА" of the text's oblast


# a subject that names the sides only as such ("Сторони", "Міністри", "Обидва лідери")
COLLECTIVE_SUBJECT = re.compile(
    r"\s*(?:(?:обидва|обидві|обоє|двоє)\s+)?(?:сторони|міністри|лідери|президенти|прем['’ʼ]єри|посадовці)\s*", _I
)
# a signing told as background, not as one of the report's events
BACKGROUND_UK = re.compile(
    r"(?<!\w)(?:нагадаємо|нагадуємо|(?:варто|слід|треба)\s+нагадати|раніше|відтоді|минулого\s+року|торік|ще\s+(?:у|в)"
    r"|(?:у|в)\s+\d{4}\s+(?:році|р\.)"
    # "кілька днів тому", "два тижні тому", "рік тому": an event before the report's
    r"|(?:день|дні|днів|тиждень|тижні|тижнів|місяць|місяці|місяців|рік|роки|років)\s+тому)(?!\w)",
    _I,
)
# a paragraph that opens as background ("Нагадаємо, …", "Довідка.") is background to its end
BACKGROUND_PARAGRAPH_UK = re.compile(r"\s*(?:нагадаємо|нагадуємо|(?:варто|слід|треба)\s+нагадати|довідка)(?!\w)", _I)


def _background(doc: Document, clause: Clause) -> bool:
    """Does a report's sentence tell background, by its own words or its paragraph's opening?"""
    paragraph_start = doc.text.rfind("\n\n", 0, clause.start) + 1
    return bool(BACKGROUND_UK.search(clause.text) or BACKGROUND_PARAGRAPH_UK.match(doc.text, paragraph_start))


# a signing reported as done ("підписали", "уклала", "скріпили підписами"), not planned
SIGNED_UK = re.compile(r"(?<!\w)(?:підписал\w*|підписав|уклал\w*|уклав|скріпил\w*)(?!\w)", _I)


def further_signings(doc: Document, mentions: MentionIndex, ids: list[str]) -> list[str]:
    """A Ukrainian report on a visit often goes on to further documents signed the same day by
    other pairs ("Того ж дня … підписали меморандум між Одеською ОВА та Повітовою радою
    Тулчі", "Укрексімбанк і Японський банк міжнародного співробітництва (JBIC) уклали кредитну
    угоду"): the parties of each, where a sentence after the opening names its signatories
    as bodies (a formula, a subject, a partner signed with) and tells no background."""
    if not ukrainian_report(doc):
        return []
    found: list[str] = []
    for clause in after_news_opening(doc):
        if not SIGNED_UK.search(clause.text) or _background(doc, clause):
            continue
        named = (
            between_formula(doc, clause, mentions)
            or signed_with(doc, clause, mentions)
            or signing_subject(doc, clause, mentions, known_too=True)
            or _organisation_signed_with(doc, clause, mentions)
            or _officials_bodies_signed(doc, clause, mentions)
            or _officials_sides_signed(doc, clause)
        )
        found += [sid for sid in named if sid not in ids]
    return unique_ids(found)


def _officials_bodies_signed(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """The sides of a signing whose subject names officials, one of them by a title that names
    a company in Latin letters ("Міністр … Олександр Кравчук і генеральний директор компанії
    Baykar Селім Озтюрк уклали меморандум"): the company, and the other officials' sides."""
    verb = SUBJECT_SIGNING["uk"].search(clause.text)
    if verb is None:
        return []
    bodies: list[str] = []
    coined: list[CoinedParty] = []
    # a company named in an official's title ("генеральний директор компанії Baykar")
    for company in LATIN_AFTER_KIND.finditer(doc.text, clause.start, clause.start + verb.start()):
        ids, new = parties_named(
            doc.text, company.start(), company.end(), "uk", lambda *_: [], "gent", bodies_only=True
        )
        bodies, coined = bodies + ids, coined + new
    sides = _signing_officials(doc, clause)
    if not coined or len(unique_ids(bodies + sides)) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return unique_ids(sides + bodies)


def _officials_sides_signed(doc: Document, clause: Clause) -> list[str]:
    """The sides of a further signing whose subject names officials alone ("На полях саміту
    Міністр оборони … та його норвезький колега … підписали окремий меморандум"): two or more."""
    sides = _signing_officials(doc, clause)
    return sides if len(sides) >= MIN_PARTIES else []


def _organisation_signed_with(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """The known organisation a sentence says was signed with ("… підписали з Європейським
    інвестиційним банком фінансову угоду"): the name right after "з"."""
    m = SIGNED_WITH_UK.search(clause.text)
    if m is None:
        return []
    partner = mentions.between(clause.start + m.end(), clause.end)
    return [partner[0][2]] if partner and partner[0][0] == clause.start + m.end() and partner[0][3] == "org" else []


def from_signing_sides(doc: Document, mentions: MentionIndex) -> list[str]:
    """In a Ukrainian report, the first sentence whose subject signs as sides named by their
    adjectives: it says who signed, whatever states the background before it names."""
    if not ukrainian_report(doc):
        return []
    for clause in doc.clauses:
        sides = _signing_sides(doc, clause) or _sides_listed_after_signing(doc, clause, mentions)
        if sides:
            return sides
    return []


# "підписали: від Одеської міської ради — міський голова …; від муніципалітету Марселя — мер …"
LIST_COLON = re.compile(r"\s*:")
SIDE_BEFORE_DASH_UK = re.compile(r"(?:^|[:;,]\s*)(?:[вВ]ід|[зЗ]\s+боку)\s+(?P<side>[^—–:;\n]{2,90}?)\s+[—–-]\s")


def _sides_listed_after_signing(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """The sides a signing sentence lists after its verb, each after "від"/"з боку" and before the
    dash that gives its signatory ("Меморандум підписали: від X — …; від Y — …"): the known body or
    state each names, or an id coined for it; two or more."""
    verb = SIGNING_UK.search(clause.text)
    colon = LIST_COLON.match(clause.text, verb.end()) if verb else None
    if colon is None:
        return []  # a list the verb introduces; "Від України документ підписав …, від Молдови – …" is read elsewhere
    ids: list[str] = []
    coined = []
    for m in SIDE_BEFORE_DASH_UK.finditer(doc.text, clause.start + colon.start(), clause.end):
        start, end = m.span("side")
        known = [sid for _, _, sid, _ in mentions.between(start, end)]
        if known:
            ids.append(known[0])
            continue
        named, new = parties_named(doc.text, start, end, "uk", mentions.named_in, "gent", True)
        ids += named[:1]
        coined += new[:1]
    ids = unique_ids(ids)
    if len(ids) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return ids


def _signing_sides(doc: Document, clause: Clause) -> list[str]:
    """The states a Ukrainian sentence's subject names by their adjectives before a side noun
    ("українська й турецька делегації підписали меморандум", "польська, литовська та українська
    сторони уклали …"): two or more."""

    verb = SUBJECT_SIGNING["uk"].search(clause.text)
    if verb is None:
        return []
    toks = tokens_of(doc.text, clause.start, clause.start + verb.start())
    if not toks or not lemmas(toks[-1].lower) & TALKS_SIDE_NOUNS:
        return []
    states: list[str] = []
    for tok in reversed(toks[:-1]):
        if tok.lower in SIDE_LIST_JOINS:
            continue
        state = demonym_id(tok)
        if state is None:
            break
        states.insert(0, state)
    return unique_ids(states) if len(set(states)) >= MIN_PARTIES else []


# what may join the adjectives of a list of sides ("українська, литовська й польська"; commas are no tokens)
SIDE_LIST_JOINS = frozenset({"та", "і", "й"})


def signing_subject(doc: Document, clause: Clause, mentions: MentionIndex, known_too: bool = False) -> list[str]:
    """The bodies a Ukrainian or English sentence names as the subject of a joint signing, coining an
    id for each that no table knows ("Львівська міська рада та Мерія Батумі підписали
    меморандум", "Україна, Королівство Норвегія та Північна екологічна фінансова
    корпорація (NEFCO) підписали угоду"); none unless one is coined, or, with ``known_too``
    (a further signing, after the opening), unless two are named. The subject begins after a
    report's dateline ("Батумі, 3 липня 2026 р. — …")."""
    lang = doc.lang or "en"
    verb = SUBJECT_SIGNING[lang].search(clause.text) if lang in SUBJECT_SIGNING else None
    if verb is None:
        return []
    subject_start = subject_start_at(clause, verb.start())
    start, end = clause.start + subject_start, clause.start + verb.start()
    ids, coined = parties_named(doc.text, start, end, lang, mentions.named_in, "nomn", True)
    if (coined or known_too) and len(ids) < MIN_PARTIES:
        before = _name_before_the_list(doc, start, end, mentions) or _kind_before_the_list(doc, start, end, mentions)
        ids = before + ids
    if not (coined or known_too) or len(ids) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return ids


def _name_before_the_list(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The known name that ends a subject's first piece, after a date or a place ("12 червня в
    ратуші Оломоуця | Хмельницька міська рада | та …"): the one that stands right before the
    conjunction."""
    pieces = named_conjuncts(doc.text, start, end)
    if len(pieces) < 2:
        return []
    a, b = pieces[0]
    b = a + len(doc.text[a:b].rstrip())
    return [sid for _, e, sid, _ in mentions.between(a, b) if e == b][-1:]


# a known body referred to by its kind alone ("Того ж дня банк і Миколаївська міська рада уклали …")
KIND_ANAPHOR_UK = re.compile(r"(?<!\w)(банк|фонд|агентство|корпорація|організація)\s*$", _I)


def _kind_before_the_list(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The organisation a subject's first piece names by its kind alone ("банк і Миколаївська
    міська рада"): the one organisation named before with that word in its name (the report's
    "Європейський інвестиційний банк"), where there is one."""
    pieces = named_conjuncts(doc.text, start, end)
    kind = KIND_ANAPHOR_UK.search(doc.text, pieces[0][0], pieces[0][1]) if len(pieces) > 1 else None
    if kind is None:
        return []
    stem = kind.group(1).lower()[:4]
    named = {sid for s, e, sid, k in mentions.between(0, start) if k == "org" and stem in doc.text[s:e].lower()}
    return list(named) if len(named) == 1 else []
