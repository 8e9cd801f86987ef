"""The party a well-known officeholder acts for, where the text names none.

A White House release writes "President Trump" and "Secretary Rubio"; a Ukrainian report
writes "Дональд Трамп" in a sentence about Kyiv. No rule over the text can give these
officials a state: a reader knows it. ``data/officeholders.json`` holds that knowledge
for heads of state and government, foreign and defence ministers and a few others
(2014–2025), and an OFFICIAL left without an affiliation takes it from there:

- by full name ("Donald J. Trump", "Дональд Трамп"), where the person held offices for
  one party only, or where the mention's title is one of those offices;
- by surname ("Trump"), only with the title of one of the person's offices ("President
  Trump", not "Speaker Johnson"), and only where every match agrees.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..apostrophes import unify_apostrophes
from ..records import Entity
from .gazetteer import institution_owners, load_json

# The title words of the table's offices as Ukrainian roles write them (stems, lower case,
# apostrophes unified).
UKRAINIAN_TITLES = {
    "President": ("президент",),
    "Vice President": ("віцепрезидент", "віце-президент"),
    "Prime Minister": ("прем'єр",),
    "Premier": ("прем'єр",),
    "Minister": ("міністр",),
    "Secretary": ("секретар", "держсекретар"),
    "Chancellor": ("канцлер",),
    "King": ("корол",),
    "Crown Prince": ("принц",),
    "Prince": ("принц",),
    "High Representative": ("верховн",),
    "Envoy": ("посланц", "посланник", "спецпредставник"),
    "Representative": ("представник",),
    "Ambassador": ("посол",),
    "Adviser": ("радник",),
    "Advisor": ("радник",),
    "Head": ("керівник", "голова"),
    "Spokesman": ("речник",),
    "Spokeswoman": ("речниц",),
    "Spokesperson": ("речник", "речниц"),
}


NASAB = re.compile(r"\b(?:bin|bint|ibn|бін|ібн)\b")


def _key(name: str) -> str:
    """A name as the table and a text may both spell it: case, accents, dots and
    apostrophes aside ("JD Vance" = "J.D. Vance", "Erdogan" = "Erdoğan")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", unify_apostrophes(name)) if not unicodedata.combining(c))
    return " ".join(plain.replace(".", "").replace("'", "").casefold().split())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[dict[str, str]]], dict[str, list[dict[str, str]]]]:
    """Full name → offices of each person of that name; surname → the same."""
    by_name: dict[str, list[dict[str, str]]] = {}
    by_surname: dict[str, list[dict[str, str]]] = {}
    for person in load_json("officeholders.json")["officeholders"]:
        offices = person["offices"]
        keys = {_key(n) for n in person.get("en", []) + person.get("uk", [])}
        for key in keys:
            by_name.setdefault(key, []).append(offices)
        # "Mohammed bin Salman": the last word of a name with a nasab is a father's name, which
        # others share ("Salman bin Hamad Al Khalifa"): full names only
        for surname in {k.split()[-1] for k in keys if not NASAB.search(k)}:
            entries = by_surname.setdefault(surname, [])
            if not any(e is offices for e in entries):
                entries.append(offices)
    return by_name, by_surname


@lru_cache(maxsize=1)
def ukrainian_names() -> list[tuple[str, str, dict[str, str]]]:
    """(first name, surname, offices) of each officeholder the table names in Ukrainian with
    two words ("Володимир Путін")."""
    out = []
    for person in load_json("officeholders.json")["officeholders"]:
        for name in person.get("uk", []):
            words = name.split()
            if len(words) == 2:
                out.append((words[0], words[1], person["offices"]))
    return out


def title_stems(office: str) -> tuple[str, ...]:
    """The stems Ukrainian writes the table's office with ("President" → "президент")."""
    return UKRAINIAN_TITLES.get(office, ())


def _holds(role: Optional[str], office: str) -> bool:
    if not role:
        return False
    folded = unify_apostrophes(role).casefold()
    return office.casefold() in folded or any(stem in folded for stem in UKRAINIAN_TITLES.get(office, ()))


def known_affiliation(name: str, role: Optional[str]) -> Optional[str]:
    """The party of the officeholder ``name`` with the title ``role``, or None where the
    table does not know the person or cannot tell which of their offices is meant."""
    by_name, by_surname = _index()
    key = _key(name)
    full = key in by_name
    entries = by_name.get(key) or by_surname.get(key.split()[-1] if key else "", [])
    found = set()
    for offices in entries:
        held = {party for office, party in offices.items() if _holds(role, office)}
        if not held and full and len(set(offices.values())) == 1:
            held = set(offices.values())
        found |= held
    return found.pop() if len(found) == 1 else None


def officeholder_affiliations(entities: list[Entity]) -> list[Entity]:
    """Give each OFFICIAL without an affiliation the party the table knows it acts for, and
    one who holds an office of an organisation's institution that organisation ("President
    of the European Commission" acts for the EU)."""
    owners = institution_owners()
    for ent in entities:
        if ent.label != "OFFICIAL":
            continue
        affiliation = ent.affiliation or known_affiliation(ent.name or ent.text, ent.role)
        ent.affiliation = owners.get(affiliation or "", affiliation)
    return entities
