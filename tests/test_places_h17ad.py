"""Place choice with GeoNames layers (issue 17, helper h17ad): a note whose only place was
read as a small town abroad and dropped once the report's country was settled takes the
focus country's own place of that main name, instead of the country's point.

The Sudanese villages are invented (one shares its name with Morocco's Azrou, a town of
59,000 people in the index); the layer also holds the real row of Kutum so that its
province code joins the index's North Darfur.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import geonames_row as _row
from conftest import layer_place_of
from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.places.gazetteer.index import load_gazetteer
from eventwire.pipeline.places.home_village import home_row
from eventwire.records import Document

_ROWS = (
    # a North Darfur village with the Moroccan town's name
    _row(990417001, "Azrou", 13.90, 24.30, "SD", "55", 0)
    # another one, in the same province, nearer its biggest town
    + _row(990417002, "Azrou", 13.70, 25.20, "SD", "55", 0)
    # a village that is called so only by an alternate name
    + _row(990417003, "Taounate Jadid", 13.70, 24.10, "SD", "55", 0, alt="Taounate")
    + _row(371745, "Kutum", 14.2, 24.66667, "SD", "55", 9849)
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


def test_lone_name_dropped_abroad_takes_the_home_village(places: Places) -> None:
    found = places("Gunmen of the Rapid Support Forces looted shops in Azrou on Friday.")
    assert found.get("Azrou") == (13.70, 25.20, "SD")


def test_home_reading_needs_the_main_name(places: Places) -> None:
    found = places("Gunmen of the Rapid Support Forces looted shops in Taounate on Friday.")
    assert found.get("Taounate", (0.0, 0.0, None))[2] != "SD"


def test_home_row_takes_the_most_populous_else_the_nearest_to_the_seat(places: Places) -> None:
    gaz = load_gazetteer()
    row = home_row(gaz, "Azrou", "SD")
    assert row is not None
    assert (round(float(gaz.lat[row]), 2), round(float(gaz.lon[row]), 2)) == (13.70, 25.20)
    assert home_row(gaz, "Taounate", "SD") is None
    moroccan = home_row(gaz, "Azrou", "MA")
    assert moroccan is not None and int(gaz.pop[moroccan]) > 50_000
