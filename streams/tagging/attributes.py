"""The model's attribute rules (tag -> POS and morphology, word exceptions) without spaCy's Matcher.

``en_core_web_sm``'s ``attribute_ruler`` maps each fine tag to its coarse POS
and morphology and applies about 120 word exceptions (179 patterns). spaCy runs
them through a :class:`~spacy.matcher.Matcher` over every token, which cost
13 ms per 490-token article: more than the parser (11.5 ms), a seventh of the
whole model. Every pattern there is one or two tokens long and tests only
``LOWER``, ``TAG``, ``DEP`` and ``IS_SPACE`` (equal, ``IN``, ``NOT_IN``,
``REGEX``), so :class:`AttributeRules` finds each token's matches with a few
dict look-ups instead, and applies the very attribute sets of the ruler in the
ruler's order (later patterns win, as in ``AttributeRuler.match``): the same
annotations, for about a tenth of the time (``tests/unit/test_attributes.py``
compares both on real text). A model whose ruler holds any other kind of
pattern keeps spaCy's component (:func:`replace_attribute_ruler` says so).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

NAME = "wirewatch_attribute_rules"
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # in the doc.to_array rows below
_LOWER_CACHE = 16_384  # distinct lower-case forms remembered (bounded: a worker runs for weeks)


class UnsupportedPattern(ValueError):
    """The ruler holds a pattern this matcher does not implement (spaCy's component stays)."""


Check = Callable[[Any], bool]  # one attribute's test on its value (a string, or a bool for IS_SPACE)


def _check(key: str, spec: Any) -> Check:
    """One attribute's test, as the Matcher reads it (strings compared; IN, NOT_IN, REGEX)."""
    if not isinstance(spec, dict):
        return lambda value: bool(value == spec)
    if len(spec) != 1:
        raise UnsupportedPattern(f"{key}: {spec}")
    op, argument = next(iter(spec.items()))
    if op == "IN":
        allowed = frozenset(argument)
        return lambda value: value in allowed
    if op == "NOT_IN":
        barred = frozenset(argument)
        return lambda value: value not in barred
    if op == "REGEX" and key != "IS_SPACE":
        search = re.compile(argument).search
        return lambda value: bool(search(value))
    raise UnsupportedPattern(f"{key}: {spec}")


@dataclass(frozen=True, slots=True)
class _TokenTest:
    """The tests of one pattern token, split by what they read."""

    lower: Check | None  # None: the pattern does not test the word
    shape: tuple[tuple[int, Check], ...]  # (column, test) for TAG, DEP, IS_SPACE

    @classmethod
    def of(cls, spec: dict[str, Any]) -> _TokenTest:
        lower: Check | None = None
        shape = []
        for raw_key, value in spec.items():
            key = raw_key.upper()
            if key not in _COLUMNS:
                raise UnsupportedPattern(f"attribute {raw_key}")
            check = _check(key, value)
            if key == "LOWER":
                lower = check
            else:
                shape.append((_COLUMNS[key], check))
        return cls(lower, tuple(shape))

    def passes(self, lower: str, row: tuple[str, str, str, bool]) -> bool:
        if self.lower is not None and not self.lower(lower):
            return False
        return all(check(row[column]) for column, check in self.shape)


@dataclass(frozen=True, slots=True)
class _Pattern:
    order: int  # the ruler's attribute set this pattern applies; a higher order wins
    tokens: tuple[_TokenTest, ...]
    index: int  # which token of the match gets the attributes (may be negative)


class AttributeRules:
    """The attribute ruler's patterns and attribute sets, matched by look-up (see the module)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)  # normalised attribute sets, as the ruler applies them
        patterns = []
        for order, index in enumerate(ruler.indices):
            for tokens in ruler.matcher.get(str(order))[1]:
                if not 1 <= len(tokens) <= 2 or any("OP" in t for t in tokens):
                    raise UnsupportedPattern(f"pattern {tokens}")
                patterns.append(_Pattern(order, tuple(_TokenTest.of(t) for t in tokens), index))
        self.patterns = patterns
        # The first token's tests depend on the word, or on (tag, dep, is_space) alone: cache
        # which patterns pass for each; a word's patterns then check the rest of the row.
        self._word_tests = [(n, p.tokens[0].lower) for n, p in enumerate(patterns) if p.tokens[0].lower]
        self._shape_tests = [(n, p.tokens[0]) for n, p in enumerate(patterns) if p.tokens[0].lower is None]
        self._for_word = lru_cache(maxsize=_LOWER_CACHE)(self._patterns_for_word)
        self._for_shape = lru_cache(maxsize=_LOWER_CACHE)(self._patterns_for_shape)

    def _patterns_for_word(self, lower: str) -> tuple[int, ...]:
        return tuple(n for n, check in self._word_tests if check(lower))

    def _patterns_for_shape(self, row: tuple[str, str, str, bool]) -> tuple[int, ...]:
        return tuple(n for n, test in self._shape_tests if test.passes(row[0], row))

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        words = [strings[row[0]] for row in rows]
        values = [(word, strings[row[1]], strings[row[2]], bool(row[3]))
                  for word, row in zip(words, rows, strict=True)]
        matches: list[tuple[int, int, int]] = []  # (order, start, token that gets the attributes)
        patterns = self.patterns
        for start, (word, row) in enumerate(zip(words, values, strict=True)):
            by_word = [n for n in self._for_word(word)
                       if all(check(row[column]) for column, check in patterns[n].tokens[0].shape)]
            for n in (*by_word, *self._for_shape(("", *row[1:]))):
                pattern = patterns[n]
                if len(pattern.tokens) == 2:
                    if start + 1 >= len(values) or not pattern.tokens[1].passes(words[start + 1],
                                                                                 values[start + 1]):
                        continue
                matches.append((pattern.order, start, start + pattern.index % len(pattern.tokens)))
        matches.sort()
        for order, _, target in matches:
            set_token_attrs(doc[target], self.attrs[order])
        return doc


@Language.factory(NAME, default_config={"source": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, source: str) -> AttributeRules:
    """:class:`AttributeRules` over the patterns of the pipeline's ruler ``source``."""
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPattern(f"{source!r} is not an attribute ruler")
    return AttributeRules(ruler)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put :class:`AttributeRules` in place of the pipeline's ruler ``name``; False when kept."""
    if name not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(NAME, before=name, config={"source": name})
    except UnsupportedPattern as exc:
        log.warning("kept spaCy's attribute ruler (slower): it holds a pattern the look-up "
                    "matcher does not implement: %s", exc)
        return False
    nlp.remove_pipe(name)
    return True
