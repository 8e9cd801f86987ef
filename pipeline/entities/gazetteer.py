"""State and organisation names built from data, and a fast matcher over them.

State names come from CLDR (``babel``: the territory names of each language) and
ISO 3166 (``pycountry``: short, official and common names), mapped to ISO 3166-1
alpha-3 ids (Kosovo: ``XKX``, guide §6). ``data/states.json`` adds the forms
neither source has (Kosova, U.S., Former Yugoslav Republic of Macedonia, renamed
and dissolved states) and phrases that must not count as a state mention (Latin
America, US dollars). Organisations come from ``data/organisations.json`` plus the
CLDR names of the EU and the UN.

The matcher compiles all surface forms of a language into one trie-shaped regular
expression, so a 1 MB treaty is scanned in one C-level pass. Names match
case-insensitively (ALL-CAPS headings) but must be capitalised as names are, so that
"turkey" or "chad" in running text is not a state; acronyms match case-sensitively.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Optional

from ..apostrophes import APOSTROPHES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CLDR_LANGS = ("en", "uk", "es", "fr")
KOSOVO = "XKX"

# Words that may stay lower-case inside a capitalised name ("Republic of the Congo",
# "Bosnia and Herzegovina", "República de Chile", "former Yugoslav Republic").
NAME_FUNCTION_WORDS = frozenset("of the and for on in de del la las los el y et du des d l à au da do e former".split())
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_SPACE_RE = re.compile(r"\s+")
GLUED = re.compile(r"[a-z][A-Z]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*", re.UNICODE)
# Official long forms that CLDR and ISO do not list for every language: "República
# del Perú", "République du Cameroun", "Kingdom of X". A match preceded by one of
# these is extended to the left (the guide tags the name as written).
STATE_ADJECTIVE = r"(?:Federal|Socialist|Democratic|Islamic|Arab|Hashemite|Cooperative|Popular|People['’]s)"
# adjectives before a long form the tables name whole ("the Democratic Republic of the Sudan")
STATE_ADJECTIVES_BEFORE = re.compile(rf"(?:{STATE_ADJECTIVE}\s+){{1,3}}$", re.IGNORECASE)
FORM_HEAD = re.compile(r"(?:Republic|Kingdom|Principality|Sultanate)\b")
STATE_PREFIX = re.compile(
    rf"(?:(?:{STATE_ADJECTIVE}\s*){{0,3}}"
    r"(?:Republic|Kingdom|Principality|Grand[-\s]Duchy|Sultanate|Commonwealth|Confederation)\s+of"
    r"(?:\s+the)?"
    r"|(?:Rep[úu]blica|Reino|Estado|Principado|Gran\s+Ducado|Confederaci[óo]n)(?:\s+[A-ZÁÉÍÓÚ][\w]+)?"
    r"\s+(?:de\s+la|del|de)"
    r"|(?:R[ée]publique|Royaume|Principaut[ée]|Grand-Duch[ée]|[ÉE]tat|Conf[ée]d[ée]ration)"
    r"(?:\s+[A-ZÉÈ][\w]+)?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))\s*$",
    re.IGNORECASE,
)

# An abbreviation defined in brackets after a name: "(SIPRI)", "(МОМ)", "(далі — СЦКК)"
ABBREVIATION = re.compile(r"\s*\(\s*(?:(?:далі|надалі)\s*[-–—]\s*)?(?P<abbr>[A-ZА-ЯЄІЇҐ][A-ZА-ЯЄІЇҐ0-9&]{1,9})\s*\)")


@dataclass(frozen=True)
class Mention:
    """A state or organisation name found in a text (document offsets)."""

    start: int
    end: int
    id: str
    kind: str  # "state" | "org"
    source: str = "gazetteer"


# --- data -------------------------------------------------------------------


@cache
def load_json(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def norm_key(surface: str) -> str:
    """The lookup key of a surface form: case-folded, one apostrophe, single spaces,
    no leading article."""
    key = _SPACE_RE.sub(" ", _APOSTROPHE_RE.sub("'", surface)).strip().casefold()
    key = re.sub(r"-\s+", "-", key)
    for article in ("the ", "la ", "el ", "los ", "las ", "le ", "les ", "l'"):
        if key.startswith(article):
            return key[len(article) :]
    return key


def _alpha3(code2: str) -> Optional[str]:
    import pycountry

    if code2 == "XK":
        return KOSOVO
    country = pycountry.countries.get(alpha_2=code2)
    return country.alpha_3 if country else None


def _inverted(name: str) -> Optional[str]:
    """ISO's "Korea, Republic of" → "Republic of Korea"."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and re.search(r"\b(?:of|of the)$", parts[1], re.IGNORECASE):
        return f"{parts[1]} {parts[0]}"
    return None


def _variants(name: str, lang: str) -> set[str]:
    """Spelling variants of a CLDR/ISO name: without the parenthesis, "&" spelt out,
    "St." spelt out, without "SAR China"."""
    out = {name}
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    out.add(bare)
    inner = re.findall(r"\(([^)]*)\)", name)
    if inner and len(inner[0].split()) == 1:
        out.add(inner[0])  # "Myanmar (Burma)" → Burma; the caller drops clashes
    conjunction = {"en": "and", "es": "y", "fr": "et", "uk": "і"}.get(lang, "and")
    for form in list(out):
        if "&" in form:
            out.add(form.replace("&", conjunction))
        if form.startswith("St. "):
            out.add("Saint " + form[4:])
        if form.endswith(" SAR China"):
            out.add(form[: -len(" SAR China")])
    return {v for v in out if v}


def _pycountry_names() -> Iterable[tuple[str, str]]:
    import pycountry

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            inverted = _inverted(value)
            if inverted:
                yield inverted, country.alpha_3
            elif "," not in value:
                yield value, country.alpha_3


# ISO 3166 codes of places that are no state or territory a text can name as a party: a
# continent is a region (guide §5), "Антарктиці" is where a station stands
NOT_A_STATE = frozenset({"ATA"})


@cache
def state_names(lang: str) -> dict[str, str]:
    """Surface form → alpha-3 id for the states named in ``lang`` documents.
    Spanish and French documents also use the English forms (quoted names, OCR
    without accents); the English list never takes French forms ("Maurice")."""
    from babel import Locale

    langs = [lang] if lang == "en" else [lang, "en"]
    names: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()

    def add(surface: str, sid: str) -> None:
        key = norm_key(surface)
        if key in names and names[key][1] != sid:
            ambiguous.add(key)
        names.setdefault(key, (surface, sid))

    for code in langs:
        if code not in CLDR_LANGS:
            continue
        for code2, name in Locale(code).territories.items():
            sid = _alpha3(code2) if len(code2) == 2 and code2.isalpha() else None
            if sid:
                for variant in _variants(name, code):
                    add(variant, sid)
    if "en" in langs or lang in ("es", "fr"):
        for surface, sid in _pycountry_names():
            add(surface, sid)
    curated = load_json("states.json")["aliases"]
    result: dict[str, str] = {}
    for key, (surface, sid) in names.items():
        if key not in ambiguous and sid not in NOT_A_STATE:
            result[surface] = sid
    # Curated aliases come last and win: they settle what the sources leave ambiguous.
    for sid, by_lang in curated.items():
        for code in langs:
            for surface in by_lang.get(code, []):
                result[surface] = sid
    return result


@lru_cache(maxsize=1)
def state_ids() -> frozenset[str]:
    """Every id the gazetteer gives a state (ISO alpha-3, XKX, withdrawn codes)."""
    import pycountry

    curated = {k for k in load_json("states.json")["aliases"] if not k.startswith("_")}
    return frozenset({c.alpha_3 for c in pycountry.countries} | curated | {KOSOVO})


@cache
def org_names(lang: str) -> dict[str, str]:
    """Surface form → organisation id."""
    from babel import Locale

    langs = [lang] if lang == "en" else [lang, "en"]
    result: dict[str, str] = {}
    for code in langs:
        if code in CLDR_LANGS:
            territories = Locale(code).territories
            for code2 in ("EU", "UN"):
                if code2 in territories:
                    result[territories[code2]] = code2
    for org in load_json("organisations.json")["organisations"]:
        for code in langs:
            for surface in org.get(code, []):
                result[surface] = org["id"]
    return result


@lru_cache(maxsize=1)
def never_parties() -> frozenset[str]:
    """Ids of bodies that act under instruments and are not parties to them (a monitoring
    mission, a contact group, a joint centre, a state's forces, a tribunal): the table's
    ``"party": false``. A report about their work names them, not the instrument's parties."""
    return frozenset(o["id"] for o in load_json("organisations.json")["organisations"] if o.get("party") is False)


@lru_cache(maxsize=1)
def institution_owners() -> dict[str, str]:
    """Institution id → the organisation it belongs to (the table's ``part_of``: EC → EU)."""
    return {o["id"]: o["part_of"] for o in load_json("organisations.json")["organisations"] if o.get("part_of")}


def blocked_names(lang: str) -> list[str]:
    blocked = load_json("states.json")["blocked"]
    langs = [lang] if lang == "en" else [lang, "en"]
    return [s for code in langs for s in blocked.get(code, [])]


def is_cyrillic(text: str) -> bool:
    return any("а" <= c.lower() <= "я" or c in "єіїґЄІЇҐ" for c in text)


@lru_cache(maxsize=1)
def groupings_of_states() -> frozenset[str]:
    """Groupings whose member states conclude their agreements (the table's
    ``members_conclude``: EFTA, ASEAN, MERCOSUR …)."""
    return frozenset(o["id"] for o in load_json("organisations.json")["organisations"] if o.get("members_conclude"))


@lru_cache(maxsize=1)
def represented_by() -> dict[str, str]:
    """Territory id → id of the state that concludes agreements on its behalf."""
    return {k: v for k, v in load_json("states.json")["represented_by"].items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def historic_successors() -> dict[str, list[str]]:
    return {k: v for k, v in load_json("states.json")["historic_successors"].items() if not k.startswith("_")}


# --- demonyms ---------------------------------------------------------------

_DEMONYM_RULES = (  # (name ending, replacement) tried in order; the vocabulary decides
    ("ia", "ian"),
    ("a", "an"),
    ("e", "ian"),
    ("e", "ean"),
    ("o", "an"),
    ("y", "ian"),
    ("um", "ian"),
    ("", "ian"),
    ("", "ese"),
    ("", "i"),
    ("", "an"),
    ("", "ish"),
)


@lru_cache(maxsize=1)
def english_demonyms() -> dict[str, str]:
    """Nationality adjective → state id ("Serbian" → SRB). Regular forms are derived
    from the CLDR English names by suffix rules and kept only if the English model's
    vocabulary knows the word; irregular ones come from ``data/demonyms.json``."""
    from .models import english_vocabulary

    vocab = english_vocabulary()
    derived: dict[str, tuple[int, str]] = {}  # adjective → (length of the name it came from, id)
    for surface, sid in state_names("en").items():
        if " " in surface or not surface[:1].isupper():
            continue
        for ending, replacement in _DEMONYM_RULES:
            stem = surface[: len(surface) - len(ending)]
            candidate = stem + replacement
            if surface.endswith(ending) and candidate in vocab:
                # "Nigerian" fits Nigeria and Niger: the longer name is the closer one
                if len(surface) > derived.get(candidate, (0, ""))[0]:
                    derived[candidate] = (len(surface), sid)
                break  # the first rule that yields a known word is the demonym
    curated = {k: v for k, v in load_json("demonyms.json")["en"].items() if v}
    return {**{k: v for k, (_, v) in derived.items()}, **curated}


# --- matching ---------------------------------------------------------------


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in surface


def _char_class(ch: str) -> str:
    if ch in APOSTROPHES:
        return f"[{APOSTROPHES}]"
    if ch == " ":
        # OCR and text conversion glue the words of a name too ("the LaoPeople's Democratic
        # Republic", "the SocialistRepublic of Viet Nam"); a name is still cased as one
        # (_cased_like_name), so the lower-case run "unitedstates" is not taken
        return r"\s*"
    if ch == "-":
        return r"[-‐‑–]\s*"
    return re.escape(ch)


def trie_regex(keys: Iterable[str]) -> str:
    """One regular expression matching any of ``keys``, shaped as a trie so the
    engine follows one branch per character instead of trying every name."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [_char_class(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _cased_like_name(found: str, canonical: str) -> bool:
    """Is ``found`` capitalised as a name (Title Case or ALL CAPS), allowing the
    lower-case words the canonical form itself has ("Union européenne")?"""
    words = _WORD_RE.findall(found)
    if not words or not words[0][:1].isupper():
        return False

    def folded(word: str) -> str:  # "d’Ivoire" as written is "d'Ivoire" of the canonical form
        return _APOSTROPHE_RE.sub("'", word).casefold()

    lower_ok = {folded(w) for w in _WORD_RE.findall(canonical) if w[:1].islower()} | NAME_FUNCTION_WORDS
    return all(w[:1].isupper() or folded(w) in lower_ok for w in words)


class Gazetteer:
    """Finds state and organisation names of one language in a text."""

    def __init__(self, lang: str):
        self.lang = lang
        entries: dict[str, tuple[str, str, str]] = {}  # key → (canonical surface, id, kind)
        for surface, sid in state_names(lang).items():
            entries[norm_key(surface)] = (surface, sid, "state")
        for surface, oid in org_names(lang).items():
            entries[norm_key(surface)] = (surface, oid, "org")
        for surface in blocked_names(lang):
            entries[norm_key(surface)] = (surface, "", "blocked")
        self.entries = entries
        # names whose leading article is their own ("El Salvador"): the key drops it, the span keeps it
        self.own_articles = {c: c.partition(" ")[0] for c, _, _ in entries.values() if _has_own_article(c)}
        # the key of each name without its spaces, for names found glued (see _char_class)
        self.glued_keys: dict[str, str] = {}
        for key in entries:
            self.glued_keys.setdefault(key.replace(" ", ""), key)
        self.acronyms = {surface: (sid, kind) for surface, sid, kind in entries.values() if _is_acronym(surface)}
        names = [k for k, (s, _, _) in entries.items() if not _is_acronym(s)]
        trie = trie_regex(names)
        self.name_re = re.compile(r"(?<!\w)(?:" + trie + r")(?!\w)", re.IGNORECASE)
        # OCR and XML rendering glue words ("PreambleCanada and the Republic of Honduras"):
        # names are also tried where a capital follows a lower-case letter. (A look-behind
        # admitting lower-case letters in the main expression would triple its cost.)
        self.name_at = re.compile(r"(?:" + trie + r")(?!\w)", re.IGNORECASE)
        self.acronym_re = re.compile(r"(?<![\w.])(?:" + trie_regex(self.acronyms) + r")(?![\w])")

    def lookup(self, surface: str) -> Optional[tuple[str, str]]:
        """(id, kind) of a name as written, or None ("the Republic of Albania" → ALB)."""
        surface = re.sub(r"(?:['’]s|['’])$", "", surface.strip())
        if surface in self.acronyms:
            sid, kind = self.acronyms[surface]
            return (sid, kind) if kind != "blocked" else None
        entry = self.entries.get(norm_key(surface))
        if entry is None or entry[2] == "blocked" or _is_acronym(entry[0]):
            return None
        return entry[1], entry[2]

    def find(self, text: str, start: int = 0, end: Optional[int] = None) -> list[Mention]:
        """Mentions in ``text[start:end]``, longest match first, not overlapping,
        offsets into ``text``."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, str, str]] = []
        glued = (self.name_at.match(text, g.start() + 1, end) for g in GLUED.finditer(text, start, end))
        for m in itertools.chain(self.name_re.finditer(text, start, end), filter(None, glued)):
            key = norm_key(m.group())
            canonical, sid, kind = self.entries[key if key in self.entries else self.glued_keys[key.replace(" ", "")]]
            if _cased_like_name(m.group(), canonical):
                article = self.own_articles.get(canonical)
                s = _with_article(text, m.start(), article, start) if article else m.start()
                found.append((s, m.end(), sid, kind))
        for m in self.acronym_re.finditer(text, start, end):
            if m.start() > 1 and text[m.start() - 1] in APOSTROPHES and text[m.start() - 2].isalpha():
                continue  # "D’UN BUREAU": an elided article before a word in capitals
            sid, kind = self.acronyms[m.group()]
            found.append((m.start(), m.end(), sid, kind))
        mentions = []
        for s, e, sid, kind in longest_first(found):
            if kind == "blocked":
                continue
            if kind == "state":
                s = self._extend_official_form(text, s, start)
            mentions.append(Mention(s, e, sid, kind))
        return mentions

    def ids_in(self, text: str) -> list[str]:
        """Distinct ids named in ``text``, in order of first mention."""
        seen: list[str] = []
        for m in self.find(text):
            if m.id not in seen:
                seen.append(m.id)
        return seen

    @staticmethod
    def _extend_official_form(text: str, s: int, floor: int) -> int:
        window = text[max(floor, s - 64) : s]
        m = STATE_PREFIX.search(window)
        if m and m.group()[:1].isupper():
            return s - len(window) + m.start()
        if FORM_HEAD.match(text, s):
            m = STATE_ADJECTIVES_BEFORE.search(window)
            if m and m.group()[:1].isupper():
                return s - len(window) + m.start()
        return s


def _has_own_article(canonical: str) -> bool:
    """Does the name open with an article that is part of it ("El Salvador")? The lookup key
    drops leading articles ("the Republic of Albania" is found as "Republic of Albania")."""
    article, _, rest = canonical.partition(" ")
    return bool(rest) and article[:1].isupper() and norm_key(canonical) == norm_key(rest)


def _with_article(text: str, s: int, article: str, floor: int) -> int:
    """Where the name begins when the text has its own article before the match."""
    before = text[max(floor, s - len(article) - 1) : s]
    return s - len(before) if before[:-1].casefold() == article.casefold() and before[-1:] == " " else s


class SpanSet:
    """Non-overlapping [start, end) spans with a fast overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def longest_first(spans: Iterable[tuple]) -> list[tuple]:
    """Non-overlapping spans, preferring the longest, then the leftmost; sorted by start.
    Each span is a tuple whose first two items are (start, end)."""
    chosen: list[tuple] = []
    taken = SpanSet()
    for span in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not taken.overlaps(span[0], span[1]):
            chosen.append(span)
            taken.add(span[0], span[1])
    return sorted(chosen, key=lambda x: x[0])


@cache
def gazetteer(lang: str) -> Gazetteer:
    """The matcher for ``lang``, built once per process (Ukrainian documents use
    the English one for Latin-script names; their own are matched on lemmas)."""
    return Gazetteer(lang if lang in ("en", "es", "fr") else "en")
