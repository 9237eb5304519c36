"""Places the default gazetteer lacked (issue 17, default install), as versioned data under
data/gazetteer/: Kenya's towns, refugee camps, city estates and sub-counties named apart
from their headquarters (supplement_ke.csv), Darfur's locality seats, camps and the
spellings reports use (supplement_sd.csv), Ghana's district capitals (supplement_gh.csv) and
Indonesia's regencies named apart from their seats (supplement_id_regencies.csv) and
Cameroon's departments of its French-speaking regions (supplement_cm.csv). A report
naming one of them fell back to the country, the first-level area, or a same-named place
abroad.

The example texts are our own writing.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.sources import read_supplement, supplement_paths


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _near(gaz: Gazetteer, name: str, country: str, near: tuple[float, float]) -> float:
    found = [c.index for c in gaz.lookup(name, loose=False) if gaz.country_code(c.index) == country]
    assert found, name
    return min(haversine_km(float(gaz.lat[i]), float(gaz.lon[i]), *near) for i in found)


@pytest.mark.parametrize(
    ("file", "country", "box"),
    [
        ("supplement_ke.csv", "KE", (-4.8, 5.0, 33.9, 42.0)),
        ("supplement_sd.csv", "SD", (9.0, 22.5, 21.8, 38.7)),
        ("supplement_gh.csv", "GH", (4.6, 11.2, -3.3, 1.3)),
        ("supplement_id_regencies.csv", "ID", (-11.0, 6.0, 95.0, 141.0)),
        ("supplement_cm.csv", "CM", (1.6, 13.1, 8.4, 16.2)),
    ],
)
def test_each_file_is_read_and_stays_in_its_country(
    file: str, country: str, box: tuple[float, float, float, float]
) -> None:
    paths = [p for p in supplement_paths() if p.name == file]
    assert len(paths) == 1
    rows = read_supplement(paths[0])
    assert len(rows) >= 15
    south, north, west, east = box
    assert all(r.country == country for r in rows)
    assert all(south < r.lat < north and west < r.lon < east for r in rows)


def test_a_sub_county_sits_on_its_headquarters(gaz: Gazetteer) -> None:
    # "Turkana West" is a row at Kakuma, "Trans Mara" at Kilgoris: the same point as the town
    assert _near(gaz, "Turkana West", "KE", (3.71, 34.86)) < 5.0
    assert _near(gaz, "Kakuma", "KE", (3.71, 34.86)) < 5.0
    assert _near(gaz, "Transmara", "KE", (-1.01, 34.88)) < 5.0
    assert _near(gaz, "Kilgoris", "KE", (-1.01, 34.88)) < 5.0


@pytest.mark.parametrize(
    ("name", "country", "near"),
    [
        ("Kapedo", "KE", (1.18, 36.10)),
        ("Kiunga", "KE", (-1.75, 41.48)),  # a town of Papua New Guinea shares the name
        ("Hagadera", "KE", (0.0, 40.37)),  # a Dadaab camp
        ("Githurai", "KE", (-1.20, 36.91)),  # a Nairobi estate
        ("Mandera West", "KE", (3.36, 40.22)),  # at Takaba
        ("Tana Delta", "KE", (-2.27, 40.11)),  # at Garsen; once a loose match in Sudan
        ("Kereinik", "SD", (13.37, 22.80)),
        ("Wadi Salih", "SD", (12.37, 23.12)),  # the locality, at Garsila
        ("Umm Baru", "SD", (15.05, 23.72)),
        ("Al Deain", "SD", (11.46, 26.13)),  # a spelling of El Daein
        ("Tumu", "GH", (10.88, -1.98)),  # once only a village of Indonesia
        ("Sogakope", "GH", (5.90, 0.60)),
        ("Mimika", "ID", (-4.55, 136.89)),  # the regency, at Timika
        ("Wajo regency", "ID", (-4.13, 120.03)),  # at Sengkang
        ("Tembagapura", "ID", (-4.14, 137.09)),
    ],
)
def test_names_reports_use_are_in_the_right_country(
    gaz: Gazetteer, name: str, country: str, near: tuple[float, float]
) -> None:
    assert _near(gaz, name, country, near) < 5.0


def test_a_spelling_joins_the_town_already_there(gaz: Gazetteer) -> None:
    # one row answers to both names: the supplement adds a spelling, not a second El Daein
    assert {c.index for c in gaz.lookup("Al Deain", loose=False)} == {
        c.index for c in gaz.lookup("El Daein", loose=False) if gaz.country_code(c.index) == "SD"
    }


def test_an_attack_in_a_border_village_is_placed_in_kenya(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Suspected militants planted a landmine that killed two herders in Hulugho."
    )
    assert country == "KE"
    assert haversine_km(lat, lon, -1.15, 41.05) < 25.0


def test_a_village_of_a_sub_county_falls_to_the_headquarters(top_event: TopEvent) -> None:
    # the village is in no file: the sub-county's headquarters, not the county's capital
    country, lat, lon = located(
        top_event,
        "On 4 March 2022, raiders stole 200 goats from herders near Lomoruk village"
        " (Baringo North, Baringo).",
    )
    assert country == "KE"
    assert haversine_km(lat, lon, 0.73, 35.79) < 25.0  # Kabartonjo, not Kabarnet's point


def test_a_darfur_locality_named_alone_is_placed_at_its_seat(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Armed herders beat and robbed four farmers in villages of Sirba locality."
    )
    assert country == "SD"
    assert haversine_km(lat, lon, 13.75, 22.55) < 25.0


def test_a_camp_once_unknown_is_placed_beside_its_city(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Gunmen on camels attacked displaced people in Kalma camp."
    )
    assert country == "SD"
    assert haversine_km(lat, lon, 12.02, 24.95) < 25.0


def test_a_regency_named_like_a_javanese_pass_is_the_papuan_regency(top_event: TopEvent) -> None:
    # "Puncak" is also a pass in West Java; reports of fighting mean the regency (Ilaga)
    country, lat, lon = located(
        top_event,
        "On 2 May 2021, rebels shot dead a teacher in a village of Puncak regency, Papua province.",
    )
    assert country == "ID"
    assert haversine_km(lat, lon, -3.97, 137.64) < 25.0


def test_a_department_is_placed_at_its_seat(top_event: TopEvent) -> None:
    # "Mifi" was unknown: the region's point (Ouest), not Bafoussam
    country, lat, lon = located(
        top_event, "Gendarmes shot dead a young man in Bamougoum village (Mifi, Ouest)."
    )
    assert country == "CM"
    assert haversine_km(lat, lon, 5.48, 10.42) < 25.0


def test_a_protest_in_a_district_capital_is_placed_in_ghana(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "On 3 May 2021, traders in Tumu marched against the closure of the market."
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 10.88, -1.98) < 25.0


def test_a_district_of_a_regency_named_apart_from_its_seat(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 9 March 2021, farmers held a peaceful protest in Tanasitolo district, Wajo regency,"
        " South Sulawesi province, over the price of fertiliser.",
    )
    assert country == "ID"
    assert haversine_km(lat, lon, -4.13, 120.03) < 25.0  # Sengkang, not Makassar's point


def test_a_village_of_a_known_locality_falls_to_the_locality_seat(top_event: TopEvent) -> None:
    # "Kass locality" was read only as a Sudanese cue (the country, precision 3): the
    # village is in no file, so the event is at the locality's seat, precision 2
    event = top_event("Militiamen beat herders in Umm Zibeira area, Kass locality.")
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "SD" and location.precision == 2
    assert location.lat is not None and location.lon is not None
    assert haversine_km(location.lat, location.lon, 12.50, 24.28) < 25.0
