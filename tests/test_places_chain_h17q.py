"""Which place an event takes with the dense village layers (issue 17, helper h17q):
chains "X (Y LGA, Z)" whose middle name the files hold only in another province,
"X area, south of Y" with X read far from Y, and places named in what a protest is for or
against after the town it is held in.

Every village and district here is invented; each layer file also holds the real rows of
the two state capitals (their geonameids and admin1 codes) so that the layer's codes join
the index's provinces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PlaceOf, TopEvent, layer_place_of
from conftest import geonames_row as _row
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.within import far_from_near, motives
from eventwire.records import Place

_ROWS = (
    # "Dumbaru" in Niger state and in Zamfara; the district town "Kwaratu" only in Zamfara
    _row(990017001, "Dumbaru", 9.90, 6.30, "NG", "31", 0)
    + _row(990017002, "Dumbaru", 12.30, 6.50, "NG", "57", 0)
    + _row(990017003, "Kwaratu", 12.25, 6.55, "NG", "57", 0)
    + _row(2330100, "Minna", 9.60396, 6.5359, "NG", "31", 291905)
    + _row(2339937, "Gusau", 12.17548, 6.67288, "NG", "57", 226857)
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> Iterator[PlaceOf]:
    yield layer_place_of(_ROWS, tmp_path)


def test_middle_name_read_in_another_province_says_nothing(place_of: PlaceOf) -> None:
    # the files' only Kwaratu lies in Zamfara, but the note puts it in Niger state: the
    # village follows the state, not the Kwaratu of another one
    lat, _ = place_of(
        "On 3 March 2021, traders protested in Dumbaru (Kwaratu LGA, Niger) over the "
        "closure of the cattle market.",
        "Dumbaru",
    )
    assert abs(lat - 9.90) < 0.01


def test_middle_name_in_its_province_still_places_the_village(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "On 3 March 2021, traders protested in Dumbaru (Kwaratu LGA, Zamfara) over the "
        "closure of the cattle market.",
        "Dumbaru",
    )
    assert abs(lat - 12.30) < 0.01


# -- "X area, south of Y": a bare direction after a comma says X lies near Y ---------------


def _placed(
    text: str, name: str, lat: float, lon: float, feature: str = "city"
) -> tuple[Resolution, Place]:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, 0)
    place = Place(name, start, start + len(name), name, None, lat, lon, None, "IQ", 1, feature)
    return Resolution(mention, 0, 0.0, 0.0), place


def test_a_place_read_far_from_the_town_it_lies_south_of_gives_way() -> None:
    text = "Bombers struck a checkpoint in Umm Juhaysh area, south of Ramadi city."
    far = _placed(text, "Umm Juhaysh", 34.90, 43.70)  # ~190 km off: another Umm Juhaysh
    town = _placed(text, "Ramadi", 33.42, 43.30)
    assert far_from_near(text, [far, town]) == {id(far[0].mention): id(town[0].mention)}


def test_twin_a_place_near_the_town_it_lies_south_of_is_kept() -> None:
    text = "Bombers struck a checkpoint in Umm Juhaysh area, south of Ramadi city."
    close = _placed(text, "Umm Juhaysh", 33.25, 43.32)  # ~19 km south of Ramadi
    town = _placed(text, "Ramadi", 33.42, 43.30)
    assert far_from_near(text, [close, town]) == {}


def test_twin_a_distance_or_a_list_is_no_direction_of_nearness() -> None:
    for text in (
        "Bombers struck a checkpoint in Umm Juhaysh, 180 km north of Ramadi city.",
        "Bombers struck checkpoints in Umm Juhaysh and west of Ramadi city.",
    ):
        far = _placed(text, "Umm Juhaysh", 34.90, 43.70)
        town = _placed(text, "Ramadi", 33.42, 43.30)
        assert far_from_near(text, [far, town]) == {}


# -- a place named in what a protest is for or against -------------------------------------


def test_a_place_in_a_protests_motive_is_no_protest_place(top_event: TopEvent) -> None:
    for text in (
        "On 4 June 2021, about 40 people held a rally in Kisumu in solidarity with the "
        "protest in Mombasa.",
        "On 4 June 2021, traders held a protest in Kisumu town demanding compensation for "
        "the market fire in Mombasa.",
        "On 4 June 2021, about 40 traders demonstrated in Kisumu denouncing the eviction of "
        "hawkers in Mombasa.",
    ):
        event = top_event(text)
        assert event is not None and event.location is not None
        assert event.location.text == "Kisumu", text


def test_twin_motive_places_after_a_province_only_stay_candidates() -> None:
    text = "Students in Bali held a rally demanding the release of activists in Denpasar."
    province = _placed(text, "Bali", -8.40, 115.18, feature="admin1")
    town = _placed(text, "Denpasar", -8.65, 115.22)
    assert motives(text, [province, town]) == set()
    text = "Students in Singaraja held a rally demanding the release of activists in Denpasar."
    first = _placed(text, "Singaraja", -8.11, 115.09)
    town = _placed(text, "Denpasar", -8.65, 115.22)
    assert motives(text, [first, town]) == {id(town[0].mention)}
    # no motive word between them: a second place of the protest
    text = "Students in Singaraja and Denpasar held rallies on Monday."
    first = _placed(text, "Singaraja", -8.11, 115.09)
    town = _placed(text, "Denpasar", -8.65, 115.22)
    assert motives(text, [first, town]) == set()
