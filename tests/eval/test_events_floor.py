"""The events of the development sample article (../shared/samples), with the bundled pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.eval

# The CASE-2021 and PLOVER floors of the rules and of the trained model are in
# test_event_model_floor.py; this file checks the sample article's events.


@pytest.fixture(scope="module")
def tagger():
    from core.settings import get_settings
    from streams.tagging.tagger import Tagger

    return Tagger(get_settings().spacy_model)


def _buffer_zone_article():
    from datetime import UTC, datetime

    from schemas import RawArticle, article_id
    from wirewatch.evaluation.data import eval_dir

    path = eval_dir().parent / "samples" / "buffer-zone-article.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return RawArticle(id=article_id(None, title, body), source="file:samples", title=title,
                      body=body, published_at=datetime(2025, 12, 31, 10, tzinfo=UTC),
                      fetched_at=datetime(2025, 12, 31, 12, tzinfo=UTC))


def test_buffer_zone_sample_yields_the_annotated_events(tagger):
    tagged = tagger.tag(_buffer_zone_article())
    said = {p.id: {m.text for m in p.mentions} for p in tagged.places}  # ids vary with the resolver

    def event(start: str, category: str):
        found = [e for e in tagged.events
                 if e.sentence.text.startswith(start) and e.category == category]
        assert found, f"no {category} event in the sentence starting {start!r}"
        return found[0]

    assert event("Russia's Chief of the General Staff", "MOBILIZE").subtype == "CHANGE_TO_GROUP_ACT"
    assert event("Russian Foreign Minister Sergei Lavrov", "ACCUSE").subtype == "ATTRIB"
    assert event("Ukrainian President Volodymyr Zelenskiy", "REJECT").subtype == "DIPLO"
    assert event("This incident has prompted threats", "THREATEN").subtype == "DIPLO"
    assert event("He urged international allies", "REQUEST").subtype == "DIPLO"
    assert event("Commentators suggest", "REQUEST").mode == "ceasefire"
    assert event("As Putin encourages", "MOBILIZE").subtype == "CHANGE_TO_GROUP_ACT"
    for start, town in [("In Odesa", "Odesa"), ("Similar incidents", "Bila Tserkva"),
                        ("On the Russian side", "Tuapse")]:
        strike = event(start, "ASSAULT")
        assert strike.subtype == "AIR_STRIKE"
        assert any(town in said.get(p, ()) for p in strike.place_ids), start
    # The alleged strike on the residence and the denied one are not attacks.
    assert not [e for e in tagged.events if e.category == "ASSAULT"
                and e.sentence.text.startswith(("Russian Foreign Minister", "Ukrainian President"))]
