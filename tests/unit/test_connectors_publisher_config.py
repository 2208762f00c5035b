from pydantic import SecretStr

from connectors.publisher import producer_config
from core.settings import KafkaSettings, Settings


def test_the_producer_is_idempotent_and_waits_for_all_replicas() -> None:
    config = producer_config(Settings(kafka_bootstrap="a:1,b:2"))
    assert config["bootstrap_servers"] == ["a:1", "b:2"]
    assert (config["acks"], config["enable_idempotence"], config["compression_type"]) == ("all", True, "gzip")


def test_compression_none_and_security_settings_pass_through() -> None:
    kafka = KafkaSettings(compression_type="none", security_protocol="SASL_SSL", sasl_mechanism="PLAIN",
                          sasl_username="u", sasl_password=SecretStr("p"), request_timeout_ms=1234)
    config = producer_config(Settings(kafka_bootstrap="a:1", kafka=kafka))
    assert config["compression_type"] is None
    assert (config["security_protocol"], config["sasl_plain_username"], config["sasl_plain_password"]) == (
        "SASL_SSL", "u", "p")
    assert config["request_timeout_ms"] == 1234
