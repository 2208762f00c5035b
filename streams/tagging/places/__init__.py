"""Places: the gazetteer store (``store``) and, after the reorganisation, the resolver.

Branch ``gazetteer`` only: this package shadows the module
``streams/tagging/places.py`` until the reorganisation of
``streams/tagging/`` moves it here, so that module is loaded from its file
and re-exported to keep ``from streams.tagging.places import PlaceResolver``
working. The coordinator replaces this file with the reorganised one on merge.
"""

import importlib.util as _util
from pathlib import Path as _Path

_spec = _util.spec_from_file_location(
    "streams.tagging._places_module", _Path(__file__).parent.parent / "places.py")
if _spec is None or _spec.loader is None:
    raise ImportError("streams/tagging/places.py is missing; see this package's docstring")
_module = _util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
PlaceResolver = _module.PlaceResolver

__all__ = ["PlaceResolver"]
