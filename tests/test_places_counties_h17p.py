"""Second-level names missing from the default gazetteer (issue 17, default install), as
versioned data under data/gazetteer/: South Sudan's counties and their headquarters
(supplement_ss.csv; GeoNames' population files hold about forty places in the whole
country), Ethiopia's zones (supplement_et.csv), Somalia's district towns in Somali spelling
(supplement_so.csv), Benin's communes (supplement_bj.csv) and Indonesia's compass-named
regencies (supplement_id.csv). A report naming one of them fell back to the country or the
first-level area, 100-300 km off.

The example texts are our own writing.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.sources import read_supplement, supplement_paths


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_the_south_sudan_file_is_read_and_stays_in_the_country() -> None:
    paths = [p for p in supplement_paths() if p.name == "supplement_ss.csv"]
    assert len(paths) == 1
    rows = read_supplement(paths[0])
    assert len(rows) >= 35
    # every row lies inside South Sudan's bounding box (3.5-12.3 N, 24-36 E)
    assert all(r.country == "SS" for r in rows)
    assert all(3.4 < r.lat < 12.3 and 24.0 < r.lon < 36.0 for r in rows)
    # a county named apart from its headquarters sits on the same point as the town
    by_name = {r.name: r for r in rows}
    maban, bunj = by_name["Maban"], by_name["Bunj"]
    assert (maban.lat, maban.lon) == (bunj.lat, bunj.lon)


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Melut", (10.44, 32.20)),  # Upper Nile county headquarters
        ("Ayod", (8.12, 31.42)),  # Jonglei
        ("Maban County", (9.99, 33.73)),  # the county, at Bunj
        ("Bunj", (9.99, 33.73)),
        ("Pochalla", (7.18, 34.10)),  # once a loose match in Vietnam
        ("Twic East", (7.16, 31.40)),
        ("Nzara", (4.65, 28.26)),  # Western Equatoria
    ],
)
def test_county_names_and_headquarters_are_in_south_sudan(
    gaz: Gazetteer, name: str, near: tuple[float, float]
) -> None:
    found = [c.index for c in gaz.lookup(name, loose=False) if gaz.country_code(c.index) == "SS"]
    assert found, name
    assert min(haversine_km(float(gaz.lat[i]), float(gaz.lon[i]), *near) for i in found) < 5.0


def test_an_event_in_a_county_headquarters_is_placed_at_the_town(top_event: TopEvent) -> None:
    event = top_event("Soldiers and rebels clashed in Melut on Tuesday; five soldiers were killed.")
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "SS"
    assert location.lat is not None and location.lon is not None
    assert haversine_km(location.lat, location.lon, 10.44, 32.20) < 25.0


def test_an_event_named_by_its_county_is_placed_at_the_headquarters(top_event: TopEvent) -> None:
    event = top_event("Gunmen killed four herders in Maban County on Sunday.")
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "SS"
    assert location.lat is not None and location.lon is not None
    assert haversine_km(location.lat, location.lon, 9.99, 33.73) < 25.0


def test_a_town_once_read_abroad_is_now_read_at_home(top_event: TopEvent) -> None:
    # "Pochalla" was a loose spelling of a town in Vietnam
    event = top_event("Unknown attackers shot dead three traders in Pochalla.")
    assert event is not None and event.location is not None
    assert event.location.country == "SS"


# Ethiopia's zones (data/gazetteer/supplement_et.csv): reports name the zone when the
# village is unknown, and the region's point is 100-300 km from most of them.


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Central Tigray", (14.12, 38.72)),  # at Axum
        ("Eastern Tigray", (14.28, 39.46)),  # at Adigrat
        ("East Wollega", (9.08, 36.55)),  # a spelling of East Wellega, at Nekemte
        ("West Harerghe", (9.08, 40.87)),  # at Chiro
        ("North Wello", (11.83, 39.60)),  # at Woldia
    ],
)
def test_ethiopian_zones_are_at_their_seats(
    gaz: Gazetteer, name: str, near: tuple[float, float]
) -> None:
    found = [c.index for c in gaz.lookup(name, loose=False) if gaz.country_code(c.index) == "ET"]
    assert found, name
    assert min(haversine_km(float(gaz.lat[i]), float(gaz.lon[i]), *near) for i in found) < 5.0


def test_a_village_the_index_lacks_falls_to_its_zone_not_its_region(top_event: TopEvent) -> None:
    event = top_event(
        "On 3 May 2021, soldiers shot dead two farmers in Gerebmeda village"
        " (Eastern Tigray, Tigray)."
    )
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "ET"
    assert location.lat is not None and location.lon is not None
    # Adigrat, not Mekelle (the region's point, 90 km south)
    assert haversine_km(location.lat, location.lon, 14.28, 39.46) < 25.0


def test_people_named_like_a_zone_are_not_a_zone(gaz: Gazetteer) -> None:
    # Arsi, Guji and Borena are peoples too: only "X Zone" names the zone
    for people in ("Guji", "Borena"):
        assert not any(
            gaz.name(c.index).endswith("Zone") for c in gaz.lookup(people, loose=False)
        ), people


# Somalia's district towns under their Somali spelling (supplement_so.csv) and Benin's
# communes the index lacked (supplement_bj.csv).


@pytest.mark.parametrize(
    ("name", "country", "near"),
    [
        ("Baydhaba", "SO", (3.11, 43.65)),  # the Somali name joins Baidoa's row
        ("Belet Xaawo", "SO", (3.93, 41.88)),  # joins Beled Hawo
        ("Ceel Afweyn", "SO", (9.93, 47.22)),
        ("Karimama", "BJ", (12.07, 3.18)),
    ],
)
def test_district_towns_under_the_spelling_reports_use(
    gaz: Gazetteer, name: str, country: str, near: tuple[float, float]
) -> None:
    found = [c.index for c in gaz.lookup(name, loose=False) if gaz.country_code(c.index) == country]
    assert found, name
    assert min(haversine_km(float(gaz.lat[i]), float(gaz.lon[i]), *near) for i in found) < 5.0


def test_a_somali_spelling_joins_the_town_already_there(gaz: Gazetteer) -> None:
    # one row answers to both names: the supplement adds a spelling, not a second Baidoa
    assert {c.index for c in gaz.lookup("Baydhaba", loose=False)} == {
        c.index for c in gaz.lookup("Baidoa", loose=False) if gaz.country_code(c.index) == "SO"
    }


def test_a_hamlet_of_a_commune_the_index_lacked_falls_to_the_commune(
    top_event: TopEvent,
) -> None:
    event = top_event(
        "On 2 March 2022, gunmen abducted a herder in Tondikoara (Karimama, Alibori)."
    )
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "BJ"
    assert location.lat is not None and location.lon is not None
    assert haversine_km(location.lat, location.lon, 12.07, 3.18) < 25.0


# Indonesia's regencies named by a compass word (supplement_id.csv), in English and in
# Indonesian.


@pytest.mark.parametrize(
    ("english", "indonesian", "near"),
    [
        ("West Aceh", "Aceh Barat", (4.14, 96.13)),  # at Meulaboh
        ("South Hulu Sungai", "Hulu Sungai Selatan", (-2.78, 115.27)),  # at Kandangan
        ("Southeast Minahasa", "Minahasa Tenggara", (1.05, 124.72)),  # at Ratahan
    ],
)
def test_compass_named_regencies_answer_to_both_languages(
    gaz: Gazetteer, english: str, indonesian: str, near: tuple[float, float]
) -> None:
    for name in (english, indonesian):
        found = [
            c.index for c in gaz.lookup(name, loose=False) if gaz.country_code(c.index) == "ID"
        ]
        assert found, name
        assert min(haversine_km(float(gaz.lat[i]), float(gaz.lon[i]), *near) for i in found) < 5


def test_a_protest_in_a_regency_sub_district_is_at_the_regency_seat(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 June 2020, fishermen held a peaceful protest in Blang Keumala Baro sub-district,"
        " West Aceh Regency, Aceh province, over fuel quotas."
    )
    assert event is not None and event.location is not None
    location = event.location
    assert location.country == "ID"
    assert location.lat is not None and location.lon is not None
    # Meulaboh, not the province's point at Banda Aceh (250 km north)
    assert haversine_km(location.lat, location.lon, 4.14, 96.13) < 25.0
