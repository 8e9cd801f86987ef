"""A foreign official's name in its own script beside its Ukrainian transliteration.

Ukrainian contracts with foreign partners give the name as written at home in brackets after
the transliterated one ("в особі директора Кшиштофа Вуйціка (Krzysztof Wójcik)") and sign it so
under the Latin column ("K. Wójcik", "Ron SHAPIRO"). Each is a mention of the same official:
the same role and affiliation, the name as the bracket writes it. Run after the parties are
known, so the affiliation the party rules gave the transliterated mention is the one copied.
"""

from __future__ import annotations

import dataclasses
import re

from ..records import Document, Entity
from .officials import normalise_name

_WORD = r"[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]+"
# "(Krzysztof Wójcik)", "(Dr. Emily Rhodes)", "(Erik Lindholm)": two to four capitalised Latin words
BRACKETED = re.compile(rf"\s*\((?:(?:Dr|Prof|prof|dr)\.?\s+)?(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}})\)")


def add_latin_originals(doc: Document) -> None:
    """Every bracketed Latin original of a Ukrainian text's official, and every later mention
    of it by the whole name (in any letter case) or by an initial and the surname."""
    if (doc.lang or "") != "uk":
        return
    originals: list[Entity] = []
    for official in [e for e in doc.entities if e.label == "OFFICIAL"]:
        m = BRACKETED.match(doc.text, official.end)
        if m is None:
            continue
        s, e = m.span("name")
        originals.append(_mention(doc, official, s, e, normalise_name(m["name"])))
    for original in list(originals):
        words = original.text.split()
        first, surname = re.escape(words[0]), re.escape(words[-1])
        middle = "".join(rf"\s+{re.escape(w)}" for w in words[1:-1])
        later = re.compile(rf"(?<!\w)(?:{first}{middle}|{first[:1]}\.(?:\s*[A-Z]\.)?)\s+{surname}(?!\w)", re.IGNORECASE)
        for m in later.finditer(doc.text):
            originals.append(_mention(doc, original, m.start(), m.end(), original.name))
    taken = [(e.start, e.end) for e in doc.entities]
    for mention in originals:
        if not any(a < mention.end and mention.start < b for a, b in taken):
            doc.entities.append(mention)
            taken.append((mention.start, mention.end))
    doc.entities.sort(key=lambda x: (x.start, x.end))


def _mention(doc: Document, official: Entity, s: int, e: int, name: str | None) -> Entity:
    return dataclasses.replace(official, start=s, end=e, text=doc.text[s:e], name=name, source="latin-original")
