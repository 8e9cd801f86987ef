"""A document's party mentions: the ids inside its entities, and the mentions added once the parties are known.

``MentionIndex`` answers "which ids are named between these offsets" for every evidence
rule; after the parties are chosen, the names of coined parties, their short forms and
bare head nouns ("Університет", "облдержадміністрації") become PARTY mentions too.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from typing import Optional

from ...records import Document, Entity
from ..coined import (
    BETWEEN,
    BODY_LEMMAS,
    LATIN_SHORT_NAME,
    OPENING_QUOTES,
    QUOTED_PART,
    CoinedParty,
    is_name,
    parties_named,
)
from ..gazetteer import (
    ABBREVIATION,
    gazetteer,
    groupings_of_states,
    institution_owners,
    is_cyrillic,
    never_parties,
    represented_by,
    state_ids,
)
from ..home_organs import home_organ_mentions
from ..recognizer import CYRILLIC
from ..uk.bodies import bare_body_mentions
from ..uk.gazetteer import ukrainian_gazetteer
from ..uk.short_forms import (
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
from ..uk.tokens import lemmas, tags_of, tokens_of

OPENING_CLAUSES = 40
OPENING_SHARE = 0.3  # the opening is also bounded by a share of the text
MIN_PARTIES = 2
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
# the legal forms a company's Latin name may end with, one list for every rule that reads them
LATIN_LEGAL_FORMS = (
    r"(?:AG|GmbH|SE|S\.A\.|SA|Ltd\.?|Inc\.?|plc|PLC|LLC|N\.V\.|NV|B\.V\.|BV|AB|ASA|AS|A/S|Oy|Oyj|S\.p\.A\.|SpA"
    r"|S\.r\.l\.|Sp\.\s*z\s*o\.o\.|a\.s\.|s\.r\.o\.|Corporation|Corp\.?|Incorporated|Limited|Company)"
)
LOCAL_BODY_SUFFIXES = (
    "CC",
    "ODA",
    "OC",
    "RR",
    "RDA",
)  # uk.bodies.BODY_FORMS' coined ids, and a raion's (coined.RAION_BODY)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# What follows a body's name where the text cites one of its acts, not the body itself
CITED_ACT = re.compile(r"\s*(?:[Rr]esolution|[Rr]esoluci[oó]n|[Rr][ée]solution|[Рр]езолюці)")
# the same in a Ukrainian genitive: the body whose judgments or resolutions a text cites
# ("щодо виконання рішень ЄСПЛ", "відповідно до резолюції Генасамблеї ООН") is no party
# (the nouns only: "Заяву ухвалили Литва, Латвія …" names its authors)
CITED_ACT_BEFORE = re.compile(
    r"(?<!\w)(?:рішенн\w*|рішень|резолюці\w*|ухвали|ухвал|постанови|постанов|вироку|вироків)\s+$", _I
)
CITED_REACH = 24  # characters before a name in which its cited act is looked for


def add_head_noun_mentions(doc: Document, bodies: list[str]) -> None:
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


def outside_brackets(text: str, start: int, end: int, found: list) -> list:
    """The mentions of ``found`` (``MentionIndex.between``) not inside round brackets between
    ``start`` and ``end``: "the Kingdom of Denmark (in respect of the Faroe Islands and
    Greenland)", "Чернівецької міської ради (Україна)" — words in brackets qualify or place a
    party, they name none."""
    brackets = [(start + b.start(), start + b.end()) for b in re.finditer(r"\([^()]*\)", text[start:end])]
    return [m for m in found if not any(a <= m[0] and m[1] <= b for a, b in brackets)]


def as_parties(ids: Iterable[str]) -> list[str]:
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
    if sum(1 for i in ids if is_state_id(i)) >= MIN_PARTIES:
        ids = [i for i in ids if i not in groupings_of_states()]
    return ids


# --- mentions with the ids inside institutions --------------------------------


class MentionIndex:
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
                for s, e, sid, kind in ids_inside(doc, ent):
                    if not (not_for_its_state and kind == "state"):
                        self.items.append((s, e, sid, kind))
            elif ent.id:
                self.items.append((ent.start, ent.end, ent.id, "org" if is_org(ent) else "state"))
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
        """Keep the parties a source coined, each id once: under its fuller name where one
        source coined the quoted name ("НАЕК «Енергоатом»" → "Енергоатом") and another the full
        name around it ("Національна атомна енергогенеруюча компанія «Енергоатом»"), so that the
        full name is tagged whole and the quoted one wherever it stands alone."""
        for c in coined:
            k = next((k for k, kept in enumerate(self.coined) if kept.id == c.id), None)
            if k is None:
                self.coined.append(c)
            elif (inner := QUOTED_PART.search(c.name)) and inner.group(1).lower() == self.coined[k].name.lower():
                self.coined[k] = c

    def named_in(self, start: int, end: int, before: int) -> list[str]:
        """The ids whose names begin between ``start`` and ``end`` and before ``before``, even
        where a name runs on past ``end`` (over the comma in "Organisation des Nations Unies
        pour l'éducation, la science et la culture")."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, min(end, before))
        return unique_ids(m[2] for m in self.items[lo:hi])


def ids_inside(doc: Document, ent: Entity) -> list[tuple[int, int, str, str]]:
    if is_cyrillic(ent.text):
        toks = tokens_of(doc.text, ent.start, ent.end)
        return [(s, e, en.id, en.kind) for s, e, _, _, en in ukrainian_gazetteer().find(doc.text, toks)]
    gaz = gazetteer(doc.lang or "en")
    return [(m.start, m.end, m.id, m.kind) for m in gaz.find(doc.text, ent.start, ent.end)]


def with_coined(doc: Document, start: int, end: int, mentions: MentionIndex, coined_only: bool = False) -> list[str]:
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


def one_body_coined_once(parties: list[str], mentions: MentionIndex) -> list[str]:
    """A body the text names in two ways that were coined two ids is one party, under the
    id of its fuller name:

    - a hromada and its council named by the same adjective ("Ічнянська громада", "Ічнянська
      міська рада"): the council, which acts for the hromada;
    - a body's full name around a quoted name ("Національний університет «Львівська
      політехніка»") and that quoted name alone ("Львівська політехніка підписала …"), as
      Ukrainian names a university, a fund or an enterprise in full once and by its quoted
      name otherwise;
    - a company's Latin name and its first word alone ("Westinghouse Electric Company",
      "Westinghouse"), as news shortens a foreign company's name;
    - a body named in full with its acronym in brackets ("Жешувська агенція регіонального
      розвитку (…, RARR)") and by that acronym alone ("польська RARR");
    - a body of a place named by the place ("Університет Ополе") and by its adjective
      ("Опольський університет"): the adjective's form, the usual one in Ukrainian."""
    councils = {c.name.split()[0].lower(): c.id for c in mentions.coined if c.name.split()[-1].lower() == "рада"}
    quoted: dict[str, str] = {}
    by_adjective: dict[tuple[str, str], str] = {}  # (kind, the place's first letters) -> id
    for c in mentions.coined:
        inner = QUOTED_PART.search(c.name)
        if inner and inner.start() > 0:
            quoted.setdefault(inner.group(1).lower(), c.id)
        if first := latin_first_word(c.name):  # "Westinghouse" of "Westinghouse Electric Company"
            quoted.setdefault(first.lower(), c.id)
        if c.name != c.id:  # "RARR", the acronym its bracket gave "Жешувська агенція … (…, RARR)"
            quoted.setdefault(c.id.lower(), c.id)
        words = c.name.lower().split()
        if len(words) == 2 and words[1] in PLACE_BODY_KINDS:  # "опольський університет"
            by_adjective.setdefault((words[1], words[0][:PLACE_STEM]), c.id)
    renamed: dict[str, str] = {}
    for k, c in enumerate(mentions.coined):
        words = c.name.split()
        lower = [w.lower() for w in words]
        if len(words) == 2 and lower[1] == "громада" and lower[0] in councils:
            renamed[c.id] = councils[lower[0]]
        elif quoted.get(c.name.lower(), c.id) != c.id:
            renamed[c.id] = quoted[c.name.lower()]
        elif len(words) == 2 and lower[0] in PLACE_BODY_KINDS and words[1][:1].isupper():
            # "університет ополе": the kind, then the place
            same = by_adjective.get((lower[0], lower[1][:PLACE_STEM]))
            if same and same != c.id:
                renamed[c.id] = same
        if c.id in renamed:
            mentions.coined[k] = dataclasses.replace(c, id=renamed[c.id])
    return unique_ids(renamed.get(p, p) for p in parties)


# bodies a place's name or adjective names ("Університет Ополе", "Опольський університет"), and
# the first letters a place's name and adjective share ("Опол-е", "Опол-ьський")
PLACE_BODY_KINDS = frozenset({"університет", "академія", "інститут", "політехніка", "музей", "театр", "філармонія"})
PLACE_STEM = 4


def add_coined_mentions(doc: Document, coined: list[CoinedParty]) -> None:
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
        # a company's name without its legal form ("Deutsche Bank" of "Deutsche Bank AG"), and the
        # short name a bracket gives after the full one ("… банк України (Укрексімбанк)"), in any case
        # the quoted name inside the full one ("«Енергоатому»" of "Національна атомна
        # енергогенеруюча компанія «Енергоатом»"), and a Latin company's first word alone ("від
        # Westinghouse —" of "Westinghouse Electric Company")
        by_name = sorted(
            set(
                by_name
                + _without_legal_form(doc, party.name)
                + _bracketed_short_name(doc, party)
                + _quoted_part_mentions(doc, party.name)
                + _latin_first_word_mentions(doc, party.name)
                + _brand_of_the_state_mentions(doc, party.name)
            )
        )
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


# a company's name without its legal form ("Deutsche Bank" of "Deutsche Bank AG")
LATIN_LEGAL_FORM = re.compile(rf"^(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*?)\s+{LATIN_LEGAL_FORMS}$")
LEGAL_FORM_AFTER = re.compile(r"\s+(?:[A-Z][\w.]*|[a-z]{1,3}\.)")


def _without_legal_form(doc: Document, name: str) -> list[tuple[int, int]]:
    """Where the text names a company by its Latin name without the legal form ("Deutsche Bank"
    of "Deutsche Bank AG"), not where the legal form follows (the full name's own mentions)."""
    bare = LATIN_LEGAL_FORM.match(name)
    if bare is None:
        return []
    return [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare.group('name'))}(?![\w-])", doc.text)
        if not LEGAL_FORM_AFTER.match(doc.text, m.end())
    ]


def _quoted_part_mentions(doc: Document, name: str) -> list[tuple[int, int]]:
    """In Ukrainian, where the text names a coined body by the quoted name inside its full name,
    in any case ("від «Енергоатому»", "НАЕК «Енергоатом»" of "Національна атомна
    енергогенеруюча компанія «Енергоатом»"), or by that name's initials ("КПІ"): Ukrainian names a
    company, a fund or a university in full once and by its quoted name otherwise."""
    inner = QUOTED_PART.search(name)
    if doc.lang != "uk" or inner is None or inner.start() == 0:
        return []
    # and by that name's initials, of three letters or more ("КПІ" of "… «Київський політехнічний
    # інститут імені Ігоря Сікорського»")
    initials = [(s, e) for s, e in initials_mentions(doc.text, inner.group(1)) if e - s >= 3]
    return name_occurrences(doc.text, inner.group(1)) + initials


# words that begin many companies' Latin names, so that one alone names none of them
GENERIC_LATIN_FIRST_WORDS = frozenset(
    "the general national international united american european global first world royal central "
    "eastern western northern southern nordic baltic british french german japan japanese korea korean "
    "china chinese asian african canadian swiss deutsche bank banco banque credit crédit energy group "
    "pacific atlantic trans open digital smart green allied standard union ukraine ukrainian euro inter "
    "new north south east west black".split()
)
LATIN_NAME_WORD = re.compile(r"[A-Z][A-Za-z]{3,}")
LATIN_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")


def latin_first_word(name: str) -> Optional[str]:
    """The first word of a company's Latin name of several words, where that word alone can
    name it ("Westinghouse" of "Westinghouse Electric Company"; not "General" of "General
    Electric", nor of a one-word name)."""
    bare = LATIN_LEGAL_FORM.match(name)
    words = (bare.group("name") if bare else name).split()
    if len(words) < 2 or not all(w.isascii() for w in words):
        return None
    first = words[0]
    if not LATIN_NAME_WORD.fullmatch(first) or first.lower() in GENERIC_LATIN_FIRST_WORDS:
        return None
    return first


def _latin_first_word_mentions(doc: Document, name: str) -> list[tuple[int, int]]:
    """In Ukrainian, where the text names a company by the first word of its Latin name alone
    ("від Westinghouse —" of "Westinghouse Electric Company"): in Cyrillic text a Latin word is a
    foreign name, and a company's first word is the one news keeps. Not a word that begins many
    names ("General", "National"), nor where another Latin name word follows ("Westinghouse Air
    Brake" is another company)."""
    first = latin_first_word(name)
    if doc.lang != "uk" or first is None:
        return []
    return [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])", doc.text)
        if not LATIN_NAME_GOES_ON.match(doc.text, m.end())
    ]


# a one-word brand followed by its state's name ("Нафтогаз України")
BRAND_OF_THE_STATE_UK = re.compile(r"(?P<brand>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]{3,})\s+України")


def _brand_of_the_state_mentions(doc: Document, name: str) -> list[tuple[int, int]]:
    """In Ukrainian, where the text names a body called "<brand> України" by its brand alone, in
    any case ("Голова правління Нафтогазу" of "НАК «Нафтогаз України»"); not where the one word is
    a body's kind ("Союз України")."""
    m = BRAND_OF_THE_STATE_UK.fullmatch(name)
    if doc.lang != "uk" or m is None or lemmas(m.group("brand").lower()) & BODY_LEMMAS:
        return []
    return [(s, e) for s, e in name_occurrences(doc.text, m.group("brand")) if not doc.text.startswith(name, s)]


# a Ukrainian short name in brackets right after a body's full name ("(Укрексімбанк)")
BRACKETED_SHORT_NAME_UK = re.compile(r"\s*\(\s*(?P<word>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]{4,})\s*\)")


def _bracketed_short_name(doc: Document, party: CoinedParty) -> list[tuple[int, int]]:
    """Where a Ukrainian text names a coined party by the one-word short name its bracket gives
    right after the full name ("Державний експортно-імпортний банк України (Укрексімбанк)"), in
    any case; not a state or a known body in brackets ("Мерія Ясси (Румунія)")."""
    if doc.lang != "uk":
        return []
    end = party.end + (1 if doc.text[party.end : party.end + 1] in CLOSING_QUOTES else 0)
    m = BRACKETED_SHORT_NAME_UK.match(doc.text, end)
    if m is None or ukrainian_gazetteer().find(doc.text, tokens_of(doc.text, m.start("word"), m.end("word"))):
        return []
    return name_occurrences(doc.text, m.group("word"))


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
    rf"\s*\(\s*(?P<name>[^()\n,;]{{4,120}}?)(?:\s+{LATIN_LEGAL_FORMS})?\s*(?P<rest>[,;][^()\n]*)?\)"
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


def add_bare_body_mentions(doc: Document, body: str) -> None:
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


# --- helpers -------------------------------------------------------------------


def unique_ids(ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def is_org(ent: Entity) -> bool:
    """Organisation ids are not ISO alpha-3 codes (EU, NATO, G7, UDCG …)."""
    if ent.label == "ORG":
        return True
    if ent.label == "STATE":
        return False
    return not is_state_id(ent.id or "")


def is_state_id(sid: str) -> bool:
    return sid in state_ids()


def unnamed_place(doc: Document, start: int, end: int, mentions: MentionIndex) -> bool:
    """Could the word at ``start``–``end`` be a city the tables do not know: no state, body or
    person the text names there, and no word the dictionary knows as a person's name."""
    if mentions.ids(start, end) or any(e.start < end and start < e.end for e in doc.entities):
        return False
    return not any(g in tag for tag in tags_of(doc.text[start:end].lower()) for g in ("Name", "Surn", "Patr"))
