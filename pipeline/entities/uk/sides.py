"""The state a Ukrainian title stands for when the text names it as a side.

"від України — …", "українська сторона", "угорська делегація на чолі з …": in talks and
delegations a title's state is given by the side, not inside the title.
"""

from __future__ import annotations

import re
from typing import Optional

from ...records import Entity
from .gazetteer import demonym_id
from .titles import MILITARY_RANKS
from .tokens import Token, lemmas


def state_before_rank(toks: list[Token], h: int, names) -> Optional[str]:
    """ "… Збройних сил України генерал-лейтенант Руслан Хомчак": the state named right
    before a military rank (token ``h``) is the one whose forces the officer serves in."""
    if toks[h].lower.split("-")[0] not in MILITARY_RANKS:
        return None
    return next((en.id for _, _, _, j, en in names if j == h and en.kind == "state"), None)


# Nouns after which a state's adjective names its side ("з фінського боку", "румунська сторона")
SIDE_NOUNS = frozenset({"бік", "сторона", "частина", "делегація"})
# the two that make a state a side of talks in a report ("румунська сторона", "угорська делегація");
# "бік" and "частина" place an official ("з фінського боку") but name no party
TALKS_SIDE_NOUNS = frozenset({"сторона", "делегація"})
SIDE_MARKER = frozenset({"від", "за"})
# the words that name a side before its name or kind ("від ОВА", "з боку фонду"), in a pattern
SIDE_WORDS_UK = r"(?:[вВ]ід|[зЗ]\s+боку)"
SIDE_BREAK = re.compile(r"[.!?;\n]")


def word_before(text: str, start: int, end: int) -> str:
    words = text[start:end].split()
    return words[-1].lower() if words else ""


DASHES = re.compile(r"\s*[—–-]\s*")
HEADED_BY = (("на", "чолі", "з"), ("на", "чолі", "із"))


def side_marked(text: str, toks: list[Token], names, role_start: int) -> Optional[str]:
    """The side a sentence assigns the title at ``role_start`` to: the nearest "від X" before
    it in the same sentence ("Від України документ підписав міністр …, від Молдови —
    міністерка …", "від польської сторони — віцеміністр …"), a delegation the title heads
    ("угорська делегація на чолі з державним секретарем …", "Румунську делегацію очолював …"),
    the state it represents ("Сербію на саміті представляв віцепрем'єр …"),
    or a side whose noun is left out before a dash ("…, в'єтнамську — заступник міністра …")."""
    state_at = {i: en.id for _, _, i, _, en in names if en.kind == "state"}
    if role_start >= 2 and DASHES.fullmatch(text, toks[role_start - 1].end, toks[role_start].start):
        if toks[role_start - 1].text[:1].islower() and (state := demonym_id(toks[role_start - 1])):
            return state
    lead = _delegation_lead(toks, role_start)
    if lead is not None and lemmas(toks[lead + 1].lower) & TALKS_SIDE_NOUNS and (state := demonym_id(toks[lead])):
        return state
    if role_start >= 2 and toks[role_start - 1].lower.startswith("представля"):
        # "Сербію на саміті представляв | віцепрем'єр …", "ПРООН представляв | Постійний
        # представник …": the state or organisation the verb's object names
        named_at = {i: en.id for _, _, i, _, en in names}
        for k in range(role_start - 2, max(-1, role_start - 6), -1):
            if SIDE_BREAK.search(text, toks[k].end, toks[k + 1].start):
                break
            if k in named_at:
                return named_at[k]
    for k in range(role_start - 1, 0, -1):
        if SIDE_BREAK.search(text, toks[k - 1].end, toks[k].start):
            return None
        if toks[k - 1].lower in SIDE_MARKER:
            if k in state_at:
                return state_at[k]
            if (state := side_state(toks, k)) and toks[k].text[:1].islower():
                return state
    return None


def _delegation_lead(toks: list[Token], role_start: int) -> Optional[int]:
    """The adjective of "<adjective> делегація на чолі з | <title>" or "<adjective> делегацію
    очолив | <title>", or None."""
    for words in HEADED_BY:
        k = role_start - len(words)
        if k >= 2 and tuple(t.lower for t in toks[k:role_start]) == words:
            return k - 2
    if role_start >= 3 and toks[role_start - 1].lower.startswith(("очолю", "очолив", "очолила")):
        return role_start - 3  # "Румунську делегацію очолював | …", "молдовську делегацію очолив | …"
    return None


def side_state(toks: list[Token], k: int, nouns: frozenset[str] = SIDE_NOUNS) -> Optional[str]:
    """The state whose adjective ``toks[k]`` names a side ("турецьку | частину", "угорська |
    делегація"): before one of ``nouns``; a capitalised adjective inside a clause is part of a
    name ("Литовська Республіка"), not a side."""
    if k + 1 >= len(toks) or toks[k].capitalised and k > 0 or not lemmas(toks[k + 1].lower) & nouns:
        return None
    return demonym_id(toks[k])


# what stands between the items of a list: "Данії, Швеції й Норвегії"
LIST_SEPARATORS = frozenset({", ", ",", " і ", " й ", " та "})
LIST_DASH = re.compile(r"\s*[—–]\s*")


def respective_sides(text: str, names, officials: list[Entity]) -> None:
    """ "прем'єр-міністри Данії, Швеції й Норвегії — Ларс …, Ерік … і Гуннар …": the states
    listed before a dash and as many officials listed after it act for them in order."""
    states = sorted((s, e, en.id) for s, e, _, _, en in names if en.kind == "state")
    listed = sorted(officials, key=lambda o: o.start)
    i = 0
    while i < len(states):
        run = [states[i]]
        while i + len(run) < len(states) and text[run[-1][1] : states[i + len(run)][0]] in LIST_SEPARATORS:
            run.append(states[i + len(run)])
        dash = LIST_DASH.match(text, run[-1][1]) if len(run) > 1 else None
        if dash:
            after = [o for o in listed if o.start >= dash.end()][: len(run)]
            if (
                len(after) == len(run)
                and after[0].start == dash.end()
                and all(text[a.end : b.start] in LIST_SEPARATORS for a, b in zip(after, after[1:]))
            ):
                for official, (_, _, sid) in zip(after, run):
                    official.affiliation, official.role = sid, after[0].role  # one title for the list
        i += len(run)
