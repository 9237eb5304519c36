"""Issue 18, fourteenth pass (helper h18m): classes found on sets h and i (retired to dev).

Own sentences and invented villages: a toll a report summed over its lead and a background
sentence (another, older incident); a claim's vague toll ("dozens"); a night told as
"<day> night" by one outlet and "overnight into <next day>" by another; a named site both
reports name when one has no place; a report coding one force on both sides; a province
the gazetteer files as an area, and a town of it.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from eventwire.dedup.actors import one_force_both_sides
from eventwire.dedup.nights import overnight, parts_clash
from eventwire.dedup.placewords import district_reference, shared_place_word, site_words
from eventwire.dedup.rules import DedupOptions, ReportEvent
from eventwire.dedup.tolls import loose_toll, toll_link
from test_dedup_rules import day_report, linked  # similarity both ways, asserted symmetric

THURSDAY = date(2026, 9, 10)
KILL = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor2_id": "GEN-CIVILIANS",
        "actor2_name": "Civilians", "actor2_inter": 7}  # fmt: skip
CLASH = {"plover_mode": "clash", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash"}  # fmt: skip
VILLAGE = {"location_name": "Korodji", "geonameid": 21, "lat": 13.61, "lon": 2.42,
           "admin1": "Tahoua", "country": "NE", "geo_precision": 1}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, THURSDAY, KILL, VILLAGE, *defaults, **values)


# --- a toll summed over a background sentence; a claim's vague toll -----------------------


def test_a_toll_summed_with_a_recalled_incident_holds_the_other_outlets_count() -> None:
    summed = event(
        "a", "d1", fatalities=41, actor1_name="Unidentified Armed Group",
        fatalities_text="shot dead 9 herders grazing  + killed 32 worshippers ",
    )  # fmt: skip
    other = event(
        "b", "d2", fatalities=9, fatalities_text="gunned down nine herders",
        published=THURSDAY.replace(day=11), location_name="Niger", geonameid=None,
        geo_precision=3, admin1=None,
    )  # fmt: skip
    assert loose_toll(summed, other) is not None
    assert linked(summed, other)
    # a single count of 41 (no parts) against a later 9: two incidents
    single = dataclasses.replace(summed, fatalities_text="shot dead 41 herders")
    assert loose_toll(single, other) is None
    assert toll_link(single, other, DedupOptions()) is None and not linked(single, other)
    # parts none of which is the other's count: still a contradiction
    other_count = dataclasses.replace(other, fatalities=5, fatalities_text="killed five herders")
    assert toll_link(summed, other_count, DedupOptions()) is None


def test_a_claims_vague_toll_is_a_floor_the_other_count_meets() -> None:
    claim = event(
        "a", "d1", CLASH, fatalities=12, actor1_claimed=True,
        fatalities_text="said it had killed dozens of militiamen",
        published=THURSDAY.replace(day=12),
    )  # fmt: skip
    lead = event("b", "d2", CLASH, fatalities=45, fatalities_text="killing some 45 militiamen")
    assert loose_toll(claim, lead) is not None
    assert linked(claim, lead)
    # below the floor ("dozens": 12), the vague count still contradicts nothing it did not
    few = dataclasses.replace(lead, fatalities=3, fatalities_text="killing three militiamen")
    assert loose_toll(claim, few) is None
    # an exact count beside the vague word is a count: "12 … and dozens more"
    exact = dataclasses.replace(claim, fatalities_text="killed 12 militiamen and dozens more")
    assert loose_toll(exact, lead) is None and not linked(exact, lead)


# --- one night on either side of midnight -------------------------------------------------

FRIDAY = THURSDAY + timedelta(days=1)


def test_a_night_and_the_small_hours_of_the_next_day_are_one_night() -> None:
    night = event(
        "a", "d1", date_text="on Thursday night",
        sentence="Bandits stormed Korodji on Thursday night, killing 14 villagers.",
    )  # fmt: skip
    small = event(
        "b", "d2", date_start=FRIDAY, date_end=FRIDAY, published=FRIDAY,
        date_text="in the early hours of Friday",
        sentence="Fourteen villagers died as bandits raided Korodji in the early hours of Friday.",
    )  # fmt: skip
    assert overnight(night, small) is not None and linked(night, small)
    # the small hours are that day's early morning ("overnight": a night word), not its evening
    into = dataclasses.replace(small, date_text="overnight into Friday", sentence=None)
    morning = dataclasses.replace(into, event_id="c", doc_id="d3", date_text="early on Friday")
    assert not parts_clash(into, morning) and linked(into, morning)
    evening = dataclasses.replace(morning, date_text="on Friday evening")
    assert parts_clash(into, evening) and not linked(into, evening)
    # two nights (Thursday night / Friday night) stay two; so does a Thursday morning
    friday_night = dataclasses.replace(small, date_text="on Friday night")
    assert overnight(night, friday_night) is None and not linked(night, friday_night)
    thursday_morning = dataclasses.replace(night, date_text="on Thursday morning")
    assert overnight(thursday_morning, small) is None and not linked(thursday_morning, small)


# --- a named site both reports name, when one has no place --------------------------------


def test_a_site_named_alike_places_a_report_the_geocoder_could_not() -> None:
    lead = event(
        "a", "d1", fatalities=19, fatalities_text="killing 19 people",
        sentence="Armed men raided the Tadiss Kore camp near Korodji on Thursday, killing 19.",
    )  # fmt: skip
    update = event(
        "b", "d2", fatalities=27, published=FRIDAY, location_name=None, geonameid=None,
        lat=None, lon=None, admin1=None, country=None, geo_precision=None, place_fallback=None,
        fatalities_text="toll from Thursday's attack on the Tadiss Kore grazing camp rose to 27",
        sentence="The toll from Thursday's attack on the Tadiss Kore grazing camp rose to 27.",
    )  # fmt: skip
    assert site_words(update.sentence or "") == {"tadiss", "kore"}
    assert shared_place_word(lead, update) is not None and linked(lead, update)
    # another camp's name is no shared place
    elsewhere = dataclasses.replace(
        update, sentence="The toll from Thursday's attack on the Bangui Nord camp rose to 27."
    )
    assert shared_place_word(lead, elsewhere) is None and not linked(lead, elsewhere)
    # a kind word with no proper name before it names no site
    assert site_words("Gunmen attacked the army base and the main market.") == frozenset()


# --- one force on both sides; a province filed as an area ---------------------------------

ARMY = {"actor2_id": "NE-MIL", "actor2_name": "Military Forces of Niger", "actor2_inter": 1}
RAID = {"sentence": "Gunmen ambushed an army convoy near Korodji on Thursday, killing 6 soldiers."}


def test_one_force_as_attacker_and_victim_contradicts_neither_side() -> None:
    misread = event(
        "a", "d1", CLASH, ARMY, RAID, fatalities=6, actor1_id="NE-MIL",
        actor1_name="Military Forces of Niger", actor1_inter=1,
        actor1_text="Pro-caliphate fighters", actor2_text="an army convoy",
    )  # fmt: skip
    named = event(
        "b", "d2", CLASH, ARMY, RAID, fatalities=6, actor1_id="NE-ISSP", actor1_inter=2,
        actor1_name="Islamic State Sahel Province", actor1_text="Islamic State fighters",
        actor2_text="soldiers",
    )  # fmt: skip
    assert one_force_both_sides(misread) and linked(misread, named)
    # a force against itself told in one word ("soldiers" and "soldiers": a mutiny) is meant
    mutiny = dataclasses.replace(misread, actor1_text="mutinous soldiers", actor2_text="soldiers")
    assert not one_force_both_sides(mutiny) and not linked(mutiny, named)
    # with no words at all (a coder's row) too
    coded = dataclasses.replace(misread, actor1_text=None, actor2_text=None)
    assert not one_force_both_sides(coded) and not linked(coded, named)


def test_a_province_filed_as_an_area_holds_a_village_of_it() -> None:
    province = event(
        "a", "d1", location_name="Tahoua", admin1="Tahoua", geonameid=None, geo_precision=2,
        lat=13.9, lon=2.6,
    )  # fmt: skip
    village = event("b", "d2", geonameid=None)  # Korodji of a dense layer: no GeoNames id
    assert district_reference(province, village) is not None and linked(province, village)
    # an area named otherwise than its province is no province: the village keeps apart
    area = dataclasses.replace(province, location_name="Keita Plateau")
    assert district_reference(area, village) is None and not linked(area, village)
