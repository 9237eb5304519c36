"""Places, default install (issue 17, helper h17ac): district seats the index lacked.

* Somalia's district seats that the index held under no spelling ("Adan Yabaal",
  "Badhaadhe", "Rab Dhuure", "Badhan") and Somali spellings of seats it held under another
  ("Xudun" for Hudun): ACLED's "Village (District, Region)" fell to the region's point
  (data/gazetteer/supplement_so.csv).
* Ghana's districts named apart from their capitals ("Asante Akim North", "Mfantsiman",
  "Kwahu West"; data/gazetteer/supplement_gh.csv), as rows at the capital's own index row:
  a village of such a district fell to the region's point or to the country.
* Darfur's displaced camps named by their own names ("Krinding", "Hassa Hissa"; the large
  camps beside El Geneina, Zalingei, Nyala, Kutum and Ed Daein): "Kereinding camp" was read
  as a loose spelling of a Ugandan town (data/gazetteer/supplement_sd.csv).
* "X Metropolis" (Ghana's metropolitan districts: "Sekondi-Takoradi Metropolis") is the
  city's area, as "X municipality" is: the whole run was looked up and found nothing, and
  "the Western Region" beside it was read as Uganda's (data/gazetteer/feature_words.yaml).

The example texts are our own writing.
"""

from __future__ import annotations

from conftest import TopEvent, located
from eventwire.pipeline.common.geo import haversine_km


def test_a_village_of_a_somali_district_the_index_lacked(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 4 May 2025, clan fighters clashed with Al Shabaab near a small village "
        "(Adan Yabaal, Middle Shabelle). Two fighters were killed.",
    )
    assert country == "SO"
    assert haversine_km(lat, lon, 3.75, 46.22) < 15.0  # the district seat, not the region


def test_a_village_of_a_district_in_lower_juba(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 9 June 2025, Al Shabaab gunmen robbed two herders close to Kudhaa village "
        "(Badhaadhe, Lower Juba).",
    )
    assert country == "SO"
    assert haversine_km(lat, lon, -0.99, 41.67) < 15.0


def test_a_somali_spelling_of_a_district_seat(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 2 July 2025, two sub-clan militias fought over a water point in Dhabar village "
        "(Xudun, Sool).",
    )
    assert country == "SO"
    assert haversine_km(lat, lon, 9.15, 47.48) < 15.0  # Hudun, not Sool's point


def test_a_ghanaian_district_named_apart_from_its_capital(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 14 August 2021, gold miners burnt an excavator in a village "
        "(Asante Akim North, Ashanti).",
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 6.80, -1.08) < 15.0  # at Agogo, not Ashanti's point


def test_a_ghanaian_district_of_one_word(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "On 3 March 2020, fishermen protested against a ban on light fishing at a landing "
        "beach (Mfantsiman, Central).",
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 5.21, -1.06) < 15.0  # at Saltpond


def test_a_capital_the_index_holds_is_still_itself(top_event: TopEvent) -> None:
    # the district rows sit at their capitals: the town keeps its own reading
    country, lat, lon = located(
        top_event, "Youths blocked the main road at Kasoa in protest against frequent accidents."
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 5.53, -0.42) < 10.0


def test_a_darfur_camp_in_its_local_spelling(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event, "Militiamen beat two women from Kereinding camp as they gathered firewood."
    )
    assert country == "SD"
    assert haversine_km(lat, lon, 13.45, 22.45) < 15.0  # beside El Geneina, not in Uganda


def test_a_city_told_as_a_metropolis(top_event: TopEvent) -> None:
    country, lat, lon = located(
        top_event,
        "Teachers of the Western Region marched through the Sekondi-Takoradi Metropolis "
        "over unpaid allowances.",
    )
    assert country == "GH"
    assert haversine_km(lat, lon, 4.93, -1.76) < 15.0
