"""The event taxonomy, loaded from YAML (the bundled one is ``streams/tagging/data/taxonomy.yaml``).

The YAML holds every category, mode, subtype and cue, so an ops team extends
the event vocabulary without touching code; this module only reads it,
expands ``@NAME`` word lists and checks every code against the contract.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.errors import ConfigError
from schemas.articles import PLOVER_CATEGORIES, SUBTYPES
from streams.tagging.config import YAML_LOADER, load_config
from streams.tagging.entities.names import nationality_countries

_RULE_KEYS = {
    "name", "category", "subtype", "mild_subtype", "severity", "mode", "triggers", "cues",
    "arg_cues", "arg_without", "subject_cues", "without", "heads", "weight", "realis", "inherit",
    "conditional", "acted_on", "subject_without", "place_object",
}
_HYPHEN = re.compile(r"-+")


class TaxonomyError(ConfigError, ValueError):
    """The taxonomy file is malformed; the message names the rule and the key."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """A word or phrase to find, e.g. ``open fire`` or ``strike:NOUN``.

    ``pos`` (a spaCy coarse tag) constrains the first word only. ``joined[i]``
    says word ``i + 1`` is hyphenated to word ``i`` in the pattern ("sit-in"),
    so the text must hyphenate them too ("died in" is no "die-in").
    """

    words: tuple[str, ...]
    pos: str | None
    text: str
    joined: tuple[bool, ...] = ()

    @classmethod
    def parse(cls, raw: str) -> Pattern:
        """``"strike:NOUN"``, ``"open fire"`` or ``"force:VERB out"`` (POS on the first word)."""
        words: list[str] = []
        joined: list[bool] = []
        for chunk in str(raw).split():
            parts = [p for p in _HYPHEN.split(chunk) if p]
            joined += [False] * bool(words and parts) + [True] * max(0, len(parts) - 1)
            words += parts
        if not words:
            raise TaxonomyError(f"empty pattern {raw!r}")
        first, _, pos = words[0].partition(":")
        if not first:
            raise TaxonomyError(f"pattern {raw!r} has no word before its ':POS'")
        words[0] = first
        return cls(words=tuple(w.lower() for w in words), pos=pos.upper() or None,
                   text=" ".join(words), joined=tuple(joined))


@dataclass(frozen=True, slots=True)
class Choice:
    """A value picked by cues: the first option whose cues occur, else ``default``."""

    default: str | None
    options: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """One way of recognising an event: a trigger plus the context that types it."""

    name: str
    category: str
    subtype: Choice
    mode: Choice
    triggers: tuple[Pattern, ...]
    weight: float
    cues: tuple[Pattern, ...] = ()
    arg_cues: tuple[Pattern, ...] = ()
    arg_without: tuple[Pattern, ...] = ()
    subject_cues: tuple[Pattern, ...] = ()
    subject_without: tuple[Pattern, ...] = ()
    without: tuple[Pattern, ...] = ()
    heads: frozenset[str] = frozenset()
    realis: bool = False
    severity: tuple[Pattern, ...] = ()
    mild_subtype: str | None = None
    inherit: bool = False
    conditional: bool = False
    acted_on: bool = False
    place_object: bool = False


@dataclass(frozen=True)
class Taxonomy:
    """All rules plus the scope words that cancel a trigger (see the YAML header)."""

    rules: tuple[Rule, ...]
    governors: tuple[Pattern, ...]
    background_preps: frozenset[str]
    conditional_marks: frozenset[str]
    irrealis_modals: frozenset[str]
    modes: frozenset[str]
    cue_bonus: float = 0.02
    demonyms: dict[str, str] = field(default_factory=dict)
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    by_first_word: dict[str, list[tuple[Rule, Pattern]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rule in self.rules:
            for pattern in rule.triggers:
                self.by_first_word.setdefault(pattern.words[0], []).append((rule, pattern))


#: in a lexicon phrase, stands for every nationality word of a country (see :func:`_words`)
NATIONALITY = "{nationality}"


def _words(values: Iterable[Any], lexicon: Mapping[str, list[str]], where: str) -> list[str]:
    """Expand ``@NAME`` references to the lexicon's word lists, and ``{nationality}`` in a
    phrase to one phrase per nationality word of a country ("{nationality} forces":
    "kenyan forces", "russian forces", ...; the third column of ``data/entities_groups.txt``)."""
    out: list[str] = []
    for value in values or ():
        value = str(value)
        if value.startswith("@"):
            name = value[1:]
            if name not in lexicon:
                raise TaxonomyError(f"{where}: unknown word list {value!r}; define it under 'lexicon'")
            for word in lexicon[name]:
                out.extend(_phrases(str(word)))
        else:
            out.extend(_phrases(value))
    return out


def _phrases(value: str) -> list[str]:
    """``value``, or with ``{nationality}`` one phrase per nationality word (see :func:`_words`)."""
    if NATIONALITY not in value:
        return [value]
    return [value.replace(NATIONALITY, word) for word in sorted(nationality_countries())]


def _patterns(values: Iterable[Any], lexicon: Mapping[str, list[str]], where: str) -> tuple[Pattern, ...]:
    return tuple(_pattern(str(v)) for v in _words(values, lexicon, where))


@functools.cache
def _pattern(raw: str) -> Pattern:
    """:meth:`Pattern.parse`, once per distinct phrase: the lexicon's lists repeat across rules, so
    the bundled taxonomy asks for 14,857 patterns of 2,908 phrases (a worker's start, session 30).
    A Pattern is immutable, so rules may share one."""
    return Pattern.parse(raw)


def _choice(raw: Any, allowed: Iterable[str], lexicon: Mapping[str, list[str]], where: str) -> Choice:
    allowed = set(allowed)

    def check(value: Any) -> str | None:
        if value is None:
            return None
        if str(value) not in allowed:
            raise TaxonomyError(f"{where}: {value!r} is not one of the allowed codes")
        return str(value)

    if not isinstance(raw, Mapping):
        return Choice(default=check(raw))
    options = tuple(
        (check(key), _patterns(cues, lexicon, f"{where}.{key}"))
        for key, cues in raw.items() if key != "default"
    )
    return Choice(default=check(raw.get("default")), options=options)  # type: ignore[arg-type]


def _rule(raw: Mapping[str, Any], modes: set[str], lexicon: Mapping[str, list[str]]) -> Rule:
    name = str(raw.get("name", "?"))
    where = f"rule {name!r}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    category = raw.get("category")
    if category not in PLOVER_CATEGORIES:
        raise TaxonomyError(f"{where}: category {category!r} is not a PLOVER 2.0 category")
    if not raw.get("triggers"):
        raise TaxonomyError(f"{where}: needs at least one trigger")
    weight = float(raw.get("weight", 0.5))
    if not 0.0 < weight <= 1.0:
        raise TaxonomyError(f"{where}: weight must be in (0, 1]")
    mild = raw.get("mild_subtype")
    if mild is not None and mild not in SUBTYPES:
        raise TaxonomyError(f"{where}: mild_subtype {mild!r} is not a contract subtype")
    return Rule(
        name=name,
        category=category,
        subtype=_choice(raw.get("subtype"), SUBTYPES, lexicon, f"{where}.subtype"),
        mode=_choice(raw.get("mode"), modes, lexicon, f"{where}.mode"),
        triggers=_patterns(raw["triggers"], lexicon, f"{where}.triggers"),
        weight=weight,
        cues=_patterns(raw.get("cues", ()), lexicon, where),
        arg_cues=_patterns(raw.get("arg_cues", ()), lexicon, where),
        arg_without=_patterns(raw.get("arg_without", ()), lexicon, where),
        subject_cues=_patterns(raw.get("subject_cues", ()), lexicon, where),
        subject_without=_patterns(raw.get("subject_without", ()), lexicon, where),
        without=_patterns(raw.get("without", ()), lexicon, where),
        heads=frozenset(str(h).lower() for h in raw.get("heads", ())),
        realis=bool(raw.get("realis", False)),
        severity=_patterns(raw.get("severity", ()), lexicon, where),
        mild_subtype=mild,
        inherit=bool(raw.get("inherit", False)),
        conditional=bool(raw.get("conditional", False)),
        acted_on=bool(raw.get("acted_on", False)),
        place_object=bool(raw.get("place_object", False)),
    )


def parse_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Build a :class:`Taxonomy` from the YAML's parsed mapping.

    Raises:
        TaxonomyError: naming the rule and key at fault.
    """
    lexicon = {str(k): list(v) for k, v in (data.get("lexicon") or {}).items()}
    modes = {str(m) for m in data.get("modes", ())}
    for category in data.get("categories", PLOVER_CATEGORIES):
        if category not in PLOVER_CATEGORIES:
            raise TaxonomyError(f"categories: {category!r} is not a PLOVER 2.0 category")
    rules = tuple(_rule(r, modes, lexicon) for r in data.get("rules", ()))
    if not rules:
        raise TaxonomyError("the taxonomy has no rules")
    return Taxonomy(
        rules=rules,
        governors=_patterns(data.get("governors", ()), lexicon, "governors"),
        background_preps=frozenset(str(w).lower() for w in data.get("background_preps", ())),
        conditional_marks=frozenset(str(w).lower() for w in data.get("conditional_marks", ())),
        irrealis_modals=frozenset(str(w).lower() for w in data.get("irrealis_modals", ())),
        modes=frozenset(modes),
        cue_bonus=float(data.get("cue_bonus", 0.02)),
        demonyms={
            str(adjective).lower(): str(country)
            for country, adjectives in (data.get("demonyms") or {}).items()
            for adjective in adjectives
        },
        lemma_fixes={str(k).lower(): str(v).lower()
                     for k, v in (data.get("lemma_fixes") or {}).items()},
    )


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and check a taxonomy file (default: the one of the bundled pipeline config).

    Not cached: components load it through :mod:`streams.tagging.resources`.

    Raises:
        TaxonomyError: the file is missing or malformed; the message says where.
    """
    if path is None:
        path = load_config().component("events").file("taxonomy")
    try:
        # libyaml's loader when present: 8x less CPU at worker start-up, same data
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except OSError as exc:
        raise TaxonomyError(f"cannot read the event taxonomy at {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, Mapping):
        raise TaxonomyError(f"{path} must hold a mapping with 'rules', 'lexicon', ...")
    return parse_taxonomy(data)
