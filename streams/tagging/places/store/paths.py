"""Where the store's hand-written tables are."""

from pathlib import Path

# The tagging package's own tables (country points, natural features, ...).
TAGGING_DATA = Path(__file__).resolve().parents[2] / "data"
# The tables this package adds.
STORE_DATA = Path(__file__).resolve().parent / "data"
