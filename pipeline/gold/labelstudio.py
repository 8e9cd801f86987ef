"""Label Studio round trip: gold records to tasks and corrected tasks back.

Exported labels travel as ``predictions``: the annotator starts from them, and they
become ground truth only when the annotator submits. Import takes each task's newest
submitted annotation; skipped (cancelled) ones never count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..paths import PROJECT_ROOT
from .store import read_text


def to_label_studio(record: dict[str, Any], root: Path = PROJECT_ROOT) -> dict[str, Any]:
    """A Label Studio task (text + pre-annotations) for correcting one document."""
    text = read_text(record["path"], root)
    results = []
    for i, c in enumerate(record["clauses"]):
        results.append(
            {
                "id": f"c{i}",
                "from_name": "clause",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": c["start"],
                    "end": c["end"],
                    "text": text[c["start"] : c["end"]],
                    "labels": [c["label"]],
                },
                "meta": {k: c[k] for k in ("actors", "beneficiaries", "strength", "conditional", "lang") if k in c},
            }
        )
    for i, e in enumerate(record["entities"]):
        results.append(
            {
                "id": f"e{i}",
                "from_name": "entity",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": e["start"],
                    "end": e["end"],
                    "text": text[e["start"] : e["end"]],
                    "labels": [e["label"]],
                },
                "meta": {k: e[k] for k in ("id", "role", "affiliation") if k in e},
            }
        )
    data = {"text": text}
    data.update({k: v for k, v in record.items() if k not in ("clauses", "entities")})
    return {"data": data, "predictions": [{"model_version": "gold", "result": results}]}


class LabelStudioError(ValueError):
    """A task that cannot become a gold record; ``str(err)`` says why."""


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
    clauses: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    for res in submitted[-1]["result"]:
        v = res["value"]
        item = {"start": v["start"], "end": v["end"], "label": v["labels"][0]}
        item.update(res.get("meta", {}))
        (clauses if res["from_name"] == "clause" else entities).append(item)
    record["clauses"] = sorted(clauses, key=lambda c: c["start"])
    record["entities"] = sorted(entities, key=lambda e: e["start"])
    return record


LABEL_STUDIO_CONFIG = """<View>
  <Labels name="clause" toName="text">
    <Label value="commitment"/><Label value="recital"/><Label value="disclaimer"/><Label value="other"/>
  </Labels>
  <Labels name="entity" toName="text">
    <Label value="PARTY"/><Label value="OFFICIAL"/><Label value="STATE"/><Label value="ORG"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
"""
