"""Issue 18, eighteenth pass (helper h18s): a claim that names the act and then restates it
in the speaker's words ("claimed Saturday's attack on the base, saying in a statement on
Monday that its fighters had killed 22 soldiers"); one outlet's two same-day reports with two
counts; a loosely placed report with the same dead as one town's report and a lower count
at another; weapons the attackers were armed with; a cercle named by its kind word and the
town a claim names in it.

Own sentences and invented places (Tamboro, Kessa, Lomari): each rule with a guard.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from conftest import multi_outlet_groups
from eventwire.config import DedupOptions
from eventwire.dedup.linkage import cluster_events
from eventwire.dedup.rules import ReportEvent, generic_attack
from eventwire.dedup.tolls import toll_link
from eventwire.pipeline.dates.clauses import names_incident
from eventwire.records import Document
from test_dedup_rules import day_report, linked

SATURDAY = date(2028, 3, 4)
RAID = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor1_id": "GEN-BANDITS", "actor1_name": "Bandits",
        "actor1_inter": 3, "actor1_text": "Bandits", "actor2_id": "GEN-CIV",
        "actor2_name": "Civilians", "actor2_inter": 7, "actor2_text": "nine villagers",
        "fatalities": 9}  # fmt: skip
TOWN = {"location_name": "Tamboro", "geonameid": 71, "lat": 12.6, "lon": 6.2,
        "admin1": "Zamfara", "country": "NG", "geo_precision": 2}  # fmt: skip
STATE = {"location_name": "Zamfara", "geonameid": None, "lat": 12.1, "lon": 6.2,
         "admin1": "Zamfara", "country": "NG", "geo_precision": 3}  # fmt: skip


def event(event_id: str, doc_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, SATURDAY, RAID, TOWN, *defaults, **values)


# --- a claim restated in the speaker's words ------------------------------------------------


def test_a_claim_restated_after_saying_gives_the_claimed_act(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "JNIM claimed Saturday's attack on the army post at Djibo, saying in a statement on "
        "Monday that its fighters had killed 12 soldiers.",
        published="2028-03-06",
    )
    found = [e for e in doc.events if e.acled_event_type and e.modality == "asserted"]
    assert len(found) == 1
    assert found[0].actor1 is not None and found[0].actor1.claimed
    # the day the possessive names, not the day of the statement
    assert found[0].date is not None and found[0].date.start == SATURDAY


def test_a_possessive_day_that_names_an_incident() -> None:
    text = "claimed Saturday's deadly attack on the post, saying on Monday that its men"
    end = text.index("Saturday") + len("Saturday")
    nouns = frozenset({"attack", "raid"})
    assert names_incident(text, end, nouns)
    monday = text.index("Monday") + len("Monday")
    assert not names_incident(text, monday, nouns)  # "on Monday that": the telling's day


# --- one outlet, one day, two counts --------------------------------------------------------


def test_one_outlets_two_reports_of_a_day_with_two_counts_are_two_incidents() -> None:
    raid = event("a", "d1", source="Kessa Daily")
    ambush = event("b", "d2", source="Kessa Daily", fatalities=4,
                   fatalities_text="killing four of them")  # fmt: skip
    assert toll_link(raid, ambush, DedupOptions()) is None
    assert not linked(raid, ambush)
    # another outlet's lower count the same day may be an earlier count of one raid
    assert linked(raid, event("c", "d3", source="Lomari Post", fatalities=4))
    # the outlet's own update says so
    update = event("d", "d4", source="Kessa Daily", fatalities=12,
                   fatalities_text="the toll has risen to 12")  # fmt: skip
    assert linked(raid, update)


# --- a loosely placed report: the same dead before a count another report may raise --------


def test_a_state_level_report_joins_the_town_report_with_its_dead() -> None:
    raid = event("a", "d1", source="Kessa Daily")
    ambush = event("b", "d2", source="Kessa Daily", fatalities=4, date_text="on Saturday morning",
                   actor2_text="a group of vigilantes")  # fmt: skip
    next_day = SATURDAY + timedelta(days=1)
    state = event("c", "d3", STATE, source="Lomari Post", published=next_day,
                  actor2_text="nine people")  # fmt: skip
    assert linked(state, raid) and linked(state, ambush)  # 4 may have risen to 9 by Sunday
    clusters = cluster_events([ambush, state, raid])
    together = next(c.members for c in clusters if "c" in c.members)
    assert sorted(together) == ["a", "c"]


# --- weapons the attackers carried ---------------------------------------------------------


def test_weapons_the_attackers_were_armed_with_name_no_mode() -> None:
    told = "Militants armed with rifles and grenades attacked a cafe in Kessa."
    kit = event("a", "d1", plover_mode="grenade", trigger_text="grenades attacked", sentence=told)
    assert generic_attack(kit)
    thrown = event("b", "d2", plover_mode="grenade", trigger_text="grenade attacked",
                   sentence="A grenade attacked ... the police said.")  # fmt: skip
    assert not generic_attack(thrown)
    assert not generic_attack(event("c", "d3", trigger_text="grenade"))


# --- a cercle named by its kind word and the town a claim names in it ------------------------

CLASH = {"plover_mode": "clash", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor2_id": "ML-MIL",
         "actor2_name": "Military Forces of Mali", "actor2_inter": 1,
         "actor2_text": "seven soldiers", "fatalities": 7, "admin1": "Mopti",
         "country": "ML", "geo_precision": 1}  # fmt: skip
CIRCLE = {"location_name": "Tamboro", "geonameid": 81, "lat": 15.0, "lon": -2.9,
          "actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group", "actor1_inter": 3,
          "actor1_text": "Gunmen",
          "sentence": "Gunmen attacked a military post in the Tamboro circle on Tuesday, "
          "killing seven soldiers."}  # fmt: skip
CAMP = {"location_name": "Lomari", "geonameid": 82, "lat": 15.05, "lon": -1.95,
        "actor1_id": "ML-JNIM", "actor1_name": "Group for Support of Islam and Muslims",
        "actor1_inter": 2, "actor1_text": "JNIM", "actor1_claimed": True,
        "sentence": "JNIM claimed Tuesday's attack on the army camp in Lomari, saying its "
        "fighters had killed seven soldiers."}  # fmt: skip


def test_a_claimed_town_lies_in_a_circle_another_report_names() -> None:
    circle = event("a", "d1", CLASH, CIRCLE)
    camp = event("b", "d2", CLASH, CAMP)  # about 100 km from the circle's seat
    assert linked(circle, camp)
    # not a claim: two outlets' own places stay two
    assert not linked(circle, event("c", "d3", CLASH, CAMP, actor1_claimed=False))
    # another toll: no same dead to tell one incident
    assert not linked(circle, event("d", "d4", CLASH, CAMP, fatalities=2))


# --- dev set ab, through the whole pipeline ------------------------------------------------


def test_set_ab_distinct_incidents_never_merged(run_text: Callable[..., Document]) -> None:
    groups, incident = multi_outlet_groups(run_text, "ab")
    for members in groups:
        assert len({incident[s] for s in members}) == 1, members
    for pair in (
        {"bf-0205-gorom", "sd-0207-jnim"},  # the claim restated after "saying"
        {"zd-0212-maradun", "nw-0213-zamfara"},  # the state's report and the village's dead
        {"ml-0208-mondoro", "ml-0209-jnim"},
    ):
        assert any(pair <= members for members in groups), pair


# --- a suicide attack's claim with no toll: the bomber counted ------------------------------

SUICIDE = {"plover_mode": "suicide", "acled_event_type": "Explosions/Remote violence",
           "acled_sub_event_type": "Suicide bomb", "actor1_id": "GEN-UAG",
           "actor1_name": "Unidentified Armed Group", "actor1_inter": 3,
           "actor1_text": "A suicide bomber", "fatalities": 6,
           "fatalities_text": "killing six",
           "sentence": "A suicide bomber struck a checkpoint in Tamboro, killing six."}  # fmt: skip


def test_a_claim_counting_only_the_bomber_joins_the_bombing() -> None:
    lead = event("a", "d1", SUICIDE)
    claim_day = SATURDAY + timedelta(days=1)
    claim = event("b", "d2", SUICIDE, actor1_claimed=True, fatalities=1,
                  fatalities_text="suicide bombers", published=claim_day,
                  sentence="The group said one of its fighters had carried out the suicide "
                  "bombing at the checkpoint in Tamboro.")  # fmt: skip
    assert linked(lead, claim)
    # one dead the sentence itself tells is a count: far below the lead's, a day later
    one = "A suicide bomber struck a checkpoint in Tamboro, killing one soldier."
    told = event("c", "d3", SUICIDE, fatalities=1, fatalities_text="killing one soldier",
                 published=claim_day, sentence=one)  # fmt: skip
    assert not linked(lead, told)


# --- two kinds of site on one day -----------------------------------------------------------


def test_a_market_and_a_checkpoint_on_one_day_are_two_incidents() -> None:
    market = event("a", "d1", sentence="A bomb tore through a market in Tamboro on Saturday.")
    checkpoint = event("b", "d2", sentence="A bomb hit an army checkpoint in Tamboro on Saturday.")
    assert not linked(market, checkpoint)
    # one base, two names; a sentence naming two kinds says nothing
    post = event("c", "d3", sentence="Gunmen overran an army outpost in Tamboro.")
    assert linked(post, event("d", "d4", sentence="Gunmen attacked a military camp in Tamboro."))
    both = event("e", "d5", sentence="A bomb hit a checkpoint outside the market in Tamboro.")
    assert linked(market, both)
