"""Places (issue 17, helper h17ah): a place named only to qualify the feature of another.

* "the Red Sea port of X", "the Sahel town of X", "the Kandahar province town of X": a
  place's name before a feature noun and "of X" only says which X it is; the event is in X
  (``attach.modifiers``). "The Idlib province of Syria" keeps Idlib: X is larger.
* "Yemen's Red Sea": a reading in another country than the one named as its owner right
  before it (Sudan's Red Sea state) is not the place meant
  (``possessive.possessive_strangers``).

Before, "Yemen's Red Sea port of Hudaydah" placed the strike in Sudan's Red Sea state:
"port" made "Red Sea" a facility's name (a near place) and it outranked the city.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km


def test_the_port_of_a_city_after_its_sea(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Warplanes struck Yemen's Red Sea port of Hudaydah on Tuesday, killing four dock "
        "workers, a rebel-run channel said.",
    )
    assert country == "YE"
    assert haversine_km(lat, lon, 14.80, 42.95) < 15.0


def test_a_port_city_without_the_owner_named(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Six fishermen were killed when a drone struck a boat in the Red Sea port city of "
        "Hudaydah on Friday.",
    )
    assert country == "YE"
    assert haversine_km(lat, lon, 14.80, 42.95) < 15.0


def test_a_province_named_before_its_town(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Rockets fired by insurgents hit the Kandahar province town of Spin Boldak on "
        "Monday, wounding two policemen.",
    )
    assert country == "AF"
    assert haversine_km(lat, lon, 31.00, 66.40) < 15.0


def test_a_province_of_its_country_keeps_the_province(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Government aircraft bombed a market in the Idlib province of Syria on Friday, "
        "killing nine civilians.",
    )
    assert country == "SY"
    assert haversine_km(lat, lon, 35.93, 36.63) < 30.0  # Idlib, the province's seat


def test_a_country_run_into_its_region_without_apostrophe(top_event: TopEvent) -> None:
    # "South Sudans": the index reads "Sudan" alone; Jonglei (South Sudan's) must stay
    country, _, _ = located(
        top_event,
        "Rebels in South Sudans Jonglei state have killed eleven soldiers near a river port.",
    )
    assert country == "SS"
