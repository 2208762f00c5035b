"""Reading what people type into search: dates, codes, places, page parameters."""

from datetime import UTC, datetime

import pytest

from wirewatch.searching.codes import UnknownCode, check_codes
from wirewatch.searching.dates import BadDate, parse_bound, time_range
from wirewatch.searching.places import resolve_place
from wirewatch.web.app import query_from_params

NOW = datetime(2026, 3, 31, 15, 30, tzinfo=UTC)


def test_relative_and_named_days():
    assert parse_bound("7d", now=NOW).instant == datetime(2026, 3, 24, tzinfo=UTC)
    assert parse_bound("yesterday", now=NOW).instant == datetime(2026, 3, 30, tzinfo=UTC)
    assert parse_bound("today", now=NOW).whole_day
    assert parse_bound("12h", now=NOW).instant == datetime(2026, 3, 31, 3, 30, tzinfo=UTC)
    assert parse_bound("2w", now=NOW).instant == datetime(2026, 3, 17, tzinfo=UTC)


def test_until_a_day_runs_to_its_end_and_until_an_instant_stops_there():
    day = time_range(None, "2026-03-12", now=NOW)
    assert day.end == datetime(2026, 3, 13, tzinfo=UTC)
    assert day.contains(datetime(2026, 3, 12, 23, 59, tzinfo=UTC))
    instant = time_range(None, "2026-03-12T06:00:00Z", now=NOW)
    assert instant.contains(datetime(2026, 3, 12, 6, 0, tzinfo=UTC))
    assert not instant.contains(datetime(2026, 3, 12, 6, 1, tzinfo=UTC))


def test_bad_dates_say_what_is_accepted():
    with pytest.raises(BadDate, match="ISO dates"):
        parse_bound("last tuesday", now=NOW)
    with pytest.raises(BadDate, match="after"):
        time_range("2026-03-13", "2026-03-12", now=NOW)


def test_codes_are_checked_against_the_taxonomy():
    assert check_codes("subtype", ["air_strike", "AIR_STRIKE", "air-strike"]) == ("AIR_STRIKE",)
    with pytest.raises(UnknownCode) as error:
        check_codes("subtype", ["AIR_STRKE"])
    assert "Did you mean AIR_STRIKE?" in str(error.value) and "ARMED_CLASH" in str(error.value)
    with pytest.raises(UnknownCode, match="ASSAULT"):
        check_codes("category", ["ASSAULTS_AND_MORE"])


def test_places_resolve_countries_in_any_spelling():
    assert {resolve_place(p).country_code for p in ("Ukraine", "UA", "690791", "geonames:690791")} == {"UA"}
    assert resolve_place("Kharkiv").name == "Kharkiv" and resolve_place("Kharkiv").country_code is None
    assert resolve_place("706483").geonames_id == 706483


def test_page_parameters_build_the_same_query_as_the_cli():
    query = query_from_params({"q": ["drone"], "subtype": ["air_strike"], "place": ["UA", ""], "until": ["2026-03-12"],
                               "page": ["2"], "all": ["1"]}, now=NOW)
    assert query.text == "drone" and query.subtypes == ("AIR_STRIKE",) and query.places == ("UA",)
    assert query.time.end == datetime(2026, 3, 13, tzinfo=UTC) and query.page == 2 and query.expand
    with pytest.raises(ValueError, match="AIR_STRIKE"):
        query_from_params({"subtype": ["AIR_STRKE"]})
    with pytest.raises(ValueError, match="match"):
        query_from_params({"match": ["some"]})
