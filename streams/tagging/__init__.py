"""Tagging: who (entities), where (places) and what happened (events)."""

from streams.tagging.tagger import TAGGER_VERSION, Tagger

__all__ = ["TAGGER_VERSION", "Tagger"]
