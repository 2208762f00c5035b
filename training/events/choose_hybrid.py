"""Choose the event model's realis threshold and the hybrid's two thresholds by grouped CV.

Only the team training corpus is read (never the frozen set, never ../shared/eval):
:func:`wirewatch.evaluation.event_typing.cv_readings` trains each fold's model with
the shipped config on the other folds and keeps, per held-out sentence, the
model's reading and the rules' top event. The folds are whole corpora, one held out
at a time (grouped CV: each corpus has its own writer and register, so this is the
estimate of how the choice does on prose unlike the corpus); ``--five-fold`` sweeps
the 5-fold readings instead, for comparison. The hybrid
(:func:`streams.tagging.events.hybrid.decide`) is then scored for every triple of
realis threshold (the "no event" probability above which the model says nothing),
rule floor and type share on a fixed grid; the objective, fixed before any sweep,
is the mean of realis accuracy, category accuracy, subtype macro-F1 and 1 - the
hard-negative realis error rate. The best triples are printed; the chosen ones are
``DEFAULT_THRESHOLD`` in ``classifier.py``, ``DEFAULT_RULE_FLOOR``/``DEFAULT_TYPE_SHARE``
in ``hybrid.py`` and the options in ``streams/tagging/pipeline.yaml``. Then the hybrid with
``rules_first`` (the rules' events as the rules path makes them, with its veto and ranking;
the model's where the rules found none) for each fallback threshold:
``DEFAULT_FALLBACK_THRESHOLD``. Last, rules first with the model overruling the rules
(``overrule_above``, ``retype_share``) and its events passing the trained path's ``veto`` (as
``model_veto``): session 16 found 0.8940 there against 0.8209, but the dev sets lost (see
``streams/tagging/pipeline.yaml``), so those options ship off. Session 21: the shipped rules
first with ``overrule_above`` everywhere or only where the parse shows a doubt cue
(``overrule_needs_doubt``, ``overrule_depth``). Session 24: the rules' events of some categories
open to the overrule without the parse's doubt (``overrule_without_doubt``). The rules' events are read with
the rule_veto of the config at the time the readings were made (``--fresh`` after changing it).

With the shipped config's learned arbiter (``streams/tagging/events/arbiter.json``), every
rules-first candidate is scored with the arbiter deciding the rules' events of its categories, fitted
without the held-out corpus (nested, as ``wirewatch eval events --set cv-grouped`` scores it).

Run: ``.venv/bin/python training/events/choose_hybrid.py`` (trains one model per
corpus: minutes); the readings are kept in ``.wirewatch/training-cache/`` (``--fresh``
to redo them). ``--readings FILE`` sweeps readings saved by ``wirewatch eval events --set
cv-grouped --readings-out FILE`` instead (e.g. a run with a corpus left out).
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from core.settings import REPO_ROOT, get_settings
from schemas import PLOVER_CATEGORIES
from streams.tagging.config import load_config
from streams.tagging.events.hybrid import NEVER, HybridSettings
from streams.tagging.events.ranking import MAX_LINKS
from streams.tagging.events.realis_scope import veto_cues
from wirewatch.evaluation.event_typing import (
    TUNED_ON,
    CvReadings,
    cv_predictions,
    cv_readings,
    nested_arbiter_keeps,
    part_objective,
    part_objectives,
    typing_scores,
)

CACHE = REPO_ROOT / ".wirewatch" / "training-cache" / "cv-readings-{kind}.pkl"
THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]
RULE_FLOORS = [0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01]
TYPE_SHARES = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
FALLBACK_THRESHOLDS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5]
OVERRULE_ABOVE = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, NEVER]
RETYPE_SHARES = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, NEVER]
# the shipped arbiter's nested decisions, per readings and per what its doubt input reads of the settings
_KEEPS: dict[tuple[int, int | None, frozenset[str]], list[bool | None] | None] = {}


def keeps(cv: CvReadings, settings: HybridSettings) -> list[bool | None] | None:
    """Where the shipped config's learned arbiter decides the rules' events (rules first), its
    decisions as ``wirewatch eval events --set cv-grouped`` scores them: per sentence, by an
    arbiter fitted without the sentence's corpus (None: no arbiter, or not rules first)."""
    if not settings.rules_first:
        return None
    key = (id(cv), settings.overrule_depth, settings.overrule_without_doubt)  # what its `doubtful` reads
    if key not in _KEEPS:
        _KEEPS[key] = nested_arbiter_keeps(cv, settings, load_config().component("events").data.get("arbiter"))
    return _KEEPS[key]


def scored(cv: CvReadings, settings: HybridSettings) -> tuple[float, list[str], dict[str, float]]:
    """The hybrid under ``settings``: its objective, its pooled row and each part's objective."""
    arbiter = keeps(cv, settings)
    pooled = typing_scores(cv.gold, cv_predictions(cv, "hybrid", settings, arbiter))
    return (part_objective(cv, "hybrid", settings, arbiter), pooled.row(),
            part_objectives(cv, "hybrid", settings, arbiter))


def sweep(cv: CvReadings, top: int = 15) -> None:
    rows = []
    for threshold in THRESHOLDS:
        for floor in RULE_FLOORS:
            for share in TYPE_SHARES:
                settings = HybridSettings(threshold, floor, share)
                rows.append((part_objective(cv, "hybrid", settings), settings))
    rows.sort(key=lambda r: -r[0])
    print("objective threshold rule_floor type_share | pooled: realis category subtype-F1 mode "
          "hard-neg-errors n")
    for obj, settings in rows[:top]:
        s = typing_scores(cv.gold, cv_predictions(cv, "hybrid", settings))
        print(f"{obj:.4f} {settings.threshold:.2f} {settings.rule_floor:.2f} {settings.type_share:.2f} | "
              + "  ".join(s.row()))
    for threshold in THRESHOLDS:  # the model alone
        settings = HybridSettings(threshold)
        s = typing_scores(cv.gold, cv_predictions(cv, "trained", settings))
        print(f"trained, threshold {threshold:.2f}: {part_objective(cv, 'trained', settings):.4f}"
              " | " + "  ".join(s.row()))
    s = typing_scores(cv.gold, cv_predictions(cv, "rules"))
    print(f"rules: {part_objective(cv, 'rules'):.4f} | " + "  ".join(s.row()))
    sweep_rules_first(cv, top)


def sweep_rules_first(cv: CvReadings, top: int) -> None:
    """Rules first: the model's event where the rules found none (each fallback threshold, with
    no ``model_veto``, the trained path's ``veto`` or the rules' ``rule_veto`` as ``model_veto``),
    and where it overrules the rules (overrule_above, retype_share; with the trained path's veto)."""
    options = load_config().component("events").options
    # candidate model_veto lists: the trained path's (chosen for the model by realis_cv.py) and
    # the rules path's (chosen on the training corpus by rules_veto.py; shipped since session 20)
    veto = veto_cues(options.get("veto"), "veto")
    candidates = {"off": frozenset[str](), "veto": veto, "rule_veto": veto_cues(options.get("rule_veto"), "rule_veto")}
    for threshold in FALLBACK_THRESHOLDS:
        for name, vetoed in candidates.items():
            settings = HybridSettings(threshold, rules_first=True, veto=vetoed)
            value, row, _ = scored(cv, settings)
            print(f"rules first, fallback threshold {threshold:.2f}, model_veto {name}: "
                  f"{value:.4f} | " + "  ".join(row))
    rows = []
    for threshold in FALLBACK_THRESHOLDS:
        for overrule in OVERRULE_ABOVE:
            for retype in RETYPE_SHARES:
                settings = HybridSettings(threshold, rules_first=True, overrule_above=overrule,
                                          retype_share=retype, veto=veto)
                rows.append((scored(cv, settings)[0], settings))
    rows.sort(key=lambda r: -r[0])
    print("rules first, veto on: objective fallback_threshold overrule_above retype_share | pooled")
    for obj, settings in rows[:top]:
        _, row, parts = scored(cv, settings)
        print(f"{obj:.4f} {settings.threshold:.2f} {settings.overrule_above:.2f} "
              f"{settings.retype_share:.2f} | " + "  ".join(row))
        print("    " + " ".join(f"{part}:{value:.3f}" for part, value in parts.items()))


def sweep_overrule(cv: CvReadings) -> None:
    """Rules first as shipped (its fallback threshold and model_veto), with the model overruling
    the rules of a sentence where it is sure nothing happened: everywhere, or only where the
    rules' event is open to doubt (``overrule_needs_doubt``: a doubt cue, or with
    ``overrule_depth`` a top trigger that many links below the root; session 21)."""
    shipped = HybridSettings.of(load_config().component("events").options)
    print("rules first as shipped, overrule_above (everywhere | open to doubt, by a doubt cue and "
          "with overrule_depth by a trigger that deep): objective | pooled")
    depths = [None, *range(1, MAX_LINKS + 1)] if cv.rule_links is not None else [None]
    for overrule in OVERRULE_ABOVE:
        for needs_doubt, depth in [(False, None)] + [(True, depth) for depth in depths]:
            settings = replace(shipped, overrule_above=overrule, overrule_needs_doubt=needs_doubt,
                               overrule_depth=depth, overrule_without_doubt=frozenset())
            value, row, parts = scored(cv, settings)
            how = "everywhere" if not needs_doubt else f"doubt, depth {depth or '-'}"
            print(f"{value:.4f} {overrule:.2f} {how} | " + "  ".join(row))
            print("    " + " ".join(f"{part}:{v:.3f}" for part, v in parts.items()))


# The rules' categories the model may overrule without the parse's doubt (session 24): none (as
# session 21 shipped), the material acts, the material acts but MOBILIZE, and every category.
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "AID", "SANCTION"})
OVERRULE_CATEGORY_SETS = {"none": frozenset[str](), "material": _MATERIAL | {"MOBILIZE"},
                          "material but MOBILIZE": _MATERIAL, "every": frozenset(PLOVER_CATEGORIES)}


def sweep_overrule_categories(cv: CvReadings) -> None:
    """Rules first as shipped, with the rules' events of some categories open to the overrule
    whatever the parse says (``overrule_without_doubt``): first, for each category, how many
    sentences the overrule at the shipped threshold turns to "no event" where nothing happened
    and where something did; then the objective of each candidate set at each threshold."""
    shipped = HybridSettings.of(load_config().component("events").options)
    none, every_category = (replace(shipped, overrule_without_doubt=c) for c in (frozenset[str](), frozenset(PLOVER_CATEGORIES)))
    before = cv_predictions(cv, "hybrid", none, keeps(cv, none))
    every = cv_predictions(cv, "hybrid", every_category, keeps(cv, every_category))
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for gold, old, new in zip(cv.gold, before, every, strict=True):
        if old.category is not None and new.category is None:
            (wrong if gold.realis else right)[old.category] += 1
    print("rules' category: sentences the overrule turns to no event, realis false (right) / true (wrong)")
    for category in sorted(set(right) | set(wrong), key=lambda c: -(right[c] + wrong[c])):
        print(f"  {category}: {right[category]} / {wrong[category]}")
    print("overrule_without_doubt: objective overrule_above | pooled")
    for name, categories in OVERRULE_CATEGORY_SETS.items():
        for overrule in OVERRULE_ABOVE:
            settings = replace(shipped, overrule_above=overrule, overrule_without_doubt=categories)
            value, row, parts = scored(cv, settings)
            print(f"{value:.4f} {overrule:.2f} {name} | " + "  ".join(row))
            print("    " + " ".join(f"{part}:{v:.3f}" for part, v in parts.items()))


def fallback_weight(cv: CvReadings) -> float:
    """How often the shipped default path's events are right, by who made them: the rules (their
    event kept) or the model where the rules found none (the fallback), pooled over the held-out
    corpora but the one the rules were tuned on. Prints the subtype precision (realis and the
    gold subtype) of each and returns the fallback's over the rules' (``fallback_weight``)."""
    shipped = HybridSettings.of(load_config().component("events").options)
    counts = {"rules": [0, 0], "fallback": [0, 0]}
    predictions = cv_predictions(cv, "hybrid", shipped, keeps(cv, shipped))
    folds = cv.folds or [""] * len(cv.gold)
    ruled = cv.rules_kept or cv.rules  # the rules' event as the rules path makes it
    for gold, made, fold, rule in zip(cv.gold, predictions, folds, ruled, strict=True):
        if made.category is None or fold in TUNED_ON:  # the rules' events there are no fair count
            continue
        by = "fallback" if rule is None else "rules"
        counts[by][0] += 1
        counts[by][1] += bool(gold.realis and gold.subtype == made.subtype)
    precision = {by: right / max(n, 1) for by, (n, right) in counts.items()}
    for by, (n, right) in counts.items():
        print(f"{by} events: {n}, subtype right {right} ({precision[by]:.3f})")
    weight = precision["fallback"] / max(precision["rules"], 1e-9)
    print(f"fallback_weight (fallback over rules): {weight:.3f}")
    return weight


def main() -> None:
    grouped = "--five-fold" not in sys.argv
    cache = Path(str(CACHE).format(kind="grouped" if grouped else "5fold"))
    if "--readings" in sys.argv:
        cv = pickle.loads(Path(sys.argv[sys.argv.index("--readings") + 1]).read_bytes())
    elif cache.is_file() and "--fresh" not in sys.argv:
        cv = pickle.loads(cache.read_bytes())
    else:
        cv = cv_readings(get_settings().spacy_model, grouped=grouped)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(cv))
    sweep(cv)
    sweep_overrule(cv)
    sweep_overrule_categories(cv)
    fallback_weight(cv)


if __name__ == "__main__":
    main()
