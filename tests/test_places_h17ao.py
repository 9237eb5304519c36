"""Place choice with GeoNames layers (issue 17, helper h17ao): of the homonyms inside the
areas where a report's named group mostly acts (the OSCE monitors and the NAF in Donetsk
and Luhansk), the one near the area's line of contact (``area_fronts``) wins over one that
only lies nearer the province's biggest town.

The two Donetsk villages are invented: one a few km from Svitlodarsk, on the line, the
other south-east of Donetsk city, far from it but nearer the city; the layer also holds
the real row of Svitlodarsk so that its province code joins the index's Donetsk oblast.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PlaceOf, layer_place_of
from conftest import geonames_row as _row
from eventwire.pipeline.places.gazetteer.fronts import AREA_FRONTS, front_bonus, front_rows
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
from eventwire.pipeline.places.gazetteer.resolve import _area_rows

_ROWS = (
    # by the line (Svitlodarsk is a front town of Donetsk oblast)
    _row(990418001, "Zorianivka", 48.45, 38.30, "UA", "05", 0)
    # behind it: nearer Donetsk city, the province's biggest town, 40 km off the line
    + _row(990418002, "Zorianivka", 47.80, 38.25, "UA", "05", 0)
    # the real row of Svitlodarsk, so that the layer's province code joins Donetsk oblast
    + _row(692093, "Svetlodarsk", 48.43374, 38.22331, "UA", "05", 12273, alt="Svitlodarsk")
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> PlaceOf:
    return layer_place_of(_ROWS, tmp_path)


def test_monitors_report_reads_the_homonym_by_the_line(place_of: PlaceOf) -> None:
    text = "On 4 May 2020, the OSCE SMM recorded five blasts near Zorianivka."
    lat, lon = place_of(text, "Zorianivka")
    assert (round(lat, 2), round(lon, 2)) == (48.45, 38.30)


def test_militia_report_reads_the_homonym_by_the_line(place_of: PlaceOf) -> None:
    text = (
        "On 6 May 2020, Ukrainian troops shelled Donbass People's Militia "
        "positions with mortars near Zorianivka."
    )
    lat, lon = place_of(text, "Zorianivka")
    assert (round(lat, 2), round(lon, 2)) == (48.45, 38.30)


def test_front_rows_and_bonus() -> None:
    gaz = load_gazetteer()
    areas = [("UA", "Donetsk"), ("UA", "Luhansk")]
    fronts = front_rows(gaz, areas, _area_rows(gaz, areas))
    # every listed town is found inside its own province
    assert len(fronts) == sum(len(AREA_FRONTS[f"UA {a}"]) for _, a in areas)
    assert all(gaz.country_code(r) == "UA" for r in fronts)
    town = fronts[0]
    assert front_bonus(gaz, town, fronts) == pytest.approx(1.5)
    assert front_bonus(gaz, town, []) == 0.0
    # a place far from the line gets nothing: Kyiv
    kyiv = max(
        (c.index for c in gaz.lookup("Kyiv") if gaz.country_code(c.index) == "UA"),
        key=lambda r: int(gaz.pop[r]),
    )
    assert front_bonus(gaz, kyiv, fronts) == 0.0
