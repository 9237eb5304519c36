"""Issue 16, tenth pass (h16r): which side a violent act's target is on.
Our own sentences, one class per test, each with a twin that must keep its reading."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from conftest import top_sub_type as _sub
from eventwire.datafiles import words
from eventwire.pipeline.events.subtypes import FOUGHT_BACK


# -- the attacked answered the attackers in the note: a battle --------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Armed men stormed a school in the village and opened fire on pupils. "
        "Guards fired back at the gunmen.",
        "Militants raided a farm near the town. Soldiers repulsed them after an hour.",
        "Gunmen attacked a wedding party in the village. Guards returned fire.",
    ],
)
def test_an_attack_the_attacked_answered_is_a_clash(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        "Armed men stormed a school in the village and opened fire on pupils. "
        "Police later arrived at the school.",
        "Militants raided a farm near the town. Soldiers arrived after an hour.",
        "Gunmen attacked a wedding party in the village. Soldiers intervened later.",
    ],
)
def test_an_attack_nobody_answered_stays_an_attack(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Attack"


def test_police_that_repel_protesters_make_no_battle(top_event: TopEvent) -> None:
    text = "Students protested over fees. Police repelled the crowd with tear gas."
    assert _sub(top_event, text) == "Protest with intervention"


def test_finalize_keeps_the_events_stage_reason() -> None:
    assert FOUGHT_BACK in words("finalize", "kept_clash_reasons")


# -- one person of a community is a victim, not the community's militia -----------------------
@pytest.mark.parametrize(
    "text",
    [
        "Raiders shot dead a Samburu herdsman near the river.",
        "Gunmen killed a member of the Turkana clan near the river.",
    ],
)
def test_one_member_of_a_community_is_a_civilian_target(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Attack"


def test_a_community_s_armed_herdsmen_stay_a_side(top_event: TopEvent) -> None:
    text = "Samburu herdsmen attacked rival Turkana herdsmen near the river."
    assert _sub(top_event, text) == "Armed clash"


# -- a headline parse: the people after the act are its targets -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police assault reporter covering land dispute",
        "Bandits raid homesteads, attack civilians",
    ],
)
def test_civilians_after_a_headline_act_are_its_targets(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Attack"


def test_soldiers_after_a_headline_act_are_a_side(top_event: TopEvent) -> None:
    assert _sub(top_event, "Rebels attack army post, kill soldiers") == "Armed clash"


# -- a place after "clashed at" is the scene, not the people the forces fought ----------------
@pytest.mark.parametrize(
    "text",
    [
        "Police officers and soldiers clashed at the cattle market over tax payments.",
        "Soldiers and police officers clashed at the district office over unpaid allowances.",
    ],
)
def test_forces_that_clashed_at_a_market_fought_each_other(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Armed clash"


def test_police_that_clashed_with_traders_at_a_market_met_a_crowd(top_event: TopEvent) -> None:
    assert _sub(top_event, "Police clashed with traders at the cattle market.") == "Mob violence"


# -- a battle and the ground it won: the change of territory is the note's event --------------
@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Rebels clashed with the army in Malu county. The rebels took control of the village.",
            "Non-state actor overtakes territory",
        ),
        (
            "Soldiers clashed with rebels in Malu county. The soldiers took control of the "
            "village.",
            "Government regains territory",
        ),
    ],
)
def test_ground_taken_after_a_clash_is_the_event(top_event: TopEvent, text: str, sub: str) -> None:
    assert _sub(top_event, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with rebels near Malu. The rebels took over the town the next "
        "day (coded separately).",
        "Soldiers clashed with rebels near Malu. The rebels did not capture the town.",
    ],
)
def test_ground_told_apart_or_denied_leaves_the_clash(top_event: TopEvent, text: str) -> None:
    assert _sub(top_event, text) == "Armed clash"
