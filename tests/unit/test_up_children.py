"""`wirewatch up`: one metrics port per worker, output files that do not pile up."""

from __future__ import annotations

from core.settings import Settings, WorkerSettings
from wirewatch.commands.up import rotate_out_files, worker_children


def test_each_worker_gets_its_own_metrics_port_on_loopback(tmp_path):
    settings = Settings(worker=WorkerSettings(metrics_port=9300))
    children = worker_children(settings, 3, ["wirewatch"], tmp_path, {"WIREWATCH_METRICS_ADDR": "127.0.0.1"})
    assert [c.env["WIREWATCH_WORKER__METRICS_PORT"] for c in children] == ["9300", "9301", "9302"]
    assert [c.metrics_url for c in children] == [f"http://127.0.0.1:{p}/metrics" for p in (9300, 9301, 9302)]
    assert [c.log_path.name for c in children] == ["worker-1.log", "worker-2.log", "worker-3.log"]


def test_metrics_off_stays_off_for_every_worker(tmp_path):
    children = worker_children(Settings(), 2, ["wirewatch"], tmp_path, {})
    assert {c.env["WIREWATCH_WORKER__METRICS_PORT"] for c in children} == {"0"}
    assert {c.metrics_url for c in children} == {None}


def test_output_files_of_earlier_runs_are_kept_three_deep(tmp_path):
    for run in range(5):
        rotate_out_files(tmp_path, ["worker-1"])
        (tmp_path / "worker-1.out").write_text(f"run {run}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "worker-1.out", "worker-1.out.1", "worker-1.out.2", "worker-1.out.3"]
    assert (tmp_path / "worker-1.out").read_text() == "run 4"
    assert (tmp_path / "worker-1.out.3").read_text() == "run 1"
