"""Issue 16, helper h16ad: event types and sub-types of acled_more notes, own sentences.

Each class has sentences that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_sub_type

# --- a grenade that opened a battle told in the same sentence: an Armed clash -------------

GRENADE_IN_A_BATTLE = [
    "On 3 May 2023, rebels clashed with soldiers at a roadblock in Dorlo town after the "
    "fighters threw a hand grenade. Two soldiers were hurt.",
    # an exchange of fire with a grenade thrown in it
    "Militants exchanged fire with the police at a checkpoint near Tamsa after one of them "
    "threw a grenade at the guards.",
    "The rebels clashed with the guards of the Kiboro prison, after they threw a grenade at "
    "the gate.",
]


@pytest.mark.parametrize("text", GRENADE_IN_A_BATTLE)
def test_a_grenade_that_opened_a_battle_is_an_armed_clash(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


GRENADE_ALONE_OR_AT_A_CROWD = [
    # no battle told: the grenade is the event
    "On 3 May 2023, militants threw a hand grenade at a checkpoint in Dorlo town. Two soldiers "
    "were hurt.",
    # crowds clashing after a grenade attack: the grenade attack keeps its own reading
    "Youths clashed in the market of Kiboro after a grenade attack on a bus.",
]


def test_a_grenade_with_no_battle_stays_a_grenade(top_event: TopEvent) -> None:
    assert top_sub_type(top_event, GRENADE_ALONE_OR_AT_A_CROWD[0]) == "Grenade"


def test_crowds_clashing_after_a_grenade_attack_are_not_a_battle(top_event: TopEvent) -> None:
    assert top_sub_type(top_event, GRENADE_ALONE_OR_AT_A_CROWD[1]) != "Armed clash"


# --- "riot police" are police: the word is no riot told beside the protest ---------------

RIOT_POLICE_AT_A_CALM_PROTEST = [
    ("Nurses marched to the health ministry in Dorlo to demand unpaid salaries, but riot "
     "police fired tear gas to disperse them.", "Protest with intervention"),
    ("Traders held a sit-in outside the town hall of Kiboro over new market fees while riot "
     "police stood by.", "Peaceful protest"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub"), RIOT_POLICE_AT_A_CALM_PROTEST)
def test_riot_police_do_not_make_a_protest_violent(
    top_event: TopEvent, text: str, sub: str
) -> None:
    assert top_sub_type(top_event, text) == sub


def test_protesters_who_stoned_riot_police_stay_violent(top_event: TopEvent) -> None:
    text = "Nurses marching in Dorlo over unpaid salaries threw stones at riot police."
    assert top_sub_type(top_event, text) == "Violent demonstration"


# --- two sides that fired at each other: an Armed clash, not one-sided fire ---------------

FIRED_AT_EACH_OTHER = [
    "On 2 March 2023, the army and the rebels shelled each other across the river at Dorlo.",
    "Two militias opened fire at one another on the outskirts of Tamsa town on 5 May 2023.",
]


@pytest.mark.parametrize("text", FIRED_AT_EACH_OTHER)
def test_sides_that_fired_at_each_other_fought_a_battle(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


def test_shelling_of_a_town_stays_shelling(top_event: TopEvent) -> None:
    text = "On 2 March 2023, the army shelled the town of Dorlo across the river."
    assert top_sub_type(top_event, text) == "Shelling/artillery/missile attack"


# --- ground taken with "no confrontation" told in a sentence of its own --------------------

GROUND_TAKEN_UNOPPOSED = (
    "On 3 May 2023, government troops regained control of Tamsa from the rebels. No "
    "confrontation was reported."
)


def test_ground_taken_with_no_confrontation_told_after_is_non_violent(top_event: TopEvent) -> None:
    assert top_sub_type(top_event, GROUND_TAKEN_UNOPPOSED) == "Non-violent transfer of territory"


def test_ground_retaken_with_nothing_said_stays_regained(top_event: TopEvent) -> None:
    text = GROUND_TAKEN_UNOPPOSED.split(" No ")[0]
    assert top_sub_type(top_event, text) == "Government regains territory"


# --- a mine dug for ore is no landmine --------------------------------------------------------


def test_an_attack_at_a_gold_mine_is_no_landmine(top_event: TopEvent) -> None:
    text = "On 4 April 2023, gunmen attacked workers at a gold mine near Tamsa, killing two."
    assert top_sub_type(top_event, text) == "Attack"


def test_a_cart_that_hit_a_mine_stays_a_landmine(top_event: TopEvent) -> None:
    text = "On 4 April 2023, two farmers were killed when their cart hit a mine near Tamsa."
    assert top_sub_type(top_event, text) == "Remote explosive/landmine/IED"
