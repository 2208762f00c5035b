"""Ordinary English words, from the WordNet index the project's spaCy model ships.

The model's rule lemmatizer carries WordNet's index of nouns, verbs, adjectives and
adverbs (``lemma_index``). Its noun list also holds proper names ("orissa", "peking"),
so a word counts as *ordinary* only when WordNet lists it as an adjective, adverb or
verb ("northwest", "exotic", "saint"), or when it is the plural of a listed noun
("lagoons", "monasteries"): names of places are neither. The store's check of
iso3166-2's English variants (translations.py) reads this to tell a region's English
exonym ("Orissa", "Transcarpathia") from a translation made of English words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.settings import DEFAULT_SPACY_MODEL

MODEL_PACKAGE = DEFAULT_SPACY_MODEL
_PARTS_OF_SPEECH = ("adj", "adv", "verb")


def _lookups_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the spaCy model {MODEL_PACKAGE} is not installed; run `make install`")
    root = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(root.glob("*/lemmatizer/lookups"))
    if not found:
        raise RuntimeError(f"{MODEL_PACKAGE} ships no lemmatizer lookups under {root}")
    return found[-1]


@cache
def _index() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns, adjectives + adverbs + verbs) of WordNet's index, lowercase."""
    from spacy.lookups import Lookups

    table = Lookups().from_disk(_lookups_dir()).get_table("lemma_index")
    nouns = frozenset(table["noun"])
    others = frozenset(w for pos in _PARTS_OF_SPEECH for w in table[pos])
    return nouns, others


def ordinary(word: str) -> bool:
    """Whether a lowercase word is an ordinary English word (see the module's docstring)."""
    nouns, others = _index()
    if word in others:
        return True
    plurals = (word[:-1], word[:-2], word[:-3] + "y") if word.endswith("s") else ()
    return any(p in nouns for p in plurals if p)
