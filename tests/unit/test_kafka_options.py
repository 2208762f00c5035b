"""kafka-python and faust get their security options from one mapping."""

import faust
from pydantic import SecretStr

from core.kafka_options import client_options, faust_credentials, security_options
from core.settings import KafkaSettings, Settings


def _settings(**kafka: object) -> Settings:
    return Settings(kafka_bootstrap="a:1, b:2", kafka=KafkaSettings(**kafka))


def test_plaintext_has_no_credentials_and_strips_bootstrap_hosts() -> None:
    settings = _settings()
    assert client_options(settings)["bootstrap_servers"] == ["a:1", "b:2"]
    assert security_options(settings) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings) is None


def test_scram_over_ssl_reaches_both_clients_alike() -> None:
    settings = _settings(security_protocol="SASL_SSL", sasl_mechanism="SCRAM-SHA-512",
                         sasl_username="u", sasl_password=SecretStr("p"))
    options = client_options(settings)
    assert (options["security_protocol"], options["sasl_mechanism"], options["sasl_plain_username"],
            options["sasl_plain_password"]) == ("SASL_SSL", "SCRAM-SHA-512", "u", "p")
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert (credentials.username, credentials.password) == ("u", "p")
    assert str(credentials.mechanism.value) == "SCRAM-SHA-512"
    assert credentials.ssl_context is not None


def test_plain_sasl_without_ssl_and_ssl_alone() -> None:
    plain = faust_credentials(_settings(security_protocol="SASL_PLAINTEXT", sasl_mechanism="PLAIN",
                                        sasl_username="u", sasl_password=SecretStr("p")))
    assert isinstance(plain, faust.SASLCredentials) and plain.ssl_context is None
    assert str(plain.mechanism.value) == "PLAIN"
    assert isinstance(faust_credentials(_settings(security_protocol="SSL")), faust.SSLCredentials)
