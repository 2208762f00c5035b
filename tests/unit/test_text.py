"""Mapping spans of the tagged text back to the contract's field offsets."""

from streams.tagging.shared.text import ArticleText


def test_spans_map_back_to_title_and_body():
    text = ArticleText(title="Strike on Odesa", body="Drones hit Odesa.\nTwo were hurt.")
    combined = text.text
    title_span = combined.index("Odesa")
    body_span = combined.index("Odesa", title_span + 1)
    title = text.mention(title_span, title_span + 5)
    body = text.mention(body_span, body_span + 5)
    assert (title.field, title.start, title.end, title.text) == ("title", 10, 15, "Odesa")
    assert (body.field, body.start, body.end) == ("body", 11, 16)
    assert "Drones hit Odesa."[body.start:body.end] == "Odesa"
    # and back: a mention's place in the tagged text
    assert text.span_of(title) == (title_span, title_span + 5)
    assert text.span_of(body) == (body_span, body_span + 5)
    assert text.combined("body", 0, 6) == (combined.index("Drones"), combined.index("Drones") + 6)
    assert ArticleText(title="", body="Drones hit Odesa.").combined("body", 11, 16) == (11, 16)


def test_no_mention_crosses_a_line_or_the_seam():
    text = ArticleText(title="Heading", body="Civilian Toll\nGerasimov said")
    combined = text.text
    start = combined.index("Toll")
    assert text.mention(start, start + len("Toll\nGerasimov")) is None
    assert text.mention(0, combined.index("Civilian") + 3) is None


def test_surrounding_white_space_is_trimmed():
    text = ArticleText(title="", body="  Kyiv  ")
    mention = text.mention(0, 8)
    assert (mention.start, mention.end, mention.text) == (2, 6, "Kyiv")
    assert text.mention(0, 2) is None
