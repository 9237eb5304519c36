"""Issue 18, tenth pass (helper h18i): four wordings that kept one incident's reports apart.

Report events are built by hand (own places and sentences): a toll update's "bombing" of a
school against an air strike; a part of the day that belongs to another day than the
event's ("… ended the siege on Sunday morning"); a village the gazetteer lacks, read as the
victims of "the raid on <village>"; a district the gazetteer files as its own province.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from eventwire.dedup.daytime import EVENING, MORNING
from eventwire.dedup.linkage import cluster_events
from eventwire.dedup.placewords import place_words, shared_place_word
from eventwire.dedup.rules import (
    ReportEvent,
    compare,
    own_province,
    time_of_day,
)
from test_dedup_rules import BOMBING, day_report, linked  # similarity both ways, asserted symmetric

THURSDAY = date(2025, 10, 9)
SAGAING_TOWN = {"location_name": "Monywa", "geonameid": 1308465, "lat": 22.11, "lon": 95.13,
                "admin1": "Sagaing", "country": "MM", "geo_precision": 1}  # fmt: skip
AIR = {"plover_mode": "aerial", "acled_event_type": "Explosions/Remote violence",
       "acled_sub_event_type": "Air/drone strike", "actor1_id": "MM-MIL",
       "actor1_name": "Military Forces of Myanmar", "actor1_inter": 1}  # fmt: skip


def event(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, THURSDAY, BOMBING, SAGAING_TOWN, **values)


def test_a_bombing_with_no_delivery_may_be_the_air_strike() -> None:
    """ "The number killed in Thursday's bombing of a clinic in Monywa has risen to 12" (the
    coder's explosives mode, read from "bombing") and another outlet's air strike on the
    clinic that day (eight dead) are one incident; "Thursday's car bombing" is not an air
    strike."""
    strike = event("s", "d1", **AIR, fatalities=8, trigger_text="air strike")
    update = event(
        "u", "d2", fatalities=12, trigger_text="bombing", published=date(2025, 10, 10),
        sentence="The number killed in Thursday's bombing of a clinic in Monywa has risen to "
        "12, rescuers said on Friday.",
    )  # fmt: skip
    link = compare(update, strike)
    assert link is not None and "names no delivery" in link.reasons[0]
    assert linked(update, strike)
    car = dataclasses.replace(
        update, sentence="The number killed in Thursday's car bombing in Monywa has risen to 12."
    )
    assert not linked(car, strike)


def test_a_part_of_another_day_is_not_the_events_time() -> None:
    """ "Gunmen seized a guesthouse late on Thursday … the army retook it on Friday morning":
    the event's time is Thursday evening, not the morning, so another outlet's "overnight"
    raid (dated Friday, when police spoke) may be the same incident; on its own day the
    morning still counts."""
    sentence = (
        "Gunmen seized a guesthouse in Monywa late on Thursday, killing six guests before "
        "the army retook the building on Friday morning, police said."
    )
    siege = event("a", "d1", sentence=sentence, date_text="on Thursday", fatalities=6)
    assert time_of_day(siege) == EVENING
    friday = dataclasses.replace(siege, date_start=THURSDAY.replace(day=10),
                                 date_end=THURSDAY.replace(day=10))  # fmt: skip
    assert time_of_day(friday) == MORNING
    overnight = event(
        "b", "d2", fatalities=6, date_text="on Friday", statement_date=True,
        date_start=date(2025, 10, 10), date_end=date(2025, 10, 10),
        published=date(2025, 10, 10),
        sentence="Six people were killed when gunmen held a guesthouse in the town overnight, "
        "a police officer said on Friday.",
    )  # fmt: skip
    assert linked(siege, overnight)
    morning = event("c", "d3", fatalities=6, date_text="on Thursday morning")
    assert not linked(siege, morning)  # evening and morning of one day: two incidents


RAID = "Bandits killed 14 farmers in a raid on Dangora in Kebbi state on Thursday."
UPDATE = "The toll from Thursday's attack on Dangora rose to 19, a councillor said."


def test_a_village_read_as_the_victims_still_names_the_place() -> None:
    """ "the attack on Dangora" (a village the gazetteer lacks) gives the coder's victims the
    text "Dangora": the word still names the place, so the update joins the report of the
    raid there; an actor's words that are more than the place word stay actor words."""
    lead = event("l", "d1", sentence=RAID, fatalities=14, actor1_text="Bandits",
                 actor2_text="14 farmers")  # fmt: skip
    update = event(
        "u", "d2", sentence=UPDATE, fatalities=19, actor2_text="Dangora",
        actor2_name="Civilians", location_name=None, geonameid=None, lat=None, lon=None,
        admin1=None, country=None, geo_precision=None, published=date(2025, 10, 10),
    )  # fmt: skip
    assert "dangora" in place_words(update)
    assert shared_place_word(update, lead) is not None
    assert linked(update, lead)
    named = dataclasses.replace(update, actor2_text="Dangora farmers")
    assert "dangora" not in place_words(named)


TAPOA_LIKE = {"location_name": "Gourma", "geonameid": None, "lat": 12.06, "lon": 0.35,
              "admin1": "Gourma", "country": "BF", "geo_precision": 2}  # fmt: skip
FADA_LIKE = {"location_name": "Fada N'gourma", "geonameid": 2360966, "lat": 12.06,
             "lon": 0.36, "admin1": "Est", "country": "BF", "geo_precision": 1}  # fmt: skip


def test_a_district_filed_as_its_own_province_holds_its_town() -> None:
    """A district the gazetteer files with itself as admin1 ("the Gourma province town of
    …" read as Gourma, admin1 "Gourma") and a town near its point in the region it really
    belongs to (admin1 "Est") are one place; the same town 200 km away, or a town named
    like its province (it has a GeoNames id), is not."""
    district = event("a", "d1", **TAPOA_LIKE, fatalities=9)
    town = event("b", "d2", **FADA_LIKE, fatalities=9)
    assert own_province(district) and not own_province(town)
    assert linked(district, town)
    far = dataclasses.replace(town, lat=13.8, lon=0.4)
    assert not linked(district, far)
    city = dataclasses.replace(district, geonameid=123456)
    assert not own_province(city) and not linked(city, town)
    assert [sorted(c.members) for c in cluster_events([town, district])] == [["a", "b"]]
