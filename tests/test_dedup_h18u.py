"""Issue 18, twentieth pass (helper h18u): a clock time as the part of the day ("at around
9 pm" / "on Saturday morning"); a region named by the province a regency was split from
(Indonesia's Papua provinces); the dead named by their nation ("three Palestinians") against
another outlet's gunmen; the attacker named after "blaming"; two reports the geocoder placed
nowhere that name one place word.

Own sentences and invented places (Sanvo, Lembah Sari, Tarwan): each rule with a guard.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from conftest import multi_outlet_groups
from eventwire.dedup.actors import roles, unarmed_dead
from eventwire.dedup.clock import clock_part, hours_apart
from eventwire.dedup.daytime import time_of_day
from eventwire.dedup.nights import overnight, parts_clash
from eventwire.dedup.report import same_admin1
from eventwire.dedup.rules import ReportEvent
from eventwire.dedup.sites import sites_differ
from eventwire.dedup.victimwords import blamed, national_victims, place_as_side
from eventwire.records import Document
from test_dedup_rules import day_report, linked

SATURDAY = date(2028, 6, 10)
TOWN = {"location_name": "Sanvo", "geonameid": 71, "lat": 15.5, "lon": -88.0,
        "admin1": "Corta", "country": "XX", "geo_precision": 1}  # fmt: skip
SHOT = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "Gunmen",
        "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
        "actor2_text": "a trader", "fatalities": 1,
        "fatalities_text": "shot dead a trader"}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, SATURDAY, TOWN, *defaults, **values)


# --- a clock time names the part of the day ---------------------------------------------


def test_a_clock_time_names_its_part_of_the_day() -> None:
    assert clock_part("opened fire at around 9 pm on Saturday") == 3
    assert clock_part("a blast at 7:30 a.m. near the market") == 0
    assert clock_part("the attack began at 14:30 local time") == 1
    assert clock_part("gunmen struck at 6.15 pm") == 2
    # the small hours, two parts, and numbers that are no time name no part
    assert clock_part("at 2 am on Sunday") is None
    assert clock_part("a blast at 10 am and another at 5 pm") is None
    assert clock_part("killing 9 people and wounding 12") is None


def test_a_morning_killing_and_one_at_9_pm_are_two_incidents() -> None:
    morning = event("a", "d1", SHOT, date_text="on Saturday morning",
                    sentence="A trader was shot dead in Sanvo on Saturday morning.")  # fmt: skip
    night = "Gunmen shot dead a trader in Sanvo at around 9 pm on Saturday, police said."
    late = event("b", "d2", SHOT, date_text="on Saturday", sentence=night, source="Other")
    assert time_of_day(late) == 3
    assert not linked(morning, late)
    # the same report with no time of day joins the morning one
    plain = "Gunmen shot dead a trader in Sanvo on Saturday, police said."
    assert linked(morning, event("c", "d3", SHOT, date_text="on Saturday", sentence=plain))


def test_clock_times_hours_apart_are_two_incidents() -> None:
    assert hours_apart(10, 16, None) and hours_apart(10, None, 1)
    assert not hours_apart(10, 11, None) and not hours_apart(10, None, 0)
    told = "Gunmen killed four men at a car wash in Sanvo at about 10 a.m."
    ten = event("a", "d1", SHOT, date_text="on Wednesday", fatalities=4, sentence=told)
    four = "Hours later, at around 4 p.m., armed men shot dead three people in Sanvo."
    later = event("b", "d2", SHOT, sentence=four, fatalities=3, date_text=None)
    assert parts_clash(ten, later) and not linked(ten, later)
    # "on Wednesday afternoon" is far from 10 a.m.; "on Wednesday morning" is not
    noon = event("c", "d3", SHOT, date_text="on Wednesday afternoon", fatalities=4,
                 sentence="Four men were shot dead in Sanvo on Wednesday afternoon.")  # fmt: skip
    assert parts_clash(ten, noon)
    morning = event("d", "d4", SHOT, date_text="on Wednesday morning", fatalities=4,
                    sentence="Four men were shot dead in Sanvo on Wednesday morning.")  # fmt: skip
    assert not parts_clash(ten, morning) and linked(ten, morning)


def test_late_on_one_day_and_the_early_hours_of_the_next_are_one_night() -> None:
    sunday = event("a", "d1", SHOT, date_text="on Sunday", fatalities=5,
                   date_start=date(2028, 6, 11), date_end=date(2028, 6, 11),
                   sentence="Gunmen opened fire at a shrine in Sanvo late on Sunday.")  # fmt: skip
    monday = event("b", "d2", SHOT, date_text="Monday", fatalities=5,
                   date_start=date(2028, 6, 12), date_end=date(2028, 6, 12),
                   sentence="Five people were shot dead at a shrine in Sanvo in the early "
                   "hours of Monday.")  # fmt: skip
    assert overnight(sunday, monday) is not None
    assert linked(sunday, monday)
    # Sunday morning and the small hours of Monday are a day apart
    told = "Gunmen opened fire at a shrine in Sanvo on Sunday morning."
    morning = event("c", "d3", SHOT, date_text="on Sunday morning", fatalities=5,
                    date_start=date(2028, 6, 11), date_end=date(2028, 6, 11),
                    sentence=told)  # fmt: skip
    assert overnight(morning, monday) is None and not linked(morning, monday)


def test_a_hotel_and_a_police_station_are_two_sites() -> None:
    hotel = event("a", "d1", SHOT, sentence="A car bomb exploded outside a hotel in Sanvo.")
    police = event("b", "d2", SHOT, sentence="A grenade hit a police station in Sanvo.")
    assert sites_differ(hotel, police) == "a hotel / a police station"
    camp = event("c", "d3", SHOT, sentence="Rebels attacked an army camp in Sanvo.")
    assert sites_differ(police, camp) is None  # security sites are one kind
    both = event("d", "d4", SHOT, sentence="A bomb hit a hotel near the police station.")
    assert sites_differ(hotel, both) is None


def test_a_place_read_as_a_side_contradicts_no_side() -> None:
    assert place_as_side("Xland's western Corta state")
    assert not place_as_side("Islamic State") and not place_as_side("the state")
    shells = {"plover_mode": "artillery", "acled_event_type": "Explosions/Remote violence",
              "acled_sub_event_type": "Shelling/artillery/missile attack",
              "fatalities": 4}  # fmt: skip
    read = event("a", "d1", SHOT, shells, actor1_id="XX-MIL", actor1_inter=1,
                 actor1_name="Military Forces of Xland", actor1_text="Xland's western Corta state",
                 actor2_text="Four civilians")  # fmt: skip
    rebels = event("b", "d2", SHOT, shells, REBELS, actor2_text="four residents")
    assert linked(read, rebels)
    troops = event("c", "d3", SHOT, shells, actor1_id="XX-MIL", actor1_inter=1,
                   actor1_name="Military Forces of Xland", actor1_text="Xlandi troops",
                   actor2_text="Four civilians")  # fmt: skip
    assert not linked(troops, rebels)


# --- a regency filed under a province split from the one a report names -----------------

PAPUA = {"location_name": "Papua", "geonameid": None, "lat": -4.0, "lon": 136.4,
         "admin1": "Papua", "country": "ID", "geo_precision": 3}  # fmt: skip
REGENCY = {"location_name": "Lembah Sari", "geonameid": None, "lat": -3.4, "lon": 136.7,
           "admin1": "Papua Tengah", "country": "ID", "geo_precision": 1}  # fmt: skip


def test_a_regency_of_a_new_papua_province_lies_in_papua() -> None:
    region = event("a", "d1", SHOT, PAPUA, actor2_text="Two labourers", fatalities=2)
    regency = event("b", "d2", SHOT, REGENCY, actor2_text="two workers", fatalities=2)
    assert same_admin1(region, regency)
    assert linked(region, regency)
    # a province that is no successor of Papua stays another province
    maluku = event("c", "d3", SHOT, REGENCY, admin1="Maluku", actor2_text="two workers")
    assert not same_admin1(region, maluku)
    assert not linked(region, maluku)


# --- the dead named by their nation -------------------------------------------------------

FORCES = {"actor1_id": "XX-MIL", "actor1_name": "Military Forces of Xland", "actor1_inter": 1,
          "actor1_text": "Xlandi troops", "fatalities": 3}  # fmt: skip
FIREFIGHT = {"plover_mode": "clash", "acled_event_type": "Battles",
             "acled_sub_event_type": "Armed clash", "actor2_id": "GEN-UAG",
             "actor2_name": "Unidentified Armed Group", "actor2_inter": 3,
             "actor2_text": "three gunmen"}  # fmt: skip


def test_the_dead_named_by_their_nation_may_be_the_other_outlets_gunmen() -> None:
    assert national_victims("three Palestinians") and national_victims("two Afghans")
    assert not national_victims("three Palestinian gunmen")
    raid = event("a", "d1", SHOT, FORCES, actor2_text="three Palestinians")
    fight = event("b", "d2", FIREFIGHT, FORCES, source="Other Wire")
    assert linked(raid, fight)
    # victims the report calls civilians are no gunmen
    assert not linked(event("c", "d3", SHOT, FORCES, actor2_text="three civilians"), fight)


# --- the attacker named after "blaming" --------------------------------------------------

REBELS = {"actor1_id": "XX-REB", "actor1_name": "Xland Rebels", "actor1_inter": 2,
          "actor1_text": "Rebel fighters", "actor2_text": "a boy"}  # fmt: skip


def test_the_side_named_after_blaming_is_the_attacker() -> None:
    told = "A boy was shot dead in Sanvo on Saturday, officials said, blaming the rebels."
    assert blamed("the rebels", told)
    assert blamed("a drug cartel", "killed in an attack police blamed on a drug cartel")
    assert not blamed("The rebels", "The rebels blamed the army for the killing.")
    fields = {"actor1_text": "sniper fire", "actor2_id": "XX-REB", "actor2_name": "Xland Rebels",
              "actor2_inter": 2, "actor2_text": "the rebels"}  # fmt: skip
    blame = event("a", "d1", SHOT, fields, sentence=told)
    assert roles(blame)[0][0] == "id:XX-REB"
    rebels = event("b", "d2", SHOT, REBELS, source="Other Wire")
    assert linked(blame, rebels)
    # the rebels as the report's victims (no blame) are not the other report's attackers
    victims = event("c", "d3", SHOT, fields, sentence="Gunmen shot dead the rebels in Sanvo.")
    assert not linked(victims, rebels)


# --- the dead of a toll coded as an armed group -------------------------------------------

SHELLS = {"plover_mode": "artillery", "acled_event_type": "Explosions/Remote violence",
          "acled_sub_event_type": "Shelling/artillery/missile attack"}  # fmt: skip


def test_the_dead_of_a_toll_coded_as_an_armed_group_are_no_armed_victims() -> None:
    said = "The toll from Saturday's shelling of Sanvo rose to seven after a woman and her son died"
    dead = {"actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group",
            "actor1_inter": 3, "actor1_text": "a woman", "actor2_id": None, "actor2_name": None,
            "actor2_inter": None, "actor2_text": None, "fatalities": 2,
            "fatalities_text": "a woman and her son died"}  # fmt: skip
    update = event("a", "d1", SHELLS, dead, sentence=said, published=date(2028, 6, 11))
    assert unarmed_dead(update)
    told = "Xlandi troops shelled Sanvo on Saturday, killing five civilians."
    lead = event("b", "d2", SHOT, SHELLS, FORCES, actor2_text="five civilians", fatalities=5,
                 fatalities_text="killing five civilians", sentence=told)  # fmt: skip
    assert linked(update, lead)
    # dead the toll calls militants are armed victims: no civilians of another report
    fighters = event("c", "d3", SHELLS, dead, actor1_text="two militants",
                     fatalities_text="two militants died",
                     sentence="Two militants died")  # fmt: skip
    assert not unarmed_dead(fighters)
    assert not linked(fighters, lead)


# --- two reports placed nowhere that name one place word ---------------------------------

NOWHERE = {"location_name": None, "geonameid": None, "lat": None, "lon": None, "admin1": None,
           "country": None, "geo_precision": None, "place_fallback": None}  # fmt: skip


def test_two_reports_placed_nowhere_that_name_one_place_word() -> None:
    lead = event("a", "d1", SHOT, NOWHERE, actor2_text="16 travellers", fatalities=16,
                 sentence="Gunmen fired on a convoy in the Tarwan district on Saturday, "
                 "killing 16 travellers.")  # fmt: skip
    update = event(
        "b", "d2", SHOT, NOWHERE, actor2_text="", fatalities=23,
        published=date(2028, 6, 11), source="Other Wire",
        fatalities_text="death toll from Saturday's convoy ambush in Tarwan has risen to 23",
        sentence="The death toll from Saturday's convoy ambush in Tarwan has risen to 23.",
    )  # fmt: skip
    assert linked(lead, update)
    other = "The death toll from Saturday's convoy ambush in Meluk has risen to 23."
    assert not linked(lead, event("c", "d3", SHOT, NOWHERE, actor2_text="", fatalities=23,
                                  published=date(2028, 6, 11), sentence=other))  # fmt: skip


# --- dev set af, through the whole pipeline ----------------------------------------------


def test_set_af_incidents_stay_apart(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "af")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    for pair in (
        {"pp-0606-intanjaya", "jg-0606-intanjaya"},  # Papua Tengah / Papua
        {"wb-0613-jenin", "jl-0613-jenin"},  # three Palestinians / three gunmen
        {"sp-0611-sps-pitch", "tg-0611-sps-pitch"},  # the pitch at 9 pm, not the bus at dawn
        {"pa-0614-kurram", "pa-0615-kurram-toll"},  # both placed nowhere, "Kurram"
    ):
        assert any(pair <= members for members in groups), pair


def test_set_ag_incidents_stay_apart(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ag")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    # the toll update whose words name two of the dead joins both outlets' reports
    pair = {"id-0708-ariha", "sy-0708-ariha", "id-0709-ariha-toll"}
    assert any(pair <= members for members in groups)


def test_set_ah_hard_negatives_stay_apart(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ah")
    for members in groups:  # Culiacan's two shootings of one day share one wrong record
        if "nm-0810-culiacan-pm" not in members:
            assert len({incident[s] for s in members}) == 1, members
    for pair in (
        {"hs-0803-kismayo", "jw-0803-kismayo", "hs-0804-kismayo-toll"},  # not the grenade
        {"kz-0807-kandahar", "aw-0807-kandahar"},  # late on Sunday / early hours of Monday
        {"rk-0813-sittwe", "mv-0814-sittwe", "rk-0814-sittwe-toll"},  # a state as a side
    ):
        assert any(pair <= members for members in groups), pair
    # the taco stand at 4 p.m. is not the car wash at 10 a.m.
    assert not any({"cs-0809-culiacan-am", "cs-0809-culiacan-pm"} <= m for m in groups)
