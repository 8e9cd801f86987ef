"""The layout layer of segmentation: raw lines into blocks. It rejoins OCR line breaks inside
sentences, splits paragraphs separated only by runs of spaces, recognises list items (and
strips their markers), headings and signature blocks. spaCy knows nothing of this."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional

from .patterns import (
    BRACKETED_CONTINUATION,
    BRACKETED_LIST,
    CAPITALISED_VERB,
    CAPITALS_SURNAME,
    COLUMN_GAP,
    COMMA_JOINED_MARKER,
    CONJUNCTION_END,
    CONNECTOR_END,
    CONNECTOR_WORD_END,
    CYRILLIC_LETTER,
    HEADING_WORD,
    INITIALLED_NAME,
    INLINE_MARKER,
    INLINE_SIGNATURE,
    INLINE_SIGNATURE_RUN,
    ITEM_CONJUNCTION_END,
    LINE_MARKER,
    LINE_TAIL,
    LIST_MARKER,
    LONE_CONJUNCTION,
    LONE_MARKER,
    NUMBER_IN_BRACKETS,
    PERSON_ENTRY,
    PREAMBLE_ITEM_START,
    REFERENCE_NUMBER,
    REFERENCE_WORD_END,
    RUN_IN_LIST,
    RUN_IN_MARKER,
    SENTENCE_INSIDE,
    SHORT_HEADING_TAIL,
    SHORT_LINE,
    SIGNATORY_NAME,
    SIGNATURE_FIELD,
    SIGNATURE_MARK,
    SIGNATURE_MARK_WITHIN,
    SIGNATURE_RULE,
    SIGNATURE_START,
    SIGNATURE_TAIL,
    SIGNED_LINE,
    SPACE_PARAGRAPH,
    TERMINAL,
    WRAP_MIN_LINES,
    WRAPPED_MIN_LONG_LINES,
)


@dataclass
class Block:
    """A run of text that the layout layer decided belongs together."""

    start: int
    end: int
    kind: str  # heading | list_item | signature | dateline | paragraph


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    for m in re.finditer(r"[^\n]+", text):
        span = trimmed(text, m.start(), m.end())
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
        span = trimmed(text, s, e)
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


def trimmed(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None
