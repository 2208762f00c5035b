"""``bench parts``: the CPU of the tagger's speed-ups, each against what it replaces.

Three parts of the tagger exist only to save time, and their tests check only
that they give the same answers. What each one saves is a figure, measured here
and printed, never asserted in the test suite (on a shared machine a CPU ratio
moves with the neighbours: the decoding's 0.8 margin failed once in CI at 0.83):

* the NER decoded from Python holding the GIL (``streams/tagging/decoding.py``)
  against spaCy's own compiled loop, CPU time of the calling thread;
* numpy's OpenBLAS cut to one thread (``streams/tagging/matmul.py``): process CPU
  over thread CPU of the same products in a fresh interpreter (a spinning pool
  thread shows as a ratio well above 1);
* reopening the built gazetteer store and its first lookup, wall time.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from core.settings import REPO_ROOT
from wirewatch.benchmarking.report import Report, Target

# Timed in a fresh interpreter: process CPU counts every thread of the process, so
# nothing else may run in it.
_BLAS_PROBE = """
import time, numpy
from streams.tagging.matmul import one_blas_thread
assert one_blas_thread(), "numpy's OpenBLAS was not found"
a = numpy.random.default_rng(1).random((2000, 288), dtype=numpy.float32)
b = numpy.random.default_rng(2).random((288, 288), dtype=numpy.float32)
process, thread = time.process_time(), time.thread_time()
for _ in range(40):
    a @ b
print(time.process_time() - process, time.thread_time() - thread)
"""


def _best_thread_cpu(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        run()
        best = min(best, time.thread_time() - start)
    return best


def _decoding(report: Report, model: str, count: int, repeat: int) -> None:
    import spacy

    from streams.tagging.decoding import HeldGilDecoder
    from streams.tagging.shared.text import ArticleText
    from wirewatch.benchmarking.corpus import bench_articles

    nlp = spacy.load(model)
    texts = [ArticleText.of(article).text for article in bench_articles(count)]
    docs = list(nlp.pipe(texts, disable=["ner"]))  # parsed once: only the NER is timed
    spacys: Any = nlp.get_pipe("ner")  # a TrainablePipe: typed by spaCy as a plain callable
    held = HeldGilDecoder(spacys)
    spacy_cpu = _best_thread_cpu(lambda: list(spacys.pipe(docs, batch_size=4)), repeat)
    held_cpu = _best_thread_cpu(lambda: list(held.pipe(docs, batch_size=4)), repeat)
    report.add("NER, spaCy's decoding", spacy_cpu * 1000 / len(docs), "ms CPU/article")
    report.add("NER, decoding holding the GIL", held_cpu * 1000 / len(docs), "ms CPU/article")
    report.add("NER decoding CPU, held / spaCy's", held_cpu / spacy_cpu, "ratio", target=Target(0.8, at_least=False),
               note=f"best of {repeat}, {len(docs)} articles")


def _blas(report: Report) -> None:
    probe = subprocess.run([sys.executable, "-c", _BLAS_PROBE], capture_output=True, text=True, cwd=REPO_ROOT,
                           check=True, timeout=300)
    process, thread = (float(x) for x in probe.stdout.split())
    report.add("OpenBLAS products, process CPU / thread CPU", process / thread, "ratio",
               target=Target(1.2, at_least=False), note="a spinning pool thread gives ~1.4-2")


def _gazetteer(report: Report) -> None:
    from core.settings import get_settings
    from streams.tagging.places.store import GazetteerStore
    from streams.tagging.places.store.cache import ensure_store

    path = ensure_store(get_settings().gazetteer_cache_dir)  # built outside the timing
    started = time.perf_counter()
    store = GazetteerStore(path)
    store.lookup("kyiv")
    elapsed = time.perf_counter() - started
    store.close()
    report.add("gazetteer reopen and first lookup", elapsed * 1000, "ms", target=Target(1000, at_least=False))


def bench_parts(model: str, count: int = 12, repeat: int = 3) -> Report:
    """The figures of the three parts (see the module's docstring)."""
    report = Report("parts", context={"model": model, "articles": count, "repeat": repeat})
    _decoding(report, model, count, repeat)
    _blas(report)
    _gazetteer(report)
    return report
