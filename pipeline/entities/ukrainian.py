"""Ukrainian mentions: inflected names matched on lemmas, officials from title patterns.

Ukrainian inflects names ("Албанії", "Косова", "Україною"), so a surface list would
need every case form. Instead each token is reduced to its lemmas with pymorphy3's
Ukrainian dictionary and compared with the lemmatised CLDR names, token by token
("Сполучених Штатів" → сполучений штат = "Сполучені Штати"). Where the dictionary
parses a name form under another lemma ("Косова" as the surname Косов), the name's
own paradigm (pymorphy3's ``lexeme``) supplies the form.

Person names use the dictionary's ``Name``/``Surn``/``Patr`` tags; foreign surnames
the dictionary lacks ("Венгу", "Маседончі") are taken as the capitalised tokens
that follow a first name, a title or a state named as the person's affiliation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..records import Clause, Entity
from .gazetteer import APOSTROPHES, SpanSet, load_json, org_names, state_names
from .models import morph_uk

TOKEN = re.compile(r"[^\W\d_]+(?:[-" + APOSTROPHES + r"][^\W\d_]+)*")
_APOS = re.compile(f"[{APOSTROPHES}]")
SENTENCE_END = '.!?…»"”'
QUOTES = "«\"“'„"

# Long-form heads that precede a state's name ("Республіка Албанія", "Королівство Данія").
STATE_FORM_HEADS = frozenset({"республіка", "королівство", "князівство", "держава", "герцогство", "федерація"})
# Institutions whose name is tagged whole even without a state in it (guide §5).
GOVERNMENT_BODIES = frozenset(
    {
        "міністерство",
        "міноборони",
        "мзс",
        "мвс",
        "парламент",
        "посольство",
        "генштаб",
        "прокуратура",
        "сейм",
        "бундестаг",
        "конгрес",
        "сенат",
        "пентагон",
    }
)
# Institutions tagged only when a state/organisation or its adjective is part of the name.
OTHER_BODIES = frozenset(
    {
        "сила",
        "рада",
        "офіс",
        "служба",
        "агентство",
        "комітет",
        "комісія",
        "суд",
        "адміністрація",
        "відомство",
        "штаб",
        "банк",
        "фонд",
        "департамент",
        "управління",
        "армія",
        "гвардія",
        "поліція",
        "місія",
        "секретаріат",
        "інститут",
        "палата",
        "бюро",
    }
)
# "Уряд Японії" stands for the state itself: the state is tagged, not an institution.
GOVERNMENT_AS_STATE = frozenset({"уряд", "кабмін", "кабінет"})
ROLE_HEADS = frozenset(
    {
        "міністр",
        "міністерка",
        "президент",
        "президентка",
        "прем'єр-міністр",
        "прем'єр",
        "прем'єрка",
        "віцепрем'єр-міністр",
        "віце-прем'єр-міністр",
        "віцепрем'єр",
        "віце-прем'єр",
        "речник",
        "речниця",
        "посол",
        "посолка",
        "секретар",
        "генсек",
        "голова",
        "заступник",
        "заступниця",
        "канцлер",
        "спікер",
        "очільник",
        "очільниця",
        "керівник",
        "керівниця",
        "командувач",
        "головнокомандувач",
        "директор",
        "король",
        "королева",
        "лідер",
        "глава",
        "представник",
        "представниця",
        "уповноважений",
        "радник",
        "радниця",
        "начальник",
        "генерал",
        "міністр-президент",
        "держсекретар",
        "єврокомісар",
        "комісар",
        "прессекретар",
        "прес-секретар",
    }
)
ROLE_MODIFIERS = frozenset(
    {"генеральний", "перший", "віце", "державний", "федеральний", "верховний", "новий", "колишній", "тимчасовий"}
)
ROLE_STOP = frozenset({"та", "і", "й", "з", "із", "зі", "у", "в", "на", "до", "від", "що", "який", "яка", "це"})
MAX_PHRASE_WORDS = 4  # lower-case words in a title ("міністр закордонних справ") or before an institution
PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
MAX_NAME_TOKENS = 3


@dataclass
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return _APOS.sub("'", self.text.lower())

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
    return frozenset({_APOS.sub("'", p.normal_form) for p in morph_uk().parse(word)} | {word})


@lru_cache(maxsize=1 << 16)
def grammemes(word: str) -> frozenset[str]:
    """All grammemes of all analyses of ``word`` (lower case)."""
    out: set[str] = set()
    for p in morph_uk().parse(word):
        out |= set(p.tag.grammemes)
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def paradigm(word: str) -> frozenset[str]:
    """Every form of every lexeme ``word`` belongs to, plus its lemmas."""
    forms = set(lemmas(word))
    for p in morph_uk().parse(word):
        forms |= {_APOS.sub("'", f.word) for f in p.lexeme}
    return frozenset(forms)


def _name_like(word: str) -> bool:
    """A first name, surname or patronymic in the dictionary, or a word it does not
    know at all (foreign names: "Венгу", "Маседончі")."""
    return bool(grammemes(word) & PERSON_GRAMMEMES) or not morph_uk().word_is_known(word)


def _is_common_word(word: str) -> bool:
    """Does a one-word name double as an ordinary word ("Того" = of that, "Малі" = small)?"""
    return any(p.tag.POS not in ("NOUN", None) for p in morph_uk().parse(word))


@dataclass(frozen=True)
class _Entry:
    forms: tuple[frozenset[str], ...]  # per token: the forms that count as a match
    caps: tuple[bool, ...]  # per token: an acronym, which must be written in capitals
    id: str
    kind: str
    common_word: bool


class UkrainianGazetteer:
    """States and organisations in Ukrainian text, matched on lemmas."""

    def __init__(self) -> None:
        self.index: dict[str, list[_Entry]] = {}
        for surface, sid in state_names("uk").items():
            self._add(surface, sid, "state")
        for surface, oid in org_names("uk").items():
            if any("а" <= c.lower() <= "я" or c in "єіїґЄІЇҐ" for c in surface):
                self._add(surface, oid, "org")
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e.forms))

    def _add(self, surface: str, sid: str, kind: str) -> None:
        toks = [t.text for t in tokens_of(surface)]
        if not toks:
            return
        entry = _Entry(
            forms=tuple(paradigm(_APOS.sub("'", t.lower())) for t in toks),
            caps=tuple(t.isupper() and len(t) > 1 for t in toks),
            id=sid,
            kind=kind,
            common_word=len(toks) == 1 and _is_common_word(toks[0].lower()),
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
                i += 1
                continue
            j, entry = match
            start = self._long_form_start(text, toks, i)
            out.append((start, toks[j - 1].end, i, j, entry))
            i = j
        return out

    def _match_at(self, text: str, toks: list[Token], i: int) -> Optional[tuple[int, _Entry]]:
        candidates: dict[int, _Entry] = {}
        for form in lemmas(toks[i].lower):
            for entry in self.index.get(form, ()):
                candidates[id(entry)] = entry
        for entry in sorted(candidates.values(), key=lambda e: -len(e.forms)):
            j = i + len(entry.forms)
            if j > len(toks) or not _adjacent(text, toks[i:j]):
                continue
            if entry.common_word and _sentence_initial(text, toks[i].start):
                continue
            if all(self._token_fits(t, forms, caps) for t, forms, caps in zip(toks[i:j], entry.forms, entry.caps)):
                return j, entry
        return None

    @staticmethod
    def _token_fits(tok: Token, forms: frozenset[str], caps: bool) -> bool:
        if caps and not tok.all_caps:
            return False
        return bool(lemmas(tok.lower) & forms)

    @staticmethod
    def _long_form_start(text: str, toks: list[Token], i: int) -> int:
        """Extend "Албанія" to "Республіка Албанія" and "Федеративна Республіка Німеччина"."""
        k = i
        if (
            k > 0
            and toks[k - 1].capitalised
            and lemmas(toks[k - 1].lower) & STATE_FORM_HEADS
            and _adjacent(text, toks[k - 1 : k + 1])
        ):
            k -= 1
            if (
                k > 0
                and toks[k - 1].capitalised
                and "ADJF" in grammemes(toks[k - 1].lower)
                and _adjacent(text, toks[k - 1 : k + 1])
            ):
                k -= 1
        return toks[k].start


def _adjacent(text: str, toks: list[Token]) -> bool:
    """Are the tokens separated only by single spaces or line breaks?"""
    return all(text[a.end : b.start].isspace() and b.start - a.end <= 3 for a, b in zip(toks, toks[1:]))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in SENTENCE_END or text[start - 1 : start] == "\n"


@lru_cache(maxsize=1)
def ukrainian_gazetteer() -> UkrainianGazetteer:
    return UkrainianGazetteer()


@lru_cache(maxsize=1)
def ukrainian_demonyms() -> dict[str, str]:
    return dict(load_json("demonyms.json")["uk"])


def demonym_id(tok: Token) -> Optional[str]:
    table = ukrainian_demonyms()
    return next((table[l] for l in lemmas(tok.lower) if l in table), None)


# --- recognition --------------------------------------------------------------


class UkrainianRecognizer:
    """States, organisations, institutions and officials in one Ukrainian document."""

    def __init__(self) -> None:
        self.gazetteer = ukrainian_gazetteer()

    def entities(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        found: list[Entity] = []
        for clause in clauses:
            toks = tokens_of(text, clause.start, clause.end)
            names = self.gazetteer.find(text, toks)
            found += self._institutions(text, toks, names)
            found += [
                Entity(s, e, text[s:e], "STATE" if en.kind == "state" else "ORG", id=en.id, source="lemma-gazetteer")
                for s, e, _, _, en in names
            ]
            found += self._officials(text, toks, names)
        return found + self._coreferent_officials(text, clauses, found)

    # institutions ------------------------------------------------------------
    def _institutions(self, text: str, toks: list[Token], names) -> list[Entity]:
        by_first = {i: (j, en) for _, _, i, j, en in names}
        out = []
        for i, tok in enumerate(toks):
            head = lemmas(tok.lower)
            if head & GOVERNMENT_AS_STATE or not head & (GOVERNMENT_BODIES | OTHER_BODIES):
                continue
            first = i
            while (
                first > 0
                and i - first < MAX_PHRASE_WORDS
                and "ADJF" in grammemes(toks[first - 1].lower)
                and _adjacent(text, toks[first - 1 : first + 1])
            ):
                first -= 1
            # a proper name of an institution starts with a capital ("Державна прикордонна служба")
            while first < i and not toks[first].capitalised:
                first += 1
            if not toks[first].capitalised:
                continue
            named = any(demonym_id(t) for t in toks[first : i + 1])
            last = i + 1
            while (
                last < len(toks)
                and last - i <= MAX_PHRASE_WORDS
                and not toks[last].capitalised
                and toks[last].lower not in ROLE_STOP
                and _adjacent(text, toks[last - 1 : last + 1])
            ):
                last += 1
            if last in by_first and _adjacent(text, toks[last - 1 : last + 1]):
                last, named = by_first[last][0], True
            if named or head & GOVERNMENT_BODIES:
                s, e = toks[first].start, toks[last - 1].end
                out.append(Entity(s, e, text[s:e], "ORG", source="institution"))
        return out

    # officials ---------------------------------------------------------------
    def _officials(self, text: str, toks: list[Token], names) -> list[Entity]:
        """ "міністр оборони Албанії Піро Венгу" and, after it in the same clause,
        "(колег) з Косова Еюпа Маседончі та Хорватії Івана Анушича"."""
        name_at = {i: (j, en) for _, _, i, j, en in names}
        inside = {k for _, _, i, j, _ in names for k in range(i, j)}
        out: list[Entity] = []
        role: Optional[str] = None
        signs_for = self._signature_party(text, toks, names)
        i = 0
        while i < len(toks):
            if lemmas(toks[i].lower) & ROLE_HEADS and not toks[i].all_caps:
                role_start = i - 1 if i > 0 and lemmas(toks[i - 1].lower) & ROLE_MODIFIERS else i
                k = i + 1
                while (
                    k < len(toks)
                    and k - i <= MAX_PHRASE_WORDS
                    and not toks[k].capitalised
                    and toks[k].lower not in ROLE_STOP
                    and _adjacent(text, toks[k - 1 : k + 1])
                ):
                    k += 1
                role = text[toks[role_start].start : toks[k - 1].end]
                affiliation = demonym_id(toks[role_start - 1]) if role_start > 0 else None
                if k in name_at:
                    k, entry = name_at[k]
                    affiliation = entry.id
                person = self._person_at(text, toks, k, inside, after_title=True)
                if person:
                    out.append(_official(text, toks, k, person, role, affiliation or signs_for))
                    k = person
                i = k
                continue
            if role and i in name_at:
                # a state in the genitive naming the affiliation of the person after it
                j, entry = name_at[i]
                person = self._person_at(text, toks, j, inside)
                if person:
                    out.append(_official(text, toks, j, person, role, entry.id))
                    i = person
                    continue
            i += 1
        return out

    @staticmethod
    def _signature_party(text: str, toks: list[Token], names) -> Optional[str]:
        """ "За Італію: Прем’єр-міністр Джорджа Мелоні": the state after "За" / "Від імені"."""
        first_name_token = names[0][2] if names else None
        if toks and toks[0].text in ("За", "Від") and first_name_token in (1, 2):  # "За X", "Від імені X"
            return names[0][4].id
        return None

    @staticmethod
    def _person_at(text: str, toks: list[Token], k: int, inside: set[int], after_title: bool = False) -> Optional[int]:
        """End (exclusive token index) of a person name starting at token ``k``: a
        token the dictionary tags as a name (or does not know: foreign names), then
        capitalised tokens — any after a first name ("Піро Венгу"), else surnames or
        unknown words. Right after a title any two capitalised tokens are taken (the
        dictionary lacks many first names). A quoted name («Слуга Народу») is a party
        or a brand, not a person."""
        if k >= len(toks) or (toks[k].start > 0 and text[toks[k].start - 1] in QUOTES):
            return None
        j = k
        while (
            j < len(toks)
            and j - k < MAX_NAME_TOKENS
            and toks[j].capitalised
            and j not in inside
            and not toks[j].all_caps
            and (j == k or _adjacent(text, toks[j - 1 : j + 1]))
        ):
            j += 1
        if j == k or not (after_title or _name_like(toks[k].lower)):
            return None
        after_first_name = after_title or "Name" in grammemes(toks[k].lower)
        while j > k + 1 and not (after_first_name or all(_name_like(t.lower) for t in toks[k + 1 : j])):
            j -= 1
        if j - k >= 2 or grammemes(toks[k].lower) & PERSON_GRAMMEMES:
            return j
        return None

    # coreference ---------------------------------------------------------------
    @staticmethod
    def _coreferent_officials(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
        """A later surname-only mention ("– сказав Маседончі") of an official named in full."""
        officials = [e for e in found if e.label == "OFFICIAL"]
        if not officials:
            return []
        by_surname: dict[str, Entity] = {}
        for off in officials:
            surname = tokens_of(off.text)[-1]
            for form in lemmas(surname.lower):
                by_surname.setdefault(form, off)
        taken = SpanSet()
        for e in found:
            if not taken.overlaps(e.start, e.end):
                taken.add(e.start, e.end)
        out = []
        for clause in clauses:
            for tok in tokens_of(text, clause.start, clause.end):
                if not tok.capitalised or taken.overlaps(tok.start, tok.end):
                    continue
                match = next((by_surname[l] for l in lemmas(tok.lower) if l in by_surname), None)
                if match is not None:
                    out.append(
                        Entity(
                            tok.start,
                            tok.end,
                            tok.text,
                            "OFFICIAL",
                            role=match.role,
                            affiliation=match.affiliation,
                            name=tok.text,
                            source="coreference",
                        )
                    )
        return out


def _official(text: str, toks: list[Token], k: int, j: int, role: Optional[str], affiliation: Optional[str]) -> Entity:
    from .officials import normalise_name

    s, e = toks[k].start, toks[j - 1].end
    return Entity(
        s,
        e,
        text[s:e],
        "OFFICIAL",
        role=role,
        affiliation=affiliation,
        name=normalise_name(text[s:e]),
        source="title-pattern",
    )
