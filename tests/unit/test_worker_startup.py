"""What makes a worker start fast: spaCy off the import path, short waits on the embedded broker."""

from __future__ import annotations

import subprocess
import sys

from core.limits import max_message_bytes
from core.settings import EmbeddedSettings, Settings
from streams.app import build_app
from streams.transport import TableManager
from wirewatch.embedded import embedded_kafka_env, machine_memory_mib, search_env


def test_importing_the_worker_loads_neither_spacy_nor_the_search_client() -> None:
    # both load on their own threads once the worker runs, while the consumer joins its group
    code = ("import sys, streams.worker; "
            "print(sorted(m for m in ('spacy', 'thinc', 'elasticsearch') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_workers_fetch_with_the_configured_wait_and_start_without_the_table_nap() -> None:
    settings = Settings(kafka={"fetch_max_wait_ms": 250})
    app = build_app(settings)
    assert app.fetch_max_wait_ms == 250
    assert app.conf.TableManager is TableManager


def test_worker_producers_build_big_batches_within_the_message_limit() -> None:
    # faust's 16 KiB default made one batch per tagged article (deploy/README.md, capacity)
    assert build_app(Settings()).conf.producer_max_batch_size == Settings().kafka.producer_batch_bytes
    small = Settings(max_article_bytes=100_000, kafka={"producer_batch_bytes": 50_000_000})
    assert build_app(small).conf.producer_max_batch_size == max_message_bytes(small)


def test_workers_of_the_embedded_broker_get_its_short_group_timeouts() -> None:
    settings = Settings()
    env = embedded_kafka_env(settings, environ={})
    assert env == {"WIREWATCH_KAFKA__SESSION_TIMEOUT_MS": "2000", "WIREWATCH_KAFKA__HEARTBEAT_INTERVAL_MS": "500",
                   "WIREWATCH_KAFKA__COMPRESSION_TYPE": "none"}
    assert settings.kafka.session_timeout_ms == 6000  # what Apache Kafka accepts stays the default
    assert settings.kafka.compression_type == "gzip"


def test_a_timeout_set_in_the_environment_is_kept() -> None:
    env = embedded_kafka_env(Settings(), environ={"WIREWATCH_KAFKA__SESSION_TIMEOUT_MS": "9000",
                                                  "WIREWATCH_KAFKA__COMPRESSION_TYPE": "gzip"})
    assert env == {"WIREWATCH_KAFKA__HEARTBEAT_INTERVAL_MS": "500"}


def test_the_embedded_search_engine_gets_its_collector_settings_and_half_of_memory_by_default() -> None:
    env = search_env(EmbeddedSettings(), environ={"PATH": "/bin"}, machine_mib=24_000)
    assert env == {"PATH": "/bin", "GOGC": "100", "GOMEMLIMIT": "12000MiB"}
    assert search_env(EmbeddedSettings(), environ={}, machine_mib=2048)["GOMEMLIMIT"] == "1024MiB"  # at least 1 GiB
    assert search_env(EmbeddedSettings(search_memory_limit_mib=0), environ={}, machine_mib=24_000) == {"GOGC": "100"}
    assert 256 < (machine_memory_mib() or 0) < 2**24  # this machine's memory, in MiB
    limited = search_env(EmbeddedSettings(search_gogc=400, search_memory_limit_mib=4096), environ={})
    assert limited == {"GOGC": "400", "GOMEMLIMIT": "4096MiB"}
    kept = search_env(EmbeddedSettings(search_gogc=150), environ={"GOMEMLIMIT": "512MiB"}, machine_mib=24_000)
    assert kept == {"GOGC": "150", "GOMEMLIMIT": "512MiB"}


def test_the_tagger_imports_spacy_without_its_command_line_which_still_imports_later() -> None:
    code = ("import sys, streams.tagging\n"
            "print(sorted(m for m in ('spacy.cli', 'weasel', 'typer') if m in sys.modules))\n"
            "from spacy.cli.train import train\n"
            "import spacy\n"
            "print(spacy.cli.__file__.endswith('spacy/cli/__init__.py'), 'spacy_version' in spacy.info(silent=True))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["[]", "True True"]


def test_the_model_tokenizer_built_from_its_files_alone_is_the_usual_one() -> None:
    import spacy

    from core.settings import Settings
    from streams.tagging.spacy_model import (
        INITIALISM_HYPHEN,
        _load_package,
        split_initialism_hyphens,
    )

    name = Settings().spacy_model  # fresh pipelines: tagging adds strings to a cached one's vocab
    ours, usual = _load_package(name).tokenizer, spacy.load(name).tokenizer
    # ours joins the initialism hyphen to the infixes as it reads them; the usual one, afterwards
    assert INITIALISM_HYPHEN in ours.infix_finditer.__self__.pattern
    assert INITIALISM_HYPHEN not in usual.infix_finditer.__self__.pattern
    split_initialism_hyphens(usual)
    assert ours.to_bytes(exclude=["vocab"]) == usual.to_bytes(exclude=["vocab"])
    assert len(ours.rules) == len(usual.rules) > 1000
    text = "A U.S.-led force met near Jan.-Feb. talks, a don't-miss event: #tag @user http://x.org/a-b"
    assert [t.text for t in ours(text)] == [t.text for t in usual(text)]
