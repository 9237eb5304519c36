"""Issue 18, twenty-second pass (helper h18w): a toll a source revised is read from its
sentence (the latest toll, up or down, and the revision's day is no incident day); a bare
namesake town ("Tripoli": Libya's or Lebanon's) is no country evidence; the group named
after "blaming" is the attacker of a report that names none.

Own sentences and invented places (Korla, Sanvo, Dastan) where the rule does not read the
gazetteer; the namesake rule reads its listed towns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from conftest import VIOLENT_MODES, canonical, multi_outlet_groups
from eventwire.config import DedupOptions
from eventwire.datafiles import words
from eventwire.dedup.blamednames import blamed_name
from eventwire.dedup.namesakes import bare_namesake, namesake_place
from eventwire.dedup.report import country_evidence
from eventwire.dedup.revisions import fill_revised_tolls, revised_toll
from eventwire.dedup.rules import ReportEvent
from eventwire.dedup.tolls import is_update, toll_link
from eventwire.records import Document
from test_dedup_rules import day_report, linked

WEDNESDAY = date(2029, 3, 7)
KORLA = {"location_name": "Korla", "geonameid": 91, "lat": 12.1, "lon": 30.2,
         "admin1": "Vetra", "country": "SD", "geo_precision": 1}  # fmt: skip
RAID = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "Gunmen",
        "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
        "actor2_text": "villagers", "fatalities": 14,
        "fatalities_text": "killing 14 villagers"}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, WEDNESDAY, KORLA, *defaults, **values)


# --- a revised toll --------------------------------------------------------------------------


def test_a_revised_toll_is_read_from_its_sentence() -> None:
    assert revised_toll("Medics raised the death toll from the raid on Korla to 20 on Friday.")[
        0
    ] == 20  # fmt: skip
    assert revised_toll("Officials revised the number of dead in Korla down to nine.")[0] == 9
    # guards: no toll noun, no number after "to", an ordinary rise told by the casualty stage
    assert revised_toll("Gunmen raised their flag over Korla and killed four people.") is None
    assert revised_toll("Officials raised the toll, taking the wounded to a hospital.") is None
    assert revised_toll("The toll from the raid on Korla rose to 20.") is None


def test_the_revised_toll_is_the_reports_toll_and_an_update() -> None:
    first = event("a", "d1", RAID, sentence="Gunmen killed 14 villagers in Korla on Wednesday.")
    later = event("b", "d2", RAID, published=WEDNESDAY + timedelta(days=1), fatalities=3,
                  fatalities_text="three wounded men died", actor1_text=None,
                  sentence="Health officials raised the death toll from Wednesday's raid on "
                  "Korla to 20 on Thursday after three wounded men died.")  # fmt: skip
    fill_revised_tolls([first, later])
    assert later.fatalities == 20 and is_update(later)
    assert first.fatalities == 14  # a sentence with no revision keeps its toll
    assert linked(first, later)


def test_a_toll_revised_down_is_one_incident() -> None:
    opts = DedupOptions()
    first = event("a", "d1", RAID, fatalities=40, fatalities_text="killing 40 villagers")
    down = event("b", "d2", RAID, published=WEDNESDAY + timedelta(days=3), actor1_text=None,
                 sentence="Authorities revised the toll from Wednesday's raid on Korla down "
                 "to 12, saying some of the dead had been counted twice.")  # fmt: skip
    fill_revised_tolls([down])
    assert down.fatalities == 12
    found = toll_link(first, down, opts)
    assert found is not None and found[0] >= 0.8
    assert linked(first, down)
    # guard: a later, far lower count with no revision words is another incident
    lower = event("c", "d3", RAID, published=WEDNESDAY + timedelta(days=3), fatalities=12,
                  fatalities_text="killing 12 villagers")  # fmt: skip
    assert toll_link(first, lower, opts) is None


def test_the_revision_day_is_no_incident_day() -> None:
    first = event("a", "d1", RAID, sentence="Gunmen killed 14 villagers in Korla on Wednesday.")
    saturday = WEDNESDAY + timedelta(days=3)
    revision = event("b", "d2", RAID, date_start=saturday, date_end=saturday,
                     published=saturday, date_text="on Saturday", actor1_text=None,
                     sentence="Officials revised the toll from the raid on Korla down to "
                     "11 on Saturday.")  # fmt: skip
    fill_revised_tolls([revision])
    assert revision.date_in_toll and revision.date_start < WEDNESDAY
    assert linked(first, revision)
    # guard: the incident's own day named before the revision keeps the event's day
    own = event("c", "d3", RAID, date_text="Wednesday", actor1_text=None,
                sentence="Officials revised the toll from Wednesday's raid on Korla down "
                "to 11 on Saturday.")  # fmt: skip
    fill_revised_tolls([own])
    assert own.date_start == WEDNESDAY and not own.date_in_toll


# --- a bare namesake town ---------------------------------------------------------------------

TRIPOLI_LY = {"location_name": "Tripoli", "geonameid": 2210247, "lat": 32.89, "lon": 13.19,
              "admin1": "Tripoli", "country": "LY", "geo_precision": 1}  # fmt: skip
DISTRICT_LB = {"location_name": "Qobbe", "geonameid": 5001, "lat": 34.44, "lon": 35.85,
               "admin1": "Liban-Nord", "country": "LB", "geo_precision": 1}  # fmt: skip
FIGHT = {"plover_mode": "clash", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor1_id": "GEN-UAG",
         "actor1_name": "Unidentified Armed Group", "actor1_inter": 3,
         "actor1_text": "gunmen", "fatalities": 5,
         "fatalities_text": "Five people were killed"}  # fmt: skip


def test_a_bare_namesake_town_is_no_country() -> None:
    assert "LY:Tripoli|LB:Tripoli" in words("dedup", "namesake_towns")
    bare = event("a", "d1", FIGHT, TRIPOLI_LY,
                 sentence="Five people were killed when gunmen fought in Tripoli.")  # fmt: skip
    district = event("b", "d2", FIGHT, DISTRICT_LB, actor1_text="rival gunmen",
                     sentence="Soldiers deployed in the Qobbe quarter of the city of Tripoli "
                     "after rival gunmen left five dead.")  # fmt: skip
    assert bare_namesake(bare) == frozenset({"LB"}) and country_evidence(bare) is None
    assert linked(bare, district)
    # guard: a sentence that names Libya is Libya's Tripoli
    told = event("c", "d3", FIGHT, TRIPOLI_LY,
                 sentence="Five died in clashes in the Libyan capital Tripoli.")  # fmt: skip
    assert not bare_namesake(told) and not linked(told, district)


def test_a_bare_namesake_is_no_sure_match_of_a_named_one() -> None:
    bare = event("a", "d1", FIGHT, TRIPOLI_LY, sentence="Gunmen fought in Tripoli.")
    told = event("b", "d2", FIGHT, TRIPOLI_LY, sentence="Militias fought in Libya's Tripoli.")
    found = namesake_place(bare, told)
    assert found is not None and found[:2] == (0.5, False)
    # guard: two bare reports (or two that name Libya) are one place as before
    other = event("c", "d3", FIGHT, TRIPOLI_LY, sentence="Gunmen clashed in Tripoli.")
    assert namesake_place(bare, other) is None


# --- the group named after "blaming" ----------------------------------------------------------

SHELLS = {"plover_mode": "artillery", "acled_event_type": "Explosions/Remote violence",
          "acled_sub_event_type": "Shelling/artillery/missile attack",
          "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7}  # fmt: skip
# "Nine people, five of them children, were killed": no victims read, a toll of five
UNTOLD_VICTIMS = {"actor2_id": None, "actor2_name": None, "actor2_inter": None}


def test_the_group_named_after_blaming_is_the_attacker() -> None:
    assert blamed_name("Shells hit Sanvo, the army said, blaming R40 rebels.") == "R40"
    assert blamed_name("A bomb hit Sanvo, blaming the Dastan Front.") == "Dastan Front"
    assert blamed_name("A bomb hit Sanvo, officials said, blaming the rebels.") is None
    named = event("a", "d1", SHELLS, actor1_id="CD-R40", actor1_name="R40 Movement",
                  actor1_inter=2, actor1_text="the Dastan-backed R40 rebels", fatalities=9,
                  fatalities_text="killing nine people", location_name="Dastan",
                  geonameid=None, admin1=None, country="XD", geo_precision=3,
                  sentence="Shells fired by the Dastan-backed R40 rebels hit a camp outside "
                  "Korla, killing nine people.")  # fmt: skip
    blaming = event("b", "d2", SHELLS, UNTOLD_VICTIMS, actor1_id="GEN-UAG",
                    actor1_name="Unidentified Armed Group", actor1_inter=3, actor1_text="",
                    fatalities=5, fatalities_text="five of them children",
                    sentence="Nine people, five of them children, were killed when bombs hit a "
                    "camp near Korla, the army said, blaming R40.")  # fmt: skip
    assert linked(named, blaming)
    # guard: blaming another group names no match
    other = event("c", "d3", SHELLS, UNTOLD_VICTIMS, actor1_id="GEN-UAG",
                  actor1_name="Unidentified Armed Group",
                  actor1_inter=3, actor1_text="", fatalities=5, fatalities_text="five",
                  sentence="Five people were killed when bombs hit a camp near Korla, the "
                  "army said, blaming the Sanvo Front.")  # fmt: skip
    assert not linked(named, other)


# --- through the pipeline ---------------------------------------------------------------------


def test_set_am_incidents(run_text: Callable[..., Document]) -> None:
    groups, _incident = multi_outlet_groups(run_text, "am")
    for pair in (
        {"nn-0104-tripoli", "bd-0105-tripoli"},  # a bare Tripoli and Lebanon's Jabal Mohsen
        {"af-0105-kunduz", "rw-0106-kunduz-claim", "af-0108-kunduz-toll"},  # revised down
        {"kp-0101-tirah", "pw-0102-tirah", "kp-0102-tirah-toll"},  # raised to eight
    ):
        assert any(pair <= members for members in groups), pair
    libya = next(m for m in groups if "lo-0104-tripoli-ly" in m)
    assert libya == {"lo-0104-tripoli-ly"}


def test_the_latest_toll_wins_either_way(run_text: Callable[..., Document]) -> None:
    texts = [
        ("A bomb exploded at a mosque in Kunduz during Friday prayers, killing 12 worshippers, "
         "a police spokesman said.", "2029-03-02", "A"),
        ("Provincial officials revised the death toll from Friday's mosque bombing in Kunduz "
         "down to nine on Sunday.", "2029-03-04", "B"),
    ]  # fmt: skip
    docs = [run_text(t, published=p, source=s) for t, p, s in texts]
    for order in ([[0, 1]], [[0], [1]], [[1], [0]]):  # batch, and one report at a time
        records = [r for r in canonical(docs, order) if r["plover_mode"] in VIOLENT_MODES]
        assert len(records) == 1 and len(records[0]["reports"]) == 2, order
        assert records[0]["fatalities"]["best"] == 9, order


def test_a_bare_namesake_is_fetched_by_a_later_report(run_text: Callable[..., Document]) -> None:
    texts = [
        ("Five people were killed in a gunfight between rival gunmen in Tripoli on Tuesday, "
         "the state news agency said.", "2029-03-06", "A"),
        ("Troops deployed in the Bab al-Tabbaneh district of Tripoli on Wednesday after "
         "Tuesday's gunfight between rival gunmen left five dead.", "2029-03-07", "B"),
    ]  # fmt: skip
    docs = [run_text(t, published=p, source=s) for t, p, s in texts]
    for order in ([[0, 1]], [[0], [1]], [[1], [0]]):  # batch, and one report at a time
        records = [r for r in canonical(docs, order) if r["plover_mode"] in VIOLENT_MODES]
        assert len(records) == 1 and len(records[0]["reports"]) == 2, order


def test_a_place_owned_abroad_is_fetched_by_a_later_report(
    run_text: Callable[..., Document],
) -> None:
    texts = [
        ("Eleven dock workers were killed when warplanes bombed a warehouse in Yemen's western "
         "Red Sea port on Tuesday, medics said.", "2029-02-07", "A"),
        ("Air strikes hit a warehouse at the port in Mocha on Tuesday, killing 11 workers, "
         "port officials said.", "2029-02-07", "B"),
    ]  # fmt: skip
    docs = [run_text(t, published=p, source=s) for t, p, s in texts]
    for order in ([[0, 1]], [[0], [1]], [[1], [0]]):  # batch, and one report at a time
        records = [r for r in canonical(docs, order) if r["plover_mode"] in VIOLENT_MODES]
        assert len(records) == 1 and len(records[0]["reports"]) == 2, order
