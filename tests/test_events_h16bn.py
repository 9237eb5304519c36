"""Issue 16, helper h16bn: Battles against Violence against civilians, own sentences.

- Soldiers or officers who could not fight, executed (held, then killed): an Attack,
  though the target is armed.
- The attacked drove the attackers off ("forced them to retreat", "put up stiff
  resistance"): a battle, though the first victims were civilians (people who "fought
  them off" and escaped stay the victims of an Attack).
- A fight told only as the cause of an attack ("related to clashes between two clans")
  is background: the attack on the people is the event.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

ATTACKS = [
    # executed
    "On 3 March 2021, troops of the presidential guard executed 12 soldiers of the rival "
    "faction near Tolo.",
    # the fight is only the cause told
    "Eight gunmen on camels attacked a naming ceremony in Tolo, Dala locality. 2 killed, 5 "
    "wounded. Attack allegedly related to recurring clashes between Bako and Dala tribes.",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_armed_people_who_could_not_fight_or_a_cause_told_is_an_attack(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


BATTLES = [
    "On 3 March 2021, rebels attacked Tolo village. They burned a shop but the residents "
    "forced them to retreat.",
]


@pytest.mark.parametrize("text", BATTLES)
def test_attackers_driven_off_is_a_battle(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


TWINS = [
    # people who escaped their attackers did not fight a battle
    ("On 3 March 2021, three women from Tolo camp were set upon by militiamen. They "
     "fought them off and ran away.", "Attack"),
    # soldiers killed in an attack on their post stay a battle
    ("On 3 March 2021, gunmen attacked a police post in Tolo and killed a police sergeant.",
     "Armed clash"),
    # "executed an attack": no one was executed
    ("On 3 March 2021, militants executed an attack on a military base near Tolo.",
     "Armed clash"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sub"), TWINS)
def test_twins_keep_their_reading(top_event: TopEvent, text: str, sub: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == sub


def test_defenceless_reasons() -> None:
    from eventwire.pipeline.events.defenceless import EXECUTED, defenceless
    from eventwire.pipeline.events.phrases import Context

    assert defenceless("kill", Context(trigger={"execute"}, patient={"armed"})) == EXECUTED
    assert defenceless("kill", Context(trigger={"execute"}, patient={"civilian"})) is None
    assert defenceless("kill", Context(trigger={"kill"}, patient={"armed"})) is None
    assert defenceless("kill", Context(trigger={"execute"}, window={"fought_back"},
                                       patient={"armed"})) is None  # fmt: skip
