"""Issue 18, twenty-fifth pass (helper h18z): a village and its district that both reports'
sentences name, each report placed at one of them (or at a homonym of the village far off in
the same province); Boko Haram told for ISWAP; dev set ao through the pipeline.

Own sentences; invented places (Dorvan, Selka, Tamso) where the rule reads no gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from conftest import multi_outlet_groups
from eventwire.dedup.districts import both_named
from eventwire.dedup.linkage import Cluster
from eventwire.dedup.merge import merge_record
from eventwire.dedup.rules import ReportEvent, compare
from eventwire.records import Document
from test_dedup_rules import day_report

SUNDAY = date(2029, 6, 3)
RAID = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "GEN-UNIDENTIFIED",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "gunmen",
        "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
        "fatalities": 9}  # fmt: skip
# the district's seat (read for "the Selka area") and a homonym of the village 100 km off
SELKA = {"location_name": "Selka", "geonameid": 301, "lat": 9.9, "lon": 8.7,
         "admin1": "Velu", "country": "NG", "geo_precision": 2}  # fmt: skip
DORVAN = {"location_name": "Dorvan", "geonameid": 302, "lat": 9.4, "lon": 9.5,
          "admin1": "Velu", "country": "NG", "geo_precision": 1}  # fmt: skip
AREA = "Gunmen killed nine villagers in a raid on Dorvan village in the Selka area, police said."
LGA = "Armed men attacked the village of Dorvan in Selka local government area, killing nine."


def event(event_id: str, place: dict[str, Any], sentence: str, **values: Any) -> ReportEvent:
    return day_report(event_id, "d-" + event_id, SUNDAY, RAID, place, sentence=sentence,
                      actor2_text="nine villagers", **values)  # fmt: skip


def test_a_village_and_its_district_both_reports_name_are_one_place() -> None:
    seat, village = event("a", SELKA, AREA), event("b", DORVAN, LGA, source="Other Wire")
    assert both_named(seat, village) == "both name dorvan and selka"
    link = compare(seat, village)
    assert link is not None and any("both name" in r for r in link.reasons)


def test_another_village_of_the_same_district_stays_apart() -> None:
    # only the district is shared: two villages of it, two places
    other = "Armed men attacked the village of Tamso in Selka local government area."
    seat = event("a", SELKA, AREA)
    tamso = event("c", {**DORVAN, "location_name": "Tamso"}, other, source="Other Wire")
    assert both_named(seat, tamso) is None
    assert compare(seat, tamso) is None


def test_a_near_spelling_of_the_village_counts_as_its_name() -> None:
    # the geocoder read "Dorvann" as its own "Dorvan" 100 km off
    spelled = event("e", DORVAN, LGA.replace("Dorvan", "Dorvann"), source="Other Wire")
    seat = event("a", SELKA, AREA.replace("Dorvan", "Dorvann"))
    assert both_named(seat, spelled) == "both name dorvann and selka"


def test_a_third_place_both_sentences_do_not_share_stays_apart() -> None:
    # both name Dorvan and Selka, but one is placed at a town only its own sentence names
    near = "Armed men attacked Brigo, a town near Dorvan in Selka local government area."
    brigo = event("f", {**DORVAN, "location_name": "Brigo"}, near, source="Other Wire")
    assert both_named(event("a", SELKA, AREA), brigo) is None


def test_both_names_in_another_province_stay_apart() -> None:
    elsewhere = event("d", {**DORVAN, "admin1": "Kadan"}, LGA, source="Other Wire")
    assert compare(event("a", SELKA, AREA), elsewhere) is None


def test_boko_haram_fighters_and_iswaps_claim_are_one_side_named_iswap() -> None:
    # "Boko Haram fighters overran a base in Dorvan" / "ISWAP said its fighters raided it"
    told = event("g", DORVAN, "Boko Haram fighters overran a base in Dorvan.",
                 actor1_id="NG-BH", actor1_name="Boko Haram", actor1_inter=2,
                 actor1_text="Boko Haram fighters")  # fmt: skip
    claim = event("h", DORVAN, "ISWAP said its fighters raided the base in Dorvan.",
                  actor1_id="ISWAP", actor1_name="ISWAP", actor1_inter=2, actor1_text="ISWAP",
                  actor1_claimed=True, source="Other Wire")  # fmt: skip
    assert compare(told, claim) is not None
    rec = merge_record(Cluster("k", "c", ["g", "h"], {"g": 0.9, "h": 0.9}), [told, claim])
    assert rec.actor1 is not None and rec.actor1.name == "ISWAP"


def test_set_ao_one_record_per_incident(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ao")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    # one record per incident told (the conftest's violent modes leave the grenade out)
    assert len(groups) == len({incident[s] for members in groups for s in members})
    for pair in (
        {"pt-0311-kwall", "nd-0311-kwall"},  # a village and its district both name
        {"lc-0305-damboa", "nd-0305-damboa"},  # Boko Haram told for ISWAP (kin_groups)
        {"hs-0309-baidoa", "hs-0310-baidoa-toll"},  # a later toll with no update word
        {"ck-0306-mamove", "gl-0307-mamove"},  # the same, with no day
    ):
        assert any(pair <= members for members in groups), pair
