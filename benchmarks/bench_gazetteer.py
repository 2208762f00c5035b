"""The gazetteer store: build time, file size, open time, lookup cost and memory.

Builds the store into a fresh temporary folder (or uses ``--cache-dir``),
then measures in a new process, as a worker would see it: the import, the
open, lookups of known names (first time, uncached, and again, cached) and of
unknown ones (most capitalised tokens of an article are not places), and the
resident memory after each step.

Run: ``python benchmarks/bench_gazetteer.py``. Timings on a
shared machine are noisy; run it twice.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streams.tagging.places.store.cache import ensure_store  # noqa: E402

_CHILD = textwrap.dedent("""
    import json, random, sys, time
    def rss_mb(field="VmRSS"):  # RssAnon: private heap; RssFile: mapped file pages, shared
        for line in open("/proc/self/status"):
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    out = {"rss_start_mb": rss_mb()}
    t = time.perf_counter()
    import streams.tagging  # what every worker imports first (spaCy included)
    out["import_tagging_s"] = time.perf_counter() - t
    out["rss_after_import_mb"] = rss_mb()
    t = time.perf_counter()
    from streams.tagging.places.store import GazetteerStore
    from pathlib import Path
    store = GazetteerStore(Path(sys.argv[1]))
    out["open_s"] = time.perf_counter() - t
    out["rss_after_open_mb"] = rss_mb()
    # a sample drawn by SQLite, so that no list of every key sits in this heap
    known = [k for (k,) in store._db.execute(
        "SELECT key FROM (SELECT DISTINCT key FROM names) ORDER BY random() LIMIT ?",
        (int(sys.argv[2]),))]
    out["rss_after_sampling_mb"] = rss_mb()
    random.shuffle(known)
    unknown = [k + " qx" for k in known]
    for label, sample in (("known_first", known), ("known_cached", known), ("unknown", unknown)):
        t = time.perf_counter()
        hits = sum(len(store.lookup(k)) for k in sample)
        out[f"lookup_{label}_us"] = (time.perf_counter() - t) / len(sample) * 1e6
        out[f"hits_{label}"] = hits
    out["rss_after_lookups_mb"] = rss_mb()
    out["rss_anon_after_lookups_mb"] = rss_mb("RssAnon")
    out["rss_file_after_lookups_mb"] = rss_mb("RssFile")
    print(json.dumps(out))
""")

def _child(code: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print the figures as a table and as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache-dir", type=Path, help="use (or build) the store here")
    parser.add_argument("--lookups", type=int, default=20_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.cache_dir or Path(tmp)
        started = time.perf_counter()
        path = ensure_store(folder)
        figures: dict = {"cores": os.cpu_count(), "build_s": time.perf_counter() - started,
                         "file_mb": path.stat().st_size / 1e6}
        figures.update(_child(_CHILD, str(path), str(args.lookups)))
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:<{width}}  {value:.3f}" if isinstance(value, float) else f"{key:<{width}}  {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
