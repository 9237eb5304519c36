"""Issue 16, helper h16bt: a bomb that went off in a battle, own sentences.

A mine, an IED or a mortar bomb that exploded while the sides fought (a clash told in the
sentence or beside it) is part of the battle, an Armed clash, whoever it killed. A bomb
with no fight told, and a place bombed at civilians beside clashes coded on their own,
stay explosions.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

BATTLES = [
    # the device went off during the fight
    "On 3 March 2021, militants attacked the village of Tolo, leading to a firefight with "
    "the soldiers of the garrison. One army truck exploded on a landmine during the fight.",
    # the clash told in the sentence before
    "On 3 March 2021, clashes broke out between the army and Tolo rebels near Dala. Two "
    "civilians were killed when bombs exploded inside a school compound.",
    # the IED opened the clash
    "On 3 March 2021, Tolo militants clashed with police at a checkpoint in Dala after the "
    "militants exploded an IED at the gate.",
]


@pytest.mark.parametrize("text", BATTLES)
def test_a_bomb_that_went_off_in_a_battle_is_the_battle(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


TWINS = [
    # no fight told: a bombing
    "On 3 March 2021, a roadside bomb exploded near a bus in Dala, killing four passengers.",
]


@pytest.mark.parametrize("text", TWINS)
def test_a_bomb_with_no_fight_stays_an_explosion(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Explosions/Remote violence"


def test_bomb_in_battle_reads_the_note() -> None:
    from eventwire.pipeline.events.battle_blast import bomb_in_battle
    from eventwire.pipeline.events.phrases import Context

    assert bomb_in_battle(Context(frames_window={"clash"}), crowd_scene=False)
    assert not bomb_in_battle(Context(frames_window={"clash"}), crowd_scene=True)
    bombed = Context(frames_sentence={"clash"}, trigger={"bombed"}, patient={"civilian"})
    assert not bomb_in_battle(bombed, crowd_scene=False)
    assert not bomb_in_battle(Context(), crowd_scene=False)
