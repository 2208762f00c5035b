"""``wirewatch bench soak``: a steady stream for minutes; memory, lag and losses.

``articles`` articles are published at a steady rate over ``duration``
seconds (10,000 over 10 minutes by default: 16.7 articles/s) to workers on
the embedded stack. Figures: worker RSS growth after warm-up (the first 20 %
of samples; flat means no later sample 10 % above the peak of the next 10 %
of samples, :func:`~wirewatch.benchmarking.stats.growth`), the most articles waiting at any time,
the consumer lag the workers report once publishing ends (must return to 0),
how many articles never became searchable (must be 0), and how many bulk
requests the workers had to retry (the search engine stalled). A benchmark, not
a test: it is never part of ``make test``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from wirewatch.benchmarking.corpus import SOURCE_NOTE, bench_articles
from wirewatch.benchmarking.e2e import START_TIMEOUT_S, publish
from wirewatch.benchmarking.report import Report, Target
from wirewatch.benchmarking.stack import embedded_stack, rss_mb, wait_until
from wirewatch.benchmarking.stats import growth, latency_summary
from wirewatch.benchmarking.visibility import Visibility

DRAIN_TIMEOUT_S = 900.0
LAG_METRIC = "wirewatch_consumer_lag"
BULK_FAILURES_METRIC = "wirewatch_bulk_failures_total"


def bench_soak(*, workers: int, articles: int, duration: float, seed: int = 13, keep: Path | None = None,
               progress: Callable[[str], None] = lambda _: None) -> Report:
    """Run the soak of the module's docstring and return the report."""
    from connectors.publisher import ArticlePublisher
    from core.search_client import make_client

    rate = articles / duration
    run = f"soak-{int(time.time())}"
    report = Report("soak", context={"workers": workers, "articles": SOURCE_NOTE.format(words=400),
                                     "load": f"{articles} articles over {duration:.0f} s ({rate:.1f}/s)"})
    stream = bench_articles(articles, seed=seed, run=run)
    with embedded_stack(keep=keep) as stack:
        settings = stack.settings
        visibility = Visibility(make_client(settings), f"{settings.index_prefix}articles", interval=0.2).start()
        publisher = ArticlePublisher(settings)
        try:
            stack.start_workers(workers)
            stack.sample_rss(interval=5.0)
            progress(f"{workers} worker(s) starting; first article")
            publish(publisher, visibility, stream[:1])
            wait_until(lambda: not visibility.pending(), timeout=START_TIMEOUT_S, what="the first article",
                       alive=[stack])
            progress(f"publishing {articles} articles at {rate:.1f}/s")
            started = time.monotonic()
            most_waiting = 0
            engine = stack.search_pid()
            engine_rss: list[tuple[int, float | None]] = []  # (articles searchable, engine RSS MiB)
            for n, article in enumerate(stream[1:], start=1):
                delay = started + n / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                publish(publisher, visibility, [article], flush=False)
                if n % 100 == 0:
                    most_waiting = max(most_waiting, len(visibility.pending()))
                    stack.check_alive()
                    engine_rss.append((len(visibility.seen), rss_mb(engine) if engine else None))
                    memory = f", search engine {engine_rss[-1][1]:.0f} MiB" if engine_rss[-1][1] else ""
                    progress(f"{n} published, {len(visibility.pending())} waiting{memory}")
            publisher.flush()
            published_s = time.monotonic() - started
            progress("draining")
            try:
                wait_until(lambda: not visibility.pending(), timeout=DRAIN_TIMEOUT_S, interval=1.0,
                           what="every article to be searchable", alive=[stack])
            except TimeoutError:
                pass  # reported below as lost
            drained_s = time.monotonic() - started
            engine_rss.append((len(visibility.seen), rss_mb(engine) if engine else None))
            lag_zero = _lag_returns_to_zero(stack)
            retried = sum(w.metric(BULK_FAILURES_METRIC) for w in stack.workers)
        finally:
            visibility.stop()
            publisher.close(5)
        lost = len(visibility.pending())
        ids = [a.id for a in stream]
        report.add("published", len(ids), "articles", note=f"in {published_s:.0f} s")
        report.add("never searchable (lost)", lost, "articles", target=Target(0, at_least=False))
        report.add("throughput, first publish to last searchable", (len(ids) - lost) / drained_s, "articles/s")
        report.add("most articles waiting (sampled)", most_waiting, "articles")
        report.add("consumer lag after draining", lag_zero, "messages", target=Target(0, at_least=False),
                   note="sum of wirewatch_consumer_lag over workers")
        # Each retry is a bulk request the engine did not answer in time (the embedded engine
        # pauses for tens of seconds once it holds several GB): the workers' buffers fill while
        # it waits and drain at once after, which is when their RSS peaks.
        report.add("bulk requests retried", retried, "requests",
                   note=f"sum of {BULK_FAILURES_METRIC} over workers (search engine slow or unavailable)")
        summary = latency_summary(visibility.latencies(ids))
        report.add("publish->searchable p50", summary.get("p50"), "s")
        report.add("publish->searchable p95", summary.get("p95"), "s")
        _engine_memory(report, engine_rss)
        for worker in stack.workers:
            if len(worker.rss) >= 5:
                report.add(f"{worker.name} RSS growth after warm-up", 100 * growth(worker.rss), "%",
                           target=Target(10, at_least=False),
                           note=_rss_note(worker.rss))
    return report


def _engine_memory(report: Report, samples: list[tuple[int, float | None]]) -> None:
    """The embedded search engine's RSS at the end, its peak, and per searchable article."""
    known = [(seen, rss) for seen, rss in samples if rss is not None]
    if not known:
        return
    seen, last = known[-1]
    report.add("search engine RSS at the end", last, "MiB", note=f"embedded osmem, {seen} articles searchable")
    report.add("search engine RSS, peak (sampled)", max(rss for _, rss in known), "MiB")
    if seen:
        report.add("search engine RSS per searchable article", last / seen, "MiB",
                   note="RSS at the end / articles searchable (each with its events)")


def _rss_note(rss: list[float]) -> str:
    """Peak at warm-up's end, peak of the last 20 % and highest after warm-up (MiB)."""
    start, window = int(len(rss) * 0.2), max(1, int(len(rss) * 0.1))
    return (f"peak {max(rss[start:start + window]):.0f} after warm-up, {max(rss[-max(1, len(rss) // 5):]):.0f} "
            f"in the last 20 %, max {max(rss[start:]):.0f}, at the end {rss[-1]:.0f} MiB")


def _lag_returns_to_zero(stack, timeout: float = 60.0) -> float:
    """The workers' summed consumer lag once it reaches 0, or its last value after ``timeout``."""
    deadline = time.monotonic() + timeout
    lag = float("nan")
    while time.monotonic() < deadline:
        lag = sum(w.metric(LAG_METRIC) for w in stack.workers)
        if lag == 0:
            return 0.0
        time.sleep(2.0)
    return lag
