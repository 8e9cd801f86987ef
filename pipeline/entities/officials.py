"""Officials (guide §5: OFFICIAL with ``role`` as written and ``affiliation`` id).

Three sources, in the order a reader trusts them:

1. signature blocks: "For the Republic of Albania:" / "Pirro VENGU" / "Minister of
   Defence", or on one line "For Ukraine: Volodymyr Zelenskyy, President" (``signatures.py``);
2. appositions around a person the statistical NER found: "Serbian President
   Aleksandar Vucic" (the adjective gives the affiliation), "Russian Foreign
   Ministry spokeswoman Mariya Zakharova", "Edi Rama, Prime Minister of Albania";
3. later surname-only mentions of an official already named ("Vucic said").

Titles and honorifics are not part of the person span; ``Entity.name`` holds the
name in normal case ("Pirro VENGU" → "Pirro Vengu").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Optional

from ..records import Clause, Entity
from .gazetteer import Gazetteer, english_demonyms

ROLE_WORDS = (
    r"President|Vice[- ]President|Prime\s+Minister|Minister|Ministers|Secretary(?:[- ]General)?|Chancellor|"
    r"Ambassador|Plenipotentiary|Spokes(?:man|woman|person)|Chair(?:man|woman|person)?|Director(?:[- ]General)?|"
    r"Commissioner|High\s+Representative|King|Queen|Emperor|Emir|Sultan|Prince|Governor|Speaker|Premier|"
    r"Head\s+of\s+(?:State|Government)|Chief\s+of\s+(?:Staff|the\s+General\s+Staff)|Commander(?:[- ]in[- ]Chief)?|"
    r"Chargé\s+d['’]Affaires|Deputy|Representative|Envoy|Advisor|Adviser|Counsellor|Counselor|Undersecretary|"
    r"President[ea]|Vicepresident[ea]|Ministr[oa]|Viceministr[oa]|Secretari[oa]|Subsecretari[oa]|Embajador(?:a)?|Canciller|"
    r"Director(?:a)?|Jefe|Jefa|"
    r"Président|Ministre|Secrétaire|Ambassadeur|Premier\s+ministre|spokes(?:man|woman|person)|minister|president|"
    r"Taoiseach|Tánaiste|Federal\s+Chancellor|"
    # plural titles before coordinated names ("Senators Carper and Kennedy")
    r"Presidents|Vice[- ]Presidents|Secretaries|Ambassadors|Commissioners|Envoys|Senators?"
)
# A title that several people share: the names joined to the first one hold it too
PLURAL_TITLE = re.compile(r"\b(?:Presidents|Ministers|Secretaries|Ambassadors|Commissioners|Envoys|Senators)$")
ROLE = re.compile(rf"\b(?:{ROLE_WORDS})\b", re.IGNORECASE)
HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Mme|M|Prof|H\.?\s?E|S\.?\s?E|Hon)\.?|Sir|Dame|His\s+Excellency|Her\s+Excellency|"
    r"(?:The\s+)?(?:Right\s+)?Hono(?:u)?rable|"
    r"\(signed\)|\(Signed\)|\(sgd\.?\)|\(f\.?\)|\(fdo\.?\)|\(firmado\)|\(signé\))\s+",
    re.IGNORECASE,
)
# A title an NER span may open with ("King Salman", "Crown Prince Mohammed bin Salman",
# "President Biden"), in title case as a title stands before a name.
LEADING_TITLE = re.compile(
    rf"^(?:(?:Crown|Vice|Deputy|Prime|Foreign|Defen[cs]e|Secretary|General|Federal)\s+)*"
    rf"(?:{ROLE_WORDS}|Sheikh|Sheikha|Pope|Princess|Archbishop|Senator|Congressman|Congresswoman)\s+"
)
NAME_TOKEN = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЄІЇҐ][\w'’.-]*"
NAME_PARTICLES = ("de", "da", "dos", "van", "von", "der", "ter", "af", "bin", "al", "el", "y", "del", "la")
PERSON_LINE = re.compile(rf"^{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|{'|'.join(NAME_PARTICLES)}))*\s+{NAME_TOKEN}$")
# A role phrase that ends right before a person: "Serbian President", "Russian
# Foreign Ministry spokeswoman", "the Minister of Defence of Albania,".
CAP = r"[A-Z][\w'’.-]*"
_ROLE_TAIL = rf"(?:\s+(?:of|for)\s+(?:the\s+)?{CAP}(?:\s+(?:{CAP}|of|for|the|and))*)?"  # "… of the Republic of Albania"
ROLE_BEFORE = re.compile(rf"(?P<role>(?:(?:{CAP}|of|the|for|and)\s+){{0,6}}?(?:{ROLE_WORDS}){_ROLE_TAIL})\s*,?\s*$")
SENTENCE_BREAK = re.compile(r"(?<![A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)[.!?]\s+")
# A style between a title and the name it precedes
STYLE_BEFORE_NAME = re.compile(
    r"(?:,\s*)?(?:the\s+)?(?:Right\s+Honourable|Rt\.?\s+Hon\.?|Honourable|Hon\.|His\s+Excellency|Her\s+Excellency|"
    r"H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+$"
)
# "Erika Mouynes (Panama)", "Biden of the United States"
AFFILIATION_AFTER = re.compile(r"\s*\((?P<state>[^()\n]{2,40})\)|\s+of\s+(?P<state2>(?:the\s+)?[A-Z][^,.;\n]{2,40})")
TITLES_ONLY = re.compile(rf"^(?:(?:{ROLE_WORDS}|Crown|Foreign|Defen[cs]e|First|of|the|and)\s*)+$", re.IGNORECASE)
ROLE_AFTER = re.compile(rf"^\s*,\s*(?:the\s+)?(?P<role>(?:{CAP}\s+){{0,3}}?(?:{ROLE_WORDS}){_ROLE_TAIL})")
# A person introduced by a Spanish or French honorific, as treaties name their plenipotentiaries
# ("El Presidente de la República de Guatemala, al señor Julio Prado García Salas, Ministro
# Coordinador de Integración Centroamericana"), and the title after the name.
_ROMANCE_NAME = rf"{NAME_TOKEN}(?:\s+(?:(?:de|del|de\s+la)\s+)?{NAME_TOKEN}){{0,5}}"
HONORIFIC_NAME = re.compile(
    r"(?<![\w.])(?:(?:S\.\s?E\.|[Ss]eñor(?:a)?|Sr\.|Sra\.|Monsieur|Madame|Mme|M\.)\s+)+(?:(?:don|doña)\s+)?"
    rf"(?P<name>{_ROMANCE_NAME})(?=\s*,)"
)
ROMANCE_ROLE_AFTER = re.compile(
    rf"\s*,\s*(?P<role>(?:{CAP}\s+){{0,3}}?(?:{ROLE_WORDS})"
    rf"(?:\s+(?:(?:de|del|la|las|los|el|y|e|et|du|des|le|les|l['’]|en|para|pour|à|aux?)\s+)*{CAP})*)"
)
# A title and the name in apposition after it, as Spanish and French news and communiqués write
# them: "la canciller de Uruguay, Valeria Sosa Irigoyen, y …", "le ministre de la Santé, M.
# Jean-Pierre Kalonji Mbuyi, …", or the name right after a bare title ("el canciller Rubén Darío
# Benítez Acosta"). A title may list portfolios with commas ("de Economía, Industria y
# Comercio,"): a name is followed by a comma, a semicolon, the sentence's full stop, or by
# "y"/"et" and a lower-case word.
ROMANCE_TITLE_APPOSITION = re.compile(
    rf"(?<!\w)(?:[Ee]l|[Ll]a|[Ll]e|[Ll]['’])\s*(?P<role>(?i:{ROLE_WORDS})\b(?:[^;:\n]{{0,120}}?))"
    rf"(?:\s*,\s*|\s+(?=(?:M\.|Mme|Sr\.|Sra\.)\s))(?:(?:M\.|Mme|Sr\.|Sra\.)\s+)?(?P<name>{_ROMANCE_NAME})(?=\s*[,;]|(?<=\w\w)\.(?:\s|$)|\s+(?:y|et)\s+[a-zà-ÿ])"
    rf"|(?<!\w)(?:[Ee]l|[Ll]a|[Ll]e)\s+(?P<bare>(?i:canciller|ministr[oa]|ministre|president[ea]|président|embajador[a]?|ambassadeur))"
    rf"\s+(?P<name2>{NAME_TOKEN}(?:\s+(?:(?:de|del|de\s+la)\s+)?{NAME_TOKEN}){{1,5}})"
)
# letters after a name ("Ciarán O'Donovan TD"), no part of it
POST_NOMINALS = r"(?:TD|MP|KC|QC|OBE|CBE)"
# an English official named after a title and a comma, the name written in any case ("the
# Secretary of Tourism, MARIA CRISTINA DELA PAZ-SANTOS, for the Government of …", "The
# Minister for Foreign Affairs and Trade, Ciarán O'Donovan TD, and …")
ENGLISH_TITLE_APPOSITION = re.compile(
    rf"(?<!\w)(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|(?P<owner>{CAP}(?:\s+{CAP})?)['’]s)\s+(?P<role>(?:{CAP}\s+){{0,3}}?(?:{ROLE_WORDS})\b"
    rf"(?:\s+(?:of|for)\s+[^,;:\n]{{1,80}}?)?)\s*,\s*"
    rf"(?:(?:Dr|Mr|Mrs|Ms|Professor|Prof|Ambassador|General|Admiral|H\.\s?E)\.?\s+)?"
    rf"(?P<name>{NAME_TOKEN}(?:\s+(?:{'|'.join(NAME_PARTICLES)}|{NAME_TOKEN})){{1,5}}?)"
    rf"(?:\s+{POST_NOMINALS})?(?=\s*[,;]|\s+and\s)"
)
# "…, for the Government of the Republic of the Philippines": the side a named official signs for
SIGNS_FOR_AFTER = re.compile(rf"\s*{POST_NOMINALS}?\s*,\s*(?:on\s+behalf\s+of|for)\s+(?P<side>[^,;\n]{{3,80}})")
# a title before a second one, in apposition: "Brazil's Minister of Foreign Affairs, | Ambassador …"
APPOSED_POSSESSIVE = re.compile(
    rf"(?:^|[\s(])(?P<owner>(?:{CAP}\s+){{0,3}}{CAP})['’]s\s+(?:{CAP}|of|for|and|the|\s)+,\s*$"
)
# "her Indonesian counterpart, | Foreign Minister …"
APPOSED_DEMONYM = re.compile(r"\b(?P<demonym>[A-Z][a-z]+)\s+(?:counterpart|colleague|host)s?\s*,\s*$")
# A title that goes on into the capitalised words after it
TITLE_GOES_ON = re.compile(r"\b(?:and|of|for|the)\s+$")
# Where an ambassador's post sits, after the state the ambassador acts for
POSTED_IN = re.compile(r"\s(?:en|in|to|à|au|aux)\s+(?:(?:la|le|les|el|the)\s+)?$")
GAZETTE_MARK = re.compile(r"\.-|R[úu]brica", re.IGNORECASE)
# A word that opens a body's name, not a person's ("Ministerio de Finanzas" after a title)
ROMANCE_BODY_WORD = re.compile(
    r"\b(?:Minist[eè]ri|Secretar[ií]a|Département|Departamento|Direcci[oó]n|Direction|Oficina|Office|Comisi[oó]n|"
    r"Commission|Consejo|Conseil|Banco|Banque|Agencia|Agence|Servicio|Service|Institut|Universi|Gobierno|Gouvernement)"
)
# where the designation of one party's plenipotentiaries begins
DESIGNATION_BREAK = re.compile(r"[;:]|\n\s*\n")
# Words that never stand in a signatory's name line ("KINMEN AND MATSU", "THE REPUBLIC").
NAME_STOPWORDS = frozenset(
    {
        "and",
        "of",
        "the",
        "for",
        "republic",
        "government",
        "kingdom",
        "state",
        "states",
        "ministry",
        "signed",
        "done",
        "date",
        "signature",
        "witness",
        # words of the lines around signatures that no name holds ("Como Testigo de Honor",
        # "Finance Finance" where two columns' titles broke)
        "como",
        "testigo",
        "honor",
        "honour",
        "finance",
        "affairs",
        "trade",
        "industry",
        "commerce",
        "economy",
        "foreign",
        # the headings of an annex that follows the signatures ("Appendix II", "Title I")
        "annex",
        "appendix",
        "article",
        "chapter",
        "title",
        "part",
        "section",
        "protocol",
        "schedule",
        "provisions",
    }
)


def normalise_name(name: str) -> str:
    """Normal case for a name written in capitals ("Pirro VENGU" → "Pirro Vengu",
    "ANUŠIĆ" → "Anušić"); mixed-case tokens ("McDonald") are kept."""

    def fix(token: str) -> str:
        if len(token) > 1 and token.isupper():
            return "-".join(p[:1] + p[1:].lower() for p in token.split("-"))
        return token

    return " ".join(fix(t) for t in name.split())


def official_entity(text: str, s: int, e: int, role: Optional[str], affiliation: Optional[str], source: str) -> Entity:
    """An OFFICIAL span of ``text`` with its name in normal case."""
    return Entity(
        s, e, text[s:e], "OFFICIAL", role=role, affiliation=affiliation, name=normalise_name(text[s:e]), source=source
    )


class OfficialFinder:
    """Officials in the clauses of one document (English, Spanish, French)."""

    def __init__(self, lang: str, gazetteer: Gazetteer):
        self.lang = lang
        self.gazetteer = gazetteer
        self.demonyms = english_demonyms() if lang == "en" else {}

    # appositions ---------------------------------------------------------------
    def from_honorifics(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        """Spanish and French plenipotentiaries: a name after "señor", "Sr.", "S.E.",
        "Monsieur", followed by its title ("al señor Gabriel Piloña Araujo, Ministro de
        Economía"). The affiliation is the state the title names, else the last state named
        since the designation began ("El Presidente de la República de El Salvador, al señor
        …, y al señor …": both act for El Salvador)."""
        out = []
        for clause in clauses:
            for m in HONORIFIC_NAME.finditer(text, clause.start, clause.end):
                after = ROMANCE_ROLE_AFTER.match(text, m.end("name"), clause.end)
                if not after:
                    continue
                role, affiliation = self._role_and_affiliation(after.group("role").rstrip("."))
                if role is None:
                    continue
                if affiliation is None:
                    begin = max(
                        (b.end() for b in DESIGNATION_BREAK.finditer(text, clause.start, m.start())),
                        default=clause.start,
                    )
                    states = [f for f in self.gazetteer.find(text[begin : m.start()]) if f.kind == "state"]
                    affiliation = states[-1].id if states else None
                s, e = m.span("name")
                out.append(official_entity(text, s, e, role, affiliation, "apposition"))
        return out

    def from_titled_appositions(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        """Spanish and French officials named after their title in running text ("la canciller
        de Uruguay, Valeria Sosa Irigoyen, y su homólogo …"); the affiliation is the state the
        title names. A name that is a state or that holds a title word is no person."""
        out = []
        for clause in clauses:
            for m in ROMANCE_TITLE_APPOSITION.finditer(text, clause.start, clause.end):
                group = "name" if m.group("name") else "name2"
                s, e = m.span(group)
                if (
                    not looks_like_person(text[s:e], self.gazetteer)
                    or ROMANCE_BODY_WORD.search(text[s:e])
                    or HONORIFIC_NAME.match(text, s)  # a plenipotentiary's designation: from_honorifics
                    or GAZETTE_MARK.search(text, s, e)  # "…, Name.- Rúbrica.-": the gazette's own rule
                ):
                    continue
                role_text = m.group("role") or m.group("bare")
                role, affiliation = self._role_and_affiliation(role_text)
                out.append(official_entity(text, s, e, role or role_text.strip(), affiliation, "apposition"))
        return out

    def from_english_appositions(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        """English officials named after their title and a comma, where the statistical model
        reads no person (names in capitals, names with diacritics or particles); the
        affiliation is the state the title names, the state of a title it stands beside, or
        the side the name is said to act for ("…, SOK VANNARITH, for the Royal Government of
        Cambodia")."""
        out = []
        for clause in clauses:
            if clause.kind == "heading":
                continue
            for m in ENGLISH_TITLE_APPOSITION.finditer(text, clause.start, clause.end):
                s, e = m.span("name")
                if not looks_like_person(text[s:e], self.gazetteer) or ROMANCE_BODY_WORD.search(text[s:e]):
                    continue
                role, affiliation = self._role_and_affiliation(m.group("role"))
                if role is None:  # "Minister for Foreign Affairs and Trade": one title, not two
                    role, affiliation = m.group("role").strip(), None
                owner = self.gazetteer.lookup(m.group("owner")) if m.group("owner") else None
                affiliation = affiliation or (owner[0] if owner else None)
                affiliation = affiliation or self._apposed_owner(text[clause.start : m.start()])
                side = SIGNS_FOR_AFTER.match(text, e)
                if affiliation is None and side:
                    states = [f for f in self.gazetteer.find(side.group("side")) if f.kind == "state"]
                    affiliation = states[0].id if states else None
                out.append(official_entity(text, s, e, role, affiliation, "apposition"))
        return out

    def from_persons(self, text: str, persons: Iterable[tuple[int, int]]) -> list[Entity]:
        """Officials among person spans (document offsets) found by the NER backend."""
        out = []
        for s, e in _merge_adjacent(text, sorted(persons)):
            s, e = _complete_name(text, *_strip_person(text, s, e))
            if e <= s or not all(_name_word(w) for w in text[s:e].split()):
                continue  # "Ambassador Extraordinary": a title's word the model took for a name
            official = self._apposition(text, s, e)
            if official:
                out.append(official)
        return out

    def from_titled_surnames(self, text: str, clauses: Iterable[Clause]) -> list[Entity]:
        """A surname or a full name right after a title that the statistical model did not
        read as a person ("Special Envoy Witkoff", "Ranking Member Risch," "Secretary Rubio
        said", "President of Ukraine Volodymyr Zelenskyy")."""
        out = []
        for clause in clauses:
            if clause.kind == "heading":
                continue  # a headline in title case: "President Trump Secures Agreement"
            for m in TITLED_SURNAME.finditer(text, clause.start, clause.end):
                name = text[m.start("name") : _end_at_possessive(text, m.start("name"), m.end("name"))]
                if not _name_word(name) or self.gazetteer.find(name):
                    continue
                official = self._apposition(text, m.start("name"), m.start("name") + len(name))
                if official:
                    out.append(official)
            for m in TITLED_NAME.finditer(text, clause.start, clause.end):
                if not self._office_tail(m.group("tail")):
                    continue
                span = self._full_name(text, m.start("name"), m.end("name"))
                official = self._apposition(text, *span) if span else None
                if official:
                    out.append(official)
        return out

    def coordinated(self, text: str, officials: Iterable[Entity]) -> list[Entity]:
        """The names joined to an official under a plural title ("Senators Carper and
        Kennedy", "Executive Vice Presidents Margrethe Vestager and Valdis Dombrovskis"):
        the same title, and the affiliation the title itself gave."""
        out = []
        for off in officials:
            if not off.role or not PLURAL_TITLE.search(off.role):
                continue
            pos = off.end
            while m := COORDINATED_NAME.match(text, pos):
                s = m.start("name")
                e = _end_at_possessive(text, s, m.end("name"))
                name = text[s:e]
                words = [w for w in name.split() if not _INITIAL.fullmatch(w)]
                if not all(_name_word(w) for w in words) or self.gazetteer.find(name):
                    break  # ", and the Republic of Korea": not a person
                shared = {"role": off.role, "affiliation": off.affiliation}
                out.append(Entity(s, e, name, "OFFICIAL", name=normalise_name(name), source="coordination", **shared))
                pos = e
        return out

    def _office_tail(self, tail: str) -> bool:
        """An office's "of …" tail holds only office words and state or body names ("of
        Foreign Affairs of Ukraine"); other capitalised words may be a name that the pattern
        would cut in two ("Minister of Communications and Information … Josephine Teo")."""
        words = [w for w in tail.split() if w not in ("of", "for", "the", "and")]
        rest = " ".join(w for w in words if w not in OFFICE_WORDS)
        return not rest or any(found.start == 0 and found.end == len(rest) for found in self.gazetteer.find(rest))

    def _full_name(self, text: str, s: int, e: int) -> Optional[tuple[int, int]]:
        """The name in a titled run, without the state or office words that open it ("Ukraine
        Volodymyr Zelenskyy" after "President of") and ending at a possessive ("López
        Obrador’s visit"); None unless two name words remain."""
        e = _end_at_possessive(text, s, e)
        words = [(s + w.start(), s + w.end()) for w in re.finditer(r"\S+", text[s:e])]
        while words and (text[slice(*words[0])] in OFFICE_WORDS or self.gazetteer.find(text[slice(*words[0])])):
            words.pop(0)
        names = [text[a:b] for a, b in words]
        if len(names) < 2 or not all(_name_word(w) for w in names if not _INITIAL.fullmatch(w)):
            return None
        s, e = words[0][0], words[-1][1]
        return None if self.gazetteer.find(text[s:e]) else (s, e)

    def _apposition(self, text: str, s: int, e: int) -> Optional[Entity]:
        line_start = text.rfind("\n", 0, s) + 1
        window = text[max(line_start, s - 120) : s]
        # "Secretary of State for Defence, the Right Honourable Ben Wallace", "… Dr. Vivian"
        window = STYLE_BEFORE_NAME.sub("", window)
        # the title stands in the name's sentence ("… Plenipotentiary. President Biden"; not "U.S.")
        window = SENTENCE_BREAK.split(window)[-1]
        if TITLE_GOES_ON.search(window):
            return None  # "Minister of Justice and | Public Security": the title's own words
        before = ROLE_BEFORE.search(window)
        if before:
            role, affiliation = self._role_and_affiliation(before.group("role"))
            affiliation = affiliation or self._apposed_owner(window[: before.start()])
        else:
            line_end = text.find("\n", e)
            after = ROLE_AFTER.match(text[e : min(e + 120, line_end if line_end >= 0 else len(text))])
            if not after:
                return None
            role, affiliation = self._role_and_affiliation(after.group("role"))
        if role is None:
            return None
        return official_entity(text, s, e, role, affiliation or self._affiliation_after(text, e), "apposition")

    def _apposed_owner(self, before: str) -> Optional[str]:
        """The state of the title or word a second title stands in apposition to: "Brazil's
        Minister of Foreign Affairs, | Ambassador …", "her Indonesian counterpart, | Foreign
        Minister …"."""
        possessive = APPOSED_POSSESSIVE.search(before)
        if possessive:
            owner = self.gazetteer.lookup(possessive.group("owner"))
            if owner:
                return owner[0]
        counterpart = APPOSED_DEMONYM.search(before)
        return self.demonyms.get(counterpart.group("demonym")) if counterpart else None

    def _affiliation_after(self, text: str, e: int) -> Optional[str]:
        """The state a name is followed by: "Foreign Minister Erika Mouynes (Panama)",
        "President Biden of the United States"."""
        m = AFFILIATION_AFTER.match(text, e, min(len(text), e + 80))
        if not m:
            return None
        surface = m.group("state") or m.group("state2")
        first = next(iter(self.gazetteer.find(surface)), None)
        # the state opens the words after "of" or fills the brackets
        return first.id if first is not None and first.start <= len("the ") else None

    def _role_and_affiliation(self, phrase: str) -> tuple[Optional[str], Optional[str]]:
        """ "Russian Foreign Ministry spokeswoman" → ("Foreign Ministry spokeswoman", RUS);
        "Minister of Defence of Albania" → ("Minister of Defence", ALB)."""
        # "President Biden and Prime Minister Lapid": the title next to the name is the last one
        *earlier, phrase = re.split(r"\s+and\s+", phrase.strip().rstrip(",").strip())
        # … but "Colombian Vice President and Minister of Foreign Affairs" is one person's
        shared = self._demonym_of_titles(earlier[-1]) if earlier else None
        phrase = re.sub(r"^(?:(?:the|The|of|for|and)\s+)+", "", phrase)
        affiliation = None
        first, _, rest = phrase.partition(" ")
        possessive = re.match(r"^(.+?)['’]s\s+(.*)$", phrase)
        owner = self.gazetteer.lookup(possessive.group(1)) if possessive else None
        if possessive and owner:
            affiliation, phrase = owner[0], possessive.group(2)
        elif first in self.demonyms and rest:
            affiliation, phrase = self.demonyms[first], rest
        else:
            mentions = self.gazetteer.find(phrase)
            if len(mentions) >= 2 and POSTED_IN.search(phrase[: mentions[-1].start]):
                mentions = mentions[:-1]  # "embajador de Chile en Ecuador": the state he sits in is not his
            if mentions:
                m = mentions[-1]
                affiliation = m.id
                tail = re.search(r"\s+(?:of|for)\s+(?:the\s+)?$", phrase[: m.start])
                if m.end == len(phrase) and tail:
                    phrase = phrase[: tail.start()]  # "Minister of Defence of Albania"
                elif m.start == 0:
                    phrase = phrase[m.end :].strip()  # "US President"
        phrase = phrase.strip(" ,")
        if not ROLE.search(phrase):
            return None, None
        return phrase, affiliation or shared

    def _demonym_of_titles(self, phrase: str) -> Optional[str]:
        """The state of "Colombian Vice President" where the words are only a demonym and
        titles (not "President Biden", which names another person)."""
        first, _, rest = phrase.strip().partition(" ")
        if first in self.demonyms and TITLES_ONLY.match(rest):
            return self.demonyms[first]
        return None

    # coreference ---------------------------------------------------------------
    @staticmethod
    def coreferent(
        text: str,
        officials: list[Entity],
        clauses: Iterable[Clause],
        is_free: Callable[[int, int], bool],
        two_surnames: bool = False,
    ) -> list[Entity]:
        """Surname-only mentions of officials named in full earlier ("Vucic said"). With
        ``two_surnames`` (Spanish), a name of three or more words is also mentioned by its
        first surname alone ("Sosa" of "Valeria Sosa Irigoyen")."""
        surnames: dict[str, Entity] = {}
        for off in officials:
            parts = (off.name or off.text).split()
            if len(parts) >= 2:
                surnames.setdefault(parts[-1], off)
            if two_surnames and len(parts) >= 3 and parts[-2][:1].isupper() and parts[-2] not in NAME_PARTICLES:
                surnames.setdefault(parts[-2], off)
        if not surnames:
            return []
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in surnames) + r")(?!\w)", re.IGNORECASE)
        out = []
        for clause in clauses:
            for m in pattern.finditer(text, clause.start, clause.end):
                if not m.group()[:1].isupper() or not is_free(m.start(), m.end()) or _ends_other_name(text, m):
                    continue
                key = next(k for k in surnames if k.casefold() == m.group().casefold())
                off = surnames[key]
                start = _given_names_before(text, m.start(), off, key)
                if start < m.start() and not is_free(start, m.end()):
                    continue
                out.append(official_entity(text, start, m.end(), off.role, off.affiliation, "coreference"))
        return out


def _given_names_before(text: str, start: int, official: Entity, surname: Optional[str] = None) -> int:
    """Where a later mention of ``official`` begins: before the surname at ``start`` when the
    official's other names stand right before it ("… Defence Minister Oleksii Yuriyovych
    Reznikov", which the statistical model read as no person), else at ``start``."""
    words = (official.name or official.text).split()
    given = words[: words.index(surname)] if surname in words else words[:-1]
    window = text[max(0, start - GIVEN_NAMES_REACH) : start]
    # all of them, or the last of them: the first surname of a Spanish name ("Benítez Acosta"
    # of "Rubén Darío Benítez Acosta"), a particle ("Van Acker")
    for k in range(len(given)):
        before = re.search(
            r"(?<!\w)" + r"\s+".join(re.escape(word) for word in given[k:]) + r"\s+$", window, re.IGNORECASE
        )
        if before:
            return start - len(before.group())
    return start


def _ends_other_name(text: str, m: re.Match[str]) -> bool:
    """Is a capitalised surname the last word of another capitalised name ("FATIMATA TANOE
    TOURE" is not Amadou Toumani TOURE)?"""
    before = re.search(r"(\S+)[ \t]+$", text[max(0, m.start() - 40) : m.start()])
    if not before or not m.group().isupper():
        return False
    word = before.group(1)
    return len(word) > 1 and word.isupper() and word.isalpha() and not ROLE.fullmatch(word)


GIVEN_NAMES_REACH = 80  # characters before a surname where the official's other names are looked for
# a word of a name as the gazette prints it: an initial keeps its full stop ("Ricardo A. Quijano")
GAZETTE_NAME_WORD = r"(?!R[úu]brica)[A-ZÁÉÍÓÚÑ](?:[a-záéíóúñü'’-]+|\.)"


def honorific_length(line: str) -> int:
    m = HONORIFIC.match(line.lstrip("*_ "))
    return (len(line) - len(line.lstrip("*_ "))) + m.end() if m else 0


# Title-case words that follow a name without being part of it
NOT_NAME_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today The This That And But "
    "MP MEP QC KC PhD Jr Sr Extraordinary Plenipotentiary Responsible Designate Emeritus Elect "
    "Mr Mrs Ms Dr Prof Sir Dame Hon".split()
)
# Words of a title that stand before a name ("Secretary General Stoltenberg")
TITLE_PARTS = frozenset("General Deputy Vice Prime Foreign Special Chief Senior Executive First Crown Acting".split())
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+)?")
# A title-case title word, then one capitalised word that the next word does not continue
TITLED_SURNAME = re.compile(rf"(?<![\w-])(?:{ROLE_WORDS})\s+(?P<name>{_NAME_WORD.pattern})(?=[,.;:)]|\s+[a-z]|\s*$)")
# ", and Kennedy", " and Valdis Dombrovskis": a name joined to the one before it
COORDINATED_NAME = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<name>{_NAME_WORD.pattern}(?:\s+(?:[A-Z]\.|{_NAME_WORD.pattern})){{0,3}})"
    rf"(?=[,.;:)]|\s+[a-z]|\s*$)"
)
# A title, an optional "of …" tail naming the office's state or body, then a full name of two
# to four words that the statistical model did not read as a person ("President of Ukraine
# Volodymyr Zelenskyy", "Defence Minister Oleksii Yuriyovych Reznikov said")
TITLED_NAME = re.compile(
    rf"(?<![\w-])(?:{ROLE_WORDS})(?P<tail>\s+(?:of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|and|the)\s+){{0,6}}?|\s+)"
    rf"(?P<name>{_NAME_WORD.pattern}(?:\s+(?:[A-Z]\.|{_NAME_WORD.pattern})){{1,3}})(?=[,.;:)]|\s+[a-z]|\s*$)"
)
# The last words of an office's name, which the name after it does not start with
# ("Minister of Foreign Affairs Marta Lucía Ramírez", "Secretary of State Antony J. Blinken")
OFFICE_WORDS = frozenset(
    "Affairs State Foreign Defence Defense Commerce Trade Finance Economy Justice Interior Government "
    "Republic Kingdom Council Commission Union Energy Health Agriculture Education Treasury Homeland "
    "Security Labour Labor Development Cooperation Transport Industry Environment Integration Department Ministry "
    "Office".split()
)
_INITIAL = re.compile(r"[A-Z]\.")
_WORD_BEFORE = re.compile(rf"(?<![\w.])(?:{_NAME_WORD.pattern}) $")  # the word before a span
_TITLE_BEFORE = re.compile(rf"\b(?:{ROLE_WORDS}) $")


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One name the statistical model cut in two ("Arnoldo Andre" + "Tinoco")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[out[-1][1] : s] == " ":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _complete_name(text: str, s: int, e: int) -> tuple[int, int]:
    """Complete a name the model cut short: the words between a title and the span
    ("Minister Oleksii" + "Yuriyovych Reznikov"), a first name before a middle initial
    ("Antony" + "J. Blinken"), and one or two title-case words after the span that end the
    name ("Andrés Manuel López" + "Obrador on …"; not "Trump" + "Secures Unprecedented U.S.")."""
    words: list[re.Match] = []
    at = s
    while len(words) < 2:
        before = _WORD_BEFORE.search(text[max(0, at - 40) : at])
        if not before or not _name_word(before.group().strip()):
            break
        words.append(before)
        at -= len(before.group())
        if _TITLE_BEFORE.search(text[max(0, at - 40) : at]):
            s = at  # a title opens the words before the span
            break
    if s != at and words and _INITIAL.match(text, s):
        s -= len(words[0].group())
    run: list[re.Match] = []
    while len(run) < 2:
        end = run[-1].end() if run else e
        nxt = _NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if not nxt or not _name_word(nxt.group()) or re.match(r"\w", text[nxt.end() : nxt.end() + 1]):
            break
        run.append(nxt)
    if run and re.match(r" +[A-ZÀ-Þ]", text[run[-1].end() : run[-1].end() + 4]):
        run = []  # capitals go on: a headline in title case, not a name
    return s, (run[-1].end() if run else e)


def _name_word(word: str) -> bool:
    return word not in NOT_NAME_WORDS and word not in TITLE_PARTS and not ROLE.fullmatch(word)


_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")


def _end_at_possessive(text: str, s: int, e: int) -> int:
    """Where a name in ``text[s:e]`` ends: at its first possessive ("President Biden’s
    commitment", "Aldana Ruiz’s Summit"), else at ``e``."""
    m = _POSSESSIVE.search(text, s, e)
    return m.start() if m else e


def _strip_person(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading honorific/article, a leading title ("King Salman": the guide's span is
    the name; the title is the role) and a trailing possessive from an NER span, and
    complete a name the model cut after a particle ("Ursula von der" + "Leyen"); a
    possessive ends the name ("Aldana Ruiz’s Summit")."""
    s += honorific_length(text[s:e])
    title = LEADING_TITLE.match(text[s:e])
    if title and re.match(rf"\s*{NAME_TOKEN}", text[s + title.end() : e]):
        s += title.end()
    particle = re.search(r"\s(?:von|van|der|de|da|del|di|du|le|la|bin|al)$", text[s:e])
    rest = re.match(rf"\s+{NAME_TOKEN}", text[e : e + 40]) if particle else None
    if rest:
        e += rest.end()
    span = text[s:e]
    if span.startswith(("the ", "The ")):
        s += 4
    return s, _end_at_possessive(text, s, e)


def looks_like_person(line: str, gazetteer: Gazetteer) -> bool:
    bare = line[honorific_length(line) :].strip("*_ ")
    # a state's name may end a person's name ("Luis Montenegro") but not start the line
    if ROLE.search(bare) or any(m.start == 0 for m in gazetteer.find(bare)) or any(c.isdigit() for c in bare):
        return False
    words = bare.split()
    if any(w.lower() in NAME_STOPWORDS for w in words):
        return False
    # particles do not count: "Ignacio de la Fuente y Arrieta" is four names
    names = [w for w in words if w not in NAME_PARTICLES]
    return bool(PERSON_LINE.match(bare)) and 2 <= len(names) <= 5
