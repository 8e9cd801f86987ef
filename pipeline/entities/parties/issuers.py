"""Parties of texts with one author: an act, a statement, a court's ruling, a submission.

A Ukrainian decree's issuer ("УКАЗ ПРЕЗИДЕНТА УКРАЇНИ"), an international organ's own act
(a Council decision is the EU's), a statement's author ("Заява МЗС України щодо …"), the
states in a case a court rules on, and who filed a submission.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import Optional

from ...records import Clause, Document
from ..coined import parties_named
from ..gazetteer import institution_owners
from ..uk.tokens import lemmas
from .mentions import LOCAL_BODY_SUFFIXES, MIN_PARTIES, MentionIndex, as_parties, outside_brackets, unique_ids
from .opening import ACT_TITLE_BLOCK, report_opening, ukrainian_report
from .signings import SIGNING_UK, subject_start_at

_I = re.IGNORECASE


# The heading of a Ukrainian unilateral act, naming its issuer.
UNILATERAL_ACT = re.compile(
    r"^\W*(?:(?:УКАЗ|РОЗПОРЯДЖЕННЯ|ПОСТАНОВА|НАКАЗ|Указ|Розпорядження|Постанова|Наказ)\s+"
    r"(?:ПРЕЗИДЕНТА|КАБІНЕТУ\s+МІНІСТРІВ|ВЕРХОВНОЇ\s+РАДИ|Президента|Кабінету\s+Міністрів|Верховної\s+Ради)\s"
    r"|ЗАКОН\s+УКРАЇНИ\W*$)"  # a law's head, the line alone ("ЗАКОН УКРАЇНИ" / "Про ратифікацію …")
)
# A title-block line that names the kind of a Ukrainian act: the word alone, or with its
# date or number (a news headline about an act has neither right after the word).
_ACT_KINDS = ("УКАЗ", "РОЗПОРЯДЖЕННЯ", "ПОСТАНОВА", "НАКАЗ", "РІШЕННЯ")
ACT_KIND_LINE = re.compile(
    # the word alone, also letter-spaced as blanks print it ("Р І Ш Е Н Н Я")
    r"^\W*(?:(?:" + "|".join(r"[ \t]?".join(kind) for kind in _ACT_KINDS) + r")\W*$"
    r"|(?:Указ|Розпорядження|Постанова|Наказ|Рішення|УКАЗ|РОЗПОРЯДЖЕННЯ|ПОСТАНОВА|НАКАЗ|РІШЕННЯ)\b"
    r"[ \t]*\n?[^.\n]{0,60}?(?:\bвід\s+\d|№))"
)
# An act's annex under its approval stamp ("ЗАТВЕРДЖЕНО / наказом Міністерства … / від … № …"):
# the composition or rules the act approved, issued as the act is
APPROVAL_STAMP = re.compile(
    r"^\W*(?:ЗАТВЕРДЖЕН[ОИАІ]\w*|Затверджен[оиаі]\w*)\s*\n?\s*"
    r"(?:наказом|постановою|розпорядженням|указом|рішенням|Наказом|Постановою|Розпорядженням|Указом|Рішенням)\s"
)
# The title of a statement, the word first; its author follows ("Заява МЗС України щодо …")
STATEMENT_TITLE = re.compile(
    r"^\W*(?P<joint>(?:Спільна|СПІЛЬНА|Спільне|СПІЛЬНЕ|Joint|JOINT)\s+)?"
    r"(?:Заява|ЗАЯВА|Звернення|ЗВЕРНЕННЯ|Декларація|ДЕКЛАРАЦІЯ|Statement|STATEMENT|(?<=\s)(?:заява|звернення|statement))"
    r"(?:\s+(?:by|of|from|BY|OF|FROM))?(?!\w)"
)
STATEMENT_TITLE_CLAUSES = 3
MINISTRY_UK = re.compile(r"(?<!\w)Міністерств\w*")
# Where the author's name ends and the statement's subject begins
AUTHOR_END = re.compile(
    r"(?<!\w)(?:щодо|з\s+приводу|про|у\s+зв['’ʼ]язку|стосовно|до|за\s+підсумками|з\s+нагоди|on|regarding|concerning|"
    r"about|following|at)(?!\w)|\n",
    _I,
)
ACT_ISSUER_WINDOW = 1500  # characters after the title block in which the issuing state is named


def from_issuer(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian unilateral act has one party, the state that issues it, however many
    others its text names (gold set: official acts). The act shows in its head
    ("РОЗПОРЯДЖЕННЯ ПРЕЗИДЕНТА УКРАЇНИ", "ПОСТАНОВА КАБІНЕТУ МІНІСТРІВ УКРАЇНИ") or, where
    the head names a body or a subject first, in a title-block line of the act's kind
    alone ("НАКАЗ") or with its date or number ("Розпорядження від 14 листопада 2018 р.
    № 856-р", "Наказ МОЗ України від 29.11.2019 № 2360"); the issuer is then Ukraine where
    the opening names it ("ДЕРЖАВНА СЛУЖБА МОЛОДІ ТА СПОРТУ УКРАЇНИ", "Бюджетного кодексу
    України"), else the first state it names."""
    if (doc.lang or "") != "uk" or not doc.clauses:
        return []
    head = doc.clauses[0]
    opening = doc.clauses[:ACT_TITLE_BLOCK]
    body = _local_body_heading(doc, head)
    if body is None and len(opening) > 1 and _names_the_state_alone(doc, head):
        body = _local_body_heading(doc, opening[1])  # "УКРАЇНА" / "ЧЕРНІВЕЦЬКА ОБЛАСНА … АДМІНІСТРАЦІЯ"
    if body and any(ACT_KIND_LINE.match(c.text) for c in opening):
        return [body]  # "ВОЛИНСЬКА ОБЛАСНА ДЕРЖАВНА АДМІНІСТРАЦІЯ" / "РОЗПОРЯДЖЕННЯ": the body's own act
    if own := _institutions_own_act(doc, opening, mentions):
        return own
    if UNILATERAL_ACT.match(head.text):
        ids = [m[2] for m in mentions.between(head.start, head.end, states_only=True)]
        if ids:  # "Постанова Кабінету Міністрів від …" names no state: read on
            return ids[:1]
    elif not any(ACT_KIND_LINE.match(c.text) for c in opening) and not APPROVAL_STAMP.match(doc.text):
        return []
    end = min(len(doc.text), opening[-1].end + ACT_ISSUER_WINDOW)
    ids = [m[2] for m in mentions.between(head.start, end, states_only=True)]
    # a Ukrainian-language act whose opening names Ukraine at all is Ukraine's, even where
    # its subject names another state first ("Про співпрацю з Литвою …")
    return ["UKR"] if "UKR" in ids else ids[:1]


# The heads of an international organ's own acts, as their texts print them, and the
# organisation whose act each is (a Council decision is the EU's as a law is its state's)
ORGAN_ACT_HEADS = (
    (
        re.compile(
            r"^\W*(?:ВИКОНАВЧ\w+\s+)?(?:РІШЕННЯ|РЕГЛАМЕНТ|ДИРЕКТИВА|Рішення|Регламент|Директива)\s+"
            r"(?:(?:ЄВРОПЕЙСЬКОГО\s+ПАРЛАМЕНТУ\s+(?:І|ТА)\s+)?РАДИ|КОМІСІЇ|Ради|Комісії)\s*\((?:ЄС|ЄЕС|Євратом|ЄВРАТОМ)"
        ),
        "EU",
    ),
    (
        re.compile(
            r"^\W*(?:Резолюція|РЕЗОЛЮЦІЯ),?\s+(?:ухвалена|прийнята|УХВАЛЕНА|ПРИЙНЯТА)\s+(?:Генеральною\s+Асамблеєю|"
            r"Радою\s+Безпеки|Радою\s+з\s+прав\s+людини|Економічною\s+і\s+соціальною\s+радою)"
            r"|^\W*Resolution\s+adopted\s+by\s+the\s+(?:General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council)"
        ),
        "UN",
    ),
    (re.compile(r"^\W*(?:Резолюція|РЕЗОЛЮЦІЯ),?\s+(?:ухвалена|прийнята)\s+Радою\s+керуючих"), "IAEA"),
)


def from_organ_act_text(doc: Document) -> list[str]:
    """The text of an international organ's own act (a Council decision of the EU, a resolution
    of the UN General Assembly or Human Rights Council, as their texts print them) has its
    organisation as its one party: the states it concerns, or that tabled it, are not parties,
    as a ratifying law's treaty partner is not (NOTES)."""
    for clause in doc.clauses[:ACT_TITLE_BLOCK]:
        for head, organisation in ORGAN_ACT_HEADS:
            if head.match(clause.text):
                return [organisation]
    return []


# the kinds of body that issue orders of their own under their ministry's name ("МІНІСТЕРСТВО
# ОСВІТИ І НАУКИ УКРАЇНИ" / "СУМСЬКИЙ ДЕРЖАВНИЙ УНІВЕРСИТЕТ" / "НАКАЗ")
ISSUING_INSTITUTIONS = frozenset(
    {"університет", "інститут", "академія", "коледж", "політехніка", "лікарня", "музей", "театр", "консерваторія"}
)


def _institutions_own_act(doc: Document, opening: list[Clause], mentions: MentionIndex) -> list[str]:
    """An institution's own order, printed under its ministry's name: the capitalised line over
    the act's kind that names a university, an institute, a hospital or a museum is the act's
    one party (with a coined id), not the state the ministry's line names."""
    kind_line = next((c for c in opening if ACT_KIND_LINE.match(c.text)), None)
    if kind_line is None:
        return []
    top = doc.text[opening[0].start : kind_line.start]
    offset = opening[0].start
    for line in re.finditer(r"[^\n]+", top):
        words = line.group().split()
        if not line.group().isupper() or not any(lemmas(w.lower()) & ISSUING_INSTITUTIONS for w in words):
            continue
        start, end = offset + line.start(), offset + line.end()
        ids, coined = parties_named(doc.text, start, end, "uk", lambda s, e, b: [], "nomn", bodies_only=True)
        if len(ids) == 1 and coined:
            # the name as a sentence writes it ("Сумський державний університет"), its quoted part too
            mentions.coined += [dataclasses.replace(c, name=_sentence_case(c.name)) for c in coined]
            return ids
    return []


def _sentence_case(name: str) -> str:
    """A name printed in capitals as running text writes it: its first letter and the first
    letter of a quoted part capitalised ("НАЦІОНАЛЬНИЙ УНІВЕРСИТЕТ «ЛЬВІВСЬКА ПОЛІТЕХНІКА»" →
    "Національний університет «Львівська політехніка»")."""
    return re.sub(r"(^|[«“\"])(\w)", lambda m: m.group(1) + m.group(2).upper(), name.lower())


def _names_the_state_alone(doc: Document, clause: Clause) -> bool:
    """Is the clause a state's name and nothing else ("УКРАЇНА" over an act's issuing body)?"""
    text = doc.text[clause.start : clause.end].strip()
    return any(e.text == text and e.id and e.label in ("STATE", "PARTY") for e in doc.entities)


def _local_body_heading(doc: Document, head: Clause) -> Optional[str]:
    """The id of the city council or oblast body whose name is the whole head line."""
    line = doc.text[head.start : head.end].split("\n", 1)[0].strip()
    for ent in doc.entities:
        if ent.id and ent.source == "lemma-gazetteer" and ent.text == line and head.start <= ent.start < head.end:
            return ent.id if ent.id.endswith(LOCAL_BODY_SUFFIXES) else None
    return None


def from_statement_author(doc: Document, mentions: MentionIndex) -> list[str]:
    """A statement has its authors as its parties: the bodies its title names after the word
    ("Заява Міністерства закордонних справ України щодо …", "ЗАЯВА" / "Меджлісу
    кримськотатарського народу", "СПІЛЬНА ЗАЯВА" / "Асоціації міст України та Союзу польських
    міст щодо …", "Statement by the Government of Ireland on …"),
    however many others its text names (annotations/NOTES.md: a unilateral statement of a
    representative body)."""
    block = doc.clauses[:STATEMENT_TITLE_CLAUSES]
    for k, clause in enumerate(block):
        m = STATEMENT_TITLE.match(clause.text)
        if m is None:
            continue
        start = clause.start + m.end()
        rest = doc.text[start : clause.end]
        if not rest.strip() and k + 1 < len(block):  # the word alone on its line, the author on the next
            start, rest = block[k + 1].start, block[k + 1].text
        subject = AUTHOR_END.search(rest)
        end = start + (subject.start() if subject else len(rest))
        start += len(rest) - len(rest.lstrip())
        coined_before = len(mentions.coined)
        authors = _statement_authors(doc, start, end, mentions)
        if m.group("joint") and len(mentions.coined) == coined_before and len(authors) < MIN_PARTIES:
            # a joint statement of known bodies: its formula and lead name them as well; one of
            # several ministries of one state is that state's ("Спільна заява Міністерства
            # економіки України, Міністерства соціальної політики України та …")
            ministries = len(MINISTRY_UK.findall(doc.text, start, end))
            return authors if len(authors) == 1 and ministries >= MIN_PARTIES else []
        return authors
    return []


def _statement_authors(doc: Document, start: int, end: int, mentions: MentionIndex) -> list[str]:
    """The authors a statement's title names between ``start`` and ``end``: the states or
    organisations named there, where the title opens with them or with a state's organ
    ("Міністерства закордонних справ України" acts for Ukraine); else a body of its own
    that no table knows ("Спілки журналістів Молдови" is not Moldova), with a coined id."""
    found = mentions.between(start, end)
    head = re.match(r"\W*(?:the\s+)?([^\W\d_][\w'’ʼ-]*)", doc.text[start:end], _I)
    if head is None:
        return []
    if found and (found[0][0] <= start + head.start(1) or _is_state_organ(head.group(1), doc.lang or "en")):
        # "Чернівецької міської ради (Україна) та Муніципію Сучава (Румунія)": the states in
        # brackets say where the authors are; they are none of them
        known = as_parties(m[2] for m in outside_brackets(doc.text, start, end, found))
        if (doc.lang or "") == "uk":
            # beside a known body, bodies no table knows ("Миколаївської міської ради,
            # муніципалітету Оденсе та муніципалітету Орхус"): each gets a coined id
            ids, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "gent", bodies_only=True)
            if coined and set(known) <= set(ids) and len(ids) > len(known):
                mentions.coined += coined
                return ids
        return known
    if (doc.lang or "") != "uk":
        return []
    # every name is coined: the known names in it were weighed above and name no author
    ids, coined = parties_named(doc.text, start, end, "uk", lambda s, e, b: [], "gent", bodies_only=True)
    mentions.coined += coined
    return ids


# The organs that act for their state: a statement of one is the state's
STATE_ORGANS_UK = frozenset(
    "міністерство мзс уряд кабінет президент парламент посольство представництво місія делегація прем'єр-міністр "
    # the ombudsman and the prosecution speak for their state ("Звернення Уповноваженого Верховної Ради
    # України з прав людини до ОБСЄ …")
    "міністр рада уповноважений омбудсман омбудсманка прокуратура офіс лідер".split()
)
STATE_ORGANS_EN = re.compile(
    r"(?:Ministry|Government|Cabinet|President|Prime|Minister|Parliament|Embassy|Mission|Delegation|Department|"
    r"Office|Secretary|Chancellor|Council)$",
    _I,
)


def _is_state_organ(word: str, lang: str) -> bool:
    if lang != "uk":
        return bool(STATE_ORGANS_EN.match(word))

    return bool(lemmas(word.lower()) & STATE_ORGANS_UK)


# A Ukrainian report's sentence on an organisation's own act: adopted, approved, published
# ("Рада Європейського Союзу … затвердила … пакет обмежувальних заходів", "… ухвалили Анкарську
# декларацію саміту НАТО", "Міністри … країн G7 … оприлюднили заяву")
ORGANISATION_ACT_UK = re.compile(
    r"(?<!\w)(?:затверди\w*|ухвали\w*|схвали\w*|оприлюдни\w*|запровади\w*)(?!\w)[^.!?]{0,80}?"
    r"(?<!\w)(?:пакет\w*|деклараці\w*|заяв[уаиі]\w*|резолюці\w*|рішенн\w*|комюніке|висновок|висновк\w*|санкці\w*)",
    _I,
)
# a joint act ("спільну заяву", "спільне комюніке")
JOINT_UK = re.compile(r"(?<!\w)спільн", _I)
# a state and an organisation named together ("Україна та ЄС", "саміту Україна – ЄС")
JOINED_UK = re.compile(r"\s*(?:,|та|і|й|–|—|-)\s*")
# what makes the act an instrument with another side: an agreement, or a formula naming two
AGREEMENT_UK = re.compile(r"(?<!\w)(?:угод\w*|меморанд\w*|договор\w*|договір|протокол\w*|між)(?!\w)", _I)
# International courts: their judgments, orders and warrants are acts under instruments, whose
# parties are the states in the case; the court is none (NOTES)
COURTS = frozenset({"ICC", "ICJ", "ECHR", "ITLOS"})
# A submission reported in a Ukrainian opening: who filed, lodged, referred or requested
SUBMITTED_UK = re.compile(
    r"(?<!\w)(?:подал\w*|подав|подає|подають|передал\w*|передав|звернул\w*|звертає\w*|звертаються|"
    r"направил\w*|направив|ініціювал\w*|ініціював)(?!\w)",
    _I,
)
SUBMISSION_UK = re.compile(
    r"(?<!\w)(?:заяв\w*|позов\w*|скарг\w*|запит\w*|подання|повідомлення|клопотання|звернення|консультаці\w*)(?!\w)",
    _I,
)
# A court's act in a Ukrainian opening ("ЄСПЛ визнав Росію відповідальною", "МКС видав ордери")
RULED_UK = re.compile(
    r"(?<!\w)(?:ухвали\w*|видав|видала|видали|визнав|визнала|зобов[\'’ʼ]яза\w*|постанови\w*|відхили\w*|"
    r"задовольни\w*|присуди\w*)(?!\w)",
    _I,
)
# the case a ruling is given in: «Асанов проти Росії», «Україна проти Російської Федерації»
CASE_TITLE = re.compile(r"[«\"“][^»\"”\n]{1,120}?(?<!\w)(?:проти|v\.|v)(?!\w)[^»\"”\n]{1,120}[»\"”]")


def from_submission(doc: Document, mentions: MentionIndex) -> Optional[list[str]]:
    """A Ukrainian report or text whose opening tells of a submission to a court or an
    international body (an application, a referral, a request for consultations, an appeal)
    is about its authors' act: the states and organisations that filed it are its parties,
    not the body it went to nor the state it is against; filed by citizens, lawyers or NGOs,
    it has none (NOTES). None where the opening tells of no submission."""
    for clause, verb in report_opening(doc, SUBMITTED_UK):
        rest = clause.text[verb.end() :]
        to_body = any(kind == "org" for _, _, _, kind in mentions.between(clause.start + verb.end(), clause.end))
        if not (SUBMISSION_UK.search(rest) and (to_body or re.match(r"\s+до\s", rest))):
            continue
        start, end = clause.start + subject_start_at(clause, verb.start()), clause.start + verb.start()
        known = [sid for sid in mentions.ids(start, end) if sid not in COURTS]
        if known:
            return known
        # a public body no table knows files in its own name ("Нікопольська міська рада звернулася до
        # МАГАТЕ"); NGOs, lawyers and citizens make no party
        _, coined = parties_named(doc.text, start, end, "uk", mentions.named_in, "nomn", bodies_only=True)
        public = [c for c in coined if PUBLIC_BODY_UK.search(c.name)]
        mentions.add_coined(public)
        return [c.id for c in public]
    return None


# the public authorities that file in their own name (an oblast or city council, an administration)
PUBLIC_BODY_UK = re.compile(r"(?<!\w)(?:рада|адміністрація|громада|мерія|муніципалітет)(?!\w)", _I)


def from_court_ruling(doc: Document, mentions: MentionIndex) -> Optional[list[str]]:
    """A Ukrainian report whose opening tells of a court's judgment, order or warrants has the
    states in the case as its parties ("у справі «Асанов проти Росії»"; "ЄСПЛ визнав Росію
    відповідальною"), none where no state is in the case (an arrest warrant), and never the
    court. None where the opening tells of no ruling."""
    for clause, verb in report_opening(doc, RULED_UK):
        subject = mentions.between(clause.start, clause.start + verb.start())
        if not any(sid in COURTS for _, _, sid, _ in subject):
            continue
        case = CASE_TITLE.search(doc.text, clause.start, min(len(doc.text), clause.end + CASE_TITLE_REACH))
        if case is not None:
            return [sid for sid in mentions.ids(case.start(), case.end()) if sid not in COURTS]
        return [sid for _, _, sid, kind in mentions.between(clause.start + verb.end(), clause.end) if kind != "org"][:1]
    return None


CASE_TITLE_REACH = 600  # characters after the ruling's sentence in which its case is named


def from_organisation_act(doc: Document, mentions: MentionIndex) -> list[str]:
    """A Ukrainian report on an organisation's own act (a sanctions package, a summit's
    declaration, a ministers' statement) has that organisation as its one party: the states
    that bargained over it, hosted the meeting or are its subject are not parties (NOTES). The
    act's sentence names one organisation, the one the report names most, and no agreement. An
    institution's act is its organisation's ("Європейська комісія схвалила висновок": EU), and a
    court's ruling is no organisation's act (``from_court_ruling``)."""
    if not ukrainian_report(doc):
        return []
    owners = institution_owners()
    counts = Counter(owners.get(m[2], m[2]) for m in mentions.between(0, len(doc.text)))
    if not counts:
        return []
    if any(_states_adopt(doc, clause, m, mentions) for clause, m in report_opening(doc, ORGANISATION_ACT_UK)):
        # "Лідери Бухарестської дев'ятки ухвалили спільну декларацію" over "Президенти Польщі,
        # Румунії, Литви та Латвії ухвалили …": the lead names the states that adopted it
        return []
    for clause in doc.clauses:
        act = ORGANISATION_ACT_UK.search(clause.text)
        if act is None or AGREEMENT_UK.search(clause.text) or SIGNING_UK.search(clause.text):
            continue
        found = mentions.between(clause.start, clause.end)
        subjects = [m for m in found if m[1] <= clause.start + act.start()]
        if any(a[3] != b[3] and JOINED_UK.fullmatch(doc.text[a[1] : b[0]]) for a, b in zip(subjects, subjects[1:])):
            continue  # "Україна та ЄС ухвалили спільну заяву": a state beside it makes the act joint
        if JOINT_UK.search(act.group()) and any(kind == "state" for *_, kind in subjects):
            continue  # "Президент України, Президент Європейської ради … ухвалили спільну заяву"
        organisations = unique_ids(
            owners.get(sid, sid) for _, _, sid, kind in found if kind == "org" and sid not in COURTS
        )
        if len(organisations) == 1 and counts[organisations[0]] == max(counts.values()):
            return organisations
    return []


def _states_adopt(doc: Document, clause: Clause, act: re.Match, mentions: MentionIndex) -> bool:
    """Does the sentence name two or more states, listed one after another, before its act's
    verb ("Президенти Польщі, Румунії та Литви ухвалили …")?"""
    subjects = [m for m in mentions.between(clause.start, clause.start + act.start()) if m[3] == "state"]
    return len({m[2] for m in subjects}) >= MIN_PARTIES and all(
        JOINED_UK.fullmatch(doc.text[a[1] : b[0]]) for a, b in zip(subjects, subjects[1:])
    )
