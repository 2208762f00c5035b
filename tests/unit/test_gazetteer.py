"""The gazetteer: names, regions from iso3166-2, and the default (the SQLite store)."""

from __future__ import annotations

from collections import Counter

import pytest

from streams.tagging.config import load_config
from streams.tagging.places.admin1 import admin1_from_record
from streams.tagging.places.gazetteer import Candidate, Gazetteer, StoreGazetteer, normalize
from streams.tagging.places.resolver import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> StoreGazetteer:
    index = load_gazetteer(load_config().component("places"))
    assert isinstance(index, StoreGazetteer)  # the default config reads the SQLite store
    return index


def test_normalize_folds_accents_case_apostrophes_and_spaces():
    assert normalize("Oděsa") == "odesa"
    assert normalize("Côte d’Ivoire") == "cote d'ivoire"
    assert normalize("  New   York ") == "new york"


def test_index_keeps_weak_flag_and_drops_a_leading_the():
    sumy = Candidate(id="place:sumy-oblast-ua", name="Sumy Oblast", feature="admin1",
                     country_code="UA", admin1_code="UA-59")
    nl = Candidate(id="geonames:2750405", name="The Netherlands", feature="country", country_code="NL")
    g = Gazetteer([("Sumy Oblast", sumy, False), ("Sumy", sumy, True), ("The Netherlands", nl, False)])
    assert [e.weak for e in g.lookup("SUMY")] == [True]
    assert not g.lookup("Sumy Oblast")[0].weak
    assert g.lookup("Netherlands")[0].candidate is nl
    assert g.admin1_name("UA-59") == "Sumy Oblast"
    assert g.country("NL") is nl
    assert g.lookup("Atlantis") == ()


def test_oblast_gets_an_english_name_and_its_short_form_is_weak():
    region = admin1_from_record("UA-59", {
        "name": "Sumska oblast", "localOtherName": "Сумська область (ukr), Sumy (eng), Sumshchyna (eng)",
        "latLng": [50.77, 34.33], "parentCode": None,
    })
    assert region.name == "Sumy Oblast"
    assert "Sumy Oblast" in region.full_names
    assert "Sumy" in region.short_names and "Sumy" not in region.full_names


def test_nicknames_do_not_become_names_and_translations_are_weak():
    texas = admin1_from_record("US-TX", {
        "name": "Texas", "localOtherName": "Tejas (spa), The Lone Star State (eng)",
        "latLng": [31.26, -98.55], "parentCode": None,
    })
    assert texas.name == "Texas"
    assert "The Lone Star State" not in texas.full_names
    la_paz = admin1_from_record("HN-LP", {
        "name": "La Paz", "localOtherName": "Peace (eng)", "latLng": [14.1, -87.9], "parentCode": None,
    })
    assert "Peace" in la_paz.short_names and "Peace" not in la_paz.full_names


def test_default_has_alternate_spellings_of_towns(gazetteer):
    odessa = {e.candidate.geonames_id for e in gazetteer.lookup("Odessa")}
    assert 698740 in odessa  # Odesa, Ukraine, by its Russian-style spelling
    valdai = gazetteer.lookup("Valdai")
    assert [e.candidate.geonames_id for e in valdai] == [477301]
    assert valdai[0].candidate.admin1_code == "RU-NGR"
    assert gazetteer.admin1_name("RU-NGR") == "Novgorod Oblast"


def test_default_has_regions_counties_seas_and_abbreviations(gazetteer):
    sumy = [e for e in gazetteer.lookup("Sumy") if e.candidate.feature == "admin1"]
    assert sumy and sumy[0].candidate.name == "Sumy Oblast" and sumy[0].weak
    texas = [e.candidate for e in gazetteer.lookup("Texas") if e.candidate.feature == "admin1"]
    assert texas[0].geonames_id == 4736286
    assert gazetteer.lookup("Black Sea")[0].candidate.feature == "water"
    assert gazetteer.lookup("Metcalfe County")[0].candidate.admin1_code == "US-KY"
    ky = gazetteer.lookup("Ky.")[0]
    assert ky.weak and ky.candidate.name == "Kentucky"
    us = gazetteer.lookup("U.S.")[0].candidate
    assert (us.geonames_id, us.feature, us.lat is not None) == (6252001, "country", True)


def test_default_maps_cities_to_their_own_region(gazetteer):
    montreal = max((e.candidate for e in gazetteer.lookup("Montreal")), key=lambda c: c.population)
    assert montreal.admin1_code == "CA-QC"
    brisbane = max((e.candidate for e in gazetteer.lookup("Brisbane")), key=lambda c: c.population)
    assert brisbane.admin1_code == "AU-QLD"


def test_default_knows_districts_with_ids_and_points_and_small_towns(gazetteer):
    for name in ("Buner", "Swat", "Bajaur", "Mohmand"):
        districts = [e.candidate for e in gazetteer.lookup(name) if e.candidate.feature == "admin2"]
        assert districts, name
        d = districts[0]
        assert (d.country_code, d.admin1_code) == ("PK", "PK-KP"), name
        assert d.geonames_id and d.lat is not None and d.lon is not None, name
    sumy = next(e.candidate for e in gazetteer.lookup("Sumy Oblast"))
    assert sumy.geonames_id == 692196 and sumy.feature_code == "ADM1"
    assert "KE" in {e.candidate.country_code for e in gazetteer.lookup("Namanga")}
    assert gazetteer.country("UA") is not None and gazetteer.country("UA").name == "Ukraine"


def test_table_gazetteer_reads_the_hand_written_table():
    from streams.tagging.places.gazetteer import table_names

    index = Gazetteer(table_names(load_config().component("places").file("natural_features")))
    assert index.lookup("Black Sea")[0].candidate.feature == "water"
    assert index.lookup("Kyiv") == ()


def test_translations_and_nicknames_of_iso_names_are_no_names_when_checked():
    from streams.tagging.places.store.translations import EnglishVariants

    check = EnglishVariants(
        geonames_names={"UA-59": {"Sumska oblast", "Sumy", "Sumy Oblast"}, "AR-E": {"Entre Ríos"},
                        "SO-SH": {"Shabeellaha Hoose", "Shabeelle Hoose"}},
        big_towns={"saint paul": {"US"}, "sao paulo": {"BR"}})
    entre_rios = admin1_from_record("AR-E", {
        "name": "Entre Ríos", "localOtherName": "Between Rivers (eng)", "latLng": [-32.1, -59.5],
        "parentCode": None}, check.is_name)
    assert entre_rios.name == "Entre Rios"
    assert "Between Rivers" not in (*entre_rios.full_names, *entre_rios.short_names)
    # a translation was the canonical name of a region whose own name is not ASCII
    ninh_binh = admin1_from_record("VN-18", {
        "name": "Ninh Bình", "localOtherName": "Serenity (eng)", "latLng": [20.3, 106.1],
        "parentCode": None}, check.is_name)
    assert ninh_binh.name == "Ninh Binh" and "Serenity" not in ninh_binh.short_names
    # a spelling of the local name that is a big town abroad means that town
    sao_paulo = admin1_from_record("BR-SP", {
        "name": "São Paulo", "localOtherName": "Saint Paul (eng), Locomotive of Brazil (eng)",
        "latLng": [-22.1, -48.4], "parentCode": None}, check.is_name)
    assert sao_paulo.name == "Sao Paulo" and "Saint Paul" not in sao_paulo.full_names
    # names GeoNames gives the area, and spellings of the local name, stay
    sumy = admin1_from_record("UA-59", {
        "name": "Sumska oblast", "localOtherName": "Sumy (eng), Sumshchyna (eng)",
        "latLng": [50.77, 34.33], "parentCode": None}, check.is_name)
    assert sumy.name == "Sumy Oblast" and "Sumy" in sumy.short_names
    assert check.verdict("SO-SH", "Shabeellaha Hoose", "Lower Shabelle") == "spelling"
    assert check.verdict("AZ-SM", "Sumqayıt", "Sumgayit") == "spelling"
    assert check.verdict("KR-45", "Jeollabuk-do", "North Jeolla") == "spelling"
    assert check.verdict("HT-ND", "Nord", "North") == "translation"
    assert check.verdict("BR-SP", "São Paulo", "Saint Paul") == "collision"
    # is_name counted the records' variants: Sumshchyna (a colloquial form) is no spelling either
    # "Sumshchyna", the region's Ukrainian-English name, is an exonym since session 9 (was a translation)
    assert check.verdicts == Counter({"translation": 3, "exonym": 1, "geonames": 1, "collision": 1})


def test_english_exonyms_of_iso_names_name_the_area_without_renaming_it():
    from streams.tagging.places.store.translations import EnglishVariants

    check = EnglishVariants(geonames_names={"UA-21": {"Zakarpattia Oblast"}, "IQ-SD": {"Salah ad Din", "Selaheddin"}},
                            big_towns={})
    zakarpattia = admin1_from_record("UA-21", {
        "name": "Zakarpatska oblast", "localOtherName": "Transcarpathia (eng), Zakarpattia (eng)",
        "latLng": [48.3, 23.4], "parentCode": None}, check.is_name)
    assert zakarpattia.name == "Zakarpattia Oblast"
    assert "Transcarpathia" in (*zakarpattia.full_names, *zakarpattia.short_names)
    saladin = admin1_from_record("IQ-SD", {
        "name": "Şalāḩ ad Dīn", "localOtherName": "Saladin (eng), Salah Al-Din (eng)",
        "latLng": [34.4, 43.6], "parentCode": None}, check.is_name)
    assert saladin.name == "Salah Al-Din" and "Saladin" in saladin.full_names
    assert check.verdicts["exonym"] == 2
