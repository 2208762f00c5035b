"""Entities: people, organisations and groups, one per real-world referent.

The entry point is :class:`EntityExtractor` (a tagging component). Inside:
``extract`` (the steps in order), ``candidates`` (spans and filters),
``rules`` (type rules with their reasons), ``joins`` (particles, nicknames,
acronyms, teams), ``known`` (armed groups by name, from a list), ``titles`` (title words cut off names), ``bodies``
(ministries by country and portfolio), ``referents`` (short forms joined to full names),
``salience``, ``names`` (name rules and word lists), ``explain``.
"""

from streams.tagging.entities.extract import EntityExtractor

__all__ = ["EntityExtractor"]
