"""Signature blocks laid out in columns, as Ukrainian agreements and memoranda print them:

    За Кабінет Міністрів України                 За Європейський інвестиційний банк
    Прем'єр-міністр України                      Віце-президент ЄІБ
    ____________________                         ____________________
    Юлія ГАВРИШ                                  Клаудія ЛОРЕНЦІНІ

Each column is read down on its own: its "За X" / "Від X" header names the party, the lines
between the header and the name (or under the name) its signatory's title, and the signatory
acts for that party with that title. Read across, the lines would pair the left person with
the right header. Blocks set one under another ("За X" / title / name) are read as blocks of
one column. Run in the parties stage, after coined parties have their ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Optional

from ..records import Document, Entity
from .names import nominative
from .officials import official_entity
from .uk.gazetteer import ukrainian_gazetteer
from .uk.title_words import columns_of
from .uk.titles import ROLE_HEADS, SIGNATURE_HEADER, SIGNING_RULE
from .uk.tokens import grammemes, lemmas, tokens_of

NOT_A_TITLE = re.compile(r"^(?:\(?підпис\)?|[_.…\s]+|М\.\s?П\.?|\(?печатка\)?)$", re.IGNORECASE)
# a signatory's name as the block prints it: first name, then the surname, in capitals or not;
# in Latin letters too ("Krzysztof MATUSZEWSKI")
PERSON = re.compile(
    r"^[^\W\d_][\w'’ʼ-]+(?:\s+[^\W\d_]\.)?\s+[^\W\d_][\w'’ʼ-]+$"
    r"|^[^\W\d_][\w'’ʼ-]+\s+[^\W\d_][\w'’ʼ-]+\s+[A-ZА-ЯЄІЇҐ][A-ZА-ЯЄІЇҐ'’ʼ-]+$"  # "Пер Гольм НІЛЬСЕН"
)
LATIN = re.compile(r"^[A-Za-z]")
MAX_BLOCK_LINES = 12  # lines of a block after the line with its headers
STACKED_LINES = 4  # lines of a block under a header of its own: title and name, or name and title
MAX_STACKED_LINE = 90  # characters of a header, title or name line; a longer one is a paragraph
SHORT_HEADER = re.compile(rf"^[ \t]*(?:За|Від)\s+[^.,;:!?\n]{{2,{MAX_STACKED_LINE}}}$")
SENTENCE_PUNCTUATION = re.compile(r"[.;!?](?:\s|$)|,\s")
# "В. І. МАРТИНЮК", "О.Петренко": a signatory by initials and surname
INITIALS_AND_SURNAME = re.compile(r"^(?:[А-ЯЄІЇҐ]\.\s?){1,2}[А-ЯЄІЇҐ][А-ЯЄІЇҐа-яєіїґ'’ʼ-]+$")
LABELLED = re.compile(
    r"^[ \t]*Ім['’ʼ]я\s*:[ \t]*(?P<name>[^\n]*\S)[ \t]*\n[ \t]*Посада\s*:[ \t]*(?P<role>[^\n]*\S)", re.M
)
LABELLED_REACH = 300  # characters above the lines in which their party is named
ON_BEHALF = re.compile(r"(?:від\s+імені|^\s*(?:ПІДПИСАНО|ПІДПИСАЛИ))[\s:]*$", re.IGNORECASE)


@dataclass
class Column:
    header: list[tuple[int, int]] = field(default_factory=list)
    titles: list[tuple[int, int]] = field(default_factory=list)  # above the name
    under: list[tuple[int, int]] = field(default_factory=list)  # the title under the name
    person: Optional[tuple[int, int]] = None
    titled: bool = False  # the header is the signatory's title, not "За X"


def column_signatures(doc: Document, institutions: Sequence[Entity] = ()) -> None:
    """Place each column's signatory: the party of its header, the title of its lines.
    ``institutions``: a party state's ministries as mentions of it ("За МОЗ України")."""
    if (doc.lang or "") != "uk":
        return
    _labelled_signatures(doc)
    _names_over_titles(doc)
    _titles_over_names(doc)
    text = doc.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for k, (a, b) in enumerate(lines):
        pieces = columns_of(text, a, b)
        headers = all(SIGNATURE_HEADER.match(text[s:e]) for s, e in pieces)
        above = text[slice(*lines[k - 1])] if k > 0 else ""
        if len(pieces) >= 2 and (headers or _names_parties_on_behalf(doc, above, pieces)):
            _place(doc, _columns(text, lines[k : k + 1 + MAX_BLOCK_LINES], [s - a for s, _ in pieces]), institutions)
        elif len(pieces) >= 2 and all(_titled(text[s:e]) and not NOT_A_TITLE.match(text[s:e]) for s, e in pieces):
            # titles side by side over the names ("Мер Оденсе      Мер Орхуса" / "Пер Гольм
            # НІЛЬСЕН      Сіне АДАМСЕН"): each title heads its column and names its body
            columns = _columns(text, lines[k : k + 1 + MAX_BLOCK_LINES], [s - a for s, _ in pieces])
            for column in columns:
                column.titles, column.titled = column.header + column.titles, True
            if all(column.person for column in columns):
                _place(doc, columns, institutions)
        elif len(pieces) == 1 and SHORT_HEADER.match(text[a:b]):
            # one block under another: "За Латвійську Республіку" / "міністерка закордонних
            # справ" / "Байба ОЗОЛІНЯ", or "Від Асоціації …" / "Президент     Гедимінас ВАЛАНТІНАС"
            _place(doc, _columns(text, lines[k : k + 1 + STACKED_LINES], [0]), institutions, stacked=True)


def _labelled_signatures(doc: Document) -> None:
    """ "Ім'я: Роман Гаврилюк" / "Посада: Міністр фінансів" under a party's name (a loan
    agreement's signature page, in the lender's own form): the signatory acts for the party
    named last above the lines, with the title the lines give."""
    text = doc.text
    parties = sorted((e.start, e.id) for e in doc.entities if e.label == "PARTY" and e.id)
    for m in LABELLED.finditer(text):
        s, e = m.span("name")
        above = [pid for start, pid in parties if m.start() - LABELLED_REACH <= start < m.start()]
        if not PERSON.match(text[s:e]) or not above:
            continue
        official = _official_at(doc, s, e)
        if official is None:
            official = official_entity(text, s, e, None, None, "signature")
            doc.entities.append(official)
        official.start, official.end, official.text = s, e, text[s:e]
        official.name = official.text if LATIN.search(official.text) else nominative(official.text, "nomn")
        official.role, official.affiliation = " ".join(m.group("role").split()), above[-1]


def _names_over_titles(doc: Document) -> None:
    """A signatory's name on its own line over the title that names their state or body, after
    a blank line ("Андрій Савчишин" / "Міністр закордонних справ України", closing a note):
    the title and the body it names are the signatory's."""
    text = doc.text
    named = _named(doc)
    for (a, b), (c, d) in _two_lines_apart(text):
        name, title = text[a:b].strip(), text[c:d].strip()
        if not _person_line(name) or _titled(name):
            continue
        if SIGNATURE_HEADER.match(name):
            continue  # "Від ОВА" over the title: a header, not a name
        if not _title_line(title):
            continue
        ids = [e.id for e in named if c <= e.start < d]
        s = a + text[a:b].index(name)
        e = s + len(name)
        official = _official_at(doc, s, e)
        if official is None and ids and (_first_name(name) or _surname_in_capitals(name)):
            official = official_entity(text, s, e, None, None, "signature")
            official.name = nominative(name, "nomn")
            doc.entities.append(official)
        if official is not None and official.role is None and ids:
            official.role, official.affiliation = title, ids[-1]


def _titles_over_names(doc: Document) -> None:
    """A statement, appeal or memorandum signed by a title over a name, the block standing apart
    ("Голова ФПУ" / "В. І. МАРТИНЮК", "Міністр закордонних справ Литовської Республіки" / "Вайдас
    РИМКУС"; the title over up to three lines, "Генеральний директор" / "Національного музею …",
    under a side's label, "Університет:" / "Ректор" / "_______ О. П. ТКАЧУК"): the signatory acts
    for the body the title names, else for the one party the text has. A block headed "За X" /
    "Від X" is read as a column (``_columns``)."""
    text = doc.text
    named = _named(doc)
    parties = {e.id for e in named if e.label == "PARTY" and e.id}
    for block in _blocks(text):
        if len(block) < 2 or SIGNATURE_HEADER.match(text[slice(*block[0])]):
            continue
        c, d = _after_rule(text, *block[-1])
        name = text[c:d].strip()
        top = next(
            (
                t
                for t in range(len(block) - 2, max(-1, len(block) - 2 - MAX_TITLE_LINES), -1)
                if _title_line(text[slice(*block[t])].strip())
            ),
            None,
        )
        if top is None or any(SENTENCE_PUNCTUATION.search(text[slice(*line)]) for line in block[top:-1]):
            continue
        a, b = block[top][0], block[-2][1]
        title = " ".join(text[a:b].split())
        signed = PERSON.match(name) and (_first_name(name) or _surname_in_capitals(name)) and not _titled(name)
        if not (INITIALS_AND_SURNAME.match(name) or signed):
            continue
        s = c + text[c:d].index(name)
        e = s + len(name)
        if _official_at(doc, s, e) is not None:
            continue
        ids = [x.id for x in named if a <= x.start < b and x.id] or (sorted(parties) if len(parties) == 1 else [])
        official = official_entity(text, s, e, title, ids[-1] if ids else None, "signature")
        official.name = nominative(name, "nomn")
        doc.entities.append(official)


def _names_parties_on_behalf(doc: Document, above: str, pieces: list[tuple[int, int]]) -> bool:
    """Headers without "За": the parties' names side by side under "ПІДПИСАНО для та від імені"."""
    parties = [e for e in doc.entities if e.label == "PARTY" and e.id]
    return bool(ON_BEHALF.search(above)) and all(any(s <= e.start < t for e in parties) for s, t in pieces)


def _columns(text: str, lines: list[tuple[int, int]], starts: list[int]) -> list[Column]:
    """The columns of a block (``starts``: where each header begins in its line), each piece
    put in the column its position falls in; the block ends at the next block's headers or
    at a line of text that runs across a gap."""
    columns = [Column() for _ in starts]
    for n, (a, b) in enumerate(lines):
        pieces = [_after_rule(text, s, e) for s, e in columns_of(text, a, b)]
        if n > 0 and SIGNATURE_HEADER.match(text[a:b]) and (len(pieces) >= 2 or len(starts) == 1):
            break  # the next block's headers
        if len(starts) == 1 and n > 0 and columns[0].person is None and (named := _name_comma_title(text, a, b)):
            columns[0].person, title = named  # "Інґуна Калниня, державна секретарка"
            columns[0].under.append(title)
            continue
        if len(starts) == 1 and n > 0 and (b - a > MAX_STACKED_LINE or SENTENCE_PUNCTUATION.search(text, a, b)):
            break  # a paragraph: no signature block
        if any(_column(s - a, starts) != _column(e - a - 1, starts) for s, e in pieces):
            break  # a line of text runs across the gap
        for s, e in pieces:
            column = columns[_column(s - a, starts)]
            piece = text[s:e].strip()
            if n == 0:
                column.header.append((s, e))
            elif NOT_A_TITLE.match(piece):
                continue
            elif column.person is not None:
                last = column.under[-1] if column.under else column.person
                if text[last[1] : s].count("\n") == 1:  # the lines right under the name
                    column.under.append((s, e))
            elif (_person_line(piece) or INITIALS_AND_SURNAME.match(piece)) and not _titled(piece):
                if _names_a_state_or_body(text, s, e):
                    column.titles.append((s, e))  # "Міністр охорони здоров'я" / "Литовської Республіки"
                    continue
                column.person = (s, e)
            elif not column.titles and _continues_header(text, column.header[-1], s) and not _titled(piece):
                column.header.append((s, e))
            else:
                column.titles.append((s, e))
    return columns


def _name_comma_title(text: str, a: int, b: int) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """A signature line that gives the name, a comma, then the title: the two spans."""
    comma = text.find(",", a, b)
    if comma < 0 or b - a > MAX_STACKED_LINE:
        return None
    name, title = text[a:comma].strip(), text[comma + 1 : b].strip()
    if not (_person_line(name) and title and _titled(title)):
        return None
    s = a + text[a:comma].index(name)
    t = comma + 1 + text[comma + 1 : b].index(title)
    return (s, s + len(name)), (t, t + len(title))


def _names_a_state_or_body(text: str, s: int, e: int) -> bool:
    """Is the piece wholly the name of a state or an organisation (a title's second line, "Литовської
    Республіки"), which its capitalised words would otherwise make a person's?"""
    piece = text[s:e].strip()
    start = s + text[s:e].index(piece)
    found = ukrainian_gazetteer().find(text, tokens_of(text, start, start + len(piece)))
    return any(a == start and b == start + len(piece) for a, b, *_ in found)


def _person_line(piece: str) -> bool:
    """Is the piece a signatory's name as a block prints it, every word capitalised?"""
    return bool(PERSON.match(piece)) and all(w[0].isupper() for w in piece.split())


def _official_at(doc: Document, s: int, e: int) -> Optional[Entity]:
    """The official found at a span already, if any."""
    return next((o for o in doc.entities if o.label == "OFFICIAL" and o.start < e and s < o.end), None)


MAX_TITLE_LINES = 3  # lines of a title over a signatory's name


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """The lines of each block of text that blank lines set apart."""
    block: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        if block and text.count("\n", block[-1][1], m.start()) > 1:
            yield block
            block = []
        block.append(m.span())
    if block:
        yield block


def _two_lines_apart(text: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Each two adjacent lines of text that stand after a blank line (or open the text): the
    first two lines of a block."""
    for block in _blocks(text):
        a = block[0][0]
        if len(block) > 1 and (a == 0 or text.endswith("\n\n", 0, a)):
            yield block[0], block[1]


def _title_line(line: str) -> bool:
    """A short line that holds a title and no sentence ("Міністр закордонних справ України")."""
    return len(line) <= MAX_STACKED_LINE and not SENTENCE_PUNCTUATION.search(line) and _titled(line)


def _named(doc: Document) -> list[Entity]:
    """The states, organisations and parties found, with their ids."""
    return [e for e in doc.entities if e.id and e.label in ("PARTY", "STATE", "ORG")]


def _column(position: int, starts: list[int]) -> int:
    """The column a position in a line falls in (a few characters before its header's start)."""
    return max(k for k, start in enumerate(starts) if k == 0 or position >= start - 3)


def _after_rule(text: str, s: int, e: int) -> tuple[int, int]:
    """A piece without the rule signed on before the name ("_______ Олексій ДАНИЛЕНКО")."""
    rule = SIGNING_RULE.match(text, s, e)
    return (rule.end(), e) if rule and rule.end() < e else (s, e)


def _titled(piece: str) -> bool:
    """Is a line a title ("Заступник Міністра", "Генеральний директор", "міністерка …")?"""
    return any(lemmas(word.lower()) & ROLE_HEADS for word in piece.split())


def _header_ids(
    doc: Document, header: list[tuple[int, int]], skip: int = 2, institutions: Sequence[Entity] = ()
) -> list[str]:
    """The parties a column's header names: those tagged in it, else the party whose name
    shares a proper name with it ("За Мерію міста Кошалін" and the formula's "Мерією міста
    Кошалін", coined there and not tagged in the header)."""
    parties = [(e, e.id) for e in doc.entities if e.id and e.label == "PARTY"]
    tagged = [pid for e, pid in parties if any(a <= e.start < b for a, b in header)]
    # a party state's ministry the header names whole ("За МОЗ України"), not one read across
    # the columns of a flattened block ("За Міністерство економічних справ" | "трансформації України")
    tagged = tagged or [
        e.id
        for e in institutions
        if e.id and any(a <= e.start < b for a, b in header) and any(a < e.end <= b for a, b in header)
    ]
    if tagged:
        return tagged
    # the header's words after "За" and the body's kind ("За Мерію міста …", "За ТОВ «…»"); a
    # title's own ("Мер Оденсе", "Миколаївський міський голова")
    words = _proper_stems(" ".join(doc.text[a:b] for a, b in header), skip=skip)
    return [pid for e, pid in parties if words & _proper_stems(e.text)][:1] if words else []


def _proper_stems(name: str, skip: int = 0) -> set[str]:
    """The capitalised words of a name (after its first ``skip``), cut to a stem that survives
    inflection ("Кошалін", "Кошаліна")."""
    return {w[:5].lower() for w in re.findall(r"[A-ZА-ЯЄІЇҐ][\w'’ʼ-]+", name)[skip:] if len(w) > 3}


def _surname_in_capitals(piece: str) -> bool:
    """ "Байба ОЗОЛІНЯ": a given name, then the surname in capitals, as signature lines print them."""
    first, *_, last = piece.split()
    return not first.isupper() and len(last) > 2 and last.isupper()


def _first_name(piece: str) -> bool:
    return "Name" in grammemes(piece.split()[0].lower())


def _continues_header(text: str, last: tuple[int, int], start: int) -> bool:
    """Does a header broken over lines go on, on the next line and in lower case ("За
    Міністерство цифрової" / "трансформації України"), or with a capitalised genitive ("За
    Маршалковський уряд" / "Підкарпатського воєводства")?"""
    if text[last[1] : start].count("\n") != 1:
        return False
    first = re.match(r"[^\W\d_]+", text[start:])
    tags = grammemes(first.group().lower()) if first else frozenset()
    return text[start : start + 1].islower() or ("gent" in tags and "nomn" not in tags)


def _place(doc: Document, columns: list[Column], institutions: Sequence[Entity] = (), stacked: bool = False) -> None:
    text = doc.text
    # one word of a header or a title is no person ("Президент міста Кошалін" is not Mr Кошалін)
    lines = [span for column in columns for span in column.header + column.titles + column.under]
    doc.entities = [
        o
        for o in doc.entities
        if o.label != "OFFICIAL" or " " in o.text or stacked or not any(a <= o.start and o.end <= b for a, b in lines)
    ]
    # (a title that heads its column names its body on every line: "Міністр охорони здоров'я" /
    # "Литовської Республіки")
    headers = [
        _header_ids(doc, column.titles if column.titled else column.header, 0 if column.titled else 2, institutions)
        for column in columns
    ]
    for column, ids in zip(columns, headers):
        if column.person is None or not column.header:
            continue
        s, e = column.person
        official = _official_at(doc, s, e)
        titled = any(_titled(text[a:b]) for a, b in column.titles + column.under)
        if official is None and (
            LATIN.search(text[s:e])
            or _first_name(text[s:e])
            or _surname_in_capitals(text[s:e])
            or INITIALS_AND_SURNAME.match(text[s:e])
            or (stacked and titled)
        ):
            # a foreign signatory's name in Latin letters, which the Ukrainian recognisers
            # skip; a name beside another on its line
            official = official_entity(text, s, e, None, None, "signature")
            if not LATIN.search(text[s:e]):
                official.name = nominative(official.text, "nomn")
            doc.entities.append(official)
        if official is None:
            continue
        # the whole line is the name: not one run on from the line above ("Ополе\n\nКарпо …"), nor the surname alone
        if (official.start, official.end) != (s, e):
            official.start, official.end = s, e
            official.text = text[official.start : official.end]
            official.name = nominative(official.text, "nomn")  # a signature line writes the nominative
        titles = column.titles or column.under
        # a block of its own was read by the recognisers already: it fills only what they left
        if titles and not (stacked and official.role):
            official.role = " ".join(" ".join(text[a:b].split()) for a, b in titles)
        if ids:
            if not (stacked and official.affiliation):
                official.affiliation = ids[-1]
        elif any(official.affiliation in other for other in headers):
            official.affiliation = None  # the other column's party, read across; this header names no known one
