"""Places, default install (issue 17, helper h17t): classes of wording that placed an event
at a division instead of its town, or in the wrong country.

* "Town of Division" ("Muyuka of Fako", "Fotokol of Hile Alifa"): the town is the place,
  the division its area, as "Town, Division" reads; "Maroua of Diamare" was read whole as a
  loose spelling of a place abroad, then rejected, and the report kept only its country.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.common.geo import haversine_km


def _located(top_event: TopEvent, text: str) -> tuple[str | None, float, float]:
    event = top_event(text)
    assert event is not None and event.location is not None
    loc = event.location
    assert loc.lat is not None and loc.lon is not None
    return loc.country, loc.lat, loc.lon


def test_a_town_of_its_division_is_the_town(top_event: TopEvent) -> None:
    country, lat, lon = _located(
        top_event, "Soldiers exchanged fire with armed separatists in Muyuka of Fako on Sunday."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 4.29, 9.41) < 10.0  # Muyuka, not the division's seat


def test_a_city_of_its_division_is_not_read_whole_as_a_place_abroad(top_event: TopEvent) -> None:
    country, lat, lon = _located(
        top_event, "A gunman shot dead a trader near the central market of Maroua of Diamare."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 10.59, 14.32) < 10.0


def test_a_division_of_two_words_after_of(top_event: TopEvent) -> None:
    country, lat, lon = _located(
        top_event, "Militants attacked an army post in Fotokol of Hile Alifa at night."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 12.37, 14.22) < 10.0  # Fotokol, not Hile-Alifa


def test_a_name_with_of_that_is_no_town_of_an_area_stays_whole(top_event: TopEvent) -> None:
    # "Republic" is no town: the country's long name is still read whole
    country, _, _ = _located(
        top_event, "Rebels killed ten villagers in the east of the Democratic Republic of Congo."
    )
    assert country == "CD"
