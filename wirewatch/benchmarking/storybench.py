"""The story index alone: CPU per article, memory per remembered article, and its decisions.

``python -m wirewatch.benchmarking.storybench [--articles 20000] [--at 1000 5000 20000]``
feeds the benchmark's generated articles (``corpus.bench_articles``: demo
paragraphs recombined, so a few sketch values are held by thousands of
articles) one by one through :meth:`StoryIndex.assign`, in one process, and at
each checkpoint prints:

- CPU ms per article (``time.process_time``) over the last ``--window`` articles,
  and the slowest single article in that window; beside it the CPU ms of
  ``article_sketch`` alone on the same articles (hashing the text's shingles, the part
  of ``assign`` that does not depend on what the index holds);
- bytes per remembered article: the index's traced memory (``tracemalloc``,
  measured in a second pass, since tracing slows every allocation) divided by
  the articles it holds; the article ids it keeps are counted (each article is
  handed over as a fresh copy whose id is allocated under tracing);
- duplicates found so far and a SHA-256 digest of every ``(story_id,
  duplicate_of)`` decision in order, so two implementations can be compared.

It also times building an empty index (a worker pays it once at start).
No services, no spaCy: the figures are the index's own.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from schemas import RawArticle
from streams.tagging.stories.index import DEFAULT_CAPACITY, StoryIndex, article_sketch
from wirewatch.benchmarking.corpus import bench_articles


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The figures after ``articles`` articles."""

    articles: int
    remembered: int
    cpu_ms_per_article: float
    slowest_ms: float
    sketch_ms_per_article: float
    duplicates: int
    digest: str
    bytes_per_remembered: float | None = None


def _fresh_copy(article: RawArticle) -> RawArticle:
    """The article with a newly allocated id string (so tracing sees the id the index keeps)."""
    return article.model_copy(update={"id": "".join(list(article.id))})


def run_cpu(articles: Sequence[RawArticle], checkpoints: Sequence[int], *, window: int,
            capacity: int) -> list[Checkpoint]:
    """Feed the articles untraced; CPU per article over the ``window`` before each checkpoint."""
    index = StoryIndex(capacity=capacity)
    digest = hashlib.sha256()
    duplicates = 0
    times: list[float] = []
    out = []
    gc.collect()
    for n, article in enumerate(articles, start=1):
        started = time.process_time()
        story, duplicate_of = index.assign(article)
        times.append(time.process_time() - started)
        duplicates += duplicate_of is not None
        digest.update(f"{story}\t{duplicate_of}\n".encode())
        if n in checkpoints:
            last = times[-window:]
            out.append(Checkpoint(n, len(index), 1000 * sum(last) / len(last), 1000 * max(last),
                                  _sketch_ms(articles[n - len(last) : n]), duplicates, digest.hexdigest()[:16]))
    return out


def _sketch_ms(articles: Sequence[RawArticle]) -> float:
    started = time.process_time()
    for article in articles:
        article_sketch(article)
    return 1000 * (time.process_time() - started) / len(articles)


def run_memory(articles: Sequence[RawArticle], checkpoints: Sequence[int], *, capacity: int) -> dict[int, float]:
    """Feed the articles under ``tracemalloc``; bytes the index holds per remembered article at each checkpoint."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = StoryIndex(capacity=capacity)
    out = {}
    for n, article in enumerate(articles, start=1):
        index.assign(_fresh_copy(article))
        if n in checkpoints:
            gc.collect()
            out[n] = (tracemalloc.get_traced_memory()[0] - base) / max(len(index), 1)
    tracemalloc.stop()
    return out


def start_cost(repeat: int = 20, capacity: int = DEFAULT_CAPACITY) -> float:
    """Best CPU ms to build an empty index."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        StoryIndex(capacity=capacity)
        best = min(best, time.process_time() - started)
    return 1000 * best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="generated articles to feed")
    parser.add_argument("--at", type=int, nargs="+", default=[1_000, 5_000, 20_000], help="checkpoints")
    parser.add_argument("--window", type=int, default=500, help="articles timed before each checkpoint")
    parser.add_argument("--capacity", type=int, default=DEFAULT_CAPACITY)
    parser.add_argument("--no-memory", action="store_true", help="skip the traced pass")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    checkpoints = sorted({n for n in args.at if n <= args.articles})
    articles = bench_articles(args.articles)
    figures = run_cpu(articles, checkpoints, window=args.window, capacity=args.capacity)
    if not args.no_memory:
        memory = run_memory(articles, checkpoints, capacity=args.capacity)
        figures = [Checkpoint(**{**asdict(f), "bytes_per_remembered": memory[f.articles]}) for f in figures]
    start_ms = start_cost(capacity=args.capacity)
    if args.json:
        print(json.dumps({"start_ms": start_ms, "checkpoints": [asdict(f) for f in figures]}))
        return
    print(f"empty index built in {start_ms:.3f} ms CPU (capacity {args.capacity})")
    print(f"{'articles':>8} {'held':>6} {'ms/article':>10} {'sketch ms':>9} {'slowest':>8} {'bytes/held':>10} "
          f"{'dups':>6}  digest")
    for f in figures:
        held = "-" if f.bytes_per_remembered is None else f"{f.bytes_per_remembered:.0f}"
        print(f"{f.articles:>8} {f.remembered:>6} {f.cpu_ms_per_article:>10.3f} {f.sketch_ms_per_article:>9.3f} "
              f"{f.slowest_ms:>8.2f} "
              f"{held:>10} {f.duplicates:>6}  {f.digest}")


if __name__ == "__main__":
    main()
