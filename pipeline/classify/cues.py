"""Cue-lexicon clause classifier: the rule baseline, and the classifier for languages
the fine-tuned English model does not cover (Ukrainian, Spanish, French).

It applies the guide's decision order (§3): an undertaking of future action first,
then a limit on the instrument's effect, then framing content, else ``other``. Its
score is a fixed confidence per rule, not a probability; the output marks which
classifier labelled each clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..records import Clause

_I = re.IGNORECASE


@dataclass(frozen=True)
class Lexicon:
    commitment: re.Pattern
    disclaimer: re.Pattern
    recital: re.Pattern
    procedural: re.Pattern
    enacting: re.Pattern
    past_narrative: re.Pattern


LEXICONS: dict[str, Lexicon] = {
    "en": Lexicon(
        commitment=re.compile(
            r"\b(?:shall(?! not be construed| apply| mean| enter into force| remain in force| be terminated"
            r"| be amended| cease)|will(?! (?:enter into force|remain in (?:force|effect)|be terminated|come into"
            r" effect|expire))|undertakes?\b|commits?\b|committed to\b|agrees? to\b|agreed to\b|"
            r"intends? to\b|aims? to\b|endeavou?r\b|are determined to\b|is determined to\b|must\b|"
            r"are obliged\b|reaffirms? (?:its|their) commitment|would\b|will continue|seek to\b|"
            r"pledges?\b|strive\b)",
            _I,
        ),
        disclaimer=re.compile(
            r"not (?:create|constitute|intended to|legally binding|a substitute)|no(?:t)? legal(?:ly)? "
            r"(?:binding|obligations)|without prejudice|nothing in this|shall not be construed|does not "
            r"(?:affect|create|prejudice|replace)|cannot constitute|not be exhaustive|is not exhaustive|"
            r"in accordance with (?:their|its) (?:respective )?(?:national|domestic) (?:law|legislation)s?"
            r"(?: and regulations)?\.?$|shall not (?:prevent|preclude|apply to|restrict)|exception|"
            r"not an alternative|shall not affect|subject to (?:the )?(?:availability|national)",
            _I,
        ),
        recital=re.compile(
            r"^(?:recogni[sz]ing|recalling|reaffirming|emphasi[sz]ing|noting|bearing in mind|convinced|"
            r"considering|desiring|determined|conscious|welcoming|acknowledging|mindful|taking into account|"
            r"aware|stressing|underlining|affirming|resolved|wishing|inspired|guided|having regard|"
            r"whereas|deeply|concerned|expressing)\b"
            r"|\b(?:recogni[sz]es?|recall|reaffirms?|condemns?|acknowledges?|underlines?|stresses|"
            r"welcomes?|notes?|reiterates?|remains?|has (?:been|provided|supported|made)|have (?:been|"
            r"provided|supported|made))\b",
            _I,
        ),
        procedural=re.compile(
            r"enter into force|remain in (?:force|effect)|may be (?:amended|terminated)|be terminated|"
            r"shall apply to|means\b|the term\b|for the purposes? of|equally authentic|in duplicate|"
            r"come into effect|shall cease|either (?:party|participant) may|may request|as follows:?$",
            _I,
        ),
        enacting=re.compile(r"(?:agreed?|declare\w*|decided)\b.{0,60}\bas follows|have agreed|hereby", _I),
        past_narrative=re.compile(r"\b(?:said|told|reported|according to|announced on|was signed|were)\b", _I),
    ),
    "uk": Lexicon(
        commitment=re.compile(
            r"зобов[’'ʼ]?язу\w+|буд(?:е|уть|емо)\b|продовж\w+ть|надаватиме\w*|має намір|мають намір|"
            r"пови\w+н\w*|спрямову\w+|сприятим\w+|підтримуватим\w+|забезпеч\w*ть|\w+тиме\b|\w+тимуть\b|"
            # undertakings reported in news: «Сторони домовилися про …», «уряд зобов'язався …»
            r"домовил\w+ (?:про|щодо|що|спільно)|погодил\w+ (?:про|щодо|на)|зобов[’'ʼ]?яза(?:в|л\w*)ся\b|"
            # … or with the infinitive of what they will do («домовилися відкрити …», «погодилися
            # найближчим часом провести …»), and an intent stated or confirmed («підтвердили намір …»)
            r"(?:домовил|погодил)\w*(?:ся|сь)\s+(?:[\w'’ʼ-]+\s+){0,2}?[\w'’ʼ-]+(?:ти|тися|тись)(?!\w)|"
            r"(?:підтверд|висловил|заявил)\w*\s+(?:(?:свій|свою|спільний|спільну|твердий|тверду)\s+)?намір\w*|"
            r"взял\w* на себе зобов|пообіця\w+|планує\w*|планують|має намір|розпочн\w+|відкри\w+ть\b|"
            # what a reported instrument provides («Угода передбачає співпрацю …», «У документі
            # міститься пункт про …», «Меморандум спрямований на …»): its undertakings (NOTES)
            r"(?:угод|меморандум|документ|договор|договір|програм|деклараці|заяв|протокол)\w*\s+"
            r"(?:[\w'’ʼ-]+\s+){0,3}?(?:передбача\w*|визнача\w*|містить|міститься|спрямован\w*|покликан\w*|"
            r"окреслю\w*|закріплю\w*)(?!\w)",
            _I,
        ),
        # the English cues in the formulas of Ukrainian texts: not create / constitute / affect /
        # replace, not intended to be exhaustive, no alternative, without prejudice, nothing in
        # this …, shall not be construed / prevent / apply to, subject to the funds available
        disclaimer=re.compile(
            r"не (?:створю|породжу)\w+|не є (?:заміною|альтернативою|юридично|міжнародним договором)|"
            r"не заміню\w+|не (?:може|можуть) (?:бути|становити|розглядатися як) альтернатив\w+|"
            r"не (?:є|має на меті бути|мають на меті бути) вичерпн\w+|без шкоди|ніщо (?:в|у) (?:цій|цьому|цих)|"
            r"не (?:впливає|впливають|вплине) на (?:права|зобов|наявні|існуючі|чинні)|"
            r"не тлумач\w+|не перешкоджа\w+|не застосову\w+ся|не поширю\w+ся на|винят(?:ок|ки|ків|ку)\b|"
            r"в межах наявних (?:бюджетних )?(?:коштів|ресурсів|асигнувань)|"
            r"відповідно до (?:свого |їхнього )?національного законодавства\.?$",
            _I,
        ),
        recital=re.compile(
            r"^(?:визнаючи|нагадуючи|підтверджуючи|наголошуючи|беручи до уваги|переконані|враховуючи|"
            r"бажаючи|вітаючи|усвідомлюючи)|\b(?:засуджу\w+|визнає|визнають|підтверджу\w+|наголошу\w+)\b",
            _I,
        ),
        procedural=re.compile(
            r"набирає чинності|залишається чинн\w+|може бути припинен\w+|автентичн\w+|"
            r"вносит\w+ змін\w+",
            _I,
        ),
        enacting=re.compile(r"домовилис\w+|погодилис\w+|дійшли згоди|заявляють про", _I),
        past_narrative=re.compile(r"\b(?:заявив|заявила|сказав|сказала|повідомля\w+|передає|відбулося)\b", _I),
    ),
    "es": Lexicon(
        commitment=re.compile(r"\b(?:\w+rán|\w+rá|se compromete\w*|convienen en|acuerdan|deberán?|procurarán?)\b", _I),
        disclaimer=re.compile(
            r"sin perjuicio|nada de lo dispuesto|ninguna disposición|no se interpretará|"
            r"excepciones?|no impedirá",
            _I,
        ),
        recital=re.compile(
            r"^(?:reconociendo|recordando|reafirmando|considerando|conscientes|deseosos|"
            r"decididos|convencidos|tomando en cuenta|teniendo en cuenta|resueltos)\b",
            _I,
        ),
        procedural=re.compile(
            r"entrará en vigor|para efectos de|para los efectos|significa\b|se entenderá|"
            r"podrá denunciar|auténticos|enmienda",
            _I,
        ),
        enacting=re.compile(r"han convenido|acuerdan lo siguiente|convienen lo siguiente", _I),
        past_narrative=re.compile(r"\b(?:dijo|afirmó|informó)\b", _I),
    ),
    "fr": Lexicon(
        commitment=re.compile(r"\b(?:\w+ront|\w+ra|s'engagent|s’engagent|s'engage|conviennent de|doivent|doit)\b", _I),
        disclaimer=re.compile(
            r"sans préjudice|aucune disposition|ne (?:peut|saurait) être interprét\w+|"
            r"n'empêche|exceptions?",
            _I,
        ),
        recital=re.compile(
            r"^(?:reconnaissant|rappelant|réaffirmant|considérant|conscients|désireux|"
            r"déterminés|convaincus|tenant compte|résolus)\b",
            _I,
        ),
        procedural=re.compile(
            r"entre(?:ra)? en vigueur|aux fins d|désigne\b|on entend|authentiques|"
            r"amendement|dénonc\w+",
            _I,
        ),
        enacting=re.compile(r"sont convenus|conviennent de ce qui suit|ont décidé", _I),
        past_narrative=re.compile(r"\b(?:a déclaré|a dit|selon)\b", _I),
    ),
}


def _lexicon(lang: Optional[str]) -> Lexicon:
    return LEXICONS.get(lang or "en", LEXICONS["en"])


def classify_clause(clause: Clause, lang: Optional[str] = None) -> tuple[str, float]:
    """(label, confidence) for one clause by the guide's decision order."""
    lex = _lexicon(lang or clause.lang)
    text = clause.text.strip()
    if clause.kind in ("heading", "signature", "dateline") or len(text) < 4:
        return "other", 0.9
    if clause.kind == "lead_in" and lex.enacting.search(text):
        return "other", 0.8
    # Items under a declaration's operative formula are engagement items (guide §3).
    under_formula = bool(clause.lead_in and lex.enacting.search(clause.lead_in))
    if lex.disclaimer.search(text):
        return "disclaimer", 0.7
    if clause.in_preamble and lex.recital.search(text):
        return "recital", 0.8
    if lex.procedural.search(text) or (lex.past_narrative.search(text) and not lex.commitment.search(text)):
        # procedural provisions, and reported speech or events with no undertaking
        return "other", 0.6
    if lex.commitment.search(text) or under_formula:
        return "commitment", 0.7
    if lex.recital.search(text) or clause.in_preamble:
        return "recital", 0.6
    return "other", 0.5
