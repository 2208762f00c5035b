"""``wirewatch bench``: tagging throughput of the whole tagger vs the bare spaCy model.

One run, one process, the same texts: the bare pipeline (``nlp.pipe``) and
:meth:`Tagger.tag_batch`, after a short warm-up of both, alternated
``--repeat`` times with the best time of each kept. The ratio of the
two rates is what the tagger's own work (places, entities, events, stories)
costs on top of the model; peak RSS covers the model, gazetteer and both runs.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import cycle, islice

import click
from rich.console import Console
from rich.table import Table

from schemas import RawArticle, article_id

SAMPLE_NAME = "buffer-zone-article.txt"
EVENTS_FACTORIES = {"rules": "events.taxonomy", "trained": "events.trained",
                    "hybrid": "events.hybrid"}
WARMUP_ARTICLES = 8


def _sample_articles() -> list[RawArticle]:
    from core.settings import REPO_ROOT

    path = REPO_ROOT.parent / "shared" / "samples" / SAMPLE_NAME
    if not path.is_file():
        raise click.ClickException(f"{path} not found; use --source demo or --source conll.")
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return [RawArticle(id=article_id(None, title, body), source="file:sample", title=title.strip(),
                       body=body.strip(), fetched_at=datetime.now(UTC))]


def _demo_articles() -> list[RawArticle]:
    try:
        from wirewatch.demo import demo_articles
    except ImportError:
        return []
    return list(demo_articles())


def _conll_articles() -> list[RawArticle]:
    from wirewatch.evaluation.data import EvalDataMissing, eval_file
    from wirewatch.evaluation.ner import CONLL_DEV, read_conll

    try:
        docs = read_conll(eval_file(CONLL_DEV))
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    return [d.article(i) for i, d in enumerate(docs)]


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@click.command(name="bench")
@click.option("--articles", "count", type=click.IntRange(min=1), default=200, show_default=True,
              help="How many articles to tag (the source is repeated to reach it).")
@click.option("--source", type=click.Choice(["demo", "sample", "conll"]), default="demo",
              show_default=True, help="demo articles (falling back to the sample), the sample "
              "article, or CoNLL-2003 dev documents from ../shared/eval.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per tag_batch call (and nlp.pipe batch size).")
@click.option("--repeat", type=click.IntRange(min=1), default=2, show_default=True,
              help="Alternate the two runs this many times and keep each one's best time "
                   "(the machine's other load then skews both alike).")
@click.option("--model", "model_name", default=None, help="spaCy model (default: settings).")
@click.option("--events", "events", type=click.Choice(["configured", *EVENTS_FACTORIES, "both"]),
              default="configured", show_default=True,
              help="events component: as pipeline.yaml says, the hand rules, the trained model, "
                   "the hybrid of both, or all three timed alternately in the same process")
def bench(count: int, source: str, batch_size: int, repeat: int, model_name: str | None,
          events: str) -> None:
    """Articles per second: bare spaCy vs the whole wirewatch tagger, and peak memory."""
    from core.settings import get_settings
    from streams.tagging.config import load_config
    from streams.tagging.shared.text import ArticleText
    from streams.tagging.tagger import Tagger

    loaders = {"demo": _demo_articles, "sample": _sample_articles, "conll": _conll_articles}
    pool = loaders[source]()
    if not pool and source == "demo":
        source, pool = "sample", _sample_articles()
    articles = list(islice(cycle(pool), count))
    texts = [ArticleText.of(a).text for a in articles]
    model_name = model_name or get_settings().spacy_model
    config = load_config()
    kinds = {"configured": [""], "both": list(EVENTS_FACTORIES)}.get(events, [events])
    taggers = {kind: Tagger(model_name, pipe_batch_size=batch_size, config=config.with_factory(
        "events", EVENTS_FACTORIES[kind]) if kind else config) for kind in kinds}
    nlp = next(iter(taggers.values())).nlp

    list(nlp.pipe(texts[:WARMUP_ARTICLES]))
    for tagger in taggers.values():
        tagger.tag_batch(articles[:WARMUP_ARTICLES])
    bare = float("inf")
    full = dict.fromkeys(taggers, float("inf"))
    for _ in range(repeat):
        bare = min(bare, _timed(lambda: list(nlp.pipe(texts, batch_size=batch_size))))
        for kind, tagger in taggers.items():
            full[kind] = min(full[kind], _timed(lambda t=tagger: [  # type: ignore[misc]
                t.tag_batch(articles[i:i + batch_size]) for i in range(0, len(articles), batch_size)]))
    bare_rate = count / bare

    table = Table(title=f"wirewatch bench: {count} {source} articles, {model_name}")
    table.add_column("pipeline")
    table.add_column("seconds", justify="right")
    table.add_column("articles/s", justify="right")
    table.add_column("ratio to bare", justify="right")
    table.add_row("bare spaCy (nlp.pipe)", f"{bare:.2f}", f"{bare_rate:.1f}", "1.00")
    for kind, seconds in full.items():
        label = f"wirewatch Tagger.tag_batch{f' (events: {kind})' if kind else ''}"
        table.add_row(label, f"{seconds:.2f}", f"{count / seconds:.1f}",
                      f"{count / seconds / bare_rate:.2f}")
    console = Console()
    console.print(table)
    console.print(f"peak RSS: {peak_rss_mb():.0f} MiB")
