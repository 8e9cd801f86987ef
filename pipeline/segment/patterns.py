"""The layout's patterns: list markers, headings, signature blocks, preambular openings,
columns and the other regular expressions the segmenter reads a page with. The signature
reader and PDF ingest read the same page with some of them."""

from __future__ import annotations

import re

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
