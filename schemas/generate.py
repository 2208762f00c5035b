"""Write the JSON Schema files in ``schemas/json/`` and ``schemas/asyncapi.yaml`` from the models.

Run ``python -m schemas.generate`` after changing a model; a test fails while
the files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas import asyncapi
from schemas.articles import Entity, Event, Mention, Place, RawArticle, TaggedArticle
from schemas.messages import DeadLetter, EventMessage, Participant

JSON_DIR = Path(__file__).resolve().parent / "json"
ASYNCAPI_FILE = Path(__file__).resolve().parent / "asyncapi.yaml"

MODELS: dict[str, type[BaseModel]] = {
    "raw-article": RawArticle,
    "tagged-article": TaggedArticle,
    "mention": Mention,
    "entity": Entity,
    "place": Place,
    "event": Event,
    "event-message": EventMessage,
    "participant": Participant,
    "deadletter-headers": DeadLetter,
}


def render() -> dict[str, str]:
    """File name -> JSON text, for every published model."""
    out = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://wirewatch.dev/schemas/{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main() -> None:
    JSON_DIR.mkdir(exist_ok=True)
    for file_name, text in render().items():
        (JSON_DIR / file_name).write_text(text, encoding="utf-8")
        print(f"wrote schemas/json/{file_name}")
    ASYNCAPI_FILE.write_text(asyncapi.render(), encoding="utf-8")
    print("wrote schemas/asyncapi.yaml")


if __name__ == "__main__":
    main()
