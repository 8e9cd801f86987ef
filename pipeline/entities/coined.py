"""Parties that no table knows, named in an instrument's own formula.

"Меморандум … між Міністерством фінансів України та Північним інвестиційним банком
(далі — Сторони)" names two parties whatever the gazetteer knows: the formula says so.
Where one of the names it joins holds no known state or organisation, the party gets an
id coined from its name, as guide §6 coins organisation ids (a short stable acronym):
the initials of its content words in their dictionary form, in Latin letters
(Ukraine's national transliteration of 2010). "Північним інвестиційним банком" and
"Північний інвестиційний банк" both give ``PIB``; "the Nordic Investment Bank" gives
``NIB``. An id never takes a state's code or a known organisation's id: a clash gets a
digit. The name in its dictionary form travels with the entity (``name``), so that an
analyst can read what a coined id stands for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .gazetteer import load_json, state_ids

# "між X та Y", "between X and Y", "entre X y Y": the last one before a definition cue
BETWEEN = re.compile(r"(?<!\w)(?:між|МІЖ|between|BETWEEN|entre|ENTRE)\s+")
_CAP = "A-ZА-ЯЄІЇҐ"
# where a list of names is cut: a comma or a conjunction before a capitalised name
CONJUNCT_BREAK = re.compile(
    rf"\s*,?\s+(?:та|і|й|and|y|e|et)\s+(?=(?:the\s+|el\s+|la\s+|le\s+|l')?[{_CAP}])|\s*,\s+(?=(?:the\s+)?[{_CAP}])"
)
# what sits around a name in the formula and is not part of it
SIDE_WORDS = re.compile(
    r",?\s*(?:з\s+(?:однієї|одного|другої|іншої)\s+сторони|on\s+the\s+(?:one|other)\s+(?:hand|part)|"
    r"of\s+the\s+(?:one|other)\s+part|de\s+una\s+parte|de\s+la\s+otra|d'une\s+part|d'autre\s+part)\s*,?",
    re.IGNORECASE,
)
LEADING_ARTICLE = re.compile(r"^(?:the|el|la|los|las|le|les|l')\s+", re.IGNORECASE)
FUNCTION_WORDS = frozenset(
    "з із зі та і й у в для по на від до щодо про".split()
    + "of the and for on in to at de la el los las del des du et y le les".split()
)
MAX_NAME_WORDS = 10
MAX_ID = 10
TRANSLIT = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ",
        "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch - yu ya - - -".split(),
    )
)


@dataclass(frozen=True)
class CoinedParty:
    start: int
    end: int
    id: str
    name: str  # dictionary form


def named_conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the pieces that ``text[start:end]`` joins ("X та Y", "X, Y and Z"),
    each from its first word after an article (``name_end`` finds where its name ends)."""
    cut = SIDE_WORDS.sub(lambda m: " " * len(m.group()), text[start:end])
    spans, pos = [], 0
    for m in [*CONJUNCT_BREAK.finditer(cut), None]:
        piece_end = start + (m.start() if m else len(cut))
        lead = LEADING_ARTICLE.match(cut[pos:].lstrip())
        s = start + pos + (len(cut[pos:]) - len(cut[pos:].lstrip())) + (lead.end() if lead else 0)
        if piece_end > s:
            spans.append((s, piece_end))
        if m is None:
            break
        pos = m.end()
    return spans


WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*|[«»“”\"]")


def name_end(text: str, start: int, end: int, lang: str) -> int:
    """Where the name that starts at ``start`` ends: in Ukrainian, after its words in the
    instrumental and the genitive tail that completes them ("банком реконструкції та
    розвитку"), before a verb or a subject ("… банком про співпрацю"); elsewhere after
    its last capitalised word ("Nordic Investment Bank for …" keeps "for" only inside).
    A quoted part ends at its closing mark."""
    judge: Callable[[str], str] = _UkrainianNameWords() if lang == "uk" else _latin_name_word
    last = skip_to = start
    for w in WORD.finditer(text, start, end):
        tok = w.group()
        if w.start() < skip_to:
            continue
        if tok in OPENING_QUOTES:
            close = text.find(OPENING_QUOTES[tok], w.end(), end)
            if close < 0:
                break
            last = skip_to = close + 1
            continue
        verdict = judge(tok)
        if verdict == STOP:
            break
        if verdict == TAKE:
            last = w.end()
    return last


TAKE, PASS, STOP = "take", "pass", "stop"  # a word ends the name so far, may join it, ends it


def _latin_name_word(tok: str) -> str:
    if tok.lower() in SUBJECT_WORDS:
        return STOP
    if tok[:1].isupper():
        return TAKE
    return PASS if tok.lower() in NAME_JOINERS else STOP


class _UkrainianNameWords:
    """Instrumental words, then a genitive tail ("та" may join it); an unknown capitalised
    word (a foreign name) anywhere."""

    def __init__(self) -> None:
        from .models import morph_uk

        self.morph = morph_uk()
        self.in_tail = False

    def __call__(self, tok: str) -> str:
        if tok[:1].isupper() and not self.morph.word_is_known(tok.lower()):
            return TAKE
        cases = {str(p.tag.case) for p in self.morph.parse(tok.lower()) if p.tag.POS in NAME_POS}
        if not self.in_tail and "ablt" in cases:
            return TAKE
        if self.in_tail and tok.lower() in ("та", "і", "й"):
            return PASS
        if "gent" in cases:
            self.in_tail = True
            return TAKE
        return STOP


OPENING_QUOTES = {"«": "»", "“": "”", '"': '"'}
NAME_POS = frozenset({"NOUN", "ADJF", "NUMR"})
# words inside a name ("Bank for Reconstruction and Development", "Banco de la Nación")
NAME_JOINERS = frozenset("of for and the de la el del des du et y le les l'".split())
# words that open a title's subject after the parties' names ("… BANK ON COOPERATION")
SUBJECT_WORDS = frozenset(
    "on in to with concerning regarding relating about sobre relativo relatif sur concernant".split()
)


def is_name(text: str) -> bool:
    """A short phrase that starts as a proper name does: two words or more ("Північний
    інвестиційний банк"), or one acronym ("NIB"); not a sentence, nor one ordinary word,
    which is more often a name cut by the layout ("the Govern- / ment of …")."""
    words = re.findall(r"[^\W\d_][\w'’ʼ-]*", text)
    if not words or not text[:1].isupper() or len(words) > MAX_NAME_WORDS or re.search(r"[.;:!?]", text):
        return False
    return len(words) >= 2 or (words[0].isupper() and len(words[0]) >= 2)


def dictionary_form(name: str, lang: str) -> str:
    """The name in the nominative: a Ukrainian formula's "між" puts its names in the
    instrumental ("Північним інвестиційним банком" → "Північний інвестиційний банк");
    the words before the first one that is not instrumental are inflected, the
    genitive tail is kept ("банком реконструкції та розвитку")."""
    if lang != "uk":
        return LEADING_ARTICLE.sub("", name)
    from .models import morph_uk

    out, inflecting = [], True
    for word in re.split(r"(\s+)", name):
        if inflecting and word.strip():
            form = _nominative_of_instrumental(morph_uk(), word)
            if form is None:
                inflecting = False
            else:
                word = _cased_like(form, word)
        out.append(word)
    return "".join(out)


def _nominative_of_instrumental(morph, word: str) -> Optional[str]:
    for parse in morph.parse(word.lower()):
        if "ablt" in parse.tag:
            form = parse.inflect({"nomn"})
            if form is not None:
                return str(form.word)
    return None


def _cased_like(form: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


def coin_id(name: str, taken: frozenset[str] = frozenset()) -> str:
    """A stable id for ``name`` (its dictionary form): the Latin initials of its content
    words, or the word itself where it is one word; never a state's or a known
    organisation's id, nor one of ``taken``."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’ʼ]*", name) if w.lower() not in FUNCTION_WORDS]
    latin = [_latin(w) for w in words]
    latin = [w for w in latin if w]
    if not latin:
        latin = ["ORG"]
    if len(latin) == 1:
        base = latin[0].upper()[:MAX_ID]
    else:
        base = "".join(w[0] for w in latin).upper()[:MAX_ID]
    if len(base) < 2:
        base = (base + "ORG")[:MAX_ID]
    blocked = known_ids() | taken
    candidate, n = base, 1
    while candidate in blocked:
        n += 1
        candidate = base[: MAX_ID - len(str(n))] + str(n)
    return candidate


def _latin(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", "".join(TRANSLIT.get(ch, ch) for ch in word.lower()))


@lru_cache(maxsize=1)
def known_ids() -> frozenset[str]:
    """Every id the tables give: states and organisations."""
    orgs = {org["id"] for org in load_json("organisations.json")["organisations"]}
    return state_ids() | orgs
