"""Read wirewatch events with kafka-python and print who did what to whom, where.

    pip install kafka-python
    python consume_events.py --bootstrap 127.0.0.1:9092 --group my-app

One JSON line per event on stdout: id, category, subtype, date, actors,
targets, places (names, from the message itself) and the article's URL.
Offsets are committed after each batch is printed: at-least-once, so a
consumer that must not see an event twice keys its writes by event ``id``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from kafka import KafkaConsumer

SUPPORTED_SCHEMA_VERSION = 1

# Settings that let a new group member get its partitions in seconds (the
# client defaults can take tens of seconds against some brokers); fine for Kafka.
CONSUMER_SETTINGS = {
    "auto_offset_reset": "earliest",   # a new group starts from the oldest kept event
    "enable_auto_commit": False,       # commit after processing, below
    "session_timeout_ms": 6000,
    "heartbeat_interval_ms": 1000,
    "max_poll_interval_ms": 60000,
}


def summary(event: dict) -> dict:
    """The fields a dashboard would show; unknown fields are ignored, never an error."""
    names = lambda refs: [f"{r['name']} ({r['type']})" for r in refs]  # noqa: E731
    return {
        "id": event["id"],
        "category": event["category"],
        "subtype": event.get("subtype"),
        "date": event.get("date") or event.get("published_at"),
        "actors": names(event.get("actor_refs", [])),
        "targets": names(event.get("target_refs", [])),
        "places": names(event.get("place_refs", [])),
        "url": event.get("url"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--topic", default="wirewatch.events")
    parser.add_argument("--group", required=True, help="your own consumer group (never 'wirewatch')")
    parser.add_argument("--max", type=int, default=0, help="stop after this many events (0: run on)")
    parser.add_argument("--timeout", type=float, default=0, help="stop after this many seconds (0: run on)")
    args = parser.parse_args(argv)

    consumer = KafkaConsumer(args.topic, bootstrap_servers=args.bootstrap.split(","),
                             group_id=args.group, **CONSUMER_SETTINGS)
    started, seen = time.monotonic(), 0
    try:
        while not (args.max and seen >= args.max):
            if args.timeout and time.monotonic() - started > args.timeout:
                break
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    event = json.loads(record.value)
                    if event.get("schema_version", 1) > SUPPORTED_SCHEMA_VERSION:
                        print(f"skipping {record.key!r}: schema_version {event['schema_version']}",
                              file=sys.stderr)
                        continue
                    print(json.dumps(summary(event)), flush=True)
                    seen += 1
            consumer.commit()
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
