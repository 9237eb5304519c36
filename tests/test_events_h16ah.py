"""Issue 16, helper h16ah: Attack vs Armed clash in acled_more notes, own sentences.

Each class has sentences that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_sub_type

# --- a clash told by a defence verb: the side that repelled fought --------------------------

REPELLED = [
    "On 3 May 2021, a group of farmers repelled an attack of separatist fighters who tried to "
    "seize their village chief in Kiboro village. No casualties were reported.",
    "On 9 July 2022, residents of Tala repelled an attack of Fulani militia who tried to steal "
    "their cattle. No casualties were reported.",
]


@pytest.mark.parametrize("text", REPELLED)
def test_villagers_who_repelled_attackers_fought_a_battle(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


def test_an_attack_on_villagers_with_no_defence_stays_an_attack(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, separatist fighters attacked a group of farmers in Kiboro village, "
        "wounding two of them."
    )
    assert top_sub_type(top_event, text) == "Attack"


# --- armed people named beside civilians among the victims: the attack met armed men -------

MIXED_VICTIMS = [
    "Rebels attacked the village of Tala, burning homes and killing 6 civilians and 3 soldiers.",
    "Ethnic militia attacks civilians and police in Dorlo.",
    "At least 12 people (10 civilians and 2 policemen) were killed by gunmen in an attack on a "
    "market in Kiboro.",
]


@pytest.mark.parametrize("text", MIXED_VICTIMS)
def test_soldiers_among_the_victims_make_a_battle(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


CIVILIAN_VICTIMS_ONLY = [
    "Rebels attacked the village of Tala, burning homes and killing 6 civilians.",
    # soldiers and civilians named together, but not as victims
    "Gunmen attacked the village of Tala and killed 4 farmers; soldiers and residents fled "
    "to Dorlo.",
]


@pytest.mark.parametrize("text", CIVILIAN_VICTIMS_ONLY)
def test_civilian_victims_alone_keep_the_attack(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Attack"


# --- a counter-attack or an offensive launched: forces fighting forces ----------------------

OFFENSIVES = [
    "Rebel forces carried out a counter-attack in Tala county and were closing in on the town.",
    "Army troops launched an offensive to take the town of Dorlo.",
]


@pytest.mark.parametrize("text", OFFENSIVES)
def test_a_counter_attack_or_an_offensive_is_a_battle(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


def test_a_protest_against_an_offensive_stays_a_protest(top_event: TopEvent) -> None:
    text = "Hundreds protested in Kiboro against the army's offensive in the north."
    assert top_sub_type(top_event, text) == "Peaceful protest"
