"""Where the project keeps things: the gold set, the shared corpora, the default model,
and the list of documents reserved for evaluation.

One module so that every tool agrees. The shared corpora live beside the project (gold
paths say "../shared/..."); a checkout elsewhere points ``SERVANDA_SHARED`` at them (the
Makefile does this for clones of a local checkout).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS_DIR = PROJECT_ROOT / "annotations"
GOLD_PATH = ANNOTATIONS_DIR / "gold.jsonl"
SPLITS_PATH = ANNOTATIONS_DIR / "splits.json"
WORK_DIR = ANNOTATIONS_DIR / "work"
SHARED_PREFIX = ("..", "shared")
SHARED_ROOT = Path(os.environ.get("SERVANDA_SHARED") or PROJECT_ROOT.parent / "shared")
SHARED_CORPORA = SHARED_ROOT / "corpora"
RESERVED_PATH = SHARED_CORPORA / "RESERVED.txt"
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "clause-minilm"


def resolve_path(path: str, root: Path = PROJECT_ROOT) -> Path:
    """A gold ``path`` on disk: relative paths under ``root``; a "../shared/..." path
    that is not there is looked up under SHARED_ROOT (a checkout away from the corpora)."""
    p = Path(path)
    if p.is_absolute():
        return p
    local = (root / p).resolve()
    if not local.exists() and p.parts[:2] == SHARED_PREFIX:
        return SHARED_ROOT.joinpath(*p.parts[2:]).resolve()
    return local


def read_text(path: str, root: Path = PROJECT_ROOT) -> str:
    with open(resolve_path(path, root), "rb") as fh:
        return fh.read().decode("utf-8")


def reserved_ids(path: Path = RESERVED_PATH) -> set[str]:
    """Ids of the documents kept for evaluation only: never annotated, trained, tuned or
    written rules on. Read at run time so that nothing in the project names them."""
    if not path.exists():
        return set()
    return {l.strip() for l in path.read_text().splitlines() if l.strip() and not l.startswith("#")}
