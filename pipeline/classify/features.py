"""What the linear models see of a clause and of a document: one definition, used by
training and at run time alike (so the two cannot drift apart)."""

from __future__ import annotations

import re
from typing import Optional

from ..apostrophes import unify_apostrophes
from ..records import Clause, Document
from .cues import classify_clause
from .linear import analyze

DOCUMENT_CHARS = 4000


def clause_features(clause: Clause, lang: str, instrument: Optional[str] = None) -> list[str]:
    """The clause's n-grams and words, its structural context, and the cue lexicon's
    verdict (the model learns how far to trust the rules in each context); with
    ``instrument``, the document's kind too."""
    cue_label, _ = classify_clause(clause, lang)
    extra = [
        f"kind={clause.kind}",
        f"preamble={clause.in_preamble}",
        f"lead_in={bool(clause.lead_in)}",
        f"cue={cue_label}",
        f"cue={cue_label}|kind={clause.kind}",
    ]
    if lang == "uk":
        extra += ukrainian_morphology(clause.text)
    if instrument:
        extra += instrument_features(extra, instrument)
    return analyze(clause.text, extra, words=True)


# The clause features whose meaning depends on the kind of document they are in.
CROSSED_WITH_INSTRUMENT = ("kind=", "cue=", "verb=", "opens_with_infinitive")


def instrument_features(features: list[str], instrument: str) -> list[str]:
    """The document's kind, alone and crossed with the clause's kind, cue verdict and verb
    forms: a past-tense "домовилися" reports an undertaking in a news report, while an
    opening infinitive is an order in an official act and a heading in a memorandum."""
    return [f"instrument={instrument}"] + [
        f"instrument={instrument}|{f}" for f in features if f.startswith(CROSSED_WITH_INSTRUMENT)
    ]


_CYRILLIC_WORD = re.compile(r"[а-яіїєґ']+(?:-[а-яіїєґ']+)*")


def ukrainian_morphology(text: str) -> list[str]:
    """Lemmas and the tense of every verb, from pymorphy3: with a few hundred Ukrainian
    gold clauses, "надаватиме", "нададуть" and "зобов'язалися" must meet as one verb, and
    an undertaking reported in news ("домовилися …") or an order in a decree ("затвердити
    …") shows in the verb's form more than in its letters."""
    from ..entities.models import morph_uk

    morph = morph_uk()
    features = []
    words = _CYRILLIC_WORD.findall(unify_apostrophes(text.lower()))
    for k, word in enumerate(words):
        parse = morph.parse(word)[0]
        tag = parse.tag
        features.append(f"lem={parse.normal_form}")
        if tag.POS != "VERB":
            continue
        if "infn" in tag:  # pymorphy3's Ukrainian dictionary tags the infinitive VERB + infn
            tense = "infinitive"
            if k < 2:
                features.append("opens_with_infinitive")
        else:
            future = "futr" in tag or ("perf" in tag and "pres" in tag)
            tense = "future" if future else ("past" if "past" in tag else "present")
        features.append(f"verb={tense}|{tag.number or 'impers'}")
        features.append(f"verb_lemma={parse.normal_form}|{tense}")
    return features


def document_features(doc: Document) -> list[str]:
    """The opening of the document (title, parties, preamble or lead paragraph) and a
    few counts of its structure."""
    kinds = {c.kind for c in doc.clauses}
    listed = sum(c.kind == "list_item" for c in doc.clauses)
    extra = [f"lang={doc.lang}", *(f"has={k}" for k in sorted(kinds))]
    extra.append(f"list_share={min(4, 10 * listed // max(1, len(doc.clauses)))}")
    extra.append(f"length={min(6, len(doc.text).bit_length() - 10)}")
    return analyze(doc.text[:DOCUMENT_CHARS], extra)
