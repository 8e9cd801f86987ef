"""The entity stage: states, organisations, institutions and officials with offsets.

Work is split by what each part costs. The gazetteer (states and organisations from
data) is one regular-expression pass over the whole text; institution and signature
rules run per clause; the statistical NER — by far the slowest part — runs only on
the clauses where it can add something: every clause of a short document (news
reports, declarations), and in long treaties only the clauses with a title word
("Minister", "President", …), where officials are named. Clauses go through
``nlp.pipe`` in batches, and every offset is mapped back to the document.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..records import Clause, Document, Entity
from ..stages import PipelineError, Stage
from .coined import oblast_bodies_of_bare_titles
from .gazetteer import ABBREVIATION, DATA_DIR, Gazetteer, SpanSet, gazetteer, load_json, state_ids
from .institutions import DOCUMENT_WORDS, ORGANISATION_NOUNS, InstitutionFinder
from .models import (
    STANZA_LANGS,
    ner_uk_dir,
    ner_uk_version,
    require_stanza_models,
    spacy_english,
    spacy_ukrainian,
    spacy_version,
    stanza_pipeline,
)
from .officeholders import officeholder_affiliations
from .officials import ROLE, OfficialFinder
from .signatures import SignatureReader
from .uk.bodies import local_officials
from .uk.persons import full_names_for_initials
from .uk.recognizer import UkrainianRecognizer
from .uk.short_forms import guesses_over, short_forms_defined
from .uk.sides import side_state
from .uk.titles import FOREIGN_LOCAL_TITLE
from .uk.tokens import lemmas, tokens_of

BACKENDS = ("spacy", "stanza")
# Up to this size a document is read whole by the NER (news, declarations).
SMALL_DOC_CHARS = 10_000
NER_BATCH = 64
MAX_NER_CLAUSE = 20_000  # a run-on OCR "clause" longer than this is not where officials are named
# Which recogniser wins when two candidate spans overlap; then the longer span.
SOURCE_PRIORITY = {
    "decree-list": 7,
    "signature": 6,
    "title-pattern": 6,
    "apposition": 5,
    "coreference": 4,
    "coordination": 4,
    "defined-name": 4,
    "institution": 3,
    "gazetteer": 2,
    "lemma-gazetteer": 2,
    "abbreviation": 1,
    "short-form": 1,
    "spacy": 1,
    "stanza": 1,
}
COLLECTIVE_NAMES = frozenset(
    {
        "participants",
        "parties",
        "party",
        "sides",
        "side",
        "signatories",
        "contracting parties",
        "participant",
        "government",
        "governments",
        "state",
        "states",
    }
)


def ner_uk_missing() -> str:
    """The warning a record gets when its Ukrainian text was read without the NER."""
    return (
        f"entities: the Ukrainian NER is not installed ({ner_uk_dir()}; `make model-ner-uk` trains it); "
        "Ukrainian persons came from the dictionary and title patterns only"
    )


STANZA_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "PERS": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}


@lru_cache(maxsize=1)
def data_version() -> str:
    """A short digest of the data files, so outputs record which lists produced them."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("*.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


class EntityRecognizer(Stage):
    """Stage: ``Document.entities`` (STATE/ORG/OFFICIAL; PartyResolver adds PARTY).

    ``backend="spacy"`` (default) uses the English spaCy pipeline for persons and
    organisations; ``backend="stanza"`` uses stanza's English/Ukrainian NER and needs
    its models installed locally (no download is attempted)."""

    name = "entities"
    requires = frozenset({"text", "lang", "clauses"})
    provides = frozenset({"entities"})

    def __init__(
        self, backend: str = "spacy", stanza_dir: Optional[str] = None, small_doc_chars: int = SMALL_DOC_CHARS
    ):
        if backend not in BACKENDS:
            raise PipelineError(f"unknown NER backend {backend!r}; choose one of {BACKENDS}")
        self.backend = backend
        self.small_doc_chars = small_doc_chars
        if backend == "stanza":
            self.stanza_dir = str(require_stanza_models(resources_dir=Path(stanza_dir) if stanza_dir else None))
            for lang in STANZA_LANGS:  # load now: a broken install fails when the pipeline is built
                try:
                    stanza_pipeline(lang, self.stanza_dir)
                except Exception as err:
                    raise PipelineError(
                        f"stanza could not load its {lang} tokenize+ner models from {self.stanza_dir}: {err}"
                    ) from err
        else:
            spacy_english()  # load now: a missing model fails when the pipeline is built
        spacy_ukrainian()  # optional: loaded now when installed, so a broken one fails here

    @property
    def version(self) -> str:
        if self.backend == "stanza":
            import stanza

            ner = f"stanza-{stanza.__version__}"
        else:
            ner = spacy_version()
        uk = ner_uk_version() or "ner-uk-absent"
        return f"gazetteer-{data_version()}+{ner}+{uk}+rules-177"

    def process(self, doc: Document) -> Document:
        text = doc.text
        lang = doc.lang or "en"
        ukrainian = [c for c in doc.clauses if (c.lang or lang) == "uk" or lang == "uk" and _mixed_ukrainian(c)]
        latin = [c for c in doc.clauses if (c.lang or lang) != "uk"]
        latin_lang = lang if lang in ("en", "es", "fr") else "en"
        gaz = gazetteer(latin_lang)
        candidates = [
            Entity(
                m.start, m.end, text[m.start : m.end], "STATE" if m.kind == "state" else "ORG", id=m.id, source=m.source
            )
            for m in gaz.find(text)
        ]
        if ukrainian:
            persons = self._ukrainian_persons(text, ukrainian)
            if persons is None:
                doc.warnings.append(ner_uk_missing())
            found = UkrainianRecognizer().entities(text, ukrainian, persons)
            # of a mixed clause, only what the Ukrainian rules find in Ukrainian words: its Latin
            # names are the Latin stages' ("Deutsche Gesellschaft für …" whole, as the table has it)
            mixed = [(c.start, c.end) for c in ukrainian if c.lang not in (None, "uk")]
            candidates += [e for e in found if CYRILLIC.search(e.text.lower()) or not _inside(e, mixed)]
        candidates += self._latin_entities(text, latin, latin_lang, gaz, len(text) <= self.small_doc_chars)
        if ukrainian and self.backend == "stanza":
            candidates += self._stanza_orgs(text, ukrainian, "uk", gaz)
        candidates = resolve_overlaps(candidates)
        candidates = resolve_overlaps(candidates + abbreviations(text, candidates))
        if ukrainian:
            defined = short_forms_defined(text, candidates)
            candidates = resolve_overlaps([c for c in candidates if not guesses_over(text, c, defined)] + defined)
        candidates = resolve_overlaps(candidates + community_short_forms(text, candidates))
        doc.entities = share_official_attributes(
            officeholder_affiliations(short_forms(candidates, "uk" if lang == "uk" else "en"))
        )
        if lang == "uk":
            # the home rule may reach one mention of a person and not another (a sentence that
            # names another state): every mention of the same person acts for the same party
            oblast_bodies_of_bare_titles(text, local_officials(doc.entities))
            share_official_attributes(home_officials(doc.entities, ukrainian, "UKR"))
            full_names_for_initials(doc.entities)
        return doc

    @staticmethod
    def _ukrainian_persons(text: str, clauses: list[Clause]) -> Optional[list[tuple[int, int]]]:
        """PER spans of the Ukrainian NER (document offsets), or None when it is not
        installed (the record then says so in its warnings)."""
        nlp = spacy_ukrainian()
        if nlp is None:
            return None
        selected = [c for c in clauses if len(c.text) <= MAX_NER_CLAUSE]
        return [
            (clause.start + ent.start_char, clause.start + ent.end_char)
            for clause, parsed in zip(selected, nlp.pipe((c.text for c in selected), batch_size=NER_BATCH))
            for ent in parsed.ents
            if ent.label_ == "PER"
        ]

    # --- English, Spanish, French ----------------------------------------------
    def _latin_entities(self, text: str, clauses: list[Clause], lang: str, gaz: Gazetteer, small: bool) -> list[Entity]:
        institutions = InstitutionFinder(lang, gaz)
        officials = OfficialFinder(lang, gaz)
        signatures = SignatureReader(lang, gaz)
        out: list[Entity] = []
        for clause in clauses:
            out += institutions.find(text, clause.start, clause.end)
        out += signatures.from_signatures(text, clauses)
        if lang in ("es", "fr"):
            out += officials.from_honorifics(text, clauses)
            out += officials.from_titled_appositions(text, clauses)
        if lang == "en" or self.backend == "stanza":
            selected = [c for c in clauses if len(c.text) <= MAX_NER_CLAUSE and (small or ROLE.search(c.text))]
            spans = list(self._ner_spans(text, selected, lang))
            headings = SpanSet()
            for c in clauses:
                if c.kind == "heading":
                    headings.add(c.start, c.end)
            out += officials.from_persons(text, [(s, e) for s, e, label in spans if label == "PERSON"])
            if lang == "en":
                out += officials.from_titled_surnames(text, selected)
                out += officials.from_english_appositions(text, clauses)
            out += officials.coordinated(text, [e for e in out if e.label == "OFFICIAL"])
            out += [
                ent
                for s, e, label in spans
                if label in ("ORG", "GPE") and not headings.overlaps(s, e)
                for ent in [_statistical_entity(text, s, e, label, gaz, self.backend)]
                if ent
            ]
        out += signatures.from_name_runs(text, out)
        found = [e for e in out if e.label == "OFFICIAL"]
        if found:
            taken = SpanSet()
            for ent in resolve_overlaps(out):
                taken.add(ent.start, ent.end)
            out += OfficialFinder.coreferent(
                text, found, clauses, lambda s, e: not taken.overlaps(s, e), two_surnames=lang == "es"
            )
        return out

    def _ner_spans(self, text: str, clauses: list[Clause], lang: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, PERSON|ORG|GPE) in document offsets."""
        if not clauses:
            return
        if self.backend == "stanza":
            yield from self._stanza_spans(text, clauses, lang)
            return
        nlp = spacy_english()
        for clause, parsed in zip(clauses, nlp.pipe((c.text for c in clauses), batch_size=NER_BATCH)):
            for ent in parsed.ents:
                if ent.label_ in ("PERSON", "ORG", "GPE"):
                    yield clause.start + ent.start_char, clause.start + ent.end_char, ent.label_

    def _stanza_spans(self, text: str, clauses: list[Clause], lang: str) -> Iterable[tuple[int, int, str]]:
        import stanza

        nlp = stanza_pipeline(lang if lang in ("en", "uk") else "en", self.stanza_dir)
        docs = nlp([stanza.Document([], text=c.text) for c in clauses])
        for clause, parsed in zip(clauses, docs):
            for ent in parsed.ents:
                label = STANZA_LABELS.get(ent.type)
                if label:
                    yield clause.start + ent.start_char, clause.start + ent.end_char, label

    def _stanza_orgs(self, text: str, clauses: list[Clause], lang: str, gaz: Gazetteer) -> list[Entity]:
        spans = self._stanza_spans(text, [c for c in clauses if len(c.text) <= MAX_NER_CLAUSE], lang)
        return [
            ent
            for s, e, label in spans
            if label == "ORG"
            for ent in [_statistical_entity(text, s, e, label, gaz, "stanza")]
            if ent
        ]


def _statistical_entity(text: str, s: int, e: int, label: str, gaz: Gazetteer, source: str) -> Optional[Entity]:
    """An ORG or GPE from the NER, if it is a name the guide tags: no treaty or
    programme names, no collective references, no cities or regions (a GPE counts only
    when the gazetteer knows it as a state)."""
    m = re.match(r"(?:the|The|THE)\s+", text[s:e])
    if m:
        s += m.end()
    cut = re.search(r"\s*\(|['’]s?$", text[s:e])  # "Air Force Capability Coalition (AFCC", "Ukraine’s"
    if cut:
        e = s + cut.start()
    surface = text[s:e]
    words = re.findall(r"\w+", surface.lower())
    if not words or "\n" in surface or not surface[:1].isupper() or any(w in DOCUMENT_WORDS for w in words):
        return None
    if surface.lower() in COLLECTIVE_NAMES:
        return None
    known = gaz.lookup(surface)
    if label == "GPE":
        if known and known[1] == "state":
            return Entity(s, e, surface, "STATE", id=known[0], source=source)
        return None
    if known:
        return Entity(s, e, surface, "ORG", id=known[0], source=source) if known[1] == "org" else None
    # The small model calls many capitalised phrases ORG ("Cyber Security", "Euro-Atlantic
    # Integration"); only a phrase headed by an organisation noun is kept.
    if not any(w in ORGANISATION_NOUNS for w in words):
        return None
    return Entity(s, e, surface, "ORG", source=source)


def abbreviations(text: str, entities: list[Entity]) -> list[Entity]:
    """Organisations defined with an abbreviation ("Stockholm International Peace
    Research Institute (SIPRI)") are also tagged where the abbreviation is used."""
    defined: dict[str, Entity] = {}
    for ent in entities:
        if ent.label == "ORG":
            m = ABBREVIATION.match(text, ent.end)
            if m and m.group("abbr") not in defined:
                defined[m.group("abbr")] = ent
    if not defined:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w-])")
    return [
        Entity(m.start(), m.end(), m.group(), "ORG", id=defined[m.group()].id, source="abbreviation")
        for m in pattern.finditer(text)
    ]


def short_forms(entities: list[Entity], lang: str) -> list[Entity]:
    """ "the Union" is the EU, "the Alliance" NATO, in a document that names them in full."""
    table = load_json("organisations.json")["short_forms"].get(lang, {})
    named = {e.id for e in entities if e.id}
    for ent in entities:
        if ent.label == "ORG" and ent.id is None and table.get(ent.text) in named:
            ent.id = table[ent.text]
    return entities


# "the Community" or "the Union" of a treaty with the European Communities or Union ("An
# association between the Union and its Member States, of the one part, and …"); not the start
# of another body's name ("the Community of Sahel-Saharan States", "the Union Council").
COMMUNITY = re.compile(
    r"(?<=\b[Tt]he\s)(?:Community|Union)\b(?!\s+(?:of\b|[A-Z]))"
    r"|(?<=\bla\s)(?:Comunidad|Communauté|Unión)\b(?!\s+(?:de\b|[A-ZÁÉÍÓÚ]))"
    r"|(?<=\bl['’])Union\b(?!\s+(?:de\b|[A-Z]))"
)
COMMUNITY_NAME = re.compile(r"Communit|Union|Comunidad|Communaut|Unión", re.IGNORECASE)
# another community or union named in full ("the East African Community", "the Eurasian
# Economic Union"), which the tables may not know
OTHER_COMMUNITY = re.compile(r"\b(?!The\b)(?:[A-Z][\w-]{2,}\s+){1,4}(?:Community|Union)\b")
EUROPEAN_BEFORE = 40  # "European Coal and Steel Community" is a European one


def community_short_forms(text: str, entities: list[Entity]) -> list[Entity]:
    """ "the Community", "the Union" ("la Comunidad", "l'Union") is the EU in a document whose
    communities and unions named in full are mostly the European ones: the EU's treaties call
    it so throughout and may name it in full only deep in the text, while in the treaty of
    another community or union the short form is that body."""
    european = sum(1 for e in entities if e.id == "EU" and e.label != "OFFICIAL" and COMMUNITY_NAME.search(e.text))
    if not european:
        return []  # most documents: the text is not read again
    others = sum(1 for e in entities if e.id not in (None, "EU") and COMMUNITY_NAME.search(e.text)) + sum(
        1 for m in OTHER_COMMUNITY.finditer(text) if "Europ" not in text[max(0, m.start() - EUROPEAN_BEFORE) : m.end()]
    )
    if european <= others:
        return []
    return [Entity(m.start(), m.end(), m.group(), "ORG", id="EU", source="gazetteer") for m in COMMUNITY.finditer(text)]


def share_official_attributes(entities: list[Entity]) -> list[Entity]:
    """A mention of an official that lacks the role or affiliation ("Президент Володимир
    Зеленський" in running text) takes them from another mention of the same person
    (the signature block "За Україну: Президент Володимир Зеленський")."""
    officials = [e for e in entities if e.label == "OFFICIAL"]
    by_name: dict[str, Entity] = {}
    for off in officials:
        key = (off.name or off.text).casefold()
        known = by_name.get(key)
        if known is None or (not known.affiliation and off.affiliation):
            by_name[key] = off
    for off in officials:
        known = by_name[(off.name or off.text).casefold()]
        if not off.affiliation and known.affiliation:
            off.affiliation = known.affiliation
        if not off.role and known.role:
            off.role = known.role
    # "Порошенко", "П. Порошенко" after "президент України Петро Порошенко": the same surname
    # with one affiliation in the document is the same person acting for the same party,
    # unless the titles differ ("Speaker Johnson" is not "Prime Minister Boris Johnson")
    by_surname: dict[str, list[Entity]] = {}
    for off in officials:
        if off.affiliation:
            by_surname.setdefault(surname_of(off), []).append(off)
    for off in officials:
        if off.affiliation:
            continue
        found = {o.affiliation for o in by_surname.get(surname_of(off), []) if _same_title(off.role, o.role)}
        if len(found) == 1:
            off.affiliation = found.pop()
    return entities


CYRILLIC = re.compile(r"[а-яєіїґ]")
CYRILLIC_WORD = re.compile(r"(?<!\w)[А-ЯЄІЇҐа-яєіїґ'’ʼ-]{2,}(?!\w)")
# Cyrillic words in a clause that language ID gave another language: a Ukrainian text's line that
# names a foreign body in its own language ("між Одеською обласною військовою адміністрацією та
# Deutsche Gesellschaft für …" reads as German) still names the Ukrainian side in Ukrainian
MIXED_CYRILLIC_WORDS = 3
LATIN_LETTER = re.compile(r"[A-Za-z]")


def _inside(ent: Entity, spans: list[tuple[int, int]]) -> bool:
    return any(s <= ent.start and ent.end <= e for s, e in spans)


def _mixed_ukrainian(clause: Clause) -> bool:
    """Does a clause of a Ukrainian document that language ID read as another language mix
    Ukrainian words, which the Ukrainian rules should read too, with Latin ones? (A clause all
    in Cyrillic that language ID calls Russian is a quote in Russian, not a mixed line.)"""
    return (
        clause.lang != "uk"
        and LATIN_LETTER.search(clause.text) is not None
        and len(CYRILLIC_WORD.findall(clause.text)) >= MIXED_CYRILLIC_WORDS
    )


def _same_title(a: Optional[str], b: Optional[str]) -> bool:
    """Could two mentions' titles be one office ("Secretary", "Secretary of State"; a
    mention without a title)?"""
    if not a or not b:
        return True
    a, b = a.casefold(), b.casefold()
    if a in b or b in a:
        return True
    if CYRILLIC.search(a) and CYRILLIC.search(b):  # "Послу" and "Посол": one title in two cases
        return bool(lemmas(a.split()[0]) & lemmas(b.split()[0])) and (len(a.split()) == 1 or len(b.split()) == 1)
    return False


# Titles whose holders act for a city or a region ("заступник міського голови"; not the
# national "Міністерство розвитку громад та територій"), or, in a Ukrainian text, often for
# another state (consuls, ambassadors): no default for them; nor for a foreign city's or
# region's head (uk.titles.FOREIGN_LOCAL_TITLE) or a university's or a company's people, whose
# titles say so themselves (NOT_HOME_ROLE).
NOT_HOME_TITLE = re.compile(
    r"міськ|обласн|районн|сільськ(?!\w+\s+господарств)|селищн|(?<!розвитку\s)громад|департамент|управлінн|муніципал"
    r"|(?-i:\b(?:ОДА|ВЦА|РДА)\b)|консул|посол|посл[іа]",
    re.IGNORECASE,
)
# the same in the title itself (not in the words before it, which may name another's body); a
# cleric acts for a church, never for the state ("Митрополит Епіфаній", "патріарх Варфоломій")
NOT_HOME_ROLE = re.compile(
    r"\b(?:про)?ректор|університет|компані|корпорац|концерн"
    r"|митрополит|патріарх|архієпископ|єпископ|владик|предстоятел|кардинал|архімандрит|ігумен|священ",
    re.IGNORECASE,
)
TITLE_WINDOW = 80  # characters before a name in which its title stands


def home_officials(entities: list[Entity], clauses: list[Clause], home: str) -> list[Entity]:
    """A Ukrainian text's own officials are named without their state ("міністр закордонних
    справ Павло Клімкін", "глава держави"): an official whose title names no state, body or
    organisation, in a sentence that names none but ``home``, acts for ``home``. A title of a
    local body ("заступник міського голови") or a consul's is left without an affiliation."""
    named = sorted((e.start, e.id) for e in entities if e.label != "OFFICIAL" and e.id)
    counterpart = _main_foreign_state(entities, home)
    read: dict[int, tuple[frozenset[str], list[tuple[int, str]]]] = {}
    starts = [c.start for c in clauses]  # in text order, not overlapping
    for off in entities:
        if off.label != "OFFICIAL" or off.affiliation:
            continue
        k = bisect.bisect_right(starts, off.start) - 1
        if k < 0 or off.start >= clauses[k].end:
            continue
        clause = clauses[k]
        title = clause.text[max(0, off.start - clause.start - TITLE_WINDOW) : off.start - clause.start]
        if off.source == "decree-list" and _listed_for(clauses, k, HOME_DELEGATION):
            off.affiliation = home  # "До складу української делегації увійшли:" / "ТКАЧЕНКО … — директор …"
            continue
        role = off.role or ""
        if NOT_HOME_TITLE.search(role) or NOT_HOME_ROLE.search(role) or FOREIGN_LOCAL_TITLE.search(role):
            continue
        if NOT_HOME_TITLE.search(re.split(r"[.!?;:—–«»]", title)[-1]):
            continue
        in_clause = {sid for start, sid in named if clause.start <= start < clause.end}
        if clause.kind == "signature" and home not in in_clause:
            continue  # "Від Міжнародного центру …" / "Генеральний директор": the body's, not Ukraine's
        others = in_clause - {home}
        if k not in read:  # a sentence's sides, read once for all its officials
            by_name = [  # "З боку України документ підписав …"
                (at - clause.start, sid)
                for at, sid in named
                if clause.start <= at < clause.end and BY_SIDE_NAME.search(clause.text, 0, at - clause.start)
            ]
            read[k] = (frozenset(_sides(clause.text)) - {home}, sorted(_side_marks(clause.text) + by_name))
        sides, marks = set(read[k][0]), read[k][1]
        ahead = [state for at, state in marks if at < off.start - clause.start]
        marked = {state for _, state in marks}
        if counterpart and others <= {counterpart} and not sides and MET_WITH.search(_before_role(title, off.role)):
            off.affiliation = counterpart
        elif ahead and len(marked) > 1 and others <= marked:
            # "з боку української Сторони — на заступника Міністра …, з боку словацької Сторони — на
            # …", "З боку України …, з боку Молдови — …": each side of a sentence that names both
            # (and names no other state) places the people after it
            off.affiliation = ahead[-1]
        elif not others and not sides:
            off.affiliation = home
        elif not others and len(sides) == 1 and off.source != "coreference":
            # "… Сірпа Лааксонен, яка координуватиме роботу з фінського боку": the side she is on;
            # not a person named again ("повноваження для Петрука О.С. … і повідомити грузинську
            # сторону"), whose side her first mention gives
            off.affiliation = sides.pop()
        elif not sides and (
            _home_capitalised(title, off.role, k > 0 and _ends_in_dash(clauses[k - 1]))
            or HOME_MINISTRY.search(off.role or "")
            or (STATE_OFFICE.fullmatch(role) and not others & state_ids())
            or (STATE_OFFICE.match(role) and others and others <= _officials_states(entities, clause, off))
        ):
            # "Міністр фінансів Богдан … і віцепрезидент Європейського інвестиційного банку …": an
            # organisation has no minister; a state's office named without a state, in a sentence
            # that names no other state, or none but those of the other officials it names
            # ("віцепрем’єр-міністерка Литви Аушра … та віцепрем’єр-міністерка з питань
            # європейської інтеграції Оксана …"), is the text's own state's
            off.affiliation = home
    return entities


def _officials_states(entities: list[Entity], clause: Clause, off: Entity) -> set[str]:
    """The states that the sentence's other officials act for by their own titles."""
    return {
        e.affiliation
        for e in entities
        if e.label == "OFFICIAL" and e is not off and e.affiliation and clause.start <= e.start < clause.end
    }


# a state's own office, named alone: "Міністр фінансів", "міністерка", "Президент", "Генеральний прокурор"
STATE_OFFICE = re.compile(
    r"(?:(?:перш\w+\s+)?(?:віце-?)?прем['’ʼ]єр-міністе?р\w*|міністе?р\w*(?:\s+[а-яєіїґ'’ʼ]+){0,4}|президент\w*"
    r"|генеральн\w+\s+прокурор\w*)",
    re.IGNORECASE,
)


# a side named by its state's or body's name: "З боку України | документ підписав …", "від імені
# Уряду | Королівства Нідерландів — міністеркою …", "від імені | Європейського інвестиційного банку — …"
BY_SIDE_NAME = re.compile(
    r"(?<!\w)(?:з\s+боку|від\s+імені)\s+(?:(?:Кабінету\s+Міністрів|Уряду|Федерального\s+уряду|Президента)\s+)?$",
    re.IGNORECASE,
)
# the lead of a list of a Ukrainian delegation's or side's members
HOME_DELEGATION = re.compile(r"(?:українськ\w+|України)\s+(?:делегаці|сторон)|делегаці\w+\s+України", re.IGNORECASE)
LIST_LEAD_REACH = 30  # list lines between a member and the lead that names the list


def _listed_for(clauses: list[Clause], k: int, lead: re.Pattern) -> bool:
    """Is clause ``k`` a line of a list whose lead (the nearest clause before it that ends in
    a colon) matches ``lead``?"""
    for j in range(k - 1, max(-1, k - 1 - LIST_LEAD_REACH), -1):
        text = clauses[j].text.rstrip()
        if text.endswith(":"):
            return bool(lead.search(text))
        if text.endswith((".", "!", "?")):
            return False  # a sentence, not a list line, stands between
    return False


# "зустрілася із …", "провела переговори з …", "Під час зустрічі з …": the title that follows
# is the host's or the guest's, whom a Ukrainian report names without their state.
MET_WITH = re.compile(r"(?:зустр(?:і|еч)\w*|переговор\w*|розмов\w*|бесід\w*)\s+(?:з|із|зі)\s*$", re.IGNORECASE)


def _before_role(title: str, role: Optional[str]) -> str:
    """The words before a lower-case title ("… зустрілася із" before "заступницею міністра …");
    empty where the role is capitalised (the home state's own offices) or not in ``title``."""
    title = title.rstrip()
    if not role or not role[:1].islower() or not title.endswith(role):
        return ""
    return title[: len(title) - len(role)]


def _main_foreign_state(entities: list[Entity], home: str) -> Optional[str]:
    """The foreign state a Ukrainian report names most, if one is named more than any other:
    the other side of the visit or the talks it is about."""
    counts: dict[str, int] = {}
    for e in entities:
        if e.label == "STATE" and e.id and e.id != home:
            counts[e.id] = counts.get(e.id, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


# "Заступниця Міністра …", "першого заступника Міністра …": inside a title, Ukrainian spelling
# capitalises only the state's own Minister ("заступник міністра закордонних справ Японії")
HOME_MINISTRY = re.compile(r"(?<=\w)\s+Міністр[аіуом]*\b")


def _ends_in_dash(clause: Clause) -> bool:
    """ "Київ, 27 лютого 2026 р. —": a dateline the next clause goes on from."""
    return clause.text.rstrip().endswith(("—", "–"))


def _home_capitalised(title: str, role: Optional[str], after_dash: bool) -> bool:
    """A title capitalised inside a sentence ("Під час церемонії Заступниця Міністра охорони
    здоров’я …", "Київ, 27 лютого 2026 р. — Генеральний прокурор …"): Ukrainian spelling
    capitalises the titles of the state's own highest offices, not a foreign minister's
    ("міністеркою торгівлі …"). ``after_dash``: the clause opens after a dateline's dash."""
    title = title.rstrip()
    if not role or not role[:1].isupper() or not title.endswith(role):
        return False
    before = title[: len(title) - len(role)].rstrip()
    if not before:
        return after_dash
    return before[-1] not in ".!?\n" and not before.endswith(("»", '"'))


def _sides(text: str) -> list[str]:
    """States a Ukrainian sentence names as a side ("з фінського боку", "турецьку частину"), by a
    lower-case adjective only: an official is placed by a side named after their name, not by a
    sentence that opens with one, nor by one a quotation names ("За словами Ткачишина, «двері
    для російської сторони відчинені»")."""

    toks = tokens_of(QUOTATION.sub(lambda m: " " * len(m.group()), text))
    return [state for k in range(len(toks)) if not toks[k].capitalised and (state := side_state(toks, k))]


QUOTATION = re.compile(r"«[^«»]*»")


def _side_marks(text: str) -> list[tuple[int, str]]:
    """Where a Ukrainian sentence names a side by "з боку X-ої Сторони" or "з X-ого боку", and
    whose."""

    toks = tokens_of(text)
    return [
        (toks[k].start, state)
        for k in range(len(toks) - 1)
        if toks[k + 1].lower.startswith(("сторон", "бок")) and (state := side_state(toks, k))
    ]


def surname_of(official: Entity) -> str:
    words = (official.name or official.text).split()
    return words[-1].casefold() if words else ""


def resolve_overlaps(candidates: Iterable[Entity]) -> list[Entity]:
    """Non-overlapping entities: the more trusted recogniser first, then the longer span."""
    chosen: list[Entity] = []
    taken = SpanSet()
    order = sorted(candidates, key=lambda x: (-SOURCE_PRIORITY.get(x.source or "", 0), -(x.end - x.start), x.start))
    for ent in order:
        if ent.end <= ent.start or taken.overlaps(ent.start, ent.end):
            continue
        chosen.append(ent)
        taken.add(ent.start, ent.end)
    return sorted(chosen, key=lambda x: (x.start, x.end))
