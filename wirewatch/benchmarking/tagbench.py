"""``wirewatch bench tag``: the tagger against bare spaCy, as whole processes and at steady state.

Whole process: a fresh Python process per run, timed from spawn to exit
(interpreter start, imports, model and data loading, tagging, output), on
the same texts: bare spaCy (import, ``spacy.load``, ``nlp.pipe``) against the
tagger on ``wirewatch tag``'s path. Runs alternate ``repeat`` times and the
best wall time of each counts, so load from other processes skews both alike.
Steady state: both loaded in one process, warmed up, then timed alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from wirewatch.benchmarking.corpus import SOURCE_NOTE, bench_articles, word_count
from wirewatch.benchmarking.report import Report, Target

BARE_MODEL = "en_core_web_sm"


def run_child(mode: str, path: Path, *args: str) -> tuple[float, dict[str, Any]]:
    """Run ``proc MODE path args`` in a new interpreter; its wall time and its JSON figures."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "wirewatch.benchmarking.proc", mode, str(path), *args],
                            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"benchmark child {mode!r} failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return wall, json.loads(result.stdout.strip().splitlines()[-1])


def bench_tag(*, count: int, batch_size: int, repeat: int, model: str | None, bare_model: str = BARE_MODEL,
              steady: bool = True, events: str = "configured") -> Report:
    """Measure and return the report (see the module's docstring).

    ``events``: the events component, ``configured`` (as ``pipeline.yaml``), ``rules``,
    ``trained``, or ``both`` (the tagger runs once with each, alternated with bare spaCy).
    """
    from core.settings import get_settings

    model = model or get_settings().spacy_model
    kinds = ["rules", "trained"] if events == "both" else [events]
    articles = bench_articles(count)
    report = Report("tag", context={
        "articles": f"{count} x ~{word_count(articles):.0f} words ({SOURCE_NOTE.format(words=400)})",
        "tagger model": model, "bare model": bare_model, "tagger batch": batch_size, "events": events,
        "method": f"whole processes alternated {repeat}x, best wall time of each",
    })
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
        best: dict[str, tuple[float, dict[str, Any]]] = {}
        runs = [("spacy", "spacy", ["--bare-model", bare_model])]
        runs += [(f"tagger:{kind}", "tagger", ["--model", model, "--batch-size", str(batch_size), "--events", kind])
                 for kind in kinds]
        for _ in range(repeat):
            for name, mode, args in runs:
                wall, figures = run_child(mode, path, *args)
                if name not in best or wall < best[name][0]:
                    best[name] = (wall, figures)
        steady_figures = {kind: run_child("steady", path, "--model", model, "--bare-model", bare_model,
                                          "--batch-size", str(batch_size), "--repeat", str(repeat),
                                          "--events", kind)[1]
                          for kind in (kinds if steady else [])}
    bare_wall, bare = best["spacy"]
    report.add("bare spaCy, whole process", count / bare_wall, "articles/s",
               note=f"{bare_wall:.1f} s: import {bare['import_s']:.1f}, load {bare['load_s']:.1f}, "
                    f"pipe {bare['run_s']:.1f}")
    report.add("bare spaCy CPU per article (pipe only)", 1000 * bare["run_cpu_s"] / count, "ms",
               note=f"= {count / bare['run_cpu_s']:.1f} articles/s per busy core")
    report.add("bare spaCy start-up (import + load)", bare["import_s"] + bare["load_s"], "s")
    report.add("bare spaCy peak RSS", bare["peak_rss_mb"], "MiB")
    for kind in kinds:
        _tagger_figures(report, "tagger" if events == "configured" else f"tagger ({kind} events)",
                        count, bare_wall, bare, *best[f"tagger:{kind}"], steady_figures.get(kind))
    return report


def _tagger_figures(report: Report, label: str, count: int, bare_wall: float, bare: dict[str, Any],
                    tag_wall: float, tag: dict[str, Any], steady: dict[str, Any] | None) -> None:
    report.add(f"{label}, whole process", count / tag_wall, "articles/s",
               note=f"{tag_wall:.1f} s: import {tag['import_s']:.1f}, load {tag['load_s']:.1f}, "
                    f"tag {tag['run_s']:.1f}")
    report.add(f"ratio {label} / bare, whole process", bare_wall / tag_wall, "x", target=Target(1.0))
    report.add(f"{label} CPU per article (tagging only)", 1000 * tag["run_cpu_s"] / count, "ms",
               note=f"= {count / tag['run_cpu_s']:.1f} articles/s per busy core; load-independent, unlike wall time")
    report.add(f"ratio by CPU time, whole process ({label})", bare["cpu_s"] / tag["cpu_s"], "x",
               note="bare CPU s / tagger CPU s, start-up included")
    report.add(f"{label} start-up (import + load)", tag["import_s"] + tag["load_s"], "s")
    report.add(f"{label} peak RSS", tag["peak_rss_mb"], "MiB", target=Target(500, at_least=False))
    if steady is not None:
        n = steady["articles"]
        report.add(f"bare spaCy, steady state (beside {label})", n / steady["bare_s"], "articles/s",
                   note="pipes: " + ",".join(steady["bare_pipes"]))
        report.add(f"{label}, steady state", n / steady["tagger_s"], "articles/s",
                   note="pipes: " + ",".join(steady["tagger_pipes"]))
        report.add(f"ratio {label} / bare, steady state", steady["bare_s"] / steady["tagger_s"], "x")
