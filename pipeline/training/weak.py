"""Weakly-labelled training clauses derived from the structure of ToTA treaties.

The hand-labelled gold set has few disclaimers (the rarest label), while ToTA's
450 treaties carry hundreds of articles named "General Exceptions" / "Security
Exceptions" and long preambles. Two high-precision structural rules turn them
into extra examples:

* ``disclaimer``: a clause that carves the instrument's effect ("Nothing in this
  Agreement shall be construed …", "… shall not preclude …") — the guide's own
  cue phrases — in an article whose heading names an exception, or anywhere when
  the phrase is the guide's "nothing in this Agreement shall be construed";
* ``recital``: a preamble clause opening with a framing participle
  ("Recognizing", "Desiring", "Convinced", …) — in the detected preamble, or
  ending in "," / ";" as preamble paragraphs do.

These examples are kept apart from the gold set (their own JSONL file), are
switchable (``servanda train --weak-data FILE``) and carry a lower loss weight.
Reserved documents and every document of the gold set are excluded, so nothing
from dev or test leaks in.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..records import Clause

EXCEPTION_HEADING = re.compile(r"\bexception", re.IGNORECASE)
CARVE_OUT = re.compile(
    r"\bnothing in this (?:agreement|chapter|article|section|part|protocol|annex)\b[^.;:]*?"
    r"\b(?:shall|should|may) be (?:construed|interpreted|deemed)"
    r"|\bnothing in this (?:agreement|chapter|article|section|part)\b[^.;:]*?"
    r"\bshall (?:prevent|preclude|require|affect)"
    r"|\bshall not (?:preclude|prevent) (?:the )?(?:adoption|prohibitions|a party|any party|either party)",
    re.IGNORECASE,
)
CONSTRUED = re.compile(r"^nothing in this agreement shall be construed", re.IGNORECASE)
RECITAL_OPENING = re.compile(
    r"^(?:recogni[sz]ing|considering|desiring|convinced|bearing in mind|noting|reaffirming|aware|"
    r"conscious|determined|taking into account|resolved|having regard|acknowledging|wishing|"
    r"emphasi[sz]ing|believing|mindful|affirming|confirming|stressing|welcoming)\b",
    re.IGNORECASE,
)


def weak_label(clause: Clause) -> Optional[str]:
    """The structural label of a clause, or None when no rule is confident."""
    text = clause.text.strip()
    if clause.kind == "heading" or len(text) < 25:
        return None
    if CARVE_OUT.search(text) and (EXCEPTION_HEADING.search(clause.heading or "") or CONSTRUED.search(text)):
        return "disclaimer"
    # A framing participle that opens a preamble paragraph (which ends in "," or ";"
    # where the segmenter did not see a preamble heading) is a recital.
    if RECITAL_OPENING.search(text) and (clause.in_preamble or text[-1] in ",;"):
        return "recital"
    return None


def weak_examples(
    tota_xml_dir: Path, excluded: set[str], per_document: int = 8, per_label: int = 600
) -> Iterator[dict]:
    """Weak examples, at most ``per_document`` per label and document (variety over
    volume) and ``per_label`` in all, in a fixed order: the output is deterministic."""
    from ..reader import ReadError, read_document
    from ..runner import build_pipeline

    lang_id, segmenter = build_pipeline(until="segment")
    totals: Counter = Counter()
    for path in sorted(tota_xml_dir.glob("*.xml"), key=lambda p: (len(p.stem), p.stem)):
        if path.stem in excluded:
            continue
        try:
            doc = lang_id(read_document(path))
        except ReadError:
            continue
        if doc.lang != "en":  # the default encoder is English
            continue
        doc = segmenter(doc)
        taken: dict[str, int] = defaultdict(int)
        for clause in doc.clauses:
            label = weak_label(clause)
            if not label or taken[label] >= per_document or totals[label] >= per_label:
                continue
            taken[label] += 1
            totals[label] += 1
            yield {
                "doc_id": path.stem,
                "text": clause.text,
                "label": label,
                "lang": "en",
                "kind": clause.kind,
                "heading": clause.heading,
                "lead_in": clause.lead_in,
                "in_preamble": clause.in_preamble,
            }
        if all(totals[l] >= per_label for l in ("disclaimer", "recital")):
            break


def write_weak_data(out: Path, tota_xml_dir: Path, **limits) -> Counter:
    from ..gold import reserved_or_gold_ids

    excluded = reserved_or_gold_ids()
    counts: Counter = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for ex in weak_examples(tota_xml_dir, excluded, **limits):
            counts[ex["label"]] += 1
            fh.write(json.dumps(ex, ensure_ascii=False, sort_keys=True) + "\n")
    return counts
