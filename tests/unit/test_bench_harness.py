"""The pure parts of the benchmark harness: percentiles, the article generator, reports."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from schemas import RawArticle, article_id
from wirewatch.benchmarking.corpus import generate_articles, word_count
from wirewatch.benchmarking.report import Report, Target, emit, format_value
from wirewatch.benchmarking.stack import metric_sum
from wirewatch.benchmarking.stats import growth, latency_summary, percentile


def test_percentile_interpolates_like_numpy_default():
    samples = [1.0, 2.0, 3.0, 4.0, 10.0]
    assert percentile(samples, 0) == 1.0
    assert percentile(samples, 50) == 3.0
    assert percentile(samples, 100) == 10.0
    # rank (5-1)*0.95 = 3.8: 4 + 0.8 * (10 - 4)
    assert percentile(samples, 95) == pytest.approx(8.8)
    assert percentile([5.0, 1.0], 50) == 3.0  # unsorted input


@pytest.mark.parametrize("bad", [[], [1.0]])
def test_percentile_rejects_no_samples_and_bad_q(bad):
    with pytest.raises(ValueError):
        percentile(bad, 50 if not bad else 101)


def test_latency_summary():
    summary = latency_summary([0.2, 0.4, 0.6])
    assert summary == {"n": 3, "p50": 0.4, "p95": pytest.approx(0.58), "max": 0.6, "mean": pytest.approx(0.4)}
    assert latency_summary([]) == {"n": 0}


def test_growth_is_the_highest_value_after_warmup_over_the_peak_at_its_end():
    # 10 samples, warm-up = first 2, base window = the next 1: base is samples[2] = 300
    series = [100, 200, 300, 310, 320, 330, 300, 300, 300, 300]
    assert growth(series) == pytest.approx(0.1)
    # 20 samples: warm-up = first 4, base = the highest of the next 2 (a batch's peak, 400)
    swinging = [100, 200, 250, 260, 250, 400, 250, 400, 250, 400, 250, 400, 250, 400, 250, 400, 250, 400, 250, 440]
    assert growth(swinging) == pytest.approx(0.1)
    assert growth([300.0] * 10) == 0.0
    with pytest.raises(ValueError):
        growth([])


def _pool() -> list[RawArticle]:
    now = datetime(2026, 3, 1, tzinfo=UTC)
    return [RawArticle(id=article_id(f"https://x.example/{i}"), url=f"https://x.example/{i}", source="file:t",
                       title=f"Title {i}", body="\n".join(f"Paragraph {i}.{j}" + " word" * 40 for j in range(4)),
                       fetched_at=now) for i in range(5)]


def test_generator_is_deterministic_and_reaches_the_length():
    first = generate_articles(_pool(), 12, seed=7, words=400)
    again = generate_articles(_pool(), 12, seed=7, words=400)
    other = generate_articles(_pool(), 12, seed=8, words=400)
    assert [a.model_dump() for a in first] == [a.model_dump() for a in again]
    assert [a.body for a in first] != [a.body for a in other]
    assert all(len(a.body.split()) >= 400 for a in first)
    assert 400 <= word_count(first) < 500
    assert len({a.id for a in first}) == 12  # every article is new
    # each article keeps one pool article whole, at its start, with its title
    assert first[6].title == "Title 1" and first[6].body.startswith(_pool()[1].body)


def test_generator_runs_do_not_share_ids():
    a = generate_articles(_pool(), 3, run="a")
    b = generate_articles(_pool(), 3, run="b")
    assert not {x.id for x in a} & {x.id for x in b}
    with pytest.raises(ValueError):
        generate_articles([], 1)


def test_report_table_and_json():
    report = Report("tag", context={"articles": "3 generated"}, machine={"cores": 2, "load": [1.5, 1.0, 0.5]})
    report.add("rate", 12.345, "articles/s", target=Target(15.0))
    report.add("p95", 0.8, "s", target=Target(1.0, at_least=False))
    report.add("skipped", None, note="not measured")
    lines = report.lines()
    assert lines[0] == "wirewatch bench tag: 2 cores, load 1.50/1.00/0.50"
    assert lines[1] == "  articles: 3 generated"
    assert lines[3].split() == ["rate", "12.3", "articles/s", ">=", "15", "NO"]
    assert lines[4].split() == ["p95", "0.80", "s", "<=", "1", "yes"]
    assert lines[5].split() == ["skipped", "-", "not", "measured"]
    data = report.to_json()
    assert data["machine"] == {"cores": 2, "load": [1.5, 1.0, 0.5]}
    assert data["figures"][0] == {"name": "rate", "value": 12.345, "unit": "articles/s", "target": ">= 15",
                                  "note": "", "met": False}
    assert data["figures"][2]["met"] is None
    printed: list[str] = []
    emit([report, report], as_json=True, echo=printed.append)
    assert [r["benchmark"] for r in json.loads(printed[0])] == ["tag", "tag"]


@pytest.mark.parametrize(("value", "text"), [(None, "-"), (3, "3"), (1234.5, "1234"), (12.34, "12.3"),
                                             (0.456, "0.46")])
def test_format_value(value, text):
    assert format_value(value) == text


def test_metric_sum_over_labels():
    text = ("# HELP wirewatch_consumer_lag x\n"
            'wirewatch_consumer_lag{partition="0",topic="t"} 3.0\n'
            'wirewatch_consumer_lag{partition="1",topic="t"} 4.0\n'
            "wirewatch_consumer_lag_other 100.0\n"
            "wirewatch_articles_tagged_total 12.0\n")
    assert metric_sum(text, "wirewatch_consumer_lag") == 7.0
    assert metric_sum(text, "wirewatch_articles_tagged_total") == 12.0
    assert metric_sum(text, "missing") == 0.0
    assert metric_sum(text, "wirewatch_consumer_lag", {"partition": "1"}) == 4.0
    assert metric_sum(text, "wirewatch_consumer_lag", {"partition": "1", "topic": "u"}) == 0.0


def test_cli_offers_the_four_benchmarks():
    from click.testing import CliRunner

    from wirewatch.cli import cli

    result = CliRunner().invoke(cli, ["bench", "--help"])
    assert result.exit_code == 0, result.output
    for name in ("tag", "parts", "e2e", "soak"):
        assert f"  {name} " in result.output
    result = CliRunner().invoke(cli, ["bench", "e2e", "--help"])
    assert "--workers" in result.output and "--json" in result.output


def test_the_former_bench_options_go_to_bench_tag(monkeypatch):
    from click.testing import CliRunner

    import wirewatch.benchmarking.tagbench as tagbench
    from wirewatch.benchmarking.report import Report
    from wirewatch.cli import cli

    calls = []
    monkeypatch.setattr(tagbench, "bench_tag", lambda **kw: calls.append(kw) or Report("tag"))
    result = CliRunner().invoke(cli, ["bench", "--articles", "7", "--events", "both", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    assert calls[0]["count"] == 7 and calls[0]["events"] == "both" and calls[0]["repeat"] == 1


def test_the_visibility_poller_waits_in_proportion_to_a_poll_but_never_long():
    """A poll that waited seconds behind bulk writes must not delay finding the last articles by 4x that."""
    from wirewatch.benchmarking.visibility import MAX_PAUSE_S, QUERY_SHARE, pause_after

    assert pause_after(0.001, 0.05) == 0.05  # at least the interval
    assert pause_after(0.04, 0.05) == QUERY_SHARE * 0.04  # a fifth of the time querying
    assert pause_after(3.0, 0.05) == MAX_PAUSE_S <= 0.25  # was 12 s after a 3 s poll
