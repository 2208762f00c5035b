"""The pipeline config: which components run, in which order, over which data files.

The bundled config is ``pipeline.yaml`` next to this module. A deployment or
a test points the tagger at another file (or builds a :class:`PipelineConfig`
in code) to swap the taxonomy, the gazetteer or the stoplist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).parent / "pipeline.yaml"
# libyaml's loader where PyYAML was built with it: the pipeline config and the taxonomy
# parse at every worker start, ~10 x faster than the pure-Python loader
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PipelineConfigError(ConfigError, ValueError):
    """The pipeline config is missing, malformed or inconsistent; the message says where."""


class ComponentConfig(BaseModel):
    """One component: its name, the factory that builds it, its data files and options."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    factory: str  # a name in streams.tagging.registry
    data: dict[str, Path] = Field(default_factory=dict)  # absolute after load_config
    options: dict[str, Any] = Field(default_factory=dict)

    def file(self, key: str) -> Path:
        """The data file ``key``; the error names the component and the key."""
        try:
            return self.data[key]
        except KeyError:
            raise PipelineConfigError(
                f"component {self.name!r} needs a data file {key!r} in its 'data' mapping"
            ) from None


class PipelineConfig(BaseModel):
    """The ordered components of the tagger."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    components: list[ComponentConfig]

    def component(self, name: str) -> ComponentConfig:
        """The config of the component called ``name``."""
        for c in self.components:
            if c.name == name:
                return c
        raise PipelineConfigError(f"the pipeline has no component {name!r}")

    def with_data(self, component: str, **files: Path) -> PipelineConfig:
        """A copy with some data files of one component replaced (for tests and deployments)."""
        comps = [c.model_copy(update={"data": {**c.data, **files}}) if c.name == component else c
                 for c in self.components]
        self.component(component)  # raise on an unknown name
        return PipelineConfig(components=comps)

    def without_data(self, component: str, *keys: str) -> PipelineConfig:
        """A copy with some optional data files of one component left out (e.g. the learned
        targets, ``target_model``, for the role readings alone)."""
        self.component(component)  # raise on an unknown name
        return PipelineConfig(components=[
            c.model_copy(update={"data": {k: v for k, v in c.data.items() if k not in keys}})
            if c.name == component else c
            for c in self.components
        ])

    def with_factory(self, component: str, factory: str) -> PipelineConfig:
        """A copy with one component built by another factory (e.g. the events rules
        ``events.taxonomy`` instead of the trained ``events.trained``)."""
        self.component(component)  # raise on an unknown name
        return PipelineConfig(components=[
            c.model_copy(update={"factory": factory}) if c.name == component else c
            for c in self.components
        ])


def load_config(path: Path = DEFAULT_CONFIG) -> PipelineConfig:
    """Read a pipeline config; relative data paths are relative to the config file.

    Raises:
        PipelineConfigError: the file is missing, not YAML, or not a valid config.
    """
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except OSError as exc:
        raise PipelineConfigError(f"cannot read the tagging pipeline config at {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise PipelineConfigError(f"{path} is not valid YAML: {exc}") from exc
    try:
        config = PipelineConfig.model_validate(raw)
    except ValidationError as exc:
        raise PipelineConfigError(f"{path} is not a valid tagging pipeline config: {exc}") from exc
    base = Path(path).resolve().parent
    return PipelineConfig(components=[
        c.model_copy(update={"data": {k: (base / v).resolve() for k, v in c.data.items()}})
        for c in config.components
    ])
