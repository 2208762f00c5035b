"""The weights files of the events' learned models (streams/tagging/events/weights.py): a missing,
broken or outdated file is refused with an error that says what to do, for each model."""

from __future__ import annotations

import json

import pytest

from core.errors import TaggingError
from streams.tagging.events import arbiter, learned_targets
from streams.tagging.events.arbiter import Arbiter, ArbiterError
from streams.tagging.events.learned_targets import LearnedTargetsError, TargetModel
from streams.tagging.events.weights import read_weights, write_weights

MODELS = [(TargetModel, LearnedTargetsError, learned_targets.FEATURES_VERSION, "target_model"),
          (Arbiter, ArbiterError, arbiter.FEATURES_VERSION, "arbiter")]


@pytest.mark.parametrize(("model", "error", "version", "key"), MODELS)
@pytest.mark.parametrize("content", [None, "not json", "[1, 2]", '{"features_version": 999}'])
def test_a_missing_broken_or_outdated_file_says_what_to_do(tmp_path, model, error, version, key, content):
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(error, match="make train") as caught:
        model.load(path)
    assert isinstance(caught.value, TaggingError)  # the command line prints it as an error
    if content is None:
        assert key in str(caught.value)  # how to run without it


def test_weights_are_written_sorted_rounded_and_without_the_tiny_ones(tmp_path):
    path = tmp_path / "weights.json"
    write_weights(path, {"features_version": 3, "threshold": 0.5}, {"b": 0.1234567, "a": -2.0, "c": 1e-9})
    data = json.loads(path.read_text())
    assert list(data["weights"]) == ["a", "b"] and data["weights"]["b"] == 0.123457
    assert read_weights(path, 3, "test", TaggingError, "do without") == data
