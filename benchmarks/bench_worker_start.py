"""Worker start: seconds from launch to the first tagged article, and peak memory.

Starts ``wirewatch tag`` (the code the stream worker runs) in a new process on
one article and measures, from the launch, the time until its TaggedArticle
line arrives, the whole run, and the process's peak resident memory
(``ru_maxrss`` of the child). The gazetteer store must be built already
(``make gazetteer``), as it is on a deployed machine; the first run after a
cold boot also reads the spaCy model and the store's pages from disk.

Run: ``python benchmarks/bench_worker_start.py [--runs 3]``. Timings on a
shared machine are noisy: the script reports every run, the best, the CPU
seconds of the run (what the wall time would be on an idle core) and the
load average.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from schemas import RawArticle, article_id  # noqa: E402

ARTICLE = RawArticle(
    id=article_id("bench:worker-start"), source="bench:start", fetched_at=datetime(2026, 1, 1, tzinfo=UTC),
    title="Floods cut the Namanga highway",
    body="Floods cut the Namanga highway south of Kajiado on Tuesday, Kenya's roads authority said, "
         "while in Pakistan rescue teams reached villages in Buner and Swat districts. "
         "Ukrainian officials said drones struck Odesa and the Sumy region overnight.",
)


def one_run() -> dict[str, float]:
    """Launch ``wirewatch tag`` on one article; time to its output and its peak RSS."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "wirewatch", "tag"], cwd=REPO,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(ARTICLE.model_dump_json() + "\n")
    process.stdin.close()
    line = process.stdout.readline()
    first = time.perf_counter() - started
    process.wait()
    total = time.perf_counter() - started
    tagged = json.loads(line)
    if "error" in tagged or not tagged.get("places"):
        raise SystemExit(f"wirewatch tag did not tag the article: {line[:300]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    # CPU seconds of the whole run: what the wall time would be on an idle core
    return {"first_article_s": round(first, 2), "total_s": round(total, 2), "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(max(peak, before) / 1024, 1), "places": len(tagged["places"])}


def main() -> None:
    """Print each run and the best as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        runs.append(one_run())
        print(json.dumps(runs[-1]))
    # ru_maxrss of children is the largest child so far: the peak over the runs
    print(json.dumps({"best_first_article_s": min(r["first_article_s"] for r in runs),
                      "best_cpu_s": min(r["cpu_s"] for r in runs), "load_average": os.getloadavg()[0],
                      "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "cores": os.cpu_count()}))


if __name__ == "__main__":
    main()
