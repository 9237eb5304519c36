"""Issue 18, seventeenth pass (helper h18q): a group the dictionary does not code, named by
its own words before "gunmen", against a coded rebel group; victims one outlet calls bare
"fighters" and the other names by their force; a site named after a homonym abroad ("the
Tamsa camp"); an area named with its kind word ("Korlo division") and a town in it.

Own sentences and invented places (Korlo, Bessam, Tamsa, Wadi Rumel): each rule with a
guard that keeps two incidents (or two actors) apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from conftest import multi_outlet_groups
from eventwire.dedup.actors import armed_name
from eventwire.dedup.areakinds import area_by_kind, kind_named_area
from eventwire.dedup.linkage import Cluster, cluster_events
from eventwire.dedup.merge import merge_record
from eventwire.dedup.namedsides import bare_noun
from eventwire.dedup.report import site_named
from eventwire.dedup.rules import ReportEvent
from eventwire.records import Document
from test_dedup_rules import day_report, linked

TUESDAY = date(2027, 11, 9)
CLASH = {"plover_mode": "clash", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor2_id": "PK-POL",
         "actor2_name": "Police Forces of Pakistan", "actor2_inter": 1,
         "actor2_text": "a police station", "fatalities": 4}  # fmt: skip
TOWN = {"location_name": "Bessam", "geonameid": 41, "lat": 33.0, "lon": 70.6,
        "admin1": "Khyber Pakhtunkhwa", "country": "PK", "geo_precision": 1}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, TUESDAY, CLASH, TOWN, *defaults, **values)


UNCODED = {"actor1_id": None, "actor1_name": "Bessam Valley Front Gunmen", "actor1_inter": 3,
           "actor1_text": "Bessam Valley Front gunmen"}  # fmt: skip
TTP = {"actor1_id": "PK-TTP", "actor1_name": "Tehrik-i-Taliban Pakistan", "actor1_inter": 2,
       "actor1_text": "the Pakistani Taliban"}  # fmt: skip


# --- an uncoded group named before an armed noun --------------------------------------------


def test_an_uncoded_group_of_gunmen_does_not_contradict_a_coded_rebel_group() -> None:
    # "Bessam Valley Front gunmen attacked a police station …" / "The Pakistani Taliban said
    # their fighters raided the police station …": the coder guessed the front's inter 3
    assert armed_name("n:bessam valley front gunmen", 3, False)
    assert linked(event("a", "d1", UNCODED), event("b", "d2", TTP))


def test_an_uncoded_group_still_contradicts_a_state_force_and_protesters() -> None:
    army = {"actor1_id": "PK-MIL", "actor1_name": "Military Forces of Pakistan",
            "actor1_inter": 1, "actor1_text": "soldiers"}  # fmt: skip
    assert not linked(event("a", "d1", UNCODED), event("b", "d2", army))
    vdp = {"actor1_id": "BF-VDP", "actor1_name": "Volunteers for the Defence of the Homeland",
           "actor1_inter": 3, "actor1_text": "defence volunteers"}  # fmt: skip
    rebel_name = {**UNCODED, "actor1_inter": 2}  # the state's militia is no rebel group
    assert not linked(event("a", "d1", rebel_name), event("b", "d2", vdp))
    assert not armed_name("n:bessam traders union", 3, False)  # no armed noun: a name
    assert not armed_name("n:gunmen", 3, False)  # one word: no name of its own
    assert not armed_name("id:PK-TTP", 2, True)


def test_an_uncoded_group_does_not_join_a_rebel_group_on_another_day() -> None:
    later = event("b", "d2", TTP, date_start=date(2027, 11, 11), date_end=date(2027, 11, 11),
                  published=date(2027, 11, 11))  # fmt: skip
    assert not linked(event("a", "d1", UNCODED), later)


# --- victims told as bare "fighters" and by their force's name ------------------------------

IED = {"plover_mode": "explosives", "acled_event_type": "Explosions/Remote violence",
       "acled_sub_event_type": "Remote explosive/landmine/IED", "actor1_id": "GEN-UAG",
       "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "",
       "fatalities": 3, "location_name": "Wadi Rumel", "geonameid": 52, "lat": 35.1,
       "lon": 44.4, "admin1": "Muhafazat Kirkuk", "country": "IQ"}  # fmt: skip
FIGHTERS = {"actor2_id": "GEN-REBELS", "actor2_name": "Opposition Rebels", "actor2_inter": 2,
            "actor2_text": "three fighters"}  # fmt: skip
HASHD = {"actor2_id": "IQ-PMF", "actor2_name": "Popular Mobilization Forces",
         "actor2_inter": 1, "actor2_text": "Three members of the Hashd al-Shaabi"}  # fmt: skip


def test_bare_fighters_in_a_sentence_naming_the_force_are_its_men() -> None:
    own = ("A roadside bomb struck a Popular Mobilisation Forces truck near Wadi Rumel on "
           "Tuesday, killing three fighters, officials said.")  # fmt: skip
    a = event("a", "d1", IED, FIGHTERS, sentence=own)
    b = event("b", "d2", IED, HASHD, sentence="Three members of the Hashd al-Shaabi died.")
    assert bare_noun("three fighters") and not bare_noun("three Peshmerga fighters")
    assert linked(a, b)


def test_bare_fighters_in_a_sentence_naming_no_force_stay_rebels() -> None:
    own = "A roadside bomb struck a truck near Wadi Rumel on Tuesday, killing three fighters."
    a = event("a", "d1", IED, FIGHTERS, sentence=own)
    b = event("b", "d2", IED, HASHD, sentence="Three members of the Hashd al-Shaabi died.")
    assert not linked(a, b)


# --- a site named after a place a homonym abroad shares -------------------------------------

CAMP = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "CD-CODECO", "actor1_name": "CODECO",
        "actor1_inter": 3, "actor1_text": "CODECO militiamen", "actor2_id": "GEN-CIVILIANS",
        "actor2_name": "Civilians", "actor2_inter": 7, "actor2_text": "19 displaced people",
        "fatalities": 19, "location_name": "Djugu", "geonameid": 217100, "lat": 1.92,
        "lon": 30.5, "admin1": "Ituri", "country": "CD", "geo_precision": 2,
        "sentence": ("CODECO militiamen attacked the Tamsa displacement camp near Djugu on "
                     "Friday night, killing 19 displaced people.")}  # fmt: skip
ABROAD = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
          "acled_sub_event_type": "Attack", "actor1_id": "GEN-UAG",
          "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "",
          "fatalities": 26, "fatalities_text": "has risen to 26", "location_name": "Tāmsa",
          "geonameid": 77, "lat": 24.5, "lon": 92.6, "admin1": "Assam", "country": "IN",
          "geo_precision": 2, "published": date(2027, 11, 11)}  # fmt: skip
UPDATE = "The toll from Tuesday night's attack on the Tamsa camp has risen to 26, officials said."


def test_an_update_placed_at_a_homonym_of_the_camp_abroad_joins_its_incident() -> None:
    lead = event("a", "d1", CAMP)
    update = event("b", "d2", ABROAD, sentence=UPDATE)
    assert site_named(update)
    assert linked(lead, update)


def test_a_town_named_by_itself_abroad_stays_apart() -> None:
    lead = event("a", "d1", CAMP)
    town = event("b", "d2", ABROAD, sentence="The toll from the attack in Tamsa has risen to 26.")
    assert not site_named(town)
    assert not linked(lead, town)


# --- an area named with its kind word and a town in it --------------------------------------

SEPARATISTS = {"actor1_id": "CM-AMBA", "actor1_name": "Ambazonian Separatists",
               "actor1_inter": 2, "actor1_text": "Anglophone separatists",
               "actor2_id": "CM-MIL", "actor2_name": "Military Forces of Cameroon",
               "actor2_inter": 1, "actor2_text": "four gendarmes",
               "admin1": "North-West Province", "country": "CM"}  # fmt: skip
AREA = {
    "location_name": "Korlo",
    "geonameid": 61,
    "lat": 5.98,
    "lon": 10.43,
    "sentence": "Anglophone separatists killed four gendarmes in Korlo division on Tuesday.",
}
SEAT = {
    "location_name": "Ndamu",
    "geonameid": 62,
    "lat": 6.05,
    "lon": 10.50,
    "sentence": "Separatist fighters killed four gendarmes at a checkpoint in Ndamu.",
}


def test_an_area_named_with_its_kind_word_holds_a_town_close_by() -> None:
    area, seat = event("a", "d1", SEPARATISTS, AREA), event("b", "d2", SEPARATISTS, SEAT)
    assert kind_named_area(area) == "division" and kind_named_area(seat) is None
    assert area_by_kind(area, seat) is not None
    assert linked(area, seat)
    # the canonical place is the town, not the area filed as a town
    record = merge_record(Cluster("c1", "k1", ["a", "b"], {"a": 0.7, "b": 0.7}), [area, seat])
    assert record.location is not None and record.location.name == "Ndamu"


def test_two_towns_named_by_themselves_stay_two() -> None:
    town = {**AREA, "sentence": "Anglophone separatists killed four gendarmes in Korlo."}
    assert not linked(event("a", "d1", SEPARATISTS, town), event("b", "d2", SEPARATISTS, SEAT))


def test_an_area_named_with_its_kind_word_far_from_the_town_stays_apart() -> None:
    far = {**SEAT, "lat": 6.6, "lon": 10.9}  # about 85 km
    assert not linked(event("a", "d1", SEPARATISTS, AREA), event("b", "d2", SEPARATISTS, far))


# --- dev set z, through the whole pipeline -------------------------------------------------


def test_set_z_each_incident_once(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "z")
    for members in groups:  # distinct incidents never merged
        assert len({incident[s] for s in members}) == 1, members
    for pair in (
        {"fs-1109-bannu", "pd-1109-bannu"},  # uncoded "… group gunmen" / the Pakistani Taliban
        {"cp-1113-guzman", "bo-1113-putumayo"},  # "Segunda Marquetalia gunmen" / FARC dissidents
        {"bg-1123-daquq", "mw-1124-kirkuk"},  # "three fighters" / the Hashd al-Shaabi
        {"ck-1120-lala", "ck-1122-lala"},  # the camp's update placed at a Lala in India
        {"cm-1201-ndop", "ca-1201-ngoketunjia"},  # the division and its seat
        {"hw-1206-afgoye", "sc-1207-afgoye"},  # the claim of three dead, not the night's raid
    ):
        assert any(pair <= members for members in groups), pair


# --- a claim dated by the day it was made, with the dead of one of two incidents ------------

MONDAY = date(2027, 12, 6)
TOWN_S = {"location_name": "Barire", "geonameid": 81, "lat": 2.1, "lon": 45.1,
          "admin1": "Lower Shabeelle", "country": "SO", "geo_precision": 1}  # fmt: skip
SHABAAB = {"actor1_id": "SO-SHABAAB", "actor1_name": "Al Shabaab", "actor1_inter": 2,
           "actor1_text": "Al-Shabaab fighters"}  # fmt: skip


def _monday(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    base = {"date_start": MONDAY, "date_end": MONDAY, "published": MONDAY}
    return day_report(event_id, doc_id, MONDAY, CLASH, TOWN_S, base, *defaults, **values)


def test_a_claim_dated_when_it_was_made_joins_the_incident_with_its_dead() -> None:
    shooting = _monday("a", "d1", fatalities=3, actor1_id="GEN-UAG",
                       actor1_name="Unidentified Armed Group", actor1_inter=3,
                       actor1_text="gunmen", date_text="on Monday morning")  # fmt: skip
    raid = _monday("b", "d2", SHABAAB, fatalities=6, date_text="late on Monday night",
                   published=MONDAY + timedelta(days=1))  # fmt: skip
    claim = _monday("c", "d3", SHABAAB, fatalities=3, actor1_text="its fighters",
                    date_start=MONDAY + timedelta(days=1), date_end=MONDAY + timedelta(days=1),
                    published=MONDAY + timedelta(days=1), statement_date=True,
                    date_text="on Tuesday")  # fmt: skip
    assert linked(claim, raid) and linked(claim, shooting) and not linked(shooting, raid)
    clusters = cluster_events([shooting, raid, claim])
    together = next(c.members for c in clusters if "c" in c.members)
    assert sorted(together) == ["a", "c"]  # the same three dead, not the night's raid
