"""Places, default install (issue 17, helper h17v): classes of wording that lost a place the
index knows, or put the event in the wrong country.

* A country named only as the actors' origin or across a border ("gunmen from Somalia
  ... in Garissa county", "raiders from Uganda ... in Kitui county"): the country's own name
  led the first reading, the county was rejected as a place abroad, and when the focus then
  moved to the county's country the rejection stood, so the event kept only its country.
  The report is read again without the origin's name.
* The same with no other cue word ("Boko Haram hijacked a bus near Koza ... near the border
  with Nigeria"): the group acts on both sides of the border, the cues name no country but
  Nigeria's, and the town was rejected as a place abroad; the reading without the origin
  places it (Koza, Cameroon).

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km


def test_a_county_keeps_its_place_once_the_origin_country_is_dropped(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Bandits from Somalia shot dead two herders in Garissa county on Monday."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -0.45, 39.65) < 30.0  # Garissa, not the country's point


def test_raiders_from_a_neighbour_strike_a_county(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Cattle raiders from Uganda attacked a homestead in Kitui county at night."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -1.37, 38.01) < 30.0


def test_a_town_near_the_border_with_the_groups_home(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Boko Haram fighters attacked a minibus near Koza, killing four passengers, "
        "then fled towards the border with Nigeria.",
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 10.87, 13.88) < 15.0


def test_a_place_in_the_origin_country_itself_stays(top_event: TopEvent) -> None:
    # the origin is no origin when the report places the event there
    country, _, _ = located(
        top_event, "Militants from Somalia attacked a police post in Mogadishu on Friday."
    )
    assert country == "SO"


def test_a_town_named_as_its_traders_home_opens_the_note(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Garsen traders blocked the highway to protest the closure of their market."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -2.27, 40.12) < 15.0  # Garsen (Tana Delta), not the country


def test_a_towns_authorities_say_where_the_arrests_were(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Malakal authorities arrested four men accused of recruiting for the rebels."
    )
    assert country == "SS"
    assert haversine_km(lat, lon, 9.53, 31.66) < 15.0


def test_a_peoples_herders_are_no_town_of_residents(top_event: TopEvent) -> None:
    # "Somali residents": a nationality before the noun is no town (not the Somali region)
    country, _, _ = located(
        top_event, "Somali residents of Wajir town protested against the arrest of an elder."
    )
    assert country == "KE"
