"""Officials named again later in a Ukrainian text, without their title.

"– відзначив Микола Вікторович", "Андрій першим …", "Путін будує …" after "російського
президента": a later mention by first name, by first name and patronymic, or by surname.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

from ...records import Clause, Entity
from ..gazetteer import SpanSet
from ..officeholders import title_stems, ukrainian_names
from .gazetteer import demonym_id
from .tokens import Token, adjacent, grammemes, is_patronymic, lemmas, same_name, tags_of, tokens_of


def taken_spans(found: list[Entity]) -> SpanSet:
    """The spans of the entities found so far, for a later mention not to overlap them."""
    taken = SpanSet()
    for ent in found:
        if not taken.overlaps(ent.start, ent.end):
            taken.add(ent.start, ent.end)
    return taken


def by_first_name_and_patronymic(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "– відзначив Микола Вікторович": a first name and a patronymic, without a surname, name the
    one official of the document with that first name (and that patronymic, where the official's
    name has one), as Ukrainian writes of a known person with respect."""
    by_first = _officials_by_first_name(found)
    taken = taken_spans(found)
    out = []
    for clause in clauses:
        toks = tokens_of(text, clause.start, clause.end)
        for n in range(len(toks) - 1):
            first, patronymic = toks[n], toks[n + 1]
            if not (first.capitalised and patronymic.capitalised and adjacent(text, [first, patronymic])):
                continue
            if taken.overlaps(first.start, patronymic.end) or not is_patronymic(patronymic):
                continue
            if n + 2 < len(toks) and toks[n + 2].capitalised and adjacent(text, toks[n + 1 : n + 3]):
                continue  # a full name follows: its own mention
            matches = [o for lemma in sorted(lemmas(first.lower)) for o in by_first.get(lemma, [])]
            if len(matches) != 1:
                continue
            official = matches[0]
            own = (official.name or "").split()[1:-1]
            if own and not same_name(patronymic.lower, own[0].lower()):
                continue  # the official's patronymic is another
            out.append(_later_mention(text, first.start, patronymic.end, official))
    return out


def _later_mention(text: str, start: int, end: int, official: Entity) -> Entity:
    """A later mention of ``official`` at ``start``–``end``: his role, side and full name."""
    return Entity(
        start,
        end,
        text[start:end],
        "OFFICIAL",
        role=official.role,
        affiliation=official.affiliation,
        name=official.name,
        source="coreference",
    )


def _officials_by_first_name(found: list[Entity]) -> dict[str, list[Entity]]:
    """The officials found, by the lower-cased first word of their full name (one entry per
    name)."""
    by_first: dict[str, list[Entity]] = {}
    for off in found:
        if off.label == "OFFICIAL" and off.name and len(words := off.name.split()) >= 2 and not words[0].isupper():
            by_first.setdefault(words[0].lower(), [])
            if all(o.name != off.name for o in by_first[words[0].lower()]):
                by_first[words[0].lower()].append(off)
    return by_first


def by_first_name_alone(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "Андрій першим із жителів країн СНД переміг у конкурсі": a life story names its official
    by first name alone (NOTES: such a mention is the official's). Only a word the dictionary
    reads as nothing but a first name ("Роман", "Надія", "Любов" are also common nouns), of
    the one official with that first name, where no other person in the text bears it
    ("Андрій Новак") and the word starts no full name."""
    by_first = _officials_by_first_name(found)
    if not by_first:
        return []
    all_toks = [tok for clause in clauses for tok in tokens_of(text, clause.start, clause.end)]
    others: set[str] = set()  # first names another full name in the text also bears
    for tok, nxt in zip(all_toks, all_toks[1:]):
        if not (tok.capitalised and nxt.capitalised and adjacent(text, [tok, nxt])):
            continue
        for lemma in lemmas(tok.lower) & by_first.keys():
            surname = (by_first[lemma][0].name or "").split()[-1].lower()
            if not same_name(nxt.lower, surname) and not is_patronymic(nxt):
                others.add(lemma)
    taken = taken_spans(found)
    out = []
    for k, tok in enumerate(all_toks):
        tags = tags_of(tok.lower)
        if not tok.capitalised or not tags or not all("Name" in t.grammemes for t in tags):
            continue
        matches = [o for lemma in sorted(lemmas(tok.lower)) for o in by_first.get(lemma, []) if lemma not in others]
        if len(matches) != 1 or taken.overlaps(tok.start, tok.end):
            continue
        before = all_toks[k - 1] if k else None
        after = all_toks[k + 1] if k + 1 < len(all_toks) else None
        if (before is not None and before.capitalised and adjacent(text, [before, tok])) or (
            after is not None and after.capitalised and adjacent(text, [tok, after])
        ):
            continue  # part of a full name, the official's or another's: its own mention
        out.append(_later_mention(text, tok.start, tok.end, matches[0]))
    return out


def untitled_officeholders(text: str, clauses: Iterable[Clause], found: list[Entity]) -> list[Entity]:
    """ "Граючи на комплексах росіян, Путін будує імперію …" with "російського президента"
    written elsewhere: a well-known officeholder (data/officeholders.json) named without a
    title is an official where the text writes his office for him: a title of that office with
    his state beside it ("російського президента", "президент Росії"; for Ukraine's own offices
    the title alone, "Президента") and no other person's name after it. Every mention by full
    name or surname then counts (NOTES: a person is an official where an office is written for
    him in the text); none where another person of that surname is named."""

    toks = [tok for clause in clauses for tok in tokens_of(text, clause.start, clause.end)]
    taken = taken_spans(found)
    out: list[Entity] = []
    # a surname's forms share its first letters ("Путін", "Путіна", "Путіним"): each capitalised
    # word is tried only on the officeholders whose surnames begin as it does
    people = ukrainian_names()
    by_start: dict[str, list[int]] = {}
    for n, (_, surname, _) in enumerate(people):
        by_start.setdefault(surname.lower()[:SURNAME_KEY], []).append(n)
    mentions_of: dict[int, list[int]] = {}
    for k, tok in enumerate(toks):
        for n in by_start.get(tok.lower[:SURNAME_KEY], ()) if tok.capitalised else ():
            if same_name(tok.lower, people[n][1].lower()):
                mentions_of.setdefault(n, []).append(k)
    named = [(*people[n], mentions) for n, mentions in sorted(mentions_of.items())]
    for first, surname, offices, mentions in named:
        if any(other is not offices and set(other.items()) & set(offices.items()) for _, _, other, _ in named):
            continue  # two presidents of Ukraine named: "президент України" says not which
        firsts = [
            toks[k - 1] for k in mentions if k and toks[k - 1].capitalised and adjacent(text, toks[k - 1 : k + 1])
        ]
        if any("Name" in grammemes(t.lower) and not same_name(t.lower, first.lower()) for t in firsts):
            continue  # "Олексій Порошенко": another person of that surname
        written = _office_written_for(text, toks, offices, surname, found)
        if written is None:
            continue
        title, party = written
        name = f"{first} {surname}" if any(same_name(t.lower, first.lower()) for t in firsts) else surname
        for k in mentions:
            with_first = k and toks[k - 1] in firsts and same_name(toks[k - 1].lower, first.lower())
            start, end = (toks[k - 1].start if with_first else toks[k].start), toks[k].end
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            out.append(
                Entity(
                    start,
                    end,
                    text[start:end],
                    "OFFICIAL",
                    role=title,
                    affiliation=party,
                    name=name,
                    source="officeholder",
                )
            )
    return out


SURNAME_KEY = 3
# how far after a title the name it introduces begins ("президент Франції Емманюель Макрон")
TITLE_NAME_REACH = 40


def _office_written_for(
    text: str, toks: list[Token], offices: dict[str, str], surname: str, found: list[Entity]
) -> Optional[tuple[str, str]]:
    """(the title as written, the party) of one of ``offices`` that the text writes with its
    state beside it and with no other official's name after it, or None."""

    officials = [e for e in found if e.label == "OFFICIAL"]
    places = [e for e in found if e.label != "OFFICIAL" and e.id]
    for office, party in offices.items():
        stems = title_stems(office)
        for k, tok in enumerate(toks):
            if not stems or not tok.lower.startswith(stems):
                continue
            if all("plur" in tag for tag in tags_of(tok.lower) if "NOUN" in tag):
                continue  # "Міністри оборони чотирьох держав": several people's office, not his
            after = next((o for o in officials if 0 <= o.start - tok.end <= TITLE_NAME_REACH), None)
            if after is not None and not same_name((after.name or after.text).split()[-1].lower(), surname.lower()):
                continue  # "президент Франції Емманюель Макрон": another person's title
            adjective = demonym_id(toks[k - 1]) if k else None
            state = next((e for e in places if 0 <= e.start - tok.end <= 2), None)
            if adjective == party:
                return text[toks[k - 1].start : tok.end], party
            if state is not None and state.id == party:
                return text[tok.start : state.end], party
            if party == "UKR" and adjective is None and state is None:
                return tok.text, party  # Ukraine's own office, its state unsaid
    return None
