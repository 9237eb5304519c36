"""Issue 18, thirteenth pass (helper h18l): classes found on set s and the open list.

Own sentences and invented villages: a report placed at a town its sentence does not name
(the geocoder's homonym abroad for a village it lacks); a toll update whose actor1 was read
from the wounded who died; a target's name ("the Kibali checkpost") as a place word; a
reading whose actor the coder inferred from no words; "overran" as an attack word; the
canonical place against a dateline's town; one day's two counts.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from eventwire.dedup.actors import dead_as_actor1
from eventwire.dedup.linkage import Cluster, lead_key
from eventwire.dedup.merge import best_place, latest_toll, merge_record
from eventwire.dedup.placewords import guessed_against, place_words, shared_place_word
from eventwire.dedup.report import country_evidence, guessed_place, names_own_place
from eventwire.dedup.rules import ReportEvent, generic_attack
from test_dedup_rules import day_report, linked  # similarity both ways, asserted symmetric

TUESDAY = date(2026, 10, 13)
KILL = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor2_id": "GEN-CIVILIANS",
        "actor2_name": "Civilians", "actor2_inter": 7}  # fmt: skip
TERRITORY = {"location_name": "Mutwanga", "geonameid": 11, "lat": 0.33, "lon": 29.75,
             "admin1": "Nord Kivu", "country": "CD", "geo_precision": 2}  # fmt: skip
# the geocoder's homonym abroad for a village the gazetteer lacks
ABROAD = {"location_name": "Kasserine", "geonameid": 12, "lat": 35.17, "lon": 8.83,
          "admin1": "Kasserine", "country": "TN", "geo_precision": 1}  # fmt: skip
LEAD = ("Rebels hacked to death 17 farmers in Kisanga village in Mutwanga territory on "
        "Tuesday night, local leaders said.")  # fmt: skip
CLAIM = "The Islamic State group claimed on Thursday Tuesday night's massacre in Kisanga."


def event(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, TUESDAY, KILL, TERRITORY, **values)


def _lead_and_claim() -> tuple[ReportEvent, ReportEvent]:
    lead = event("l", "d1", sentence=LEAD, fatalities=17, actor1_id="CD-ADF",
                 actor1_name="Allied Democratic Forces", actor1_inter=2,
                 actor1_text="Rebels")  # fmt: skip
    claim = event(
        "c", "d2", sentence=CLAIM, actor1_id="ISIS", actor1_name="Islamic State",
        actor1_inter=2, actor1_claimed=True, attribution_verb="claimed",
        published=date(2026, 10, 15), **ABROAD,
    )  # fmt: skip
    return lead, claim


def test_a_town_its_sentence_does_not_name_is_a_guess() -> None:
    """Kasserine is not in "… massacre in Kisanga": the geocoder's guess, whose country is no
    evidence; accents, hyphens and apostrophes aside, a named place is not a guess."""
    lead, claim = _lead_and_claim()
    assert guessed_place(claim) and country_evidence(claim) is None
    assert not guessed_place(lead) and country_evidence(lead) == "CD"
    bab = event("b", "d3", location_name="Al Bāb", sentence="A car bomb hit al-Bab on Monday.")
    marib = event("m", "d4", location_name="Ma'rib", sentence="A missile hit Marib on Monday.")
    assert names_own_place(bab) and names_own_place(marib)
    dateline = dataclasses.replace(claim, place_fallback="document")  # the reporter's town
    assert not guessed_place(dateline)


def test_a_homonym_abroad_joins_the_report_naming_the_same_village() -> None:
    """The claim, placed at a Tunisian town, and the lead, at the Congolese territory, both
    name Kisanga: one incident. With the claim naming Kasserine itself, or naming no word the
    lead names, they stay apart."""
    lead, claim = _lead_and_claim()
    assert shared_place_word(lead, claim) is not None
    assert linked(lead, claim)
    named = dataclasses.replace(claim, sentence=CLAIM.replace("Kisanga", "Kasserine"))
    assert not guessed_place(named) and not linked(lead, named)
    other = dataclasses.replace(claim, sentence=CLAIM.replace("Kisanga", "Mabalako"))
    assert not linked(lead, other)


def test_a_guess_in_the_other_reports_country_is_no_homonym() -> None:
    """A town the sentence does not name in the lead's own country ("the provincial
    capital" read as Goma) is the geocoder's reading, not a homonym: the rule does not
    apply; and a province both reports name is no shared place word."""
    lead, claim = _lead_and_claim()
    home = dataclasses.replace(claim, location_name="Goma", country="CD", lat=-1.68, lon=29.22)
    assert guessed_place(home)
    assert guessed_against(lead, home) is None
    assert shared_place_word(lead, home) is None
    kivu = dataclasses.replace(claim, sentence="Rebels claimed the raid in Nord Kivu on Tuesday.")
    kivu_lead = dataclasses.replace(lead, sentence="Rebels killed 17 in Mutwanga in Nord Kivu.")
    assert guessed_place(kivu)  # placed abroad, but the word both name is the lead's province
    assert shared_place_word(kivu_lead, kivu) is None


def test_without_evidence_a_homonym_abroad_contradicts_nothing() -> None:
    """Joining a cluster through another member, the claim's Tunisian guess does not
    contradict an outlet's "a village in eastern Congo" (no word in common)."""
    lead, claim = _lead_and_claim()
    province = dataclasses.replace(
        lead, event_id="p", doc_id="d5", location_name="Nord Kivu", geo_precision=3,
        sentence="Rebels killed 17 farmers in a village in eastern Congo on Tuesday night.",
    )  # fmt: skip
    assert guessed_against(province, claim) is None
    assert guessed_against(province, claim, evidence=False) is not None


UPDATE = ("The toll from Sunday's attack on the Kibali checkpost has risen to nine after "
          "three injured policemen died in hospital, officials said.")  # fmt: skip


def test_an_actor1_the_sentence_says_died_is_the_tolls_dead() -> None:
    """The toll's words cut short ("… has risen to nine after three inj") still leave the
    sentence saying the actor's words died: the dead, not the attacker."""
    update = event("u", "d1", sentence=UPDATE, actor1_text="three injured policemen",
                   fatalities=9, fatalities_text="has risen to nine after three inj")  # fmt: skip
    assert dead_as_actor1(update)
    doer = dataclasses.replace(
        update, actor1_text="Gunmen", sentence="Gunmen killed nine policemen; three died later."
    )
    assert not dead_as_actor1(doer)


def test_a_targets_name_is_a_place_word() -> None:
    """ "the Kibali checkpost" read as actor2: its name words still name the place; people
    ("Kibali villagers") stay actor words."""
    update = event("u", "d1", sentence=UPDATE, actor2_text="the Kibali checkpost")
    assert "kibali" in place_words(update)
    people = dataclasses.replace(update, actor2_text="Kibali villagers")
    assert "kibali" not in place_words(people)


def test_a_reading_with_an_inferred_actor_is_not_the_lead() -> None:
    """ "Gunmen killed 12 worshippers during morning prayers at a mosque": the reading whose
    actor1 the coder inferred from no words (mob violence) comes after the named doer's."""
    named = event("a", "d1", fatalities=12, actor1_text="Gunmen", confidence=0.5)
    inferred = event("b", "d1", fatalities=12, actor1_text="", plover_mode="beat",
                     confidence=0.9)  # fmt: skip
    assert min([inferred, named], key=lead_key) is named


def test_overran_names_no_weapon_and_casts_no_type_vote() -> None:
    """ "Fighters overran an army post at Kibali, killing 9 soldiers" (ground taken) and two
    outlets' "attacked the post": the canonical type is the attack's."""
    clash = {"plover_mode": "clash", "acled_event_type": "Battles",
             "acled_sub_event_type": "Armed clash"}  # fmt: skip
    overrun = event("a", "d1", plover_mode="territory", trigger_text="overran", fatalities=9,
                    acled_sub_event_type="Non-state actor overtakes territory")  # fmt: skip
    attacks = [event(x, "d" + x, trigger_text="attacked", fatalities=9, **clash) for x in "bc"]
    assert generic_attack(overrun)
    members = [overrun, *attacks]
    ids = [e.event_id for e in members]
    record = merge_record(Cluster("k", "k", ids, dict.fromkeys(ids, 0.9)), members)
    assert record.plover_mode == "clash"


def test_a_datelines_town_gives_way_to_a_place_a_clause_names() -> None:
    """ "BUKAVU - Gunmen attacked …" placed at the dateline's town, and another outlet's
    "in South Kivu province": the province, not the reporter's town; a dateline town that
    another report names in its clause keeps its support."""
    dateline = event("a", "d1", location_name="Bukavu", geo_precision=2, admin1="Sud Kivu",
                     place_fallback="document")  # fmt: skip
    province = event("b", "d2", location_name="Sud Kivu", geo_precision=3, admin1="Sud Kivu",
                     lat=-3.0, lon=28.3)  # fmt: skip
    assert best_place([dateline, province]) is province
    named = dataclasses.replace(dateline, event_id="c", doc_id="d3", place_fallback="clause")
    assert best_place([dateline, province, named]) in (dateline, named)


def test_of_one_days_counts_the_higher_is_the_latest() -> None:
    """Two outlets the same day, "at least 11 soldiers" and "14 soldiers dead", no update:
    14 (counts rise as the dead are found); a later lower rewrite is still not credible, and
    a stated update still comes first."""
    low = event("a", "d1", fatalities=11)
    high = event("b", "d2", fatalities=14)
    assert latest_toll([low, high]) is high and latest_toll([high, low]) is high
    update = event("c", "d3", fatalities=12, fatalities_text="the toll rose to 12")
    assert latest_toll([low, high, update]) is update
    later = event("d", "d4", fatalities=11, published=date(2026, 10, 14))
    assert latest_toll([low, high, later]) is high
