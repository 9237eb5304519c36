"""Issue 18, sixteenth pass (helper h18o): toll updates that name their attack by a part of
its day, by "last week" or by its date; a pro-government militia and its state's forces as
one side; a canonical high that is no summed toll.

Own sentences and invented villages (Kourma, Sebba): a pro-government militia's dead told
by one outlet as the militia and by another as soldiers; a rebel group's dead against
soldiers stays two (guard); a toll summed over a recalled incident gives no canonical high.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import TopEvent, canonical
from eventwire.dedup.linkage import Cluster
from eventwire.dedup.merge import merge_record
from eventwire.dedup.rules import ReportEvent
from eventwire.dedup.sides import allied
from eventwire.records import Document
from test_dedup_rules import day_report, linked

SUNDAY = date(2027, 3, 14)
RAID = {"plover_mode": "clash", "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 2,
        "actor1_text": "armed men"}  # fmt: skip
TOWN = {"location_name": "Kourma", "geonameid": 31, "lat": 13.1, "lon": -1.2,
        "admin1": "Centre-Nord", "country": "BF", "geo_precision": 1}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, SUNDAY, RAID, TOWN, *defaults, **values)


SOLDIERS = {"actor2_id": "GEN-MILITARY", "actor2_name": "Military Forces", "actor2_inter": 1,
            "actor2_text": "14 soldiers"}  # fmt: skip


# --- a pro-government militia and its state's forces ------------------------------------


def test_a_listed_militias_dead_are_the_other_outlets_soldiers() -> None:
    militia = event(
        "a", "d1", fatalities=14, actor2_id="BF-VDP", actor2_inter=3,
        actor2_name="Volunteers for the Defence of the Homeland", actor2_text="14 VDP members",
    )  # fmt: skip
    army = event("b", "d2", SOLDIERS, fatalities=14)
    assert allied(militia, army, 2) and linked(militia, army)
    # the country's own army by name, too; another country's army is not its state
    own = dataclasses.replace(
        army, actor2_id="BF-MIL", actor2_name="Military Forces of Burkina Faso"
    )
    assert linked(militia, own)
    foreign = dataclasses.replace(army, actor2_id="ML-MIL", actor2_name="Military Forces of Mali")
    assert not allied(militia, foreign, 2) and not linked(militia, foreign)


def test_a_militia_its_words_call_pro_government_is_on_the_states_side() -> None:
    words = event(
        "a", "d1", fatalities=14, actor2_id="GEN-REBELS", actor2_inter=2,
        actor2_name="Rebels", actor2_text="14 volunteer defence fighters",
    )  # fmt: skip
    army = event("b", "d2", SOLDIERS, fatalities=14)
    assert allied(words, army, 2) and linked(words, army)
    guard = event(
        "a", "d1", fatalities=14, actor2_id="GEN-REBELS", actor2_inter=2,
        actor2_name="Rebels", actor2_text="14 separatist fighters",
    )  # fmt: skip
    assert not allied(guard, army, 2) and not linked(guard, army)
    # a pro-government militia is no match for the rebels either (the side, not the code)
    rebels = dataclasses.replace(army, actor2_id="GEN-REBELS", actor2_inter=2, actor2_text="rebels")
    assert not allied(words, rebels, 2)


# --- the canonical high: no summed toll ---------------------------------------------------


def test_a_summed_toll_gives_the_canonical_no_high() -> None:
    lead = event(
        "a", "d1", fatalities=40, fatalities_text="killed 12 herders  + killed 28 pilgrims ",
        sentence="Gunmen killed 12 herders near Kourma on Sunday.",
    )  # fmt: skip
    rewrite = event("b", "d2", fatalities=12, fatalities_text="shot dead 12 herders")
    update = event(
        "c", "d3", fatalities=15, fatalities_text="has risen to 15",
        published=date(2027, 3, 15),
    )  # fmt: skip
    cluster = Cluster("c1", "k1", ["a", "b", "c"], {"a": 0.7, "b": 0.7, "c": 0.7})
    tolls = merge_record(cluster, [lead, rewrite, update]).fatalities
    assert tolls is not None and (tolls.best, tolls.low, tolls.high) == (15, 12, 15)
    # a one-sentence toll of 40 is a count of its own: it stays the high
    single = dataclasses.replace(lead, fatalities_text="killed 40 herders")
    tolls = merge_record(cluster, [single, rewrite, update]).fatalities
    assert tolls is not None and tolls.high == 40
    # a sum within the event's own sentence (the bomber counted with his victims) is a count
    bomber = "A suicide bomber blew himself up at a checkpoint in Kourma, killing three guards."
    four = event(
        "a", "d1", fatalities=4, sentence=bomber,
        fatalities_text="A suicide bomber blew himself up + killing three guards",
    )  # fmt: skip
    three = event("b", "d2", fatalities=3, fatalities_text="three guards were killed")
    pair = Cluster("c2", "k2", ["a", "b"], {"a": 0.7, "b": 0.7})
    tolls = merge_record(pair, [four, three]).fatalities
    assert tolls is not None and (tolls.best, tolls.high) == (4, 4)


# --- toll updates that name their attack by a part of the day, a week, a date --------------

LEAD = (
    "Gunmen attacked the town of Sebba in northern Burkina Faso on Saturday night, "
    "killing 19 civilians, residents said on Sunday."
)


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("The death toll from Saturday night's attack on Sebba has risen to 26, an official "
         "said on Monday.", "2027-03-15", date(2027, 3, 13)),
        ("The toll from last week's attack on Sebba has climbed to 30, an official said.",
         "2027-03-22", None),
        ("The death toll from the March 13 attack on Sebba has risen to 31, officials said "
         "on Friday.", "2027-03-19", date(2027, 3, 13)),
    ],
)  # fmt: skip
def test_an_update_naming_its_attack_by_part_of_day_week_or_date_is_an_event(
    top_event: TopEvent, text: str, published: str, day: date | None
) -> None:
    event = top_event(text, published=published)
    assert event is not None and event.trigger.text == "attack"
    assert event.fatalities is not None and event.fatalities.best in {26, 30, 31}
    assert event.location is not None and event.location.country == "BF"
    if day is not None:
        assert event.date is not None and event.date.start == day


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from last year's attack on Sebba has risen to 26, an official said.",
        "The death toll from the night's attack on Sebba has risen to 26, an official said.",
        "The death toll from the March attack on Sebba has risen to 26, an official said.",
    ],
)
def test_a_span_not_last_week_or_a_month_alone_gives_no_event(
    top_event: TopEvent, text: str
) -> None:
    assert top_event(text, published="2027-03-19") is None


def test_the_part_of_day_update_joins_the_lead_with_its_toll(
    run_text: Callable[..., Document],
) -> None:
    docs = [
        run_text(LEAD, published="2027-03-14", source="Sahel Wire", source_id="lead"),
        run_text(
            "The death toll from Saturday night's attack on Sebba has risen to 26, an "
            "official said on Monday.",
            published="2027-03-15", source="Ouaga Daily", source_id="update",
        ),
    ]  # fmt: skip
    records = canonical(docs)
    assert len(records) == 1 and len(records[0]["reports"]) == 2
    assert records[0]["fatalities"]["best"] == 26


# --- dev set x, through the whole pipeline -------------------------------------------------

SET_X = Path(__file__).parent / "data" / "multi_outlet" / "wire_reports_x.jsonl"


def test_set_x_each_incident_once_with_its_latest_toll(
    run_text: Callable[..., Document],
) -> None:
    rows = [json.loads(line) for line in SET_X.read_text(encoding="utf-8").splitlines()]
    docs = [
        run_text(r["text"], published=r["published"], source=r["source"], source_id=r["id"])
        for r in rows
    ]
    incident = {d.doc_id: r["incident"] for d, r in zip(docs, rows, strict=True)}
    ids = {d.doc_id: str(d.source_id) for d in docs}
    records = [r for r in canonical(docs) if r["modality"] == "asserted"]
    groups = {r["canonical_id"]: {ids[x["doc_id"]] for x in r["reports"]} for r in records}
    tolls = {r["canonical_id"]: r["fatalities"] for r in records}
    for members in groups.values():  # distinct incidents never merged
        assert len({incident[d] for d, s in ids.items() if s in members}) == 1, members
    djibo = next(c for c, m in groups.items() if "sh-0803-djibo" in m)
    assert groups[djibo] == {"sh-0802-djibo", "bm-0802-djibo", "sh-0803-djibo"}
    assert tolls[djibo]["best"] == 22  # "Sunday night's raid … has risen to 22"
    fada = next(c for c, m in groups.items() if "sh-0824-fada" in m)
    assert groups[fada] == {"sh-0824-fada", "bm-0825-fada"}  # the VDP / "eleven soldiers"
    hawija = next(c for c, m in groups.items() if "mn-0811-hawija" in m)
    assert tolls[hawija] == {"best": 4, "low": 4, "high": 4}  # not 4 + March's 9
