"""Shared fixtures: real files, real models. Nothing here mocks a pipeline stage."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from servanda.paths import SHARED_ROOT, reserved_ids

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
    from servanda.runner import PipelineConfig, build_pipeline

    return build_pipeline(PipelineConfig(classifier="cues"))


@pytest.fixture(autouse=True, scope="session")
def _offline():
    # Model hubs are unreachable here and in CI: fail fast instead of retrying the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    yield


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A real fine-tuning run, kept small so the suite stays fast on two cores; built once
    per test session and shared by the classifier and distillation tests."""
    from servanda.training.trainer import TrainConfig, train

    out = tmp_path_factory.mktemp("model")
    info = train(TrainConfig(out_dir=str(out), epochs=1, batch_size=8, max_train_examples=48, input="pair"))
    return out, info
