"""Component factories by name: what the ``factory`` of a pipeline config entry means.

A factory takes its :class:`~streams.tagging.config.ComponentConfig` and
returns a component (see :mod:`streams.tagging.component`). The built-in
ones are listed here; another component registers with :func:`register`
before the tagger is built, then a config entry names it.
"""

from __future__ import annotations

from collections.abc import Callable

from streams.tagging.component import Component
from streams.tagging.config import ComponentConfig, PipelineConfigError
from streams.tagging.entities import EntityExtractor
from streams.tagging.events import EventExtractor, HybridEventExtractor, TrainedEventExtractor
from streams.tagging.places import DemonymPlaces, PlaceResolver
from streams.tagging.stories import StoryIndex

Factory = Callable[[ComponentConfig], Component]

FACTORIES: dict[str, Factory] = {
    "places.gazetteer": PlaceResolver.from_config,
    "places.demonyms": DemonymPlaces.from_config,
    "entities.rules": EntityExtractor.from_config,
    "events.taxonomy": EventExtractor.from_config,
    "events.trained": TrainedEventExtractor.from_config,
    "events.hybrid": HybridEventExtractor.from_config,
    "stories.sketch": StoryIndex.from_config,
}


def register(name: str, factory: Factory) -> None:
    """Make ``factory`` available to pipeline configs as ``name``."""
    if name in FACTORIES and FACTORIES[name] is not factory:
        raise PipelineConfigError(f"a tagging component factory is already registered as {name!r}")
    FACTORIES[name] = factory


def build(config: ComponentConfig) -> Component:
    """The component of one config entry."""
    try:
        factory = FACTORIES[config.factory]
    except KeyError:
        raise PipelineConfigError(
            f"component {config.name!r}: unknown factory {config.factory!r}; "
            f"known: {', '.join(sorted(FACTORIES))}"
        ) from None
    return factory(config)
