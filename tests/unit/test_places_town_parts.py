"""A town's part named by the town's possessive lies in the town's country
(``places.resolve._parts_of_towns``)."""

from __future__ import annotations

from streams.tagging.tagger import Tagger
from tests.unit.tagged_places import places


def test_a_part_named_by_its_towns_possessive_is_no_namesake_abroad(tagger: Tagger):
    # the gazetteer holds Eastleigh, England and Medina, Saudi Arabia, not Nairobi's or Dakar's
    found = places(tagger, "Police raided shops in Nairobi's Eastleigh neighbourhood on Monday.")
    assert found["Nairobi"][1] == "KE"
    assert found["Eastleigh"][1] is None
    found = places(tagger, "Fire destroyed market stalls in Dakar's Medina neighbourhood on Monday.")
    assert found["Medina"][1] is None


def test_every_mention_of_the_part_stays_in_the_towns_country(tagger: Tagger):
    found = places(tagger, "Police raided shops in Nairobi's Eastleigh neighbourhood on Monday. "
                           "Traders in Eastleigh said dozens of people were detained.")
    assert found["Eastleigh"][1] is None  # the later mention (the mapping keeps the last one)


def test_a_part_with_a_namesake_at_home_reads_it(tagger: Tagger):
    found = places(tagger, "Protesters marched in Lagos's Ikeja district on Monday.")
    assert found["Ikeja district"][:2] == ("Ikeja", "NG")


def test_what_a_town_owns_elsewhere_is_no_part_of_it(tagger: Tagger):
    # "Moscow's Kyiv offensive": the offensive is Moscow's; Kyiv stays in Ukraine
    found = places(tagger, "Moscow's Kyiv offensive stalled on Monday, officials said.")
    assert found["Kyiv"][1] == "UA"
