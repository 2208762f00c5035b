"""``wirewatch bench``: the benchmark harness (tag, parts, e2e, soak).

* ``bench tag``: the tagger against bare spaCy, as whole processes (import,
  load, run) and at steady state, on the same texts;
* ``bench parts``: what each of the tagger's speed-ups saves against what it
  replaces (NER decoding, OpenBLAS on one thread, gazetteer reopen);
* ``bench e2e``: the embedded stack on free ports: worker start to first
  article, publish->searchable latency at light load, throughput over a
  backlog, worker RSS;
* ``bench soak``: a steady stream for minutes: RSS growth, lag, losses.

Texts are generated from the bundled demo articles (see
``wirewatch/benchmarking/corpus.py``); every report says so, with the core
count and the load average of the machine. ``--json`` prints JSON instead of
a table. The machinery is in ``wirewatch/benchmarking/``.
"""

from __future__ import annotations

from pathlib import Path

import click

from wirewatch.benchmarking.report import Report, emit


def _progress(message: str) -> None:
    click.echo(f"... {message}", err=True)


def _print(report: Report, as_json: bool) -> None:
    emit([report], as_json=as_json, echo=click.echo)


json_option = click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")


@click.group(name="bench", invoke_without_command=True)
@click.option("--articles", "count", type=click.IntRange(min=1), default=200, hidden=True)
@click.option("--batch-size", type=click.IntRange(min=1), default=32, hidden=True)
@click.option("--repeat", type=click.IntRange(min=1), default=2, hidden=True)
@click.option("--model", "model_name", default=None, hidden=True)
@click.option("--events", type=click.Choice(["configured", "rules", "trained", "hybrid", "both"]), default="configured",
              hidden=True)
@click.pass_context
def bench(ctx: click.Context, count: int, batch_size: int, repeat: int, model_name: str | None,
          events: str) -> None:
    """Benchmarks that print figures (no pass/fail): tag, parts, e2e, soak. Alone: ``bench tag``.

    The options of the former single ``bench`` command (``--articles``, ``--batch-size``,
    ``--repeat``, ``--model``, ``--events``) still work without a subcommand and go to ``bench tag``.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(bench_tag, count=count, batch_size=batch_size, repeat=repeat, model_name=model_name,
                   events=events)


@bench.command(name="tag")
@click.option("--articles", "count", type=click.IntRange(min=1), default=200, show_default=True,
              help="articles to tag (generated, ~400 words each)")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="articles per tagging batch (as `wirewatch tag --batch-size`)")
@click.option("--repeat", type=click.IntRange(min=1), default=2, show_default=True,
              help="alternate the runs this many times and keep each one's best time")
@click.option("--model", "model_name", default=None, help="spaCy model of the tagger (default: settings)")
@click.option("--bare-model", default=None, help="spaCy model run bare (default: the tagger's model)")
@click.option("--steady/--no-steady", default=True, show_default=True, help="also measure at steady state")
@click.option("--events", type=click.Choice(["configured", "rules", "trained", "hybrid", "both"]), default="configured",
              show_default=True, help="events component: as pipeline.yaml says, the hand rules, the trained "
              "model, the hybrid (events.hybrid), or rules and trained "
              "(the tagger runs once with each)")
@json_option
def bench_tag(count: int = 200, batch_size: int = 32, repeat: int = 2, model_name: str | None = None,
              bare_model: str | None = None, steady: bool = True, events: str = "configured",
              as_json: bool = False) -> None:
    """The tagger vs bare spaCy: whole processes on the same texts, and at steady state."""
    from core.settings import get_settings
    from wirewatch.benchmarking.tagbench import bench_tag as run

    model = model_name or get_settings().spacy_model
    _print(run(count=count, batch_size=batch_size, repeat=repeat, model=model, bare_model=bare_model or model,
               steady=steady, events=events), as_json)


@bench.command(name="parts")
@click.option("--articles", "count", type=click.IntRange(min=1), default=12, show_default=True,
              help="articles whose NER decoding is timed (generated, ~400 words each)")
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="time each decoding this many times and keep the best")
@click.option("--model", "model_name", default=None, help="spaCy model (default: settings)")
@json_option
def bench_parts(count: int, repeat: int, model_name: str | None, as_json: bool) -> None:
    """The tagger's speed-ups against what they replace: NER decoding, OpenBLAS, gazetteer reopen."""
    from core.settings import get_settings
    from wirewatch.benchmarking.parts import bench_parts as run

    _print(run(model=model_name or get_settings().spacy_model, count=count, repeat=repeat), as_json)


@bench.command(name="e2e")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True, help="worker processes")
@click.option("--articles", type=click.IntRange(min=1), default=300, show_default=True,
              help="articles of the backlog (throughput)")
@click.option("--light", type=click.IntRange(min=1), default=20, show_default=True,
              help="articles at light load (latency), one every 0.5-2 s")
@json_option
def bench_e2e(workers: int, articles: int, light: int, as_json: bool) -> None:
    """The pipeline on the embedded stack: start-up, latency, throughput, worker RSS."""
    from wirewatch.benchmarking.e2e import bench_e2e as run

    _print(run(workers=workers, articles=articles, light=light, progress=_progress), as_json)


@bench.command(name="soak")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True, help="worker processes")
@click.option("--articles", type=click.IntRange(min=1), default=10_000, show_default=True)
@click.option("--duration", type=click.FloatRange(min=1), default=600.0, show_default=True,
              help="seconds over which the articles are published at a steady rate")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="keep the stack's logs (workers, broker, search engine) and the workers' RSS samples (rss.tsv) in this folder")
@json_option
def bench_soak(workers: int, articles: int, duration: float, keep: Path | None, as_json: bool) -> None:
    """A steady stream for minutes: RSS flat after warm-up, lag back to 0, nothing lost."""
    from wirewatch.benchmarking.soak import bench_soak as run

    _print(run(workers=workers, articles=articles, duration=duration, keep=keep, progress=_progress), as_json)
