"""National capitals, read from the gazetteer store: a capital that acts stands for its country.

News writes a government by its seat ("Washington imposed sanctions", "accused Madrid of ...");
the gold sets and analysts name the country. The roles (:mod:`.roles`) put the country beside the
capital when the article names that country too.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def national_capital(geonames_id: int) -> bool:
    """Whether the place with ``geonames_id`` is a national capital (GeoNames PPLC)."""
    from core.settings import get_settings
    from streams.tagging.places.store import GazetteerStore

    place = GazetteerStore.shared(get_settings().gazetteer_cache_dir).get(geonames_id)
    return place is not None and place.capital
