"""Place choice (issue 17, helper h17s): a dateline that names the report's country opens
the paragraph after it; a village coded to the province the text names stays although the
town it is said to lie in was read in another province; a village near a place that only
shares the town's name as an alternate one is no fit of the town.

Every village and town in the layer is invented; the layer also holds the real rows of two
Nigerian state capitals (their geonameids and admin1 codes) so that its codes join the
index's provinces.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import PlaceOf, layer_place_of
from conftest import geonames_row as _row
from eventwire.records import Document

_ROWS = (
    # the village "Rugan Dole" only in Niger state; the town "Zangon Tudu" only in Zamfara,
    # 110 km north of it, near the state line
    _row(990117001, "Rugan Dole", 9.95, 6.20, "NG", "31", 0)
    + _row(990117002, "Zangon Tudu", 10.90, 5.90, "NG", "57", 0)
    # the town "Kofar Gabas" in Niger state; a Zamfara village "Gabas Tudu" that is also
    # called Kofar Gabas, and the village "Unguwar Maje" 7 km from it
    + _row(990117003, "Kofar Gabas", 10.00, 6.00, "NG", "31", 5000)
    + _row(990117004, "Gabas Tudu", 11.80, 6.30, "NG", "57", 0, alt="Kofar Gabas")
    + _row(990117005, "Unguwar Maje", 11.85, 6.35, "NG", "57", 0)
    + _row(2330100, "Minna", 9.60396, 6.5359, "NG", "31", 291905)
    + _row(2339937, "Gusau", 12.17548, 6.67288, "NG", "57", 226857)
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> Iterator[PlaceOf]:
    yield layer_place_of(_ROWS, tmp_path)


def test_village_of_the_named_province_stays_when_its_town_is_read_elsewhere(
    place_of: PlaceOf,
) -> None:
    # the files' only Zangon Tudu is a Zamfara town, the note puts it in Niger state, where
    # the village lies: the village is the place, not a stray far from Zangon Tudu
    lat, _ = place_of(
        "On 4 May 2021, gunmen killed two herders in Rugan Dole village (Zangon Tudu, Niger).",
        "Rugan Dole",
    )
    assert abs(lat - 9.95) < 0.01


def test_village_far_from_a_town_read_in_the_named_province_is_still_a_stray(
    place_of: PlaceOf,
) -> None:
    # the town is read where the note puts it (Zamfara): the Niger-state village 250 km
    # away is another place of that name, and the town is the place
    with pytest.raises(AssertionError):
        place_of(
            "On 4 May 2021, gunmen killed two herders in Rugan Dole village (Zangon Tudu, "
            "Zamfara).",
            "Rugan Dole",
        )


def test_village_near_another_place_called_like_its_town_is_a_stray(
    place_of: PlaceOf,
) -> None:
    # "Kofar Gabas" is read as the Niger-state town the note names; the Zamfara village
    # that shares the name as an alternate one does not make Unguwar Maje fit, so the
    # event is at the town
    lat, _ = place_of(
        "On 2 June 2021, bandits killed four farmers in Unguwar Maje village (Kofar Gabas, Niger).",
        "Kofar Gabas",
    )
    assert abs(lat - 10.00) < 0.01
    with pytest.raises(AssertionError):
        place_of(
            "On 2 June 2021, bandits killed four farmers in Unguwar Maje village (Kofar "
            "Gabas, Niger).",
            "Unguwar Maje",
        )


def test_village_near_its_town_by_its_own_name_stays(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "On 2 June 2021, bandits killed four farmers in Unguwar Maje village (Gabas Tudu, "
        "Zamfara).",
        "Unguwar Maje",
    )
    assert abs(lat - 11.85) < 0.01


def test_dateline_country_holds_for_the_paragraph_after_it(
    run_text: Callable[..., Document],
) -> None:
    # "Beni territory" alone in the body read like a province pointed to Bolivia's El Beni
    doc = run_text(
        "BENI, Congo, March 3 (Wire Desk) - Rebels killed nine farmers in a raid on a "
        "hamlet in Beni territory overnight, a local official said."
    )
    assert {p.country for p in doc.places} == {"CD"}


def test_paragraph_after_a_dateline_may_still_name_another_country(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "GOMA, Congo, March 3 (Wire Desk) - Officials met on Monday.\n\n"
        "In Uganda, gunmen shot dead two traders in Kisoro town, Ugandan police said."
    )
    kisoro = [p for p in doc.places if p.text == "Kisoro"]
    assert kisoro and kisoro[0].country == "UG"
