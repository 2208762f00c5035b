"""Canonical URLs: the article id is the hash of one, so two links to the same page agree."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from schemas.values import uri_from_iri

# Query parameters that only track the click, never select the content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "rb_clickid", "s_cid", "cmpid", "ocid",
        "smid", "sr_share", "ito", "ns_mchannel", "ns_source", "ns_campaign",
        "ns_linkname", "ns_fee", "at_medium", "at_campaign", "at_custom1", "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hmb_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    """True for query parameters that only track the visit (``utm_source``, ``fbclid``...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The canonical form of an http(s) URL, as the contract's article id expects.

    Lower-cases scheme and host, drops the default port, the fragment and
    tracking query parameters, and keeps the remaining parameters in order.

    Args:
        url: an absolute URL; surrounding whitespace is ignored.

    Returns:
        The canonical URL; a URL without a scheme or host is returned stripped.
    """
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)
    ]
    path = parts.path or "/"
    # ASCII only (IDNA host, %-escaped path): the id hashes what consumers see.
    return uri_from_iri(urlunsplit((scheme, host, path, urlencode(query, doseq=True), "")))
