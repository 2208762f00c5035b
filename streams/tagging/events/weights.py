"""The weights files of the events' small learned models (the learned targets, the arbiter).

Each is one JSON object written by ``make train``: its ``features_version`` (raised when the
features change, so that an old file is refused rather than misread), its threshold, bias and
``about`` the training, and its weights sorted by name with six decimals, so that a retrain
diffs cleanly and writes the same bytes when nothing changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.errors import TaggingError


def read_weights(path: Path, version: int, what: str, error: type[TaggingError], off: str) -> dict[str, Any]:
    """The weights file at ``path`` of features version ``version``. ``what`` names the model in
    errors and ``off`` says how to run without it.

    Raises:
        error: the file is missing, is no weights file, or is of another features version.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"no {what} weights at {path}: run 'make train', or {off}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path} is no {what} weights file ({exc}): rebuild it with 'make train'") from exc
    if not isinstance(data, dict) or data.get("features_version") != version:
        found = data.get("features_version") if isinstance(data, dict) else None
        raise error(f"{path} holds {what} weights of features version {found!r}, this code reads "
                    f"{version}: rebuild it with 'make train'")
    return data


def write_weights(path: Path, head: dict[str, Any], weights: dict[str, float]) -> None:
    """Write ``head`` (features version, threshold, bias, about ...) and the weights, sorted and
    rounded to six decimals, those below 1e-6 left out."""
    data = {**head, "weights": {k: round(v, 6) for k, v in sorted(weights.items()) if abs(v) >= 1e-6}}
    Path(path).write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
