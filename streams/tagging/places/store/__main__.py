"""Build the gazetteer store ahead of time: ``python -m streams.tagging.places.store``.

Workers build it on first use anyway; running this at install or image build
time moves the half-minute build out of the first worker's start.
"""

from __future__ import annotations

import logging
import sys

from core.settings import get_settings
from streams.tagging.places.store.reader import GazetteerStore


def main() -> int:
    """Build (or find) the store in the settings' cache folder and print its figures."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    store = GazetteerStore.shared(get_settings().gazetteer_cache_dir)
    print(store.path)
    for key, value in sorted(store.meta.items()):
        print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
