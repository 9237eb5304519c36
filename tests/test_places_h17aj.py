"""Place choice with GeoNames layers (issue 17, helper h17aj): a border village the files
hold only across the line, in the neighbouring country, is kept when the note places it
under a district of the report's own country; its place takes that country.

The villages are invented: "Warqabeey" lies in Ethiopia's file a few kilometres from
Somalia's Dolow; "Dhagaxlow" in Ethiopia's file too, but deep inland.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import geonames_row as _row
from conftest import layer_place_of
from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.places.border_twin import near_country
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
from eventwire.records import Document

_ROWS = (
    # on the border: 8 km north-east of Dolow, Somalia
    _row(990417101, "Warqabeey", 4.22, 42.12, "ET", "49", 0)
    # 500 km inland
    + _row(990417102, "Dhagaxlow", 7.40, 40.10, "ET", "49", 0)
)

Places = Callable[[str], dict[str, tuple[float, float, str | None]]]


@pytest.fixture
def places(data_dir: Path, tmp_path: Path) -> Iterator[Places]:
    layer_place_of(_ROWS, tmp_path)
    pipeline = Pipeline.from_settings(load_settings(config_file=None))

    def run(text: str) -> dict[str, tuple[float, float, str | None]]:
        doc = pipeline(Document(text=text, source_id="t", input="t"))
        return {
            p.text: (round(p.lat or 0.0, 2), round(p.lon or 0.0, 2), p.country) for p in doc.places
        }

    yield run


def test_border_village_read_across_the_line_is_kept_in_the_notes_country(
    places: Places,
) -> None:
    found = places("Al Shabaab fighters burned a shop in Warqabeey village (Dolow, Gedo).")
    assert found.get("Warqabeey") == (4.22, 42.12, "SO")


def test_village_abroad_far_from_the_line_stays_dropped(places: Places) -> None:
    found = places("Al Shabaab fighters burned a shop in Dhagaxlow village (Dolow, Gedo).")
    assert "Dhagaxlow" not in found


def test_near_country_measures_the_distance_to_the_line(places: Places) -> None:
    gaz = load_gazetteer()
    rows = {gaz.name(c.index): c.index for c in gaz.lookup("Warqabeey") + gaz.lookup("Dhagaxlow")}
    dolow = next(c.index for c in gaz.lookup("Dolow") if gaz.country_code(c.index) == "SO")
    gedo = int(gaz.adm1[dolow])
    assert near_country(gaz, rows["Warqabeey"], "SO", gedo)
    assert not near_country(gaz, rows["Dhagaxlow"], "SO", gedo)
    # near Somalia, but not near a place of the province the note names
    other = next(c.index for c in gaz.lookup("Kismayo") if gaz.country_code(c.index) == "SO")
    assert not near_country(gaz, rows["Warqabeey"], "SO", int(gaz.adm1[other]))
