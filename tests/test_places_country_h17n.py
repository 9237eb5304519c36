"""The country of a report whose places read abroad: first-level areas in the spelling
reports use (data/gazetteer/variants.yaml), and a foreign city named only by an alternate
name against the actors of one country (places/forces.py; issue 17, default install).

The example texts are our own writing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.places.country import compass_units
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1
from eventwire.records import Document


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def run_doc(run_text: Callable[..., Document]) -> Callable[..., Document]:
    return run_text


def _admin1_countries(gaz: Gazetteer, name: str) -> set[str]:
    return {
        gaz.country_code(c.index)
        for c in gaz.lookup(name, loose=False)
        if int(gaz.feat[c.index]) == FEAT_ADMIN1
    }


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Ouest", "CM"),  # Cameroon's West Region in French (and Haiti's Ouest)
        ("Est", "CM"),  # and Burkina Faso's Est
        ("Nord", "CM"),
        ("Sud", "CM"),
        ("Western Region", "GH"),  # Ghana's "Western" with "Region" (and Uganda's)
        ("Ashanti Region", "GH"),
        ("Hauts-Bassins", "BF"),
        ("Sagaing Region", "MM"),
        ("Shan-South", "MM"),
    ],
)
def test_first_level_areas_in_the_spelling_reports_use(
    gaz: Gazetteer, name: str, country: str
) -> None:
    assert country in _admin1_countries(gaz, name)


def test_a_town_placed_in_a_french_named_region_keeps_its_country(
    run_doc: Callable[..., Document],
) -> None:
    # "Est" was Burkina Faso's region only, and took the report abroad with it
    doc = run_doc("Opposition supporters marched in Bertoua town (Lom-et-Djerem, Est) on Friday.")
    assert doc.country == "CM"
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.name == "Bertoua"


def test_a_foreign_city_named_by_an_alternate_name_yields_to_one_countrys_actors(
    run_doc: Callable[..., Document],
) -> None:
    # "Tor" is an old name of Slovyansk (Ukraine); Janjaweed act in Sudan
    doc = run_doc("Janjaweed raiders burned huts in the Tor area at night.")
    assert doc.country == "SD"
    # SPLA-IO fighters in South Sudan, not in Ukraine
    doc = run_doc("SPLA-IO fighters ambushed a convoy near Tor on Sunday.")
    assert doc.country == "SS"
    # two places of one country read by other names support each other
    doc = run_doc("Russian forces held a patrol in Quamishli city in al-Hasakeh.")
    assert doc.country == "SY"
    # a force's nationality may be abroad: the city read by another name stays
    doc = run_doc("Russian forces shelled Halab on Sunday.")
    assert doc.country == "SY"
    # a foreign city under its own name stays: talks abroad are reported too
    doc = run_doc("RSF commanders met mediators in Jeddah on Monday.")
    assert doc.country == "SA"


def test_a_town_opening_a_local_institutions_name_is_the_place_of_last_resort(
    run_doc: Callable[..., Document],
) -> None:
    doc = run_doc("Cleaners of the Tamale Metropolitan Assembly marched over unpaid wages.")
    assert doc.events and doc.events[0].location is not None
    assert (doc.events[0].location.name, doc.events[0].location.country) == ("Tamale", "GH")
    doc = run_doc("Police beat students of Omdurman Islamic University at a sit-in.")
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.name == "Omdurman"
    # a town's name inside a longer name is not the opening of an institution's name
    doc = run_doc("Police beat students of the Mama Kisumu Academy at a sit-in.")
    location = doc.events[0].location if doc.events else None
    assert location is None or location.name != "Kisumu"


def test_compass_units_give_their_stems() -> None:
    text = "Raiders struck in Rumbek East, then in West Gonja."
    assert [(text[s:e], cc) for s, e, cc in compass_units(text)] == [
        ("Rumbek", "SS"),
        ("Gonja", "GH"),
    ]
    assert compass_units("Herders moved south of Igembe and east of Rumbek.") == []


def test_a_sub_unit_named_by_a_stem_and_a_compass_word_is_at_its_stem(
    run_doc: Callable[..., Document],
) -> None:
    # no place of the report is in the index but for the sub-county's stem
    doc = run_doc("Two men were hacked to death by raiders in Kisumu East on Friday.")
    assert doc.events and doc.events[0].location is not None
    location = doc.events[0].location
    assert (location.name, location.country, location.precision) == ("Kisumu", "KE", 2)
