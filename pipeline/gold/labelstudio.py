"""Label Studio round trip: gold records to tasks and corrected tasks back.

Exported labels travel as ``predictions``: the annotator starts from them, and they
become ground truth only when the annotator submits. Import takes each task's newest
submitted annotation; skipped (cancelled) ones never count.

A clause or entity is a labelled region; its attributes (a commitment's actors, strength…,
an entity's id, an official's role…) are per-region controls of the labelling config, shown
for the labels they belong to, so that an annotator who relabels a clause as a commitment
or marks a new PARTY can give them. Each control's result carries the region's ``id``; on
import it overrides the region's ``meta`` (where exports before these controls kept the
attributes), and attributes that do not belong to the region's label are dropped. The
document's parties are a document-level text box, since a new PARTY must be one of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from ..paths import PROJECT_ROOT
from ..records import ENTITY_LABELS, LABELS, STRENGTHS
from .store import read_text

CONDITIONAL, UNCONDITIONAL = "conditional", "unconditional"
PARTIES = "parties"
REGION_KINDS = {"clause": "clauses", "entity": "entities"}  # Labels control → record field


@dataclass(frozen=True)
class Control:
    """A per-region control of the labelling config: one gold attribute of a region."""

    name: str  # the control's name in the config (a result's ``from_name``)
    key: str  # the gold attribute
    region: str  # the Labels control whose regions it describes: "clause" or "entity"
    labels: tuple[str, ...]  # the region labels it belongs to (and is shown for)
    kind: str  # "ids": canonical ids, comma-separated; "text"; "strength"; "conditional"
    hint: str


CONTROLS = (
    Control(
        "actors",
        "actors",
        "clause",
        ("commitment",),
        "ids",
        "actors: who undertakes it (canonical ids, comma-separated)",
    ),
    Control(
        "beneficiaries", "beneficiaries", "clause", ("commitment",), "ids", "beneficiaries: for whom (canonical ids)"
    ),
    Control("strength", "strength", "clause", ("commitment",), "strength", "strength"),
    Control("conditional", "conditional", "clause", ("commitment",), "conditional", "conditional?"),
    Control(
        "entity_id", "id", "entity", ("PARTY", "STATE", "ORG"), "text", "canonical id (ISO 3166-1 alpha-3, EU, NATO…)"
    ),
    Control("role", "role", "entity", ("OFFICIAL",), "text", "role of the official"),
    Control("affiliation", "affiliation", "entity", ("OFFICIAL",), "text", "affiliation: canonical id of the party"),
    Control("official_name", "name", "entity", ("OFFICIAL",), "text", "name of the official (normalised)"),
)
BY_NAME = {c.name: c for c in CONTROLS}


def _ids_text(ids: list[str]) -> str:
    return ", ".join(ids)


def _control_value(control: Control, value: Any) -> dict[str, Any] | None:
    """The result ``value`` (without offsets) that carries ``value``; None where the
    control is left empty (an empty text box has no result in Label Studio)."""
    if control.kind == "ids":
        return {"text": [_ids_text(value)]} if value else None
    if control.kind == "text":
        return {"text": [str(value)]} if value not in (None, "") else None
    if control.kind == "conditional":
        return {"choices": [CONDITIONAL if value else UNCONDITIONAL]}
    return {"choices": [value]}


def _region_results(rid: str, region: str, item: dict[str, Any], text: str) -> list[dict[str, Any]]:
    span = {"start": item["start"], "end": item["end"]}
    controlled = {c.key for c in CONTROLS if c.region == region}
    meta = {k: v for k, v in item.items() if k not in ("start", "end", "label", *controlled)}
    labels: dict[str, Any] = {
        "id": rid,
        "from_name": region,
        "to_name": "text",
        "type": "labels",
        "value": {**span, "text": text[item["start"] : item["end"]], "labels": [item["label"]]},
    }
    if meta:
        labels["meta"] = meta
    results = [labels]
    for control in CONTROLS:
        if control.region != region or item["label"] not in control.labels or control.key not in item:
            continue
        value = _control_value(control, item[control.key])
        if value is not None:
            kind = "textarea" if control.kind in ("ids", "text") else "choices"
            results.append(
                {"id": rid, "from_name": control.name, "to_name": "text", "type": kind, "value": {**span, **value}}
            )
    return results


def to_label_studio(record: dict[str, Any], root: Path = PROJECT_ROOT) -> dict[str, Any]:
    """A Label Studio task (text + pre-annotations) for correcting one document."""
    text = read_text(record["path"], root)
    results: list[dict[str, Any]] = [
        {
            "id": PARTIES,
            "from_name": PARTIES,
            "to_name": "text",
            "type": "textarea",
            "value": {"text": [_ids_text(record["parties"])]},
        }
    ]
    for i, c in enumerate(record["clauses"]):
        results += _region_results(f"c{i}", "clause", c, text)
    for i, e in enumerate(record["entities"]):
        results += _region_results(f"e{i}", "entity", e, text)
    data = {"text": text}
    data.update({k: v for k, v in record.items() if k not in ("clauses", "entities")})
    return {"data": data, "predictions": [{"model_version": "gold", "result": results}]}


class LabelStudioError(ValueError):
    """A task that cannot become a gold record; ``str(err)`` says why."""


def _split_ids(texts: list[str]) -> list[str]:
    ids = [x for x in re.split(r"[\s,;]+", " ".join(texts)) if x]
    return list(dict.fromkeys(ids))


def _read_control(control: Control, value: dict[str, Any]) -> Any:
    if control.kind == "ids":
        return _split_ids(value.get("text", []))
    if control.kind == "text":
        return " ".join(t.strip() for t in value.get("text", []) if t.strip())
    choices = value.get("choices") or [None]
    if control.kind == "conditional":
        if choices[0] not in (CONDITIONAL, UNCONDITIONAL):
            raise LabelStudioError(f"conditional {choices[0]!r} is not {CONDITIONAL!r} or {UNCONDITIONAL!r}")
        return choices[0] == CONDITIONAL
    return choices[0]


def _regions(results: list[dict[str, Any]], doc_id: str) -> tuple[dict[str, list[dict[str, Any]]], list[str] | None]:
    """The clauses and entities of one annotation's results, and the parties it gives
    (None where the annotation has no parties box)."""
    regions: dict[str, tuple[str, dict[str, Any]]] = {}
    parties = None
    for res in results:
        name = res.get("from_name")
        if name in REGION_KINDS:
            v = res["value"]
            if len(v.get("labels", [])) != 1:
                raise LabelStudioError(
                    f"{doc_id}: the region at {v.get('start')} has labels {v.get('labels')}, not one"
                )
            regions[res["id"]] = (
                name,
                {"start": v["start"], "end": v["end"], "label": v["labels"][0], **res.get("meta", {})},
            )
        elif name == PARTIES:
            parties = sorted(set(_split_ids(res["value"].get("text", []))))
        elif name not in BY_NAME:
            raise LabelStudioError(
                f"{doc_id}: unknown control {name!r}; label with the config that"
                " `servanda annotations label-studio-config` prints"
            )
    given: dict[str, dict[str, Any]] = {rid: {} for rid in regions}
    for res in results:
        control = BY_NAME.get(res.get("from_name", ""))
        if control is None:
            continue
        if res.get("id") not in regions:
            raise LabelStudioError(f"{doc_id}: a {control.name} result belongs to no labelled region ({res.get('id')})")
        try:
            given[res["id"]][control.key] = _read_control(control, res["value"])
        except LabelStudioError as err:
            raise LabelStudioError(f"{doc_id}: region at {res['value'].get('start')}: {err}") from None
    out: dict[str, list[dict[str, Any]]] = {"clauses": [], "entities": []}
    for rid, (kind, item) in regions.items():
        mine = [c for c in CONTROLS if c.region == kind]
        # the region's label decides which attributes it has; results override meta
        record_item = {k: v for k, v in item.items() if k not in {c.key for c in mine}}
        for control in mine:
            if item["label"] not in control.labels:
                continue
            value = given[rid].get(control.key, item.get(control.key))
            if value is None and control.key == "beneficiaries":
                value = []  # an empty box has no result
            if value not in (None, ""):
                record_item[control.key] = value
        out[REGION_KINDS[kind]].append(record_item)
    return out, parties


def from_label_studio(task: dict[str, Any]) -> dict[str, Any]:
    """The gold record back from a (possibly corrected) Label Studio task."""
    data = dict(task["data"])
    data.pop("text", None)
    if "doc_id" not in data or "path" not in data:
        raise LabelStudioError("the task's data has no doc_id/path: it was not exported by servanda")
    submitted = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
    if not submitted:
        skipped = len(task.get("annotations", []))
        raise LabelStudioError(
            f"{data['doc_id']}: no submitted annotation" + (f" ({skipped} skipped)" if skipped else "")
        )
    record = dict(data)
    regions, parties = _regions(submitted[-1]["result"], data["doc_id"])
    if parties is not None:
        record["parties"] = parties
    record["clauses"] = sorted(regions["clauses"], key=lambda c: c["start"])
    record["entities"] = sorted(regions["entities"], key=lambda e: e["start"])
    return record


def _control_xml(control: Control) -> str:
    if control.kind in ("ids", "text"):
        return (
            f'      <TextArea name="{control.name}" toName="text" perRegion="true" editable="true" '
            f'maxSubmissions="1" rows="1" placeholder={quoteattr(control.hint + ", then Enter")}/>'
        )
    values = STRENGTHS if control.kind == "strength" else (UNCONDITIONAL, CONDITIONAL)
    choices = "".join(f'<Choice value="{v}"/>' for v in values)
    return (
        f'      <Choices name="{control.name}" toName="text" perRegion="true" choice="single" '
        f'showInline="true">{choices}</Choices>'
    )


def labelling_config() -> str:
    """The labelling config matching the export: the document in a wide column (the two
    Labels controls over the text) and, in a narrow column that stays in view while the
    long text scrolls, the parties box and each group of per-region controls, shown only
    while a region with one of its labels is selected."""
    lines = ['<View style="display: flex; align-items: flex-start; gap: 1em">', '  <View style="flex: 3">']
    for name, values in (("clause", LABELS), ("entity", ENTITY_LABELS)):
        tags = "".join(f'<Label value="{v}"/>' for v in values)
        lines.append(f'    <Labels name="{name}" toName="text">{tags}</Labels>')
    lines.append('    <Text name="text" value="$text"/>')
    lines.append("  </View>")
    lines.append('  <View style="flex: 1; position: sticky; top: 0">')
    lines.append('    <Header value="parties of the document" size="6"/>')
    lines.append(
        f'    <TextArea name="{PARTIES}" toName="text" editable="true" maxSubmissions="1" rows="1" '
        'placeholder="canonical ids, comma-separated, then Enter"/>'
    )
    groups: dict[tuple[str, tuple[str, ...]], list[Control]] = {}
    for control in CONTROLS:
        groups.setdefault((control.region, control.labels), []).append(control)
    for (region, labels), controls in groups.items():
        lines.append(
            f'    <View visibleWhen="region-selected" whenTagName="{region}" whenLabelValue="{",".join(labels)}">'
        )
        for control in controls:
            lines.append(f'      <Header value="{control.key}" size="6"/>')
            lines.append(_control_xml(control))
        lines.append("    </View>")
    lines += ["  </View>", "</View>"]
    return "\n".join(lines) + "\n"


LABEL_STUDIO_CONFIG = labelling_config()
