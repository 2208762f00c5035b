"""The team's labelled event sentences, as the tagger reads them.

Two sources, both written by the team (``data/events/DATA.md``):

- ``data/events/train/*.jsonl``: wire-style articles, one label set per sentence
  (format: ``EVENT_DATA_FORMAT``); the training corpus;
- ``tests/data/events_team_set.tsv``: single sentences with a category (``NONE``
  = no event) and a subtype, no mode; the set the old rules were tuned on.

The frozen test set (``data/events/frozen/``) is read with the same code by the
evaluation, never by training: :func:`training_files` refuses it.

A change of labelling convention is recorded as relabels (``data/events/train/relabels/``),
not by editing the writers' files, which are expanded from their shorthand: each line names a
sentence, its labels before and after, and why; :func:`training_articles` applies them.

Each article becomes the body the tagger would see (dateline, then paragraphs
separated by blank lines); each labelled sentence keeps its offsets in that
body, so training and evaluation cut the same sentences out of the same parse.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from core.jsonlines import read_json_lines
from core.settings import REPO_ROOT
from schemas import RawArticle, article_id

TRAIN_DIR = REPO_ROOT / "data" / "events" / "train"
FROZEN_DIR = REPO_ROOT / "data" / "events" / "frozen"
FROZEN_SET = FROZEN_DIR / "events-frozen-v1.jsonl"
TEAM_TSV = REPO_ROOT / "tests" / "data" / "events_team_set.tsv"
RELABELS = "relabels"  # the folder of relabel files within the training folder
DATELINE_SEP = " - "  # "KHARTOUM - Sudan's army ...": how the team's leads print a dateline
FOLDS = 5
SEED = 0
# A training sentence that shares this many words in a row with the frozen test set is
# left out of training: a copied phrase would make the frozen figures look better.
FROZEN_OVERLAP_WORDS = 8


class CorpusError(ValueError):
    """A corpus file is missing or malformed, or a frozen file was offered for training."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled sentence and where it sits in its article's body."""

    start: int
    end: int
    text: str
    realis: bool
    category: str | None
    subtype: str | None
    mode: str | None
    has_mode: bool  # False for the older team set, which gives no mode
    negative: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the tagger reads it, with its labelled sentences."""

    id: str  # the team id (tra-0001, frz-0001, team-001)
    raw: RawArticle
    sentences: tuple[Sentence, ...]


def training_files(folder: Path = TRAIN_DIR) -> list[Path]:
    """The corpus files, in name order (never the frozen set)."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise CorpusError(f"no training files (*.jsonl) in {folder}")
    for path in files:
        if FROZEN_DIR.resolve() in path.resolve().parents:
            raise CorpusError(f"{path} is in the frozen test set: it is never trained on")
    return files


def lay_out(record: dict) -> tuple[str, list[tuple[int, int]]]:
    """The body the tagger sees for a team JSONL article, and each sentence's offsets in it:
    the lead behind its dateline ("KHARTOUM - ..."), paragraphs joined by blank lines."""
    body, offsets, para = "", [], None
    for gold in record["sentences"]:
        if para is None:
            # corpus B writes the dateline into the lead's text; the others only in "dateline"
            dateline = record.get("dateline") or ""
            printed = dateline and not gold["text"].upper().startswith(dateline.upper())
            body = f"{dateline}{DATELINE_SEP}" if printed else ""
        else:
            body += "\n\n" if gold["para"] != para else " "
        para = gold["para"]
        offsets.append((len(body), len(body) + len(gold["text"])))
        body += gold["text"]
    return body, offsets


def _article(record: dict) -> Article:
    body, offsets = lay_out(record)
    sentences = []
    for gold, (start, end) in zip(record["sentences"], offsets, strict=True):
        sentences.append(Sentence(
            start=start, end=end, text=gold["text"], realis=bool(gold["realis"]),
            category=gold["category"], subtype=gold["subtype"], mode=gold["mode"], has_mode=True,
            negative=gold.get("negative"),
        ))
    published = datetime.fromisoformat(record["published_at"]).replace(hour=12, tzinfo=UTC)
    title = record.get("title") or ""
    raw = RawArticle(id=article_id(None, title, body), source="team:events", title=title,
                     body=body, published_at=published, fetched_at=published)
    return Article(id=record["id"], raw=raw, sentences=tuple(sentences))


def read_articles(path: Path) -> list[Article]:
    """The articles of one team JSONL file (training corpus or frozen set)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc}") from exc
    out = []
    for line in read_json_lines(lines):
        if line.error is not None:
            raise CorpusError(f"{path}:{line.number}: not JSON ({line.error})")
        out.append(_article(line.value))
    return out


def read_team_tsv(path: Path = TEAM_TSV) -> list[Article]:
    """The older team set: each sentence its own article (category NONE = no event)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [{k: v.strip() for k, v in row.items()}
                for row in csv.DictReader(handle, delimiter="\t")]
    now = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for row in rows:
        text, realis = row["text"], row["category"] != "NONE"
        raw = RawArticle(id=article_id(None, "", text), source="team:events", body=text,
                         fetched_at=now)
        sentence = Sentence(start=0, end=len(text), text=text, realis=realis,
                            category=row["category"] if realis else None,
                            subtype=row["subtype"] if realis else None, mode=None, has_mode=False)
        out.append(Article(id=row["id"], raw=raw, sentences=(sentence,)))
    return out


def word_runs(text: str, length: int = FROZEN_OVERLAP_WORDS) -> set[tuple[str, ...]]:
    """Every run of ``length`` words in ``text``, lower-cased."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + length]) for i in range(len(words) - length + 1)}


def frozen_word_runs(frozen: Path = FROZEN_SET) -> set[tuple[str, ...]]:
    """The frozen set's word runs, read only to keep copies of them out of training."""
    runs: set[tuple[str, ...]] = set()
    for article in read_articles(frozen):
        runs |= word_runs(article.raw.title or "")
        for sentence in article.sentences:
            runs |= word_runs(sentence.text)
    return runs


def without_frozen_overlap(articles: Sequence[Article], frozen: Path = FROZEN_SET) -> list[Article]:
    """The articles with every labelled sentence that shares a word run with the frozen
    set left out (its text stays in the body, as context for the parse only)."""
    runs = frozen_word_runs(frozen)
    return [Article(id=a.id, raw=a.raw,
                    sentences=tuple(s for s in a.sentences if not word_runs(s.text) & runs))
            for a in articles]


def written_articles(folder: Path = TRAIN_DIR, team_tsv: Path | None = TEAM_TSV) -> list[Article]:
    """The corpus files, then the older team set, with the relabels of ``folder/relabels``
    applied: every sentence as written, before any is left out (a relabel's index counts these)."""
    articles = [a for path in training_files(folder) for a in read_articles(path)]
    if team_tsv is not None:
        articles += read_team_tsv(team_tsv)
    return relabelled(articles, folder / RELABELS)


def training_articles(folder: Path = TRAIN_DIR, team_tsv: Path | None = TEAM_TSV,
                      leave_out: Collection[str] = ()) -> list[Article]:
    """Everything the model is trained on: the corpus files, then the older team set,
    less the sentences that share eight words in a row with the frozen set, and less the
    corpora named in ``leave_out`` (their letters, :func:`group_of`: to measure what a
    corpus adds, cross-validate with and without it)."""
    articles = written_articles(folder, team_tsv)
    if leave_out:
        groups = group_of(articles)
        unknown = {c.upper() for c in leave_out} - set(groups.values())
        if unknown:
            raise CorpusError(f"no corpus {', '.join(sorted(unknown))} to leave out "
                              f"(corpora: {', '.join(sorted(set(groups.values())))})")
        gone = {c.upper() for c in leave_out}
        articles = [a for a in articles if groups[a.id] not in gone]
    return without_frozen_overlap(articles)


Labels = tuple[str, str, str | None]  # a happening's category, subtype and mode


@dataclass(frozen=True, slots=True)
class Relabel:
    """One sentence's labels changed by a change of convention (a line of a relabel file)."""

    article: str  # the team id
    sentence: int  # its index in the article
    text: str  # the sentence, to check the relabel still names it
    before: Labels | None  # None: not a happening (realis false)
    after: Labels | None
    why: str


def _labels(value: list | None) -> Labels | None:
    """A relabel's "from" or "to": [category, subtype, mode], or null for "not a happening"."""
    if value is None:
        return None
    category, subtype, mode = value
    return category, subtype, mode


def read_relabels(folder: Path) -> list[Relabel]:
    """The relabels of every ``*.jsonl`` file in ``folder``, in name order (none if absent)."""
    out = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for line in read_json_lines(path.read_text(encoding="utf-8").splitlines()):
            if line.error is not None:
                raise CorpusError(f"{path}:{line.number}: not JSON ({line.error})")
            try:
                row = line.value
                out.append(Relabel(row["id"], int(row["sentence"]), row["text"], _labels(row["from"]),
                                   _labels(row["to"]), row["why"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise CorpusError(f"{path}:{line.number}: not a relabel (needs id, sentence, text, "
                                  f"from, to, why): {exc}") from exc
    return out


def relabelled(articles: Sequence[Article], folder: Path) -> list[Article]:
    """The articles with the relabels of ``folder`` applied. A relabel that no longer names its
    sentence as it was (another text, other labels) is refused: redo it against the corpus.
    A relabel to or from "not a happening" (null) turns the sentence's realis; a sentence
    without modes (the older team set) keeps none."""
    relabels = read_relabels(folder)
    if not relabels:
        return list(articles)
    by_id = {a.id: a for a in articles}
    changed: dict[str, list[Sentence]] = {}
    for r in relabels:
        article = by_id.get(r.article)
        if article is None or not 0 <= r.sentence < len(article.sentences):
            raise CorpusError(f"relabel {r.article}#{r.sentence}: no such sentence in the corpus")
        sentences = changed.setdefault(r.article, list(article.sentences))
        s = sentences[r.sentence]
        labels = (s.category, s.subtype, s.mode) if s.realis else None
        if s.text != r.text or labels != r.before:
            raise CorpusError(f"relabel {r.article}#{r.sentence}: the corpus has {s.text[:50]!r} "
                              f"labelled {labels}, not {r.text[:50]!r} labelled {r.before}")
        if r.after is None:  # not a happening: no type (its negative kind stays)
            sentences[r.sentence] = replace(s, realis=False, category=None, subtype=None, mode=None)
            continue
        category, subtype, mode = r.after
        sentences[r.sentence] = replace(s, realis=True, category=category, subtype=subtype,
                                        mode=mode if s.has_mode else None)
    return [Article(a.id, a.raw, tuple(changed[a.id])) if a.id in changed else a for a in articles]


def fold_of(articles: Sequence[Article], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """A cross-validation fold per article (whole articles, so no article is split
    between training and test); the same corpus always gets the same folds."""
    ids = sorted(a.id for a in articles)
    random.Random(seed).shuffle(ids)
    return {article: n % folds for n, article in enumerate(ids)}


def group_of(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's corpus, for grouped cross-validation: the letter of its team id
    (``tra-0001`` -> ``A``, ``trm-0003`` -> ``M``), ``T`` for the older team set. Each corpus
    was written by a different writer in a different register, so holding one out at a
    time estimates how the model reads prose it has not seen the like of."""
    out = {}
    for article in articles:
        prefix = article.id.split("-", 1)[0].lower()
        if prefix == "team":
            out[article.id] = "T"
        elif len(prefix) == 3 and prefix.startswith("tr"):
            out[article.id] = prefix[2].upper()
        else:
            raise CorpusError(f"{article.id}: no corpus letter in the id (tr<letter>-NNNN)")
    return out


def sentences(articles: Iterable[Article]) -> list[Sentence]:
    """All labelled sentences, in article order."""
    return [s for a in articles for s in a.sentences]
