"""Institution names tagged whole as one ORG (guide §5), in English, Spanish and French.

"the Ministry of Defence of the Republic of Albania", "Armed Forces of Ukraine",
"Albanian Parliament", "Committee of Ministers of the Council of Europe": a
capitalised phrase around an institution noun, with the state or organisation it
belongs to. The state inside gets no mention of its own. Two exceptions keep the
state: "the Government of Japan" stands for the state itself, and a noun that only
modifies a document's name ("EU-Ukraine Association Agreement") is no institution.

A generic body with no proper name in it ("the Joint Committee", "the Committee on
Trade in Goods") is a body set up by the instrument, not a named institution, and
is left alone; government bodies (ministries, parliaments, embassies, armed forces)
are institutions with or without the state's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Entity
from .gazetteer import Gazetteer, english_demonyms, trie_regex

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_][\w&'’-]*")
GOVERNMENT_HEADS = frozenset(
    "ministry ministries parliament embassy bundestag senate congress rada ministerio secretaría embajada congreso "
    "senado ministère ambassade parlement".split()
)
# Two-word government bodies whose second word alone is generic.
GOVERNMENT_PAIRS = frozenset(
    {
        "armed forces",
        "defence forces",
        "defense forces",
        "national guard",
        "state department",
        "general staff",
        "foreign office",
        "foreign ministry",
        "central bank",
        "national bank",
        "border guard",
        "fuerzas armadas",
        "forces armées",
    }
)
OTHER_HEADS = frozenset(
    "office department council commission committee agency authority bank fund court tribunal forces force army "
    "navy guard police service mission secretariat institute chamber bureau directorate administration delegation "
    "assembly corporation organisation organization association group coalition centre center university academy "
    "board platform register registry inspectorate staff "
    "consejo comisión comité banco fondo corte oficina dirección servicio agencia instituto asamblea "
    "conseil comité banque fonds cour direction agence institut assemblée".split()
)
ORGANISATION_NOUNS = (
    GOVERNMENT_HEADS
    | OTHER_HEADS
    | frozenset("ministry union alliance federation foundation network newspaper agency times post news press".split())
)
HEAD_WORD = re.compile(r"(?<!\w)(?:" + trie_regex(GOVERNMENT_HEADS | OTHER_HEADS) + r")(?!\w)", re.IGNORECASE)
GOVERNMENT_AS_STATE = frozenset({"government", "gobierno", "gouvernement", "cabinet", "governments", "gobiernos"})
DOCUMENT_WORDS = frozenset(
    "agreement agreements treaty convention protocol charter declaration resolution programme program plan strategy "
    "concept initiative pledge formula act statute package compass decision regulation directive rules "
    "memorandum arrangement summit meeting conference partnership framework acuerdo tratado convenio protocolo "
    "accord traité".split()
)
LEFT_STOP = frozenset(
    "the for and of by with between to in on at from we our their its this that these those both each all a an "
    "as under within through against among is are was were has have said also el la los las del de por para y en "
    "le les des du pour et dans sur".split()
)
CONNECTORS = re.compile(
    r"\s+(?:of|for|on|in|by|against|de\s+la|de\s+los|de\s+las|del|de|des|du|d['’])\s+"
    r"(?:(?:the|la|el|los|las|les|l['’])\s+)?",
    re.IGNORECASE,
)
MAX_LEFT = 6
POSSESSIVE = re.compile(r"['’]s?$")
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


@dataclass
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        """Lower case, without a possessive ending ("Department’s" → "department")."""
        return POSSESSIVE.sub("", self.text).lower()

    @property
    def base_end(self) -> int:
        m = POSSESSIVE.search(self.text)
        return self.start + m.start() if m else self.end

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


class InstitutionFinder:
    def __init__(self, lang: str, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.demonyms = english_demonyms() if lang == "en" else {}

    def find(self, text: str, start: int, end: int) -> list[Entity]:
        if not HEAD_WORD.search(text, start, end):
            return []  # most clauses name no institution: skip the tokenising
        toks = [_Tok(start + m.start(), start + m.end(), m.group()) for m in TOKEN.finditer(text[start:end])]
        out: list[Entity] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.capitalised or tok.low not in GOVERNMENT_HEADS | OTHER_HEADS:
                i += 1
                continue
            phrase = self._phrase(text, toks, i)
            if phrase is None:
                i += 1
                continue
            first, s, e, last = phrase
            out.append(self._entity(text, s, e))
            i = last + 1
        return out

    def _phrase(self, text: str, toks: list[_Tok], i: int) -> Optional[tuple[int, int, int, int]]:
        """(first token, start, end, last token) of the institution around head ``i``, if it is one."""
        first = self._left_edge(text, toks, i)
        if any(t.low in GOVERNMENT_AS_STATE for t in toks[first : i + 1]):
            return None
        end, last = self._right_edge(text, toks, i)
        if (
            last == i
            and end == toks[i].end
            and i + 1 < len(toks)
            and _joined(text, toks[i], toks[i + 1])
            and (toks[i + 1].capitalised or toks[i + 1].low in DOCUMENT_WORDS)
        ):
            return None  # "Council Decision", "Association Agreement": the noun modifies a name
        s = toks[first].start
        phrase = text[s:end]
        pair = " ".join(t.low for t in toks[max(first, i - 1) : i + 1])
        government = toks[i].low in GOVERNMENT_HEADS or pair in GOVERNMENT_PAIRS
        named = bool(self.gazetteer.find(phrase)) or any(t.text in self.demonyms for t in toks[first:i])
        if not (government or named):
            return None
        return first, s, end, last

    def _left_edge(self, text: str, toks: list[_Tok], i: int) -> int:
        first = i
        while first > 0 and i - first < MAX_LEFT:
            prev = toks[first - 1]
            # a possessor ("Spain’s Ministry of the Interior") is a mention of its own
            if (
                not prev.capitalised
                or not _joined(text, prev, toks[first])
                or prev.low in LEFT_STOP
                or prev.low in DOCUMENT_WORDS
                or prev.low.endswith("ing")
                or POSSESSIVE.search(prev.text)
            ):
                break
            first -= 1
        return first

    def _right_edge(self, text: str, toks: list[_Tok], i: int) -> tuple[int, int]:
        """Extend over "of Defence", "of the Republic of Albania", "of Ministers of the
        Council of Europe", "of the Russian Federation against Ukraine": each step is a
        connector and a capitalised name; a state or organisation name is taken whole."""
        end, last = toks[i].base_end, i
        while end == toks[last].end:  # a possessive head ("State Department’s Bureau") ends here
            m = CONNECTORS.match(text, end)
            k = self._token_at(toks, last + 1, m.end()) if m else None
            if k is None or not toks[k].capitalised or toks[k].low in DOCUMENT_WORDS | CALENDAR_WORDS:
                return end, last
            mention = next(
                (
                    mm
                    for mm in self.gazetteer.find(text, toks[k].start, min(len(text), toks[k].start + 120))
                    if mm.start == toks[k].start
                ),
                None,
            )
            if mention is not None:
                last = max(j for j in range(k, len(toks)) if toks[j].start < mention.end)
                end = mention.end
                continue
            last = k
            while (
                not POSSESSIVE.search(toks[last].text)
                and last + 1 < len(toks)
                and toks[last + 1].capitalised
                and _joined(text, toks[last], toks[last + 1])
                and toks[last + 1].low not in CALENDAR_WORDS | DOCUMENT_WORDS
            ):
                last += 1
            end = toks[last].base_end  # "Council of Europe's Committee": the institution ends before "'s"
        return end, last

    @staticmethod
    def _token_at(toks: list[_Tok], lo: int, start: int) -> Optional[int]:
        k = next((k for k in range(lo, min(len(toks), lo + 8)) if toks[k].start >= start), None)
        return k if k is not None and toks[k].start == start else None

    def _entity(self, text: str, s: int, e: int) -> Entity:
        found = self.gazetteer.lookup(text[s:e])
        oid = found[0] if found and found[1] == "org" else None
        return Entity(s, e, text[s:e], "ORG", id=oid, source="institution")


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    """Only white space or a spaced dash between two tokens ("NATO – Ukraine Council");
    a line break is fine, other punctuation is not."""
    return bool(_JOIN.fullmatch(text[a.end : b.start]))


_JOIN = re.compile(r"\s+|\s*[-–]\s*")
