"""Place choice with GeoNames layers (issue 17, helper h17w): a village the files code to
the province the text names ("X village (District, Province)") lies in that province
however far it is from the point of the district's town, which is often a large
district's seat or centroid; a village coded to another province is still a homonym.

The villages are invented; the layer also holds the real rows of two Kenyan towns (their
geonameids and admin1 codes) so that its codes join the index's counties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import geonames_row as _row
from conftest import layer_place_of
from eventwire.config import load_settings
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document

_ROWS = (
    # a Wajir village 167 km east of the point the index gives Wajir South
    _row(990317001, "Garsaley", 0.95, 41.00, "KE", "54", 0)
    # a Mandera village, as far from Wajir South
    + _row(990317002, "Dhoqoley", 3.10, 41.10, "KE", "33", 0)
    + _row(196936, "Habaswein", 1.01659, 39.49122, "KE", "54", 0)
    + _row(444987, "Takaba", 3.35528, 40.22278, "KE", "33", 0)
)

Places = Callable[[str], dict[str, tuple[float, float]]]


@pytest.fixture
def places(data_dir: Path, tmp_path: Path) -> Iterator[Places]:
    layer_place_of(_ROWS, tmp_path)
    pipeline = Pipeline.from_settings(load_settings(config_file=None))

    def run(text: str) -> dict[str, tuple[float, float]]:
        doc = pipeline(Document(text=text, source_id="t", input="t"))
        return {p.text: (round(p.lat or 0.0, 2), round(p.lon or 0.0, 2)) for p in doc.places}

    yield run


def test_village_coded_to_the_named_county_stays_far_from_its_district_point(
    places: Places,
) -> None:
    found = places(
        "Suspected Al Shabaab militants ambushed a lorry near Garsaley village "
        "(Wajir South, Wajir County), killing four people."
    )
    assert found.get("Garsaley") == (0.95, 41.00)


def test_village_coded_to_another_county_is_still_dropped(places: Places) -> None:
    found = places(
        "Suspected Al Shabaab militants ambushed a lorry near Dhoqoley village "
        "(Wajir South, Wajir County), killing four people."
    )
    assert "Dhoqoley" not in found
    assert "Wajir South" in found
