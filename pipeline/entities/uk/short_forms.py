"""Short forms a Ukrainian text defines for its parties, and their later mentions.

"(далі — Сторона)", "(далі — ХНУРЕ)", initials for a body's name, a head noun standing
for the whole name ("Університет"), and a name's inflected occurrences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from ...records import Entity
from ..models import morph_uk
from .tokens import APOS, Token, adjacent, latin_spelling, lemmas, sentence_initial, tokens_of

# --- defined short forms -------------------------------------------------------

# "(далі — Банк)", "(надалі – «Компанія»)": a capitalised word the text defines for a body, or
# two or three words that open with one ("(далі — Львівська опера)", "(далі — Київська ТПП)")
_SHORT_FORM = (
    r"\s*[-–—]\s*[«\"]?"
    r"(?P<word>[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+(?:\s+(?:[а-яєіїґ'’ʼ]+|[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+|[А-ЯЄІЇҐ]{2,5})){0,2})"
    r"[»\"]?\s*\)"
)
DEFINED_WORD = re.compile(r"\s*\(\s*(?:далі|надалі)" + _SHORT_FORM)
# the same at the end of a bracket that translates a foreign name ("Samodzielny … Szpital
# Kliniczny … (Самостійний публічний клінічний шпиталь …; далі — Клініка)")
DEFINED_IN_TRANSLATION = re.compile(r"\s*\((?P<inside>[^()\n]{3,200}?)[;,]\s*(?:далі|надалі)" + _SHORT_FORM)
# Words a formula defines for the parties together or for a side, which name no one body
COLLECTIVE_TERMS = frozenset({"сторона", "учасник", "держава", "підписант"})
# The role a contract gives one party, defined for it as its short form though no word of its
# name ("… селищна рада (далі — Грантоотримувач)", "АТ «…» (далі — «Позичальник»)"): a body's
# short form (``roles``); a state's ("Україною (далі — Позичальник)") stands for it as "Уряд" does
# and is not tagged
ROLE_TERMS = frozenset(
    "грантоотримувач грантодавець позичальник позикодавець кредитор гарант донор бенефіціар отримувач "
    "виконавець замовник інвестор орендар орендодавець постачальник покупець "
    # a company defined by its kind whatever its legal form ("товариством з обмеженою
    # відповідальністю «…» (далі — Компанія)")
    "компанія".split()
)


def defined_short_form(text: str, end: int, name: str, roles: bool = False) -> Optional[re.Match]:
    """The definition at ``end`` of a short form that shares a word (or a stem) with the body's
    ``name`` ("Європейським інвестиційним банком (далі — Банк)", "компанією «…» (далі —
    Компанія)", "(далі — Львівська опера)"), also at the end of a bracket that translates a
    foreign name, whose words count as the name's ("Szpital Kliniczny … (… клінічний шпиталь …;
    далі — Клініка)"); with ``roles``, also a contract's role ("(далі — Грантоотримувач)").
    "Кабінет Міністрів України (далі — Уряд)" defines the government, which stands for its
    state and is not tagged (annotations/NOTES.md)."""
    m = DEFINED_WORD.match(text, end) or DEFINED_IN_TRANSLATION.match(text, end)
    if m is None:
        return None
    short = tokens_of(m.group("word"))
    words = [_short_form_word(t) for t in short]
    named_toks = tokens_of(name) + (tokens_of(m.group("inside")) if "inside" in m.groupdict() else [])
    named = [lemmas(t.lower) for t in named_toks]
    # a shared lemma, or a stem: "Клініка" of a "клінічний шпиталь"
    shared = any(w & n for w in words for n in named) or any(
        _same_stem(a.lower, b.lower) for a in short for b in named_toks
    )
    if words[0] & COLLECTIVE_TERMS or not (shared or roles and len(words) == 1 and words[0] & ROLE_TERMS):
        return None
    return m


# A short form in Latin letters defined for a foreign body, also at the end of the bracket that
# gives its name in the original ("Politechnika Rzeszowska … (далі — PRz)", "Асоціація
# виробників Ізраїлю (Manufacturers' Association of Israel, далі — MAI)")
DEFINED_LATIN = re.compile(
    r"\s*\((?:(?P<inside>[^()\n]{3,200}?)[;,]\s*)?(?:далі|надалі)\s*[-–—]\s*[«\"]?"
    r"(?P<word>[A-Z][A-Za-z&]{1,11}(?: [A-Z][A-Za-z&]{1,11})?)[»\"]?\s*\)"
)
_LATIN_WORD = re.compile(r"[A-Z][\w'’]*")
_CAPITAL_PIECE = re.compile(r"[A-Z][a-z]*")
# where a body is, between its name and the bracket that defines its short form ("The Hospital
# for Sick Children, Торонто, Канада (далі — SickKids)")
_PLACE_GAP = re.compile(
    r"(?:,\s*[A-ZА-ЯЄІЇҐ][\w'’ʼ.-]*(?:[ \t]+[A-ZА-ЯЄІЇҐ][\w'’ʼ.-]*)?|\s*\([A-ZА-ЯЄІЇҐ][^()\n]{1,40}\)){0,3}"
)


def defined_latin_short_form(text: str, end: int, name: str) -> Optional[re.Match]:
    """The definition of a Latin short form right after the name that ends at ``end`` (or after
    the places that follow it), where the short form abbreviates ``name`` or the Latin name its
    bracket gives: its capitals begin consecutive capitalised words ("PRz": Politechnika
    Rzeszowska; "MAI": Manufacturers' Association of Israel), or it begins with a word of the
    name ("SickKids": The Hospital for Sick Children)."""
    gap = _PLACE_GAP.match(text, end)  # matches always, if only the empty string
    after_place = gap is not None and gap.end() > end
    m = DEFINED_LATIN.match(text, gap.end() if gap else end)
    if m is None:
        return None
    short, pieces = m.group("word"), _CAPITAL_PIECE.findall(m.group("word"))
    # after a place, the bracket's own name may be another body's ("A, B (B's name, далі — …)")
    for named in (name,) if after_place else (name, m.group("inside") or ""):
        words = _LATIN_WORD.findall(named)
        initials = any(
            all(words[k + i].startswith(p) for i, p in enumerate(pieces)) for k in range(len(words) - len(pieces) + 1)
        )
        if initials or any(len(w) >= 3 and short.startswith(w) for w in words):
            return m
    if _spelt_in_latin(short.split()[0], name):
        return m
    return None


_VOWELS = re.compile(r"[aeiouy]")


def _spelt_in_latin(word: str, name: str) -> bool:
    """Is the Latin ``word`` (5 letters or more) the first word of a Cyrillic ``name`` in its own
    language's spelling ("VILNIUS TECH" of "Вільнюським технічним університетом …")? Compared
    by their consonants, which transliteration keeps."""

    first = tokens_of(name)[:1]
    if len(word) < 5 or not first or not re.search(r"[а-яєіїґ]", first[0].lower):
        return False
    short, long = _VOWELS.sub("", word.lower()), _VOWELS.sub("", latin_spelling(first[0].text))
    return len(short) >= 3 and long.startswith(short)


def _short_form_word(tok: Token) -> frozenset[str]:
    """What a word of a short form matches: its lemmas, or itself where it is an abbreviation."""
    return frozenset({tok.text}) if tok.all_caps else lemmas(APOS.sub("'", tok.lower))


def short_form_mentions(text: str, definition: re.Match) -> list[tuple[int, int]]:
    """Where the text uses the short form it defines, in any case and capitalised ("Банк",
    "Банку", "Банком"; "Львівської опери"): a lower-case "банк" is any bank, not the party."""
    words = [_short_form_word(t) for t in tokens_of(definition.group("word"))]
    toks = tokens_of(text, definition.start("word"))
    found = []
    for k in range(len(toks) - len(words) + 1):
        run = toks[k : k + len(words)]
        if not run[0].capitalised or (run[0].all_caps and len(words) == 1):
            continue
        if all((t.text in w) if t.all_caps else bool(lemmas(t.lower) & w) for t, w in zip(run, words)) and (
            adjacent(text, run)
        ):
            found.append((run[0].start, run[-1].end))
    return found


# an abbreviation of a body's name in its initials ("ТПП", "АРР", "ЧНУ"), or with the first
# letters of its first word ("СумДУ": Сумський державний університет)
# (Latin too: "TUM" of "Technische Universität München" in a Ukrainian text)
INITIALS = re.compile(r"(?P<lead>[А-ЯЄІЇҐA-Z][а-яєіїґa-z]{0,3})(?P<rest>[А-ЯЄІЇҐA-Z]{1,5})")
LATIN_LOWER = re.compile(r"[a-z]+")
NAMESAKE = frozenset({"імені", "ім."})  # "… університет імені Юрія Федьковича": the namesake is no part of ЧНУ


def initials_mentions(text: str, name: str) -> list[tuple[int, int]]:
    """Where the text names a body by the initials of its name's words, each part of a hyphenated
    word counted ("торгово-промислова палата" → ТПП), with the rest of the name written out
    around them in any case: "Запорізької ТПП" for "Запорізька торгово-промислова палата", "АРР
    Львівщини", "ТПП Грузії"; or by the initials of the whole name up to its namesake ("ЧНУ" for
    "Чернівецький національний університет імені Юрія Федьковича")."""
    words = tokens_of(name)
    cut = next((k for k, t in enumerate(words) if t.lower in NAMESAKE), len(words))
    words = words[:cut]
    # (word index, part) for each part of each hyphenated word
    # (the lower-case words of a Latin name are not in its initials: "ULB" of "Université Libre de
    # Bruxelles")
    parts = [
        (k, part) for k, t in enumerate(words) for part in t.text.split("-") if part and not LATIN_LOWER.fullmatch(part)
    ]
    if len(parts) < 2:
        return []
    text_toks = tokens_of(text)
    found = []
    for n, tok in enumerate(text_toks):
        abbreviation = INITIALS.fullmatch(tok.text)
        if abbreviation is None:
            continue
        lead, rest = abbreviation.group("lead"), abbreviation.group("rest")
        letters = [lead] + list(rest) if len(lead) > 1 else list(tok.text)
        for i in range(len(parts)):
            j = i + len(letters)
            if j > len(parts) or not all(
                part.lower().startswith(letter.lower()) for (_, part), letter in zip(parts[i:j], letters)
            ):
                continue
            first, last = parts[i][0], parts[j - 1][0]
            # the initials must cover whole words ("торгово-промислова" not split between them)
            if (i and parts[i - 1][0] == first) or (j < len(parts) and parts[j][0] == last):
                continue
            before, after = words[:first], words[last + 1 :]
            if n < len(before) or n + len(after) >= len(text_toks):
                continue
            around = text_toks[n - len(before) : n] + [tok] + text_toks[n + 1 : n + 1 + len(after)]
            if not adjacent(text, around):
                continue
            if all(lemmas(a.lower) & lemmas(b.lower) for a, b in zip(around[: len(before)], before)) and all(
                lemmas(a.lower) & lemmas(b.lower) for a, b in zip(around[len(before) + 1 :], after)
            ):
                found.append((around[0].start, around[-1].end))
                break
    return found


# the head nouns whose capitalised bare use refers back to the one party of that kind ("Банк
# спрямує …", "передаватиме Організації …"); "рада" and "програма" name too many other things
HEAD_NOUNS = frozenset(
    {"банк", "корпорація", "організація", "фонд", "агентство", "агенція", "компанія", "центр"}
    # an assembly, a union, a university, an association, a chamber the document has one of
    # among its parties ("у роботі Асамблеї", "від імені Союзу")
    | {"асамблея", "союз", "університет", "асоціація", "палата"}
)


def head_noun(name: str) -> Optional[str]:
    """The lemma of the first noun of a body's name ("Північна екологічна фінансова корпорація"
    → "корпорація") where it is one of HEAD_NOUNS, else None."""
    for tok in tokens_of(name):
        parses = [p for p in morph_uk().parse(tok.lower) if p.tag.POS == "NOUN"]
        if parses:
            lemma = APOS.sub("'", parses[0].normal_form)
            return lemma if lemma in HEAD_NOUNS else None
    return None


def _is_adjective(word: str) -> bool:
    """Is the word's likeliest reading an adjective or participle (first parse only: "Союзу"
    after "європейського", not every noun that has some adjectival reading)?"""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in morph_uk().parse(word)[:1])


# a preposition that opens a sentence ("Від Союзу документ підписав …"), capitalised as no name's word is
SENTENCE_OPENING_PREPOSITIONS = frozenset({"від", "з", "із", "зі", "до", "для", "за", "на", "у", "в", "через", "між"})


def head_noun_mentions(text: str, spans: Iterable[tuple[int, int]], head: str) -> list[tuple[int, int]]:
    """Capitalised uses of ``head`` alone inside a sentence ("до кінця року Банк спрямує …"):
    not at a sentence's start, where every word is capitalised, nor next to another capitalised
    word that would make it part of a longer name ("Банк Англії", "Радянського Союзу")."""
    out = []
    for start, end in spans:
        toks = tokens_of(text, start, end)
        for k, tok in enumerate(toks):
            if not tok.capitalised or tok.all_caps or k == 0 or head not in lemmas(tok.lower):
                continue
            if sentence_initial(text, tok.start):
                continue
            if k + 1 < len(toks) and toks[k + 1].capitalised and adjacent(text, toks[k : k + 2]):
                continue
            before = toks[k - 1]
            if (
                (before.capitalised and before.lower not in SENTENCE_OPENING_PREPOSITIONS)
                or _is_adjective(before.lower)
            ) and adjacent(text, toks[k - 1 : k + 1]):
                continue  # "Радянського Союзу", "Генеральної Асамблеї", "європейського Союзу": a name's last word
            out.append((tok.start, tok.end))
    return out


def short_forms_defined(text: str, entities: list[Entity]) -> list[Entity]:
    """Every use of a short form a Ukrainian text defines for a named state or organisation
    ("Європейським інвестиційним банком (далі — Банк)") is that body, also where the formula
    describes the body before the bracket ("Європейський інвестиційний банк, установа
    Європейського Союзу, …, в особі Віцепрезидента … (далі — Банк)")."""
    out = []
    for ent in entities:
        if ent.label not in ("ORG", "STATE") or not ent.id:
            continue
        definition = defined_short_form(text, ent.end, ent.text) or described_short_form(text, ent.end, ent.text)
        if definition is not None:
            out += [
                Entity(s, e, text[s:e], ent.label, id=ent.id, source="short-form")
                for s, e in short_form_mentions(text, definition)
            ]
    return out


def guesses_over(text: str, ent: Entity, defined: list[Entity]) -> bool:
    """Is ``ent`` an unidentified ORG guessed from a defined short form's word on, with only
    lower-case words after it ("Банком письмового повідомлення" where "(далі — Банк)" names the
    bank)? The definition says what the word is."""
    if ent.label != "ORG" or ent.id:
        return False
    return any(
        d.start == ent.start and d.end < ent.end and not re.search(r"(?<!\w)[А-ЯЄІЇҐA-Z]", text[d.end : ent.end])
        for d in defined
    )


# How far a formula's description of a body may run before the bracket that defines its short
# form, and what ends the body's piece of the formula before it: another definition, the other
# side, a semicolon, a paragraph or a sentence
_DESCRIPTION_CHARS = 400
_PIECE_END = re.compile(
    r"\n\s*\n|;|\(\s*(?:далі|надалі)|(?<!\w)з\s+(?:однієї|одного|іншої|другої|другого)\s+(?:сторони|боку)(?!\w)"
    # a sentence's end, not an initial's ("І. В.") or an address's abbreviation ("м. Київ")
    r"|(?-i:(?<![А-ЯЄІЇҐA-Z])(?<!\bм)(?<!\bр)(?<!\bвул)(?<!\bбуд)(?<!\bобл)(?<!\bпросп)\.\s+(?=[А-ЯЄІЇҐ]))",
    re.IGNORECASE,
)


def described_short_form(text: str, end: int, name: str, roles: bool = False) -> Optional[re.Match]:
    """The short form defined at the end of a body's own piece of a formula, after its
    description (seat, founding act, representative) that follows its name at ``end``: the
    first definition after the name, if nothing ends the piece before it and the short form
    shares a word with ``name`` (or, with ``roles``, is a contract's role)."""
    stop = _PIECE_END.search(text, end, end + _DESCRIPTION_CHARS)
    if stop is None or not re.match(r"\(\s*(?:далі|надалі)", stop.group(), re.IGNORECASE):
        return None
    start = stop.start()
    while start > end and text[start - 1].isspace():
        start -= 1
    shared = defined_short_form(text, start, name)
    # a role shares no word with the name: only where no line or other quoted name comes
    # between ("… Компанія» (далі — Компанія)" on the next line is that company's)
    if shared is not None or not roles or re.search(r"[\n«]", text[end:start]):
        return shared
    return defined_short_form(text, start, name, roles=True)


def _same_stem(a: str, b: str) -> bool:
    """Two forms of a word the dictionary does not know ("Євангелічно-лютеранською",
    "Євангелічно-лютеранська"): the same but for an ending of up to three letters."""
    n = min(len(a), len(b))
    return n >= 6 and a[: n - 3] == b[: n - 3] and abs(len(a) - len(b)) <= 3


def name_occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where a body's ``name`` (a dictionary form, "Мерія Батумі") stands in the text in
    any case ("Мерії Батумі"): its words in order, each sharing a lemma with the name's,
    the first capitalised as the name's is."""
    words = tokens_of(name)
    if not words:
        return []
    wanted = [lemmas(w.lower) for w in words]
    toks = tokens_of(text)
    out = []
    for i in range(len(toks) - len(words) + 1):
        run = toks[i : i + len(words)]
        if (
            run[0].capitalised == words[0].capitalised
            and all(lemmas(t.lower) & forms or _same_stem(t.lower, w.lower) for t, forms, w in zip(run, wanted, words))
            and adjacent(text, run)
        ):
            out.append((run[0].start, run[-1].end))
    return out
