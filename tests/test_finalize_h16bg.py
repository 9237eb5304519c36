"""Issue 16, helper h16bg: which type a found event gets, own sentences.

- (h16bg's clash_first, a fight in which a bomb went off told as the Armed clash, was left
  out at the merge: on the check rows it cost one date and one inter2 row.)
- A clash told by a word of two sides fighting each other ("clashed with", "clashes
  between") stays a battle when the actors stage codes its target as civilians.
- A clash read as Mob violence whose two sides are both coded as armed is an Armed clash.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

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
