"""Place choice with GeoNames layers (issue 17, helper h17u): a village the files name with
a leading "village of" word ("Qaryat ...") or an inner article ("Tall adh ...") is found
by the name a report writes; a name whose every reading lies abroad, or outside the
province the text names, also takes its other spellings in the report's country.

Every village in the layer is invented; the layer also holds the real rows of two Iraqi
provincial capitals (their geonameids and admin1 codes) so that its codes join the index's
provinces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PlaceOf, layer_place_of
from conftest import geonames_row as _row
from eventwire.pipeline.places.gazetteer.dense import short_forms

_ROWS = (
    # a Salah ad Din village known only by its name with "Qaryat" (village of) before it
    _row(990217001, "Qaryat al Mukhaysah", 34.80, 43.60, "IQ", "18", 0)
    # a Salah ad Din village written with its inner article
    + _row(990217002, "Tall adh Dhuwayrah", 34.95, 43.40, "IQ", "18", 0)
    # "Zorghanah" is a Syrian village by that very name; the Diyala one is written "Zurghanah"
    + _row(990217003, "Zorghanah", 36.30, 37.20, "SY", "09", 0)
    + _row(990217004, "Zurghanah", 33.90, 44.90, "IQ", "10", 0)
    # "Albu Rahmah" is a Salah ad Din village; the Diyala one is "Albu Rahmat"
    + _row(990217005, "Albu Rahmah", 35.10, 43.30, "IQ", "18", 0)
    + _row(990217006, "Albu Rahmat", 33.95, 44.85, "IQ", "10", 0)
    + _row(90150, "Tikrit", 34.61581, 43.67861, "IQ", "18", 42477)
    + _row(97990, "Baqubah", 33.7466, 44.64366, "IQ", "10", 152550)
)


@pytest.fixture
def place_of(data_dir: Path, tmp_path: Path) -> Iterator[PlaceOf]:
    yield layer_place_of(_ROWS, tmp_path)


def test_short_forms_drop_the_village_word_and_inner_articles() -> None:
    assert short_forms("qaryat ash shuhada", 2) == [("ash shuhada", 1), ("shuhada", 0)]
    assert short_forms("nahiyat al kubra", 1) == [("al kubra", 1), ("kubra", 0)]
    assert short_forms("umm al khanazir", 2) == [("umm khanazir", 0)]
    assert short_forms("al qaim", 2) == [("qaim", 0)]
    assert short_forms("kirkuk", 2) == []
    # a name that is only the word is no village ("Qaryat" alone keeps its one key)
    assert short_forms("qaryat", 2) == []


def test_village_named_with_qaryat_is_found_by_its_short_name(place_of: PlaceOf) -> None:
    lat, lon = place_of(
        "Gunmen attacked a checkpoint in Mukhaysah village, Saladin governorate, Iraq.",
        "Mukhaysah",
    )
    assert (round(lat, 2), round(lon, 2)) == (34.80, 43.60)


def test_village_with_an_inner_article_is_found_without_it(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "A roadside bomb struck a patrol in Tall Dhuwayrah, Saladin, Iraq.", "Tall Dhuwayrah"
    )
    assert abs(lat - 34.95) < 0.01


def test_other_spelling_in_the_reports_country_beats_the_exact_name_abroad(
    place_of: PlaceOf,
) -> None:
    lat, _ = place_of(
        "Militants shelled houses in Zorghanah, Diyala governorate, Iraq, killing two.", "Zorghanah"
    )
    assert abs(lat - 33.90) < 0.01


def test_exact_name_abroad_stays_in_a_report_from_that_country(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "Militants shelled houses in Zorghanah, Aleppo governorate, Syria, killing two.",
        "Zorghanah",
    )
    assert abs(lat - 36.30) < 0.01


def test_other_spelling_in_the_named_province_beats_the_exact_name_elsewhere(
    place_of: PlaceOf,
) -> None:
    # the files' Albu Rahmah is a Salah ad Din village; the note puts it in Diyala, where
    # the village is spelt Albu Rahmat
    lat, _ = place_of(
        "Gunmen raided Albu Rahmah village, Diyala governorate, Iraq, killing a farmer.",
        "Albu Rahmah",
    )
    assert abs(lat - 33.95) < 0.01


def test_exact_name_in_the_named_province_stays(place_of: PlaceOf) -> None:
    lat, _ = place_of(
        "Gunmen raided Albu Rahmah village, Saladin governorate, Iraq, killing a farmer.",
        "Albu Rahmah",
    )
    assert abs(lat - 35.10) < 0.01
