"""Publishing throughput: the connector path vs a bare kafka-python producer.

Starts its own memory-only Tansu broker on a free port, then sends the same
10,000 articles three ways, each to its own topic, best of ``--rounds``:

* ``bare``: a ``KafkaProducer`` with the publisher's own settings (acks=all,
  idempotence, compression, linger) sending pre-serialised key/value bytes;
* ``publisher``: :class:`connectors.publisher.ArticlePublisher` given RawArticle
  objects (serialisation, delivery tracking and the typed flush included);
* ``file``: ``wirewatch publish``'s path, a JSONL file of the same articles read,
  validated and published (no language detection: the records carry it).

Target: publisher >= 0.8 x bare.  Run: ``python benchmarks/bench_publish.py``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kafka import KafkaProducer

from connectors.files import read_paths
from connectors.items import Item
from connectors.publisher import ArticlePublisher, producer_config
from core.settings import Settings
from schemas.articles import RawArticle, utcnow
from schemas.values import article_id
from wirewatch.embedded import free_port, start_broker

PARAGRAPH = ("Negotiators from both sides met in Geneva on Tuesday to discuss a ceasefire along the "
             "front line, the exchange of prisoners of war and the return of displaced civilians. ")


def make_articles(n: int) -> list[RawArticle]:
    """``n`` distinct articles of about 2.5 kB each."""
    now = utcnow()
    return [
        RawArticle(id=article_id(f"https://news.example/{i}"), url=f"https://news.example/{i}",
                   source="bench:articles", title=f"Talks resume, day {i}",
                   body="\n".join([PARAGRAPH * 3] * 5), language="en", published_at=now,
                   fetched_at=now, metadata={"feed": "bench"})
        for i in range(n)
    ]


def bare(settings: Settings, topic: str, pairs: list[tuple[bytes, bytes]]) -> float:
    producer = KafkaProducer(**producer_config(settings))
    started = time.perf_counter()
    for key, value in pairs:
        producer.send(topic, key=key, value=value)
    producer.flush()
    elapsed = time.perf_counter() - started
    producer.close()
    return elapsed


def publisher(settings: Settings, topic: str, articles: list[RawArticle]) -> float:
    pub = ArticlePublisher(settings, topic=topic)
    started = time.perf_counter()
    for article in articles:
        pub.publish(article)
    pub.flush()
    elapsed = time.perf_counter() - started
    pub.close()
    return elapsed


def from_file(settings: Settings, topic: str, path: Path) -> float:
    pub = ArticlePublisher(settings, topic=topic)
    started = time.perf_counter()
    for result in read_paths([path]):
        assert isinstance(result, Item), result
        pub.publish(result.article)
    pub.flush()
    elapsed = time.perf_counter() - started
    pub.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    broker = start_broker("127.0.0.1", free_port())
    try:
        settings = Settings(kafka_bootstrap=broker.url, topic_prefix="bench.")
        articles = make_articles(args.articles)
        pairs = [(a.id.encode(), a.model_dump_json().encode()) for a in articles]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "articles.jsonl"
            path.write_bytes(b"\n".join(v for _, v in pairs) + b"\n")
            bare(settings, "bench.warmup", pairs[:500])  # metadata, connections, topic creation
            best = {"bare": float("inf"), "publisher": float("inf"), "file": float("inf")}
            for r in range(args.rounds):  # interleaved, so load from other processes hits all alike
                best["bare"] = min(best["bare"], bare(settings, f"bench.bare{r}", pairs))
                best["publisher"] = min(best["publisher"], publisher(settings, f"bench.pub{r}", articles))
                best["file"] = min(best["file"], from_file(settings, f"bench.file{r}", path))
    finally:
        broker.stop()
    rate = {name: args.articles / seconds for name, seconds in best.items()}
    size = sum(len(v) for _, v in pairs) / len(pairs)
    print(f"{args.articles} articles of {size:.0f} B, compression={settings.kafka.compression_type}, "
          f"best of {args.rounds}")
    print(f"bare kafka-python producer : {rate['bare']:8.0f} articles/s")
    print(f"ArticlePublisher           : {rate['publisher']:8.0f} articles/s "
          f"({rate['publisher'] / rate['bare']:.2f} x bare; target >= 0.80)")
    print(f"JSONL file -> publisher    : {rate['file']:8.0f} articles/s "
          f"({rate['file'] / rate['bare']:.2f} x bare)")


if __name__ == "__main__":
    main()
