"""Issue 18, nineteenth pass (helper h18t): the force that killed the attackers read as a side
("… killing five diners before police killed two of the attackers"); "an Israeli strike hit
their car" (a blow with no weapon named) against another outlet's drone strike; a report
placed only by its dateline against another report's own place; a place read in another
country than the one its sentence names as owner ("Yemen's Red Sea port").

Own sentences and invented places (Kessa, Lomari, Tamboro): each rule with a guard.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from conftest import multi_outlet_groups
from eventwire.dedup.datelines import dateline_only
from eventwire.dedup.linkage import cluster_events
from eventwire.dedup.merge import pick_actors
from eventwire.dedup.owners import owned_abroad
from eventwire.dedup.responders import responder
from eventwire.dedup.rules import ReportEvent, generic_attack
from eventwire.records import Document
from test_dedup_rules import day_report, linked

FRIDAY = date(2028, 5, 5)
STORMED = "Gunmen stormed a cafe in Kessa on Friday, killing five diners before police killed "
RAID = {"plover_mode": "clash", "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash", "actor1_id": "GEN-UAG",
        "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "Gunmen",
        "actor2_id": "XX-POL", "actor2_name": "Police Forces of Xland", "actor2_inter": 1,
        "actor2_text": "police", "fatalities": 5, "fatalities_text": "killing five diners",
        "sentence": STORMED + "two of the attackers."}  # fmt: skip
PLAIN = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
         "acled_sub_event_type": "Attack", "actor1_id": "GEN-UAG",
         "actor1_name": "Unidentified Armed Group", "actor1_inter": 3, "actor1_text": "gunmen",
         "actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
         "actor2_text": "Five customers", "fatalities": 5,
         "fatalities_text": "Five customers were shot dead",
         "sentence": "Five customers were shot dead by gunmen at a cafe in Kessa."}  # fmt: skip
TOWN = {"location_name": "Kessa", "geonameid": 81, "lat": 4.1, "lon": -77.6,
        "admin1": "Lomari", "country": "XX", "geo_precision": 1}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, FRIDAY, TOWN, *defaults, **values)


# --- the force that killed the attackers ---------------------------------------------------


def test_the_force_that_killed_the_attackers_is_no_victim() -> None:
    assert responder("police", STORMED + "the attackers.")
    raid = "Fighters raided a post, killing six before troops shot dead 20 of the assailants."
    assert responder("troops", raid)
    assert responder("police", "The toll rose to seven, including the two gunmen shot by police.")
    # the force the attack hit, and a killing of attackers told as its own event
    assert not responder("police", "Gunmen killed four police officers at a checkpoint.")
    assert not responder("Soldiers", "Soldiers killed 20 militants in a raid on their camp.")
    assert not responder("Three teachers", "Three teachers killed when gunmen opened fire.")


def test_a_report_naming_the_police_who_killed_the_attackers_joins_the_plain_one() -> None:
    lead, plain = event("a", "d1", RAID), event("b", "d2", PLAIN, source="Other Wire")
    assert linked(lead, plain)
    # the same report whose police were the ones attacked stays apart from the civilians
    hit = event("c", "d3", RAID, sentence="Gunmen stormed a police post in Kessa on Friday, "
                "killing five officers.", actor2_text="five officers")  # fmt: skip
    assert not linked(hit, plain)


def test_the_canonical_victim_is_not_the_force_that_killed_the_attackers() -> None:
    lead, plain = event("a", "d1", RAID), event("b", "d2", PLAIN, source="Other Wire")
    update = event("c", "d3", RAID, actor1_id="XX-POL", actor1_name="Police Forces of Xland",
                   actor1_inter=1, actor1_text="police", fatalities=7,
                   sentence="The toll from Friday's attack on a cafe in Kessa has risen to "
                   "seven, including the two gunmen shot by police.")  # fmt: skip
    actor1, actor2 = pick_actors([lead, plain, update])
    assert actor1 is not None and actor1.id == "GEN-UAG"
    assert actor2 is not None and actor2.id == "GEN-CIVILIANS"


# --- a blow with no weapon named ------------------------------------------------------------


def test_a_strike_that_hit_names_no_weapon() -> None:
    drone = event("a", "d1", PLAIN, plover_mode="aerial", trigger_text="drone strike",
                  acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Air/drone strike", fatalities=2)  # fmt: skip
    hit = event("b", "d2", PLAIN, trigger_text="hit", fatalities=2, source="Other Wire")
    assert generic_attack(hit)
    assert linked(drone, hit)
    # a word that names how ("shot") still tells another kind of attack
    shot = event("c", "d3", PLAIN, trigger_text="shot", fatalities=2, source="Other Wire")
    assert not linked(drone, shot)


# --- a report placed only by its dateline ---------------------------------------------------

CAPITAL = {"location_name": "Lomari City", "geonameid": 90, "lat": 1.0, "lon": -75.0,
           "admin1": "Capital District", "country": "XX", "geo_precision": 1}  # fmt: skip
REGION = {"location_name": "Tamboro", "geonameid": None, "lat": 3.0, "lon": -73.0,
          "admin1": "Tamboro", "country": "XX", "geo_precision": 3}  # fmt: skip
AMBUSH = {"actor1_id": None, "actor1_name": "Path remnants", "actor1_inter": 2,
          "actor1_text": "Path remnants", "actor2_id": "XX-MIL",
          "actor2_name": "Military Forces of Xland", "actor2_inter": 1,
          "actor2_text": "a military patrol", "fatalities": 4}  # fmt: skip


def test_a_report_placed_by_its_dateline_joins_the_report_of_the_place() -> None:
    by_line = event("a", "d1", RAID, AMBUSH, CAPITAL, place_fallback="document")
    told = event("b", "d2", RAID, AMBUSH, REGION, actor1_name=None, actor1_text="",
                 source="Other Wire")  # fmt: skip
    assert dateline_only(by_line, told, True)
    assert linked(by_line, told)
    # both placed in their own clauses: two places; another toll: no same dead
    assert not linked(event("c", "d3", RAID, AMBUSH, CAPITAL), told)
    assert not linked(event("d", "d4", RAID, AMBUSH, CAPITAL, place_fallback="document",
                            fatalities=9), told)  # fmt: skip
    # only civilians in common: no force to tell the one incident
    civilians = {"actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7}
    assert not dateline_only(
        event("e", "d5", RAID, AMBUSH, CAPITAL, civilians, place_fallback="document"),
        event("f", "d6", RAID, AMBUSH, REGION, civilians),
        True,
    )


def test_clusters_of_the_rules_together() -> None:
    lead, plain = event("a", "d1", RAID), event("b", "d2", PLAIN, source="Other Wire")
    clusters = cluster_events([lead, plain])
    assert len(clusters) == 1


# --- dev set ad, through the whole pipeline ------------------------------------------------


def test_set_ad_one_record_per_incident(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ad")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    # the prison riot gives no event; Bol's "Boko Haram fighters" join ISWAP's claim
    assert len(groups) == len(set(incident.values())) - 1
    for pair in (
        {"nd-0408-bol", "sw-0409-bol-claim"},  # Boko Haram told for ISWAP (kin_groups)
        {"ec-0422-esmeraldas", "aw-0422-esmeraldas"},  # police killed the attackers
        {"bd-0412-nabatieh", "lw-0412-nabatieh"},  # a strike hit their vehicle
        {"pr-0428-vraem", "aw-0428-vraem"},  # the LIMA dateline
    ):
        assert any(pair <= members for members in groups), pair


# --- a place read in another country than its sentence's owner -----------------------------

PORT = {"location_name": "Lomari", "geonameid": 91, "lat": 14.8, "lon": 42.9,
        "admin1": "Lomari", "country": "YE", "geo_precision": 1}  # fmt: skip
STATE_ABROAD = {"location_name": "Red Sea", "geonameid": None, "lat": 19.0, "lon": 36.0,
                "admin1": "Red Sea", "country": "SD", "geo_precision": 3}  # fmt: skip
STRIKE = {"plover_mode": "aerial", "acled_event_type": "Explosions/Remote violence",
          "acled_sub_event_type": "Air/drone strike", "actor1_id": "XX-MIL",
          "actor1_name": "Military Forces of Xland", "actor1_inter": 8,
          "actor1_text": "Xlandi warplanes", "actor2_id": "GEN-CIVILIANS",
          "actor2_name": "Civilians", "actor2_inter": 7, "actor2_text": "workers",
          "fatalities": 6}  # fmt: skip


def test_a_place_read_abroad_of_the_country_its_sentence_names_as_owner() -> None:
    port = event("a", "d1", STRIKE, PORT, sentence="Xlandi warplanes struck the port of Lomari.")
    owned = "Xlandi air strikes on Yemen's Red Sea port of Lomari killed six workers."
    abroad = event("b", "d2", STRIKE, STATE_ABROAD, sentence=owned, source="Other Wire")
    assert owned_abroad(owned, "Red Sea", "SD") == "YE"
    assert linked(port, abroad)
    # the sentence gives the place to its own country: two countries, two incidents
    own = "Xlandi air strikes on Sudan's Red Sea state killed six workers."
    assert not linked(port, event("c", "d3", STRIKE, STATE_ABROAD, sentence=own))
