"""Event typing on the team's own data: the frozen test set and cross-validation.

- Frozen set (``data/events/frozen/events-frozen-v1.jsonl``, TEST ONLY): each
  article is tagged whole by the real tagger; a gold sentence's prediction is
  the top event (highest confidence) whose sentence starts inside it, or none.
  The realis development sets v1, v2 and v3
  (:data:`wirewatch.evaluation.event_roles.REALIS_DEV_SETS`, never trained on, open to read)
  are scored the same way.
- Cross-validation on the training corpus (5 folds of whole articles,
  :func:`wirewatch.training.corpus.fold_of`): the model is trained on four
  folds with the shipped config and read on the fifth; the rules are read on
  the same sentences (their best trigger in the sentence), and the hybrid
  (:mod:`streams.tagging.events.hybrid`) from both. All at sentence level, on
  the gold sentence spans of the same parse.

Figures for both: realis accuracy, category accuracy and subtype macro-F1 on
the gold happenings (a missed happening counts as ``NONE``), and the realis
error rate on the hard negatives (sentences with a ``negative`` kind).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span

from schemas import Event
from streams.tagging.config import PipelineConfig, load_config
from streams.tagging.events.classifier import DEFAULT_THRESHOLD, EventClassifier, Reading
from streams.tagging.events.hybrid import (
    ALWAYS_TYPE,
    HybridSettings,
    RuleGuess,
    decide,
    open_to_doubt,
)
from streams.tagging.events.ranking import check_discount, links_to_root
from streams.tagging.events.realis_scope import (
    in_given_clause,
    read_article_with_scope,
    scope_cues,
    veto_cues,
    vetoes,
    year_of_news,
)
from streams.tagging.events.rules import Match
from streams.tagging.shared.text import ArticleText
from wirewatch.evaluation.events import Scores, score, top_event
from wirewatch.training.corpus import FROZEN_SET, Article, Sentence, read_articles

NONE = "NONE"
FROZEN_ID_PREFIX = "frz-"  # the frozen set's article ids (data/events/FORMAT.md)
FACTORIES = {"rules": "events.taxonomy", "trained": "events.trained", "hybrid": "events.hybrid"}


def events_config(kind: str, base: PipelineConfig | None = None) -> PipelineConfig:
    """The pipeline config with the events component built by ``kind`` (rules or trained)."""
    return (base or load_config()).with_factory("events", FACTORIES[kind])


@dataclass(frozen=True)
class Prediction:
    """What a tagger made of one gold sentence."""

    category: str | None  # None: no event
    subtype: str | None
    mode: str | None


@dataclass(frozen=True)
class TypingScores:
    """The team-set figures of one tagger."""

    n: int
    realis_accuracy: float
    hard_negatives: int
    hard_negative_errors: float  # share of hard negatives with the wrong realis
    category: Scores  # on gold happenings
    subtype: Scores  # on gold happenings
    mode_accuracy: float  # on gold happenings that give a mode
    # hard-negative kind (threat, negation, headline ...) -> (sentences, realis errors)
    hard_negative_kinds: dict[str, tuple[int, int]] = field(default_factory=dict)

    def row(self) -> list[str]:
        return [f"{self.realis_accuracy:.3f}", f"{self.category.accuracy:.3f}",
                f"{self.subtype.macro_f1:.3f}", f"{self.mode_accuracy:.3f}",
                f"{self.hard_negative_errors:.3f} ({self.hard_negatives})", str(self.n)]


def typing_scores(gold: Sequence[Sentence], predicted: Sequence[Prediction]) -> TypingScores:
    """Scores of predictions against gold sentences (same order)."""
    pairs = list(zip(gold, predicted, strict=True))
    realis_right = [g.realis == (p.category is not None) for g, p in pairs]
    kinds: dict[str, tuple[int, int]] = {}  # hard-negative kind -> (sentences, realis errors)
    for ok, (g, _) in zip(realis_right, pairs, strict=True):
        if g.negative:
            n, errors = kinds.get(g.negative, (0, 0))
            kinds[g.negative] = (n + 1, errors + (not ok))
    hard = sum(n for n, _ in kinds.values())
    hard_right = hard - sum(errors for _, errors in kinds.values())
    happenings = [(g, p) for g, p in pairs if g.realis]
    moded = [(g, p) for g, p in happenings if g.has_mode]
    return TypingScores(
        n=len(pairs),
        realis_accuracy=sum(realis_right) / len(pairs) if pairs else 0.0,
        hard_negatives=hard,
        hard_negative_errors=1 - hard_right / hard if hard else 0.0,
        category=score([g.category or NONE for g, _ in happenings],
                       [p.category or NONE for _, p in happenings]),
        subtype=score([g.subtype or NONE for g, _ in happenings],
                      [p.subtype or NONE if p.category else NONE for _, p in happenings]),
        mode_accuracy=(sum((g.mode or "") == (p.mode or "") for g, p in moded) / len(moded)
                       if moded else 0.0),
        hard_negative_kinds=dict(sorted(kinds.items())),
    )


def _prediction(event: Event | None) -> Prediction:
    if event is None:
        return Prediction(None, None, None)
    return Prediction(event.category, event.subtype, event.mode)


def predict_articles(tagger, articles: Sequence[Article]) -> list[Prediction]:
    """Tag each article whole; per gold sentence, the top event of the tagger's sentences
    that overlap it most (the tagger's sentences need not match the gold ones: a dateline
    is a sentence of its own)."""
    out = []
    for article, tagged in zip(articles, tagger.tag_batch([a.raw for a in articles]), strict=True):
        owned: dict[int, list[Event]] = {}
        for event in tagged.events:
            if event.sentence.field != "body":
                continue
            start, end = event.sentence.start, event.sentence.end
            overlap = [min(end, s.end) - max(start, s.start) for s in article.sentences]
            best = max(range(len(overlap)), key=overlap.__getitem__, default=None)
            if best is not None and overlap[best] > 0:
                owned.setdefault(best, []).append(event)
        out += [_prediction(top_event(owned.get(i, []))) for i in range(len(article.sentences))]
    return out


def evaluate_frozen(tagger, path: Path = FROZEN_SET) -> TypingScores:
    """The frozen team test set (or another team file at ``path``), tagged article by article."""
    articles = read_articles(path)
    return typing_scores([s for a in articles for s in a.sentences],
                         predict_articles(tagger, articles))


def realis_misses(articles: Sequence[Article], predictions: Sequence[Prediction]) -> list[str]:
    """The hard negatives of team articles (a development set, never the frozen one) that
    ``predictions`` (:func:`predict_articles`) read the wrong way round: an event where none
    happened, or none where one did."""
    if any(article.id.startswith(FROZEN_ID_PREFIX) for article in articles):
        raise ValueError("the frozen set's misses are not for reading: score it, do not tune on it")
    sentences = [(article, gold) for article in articles for gold in article.sentences]
    out = []
    for (article, gold), guess in zip(sentences, predictions, strict=True):
        if gold.negative and gold.realis != (guess.category is not None):
            label = f"{gold.category}/{gold.subtype}" if gold.realis else "no event"
            found = f"{guess.category}/{guess.subtype}" if guess.category else "no event"
            out.append(f"{article.id} {gold.negative}: gold {label}, read {found}: {gold.text}")
    return out


@dataclass(frozen=True)
class CvReadings:
    """Per training sentence: its gold labels, the rules' top event and the model's reading
    from the fold it was held out of (typed even when the model says "no event")."""

    gold: list[Sentence]
    rules: list[RuleGuess | None]  # the rules' best match, as the trained and hybrid models read it
    readings: list[Reading]
    folds: list[str] | None = None  # the fold (or corpus) each sentence was held out in
    # the rules' event as events.taxonomy makes it (after its rule_veto); None: as ``rules``
    rules_kept: list[RuleGuess | None] | None = None
    # the realis scope cues of the sentence's parse (what a ``veto`` reads); None: not read
    cues: list[frozenset[str]] | None = None
    # the links from the trigger of ``rules_kept`` to its line's root (None: no event, or not read)
    rule_links: list[int | None] | None = None
    # whether that trigger is in a clause stating it as given (realis_scope.in_given_clause; None: not read)
    rule_given: list[bool] | None = None
    # how many read lines of the article body come before the sentence (sentences.body_line_numbers)
    line_numbers: list[int | None] | None = None
    # what the model read of every sentence, hashed (:func:`features_digest`): whether a later tree's
    # rules may be scored against these model readings (cv_rescore); None: readings made before it
    features: str | None = None

    def part(self, fold: str) -> CvReadings:
        """The readings of the sentences held out in ``fold``."""
        keep = [i for i, f in enumerate(self.folds or []) if f == fold]
        kept = None if self.rules_kept is None else [self.rules_kept[i] for i in keep]
        cues = None if self.cues is None else [self.cues[i] for i in keep]
        links = None if self.rule_links is None else [self.rule_links[i] for i in keep]
        given = None if self.rule_given is None else [self.rule_given[i] for i in keep]
        numbers = None if self.line_numbers is None else [self.line_numbers[i] for i in keep]
        return CvReadings([self.gold[i] for i in keep], [self.rules[i] for i in keep],
                          [self.readings[i] for i in keep], [fold] * len(keep), kept, cues, links, given,
                          numbers, self.features)


@dataclass(frozen=True)
class RulesSide:
    """What the rules make of each training sentence, in corpus order: the side of
    :class:`CvReadings` that no model reading depends on (see :func:`rules_side`)."""

    rules: list[RuleGuess | None]
    rules_kept: list[RuleGuess | None]
    cues: list[frozenset[str]]
    rule_links: list[int | None]
    rule_given: list[bool]
    line_numbers: list[int | None]


def rules_side(articles: Sequence[Article], parses: Sequence[Doc]) -> RulesSide:
    """The rules' readings of every sentence of ``articles`` (parsed whole, ``parses``), as the
    tagger's default path makes them: the best match without and with the rules' veto, the realis
    scope cues of the lines it reads, the kept trigger's links to the root and whether it is stated
    as given, and each sentence's line number in the body."""
    from streams.tagging.events.rules import match_sentence
    from streams.tagging.events.sentences import (
        body_line_numbers,
        lines_within,
        read_lines,
        reports_happening,
    )
    from streams.tagging.events.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    options = load_config().component("events").options
    rule_veto = veto_cues(options.get("rule_veto"), "rule_veto")
    depth_discount = check_discount(options.get("depth_discount"), "depth_discount")
    out = RulesSide([], [], [], [], [], [])
    for article, doc in zip(articles, parses, strict=True):
        offset = ArticleText.of(article.raw).body_offset
        news_year = year_of_news(article.raw.published_at, article.raw.fetched_at)
        out.line_numbers.extend(body_line_numbers(read_lines(doc), offset,
                                                  [offset + s.start for s in article.sentences]))
        spans = [doc.char_span(offset + s.start, offset + s.end, alignment_mode="expand")
                 for s in article.sentences]
        read = [span if span is not None and reports_happening(span) else None for span in spans]
        # the lines the tagger reads within each sentence (a lead apart from its dateline)
        within = [lines_within(span) if span is not None else [] for span in spans]
        # the default path reads those lines, the article's in order (an act told before:
        # retold.py); each line's kept matches go to the sentence that holds it
        placed = [(n, line) for n, span in enumerate(read) if span is not None for line in within[n]]
        ruled = read_article_with_scope([(line, match_sentence(line, taxonomy)) for _, line in placed],
                                        taxonomy, rule_veto, news_year, depth_discount)
        kept_in: dict[int, list[tuple[Match, Span]]] = defaultdict(list)
        for (n, _), (line, matches) in zip(placed, ruled, strict=True):
            kept_in[n].extend((m, line) for m in matches.kept)
        for n, span in enumerate(spans):
            # the tagger reads lines (a lead apart from its dateline): the cues of each
            out.cues.append(frozenset() if span is None else frozenset(
                cue for line in within[n] for cue in scope_cues(line, news_year)))
            happening = read[n]
            if happening is None:
                out.rules.append(None)
                out.rules_kept.append(None)
                out.rule_links.append(None)
                out.rule_given.append(False)
                continue
            out.rules.append(best_guess(match_sentence(happening, taxonomy).kept))
            kept = kept_in[n]
            out.rules_kept.append(best_guess([m for m, _ in kept]))
            top = max(kept, key=lambda found: found[0].confidence, default=None)
            out.rule_links.append(links_to_root(top[0].anchor, top[1]) if top is not None else None)
            out.rule_given.append(top is not None and in_given_clause(top[0].anchor, top[1]))
    return out


def features_digest(docs: Sequence[Doc]) -> str:
    """A SHA-256 of what the model reads of each sentence (its words and feature words, in
    order): equal digests mean a model trained on the corpus reads the same inputs."""
    digest = hashlib.sha256()
    for doc in docs:
        digest.update("\x1f".join(t.text for t in doc).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def cv_readings(model_name: str, folds: int | None = None, log=print,
                grouped: bool = False, leave_out: Collection[str] = (),
                hold_out: Sequence[str] = (),
                on_fold: Callable[[CvReadings], None] | None = None,
                seed: int | None = None) -> CvReadings:
    """Cross-validation readings on the training corpus: 5 folds of whole articles, or
    (``grouped``) one corpus held out at a time (:func:`~wirewatch.training.corpus.group_of`).
    Trains the model once per fold, minutes each. The rules are read on the same sentences
    (their best trigger). The corpora in ``leave_out`` (letters) are neither trained on nor
    scored; with ``hold_out`` only those folds (corpus letters) are held out, in that order,
    each trained on all the others. ``on_fold`` gets the readings of the folds done so far
    after each fold (so a long run can be saved as it goes). ``seed``: the training seed instead
    of the config's (the grouped-CV objective moves by a few thousandths with it); the realis
    bag's other heads take the next seeds (``training.train_bag``)."""
    from wirewatch.training import events as training
    from wirewatch.training.corpus import FOLDS, fold_of, group_of, training_articles

    articles = training_articles(leave_out=leave_out)
    parses = training.parse(articles, model_name)
    docs = training.sentence_docs(articles, parses, training.labels())
    owner = [a.id for a in articles for _ in a.sentences]
    fold: dict[str, int | str] = dict(group_of(articles) if grouped
                                      else fold_of(articles, folds or FOLDS))
    side = rules_side(articles, parses)
    features = features_digest(docs)
    readings: list[Reading | None] = [None] * len(docs)
    keys = sorted(set(fold.values()), key=str)
    if hold_out:
        wanted = [h.upper() for h in hold_out]
        unknown = sorted(set(wanted) - {str(k) for k in keys})
        if unknown:
            raise ValueError(f"no fold {', '.join(unknown)} to hold out "
                             f"(folds: {', '.join(str(k) for k in keys)})")
        keys = [k for h in wanted for k in keys if str(k) == h]
    gold = [s for a in articles for s in a.sentences]
    done: list[int] = []

    def so_far() -> CvReadings:
        order = sorted(done)
        return CvReadings([gold[i] for i in order], [side.rules[i] for i in order],
                          [r for r in (readings[i] for i in order) if r is not None],
                          [str(fold[owner[i]]) for i in order], [side.rules_kept[i] for i in order],
                          [side.cues[i] for i in order], [side.rule_links[i] for i in order],
                          [side.rule_given[i] for i in order], [side.line_numbers[i] for i in order],
                          features)

    for n, k in enumerate(keys):
        train = [d for d, o in zip(docs, owner, strict=True) if fold[o] != k]
        test = [i for i, o in enumerate(owner) if fold[o] == k]
        log(f"fold {n + 1}/{len(keys)} ({k}): training on {len(train)} sentences, "
            f"testing on {len(test)}")
        with tempfile.TemporaryDirectory() as tmp:
            nlp = training.train_bag(train, [docs[i] for i in test], Path(tmp), seed=seed)
        fold_articles = [a for a in articles if fold[a.id] != k]
        classifier = EventClassifier(nlp, training.combinations(fold_articles), threshold=ALWAYS_TYPE)
        unlabelled = [Doc(nlp.vocab, words=[t.text for t in docs[i]]) for i in test]
        for i, reading in zip(test, classifier.read(unlabelled), strict=True):
            readings[i] = reading
        done += test
        if on_fold is not None:
            on_fold(so_far())
    return so_far()


def best_guess(matches: Sequence[Match]) -> RuleGuess | None:
    """The rules' guess for a sentence: its most confident match."""
    best = max(matches, key=lambda m: m.confidence, default=None)
    return RuleGuess(best.rule.category, best.subtype, best.mode) if best else None


def cv_predictions(cv: CvReadings, kind: str, settings: HybridSettings | None = None,
                   arbiter_keeps: Sequence[bool | None] | None = None) -> list[Prediction]:
    """What the rules, the trained model or the hybrid make of each held-out sentence (the
    trained model reads with ``settings.threshold``; with ``rules_first``, the hybrid reads the
    rules' events as the rules path makes them, and its model events pass the ``veto``).
    ``arbiter_keeps``: per sentence, whether the learned arbiter lets the rules' event stand (None:
    it does not decide there; :func:`nested_arbiter_keeps`)."""
    settings = settings or HybridSettings(DEFAULT_THRESHOLD)
    out = []
    kept = cv.rules_kept if cv.rules_kept is not None else cv.rules
    if (settings.veto or settings.overrule_needs_doubt) and cv.cues is None:
        raise ValueError("these readings hold no scope cues to veto by: redo them "
                         "(training/events/choose_hybrid.py --fresh)")
    if settings.overrule_depth is not None and cv.rule_links is None:
        raise ValueError("these readings hold no trigger depths to overrule by: redo them "
                         "(training/events/choose_hybrid.py --fresh)")
    cues = cv.cues if cv.cues is not None else [frozenset[str]()] * len(cv.readings)
    links = cv.rule_links if cv.rule_links is not None else [None] * len(cv.readings)
    # readings made before session 22 did not read it: their doubt is the line's, as then
    given = getattr(cv, "rule_given", None) or [False] * len(cv.readings)
    keeps = arbiter_keeps if arbiter_keeps is not None else [None] * len(cv.readings)
    for reading, rule, rule_kept, sentence_cues, rule_links, rule_given, arbiter_keep in zip(
            cv.readings, cv.rules, kept, cues, links, given, keeps, strict=True):
        if kind == "rules":
            rule = rule_kept
            source: str | None = "rules" if rule else None
        elif kind == "trained":
            source = "model" if 1.0 - reading.realis < settings.threshold else None
        else:
            rule = rule_kept if settings.rules_first else rule
            doubtful = open_to_doubt(sentence_cues, rule_links, settings, rule_given,
                                     rule.category if rule is not None else None)
            source = decide(reading, rule, settings, doubtful=doubtful)
            if arbiter_keep is not None and rule is not None:
                source = "rules" if arbiter_keep else None
            if source == "model" and reading.category is not None \
                    and vetoes(sentence_cues, reading.category, settings.veto):
                source = None
        if source == "model":
            out.append(Prediction(reading.category, reading.subtype, reading.mode))
        elif source == "rules" and rule is not None:
            out.append(Prediction(rule.category, rule.subtype, rule.mode))
        else:
            out.append(Prediction(None, None, None))
    return out


def cross_validate(model_name: str, folds: int | None = None, log=print,
                   grouped: bool = False) -> tuple[dict[str, TypingScores], dict[str, dict[str, TypingScores]]]:
    """Cross-validation on the training corpus of the rules, the trained model and the
    hybrid (default thresholds), on the same sentences: ``wirewatch eval events --set cv``
    (5 folds) or ``--set cv-grouped`` (one corpus held out at a time). Pooled scores, and
    the scores of each held-out fold (each corpus, when grouped)."""
    return cv_scores(cv_readings(model_name, folds, log, grouped=grouped))


def cv_scores(cv: CvReadings) -> tuple[dict[str, TypingScores], dict[str, dict[str, TypingScores]]]:
    """The pooled scores of each kind (rules, trained, hybrid as the pipeline config sets them
    up) and the scores of each held-out fold."""
    events = load_config().component("events")
    hybrid = HybridSettings.of(events.options)
    keeps = nested_arbiter_keeps(cv, hybrid, events.data.get("arbiter"))

    def predict(readings: CvReadings, kind: str, arbiter_keeps: Sequence[bool | None] | None) -> list[Prediction]:
        if kind != "hybrid":
            return cv_predictions(readings, kind)
        return cv_predictions(readings, kind, hybrid, arbiter_keeps)

    pooled = {kind: typing_scores(cv.gold, predict(cv, kind, keeps)) for kind in FACTORIES}
    parts = {}
    for fold in sorted(set(cv.folds or [])):
        part, part_keeps = cv.part(fold), keeps_of_part(cv, keeps, fold)
        parts[fold] = {kind: typing_scores(part.gold, predict(part, kind, part_keeps)) for kind in FACTORIES}
    return pooled, parts


def keeps_of_part(cv: CvReadings, keeps: Sequence[bool | None] | None,
                  fold: str) -> list[bool | None] | None:
    """The arbiter's decisions (:func:`nested_arbiter_keeps`, for the whole of ``cv``) on the
    sentences of ``cv.part(fold)``, in its order; None stays None."""
    if keeps is None:
        return None
    return [k for k, f in zip(keeps, cv.folds or [], strict=True) if f == fold]


def nested_arbiter_keeps(cv: CvReadings, settings: HybridSettings,
                         arbiter_path: Path | None) -> list[bool | None] | None:
    """Per sentence, whether the default path's learned arbiter lets the rules' event stand, read by
    an arbiter fitted without the sentence's corpus (None per sentence where it does not decide;
    None for all without an arbiter in the config, with readings too old to hold what it reads, or
    of a single corpus, where no arbiter can be fitted without it: the hand overrule decides)."""
    if arbiter_path is None or not settings.rules_first or cv.cues is None or cv.rule_links is None \
            or cv.rules_kept is None or cv.folds is None:
        return None
    if len(set(cv.folds) - TUNED_ON) < 2:  # one corpus held out (--hold-out): no other to fit on
        return None
    from streams.tagging.events.arbiter import Arbiter
    from wirewatch.training.arbiter import nested_happening

    shipped = Arbiter.load(arbiter_path)
    happening = nested_happening(cv, settings)
    return [None if p is None or rule is None or not shipped.decides(rule.category) else p >= shipped.threshold
            for p, rule in zip(happening, cv.rules_kept, strict=True)]


# Parts of the corpus the rules were tuned on (tests/data/events_team_set.tsv): the objective
# leaves them out, since the hybrid's rule events would look better there than anywhere else.
TUNED_ON = frozenset({"T"})


def objective(s: TypingScores) -> float:
    """The figure choices are made on (fixed before any sweep): the mean of realis accuracy,
    category accuracy, subtype macro-F1 and 1 - the hard-negative realis error rate."""
    parts = [s.realis_accuracy, s.category.accuracy, s.subtype.macro_f1]
    if s.hard_negatives:
        parts.append(1 - s.hard_negative_errors)
    return sum(parts) / len(parts)


def part_objectives(cv: CvReadings, kind: str, settings: HybridSettings | None = None,
                    arbiter_keeps: Sequence[bool | None] | None = None) -> dict[str, float]:
    """The objective of each held-out part (corpus), the tuned-on parts included
    (``arbiter_keeps``: :func:`nested_arbiter_keeps` for the whole of ``cv``, or None)."""
    out = {}
    for f in sorted(set(cv.folds or [])):
        part = cv.part(f)
        out[f] = objective(typing_scores(part.gold, cv_predictions(part, kind, settings,
                                                                   keeps_of_part(cv, arbiter_keeps, f))))
    return out


def part_objective(cv: CvReadings, kind: str, settings: HybridSettings | None = None,
                   arbiter_keeps: Sequence[bool | None] | None = None) -> float:
    """The objective averaged over the held-out parts (corpora), each counting once, the
    parts in :data:`TUNED_ON` left out (``training/events/choose_hybrid.py``'s objective)."""
    each = {f: v for f, v in part_objectives(cv, kind, settings, arbiter_keeps).items() if f not in TUNED_ON}
    if not each:
        return objective(typing_scores(cv.gold, cv_predictions(cv, kind, settings, arbiter_keeps)))
    return sum(each.values()) / len(each)
