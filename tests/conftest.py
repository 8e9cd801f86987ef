"""Shared fixtures: real files, real models. Nothing here mocks a pipeline stage."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.gold import SHARED_ROOT, reserved_ids

ROOT = Path(__file__).resolve().parent.parent
SHARED = SHARED_ROOT
CORPUS = ROOT / "corpus"
TOTA_TXT = SHARED / "corpora" / "tota" / "txt"
EXTRA = SHARED / "corpora" / "extra"


def tota_sample(n: int = 12) -> list[Path]:
    """A fixed, spread-out sample of ToTA texts (reserved documents excluded)."""
    if not TOTA_TXT.exists():
        return []
    files = sorted(p for p in TOTA_TXT.glob("*.txt") if p.stem not in reserved_ids())
    step = max(1, len(files) // n)
    return files[::step][:n]


@pytest.fixture(scope="session")
def cue_pipeline():
    """The whole pipeline with the cue-lexicon classifier (no trained model needed)."""
    from pipeline.runner import PipelineConfig, build_pipeline

    return build_pipeline(PipelineConfig(model_dir=None))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(autouse=True, scope="session")
def _offline():
    # Model hubs are unreachable here and in CI: fail fast instead of retrying the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    yield
