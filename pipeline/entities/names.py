"""A Ukrainian person name in its dictionary form (nominative), as the OFFICIAL ``name``.

The span stays as written ("Мельником О.В."); ``name`` is what a reader would file it
under ("Мельник О.В."). pymorphy3's Ukrainian dictionary knows most Ukrainian first
names, surnames and patronymics and inflects them. Foreign names it lacks are handled
in three steps, in this order:

1. **Agreement.** The tokens of one name share case and gender. The case and gender
   are read from the tokens the dictionary does know ("Івана" masc gent), choosing
   among their analyses the reading most tokens agree on ("Петра Порошенка": masc gent,
   not the feminine nominative "Петра"). A caller may pass the case of a coordinated
   name ("Еюпа Маседончі та … Івана Анушича") when no token of this one is known; an ending
   only the instrumental has gives the case of a name no word of which is known ("Інесе
   Берзиньою"; "-ом" only before the surname, which may be written so: "Ліндстром"). The
   surname narrows the reading: one written in a consonant without a case ending does not
   decline with a man's name ("Мартіни Реннер" is Мартіна's), and a declined one of one
   gender gives it to the name ("Мартині Коларовій": a woman's, in the dative).
2. **The guesser.** A token the dictionary lacks gets pymorphy3's suffix-based guesses;
   a guess tagged as a name or surname in the agreed case and gender is inflected to
   the nominative ("Анушича" → "Анушич", "Жан-Ноеля" → "Жан-Ноель"); so is a surname in an
   adjective's oblique ending that the guesser reads as an adjective ("Задрожного" →
   "Задрожний", "Загірньому" → "Загірній").
3. **Endings.** Otherwise the paradigm of foreign names is applied by ending: masculine
   names ending in a consonant decline like "Іван" (-а/-я, -у/-ю/-ові, -ом/-ем),
   feminine names in -а/-я like "Анна"; names ending in a vowel other than -а/-я
   ("Маседончі", "Барро", "Венгу") and feminine names ending in a consonant
   ("Бербок") do not decline and are kept as written; surnames in -ський, -цький, -зький
   decline as adjectives ("Бабанського" → "Бабанський"). A guessed form longer than the
   written word ("Вейсу" → "Вейсус") is no nominative: the endings decide instead.

Initials ("О.В.", "П.", also written onto the surname: "А.В.Дяченка") and name particles are
kept as written; capitals are normalised ("ТРОФІМЦЕВА" → "Трофімцева").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from ..apostrophes import unify_apostrophes
from .models import morph_uk

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
GENDERS = ("masc", "femn")
PERSON = frozenset({"Name", "Surn", "Patr"})
WORD = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")
INITIAL = re.compile(r"^[^\W\d_]\.$")
GLUED_INITIALS = re.compile(r"^((?:[^\W\d_]\.)+)(?=[^\W\d_]{2})")
VOWELS = set("аеєиіїоуюяь")
# Surnames of the adjective type in -ський, -цький, -зький that the dictionary lacks or files
# as something else ("Бабанського" as a noun)
ADJECTIVE_SURNAME: dict[str, tuple[tuple[str, str], ...]] = {
    case: tuple((stem + ending, stem + "ий") for stem in ("ськ", "цьк", "зьк"))
    for case, ending in (("gent", "ого"), ("datv", "ому"), ("ablt", "им"))
}
# Masculine endings by case, longest first, and what replaces them in the nominative
# (a foreign name ending in a consonant: "Анушич", "Ноель", "Андрій").
MASC_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (*ADJECTIVE_SURNAME["gent"], ("ія", "ій"), ("я", "ь"), ("а", ""), ("и", "а")),
    "accs": (*ADJECTIVE_SURNAME["gent"], ("ія", "ій"), ("я", "ь"), ("а", "")),
    "datv": (*ADJECTIVE_SURNAME["datv"], ("ієві", "ій"), ("еві", "ь"), ("ові", ""), ("ю", "ь"), ("у", "")),
    "ablt": (
        *ADJECTIVE_SURNAME["ablt"],
        ("ієм", "ій"),
        ("овим", "ов"),
        ("евим", "ев"),
        ("іним", "ін"),
        ("ем", "ь"),
        ("ом", ""),
        ("ою", "а"),
    ),
    "loct": (*ADJECTIVE_SURNAME["datv"], ("ієві", "ій"), ("еві", "ь"), ("ові", ""), ("і", "")),
}
FEMN_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("ії", "ія"), ("вої", "ва"), ("і", "я"), ("и", "а")),
    "datv": (("ії", "ія"), ("вій", "ва"), ("і", "а")),
    "accs": (("ію", "ія"), ("ю", "я"), ("у", "а")),
    "ablt": (("ією", "ія"), ("ею", "я"), ("єю", "я"), ("ьою", "я"), ("ою", "а")),  # "Берзиньою": a soft -ня
    "loct": (("ії", "ія"), ("вій", "ва"), ("і", "а")),
}


# Endings that only an adjective's oblique cases have: a surname the dictionary lacks that ends
# so and that the guesser reads as an adjective declines as one ("Задрожного", "Задрожним" →
# "Задрожний"; "Горішньому" → "Горішній"; "Задрожної" → "Задрожна")
ADJECTIVE_CASE_ENDINGS = ("ого", "ому", "им", "нім", "ої")
# Endings that only the instrumental has: they give the case of a name no word of which the
# dictionary knows as a name ("Інесе Берзиньою"; "Іоном Русу", where "іон" is a common noun).
# "-ою" is also a man's ("Сибігою"): it gives the case, not the gender.
INSTRUMENTAL_ENDINGS = (("ою", None), ("ею", None), ("єю", None), ("ом", "masc"), ("ем", "masc"), ("єм", "masc"))
# A feminine surname of the adjective type ("Коларова", "Новакова") that the dictionary lacks,
# in the cases its ending shows: "Коларовій" (dative or locative), "Коларової", "Коларовою"
FEMN_SURNAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "вій": (("datv", "femn"), ("loct", "femn")),
    "вої": (("gent", "femn"),),
    "вою": (("ablt", "femn"),),
}


def nominative(name: str, case_hint: Optional[str] = None) -> str:
    """``name`` (a person's name as written in Ukrainian) in the nominative. A hint of
    the nominative is taken as certain: a name in apposition to a nominative title, or on
    a signature line, is written in it ("Джорджа Мелоні" there is not Джордж's genitive)."""
    written = unify_apostrophes(name).split()  # one apostrophe, so that names compare and link
    # initials written onto the surname ("А.В.Дяченка") stay as written before it
    glued = [GLUED_INITIALS.match(w) for w in written]
    prefixes = [m.group(1) if m else "" for m in glued]
    words = [w[len(p) :] for w, p in zip(written, prefixes)]
    if case_hint == "nomn":
        return " ".join(
            p + (_capitalise(_plain(w), w) if w.isupper() and WORD.fullmatch(w) else w) for p, w in zip(prefixes, words)
        )
    plain = tuple(_plain(w) for w in words if not INITIAL.match(w))
    readings = _readings(plain)
    if len(plain) >= 2 and _undeclined(plain[-1]):
        readings = _undeclined_surname(readings)
    readings = _surnames_gender(readings, _readings(plain[-1:])[0], plain[-1] if plain else "")
    if case_hint and any(PATRONYMIC_SUFFIX.search(w) for w in plain):
        # a patronymic always declines, so a name that has one is not left as written when it
        # cannot stand in the hinted case: the title's case was not the name's ("призначити
        # представником Мороза Андрія Івановича": the name is the object, in the accusative)
        case_hint = case_hint if _agreed(readings, case_hint) != (None, None) else None
    case, gender = _agreed(readings, case_hint)
    out = []
    for prefix, word in zip(prefixes, words):
        if INITIAL.match(word) or not WORD.fullmatch(word):
            out.append(prefix + word)
            continue
        out.append(prefix + _capitalise(_to_nominative(_plain(word), case, gender), word))
    return " ".join(out)


# a patronymic's ending, in any case ("Іванович", "Олегівну"); also some surnames' ("Бутович"),
# which ``uk.tokens.is_patronymic`` tells apart by the first name in its stem
PATRONYMIC_SUFFIX = re.compile(r"(?:[оє]вич|[іїо]вн|ич)\w{0,3}$")


def _undeclined(word: str) -> bool:
    """Does a surname end as no masculine case but the nominative does: in a consonant, not in
    the instrumental's "-ом", "-ем", "-им" (or a soft adjective's "-нім": "Крайнім")?"""
    instrumental = word.endswith(("ом", "ем", "єм", "им", "нім"))
    return bool(WORD.fullmatch(word)) and word[-1:] not in VOWELS | {"й"} and not instrumental


def _undeclined_surname(readings: tuple[list[Reading], list[Reading]]) -> tuple[list[Reading], list[Reading]]:
    """A name whose last word, the surname, ends in a consonant as written: a man's surname
    so would decline with his first name ("Мартіна Реннера"), so the name is a woman's or in
    the nominative ("Мартіна Реннер", "Мартіни Реннер")."""

    def keep(pairs: Reading) -> Reading:
        return {(case, gender): n for (case, gender), n in pairs.items() if gender == "femn" or case == "nomn"}

    known, guessed = readings
    return [p for p in map(keep, known) if p], [p for p in map(keep, guessed) if p]


def _surnames_gender(
    readings: tuple[list[Reading], list[Reading]], last: list[Reading], last_word: str
) -> tuple[list[Reading], list[Reading]]:
    """Where the last known word (the surname, or a patronymic after it) is declined and can only
    be of one gender, the name is of that gender: "Мартині Коларовій" is a woman's name in the
    dative, though the dictionary knows "Мартині" only as the man's name Мартин."""
    known, guessed = readings
    surname = last[0] if last and len(known) >= 2 else {}  # the name's last word, where the dictionary knows it
    if len({gender for _, gender in surname}) != 1 or all(case == "nomn" for case, _ in surname):
        return readings  # no surname, both genders, or one written as in the nominative ("Реннер")
    gender = next(iter(surname))[1]
    if any(p.tag.case == "nomn" and p.tag.gender not in (None, gender) for p in morph_uk().parse(last_word)):
        return readings  # "Ольга Шутка": the surname reads as a nominative of her gender too
    kept = [{pair: n for pair, n in pairs.items() if pair[1] == gender} for pairs in known]
    return [p for p in kept if p], guessed


def readable_in(name: str, case: str) -> Optional[bool]:
    """Can the words of ``name`` the dictionary knows stand in ``case``? None when it knows none."""
    known = _readings(tuple(_plain(w) for w in name.split() if not INITIAL.match(w)))[0]
    return any(c == case for pairs in known for c, _ in pairs) if known else None


def has_known_first_name(name: str) -> bool:
    """Does the dictionary know a word of ``name`` as a first name?"""
    return any("Name" in _grammemes(_plain(w)) for w in name.split() if WORD.fullmatch(w))


def name_case(name: str) -> Optional[str]:
    """The case the dictionary reads ``name`` in, when its known tokens agree on one."""
    words = tuple(_plain(w) for w in name.split() if not INITIAL.match(w))
    return _agreed(_readings(words), None)[0]


def _plain(word: str) -> str:
    return re.sub("[’ʼ]", "'", word.lower())


def _capitalise(form: str, written: str) -> str:
    """The nominative in the case style of a name: each hyphenated part capitalised, and a
    capital the name has after an apostrophe kept ("О’Рейлі"); a name written all in
    capitals ("ТРОФІМЦЕВА") is capitalised like the others."""
    if not written[:1].isupper():
        return form
    parts = "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
    if written.isupper():
        return parts
    # the written word's capitals where the nominative keeps its letters ("О’Рейлі" → "О'Рейлі")
    return "".join(
        c.upper() if i < len(written) and written[i].isupper() and _plain(written[i]) == c else c
        for i, c in enumerate(parts)
    )


@lru_cache(maxsize=1 << 14)
def _person_parses(word: str) -> tuple:
    """Analyses of ``word`` as a first name, surname or patronymic; for a word the
    dictionary lacks, the guesser's analyses as one."""
    parses = [p for p in morph_uk().parse(word) if PERSON & set(p.tag.grammemes)]
    return tuple(parses)


Reading = dict[tuple[str, str], int]  # (case, gender) → weight


def _readings(words: tuple[str, ...]) -> tuple[list[Reading], list[Reading]]:
    """Per word of the name, the (case, gender) pairs it can be read as, weighted: a
    first name counts twice (it is the surest of the name's words: "Петра Порошенка"
    is masc gent, not the feminine "Петра"); a surname also as an adjective
    ("Андрієва", "Лозового"); a patronymic by its suffix. The guesser's first-name
    readings of words the dictionary lacks ("Жан-Ноеля": masc gent) are kept apart
    and count only when no word is known and no hint is given."""
    known: list[Reading] = []
    guessed: list[Reading] = []
    for k, word in enumerate(words):
        is_known = morph_uk().word_is_known(word)
        pairs: Reading = {}
        for p in morph_uk().parse(word):
            tag = p.tag
            if tag.case in (None, "voct") or tag.gender not in GENDERS:
                continue
            grams = set(tag.grammemes)
            usable = grams & PERSON if is_known else "Name" in grams
            if usable or (is_known and tag.POS == "ADJF"):
                weight = 2 if "Name" in grams else 1
                pairs[(tag.case, tag.gender)] = max(weight, pairs.get((tag.case, tag.gender), 0))
        if word.endswith(("івна", "ївна", "овна", "ична")):
            pairs = {("nomn", "femn"): 2}
        elif not is_known and word[-3:] in FEMN_SURNAME_ENDINGS:
            pairs, is_known = dict.fromkeys(FEMN_SURNAME_ENDINGS[word[-3:]], 2), True
        elif word.endswith(("йович", "ович", "евич", "ійович", "ич")) and "Patr" in _grammemes(word):
            pairs = {("nomn", "masc"): 2}
        elif not pairs and (cases := _adjective_surname_cases(word)):
            pairs, is_known = dict.fromkeys(cases, 1), True  # "Бабанського", read as a noun
        elif not pairs and (genders := _instrumental_genders(word, last=k == len(words) - 1)):
            pairs, is_known = {("ablt", g): 2 // len(genders) for g in genders}, True
        if pairs:
            (known if is_known else guessed).append(pairs)
    return known, guessed


def _adjective_surname_cases(word: str) -> tuple[tuple[str, str], ...]:
    """The masculine cases a surname ending as "-ського", "-цькому", "-зьким" … stands in."""
    found = {case for case, endings in ADJECTIVE_SURNAME.items() if word.endswith(tuple(e for e, _ in endings))}
    cases = {"gent": ("gent", "accs"), "datv": ("datv", "loct"), "ablt": ("ablt",)}
    return tuple((c, "masc") for case in sorted(found) for c in cases[case])


def _instrumental_genders(word: str, last: bool) -> tuple[str, ...]:
    """The genders a name's word can have that ends as only the instrumental does
    ("Берзиньою": either; "Іоном": a man's). A surname, the last word, may end in "-ом" as
    written ("Ліндстром"): only "-ою", "-ею", "-єю" count there."""
    if len(word) < 4:
        return ()
    for end, gender in INSTRUMENTAL_ENDINGS:
        if word.endswith(end):
            return () if last and gender else ((gender,) if gender else GENDERS)
    return ()


def _grammemes(word: str) -> set[str]:
    return {g for p in morph_uk().parse(word) for g in p.tag.grammemes}


def _agreed(
    readings: tuple[list[Reading], list[Reading]], case_hint: Optional[str]
) -> tuple[Optional[str], Optional[str]]:
    """The (case, gender) most words can be read as; a hint breaks ties and fills in
    when no word is known."""
    known, guessed = readings
    votes: Counter = Counter()
    for pairs in known:
        votes.update(pairs)
    if not votes and case_hint:
        return case_hint, None
    if not votes:
        for pairs in guessed:
            votes.update(pairs)
    if not votes:
        return None, None
    if case_hint and case_hint != "nomn" and all(case != case_hint for case, _ in votes):
        # no word can stand in the case the title gives it: the name does not decline
        # ("Генеральним інспектором … Чобану І.Г." is Чобану, not a dative of "Чобан")
        return None, None
    best = max(votes.values())
    top = [pair for pair, n in votes.items() if n == best]
    if case_hint:
        hinted = [pair for pair in top if pair[0] == case_hint]
        top = hinted or top
    # nominative last: an inflected reading agreed by all words is the likelier one
    top.sort(key=lambda pair: (pair[0] == "nomn", CASES.index(pair[0]) if pair[0] in CASES else 9, pair[1]))
    case, gender = top[0]
    return case, gender


def _to_nominative(word: str, case: Optional[str], gender: Optional[str]) -> str:
    if case in (None, "nomn"):
        return word
    known = morph_uk().word_is_known(word)
    parses = [p for p in _person_parses(word) if p.tag.case == case and (gender is None or p.tag.gender == gender)]
    # a declinable reading before an indeclinable one: "Марту" is Марта's accusative before it
    # is an indeclinable surname
    parses.sort(key=lambda p: "Fixd" in p.tag.grammemes)
    if parses:
        form = parses[0].inflect({"nomn"})
        # the guesser's paradigm for a word it does not know may add letters ("Вейсу" → "Вейсус");
        # a name's nominative is no longer than its inflected forms, so the endings decide then
        if form is not None and (known or len(form.word) <= len(word)):
            return form.word
    # a dictionary word that is no name in this reading ("Лозового", "Завальському"), or an
    # adjective-type surname it lacks ("Задрожного"), read as the adjective
    if known or word.endswith(ADJECTIVE_CASE_ENDINGS):
        for adjf in (p for p in morph_uk().parse(word) if p.tag.POS == "ADJF" and p.tag.case == case):
            form = adjf.inflect({"nomn", gender} if gender else {"nomn"})
            if form is not None:
                return form.word
    return _by_ending(word, case, gender)


def _by_ending(word: str, case: str, gender: Optional[str]) -> str:
    """The foreign-name paradigm by ending (see the module's docstring)."""
    if gender == "femn":
        table = FEMN_ENDINGS.get(case, ())
        return next((word[: -len(end)] + repl for end, repl in table if word.endswith(end)), word)
    for end, repl in MASC_ENDINGS.get(case, ()):
        stem = word[: -len(end)]
        if (
            word.endswith(end)
            and len(stem) >= 2
            and (
                repl in ("", "ь")
                and stem[-1] not in VOWELS
                or repl in ("ій", "ський", "цький", "зький")
                or repl == "а"
                and stem[-1] not in VOWELS
            )
        ):
            return stem + repl
    return word
