"""Parties from an instrument's own text: its definitions, lists, title, formulas and signatures.

"between X and Y (hereinafter the Parties)", "Parties and Signatories: …", "X, of the one
part, and Y, of the other part", the title's "Agreement between …", the operative formula
"We, the Ministers of …", and the signature blocks at the end.
"""

from __future__ import annotations

import re

from ...records import Clause, Document
from ...segment.patterns import PREAMBULAR
from ..coined import BETWEEN, NAME_BREAK, SENTENCE_END, parties_named
from ..officials import ROLE
from ..signatures import SIGNATURE_FOR, starts_with_for
from ..uk.tokens import grammemes, tokens_of
from .mentions import (
    BLANK_LINE,
    MIN_PARTIES,
    OPENING_CLAUSES,
    MentionIndex,
    outside_brackets,
    unique_ids,
    with_coined,
)
from .opening import ACT_TITLE_BLOCK, NEWS_OPENING, document_opening, news_opening, title_block, treaty_structured
from .signings import signing_subject

_I = re.IGNORECASE


DEFINITION_LOOKAHEAD = 160
PARTY_LIST_CLAUSES = 3
DEFINITION_CUE = re.compile(
    r"hereinafter|herein\s*after|referred\s+to\s+as|denominad[oa]s|en\s+lo\s+sucesivo|en\s+adelante|ci-après|"
    r"dénommé|(?:далі|надалі)(?:\s+(?:разом|спільно))?\s*[-–—]|іменован|[(“\"‘'«]\s*(?:the\s+|las\s+|les\s+)?(?:Contracting\s+)?"
    r"(?:Parties|Participants|Sides|Partes)\b",
    _I,
)
PARTY_WORD = re.compile(
    r"Part(?:y|ies)|Participants?|Sides?|Signator(?:y|ies)|Partes|Parties|Сторон|Учасник|"
    # "… and the Swiss Confederation (hereinafter referred to as the “Member States”)": the
    # members of the organisation the instrument sets up are its parties
    r"Member\s+States|Contracting\s+States|Estados\s+(?:Miembros|Contratantes)|[ÉE]tats\s+membres|"
    r"держав[иа]?-член",
    _I,
)
# Words that may sit between the names of an opening list of parties.
LIST_FILLER = re.compile(
    r"^(?:[\s,;:.()\[\]*“”\"'‘’«»—–-]|\d+\.|\b(?:the|and|of|on|one|other|part|hand|between|government|governments|"
    r"preamble|article|y|e|et|el|la|los|las|le|les|de|del|des|du|d|gobierno|gobiernos|gouvernement|gouvernements|"
    r"rep[úu]blicas?|r[ée]publiques?|por|una|otra|parte|entre|pr[ée][áa]mbulo|pr[ée]ambule|уряд|уряди|та|і|й|між|"
    r"hereinafter|hereafter|called|referred|to|as|in|this|agreement|denominad[oa]s|en|lo|sucesivo|adelante|ci|après|"
    r"dénommée?s?|далі|sides?|partes|parties|participants)\b)+$",
    _I,
)
TITLE_LINK = re.compile(r"\b(?:between|entre|між|BETWEEN|ENTRE|МІЖ)\b|\s[-–/]\s|[A-Za-z]/[A-Z]")
OPERATIVE_FORMULA = re.compile(r"^\W*(?:We|WE|Ми|Nosotros|Nous),?\s+(?:the|THE|los|les|[A-ZА-ЯІЇЄ])")
# The subject of a multilateral code or declaration that names no state: "Держави - учасниці
# Наради з питань безпеки і співробітництва в Європі (НБСЄ), … ухвалили …" (the organisation
# stands for its members: annotations/NOTES.md, texts of the Verkhovna Rada portal).
MEMBER_STATES_UK = re.compile(r"(?:Держави|Країни)\s*-?\s*(?:учасниці|члени)\s", _I)
# "between [the Government of] X and [the Government of] Y"
BETWEEN_BEFORE = re.compile(
    r"(?:between|entre|між)\s+(?:(?:the|el|la|le|los)\s+)?"
    r"(?:(?:Government|Gobierno|Gouvernement)\s+(?:of|de|du|de\s+la)\s+(?:the\s+|la\s+|el\s+)?)?$",
    _I,
)
BETWEEN_AND = re.compile(
    r"^\s+(?:and|y|et|та|і)\s+(?:(?:the|el|la|le|los)\s+)?"
    r"(?:(?:Government|Gobierno|Gouvernement)\s+(?:of|de|du|de\s+la)\s+(?:the\s+|la\s+|el\s+)?)?$",
    _I,
)
# The formula of a bilateral instrument with a bloc on one side ("the Community and its
# Member States, of the one part, and Albania, of the other part").
ONE_PART = re.compile(
    r"\b(?:of|on)\s+the\s+one\s+part\b|\bde\s+una\s+parte\b|\bd['’]une\s+part\b|з\s+однієї\s+сторони", _I
)
OTHER_PART = re.compile(
    r"\b(?:of|on)\s+the\s+other\s+part\b|\bde\s+(?:la\s+)?otra\s+parte\b|\bd['’]autre\s+part\b"
    r"|з\s+(?:іншої|другої)\s+сторони",
    _I,
)
# Where the first side begins: the instrument's "between", or the end of the sentence before
# (not a blank line: a preamble may set every name apart with blank lines).
PART_OPENING = re.compile(r"\bbetween\b|\bentre\b|\bміж\b|[.;:](?=\s)", _I)
PART_SPAN = 400
# Only the opening: later in the text the formula cites other agreements.
PARTS_OPENING_CHARS = 5000
# The first side of the formula names a bloc "and its Member States", whom a preamble's list
# of parties names one by one.
MEMBER_STATES = re.compile(r"Member\s+States|Estados\s+miembros|[ÉE]tats\s+membres|держав\w*-член\w*", _I)
# A preamble's recital, whose formula cites another instrument.
RECITAL_OPENING = re.compile(rf"\s*(?:{PREAMBULAR}|Whereas|Having)\b", _I)
SIGNATURE_HEADER_MAX = 160
# "… університет радіоелектроніки (далі — ХНУРЕ) в особі ректора Даниленка Олексія …": a
# Ukrainian contract names each party, then the person it acts through
IN_THE_PERSON_OF = re.compile(r"(?<!\w)[вуВУ]\s+особі\s+")
ACTING_REACH = 160  # characters from "в особі" to the name: the title between them
# Where a text says who its parties are: the authors of a joint statement ("Joint Statement
# from President Biden of the United States and President Macron of France Announcing …")
# or a list that follows the word ("Parties and Signatories to the Agreement: Canada, …").
AUTHORS = re.compile(
    r"\bjoint\s+(?:statement|declaration|communiqu[eé])\s+(?:from|by|of)\s+(?P<names>.+?)"
    r"(?=\s+(?:on|announcing|regarding|concerning|about|following|after|at|in|for)\b|$)",
    _I,
)
NAMED_LIST = re.compile(r"\b(?:Signatories|Parties|Participants)\b[^:.\n]{0,40}:\s*(?P<names>[^\n]+)")


def from_named_list(doc: Document, mentions: MentionIndex) -> list[str]:
    """The parties where the text names them as such, in its opening: the authors of a
    joint statement, or the list after "Signatories …:"."""
    for clause in document_opening(doc)[: NEWS_OPENING + 5]:
        for pattern in (AUTHORS, NAMED_LIST):
            m = pattern.search(clause.text)
            if m:
                start = clause.start + m.start("names")
                # "the Kingdom of Denmark (in respect of the Faroe Islands and Greenland)": the
                # words in brackets qualify a party, they name none
                end = clause.start + m.end("names")
                found = outside_brackets(doc.text, start, end, mentions.between(start, end))
                ids = unique_ids(sid for _, _, sid, _ in found)
                if len(ids) >= MIN_PARTIES:
                    return ids
        listed = PARTICIPANTS_UK.search(clause.text) if (doc.lang or "") == "uk" else None
        if listed:
            start = clause.start + listed.end()
            stop = SENTENCE_END.search(doc.text, start, clause.end)
            end = stop.start() if stop else clause.end
            ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
            if len(ids) >= MIN_PARTIES:
                mentions.add_coined(coined)
                return ids
    return []


# "Його учасниками стали Київський національний університет …, … та Université de Montpellier"
PARTICIPANTS_UK = re.compile(
    r"(?<!\w)(?:учасник\w*|сторон\w*|підписант\w*)\s+(?:(?:меморандуму|угоди|договору|консорціуму)\s+)?"
    r"(?:стали|є|виступили|були)\s+",
    _I,
)
AGREEING_LEAD_IN = re.compile(r"\b(?:agreed|decided|declared?|committed|affirmed)\b[^.]*:\s*$", re.IGNORECASE)


def from_agreeing_lead_in(doc: Document, mentions: MentionIndex) -> list[str]:
    """The states named in the opening's lead-in that introduces what was agreed
    ("Foreign Ministers of Poland, Ukraine and the United Kingdom … agreed to:")."""
    for clause in document_opening(doc):
        if clause.kind == "lead_in" and AGREEING_LEAD_IN.search(clause.text):
            return mentions.ids(clause.start, clause.end)
    return []


# A clause ending so breaks off a list of names that the next clause goes on with
LIST_GOES_ON = re.compile(r"(?:,|\b(?:and|y|e|et|та|і|й))\s*$", _I)
# what may follow the person a party acts through before the next party's name
AFTER_THE_PERSON = re.compile(
    r"(?:\s*\([^)]{0,80}\))?\s*,?\s*(?:(?:який|яка|що|які)\s+ді\w+\s+на\s+підставі\s+[^,;]{1,120}?\s*(?:[,;]|(?=\s(?:та|і|й)\s)))?"
    r"\s*(?:з\s+(?:однієї|одного|другої|другого|іншої|іншого|третьої)\s+сторони\s*[,;]?)?\s*(?:(?:та|і|й)\s+)?"
)


def from_in_person_formula(doc: Document, mentions: MentionIndex) -> list[str]:
    """The parties of a Ukrainian contract's opening that names each before the person it acts
    through ("X в особі ректора …, який діє на підставі Статуту, та Y в особі …"): each name
    from where the previous party's person ends to its "в особі", a known id or a coined one."""
    if (doc.lang or "") != "uk":
        return []
    officials = sorted((e.start, e.end) for e in doc.entities if e.label == "OFFICIAL")
    for clause in document_opening(doc):
        cues = list(IN_THE_PERSON_OF.finditer(doc.text, clause.start, clause.end))
        if len(cues) < MIN_PARTIES or BETWEEN.search(clause.text):  # "укладено між …": the formula's source reads it
            continue
        ids: list[str] = []
        start = clause.start
        for cue in cues:
            ids += _named_before_person(doc, start, cue.start(), mentions)
            person = next(((s, e) for s, e in officials if s >= cue.end() and s - cue.end() < ACTING_REACH), None)
            if person is None:
                break
            after = AFTER_THE_PERSON.match(doc.text, person[1])
            start = after.end() if after else person[1]
        ids = unique_ids(ids)
        if len(ids) >= MIN_PARTIES:
            return ids
    return []


def _named_before_person(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:

    # one party a name: what follows a comma or a bracket ("…, Торонто, Канада (далі — …)") is no other
    cut = NAME_BREAK.search(doc.text, start + 1, end)
    end = cut.start() if cut else end
    first = tokens_of(doc.text, start, end)[:1]
    case = (
        "ablt" if first and "ablt" in grammemes(first[0].lower) and "nomn" not in grammemes(first[0].lower) else "nomn"
    )
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, case)
    mentions.add_coined(coined)
    return ids


def from_definition(doc: Document, mentions: MentionIndex) -> list[str]:
    opening = document_opening(doc)
    for k, clause in enumerate(opening):
        for cue in DEFINITION_CUE.finditer(clause.text):
            after = clause.text[cue.start() : cue.start() + DEFINITION_LOOKAHEAD]
            # the term this cue defines ends with its bracket: "(hereinafter referred to as
            # "the EFTA States"), and the Republic of Singapore …, hereinafter collectively
            # referred to as the Parties" defines the Parties only at its second cue
            close = after.find(")", cue.end() - cue.start())
            after = after[: close + 1] if close >= 0 else after
            if not PARTY_WORD.search(after):
                continue
            end = clause.start + cue.start()
            # a formula that names a party no table knows names its parties itself: a state
            # in brackets after a city's name, or in the law a company is registered
            # under, is then no party
            ids = with_coined(doc, clause.start, end, mentions, coined_only=True)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = _named_subject(doc, _list_start(opening, k), end, mentions)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = mentions.ids(_list_start(opening, k), end)
            if len(ids) >= MIN_PARTIES:
                return ids
            ids = with_coined(doc, clause.start, end, mentions)
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def _named_subject(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The names a formula without "між"/"between" lists before its definition ("Міжнародна
    організація з міграції (далі — МОМ) та Івано-Франківська обласна військова адміністрація
    (далі — ОВА), далі разом — Сторони"), none unless a body no table knows is among them,
    which then gets a coined id; what follows a name after a comma ("…, в особі міського
    голови …, що діє на підставі Закону України …") is no party."""
    # the formula's own paragraph: a short text's title may share its clause ("МЕМОРАНДУМ про
    # співпрацю між … \n\n Українська … Церква (далі — УГКЦ) та …")
    start = max([start] + [m.end() for m in BLANK_LINE.finditer(doc.text, start, end)])
    if (doc.lang or "") != "uk" or BETWEEN.search(doc.text, start, end):
        return []  # an English or Spanish title runs into the list too often ("CONVENTION ESTABLISHING …")
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
    if not coined or len(ids) < MIN_PARTIES:
        return []
    mentions.coined = coined
    return ids


def _list_start(opening: list[Clause], k: int) -> int:
    """Where the list of names ending in clause ``k`` begins: in an earlier clause where the
    text broke it ("… Swiss Confederation (… the EFTA States) and" / "The United Mexican
    States, … hereinafter referred to as the Parties,")."""
    while k > 0 and LIST_GOES_ON.search(opening[k - 1].text):
        k -= 1
    return opening[k].start


def from_party_list(doc: Document, mentions: MentionIndex) -> list[str]:
    """The names the opening starts with, joined only by filler words: one clause
    ("Japan and the Kingdom of Thailand (hereinafter …)"), or several that hold
    nothing but names ("The Swiss Confederation (hereinafter called Switzerland)" /
    "and" / "The Republic of Estonia …"). Looked for from each of the first clauses
    after the title lines."""
    start = len(title_block(doc))
    for first in range(max(0, start - 1), min(len(doc.clauses), start + PARTY_LIST_CLAUSES)):
        ids: list[str] = []
        for clause in doc.clauses[first : first + OPENING_CLAUSES]:
            run, consumed = _leading_run(doc.text, clause, mentions)
            ids += run
            if not consumed:
                break
        ids = unique_ids(ids)
        if len(ids) >= MIN_PARTIES:
            return _with_the_leads_bodies(doc, first, ids, mentions)
    return []


def _with_the_leads_bodies(doc: Document, first: int, ids: list[str], mentions: MentionIndex) -> list[str]:
    """A report's headline names the sides it has room for ("Ukraine and Norway sign grant
    agreement"); where the lead under it opens with the same names and more ("OSLO - Ukraine,
    Norway and the Nordic Environment Finance Corporation (NEFCO) signed …"), the lead's list."""
    if first + 1 >= len(doc.clauses) or doc.clauses[first].kind != "heading" or treaty_structured(doc):
        return ids
    lead, _ = _leading_run(doc.text, doc.clauses[first + 1], mentions)
    lead = unique_ids(lead)
    return lead if set(ids) < set(lead) else ids


def _leading_run(text: str, clause: Clause, mentions: MentionIndex) -> tuple[list[str], bool]:
    """Ids of the names the clause starts with, and whether nothing else follows them."""
    ids: list[str] = []
    pos = clause.start
    for s, e, sid, _ in mentions.between(clause.start, clause.end):
        if s < pos:
            continue  # a name inside one already counted
        if not _is_filler(text[pos:s]):
            return ids, False
        ids.append(sid)
        pos = e
    return ids, _is_filler(text[pos : clause.end])


def _is_filler(gap: str) -> bool:
    """Only words that join names in a list of parties; one unknown capitalised word
    is tolerated ("the Home Government of", OCR debris such as "the United Mexico")."""
    if not gap.strip() or LIST_FILLER.match(gap):
        return True
    words = re.findall(r"[^\W\d_]+", gap)
    unknown = [w for w in words if not LIST_FILLER.match(w)]
    if len(unknown) != 1 or not unknown[0][:1].isupper() or len(words) > 8:
        return False
    # a word that labels what follows ("Note: Austria, Finland and Sweden withdrew …") opens
    # an editor's note, not a list of parties
    return not re.search(re.escape(unknown[0]) + r"\s*:", gap)


def from_title(doc: Document, mentions: MentionIndex) -> list[str]:
    block = title_block(doc)
    if not block or not any(TITLE_LINK.search(c.text) for c in block):
        return []
    # a title whose "between" joins a name no table knows ("MEMORANDUM … BETWEEN … AND …")
    # names its parties itself (a state in brackets after a city's name is none)
    named = with_coined(doc, block[0].start, block[-1].end, mentions, coined_only=True)
    if len(named) >= MIN_PARTIES:
        return named
    ids = unique_ids(sid for c in block for sid in mentions.ids(c.start, c.end))
    if len(ids) < MIN_PARTIES:
        for clause in block:
            named = with_coined(doc, clause.start, clause.end, mentions)
            if len(named) >= MIN_PARTIES:
                return named
    return ids


def from_operative_formula(doc: Document, mentions: MentionIndex) -> list[str]:
    for clause in doc.clauses:
        if OPERATIVE_FORMULA.match(clause.text):
            ids = mentions.ids(clause.start, clause.end)
            if len(ids) >= MIN_PARTIES:
                return ids
    return []


def from_signatures(doc: Document, mentions: MentionIndex) -> list[str]:
    ids: list[str] = []
    for clause in doc.clauses:
        if clause.kind == "signature":
            ids += _signature_block_ids(doc, clause, mentions)
        elif clause.start > 0.7 * len(doc.text) and len(clause.text) <= 300:
            ids += _signature_ids(doc, clause, mentions)
    return ids


def _signature_block_ids(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """Every state or organisation a signature block names outside the signatories'
    titles: two-column OCR puts both headers' names on the lines after "FOR THE
    GOVERNMENT OF FOR THE GOVERNMENT OF". A header that names a head of state ("For the
    President of the Italian Republic,") is no title: the signatory acts for that state."""
    if not SIGNATURE_FOR.search(clause.text):
        return []
    ids = []
    for line in re.finditer(r"[^\n]+", clause.text):
        if starts_with_for(line.group()) or not ROLE.search(line.group()):
            ids += mentions.ids(clause.start + line.start(), clause.start + line.end())
    return ids


def _signature_ids(doc: Document, clause: Clause, mentions: MentionIndex) -> list[str]:
    """Ids named in each "For …"/"Por …"/"За …" header of a clause (not in the
    signatory's title). A header runs to its colon when the colon comes before a
    blank line ("For the Ministry of Defence of\nthe Republic of Albania**:"), else to
    the end of its line."""
    ids = []
    heads = list(SIGNATURE_FOR.finditer(clause.text))
    for k, m in enumerate(heads):
        limit = heads[k + 1].start() if k + 1 < len(heads) else len(clause.text)
        segment = clause.text[m.end() : limit]
        colon = segment.find(":")
        blank = re.search(r"\n\s*\n", segment)
        if 0 <= colon <= SIGNATURE_HEADER_MAX and (blank is None or colon < blank.start()):
            stop = colon
        else:
            stop = segment.find("\n") if "\n" in segment else len(segment)
        ids += mentions.ids(clause.start + m.end(), clause.start + m.end() + stop)
    return ids


def from_signatories(doc: Document, mentions: MentionIndex) -> list[str]:
    """In a report, the signatories its opening names as the subject of a signing, where a
    body no table knows is among them ("OSLO - Ukraine, Norway and the Nordic Environment
    Finance Corporation (NEFCO) signed …"): they outweigh a headline that names only the
    states ("Ukraine and Norway sign grant agreement")."""
    if treaty_structured(doc):
        return []
    for clause in news_opening(doc):
        signatories = signing_subject(doc, clause, mentions)
        if signatories:
            return signatories
    return []


def from_member_states(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian instrument whose preamble opens with the member states of one
    organisation and names no state ("Держави - учасниці Наради з питань безпеки і
    співробітництва в Європі (НБСЄ), …"): that organisation is its one party."""
    if (doc.lang or "") != "uk":
        return []
    for clause in document_opening(doc)[: ACT_TITLE_BLOCK * 2]:
        if not MEMBER_STATES_UK.match(clause.text):
            continue
        found = mentions.between(clause.start, clause.end)
        if found and all(kind == "org" for _, _, _, kind in found):
            ids = unique_ids(m[2] for m in found)
            return ids if len(ids) == 1 else []
    return []


def from_parts(doc: Document, mentions: MentionIndex, members_only: bool = False) -> list[str]:
    """The two sides of a bilateral formula: "between the Community and its Member States,
    of the one part, and Albania, of the other part" ("de una parte … y … de otra parte",
    "d'une part … et … d'autre part", "з однієї сторони … та … з іншої сторони"). The first
    side is what stands before "of the one part" since the clause's "between" (or its start),
    the second what stands between the two formulas; each side may be a state or an
    organisation, and a side with nothing named in it makes no evidence. Only the opening
    of the text counts: later, the formula cites other agreements ("the Rules of Origin of
    the Europe Agreement concluded between the European Communities …, on the one part, and
    the Republic of Hungary, on the other part")."""
    for m in ONE_PART.finditer(doc.text, 0, PARTS_OPENING_CHARS):
        other = OTHER_PART.search(doc.text, m.end(), m.end() + PART_SPAN)
        if other is None:
            continue
        lead = doc.text[max(0, m.start() - PART_SPAN) : m.start()]
        cut = max((b.end() for b in PART_OPENING.finditer(lead)), default=0)
        if members_only and not MEMBER_STATES.search(lead[cut:]):
            continue
        breaks = [b.end() for b in BLANK_LINE.finditer(doc.text, max(0, m.start() - PART_SPAN), m.start())]
        if RECITAL_OPENING.match(doc.text, breaks[-1] if breaks else max(0, m.start() - PART_SPAN)):
            continue  # a recital citing another agreement ("TAKING INTO ACCOUNT the Agreement …")
        first = _part_ids(doc, m.start() - len(lead) + cut, m.start(), mentions)
        second = _part_ids(doc, m.end(), other.start(), mentions)
        if first and second:
            return unique_ids(first + second)
    return []


def _part_ids(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The ids one side of the formula names; in a Ukrainian text, a body no table knows gets a
    coined id ("Акціонерним банком «…» (далі — «Позичальник»), з другої сторони")."""
    ids = mentions.ids(start, end)
    if ids or (doc.lang or "") != "uk":
        return ids
    ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, bodies_only=True)
    mentions.add_coined(coined)
    return ids
