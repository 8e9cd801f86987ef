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

from ..apostrophes import APOSTROPHES
from ..records import Clause, Entity
from ..segment import COLUMN_GAP
from .gazetteer import ABBREVIATION, SpanSet, blocked_names, is_cyrillic, load_json, org_names, state_names
from .models import morph_uk
from .names import PATRONYMIC_SUFFIX
from .uk_persons import BODY_OF_TITLES, FOREIGN_LOCAL_TITLE, LOCATIVE_PREPOSITIONS, REMIT_BEFORE, named_after

TOKEN = re.compile(r"[^\W\d_]+(?:[-" + APOSTROPHES + r"][^\W\d_]+)*")
_APOS = re.compile(f"[{APOSTROPHES}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SENTENCE_END = '.!?…»"”'
QUOTES = "«\"“'„"

# Long-form heads that precede a state's name ("Республіка Албанія", "Королівство Данія").
STATE_FORM_HEADS = frozenset({"республіка", "королівство", "князівство", "держава", "герцогство", "федерація"})
# where a post sits, after its owner in a title: "Посол України в Литві", "представник України при ООН"
SEAT_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"при"}
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
# a state's organs, which a state's adjective before them names the owner of ("румунського
# Міністерства транспорту"); not companies or funds, which a state's adjective only places
STATE_ORGANS = GOVERNMENT_BODIES | {"уряд", "служба", "агентство", "відомство", "дипломатія"}
# titles that name their organisation themselves
TITLE_OWNERS = {"єврокомісар": "EU", "єврокомісарка": "EU"}
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
        "інспекція",
        "бюро",
        "академія",
        "асоціація",
        "представництво",
        "консульство",
        "школа",
        "центр",
        "трибунал",
        "підприємство",
        "федерація",
        "церква",
        "група",  # "Група сприяння безпеці України", "Тристороння контактна група"
    }
)
# An international organisation's organ written in lower case ("спеціальна моніторингова місія
# ОБСЄ", "підрозділ Європолу з підтримки користувачів", "рада Росія—НАТО"): one ORG, the
# organisation inside it no mention of its own (guide §5). Not its country or field office
# ("представництво", "польовий офіс": NOTES) and not its forces or funds, which the
# organisation's name only places.
# "Форум" and "підрозділ" name an organ only so, right before the organisation ("Форуму НБСЄ з
# питань …"); a forum of anything else is an event ("форум культурної дипломатії України").
ORGANISATION_ORGANS = frozenset(
    {"місія", "рада", "комітет", "комісія", "секретаріат", "бюро", "підрозділ", "штаб", "трибунал", "форум"}
)
# the dash between the two sides a joint body is named after ("Рада Україна – НАТО")
PAIR_DASH = re.compile(r"\s?[–—]\s?")
# Heads of a body's name that is tagged only as a proper name (``_proper_name``).
NAMED_BODIES = frozenset(
    {
        "університет",
        "бібліотека",
        "клуб",
        "спілка",
        "товариство",
        "організація",
        "об'єднання",
        "фундація",
        "компанія",
        "корпорація",
    }
)
# Adjectives that make a body a state's own ("Державна служба зайнятості", "Національна поліція",
# "Конституційний суд") where they open the name; not a region's ("Луганська обласна державна
# адміністрація" is a municipal body)
STATE_ADJECTIVES = frozenset({"державний", "національний", "конституційний", "верховний"})
# Heads that also end a state's long form ("Російська Федерація"): an institution only with a
# lower-case tail ("Федерація риболовного спорту України").
STATE_OR_BODY_HEADS = frozenset({"федерація"})
# A state's or organisation's office abroad, named with the place it sits in
REPRESENTATIONS = frozenset({"представництво", "посольство", "консульство", "місія"})
# A word that can only be a verb, adverb or gerund ends an institution's name ("Міністерству
# соціальної політики | визнати таким", "Данська Рада | надає").
NOT_IN_A_NAME = frozenset({"VERB", "INFN", "GRND", "ADVB"})
NAME_PARTS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
# Words of a civic body's name: whoever holds a post in it is NGO staff (NOTES.md, U3).
# ("громадського порядку" is public order; "Німецького товариства міжнародного співробітництва"
# a state agency: the kind and the body go together)
CIVIC_KINDS = frozenset({"громадський", "неурядовий", "благодійний", "правозахисний"})
CIVIC_BODIES = frozenset({"організація", "фонд", "об'єднання", "спілка", "фундація"})
# "Уряд Японії" stands for the state itself: the state is tagged, not an institution.
GOVERNMENT_AS_STATE = frozenset({"уряд", "кабмін", "кабінет"})
# "його латвійський колега Андріс Спрудс", "з литовським візаві": the holder of the same post
# on the other side, whose state the adjective before it names
COUNTERPARTS = frozenset({"колега", "візаві"})
ROLE_HEADS = COUNTERPARTS | frozenset(
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
        "командир",
        "командирка",
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
        "начальниця",
        "генерал",
        "міністр-президент",
        "держсекретар",
        "статс-секретар",
        "статс-секретарка",
        "єврокомісар",
        "комісар",
        "прессекретар",
        "прес-секретар",
        "консул",
        "консулка",
        "повірений",  # "тимчасова повірена у справах …": a chargé d'affaires
        "посланник",
        "посланниця",
        "посланець",
        "спецпосланець",
        "спецпосланник",
        "спецпосланниця",
        "спецпредставник",
        "спецпредставниця",
        "прем'єр-міністерка",
        "віцепрем'єр-міністерка",
        "віце-прем'єр-міністерка",
        "омбудсменка",
        "омбудсмен",
        "мер",
        "губернатор",
        "віце-президент",
        "віце-президентка",
        "віцепрезидент",
        "віцепрезидентка",
        "віцеміністр",
        "віце-міністр",
        "прокурор",
        "прокурорка",
        # the short forms of "заступник міністра", "заступник мера", "заступник голови", "генеральний
        # директор", "генеральний прокурор"
        "замміністр",
        "замміністра",
        "заммер",
        "замголови",
        "замначальника",
        "гендиректор",
        "гендиректорка",
        "генпрокурор",
        "генпрокурорка",
        "секретарка",
        "держсекретарка",
        "директорка",
        "делегат",
        "делегатка",
        "амбасадор",
        "амбасадорка",
        "спікерка",
        "єврокомісарка",
        "комісарка",
        "інспектор",
        "інспекторка",
        "ректор",
        "ректорка",
        "проректор",
        "проректорка",
        "декан",
        "деканка",
        "омбудсман",
        "омбудсманка",
        "координатор",
        "координаторка",
        "бургомістр",
        "приматор",
        # members of the Verkhovna Rada and of local councils, organs of the state
        "депутат",
        "депутатка",
        "нардеп",
        "нардепка",
        # the heads of Romanian, Polish, French, Czech, Croatian and German cities, counties and regions
        "примар",
        "примарка",
        "воєвода",
        "маршалок",
        "староста",
        "префект",
        "гетьман",
        "жупан",
        "ландрат",
        "єпископ",
        "архієпископ",
        "митрополит",
        "патріарх",
        # a court's judges and an assembly's rapporteurs act in their office
        "суддя",
        "доповідач",
        "доповідачка",
    }
)
# Words that join a title's parts ("міністр освіти і досліджень", "Віце-президент ЄБРР з
# питань банківської діяльності"), where they would otherwise end it
TITLE_CONJUNCTIONS = frozenset({"і", "й", "та"})
ROLE_MODIFIERS = frozenset(
    {
        "генеральний",
        "міський",
        "виконавчий",
        "головний",
        "перший",
        "віце",
        "державний",
        "федеральний",
        "верховний",
        "новий",
        "колишній",
        "тимчасовий",
        "почесний",
        "постійний",  # "Постійний представник України при ООН"
    }
)
MILITARY_RANKS = frozenset({"генерал", "адмірал", "віце-адмірал", "контр-адмірал", "маршал", "полковник"})
ROLE_STOP = frozenset({"та", "і", "й", "з", "із", "зі", "у", "в", "на", "до", "від", "що", "який", "яка", "це"})
MAX_ROLE_WORDS = 6  # words of a title after its head ("Головою Державної прикордонної служби")
MAX_PHRASE_WORDS = 4  # lower-case words in a title ("міністр закордонних справ") or before an institution
_UP = "А-ЯЄІЇҐ"
_LOW = "а-яєіїґ'’ʼ"
# A patronymic's ending, in any case ("Василівна", "Олегівну", "Андрійовича")
_PATRONYMIC = rf"[{_UP}][{_LOW}]+(?:ич(?:а|у|ем)?|вн(?:а|и|і|у|ою)|ичн(?:а|и|і|у|ою))"
# "ТРОФІМЦЕВА Ольга Василівна - заступник Міністра …" (a line of a decree's list; in the
# accusative after "увести до складу": "СЕМЕНЮК Ларису Олегівну - заступника …")
DECREE_LINE = re.compile(
    # "зазначити нову посаду ГРИЦЕНКА Павла Андрійовича — …": a decree's change of a member's post
    rf"^[ \t]*(?:зазначити\s+(?:нову\s+)?посаду\s+(?:члена\s+[^\n]{{0,60}}?\s+)?)?"
    rf"(?P<name>[{_UP}][{_UP}'’ʼ]+(?:-[{_UP}][{_UP}'’ʼ]+)?\s+(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"(?P<patr>\s+{_PATRONYMIC})?)"
    # a foreign member's name in the original after it: "НОРДГРЕН Ларс (Lars Nordgren) — …"
    rf"(?:[ \t]*\([A-Za-zÀ-ɏ][A-Za-zÀ-ɏ' .-]{{1,60}}\))?"
    rf"[ \t]*[-–—][ \t]*(?P<role>[^\n]*[^\s;.,])",
    re.MULTILINE,
)
# "Гнатюк Оксана Петрівна — заступник Міністра …": the Cabinet's orders write the surname as
# a name is written; the patronymic is what makes the line a person's
DECREE_LINE_NAME_CASE = re.compile(
    rf"^[ \t]*(?P<name>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?\s+(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"(?P<patr>\s+{_PATRONYMIC}))[ \t]*[-–—][ \t]*(?P<role>[^\n]*[^\s;.,])",
    re.MULTILINE,
)
# "Наталія СИДОРЧУК – директор …": the first name, then the surname in capitals, as lists
# and signatures in Ukrainian official texts since 2019 write it
DECREE_LINE_GIVEN_FIRST = re.compile(
    rf"^[ \t]*(?P<name>(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)\s+[{_UP}][{_UP}'’ʼ]+(?:-[{_UP}][{_UP}'’ʼ]+)?)"
    rf"[ \t]*[-–—][ \t]*(?P<role>[^\n]*[^\s;.,])",
    re.MULTILINE,
)
# "- Кястутіс Будріс - міністр закордонних справ Литви;": a news list of participants writes the
# name as a name is written, with no patronymic; the post after the dash must open with a title
DECREE_LINE_LISTED = re.compile(
    rf"(?<=\n[-–—•·*] )(?P<name>(?P<first>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"\s+[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"[ \t]+[-–—][ \t]*(?P<role>[^\n]*[^\s;.,])",
)
# "пан", "пані" between a title and the name, in any case
HONORIFICS_UK = frozenset({"пан", "пана", "пану", "паном", "панові", "пані"})
# "міста Кошалін", "селища Ворзель": a single capitalised word after them is a place
SETTLEMENT_WORDS = frozenset({"міста", "місто", "м", "селища", "села"})
SIGNING_RULE = re.compile(r"[_.…]{3,}\s*")  # the line signed on before a name ("_______ Олексій …")
SIGNATURE_HEADER = re.compile(r"^(?:За|Від)\s")  # "За Україну", "Від Компанії": a column's header
PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
MAX_NAME_TOKENS = 3  # not counting particles
# Lower-case words inside foreign names ("Халід бін Саїд Аль-Мансурі", "Жуан Паулу ді Соуза")
INITIAL_WORD = re.compile(r"^\w\.$")
# an Arabic surname with its article, written with a hyphen ("аль-Мазруї", "ель-Сісі", "ад-Дін")
ARTICLE_NAME = re.compile(r"^(?:аль|ель|ал|ад|ан|ар|ас|аш|ат|ет|ед|ез)-[А-ЯЄІЇҐ]")
NAME_PARTICLES = frozenset({"бін", "ібн", "ді", "да", "де", "дос", "ду", "ван", "фон", "дер", "ла", "ле", "ель", "аль"})


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
    own = [p for p in parses if _APOS.sub("'", p.normal_form).replace("ґ", "г") == word.replace("ґ", "г")]
    if own and all("Fixd" in p.tag for p in own) and not any(p.tag.POS == "ADJF" for p in parses):
        # ADJF: "Об'єднані" is also filed as an indeclinable noun, but declines in the name
        return frozenset({word})
    nominative = [p for p in parses if p.tag.case == "nomn"]
    if nominative and all(p.tag.number == "plur" for p in nominative):
        # a plural name ("Комори", "Сполучені Штати") keeps its plural: the singular "Комора"
        # is a surname and a pantry, not the Comoros
        plural = {_APOS.sub("'", f.word) for p in nominative for f in p.lexeme if f.tag.number == "plur"}
        return frozenset({word} | plural)
    if own:
        # the name's own paradigm: "Куба" declines as Куба, not as the cube whose genitive plural
        # "кубів" is a surname's form ("Степана Кубіва")
        return frozenset({word} | {_APOS.sub("'", f.word) for p in own for f in p.lexeme})
    forms = set(lemmas(word))
    for p in parses:
        forms |= {_APOS.sub("'", f.word) for f in p.lexeme}
    return frozenset(forms)


def _name_like(word: str) -> bool:
    """A first name, surname or patronymic in the dictionary, a word it does not know at all
    (foreign names: "Венгу", "Маседончі"), or a surname by its "-енко", which the dictionary
    may read as a common word ("Западенко" as a form of "западенка")."""
    return (
        bool(grammemes(word) & PERSON_GRAMMEMES)
        or not morph_uk().word_is_known(word)
        or (len(word) > 5 and word.endswith(("енко", "єнко")))
    )


def _foreign_surname(tok: Token) -> bool:
    """A capitalised word no reading of which is a common noun in the nominative, genitive or
    accusative, a verb or an adjective: a surname the dictionary only knows as a rarer form of
    something else ("Гальбах", a locative plural)."""
    return not any(
        p.tag.POS in ("VERB", "INFN", "ADJF", "ADVB", "PREP", "CONJ", "PRCL", "NPRO")
        or (p.tag.POS == "NOUN" and p.tag.case in ("nomn", "gent", "accs") and "Surn" not in p.tag)
        for p in morph_uk().parse(tok.lower)
    )


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
    # the punctuation between its words ("освіти, науки і культури"), "" where a space
    separators: tuple[str, ...] = ()


def _first_lemma(word: str) -> str:
    return _APOS.sub("'", morph_uk().parse(word.lower())[0].normal_form)


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
            if is_cyrillic(surface) or _latin_abbreviation(surface):
                self._add(surface, oid, "org")
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e.forms))

    def _add(self, surface: str, sid: str, kind: str) -> None:
        spans = tokens_of(surface)
        toks = [t.text for t in spans]
        if not toks:
            return
        entry = _Entry(
            forms=tuple(paradigm(_APOS.sub("'", t.lower())) for t in toks),
            caps=tuple(t.isupper() and len(t) > 1 for t in toks),
            id=sid,
            kind=kind,
            common_word=len(toks) == 1 and _is_common_word(toks[0].lower()),
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
        for entry in sorted(candidates.values(), key=lambda e: -len(e.forms)):
            j = i + len(entry.forms)
            if j > len(toks) or not _separated_as(text, toks[i:j], entry.separators):
                continue
            if entry.common_word and _sentence_initial(text, toks[i].start):
                continue
            if all(self._token_fits(t, forms, caps) for t, forms, caps in zip(toks[i:j], entry.forms, entry.caps)):
                return j, entry
        return None

    def _adjective_long_form(self, text: str, toks: list[Token], i: int) -> Optional[tuple[int, _Entry]]:
        """A state named by its adjective and its form alone: "Італійська Республіка",
        "Французькою Республікою", "Королівства Іспанського" is rarer and not read."""
        if i + 1 >= len(toks) or not (toks[i].capitalised and toks[i + 1].capitalised):
            return None
        if not lemmas(toks[i + 1].lower) & STATE_FORM_HEADS or not _adjacent(text, toks[i : i + 2]):
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
            and _adjacent(text, toks[k - 1 : k + 1])
        ):
            k -= 1
            head = k
            while (
                k > 0
                and head - k < 3
                and toks[k - 1].capitalised
                and "ADJF" in grammemes(toks[k - 1].lower)
                and _adjacent(text, toks[k - 1 : k + 1])
            ):
                k -= 1
        return toks[k].start


def _joins_tail(toks: list[Token], k: int, caps: bool = False) -> bool:
    """ "та"/"і" inside an institution's name ("Сил безпеки та оборони України",
    "Міністерства економічного розвитку і торгівлі України"): a conjunction between two
    lower-case genitives (or, in a name in capitals, two ordinary words), not one that starts
    a new phrase."""
    return (
        toks[k].lower in ("та", "і", "й")
        and k + 1 < len(toks)
        and (not toks[k + 1].capitalised or caps and _caps_word(toks[k + 1]))
        and toks[k + 1].lower not in ROLE_STOP
        and "gent" in grammemes(toks[k + 1].lower)
    )


def _adjacent(text: str, toks: list[Token]) -> bool:
    """Are the tokens separated only by single spaces or line breaks?"""
    return all(text[a.end : b.start].isspace() and b.start - a.end <= 3 for a, b in zip(toks, toks[1:]))


def _listed_remit(text: str, toks: list[Token], k: int) -> bool:
    """A comma between two lower-case genitives of a ministry's remit ("Міністерство освіти,
    науки та молоді Грузії", "Міністерства розвитку громад, територій та інфраструктури
    України"): the list goes on inside the name."""
    a, b = toks[k - 1], toks[k]
    return (
        text[a.end : b.start] == ", "
        and not a.capitalised
        and not b.capitalised
        and "gent" in grammemes(a.lower)
        and "gent" in grammemes(b.lower)
        and "NOUN" in grammemes(b.lower)
    )


def _separated_as(text: str, toks: list[Token], separators: tuple[str, ...]) -> bool:
    """Are the tokens apart as a name's words are: by spaces, and the punctuation the name has
    between them (a comma in "Організація Об'єднаних Націй з питань освіти, науки і культури")?"""
    if not any(separators):
        return _adjacent(text, toks)
    return all(
        text[a.end : b.start].strip() == sep and b.start - a.end <= 3 + len(sep)
        for a, b, sep in zip(toks, toks[1:], separators)
    )


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip()
    return not before or before[-1] in SENTENCE_END or text[start - 1 : start] == "\n"


def _latin_abbreviation(surface: str) -> bool:
    return surface.isascii() and surface.isalpha() and surface.isupper() and len(surface) >= 2


def _in_a_members_post(text: str, official: Entity, members: list[Entity]) -> bool:
    """Is ``official`` found inside the post of a decree list's line ("НОРДГРЕН Ларс —
    координатор програм обміну Університету Єнчепінга"): the university's place, read as
    the coordinator's name, is no person."""
    for m in members:
        line_end = text.find("\n", m.end)
        if m.end < official.start and official.end <= (len(text) if line_end < 0 else line_end):
            return True
    return False


def _pair_end(text: str, toks: list[Token], last: int, by_first) -> int:
    """Where a joint body's name ends that is named after two sides joined by a dash ("Рада
    Україна – НАТО", "рада Росія—НАТО"): after the second side; else ``last``."""
    if last < len(toks) and last in by_first and PAIR_DASH.fullmatch(text[toks[last - 1].end : toks[last].start]):
        return int(by_first[last][0])
    return last


def _organ_of_organisation(text: str, toks: list[Token], first: int, head: int, by_first) -> Optional[Entity]:
    """A lower-case organ of an international organisation, or a joint body of two sides,
    named right after its head ("місії ОБСЄ", "підрозділу Європолу з …", "рада Росія—НАТО"):
    one ORG from its first adjective to the organisation's name (and the name's tail)."""
    after = by_first.get(head + 1)
    if not after or not lemmas(toks[head].lower) & ORGANISATION_ORGANS or not _adjacent(text, toks[head : head + 2]):
        return None
    if all(t.number == "plur" for t in _tags(toks[head].lower) if t.POS == "NOUN"):
        return None  # "для моніторингових місій ЄІБ": the bank's missions, no organ's name
    last = _pair_end(text, toks, after[0], by_first)
    if after[1].kind != "org" and last == after[0]:
        return None  # "армії Росії", "уряду України": a state's own organ is named otherwise
    place = by_first.get(last + 1)
    if (
        lemmas(toks[head].lower) & REPRESENTATIONS
        and place
        and place[1].kind == "state"
        and toks[last].lower in ("в", "у", "на")
        and _adjacent(text, toks[last - 1 : last + 2])
    ):
        return _org(text, toks, first, place[0])  # "місії ОБСЄ на Україні": where the mission works
    return _org(text, toks, first, _name_tail(text, toks, last))


def _org(text: str, toks: list[Token], first: int, last: int) -> Entity:
    """An institution's ORG over the tokens ``first`` to ``last`` (exclusive)."""
    s, e = toks[first].start, toks[last - 1].end
    return Entity(s, e, text[s:e], "ORG", source="institution")


def _name_tail(text: str, toks: list[Token], last: int) -> int:
    """Where an institution's name ends that goes on after its state with "з …" in the
    genitive ("Державна служба України | з надзвичайних ситуацій", "… з питань європейської
    інтеграції") or "у справах …" ("Національна комісія України у справах ЮНЕСКО"); "з
    партнерами", "з метою" (instrumental) are no part of a name."""
    if last + 1 >= len(toks) or not _adjacent(text, toks[last - 1 : last + 2]):
        return last
    word, after = toks[last].lower, toks[last + 1]
    if word in ("з", "із", "зі") and not after.capitalised and "gent" in grammemes(after.lower):
        end = last + 1
        while (
            end < len(toks)
            and end - last <= MAX_PHRASE_WORDS
            and not toks[end].capitalised
            and "gent" in grammemes(toks[end].lower)
            and _adjacent(text, toks[end - 1 : end + 1])
        ):
            end += 1
        return end
    if word in ("у", "в") and after.lower == "справах" and last + 2 < len(toks):
        nxt = toks[last + 2]
        if _adjacent(text, toks[last + 1 : last + 3]) and (nxt.all_caps or "gent" in grammemes(nxt.lower)):
            return last + 3
    return last


def state_before_rank(toks: list[Token], h: int, names) -> Optional[str]:
    """ "… Збройних сил України генерал-лейтенант Руслан Хомчак": the state named right
    before a military rank (token ``h``) is the one whose forces the officer serves in."""
    if toks[h].lower.split("-")[0] not in MILITARY_RANKS:
        return None
    return next((en.id for _, _, _, j, en in names if j == h and en.kind == "state"), None)


@lru_cache(maxsize=1)
def ukrainian_gazetteer() -> UkrainianGazetteer:
    return UkrainianGazetteer()


@lru_cache(maxsize=1)
def ukrainian_demonyms() -> dict[str, str]:
    return dict(load_json("demonyms.json")["uk"])


def demonym_id(tok: Token) -> Optional[str]:
    table = ukrainian_demonyms()
    return next((table[l] for l in sorted(lemmas(tok.lower)) if l in table), None)


# Nouns after which a state's adjective names its side ("з фінського боку", "румунська сторона")
SIDE_NOUNS = frozenset({"бік", "сторона", "частина", "делегація"})
# the two that make a state a side of talks in a report ("румунська сторона", "угорська делегація");
# "бік" and "частина" place an official ("з фінського боку") but name no party
TALKS_SIDE_NOUNS = frozenset({"сторона", "делегація"})


SIDE_MARKER = frozenset({"від", "за"})
SIDE_BREAK = re.compile(r"[.!?;\n]")


# the words before a name in a post that make it no holder of the post: where the post sits,
# or whom it deals with
NOT_THE_HOLDERS = frozenset({"в", "у", "при", "з", "із", "зі"})


def _word_before(text: str, start: int, end: int) -> str:
    words = text[start:end].split()
    return words[-1].lower() if words else ""


DASHES = re.compile(r"\s*[—–-]\s*")
HEADED_BY = (("на", "чолі", "з"), ("на", "чолі", "із"))


def _side_marked(text: str, toks: list[Token], names, role_start: int) -> Optional[str]:
    """The side a sentence assigns the title at ``role_start`` to: the nearest "від X" before
    it in the same sentence ("Від України документ підписав міністр …, від Молдови —
    міністерка …", "від польської сторони — віцеміністр …"), a delegation the title heads
    ("угорська делегація на чолі з державним секретарем …", "Румунську делегацію очолював …"),
    the state it represents ("Сербію на саміті представляв віцепрем'єр …"),
    or a side whose noun is left out before a dash ("…, в'єтнамську — заступник міністра …")."""
    state_at = {i: en.id for _, _, i, _, en in names if en.kind == "state"}
    if role_start >= 2 and DASHES.fullmatch(text, toks[role_start - 1].end, toks[role_start].start):
        if toks[role_start - 1].text[:1].islower() and (state := demonym_id(toks[role_start - 1])):
            return state
    lead = _delegation_lead(toks, role_start)
    if lead is not None and lemmas(toks[lead + 1].lower) & TALKS_SIDE_NOUNS and (state := demonym_id(toks[lead])):
        return state
    if role_start >= 2 and toks[role_start - 1].lower.startswith("представля"):
        # "Сербію на саміті представляв | віцепрем'єр …", "ПРООН представляв | Постійний
        # представник …": the state or organisation the verb's object names
        named_at = {i: en.id for _, _, i, _, en in names}
        for k in range(role_start - 2, max(-1, role_start - 6), -1):
            if SIDE_BREAK.search(text, toks[k].end, toks[k + 1].start):
                break
            if k in named_at:
                return named_at[k]
    for k in range(role_start - 1, 0, -1):
        if SIDE_BREAK.search(text, toks[k - 1].end, toks[k].start):
            return None
        if toks[k - 1].lower in SIDE_MARKER:
            if k in state_at:
                return state_at[k]
            if (state := side_state(toks, k)) and toks[k].text[:1].islower():
                return state
    return None


def _delegation_lead(toks: list[Token], role_start: int) -> Optional[int]:
    """The adjective of "<adjective> делегація на чолі з | <title>" or "<adjective> делегацію
    очолив | <title>", or None."""
    for words in HEADED_BY:
        k = role_start - len(words)
        if k >= 2 and tuple(t.lower for t in toks[k:role_start]) == words:
            return k - 2
    if role_start >= 3 and toks[role_start - 1].lower.startswith(("очолю", "очолив", "очолила")):
        return role_start - 3  # "Румунську делегацію очолював | …", "молдовську делегацію очолив | …"
    return None


def side_state(toks: list[Token], k: int, nouns: frozenset[str] = SIDE_NOUNS) -> Optional[str]:
    """The state whose adjective ``toks[k]`` names a side ("турецьку | частину", "угорська |
    делегація"): before one of ``nouns``; a capitalised adjective inside a clause is part of a
    name ("Литовська Республіка"), not a side."""
    if k + 1 >= len(toks) or toks[k].capitalised and k > 0 or not lemmas(toks[k + 1].lower) & nouns:
        return None
    return demonym_id(toks[k])


# --- sub-state bodies ----------------------------------------------------------

# The words after a city's adjective that name its council or its oblast's
# administration or council, as lemmas, and the suffix of the coined id.
BODY_FORMS: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    ((frozenset({"міський"}), frozenset({"рада"})), "CC"),
    ((frozenset({"міськрада"}),), "CC"),
    # "обласна військова адміністрація" (ОВА) since 2022
    (
        (
            frozenset({"обласний"}),
            frozenset({"державний", "військово-цивільний", "військовий"}),
            frozenset({"адміністрація"}),
        ),
        "ODA",
    ),
    ((frozenset({"обласний"}), frozenset({"адміністрація"})), "ODA"),
    ((frozenset({"ода", "ова", "вца", "овца", "облдержадміністрація", "облвійськадміністрація"}),), "ODA"),
    ((frozenset({"обласний"}), frozenset({"рада"})), "OC"),
    ((frozenset({"облрада"}),), "OC"),
)


BODY_ABBREVIATIONS = frozenset({"ода", "ова", "вца", "овца"})


@lru_cache(maxsize=1)
def city_prefixes() -> dict[str, str]:
    return dict(load_json("organisations.json")["ukrainian_bodies"]["prefixes"])


def body_id(prefix: str, suffix: str) -> str:
    """The coined id of a city's council or its oblast's administration or council
    (data/organisations.json, "ukrainian_bodies")."""
    return prefix + suffix if suffix == "CC" else prefix[: 10 - len(suffix)] + suffix


@lru_cache(maxsize=1)
def local_body_ids() -> frozenset[str]:
    """Every id :func:`body_id` can coin: the councils and oblast bodies of Ukraine's cities."""
    suffixes = {suffix for _, suffix in BODY_FORMS}
    return frozenset(body_id(prefix, suffix) for prefix in city_prefixes().values() for suffix in suffixes)


def _city_prefix(tok: Token) -> Optional[str]:
    """The id prefix of the city a capitalised word names in any form ("Харківського" →
    KHARKIV), or None."""
    if not tok.capitalised:
        return None
    prefixes = city_prefixes()
    return next((prefixes[l] for l in sorted(lemmas(tok.lower)) if l in prefixes), None)


def _match_words(toks: list[Token], k: int, words: tuple[frozenset[str], ...], text: str) -> bool:
    return (
        k + len(words) <= len(toks)
        and all(lemmas(t.lower) & w for t, w in zip(toks[k : k + len(words)], words))
        and _adjacent(text, toks[k - 1 : k + len(words)])
    )


def municipal_bodies(text: str, toks: list[Token]) -> list[Entity]:
    """ "Вінницької міської ради", "Львівська ОДА", "Луганської обласної
    військово-цивільної адміністрації": a city council or an oblast's administration or
    council, an ORG with its coined id (a PARTY when it signs)."""
    out = []
    for i, tok in enumerate(toks):
        prefix = _city_prefix(tok)
        if prefix is None:
            continue
        for words, suffix in BODY_FORMS:
            if _match_words(toks, i + 1, words, text):
                s, e = tok.start, toks[i + len(words)].end
                out.append(Entity(s, e, text[s:e], "ORG", id=body_id(prefix, suffix), source="lemma-gazetteer"))
                break
    return out


MAYOR_WORDS = (frozenset({"міський"}), frozenset({"голова"}))


def local_body_of(role: str) -> Optional[str]:
    """The coined id of the city council or oblast body a title names ("Перший заступник
    Харківського міського голови" → KHARKIVCC, "голови Луганської обласної державної
    адміністрації …" → LUHODA): the body its holder acts for. A mayor heads the city's council
    and its executive."""
    toks = tokens_of(role)
    bodies = municipal_bodies(role, toks)
    if bodies:
        return bodies[0].id
    for i, tok in enumerate(toks):
        prefix = _city_prefix(tok)
        if prefix and _match_words(toks, i + 1, MAYOR_WORDS, role):
            return body_id(prefix, "CC")
        named = city_named(tok)
        if named and i >= 2 and _match_words(toks, i - 2, MAYOR_WORDS, role):
            return body_id(named, "CC")  # "міський голова Миколаєва"
    return None


def city_named(tok: Token) -> Optional[str]:
    """The id prefix of the city a capitalised word names by its own name ("Миколаєва" →
    MYKOLAIV), or None."""
    if not tok.capitalised:
        return None
    return next((p for p in map(city_prefix_of_lemma, sorted(lemmas(tok.lower))) if p), None)


def city_prefix_of_lemma(lemma: str) -> Optional[str]:
    """The id prefix of a city by the lemma of its own name ("миколаїв" → MYKOLAIV), or None."""
    return load_json("organisations.json")["ukrainian_bodies"]["city_names"].get(lemma)


@lru_cache(maxsize=1)
def foreign_city_bodies() -> dict[str, str]:
    """A foreign city's name (its lemma) → the id of the city's own body in the organisation
    table ("Муніципалітет Нюрнберга" → нюрнберг: NUREMBERG)."""
    out: dict[str, str] = {}
    for org in load_json("organisations.json")["organisations"]:
        for name in org.get("uk", []):
            words = name.split()
            if len(words) == 2 and lemmas(words[0].lower()) & CITY_BODY_WORDS:
                for lemma in lemmas(words[1].lower()):
                    out.setdefault(lemma, org["id"])
    return out


# the words a city's own body is named with ("Муніципалітет Нюрнберга", "Мерія Батумі")
CITY_BODY_WORDS = frozenset({"муніципалітет", "мерія", "магістрат", "місто"})


def local_officials(entities: list[Entity]) -> list[Entity]:
    """Officials of a city or an oblast body, named without a state, act for that body."""
    for off in entities:
        if off.label == "OFFICIAL" and not off.affiliation and off.role:
            off.affiliation = local_body_of(off.role)
    return entities


def _bare_councils(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "міська рада", "у міськраді" without the city: the council of the one city the
    document names a council of."""
    councils = {e.id for e in found if e.id and e.id.endswith("CC") and e.source == "lemma-gazetteer"}
    return bare_body_mentions(text, [(c.start, c.end) for c in clauses], councils.pop()) if len(councils) == 1 else []


def bare_body_mentions(text: str, spans: Iterable[tuple[int, int]], body: str) -> list[Entity]:
    """The body ``body`` (a coined id of BODY_FORMS) where the text names its kind without
    the city or oblast ("міська рада", "облдержадміністрації", "обласної державної
    адміністрації"): a short definite reference (annotations/NOTES.md)."""
    forms = [words for words, suffix in BODY_FORMS if body.endswith(suffix)]
    out = []
    for start, end in spans:
        toks = tokens_of(text, start, end)
        for i, tok in enumerate(toks):
            if i > 0 and lemmas(toks[i - 1].lower) & set(city_prefixes()):
                continue
            if tok.lower in BODY_ABBREVIATIONS and not tok.all_caps:
                continue  # "ода" is an ode
            for words in forms:
                if lemmas(tok.lower) & words[0] and (len(words) == 1 or _match_words(toks, i + 1, words[1:], text)):
                    s, e = tok.start, toks[i + len(words) - 1].end
                    out.append(Entity(s, e, text[s:e], "ORG", id=body, source="coreference"))
                    break
    return out


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
    from .coined import latin_spelling

    first = tokens_of(name)[:1]
    if len(word) < 5 or not first or not re.search(r"[а-яєіїґ]", first[0].lower):
        return False
    short, long = _VOWELS.sub("", word.lower()), _VOWELS.sub("", latin_spelling(first[0].text))
    return len(short) >= 3 and long.startswith(short)


def _short_form_word(tok: Token) -> frozenset[str]:
    """What a word of a short form matches: its lemmas, or itself where it is an abbreviation."""
    return frozenset({tok.text}) if tok.all_caps else lemmas(_APOS.sub("'", tok.lower))


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
            _adjacent(text, run)
        ):
            found.append((run[0].start, run[-1].end))
    return found


# an abbreviation of a body's name in its initials ("ТПП", "АРР", "ЧНУ"), or with the first
# letters of its first word ("СумДУ": Сумський державний університет)
INITIALS = re.compile(r"(?P<lead>[А-ЯЄІЇҐ][а-яєіїґ]{0,3})(?P<rest>[А-ЯЄІЇҐ]{1,5})")
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
    parts = [(k, part) for k, t in enumerate(words) for part in t.text.split("-") if part]
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
            if not _adjacent(text, around):
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
            lemma = _APOS.sub("'", parses[0].normal_form)
            return lemma if lemma in HEAD_NOUNS else None
    return None


def _is_adjective(word: str) -> bool:
    """Is the word's likeliest reading an adjective or participle (first parse only: "Союзу"
    after "європейського", not every noun that has some adjectival reading)?"""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in morph_uk().parse(word)[:1])


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
            if _sentence_initial(text, tok.start):
                continue
            if k + 1 < len(toks) and toks[k + 1].capitalised and _adjacent(text, toks[k : k + 2]):
                continue
            if (toks[k - 1].capitalised or _is_adjective(toks[k - 1].lower)) and _adjacent(text, toks[k - 1 : k + 1]):
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
            and _adjacent(text, run)
        ):
            out.append((run[0].start, run[-1].end))
    return out


# --- recognition --------------------------------------------------------------


# "у м. Люксембург", "в місті Сінгапур": a city that shares its state's name, no state
CITY_WORD_BEFORE = re.compile(r"(?<!\w)(?:м\.|міст[оаіу]|місті)\s*$", re.IGNORECASE)


def _city_of_a_state_name(text: str, start: int, kind: str) -> bool:
    return kind == "state" and CITY_WORD_BEFORE.search(text, max(0, start - 12), start) is not None


class UkrainianRecognizer:
    """States, organisations, institutions and officials in one Ukrainian document."""

    def __init__(self) -> None:
        self.gazetteer = ukrainian_gazetteer()

    def entities(
        self, text: str, clauses: Iterable[Clause], persons: Optional[list[tuple[int, int]]] = None
    ) -> list[Entity]:
        """Entities of the Ukrainian ``clauses``; ``persons`` are PER spans (document
        offsets) of a statistical NER, used with the dictionary's own person names."""
        from .uk_persons import (
            dictionary_persons,
            initialled_officials,
            officials_from_persons,
            removed_members,
            spans_to_tokens,
        )

        clauses = list(clauses)
        found: list[Entity] = []
        for clause in clauses:
            toks = tokens_of(text, clause.start, clause.end)
            names = [n for n in self.gazetteer.find(text, toks) if not _city_of_a_state_name(text, n[0], n[4].kind)]
            found += self._institutions(text, toks, names)
            found += [
                Entity(s, e, text[s:e], "STATE" if en.kind == "state" else "ORG", id=en.id, source="lemma-gazetteer")
                for s, e, _, _, en in names
            ]
            columns = self._signature_columns(text, clause) if clause.kind == "signature" else None
            if columns is not None:
                officials = columns  # a block in columns is read by column or not at all
            else:
                members = self._decree_list(text, clause, names)
                officials = [o for o in self._officials(text, toks, names) if not _in_a_members_post(text, o, members)]
                officials += members
                if not officials and clause.kind == "signature":
                    officials = self._signatory(text, toks, names)
            officials += [
                o
                for o in initialled_officials(text, clause.start, clause.end, ROLE_HEADS, lemmas)
                if not any(p.start < o.end and o.start < p.end for p in officials)
            ]
            ner = [
                (_with_first_name(text, toks, s), e)
                for s, e in persons or ()
                if clause.start <= s and e <= clause.end and _person_like(text, s, e)
            ]
            candidates = dictionary_persons(text, toks) + spans_to_tokens(toks, ner)
            taken = [(o.start, o.end) for o in officials] + [(s, e) for s, e, _, _, _ in names]
            officials += officials_from_persons(text, toks, candidates, names, taken, officials)
            _respective_sides(text, names, officials)
            for o in officials:
                if (o.source != "decree-list" and _civic_title(o.role)) or SPORTS_EVENT.search(o.role or ""):
                    continue
                if _counterpart_only(o.role) and not any(f.label == "OFFICIAL" for f in found):
                    continue  # "її колега Гоша Куценко": a colleague of no official is no counterpart in office
                found.append(o)
            found += municipal_bodies(text, toks)
        found += _bare_councils(text, clauses, found)
        found += self._coreferent_officials(text, clauses, found)
        found += _by_first_name_and_patronymic(text, clauses, found)
        found += _by_first_name_alone(text, clauses, found)
        found += _untitled_officeholders(text, clauses, found)
        removed = [o for c in clauses for o in removed_members(text, c.start, c.end)]
        removed = [o for o in removed if not any(f.start < o.end and o.start < f.end for f in found)]
        if not removed:
            return found
        found += removed
        return found + self._coreferent_officials(text, clauses, found)  # "звільнивши … О.Гребенюка"

    # institutions ------------------------------------------------------------
    def _institutions(self, text: str, toks: list[Token], names) -> list[Entity]:
        # keyed by the token a name's span starts at, so that a state's long form joins the
        # institution before it as its short form does ("Міністерство оборони | Республіки Польща")
        token_at = {t.start: k for k, t in enumerate(toks)}
        by_first = {token_at.get(s, i): (j, en) for s, _, i, j, en in names}
        organisations = [(i, j) for _, _, i, j, en in names if en.kind == "org"]
        out = []
        for i, tok in enumerate(toks):
            head = lemmas(tok.lower)
            if head & GOVERNMENT_AS_STATE or not head & (
                GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES | ORGANISATION_ORGANS
            ):
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
            if any(t.capitalised for t in toks[first : i + 1]):
                while not toks[first].capitalised:
                    first += 1
            if not toks[first].capitalised or not head & (GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES):
                # an organisation's organ in lower case ("місії ОБСЄ"), or named so only
                # right before its organisation ("Форуму НБСЄ")
                organ = _organ_of_organisation(text, toks, first, i, by_first)
                out += [organ] if organ else []
                continue
            # the phrase is the start of an organisation the table names ("Данською Радою" of
            # "Данською Радою у справах біженців"): the table's span and id stand
            if any(a <= first and i < b for a, b in organisations):
                continue
            named = any(demonym_id(t) for t in toks[first : i + 1]) or bool(
                lemmas(toks[first].lower) & STATE_ADJECTIVES
            )
            last = i + 1
            # a name in capitals ("ДЕРЖАВНА СЛУЖБА МОЛОДІ ТА СПОРТУ УКРАЇНИ") goes on over its
            # ordinary words as a written name goes on over its lower-case ones
            caps = toks[i].all_caps
            while (
                last < len(toks)
                and last - i <= MAX_PHRASE_WORDS + 2
                and (not toks[last].capitalised or _office_word(toks[last]) or caps and _caps_word(toks[last]))
                and last not in by_first  # "Комітету міністрів | Ради Європи": the table's name joins below
                and (toks[last].lower not in ROLE_STOP or _joins_tail(toks, last, caps))
                and not _only_verb(toks[last])
                and (
                    _adjacent(text, toks[last - 1 : last + 1])
                    or "міністерство" in head
                    and _listed_remit(text, toks, last)
                )
            ):
                last += 1
            if head & STATE_OR_BODY_HEADS and (last == i + 1 or first < i):
                continue  # "Російської Федерації" is the state
            if last in by_first and _adjacent(text, toks[last - 1 : last + 1]):
                last, named = _pair_end(text, toks, by_first[last][0], by_first), True
            last = _name_tail(text, toks, last)
            owners = {en.id if en.kind == "org" else "state" for _, _, k, _, en in names if first <= k < last}
            office = "офіс" in head and first == i and by_first.get(i + 1, (0, None))[1] is not None
            if ("представництво" in head or office) and owners and not owners & {"state", "EU"}:
                # an international organisation's country office is no body of its own
                # ("Представництвом Міжнародної організації з міграції", "Офісу Ради Європи в
                # Україні"): the table's organisation stands, with its id (NOTES: a foreign
                # body's office in Ukraine; a mission, such as the OSCE's or the UN's monitoring
                # mission, is a body, and so is an office named for its holder, "офісу
                # Верховного комісара ОБСЄ …")
                continue
            if (
                owners & {"state", "EU"}
                and head & REPRESENTATIONS
                and last + 1 < len(toks)
                and toks[last].lower in ("в", "у")
            ):
                # "Посольства Литовської Республіки в Україні", "Почесного консульства
                # Туреччини в Харкові": a state's (or the EU's) representation is named with
                # where it sits; an international organisation's office is not (NOTES)
                place = by_first.get(last + 1)
                if toks[last + 1].capitalised and _adjacent(text, toks[last - 1 : last + 2]):
                    last = place[0] if place else last + 2
                    if not place and last in by_first and _adjacent(text, toks[last - 1 : last + 1]):
                        last = by_first[last][0]  # "в Королівстві Нідерланди"
            proper = not (named or head & GOVERNMENT_BODIES) and _proper_name(text, toks, first, i, last)
            if proper and last < len(toks) and last not in by_first and _place_in_name(text, toks, last):
                last += 1  # "Фонд громади | Житомира"
            if named or head & GOVERNMENT_BODIES or proper:
                out.append(_org(text, toks, first, last))
        return out + self._abbreviated_bodies(text, toks, by_first) + _named_before_abbreviation(text, toks, names)

    @staticmethod
    def _abbreviated_bodies(text: str, toks: list[Token], by_first) -> list[Entity]:
        """An abbreviated institution before its state ("МОЗ України", "ВМС України",
        "Держкомспорту України"): one ORG, the state inside it no mention of its own."""
        out = []
        for i, tok in enumerate(toks[:-1]):
            if i in by_first or not _abbreviated_body(tok):
                continue
            nxt = by_first.get(i + 1)
            genitive = "gent" in grammemes(toks[i + 1].lower)
            if nxt and nxt[1].kind == "state" and genitive and _adjacent(text, toks[i : i + 2]):
                out.append(_org(text, toks, i, nxt[0]))
        return out

    # officials ---------------------------------------------------------------
    def _officials(self, text: str, toks: list[Token], names) -> list[Entity]:
        """ "міністр оборони Албанії Піро Венгу" and, after it in the same clause,
        "(колег) з Косова Еюпа Маседончі та Хорватії Івана Анушича"."""
        name_at = {i: (j, en) for _, _, i, j, en in names}
        name_before = {j: en.id for _, _, i, j, en in names}  # by the token after the name
        inside = _name_tokens(names)
        out: list[Entity] = []
        role: Optional[str] = None
        affiliation: Optional[str] = None
        signs_for = self._signature_party(text, toks, names)
        i = 0
        while i < len(toks):
            if (
                title_lemmas(toks[i].lower) & ROLE_HEADS
                and not toks[i].all_caps
                # "Кабінет Міністрів", "Рада директорів"; not "в міській раді | начальник …"
                and not (i > 0 and lemmas(toks[i - 1].lower) & BODY_OF_TITLES and _plural_genitive_reading(toks[i]))
                and not _plural_genitive(toks[i])  # "Палата з семи суддів під головуванням судді …"
                and not plural_counterpart(toks[i])  # "підготованих колегами, учнями … Тараса …"
                and not _not_an_office(toks, i)
            ):
                role_start = i - 1 if i > 0 and lemmas(toks[i - 1].lower) & ROLE_MODIFIERS else i
                if i > 1 and lemmas(toks[i - 1].lower) & MAYOR_WORDS[0] and _city_prefix(toks[i - 2]):
                    role_start = i - 2  # "Львівський міський голова": the mayor of Lviv (local_body_of)
                k, room = i + 1, MAX_ROLE_WORDS
                while (
                    k < len(toks)
                    and k - i <= room
                    and k not in name_at
                    and (
                        not toks[k].capitalised
                        or (
                            _institution_word(toks[k])
                            and not _is_initial(text, toks[k])
                            and not _name_after_a_lower_case_title(toks, k)
                        )
                        or _region_adjective(toks, k)  # "гетьман | Пардубицького краю"
                        or _place_named(toks, k)  # "гетьман краю | Височина | Мартін …", "приматор | Кошиць | …"
                        or _region_before_name(toks, k)  # "начальник Управління ДМС України | Львівщини | Андрій …"
                        or _adjective_of_a_name(text, toks, k)  # "голови | Черняхівської районної ради | Івана …"
                    )
                    and (_adjacent(text, toks[k - 1 : k + 1]) or _portfolio_comma(text, toks, k))
                ):
                    if toks[k].lower in ROLE_STOP:
                        if not _joins_title(toks, k):
                            break
                        room += 2  # "і досліджень", "з питань" do not count against the title's length
                    k += 1
                    if named_after(text, toks[k - 1]):  # "ректор … університету імені Ореста Левицького"
                        k = _after_namesake(text, toks, k)
                    elif _settlement_abbreviation(text, toks, k - 1):
                        k += 1  # "… району м. Львова": the city is the title's, not the name's
                # "головою якої обрали Романа …": the title ends before the clause's verb, and the
                # name is that verb's object, not in the title's case
                verb = next((n for n in range(i + 1, k) if _clause_verb(toks[n])), None)
                role_end = k if verb is None else _before_relative(toks, i + 1, verb)
                role = text[toks[role_start].start : toks[role_end - 1].end]
                affiliation = demonym_id(toks[role_start - 1]) if role_start > 0 else None
                if affiliation is None and role_start > 1 and lemmas(toks[role_start - 1].lower) & COUNTERPARTS:
                    affiliation = demonym_id(toks[role_start - 2])  # "її естонський колега, міністр юстиції …"
                if affiliation is None:
                    affiliation = state_before_rank(toks, i, names)
                if affiliation is None:  # "директоркою Данського агентства …": the body's state
                    affiliation = next((d for t in toks[i + 1 : k] if t.capitalised and (d := demonym_id(t))), None)
                if affiliation is None:  # "єврокомісарка з питань розширення …"
                    affiliation = next(
                        (TITLE_OWNERS[t] for t in title_lemmas(toks[i].lower) if t in TITLE_OWNERS), None
                    )
                if affiliation is None:  # "державний секретар румунського Міністерства транспорту"
                    affiliation = next(
                        (
                            d
                            for t, body in zip(toks[i + 1 : k], toks[i + 2 : k])
                            if lemmas(body.lower) & STATE_ORGANS and (d := demonym_id(t))
                        ),
                        None,
                    )
                if k in name_at and _remit_before(text, toks, k):
                    # "Урядова уповноважена у справах Європейського суду з прав людини …": the
                    # court is her remit, not whom she acts for
                    k = name_at[k][0]
                    role = text[toks[role_start].start : toks[k - 1].end]
                elif k in name_at:
                    k, entry = name_at[k]
                    affiliation = entry.id
                    seat = _seat_after(toks, k, name_at)
                    if seat:
                        # "Послу Естонії | в Україні | Мартові Каску", "Посол України | в Республіці
                        # Польща", "представник України | при ООН": where the post sits
                        k = seat
                    elif (
                        k + 2 < len(toks)
                        and toks[k].lower in ("у", "в")
                        and toks[k + 1].lower == "справах"
                        and k + 2 in name_at
                    ):
                        # "директор Світового банку | у справах Білорусі, Молдови та України": the
                        # countries a post covers are its remit, not whom its holder acts for
                        k = _named_list_end(text, toks, k + 2, name_at)
                        role = text[toks[role_start].start : toks[k - 1].end]
                    elif k < len(toks) and toks[k].lower in ("з", "із") and _joins_title(toks, k):
                        # "Віце-президентом ЄБРР | з питань банківської діяльності | Маттіасом …",
                        # "директорка ЄБРР | з питань України | Гелен …" (the remit, not her side)
                        end = k + 2
                        while end < len(toks) and end - k <= MAX_ROLE_WORDS and not toks[end].capitalised:
                            end += 1
                        if end == k + 2 and end in name_at:
                            end = _named_list_end(text, toks, end, name_at)
                        role = text[toks[role_start].start : toks[end - 1].end]
                        k = end
                while k < len(toks) and not toks[k].capitalised and toks[k].lower.split("-")[0] in MILITARY_RANKS:
                    k += 1  # a rank after the state: "… України генерал-лейтенант Руслан Хомчак"
                k = _after_bracketed_acronym(text, toks, k)  # "… агентства (MSB) Шарлоттою Гедберг"
                quoted = _after_quoted_company(text, toks, k)  # "голова правління «Укренерго» Олексій …"
                if quoted > k:
                    role, k = text[toks[role_start].start : text.index("»", toks[k].start) + 1], quoted
                if k + 1 < len(toks) and toks[k].lower in HONORIFICS_UK:
                    k += 1  # "Послу Японії в Україні пану Кендзі Охаші": the name after "пан"
                if k > i + 1 and toks[k - 1].lower in HONORIFICS_UK and not _cases(toks[i]) & _cases(toks[k - 1]):
                    i = k  # "заступник пана Кащука Максим …": Mr Кащук is whose deputy, not the deputy
                    continue
                if k < len(toks) and _region_before_name(toks, k) and _adjacent(text, toks[k - 1 : k + 1]):
                    role, k = text[toks[role_start].start : toks[k].end], k + 1  # "… ДМС України Київщини"
                person = self._person_at(text, toks, k, inside, after_title=True)
                if person and ("\n\n" in text[toks[k - 1].end : toks[k].start] or _across_columns(text, toks, k)):
                    person = None  # a title does not name a person across a blank line, nor in the next column
                if person:  # nor does a name go on over a line break ("Оксана МЕЛЬНИЧУК" / "Міністр …")
                    person = next(
                        (p for p in range(k + 1, person) if "\n" in text[toks[p - 1].end : toks[p].start]), person
                    )
                if (
                    person
                    and person - k >= 3
                    and (
                        toks[k - 1].lower in SETTLEMENT_WORDS
                        or _local_head(toks, k - 1)
                        and "Name" in grammemes(toks[k + 1].lower)
                    )
                    and "Name" not in grammemes(toks[k].lower)
                    and not _is_patronymic(toks[k + 2])
                ):
                    # "мер міста Прущ-Ґданськ Януш Врубель", "міського голови Ірпеня Олександра
                    # Маркушина": the city the title names, then the person (not "голови Петренка
                    # Олександра Івановича", a surname first with the patronymic after)
                    role, k = text[toks[role_start].start : toks[k].end], k + 1
                    person = self._person_at(text, toks, k, inside, after_title=True)
                if person == k + 1 and toks[k - 1].lower in SETTLEMENT_WORDS:
                    person = None  # "Президент міста Кошалін": the city the title names, not a surname
                if person and relative_of_holder(toks, i, k):
                    # "син директора ЧАЕС Пилип Грамоткін": the relative, named in the nominative;
                    # "син посла сейму Польщі Андрія Братуня": the holder, in the title's genitive
                    i = person
                    continue
                if verb is not None and _case_of(toks[i]) != "ablt":
                    # "головою … обрали Романа": a verb makes the name after it the title's holder only
                    # where the title stands in the instrumental; "Депутати хотіли встановити фігуру
                    # Катерини II": the subject's title does not name the verb's object, though a
                    # title after the verb may ("Заступник Міністра подякував Послові … Віллемові …")
                    i = verb + 1
                    continue
                if person:
                    # a signature line names the signatory in the nominative ("Джорджа Мелоні" is she)
                    hint = "nomn" if signs_for else _case_of(toks[i]) or _adjective_case(toks, i)
                    if verb is not None:
                        hint = None
                    elif hint not in (None, "nomn"):
                        # "радником міністра юстиції Олега …": a name in the case of a title in the
                        # genitive after the head is that title's holder
                        later = _possessor_title(toks, i, role_end, text[toks[k].start : toks[person - 1].end], hint)
                        if later is not None:
                            n, hint = later
                            role_start = n - 1 if lemmas(toks[n - 1].lower) & ROLE_MODIFIERS else n
                            role = text[toks[role_start].start : toks[role_end - 1].end]
                        elif _cannot_stand_in(text[toks[k].start : toks[person - 1].end], hint):
                            hint = None  # "радником народного депутата … Степана …": the name's own case
                    side = _side_marked(text, toks, names, role_start)
                    if signs_for and re.search(r"[.!?]", text[names[0][1] : toks[role_start].start]):
                        signs_for = None  # the header's side ends with its sentence
                    out.append(_official(text, toks, k, person, role, affiliation or side or signs_for, hint))
                    k = person
                i = k
                continue
            if role and i in name_at:
                # a state in the genitive naming the affiliation of the person after it
                j, entry = name_at[i]
                person = self._person_at(text, toks, j, inside)
                if person:
                    # "голова Представництва ЄС в Україні Хюг Мінг": a state after "в" is where
                    # the office sits; the holder acts for the one the title named
                    # (the owner named right before "в": "Посольства Литовської Республіки в Україні")
                    if _remit_before(text, toks, i):
                        # "Урядова уповноважена у справах Європейського суду з прав людини Оксана …":
                        # the court is her remit, not whom she acts for
                        role = text[toks[role_start].start : toks[j - 1].end]
                        owner = affiliation
                    elif i > 0 and toks[i - 1].lower in LOCATIVE_PREPOSITIONS:
                        owner = name_before.get(i - 1, affiliation)
                        if owner is None:  # "ПРООН представляв Постійний представник в Україні …"
                            owner = _side_marked(text, toks, names, role_start)
                    else:
                        owner = entry.id
                    out.append(_official(text, toks, j, person, role, owner))
                    i = person
                    continue
            i += 1
        listed = self._listed_with_places(text, toks, names)
        out = [o for o in out if not any(o.start < e.end and e.start < o.end for e in listed)]
        return _agree_listed_names(out + listed)

    def _listed_with_places(self, text: str, toks: list[Token], names) -> list[Entity]:
        """ "до двадцятки мерів потрапили: Сергій Надал (Тернопіль), Руслан Марцінків (Івано-Франківськ)
        …": persons listed after a plural title and a colon, each with a place in brackets, hold
        that title (its dictionary form); a state in the brackets is the one they act for."""
        colon = next((n for n in range(1, len(toks)) if ":" in text[toks[n - 1].end : toks[n].start]), None)
        if colon is None:
            return []
        heads = [n for n in range(colon) if _only_plural_title(toks[n]) and colon - n <= MAX_ROLE_WORDS]
        if not heads:
            return []
        head = heads[-1]
        # the title in its dictionary form with the words that complete it ("міністри оборони:" →
        # "міністр оборони"), up to a verb ("мерів-інноваторів потрапили:" → "мер")
        rest = next((n for n in range(head + 1, colon) if _clause_verb(toks[n]) or toks[n].capitalised), colon)
        role = " ".join(
            [
                sorted(title_lemmas(toks[head].lower.split("-")[0]) & ROLE_HEADS)[0],
                *(t.text for t in toks[head + 1 : rest]),
            ]
        )
        state_at = {i: en.id for _, _, i, _, en in names if en.kind == "state"}
        out: list[Entity] = []
        k = colon
        while k < len(toks):
            person = self._person_at(text, toks, k, set(), after_title=True)
            place = PLACE_IN_BRACKETS.match(text, toks[person - 1].end) if person else None
            if not person or not place:
                break
            s, e = toks[k].start, toks[person - 1].end
            out.append(
                Entity(
                    s,
                    e,
                    text[s:e],
                    "OFFICIAL",
                    role=role,
                    affiliation=state_at.get(person),
                    name=_nominative(text[s:e], "nomn"),
                    source="title-pattern",
                )
            )
            k = person
            while k < len(toks) and toks[k].start < place.end():
                k += 1
            if k < len(toks) and toks[k].lower in ("та", "і", "й"):
                k += 1
        return out if len(out) >= 2 else []

    def _decree_list(self, text: str, clause: Clause, names) -> list[Entity]:
        """The lines of a decree's or order's list of members: "ПРІЗВИЩЕ Ім'я По
        батькові - посада" (surname in capitals, then the first name and
        patronymic, a dash and the post as written). The affiliation is the last state
        the post names ("… Міністерства юстиції України"), but not one named as where the post
        sits or what it deals with ("Посол України в Республіці Корея", "Урядовий уповноважений
        з питань співробітництва з ОЕСР")."""
        out = []
        lines = [*DECREE_LINE.finditer(text, clause.start, clause.end)]
        lines += DECREE_LINE_GIVEN_FIRST.finditer(text, clause.start, clause.end)
        lines += DECREE_LINE_NAME_CASE.finditer(text, clause.start, clause.end)
        listed = [
            m
            for m in DECREE_LINE_LISTED.finditer(text, clause.start, clause.end)
            if lemmas(m.group("role").split()[0].lower()) & ROLE_HEADS
        ]
        for m in lines + listed:
            first = m.group("first")
            known = m.re is DECREE_LINE_LISTED or "Name" in grammemes(_APOS.sub("'", first.lower()))
            if not m.groupdict().get("patr") and not known:
                continue  # with no patronymic, the dictionary must know the first name or a title must follow
            role_start, role_end = m.span("role")
            ids = [
                en.id
                for s, e, _, _, en in names
                if role_start <= s and e <= role_end and _word_before(text, role_start, s) not in NOT_THE_HOLDERS
            ]
            out.append(
                Entity(
                    m.start("name"),
                    m.end("name"),
                    m.group("name"),
                    "OFFICIAL",
                    role=m.group("role"),
                    affiliation=ids[-1] if ids else None,
                    name=_nominative(m.group("name")),
                    source="decree-list",
                )
            )
        return out

    def _signatory(self, text: str, toks: list[Token], names) -> list[Entity]:
        """A signature block that names the signatory before the post, as the Rada portal
        prints it ("За Україну" / "Арсен Аваков" / "Міністр внутрішніх" / "справ України" /
        "(підпис)"): the name is the line under the header, the post the lines below it, as
        one phrase; the affiliation is the party after "За"."""
        signs_for = self._signature_party(text, toks, names)
        lines = [k for k in range(1, len(toks)) if "\n" in text[toks[k - 1].end : toks[k].start]]
        if not signs_for or not lines:
            return []
        k = lines[0]
        inside = _name_tokens(names)
        line_end = lines[1] if len(lines) > 1 else len(toks)
        person = self._person_at(text, toks, k, inside, after_title=True)
        person = min(person, line_end) if person else None  # the name is its line, no more
        if person != line_end or person - k < 2 or any(lemmas(t.lower) & ROLE_HEADS for t in toks[k:person]):
            return []
        post = [t for t in toks[person:] if t.lower != "підпис"]
        # the post as written, its line breaks closed up ("Міністр внутрішніх\n\nсправ України")
        role = " ".join(text[post[0].start : post[-1].end].split()) if post else None
        return [_official(text, toks, k, person, role, signs_for, "nomn")]

    def _signature_columns(self, text: str, clause: Clause) -> Optional[list[Entity]]:
        """Signatures side by side ("За Кабінет Міністрів України      За Європейський
        інвестиційний банк" / "Юлія ГАВРИШ      Клаудія ЛОРЕНЦІНІ" / "Прем'єр-міністр України
        Віцепрезидентка"): each column's name pairs with the party its header names and the
        title under it. None where the block is not in columns; no official where the
        columns do not pair one to one."""
        lines = [
            (clause.start + m.start(), clause.start + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clause.text)
        ]
        rows = [columns_of(text, a, b) for a, b in lines]
        if not rows or len(rows[0]) < 2 or not all(SIGNATURE_HEADER.match(text[a:b]) for a, b in rows[0]):
            return None
        width = len(rows[0])
        parties = []
        for a, b in rows[0]:
            toks = tokens_of(text, a, b)
            found = [en.id for _, _, _, _, en in self.gazetteer.find(text, toks)] + [
                e.id for e in municipal_bodies(text, toks)
            ]
            parties.append(found[0] if found else None)
        for k, row in enumerate(rows[1:], start=1):
            if len(row) != width:
                continue
            people = []
            for a, b in row:
                rule = SIGNING_RULE.match(text, a, b)
                a += len(rule.group()) if rule else 0  # "_______ В. ЛУК'ЯНЕНКО": the name only
                toks = tokens_of(text, a, b)
                end = self._person_at(text, toks, 0, set(), after_title=True) if toks else None
                if end != len(toks) or end < 2:
                    break
                people.append((a, b))
            if len(people) != width:
                continue
            under = rows[k + 1] if k + 1 < len(rows) and len(rows[k + 1]) == width else [None] * width
            return [
                Entity(
                    a,
                    b,
                    text[a:b],
                    "OFFICIAL",
                    role=text[r[0] : r[1]] if r else None,
                    affiliation=party,
                    name=_nominative(text[a:b], "nomn"),
                    source="signature",
                )
                for (a, b), party, r in zip(people, parties, under)
            ]
        return []

    @staticmethod
    def _signature_party(text: str, toks: list[Token], names) -> Optional[str]:
        """ "За Італію: Прем’єр-міністр Джорджа Мелоні": the state after "За" / "Від імені" (its
        name's first word, "За Уряд Республіки Польща", not the head noun it was found by)."""
        first_name_token = next((k for k, t in enumerate(toks) if t.start == names[0][0]), None) if names else None
        if not toks or toks[0].text not in ("За", "Від") or first_name_token is None:
            return None
        # "За X", "Від імені X", "За Кабінет Міністрів України": the name after the header's
        # first words, all capitalised but "імені" (not "За підсумками змагань … Туреччини")
        lead = toks[1:first_name_token]
        if len(lead) > 3 or any(not t.capitalised and t.lower != "імені" for t in lead):
            return None
        return names[0][4].id if "\n" not in text[toks[0].end : names[0][0]] else None

    @staticmethod
    def _person_at(text: str, toks: list[Token], k: int, inside: set[int], after_title: bool = False) -> Optional[int]:
        """End (exclusive token index) of a person name starting at token ``k``: a
        token the dictionary tags as a name (or does not know: foreign names), then
        capitalised tokens — any after a first name ("Піро Венгу"), else surnames or
        unknown words. Right after a title any two capitalised tokens are taken (the
        dictionary lacks many first names). Initials count as name tokens before a
        surname ("П. Порошенко") or after it ("Мельником О.В."). A quoted name
        («Слуга Народу») is a party or a brand, not a person."""
        if k >= len(toks) or (toks[k].start > 0 and text[toks[k].start - 1] in QUOTES):
            return None
        if not _CYRILLIC.match(toks[k].text):
            # Latin capitals followed by a Cyrillic name are the name of the person's
            # organisation ("директор Freedom Foundation Петро Гайовий")
            r = k
            while r < len(toks) and not _CYRILLIC.match(toks[r].text) and toks[r].capitalised:
                r += 1
            if r < len(toks) and toks[r].capitalised and _adjacent(text, toks[r - 1 : r + 1]):
                return None
            if after_title and k > 0 and _before_a_latin_name(toks[k - 1]):
                return None  # "директор компанії Horizon Capital", "директорка львівського Book Forum"
            if any(t.lower in LATIN_BODY_WORDS for t in toks[k:r]):
                return None  # "директором Horizon Capital": a firm's name, not a person's
        if title_lemmas(toks[k].lower) & ROLE_HEADS or body_word_before_its_name(toks, k):
            return None  # "начальника Генштабу — Головнокомандувача …", "Президента України, Кабінету Міністрів"
        lead = k
        while lead < len(toks) and _is_initial(text, toks[lead]) and lead - k < 2:
            lead += 1
        if lead > k:  # "П. Порошенко", "О. В. Мельник": initials, then one surname
            if lead < len(toks) and toks[lead].capitalised and not _is_initial(text, toks[lead]):
                if lead not in inside and _name_like(toks[lead].lower) or after_title:
                    return lead + 1
            return None
        j, particles = k, 0
        while (
            j < len(toks) and j - k - particles < MAX_NAME_TOKENS and (j == k or _adjacent(text, toks[j - 1 : j + 1]))
        ):
            run = j
            while run < len(toks) and toks[run].lower in NAME_PARTICLES:
                run += 1
            if j > k and run > j and run < len(toks) and toks[run].capitalised and _adjacent(text, toks[j : run + 1]):
                j, particles = run, particles + run - j  # "бін", "ді", "ван дер" inside a foreign name
                continue
            if not (
                (toks[j].capitalised or j > k and ARTICLE_NAME.match(toks[j].text))
                and j not in inside
                and not _is_initial(text, toks[j])
                and (not toks[j].all_caps or j == k and _caps_surname(toks, j) or _caps_after_first_name(toks, k, j))
            ):
                break
            if j >= k + 2 and _another_persons_first_name(toks[k], toks[j]):
                break  # "заступника генпрокурора Олексія Баганця | Віталій": the son, in his own case
            j += 1
        while j > k and toks[j - 1].lower in NAME_PARTICLES:
            j -= 1
        if j == k or not (after_title or _name_like(toks[k].lower)):
            return None
        after_first_name = after_title or "Name" in grammemes(toks[k].lower)
        while j > k + 1 and not (after_first_name or all(_name_like(t.lower) for t in toks[k + 1 : j])):
            j -= 1
        trail = j
        while trail < len(toks) and trail - j < 2 and _is_initial(text, toks[trail]):
            trail += 1
        if trail > j:  # "Мельником О.В."
            return trail
        if j == k + 1 and (_adjective_of_a_name(text, toks, k) or _family_name(toks[k])):
            return None  # "голова | Коломийської районної ради": a body's name, not a surname
        if j == k + 1 and after_title and city_named(toks[k]):
            return None  # "партія мера | Львова «Самопоміч»": the title's city, not the surname Львов
        if j - k >= 2 or grammemes(toks[k].lower) & PERSON_GRAMMEMES:
            return j
        return None

    # coreference ---------------------------------------------------------------
    @staticmethod
    def _coreferent_officials(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
        """A later mention of an official named in full: the surname alone ("– сказав
        Маседончі"), with the first name ("Ігор Терехов подякував") or with initials
        ("П. Порошенка"). ``name`` is the full name the text gave (guide notes: the
        nominative full name where the text gives it anywhere)."""
        officials = [e for e in found if e.label == "OFFICIAL"]
        if not officials:
            return []
        by_surname: dict[str, Entity] = {}
        by_form: dict[str, Entity] = {}  # surnames matched as written, not by lemma
        for off in officials:
            words = [t for t in tokens_of(off.text) if not _is_initial(off.text, t)]
            if not words:
                continue
            # "МЕЛЬНИК Олена Володимирівна", "Петрука Олександра Степановича": the surname first
            surname_first = words[0].all_caps or (len(words) == 3 and "Patr" in grammemes(words[-1].lower))
            surname = words[0] if surname_first else words[-1]
            # a foreign surname the dictionary reads as a rare common word ("Гальбах" as the
            # locative plural of "гальба") is still a surname after a first name
            given_first = len(words) > 1 and not surname_first and _name_like(words[0].lower)
            if not _name_like(surname.lower) and not (given_first and _foreign_surname(surname)):
                # "Учасники" is no surname to look for; "Ткачишин" after a first name is one,
                # though the dictionary reads it as a possessive adjective: its noun forms only
                # (from the name's nominative where the surname stands first: "Кравчишина Тараса …")
                if len(words) > 1:  # a lone word in capitals has no first name to look at
                    given = words[1] if surname_first else words[0]
                    stem = (off.name or "").split()[0].lower() if surname_first and off.name else surname.lower
                    if "ADJF" in grammemes(surname.lower) and "Name" in grammemes(given.lower):
                        by_form.update({stem + ending: off for ending in SURNAME_ENDINGS})
                continue
            for form in lemmas(surname.lower):
                known = by_surname.get(form)
                if known is None or len((off.name or "").split()) > len((known.name or "").split()):
                    by_surname[form] = off
        taken = _taken_spans(found)
        out = []
        for clause in clauses:
            toks = tokens_of(text, clause.start, clause.end)
            for n, tok in enumerate(toks):
                if not tok.capitalised or taken.overlaps(tok.start, tok.end):
                    continue
                match = by_form.get(tok.lower) or next(
                    (by_surname[l] for l in sorted(lemmas(tok.lower)) if l in by_surname), None
                )
                if match is None:
                    continue
                s = tok.start
                prev = toks[n - 1] if n > 0 else None
                if prev is not None and not taken.overlaps(prev.start, prev.end):
                    k = n
                    while (
                        k > 0
                        and _is_initial(text, toks[k - 1])
                        and text[toks[k - 1].end : toks[k].start].strip() == "."
                    ):
                        k -= 1  # "П. Порошенка", "Б. О. Семенюк"
                    if k < n and not _initials_agree(toks[k].text, match):
                        continue  # "університету імені Т. Шевченка" is not the official Андрій Шевченко
                    if k < n:
                        s = toks[k].start
                    else:
                        s = _inflected_given_names_start(text, toks, n, match)  # "Ігор Терехов", "Мехмета Алі Йилдиза"
                        if s == tok.start and _another_given_name(text, toks, n, match):
                            continue  # "Наталія Ковальчук" is not the official Петро Ковальчук
                        if s == tok.start and _another_given_name_after(text, toks, n, match):
                            continue  # "Непийвода Зінаїда Олексіївна" is not the official Анатолій Непийвода
                end = _initials_end(text, toks, n) if s == tok.start else tok.end  # "Петрука О.С."
                if s == tok.start and end == tok.end:
                    end = _own_given_names_end(text, toks, n, match)  # "Непийвода Анатолій Іванович"
                out.append(
                    Entity(
                        s,
                        end,
                        text[s:end],
                        "OFFICIAL",
                        role=match.role,
                        affiliation=match.affiliation,
                        name=match.name or tok.text,
                        source="coreference",
                    )
                )
        return out


def _another_given_name(text: str, toks: list[Token], n: int, official: Entity) -> bool:
    """Does a capitalised first name stand right before the surname at ``n``, one that
    is not the official's (the official's own was matched before this is asked; an official
    named by initials keeps a first name with the same initial: "Кравець А.П.", "Андрій Кравець")?"""
    prev = toks[n - 1] if n > 0 else None
    if prev is None or not prev.capitalised or not _adjacent(text, [prev, toks[n]]):
        return False
    initials = set(re.findall(r"(\w)\.", official.name or official.text))
    own = set((official.name or official.text).split())
    # a patronymic not the official's ("дідусь Федір Васильович Шевченко") names another person too
    return bool({"Name", "Patr"} & grammemes(prev.lower)) and prev.text[0] not in initials and prev.text not in own


def _is_patronymic(tok: Token) -> bool:
    """A patronymic by the dictionary, or a first name's stem with a patronymic's ending
    ("Володимирович", which the dictionary files as a plain noun; not the surname "Бутович")."""
    if "Patr" in grammemes(tok.lower):
        return True
    m = PATRONYMIC_SUFFIX.search(tok.lower)
    if m is None or "Name" in grammemes(tok.lower):
        return False
    stem = tok.lower[: m.start()]
    return any("Name" in grammemes(stem + end) for end in ("", "й", "о", "а"))


def _taken_spans(found: list[Entity]) -> SpanSet:
    """The spans of the entities found so far, for a later mention not to overlap them."""
    taken = SpanSet()
    for ent in found:
        if not taken.overlaps(ent.start, ent.end):
            taken.add(ent.start, ent.end)
    return taken


def _by_first_name_and_patronymic(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "– відзначив Микола Вікторович": a first name and a patronymic, without a surname, name the
    one official of the document with that first name (and that patronymic, where the official's
    name has one), as Ukrainian writes of a known person with respect."""
    by_first = _officials_by_first_name(found)
    taken = _taken_spans(found)
    out = []
    for clause in clauses:
        toks = tokens_of(text, clause.start, clause.end)
        for n in range(len(toks) - 1):
            first, patronymic = toks[n], toks[n + 1]
            if not (first.capitalised and patronymic.capitalised and _adjacent(text, [first, patronymic])):
                continue
            if taken.overlaps(first.start, patronymic.end) or not _is_patronymic(patronymic):
                continue
            if n + 2 < len(toks) and toks[n + 2].capitalised and _adjacent(text, toks[n + 1 : n + 3]):
                continue  # a full name follows: its own mention
            matches = [o for lemma in sorted(lemmas(first.lower)) for o in by_first.get(lemma, [])]
            if len(matches) != 1:
                continue
            official = matches[0]
            own = (official.name or "").split()[1:-1]
            if own and not _same_name(patronymic.lower, own[0].lower()):
                continue  # the official's patronymic is another
            out.append(_later_mention(text, first.start, patronymic.end, official))
    return out


def _later_mention(text: str, start: int, end: int, official: Entity) -> Entity:
    """A later mention of ``official`` at ``start``–``end``: his role, side and full name."""
    return Entity(
        start,
        end,
        text[start:end],
        "OFFICIAL",
        role=official.role,
        affiliation=official.affiliation,
        name=official.name,
        source="coreference",
    )


def _officials_by_first_name(found: list[Entity]) -> dict[str, list[Entity]]:
    """The officials found, by the lower-cased first word of their full name (one entry per
    name)."""
    by_first: dict[str, list[Entity]] = {}
    for off in found:
        if off.label == "OFFICIAL" and off.name and len(words := off.name.split()) >= 2 and not words[0].isupper():
            by_first.setdefault(words[0].lower(), [])
            if all(o.name != off.name for o in by_first[words[0].lower()]):
                by_first[words[0].lower()].append(off)
    return by_first


def _by_first_name_alone(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "Андрій першим із жителів країн СНД переміг у конкурсі": a life story names its official
    by first name alone (NOTES: such a mention is the official's). Only a word the dictionary
    reads as nothing but a first name ("Роман", "Надія", "Любов" are also common nouns), of
    the one official with that first name, where no other person in the text bears it
    ("Андрій Новак") and the word starts no full name."""
    by_first = _officials_by_first_name(found)
    if not by_first:
        return []
    all_toks = [tok for clause in clauses for tok in tokens_of(text, clause.start, clause.end)]
    others: set[str] = set()  # first names another full name in the text also bears
    for tok, nxt in zip(all_toks, all_toks[1:]):
        if not (tok.capitalised and nxt.capitalised and _adjacent(text, [tok, nxt])):
            continue
        for lemma in lemmas(tok.lower) & by_first.keys():
            surname = (by_first[lemma][0].name or "").split()[-1].lower()
            if not _same_name(nxt.lower, surname) and not _is_patronymic(nxt):
                others.add(lemma)
    taken = _taken_spans(found)
    out = []
    for k, tok in enumerate(all_toks):
        tags = _tags(tok.lower)
        if not tok.capitalised or not tags or not all("Name" in t.grammemes for t in tags):
            continue
        matches = [o for lemma in sorted(lemmas(tok.lower)) for o in by_first.get(lemma, []) if lemma not in others]
        if len(matches) != 1 or taken.overlaps(tok.start, tok.end):
            continue
        before = all_toks[k - 1] if k else None
        after = all_toks[k + 1] if k + 1 < len(all_toks) else None
        if (before is not None and before.capitalised and _adjacent(text, [before, tok])) or (
            after is not None and after.capitalised and _adjacent(text, [tok, after])
        ):
            continue  # part of a full name, the official's or another's: its own mention
        out.append(_later_mention(text, tok.start, tok.end, matches[0]))
    return out


def _untitled_officeholders(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "Граючи на комплексах росіян, Путін будує імперію …" with "російського президента"
    written elsewhere: a well-known officeholder (data/officeholders.json) named without a
    title is an official where the text writes his office for him: a title of that office with
    his state beside it ("російського президента", "президент Росії"; for Ukraine's own offices
    the title alone, "Президента") and no other person's name after it. Every mention by full
    name or surname then counts (NOTES: a person is an official where an office is written for
    him in the text); none where another person of that surname is named."""
    from .officeholders import ukrainian_names

    toks = [tok for clause in clauses for tok in tokens_of(text, clause.start, clause.end)]
    taken = _taken_spans(found)
    out: list[Entity] = []
    # a surname's forms share its first letters ("Путін", "Путіна", "Путіним"): each capitalised
    # word is tried only on the officeholders whose surnames begin as it does
    people = ukrainian_names()
    by_start: dict[str, list[int]] = {}
    for n, (_, surname, _) in enumerate(people):
        by_start.setdefault(surname.lower()[:SURNAME_KEY], []).append(n)
    mentions_of: dict[int, list[int]] = {}
    for k, tok in enumerate(toks):
        for n in by_start.get(tok.lower[:SURNAME_KEY], ()) if tok.capitalised else ():
            if _same_name(tok.lower, people[n][1].lower()):
                mentions_of.setdefault(n, []).append(k)
    named = [(*people[n], mentions) for n, mentions in sorted(mentions_of.items())]
    for first, surname, offices, mentions in named:
        if any(other is not offices and set(other.items()) & set(offices.items()) for _, _, other, _ in named):
            continue  # two presidents of Ukraine named: "президент України" says not which
        firsts = [
            toks[k - 1] for k in mentions if k and toks[k - 1].capitalised and _adjacent(text, toks[k - 1 : k + 1])
        ]
        if any("Name" in grammemes(t.lower) and not _same_name(t.lower, first.lower()) for t in firsts):
            continue  # "Олексій Порошенко": another person of that surname
        written = _office_written_for(text, toks, offices, surname, found)
        if written is None:
            continue
        title, party = written
        name = f"{first} {surname}" if any(_same_name(t.lower, first.lower()) for t in firsts) else surname
        for k in mentions:
            with_first = k and toks[k - 1] in firsts and _same_name(toks[k - 1].lower, first.lower())
            start, end = (toks[k - 1].start if with_first else toks[k].start), toks[k].end
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            out.append(
                Entity(
                    start,
                    end,
                    text[start:end],
                    "OFFICIAL",
                    role=title,
                    affiliation=party,
                    name=name,
                    source="officeholder",
                )
            )
    return out


SURNAME_KEY = 3
# how far after a title the name it introduces begins ("президент Франції Емманюель Макрон")
TITLE_NAME_REACH = 40


def _office_written_for(
    text: str, toks: list[Token], offices: dict[str, str], surname: str, found: list[Entity]
) -> Optional[tuple[str, str]]:
    """(the title as written, the party) of one of ``offices`` that the text writes with its
    state beside it and with no other official's name after it, or None."""
    from .officeholders import title_stems

    officials = [e for e in found if e.label == "OFFICIAL"]
    places = [e for e in found if e.label != "OFFICIAL" and e.id]
    for office, party in offices.items():
        stems = title_stems(office)
        for k, tok in enumerate(toks):
            if not stems or not tok.lower.startswith(stems):
                continue
            after = next((o for o in officials if 0 <= o.start - tok.end <= TITLE_NAME_REACH), None)
            if after is not None and not _same_name((after.name or after.text).split()[-1].lower(), surname.lower()):
                continue  # "президент Франції Емманюель Макрон": another person's title
            adjective = demonym_id(toks[k - 1]) if k else None
            state = next((e for e in places if 0 <= e.start - tok.end <= 2), None)
            if adjective == party:
                return text[toks[k - 1].start : tok.end], party
            if state is not None and state.id == party:
                return text[tok.start : state.end], party
            if party == "UKR" and adjective is None and state is None:
                return tok.text, party  # Ukraine's own office, its state unsaid
    return None


def _initials_agree(initial: str, official: Entity) -> bool:
    """Can a mention's first initial be the official's: a letter that begins one of the words of
    the official's name ("П. Порошенка" for Петро Порошенко, not "Т. Шевченка" for Андрій
    Шевченко)?"""
    return initial[:1] in {word[:1] for word in (official.name or official.text).split()}


def _another_given_name_after(text: str, toks: list[Token], n: int, official: Entity) -> bool:
    """Does a first name that is none of the official's follow the surname at ``n`` (a list's
    surname-first order: "Непийвода Зінаїда Олексіївна")?"""
    nxt = toks[n + 1] if n + 1 < len(toks) else None
    if nxt is None or not nxt.capitalised or not _adjacent(text, [toks[n], nxt]) or nxt.all_caps:
        return False
    own = [w.lower() for w in (official.name or official.text).split()]
    cases = name_cases(nxt.lower)
    # "пана Кащука | Максим Карпін": a first name in another case begins the next person
    return bool(cases & _cases(toks[n])) and not any(_same_name(nxt.lower, w) for w in own)


def _own_given_names_end(text: str, toks: list[Token], n: int, official: Entity) -> int:
    """Where a surname-first mention of ``official`` ends: over the first name and patronymic
    after the surname at ``n`` that are the official's own."""
    own = [w.lower() for w in (official.name or official.text).split()]
    end, k = toks[n].end, n + 1
    while k < len(toks) and k - n <= 2 and toks[k].capitalised and _adjacent(text, toks[k - 1 : k + 1]):
        if not any(_same_name(toks[k].lower, w) for w in own):
            break
        end, k = toks[k].end, k + 1
    return end


def _initials_end(text: str, toks: list[Token], n: int) -> int:
    """Where a surname's initials after it end ("Петрука О.С.", "Гордієнка М. І."), or the
    surname's own end where none follow."""
    end, k = toks[n].end, n + 1
    while k < len(toks) and _is_initial(text, toks[k]) and text[toks[k - 1].end : toks[k].start].strip() in ("", "."):
        if k == n + 1 and text[toks[n].end : toks[k].start].strip():
            break  # "Петрука. О." : a sentence ends after the surname
        end, k = toks[k].end + 1, k + 1
    return end


# an acronym in brackets that ends a title, or the mark of a signature under it ("(підпис)")
def _portfolio_comma(text: str, toks: list[Token], k: int) -> bool:
    """A comma inside a title's list of portfolios ("віцеміністр землі, інфраструктури і
    транспорту"): a lower-case genitive after it, the title's last word before it one too."""
    return (
        text[toks[k - 1].end : toks[k].start] == ", "
        and not toks[k].capitalised
        and toks[k].lower not in ROLE_STOP
        and "gent" in grammemes(toks[k].lower)
        and "gent" in grammemes(toks[k - 1].lower)
    )


# a masculine surname's forms as a noun: "Ткачишин", "Ткачишина", "Ткачишину", "Ткачишиним"…
SURNAME_ENDINGS = ("", "а", "у", "ові", "ом", "им", "і")
NAMESAKE_WORDS = 2  # "імені Ореста Левицького", "імені Б. І. Петренка" (initials not counted)


def _after_namesake(text: str, toks: list[Token], k: int) -> int:
    """The token after the person an institution is named after, from ``k`` (after "імені")."""
    words, initials = 0, 0
    while k < len(toks) and toks[k].capitalised and words < (1 if initials else NAMESAKE_WORDS):
        if _is_initial(text, toks[k]):
            initials += 1  # "Б. І. Петренка": the initials, then the one surname
        else:
            words += 1
        k += 1
    return k


# "(MSB)", "(підпис)", or a unit's own part of the body ("(Центрального апарату)")
BRACKETED_ACRONYM = re.compile(
    r"\s*\(\s*(?:[A-ZА-ЯЄІЇҐ][A-ZА-ЯЄІЇҐ0-9&-]{1,9}|підпис|[А-ЯЄІЇҐ][а-яєіїґ'’ʼ]+(?:\s[а-яєіїґ'’ʼ]+){1,3})\s*\)\s+"
)


def _after_quoted_company(text: str, toks: list[Token], k: int) -> int:
    """The token after a company's quoted name that ends a title ("голова правління «Укренерго»
    Олексій Бережний"), where a capitalised name follows it on the same line; ``k`` otherwise."""
    if k >= len(toks) or toks[k].start == 0 or text[toks[k].start - 1] != "«":
        return k
    close = text.find("»", toks[k].start, toks[k].start + 60)
    if close < 0 or "\n" in text[toks[k].start : close]:
        return k
    n = k
    while n < len(toks) and toks[n].start < close:
        n += 1
    return n if n < len(toks) and toks[n].capitalised and "\n" not in text[close : toks[n].start] else k


def _after_bracketed_acronym(text: str, toks: list[Token], k: int) -> int:
    """The token after an institution's acronym in brackets that ends a title, where the
    name follows it ("Генеральною директоркою Шведського агентства … (MSB) Шарлоттою
    Гедберг"); ``k`` itself where none does."""
    if k == 0 or k >= len(toks):
        return k
    m = BRACKETED_ACRONYM.match(text, toks[k - 1].end)
    if m is None:
        return k
    while k < len(toks) and toks[k].start < m.end():
        k += 1
    return k


def _inflected_given_names_start(text: str, toks: list[Token], n: int, official: Entity) -> int:
    """Where a later mention of ``official`` starts that ends in the surname ``toks[n]``: back
    over the given names and particles the full name has before its surname, in any case
    ("Мехмета Алі Йилдиза", "Халідом бін Саїдом Аль-Мансурі" of "Халід бін Саїд Аль-Мансурі")."""
    words = (official.name or "").split()
    if not words or words[0].isupper():
        return toks[n].start  # "МЕЛЬНИК Олена Володимирівна": the surname comes first
    given = [w.lower() for w in words[:-1] if not INITIAL_WORD.match(w)]
    s, m = toks[n].start, n - 1
    if (
        given
        and m > 0
        and "Patr" in grammemes(toks[m].lower)
        and text[toks[m - 1].end : toks[n].start].count(" ") == 2
        and _same_name(toks[m - 1].lower, given[-1])
    ):
        m -= 1  # "Олександр Дмитрович Засядько" of "Олександр Засядько": a patronymic the full name lacks
    while given and m >= 0 and text[toks[m].end : toks[m + 1].start] == " " and _same_name(toks[m].lower, given[-1]):
        s, m = toks[m].start, m - 1
        given.pop()
    return s


def _same_name(word: str, name: str) -> bool:
    """Is ``word`` the name ``name`` in some case ("Мігелем" of "Мігель", "Яна-Еріка" of "Ян-Ерік")?"""
    if word == name or name in lemmas(word):
        return True
    stem = name[:-1] if len(name) > 3 and name[-1] in "аяоеьй" else name
    return len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 3


def _nominative(name: str, case_hint: Optional[str] = None) -> str:
    from .names import nominative

    return nominative(name, case_hint)


def _local_head(toks: list[Token], k: int) -> bool:
    """Is ``toks[k]`` the title of a city's or a village's head ("міського голови", "мера",
    "сільського голови"), after which the place's name may come before the person's?"""
    if k < 0:
        return False
    head = lemmas(toks[k].lower)
    if "мер" in head:
        return True
    return (
        bool(head & {"голова", "староста"}) and k > 0 and toks[k - 1].lower.startswith(("міськ", "сільськ", "селищн"))
    )


def _person_like(text: str, s: int, e: int) -> bool:
    """Could an NER's PER span be a person's name: capitalised words, one of them a
    name in the dictionary or a word it does not know ("Учасників" is not)."""
    toks = tokens_of(text, s, e)
    before = tokens_of(text, max(0, s - 12), s)
    if before and lemmas(before[-1].lower) & PLACE_NOUNS:
        return False  # "в місті Монс", "у селі Стольне": a place the NER took for a person
    return bool(toks) and all(t.capitalised for t in toks) and any(_name_like(t.lower) for t in toks)


def _with_first_name(text: str, toks: list[Token], start: int) -> int:
    """Where an NER's person span starts once the first name it left out before it is taken in
    ("Кертіс | Скапаротті")."""
    k = next((i for i, t in enumerate(toks) if t.start == start), None)
    if not k:
        return start
    before = toks[k - 1]
    # "у Харкові Тетяна Гавриш": a place after "у" is none of the name
    located = k > 1 and toks[k - 2].lower in LOCATIVE_PREPOSITIONS and "loct" in grammemes(before.lower)
    if before.capitalised and not before.all_caps and not located and _adjacent(text, toks[k - 1 : k + 1]):
        return before.start if _name_like(before.lower) else start
    return start


PLACE_NOUNS = frozenset({"місто", "село", "селище", "смт", "містечко", "хутір", "вулиця", "проспект", "площа"})


def _is_initial(text: str, tok: Token) -> bool:
    """A one-letter capital followed by a full stop ("О." of "О.В.")."""
    return len(tok.text) == 1 and tok.capitalised and text[tok.end : tok.end + 1] == "."


def columns_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a line set side by side in columns, apart by the segmenter's column gap."""
    bounds = [start, *(x for gap in COLUMN_GAP.finditer(text, start, end) for x in gap.span()), end]
    pieces = []
    for a, b in zip(bounds[::2], bounds[1::2]):
        piece = text[a:b]
        if piece.strip():
            pieces.append((a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())))
    return pieces


def _joins_title(toks: list[Token], k: int) -> bool:
    """Does the joining word ``toks[k]`` go on with the title ("освіти | і | досліджень", "ЄБРР |
    з | питань …") rather than end it ("міністр економіки | та | Міністр …")?"""
    if k + 1 >= len(toks):
        return False
    if toks[k + 1].all_caps and toks[k].lower in TITLE_CONJUNCTIONS and k > 0 and not toks[k - 1].capitalised:
        # "міністр регіонального розвитку | та | ЖКГ Криму": an abbreviated remit after a remit
        return {"NOUN", "gent"} <= grammemes(toks[k - 1].lower)
    if toks[k + 1].capitalised:
        return False
    if toks[k].lower in ("з", "із"):
        return toks[k + 1].lower == "питань"
    if toks[k].lower not in TITLE_CONJUNCTIONS:
        return False
    if {"NOUN", "gent"} <= grammemes(toks[k + 1].lower):
        return True
    # "з питань європейської | та | євроатлантичної інтеграції": an adjective, then its noun
    return (
        k + 2 < len(toks)
        and {"ADJF", "gent"} <= grammemes(toks[k + 1].lower)
        and {"NOUN", "gent"} <= grammemes(toks[k + 2].lower)
    )


def _caps_after_first_name(toks: list[Token], k: int, j: int) -> bool:
    """A surname in capitals after the first names ("Дмитро КАРПЕНКО", "Ян Крістіан ВЕСТРЕ"), as
    signatures write it."""
    first = toks[k].lower
    known = "Name" in grammemes(first) or not morph_uk().word_is_known(first)  # "Вайдас РИМКУС"
    return j > k and not any(t.all_caps for t in toks[k:j]) and known


def _caps_surname(toks: list[Token], j: int) -> bool:
    """An all-capitals surname before a first name, as decrees write it ("МЕЛЬНИК Олена")."""
    return j + 1 < len(toks) and "Name" in grammemes(toks[j + 1].lower) and not toks[j + 1].all_caps


@lru_cache(maxsize=1)
def organisation_abbreviations() -> dict[str, str]:
    """Known organisations' abbreviations, Cyrillic and Latin ("МОМ", "EUACI") → id."""
    return {k: v for lang in ("uk", "en") for k, v in org_names(lang).items() if k.isupper() and " " not in k}


# the kinds of act whose citation brackets its issuer ("Регламент (ЄС) 2016/679", "Рішення Ради
# (ЄС) 2026/402")
ACT_NOUNS = frozenset({"рішення", "регламент", "директива", "постанова", "розпорядження", "висновок", "рекомендація"})


def _named_before_abbreviation(text: str, toks: list[Token], names) -> list[Entity]:
    """A known organisation's abbreviation in brackets names the words before it
    ("Антикорупційною Ініціативою Європейського Союзу (EUACI)"): one ORG with the
    abbreviation's id, whatever case and wording the text uses, and no party inside it."""
    out = []
    known = organisation_abbreviations()
    for k in range(1, len(toks)):
        m = ABBREVIATION.match(text, toks[k - 1].end)
        if not m or m.group("abbr") not in known:
            continue
        first = k - 1
        while first > 0 and k - first < MAX_ROLE_WORDS + 2 and _adjacent(text, toks[first - 1 : first + 1]):
            prev = toks[first - 1]
            if not prev.capitalised and (_only_verb(prev) or not grammemes(prev.lower) & (NAME_PARTS | {"PREP"})):
                break
            first -= 1
        while first < k - 1 and not toks[first].capitalised:
            first += 1  # the name opens with a capital ("з | Міжнародною організацією …")
        if any(first <= i and en.id == known[m.group("abbr")] for _, _, i, _, en in names if i < k):
            continue  # the table knows the name ("Міжнародної організації з міграції в Україні (МОМ)")
        if any(lemmas(t.lower) & ACT_NOUNS for t in toks[first:k]):
            continue  # "Рішення Ради (ЄС) 2026/402": an act's citation, whose bracket is its issuer's
        if k - 1 > first:
            s, e = toks[first].start, toks[k - 1].end
            out.append(Entity(s, e, text[s:e], "ORG", id=known[m.group("abbr")], source="defined-name"))
    return out


# a referee or judge of a sports event acts for the event, not for a party (NOTES.md, the lead's
# decision on the fishing cup order), though a court's judge is an official; so does a team-mate
# ("колега по команді"), and so does a sports federation's officer ("президент ФІФА")
SPORTS_EVENT = re.compile(
    r"(?<!\w)(?:змаган|турнір|чемпіонат|кубк|матч|спартакіад|по\s+команд|федераці\w+\s+футбол)\w*"
    r"|(?<!\w)(?-i:ФІФА|УЄФА|ФФУ)(?!\w)",
    re.IGNORECASE,
)


# kin named by the title of the person they are kin of ("син директора ЧАЕС Пилип …")
RELATIVES = frozenset(
    {"син", "дочка", "донька", "батько", "мати", "тесть", "теща", "свекор", "свекруха", "зять", "невістка"}
    | {"дружина", "чоловік", "брат", "сестра", "онук", "онука", "племінник", "племінниця", "вдова", "удова"}
)


def relative_of_holder(toks: list[Token], head: int, name: int) -> bool:
    """Is the person named at ``name`` after the title at ``head`` a relative of its holder ("син
    директора ЧАЕС Пилип …"), not the holder, who would stand in the title's genitive ("син посла
    … Андрія Братуня")? A first name the dictionary does not know says nothing either way."""
    if head == 0 or not lemmas(toks[head - 1].lower) & RELATIVES:
        return False
    cases = name_cases(toks[name].lower)
    return bool(cases) and "gent" not in cases


# a post in a trade union, a party, a creative union, a civic organisation, a club, a choir, a
# kolkhoz, a publishing house, a firm, a co-owners' association (ОСББ) or an amateur troupe, or
# of a parents' committee, a public council, a campaign, a festival or its jury ("голова
# профкому", "лідер Радикальної партії", "представник ГО …", "голова батьківського комітету",
# "координатор акції", "президент фестивалю", "голова обласної організації НСХУ"): not a state's
CIVIC_REMIT = re.compile(
    r"(?<!\w)(?:(?:[Оо]бл)?[Пп]роф(?:спілк|ком|рад)\w*|[Пп]арті[їяю]|[Сс]пілк[иаі]|асоціаці\w+|гурт(?:ка|ок)"
    r"|колгосп\w*|видавництв\w*|фірм[иіу]|хор(?:у|ом)?|акці[їя]|фестивал\w*|журі|[Кк]луб\w*|ОСББ|аматорськ\w*"
    r"|роботодавц\w*|економіст\w*"  # employers' federations, economists' committees
    r"|(?:батьківськ|громадськ|організаційн)\w+\s+(?:комітет|рад)\w*|ГО(?!\w)"
    r"|(?:обласн|міськ|районн|первинн)\w+\s+організаці\w+)"
)


def _civic_title(role: Optional[str]) -> bool:
    """A post in a civic body ("голова громадської організації", "директор благодійного
    фонду"): its holder is NGO staff, not an OFFICIAL (annotations/NOTES.md, U3). A decree
    that appoints such a person to a state commission makes them one (U4)."""
    words = [lemmas(t.lower) for t in tokens_of(role or "")]
    return any(a & CIVIC_KINDS and b & CIVIC_BODIES for a, b in zip(words, words[1:])) or bool(
        CIVIC_REMIT.search(role or "")
    )


def _proper_name(text: str, toks: list[Token], first: int, head: int, last: int) -> bool:
    """A body's own name, which Ukrainian writes with one capital: its head noun capitalised
    inside a sentence and words after it ("у Спілці українських підприємців", "з Фондом
    громади Житомира"). At a sentence's start the capital says nothing, and a bare head
    ("Комітет") is a treaty's defined term, not a name."""
    if first != head or last <= head + 1 or toks[head].all_caps or _sentence_initial(text, toks[head].start):
        return False
    # the name goes on in the genitive or with "з" ("Комісії з питань …"), where a defined
    # term goes on with its sentence ("Комітет бере …", "Секретаріат про продукцію")
    after = toks[head + 1].lower
    tags = grammemes(after)
    return after in ("з", "із", "зі") or ("gent" in tags and not tags & {"PREP", "CONJ", "PRCL", "VERB"})


def _place_in_name(text: str, toks: list[Token], k: int) -> bool:
    """A capitalised inanimate noun in the genitive that ends a body's name: its city or
    region ("Фонд громади Житомира", "Спілка підприємців Полтави")."""
    tags = grammemes(toks[k].lower)
    return (
        toks[k].capitalised
        and not toks[k].all_caps
        and {"NOUN", "gent", "inan"} <= tags
        and not tags & PERSON_GRAMMEMES
        and not lemmas(toks[k].lower) & (GOVERNMENT_BODIES | OTHER_BODIES | NAMED_BODIES)  # "… Міністерства"
        and _adjacent(text, toks[k - 1 : k + 1])
    )


def _office_word(tok: Token) -> bool:
    """A capitalised office inside an institution's name ("Офісу Президента України",
    "Ради Міністрів")."""
    return bool(lemmas(tok.lower) & (ROLE_HEADS | GOVERNMENT_BODIES | OTHER_BODIES)) and "gent" in grammemes(tok.lower)


def _only_verb(tok: Token) -> bool:
    tags = grammemes(tok.lower)
    return bool(tags & NOT_IN_A_NAME) and not tags & NAME_PARTS


def _abbreviated_body(tok: Token) -> bool:
    """An all-capitals abbreviation ("МОЗ") or a "Держ-" compound ("Держмолодьспорт"); not a
    word in capitals that the dictionary knows as an ordinary one ("ЗАКОН УКРАЇНИ")."""
    if tok.all_caps:
        return 2 <= len(tok.lower) <= 6 and not _ordinary_word(tok.lower)
    word = tok.lower
    return tok.capitalised and word.startswith("держ") and not word.startswith("держав") and len(word) > 6


def _caps_word(tok: Token) -> bool:
    """A word in capitals that is an ordinary word, not a name: "МОЛОДІ", "ТА", "СПОРТУ", and
    the one-letter "І" that ``all_caps`` cannot tell from a capital ("ОСВІТИ І НАУКИ")."""
    return tok.all_caps and _ordinary_word(tok.lower) or tok.text in ("ТА", "І", "Й")


@lru_cache(maxsize=1 << 14)
def _ordinary_word(word: str) -> bool:
    """Does the dictionary know ``word`` only as an ordinary word, never as an abbreviation or
    an indeclinable one ("закон", "указ"; not "моз", "мвс")?"""
    morph = morph_uk()
    return morph.word_is_known(word) and not any({"Abbr", "Fixd"} & set(p.tag.grammemes) for p in morph.parse(word))


# the kinds of body a Latin name written after them names ("компанії Dragon Capital")
LATIN_NAMED_KINDS = frozenset(
    {"компанія", "інвесткомпанія", "корпорація", "холдинг", "група", "банк", "фонд", "форум", "фестиваль"}
    | {"агенція", "агентство", "концерн", "мережа", "платформа", "проєкт", "проект", "програма", "клуб"}
    | {"студія", "видання", "журнал", "газета", "сайт", "портал", "телеканал", "радіо", "бренд", "фірма"}
)


# a class's teacher and a theatre's or an ensemble's artistic director: "керівник" that is no
# post of a state's
NOT_OFFICE_MODIFIERS = frozenset({"класний", "художній"})
CANDIDATE_WORDS = frozenset({"кандидат", "кандидатка", "претендент", "претендентка"})


def _not_an_office(toks: list[Token], head: int) -> bool:
    """Does the title word at ``head`` name no office held: "класного керівника", or the post a
    candidate runs for ("кандидата у столичні мери Гаріка …")?"""
    if head > 0 and lemmas(toks[head - 1].lower) & NOT_OFFICE_MODIFIERS:
        return True
    before = toks[max(0, head - 3) : head]
    return any(
        lemmas(t.lower) & CANDIDATE_WORDS and nxt.lower in ("у", "в", "на") for t, nxt in zip(before, before[1:])
    )


def _cases(tok: Token) -> set[str]:
    return {t.case for t in _tags(tok.lower) if t.case}


def body_word_before_its_name(toks: list[Token], k: int) -> bool:
    """Does a body's word ("Кабінету", "Ради") start the capitalised words at ``k``, as a body's
    name goes on ("Кабінету Міністрів", "Ради Української асоціації"), rather than a first name
    that reads as one ("Раду Ціпіріке", "Раду ПОПЕСКУ": a surname the dictionary lacks or in capitals)?"""
    if not lemmas(toks[k].lower) & (GOVERNMENT_BODIES | OTHER_BODIES | GOVERNMENT_AS_STATE):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not nxt.capitalised or not nxt.all_caps and morph_uk().word_is_known(nxt.lower)


def _another_persons_first_name(first: Token, tok: Token) -> bool:
    """Is ``tok`` a first name in no case that the name's first name ``first`` can be in?"""
    cases = name_cases(first.lower)
    own = name_cases(tok.lower)
    return bool(cases) and bool(own) and not cases & own


def _counterpart_only(role: Optional[str]) -> bool:
    """Does ``role`` name its holder only as someone's counterpart ("латвійський колега")?"""
    heads = [title_lemmas(t.lower) & ROLE_HEADS for t in tokens_of(role or "")]
    return any(h & COUNTERPARTS for h in heads) and not any(h - COUNTERPARTS for h in heads)


# words of a Latin-script body's name ("Dragon Capital", "Book Forum", "Raiffeisen Bank")
LATIN_BODY_WORDS = frozenset(
    {"capital", "group", "forum", "bank", "fund", "foundation", "holding", "holdings", "partners", "company"}
    | {"corporation", "inc", "ltd", "llc", "gmbh", "media", "studio", "agency", "investments", "management"}
    | {"consulting", "systems", "technologies", "energy", "international", "festival", "club", "tv", "news"}
    # hospitals, universities, schools, institutes, museums and theatres in the languages of
    # Ukraine's partners ("медичний директор Klinikum Bremen", "ректор Uniwersytet Rzeszowski")
    | {"klinikum", "clinic", "hospital", "krankenhaus", "szpital", "university", "universität", "universitet"}
    | {"uniwersytet", "université", "universidad", "università", "universiteit", "college", "school", "schule"}
    | {"institute", "institut", "instytut", "museum", "muzeum", "theatre", "theater", "teatr", "opera", "centre"}
    | {"center", "zentrum", "centrum", "stiftung", "verein", "fundacja", "ag", "sa", "spa", "sp"}
)


def _before_a_latin_name(tok: Token) -> bool:
    """Does a lower-case word before a Latin name make that name a body's: a kind of body, or an
    adjective, which needs the noun that follows ("львівського Book Forum")?"""
    if tok.capitalised:
        return False
    tags = _tags(tok.lower)
    return bool(lemmas(tok.lower) & LATIN_NAMED_KINDS) or bool(tags) and all(t.POS == "ADJF" for t in tags)


def _name_after_a_lower_case_title(toks: list[Token], k: int) -> bool:
    """Does a noun known only in the nominative start the name after a lower-case title word
    ("секретарка міністерства | Дойна Ротару": the first name is also a folk song's name)? A
    title goes on in the genitive; a capitalised word before keeps a place's name in the title
    ("Автономної Республіки Аджарія")."""
    if k == 0 or k + 1 >= len(toks) or toks[k].all_caps or not toks[k + 1].capitalised:
        return False
    before = toks[k - 1]
    if before.capitalised or "gent" not in grammemes(before.lower) or not morph_uk().word_is_known(toks[k].lower):
        return False  # "голови РДА | дружина | Коваль …": no title word before
    cases = {t.case for t in _tags(toks[k].lower) if t.POS == "NOUN"}
    return bool(cases) and cases <= {"nomn", "voct"}


def _institution_word(tok: Token) -> bool:
    """A capitalised word that continues a title rather than starting a name: an
    abbreviation ("ФРН") or a dictionary noun or adjective that is no name
    ("Держприкордонслужби", "Департаменту", "Державної")."""
    if tok.all_caps:
        return True
    word = tok.lower
    if lemmas(word) & set(city_prefixes()):  # "голови Хмельницької ОДА"
        return True
    if lemmas(word) & (GOVERNMENT_BODIES | OTHER_BODIES):  # "Голова Ради міністрів", not the name Рада
        return True
    if word.startswith("держ") and len(word) > 8:
        return True  # "Держреєстрслужби", "Держгеокадастру": a state agency's short name
    first, *rest = word.split("-")
    if rest and morph_uk().word_is_known(first) and not grammemes(first) & (PERSON_GRAMMEMES | {"anim"}):
        return True  # "Товариства побратимства Харків-Нюрнберг": places joined, not a double name
    return morph_uk().word_is_known(word) and not grammemes(word) & PERSON_GRAMMEMES


# the nouns of a foreign region or district that a capitalised adjective names ("Пардубицького
# краю", "Сплітсько-Далматинської жупанії", "Опольського воєводства")
REGION_NOUNS = frozenset({"край", "жупанія", "воєводство", "повіт", "округ", "регіон", "земля", "департамент"})
# a hromada, a village or a settlement named after the word ("голова громади Вишневе Іван …")
HROMADA_NOUNS = frozenset({"громада", "село", "селище"})
HROMADA_ABBREVIATIONS = frozenset({"ОТГ", "ТГ", "ТТГ"})


def _region_adjective(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and not toks[k + 1].capitalised and bool(lemmas(toks[k + 1].lower) & REGION_NOUNS)


def _place_named(toks: list[Token], k: int) -> bool:
    """Is ``toks[k]`` the name of the place a title heads, before a two-word name ("гетьман краю
    Височина Мартін Квапіл", "приматор Кошиць Ярослав Полачек", "голова повітової ради Тулчі
    Мірча Попеску"), not the first name itself?"""
    if k == 0 or k + 2 >= len(toks) or not (toks[k + 1].capitalised and toks[k + 2].capitalised):
        return False
    before, tags = toks[k - 1], grammemes(toks[k].lower)
    if before.text in HROMADA_ABBREVIATIONS or (  # "сільради ОТГ | Виноградове | Андрій …"
        not before.capitalised
        and bool(lemmas(before.lower) & (REGION_NOUNS | HROMADA_NOUNS) or FOREIGN_LOCAL_TITLE.match(before.lower))
    ):
        return "Name" not in tags  # a place's name may read as a surname ("Кошиць")
    # the town or county of a council or administration, which the dictionary reads as a thing
    # in the genitive; not an initial ("ради М.А.Харченко")
    return (
        not before.capitalised
        and bool(lemmas(before.lower) & OTHER_BODIES)
        and not toks[k].all_caps
        and len(toks[k].text) >= 3
        and {"NOUN", "inan", "gent"} <= tags
        and not tags & PERSON_GRAMMEMES
    )


# what stands between the items of a list: "Данії, Швеції й Норвегії"
LIST_SEPARATORS = frozenset({", ", ",", " і ", " й ", " та "})
LIST_DASH = re.compile(r"\s*[—–]\s*")


def _respective_sides(text: str, names, officials: list[Entity]) -> None:
    """ "прем'єр-міністри Данії, Швеції й Норвегії — Ларс …, Ерік … і Гуннар …": the states
    listed before a dash and as many officials listed after it act for them in order."""
    states = sorted((s, e, en.id) for s, e, _, _, en in names if en.kind == "state")
    listed = sorted(officials, key=lambda o: o.start)
    i = 0
    while i < len(states):
        run = [states[i]]
        while i + len(run) < len(states) and text[run[-1][1] : states[i + len(run)][0]] in LIST_SEPARATORS:
            run.append(states[i + len(run)])
        dash = LIST_DASH.match(text, run[-1][1]) if len(run) > 1 else None
        if dash:
            after = [o for o in listed if o.start >= dash.end()][: len(run)]
            if (
                len(after) == len(run)
                and after[0].start == dash.end()
                and all(text[a.end : b.start] in LIST_SEPARATORS for a, b in zip(after, after[1:]))
            ):
                for official, (_, _, sid) in zip(after, run):
                    official.affiliation, official.role = sid, after[0].role  # one title for the list
        i += len(run)


def _remit_before(text: str, toks: list[Token], i: int) -> bool:
    """Do "у справах" or "з питань" stand right before ``toks[i]`` (a post's remit)?"""
    return i > 1 and REMIT_BEFORE.search(text, toks[i - 2].start, toks[i].start) is not None


def _seat_after(toks: list[Token], k: int, name_at: dict) -> Optional[int]:
    """The end of where a post sits, after its owner in a title ("в Україні", "в Республіці
    Польща", "при ООН"), or None."""
    if k >= len(toks) or toks[k].lower not in SEAT_PREPOSITIONS:
        return None
    j = k + 1
    if j < len(toks) and lemmas(toks[j].lower) & STATE_FORM_HEADS and toks[j].capitalised:
        j += 1  # the state's long form, whose name alone the gazetteer holds
    return name_at[j][0] if j in name_at else None


def _named_list_end(text: str, toks: list[Token], k: int, name_at: dict) -> int:
    """The end of a list of names from ``k`` ("Білорусі, Молдови та України")."""
    end = k
    while end in name_at:
        end = name_at[end][0]
        if end in name_at and text[toks[end - 1].end : toks[end].start] == ", ":
            continue
        if end + 1 in name_at and toks[end].lower in ("та", "і", "й"):
            end += 1
    return end


def _agree_listed_names(officials: list[Entity]) -> list[Entity]:
    """Names listed in one clause ("колег з Косова Еюпа Маседончі та Хорватії Івана
    Анушича") share their case: a name whose own words the dictionary cannot read
    takes the case of a listed name it can (names.py, agreement)."""
    from .names import name_case, nominative

    cases = [name_case(o.text) for o in officials]
    known = [c for c in cases if c]
    if not known:
        return officials
    for off, case in zip(officials, cases):
        if case is None and off.name == _nominative(off.text):
            off.name = nominative(off.text, known[0])
    return officials


def _title_readings(word: str) -> list:
    """The dictionary's readings of ``word`` as a title's head (their tags)."""
    return [p.tag for p in morph_uk().parse(word) if _APOS.sub("'", p.normal_form) in ROLE_HEADS]


def title_case(word: str) -> Optional[str]:
    """The case of a title's head word, when its title readings agree on one."""
    cases = {tag.case for tag in _title_readings(word)}
    return cases.pop() if len(cases) == 1 else None


def _case_of(tok: Token) -> Optional[str]:
    return title_case(tok.lower)


@lru_cache(maxsize=1 << 16)
def _tags(word: str) -> tuple:
    """The dictionary's analyses of ``word`` (their tags), read once per word: the title and
    person checks below ask about the same few words of every clause."""
    return tuple(p.tag for p in morph_uk().parse(word))


def name_cases(word: str) -> set[str]:
    """The cases ``word`` can be in as a first name (none where it is no first name)."""
    return {t.case for t in _tags(word) if "Name" in t.grammemes}


def _clause_verb(tok: Token) -> bool:
    """Is ``tok`` a verb ("обрали", "обрано", "призначити"), not a genitive that reads as one too
    ("справ" in "закордонних справ")?"""
    tags = _tags(tok.lower)
    return any(t.POS in ("VERB", "INFN") for t in tags) and not any(t.case == "gent" for t in tags)


SETTLEMENT_ABBREVIATIONS = frozenset({"м", "с", "смт"})


def _settlement_abbreviation(text: str, toks: list[Token], n: int) -> bool:
    """Is token ``n`` "м." (місто), "с." (село) or "смт." before a capitalised place name?"""
    return (
        toks[n].lower in SETTLEMENT_ABBREVIATIONS
        and text[toks[n].end : toks[n].end + 1] == "."
        and n + 1 < len(toks)
        and toks[n + 1].capitalised
    )


def _family_name(tok: Token) -> bool:
    """Is ``tok`` a surname in the plural only ("палац Сенявських"): a family, not one person?"""
    tags = [t for t in _tags(tok.lower) if t.POS in ("NOUN", "ADJF")]
    return bool(tags) and all(t.number == "plur" for t in tags)


def _region_before_name(toks: list[Token], k: int) -> bool:
    """Is token ``k`` a place the dictionary knows only as a thing, in the genitive, before a
    first name ("Львівщини Андрій")?"""
    if k + 1 >= len(toks) or not toks[k + 1].capitalised or "Name" not in grammemes(toks[k + 1].lower):
        return False
    return (
        morph_uk().word_is_known(toks[k].lower)
        and all(t.POS == "NOUN" and "inan" in t.grammemes and t.case == "gent" for t in _tags(toks[k].lower))
        and not grammemes(toks[k].lower) & PERSON_GRAMMEMES
    )


def _adjective_of_a_name(text: str, toks: list[Token], k: int) -> bool:
    """Is token ``k`` an adjective that agrees with the lower-case word after it, as the first word
    of a body's name ("Коломийської районної ради", "Вараського міського центру"), or one before
    a body's abbreviation ("Білецької ОТГ")?"""
    if k + 1 >= len(toks) or not _adjacent(text, toks[k : k + 2]):
        return False
    if toks[k + 1].all_caps and 2 <= len(toks[k + 1].text) <= 6:
        return "ADJF" in grammemes(toks[k].lower)
    if toks[k + 1].capitalised:
        return False
    adjective = {(t.case, t.gender) for t in _tags(toks[k].lower) if t.POS == "ADJF"}
    following = {(t.case, t.gender) for t in _tags(toks[k + 1].lower) if t.POS in ("ADJF", "NOUN")}
    return bool(adjective & following)


CASE_ORDER = ("nomn", "gent", "accs", "datv", "ablt", "loct", "voct")


def _cannot_stand_in(name: str, case: str) -> bool:
    """Does a first name the dictionary knows put ``name`` in a case other than ``case``
    ("Степана Гаврилюка" is no instrumental)? A surname alone is no such evidence: a foreign
    one may not decline ("Генеральним інспектором … Русу І.Г.")."""
    from .names import has_known_first_name, readable_in

    return readable_in(name, case) is False and has_known_first_name(name)


def _possessor_title(toks: list[Token], i: int, end: int, name: str, case: str) -> Optional[tuple[int, str]]:
    """The title after the head at ``i`` (before ``end``) whose case a name agrees with, where it
    cannot stand in the head's ``case``: "радником | міністра юстиції | Олега Бережного"."""
    from .names import readable_in

    if not _cannot_stand_in(name, case):
        return None
    for n in range(end - 1, i, -1):
        if not title_lemmas(toks[n].lower) & ROLE_HEADS:
            continue
        # "міністра" reads as a genitive and as an accusative: either will do
        cases = {t.case for t in _title_readings(toks[n].lower) if t.case in CASE_ORDER} - {case}
        for later in sorted(cases, key=CASE_ORDER.index):
            if readable_in(name, later):
                return n, later
    return None


def _before_relative(toks: list[Token], start: int, verb: int) -> int:
    """The token where a title ends before ``verb``: before a relative pronoun that opens the
    verb's clause ("головою | якої обрали")."""
    end = verb
    while end > start and "NPRO" in grammemes(toks[end - 1].lower):
        end -= 1
    return end


# "Сергій Надал (Тернопіль), …": a place in brackets after a listed name, then a comma, "та" or the end
PLACE_IN_BRACKETS = re.compile(r"\s*\([А-ЯЄІЇҐ][\w'’ʼ -]{1,40}\)\s*(?:,|\s(?=та\s|і\s|й\s)|[.;]|$)")


def _only_plural_title(tok: Token) -> bool:
    readings = _title_readings(tok.lower.split("-")[0])  # "мерів-інноваторів"
    return bool(readings) and all(t.number == "plur" for t in readings) and not tok.all_caps


def plural_counterpart(tok: Token) -> bool:
    """Is ``tok`` "колеги", "колегами" … only in the plural: colleagues, not the holder of the same
    post on the other side?"""
    return bool(lemmas(tok.lower) & COUNTERPARTS) and _only_plural_title(tok)


def _plural_genitive_reading(tok: Token) -> bool:
    return any(t.number == "plur" and t.case == "gent" for t in _title_readings(tok.lower))


def _plural_genitive(tok: Token) -> bool:
    """Is a title word read only as a plural genitive ("суддів", "послів"): no title of a person?"""
    readings = _title_readings(tok.lower)
    return bool(readings) and all(t.number == "plur" and t.case in ("gent", "accs") for t in readings)


def _adjective_case(toks: list[Token], i: int) -> Optional[str]:
    """The case of the adjective before an indeclinable title ("зі своїм литовським | візаві")."""
    if i == 0 or "Fixd" not in grammemes(toks[i].lower):
        return None
    # singular readings only: the title names one person ("литовським" is no dative plural here)
    parses = morph_uk().parse(toks[i - 1].lower)
    cases = {p.tag.case for p in parses if p.tag.POS == "ADJF" and p.tag.number != "plur"}
    return cases.pop() if len(cases) == 1 else None


def _across_columns(text: str, toks: list[Token], k: int) -> bool:
    """Is token ``k`` the next column's title, past a column gap ("Віце-президентка      Голова
    Правління"), rather than the name a title line prints at its right ("Президент України
    В.ЗЕЛЕНСЬКИЙ")?"""
    gap = k > 0 and COLUMN_GAP.search(text, toks[k - 1].end, toks[k].start) is not None
    return gap and bool(title_lemmas(toks[k].lower) & ROLE_HEADS)


def _name_tokens(names) -> set[int]:
    """Indices of the tokens inside a state's or organisation's name."""
    return {k for _, _, i, j, _ in names for k in range(i, j)}


def _official(
    text: str,
    toks: list[Token],
    k: int,
    j: int,
    role: Optional[str],
    affiliation: Optional[str],
    case_hint: Optional[str] = None,
) -> Entity:
    s, e = toks[k].start, toks[j - 1].end
    if _is_initial(text, toks[j - 1]):
        e += 1  # the full stop of a trailing initial
    if role and role.rsplit(None, 1)[-1].lower() in HONORIFICS_UK:
        role = role.rsplit(None, 1)[0]  # "Президента Регіону Венето пана": "пана" is no part of the title
    return Entity(
        s,
        e,
        text[s:e],
        "OFFICIAL",
        role=role,
        affiliation=affiliation,
        name=_nominative(text[s:e], case_hint),
        source="title-pattern",
    )
