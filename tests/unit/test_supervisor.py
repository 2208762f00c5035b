"""The supervisor's bookkeeping, with fake processes (no services)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pytest
from rich.console import Console

from core.backoff import Backoff
from core.errors import SetupError
from wirewatch import supervisor
from wirewatch.supervisor import EmbeddedService, Supervised, describe_exit


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    out = io.StringIO()
    monkeypatch.setattr(supervisor, "console", Console(file=out, width=300))
    monkeypatch.setattr(supervisor, "RESTART_BACKOFF", Backoff(initial_s=0.0, max_s=0.0))
    return out


@dataclass
class Fake(Supervised):
    name: str = "fake"
    code: int | None = None
    starts: int = 0

    def exit_code(self) -> int | None:
        return self.code

    def start(self) -> None:
        self.starts += 1
        self.code = None

    def stop(self) -> None:
        self.code = 0


def test_exit_codes_and_signals_read_plainly() -> None:
    assert describe_exit(3) == "exited with code 3"
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert describe_exit(-15) == "was killed by SIGTERM"


def test_a_death_is_reported_once_and_the_process_restarted(quick: io.StringIO) -> None:
    fake = Fake()
    fake.check()
    assert fake.starts == 0 and quick.getvalue() == ""
    fake.code = -9
    fake.check()  # reports and schedules
    fake.check()  # restarts: the delay is 0 here
    assert fake.starts == 1 and fake.restarts == 1
    lines = quick.getvalue().splitlines()
    assert lines == ["fake was killed by SIGKILL; restarting it in 0.0 s"]


@dataclass
class FakeServer:
    url: str = "tcp://127.0.0.1:1"
    process: object = field(default=None)
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True


class FakeProcess:
    def __init__(self) -> None:
        self.code: int | None = None

    def poll(self) -> int | None:
        return self.code


def test_an_embedded_server_comes_back_and_setup_reruns_until_it_succeeds(quick: io.StringIO) -> None:
    processes: list[FakeProcess] = []

    def launch() -> FakeServer:
        processes.append(FakeProcess())
        return FakeServer(process=processes[-1])

    calls = []

    def setup() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise SetupError("the search engine does not answer yet")

    service = EmbeddedService("broker", launch, lost="topics", setup=setup)  # type: ignore[arg-type]
    service.start()
    assert len(processes) == 1 and not service.needs_setup  # the first start sets nothing up
    processes[0].code = -9
    service.check()
    service.check()
    assert len(processes) == 2 and service.needs_setup
    service.check()  # setup fails: retried later
    service.check()
    assert len(calls) == 2 and not service.needs_setup
    out = quick.getvalue()
    assert "broker was killed by SIGKILL; restarting it in 0.0 s. It kept its data in memory: topics are lost" in out
    assert "setup after the broker restart failed; retrying in 0.0 s: the search engine does not answer yet" in out
    assert "broker is back on tcp://127.0.0.1:1" in out and out.count("\n") == 3
