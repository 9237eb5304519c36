"""Issue 18, twelfth pass (helper h18k): wordings that kept one incident's reports apart.

Own sentences and places: a region whose name holds "and" before a possessive ("Jammu and
Kashmir's Kupwara district"); a crowd word read as the doer while the sentence names the
armed doer ("people died when gunmen stormed a bar", "a suicide bomber blew himself up as
workers queued"); a report placed at a district the gazetteer knows only as an area and
another at a town with an id in the same province; a new province the gazetteer files as
an area of its own while its towns carry the province it was split from.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from conftest import TopEvent
from eventwire.dedup.actors import one_state
from eventwire.dedup.placewords import district_reference
from eventwire.dedup.report import same_admin1, split_province
from eventwire.dedup.rules import ReportEvent
from test_dedup_rules import day_report, linked  # similarity both ways, asserted symmetric

FRIDAY = date(2026, 5, 8)
TOWN = {"location_name": "Buluan", "geonameid": 7, "lat": 6.72, "lon": 124.78,
        "admin1": "Autonomous Region in Muslim Mindanao", "country": "PH",
        "geo_precision": 1}  # fmt: skip
BOMB = {"plover_mode": "explosives", "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Remote explosive/landmine/IED", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3,
        "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians",
        "actor2_inter": 7}  # fmt: skip


def event(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, FRIDAY, {"fatalities": 6}, BOMB, TOWN, **values)


# a district the gazetteer holds as an area of the same province: no GeoNames id
DISTRICT = {"location_name": "Sultan Kudarat", "geonameid": None, "lat": 6.55, "lon": 124.6,
            "geo_precision": 2}  # fmt: skip


def test_a_town_and_a_district_known_only_as_an_area_may_be_one_place() -> None:
    """ "A bomb went off at the bus terminal in Buluan on Friday, killing six" and "Six
    people died when a bomb exploded at a terminal in the southern province of Sultan
    Kudarat on Friday": the district is an area (no id), 27 km from the town, one province."""
    town, area = event("a", "d1"), event("b", "d2", **DISTRICT)
    assert district_reference(town, area) == district_reference(area, town)
    assert district_reference(town, area) is not None
    assert linked(town, area)


def test_two_towns_or_a_district_of_another_province_stay_apart() -> None:
    """Guard: two towns with ids are two named places; a district of another province, or
    one 200 km away, does not hold the town."""
    other_town = event("b", "d2", location_name="Isulan", geonameid=8, lat=6.63, lon=124.6)
    assert district_reference(event("a", "d1"), other_town) is None
    assert not linked(event("a", "d1"), other_town)
    far = event("b", "d2", **{**DISTRICT, "lat": 8.3, "lon": 125.9})
    assert not linked(event("a", "d1"), far)
    abroad = event("b", "d2", **{**DISTRICT, "admin1": "Soccsksargen"})
    assert not linked(event("a", "d1"), abroad)


# Ituri as the index files it (its own province, no id) and a town of the old Eastern
# Province 110 km from its point (invented name)
ITURI = {"location_name": "Ituri", "geonameid": None, "lat": 1.83, "lon": 29.5,
         "admin1": "Ituri", "country": "CD", "geo_precision": 2}  # fmt: skip
OLD_TOWN = {"location_name": "Kandoyi", "geonameid": 9, "lat": 1.9, "lon": 30.5,
            "admin1": "Eastern Province", "country": "CD", "geo_precision": 1}  # fmt: skip


def test_a_new_province_holds_a_town_filed_under_the_province_it_was_split_from() -> None:
    """ "Militiamen killed 20 people at a displacement camp in Kandoyi on Sunday" (the town
    filed under Eastern Province) and "Militia fighters killed 20 people at a camp in
    northeastern Congo's Ituri province on Sunday" (Ituri, its own area): one province, and
    the province holds the town although its point lies 110 km away."""
    town, area = event("a", "d1", **OLD_TOWN), event("b", "d2", **ITURI)
    assert split_province(area) and not split_province(town)
    assert same_admin1(town, area) and same_admin1(area, town)
    assert linked(town, area)
    # a claim that gives no toll: the province holds the town, not only a like toll
    assert linked(event("c", "d3", **OLD_TOWN, fatalities=None), area)


def test_a_split_province_holds_no_town_of_another_old_province() -> None:
    """Guard: a town of Nord Kivu is not in Ituri; a split listed for one country is none
    for a province of that name abroad."""
    kivu = event("a", "d1", **{**OLD_TOWN, "admin1": "Nord Kivu"})
    assert not same_admin1(kivu, event("b", "d2", **ITURI))
    assert not linked(kivu, event("b", "d2", **ITURI))
    abroad = {**OLD_TOWN, "country": "UG"}
    assert not same_admin1(
        event("a", "d1", **abroad), event("b", "d2", **{**ITURI, "country": "UG"})
    )


def test_a_region_named_with_and_before_a_possessive_is_one_name(top_event: TopEvent) -> None:
    """ "Jammu and Kashmir's Kupwara district": the name is the whole region, not Jammu city
    (the first of its words) with a stray "Kashmir"; the same for a country's name."""
    e = top_event(
        "Four soldiers were killed when militants ambushed their patrol in Jammu and "
        "Kashmir's Kupwara district on Friday."
    )
    assert e is not None and e.location is not None
    assert e.location.name != "Jammu"
    e = top_event("Gunmen shot dead three fishermen in Trinidad and Tobago's Mayaro on Friday.")
    assert e is not None and e.location is not None
    assert e.location.country == "TT"
    assert e.location.name != "Tobago"


def test_two_places_joined_by_and_stay_two(top_event: TopEvent) -> None:
    """Guard: "Gao and Timbuktu" is no one name; the first town is still read."""
    e = top_event("Jihadists shelled Gao and Timbuktu on Friday, killing four civilians.")
    assert e is not None and e.location is not None
    assert e.location.name == "Gao"


def test_a_crowd_word_beside_the_armed_doer_is_no_rioter(top_event: TopEvent) -> None:
    """ "A dozen people died when armed men stormed a bar" and "a suicide bomber blew himself
    up at a bus station as factory workers waited": the doer is the armed men or the bomber,
    not the people or the workers (who would make the act a riot's)."""
    e = top_event("A dozen people died when armed men stormed a bar in Kano on Friday.")
    assert e is not None and e.actor1 is not None
    assert e.actor1.name != "Rioters" and e.actor1.inter in (2, 3)
    e = top_event(
        "A suicide bomber blew himself up at a bus station in Kandahar on Friday morning as "
        "factory workers waited for buses, killing seven people."
    )
    assert e is not None and e.actor1 is not None
    assert e.actor1.name != "Rioters" and e.actor1.inter in (2, 3)


def test_a_crowd_attacking_with_police_named_is_still_rioters(top_event: TopEvent) -> None:
    """Guard: "Police fired gunshots on youths that attacked elders at a funeral": the
    police act on the crowd; the youths who attacked are rioters, not the police."""
    e = top_event(
        "Police fired gunshots on youths that attacked elders at a funeral in Yendi on Monday."
    )
    assert e is not None and e.actor1 is not None
    assert e.actor1.inter == 5


STRIKE = {"plover_mode": "aerial", "acled_event_type": "Explosions/Remote violence",
          "acled_sub_event_type": "Air/drone strike", "trigger_text": "air strike",
          "actor1_id": "IL-MIL", "actor1_name": "Military Forces of Israel",
          "actor1_inter": 8}  # fmt: skip
BARE = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "trigger_text": "strike", "actor1_id": "IL-GOV",
        "actor1_name": "Government of Israel", "actor1_inter": 1}  # fmt: skip
GAZA = {"location_name": "Deir al-Balah", "geonameid": 11, "lat": 31.42, "lon": 34.35,
        "admin1": "Gaza Strip", "country": "PS"}  # fmt: skip


def test_a_bare_strike_by_a_state_is_its_militarys_air_strike() -> None:
    """ "An Israeli air strike on a school in Deir al-Balah killed six people on Friday" and
    "Six displaced people died when an Israeli strike hit a school in central Gaza on
    Friday": a "strike" that names no weapon (read as a killing) is no other kind of act
    than the air strike, and Israel's government and its military are one state's side."""
    air = event("a", "d1", **STRIKE, **GAZA)
    bare = event("b", "d2", **BARE, **{**GAZA, "geo_precision": 3, "location_name": "Gaza Strip",
                                         "geonameid": None})  # fmt: skip
    assert one_state("id:IL-GOV", "id:IL-MIL") and one_state("id:IL-MIL", "id:IL-GOV")
    assert linked(air, bare)


def test_another_state_or_its_police_or_a_shooting_stays_apart() -> None:
    """Guard: a government and another country's military, a military and its own police,
    are two actors; "soldiers shot dead six people" names a weapon, so it is no air strike."""
    assert not one_state("id:IL-GOV", "id:SY-MIL")
    assert not one_state("id:IL-MIL", "id:IL-POL")
    air = event("a", "d1", **STRIKE, **GAZA)
    assert not linked(air, event("b", "d2", **{**BARE, "actor1_id": "SY-MIL"}, **GAZA))
    shot = event("b", "d2", **{**BARE, "trigger_text": "shot dead", "plover_mode": "firearms"},
                 **GAZA)  # fmt: skip
    assert not linked(air, shot)
