"""Places, default install (issue 17, helper h17x): administrative areas told with their
kind word.

* A town placed in a regency whose name the gazetteer reads as the regency's seat
  ("Tembagapura district, Mimika regency"): the town lies 50 km from the seat, beyond a
  town's reach (40 km), and since Papua's 2022 split the seat carries another province's
  code, so the town was rejected as a stray homonym and the event fell to the seat.
  "regency" is now a kind word of the lexicon and a parent told as an area reaches as far
  as a district does.
* A country named as the owner of the region after it ("in Somalia's Middle Shabelle
  region"): the locative cue stood before the country, which won; now the region does.

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.kinds import told_as_area
from eventwire.pipeline.places.gazetteer.mentions import Mention


def test_a_district_of_a_regency_read_as_its_seat_keeps_its_place(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Hundreds of contract workers rallied in Tembagapura district, Mimika regency, "
        "Papua province, over unpaid overtime.",
    )
    assert country == "ID"
    assert haversine_km(lat, lon, -4.14, 137.09) < 15.0  # Tembagapura, not Timika


def test_a_district_of_a_regency_without_the_province(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "A vote counter was stabbed by a rival in Sugapa district, Intan Jaya regency."
    )
    assert country == "ID"
    assert haversine_km(lat, lon, -3.74, 137.05) < 15.0  # Sugapa, not the regency's point


def test_a_town_far_beyond_a_regency_is_still_a_stray(top_event: TopEvent) -> None:
    # Tembagapura lies 800 km from Gowa: "Gowa regency" reaches no further than a district
    country, lat, lon = located(
        top_event, "Students protested in Tembagapura district, Gowa regency, over a factory."
    )
    assert country == "ID"
    assert haversine_km(lat, lon, -4.14, 137.09) > 200.0


def test_which_kind_words_tell_an_area() -> None:
    regency = Mention(0, 6, "Mimika", 0, hint="part", hint_word="regency")
    town = Mention(0, 6, "Mimika", 0, hint="town", hint_word="town")
    assert told_as_area(regency)
    assert not told_as_area(town)
    assert not told_as_area(Mention(0, 6, "Mimika", 0))
    assert not told_as_area(None)


def test_a_region_owned_by_its_country_is_the_place(top_event: TopEvent) -> None:
    event = top_event(
        "Militants overran an army post in Somalia's Middle Shabelle region, killing six soldiers."
    )
    assert event is not None and event.location is not None
    assert event.location.country == "SO"
    assert event.location.feature != "country"
    assert event.location.name == "Middle Shabele"


def test_a_state_owned_by_its_country_without_apostrophe(top_event: TopEvent) -> None:
    event = top_event("Rebels in Sudans South Kordofan said they killed 30 government soldiers.")
    assert event is not None and event.location is not None
    assert event.location.feature == "admin1"
    assert event.location.name == "Southern Kordofan"


def test_a_country_alone_after_in_stays_the_place(top_event: TopEvent) -> None:
    # guard: no place follows the possessive
    event = top_event("Gunmen killed three aid workers in Somalia's south on Monday.")
    assert event is not None and event.location is not None
    assert event.location.country == "SO"
