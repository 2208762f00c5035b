"""The media-type adapter used only for OpenSearch-dialect servers."""

from core.search_client import detect_flavor, plain_media_type
from core.settings import Settings


def test_vendor_media_types_become_plain_ones():
    assert plain_media_type("application/vnd.elasticsearch+json; compatible-with=9") == "application/json"
    assert plain_media_type("application/vnd.elasticsearch+x-ndjson;compatible-with=9") == "application/x-ndjson"
    assert plain_media_type("application/json") == "application/json"


def test_an_explicit_flavor_skips_detection():
    settings = Settings(es_url="http://127.0.0.1:1", search={"flavor": "elasticsearch"})
    assert detect_flavor(settings) == "elasticsearch"


def test_an_unreachable_server_counts_as_elasticsearch():
    assert detect_flavor(Settings(es_url="http://127.0.0.1:1"), timeout=0.5) == "elasticsearch"
