"""Issue 16, helper h16bh: Battles against Violence against civilians, own sentences.

- An armed group named only in a suspicion clause ("suspected of membership in an
  armed group", "searching for rebels", "accused of helping the militants") is not a side:
  harm done to the people is an Attack.
- A target named as the people of an ethnic group ("members of the X ethnic group", "a
  group of X people") is civilians, though the dictionary codes the group's militia.
- People harmed after their captors arrested them: an Attack, not a battle with the
  captors named in the sentence.
- A thief killed by the police is a civilian target; cattle thieves stay a raiding band.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

ATTACKS = [
    # suspicion clauses
    "On 4 May 2020, soldiers killed a woman and her son while firing shots searching for "
    "Ambazonian separatists in Kora village.",
    # the people of an ethnic group
    "On 2 June 2021, a Gumuz militia raided a gathering of Amhara people and killed 5 "
    "near Metekel town.",
    "On 2 June 2021, Toposa militia attacked members of the Turkana ethnic group in Nanam, "
    "killing 4 people.",
    # custody
    "On 4 May 2020, soldiers detained three students in Kora, drove them to an army "
    "barracks and fired on them, killing two.",
    # a thief
    "On 4 May 2020, the military forces killed two suspected thieves in Kora village.",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_harm_to_people_named_beside_an_armed_group_is_an_attack(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


TWINS = [
    # the armed group is the target itself, not a suspicion
    ("On 4 May 2020, soldiers killed five Ambazonian separatists in Kora village.", "Armed clash"),
    # the ethnic group's fighters named as militia stay armed
    (
        "On 1 June 2025, Al Shabaab attacked the Hawadle clan militia at a checkpoint in Kora.",
        "Armed clash",
    ),
]


@pytest.mark.parametrize(("text", "sub"), TWINS)
def test_twins_keep_their_reading(top_event: TopEvent, text: str, sub: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == sub
