"""Officials' affiliations once the parties are known.

A party that is a body (a council, a university, a company) is what its people act for:
the mayor of a city that signs, the rector "в особі" whom a university acts, the people
listed "від ХНУРЕ —" or under a party's signature header.
"""

from __future__ import annotations

import re
from typing import Optional

from ...records import Document, Entity
from ..coined import SENTENCE_END, city_party
from ..recognizer import TITLE_WINDOW, surname_of
from ..uk.bodies import LOCAL_TITLES
from ..uk.gazetteer import demonym_id
from ..uk.sides import SIDE_WORDS_UK
from ..uk.titles import REMIT_BEFORE
from ..uk.tokens import lemmas, tokens_of
from .instrument import ACTING_REACH, IN_THE_PERSON_OF
from .mentions import LOCAL_BODY_SUFFIXES, NOT_FOR_ITS_STATE, PLACE_STEM, ids_inside, is_state_id

_I = re.IGNORECASE


# a private company's legal form in a title ("директор ТзОВ «Струмок»", "керівника ТОВ «…»")
PRIVATE_COMPANY = re.compile(r"(?<!\w)(?:ТОВ|ТзОВ|ПрАТ|ПП|приватн\w+\s+підприєм\w*)(?!\w)")
# a company by that word ("директор компанії Dragon Capital"), unless the state's ("Національної
# акціонерної компанії «Нафтогаз України»")
COMPANY = re.compile(r"(?<!\w)(?:інвест)?компані\w*", _I)
STATE_COMPANY = re.compile(r"(?<!\w)(?:державн|національн)\w*\s+(?:акціонерн\w*\s+)?компані", _I)


def private_company_staff(doc: Document, parties: list[str]) -> None:
    """A private company's staff act for no state (annotations/NOTES.md, third session of
    2026-12-06): they are officials only where the text names their company as a party, or where
    an act appoints them to a state body ("генеральний директор ТОВ … (за згодою)", U4)."""
    # a title that names its company only by the word ("генеральний директор компанії") may be the
    # signatory of a company the text makes a party without the title naming it
    company_party = any(not is_state_id(p) for p in parties)

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


# The head of a city, before the city's name in the genitive ("міський голова Рівного", "мер
# міста Кутаїсі", "бургомістр Філлаха", "президент Хелма": a Polish city's mayor)
CITY_HEAD = re.compile(
    r"(?:\b(?i:міськ\w*\s+голов\w*|мер\w*|бур(?:го)?містр\w*|президент\w*|приматор\w*|примар\w*|алькальд\w*|mayor|alcalde\w*|maire)"
    r"\s+(?i:міста\s+|of\s+|de\s+)?)(?P<city>[A-ZА-ЯЄІЇҐ][\w'’ʼ-]+)$"
)
OFFICE_SEAT = frozenset({"в", "у", "при", "до", "in", "to", "at", "en", "ante", "auprès"})
# the country or city a company's office in a title is in ("Alstom | в Україні |")
BODYS_SEAT = re.compile(r"»?\s+(?:в|у)\s+[А-ЯЄІЇҐ][\w'’ʼ-]+\s+")
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


# the rest of a Latin name whose first word is the party's mention ("віцепрезидент Boeing |
# International | Бертран-Марк Аллен")
LATIN_NAME_REST = re.compile(r"(?:\s+[A-Z][\w&.'’-]*){1,3}\s+")


def officials_of_party_bodies(doc: Document, bodies: list[str]) -> None:
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
            # "генеральний директор Alstom в Україні Жан-Луї …": the body, then where its office is
            if inside and (
                not doc.text[inside[-1].end : official.start].strip(" \t»")
                or BODYS_SEAT.fullmatch(doc.text, inside[-1].end, official.start)
                or LATIN_NAME_REST.fullmatch(doc.text, inside[-1].end, official.start)
            ):
                before = doc.text[title_start : inside[-1].start].split()
                # "послом України в НАТО Вадимом Пристайком": where the office sits, not whose;
                # "уповноважена у справах Європейського суду …": her remit
                remit = REMIT_BEFORE.search(doc.text, title_start, inside[-1].start)
                body = None if before and before[-1].lower() in OFFICE_SEAT or remit else inside[-1].id
        if body is None and (doc.lang or "") == "uk":
            body = _body_by_kind_in_title(title, named)
        if body is not None and (official.affiliation is None or is_state_id(official.affiliation)):
            official.affiliation = body
            placed[surname_of(official)] = official
    _share_placed(doc, placed)


# the kinds of body a title may end on alone ("президент провінції", "маршалок воєводства")
KINDS_IN_TITLES = frozenset({"провінція", "воєводство", "регіон", "повіт", "край", "кантон", "земля"})


def _body_by_kind_in_title(title: str, named: list[Entity]) -> Optional[str]:
    """The one party body whose name holds the kind a Ukrainian title ends on ("президент
    провінції Мауріціо …" of "автономна провінція Тренто")."""
    words = title.split()
    kinds = lemmas(words[-1].lower()) & KINDS_IN_TITLES if words else frozenset()
    if not kinds:
        return None
    ids = {e.id for e in named if any(lemmas(w.lower()) & kinds for w in e.text.split())}
    return ids.pop() if len(ids) == 1 else None


# a city named after a local title: "мер | Батумі", "мера | міста Кошице"
PLACE_AFTER_TITLE = re.compile(r"\s+(?:міста\s+|м\.\s*)?[А-ЯІЇЄҐA-Z]")
# a member of a body named from outside the issuer of the act that lists it
BY_CONSENT = re.compile(r"\(за\s+згодою\)")


def officials_of_the_local_party(doc: Document, parties: list[str]) -> None:
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


def head_signing_the_bodys_act(doc: Document, parties: list[str], source: str) -> None:
    """A local body's own act ("ЛЬВІВСЬКА ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ / РОЗПОРЯДЖЕННЯ") is
    signed in its last paragraph by its head under a bare title ("Начальник   Максим КОЗАЧЕНКО"):
    the head acts for the body, not for the state."""
    if source != "issuer" or len(parties) != 1 or not parties[0].endswith(LOCAL_BODY_SUFFIXES):
        return
    last = doc.text.rstrip().rfind("\n\n")
    for official in doc.entities:
        if official.label == "OFFICIAL" and official.start > last and BARE_HEAD_TITLE.fullmatch(official.role or ""):
            official.affiliation = parties[0]


def staff_of_the_institutions_act(doc: Document, parties: list[str], source: str) -> None:
    """An institution's own order ("СУМСЬКИЙ ДЕРЖАВНИЙ УНІВЕРСИТЕТ" / "НАКАЗ") lists its own
    staff ("ДЕМ'ЯНЕНКО Тарас Олегович — начальник відділу міжнародних проєктів"): a member whose
    office names no body of its own and who is not added "(за згодою)" acts for the institution,
    not for the state its ministry's line names."""
    if source != "issuer" or len(parties) != 1 or is_state_id(parties[0]):
        return
    if parties[0].endswith(LOCAL_BODY_SUFFIXES):
        return  # a local body's act: its heads and members are read by the local titles
    for official in doc.entities:
        role = official.role or ""
        if (
            official.label == "OFFICIAL"
            and official.affiliation in (None, "UKR")
            and not BY_CONSENT.search(role)
            and not any(w[:1].isupper() for w in role.split()[1:])
        ):
            official.affiliation = parties[0]


def _share_placed(doc: Document, placed: dict[str, Entity]) -> None:
    """The same person's other mentions ("— сказав Маркус Штайнер") act for the party that
    ``placed`` (by surname) gives them, unless they already act for a body."""
    for other in doc.entities:
        placed_mention = placed.get(surname_of(other)) if other.label == "OFFICIAL" else None
        if placed_mention and (other.affiliation is None or is_state_id(other.affiliation)):
            other.affiliation = placed_mention.affiliation
            name = placed_mention.name
            if other.name and name and other.name != name and other.name.endswith(name):
                other.name, other.role = name, placed_mention.role  # the name that took the city's word


# "від ХНУРЕ — проректорку …", "від УГКЦ — голова Патріаршої курії …", "З боку СумДУ документи
# підписав ректор …": the side a title stands for
# "Від ОВА документ підписав …": a signing verb after the side, before its signatory
SIGNED_AFTER_SIDE = re.compile(r"(?<!\w)(?:підписа\w*|скріпи\w*|постави\w*\s+(?:свій\s+)?підпис)", re.IGNORECASE)
# a company's side in its quoted name ("З боку «Нафтогазу» документ підписав …")
FROM_SIDE = re.compile(r"(?<!\w)(?:[вВ]ід|(?P<by>[зЗ]\s+боку))\s+[«“\"]?$")
SIDE_DASH = re.compile(r"[»”\"]?\s*[—–-]\s")


def _sides_named(doc: Document, parties: list[str], institutions: list[Entity]) -> list[Entity]:
    """The mentions of the parties, and the institutions that stand for them."""
    sides = [e for e in doc.entities if e.label == "PARTY" and e.id in parties] + institutions
    return sorted(sides, key=lambda e: (e.start, e.end))


# a side named by its kind ("від університету — ректор …", "з боку банку документ підписав …"), or
# by its kind and its place's adjective ("від мюнхенського університету — президент …")
KIND_SIDE_UK = re.compile(
    rf"(?<!\w){SIDE_WORDS_UK}\s+(?:(?P<place>[а-яєіїґ'’ʼ-]+?)(?:ськ|цьк|зьк)(?:ого|ої)\s+)?"
    r"(?P<kind>університету|академії|інституту|банку|фонду|компанії|агентства|організації|церкви)(?!\w)"
)


# the same kinds in the names of foreign bodies ("з боку академії" of "e-Governance Academy")
LATIN_KIND_WORDS = {
    "університет": frozenset({"university", "universität", "université", "universidad", "uniwersytet"}),
    "академія": frozenset({"academy", "akademie", "académie", "akademia", "academia"}),
    "інститут": frozenset({"institute", "institut", "instytut", "instituto"}),
    "банк": frozenset({"bank", "banco", "banque"}),
    "фонд": frozenset({"fund", "foundation", "fonds", "stiftung", "fundacja", "fundación", "fondation"}),
    "компанія": frozenset({"company", "corporation", "corp.", "inc.", "ltd", "ltd.", "llc", "plc", "gmbh", "ag"}),
    "агентство": frozenset({"agency", "agentur", "agence", "agencja", "agencia"}),
    "організація": frozenset({"organization", "organisation", "organizacja", "organización"}),
    "церква": frozenset({"church"}),
}


# the city a body's name is followed by ("Ягеллонський університет | у Кракові")
SEAT_AFTER = re.compile(r"\s+(?:у|в)\s+(?:м\.\s*)?([А-ЯЄІЇҐ][\w'’ʼ-]+)")


def _name_and_seat(text: str, mention: Entity) -> list[str]:
    """The words of a party's mention, and the city its seat is written in after it."""
    seat = SEAT_AFTER.match(text, mention.end)
    return mention.text.split() + ([seat.group(1)] if seat else [])


# the kind written before a name that does not hold it ("американська компанія | Boeing")
KIND_BEFORE_UK = re.compile(r"(?<!\w)([а-яєіїґ'’ʼ]+)\s+$")


def _kind_word_before(text: str, start: int) -> frozenset[str]:
    """The lemmas of the lower-case word right before ``start`` (a kind written before a name)."""
    m = KIND_BEFORE_UK.search(text, max(0, start - 20), start)
    return lemmas(m.group(1).lower()) if m else frozenset()


def _kind_sides(doc: Document, parties: list[str]) -> list[Entity]:
    """The sides a Ukrainian text names by their kind ("від університету", "з боку академії"),
    each where one party is of that kind, the word in its Ukrainian or Latin name. (Not "від
    міста": a twinning's foreign city has an id of its own name, so one city council among the
    parties does not make it the only city.)"""
    if (doc.lang or "") != "uk":
        return []
    named = [e for e in doc.entities if e.label == "PARTY" and e.id in parties]
    out = []
    for m in KIND_SIDE_UK.finditer(doc.text):
        kind_lemmas = lemmas(m.group("kind").lower())
        latin = frozenset().union(*(LATIN_KIND_WORDS.get(k, frozenset()) for k in kind_lemmas))
        place = (m.group("place") or "")[:PLACE_STEM]  # "від мюнхенського університету": the Munich one
        ids = {
            e.id
            for e in named
            if (
                any(lemmas(w.lower()) & kind_lemmas or w.lower().strip(",") in latin for w in e.text.split())
                or kind_lemmas & _kind_word_before(doc.text, e.start)
            )
            and (not place or any(w.lower().startswith(place) for w in _name_and_seat(doc.text, e)))
        }
        if len(ids) == 1:
            start = m.start("place") if m.group("place") else m.start("kind")
            out.append(Entity(start, m.end("kind"), doc.text[start : m.end("kind")], "PARTY", ids.pop()))
    return out + _state_adjective_sides(doc, parties)


def _state_adjective_sides(doc: Document, parties: list[str]) -> list[Entity]:
    """The sides a Ukrainian text names by a party state's adjective: before a body's word after
    the side words ("з боку грузинського бюро —", the mention from the adjective on, so that the
    side words stand before it), or before "боку"/"сторони" ("З норвезького боку документ
    підписала …", the mention holding its side words)."""
    out = []
    for pattern, source in ((STATE_BODY_SIDE_UK, None), (ADJECTIVE_SIDE_UK, ADJECTIVE_SIDE)):
        for m in pattern.finditer(doc.text):
            adjective = "adjective" if m.group("adjective") else "adjective_f"
            state = demonym_id(tokens_of(m.group(adjective))[0])
            if state in parties:
                start = m.start() if source else m.start(adjective)
                out.append(Entity(start, m.end(), doc.text[start : m.end()], "PARTY", state, source=source))
    return out


# a party state's side by its adjective before "боку" or "сторони"
ADJECTIVE_SIDE_UK = re.compile(
    r"(?<!\w)(?:[зЗ]\s+(?P<adjective>[а-яєіїґ'’ʼ-]+(?:ського|цького|зького))\s+боку"
    r"|[вВ]ід\s+(?P<adjective_f>[а-яєіїґ'’ʼ-]+(?:ської|цької|зької))\s+сторони)(?!\w)"
)
ADJECTIVE_SIDE = "side-adjective"


# a side named by its state's adjective and a body's word ("з боку грузинського бюро", "від
# литовського міністерства —")
STATE_BODY_SIDE_UK = re.compile(
    rf"(?<!\w){SIDE_WORDS_UK}\s+(?P<adjective>[а-яєіїґ'’ʼ-]+(?:ського|цького|зького|ської|цької|зької))\s+"
    r"[а-яєіїґ'’ʼ-]+(?!\w)"
)


def institutions_for(doc: Document, parties: list[str]) -> list[Entity]:
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
        inside = [sid for _, _, sid, _ in ids_inside(doc, ent) if sid in parties]
        if inside:
            out.append(Entity(ent.start, ent.end, ent.text, "PARTY", inside[-1], source="institution"))
    return out


def officials_by_side(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
    """An official after "від X —" in a list of each side's people, or after "з боку X" in the
    same sentence, acts for the party X, and so do that person's other mentions."""
    placed: dict[str, Entity] = {}
    mentions = sorted(_sides_named(doc, parties, institutions) + _kind_sides(doc, parties), key=lambda e: e.start)
    officials = [e for e in doc.entities if e.label == "OFFICIAL"]
    for mention in mentions:
        by_adjective = mention.source == ADJECTIVE_SIDE  # "З норвезького боку": the side words are its own
        side = None if by_adjective else FROM_SIDE.search(doc.text, max(0, mention.start - 8), mention.start)
        if side is None and not by_adjective:
            continue
        dash = SIDE_DASH.match(doc.text, mention.end)
        start = dash.end() if dash else mention.end
        after = [o for o in officials if start <= o.start < start + ACTING_REACH]
        if not after or SENTENCE_END.search(doc.text, start, after[0].start):
            continue
        by = by_adjective or (side is not None and side.group("by"))
        if dash is None and not by and not SIGNED_AFTER_SIDE.search(doc.text, start, after[0].start):
            continue  # "від X" without a dash is a side where a signing follows ("Від ОВА документ підписав …")
        if any(
            m.start < after[0].start and not SEAT_BEFORE_UK.search(doc.text, max(0, m.start - 3), m.start)
            for m in mentions
            if m.start > mention.end
        ):
            continue  # another party is named between them (not where an office sits: "представник … в Україні")
        before, after[0].affiliation = after[0].affiliation, mention.id
        placed[surname_of(after[0])] = after[0]
        for other in officials:  # the mentions that took the side given before ("— сказав владика Мельничук")
            if other.affiliation == before and surname_of(other) == surname_of(after[0]):
                other.affiliation = mention.id
    _share_placed(doc, placed)


# "в Україні", "у Польщі": where an office sits, named in its holder's title
SEAT_BEFORE_UK = re.compile(r"(?<!\w)(?:в|у)\s+$")


def officials_acting_for(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
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


def _drop_first_word(official: Entity, word: str) -> None:
    cut = len(word) + 1
    official.start += cut
    official.text = official.text[cut:]
    official.role = f"{official.role} {word}" if official.role else word
    if official.name and len(official.name.split()) > len(official.text.split()):
        official.name = official.name.split(" ", 1)[1]  # the city's word, maybe declined


def signatories_of_header_parties(doc: Document, parties: list[str], institutions: list[Entity]) -> None:
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
