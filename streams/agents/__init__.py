"""The stream processors: raw -> tagged + events (tagging), tagged/events -> index (indexing)."""
