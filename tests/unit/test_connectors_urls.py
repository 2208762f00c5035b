from connectors.urls import canonical_url, is_tracking_param


def test_tracking_parameters_and_fragment_are_dropped() -> None:
    url = "https://Example.com/news/a?utm_source=tw&id=7&fbclid=x&utm_medium=s#comments"
    assert canonical_url(url) == "https://example.com/news/a?id=7"


def test_default_port_dropped_other_port_kept() -> None:
    assert canonical_url("HTTPS://example.com:443/x") == "https://example.com/x"
    assert canonical_url("http://example.com:8080/x") == "http://example.com:8080/x"


def test_empty_path_becomes_slash_and_parameter_order_is_kept() -> None:
    assert canonical_url("http://example.com?b=2&a=1") == "http://example.com/?b=2&a=1"


def test_non_absolute_urls_are_returned_stripped() -> None:
    assert canonical_url("  /relative/path ") == "/relative/path"


def test_tracking_parameter_names() -> None:
    assert is_tracking_param("UTM_Campaign")
    assert is_tracking_param("gclid")
    assert not is_tracking_param("id")
    assert not is_tracking_param("page")


def test_unicode_urls_become_ascii_uris_before_hashing() -> None:
    canonical = canonical_url("https://uk.wikipedia.org/wiki/Харків?utm_source=x")
    assert canonical == "https://uk.wikipedia.org/wiki/%D0%A5%D0%B0%D1%80%D0%BA%D1%96%D0%B2"
    assert canonical_url(canonical) == canonical
