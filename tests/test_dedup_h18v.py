"""Issue 18, twenty-first pass (helper h18v): the morning and the afternoon of one day told
in words are two incidents; a country named only as a patron ("the Iran-backed rebels") is
neither the incident's place nor a named side; the source that revised a toll ("Authorities
revised the toll") is no side; a district and its large city contradict nothing when one
report gives no toll.

Own sentences and invented places (Sanvo, Korla, Dastan): each rule with a guard.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

from conftest import VIOLENT_MODES, canonical, multi_outlet_groups
from eventwire.dedup.actors import roles
from eventwire.dedup.daytime import halves_apart
from eventwire.dedup.nights import parts_clash
from eventwire.dedup.patrons import patron_place, patron_side
from eventwire.dedup.report import country_evidence
from eventwire.dedup.revisers import reviser
from eventwire.dedup.rules import ReportEvent, compare
from eventwire.dedup.shortnames import short_name_abroad
from eventwire.records import Document
from test_dedup_rules import day_report, linked

MONDAY = date(2028, 10, 2)
TOWN = {"location_name": "Sanvo", "geonameid": 71, "lat": 15.5, "lon": 45.3,
        "admin1": "Corta", "country": "YE", "geo_precision": 1}  # fmt: skip
SHOT = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "Gunmen",
        "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
        "actor2_text": "four men", "fatalities": 4,
        "fatalities_text": "shot dead four men"}  # fmt: skip
MISSILE = {"plover_mode": "artillery", "acled_event_type": "Explosions/Remote violence",
           "acled_sub_event_type": "Shelling/artillery/missile attack",
           "actor1_id": None, "actor1_name": None, "actor1_inter": None, "actor1_text": None,
           "actor2_id": "YEM-MIL", "actor2_name": "Military Forces of Yemen",
           "actor2_inter": 1, "actor2_text": "six soldiers", "fatalities": 6,
           "fatalities_text": "killing six soldiers"}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, MONDAY, TOWN, *defaults, **values)


# --- the morning and the afternoon ----------------------------------------------------------


def test_the_morning_and_the_afternoon_in_words_are_two_incidents() -> None:
    morning = event("a", "d1", SHOT, date_text="on Monday morning",
                    sentence="Gunmen shot dead four men in Sanvo on Monday morning.")  # fmt: skip
    afternoon = event("b", "d2", SHOT, date_text="on Monday afternoon",
                      sentence="Four men were shot dead in Sanvo on Monday afternoon.")  # fmt: skip
    assert halves_apart(morning, afternoon) and parts_clash(morning, afternoon)
    assert not linked(morning, afternoon)
    # guards: the turn of the day may be told either way; the evening and the night stay one
    noon = event("c", "d3", SHOT, date_text="on Monday afternoon",
                 sentence="Four men were shot dead around noon on Monday afternoon.")  # fmt: skip
    assert not halves_apart(morning, noon) and linked(morning, noon)
    late = event("d", "d4", SHOT, date_text="on Monday",
                 sentence="Gunmen shot four men dead in Sanvo in the late morning.")  # fmt: skip
    assert linked(late, afternoon)
    evening = event("e", "d5", SHOT, date_text="on Monday evening", sentence="… Monday evening.")
    night = event("f", "d6", SHOT, date_text="on Monday night", sentence="… Monday night.")
    assert linked(evening, night)


# --- a country named only as a patron ------------------------------------------------------

BLAMING = "Six troops died when a missile hit their base in Sanvo on Monday, blaming the Iran-backed rebels."  # noqa: E501


def test_a_country_named_only_as_a_patron_is_no_place() -> None:
    assert patron_place(BLAMING, "Iran")
    assert not patron_place("A drone launched from Iran hit the Iran-backed militia.", "Iran")
    assert not patron_place("Six troops died in Sanvo.", "Iran")
    camp = event("a", "d1", MISSILE, sentence="A missile hit a camp in Sanvo, killing six.")
    iran = {"location_name": "Iran", "geonameid": 130758, "lat": 32.0, "lon": 53.0,
            "admin1": None, "country": "IR", "geo_precision": 3}  # fmt: skip
    abroad = event("b", "d2", MISSILE, iran, sentence=BLAMING)
    assert country_evidence(abroad) is None and linked(camp, abroad)
    # guard: a place the sentence names on its own is its country's
    launched = event("c", "d3", MISSILE, iran, sentence="A missile fired from Iran killed six.")
    assert country_evidence(launched) == "IR" and not linked(camp, launched)


def test_a_side_named_only_by_its_patron_contradicts_no_named_group() -> None:
    assert patron_side("the Iran-aligned rebels") and patron_side("Russia-backed separatists")
    assert not patron_side("Iran-aligned Kataib Hezbollah") and not patron_side("the rebels")
    assert not patron_side("the Islamic State-linked fighters")  # no country
    houthi = event("a", "d1", SHOT, actor1_id="YEM-HOUTHI", actor1_name="Houthis",
                   actor1_inter=1, actor1_text="A Houthi sniper", fatalities=1,
                   sentence="A Houthi sniper shot dead a boy in Sanvo.")  # fmt: skip
    sentence = "A child was killed by sniper fire in Sanvo, blaming the Iran-aligned rebels."
    clients = event("b", "d2", SHOT, fatalities=1, actor1_text="sniper fire",
                    actor2_id=None, actor2_name="Iran-aligned Rebels", actor2_inter=2,
                    actor2_text="the Iran-aligned rebels", sentence=sentence)  # fmt: skip
    assert roles(clients)[0][1:] == (None, False) and linked(houthi, clients)
    # guard: the same words without the patron still name rebels against the Houthis' 1
    rebels = event("c", "d3", SHOT, fatalities=1, actor1_text="sniper fire", actor2_id=None,
                   actor2_name="Rebels", actor2_inter=2, actor2_text="the southern rebels",
                   sentence=sentence.replace("Iran-aligned", "southern"))  # fmt: skip
    assert not linked(houthi, rebels)


# --- the source that revised a toll ---------------------------------------------------------


def test_the_source_that_revised_a_toll_is_no_side() -> None:
    sentence = "Dastan authorities revised the death toll from Monday's bombing down to nine."
    assert reviser("Dastan authorities", sentence)
    assert reviser("Officials", "Officials on Tuesday raised the toll of the blast to 12.")
    assert not reviser("Police", "Police raided a house in Sanvo, officials said.")
    bomb = {"plover_mode": "explosives", "acled_event_type": "Explosions/Remote violence",
            "acled_sub_event_type": "Remote explosive/landmine/IED"}  # fmt: skip
    claimed = "Islamic State Khorasan claimed the Sanvo bombing."
    claim = event("a", "d1", SHOT, bomb, actor1_id="IS-KP", actor1_name="Islamic State Khorasan",
                  actor1_inter=2, actor1_text="Islamic State Khorasan", actor1_claimed=True,
                  fatalities=None, sentence=claimed)  # fmt: skip
    revision = event("b", "d2", SHOT, bomb, actor1_id="AFG-MIL", actor1_name="Military Forces",
                     actor1_inter=1, actor1_text="Dastan authorities", fatalities=None,
                     sentence=sentence)  # fmt: skip
    assert roles(revision)[0][1:] == (None, False) and linked(claim, revision)
    # guard: the same force told as the one that bombed stays a side
    bombed = event("c", "d3", SHOT, bomb, actor1_id="AFG-MIL", actor1_name="Military Forces",
                   actor1_inter=1, actor1_text="Dastan authorities", fatalities=None,
                   sentence="Dastan authorities bombed a house in Sanvo on Monday.")  # fmt: skip
    assert not linked(claim, bombed)


# --- a district and its large city, one report with no toll --------------------------------


def test_a_district_with_no_toll_contradicts_its_city_without_evidence() -> None:
    city = event("a", "d1", SHOT, location_name="Korla", geonameid=72, lat=34.5, lon=69.2,
                 city_km=15.0)  # fmt: skip
    district = event("b", "d2", SHOT, location_name="Dastan", geonameid=73, lat=34.47,
                     lon=69.12, fatalities=None)  # fmt: skip
    assert compare(city, district, evidence=False) is not None
    assert compare(city, district) is None  # not evidence enough on its own
    # guard: two counts that disagree still decide
    counted = event("c", "d3", SHOT, location_name="Dastan", geonameid=73, lat=34.47,
                    lon=69.12, fatalities=9)  # fmt: skip
    assert compare(city, counted, evidence=False) is None


# --- a town read abroad under its short name -----------------------------------------------


def test_a_town_read_abroad_under_a_short_name_is_no_country() -> None:
    said = "Eight gendarmes were killed in an attack on their post in Korla on Sunday."
    assert short_name_abroad("Korla", "TD", said, "Korla N'Dari", "BF")
    assert not short_name_abroad("Korla", "TD", said, "Korlana", "BF")  # not a first word
    assert not short_name_abroad("Korla", "TD", said + " Chad said.", "Korla N'Dari", "BF")
    short = event("a", "d1", SHOT, location_name="Korla", country="TD", admin1="Ouaddai",
                  fatalities=8, sentence=said, actor1_id=None, actor1_name=None,
                  actor1_text=None, actor2_id=None, actor2_name=None, actor2_text=None)  # fmt: skip
    full = event("b", "d2", SHOT, location_name="Korla N'Dari", country="BF", admin1="Est",
                 lat=12.06, lon=0.35, fatalities=8,
                 sentence="Fighters attacked a post in Korla N'Dari, killing eight.")  # fmt: skip
    assert linked(short, full)
    # guard: another count, and no side in common: nothing says it is one incident; and the
    # long name read abroad is no short form of the short one
    assert not short_name_abroad("Korla N'Dari", "BF", "…", "Korla", "TD")
    assert not linked(dataclasses.replace(short, fatalities=3), full)


# --- through the pipeline -------------------------------------------------------------------


def test_a_short_name_abroad_is_found_either_way(run_text: Callable[..., Document]) -> None:
    texts = [
        ("Eight gendarmes were killed in an attack on their post in Fada on Sunday, a local "
         "official said on Monday.", "2028-08-07", "A"),
        ("Jihadist fighters attacked a gendarmerie post in Fada N'Gourma in eastern Burkina "
         "Faso on Sunday, killing eight gendarmes, security sources said.", "2028-08-06", "B"),
    ]  # fmt: skip
    docs = [run_text(t, published=p, source=s) for t, p, s in texts]
    for order in ([[0, 1]], [[0], [1]], [[1], [0]]):  # batch, and one report at a time
        records = [r for r in canonical(docs, order) if r["plover_mode"] in VIOLENT_MODES]
        assert len(records) == 1 and len(records[0]["reports"]) == 2, order


def test_a_patron_place_is_fetched_by_a_later_report(run_text: Callable[..., Document]) -> None:
    texts = [
        ("Six Yemeni troops died when a missile hit their base in the city of Marib on Monday, "
         "the army said, blaming the Iran-backed rebels.", "2028-10-03", "A"),
        ("A ballistic missile fired by the Houthis struck a military camp in Marib on Monday, "
         "killing six soldiers, a government official said.", "2028-10-03", "B"),
    ]  # fmt: skip
    docs = [run_text(t, published=p, source=s) for t, p, s in texts]
    for order in ([[0, 1]], [[0], [1]], [[1], [0]]):  # batch, and one report at a time
        records = [r for r in canonical(docs, order) if r["plover_mode"] in VIOLENT_MODES]
        assert len(records) == 1 and len(records[0]["reports"]) == 2, order


def test_set_aj_incidents(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "aj")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    for pair in (
        {"ys-1002-marib", "ad-1003-marib"},  # placed at Iran by "Iran-backed"
        {"af-1009-kabul", "kw-1010-kabul-rev", "kw-1010-kabul-claim"},  # the toll's reviser
    ):
        assert any(pair <= members for members in groups), pair


def test_set_ah_culiacan_shootings_apart(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ah")
    for members in groups:  # "Wednesday morning" / "Wednesday afternoon"
        assert len({incident[s] for s in members}) == 1, members
