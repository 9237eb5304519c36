"""Issue 16, helper h16bg: which type a found event gets, own sentences.

- A fight in which one side set off a bomb or a grenade is the Armed clash (finalize,
  clash_first.py); a blast with no fight beside it, or a fight "coded separately", stays
  the remote explosive.
- A clash told by a word of two sides fighting each other ("clashed with", "clashes
  between") stays a battle when the actors stage codes its target as civilians.
- A clash read as Mob violence whose two sides are both coded as armed is an Armed clash.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent


def test_a_fight_after_an_ied_is_the_armed_clash(top_event: TopEvent) -> None:
    event = top_event(
        "On 5 June 2023, suspected Al Shabaab militants clashed with government soldiers at a "
        "checkpoint near the livestock market in Kora town after the militants exploded an IED "
        "at the checkpoint. There were no casualties."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


BLASTS = [
    "On 5 June 2023, a roadside bomb planted by Al Shabaab exploded near a police patrol in Kora "
    "town. No casualties were reported.",
    "On 5 June 2023, Al Shabaab militants detonated an IED at a checkpoint in Kora town after "
    "clashes between the militants and the army in Dabo (coded separately). Two soldiers were "
    "killed.",
]


@pytest.mark.parametrize("text", BLASTS)
def test_a_blast_with_no_fight_of_its_own_stays_the_explosion(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"


RECIPROCAL = [
    "On 3 May 2022, Fulani herders clashed with farmers in Kora village.",
    "On 5 June 2023, ethnic Dabo militiamen clashed with residents of Kora village over grazing "
    "land.",
]


@pytest.mark.parametrize("text", RECIPROCAL)
def test_sides_that_clashed_fought_a_battle(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


def test_herders_who_attack_a_farmer_are_no_battle(top_event: TopEvent) -> None:
    event = top_event("On 3 May 2022, a group of herders attacked a farmer in Kora village.")
    assert event is not None
    assert event.acled_sub_event_type != "Armed clash"


def test_two_groups_of_soldiers_who_clashed_fought_a_battle(top_event: TopEvent) -> None:
    event = top_event(
        "On 3 May 2022, two groups of government soldiers clashed at the market in Kora town "
        "over a dispute about pay."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


def test_rival_party_supporters_who_clashed_stay_a_crowd_event(top_event: TopEvent) -> None:
    event = top_event(
        "On 5 June 2023, supporters of two rival parties clashed at a rally in Kora town, "
        "injuring four people."
    )
    assert event is not None
    assert event.acled_sub_event_type != "Armed clash"
