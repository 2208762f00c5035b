"""The root of every error wirewatch raises on purpose, one subclass per boundary.

::

    WirewatchError              caught once, at the command line's edge (exit code 1)
    ├── ConfigError             settings or a configuration file are not valid
    ├── ConnectorError          connectors/errors.py: fetching, parsing, delivering articles
    ├── TaggingError            an article or a tagging resource cannot be processed
    ├── IndexingError           documents cannot be written to the search engine
    ├── SearchError             the search engine cannot be reached or queried
    ├── SetupError              topics, indices or Kibana objects cannot be created
    └── ServiceError            an embedded service (broker, search engine) did not start

Subclasses that existed before this tree keep their old built-in base as a
second parent (e.g. ``SearchSetupError(SetupError, RuntimeError)``), so code
that caught ``RuntimeError`` or ``ValueError`` still does. Messages say what
to do next, because the command line prints them as they are.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class of every error raised on purpose by wirewatch."""

    #: process exit code when this error reaches the command line
    exit_code: int = 1


class ConfigError(WirewatchError):
    """Settings or a configuration file are not valid."""


class TaggingError(WirewatchError):
    """An article or a tagging resource (model, taxonomy, gazetteer) cannot be used."""


class IndexingError(WirewatchError):
    """Documents cannot be written to the search engine."""


class SearchError(WirewatchError):
    """The search engine cannot be reached or queried."""


class SetupError(WirewatchError):
    """Topics, index templates, aliases or Kibana objects cannot be created."""


class ServiceError(WirewatchError):
    """A service the command line starts itself (embedded broker or search) failed."""
