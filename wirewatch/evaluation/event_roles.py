"""Who did what to whom, where and when: event roles against gold actors, places and days.

Two gold sources, both read in place and never trained on:

- the PLOVER gold-standard dev sentences (``../shared/eval/plover-gsr-dev.json``):
  each sentence is tagged as an article body and its top event (highest
  confidence, as in :mod:`wirewatch.evaluation.events`) is scored: a gold
  ``source`` actor text is *found* when a mention of one of the event's actor
  ids overlaps it; a ``target`` likewise among the event's targets;
- the team's role development sets (``data/events/dev/roles-dev-v1.jsonl``, ``-v2``, ``-v3`` and ``-v4``, open
  for error analysis and tuning the role readings, never trained on), scored like the frozen set;
- the team's frozen event test set (``data/events/frozen/events-frozen-v1.jsonl``,
  TEST ONLY): each article is tagged whole (dateline, paragraphs, title); for
  each gold sentence that reports a happening, the top event of the tagger's
  sentences that overlap it most (as the typing scores pick them) is scored for its actors and targets (a gold name given
  for a pronoun counts wherever the article writes it), its place (the first
  of its ``place_ids`` is the gold place; gold "none" wants no place) and its
  day (equal, None included).

A gold actor with no event in its sentence counts as not found; place and
day are scored only on sentences that got an event (the model's detection is
scored by ``wirewatch eval events``).

"Found" is recall: a reading that adds a wrong actor or target beside the right
one loses nothing there. Precision is the other side: of the actor and target
ids the top event names, the share that names a gold actor (target) of its
sentence. Gold lists the parties the conventions ask for (``data/events/DATA.md``;
a facility hit and the people in it may both be targets there, PLOVER's coders
often name one), so precision is a floor on what an analyst would accept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.settings import REPO_ROOT
from schemas import Entity, Event, Place, RawArticle, TaggedArticle, article_id
from streams.tagging.shared.text import ArticleText
from wirewatch.evaluation.data import eval_file
from wirewatch.evaluation.events import top_event
from wirewatch.training.corpus import FROZEN_SET, TRAIN_DIR, lay_out

PLOVER_FILE = "plover-gsr-{split}.json"
ROLES_DEV = REPO_ROOT / "data" / "events" / "dev" / "roles-dev-v1.jsonl"
ROLES_DEV_V2 = ROLES_DEV.with_name("roles-dev-v2.jsonl")  # the weak kinds of issue #11 part 4
# one-line reports of violence, the doer named (or not) in the forms a passive report takes
ROLES_DEV_V3 = ROLES_DEV.with_name("roles-dev-v3.jsonl")
# short wire articles with such reports among the other sentences wire copy carries
ROLES_DEV_V4 = ROLES_DEV.with_name("roles-dev-v4.jsonl")
# short wire articles in which where each event happened matters (the place readings' check)
ROLES_DEV_V5 = ROLES_DEV.with_name("roles-dev-v5.jsonl")
ROLES_DEV_SETS = {"v1": ROLES_DEV, "v2": ROLES_DEV_V2, "v3": ROLES_DEV_V3, "v4": ROLES_DEV_V4,
                  "v5": ROLES_DEV_V5}
# Hard negatives and happenings by three writers the model never saw (session 33): realis on new
# prose, scored like the frozen set, whose misses may be read (data/events/DATA.md).
REALIS_DEV = ROLES_DEV.with_name("realis-dev-v1.jsonl")
# Plans and background by two more writers (session 35), told the kinds but not the training
# corpus's forms: whether a corpus written to teach those kinds carries to another writer's prose.
REALIS_DEV_V2 = ROLES_DEV.with_name("realis-dev-v2.jsonl")
# One-line briefs by two more writers (session 58): a feed summary or an event-database note read
# with no article around it, mostly passive, often with no day or actor named.
REALIS_DEV_V3 = ROLES_DEV.with_name("realis-dev-v3.jsonl")
REALIS_DEV_SETS = {"v1": REALIS_DEV, "v2": REALIS_DEV_V2, "v3": REALIS_DEV_V3}


@dataclass
class RoleScores:
    """Counts behind the role figures of one set."""

    sources: int = 0
    sources_found: int = 0
    targets: int = 0
    targets_found: int = 0
    places: int = 0
    places_right: int = 0
    days: int = 0
    days_right: int = 0
    actors_named: int = 0  # actor ids of the top events of gold happenings
    actors_right: int = 0  # of which name a gold actor of the sentence
    targets_named: int = 0
    targets_right: int = 0
    sentences: int = 0  # gold happenings
    with_event: int = 0  # of which an event was found in the sentence
    misses: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def source_found(self) -> float:
        return self._ratio(self.sources_found, self.sources)

    @property
    def target_found(self) -> float:
        return self._ratio(self.targets_found, self.targets)

    @property
    def actor_precision(self) -> float:
        return self._ratio(self.actors_right, self.actors_named)

    @property
    def target_precision(self) -> float:
        return self._ratio(self.targets_right, self.targets_named)

    @property
    def place_accuracy(self) -> float:
        return self._ratio(self.places_right, self.places)

    @property
    def day_accuracy(self) -> float:
        return self._ratio(self.days_right, self.days)

    def miss(self, kind: str, note: str) -> None:
        self.misses.setdefault(kind, []).append(note)


class _Spans:
    """Mention spans of the ids of one tagged article, in combined-text offsets."""

    def __init__(self, tagged: TaggedArticle) -> None:
        article = ArticleText(title=tagged.title, body=tagged.body)  # the text the tagger read
        self.text = article.text
        self.by_id: dict[str, list[tuple[int, int]]] = {}
        self.names: dict[str, set[str]] = {}
        items: list[Entity | Place] = [*tagged.entities, *tagged.places]
        for item in items:
            spans = self.by_id.setdefault(item.id, [])
            spans.extend(article.span_of(m) for m in item.mentions)
            self.names.setdefault(item.id, set()).update(
                {item.name.lower(), *(m.text.lower() for m in item.mentions)})

    def occurrences(self, name: str) -> list[tuple[int, int]]:
        """Where the article writes ``name`` (exactly, else ignoring case)."""
        name = name.strip()
        out: list[tuple[int, int]] = []
        for haystack, needle in ((self.text, name), (self.text.lower(), name.lower())):
            start = haystack.find(needle)
            while needle and start >= 0:
                out.append((start, start + len(needle)))
                start = haystack.find(needle, start + 1)
            if out:
                break
        return out

    def names_any(self, name: str, ids: Iterable[str]) -> bool:
        """Whether a mention of one of ``ids`` overlaps a place where the article writes ``name``."""
        spans = self.occurrences(name)
        lowered = name.strip().lower()
        for i in ids:
            if lowered in self.names.get(i, ()):
                return True
            if any(s < e2 and s2 < e for s, e in self.by_id.get(i, ()) for s2, e2 in spans):
                return True
        return False


def _got(spans: _Spans, event: Event | None, role: str) -> str:
    if event is None:
        return "no event"
    return str([sorted(spans.names.get(i, {i}))[0] for i in getattr(event, role)])


def _score_actors(scores: RoleScores, spans: _Spans, event: Event | None, gold_actors: Sequence[str],
                  gold_targets: Sequence[str], where: str) -> None:
    for name in gold_actors:
        scores.sources += 1
        if event is not None and spans.names_any(name, event.actors):
            scores.sources_found += 1
        else:
            scores.miss("source", f"{name!r} got {_got(spans, event, 'actors')} | {where}")
    for name in gold_targets:
        scores.targets += 1
        if event is not None and spans.names_any(name, event.targets):
            scores.targets_found += 1
        else:
            scores.miss("target", f"{name!r} got {_got(spans, event, 'targets')} | {where}")
    if event is None:
        return
    for i in event.actors:
        scores.actors_named += 1
        scores.actors_right += any(spans.names_any(name, [i]) for name in gold_actors)
    for i in event.targets:
        scores.targets_named += 1
        scores.targets_right += any(spans.names_any(name, [i]) for name in gold_targets)


def load_plover(split: str) -> list[dict[str, Any]]:
    """PLOVER gold-standard records (text, source and target actor lists)."""
    data: list[dict[str, Any]] = json.loads(eval_file(PLOVER_FILE.format(split=split)).read_text("utf-8"))
    return data


def evaluate_plover(tagger, split: str = "dev") -> RoleScores:
    """Source-found and target-found of the top event on the PLOVER gold sentences."""
    records = load_plover(split)
    now = datetime.now(UTC).replace(microsecond=0)
    articles = [RawArticle(id=article_id(None, "", r["text"]), source="eval:event-roles",
                           body=r["text"], fetched_at=now) for r in records]
    scores = RoleScores()
    for record, tagged in zip(records, tagger.tag_batch(articles), strict=True):
        spans = _Spans(tagged)
        event = top_event(tagged.events)
        scores.sentences += 1
        scores.with_event += event is not None
        _score_actors(scores, spans, event,
                      [a["actorText"] for a in record.get("source", []) if a.get("actorText", "").strip()],
                      [a["actorText"] for a in record.get("target", []) if a.get("actorText", "").strip()],
                      record["text"][:120])
    return scores


@dataclass(frozen=True)
class TeamArticle:
    """A team-set article as the tagger reads it, with each gold sentence's body offsets."""

    article: RawArticle
    sentences: list[tuple[int, int, dict[str, Any]]]


def team_article(record: dict[str, Any]) -> TeamArticle:
    """The article as the tagger reads it (laid out as for training: ``corpus.lay_out``)."""
    body, offsets = lay_out(record)
    spans = [(start, end, sentence) for (start, end), sentence
             in zip(offsets, record["sentences"], strict=True)]
    published = datetime.fromisoformat(record["published_at"]).replace(hour=12, tzinfo=UTC)
    article = RawArticle(id=article_id(None, record.get("title", ""), body), source="eval:team",
                         title=record.get("title") or "", body=body, published_at=published,
                         fetched_at=published)
    return TeamArticle(article, spans)


def load_team_set(path: Path = FROZEN_SET) -> list[TeamArticle]:
    """Articles of a team event file (the frozen set or a training file)."""
    if not path.is_file():
        raise FileNotFoundError(f"the team event set is missing at {path}; run from a checkout")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [team_article(json.loads(line)) for line in lines if line.strip()]


def load_training_corpus(directory: Path = TRAIN_DIR) -> list[TeamArticle]:
    """Articles of every training file (``train/*.jsonl``): what the roles are tuned on."""
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no training files (*.jsonl) in {directory}; run from a checkout")
    return [a for f in files for a in load_team_set(f)]


def _place_right(spans: _Spans, event: Event, gold: str | None) -> bool:
    if gold is None:
        return not event.place_ids
    return bool(event.place_ids) and spans.names_any(gold, event.place_ids[:1])


def _owned(events: Iterable[Event], sentences: Sequence[tuple[int, int, dict[str, Any]]]) -> dict[int, list[Event]]:
    """Each body event under the gold sentence its sentence overlaps most, as the typing
    scores do (:func:`wirewatch.evaluation.event_typing.predict_articles`): the tagger's
    sentences need not match the gold ones (a dateline is a sentence of its own, a gold
    lead holds it)."""
    owned: dict[int, list[Event]] = {}
    for event in events:
        if event.sentence.field != "body":
            continue
        start, end = event.sentence.start, event.sentence.end
        overlap = [min(end, e) - max(start, s) for s, e, _ in sentences]
        best = max(range(len(overlap)), key=overlap.__getitem__, default=None)
        if best is not None and overlap[best] > 0:
            owned.setdefault(best, []).append(event)
    return owned


def evaluate_team(tagger, articles: Sequence[TeamArticle]) -> RoleScores:
    """Actors, targets, place and day of each gold happening's top event in its sentence."""
    scores = RoleScores()
    tagged_all = tagger.tag_batch([a.article for a in articles])
    for item, tagged in zip(articles, tagged_all, strict=True):
        spans = _Spans(tagged)
        owned = _owned(tagged.events, item.sentences)
        for number, (_, _, gold) in enumerate(item.sentences):
            if not gold["realis"]:
                continue
            scores.sentences += 1
            event = top_event(owned.get(number, []))
            where = f"{item.article.id[:8]} {gold['text'][:100]}"
            _score_actors(scores, spans, event, gold["actors"], gold["targets"], where)
            if event is None:
                continue
            scores.with_event += 1
            scores.places += 1
            if _place_right(spans, event, gold["place"]):
                scores.places_right += 1
            else:
                scores.miss("place", f"{gold['place']!r} got {_got(spans, event, 'place_ids')} | {where}")
            scores.days += 1
            if event.date == gold["date"]:
                scores.days_right += 1
            else:
                scores.miss("day", f"{gold['date']} got {event.date} | {where}")
    return scores


def roles_table(results: dict[str, RoleScores]) -> Any:
    """One row per set: source and target found, actor and target precision, place and day
    accuracy, with their counts."""
    from rich.table import Table

    table = Table(title="Event roles: actors, targets, place and day of the top event")
    for column in ("set", "source found", "target found", "actor precision", "target precision",
                   "place", "day", "events/gold"):
        table.add_column(column, justify="left" if column == "set" else "right")
    for name, s in results.items():
        table.add_row(name, f"{s.source_found:.3f} (n={s.sources})", f"{s.target_found:.3f} (n={s.targets})",
                      f"{s.actor_precision:.3f} (n={s.actors_named})",
                      f"{s.target_precision:.3f} (n={s.targets_named})",
                      f"{s.place_accuracy:.3f} (n={s.places})" if s.places else "-",
                      f"{s.day_accuracy:.3f} (n={s.days})" if s.days else "-",
                      f"{s.with_event}/{s.sentences}")
    return table


def report(console, tagger, split: str = "dev") -> dict[str, RoleScores]:
    """Print the role figures on the PLOVER ``split`` (validation: the frozen set is scored
    only when asked for, ``--set frozen``, so that tuning on dev never shows it)."""
    results = {f"PLOVER {split}": evaluate_plover(tagger, split)}
    console.print(roles_table(results))
    return results


def report_frozen(console, tagger) -> RoleScores:
    """Print the role figures on the frozen team test set."""
    return report_articles(console, tagger, "frozen team set (test)", load_team_set())


def report_training(console, tagger, misses: int = 0) -> RoleScores:
    """Print the role figures on the training corpus (tags it; trains nothing), and with
    ``misses`` that many misses of each kind (source, target, place, day) to read."""
    return report_articles(console, tagger, "training corpus (tuned on)", load_training_corpus(), misses)


def report_roles_dev(console, tagger, misses: int = 0) -> dict[str, RoleScores]:
    """Print the role figures on each of the team's role development sets (``ROLES_DEV_SETS``),
    with ``misses`` that many misses of each kind to read."""
    return {version: report_articles(console, tagger, f"team role dev set {version} (tuned on)",
                                     load_team_set(path), misses)
            for version, path in ROLES_DEV_SETS.items()}


def report_articles(console, tagger, name: str, articles: Sequence[TeamArticle], misses: int = 0) -> RoleScores:
    """Print the role figures of team-format ``articles`` as the row ``name``, then ``misses``
    misses of each kind."""
    scores = evaluate_team(tagger, articles)
    console.print(roles_table({name: scores}))
    for kind, notes in sorted(scores.misses.items()):
        for note in notes[:misses]:
            console.print(f"{kind} miss: {note}", markup=False, highlight=False, soft_wrap=True)
    return scores
