"""Officials in signature blocks and in runs of names and titles (English, Spanish, French).

"For the Republic of Albania:" / "Pirro VENGU" / "Minister of Defence", on one line "For
Ukraine: Volodymyr Zelenskyy, President", blocks set side by side in columns, and the runs of
a name over its title (or a title over its name) that close joint statements and gazettes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from ..records import Clause, Entity
from ..segment.patterns import COLUMN_GAP, CONNECTOR_WORD_END, HEADING_WORD, LINE_TAIL, SIGNATURE_RULE, WITNESS_FORMULA
from .gazetteer import Gazetteer
from .officials import (
    CAP,
    GAZETTE_NAME_WORD,
    NAME_TOKEN,
    ROLE,
    ROLE_WORDS,
    honorific_length,
    looks_like_person,
    official_entity,
)

# how far past a signature clause a state's name that it begins is looked for
NAME_RUNS_ON = 40
# "For the Republic of Albania", "FOR THE GOVERNMENT OF", "Por el Gobierno de", "За Україну"; lower-case
# "for" only before a government or state ("for the Government of the State of Israel").
# "For the purposes of", "For greater certainty" are no signatures: a name follows "For (the)".
SIGNATURE_FOR = re.compile(
    r"(?:^|(?<=\s))(?:(?:For|FOR|On behalf of|ON BEHALF OF|Por|POR|Pour|POUR|En nombre de|EN NOMBRE DE|За|Від імені)"
    r"\s+(?:(?:the|THE|el|EL|la|LA|los|LOS|las|LAS|le|LE|les|LES|l['’])\s+)?(?=[A-ZÀ-ÞА-ЯЄІЇҐ])"
    r"|for\s+the\s+(?=(?:Government|Republic|Kingdom|State|Federal)\b))"
)
ROLE_PREFIX = re.compile(rf"(?P<role>(?:{CAP}\s+){{0,3}}?(?:{ROLE_WORDS}))\s+(?P<name>{NAME_TOKEN}\s+{NAME_TOKEN})")
# a reservation's heading after the signatures ("BY AUSTRIA"), no signatory's name
BY_STATE = re.compile(r"(?i:by)\s")
# What parts the columns of a signature block laid out side by side: a gap of three spaces or
# a tab in a line of names (two in a line of titles), or a repeated honorific ("S.E. X S.E. Y").
# The formula after which a treaty's signatures stand, and how far past it they are looked for
TESTIMONIUM = re.compile(
    rf"{WITNESS_FORMULA}|In Witness Whereof|En fe de lo cual|EN TESTIMONIO|En testimonio|En foi de quoi|"
    r"Done at|DONE at|Done in|DONE in|Hecho en|HECHO en|Fait à|FAIT à|Signé à|SIGNÉ à|Firmado en|FIRMADO en|"
    # a decree's own closing line, before its signature and countersignature
    r"Dado en|DADO en|Fait le|FAIT le"
)
TESTIMONIUM_REACH = 3000
TITLE_HEAD = re.compile(
    r"\b(?:Minist(?:er|ro|ra|re)|Secretar(?:y|io|ia)|President[ea]?|Ambassador|Embajador[a]?)\b", re.I
)
JOINED_HEAD = re.compile(rf"\b(?:and|y|et)\s+{TITLE_HEAD.pattern}", re.I)
# the signatures end where a part of the text with a heading of its own begins (an annex, an article)
AFTER_SIGNATURES = re.compile(rf"{HEADING_WORD.pattern}|^(?:SCHEDULE|Schedule|ANEXO|Anexo|ANNEXE|Annexe)\b")
GAP_FOR = re.compile(r"\b(?:Por|POR|For|FOR|Pour|POUR)\b")
GAZETTE_SIGNATURE = re.compile(
    rf"(?:^|(?<=[\s:.-]))(?:El|La|el|la)\s+(?P<role>(?:{ROLE_WORDS}|Designad[oa]\w*)\b[^,.:\n]{{0,120}}(?:\n[^,.:\n]{{0,120}})?),"
    rf"\s+(?P<name>{GAZETTE_NAME_WORD}(?:\s+(?:(?:de|del|de\s+la)\s+)?{GAZETTE_NAME_WORD}){{1,5}})\s*\.-"
)
# The same with the party first, as the Spanish official gazette prints it: "….–Por el Reino de
# España, Name, Title.–Por la República del Paraguay, Name, Title."
GAZETTE_FOR_NAME_TITLE = re.compile(
    rf"[.:]\s*[–—-]\s*(?:Por|POR|Pour|POUR)\s+(?P<party>[^,.\n]{{3,80}}),\s+"
    rf"(?P<name>{GAZETTE_NAME_WORD}(?:\s+(?:(?:de|del|de\s+la|y)\s+)?{GAZETTE_NAME_WORD}){{1,5}}),\s+"
    rf"(?P<role>(?:{ROLE_WORDS})\b[^.–—\n]{{0,120}})"
)
# The words of a signature header in the other languages of a multilingual treaty ("Voor de
# Europese Gemeenschap", "Pentru Comunitatea Europeană", "Għall-Komunità Ewropea")
FOREIGN_HEADER = re.compile(
    r"^(?:Voor|Pela|Pelo|Pentru|Für|Per|För|Fyrir|Għall|Dla|Thar|Για|За)\b|"
    r"Komunit|Comunid|Comunit|Communaut|Gemeinschaft|Gemeenschap|Kopien|Közösség|Wspóln|Společenstv|"
    r"Spoločenstv|Skupnost|Zajednic|Ühendus|[Bb]endrij|Yhteisö|Gemenskap|Fællesskab|Unión|Unione|Uniun|Unii\b",
    re.IGNORECASE,
)
COLUMN_GAP_ROLES = re.compile(r"[ \t]{2,}|\t")
BEFORE_HONORIFIC = re.compile(r"[ \t]+(?=(?:S\.\s?E|H\.\s?E|Mr|Mrs|Ms|Dr)\.\s)")


def _column_pieces(text: str, s: int, e: int, gap: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces, start = [], s
    for m in gap.finditer(text, s, e):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, e))
    return [p for p in (_trim(text, a, b) for a, b in pieces) if p]


def _title_as_written(line: str, above_the_name: bool) -> str:
    """A title line as the role: one above the name ("Le ministre de …,") without its article
    and the comma that leads to the name."""
    line = line.strip()
    return LEADING_ARTICLE.sub("", line).rstrip(" ,:;") if above_the_name else line


def _under_all_roles(kinds: list[str], under: range) -> bool:
    return under.stop <= len(kinds) and all(kinds[i] == "role" for i in under)


def _title_line_above(text: str, lines: list[tuple[int, int]], kinds: list[str], k: int) -> Optional[int]:
    """The first line of the title right above the name line ``k`` (a title broken over two
    lines, "Le ministre de l'Europe" / "et des affaires étrangères,", included); None where
    there is none."""
    if k == 0:
        return None
    first = k - 1
    if (
        kinds[first] == "other"
        and first > 0
        and kinds[first - 1] == "role"
        and TITLE_GOES_ON_LINE.match(text[slice(*lines[first])].lstrip())
    ):
        first -= 1
    if kinds[first] != "role" or len(TITLE_HEAD.findall(text, *lines[first])) > 1:
        return None
    return first


# a title's line that goes on from the line above ("et des affaires étrangères,")
TITLE_GOES_ON_LINE = re.compile(r"(?:and|of|for|et|de|des|du|y|del)\b")
LEADING_ARTICLE = re.compile(r"^(?:The|Le|La|L['’]|El)\s*(?=\w)")


def _breaks_off(line: str) -> bool:
    """Does a title or header line stop on a connecting word ("PRESIDENTE DE LA", "VICEMINISTRO
    PRIMERO DEL"), so that the next line goes on with it? The segmenter's own test of a line."""
    return CONNECTOR_WORD_END.search(line.rstrip()[-LINE_TAIL:]) is not None


def starts_with_for(text: str) -> bool:
    """Does a block start with its "For …" header (after any "**" emphasis)?"""
    return SIGNATURE_FOR.match(text.lstrip("*_ \n")) is not None


def _trim(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    while s < e and (text[s].isspace() or text[s] in "*_"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "*_.,;"):
        if text[e - 1] == "." and _ABBREVIATION_END.search(text, s, e):
            break  # the full stop of "Jr." or of a final initial is the name's
        e -= 1
    return (s, e) if e > s else None


_ABBREVIATION_END = re.compile(r"(?:\b(?:Jr|JR|Sr|SR)|(?<![\w.])[A-Z])\.$")


class SignatureReader:
    """Officials in signature blocks and in runs of names and titles (English, Spanish, French)."""

    def __init__(self, lang: str, gazetteer: Gazetteer):
        self.lang = lang
        self.gazetteer = gazetteer

    # signature blocks -------------------------------------------------------
    def from_signatures(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        out: list[Entity] = []
        for clause in clauses:
            # a short "For X: name" line outside a recognised signature block counts too
            if clause.kind == "signature" or (
                len(clause.text) <= 200 and ":" in clause.text and starts_with_for(clause.text)
            ):
                out += self._signature_block(text, clause)
        return out

    def _signature_block(self, text: str, clause: Clause) -> list[Entity]:
        if not starts_with_for(clause.text):
            return []
        side_by_side = self._columns(text, clause)
        if side_by_side is not None:
            return side_by_side
        pieces = [
            p
            for p in (
                _trim(text, clause.start + m.start(), clause.start + m.end())
                for m in re.finditer(r"[^\n:,]+", clause.text)
            )
            if p
        ]
        pieces = [q for p in pieces for q in self._split_role_prefix(text, *p)]
        # a state's name may run on past the clause ("For the Government of the \nLao
        # People's Democratic" / "Republic:"): its first words are no signatory
        names = self.gazetteer.find(text, clause.start, min(len(text), clause.end + NAME_RUNS_ON))
        people = [
            k
            for k, (s, e) in enumerate(pieces)
            if k > 0
            and looks_like_person(text[s:e], self.gazetteer)
            and not any(m.start <= s < m.end for m in names)
            and not BY_STATE.match(text, s, e)
        ]  # "KINMEN AND MATSU" ends a name; "BY AUSTRIA" heads a reservation, it signs nothing
        if len(people) != 1:
            return []  # two-column OCR or no name: better nothing than a wrong pairing
        k = people[0]
        s, e = pieces[k]
        # "For the Ministry of Defence of\nthe Republic of Albania": the last state or
        # organisation named before the name is the one the person signs for.
        ids = self.gazetteer.ids_in(text[clause.start : s])
        s += honorific_length(text[s:e])
        return [
            official_entity(text, s, e, self._signature_role(text, pieces, k), ids[-1] if ids else None, "signature")
        ]

    def _columns(self, text: str, clause: Clause) -> Optional[list[Entity]]:
        """The signatories of a block laid out side by side ("For Turkey    For Egypt" /
        "Kürşad TÜZMEN     Rachid Mohamed RACHID" / "State Minister  Minister of …"), each
        paired with the party its column's header names; None for a block of one column,
        and nothing where names and parties do not pair one to one."""
        lines = [
            (clause.start + m.start(), clause.start + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clause.text)
        ]
        starts = [m.start() for m in SIGNATURE_FOR.finditer(text, lines[0][0], lines[0][1])]
        if len(starts) < 2:
            return None
        # one party in each column's header; a header whose columns were run together
        # ("For the Government of the For the Government of Malaysia: Islamic Republic of
        # Pakistan:") cannot be paired, and a wrong pairing is worse than none
        headers = [text[a:b] for a, b in zip(starts, starts[1:] + [lines[0][1]])]
        found = next(
            ((k, names) for k in range(1, len(lines)) if (names := self._side_by_side_names(text, *lines[k]))), None
        )
        if found is None:
            return []
        k, names = found
        # a header wrapped over lines of its own ("POR EL GOBIERNO DE LA" / "REPÚBLICA DE CHILE"):
        # each line above the names with one piece per column goes on with its column
        for a, b in lines[1:k]:
            pieces = _column_pieces(text, a, b, COLUMN_GAP)
            if len(pieces) == len(headers):
                headers = [h + " " + text[x:y] for h, (x, y) in zip(headers, pieces)]
        columns = [list(dict.fromkeys(self.gazetteer.ids_in(h))) for h in headers]
        if any(len(ids) != 1 for ids in columns):
            return []
        if len(columns) != len(names):
            return []
        roles: list[Optional[str]] = [None] * len(names)
        if k + 1 < len(lines):
            below = _column_pieces(text, *lines[k + 1], COLUMN_GAP_ROLES)
            if len(below) == len(names) and all(ROLE.search(text[a:b]) for a, b in below):
                roles = [text[a:b] for a, b in below]
        return [
            official_entity(text, a, b, role, party, "signature")
            for (a, b), role, (party,) in zip(names, roles, columns)
        ]

    def from_name_runs(self, text: str, taken: Iterable[Entity]) -> list[Entity]:
        """Signatories whose columns were flattened into alternating lines after the
        testimonium ("For Australia" / "For the Kingdom of Thailand" / "Mr. Mark Vaile" /
        "Mr. Watana Muangsook" / "Minister for Trade" / "Minister of Commerce"): each run of two
        or more name lines gives officials, paired in order with a run of as many "For X"
        headers right above it and with as many title lines right under it; where the counts
        differ the names stand without affiliation or role rather than paired wrongly."""
        testimonia = list(TESTIMONIUM.finditer(text))
        if not testimonia:
            return []
        anchor = testimonia[-1]
        spans = [(e.start, e.end) for e in taken if e.label == "OFFICIAL"]
        lines = [
            (max(m.start(), anchor.end()), m.end())
            for m in re.finditer(r"[^\n]*\S[^\n]*", text[: anchor.end() + TESTIMONIUM_REACH])
            if m.end() > anchor.end()
        ]
        # the signatures end where an annex, a protocol or an article begins
        ends = [k for k, (a, b) in enumerate(lines) if AFTER_SIGNATURES.match(text[a:b].lstrip())]
        lines = lines[: ends[0]] if ends else lines
        # the ruled lines signed on ("…………", "______") stand between the headers and the names
        lines = [(a, b) for a, b in lines if not SIGNATURE_RULE.match(text[a:b])]
        kinds = [self._line_kind(text, a, b) for a, b in lines]
        for k in range(1, len(kinds)):
            # "VICEMINISTRO PRIMERO DEL" / "COMERCIO EXTERIOR Y LA" / "INVERSIÓN EXTRANJERA": a title
            # broken after a connecting word goes on, whatever its next line looks like
            if kinds[k - 1] in ("role", "header") and kinds[k] != "header" and _breaks_off(text[slice(*lines[k - 1])]):
                kinds[k] = kinds[k - 1] if kinds[k - 1] == "role" else "header-continued"
        out: list[Entity] = []
        if lines:
            out += self._role_comma_name(text, lines[0][0], lines[-1][1], spans)
            spans += [(e.start, e.end) for e in out]
        k = 0
        while k < len(lines):
            end = k
            while end < len(lines) and kinds[end] == "person":
                end += 1
            n = end - k
            top = k - 1
            while top > 0 and kinds[top] == "header-continued":
                top -= 1
            one_header = top >= 0 and kinds[top] == "header" and (top == 0 or not kinds[top - 1].startswith("header"))
            one_title = (
                end < len(lines) and kinds[end] == "role" and (end + 1 == len(lines) or kinds[end + 1] != "role")
            )
            if n == 2 and one_header and one_title:
                # one header, two lines, one title: a long name broken over two lines
                # ("HÉCTOR MIGUEL ANTONIO" / "DADA HIREZI")
                lines[k : k + 2] = [(lines[k][0], lines[k + 1][1])]
                kinds[k : k + 2] = ["person"]
                end, n = k + 1, 1
            title_above = _title_line_above(text, lines, kinds, k) if n == 1 else None
            title_under = end < len(lines) and kinds[end] == "role"
            # a title that ends in a comma introduces the name under it ("Le Premier ministre,");
            # French acts and treaties print the title above the name, the others under it
            introduces = title_above is not None and text[slice(*lines[k - 1])].rstrip().endswith((",", ":"))
            if introduces or (title_above is not None and self.lang == "fr" and not title_under):
                out += self._title_over_name(text, lines, kinds, k, spans)
            elif n == 1 and title_under:
                out += self._name_over_title(text, lines, kinds, k, spans)
            elif n >= 2:
                above, under = range(k - n, k), range(end, end + n)
                # French layouts put the titles between the headers and the names
                titles_above = (
                    self.lang == "fr"
                    and k >= n
                    and all(kinds[i] == "role" for i in above)
                    and not _under_all_roles(kinds, under)
                )
                if titles_above:
                    above, under = range(k - 2 * n, k - n), above
                parties = (
                    [self.gazetteer.ids_in(text[slice(*lines[i])]) for i in above]
                    if above.start >= 0 and all(kinds[i] == "header" for i in above)
                    else [[] for _ in range(n)]
                )
                roles = (
                    [_title_as_written(text[slice(*lines[i])], titles_above) for i in under]
                    if under.stop <= len(lines) and all(kinds[i] == "role" for i in under)
                    else [None] * n
                )
                for (a, b), ids, role in zip(lines[k:end], parties, roles):
                    trimmed = _trim(text, a + self._signatory_honorific(text[a:b]), b)
                    # a name another source already made an official keeps that one
                    if trimmed and not any(x < trimmed[1] and trimmed[0] < y for x, y in spans):
                        out.append(official_entity(text, *trimmed, role, ids[-1] if ids else None, "signature"))
            k = max(end, k + 1)
        return out

    def _role_comma_name(self, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[Entity]:
        """The signatures as an official gazette prints them, run on after the testimonium:
        "… auténticos.- El Presidente de los Estados Unidos Mexicanos, Ernesto Zedillo Ponce
        de León.- Rúbrica.- El Presidente de la República de Nicaragua, Arnoldo Alemán.-"."""
        out = []
        before = start
        for m in GAZETTE_SIGNATURE.finditer(text, start, end):
            s, e = m.span("name")
            gap, before = text[before : m.start()], m.end()
            if any(x < e and s < y for x, y in spans):
                continue
            # "Por la República de Panamá: el Ministro de Comercio e Industrias, …"
            ids = self.gazetteer.ids_in(m.group("role")) or (self.gazetteer.ids_in(gap) if GAP_FOR.search(gap) else [])
            role = " ".join(m.group("role").split())
            out.append(official_entity(text, s, e, role, ids[-1] if ids else None, "signature"))
        for m in GAZETTE_FOR_NAME_TITLE.finditer(text, start, end):
            # "… auténticos.–Por el Reino de España, Name, Embajador de España en Paraguay.–Por …"
            s, e = m.span("name")
            if any(x < e and s < y for x, y in spans + [(o.start, o.end) for o in out]):
                continue
            ids = self.gazetteer.ids_in(m.group("party"))
            role = " ".join(m.group("role").split())
            out.append(official_entity(text, s, e, role, ids[-1] if ids else None, "signature"))
        return out

    def _name_over_title(
        self, text: str, lines: list[tuple[int, int]], kinds: list[str], k: int, spans: list[tuple[int, int]]
    ) -> list[Entity]:
        """A signatory's name with its title on the line under it ("Francisco Flores Pérez" /
        "Presidente de la República de El Salvador", "JOSE MARÍA FIGUERES OLSEN" / "PRESIDENTE
        DE LA" / "REPÚBLICA DE COSTA RICA"): the state the title names is the affiliation, else
        the one of a "For X" header right above the name."""
        a, b = lines[k]
        trimmed = _trim(text, a + self._signatory_honorific(text[a:b]), b)
        if not trimmed or any(x < trimmed[1] and trimmed[0] < y for x, y in spans):
            return []
        role_start, role_end = lines[k + 1]
        last = k + 1
        # a title broken after a connecting word goes on on the next lines
        while last + 1 < len(lines) and kinds[last + 1] == "role" and _breaks_off(text[slice(*lines[last])]):
            last += 1
        role_end = lines[last][1]
        if (
            len(TITLE_HEAD.findall(text, role_start, role_end))
            > len(JOINED_HEAD.findall(text, role_start, role_end)) + 1
        ):
            return []  # two columns' names and titles run together ("Minister of Trade Ministro de Comercio")
        role = " ".join(text[role_start:role_end].split())
        ids = self.gazetteer.ids_in(text[role_start:role_end])
        if not ids and k > 0 and kinds[k - 1].startswith("header"):
            first = k - 1
            while first > 0 and kinds[first] == "header-continued":
                first -= 1
            ids = self.gazetteer.ids_in(text[lines[first][0] : lines[k - 1][1]])
        return [official_entity(text, *trimmed, role, ids[-1] if ids else None, "signature")]

    def _title_over_name(
        self, text: str, lines: list[tuple[int, int]], kinds: list[str], k: int, spans: list[tuple[int, int]]
    ) -> list[Entity]:
        """A signatory's title on the line above the name, as French acts and treaties print
        them ("Le Premier ministre," / "CLAIRE AUBERTIN"; "Pour le Gouvernement de la République
        française :" / "La ministre de …" / "Hugo DESCHAMPS"): the state the title names, else
        the one of the "For X" header right above the title."""
        a, b = lines[k]
        trimmed = _trim(text, a + self._signatory_honorific(text[a:b]), b)
        first = _title_line_above(text, lines, kinds, k)
        if first is None or not trimmed or any(x < trimmed[1] and trimmed[0] < y for x, y in spans):
            return []
        role_text = text[lines[first][0] : lines[k - 1][1]]
        role = _title_as_written(" ".join(role_text.split()), True)
        ids = self.gazetteer.ids_in(role_text)
        if not ids and first > 0 and kinds[first - 1] == "header":
            ids = self.gazetteer.ids_in(text[slice(*lines[first - 1])])
        return [official_entity(text, *trimmed, role, ids[-1] if ids else None, "signature")]

    def _line_kind(self, text: str, a: int, b: int) -> str:
        line = text[a:b].strip("*_ ")
        if SIGNATURE_FOR.match(line) and len(SIGNATURE_FOR.findall(line)) == 1:
            return "header"
        # "Texts Being Equally Authentic.": a name line ends without a full stop of its own;
        # "Voor de Europese Gemeenschap" is the header of another language's column
        if (
            looks_like_person(line, self.gazetteer)
            and not (line.endswith(".") and not _ABBREVIATION_END.search(line))
            and not FOREIGN_HEADER.search(line)
        ):
            return "person"
        if ROLE.search(line) and len(line) <= 80:
            return "role"
        return "other"

    def _signatory_honorific(self, line: str) -> int:
        """The honorific before a signatory's name; in English "M." is an initial ("M.
        MORSHED KHAN"), not the French "Monsieur"."""
        length = honorific_length(line)
        return 0 if self.lang == "en" and line.lstrip("*_ ")[:2] in ("M.", "M ") else length

    def _side_by_side_names(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """Two or more people on one line, apart by a wide gap or each after an honorific."""
        for pieces in (_column_pieces(text, s, e, COLUMN_GAP), _column_pieces(text, s, e, BEFORE_HONORIFIC)):
            if len(pieces) >= 2 and all(looks_like_person(text[a:b], self.gazetteer) for a, b in pieces):
                return [(a + honorific_length(text[a:b]), b) for a, b in pieces]
        return []

    def _split_role_prefix(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """ "President Volodymyr Zelenskyy" → the title and the name as two pieces
        ("Deputy Prime Minister and …" stays whole: no name follows the title)."""
        m = ROLE_PREFIX.match(text, s, e)
        if m and looks_like_person(text[m.start("name") : e], self.gazetteer):
            return [(s, m.end("role")), (m.start("name"), e)]
        return [(s, e)]

    @staticmethod
    def _signature_role(text: str, pieces: list[tuple[int, int]], k: int) -> Optional[str]:
        """The title under (or before) the name; failing a known title word, the short
        line right under the name, as written ("TDTaoiseach")."""
        roles = [text[a:b] for a, b in pieces[k + 1 :] + pieces[1:k] if ROLE.search(text[a:b])]
        if roles:
            return roles[0]
        if k + 1 < len(pieces) and pieces[k + 1][1] - pieces[k + 1][0] <= 60:
            return text[pieces[k + 1][0] : pieces[k + 1][1]]
        return None
