"""What indexing costs the embedded search engine: CPU and memory per article, without workers.

Replays tagged articles into a fresh osmem on a free port, written the way
the index agents write them (``streams/agents/indexing.py``): the article
documents in bulks of ``--article-bulk``, their event documents in bulks of
``--event-bulk``, each events bulk followed by the revision check's search,
all with the shipped templates and the document functions of the checkout it
runs from. Only the engine's own CPU (``utime + stime`` from /proc) and RSS
are counted, so the figures hardly move with the machine's load, and two
checkouts can be compared on the same tagged file.

Input: TaggedArticle JSON lines (``python -m wirewatch tag --input raw.jsonl
--output tagged.jsonl``). Prints one JSON object.

Run from a checkout's root: ``python -m benchmarks.bench_index tagged.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.settings import get_settings
from schemas import EventMessage, TaggedArticle
from streams.indexing.bulk import BulkWriter
from streams.indexing.documents import article_document, event_document, event_messages
from streams.indexing.revisions import delete_superseded_events
from wirewatch.benchmarking.cpu import process_cpu
from wirewatch.benchmarking.stack import rss_mb
from wirewatch.embedded import free_port, start_search


def peak_rss_mb(pid: int) -> float | None:
    """The highest RSS the process reached (VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def replay(articles: list[TaggedArticle], *, article_bulk: int, event_bulk: int, settle_s: float,
           perf_out: Path | None = None) -> dict[str, Any]:
    """Index ``articles`` into a fresh engine; its CPU and memory figures."""
    from core.search_client import make_client
    from wirewatch.search_setup import ensure_indices

    base = get_settings()
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        server = start_search("127.0.0.1", free_port(), log_dir=Path(tmp), embedded=base.embedded)
        try:
            settings = base.model_copy(update={"es_url": server.url})
            client = make_client(settings, request_timeout=300)
            ensure_indices(settings, client)
            pid = server.process.pid
            articles_alias, events_alias = f"{settings.index_prefix}articles", f"{settings.index_prefix}events"
            to_articles = BulkWriter(client, articles_alias)
            to_events = BulkWriter(client, events_alias)
            profiler = None
            if perf_out is not None:  # a CPU profile of the engine (Linux perf; osmem keeps its Go symbols)
                profiler = subprocess.Popen(["perf", "record", "-q", "-e", "cpu-clock", "-F", "999", "-g",
                                             "-p", str(pid), "-o", str(perf_out)])
                time.sleep(0.5)
            start_cpu, start_rss = process_cpu(pid) or 0.0, rss_mb(pid) or 0.0
            by_kind: dict[str, float] = {}

            @contextmanager
            def spent(kind: str) -> Iterator[None]:
                before = process_cpu(pid) or 0.0
                yield
                by_kind[kind] = by_kind.get(kind, 0.0) + (process_cpu(pid) or 0.0) - before
            documents = events = 0
            build_s = 0.0
            waiting: list[tuple[EventMessage, tuple[str, dict[str, Any]]]] = []  # events not written yet

            def write_events(batch: list[tuple[EventMessage, tuple[str, dict[str, Any]]]]) -> None:
                with spent("events"):
                    to_events.write([doc for _, doc in batch])
                with spent("revision checks"):
                    delete_superseded_events(client, articles_alias, events_alias, [m for m, _ in batch],
                                             articles_visible=True)

            for first in range(0, len(articles), article_bulk):
                chunk = articles[first:first + article_bulk]
                t = time.perf_counter()
                docs = [(a.id, article_document(a)) for a in chunk]
                messages = [m for a in chunk for m in event_messages(a)]
                waiting += [(m, (m.id, event_document(m))) for m in messages]
                build_s += time.perf_counter() - t
                with spent("articles"):
                    to_articles.write(docs)
                while len(waiting) >= event_bulk or (waiting and first + article_bulk >= len(articles)):
                    write_events(waiting[:event_bulk])
                    waiting = waiting[event_bulk:]
                documents += len(docs) + len(messages)
                events += len(messages)
            indexed_cpu = (process_cpu(pid) or 0.0) - start_cpu
            if profiler is not None:
                profiler.send_signal(signal.SIGINT)
                profiler.wait(60)
            end_rss = rss_mb(pid) or 0.0
            time.sleep(settle_s)
            count = client.count(index=articles_alias)["count"]
            client.close()
            return {
                "articles": len(articles), "events": events, "documents": documents, "indexed_articles": count,
                "article_bulk": article_bulk, "event_bulk": event_bulk,
                "engine_cpu_ms_per_article": round(1000 * indexed_cpu / len(articles), 2),
                **{f"engine_cpu_ms_per_article_{kind.replace(' ', '_')}": round(1000 * cpu / len(articles), 2)
                   for kind, cpu in by_kind.items()},
                "engine_rss_mib_start": round(start_rss, 1), "engine_rss_mib_end": round(end_rss, 1),
                "engine_rss_mib_peak": round(peak_rss_mb(pid) or 0.0, 1),
                f"engine_rss_mib_after_{settle_s:.0f}s": round(rss_mb(pid) or 0.0, 1),
                "engine_rss_mib_per_article": round((end_rss - start_rss) / len(articles), 3),
                "document_build_ms_per_article": round(1000 * build_s / len(articles), 2),
                "document_bytes_per_article": round(sum(
                    len(json.dumps(article_document(a))) + sum(len(json.dumps(event_document(m)))
                                                               for m in event_messages(a))
                    for a in articles) / len(articles)),
            }
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tagged", help="TaggedArticle JSON lines")
    parser.add_argument("--articles", type=int, default=None, help="the first N (default: all)")
    parser.add_argument("--article-bulk", type=int, default=25, help="articles per bulk (2-worker backlog: ~25)")
    parser.add_argument("--event-bulk", type=int, default=230, help="events per bulk (2-worker backlog: ~230)")
    parser.add_argument("--settle", type=float, default=0.0, help="seconds to wait before the last RSS reading")
    parser.add_argument("--perf-out", type=Path, default=None, help="record a CPU profile of the engine here (perf)")
    args = parser.parse_args(argv)
    lines = [line for line in Path(args.tagged).read_text().splitlines() if line.strip()]
    articles = [TaggedArticle.model_validate_json(line) for line in lines[:args.articles]]
    print(json.dumps(replay(articles, article_bulk=args.article_bulk, event_bulk=args.event_bulk,
                            settle_s=args.settle, perf_out=args.perf_out)))


if __name__ == "__main__":
    main()
