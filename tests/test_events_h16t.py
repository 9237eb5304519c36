"""Issue 16, eleventh pass (h16t): event sub-types on wording seen in several notes.
Our own sentences, one class per test, each with a twin that must keep its reading."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from conftest import top_sub_type as _sub
from eventwire.pipeline.events.parties import adjective_agent

SHELLING = "Shelling/artillery/missile attack"


# -- explosive remnants of war: the landmine/IED sub-type, whatever the device -----------------
@pytest.mark.parametrize(
    "text",
    [
        "Two herders died when an unexploded grenade went off near the well in Garsila.",
        "A hand grenade killed two boys near the market in Garsila. Elders said the grenade "
        "was an unexploded remnant of last year's fighting.",
        "Three children were hurt when a piece of unexploded ordnance detonated in Garsila.",
    ],
)
def test_a_remnant_of_war_that_went_off_is_a_landmine_or_ied(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen threw a grenade into a bar in Garsila, killing two men.", "Grenade"),
        ("Rebels fired mortar shells at a village near Garsila.", SHELLING),
    ],
)
def test_a_device_used_in_an_attack_keeps_its_sub_type(
    top_event: TopEvent, text: str, expected: str
) -> None:
    assert _sub(top_event, text) == expected


# -- a name before a past-tense trigger the parser read as an adjective is its agent ----------
@pytest.mark.parametrize(
    "text",
    [
        "SAF bombed areas in West Kordofan over three days.",
        "SAF bombed villages of Abu Gamra and Tawila on 3 May.",
    ],
)
def test_state_forces_that_bombed_places_are_an_air_strike(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Air/drone strike"


def test_a_group_that_bombed_a_place_stays_a_bombing(top_event: TopEvent) -> None:
    text = "Al Shabaab bombed a police station in Garissa."
    assert _sub(top_event, text) == "Remote explosive/landmine/IED"


def test_the_adjective_agent_is_the_name_before_the_trigger(pipeline: object) -> None:
    from eventwire.pipeline.base import Pipeline
    from eventwire.records import Document

    assert isinstance(pipeline, Pipeline)
    doc = pipeline(Document(text="SAF bombed areas in West Kordofan over three days."))
    parse = doc.parses[0]
    trigger = next(t for t in parse if t.lower_ == "bombed")
    if trigger.dep_ == "amod":  # the misparse this class repairs
        assert parse[adjective_agent(parse, trigger.i) or 0].text == "SAF"
    verb = pipeline(Document(text="The soldiers bombed the bridge.")).parses[0]
    assert adjective_agent(verb, next(t.i for t in verb if t.lower_ == "bombed")) is None


# -- an intervention the note denies, criticises or dates before the protest ------------------
@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of traders held a peaceful protest in Kisumu over market fees. The protest "
        "was calm and no police intervention was reported.",
        "Nurses held a peaceful protest in Nakuru, criticizing the police intervention at a "
        "strike in Eldoret last month.",
        "Farmers held a peaceful protest in Embu over land. They had been evicted from the "
        "land in May.",
        "Students held a peaceful protest in Bandung, opposing a plan of evicting a school.",
    ],
)
def test_an_intervention_not_done_at_the_protest_leaves_it_peaceful(
    top_event: TopEvent, text: str
) -> None:
    assert _sub(top_event, text) == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of traders protested in Kisumu over market fees. Police dispersed them "
        "with tear gas.",
        "Farmers held a protest in Embu over land. Police evicted them from the square.",
    ],
)
def test_an_intervention_done_at_the_protest_counts(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Protest with intervention"


# -- people harmed in a raid: an attack, also when the parse finds no doer ---------------------
@pytest.mark.parametrize(
    "text",
    [
        "Government-backed militiamen beat, wounded and robbed 14 traders in villages near Tawila.",
        "05 May. An unidentified armed group hijack a lorry near Tawila, killing the driver "
        "and stealing its load.",
    ],
)
def test_a_raid_that_harmed_people_is_an_attack(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Attack"


def test_a_raid_that_harmed_nobody_is_looting(top_event: TopEvent) -> None:
    text = "Government-backed militiamen robbed 14 traders in villages near Tawila."
    assert _sub(top_event, text) == "Looting/property destruction"


# -- crowds do not trade gunfire ----------------------------------------------------------------
def test_a_group_that_exchanged_fire_fought_a_battle(top_event: TopEvent) -> None:
    text = "A convoy was attacked near Kutum. The escort exchanged fire with the group."
    assert _sub(top_event, text) == "Armed clash"


def test_groups_of_people_who_fought_are_a_mob(top_event: TopEvent) -> None:
    text = "Two groups of villagers clashed over a borehole near Kutum. One was injured."
    assert _sub(top_event, text) == "Mob violence"


# -- state forces acting on a protest intervene; a shooting with deaths is excessive force ----
@pytest.mark.parametrize(
    "text",
    [
        "A march against the new tax was stopped by the police in Embu.",
        "Hundreds of traders marched in Embu. Police stopped the march near the county office.",
    ],
)
def test_forces_that_stop_a_march_intervene(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of traders marched in Embu. Police escorted the march to the county office.",
        "Hundreds of traders marched in Embu. Police did not stop the march.",
    ],
)
def test_forces_that_escort_or_let_a_march_pass_do_not(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Peaceful protest"


def test_forces_that_fired_on_protesters_who_died_used_excessive_force(
    top_event: TopEvent,
) -> None:
    text = "Soldiers fired on protesters in Dessie, resulting in four fatalities."
    assert _sub(top_event, text) == "Excessive force against protesters"


def test_deaths_the_note_denies_are_no_excessive_force(top_event: TopEvent) -> None:
    text = "Police dispersed protesters in Dessie with tear gas. There were no deaths."
    assert _sub(top_event, text) == "Protest with intervention"


# -- burning tyres and barricading roads are a demonstration's tactics -------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Residents barricaded the road with burning tyres in Lodwar. Police arrested two men.",
        "Youths burned tires on the highway near Lodwar after the election results.",
    ],
)
def test_tyres_burned_on_a_road_are_a_violent_demonstration(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Violent demonstration"


def test_a_crowd_that_stoned_a_man_is_a_mob(top_event: TopEvent) -> None:
    text = "Villagers stoned a suspected cattle thief to death near Lodwar."
    assert _sub(top_event, text) == "Mob violence"


# -- damage or blows told in a trigger-less sentence after a protest ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of students held a demonstration in Makassar, rejecting the new bill. They "
        "tore down the fence of the council building.",
        "About 40 villagers demonstrated in Ikata, demanding a share of the food aid. They "
        "punched two aid workers.",
    ],
)
def test_damage_told_after_a_protest_makes_it_violent(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Violent demonstration"


def test_forces_that_opened_fire_did_no_damage_of_the_crowd(top_event: TopEvent) -> None:
    text = (
        "Residents marched to the police station in Hula to protest a killing; police forces "
        "opened fire, killing three demonstrators."
    )
    assert _sub(top_event, text) == "Excessive force against protesters"


def test_blows_the_police_dealt_are_no_violence_of_the_crowd(top_event: TopEvent) -> None:
    text = (
        "Workers held a protest in front of the council in Makassar over wages. Police "
        "dispersed the crowd and punched a reporter who was filming."
    )
    assert _sub(top_event, text) == "Protest with intervention"


def test_a_protest_told_with_no_damage_stays_peaceful(top_event: TopEvent) -> None:
    text = (
        "Hundreds of students held a demonstration in Makassar, rejecting the new bill. They "
        "read a statement in front of the council building."
    )
    assert _sub(top_event, text) == "Peaceful protest"


def test_the_prefilter_reads_a_damage_sentence_beside_a_protest(settings: object) -> None:
    from eventwire.config import Settings
    from eventwire.pipeline.nlp.prefilter import CONTEXT, load_prefilter

    assert isinstance(settings, Settings)
    prefilter = load_prefilter(settings, use_cache=False)
    level = prefilter.level
    assert level("They tore down the fence of the council building.") == CONTEXT
    assert level("They read a statement in front of the council building.") == 0
