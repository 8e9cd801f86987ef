"""Ukrainian tokens and their dictionary readings (pymorphy3's Ukrainian dictionary).

Ukrainian inflects names ("Албанії", "Косова", "Україною"), so every stage that reads
Ukrainian compares lemmas, not surfaces; apostrophes (', ’, ʼ) are one letter here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...apostrophes import APOSTROPHES
from ..models import morph_uk
from ..names import PATRONYMIC_SUFFIX

TOKEN = re.compile(r"[^\W\d_]+(?:[-" + APOSTROPHES + r"][^\W\d_]+)*")
APOS = re.compile(f"[{APOSTROPHES}]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SENTENCE_END = '.!?…»"”'
QUOTES = "«\"“'„"
PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


@dataclass
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return APOS.sub("'", self.text.lower())

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


def tokens_of(text: str, start: int = 0, end: Optional[int] = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=1 << 18)
def lemmas(word: str) -> frozenset[str]:
    """Normal forms of every analysis of ``word`` (lower case), and the word itself."""
    return frozenset({APOS.sub("'", p.normal_form) for p in morph_uk().parse(word)} | {word})


def title_lemmas(word: str) -> frozenset[str]:
    """:func:`lemmas` of a title, also of one the dictionary lacks with a prefix before a
    hyphen ("віце-президентом" → "віце-президент")."""
    prefix, _, rest = word.rpartition("-")
    if not prefix:
        return lemmas(word)
    return lemmas(word) | {f"{prefix}-{form}" for form in lemmas(rest)}


@lru_cache(maxsize=1 << 16)
def grammemes(word: str) -> frozenset[str]:
    """All grammemes of all analyses of ``word`` (lower case). A first name whose
    nominative the dictionary files only as an animate noun ("Володимир", "Богдан":
    also a city and a common word) gets ``Name`` from the other forms of its paradigm."""
    out: set[str] = set()
    parses = morph_uk().parse(word)
    for p in parses:
        out |= set(p.tag.grammemes)
    if "Name" not in out and "anim" in out:
        for p in parses:
            if "anim" in p.tag and any("Name" in f.tag for f in p.lexeme):
                out.add("Name")
                break
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def paradigm(word: str) -> frozenset[str]:
    """Every form of every lexeme ``word`` belongs to, plus its lemmas; an indeclinable
    name has one form. Without that, "Того" (Togo) would match every form of the pronoun
    "той" ("та", "те", "тих": a capitalised "ТА" in a heading is the conjunction), and
    "Перу" the forms of "перо"."""
    parses = morph_uk().parse(word)
    # the name's own lexemes, "Гренландія" also as "Ґренландія"
    own = [p for p in parses if APOS.sub("'", p.normal_form).replace("ґ", "г") == word.replace("ґ", "г")]
    if own and all("Fixd" in p.tag for p in own) and not any(p.tag.POS == "ADJF" for p in parses):
        # ADJF: "Об'єднані" is also filed as an indeclinable noun, but declines in the name
        return frozenset({word})
    nominative = [p for p in parses if p.tag.case == "nomn"]
    if nominative and all(p.tag.number == "plur" for p in nominative):
        # a plural name ("Комори", "Сполучені Штати") keeps its plural: the singular "Комора"
        # is a surname and a pantry, not the Comoros
        plural = {APOS.sub("'", f.word) for p in nominative for f in p.lexeme if f.tag.number == "plur"}
        return frozenset({word} | plural)
    if own:
        # the name's own paradigm: "Куба" declines as Куба, not as the cube whose genitive plural
        # "кубів" is a surname's form ("Степана Кубіва")
        return frozenset({word} | {APOS.sub("'", f.word) for p in own for f in p.lexeme})
    forms = set(lemmas(word))
    for p in parses:
        forms |= {APOS.sub("'", f.word) for f in p.lexeme}
    return frozenset(forms)


def name_like(word: str) -> bool:
    """A first name, surname or patronymic in the dictionary, a word it does not know at all
    (foreign names: "Венгу", "Маседончі"), or a surname by its "-енко", which the dictionary
    may read as a common word ("Западенко" as a form of "западенка")."""
    return (
        bool(grammemes(word) & PERSON_GRAMMEMES)
        or not morph_uk().word_is_known(word)
        or (len(word) > 5 and word.endswith(("енко", "єнко")))
    )


def foreign_surname(tok: Token) -> bool:
    """A capitalised word no reading of which is a common noun in the nominative, genitive or
    accusative, a verb or an adjective: a surname the dictionary only knows as a rarer form of
    something else ("Гальбах", a locative plural)."""
    return not any(
        p.tag.POS in ("VERB", "INFN", "ADJF", "ADVB", "PREP", "CONJ", "PRCL", "NPRO")
        or (p.tag.POS == "NOUN" and p.tag.case in ("nomn", "gent", "accs") and "Surn" not in p.tag)
        for p in morph_uk().parse(tok.lower)
    )


def is_common_word(word: str) -> bool:
    """Does a one-word name double as an ordinary word ("Того" = of that, "Малі" = small)?"""
    return any(p.tag.POS not in ("NOUN", None) for p in morph_uk().parse(word))


def adjacent(text: str, toks: list[Token]) -> bool:
    """Are the tokens separated only by single spaces or line breaks?"""
    return all(text[a.end : b.start].isspace() and b.start - a.end <= 3 for a, b in zip(toks, toks[1:]))


def sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in SENTENCE_END or text[start - 1 : start] == "\n"


def latin_abbreviation(surface: str) -> bool:
    return surface.isascii() and surface.isalpha() and surface.isupper() and len(surface) >= 2


def is_patronymic(tok: Token) -> bool:
    """A patronymic by the dictionary, or a first name's stem with a patronymic's ending
    ("Володимирович", which the dictionary files as a plain noun; not the surname "Бутович")."""
    if "Patr" in grammemes(tok.lower):
        return True
    m = PATRONYMIC_SUFFIX.search(tok.lower)
    if m is None or "Name" in grammemes(tok.lower):
        return False
    stem = tok.lower[: m.start()]
    return any("Name" in grammemes(stem + end) for end in ("", "й", "о", "а"))


def same_name(word: str, name: str) -> bool:
    """Is ``word`` the name ``name`` in some case ("Мігелем" of "Мігель", "Яна-Еріка" of "Ян-Ерік")?"""
    if word == name or name in lemmas(word):
        return True
    stem = name[:-1] if len(name) > 3 and name[-1] in "аяоеьй" else name
    return len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 3


def is_initial(text: str, tok: Token) -> bool:
    """A one-letter capital followed by a full stop ("О." of "О.В.")."""
    return len(tok.text) == 1 and tok.capitalised and text[tok.end : tok.end + 1] == "."


def caps_word(tok: Token) -> bool:
    """A word in capitals that is an ordinary word, not a name: "МОЛОДІ", "ТА", "СПОРТУ", and
    the one-letter "І" that ``all_caps`` cannot tell from a capital ("ОСВІТИ І НАУКИ")."""
    return tok.all_caps and ordinary_word(tok.lower) or tok.text in ("ТА", "І", "Й")


@lru_cache(maxsize=1 << 14)
def ordinary_word(word: str) -> bool:
    """Does the dictionary know ``word`` only as an ordinary word, never as an abbreviation or
    an indeclinable one ("закон", "указ"; not "моз", "мвс")?"""
    morph = morph_uk()
    return morph.word_is_known(word) and not any({"Abbr", "Fixd"} & set(p.tag.grammemes) for p in morph.parse(word))


def cases_of(tok: Token) -> set[str]:
    return {t.case for t in tags_of(tok.lower) if t.case}


@lru_cache(maxsize=1 << 16)
def tags_of(word: str) -> tuple:
    """The dictionary's analyses of ``word`` (their tags), read once per word: the title and
    person checks below ask about the same few words of every clause."""
    return tuple(p.tag for p in morph_uk().parse(word))


def name_cases(word: str) -> set[str]:
    """The cases ``word`` can be in as a first name (none where it is no first name)."""
    return {t.case for t in tags_of(word) if "Name" in t.grammemes}


def family_name(tok: Token) -> bool:
    """Is ``tok`` a surname in the plural only ("палац Сенявських"): a family, not one person?"""
    tags = [t for t in tags_of(tok.lower) if t.POS in ("NOUN", "ADJF")]
    return bool(tags) and all(t.number == "plur" for t in tags)


# Ukrainian letters as ids are coined from them: the national transliteration of 2010 (Cabinet
# resolution No. 55), without the marks it drops (ь, the apostrophe)
TRANSLIT = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch - iu ia - - -".split(),
    )
)
# є, ї, й, ю, я at a word's start
TRANSLIT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def latin_spelling(word: str) -> str:
    """A Ukrainian word in Latin letters, as ids are coined ("Укргазбанк" → "ukrhazbank",
    "Олександрія" → "oleksandriia", "Згурівка" → "zghurivka")."""
    lower = word.lower()
    letters = []
    for k, ch in enumerate(lower):
        initial = k == 0 or lower[k - 1].isspace() or lower[k - 1] == "-"
        if initial and ch in TRANSLIT_INITIAL:
            letters.append(TRANSLIT_INITIAL[ch])
        elif ch == "г" and k > 0 and lower[k - 1] == "з":
            letters.append("gh")  # "зг" is zgh, apart from "ж" (zh)
        else:
            letters.append(TRANSLIT.get(ch, ch))
    # a Latin letter's accent is dropped, not the letter ("Électricité" → "electricite")
    folded = unicodedata.normalize("NFKD", "".join(letters))
    return re.sub(r"[^a-z0-9]", "", folded)
