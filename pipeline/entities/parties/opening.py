"""A document's opening, and whether it reads as a report, a treaty or an act.

Most evidence is looked for in the opening: a report's lead (page furniture such as bylines
and datelines not counted), a treaty's title block. What kind of text it is decides which
evidence applies: a report about an instrument or talks, a text set out in articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...records import Clause, Document
from .mentions import OPENING_CLAUSES, OPENING_SHARE

_I = re.IGNORECASE


TITLE_MAX_CHARS = 250
INSTRUMENT_CUE = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|agreement|accord|deal|treaty|declaration|memorandum|pact|approved|ratif\w+|"
    r"concluded)\b|підписа\w*|угод\w*|деклараці\w*|меморанд\w*|договор\w*|договір|ратифік\w*|пакт\w*"
    r"|спільн\w*\s+заяв\w*|комюніке",
    _I,
)
NEWS_OPENING = 3
SIDES_OPENING = 3  # clauses after the opening in which a report still names the sides of its talks
ACT_TITLE_BLOCK = 8  # clauses of an act's title block (issuer, kind, date, number, place, subject)
# Ukrainian talks ("переговори", "консультації", "зустріч") report their participants as the parties
# of what the talks produce.
TALKS_UK = re.compile(
    r"(?<!\w)(?:переговор\w*|перемовин\w*|консультаці\w*|зустріч(?:і|ей|ам|ами|ах|чю)?(?!\w)|саміт\w*|домови(?:л|в)\w*"
    # a call between leaders, not an interview ("у розмові з журналістами"); the noun
    # "зустріч" only: "шанувальники зустрічають свято" greet a feast, nobody meets
    r"|домовленост\w*|телефонн\w+\s+розмов\w*|(?:досяг\w*|дійш\w*)\s+згоди)",
    _I,
)
TREATY_STRUCTURE = re.compile(
    r"\b(?:Article|ARTICLE|Artículo|Стаття)\s+\d|\b(?:the\s+)?(?:Contracting\s+)?Parties\b"
    r"|\bParticipants\b|\blas\s+Partes\b|Сторони"
)
TREATY_STRUCTURE_MIN = 3
# What makes a Ukrainian report one about an instrument or an undertaking, beside
# INSTRUMENT_CUE and TALKS_UK (working "у співпраці з" someone is no instrument). A report
# with none of them reports no instrument, so it has no parties (guide §5), however often
# it names two states.
REPORT_INSTRUMENT_UK = re.compile(
    r"(?<!\w)(?:програм\w*|уклал\w*|уклав|укладен\w*|заяв[аиуіо]\w*|зобов\w*|протокол\w*|конвенці\w*|план\w*\s+дій|харті\w*"
    r"|обмін\w*\s+нотами)",
    _I,
)
# A loan told without a signing ("… залучила у Європейського інвестиційного банку кредит",
# "Світовий банк надасть Україні позику"): a loan is an agreement of lender and borrower, who
# are its parties as a signing's sides are.
LOAN_UK = re.compile(r"(?<!\w)(?:кредит(?!н)\w*|позик\w*)", _I)
REPORT_CUES_UK = (INSTRUMENT_CUE, TALKS_UK, REPORT_INSTRUMENT_UK, LOAN_UK)
# --- evidence sources ----------------------------------------------------------


def news_opening(doc: Document, more: int = 0) -> list[Clause]:
    """A report's first ``NEWS_OPENING`` (+ ``more``) clauses, not counting the page's furniture
    after its headline: a byline, a date line, "Реклама", "Деталі" (a heading or dateline of fewer
    than ``FURNITURE_WORDS`` words), which would push the lead out of the opening. (A list item as
    short, "Автор:", may be a memorandum's item: it counts.)"""
    out: list[Clause] = []
    counted = 0
    for k, clause in enumerate(doc.clauses):
        if counted == NEWS_OPENING + more:
            break
        out.append(clause)
        furniture = k > 0 and clause.kind in FURNITURE_KINDS and len(_WORDS.findall(clause.text)) < FURNITURE_WORDS
        counted += not furniture
    return out


def after_news_opening(doc: Document) -> list[Clause]:
    return doc.clauses[len(news_opening(doc)) :]


_WORDS = re.compile(r"[^\W\d_]{2,}")
FURNITURE_WORDS = 4
FURNITURE_KINDS = ("heading", "dateline")


def document_opening(doc: Document) -> list[Clause]:
    limit = max(2000, int(OPENING_SHARE * len(doc.text)))
    return [c for c in doc.clauses[:OPENING_CLAUSES] if c.start < limit]


def title_block(doc: Document) -> list[Clause]:
    """The opening lines before the first sentence: short, and not ending as a
    sentence or a list entry does."""
    block = []
    for clause in doc.clauses[:OPENING_CLAUSES]:
        if len(clause.text) > TITLE_MAX_CHARS or clause.text.rstrip("*_ ").endswith((".", ";", ":", ",")):
            break
        block.append(clause)
    return block


def report_opening(doc: Document, pattern: re.Pattern) -> Iterator[tuple[Clause, re.Match]]:
    """The clauses of a Ukrainian report's opening (not an instrument's) in which ``pattern``
    matches, with the match."""
    if not ukrainian_report(doc):
        return
    for clause in news_opening(doc):
        m = pattern.search(clause.text)
        if m is not None:
            yield clause, m


def treaty_structured(doc: Document) -> bool:
    """Does the text have an instrument's structure (articles, "the Parties")?"""
    return len(TREATY_STRUCTURE.findall(doc.text[:50_000])) >= TREATY_STRUCTURE_MIN


def ukrainian_report(doc: Document) -> bool:
    """A Ukrainian text without an instrument's structure: news, a statement, a press release."""
    return (doc.lang or "") == "uk" and not treaty_structured(doc)
