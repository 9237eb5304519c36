"""Place choice with GeoNames layers (issue 17, helper h17aa): the country a report names
is not one of "the text's other places" a reading may lie near. Its point is a centroid
or the capital, so a village 60 km from it is no likelier the one meant; before, the
homonym nearer Iraq's point won over the one beside the district the text names.

The villages are invented (one Iraqi name, two provinces); the layer also holds the real
rows of Tikrit and Baqubah (their geonameids and admin1 codes) so that its codes join the
index's governorates.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PlaceOf, layer_place_of
from conftest import geonames_row as _row
from eventwire.pipeline.places.gazetteer.picks import first_picks

_ROWS = (
    # in Diyala, 40 km from the point the index gives Iraq, 150 km from Baiji
    _row(990417001, "Dawraqah", 33.95, 45.05, "IQ", "10", 0)
    # in Saladin, 35 km from Baiji, under its sub-district name (the short one an alternate)
    + _row(990417002, "Nahiyat Dawraqah", 35.20, 43.28, "IQ", "18", 0, alt="Dawraqah")
    + _row(90150, "Tikrit", 34.61581, 43.67861, "IQ", "18", 42477)
    + _row(97990, "Baqubah", 33.7466, 44.64366, "IQ", "10", 152550)
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> Iterator[PlaceOf]:
    yield layer_place_of(_ROWS, tmp_path)


def test_reading_near_the_named_district_beats_one_near_the_countrys_point(
    place_of: PlaceOf,
) -> None:
    lat, lon = place_of(
        "Gunmen and suicide bombers attacked volunteer fighters in the Dawraqah mountains, "
        "Baiji district, Saladin, Iraq. Twelve gunmen were killed in the ensuing clash.",
        "Dawraqah",
    )
    assert (round(lat, 2), round(lon, 2)) == (35.20, 43.28)


def test_reading_near_its_own_named_district_still_wins(place_of: PlaceOf) -> None:
    # the twin: the text names the Diyala district, so the main-name village stays
    lat, lon = place_of(
        "Gunmen and suicide bombers attacked volunteer fighters in the Dawraqah mountains, "
        "Baqubah district, Diyala, Iraq. Twelve gunmen were killed in the ensuing clash.",
        "Dawraqah",
    )
    assert (round(lat, 2), round(lon, 2)) == (33.95, 45.05)


def test_a_country_is_no_first_pick() -> None:
    from eventwire.pipeline.places.gazetteer.index import Candidate, load_gazetteer
    from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY

    gaz = load_gazetteer()
    iraq = next(c for c in gaz.lookup("Iraq") if int(gaz.feat[c.index]) == FEAT_COUNTRY)
    town = next(c for c in gaz.lookup("Tikrit") if int(gaz.feat[c.index]) != FEAT_COUNTRY)
    none: list[tuple[Candidate, float]] = []
    assert first_picks(gaz, [[(iraq, 5.0)], [(town, 2.0)], none]) == [-1, town.index, -1]
