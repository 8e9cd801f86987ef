"""Which of the states and organisations a document names are its parties.

Evidence is read in the order a treaty analyst would trust it, and the first source
that names at least two parties decides:

1. the preamble's definition ("Ukraine and the Republic of Albania (hereinafter
   referred to as “the Participants”)");
2. an opening list of names ("The Republic of Finland and the Republic of Estonia,",
   "Turkey and Estonia establish a free trade area");
3. the title ("AGREEMENT BETWEEN THE REPUBLIC OF INDIA AND THE REPUBLIC OF SINGAPORE");
4. an operative formula ("We, the Minister of Defence of A, … of B … declare");
5. the signature blocks ("For the Republic of Albania:");
6. in news, the headline or first sentence about an instrument ("Косово, Албанія та
   Хорватія підписали тристоронню декларацію");
7. "between X and Y" phrases anywhere in the text;
8. failing all these, the states the text names most often.

States named inside an institution ("For the Ministry of Defence of the Republic of
Albania") count as evidence: the ministry acts for the state. Where the definition or
the title joins a name that holds no known state or organisation ("між … та Північним
інвестиційним банком"), that party gets a coined id (coined.py).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Optional

from ..records import Clause, Document, Entity
from ..segment import PREAMBULAR
from ..stages import Stage
from .coined import (
    BETWEEN,
    LATIN_AFTER_KIND,
    LATIN_SHORT_NAME,
    NAME_BREAK,
    OPENING_QUOTES,
    CoinedParty,
    city_party,
    coin_id,
    is_name,
    named_conjuncts,
    parties_named,
)
from .columns import column_signatures
from .gazetteer import (
    ABBREVIATION,
    gazetteer,
    groupings_of_states,
    institution_owners,
    is_cyrillic,
    load_json,
    never_parties,
    represented_by,
    state_ids,
)
from .home_organs import home_organ_mentions
from .latin_names import add_latin_originals
from .officials import ROLE, SIGNATURE_FOR, starts_with_for
from .recognizer import CYRILLIC, TITLE_WINDOW, surname_of
from .uk.bodies import bare_body_mentions, body_id, city_named, foreign_city_bodies, local_body_ids
from .uk.gazetteer import demonym_id, ukrainian_gazetteer
from .uk.short_forms import (
    DEFINED_IN_TRANSLATION,
    DEFINED_WORD,
    defined_latin_short_form,
    defined_short_form,
    described_short_form,
    head_noun,
    head_noun_mentions,
    initials_mentions,
    name_occurrences,
    short_form_mentions,
)
from .uk.sides import TALKS_SIDE_NOUNS, side_state
from .uk.titles import FOREIGN_LOCAL_TITLE, LOCATIVE_PREPOSITIONS, REMIT_BEFORE, ROLE_HEADS, ROLE_MODIFIERS
from .uk.tokens import grammemes, lemmas, title_lemmas, tokens_of

OPENING_CLAUSES = 40
OPENING_SHARE = 0.3  # the opening is also bounded by a share of the text
TITLE_MAX_CHARS = 250
DEFINITION_LOOKAHEAD = 160
MIN_PARTIES = 2
PARTY_LIST_CLAUSES = 3

_I = re.IGNORECASE
# A body named for its state that does not act for it (a church, an association, a union, a
# university of a country: "Асоціація міст України" is no organ of Ukraine)
NOT_FOR_ITS_STATE = re.compile(
    # a central bank or a chamber of commerce signs in its own name ("Національний банк
    # Молдови", "Торгово-промислова палата Грузії"), not for its state
    r"церкв|асоціаці|спілк|союз|товариств|парті[яїюі]|федераці|університет|банк|торгово-промислов|"
    r"\b(?:Church|Iglesia|Église|Association|Asociación|Federation|Federación|Fédération|University|Universidad|"
    r"Université)\b",
    _I,
)
DEFINITION_CUE = re.compile(
    r"hereinafter|herein\s*after|referred\s+to\s+as|denominad[oa]s|en\s+lo\s+sucesivo|en\s+adelante|ci-après|"
    r"dénommé|(?:далі|надалі)(?:\s+(?:разом|спільно))?\s*[-–—]|іменован|[(“\"‘'«]\s*(?:the\s+|las\s+|les\s+)?(?:Contracting\s+)?"
    r"(?:Parties|Participants|Sides|Partes)\b",
    _I,
)
PARTY_WORD = re.compile(
    r"Part(?:y|ies)|Participants?|Sides?|Signator(?:y|ies)|Partes|Parties|Сторон|Учасник|"
    # "… and the Swiss Confederation (hereinafter referred to as the “Member States”)": the
    # members of the organisation the instrument sets up are its parties
    r"Member\s+States|Contracting\s+States|Estados\s+(?:Miembros|Contratantes)|[ÉE]tats\s+membres|"
    r"держав[иа]?-член",
    _I,
)
# Words that may sit between the names of an opening list of parties.
LIST_FILLER = re.compile(
    r"^(?:[\s,;:.()\[\]*“”\"'‘’«»—–-]|\d+\.|\b(?:the|and|of|on|one|other|part|hand|between|government|governments|"
    r"preamble|article|y|e|et|el|la|los|las|le|les|de|del|des|du|d|gobierno|gobiernos|gouvernement|gouvernements|"
    r"rep[úu]blicas?|r[ée]publiques?|por|una|otra|parte|entre|pr[ée][áa]mbulo|pr[ée]ambule|уряд|уряди|та|і|й|між|"
    r"hereinafter|hereafter|called|referred|to|as|in|this|agreement|denominad[oa]s|en|lo|sucesivo|adelante|ci|après|"
    r"dénommée?s?|далі|sides?|partes|parties|participants)\b)+$",
    _I,
)
TITLE_LINK = re.compile(r"\b(?:between|entre|між|BETWEEN|ENTRE|МІЖ)\b|\s[-–/]\s|[A-Za-z]/[A-Z]")
OPERATIVE_FORMULA = re.compile(r"^\W*(?:We|WE|Ми|Nosotros|Nous),?\s+(?:the|THE|los|les|[A-ZА-ЯІЇЄ])")
INSTRUMENT_CUE = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|agreement|accord|deal|treaty|declaration|memorandum|pact|approved|ratif\w+|"
    r"concluded)\b|підписа\w*|угод\w*|деклараці\w*|меморанд\w*|договор\w*|договір|ратифік\w*|пакт\w*"
    r"|спільн\w*\s+заяв\w*|комюніке",
    _I,
)
NEWS_OPENING = 3
SIDES_OPENING = 3  # clauses after the opening in which a report still names the sides of its talks
MEMBERS_OF_UK = re.compile(r"(?<!\w)член\w*\s+$", _I)
# The heading of a Ukrainian unilateral act, naming its issuer.
UNILATERAL_ACT = re.compile(
    r"^\W*(?:(?:УКАЗ|РОЗПОРЯДЖЕННЯ|ПОСТАНОВА|НАКАЗ|Указ|Розпорядження|Постанова|Наказ)\s+"
    r"(?:ПРЕЗИДЕНТА|КАБІНЕТУ\s+МІНІСТРІВ|ВЕРХОВНОЇ\s+РАДИ|Президента|Кабінету\s+Міністрів|Верховної\s+Ради)\s"
    r"|ЗАКОН\s+УКРАЇНИ\W*$)"  # a law's head, the line alone ("ЗАКОН УКРАЇНИ" / "Про ратифікацію …")
)
# A title-block line that names the kind of a Ukrainian act: the word alone, or with its
# date or number (a news headline about an act has neither right after the word).
_ACT_KINDS = ("УКАЗ", "РОЗПОРЯДЖЕННЯ", "ПОСТАНОВА", "НАКАЗ", "РІШЕННЯ")
ACT_KIND_LINE = re.compile(
    # the word alone, also letter-spaced as blanks print it ("Р І Ш Е Н Н Я")
    r"^\W*(?:(?:" + "|".join(r"[ \t]?".join(kind) for kind in _ACT_KINDS) + r")\W*$"
    r"|(?:Указ|Розпорядження|Постанова|Наказ|Рішення|УКАЗ|РОЗПОРЯДЖЕННЯ|ПОСТАНОВА|НАКАЗ|РІШЕННЯ)\b"
    r"[ \t]*\n?[^.\n]{0,60}?(?:\bвід\s+\d|№))"
)
# The title of a statement, the word first; its author follows ("Заява МЗС України щодо …")
STATEMENT_TITLE = re.compile(
    r"^\W*(?P<joint>(?:Спільна|СПІЛЬНА|Спільне|СПІЛЬНЕ|Joint|JOINT)\s+)?"
    r"(?:Заява|ЗАЯВА|Звернення|ЗВЕРНЕННЯ|Декларація|ДЕКЛАРАЦІЯ|Statement|STATEMENT|(?<=\s)(?:заява|звернення|statement))"
    r"(?:\s+(?:by|of|from|BY|OF|FROM))?(?!\w)"
)
STATEMENT_TITLE_CLAUSES = 3
MINISTRY_UK = re.compile(r"(?<!\w)Міністерств\w*")
# Where the author's name ends and the statement's subject begins
AUTHOR_END = re.compile(
    r"(?<!\w)(?:щодо|з\s+приводу|про|у\s+зв['’ʼ]язку|стосовно|до|за\s+підсумками|з\s+нагоди|on|regarding|concerning|"
    r"about|following|at)(?!\w)|\n",
    _I,
)
LOCAL_BODY_SUFFIXES = ("CC", "ODA", "OC")  # ukrainian.BODY_FORMS' coined ids
ACT_TITLE_BLOCK = 8  # clauses of an act's title block (issuer, kind, date, number, place, subject)
ACT_ISSUER_WINDOW = 1500  # characters after the title block in which the issuing state is named
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


def _subject_start(clause: Clause, verb_start: int) -> int:
    """Where a sentence's subject begins before its verb (offsets in the clause's text): after a
    dateline's dash, a colon or an opening date and place (``SUBJECT_OPENING``)."""
    return max((m.end() for m in SUBJECT_OPENING.finditer(clause.text, 0, verb_start)), default=0)


# Ukrainian talks ("переговори", "консультації", "зустріч") report their participants as the parties
# of what the talks produce.
TALKS_UK = re.compile(
    r"(?<!\w)(?:переговор\w*|перемовин\w*|консультаці\w*|зустріч(?:і|ей|ам|ами|ах|чю)?(?!\w)|саміт\w*|домови(?:л|в)\w*"
    # a call between leaders, not an interview ("у розмові з журналістами"); the noun
    # "зустріч" only: "шанувальники зустрічають свято" greet a feast, nobody meets
    r"|домовленост\w*|телефонн\w+\s+розмов\w*|(?:досяг\w*|дійш\w*)\s+згоди)",
    _I,
)
TREATY_STRUCTURE = re.compile(
    r"\b(?:Article|ARTICLE|Artículo|Стаття)\s+\d|\b(?:the\s+)?(?:Contracting\s+)?Parties\b"
    r"|\bParticipants\b|\blas\s+Partes\b|Сторони"
)
TREATY_STRUCTURE_MIN = 3
# The subject of a multilateral code or declaration that names no state: "Держави - учасниці
# Наради з питань безпеки і співробітництва в Європі (НБСЄ), … ухвалили …" (the organisation
# stands for its members: annotations/NOTES.md, texts of the Verkhovna Rada portal).
MEMBER_STATES_UK = re.compile(r"(?:Держави|Країни)\s*-?\s*(?:учасниці|члени)\s", _I)
# "between [the Government of] X and [the Government of] Y"
BETWEEN_BEFORE = re.compile(
    r"(?:between|entre|між)\s+(?:(?:the|el|la|le|los)\s+)?"
    r"(?:(?:Government|Gobierno|Gouvernement)\s+(?:of|de|du|de\s+la)\s+(?:the\s+|la\s+|el\s+)?)?$",
    _I,
)
BETWEEN_AND = re.compile(
    r"^\s+(?:and|y|et|та|і)\s+(?:(?:the|el|la|le|los)\s+)?"
    r"(?:(?:Government|Gobierno|Gouvernement)\s+(?:of|de|du|de\s+la)\s+(?:the\s+|la\s+|el\s+)?)?$",
    _I,
)
FREQUENT_SHARE = 0.5
# The formula of a bilateral instrument with a bloc on one side ("the Community and its
# Member States, of the one part, and Albania, of the other part").
ONE_PART = re.compile(
    r"\b(?:of|on)\s+the\s+one\s+part\b|\bde\s+una\s+parte\b|\bd['’]une\s+part\b|з\s+однієї\s+сторони", _I
)
OTHER_PART = re.compile(
    r"\b(?:of|on)\s+the\s+other\s+part\b|\bde\s+(?:la\s+)?otra\s+parte\b|\bd['’]autre\s+part\b"
    r"|з\s+(?:іншої|другої)\s+сторони",
    _I,
)
# Where the first side begins: the instrument's "between", or the end of the sentence before
# (not a blank line: a preamble may set every name apart with blank lines).
PART_OPENING = re.compile(r"\bbetween\b|\bentre\b|\bміж\b|[.;:](?=\s)", _I)
PART_SPAN = 400
# Only the opening: later in the text the formula cites other agreements.
PARTS_OPENING_CHARS = 5000
# The first side of the formula names a bloc "and its Member States", whom a preamble's list
# of parties names one by one.
MEMBER_STATES = re.compile(r"Member\s+States|Estados\s+miembros|[ÉE]tats\s+membres|держав\w*-член\w*", _I)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A preamble's recital, whose formula cites another instrument.
RECITAL_OPENING = re.compile(rf"\s*(?:{PREAMBULAR}|Whereas|Having)\b", _I)
# What follows a body's name where the text cites one of its acts, not the body itself
CITED_ACT = re.compile(r"\s*(?:[Rr]esolution|[Rr]esoluci[oó]n|[Rr][ée]solution|[Рр]езолюці)")
# the same in a Ukrainian genitive: the body whose judgments or resolutions a text cites
# ("щодо виконання рішень ЄСПЛ", "відповідно до резолюції Генасамблеї ООН") is no party
# (the nouns only: "Заяву ухвалили Литва, Латвія …" names its authors)
CITED_ACT_BEFORE = re.compile(
    r"(?<!\w)(?:рішенн\w*|рішень|резолюці\w*|ухвали|ухвал|постанови|постанов|вироку|вироків)\s+$", _I
)
CITED_REACH = 24  # characters before a name in which its cited act is looked for
# Evidence that lists the parties one by one, to which the formula may add the bloc and the other side.
LISTING_SOURCES = ("definition", "named-list", "party-list")
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
# What makes a Ukrainian report one about an instrument or an undertaking, beside
# INSTRUMENT_CUE and TALKS_UK (working "у співпраці з" someone is no instrument). A report
# with none of them reports no instrument, so it has no parties (guide §5), however often
# it names two states.
REPORT_INSTRUMENT_UK = re.compile(
    r"(?<!\w)(?:програм\w*|уклал\w*|уклав|укладен\w*|заяв[аиуіо]\w*|зобов\w*|протокол\w*|конвенці\w*|план\w*\s+дій|харті\w*"
    r"|обмін\w*\s+нотами)",
    _I,
)
REPORT_CUES_UK = (INSTRUMENT_CUE, TALKS_UK, REPORT_INSTRUMENT_UK)
SIGNATURE_HEADER_MAX = 160


# a private company's legal form in a title ("директор ТзОВ «Струмок»", "керівника ТОВ «…»")
PRIVATE_COMPANY = re.compile(r"(?<!\w)(?:ТОВ|ТзОВ|ПрАТ|ПП|приватн\w+\s+підприєм\w*)(?!\w)")
# a company by that word ("директор компанії Dragon Capital"), unless the state's ("Національної
# акціонерної компанії «Нафтогаз України»")
COMPANY = re.compile(r"(?<!\w)(?:інвест)?компані\w*", _I)
STATE_COMPANY = re.compile(r"(?<!\w)(?:державн|національн)\w*\s+(?:акціонерн\w*\s+)?компані", _I)


def _private_company_staff(doc: Document, parties: list[str]) -> None:
    """A private company's staff act for no state (annotations/NOTES.md, third session of
    2026-12-06): they are officials only where the text names their company as a party, or where
    an act appoints them to a state body ("генеральний директор ТОВ … (за згодою)", U4)."""
    # a title that names its company only by the word ("генеральний директор компанії") may be the
    # signatory of a company the text makes a party without the title naming it
    company_party = any(not _is_state_id(p) for p in parties)

    def private_staff(e: Entity) -> bool:
        if e.label != "OFFICIAL" or e.source == "decree-list" or e.affiliation in parties:
            return False
        role = e.role or ""
        if PRIVATE_COMPANY.search(role):
            return True
        if not COMPANY.search(role) or STATE_COMPANY.search(role):
            return False
        return not (company_party and e.affiliation is None)

    doc.entities = [e for e in doc.entities if not private_staff(e)]


class PartyResolver(Stage):
    """Stage: ``Document.parties`` (sorted ids) and PARTY labels on their mentions; the
    officials of a state's own act, where nothing else gives their affiliation, are that
    state's."""

    name = "parties"
    requires = frozenset({"entities", "clauses"})
    provides = frozenset({"parties"})

    @property
    def version(self) -> str:
        return "party-evidence-131"

    def process(self, doc: Document) -> Document:
        mentions = _MentionIndex(doc)
        parties, source = find_parties(doc, mentions)
        parties = _hromada_as_its_council(parties, mentions)
        doc.parties = sorted(parties)
        doc.meta["parties_source"] = source
        _add_coined(doc, [c for c in mentions.coined if c.id in parties])
        for body in [p for p in parties if p.endswith(LOCAL_BODY_SUFFIXES)]:
            _add_bare_body_mentions(doc, body)  # "облдержадміністрації": the party administration
        institutions = _institutions_for(doc, parties)  # one lookup for the three rules that ask
        # before the local titles: "За Місто Тарту / Мер / …"
        _signatories_of_header_parties(doc, parties, institutions)
        _officials_of_the_local_party(doc, parties)
        _head_signing_the_bodys_act(doc, parties, source)
        for ent in doc.entities:
            if ent.label in ("STATE", "ORG", "PARTY") and ent.id:
                ent.label = "PARTY" if ent.id in parties else ("ORG" if _is_org(ent) else "STATE")
            elif (
                ent.label == "OFFICIAL"
                and ent.affiliation is None
                and source == "issuer"
                and len(parties) == 1
                and not (BY_CONSENT.search(ent.role or "") and not _is_state_id(parties[0]))
                and not FOREIGN_LOCAL_TITLE.search(ent.role or "")
            ):
                # a state's own act names its officials ("Заступник Голови В. М. Сисюк"); a member
                # "(за згодою)" of a local body's act is named from outside that body, and a
                # foreign city's mayor ("на запрошення мера міста Кошице") is its guest
                ent.affiliation = parties[0]
        _officials_of_party_bodies(doc, [p for p in parties if not _is_state_id(p)])
        _officials_acting_for(doc, parties, institutions)
        _officials_by_side(doc, parties, institutions)
        _add_head_noun_mentions(doc, [p for p in parties if not _is_state_id(p)])
        column_signatures(doc)  # last: read down its columns, a block undoes what reading across gave
        _private_company_staff(doc, parties)
        add_latin_originals(doc)  # after every rule that places an official: it copies theirs
        return doc


# The head of a city, before the city's name in the genitive ("міський голова Рівного", "мер
# міста Кутаїсі", "бургомістр Філлаха", "президент Хелма": a Polish city's mayor)
CITY_HEAD = re.compile(
    r"(?:\b(?i:міськ\w*\s+голов\w*|мер\w*|бургомістр\w*|президент\w*|приматор\w*|примар\w*|mayor|alcalde\w*|maire)"
    r"\s+(?i:міста\s+|of\s+|de\s+)?)(?P<city>[A-ZА-ЯЄІЇҐ][\w'’ʼ-]+)$"
)
OFFICE_SEAT = frozenset({"в", "у", "при", "до", "in", "to", "at", "en", "ante", "auprès"})
# the head of a town's, a settlement's or a village's council by its place's adjective
COUNCIL_HEAD = re.compile(
    r"(?P<place>[А-ЯЄІЇҐ][\w'’ʼ-]+?)(?:ськ|цьк|зьк)\w*\s+(?i:міськ|селищн|сільськ)\w*\s+голов\w*\s*$"
)


def _council_headed(title: str, named: list[Entity]) -> Optional[str]:
    """The party council the title before a name heads ("Бородянський селищний голова" → the
    party "Бородянська селищна рада"), or None."""
    head = COUNCIL_HEAD.search(title)
    if head is None:
        return None
    place = head.group("place")
    return next((e.id for e in named if e.text.startswith(place) and re.search(r"\bрад", e.text, re.IGNORECASE)), None)


TITLE_BREAK = re.compile(r"[.!?;:,«»()—–]|\n\s*\n")  # a title may stand on the line over the name


def _officials_of_party_bodies(doc: Document, bodies: list[str]) -> None:
    """An official whose title names a party that is not a state acts for it, not for the
    state the title may also name ("Президент Асоціації міст України" → the association,
    "директорка KRDA", "ректор … університету"), and the head of a party city acts for it
    ("міський голова Рівного" → RIVNECC, "бургомістр Філлаха Маркус Штайнер" → the city, the
    city's name no part of the person's)."""

    if not bodies:
        return
    named = [e for e in doc.entities if e.label == "PARTY" and e.id in bodies]
    placed: dict[str, Entity] = {}
    previous_end = 0
    for official in doc.entities:
        if official.label != "OFFICIAL":
            continue
        start = max(previous_end, official.start - TITLE_WINDOW)
        previous_end = official.end
        # a company's quoted name ends a title ("голова правління «Укренерго» Олексій …"): its
        # quotation marks are no break
        quoted = re.search(r"«[^«»\n]{1,60}»\s*$", doc.text[start : official.start])
        end = start + quoted.start() if quoted else official.start
        breaks = [m.end() for m in TITLE_BREAK.finditer(doc.text, start, end)]
        title_start = breaks[-1] if breaks else start
        title = doc.text[title_start : official.start]
        if official.affiliation in bodies:
            continue
        first, _, rest = official.text.partition(" ")
        if len(rest.split()) >= 2 and CITY_HEAD.search(title.rstrip() + " " + first) and city_party(first, bodies):
            _drop_first_word(official, first)  # "бургомістр Філлаха" / "Маркус Штайнер"
            title = doc.text[title_start : official.start]
        head = CITY_HEAD.search(title.rstrip())
        body = city_party(head.group("city"), bodies) if head else None
        if body is None:  # "Бородянський селищний голова" heads the party "Бородянська селищна рада"
            body = _council_headed(title, named)
        if body is None and official.role:  # the body named last in the title, just before the name
            inside = [e for e in named if title_start <= e.start and e.end <= official.start]
            if inside and not doc.text[inside[-1].end : official.start].strip(" \t»"):
                before = doc.text[title_start : inside[-1].start].split()
                # "послом України в НАТО Вадимом Пристайком": where the office sits, not whose;
                # "уповноважена у справах Європейського суду …": her remit
                remit = REMIT_BEFORE.search(doc.text, title_start, inside[-1].start)
                body = None if before and before[-1].lower() in OFFICE_SEAT or remit else inside[-1].id
        if body is not None and (official.affiliation is None or _is_state_id(official.affiliation)):
            official.affiliation = body
            placed[surname_of(official)] = official
    _share_placed(doc, placed)


# The titles of a local body's people, by the suffix of the body's coined id: "міський голова",
# "секретар міської ради" (CC); "голова обласної ради" (OC); "голова обласної державної
# адміністрації", "начальник ОВА" (ODA)
LOCAL_TITLES = (
    ("CC", re.compile(r"\bміськ\w*\s+(?:голов|рад)\w*|\bміськради\b|\bмер\w*", re.IGNORECASE)),
    ("OC", re.compile(r"\bобласн\w*\s+рад\w*|\bоблради\b", re.IGNORECASE)),
    ("ODA", re.compile(r"\bобласн\w*\s+(?:державн\w*\s+|військов\w*\s+)?адміністраці\w*|\b(?:ОДА|ОВА)\b")),
)
# a city named after a local title: "мер | Батумі", "мера | міста Кошице"
PLACE_AFTER_TITLE = re.compile(r"\s+(?:міста\s+|м\.\s*)?[А-ЯІЇЄҐA-Z]")


# a member of a body named from outside the issuer of the act that lists it
BY_CONSENT = re.compile(r"\(за\s+згодою\)")


def _officials_of_the_local_party(doc: Document, parties: list[str]) -> None:
    """A local body's title that names no place ("Документ у Хмельницькому підписали міський
    голова …", "заступник голови обласної ради") is the document's one party of that kind;
    not one that names its city after it ("мер Батумі", "мера міста Кошице")."""
    for suffix, title in LOCAL_TITLES:
        bodies = [p for p in parties if p.endswith(suffix)]
        if len(bodies) != 1:
            continue
        for official in doc.entities:
            if official.label != "OFFICIAL" or official.affiliation is not None:
                continue
            found = title.search(official.role or "")
            if found and not PLACE_AFTER_TITLE.match(official.role or "", found.end()):
                official.affiliation = bodies[0]


# a head's title alone, as a local body's act is signed ("Начальник", "Міський голова")
BARE_HEAD_TITLE = re.compile(
    r"(?:перш\w+\s+)?(?:заступник\w*\s+)?(?:начальник|голова|(?:міськ|селищн|сільськ)\w+\s+голова)\w*", _I
)


def _head_signing_the_bodys_act(doc: Document, parties: list[str], source: str) -> None:
    """A local body's own act ("ЛЬВІВСЬКА ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ / РОЗПОРЯДЖЕННЯ") is
    signed in its last paragraph by its head under a bare title ("Начальник   Максим КОЗАЧЕНКО"):
    the head acts for the body, not for the state."""
    if source != "issuer" or len(parties) != 1 or not parties[0].endswith(LOCAL_BODY_SUFFIXES):
        return
    last = doc.text.rstrip().rfind("\n\n")
    for official in doc.entities:
        if official.label == "OFFICIAL" and official.start > last and BARE_HEAD_TITLE.fullmatch(official.role or ""):
            official.affiliation = parties[0]


def _share_placed(doc: Document, placed: dict[str, Entity]) -> None:
    """The same person's other mentions ("— сказав Маркус Штайнер") act for the party that
    ``placed`` (by surname) gives them, unless they already act for a body."""
    for other in doc.entities:
        placed_mention = placed.get(surname_of(other)) if other.label == "OFFICIAL" else None
        if placed_mention and (other.affiliation is None or _is_state_id(other.affiliation)):
            other.affiliation = placed_mention.affiliation
            name = placed_mention.name
            if other.name and name and other.name != name and other.name.endswith(name):
                other.name, other.role = name, placed_mention.role  # the name that took the city's word


# "… університет радіоелектроніки (далі — ХНУРЕ) в особі ректора Даниленка Олексія …": a
# Ukrainian contract names each party, then the person it acts through
IN_THE_PERSON_OF = re.compile(r"(?<!\w)[вуВУ]\s+особі\s+")
ACTING_REACH = 160  # characters from "в особі" to the name: the title between them
# a sentence's end; not the full stop of an abbreviation ("у м. Київ", "вул. Хрещатик") or of an
# initial ("імені В. Н. Каразіна")
SENTENCE_END = re.compile(r"(?<!\b[а-яєіїґa-zА-ЯЄІЇҐA-Z])(?<!\bвул)(?<!\bобл)(?<!\bбуд)[.!?;](?:\s|$)|\n\s*\n")


# "від ХНУРЕ — проректорку …", "від УГКЦ — голова Патріаршої курії …", "З боку СумДУ документи
# підписав ректор …": the side a title stands for
FROM_SIDE = re.compile(r"(?<!\w)(?:[вВ]ід|(?P<by>[зЗ]\s+боку))\s+$")
SIDE_DASH = re.compile(r"\s*[—–-]\s")


def _sides_named(doc: Document, parties: list[str], institutions: list[Entity]) -> list[Entity]:
    """The mentions of the parties, and the institutions that stand for them."""
    sides = [e for e in doc.entities if e.label == "PARTY" and e.id in parties] + institutions
    return sorted(sides, key=lambda e: (e.start, e.end))


def _institutions_for(doc: Document, parties: list[str]) -> list[Entity]:
    """Each institution that holds a party's name, as a mention of that party ("Міністерством
    освіти, науки та молоді Грузії в особі міністра …", "За Міністерство освіти і науки
    України"): a ministry signs for its state, and guide §5 tags the institution whole, so no
    PARTY mention is left inside it."""
    if (doc.lang or "") != "uk":
        return []  # the rules that ask ("в особі", "від X —", "За …") read Ukrainian
    out = []
    for ent in doc.entities:
        if ent.source != "institution" or NOT_FOR_ITS_STATE.search(ent.text):
            continue
        inside = [sid for _, _, sid, _ in _ids_inside(doc, ent) if sid in parties]
        if inside:
            out.append(Entity(ent.start, ent.end, ent.text, "PARTY", inside[-1], source="institution"))
    return out


def _officials_by_side(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
    """An official after "від X —" in a list of each side's people, or after "з боку X" in the
    same sentence, acts for the party X, and so do that person's other mentions."""
    placed: dict[str, Entity] = {}
    mentions = _sides_named(doc, parties, institutions)
    officials = [e for e in doc.entities if e.label == "OFFICIAL"]
    for mention in mentions:
        side = FROM_SIDE.search(doc.text, max(0, mention.start - 8), mention.start)
        if side is None:
            continue
        dash = SIDE_DASH.match(doc.text, mention.end)
        if dash is None and not side.group("by"):
            continue
        start = dash.end() if dash else mention.end
        after = [o for o in officials if start <= o.start < start + ACTING_REACH]
        if not after or SENTENCE_END.search(doc.text, start, after[0].start):
            continue
        if any(m.start < after[0].start for m in mentions if m.start > mention.end):
            continue  # another party is named between them
        before, after[0].affiliation = after[0].affiliation, mention.id
        placed[surname_of(after[0])] = after[0]
        for other in officials:  # the mentions that took the side given before ("— сказав владика Мельничук")
            if other.affiliation == before and surname_of(other) == surname_of(after[0]):
                other.affiliation = mention.id
    _share_placed(doc, placed)


def _officials_acting_for(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
    """An official named after "в особі" acts for the party the sentence names last before it
    (a "(далі — …)" aside is the same party; "у м. Київ" ends no sentence), whatever state the
    title names."""
    mentions = _sides_named(doc, parties, institutions)
    placed: dict[str, Entity] = {}
    for official in doc.entities:
        if official.label != "OFFICIAL":
            continue
        found = list(IN_THE_PERSON_OF.finditer(doc.text, max(0, official.start - ACTING_REACH), official.start))
        if not found or SENTENCE_END.search(doc.text, found[-1].end(), official.start):
            continue
        ends = [m.end() for m in SENTENCE_END.finditer(doc.text, max(0, found[-1].start() - 1000), found[-1].start())]
        sentence_start = ends[-1] if ends else 0
        before = [e for e in mentions if sentence_start <= e.start and e.end <= found[-1].start()]
        if before:
            official.affiliation = before[-1].id
            placed[surname_of(official)] = official
    _share_placed(doc, placed)


def _add_head_noun_mentions(doc: Document, bodies: list[str]) -> None:
    """In a Ukrainian text, a party body's head noun alone and capitalised ("Банк спрямує …",
    "а Корпорація відповідатиме …", "передаватиме Організації …") is that body, where it is
    the document's one party of that kind (annotations/NOTES.md)."""

    if (doc.lang or "") != "uk":
        return
    heads: dict[str, set[str]] = {}
    for ent in doc.entities:
        if ent.label == "PARTY" and ent.id in bodies and len(ent.text.split()) >= 2:
            if head := head_noun(ent.text):
                heads.setdefault(head, set()).add(ent.id)
    for head, ids in heads.items():
        if len(ids) != 1:
            continue
        body = next(iter(ids))
        for s, e in head_noun_mentions(doc.text, [(c.start, c.end) for c in doc.clauses], head):
            _add_where_free(doc, Entity(s, e, doc.text[s:e], "PARTY", body, source="head-noun"))
    doc.entities.sort(key=lambda x: (x.start, x.end))


def _drop_first_word(official: Entity, word: str) -> None:
    cut = len(word) + 1
    official.start += cut
    official.text = official.text[cut:]
    official.role = f"{official.role} {word}" if official.role else word
    if official.name and len(official.name.split()) > len(official.text.split()):
        official.name = official.name.split(" ", 1)[1]  # the city's word, maybe declined


def _signatories_of_header_parties(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
    """An official in a signature block that nothing else placed acts for the party its
    header names ("Від ОВА" / "Начальник обласної військової адміністрації" / "(підпис)" /
    "Світлана ОНИЩУК"): a coined party, one known only by its defined short form, or a state
    whose ministry the header names ("За Міністерство освіти і науки України")."""
    if (doc.lang or "") != "uk":
        return  # a flattened two-column block ("POR EL GOBIERNO DE … POR EL GOBIERNO DE …") has two headers
    named = [e for e in doc.entities if e.id in parties] + institutions
    for clause in doc.clauses:
        if clause.kind != "signature":
            continue
        header_end = clause.start + (clause.text.find("\n") if "\n" in clause.text else len(clause.text))
        header = {e.id for e in named if clause.start <= e.start < header_end}
        if len(header) != 1:
            continue
        for official in doc.entities:
            if (
                official.label == "OFFICIAL"
                and official.affiliation is None
                and clause.start <= official.start < clause.end
            ):
                official.affiliation = next(iter(header))


def find_parties(doc: Document, mentions: Optional[_MentionIndex] = None) -> tuple[list[str], str]:
    """The party ids and the name of the evidence that gave them; the parties whose ids
    were coined are in ``mentions.coined``."""
    mentions = mentions or _MentionIndex(doc)
    sources: Sequence[tuple[str, Callable[[Document, _MentionIndex], list[str]]]] = (
        ("in-person", _from_in_person_formula),
        ("definition", _from_definition),
        ("named-list", _from_named_list),
        ("signatories", _from_signatories),
        ("party-list", _from_party_list),
        ("title", _from_title),
        ("operative-formula", _from_operative_formula),
        ("parts", _from_parts),
        ("signatures", _from_signatures),
        ("signing-sides", _from_signing_sides),
        ("twinning", _from_twinning),
        ("news-instrument", _from_news_instrument),
        ("signing-sentence", _from_signing_sentence),
        ("between", _from_between),
        ("cities-between", _from_cities_between),
        ("frequency", _from_frequency),
    )
    organ = _from_organ_act_text(doc)
    if organ:
        return organ, "organ-act-text"
    issuer = _from_issuer(doc, mentions)
    if issuer:
        return issuer, "issuer"
    author = _from_statement_author(doc, mentions)
    if author:
        return author, "statement-author"
    members_of = _from_member_states(doc, mentions)
    if members_of:
        return members_of, "member-states"
    submission = _from_submission(doc, mentions)
    if submission is not None:
        return submission, "submission"
    ruling = _from_court_ruling(doc, mentions)
    if ruling is not None:
        return ruling, "court-ruling"
    organisation = _from_organisation_act(doc, mentions)
    if organisation:
        return organisation, "organisation-act"
    if _ukrainian_report(doc):
        # a Ukrainian report: who met or signed, as its opening says, before any list
        first = ("definition", "named-list", "signing-sides", "twinning", "news-instrument")
        sources = sorted(sources, key=lambda source: first.index(source[0]) if source[0] in first else len(first))
    for name, source in sources:
        ids = _as_parties(source(doc, mentions))
        if len(ids) >= MIN_PARTIES:
            wider = _as_parties(_from_agreeing_lead_in(doc, mentions))
            if name not in STRONG_SOURCES and set(ids) < set(wider):
                # a title or the most-named states may be two of three participants ("Foreign
                # Secretary and the foreign ministers of Ukraine and Poland"); the lead-in that
                # says who agreed names all of them
                return wider, "agreeing-lead-in"
            if name in REPORT_SOURCES:
                further = _further_signings(doc, mentions, ids)
                if further:
                    return unique_ids(ids + further), f"{name}+further-signings"
            if name in LISTING_SOURCES:
                sides = _from_parts(doc, mentions, members_only=True)
                if sides and not set(sides) <= set(ids):
                    # "THE KINGDOM OF BELGIUM, …, hereinafter referred to as the Member States":
                    # the list names the member states, the formula the Community and the other side
                    return unique_ids(ids + sides), f"{name}+parts"
            return ids, name
    return [], "none"


# Evidence that names the parties as such: never widened by an opening lead-in.
STRONG_SOURCES = ("issuer", "definition", "named-list", "signatories", "party-list", "signatures")
# Where a text says who its parties are: the authors of a joint statement ("Joint Statement
# from President Biden of the United States and President Macron of France Announcing …")
# or a list that follows the word ("Parties and Signatories to the Agreement: Canada, …").
AUTHORS = re.compile(
    r"\bjoint\s+(?:statement|declaration|communiqu[eé])\s+(?:from|by|of)\s+(?P<names>.+?)"
    r"(?=\s+(?:on|announcing|regarding|concerning|about|following|after|at|in|for)\b|$)",
    _I,
)
NAMED_LIST = re.compile(r"\b(?:Signatories|Parties|Participants)\b[^:.\n]{0,40}:\s*(?P<names>[^\n]+)")


def _outside_brackets(text: str, start: int, end: int, found: list) -> list:
    """The mentions of ``found`` (``_MentionIndex.between``) not inside round brackets between
    ``start`` and ``end``: "the Kingdom of Denmark (in respect of the Faroe Islands and
    Greenland)", "Чернівецької міської ради (Україна)" — words in brackets qualify or place a
    party, they name none."""
    brackets = [(start + b.start(), start + b.end()) for b in re.finditer(r"\([^()]*\)", text[start:end])]
    return [m for m in found if not any(a <= m[0] and m[1] <= b for a, b in brackets)]


def _from_named_list(doc: Document, mentions: _MentionIndex) -> list[str]:
    """The parties where the text names them as such, in its opening: the authors of a
    joint statement, or the list after "Signatories …:"."""
    for clause in _opening(doc)[: NEWS_OPENING + 5]:
        for pattern in (AUTHORS, NAMED_LIST):
            m = pattern.search(clause.text)
            if m:
                start = clause.start + m.start("names")
                # "the Kingdom of Denmark (in respect of the Faroe Islands and Greenland)": the
                # words in brackets qualify a party, they name none
                end = clause.start + m.end("names")
                found = _outside_brackets(doc.text, start, end, mentions.between(start, end))
                ids = unique_ids(sid for _, _, sid, _ in found)
                if len(ids) >= MIN_PARTIES:
                    return ids
        listed = PARTICIPANTS_UK.search(clause.text) if (doc.lang or "") == "uk" else None
        if listed:
            start = clause.start + listed.end()
            stop = SENTENCE_END.search(doc.text, start, clause.end)
            end = stop.start() if stop else clause.end
            ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
            if len(ids) >= MIN_PARTIES:
                mentions.add_coined(coined)
                return ids
    return []


# "Його учасниками стали Київський національний університет …, … та Université de Montpellier"
PARTICIPANTS_UK = re.compile(
    r"(?<!\w)(?:учасник\w*|сторон\w*|підписант\w*)\s+(?:(?:меморандуму|угоди|договору|консорціуму)\s+)?"
    r"(?:стали|є|виступили|були)\s+",
    _I,
)


AGREEING_LEAD_IN = re.compile(r"\b(?:agreed|decided|declared?|committed|affirmed)\b[^.]*:\s*$", re.IGNORECASE)


def _from_agreeing_lead_in(doc: Document, mentions: _MentionIndex) -> list[str]:
    """The states named in the opening's lead-in that introduces what was agreed
    ("Foreign Ministers of Poland, Ukraine and the United Kingdom … agreed to:")."""
    for clause in _opening(doc):
        if clause.kind == "lead_in" and AGREEING_LEAD_IN.search(clause.text):
            return mentions.ids(clause.start, clause.end)
    return []


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


# a twinning of cities ("побратимські відносини", "містами-побратимами")
TWINNING_UK = re.compile(r"побратим", _I)


def _from_twinning(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian report on a twinning of two cities that names them by their own names ("Київ
    уклав угоду про побратимські відносини з Загребом"): the two municipalities, not the states
    of the capitals among them. A Ukrainian city is its council (<CITY>CC, NOTES: a municipality's
    id is its council's), a foreign one its own id from its name, as "Мерія Батумі" is BATUMI.
    Only the capitals and the cities the id table knows are read: another city's bare name is
    not known as one."""

    if not _ukrainian_report(doc):
        return []
    capitals = load_json("states.json")["capitals"]["uk"]
    for clause in _news_opening(doc):
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
    return []


# "Угоду укладено в Гельсінкі": a capital after "в"/"у" is where it happened, not a side
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS - {"на"}
# the word for a city between the preposition and its name ("у м. Лондоні", "у столиці Варшаві")
CITY_WORDS = frozenset({"м", "місті", "столиці"})


def side_ids(text: str, start: int, end: int) -> list[str]:
    """States a Ukrainian report names as a side of talks: by the adjective before a side noun
    ("румунська сторона") or an official's title ("литовський віцеміністр", "болгарський
    заступник міністра"), or as "Офіційний Бухарест"."""

    toks = tokens_of(text, start, end)
    capitals = load_json("states.json")["capitals"]["uk"]
    out = []
    for k, tok in enumerate(toks[:-1]):
        nxt = toks[k + 1]
        if "офіційний" in lemmas(tok.lower):  # "Офіційний Будапешт", "Офіційна Варшава"
            out += [capitals[lemma] for lemma in sorted(lemmas(nxt.lower)) if nxt.capitalised and lemma in capitals][:1]
            continue
        side = side_state(toks, k, TALKS_SIDE_NOUNS)
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


def _as_parties(ids: Iterable[str]) -> list[str]:
    """The ids a source named, as parties: once each; a territory, not the state that
    represents it ("The Government of Denmark and the Home Government of the Faroe
    Islands"); the member states of a grouping that they conclude for ("the EFTA States",
    "ASEAN Member States"), not the grouping too (NOTES: "EFTA" inside "EFTA States" is no
    party). The EU is no such grouping: it concludes its agreements itself."""
    ids = unique_ids(ids)
    representing = {represented_by()[t] for t in ids if t in represented_by()}
    # an institution acts for its organisation: with the EU a party, the Commission and the
    # European Council whose presidents speak for it are the EU, not parties beside it (NOTES)
    owners = institution_owners()
    ids = [i for i in ids if i not in representing and owners.get(i) not in ids]
    if sum(1 for i in ids if _is_state_id(i)) >= MIN_PARTIES:
        ids = [i for i in ids if i not in groupings_of_states()]
    return ids


# --- mentions with the ids inside institutions --------------------------------


class _MentionIndex:
    """(start, end, id) of every state/organisation named in the document, including
    those inside an institution's name, in text order."""

    def __init__(self, doc: Document):
        self.items: list[tuple[int, int, str, str]] = []  # start, end, id, kind
        for ent in doc.entities:
            if ent.label == "OFFICIAL":
                continue
            if ent.source == "institution" or (ent.label == "ORG" and not ent.id):
                # "Євангелічно-лютеранська церква Фінляндії" does not act for Finland; "Рада
                # Європейського Союзу" acts for the Union its name holds
                not_for_its_state = NOT_FOR_ITS_STATE.search(ent.text)
                for s, e, sid, kind in _ids_inside(doc, ent):
                    if not (not_for_its_state and kind == "state"):
                        self.items.append((s, e, sid, kind))
            elif ent.id:
                self.items.append((ent.start, ent.end, ent.id, "org" if _is_org(ent) else "state"))
        self.items += home_organ_mentions(doc, self.items)  # "МОН та ЮНІСЕФ підписали …": Ukraine's
        # a body that acts under an instrument is never one of its parties (gazetteer.never_parties),
        # nor is a body whose act the text cites ("in accordance with United Nations Security
        # Council Resolution 1244")
        self.items = sorted(
            m
            for m in self.items
            if m[2] not in never_parties()
            and not CITED_ACT.match(doc.text, m[1])
            and not CITED_ACT_BEFORE.search(doc.text, max(0, m[0] - CITED_REACH), m[0])
        )
        self.starts = [m[0] for m in self.items]
        self.coined: list[CoinedParty] = []

    def between(self, start: int, end: int, states_only: bool = False) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m[1] <= end and (not states_only or m[3] == "state")]

    def ids(self, start: int, end: int) -> list[str]:
        return unique_ids(m[2] for m in self.between(start, end))

    def add_coined(self, coined: Iterable[CoinedParty]) -> None:
        """Keep the parties a source coined, each id once."""
        self.coined += [c for c in coined if c.id not in {k.id for k in self.coined}]

    def named_in(self, start: int, end: int, before: int) -> list[str]:
        """The ids whose names begin between ``start`` and ``end`` and before ``before``, even
        where a name runs on past ``end`` (over the comma in "Organisation des Nations Unies
        pour l'éducation, la science et la culture")."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, min(end, before))
        return unique_ids(m[2] for m in self.items[lo:hi])


def _ids_inside(doc: Document, ent: Entity) -> list[tuple[int, int, str, str]]:
    if is_cyrillic(ent.text):
        toks = tokens_of(doc.text, ent.start, ent.end)
        return [(s, e, en.id, en.kind) for s, e, _, _, en in ukrainian_gazetteer().find(doc.text, toks)]
    gaz = gazetteer(doc.lang or "en")
    return [(m.start, m.end, m.id, m.kind) for m in gaz.find(doc.text, ent.start, ent.end)]


# --- evidence sources ----------------------------------------------------------


def _news_opening(doc: Document, more: int = 0) -> list[Clause]:
    """A report's first ``NEWS_OPENING`` (+ ``more``) clauses, not counting the page's furniture
    after its headline: a byline, a date line, "Реклама", "Деталі" (a heading or dateline of fewer
    than ``FURNITURE_WORDS`` words), which would push the lead out of the opening. (A list item as
    short, "Автор:", may be a memorandum's item: it counts.)"""
    out: list[Clause] = []
    counted = 0
    for k, clause in enumerate(doc.clauses):
        if counted == NEWS_OPENING + more:
            break
        out.append(clause)
        furniture = k > 0 and clause.kind in FURNITURE_KINDS and len(_WORDS.findall(clause.text)) < FURNITURE_WORDS
        counted += not furniture
    return out


def _after_news_opening(doc: Document) -> list[Clause]:
    return doc.clauses[len(_news_opening(doc)) :]


_WORDS = re.compile(r"[^\W\d_]{2,}")
FURNITURE_WORDS = 4
FURNITURE_KINDS = ("heading", "dateline")


def _opening(doc: Document) -> list[Clause]:
    limit = max(2000, int(OPENING_SHARE * len(doc.text)))
    return [c for c in doc.clauses[:OPENING_CLAUSES] if c.start < limit]


# A clause ending so breaks off a list of names that the next clause goes on with
LIST_GOES_ON = re.compile(r"(?:,|\b(?:and|y|e|et|та|і|й))\s*$", _I)


# what may follow the person a party acts through before the next party's name
AFTER_THE_PERSON = re.compile(
    r"(?:\s*\([^)]{0,80}\))?\s*,?\s*(?:(?:який|яка|що|які)\s+ді\w+\s+на\s+підставі\s+[^,;]{1,120}?\s*(?:[,;]|(?=\s(?:та|і|й)\s)))?"
    r"\s*(?:з\s+(?:однієї|одного|другої|другого|іншої|іншого|третьої)\s+сторони\s*[,;]?)?\s*(?:(?:та|і|й)\s+)?"
)


def _from_in_person_formula(doc: Document, mentions: _MentionIndex) -> list[str]:
    """The parties of a Ukrainian contract's opening that names each before the person it acts
    through ("X в особі ректора …, який діє на підставі Статуту, та Y в особі …"): each name
    from where the previous party's person ends to its "в особі", a known id or a coined one."""
    if (doc.lang or "") != "uk":
        return []
    officials = sorted((e.start, e.end) for e in doc.entities if e.label == "OFFICIAL")
    for clause in _opening(doc):
        cues = list(IN_THE_PERSON_OF.finditer(doc.text, clause.start, clause.end))
        if len(cues) < MIN_PARTIES or BETWEEN.search(clause.text):  # "укладено між …": the formula's source reads it
            continue
        ids: list[str] = []
        start = clause.start
        for cue in cues:
            ids += _named_before_person(doc, start, cue.start(), mentions)
            person = next(((s, e) for s, e in officials if s >= cue.end() and s - cue.end() < ACTING_REACH), None)
            if person is None:
                break
            after = AFTER_THE_PERSON.match(doc.text, person[1])
            start = after.end() if after else person[1]
        ids = unique_ids(ids)
        if len(ids) >= MIN_PARTIES:
            return ids
    return []


def _named_before_person(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:

    # one party a name: what follows a comma or a bracket ("…, Торонто, Канада (далі — …)") is no other
    cut = NAME_BREAK.search(doc.text, start + 1, end)
    end = cut.start() if cut else end
    first = tokens_of(doc.text, start, end)[:1]
    case = (
        "ablt" if first and "ablt" in grammemes(first[0].lower) and "nomn" not in grammemes(first[0].lower) else "nomn"
    )
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, case)
    mentions.add_coined(coined)
    return ids


def _from_definition(doc: Document, mentions: _MentionIndex) -> list[str]:
    opening = _opening(doc)
    for k, clause in enumerate(opening):
        for cue in DEFINITION_CUE.finditer(clause.text):
            after = clause.text[cue.start() : cue.start() + DEFINITION_LOOKAHEAD]
            # the term this cue defines ends with its bracket: "(hereinafter referred to as
            # "the EFTA States"), and the Republic of Singapore …, hereinafter collectively
            # referred to as the Parties" defines the Parties only at its second cue
            close = after.find(")", cue.end() - cue.start())
            after = after[: close + 1] if close >= 0 else after
            if not PARTY_WORD.search(after):
                continue
            end = clause.start + cue.start()
            # a formula that names a party no table knows names its parties itself: a state
            # in brackets after a city's name, or in the law a company is registered
            # under, is then no party
            ids = _with_coined(doc, clause.start, end, mentions, coined_only=True)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = _named_subject(doc, _list_start(opening, k), end, mentions)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = mentions.ids(_list_start(opening, k), end)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = _with_coined(doc, clause.start, end, mentions)
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def _named_subject(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:
    """The names a formula without "між"/"between" lists before its definition ("Міжнародна
    організація з міграції (далі — МОМ) та Івано-Франківська обласна військова адміністрація
    (далі — ОВА), далі разом — Сторони"), none unless a body no table knows is among them,
    which then gets a coined id; what follows a name after a comma ("…, в особі міського
    голови …, що діє на підставі Закону України …") is no party."""
    # the formula's own paragraph: a short text's title may share its clause ("МЕМОРАНДУМ про
    # співпрацю між … \n\n Українська … Церква (далі — УГКЦ) та …")
    start = max([start] + [m.end() for m in BLANK_LINE.finditer(doc.text, start, end)])
    if (doc.lang or "") != "uk" or BETWEEN.search(doc.text, start, end):
        return []  # an English or Spanish title runs into the list too often ("CONVENTION ESTABLISHING …")
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
    if not coined or len(ids) < MIN_PARTIES:
        return []
    mentions.coined = coined
    return ids


def _list_start(opening: list[Clause], k: int) -> int:
    """Where the list of names ending in clause ``k`` begins: in an earlier clause where the
    text broke it ("… Swiss Confederation (… the EFTA States) and" / "The United Mexican
    States, … hereinafter referred to as the Parties,")."""
    while k > 0 and LIST_GOES_ON.search(opening[k - 1].text):
        k -= 1
    return opening[k].start


def _with_coined(doc: Document, start: int, end: int, mentions: _MentionIndex, coined_only: bool = False) -> list[str]:
    """The ids of the names a formula's last "між X та Y" / "between X and Y" before
    ``end`` joins, coining one for each name that holds no known state or organisation
    (with ``coined_only``, none unless a name that says it is a body's is coined, as the
    formula then outweighs the names around it); the coined parties are kept in
    ``mentions.coined`` only when there are two parties."""
    links = list(BETWEEN.finditer(doc.text, start, end))
    if not links:
        return []
    end = _names_end(doc.text, links[-1].end(), end)
    lang = doc.lang or "en"
    ids, coined = parties_named(doc.text, links[-1].end(), end, lang, mentions.named_in, bodies_only=coined_only)
    if coined_only and not coined and not any(i.endswith(LOCAL_BODY_SUFFIXES) for i in ids):
        return []  # (an oblast or a city named bare gives its body's id, with no name to coin)
    if coined and len(ids) >= MIN_PARTIES:
        mentions.coined = coined
    return ids


# a line that holds only the conjunction between two names, each set on its own lines
LONE_CONJUNCTION = re.compile(r"\s*(?:та|і|й|and|AND|y|Y|et|ET|ТА|І)\s*")


def _names_end(text: str, start: int, end: int) -> int:
    """Where the names after "між"/"between" end: at a blank line (a dateline or a preamble
    follows), except where a title sets each name apart ("між" / "ЄВРОПЕЙСЬКИМ … БАНКОМ" /
    "та" / "АКЦІОНЕРНИМ БАНКОМ «…»", blank lines between)."""
    pieces, pos = [], start
    for m in [*BLANK_LINE.finditer(text, start, end), None]:
        pieces.append((pos, m.start() if m else end))
        if m is None:
            break
        pos = m.end()
    pieces = [(a, b) for a, b in pieces if text[a:b].strip()]
    if not pieces:
        return start
    k = 0
    while k + 2 < len(pieces) and LONE_CONJUNCTION.fullmatch(text[slice(*pieces[k + 1])]):
        k += 2
    return pieces[k][1]


def _hromada_as_its_council(parties: list[str], mentions: _MentionIndex) -> list[str]:
    """A hromada and its council named by the same adjective ("Ічнянська громада", "Ічнянська
    міська рада") are one party, the council, which acts for the hromada: the hromada's coined
    id gives way to the council's."""
    councils = {c.name.split()[0].lower(): c.id for c in mentions.coined if c.name.split()[-1].lower() == "рада"}
    renamed: dict[str, str] = {}
    for k, c in enumerate(mentions.coined):
        words = c.name.split()
        if len(words) == 2 and words[1].lower() == "громада" and words[0].lower() in councils:
            renamed[c.id] = councils[words[0].lower()]
            mentions.coined[k] = dataclasses.replace(c, id=renamed[c.id])
    return unique_ids(renamed.get(p, p) for p in parties)


def _add_coined(doc: Document, coined: list[CoinedParty]) -> None:
    """A coined party's name becomes a PARTY span with its id and dictionary form; an
    organisation the NER found there without an id takes them instead."""
    for party in coined:
        ent = next((e for e in doc.entities if e.start < party.end and party.start < e.end), None)
        if ent is not None and ent.label == "ORG" and not ent.id:
            ent.label, ent.id, ent.name, ent.source = "PARTY", party.id, party.name, "coined"
            # the formula's name is the better bounded one ("Інститут фізики" of "… імені Б. І.
            # Петренка"; not "Спілки журналістів Молдови з приводу …")
            ent.start, ent.end, ent.text = party.start, party.end, doc.text[party.start : party.end]
        elif all(
            party.start <= e.start and e.end <= party.end and e.label in ("STATE", "PARTY")
            for e in doc.entities
            if e.start < party.end and party.start < e.end
        ):
            # nothing there, or only a state inside the name, which is the name's ("фонд
            # «Карітас України»": guide §5)
            doc.entities = [e for e in doc.entities if not (e.start < party.end and party.start < e.end)]
            doc.entities.append(
                Entity(
                    party.start,
                    party.end,
                    doc.text[party.start : party.end],
                    "PARTY",
                    party.id,
                    name=party.name,
                    source="coined",
                )
            )
        # the name in any case ("Мерії Батумі"), read once for all the uses below
        by_name = _name_occurrences(doc, party.name)
        as_written = _add_short_form(doc, party, by_name) if doc.lang == "uk" else set()
        # its other mentions: the name again, as written or in its dictionary form, and the
        # short form the text defines for it ("… церква Фінляндії (далі — ЄЛЦФ)", "(далі — PRz)")
        forms = {doc.text[party.start : party.end], party.name} | as_written
        for other in sorted(doc.entities, key=lambda e: e.start):
            if other.start >= party.start and (other.text in forms or other.start == party.start):
                short = ABBREVIATION.match(doc.text, other.end)  # "(далі — ЄЛЦФ)"
                forms |= {short.group("abbr")} if short else set()
                if other.label == "ORG" and not other.id:
                    other.label, other.id, other.name = "PARTY", party.id, party.name
        # the acronym a mention defines ("… корпорація (NEFCO)", "Союз польських міст (СПМ)"), or
        # in a Ukrainian text the short name in Latin letters ("… агентство … (Sida)")
        for _, e in [(party.start, party.end), *_occurrences(doc, forms, by_name)]:
            if doc.text[e : e + 1] in CLOSING_QUOTES:
                e += 1  # "АТ «Укрзалізниця» (УЗ)": the acronym follows the quoted name's closing mark
            short = ABBREVIATION.match(doc.text, e) or (
                LATIN_SHORT_NAME.match(doc.text, e) if doc.lang == "uk" else None
            )
            forms |= {short.group("abbr")} if short else set()
            original = _name_in_other_script(doc, e, party.name) if doc.lang == "uk" else None
            if original:
                forms.add(original)
                as_written.add(original)
        # and where no stage found them at all ("Мерія Батумі прийме …", "подякував Мерії
        # Батумі", "NEFCO відповідатиме …"), also by the initials of its name ("Запорізької ТПП")
        for s, e in sorted(set(_occurrences(doc, forms, by_name) + _initials_mentions(doc, party.name))):
            there = [x for x in doc.entities if x.start < e and s < x.end]
            if len(there) == 1 and there[0].label == "ORG" and not there[0].id:  # the title's "… церквою Норвегії"
                there[0].label, there[0].id, there[0].name = "PARTY", party.id, party.name
            elif doc.text[s:e] in as_written and all(s <= x.start <= x.end <= e and x.label != "PARTY" for x in there):
                # the name in the original holds a state's ("Manufacturers' Association of Israel"):
                # the whole name is the party, as in Ukrainian ("Асоціація виробників Ізраїлю")
                doc.entities = [x for x in doc.entities if x not in there]
                doc.entities.append(Entity(s, e, doc.text[s:e], "PARTY", party.id, name=party.name, source="coined"))
            else:
                _add_where_free(doc, Entity(s, e, doc.text[s:e], "PARTY", party.id, name=party.name, source="coined"))
    doc.entities.sort(key=lambda e: (e.start, e.end))


CLOSING_QUOTES = tuple(OPENING_QUOTES.values())


def _add_where_free(doc: Document, ent: Entity) -> None:
    """Add ``ent`` unless another entity covers any of its text."""
    if not any(x.start < ent.end and ent.start < x.end for x in doc.entities):
        doc.entities.append(ent)


def _initials_mentions(doc: Document, name: str) -> list[tuple[int, int]]:
    """In Ukrainian, where the text names a coined party by the initials of its name."""
    if doc.lang != "uk":
        return []

    return initials_mentions(doc.text, name)


def _name_occurrences(doc: Document, name: str) -> list[tuple[int, int]]:
    """In Ukrainian, where the text names a coined party's dictionary-form ``name`` in any case."""
    if doc.lang != "uk":
        return []

    return name_occurrences(doc.text, name)


def _occurrences(doc: Document, forms: set[str], by_name: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the text names a coined party: each of ``forms`` as written, and ``by_name``."""
    spans = [
        (m.start(), m.end()) for form in forms for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text)
    ]
    return sorted(set(spans + by_name))


def _add_short_form(doc: Document, party: CoinedParty, by_name: list[tuple[int, int]]) -> set[str]:
    """The word the formula defines for a coined party ("компанією «Nordvind Energy AS»,
    зареєстрованою … (далі — Компанія)"), or the text after a later mention of its name ("до
    Всеукраїнської профспілки моряків і портовиків (далі — Профспілка)"), is that party
    wherever the text uses it. ``by_name``: where the text names the party in any case.

    A short form in Latin letters ("(далі — SickKids)"), and the name in the original or in
    translation that the defining bracket gives ("(Manufacturers' Association of Israel, далі —
    MAI)"), are returned as forms of the party's name, to be found as written."""

    latin = defined_latin_short_form(doc.text, party.end, doc.text[party.start : party.end])
    as_written = set()
    if latin is not None:
        as_written.add(latin.group("word"))
        as_written |= _bracket_name(doc, latin)

    # in the formula's piece, or right after it where the body's owner ends the piece
    # ("«Волинська обласна клінічна лікарня» Волинської обласної ради (далі — Лікарня)"), or at
    # the end of the bracket that translates its foreign name
    found = (
        DEFINED_WORD.search(doc.text, party.end, max(party.end, party.piece_end))
        or DEFINED_WORD.match(doc.text, max(party.end, party.piece_end))
        or DEFINED_IN_TRANSLATION.match(doc.text, party.end)
    )
    named = doc.text[party.piece_start : party.end]  # with the word of its kind ("компанією «…»")
    definition = defined_short_form(doc.text, found.start(), named, roles=True) if found else None
    if definition is None:  # "… «Укргазбанк», юридичною особою, …, в особі … (далі — «Позичальник»)"
        definition = described_short_form(doc.text, party.end, named, roles=True)
    for _, e in by_name if definition is None else []:
        definition = defined_short_form(doc.text, e, party.name, roles=True) or described_short_form(
            doc.text, e, party.name, roles=True
        )
        if definition is not None:
            break
    if definition is None:
        return as_written
    mentions = short_form_mentions(doc.text, definition)
    # a short form the formula defines wins over an unidentified ORG the recognizer guessed from
    # the same word on ("Компанії фахівців")
    starts = {s for s, _ in mentions}
    doc.entities = [x for x in doc.entities if not (x.start in starts and x.label == "ORG" and not x.id)]
    for s, e in mentions:
        _add_where_free(doc, Entity(s, e, doc.text[s:e], "PARTY", party.id, name=party.name, source="short-form"))
    return as_written | _bracket_name(doc, definition)


# The bracket after a foreign body's name that gives it in the other script: the original after
# the translation or the translation after the original ("Сучавський університет імені Штефана
# чел Маре (Universitatea „Ștefan cel Mare” din Suceava)", "Kauno miesto muziejus (Музей міста
# Каунаса)"); up to a comma, after which a short form or a place may follow, and without the
# company's legal form ("Rzeszowska Agencja Rozwoju Regionalnego S.A., RARR"). A bracket that
# defines a short form ("(Klaipėdos prekybos, pramonės ir amatų rūmai, далі — Палата)") is read
# whole where the short form is (_bracket_name).
NAME_IN_BRACKETS = re.compile(
    r"\s*\(\s*(?P<name>[^()\n,;]{4,120}?)(?:\s+(?:S\.A\.|S\.p\.A\.|GmbH|AG|Ltd\.?|Inc\.|LLC|B\.V\.|N\.V\.|a\.s\.|s\.r\.o\.))?"
    r"\s*(?P<rest>[,;][^()\n]*)?\)"
)
DEFINES = re.compile(r"\b(?:далі|надалі)\b")


def _name_in_other_script(doc: Document, end: int, named: str) -> Optional[str]:
    """The name in the bracket right after a party's mention that ends at ``end``, where it is
    written in the other script than ``named`` and is no known state or organisation."""

    m = NAME_IN_BRACKETS.match(doc.text, end)
    if (
        m is None
        or DEFINES.search(m.group("rest") or "")
        or bool(CYRILLIC.search(m.group("name"))) == bool(CYRILLIC.search(named))
    ):
        return None
    s, e = m.span("name")
    if not is_name(m.group("name")) or any(x.id and x.start < e and s < x.end for x in doc.entities):
        return None
    return m.group("name")


def _bracket_name(doc: Document, definition: re.Match) -> set[str]:
    """The body's name that the bracket defining its short form gives before the short form, in
    the original or in translation ("(Klaipėdos prekybos, pramonės ir amatų rūmai, далі — …)",
    "(Самостійний … шпиталь № 4 у Любліні, Республіка Польща; далі — Клініка)"): a Latin one
    whole, a Ukrainian one up to its place; none where the bracket names a known state or
    organisation ("(Республіка Польща, далі — …)") or says something else ("(зареєстроване …)")."""

    inside = definition.groupdict().get("inside") or ""
    start = definition.start("inside") + len(inside) - len(inside.lstrip()) if inside else -1
    name = inside.strip()
    if CYRILLIC.search(name):
        name = name.split(",")[0].rstrip()
    end = start + len(name)
    if not name or not is_name(name) or any(x.id and x.start <= start and end <= x.end for x in doc.entities):
        return set()
    return {name}


def _from_party_list(doc: Document, mentions: _MentionIndex) -> list[str]:
    """The names the opening starts with, joined only by filler words: one clause
    ("Japan and the Kingdom of Thailand (hereinafter …)"), or several that hold
    nothing but names ("The Swiss Confederation (hereinafter called Switzerland)" /
    "and" / "The Republic of Estonia …"). Looked for from each of the first clauses
    after the title lines."""
    start = len(_title_block(doc))
    for first in range(max(0, start - 1), min(len(doc.clauses), start + PARTY_LIST_CLAUSES)):
        ids: list[str] = []
        for clause in doc.clauses[first : first + OPENING_CLAUSES]:
            run, consumed = _leading_run(doc.text, clause, mentions)
            ids += run
            if not consumed:
                break
        ids = unique_ids(ids)
        if len(ids) >= MIN_PARTIES:
            return _with_the_leads_bodies(doc, first, ids, mentions)
    return []


def _with_the_leads_bodies(doc: Document, first: int, ids: list[str], mentions: _MentionIndex) -> list[str]:
    """A report's headline names the sides it has room for ("Ukraine and Norway sign grant
    agreement"); where the lead under it opens with the same names and more ("OSLO - Ukraine,
    Norway and the Nordic Environment Finance Corporation (NEFCO) signed …"), the lead's list."""
    if first + 1 >= len(doc.clauses) or doc.clauses[first].kind != "heading" or _treaty_structured(doc):
        return ids
    lead, _ = _leading_run(doc.text, doc.clauses[first + 1], mentions)
    lead = unique_ids(lead)
    return lead if set(ids) < set(lead) else ids


def _leading_run(text: str, clause: Clause, mentions: _MentionIndex) -> tuple[list[str], bool]:
    """Ids of the names the clause starts with, and whether nothing else follows them."""
    ids: list[str] = []
    pos = clause.start
    for s, e, sid, _ in mentions.between(clause.start, clause.end):
        if s < pos:
            continue  # a name inside one already counted
        if not _is_filler(text[pos:s]):
            return ids, False
        ids.append(sid)
        pos = e
    return ids, _is_filler(text[pos : clause.end])


def _is_filler(gap: str) -> bool:
    """Only words that join names in a list of parties; one unknown capitalised word
    is tolerated ("the Home Government of", OCR debris such as "the United Mexico")."""
    if not gap.strip() or LIST_FILLER.match(gap):
        return True
    words = re.findall(r"[^\W\d_]+", gap)
    unknown = [w for w in words if not LIST_FILLER.match(w)]
    if len(unknown) != 1 or not unknown[0][:1].isupper() or len(words) > 8:
        return False
    # a word that labels what follows ("Note: Austria, Finland and Sweden withdrew …") opens
    # an editor's note, not a list of parties
    return not re.search(re.escape(unknown[0]) + r"\s*:", gap)


def _title_block(doc: Document) -> list[Clause]:
    """The opening lines before the first sentence: short, and not ending as a
    sentence or a list entry does."""
    block = []
    for clause in doc.clauses[:OPENING_CLAUSES]:
        if len(clause.text) > TITLE_MAX_CHARS or clause.text.rstrip("*_ ").endswith((".", ";", ":", ",")):
            break
        block.append(clause)
    return block


def _from_title(doc: Document, mentions: _MentionIndex) -> list[str]:
    block = _title_block(doc)
    if not block or not any(TITLE_LINK.search(c.text) for c in block):
        return []
    # a title whose "between" joins a name no table knows ("MEMORANDUM … BETWEEN … AND …")
    # names its parties itself (a state in brackets after a city's name is none)
    named = _with_coined(doc, block[0].start, block[-1].end, mentions, coined_only=True)
    if len(named) >= MIN_PARTIES:
        return named
    ids = unique_ids(sid for c in block for sid in mentions.ids(c.start, c.end))
    if len(ids) < MIN_PARTIES:
        for clause in block:
            named = _with_coined(doc, clause.start, clause.end, mentions)
            if len(named) >= MIN_PARTIES:
                return named
    return ids


def _from_operative_formula(doc: Document, mentions: _MentionIndex) -> list[str]:
    for clause in doc.clauses:
        if OPERATIVE_FORMULA.match(clause.text):
            ids = mentions.ids(clause.start, clause.end)
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def _from_signatures(doc: Document, mentions: _MentionIndex) -> list[str]:
    ids: list[str] = []
    for clause in doc.clauses:
        if clause.kind == "signature":
            ids += _signature_block_ids(doc, clause, mentions)
        elif clause.start > 0.7 * len(doc.text) and len(clause.text) <= 300:
            ids += _signature_ids(doc, clause, mentions)
    return ids


def _signature_block_ids(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
    """Every state or organisation a signature block names outside the signatories'
    titles: two-column OCR puts both headers' names on the lines after "FOR THE
    GOVERNMENT OF FOR THE GOVERNMENT OF". A header that names a head of state ("For the
    President of the Italian Republic,") is no title: the signatory acts for that state."""
    if not SIGNATURE_FOR.search(clause.text):
        return []
    ids = []
    for line in re.finditer(r"[^\n]+", clause.text):
        if starts_with_for(line.group()) or not ROLE.search(line.group()):
            ids += mentions.ids(clause.start + line.start(), clause.start + line.end())
    return ids


def _signature_ids(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
    """Ids named in each "For …"/"Por …"/"За …" header of a clause (not in the
    signatory's title). A header runs to its colon when the colon comes before a
    blank line ("For the Ministry of Defence of\nthe Republic of Albania**:"), else to
    the end of its line."""
    ids = []
    heads = list(SIGNATURE_FOR.finditer(clause.text))
    for k, m in enumerate(heads):
        limit = heads[k + 1].start() if k + 1 < len(heads) else len(clause.text)
        segment = clause.text[m.end() : limit]
        colon = segment.find(":")
        blank = re.search(r"\n\s*\n", segment)
        if 0 <= colon <= SIGNATURE_HEADER_MAX and (blank is None or colon < blank.start()):
            stop = colon
        else:
            stop = segment.find("\n") if "\n" in segment else len(segment)
        ids += mentions.ids(clause.start + m.end(), clause.start + m.end() + stop)
    return ids


def _from_news_instrument(doc: Document, mentions: _MentionIndex) -> list[str]:
    """In a news report, the parties of the instrument its headline or first sentence
    is about. Not used for an instrument itself, whose opening articles may cite
    other agreements ("… Agreement between Croatia and the EU")."""
    if _treaty_structured(doc):
        return []
    if (doc.lang or "") == "uk":
        return _ukrainian_news_opening(doc, mentions)
    for clause in _news_opening(doc):
        if INSTRUMENT_CUE.search(clause.text):
            ids = mentions.ids(clause.start, clause.end)
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def _from_signatories(doc: Document, mentions: _MentionIndex) -> list[str]:
    """In a report, the signatories its opening names as the subject of a signing, where a
    body no table knows is among them ("OSLO - Ukraine, Norway and the Nordic Environment
    Finance Corporation (NEFCO) signed …"): they outweigh a headline that names only the
    states ("Ukraine and Norway sign grant agreement")."""
    if _treaty_structured(doc):
        return []
    for clause in _news_opening(doc):
        signatories = _signing_subject(doc, clause, mentions)
        if signatories:
            return signatories
    return []


def _from_issuer(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian unilateral act has one party, the state that issues it, however many
    others its text names (gold set: official acts). The act shows in its head
    ("РОЗПОРЯДЖЕННЯ ПРЕЗИДЕНТА УКРАЇНИ", "ПОСТАНОВА КАБІНЕТУ МІНІСТРІВ УКРАЇНИ") or, where
    the head names a body or a subject first, in a title-block line of the act's kind
    alone ("НАКАЗ") or with its date or number ("Розпорядження від 14 листопада 2018 р.
    № 856-р", "Наказ МОЗ України від 29.11.2019 № 2360"); the issuer is then Ukraine where
    the opening names it ("ДЕРЖАВНА СЛУЖБА МОЛОДІ ТА СПОРТУ УКРАЇНИ", "Бюджетного кодексу
    України"), else the first state it names."""
    if (doc.lang or "") != "uk" or not doc.clauses:
        return []
    head = doc.clauses[0]
    opening = doc.clauses[:ACT_TITLE_BLOCK]
    body = _local_body_heading(doc, head)
    if body is None and len(opening) > 1 and _names_the_state_alone(doc, head):
        body = _local_body_heading(doc, opening[1])  # "УКРАЇНА" / "ЧЕРНІВЕЦЬКА ОБЛАСНА … АДМІНІСТРАЦІЯ"
    if body and any(ACT_KIND_LINE.match(c.text) for c in opening):
        return [body]  # "ВОЛИНСЬКА ОБЛАСНА ДЕРЖАВНА АДМІНІСТРАЦІЯ" / "РОЗПОРЯДЖЕННЯ": the body's own act
    if UNILATERAL_ACT.match(head.text):
        ids = [m[2] for m in mentions.between(head.start, head.end, states_only=True)]
        if ids:  # "Постанова Кабінету Міністрів від …" names no state: read on
            return ids[:1]
    elif not any(ACT_KIND_LINE.match(c.text) for c in opening):
        return []
    end = min(len(doc.text), opening[-1].end + ACT_ISSUER_WINDOW)
    ids = [m[2] for m in mentions.between(head.start, end, states_only=True)]
    # a Ukrainian-language act whose opening names Ukraine at all is Ukraine's, even where
    # its subject names another state first ("Про співпрацю з Литвою …")
    return ["UKR"] if "UKR" in ids else ids[:1]


# The heads of an international organ's own acts, as their texts print them, and the
# organisation whose act each is (a Council decision is the EU's as a law is its state's)
ORGAN_ACT_HEADS = (
    (
        re.compile(
            r"^\W*(?:ВИКОНАВЧ\w+\s+)?(?:РІШЕННЯ|РЕГЛАМЕНТ|ДИРЕКТИВА|Рішення|Регламент|Директива)\s+"
            r"(?:(?:ЄВРОПЕЙСЬКОГО\s+ПАРЛАМЕНТУ\s+(?:І|ТА)\s+)?РАДИ|КОМІСІЇ|Ради|Комісії)\s*\((?:ЄС|ЄЕС|Євратом|ЄВРАТОМ)"
        ),
        "EU",
    ),
    (
        re.compile(
            r"^\W*(?:Резолюція|РЕЗОЛЮЦІЯ),?\s+(?:ухвалена|прийнята|УХВАЛЕНА|ПРИЙНЯТА)\s+(?:Генеральною\s+Асамблеєю|"
            r"Радою\s+Безпеки|Радою\s+з\s+прав\s+людини|Економічною\s+і\s+соціальною\s+радою)"
            r"|^\W*Resolution\s+adopted\s+by\s+the\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council)"
        ),
        "UN",
    ),
    (re.compile(r"^\W*(?:Резолюція|РЕЗОЛЮЦІЯ),?\s+(?:ухвалена|прийнята)\s+Радою\s+керуючих"), "IAEA"),
)


def _from_organ_act_text(doc: Document) -> list[str]:
    """The text of an international organ's own act (a Council decision of the EU, a resolution
    of the UN General Assembly or Human Rights Council, as their texts print them) has its
    organisation as its one party: the states it concerns, or that tabled it, are not parties,
    as a ratifying law's treaty partner is not (NOTES)."""
    for clause in doc.clauses[:ACT_TITLE_BLOCK]:
        for head, organisation in ORGAN_ACT_HEADS:
            if head.match(clause.text):
                return [organisation]
    return []


def _add_bare_body_mentions(doc: Document, body: str) -> None:
    """A party oblast administration or council, named without its oblast
    ("облдержадміністрації", "обласної військової адміністрації"), is that body, and the
    officials whose titles name it so act for it."""

    for ent in bare_body_mentions(doc.text, [(c.start, c.end) for c in doc.clauses], body):
        _add_where_free(doc, ent)
    doc.entities.sort(key=lambda e: (e.start, e.end))
    # its officials: "перший заступник голови облдержадміністрації" acts for it, not for Ukraine
    for official in doc.entities:
        if official.label == "OFFICIAL" and official.role and official.affiliation in (None, "UKR"):
            if bare_body_mentions(official.role, [(0, len(official.role))], body):
                official.affiliation = body


def _names_the_state_alone(doc: Document, clause: Clause) -> bool:
    """Is the clause a state's name and nothing else ("УКРАЇНА" over an act's issuing body)?"""
    text = doc.text[clause.start : clause.end].strip()
    return any(e.text == text and e.id and e.label in ("STATE", "PARTY") for e in doc.entities)


def _local_body_heading(doc: Document, head: Clause) -> Optional[str]:
    """The id of the city council or oblast body whose name is the whole head line."""
    line = doc.text[head.start : head.end].split("\n", 1)[0].strip()
    for ent in doc.entities:
        if ent.id and ent.source == "lemma-gazetteer" and ent.text == line and head.start <= ent.start < head.end:
            return ent.id if ent.id.endswith(LOCAL_BODY_SUFFIXES) else None
    return None


def _from_statement_author(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A statement has its authors as its parties: the bodies its title names after the word
    ("Заява Міністерства закордонних справ України щодо …", "ЗАЯВА" / "Меджлісу
    кримськотатарського народу", "СПІЛЬНА ЗАЯВА" / "Асоціації міст України та Союзу польських
    міст щодо …", "Statement by the Government of Ireland on …"),
    however many others its text names (annotations/NOTES.md: a unilateral statement of a
    representative body)."""
    block = doc.clauses[:STATEMENT_TITLE_CLAUSES]
    for k, clause in enumerate(block):
        m = STATEMENT_TITLE.match(clause.text)
        if m is None:
            continue
        start = clause.start + m.end()
        rest = doc.text[start : clause.end]
        if not rest.strip() and k + 1 < len(block):  # the word alone on its line, the author on the next
            start, rest = block[k + 1].start, block[k + 1].text
        subject = AUTHOR_END.search(rest)
        end = start + (subject.start() if subject else len(rest))
        start += len(rest) - len(rest.lstrip())
        coined_before = len(mentions.coined)
        authors = _statement_authors(doc, start, end, mentions)
        if m.group("joint") and len(mentions.coined) == coined_before and len(authors) < MIN_PARTIES:
            # a joint statement of known bodies: its formula and lead name them as well; one of
            # several ministries of one state is that state's ("Спільна заява Міністерства
            # економіки України, Міністерства соціальної політики України та …")
            ministries = len(MINISTRY_UK.findall(doc.text, start, end))
            return authors if len(authors) == 1 and ministries >= MIN_PARTIES else []
        return authors
    return []


def _statement_authors(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:
    """The authors a statement's title names between ``start`` and ``end``: the states or
    organisations named there, where the title opens with them or with a state's organ
    ("Міністерства закордонних справ України" acts for Ukraine); else a body of its own
    that no table knows ("Спілки журналістів Молдови" is not Moldova), with a coined id."""
    found = mentions.between(start, end)
    head = re.match(r"\W*(?:the\s+)?([^\W\d_][\w'’ʼ-]*)", doc.text[start:end], _I)
    if head is None:
        return []
    if found and (found[0][0] <= start + head.start(1) or _is_state_organ(head.group(1), doc.lang or "en")):
        # "Чернівецької міської ради (Україна) та Муніципію Сучава (Румунія)": the states in
        # brackets say where the authors are; they are none of them
        known = _as_parties(m[2] for m in _outside_brackets(doc.text, start, end, found))
        if (doc.lang or "") == "uk":
            # beside a known body, bodies no table knows ("Миколаївської міської ради,
            # муніципалітету Оденсе та муніципалітету Орхус"): each gets a coined id
            ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "gent", bodies_only=True)
            if coined and set(known) <= set(ids) and len(ids) > len(known):
                mentions.coined += coined
                return ids
        return known
    if (doc.lang or "") != "uk":
        return []
    # every name is coined: the known names in it were weighed above and name no author
    ids, coined = parties_named(doc.text, start, end, "uk", lambda s, e, b: [], "gent", bodies_only=True)
    mentions.coined += coined
    return ids


# The organs that act for their state: a statement of one is the state's
STATE_ORGANS_UK = frozenset(
    "міністерство мзс уряд кабінет президент парламент посольство представництво місія делегація прем'єр-міністр "
    # the ombudsman and the prosecution speak for their state ("Звернення Уповноваженого Верховної Ради
    # України з прав людини до ОБСЄ …")
    "міністр рада уповноважений омбудсман омбудсманка прокуратура офіс лідер".split()
)
STATE_ORGANS_EN = re.compile(
    r"(?:Ministry|Government|Cabinet|President|Prime|Minister|Parliament|Embassy|Mission|Delegation|Department|"
    r"Office|Secretary|Chancellor|Council)$",
    _I,
)


def _is_state_organ(word: str, lang: str) -> bool:
    if lang != "uk":
        return bool(STATE_ORGANS_EN.match(word))

    return bool(lemmas(word.lower()) & STATE_ORGANS_UK)


# A Ukrainian report's sentence on an organisation's own act: adopted, approved, published
# ("Рада Європейського Союзу … затвердила … пакет обмежувальних заходів", "… ухвалили Анкарську
# декларацію саміту НАТО", "Міністри … країн G7 … оприлюднили заяву")
ORGANISATION_ACT_UK = re.compile(
    r"(?<!\w)(?:затверди\w*|ухвали\w*|схвали\w*|оприлюдни\w*|запровади\w*)(?!\w)[^.!?]{0,80}?"
    r"(?<!\w)(?:пакет\w*|деклараці\w*|заяв[уаиі]\w*|резолюці\w*|рішенн\w*|комюніке|висновок|висновк\w*|санкці\w*)",
    _I,
)
# a joint act ("спільну заяву", "спільне комюніке")
JOINT_UK = re.compile(r"(?<!\w)спільн", _I)
# a state and an organisation named together ("Україна та ЄС", "саміту Україна – ЄС")
JOINED_UK = re.compile(r"\s*(?:,|та|і|й|–|—|-)\s*")
# what makes the act an instrument with another side: an agreement, or a formula naming two
AGREEMENT_UK = re.compile(r"(?<!\w)(?:угод\w*|меморанд\w*|договор\w*|договір|протокол\w*|між)(?!\w)", _I)


# International courts: their judgments, orders and warrants are acts under instruments, whose
# parties are the states in the case; the court is none (NOTES)
COURTS = frozenset({"ICC", "ICJ", "ECHR", "ITLOS"})
# A submission reported in a Ukrainian opening: who filed, lodged, referred or requested
SUBMITTED_UK = re.compile(
    r"(?<!\w)(?:подал\w*|подав|подає|подають|передал\w*|передав|звернул\w*|звертає\w*|звертаються|"
    r"направил\w*|направив|ініціювал\w*|ініціював)(?!\w)",
    _I,
)
SUBMISSION_UK = re.compile(
    r"(?<!\w)(?:заяв\w*|позов\w*|скарг\w*|запит\w*|подання|повідомлення|клопотання|звернення|консультаці\w*)(?!\w)",
    _I,
)
# A court's act in a Ukrainian opening ("ЄСПЛ визнав Росію відповідальною", "МКС видав ордери")
RULED_UK = re.compile(
    r"(?<!\w)(?:ухвали\w*|видав|видала|видали|визнав|визнала|зобов[\'’ʼ]яза\w*|постанови\w*|відхили\w*|"
    r"задовольни\w*|присуди\w*)(?!\w)",
    _I,
)
# the case a ruling is given in: «Асанов проти Росії», «Україна проти Російської Федерації»
CASE_TITLE = re.compile(r"[«\"“][^»\"”\n]{1,120}?(?<!\w)(?:проти|v\.|v)(?!\w)[^»\"”\n]{1,120}[»\"”]")


def _report_opening(doc: Document, pattern: re.Pattern) -> Iterator[tuple[Clause, re.Match]]:
    """The clauses of a Ukrainian report's opening (not an instrument's) in which ``pattern``
    matches, with the match."""
    if not _ukrainian_report(doc):
        return
    for clause in _news_opening(doc):
        m = pattern.search(clause.text)
        if m is not None:
            yield clause, m


def _from_submission(doc: Document, mentions: _MentionIndex) -> Optional[list[str]]:
    """A Ukrainian report or text whose opening tells of a submission to a court or an
    international body (an application, a referral, a request for consultations, an appeal)
    is about its authors' act: the states and organisations that filed it are its parties,
    not the body it went to nor the state it is against; filed by citizens, lawyers or NGOs,
    it has none (NOTES). None where the opening tells of no submission."""
    for clause, verb in _report_opening(doc, SUBMITTED_UK):
        rest = clause.text[verb.end() :]
        to_body = any(kind == "org" for _, _, _, kind in mentions.between(clause.start + verb.end(), clause.end))
        if not (SUBMISSION_UK.search(rest) and (to_body or re.match(r"\s+до\s", rest))):
            continue
        start, end = clause.start + _subject_start(clause, verb.start()), clause.start + verb.start()
        known = [sid for sid in mentions.ids(start, end) if sid not in COURTS]
        if known:
            return known
        # a public body no table knows files in its own name ("Нікопольська міська рада звернулася до
        # МАГАТЕ"); NGOs, lawyers and citizens make no party
        _, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
        public = [c for c in coined if PUBLIC_BODY_UK.search(c.name)]
        mentions.add_coined(public)
        return [c.id for c in public]
    return None


# the public authorities that file in their own name (an oblast or city council, an administration)
PUBLIC_BODY_UK = re.compile(r"(?<!\w)(?:рада|адміністрація|громада|мерія|муніципалітет)(?!\w)", _I)


def _from_court_ruling(doc: Document, mentions: _MentionIndex) -> Optional[list[str]]:
    """A Ukrainian report whose opening tells of a court's judgment, order or warrants has the
    states in the case as its parties ("у справі «Асанов проти Росії»"; "ЄСПЛ визнав Росію
    відповідальною"), none where no state is in the case (an arrest warrant), and never the
    court. None where the opening tells of no ruling."""
    for clause, verb in _report_opening(doc, RULED_UK):
        subject = mentions.between(clause.start, clause.start + verb.start())
        if not any(sid in COURTS for _, _, sid, _ in subject):
            continue
        case = CASE_TITLE.search(doc.text, clause.start, min(len(doc.text), clause.end + CASE_TITLE_REACH))
        if case is not None:
            return [sid for sid in mentions.ids(case.start(), case.end()) if sid not in COURTS]
        return [sid for _, _, sid, kind in mentions.between(clause.start + verb.end(), clause.end) if kind != "org"][:1]
    return None


CASE_TITLE_REACH = 600  # characters after the ruling's sentence in which its case is named


def _from_organisation_act(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian report on an organisation's own act (a sanctions package, a summit's
    declaration, a ministers' statement) has that organisation as its one party: the states
    that bargained over it, hosted the meeting or are its subject are not parties (NOTES). The
    act's sentence names one organisation, the one the report names most, and no agreement. An
    institution's act is its organisation's ("Європейська комісія схвалила висновок": EU), and a
    court's ruling is no organisation's act (``_from_court_ruling``)."""
    if not _ukrainian_report(doc):
        return []
    owners = institution_owners()
    counts = Counter(owners.get(m[2], m[2]) for m in mentions.between(0, len(doc.text)))
    if not counts:
        return []
    for clause in doc.clauses:
        act = ORGANISATION_ACT_UK.search(clause.text)
        if act is None or AGREEMENT_UK.search(clause.text) or SIGNING_UK.search(clause.text):
            continue
        found = mentions.between(clause.start, clause.end)
        subjects = [m for m in found if m[1] <= clause.start + act.start()]
        if any(a[3] != b[3] and JOINED_UK.fullmatch(doc.text[a[1] : b[0]]) for a, b in zip(subjects, subjects[1:])):
            continue  # "Україна та ЄС ухвалили спільну заяву": a state beside it makes the act joint
        if JOINT_UK.search(act.group()) and any(kind == "state" for *_, kind in subjects):
            continue  # "Президент України, Президент Європейської ради … ухвалили спільну заяву"
        organisations = unique_ids(
            owners.get(sid, sid) for _, _, sid, kind in found if kind == "org" and sid not in COURTS
        )
        if len(organisations) == 1 and counts[organisations[0]] == max(counts.values()):
            return organisations
    return []


def _from_member_states(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian instrument whose preamble opens with the member states of one
    organisation and names no state ("Держави - учасниці Наради з питань безпеки і
    співробітництва в Європі (НБСЄ), …"): that organisation is its one party."""
    if (doc.lang or "") != "uk":
        return []
    for clause in _opening(doc)[: ACT_TITLE_BLOCK * 2]:
        if not MEMBER_STATES_UK.match(clause.text):
            continue
        found = mentions.between(clause.start, clause.end)
        if found and all(kind == "org" for _, _, _, kind in found):
            ids = unique_ids(m[2] for m in found)
            return ids if len(ids) == 1 else []
    return []


def _treaty_structured(doc: Document) -> bool:
    """Does the text have an instrument's structure (articles, "the Parties")?"""
    return len(TREATY_STRUCTURE.findall(doc.text[:50_000])) >= TREATY_STRUCTURE_MIN


def _ukrainian_report(doc: Document) -> bool:
    """A Ukrainian text without an instrument's structure: news, a statement, a press release."""
    return (doc.lang or "") == "uk" and not _treaty_structured(doc)


def _ukrainian_news_opening(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian report's headline and first sentences about an instrument or talks:
    every state they name is a party, also one named by its capital ("Київ і Варшава
    домовилися") and one named only inside a quotation; a four-party meeting lists all
    four. The clauses with a cue are read together, so a headline naming two states and
    a lead naming the other two give all four."""
    ids: list[str] = []
    bodies_signed = False  # the opening names the signatories, bodies no table knows among them
    for clause in _news_opening(doc):
        if INSTRUMENT_CUE.search(clause.text) or TALKS_UK.search(clause.text):
            named = _between_formula(doc, clause, mentions) or _signed_with(doc, clause, mentions)
            if named:
                ids += named
                bodies_signed = True
                continue
            subject = _signing_subject(doc, clause, mentions)
            if subject:  # the signatories, bodies no table knows among them; not "(Республіка Польща)"
                ids += subject
                bodies_signed = True
                continue
            referred = _signed_with_the_one_named_before(doc, clause, mentions)
            if referred:
                ids += referred
                bodies_signed = True
                continue
            ids += [
                sid
                for s, _, sid, _ in mentions.between(clause.start, clause.end)
                if not MEMBERS_OF_UK.search(doc.text[max(0, s - 20) : s])  # "державами — членами НАТО"
                and not _named_as_setting(doc.text, clause.start, s)
                and not _place_gloss(doc.text, s)
            ]
            ids += capital_ids(doc.text, clause.start, clause.end)
    if ids and not bodies_signed:
        # the sides the opening names as sides: "румунська сторона", "угорська делегація",
        # "литовський віцеміністр", "Офіційний Будапешт" (a four-party report names one so);
        # where bodies signed, "польська сторона" is the Polish city, not Poland, and where
        # Ukraine's councils or administrations are parties, "з боку української сторони"
        # is they
        local = any(i.endswith(LOCAL_BODY_SUFFIXES) for i in ids)
        for clause in _news_opening(doc, SIDES_OPENING):
            ids += [i for i in side_ids(doc.text, clause.start, clause.end) if not (local and i == "UKR")]
    if ids and doc.clauses and doc.clauses[0].kind == "heading":
        # the headline names the sides of what the lead reports ("Україна та Литва створять
        # спільну слідчу групу" over "… провів зустріч з Генеральним прокурором Литовської
        # Республіки …", whose Ukrainian side is named by title alone)
        head = doc.clauses[0]
        ids += [
            sid
            for s, _, sid, _ in mentions.between(head.start, head.end)
            if not _named_as_setting(doc.text, head.start, s) and not _place_gloss(doc.text, s)
        ]
        if not bodies_signed:  # where bodies signed, "Київ" in the headline is the city that did
            ids += capital_ids(doc.text, head.start, head.end)
    if not ids:
        ids = _titled_signatories(doc, mentions)
    refused = _refused_to_sign(doc, mentions)
    return [i for i in unique_ids(ids) if i not in refused]


# the office holders of several states, plural ("Міністри закордонних справ України, Польщі та
# Литви", "лідери"), and what joins the states of a list
PLURAL_TITLE_UK = re.compile(
    r"(?<![^\W\d_])(?:(?:міністр|лідер|президент|прем[’'ʼ]?єр-міністр|очільник|керівник|посл|мер)(?:и|ів)|глави)(?!\w)",
    _I,
)
LIST_JOIN_UK = re.compile(r"\s*(?:,\s*(?:а\s+також\s+)?|\s(?:та|і|й)\s)\s*$", _I)
TITLED_LIST_REACH = 50  # how far after the title its list of states may begin ("закордонних справ")


def _titled_signatories(doc: Document, mentions: _MentionIndex) -> list[str]:
    """The states of the office holders who adopted or signed an instrument by their plural
    title alone ("Відповідну спільну декларацію міністри ухвалили …"), as the report first
    lists them with that title ("Міністри закордонних справ України, Польщі та Литви …")."""
    opening = _news_opening(doc, SIDES_OPENING)
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


def _listed_states(text: str, start: int, end: int, mentions: _MentionIndex) -> list[str]:
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


def _refused_to_sign(doc: Document, mentions: _MentionIndex) -> set[str]:
    """The states and bodies a Ukrainian report's opening says did not sign what the others
    signed: those its refusing clause names (or whose officials it names) before the verb."""
    out: set[str] = set()
    for clause in _news_opening(doc, SIDES_OPENING):
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


def _signed_with(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
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
    opening = _subject_start(clause, subject_end - clause.start)
    quoted = QUOTE_UK.search(doc.text, clause.start + opening, subject_end)
    city_signed = False
    if not subject and (coined or set(partners) - state_ids()):
        # a Ukrainian city the table knows, standing for its council, where it signs with a body
        # ("Дніпро підписав угоду про співробітництво з німецьким містом Кельн", "Київ підписав
        # угоду … з Європейським інвестиційним банком"): the one city the subject names
        cities = {city_named(t) for t in tokens_of(doc.text, clause.start + opening, subject_end)} - {None}
        subject = [f"{cities.pop()}CC"] if len(cities) == 1 else []
        city_signed = bool(subject)
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
    if not (coined or city_signed) or not subject or len(subject) + len(partners) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return unique_ids(subject + partners)


def _between_formula(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
    """The parties a report's sentence names in an instrument's formula ("… підписали Угоду
    між Волинською ОДА (Україна) та Люблінським воєводством (Республіка Польща)"), where it
    coins a body no table knows: the formula's names, not the states in brackets after them."""
    if not BETWEEN.search(clause.text):
        return []
    coined_before = list(mentions.coined)
    named = _with_coined(doc, clause.start, clause.end, mentions, coined_only=True)
    if len(named) >= MIN_PARTIES:
        return named
    mentions.coined = coined_before
    return []


def _named_as_setting(text: str, clause_start: int, s: int) -> bool:
    """Is the body at ``s`` named as where or about what a Ukrainian report's sides met or
    agreed, not as a side: the venue ("На полях сесії Ради ООН з прав людини"), or the
    subject an instrument is about ("заяву про розвиток транспортних коридорів між Україною
    та Європейським Союзом"; "угоду між Україною та …" names sides), the state it supports,
    or the organisation its sides seek to join ("на шляху до ЄС")?"""
    before = text[max(clause_start, s - SETTING_WINDOW) : s]
    if any(p.search(before) for p in (VENUE_UK, OFFICE_IN_UK, AID_TOPIC_UK, ACCESSION_GOAL_UK, OWNED_ENTERPRISE_UK)):
        return True
    if EVENT_OF_UK.search(before) and not SIDES_FORMAT_UK.match(text, s):
        return True  # "під час саміту Ради Європи": the body whose event hosted it; not "саміт Україна – ЄС"
    if PRESENCE_UK.search(before):
        return True  # "підписано … у присутності президента України": a witness, not a side
    programme = PROGRAMME_NAME_UK.search(before)
    if programme and programme.group("last").lower() not in PARTNER_PREPOSITIONS_UK:
        return True  # "у рамках Програми підтримки муніципалітетів України": the programme's name
    between = BETWEEN_OF_UK.search(before)
    return between is not None and not INSTRUMENT_NOUN_UK.search(between.group("noun"))


SETTING_WINDOW = 60
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
PRESENCE_UK = re.compile(r"(?<!\w)(?:у|в|при)\s+присутност\w+\s+(?:[\w'’ʼ-]+\s+){0,4}$", _I)
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
# "голова Представництва ЮНІСЕФ в Україні", "директор ЄБРР в Україні": where an office sits
OFFICE_IN_UK = re.compile(
    r"(?<!\w)(?:представництв|посольств|офіс|місі[їяю]|бюро|директор|керівни|представни|координатор)\w*"
    r"\s+(?:[\w'’ʼ-]+\s+){0,4}(?:в|у)\s+$",
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


def _from_signing_sentence(doc: Document, mentions: _MentionIndex) -> list[str]:
    """In a Ukrainian news report, the first sentence that reports a signing or a joint
    undertaking of named bodies ("Меморандум підписали Житомирська міська рада та …",
    "Організатори: Келецький технологічний парк (Республіка Польща) спільно з
    Вінницькою міською радою"): a city council or an organisation that signs is a
    party as much as a state is (gold set v2)."""
    if not _ukrainian_report(doc):
        return []
    for clause in doc.clauses:
        if SIGNING_UK.search(clause.text) and not _background(doc, clause):
            named = _between_formula(doc, clause, mentions) or _signed_with(doc, clause, mentions)
            if named:
                return named
            named_here = [
                sid for s, _, sid, _ in mentions.between(clause.start, clause.end) if not _place_gloss(doc.text, s)
            ]
            ids = unique_ids(_signing_subject(doc, clause, mentions) + named_here)
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
# lies in, named after it
REGION_OF_STATE_UK = re.compile(
    r"(?<!\w)(?:воєводств|повіт|регіон|провінці|кра[йюєї]|федеральн\w+\s+земл|департамент|округ)\w*\s+$", _I
)


def _place_gloss(text: str, start: int) -> bool:
    before = max(0, start - 60)
    return bool(PLACE_GLOSS_UK.search(text, before, start) or REGION_OF_STATE_UK.search(text, before, start))


# "підписав меморандум із представниками цієї організації": the partner named before by its kind
WITH_THE_ONE_NAMED_UK = re.compile(
    r"(?<!\w)(?:з|із|зі)\s+(?:представник\w*\s+|керівництв\w*\s+)?(?:цієї|цього|цією|цим|цими)\s+"
    r"(?P<kind>організаці|банк|фонд|агентств|корпораці|компані|установ|програм)\w*",
    _I,
)


def _signed_with_the_one_named_before(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
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
    return unique_ids(
        e.affiliation
        for e in sorted(doc.entities, key=lambda e: e.start)
        if e.label == "OFFICIAL" and e.affiliation and start <= e.start and e.end <= end
    )


# a subject that names the sides only as such ("Сторони", "Міністри", "Обидва лідери")
COLLECTIVE_SUBJECT = re.compile(
    r"\s*(?:(?:обидва|обидві|обоє|двоє)\s+)?(?:сторони|міністри|лідери|президенти|прем['’ʼ]єри|посадовці)\s*", _I
)


# Sources that read a report's opening: a report may go on to further instruments.
REPORT_SOURCES = ("news-instrument", "signing-sentence", "signing-sides")
# a signing told as background, not as one of the report's events
BACKGROUND_UK = re.compile(
    r"(?<!\w)(?:нагадаємо|нагадуємо|(?:варто|слід|треба)\s+нагадати|раніше|відтоді|минулого\s+року|торік|ще\s+(?:у|в)"
    r"|(?:у|в)\s+\d{4}\s+(?:році|р\.))(?!\w)",
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


def _further_signings(doc: Document, mentions: _MentionIndex, ids: list[str]) -> list[str]:
    """A Ukrainian report on a visit often goes on to further documents signed the same day by
    other pairs ("Того ж дня … підписали меморандум між Одеською ОВА та Повітовою радою
    Тулчі", "Укрексімбанк і Японський банк міжнародного співробітництва (JBIC) уклали кредитну
    угоду"): the parties of each, where a sentence after the opening names its signatories
    as bodies (a formula, a subject, a partner signed with) and tells no background."""
    if not _ukrainian_report(doc):
        return []
    found: list[str] = []
    for clause in _after_news_opening(doc):
        if not SIGNED_UK.search(clause.text) or _background(doc, clause):
            continue
        named = (
            _between_formula(doc, clause, mentions)
            or _signed_with(doc, clause, mentions)
            or _signing_subject(doc, clause, mentions, known_too=True)
            or _organisation_signed_with(doc, clause, mentions)
            or _officials_bodies_signed(doc, clause, mentions)
            or _officials_sides_signed(doc, clause)
        )
        found += [sid for sid in named if sid not in ids]
    return unique_ids(found)


def _officials_bodies_signed(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
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


def _organisation_signed_with(doc: Document, clause: Clause, mentions: _MentionIndex) -> list[str]:
    """The known organisation a sentence says was signed with ("… підписали з Європейським
    інвестиційним банком фінансову угоду"): the name right after "з"."""
    m = SIGNED_WITH_UK.search(clause.text)
    if m is None:
        return []
    partner = mentions.between(clause.start + m.end(), clause.end)
    return [partner[0][2]] if partner and partner[0][0] == clause.start + m.end() and partner[0][3] == "org" else []


def _from_signing_sides(doc: Document, mentions: _MentionIndex) -> list[str]:
    """In a Ukrainian report, the first sentence whose subject signs as sides named by their
    adjectives: it says who signed, whatever states the background before it names."""
    if not _ukrainian_report(doc):
        return []
    for clause in doc.clauses:
        sides = _signing_sides(doc, clause)
        if sides:
            return sides
    return []


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


def _signing_subject(doc: Document, clause: Clause, mentions: _MentionIndex, known_too: bool = False) -> list[str]:
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
    subject_start = _subject_start(clause, verb.start())
    start, end = clause.start + subject_start, clause.start + verb.start()
    ids, coined = parties_named(doc.text, start, end, lang, mentions.named_in, "nomn", True)
    if (coined or known_too) and len(ids) < MIN_PARTIES:
        before = _name_before_the_list(doc, start, end, mentions) or _kind_before_the_list(doc, start, end, mentions)
        ids = before + ids
    if not (coined or known_too) or len(ids) < MIN_PARTIES:
        return []
    mentions.add_coined(coined)
    return ids


def _name_before_the_list(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:
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


def _kind_before_the_list(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:
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


def _from_parts(doc: Document, mentions: _MentionIndex, members_only: bool = False) -> list[str]:
    """The two sides of a bilateral formula: "between the Community and its Member States,
    of the one part, and Albania, of the other part" ("de una parte … y … de otra parte",
    "d'une part … et … d'autre part", "з однієї сторони … та … з іншої сторони"). The first
    side is what stands before "of the one part" since the clause's "between" (or its start),
    the second what stands between the two formulas; each side may be a state or an
    organisation, and a side with nothing named in it makes no evidence. Only the opening
    of the text counts: later, the formula cites other agreements ("the Rules of Origin of
    the Europe Agreement concluded between the European Communities …, on the one part, and
    the Republic of Hungary, on the other part")."""
    for m in ONE_PART.finditer(doc.text, 0, PARTS_OPENING_CHARS):
        other = OTHER_PART.search(doc.text, m.end(), m.end() + PART_SPAN)
        if other is None:
            continue
        lead = doc.text[max(0, m.start() - PART_SPAN) : m.start()]
        cut = max((b.end() for b in PART_OPENING.finditer(lead)), default=0)
        if members_only and not MEMBER_STATES.search(lead[cut:]):
            continue
        breaks = [b.end() for b in BLANK_LINE.finditer(doc.text, max(0, m.start() - PART_SPAN), m.start())]
        if RECITAL_OPENING.match(doc.text, breaks[-1] if breaks else max(0, m.start() - PART_SPAN)):
            continue  # a recital citing another agreement ("TAKING INTO ACCOUNT the Agreement …")
        first = _part_ids(doc, m.start() - len(lead) + cut, m.start(), mentions)
        second = _part_ids(doc, m.end(), other.start(), mentions)
        if first and second:
            return unique_ids(first + second)
    return []


def _part_ids(doc: Document, start: int, end: int, mentions: _MentionIndex) -> list[str]:
    """The ids one side of the formula names; in a Ukrainian text, a body no table knows gets a
    coined id ("Акціонерним банком «…» (далі — «Позичальник»), з другої сторони")."""
    ids = mentions.ids(start, end)
    if ids or (doc.lang or "") != "uk":
        return ids
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, bodies_only=True)
    mentions.add_coined(coined)
    return ids


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


def _from_between(doc: Document, mentions: _MentionIndex) -> list[str]:
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


def _from_cities_between(doc: Document, mentions: _MentionIndex) -> list[str]:
    """A Ukrainian report on an instrument between two cities ("Угоду про побратимські
    зв'язки між містами Харковом і Нюрнбергом підписано …"): a Ukrainian city's council and a
    foreign city's own body the organisation table knows are the parties."""
    if not _ukrainian_report(doc):
        return []
    for m in CITIES_BETWEEN_UK.finditer(doc.text):
        if not _of_an_instrument(doc, m.start()):
            continue
        ids = [_city_body_id(m.group(1)), _city_body_id(m.group(2))]
        if ids[0] and ids[1] and ids[0] != ids[1]:
            return [ids[0], ids[1]]
    return []


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
    if not _ukrainian_report(doc):
        return True
    clause = next((c for c in doc.clauses if c.start <= offset < c.end), None)
    return clause is not None and _speaks_of_an_instrument(clause.text)


def _speaks_of_an_instrument(text: str) -> bool:
    """Does a Ukrainian text (or sentence) speak of an instrument, talks or an undertaking?"""
    return any(cue.search(text) for cue in REPORT_CUES_UK)


def _from_frequency(doc: Document, mentions: _MentionIndex) -> list[str]:
    if _ukrainian_report(doc):
        return _report_subjects(doc, mentions)
    counts = Counter(m[2] for m in mentions.between(0, len(doc.text), states_only=True))
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return [sid for sid, n in counts.most_common() if n >= FREQUENT_SHARE * top]


def _report_subjects(doc: Document, mentions: _MentionIndex) -> list[str]:
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


def _spoken_of_together(doc: Document, ids: list[str], mentions: _MentionIndex) -> bool:
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


# --- helpers -------------------------------------------------------------------


def unique_ids(ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def _is_org(ent: Entity) -> bool:
    """Organisation ids are not ISO alpha-3 codes (EU, NATO, G7, UDCG …)."""
    if ent.label == "ORG":
        return True
    if ent.label == "STATE":
        return False
    return not _is_state_id(ent.id or "")


def _is_state_id(sid: str) -> bool:
    return sid in state_ids()
