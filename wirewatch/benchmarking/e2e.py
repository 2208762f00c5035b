"""``wirewatch bench e2e``: the pipeline end to end on the embedded stack.

Phases, each on articles of its own (``corpus.bench_articles``):

1. start-up: one article waits in the raw topic; the workers start; the time
   until it is searchable is "worker start to first article" (interpreter,
   imports, model and gazetteer, consumer group join, tagging, indexing);
2. settle: articles trickle in until every worker has tagged one (so that a
   late rebalance does not fall into the measurements);
3. light load: one article every 0.5-2 s (seeded), each one's publish to
   searchable latency;
4. backlog: ``articles`` published at once; throughput is how many became
   searchable per second from the first publish to the last found.

Worker RSS is sampled every second throughout.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from wirewatch.benchmarking.corpus import SOURCE_NOTE, bench_articles, word_count
from wirewatch.benchmarking.cpu import by_role, snapshot, usage, wait_until_idle
from wirewatch.benchmarking.report import Report, Target
from wirewatch.benchmarking.stack import Stack, embedded_stack, rss_mb, wait_until
from wirewatch.benchmarking.stats import latency_summary
from wirewatch.benchmarking.visibility import Visibility

START_TIMEOUT_S = 180.0
#: the stack counts as idle (the backlog's events indexed) below this many busy cores
IDLE_CORES = 0.15
IDLE_TIMEOUT_S = 60.0


def publish(publisher: Any, visibility: Visibility, articles: list, *, flush: bool = True) -> list[str]:
    """Publish articles (recording each one's publish time); their ids."""
    for article in articles:
        visibility.published_now(article.id)
        publisher.publish(article)
    if flush:
        publisher.flush()
    return [a.id for a in articles]


def bench_e2e(*, workers: int, articles: int, light: int, seed: int = 13,
              progress: Callable[[str], None] = lambda _: None) -> Report:
    """Run the phases of the module's docstring and return the report."""
    from connectors.publisher import ArticlePublisher
    from core.search_client import make_client

    run = f"e2e-{int(time.time())}"
    report = Report("e2e", context={
        "workers": workers, "articles": f"{SOURCE_NOTE.format(words=400)}",
        "light load": f"{light} articles, one every 0.5-2 s",
        "backlog": f"{articles} articles published at once",
    })
    with embedded_stack() as stack:
        settings = stack.settings
        visibility = Visibility(make_client(settings), f"{settings.index_prefix}articles").start()
        publisher = ArticlePublisher(settings)
        try:
            _phases(stack, publisher, visibility, report, workers=workers, articles=articles, light=light,
                    seed=seed, run=run, progress=progress)
        finally:
            visibility.stop()
            publisher.close(5)
    return report


def _phases(stack: Stack, publisher: Any, visibility: Visibility, report: Report, *, workers: int,
            articles: int, light: int, seed: int, run: str, progress: Callable[[str], None]) -> None:
    first = bench_articles(1, seed=seed, run=f"{run}-start")
    publish(publisher, visibility, first)
    progress(f"starting {workers} worker(s)")
    spawned = time.monotonic()
    stack.start_workers(workers)
    stack.sample_rss()
    seen = wait_until(lambda: visibility.all_seen([first[0].id]), timeout=START_TIMEOUT_S,
                      what="the first article to be searchable", alive=[stack])
    report.add("worker start to first article searchable", seen - spawned, "s", target=Target(3.0, at_least=False),
               note="spawn -> imports, model, gazetteer, group join, tag, index, search finds it")

    progress("settling: until every worker has tagged an article")
    settle = iter(bench_articles(400, seed=seed, run=f"{run}-settle"))

    def every_worker_tagged() -> bool:
        publish(publisher, visibility, [next(settle)])
        return all(w.tagged() > 0 for w in stack.workers)

    wait_until(every_worker_tagged, timeout=START_TIMEOUT_S, interval=0.25, what="every worker to tag an article",
               alive=[stack])
    wait_until(lambda: not visibility.pending(), timeout=START_TIMEOUT_S, what="the settling articles")

    progress(f"light load: {light} articles, one every 0.5-2 s")
    rng = random.Random(seed)
    light_ids = []
    for article in bench_articles(light, seed=seed, run=f"{run}-light"):
        light_ids += publish(publisher, visibility, [article])
        time.sleep(rng.uniform(0.5, 2.0))
    wait_until(lambda: visibility.all_seen(light_ids), timeout=60, what="the light-load articles", alive=[stack])
    summary = latency_summary(visibility.latencies(light_ids))
    report.add("light load: publish->searchable p50", summary["p50"], "s")
    report.add("light load: publish->searchable p95", summary["p95"], "s", target=Target(1.0, at_least=False))
    report.add("light load: publish->searchable max", summary["max"], "s")

    progress(f"backlog: {articles} articles at once")
    backlog = bench_articles(articles, seed=seed, run=f"{run}-backlog")
    pids = stack.pids()
    bulks_before = _bulks(stack)
    before = snapshot(pids)
    started = time.monotonic()
    backlog_ids = publish(publisher, visibility, backlog)
    published = time.monotonic() - started
    done = wait_until(lambda: visibility.all_seen(backlog_ids), timeout=max(120.0, articles * 2.0),
                      interval=0.2, what="the backlog to be searchable", alive=[stack])
    at_done = snapshot(pids)
    idle = wait_until_idle(pids, below_cores=IDLE_CORES, timeout_s=IDLE_TIMEOUT_S)
    _cpu_account(report, usage(before, at_done), usage(before, snapshot(pids)), articles,
                 wall_s=at_done.at - before.at, idle=idle)
    rate = articles / (done - started)
    report.add("backlog: articles searchable per second", rate, "articles/s",
               target=Target(15.0) if workers >= 2 else None,
               note=f"publishing took {published:.1f} s; target is for two workers")
    backlog_latency = latency_summary(visibility.latencies(backlog_ids))
    report.add("backlog: publish->searchable p95", backlog_latency["p95"], "s")
    _bulk_sizes(report, bulks_before, _bulks(stack))
    stack.check_alive()
    _worker_costs(stack, report)
    if (engine := stack.search_pid()) is not None:
        report.add("search engine RSS at the end", rss_mb(engine), "MiB", note="embedded osmem, all phases' documents")
    peak = max((max(w.rss) for w in stack.workers if w.rss), default=None)
    report.add("worker RSS, peak of any worker", peak, "MiB", target=Target(500, at_least=False))
    report.add("worker RSS, at the end (mean of workers)",
               sum(w.rss[-1] for w in stack.workers if w.rss) / max(len(stack.workers), 1), "MiB")
    report.context["word count"] = f"~{word_count(backlog):.0f} words per article"


def _cpu_account(report: Report, to_done: dict[str, float], to_idle: dict[str, float], articles: int, *,
                 wall_s: float, idle: bool) -> None:
    """Backlog CPU per article by process (and the workers' threads), from /proc (:mod:`.cpu`)."""
    busy = sum(v for k, v in to_done.items() if ": " not in k)
    report.add("backlog: cores busy", busy / wall_s, "cores",
               note="CPU of every process of the stack / wall time, first publish to last searchable")
    rows = by_role(to_idle)
    total = sum(v for k, v in rows.items() if ": " not in k)
    when = "until the stack fell idle" if idle else f"NOT idle {IDLE_TIMEOUT_S:.0f} s after the last article"
    report.add("backlog CPU per article: whole stack", 1000 * total / articles, "ms",
               note=f"utime+stime of every process from the first publish {when} (events indexed too)")
    for label in sorted(rows, key=lambda k: (k.split(": ")[0], ": " in k, k)):
        report.add(f"  {label}", 1000 * rows[label] / articles, "ms")


def _bulks(stack: Stack) -> dict[str, tuple[float, float]]:
    """(documents indexed, bulk requests) so far per alias, summed over the workers."""
    out = {}
    for kind in ("articles", "events"):
        labels = {"index": f"{stack.settings.index_prefix}{kind}"}
        out[kind] = (sum(w.metric("wirewatch_documents_indexed_total", labels) for w in stack.workers),
                     sum(w.metric("wirewatch_bulk_seconds_count", labels) for w in stack.workers))
    return out


def _bulk_sizes(report: Report, before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]) -> None:
    for kind, (documents, requests) in after.items():
        documents -= before[kind][0]
        requests -= before[kind][1]
        report.add(f"backlog: {kind} per bulk request", documents / requests if requests else None, "documents",
                   note="the engine indexes a bulk of 1,000+ once; smaller ones again when it merges them")


def _worker_costs(stack: Stack, report: Report) -> None:
    """Where the workers' time went, from their own metrics (wall seconds, all phases so far)."""
    def total(name: str) -> float:
        return sum(w.metric(name) for w in stack.workers)

    tagged, indexed = total("wirewatch_articles_tagged_total"), total("wirewatch_documents_indexed_total")
    if tagged:
        report.add("worker tagging time per article", 1000 * total("wirewatch_tagging_seconds_sum") / tagged, "ms",
                   note="wall time of tagging batches / articles tagged")
    if indexed:
        report.add("bulk indexing time per document", 1000 * total("wirewatch_bulk_seconds_sum") / indexed, "ms",
                   note="wall time of bulk requests / documents indexed (articles and events)")
