"""Place choice with dense village layers, ninth pass (issue 17): homonyms told apart by
the other places of the note, and area chains whose middle name no file holds.

Every village here is invented; each layer file also holds one real city's row (its
geonameid and admin1 code) so that the layer's code joins the index's province.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PlaceOf, layer_place_of
from conftest import geonames_row as _row
from eventwire.records import Document

_ROWS = (
    # two "Zhovtokamianka" in Donetsk oblast, no population, both within 100 km of
    # Kramatorsk: the one beside Kramatorsk, not the one beside Donetsk (the oblast's
    # biggest town, which broke such ties before)
    _row(990000901, "Zhovtokamianka", 48.00, 37.85, "UA", "05", 0)
    + _row(990000902, "Zhovtokamianka", 48.70, 37.45, "UA", "05", 0)
    + _row(709717, "Donetsk", 48.02300, 37.80224, "UA", "05", 901645)
    + _row(704508, "Kramatorsk", 48.73106, 37.56779, "UA", "05", 155000)
    # "Tell Qubrawiya" in Nineveh (no population) and a bigger one in Salah ad Din: the
    # note puts it in Nineveh through a district no file holds
    + _row(990000903, "Tell Qubrawiya", 36.60, 42.70, "IQ", "15", 0)
    + _row(990000904, "Tell Qubrawiya", 34.40, 43.90, "IQ", "18", 4200)
    + _row(99072, "Mosul", 36.33500, 43.11889, "IQ", "15", 1683000)
    + _row(90150, "Tikrit", 34.61581, 43.67861, "IQ", "18", 160000)
    # a Darfur village that only its alternate spelling names: "in Um Zaghrayba"
    + _row(990000905, "Umm Zaghrayba", 12.90, 23.70, "SD", "", 0, alt="Um Zaghrayba")
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> Iterator[PlaceOf]:
    yield layer_place_of(_ROWS, tmp_path)


def test_tied_homonyms_follow_the_other_places_named(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "On 4 May 2019, the monitors heard shelling near Zhovtokamianka and later saw "
        "damaged houses in Kramatorsk.",
        "Zhovtokamianka",
    )
    assert abs(lat - 48.70) < 0.01


def test_unknown_district_between_village_and_province(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "On 9 July 2018, gunmen shot dead a farmer in Tell Qubrawiya village (Gharzun, Nineveh).",
        "Tell Qubrawiya",
    )
    assert abs(lat - 36.60) < 0.01
    # the area's feature word keeps the comma that closes it
    lat, _ = place_of(
        "Gunmen shot dead a farmer in Tell Qubrawiya (Gharzun district, Nineveh) on Monday.",
        "Tell Qubrawiya",
    )
    assert abs(lat - 36.60) < 0.01


def test_qualified_province_between_village_and_province(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "On 9 July 2018, gunmen shot dead a farmer in Tell Qubrawiya (Western Nineveh, Nineveh).",
        "Tell Qubrawiya",
    )
    assert abs(lat - 36.60) < 0.01


def test_loose_spelling_opens_an_area_chain(data_dir: Path) -> None:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline

    pipeline = Pipeline.from_settings(load_settings(config_file=None))
    doc = pipeline(
        Document(
            text="On 2 June 2024, clan militia attacked a truck near Qalwiidoor village "
            "(Bossaso, Bari). One driver was hurt.",
            source_id="t",
            input="t",
        )
    )
    names = {p.text: p.name for p in doc.places}
    assert names.get("Bossaso") == "Bosaso"


def test_sole_alternate_name_of_a_layer_village(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "Two herders were shot dead near a well in Um Zaghrayba. The attackers fled.",
        "Um Zaghrayba",
    )
    assert abs(lat - 12.90) < 0.01
