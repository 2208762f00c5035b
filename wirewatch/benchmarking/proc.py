"""One benchmark child process: ``python -m wirewatch.benchmarking.proc MODE INPUT [options]``.

Modes:

* ``spacy``: bare spaCy as a whole process: import spaCy, load the model,
  ``nlp.pipe`` every text (spaCy's default batch size), nothing else.
* ``tagger``: the tagger as a whole process, on the path ``wirewatch tag``
  runs: import, build the :class:`Tagger`, decode each RawArticle line, tag in
  batches with :func:`tag_isolated` and serialise every TaggedArticle.
* ``steady``: both in one process after loading and a warm-up, alternated
  ``--repeat`` times, best time of each kept (rates at steady state).

INPUT is RawArticle JSON lines. The child prints one JSON object on its last
stdout line: the phase times (seconds, from the interpreter's start of this
module), the rates and the peak RSS. The parent measures the wall time of the
whole process, interpreter start included.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from typing import Any

STARTED = time.perf_counter()


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


EVENTS_FACTORIES = {"rules": "events.taxonomy", "trained": "events.trained",
                    "hybrid": "events.hybrid"}


def make_tagger(model: str | None, events: str = "configured", **options: Any) -> Any:
    """The tagger with the bundled pipeline config, its events component as ``events`` says
    (``configured``: as ``pipeline.yaml`` has it; ``rules`` or ``trained``)."""
    from core.settings import get_settings
    from streams.tagging import Tagger
    from streams.tagging.config import load_config

    config = load_config()
    if events != "configured":
        config = config.with_factory("events", EVENTS_FACTORIES[events])
    return Tagger(model or get_settings().spacy_model, config=config, **options)


def cpu_s() -> float:
    """CPU seconds (user + system, all threads) this process used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _lines(path: str) -> list[bytes]:
    with open(path, "rb") as handle:
        return [line for line in handle if line.strip()]


def _texts(lines: list[bytes]) -> list[str]:
    # the text the tagger parses: title and body as ArticleText joins them
    out = []
    for line in lines:
        record = json.loads(line)
        title, body = record.get("title") or "", record["body"]
        out.append(f"{title}\n\n{body}" if title else body)
    return out


def run_spacy(path: str, model: str) -> dict[str, object]:
    texts = _texts(_lines(path))
    t0 = time.perf_counter()
    import spacy

    t1 = time.perf_counter()
    nlp = spacy.load(model)
    t2, c2 = time.perf_counter(), cpu_s()
    for _doc in nlp.pipe(texts):
        pass
    t3 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "run_s": t3 - t2, "articles": len(texts),
            "run_cpu_s": cpu_s() - c2, "cpu_s": cpu_s()}


def run_tagger(path: str, model: str | None, batch_size: int, events: str) -> dict[str, object]:
    lines = _lines(path)
    t0 = time.perf_counter()
    from core.settings import get_settings
    from streams.agents.batches import decode_raw, tag_isolated
    from streams.tagging import Tagger  # noqa: F401 - the import is part of what is timed

    t1 = time.perf_counter()
    tagger = make_tagger(model, events, max_chars=get_settings().tag_max_chars)
    t2, c2 = time.perf_counter(), cpu_s()
    written = 0
    for start in range(0, len(lines), batch_size):
        articles = [decode_raw(line) for line in lines[start:start + batch_size]]
        for result in tag_isolated(tagger, articles):
            written += len(result.model_dump_json()) if not isinstance(result, Exception) else 0
    t3 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "run_s": t3 - t2, "articles": len(lines),
            "output_bytes": written, "run_cpu_s": cpu_s() - c2, "cpu_s": cpu_s()}


def run_steady(path: str, model: str | None, bare_model: str, batch_size: int,
               repeat: int, events: str) -> dict[str, object]:
    from streams.agents.batches import decode_raw

    articles = [decode_raw(line) for line in _lines(path)]
    texts = _texts(_lines(path))
    tagger = make_tagger(model, events, pipe_batch_size=batch_size)
    nlp = tagger.nlp
    import spacy

    bare_nlp = spacy.load(bare_model)
    warm = articles[:8]
    list(bare_nlp.pipe(texts[:8]))
    tagger.tag_batch(warm)
    bare = full = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        list(bare_nlp.pipe(texts))
        bare = min(bare, time.perf_counter() - t)
        t = time.perf_counter()
        for start in range(0, len(articles), batch_size):
            tagger.tag_batch(articles[start:start + batch_size])
        full = min(full, time.perf_counter() - t)
    return {"bare_s": bare, "tagger_s": full, "articles": len(articles),
            "tagger_pipes": list(nlp.pipe_names), "bare_pipes": list(bare_nlp.pipe_names)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["spacy", "tagger", "steady"])
    parser.add_argument("input")
    parser.add_argument("--model", default=None)
    parser.add_argument("--bare-model", default="en_core_web_sm")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--events", choices=["configured", *EVENTS_FACTORIES], default="configured")
    args = parser.parse_args(argv)
    if args.mode == "spacy":
        out: dict[str, object] = run_spacy(args.input, args.bare_model)
    elif args.mode == "tagger":
        out = run_tagger(args.input, args.model, args.batch_size, args.events)
    else:
        out = run_steady(args.input, args.model, args.bare_model, args.batch_size, args.repeat, args.events)
    out["module_s"] = time.perf_counter() - STARTED
    out["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
