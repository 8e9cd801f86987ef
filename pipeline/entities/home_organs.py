"""Ukraine's own organs named without the state in a Ukrainian text.

A Ukrainian ministry, the Cabinet, the Prosecutor General's Office or a state service
signs for Ukraine (NOTES.md, R1/G1: "a ministry or a state agency acts for its state"), and
a Ukrainian text names them without "України": "Міністерство освіти і науки та ЮНІСЕФ
підписали меморандум", "МОН", "Кабмін і ЄІБ", "Офіс Генпрокурора та Євроюст". The name stays
an ORG span (institution names are tagged whole, no nested PARTY); the party stage counts it as
a mention of Ukraine. A body that names another state ("Міністерство оборони Естонії") or
is a bank, company or university (which sign in their own names) is none of these.
"""

from __future__ import annotations

import re

from ..records import Document, Entity

HOME = "UKR"
_LOW = "а-яєіїґ'’ʼ"
# the full names, as the recogniser tags them (an ORG span with no id)
HOME_ORGAN_NAME = re.compile(
    r"^(?:Міністерств|Кабінет\w*\s+Міністрів|Офіс\w*\s+(?:Генерального\s+прокурора|Президента)|"
    r"Генеральн\w+\s+прокуратур|Верховн\w+\s+Рад|Державн\w+\s+(?:[\w'’ʼ-]+\s+){0,2}(?:служб|агентств|інспекці|митн)|"
    r"Національн\w+\s+(?:поліці|гварді)|Служб\w+\s+безпеки|Збройн\w+\s+Сил)",
)
# short names written alone ("МОН", "Мінфін", "Кабмін", "Офіс Генпрокурора", "ДСНС")
HOME_ORGAN_SHORT = re.compile(
    rf"(?<![\w-])(?:МОН|МЗС|МВС|МОЗ|ДСНС|ДПСУ|СБУ|ОГП|Генпрокуратур[{_LOW}]*|"
    rf"Офіс[{_LOW}]*\s+Генпрокурора|Кабмін[{_LOW}]*|Кабінет[{_LOW}]*\s+Міністрів|"
    rf"Держприкордонслужб[{_LOW}]*|Нацполіці[{_LOW}]*|Мін(?:фін|оборони|економіки|цифри|регіон|"
    rf"агрополітики|культ|стратегпром|соцполітики|відновлення|['’ʼ]?юст|ветеранів|енерго|інфраструктури|"
    rf"молодьспорт|довкілля|освіти)[{_LOW}]*|Уряд[{_LOW}]*)(?![\w-])"
)
# after an organ, the state it belongs to ("Кабінет Міністрів України", "Уряду Японії")
OWNER_GAP = 2  # characters between the organ and a state's name that follows it


def home_organ_mentions(doc: Document, named: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, "UKR", "state") for each of Ukraine's organs a Ukrainian ``doc`` names
    without the state; ``named`` are the mentions already found (start, end, id, kind)."""
    if (doc.lang or "") != "uk":
        return []
    taken = [(s, e) for s, e, _, _ in named] + [(x.start, x.end) for x in doc.entities if x.id]
    out = []
    for ent in doc.entities:
        if ent.label == "ORG" and not ent.id and _unowned(ent, named) and HOME_ORGAN_NAME.match(ent.text):
            out.append((ent.start, ent.end, HOME, "state"))
    spans = [(s, e) for s, e, _, _ in out]
    for m in HOME_ORGAN_SHORT.finditer(doc.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken + spans):
            continue
        if any(e <= a <= e + OWNER_GAP for a, _ in taken):
            continue  # "Уряду Японії": the organ of the state named after it
        out.append((s, e, HOME, "state"))
    return out


def _unowned(ent: Entity, named: list[tuple[int, int, str, str]]) -> bool:
    """Does no state or organisation stand inside or right after the organ's name?"""
    return not any(ent.start <= s < ent.end + OWNER_GAP for s, _, _, _ in named)
