"""The words of Ukrainian titles and bodies, and the line forms that name officials.

Title heads ("міністр", "посол", "голова"), their modifiers, the bodies a title belongs to,
and the layouts decrees and orders list their people in ("ПЕТРЕНКО Ірина Олегівна —
заступник Міністра …").
"""

from __future__ import annotations

import re
from typing import Optional

from ..models import morph_uk
from .tokens import APOS, Token

# Bodies named after their members' title ("Кабінет Міністрів", "Рада міністрів"): no title there
BODY_OF_TITLES = frozenset({"кабінет", "рада"})
# The word before the person an institution is named after ("університет імені Тараса Шевченка")
NAMED_AFTER = "імені"


def named_after(text: str, tok) -> bool:
    """Is ``tok`` "імені" or its abbreviation "ім." ("університету ім. В. Г. Короленка")?"""
    return tok.lower == NAMED_AFTER or tok.lower == "ім" and text[tok.end : tok.end + 1] == "."


LOCATIVE_PREPOSITIONS = frozenset({"в", "у", "ві", "на"})
# a foreign city's or region's head: "мер", "бургомістр" (a Polish town's "бурмістр"), "примар", a Polish voivodeship's
# "маршалок" and "воєвода" and a gmina's "війт", a Spanish city's "алькальд", a Czech region's
# "гетьман" and city's "приматор", a Croatian or Slovak county's "жупан", a Romanian county's
# "префект", a German district's "ландрат" (a Ukrainian act writes "міський голова", "голова
# обласної ради")
FOREIGN_LOCAL_TITLE = re.compile(
    r"\bмер(?:а|у|ом|ові)?\b|бур(?:го)?містр|примар|маршал(?:ок|к)|воєвод|гетьман|жупан|префект|ландрат|приматор|війт|алькальд",
    re.IGNORECASE,
)
# a post's remit before a name: "у справах | Європейського суду …", "з питань | України"
REMIT_BEFORE = re.compile(r"(?<!\w)(?:у|в|з|із)\s+(?:справах|питань)\s+$", re.IGNORECASE)


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
# what a president heads besides a Polish city: the bodies institutions are named by
# (OTHER_BODIES), and unions, companies, universities, clubs
PRESIDED_BODY_NOUNS = OTHER_BODIES | frozenset(
    "спілка союз компанія корпорація концерн фундація університет товариство конгрес клуб асамблея організація "
    "республіка".split()
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
        "аташе",  # "аташе з питань культури Посольства …": a diplomat's rank, indeclinable
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
        "бургомістерка",
        "бурмістр",  # a Polish town's burmistrz
        "бурмістриня",
        "приматор",
        "приматорка",
        # members of the Verkhovna Rada and of local councils, organs of the state
        "депутат",
        "депутатка",
        "нардеп",
        "нардепка",
        # the heads of Romanian, Polish, French, Czech, Croatian and German cities, counties and regions
        "примар",
        "примарка",
        "воєвода",
        "війт",
        "алькальд",
        "алькальдеса",
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
MAX_NAME_TOKENS = 3  # not counting particles
# Lower-case words inside foreign names ("Халід бін Саїд Аль-Мансурі", "Жуан Паулу ді Соуза")
INITIAL_WORD = re.compile(r"^\w\.$")
# an Arabic surname with its article, written with a hyphen ("аль-Мазруї", "ель-Сісі", "ад-Дін")
ARTICLE_NAME = re.compile(r"^(?:аль|ель|ал|ад|ан|ар|ас|аш|ат|ет|ед|ез)-[А-ЯЄІЇҐ]")
NAME_PARTICLES = frozenset({"бін", "ібн", "ді", "да", "де", "дос", "ду", "ван", "фон", "дер", "ла", "ле", "ель", "аль"})


def title_readings(word: str) -> list:
    """The dictionary's readings of ``word`` as a title's head (their tags)."""
    return [p.tag for p in morph_uk().parse(word) if APOS.sub("'", p.normal_form) in ROLE_HEADS]


def title_case(word: str) -> Optional[str]:
    """The case of a title's head word, when its title readings agree on one."""
    cases = {tag.case for tag in title_readings(word)}
    return cases.pop() if len(cases) == 1 else None


def case_of(tok: Token) -> Optional[str]:
    return title_case(tok.lower)
