"""States and organisations named in Ukrainian, matched on lemmas.

The CLDR and organisation names are lemmatised once and compared token by token with a
text's lemmas ("Сполучених Штатів" → сполучений штат = "Сполучені Штати"). Where the
dictionary parses a name form under another lemma ("Косова" as the surname Косов), the
name's own paradigm supplies the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..gazetteer import blocked_names, is_cyrillic, load_json, org_names, state_names
from ..models import morph_uk
from .titles import STATE_FORM_HEADS
from .tokens import (
    APOS,
    Token,
    adjacent,
    grammemes,
    is_common_word,
    latin_abbreviation,
    lemmas,
    paradigm,
    sentence_initial,
    tokens_of,
)

AND_WORDS = frozenset({"і", "й", "та"})


@dataclass(frozen=True)
class _Entry:
    forms: tuple[frozenset[str], ...]  # per token: the forms that count as a match
    caps: tuple[bool, ...]  # per token: an acronym, which must be written in capitals
    id: str
    kind: str
    common_word: bool
    # the punctuation between its words ("освіти, науки і культури"), "" where a space
    separators: tuple[str, ...] = ()


def _first_lemma(word: str) -> str:
    return APOS.sub("'", morph_uk().parse(word.lower())[0].normal_form)


class UkrainianGazetteer:
    """States and organisations in Ukrainian text, matched on lemmas."""

    def __init__(self) -> None:
        self.index: dict[str, list[_Entry]] = {}
        self.state_ids = frozenset(state_names("uk").values())
        # blocked phrases as the lemmas of their words ("північний", "ірландія")
        self.blocked = [tuple(_first_lemma(t.text) for t in tokens_of(phrase)) for phrase in blocked_names("uk")]
        for surface, sid in state_names("uk").items():
            self._add(surface, sid, "state")
        for surface, oid in org_names("uk").items():
            # Cyrillic names, and Latin abbreviations that Ukrainian text keeps ("(GIZ)", "НАТО
            # та OSCE"); Latin names of several words are English text, read by the English finders
            if is_cyrillic(surface) or latin_abbreviation(surface):
                self._add(surface, oid, "org")
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e.forms))

    def _add(self, surface: str, sid: str, kind: str) -> None:
        spans = tokens_of(surface)
        toks = [t.text for t in spans]
        if not toks:
            return
        entry = _Entry(
            # "і", "й" and "та" join a name's words alike ("Продовольча і сільськогосподарська
            # організація ООН" = "… та …")
            forms=tuple(AND_WORDS if t.lower() in AND_WORDS else paradigm(APOS.sub("'", t.lower())) for t in toks),
            caps=tuple(t.isupper() and len(t) > 1 for t in toks),
            id=sid,
            kind=kind,
            common_word=len(toks) == 1 and is_common_word(toks[0].lower()),
            separators=tuple(surface[a.end : b.start].strip() for a, b in zip(spans, spans[1:])),
        )
        for form in entry.forms[0]:
            self.index.setdefault(form, []).append(entry)

    def find(self, text: str, toks: list[Token]) -> list[tuple[int, int, int, int, _Entry]]:
        """(start, end, first token, last token + 1, entry) of each name, longest first."""
        out = []
        i = 0
        while i < len(toks):
            match = self._match_at(text, toks, i) if toks[i].capitalised else None
            if match is None:
                match = self._adjective_long_form(text, toks, i)
            if match is None:
                out += self._joined_names(text, toks[i], i)
                i += 1
                continue
            j, entry = match
            if self._blocked(toks, i, j):  # "Північною Ірландією" is a region, not Ireland
                i = j
                continue
            start = self._long_form_start(text, toks, i)
            out.append((start, toks[j - 1].end, i, j, entry))
            i = j
        return out

    def _blocked(self, toks: list[Token], i: int, j: int) -> bool:
        """Is the name at ``toks[i:j]`` part of a phrase the tables block (states.json,
        "blocked": regions and the like), in any case?"""
        for phrase in self.blocked:
            k = i - (len(phrase) - (j - i))
            # (a name that holds the whole phrase is more than it: "Сполучене Королівство Великої
            # Британії та Північної Ірландії")
            if 0 <= k < i and all(w in lemmas(t.lower) for w, t in zip(phrase, toks[k:j])):
                return True
        return False

    def _joined_names(self, text: str, tok: Token, i: int) -> list[tuple[int, int, int, int, _Entry]]:
        """ "Україна-ЄС", "Польща–Литва": names joined by a hyphen into one token, each a
        mention of its own when every part is a name."""
        if "-" not in tok.text:
            return []
        found = []
        start = tok.start
        for part in tok.text.split("-"):
            piece = Token(start, start + len(part), part)
            match = self._match_at(text, [piece], 0) if piece.capitalised else None
            if match is None:
                return []
            found.append((piece.start, piece.end, i, i + 1, match[1]))
            start = piece.end + 1
        return found

    def _match_at(self, text: str, toks: list[Token], i: int) -> Optional[tuple[int, _Entry]]:
        candidates: dict[int, _Entry] = {}
        for form in sorted(lemmas(toks[i].lower)):  # sorted: set order changes with each process's hash seed
            for entry in self.index.get(form, ()):
                candidates[id(entry)] = entry
        # the longest name first; of names as long, an acronym before a word it spells in capitals
        # ("ГУАМ" is the organisation, "Гуам" the island)
        for entry in sorted(candidates.values(), key=lambda e: (-len(e.forms), not e.caps[0])):
            j = i + len(entry.forms)
            if j > len(toks) or not _separated_as(text, toks[i:j], entry.separators):
                continue
            if entry.common_word and sentence_initial(text, toks[i].start):
                continue
            if all(self._token_fits(t, forms, caps) for t, forms, caps in zip(toks[i:j], entry.forms, entry.caps)):
                return j, entry
        return None

    def _adjective_long_form(self, text: str, toks: list[Token], i: int) -> Optional[tuple[int, _Entry]]:
        """A state named by its adjective and its form alone: "Італійська Республіка",
        "Французькою Республікою", "Королівства Іспанського" is rarer and not read."""
        if i + 1 >= len(toks) or not (toks[i].capitalised and toks[i + 1].capitalised):
            return None
        if not lemmas(toks[i + 1].lower) & STATE_FORM_HEADS or not adjacent(text, toks[i : i + 2]):
            return None
        sid = demonym_id(toks[i])
        if sid is None or sid not in self.state_ids:
            return None
        return i + 2, _Entry(forms=(), caps=(), id=sid, kind="state", common_word=False)

    @staticmethod
    def _token_fits(tok: Token, forms: frozenset[str], caps: bool) -> bool:
        if caps and not tok.all_caps:
            return False
        return bool(lemmas(tok.lower) & forms)

    @staticmethod
    def _long_form_start(text: str, toks: list[Token], i: int) -> int:
        """Extend "Албанія" to "Республіка Албанія", "Федеративна Республіка Німеччина" and
        "Федеративна Демократична Республіка Ефіопія"."""
        k = i
        if (
            k > 0
            and toks[k - 1].capitalised
            and lemmas(toks[k - 1].lower) & STATE_FORM_HEADS
            and adjacent(text, toks[k - 1 : k + 1])
        ):
            k -= 1
            head = k
            while (
                k > 0
                and head - k < 3
                and toks[k - 1].capitalised
                and "ADJF" in grammemes(toks[k - 1].lower)
                and adjacent(text, toks[k - 1 : k + 1])
            ):
                k -= 1
        return toks[k].start


def _separated_as(text: str, toks: list[Token], separators: tuple[str, ...]) -> bool:
    """Are the tokens apart as a name's words are: by spaces, and the punctuation the name has
    between them (a comma in "Організація Об'єднаних Націй з питань освіти, науки і культури")?"""
    if not any(separators):
        return adjacent(text, toks)
    return all(
        text[a.end : b.start].strip() == sep and b.start - a.end <= 3 + len(sep)
        for a, b, sep in zip(toks, toks[1:], separators)
    )


@lru_cache(maxsize=1)
def ukrainian_gazetteer() -> UkrainianGazetteer:
    return UkrainianGazetteer()


@lru_cache(maxsize=1)
def ukrainian_demonyms() -> dict[str, str]:
    return dict(load_json("demonyms.json")["uk"])


def demonym_id(tok: Token) -> Optional[str]:
    table = ukrainian_demonyms()
    return next((table[l] for l in sorted(lemmas(tok.lower)) if l in table), None)
