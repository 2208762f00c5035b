"""Grouped cross-validation runs for the realis experiments of session 8 (issue #11).

Same readings as ``wirewatch eval events --set cv-grouped`` and choose_hybrid.py
(:func:`wirewatch.evaluation.event_typing.cv_readings`, one corpus held out at a time,
the shipped config), split so that runs can go side by side and be scored together:

    python -m training.events.realis_cv run NAME [--groups A,B,...] [--without H]
    python -m training.events.realis_cv score NAME [NAME ...]

``run`` holds out the given corpora (default: every corpus but T, which the objective
leaves out) and keeps the readings in ``.wirewatch/training-cache/cv-NAME.pkl``; a NAME
ending in ``.pkl`` is a full run's readings from ``--readings-out`` (see :func:`_external`).
``--without H`` leaves corpora out altogether (as if their files were not there).
``score`` merges the named runs and prints, per held-out corpus and averaged,
choose_hybrid's objective (mean of realis accuracy, category accuracy, subtype macro-F1
and 1 - hard-negative realis errors) for the trained model alone at the shipped
threshold, and with each realis-scope veto (:mod:`streams.tagging.events.realis_scope`,
computed on the sentence's parse) overruling the model's event; ``greedy`` picks veto cues
by forward selection on the same objective; ``errors`` counts hard-negative errors by kind.
Only the training corpus is read (never the frozen set, never ../shared/eval).
"""

from __future__ import annotations

import pickle
import sys
import time
from collections import Counter
from pathlib import Path

from core.settings import REPO_ROOT, get_settings

CACHE = REPO_ROOT / ".wirewatch" / "training-cache"
TUNED_ON = {"T"}


def _cues_per_sentence(model_name: str) -> dict[tuple[str, int], list[str]]:
    """Each training sentence's scope cues, keyed by (article id, sentence number)."""
    from streams.tagging.events.realis_scope import scope_cues, year_of_news
    from streams.tagging.shared.text import ArticleText
    from wirewatch.training import events as training
    from wirewatch.training.corpus import training_articles

    articles = training_articles()
    parses = training.parse(articles, model_name)
    out = {}
    for article, doc in zip(articles, parses, strict=True):
        offset = ArticleText.of(article.raw).body_offset
        # the year of the article's news, as the tagger reads it (events/extractor.py)
        news_year = year_of_news(article.raw.published_at, article.raw.fetched_at)
        for n, s in enumerate(article.sentences):
            span = doc.char_span(offset + s.start, offset + s.end, alignment_mode="expand")
            out[(article.id, n)] = scope_cues(span, news_year) if span is not None else []
    return out


def run(name: str, groups: list[str] | None, without: set[str]) -> None:
    from wirewatch.evaluation.event_typing import cv_readings
    from wirewatch.training.corpus import group_of, training_articles

    model_name = get_settings().spacy_model
    articles = training_articles(leave_out=without)
    corpus = group_of(articles)
    if groups is None:
        groups = sorted(set(corpus.values()) - TUNED_ON)
    started = time.perf_counter()
    CACHE.mkdir(parents=True, exist_ok=True)

    def keep(cv) -> None:
        """Write the folds done so far, so a run stopped on a loaded machine keeps them."""
        done = set(cv.folds)
        held = [(a.id, n, s) for a in articles for n, s in enumerate(a.sentences)
                if corpus[a.id] in done]
        assert [s for _, _, s in held] == cv.gold, "held-out sentences out of order"
        keys = [(aid, n) for aid, n, _ in held]
        (CACHE / f"cv-{name}.pkl").write_bytes(pickle.dumps({"cv": cv, "keys": keys}))
        print(f"{name}: {len(cv.gold)} held-out sentences in {sorted(done)}, "
              f"{time.perf_counter() - started:.0f} s", flush=True)

    cv_readings(model_name, grouped=True, leave_out=without, hold_out=groups, on_fold=keep)


def _external(path: str) -> dict:
    """Readings a full ``cv_readings(grouped=True)`` run pickled (every corpus held out, in
    article order), e.g. ``wirewatch eval events --set cv-grouped --readings-out``; the corpora
    it did not have are named after a colon (``cv-without-I.pkl:H,I``)."""
    from wirewatch.training.corpus import group_of, training_articles

    file, _, missing = path.partition(":")
    cv = pickle.loads(Path(file).read_bytes())
    articles = training_articles(leave_out={m for m in missing.split(",") if m})
    corpus = group_of(articles)
    held = set(cv.folds)
    keys = [(a.id, n) for a in articles for n, _ in enumerate(a.sentences) if corpus[a.id] in held]
    gold = [s for a in articles for s in a.sentences if corpus[a.id] in held]
    assert gold == cv.gold, f"{file}: not the corpus less {missing}"
    return {"cv": cv, "keys": keys}


def _load(names: list[str]):
    from wirewatch.evaluation.event_typing import CvReadings

    gold, rules, readings, folds, keys = [], [], [], [], []
    for name in names:
        data = _external(name) if ".pkl" in name else pickle.loads(
            (CACHE / f"cv-{name}.pkl").read_bytes())
        cv = data["cv"]
        gold += cv.gold
        rules += cv.rules
        readings += cv.readings
        folds += cv.folds
        keys += data["keys"]
    by_key = _cues_per_sentence(get_settings().spacy_model)
    return CvReadings(gold, rules, readings, folds), [by_key[k] for k in keys], keys


def shipped_veto() -> frozenset[str]:
    """The veto cues ``pipeline.yaml`` gives events.trained."""
    from streams.tagging.config import load_config

    return frozenset(load_config().component("events").options.get("veto") or ())


def _predictions(cv, cues, threshold: float, veto: frozenset[str]):
    from streams.tagging.events.realis_scope import vetoes
    from wirewatch.evaluation.event_typing import Prediction, cv_predictions

    out = []
    for p, c in zip(cv_predictions(cv, "trained", threshold=threshold), cues, strict=True):
        if p.category is not None and vetoes(c, p.category, veto):
            p = Prediction(None, None, None)
        out.append(p)
    return out


def score(names: list[str], threshold: float = 0.35, only: set[str] | None = None) -> None:
    from streams.tagging.events.realis_scope import VETO_CUES
    from wirewatch.evaluation.event_typing import objective, typing_scores

    cv, cues, _ = _load(names)
    parts = sorted(p for p in set(cv.folds) if only is None or p in only)
    variants: list[tuple[str, frozenset[str]]] = [("model", frozenset())]
    variants += [(f"veto {c}", frozenset({c})) for c in VETO_CUES]
    variants.append(("veto all", frozenset(VETO_CUES)))
    shipped = shipped_veto()
    variants.append(("veto shipped", shipped))
    variants += [(f"shipped + {c}", shipped | {c}) for c in VETO_CUES if c not in shipped]
    print("variant | objective over " + " ".join(p for p in parts if p not in TUNED_ON)
          + " | per corpus (realis / category / subtype F1 / hard-neg errors)")
    for label, veto in variants:
        preds = _predictions(cv, cues, threshold, veto)
        per = {}
        for part in parts:
            keep = [i for i, f in enumerate(cv.folds) if f == part]
            per[part] = typing_scores([cv.gold[i] for i in keep], [preds[i] for i in keep])
        scored = [p for p in parts if p not in TUNED_ON]
        mean = sum(objective(per[p]) for p in scored) / len(scored)
        pooled = typing_scores([g for g, f in zip(cv.gold, cv.folds, strict=True) if f in parts],
                               [p for p, f in zip(preds, cv.folds, strict=True) if f in parts])
        print(f"{label:24s} {mean:.4f} | pooled " + " / ".join(pooled.row()[:3])
              + f" / {pooled.hard_negative_errors:.3f}")
        print("    " + "; ".join(
            f"{p} {per[p].realis_accuracy:.3f}/{per[p].category.accuracy:.3f}/"
            f"{per[p].subtype.macro_f1:.3f}/{per[p].hard_negative_errors:.3f}" for p in parts))


def greedy(names: list[str], threshold: float = 0.35, only: set[str] | None = None) -> None:
    """Forward selection of veto cues by the objective over the held-out corpora (T left out):
    add the cue that raises it most, while one does."""
    from streams.tagging.events.realis_scope import VETO_CUES
    from wirewatch.evaluation.event_typing import objective, typing_scores

    cv, cues, _ = _load(names)
    parts = sorted(p for p in set(cv.folds) if p not in TUNED_ON and (only is None or p in only))
    index = {p: [i for i, f in enumerate(cv.folds) if f == p] for p in parts}

    def mean(veto: frozenset[str]) -> float:
        preds = _predictions(cv, cues, threshold, veto)
        return sum(objective(typing_scores([cv.gold[i] for i in keep], [preds[i] for i in keep]))
                   for keep in index.values()) / len(parts)

    chosen: frozenset[str] = frozenset()
    best = mean(chosen)
    print(f"no veto: {best:.4f} over {' '.join(parts)}")
    while True:
        trials = {cue: mean(chosen | {cue}) for cue in VETO_CUES if cue not in chosen}
        cue, value = max(trials.items(), key=lambda kv: kv[1], default=(None, best))
        if cue is None or value <= best:
            break
        chosen, best = chosen | {cue}, value
        print(f"+ {cue}: {best:.4f}")
    print(f"chosen: {sorted(chosen)}")


def errors(names: list[str], threshold: float = 0.35) -> None:
    """Hard-negative realis errors by negative kind (counts only), of the model alone and
    with the shipped veto, pooled and per held-out corpus."""
    cv, cues, _ = _load(names)
    veto = shipped_veto()
    readings = {"model": _predictions(cv, cues, threshold, frozenset()),
                "veto": _predictions(cv, cues, threshold, veto)}
    total: Counter[tuple[str, str]] = Counter()
    wrong: dict[str, Counter[tuple[str, str]]] = {k: Counter() for k in readings}
    for i, (g, part) in enumerate(zip(cv.gold, cv.folds, strict=True)):
        if not g.negative:
            continue
        kind = f"{g.negative}{'+' if g.realis else ''}"  # "+": a speech act, realis true
        for where in (part, "all"):
            total[(kind, where)] += 1
            for name, preds in readings.items():
                wrong[name][(kind, where)] += g.realis != (preds[i].category is not None)
    parts = sorted(set(cv.folds)) + ["all"]
    kinds = sorted({k for k, _ in total}, key=lambda k: -wrong["veto"][(k, "all")])
    print(f"veto {sorted(veto)}; model errors -> with veto / hard negatives")
    print(f"{'kind':14s} " + " ".join(f"{p:>12s}" for p in parts))
    for kind in kinds:
        print(f"{kind:14s} " + " ".join(
            f"{wrong['model'][(kind, p)]:>3d}->{wrong['veto'][(kind, p)]:>3d}/{total[(kind, p)]:<4d}"
            for p in parts))


def main(argv: list[str]) -> None:
    command, *rest = argv
    if command == "run":
        groups = None
        if "--groups" in rest:
            groups = rest[rest.index("--groups") + 1].split(",")
        without = set(rest[rest.index("--without") + 1].split(",")) if "--without" in rest else set()
        run(rest[0], groups, without=without)
    elif command == "score":
        only = set(rest.pop(rest.index("--parts") + 1).split(",")) if "--parts" in rest else None
        score([r for r in rest if r != "--parts"], only=only)
    elif command == "greedy":
        only = set(rest.pop(rest.index("--parts") + 1).split(",")) if "--parts" in rest else None
        greedy([r for r in rest if r != "--parts"], only=only)
    elif command == "errors":
        errors(rest)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
