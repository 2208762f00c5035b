"""Configuration from WIREWATCH_* variables."""

from core.settings import Settings


def test_contract_variables_and_nested_groups(monkeypatch):
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", "kafka:29092")
    monkeypatch.setenv("WIREWATCH_ES_URL", "https://es:9200")
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", "prod.")
    monkeypatch.setenv("WIREWATCH_KAFKA__PARTITIONS", "12")
    monkeypatch.setenv("WIREWATCH_SEARCH__PASSWORD", "s3cret")
    settings = Settings(_env_file=None)
    assert settings.bootstrap == "kafka:29092"
    assert settings.search_url == "https://es:9200"
    assert settings.topic_prefix == "prod."
    assert settings.kafka.partitions == 12
    assert "s3cret" not in repr(settings) and settings.search.password.get_secret_value() == "s3cret"


def test_unset_services_mean_the_embedded_ones(monkeypatch):
    for name in ("WIREWATCH_KAFKA_BOOTSTRAP", "WIREWATCH_ES_URL"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)
    assert settings.kafka_bootstrap is None and settings.es_url is None
    assert settings.bootstrap == "127.0.0.1:9092"
    assert settings.search_url == "http://127.0.0.1:9200"
