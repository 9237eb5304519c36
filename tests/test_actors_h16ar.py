"""Issue 16, sixteenth stop, second round (helper h16ar, actor codes). Our own sentences.

"The assailants", "the attackers", "the gunmen" refer back to an armed actor, never to a
government or an international body named before (a country named in passing).

Forces the report calls unidentified ("unidentified armed forces ambushed a convoy",
"unknown forces carried out an airstrike") are nobody's army: an unidentified armed group
(inter 3), or Unidentified Military Forces (inter 8) for an air or drone strike. Twins:
forces named by their country, and police the report does not name ("unidentified police
officers"), keep the state's code.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.coref import anaphor_types, compatible
from eventwire.records import Actor


def _actor1(top_event: TopEvent, text: str) -> tuple[int | None, str | None]:
    event = top_event(text, published="2024-03-02")
    assert event is not None and event.actor1 is not None, text
    return event.actor1.inter, event.actor1.name


def test_unidentified_forces_ambush_is_an_armed_group(top_event: TopEvent) -> None:
    text = "Unidentified armed forces ambushed a truck convoy near Yei, killing two drivers."
    assert _actor1(top_event, text)[0] == 3


def test_unknown_forces_airstrike_is_unidentified_military(top_event: TopEvent) -> None:
    text = "On 1 March 2024, unknown forces carried out an airstrike on a camp near Kismayo."
    event = top_event(text, published="2024-03-02")
    assert event is not None and event.actor1 is not None
    if event.acled_sub_event_type == "Air/drone strike":
        assert (event.actor1.inter, event.actor1.name) == (8, "Unidentified Military Forces")


def test_named_forces_keep_the_state_code(top_event: TopEvent) -> None:
    text = "South Sudanese forces ambushed a truck convoy near Yei, killing two drivers."
    assert _actor1(top_event, text)[0] == 1


def test_unidentified_police_stay_police(top_event: TopEvent) -> None:
    text = "Four unidentified police officers assaulted a reporter in Ho and took his camera."
    assert _actor1(top_event, text)[0] == 1


def test_attackers_refer_back_to_armed_actors_only() -> None:
    for anaphor in ("the assailants", "the attackers", "the gunmen"):
        types = anaphor_types(anaphor)
        assert types is not None and "government" not in types, anaphor
        assert {"military", "rebel", "unidentified armed group"} <= types, anaphor
        state = Actor(text="Uganda", name="Government of Uganda", type="government", inter=1)
        assert not compatible(state, types)
        gunmen = Actor(
            text="gunmen", name="Unidentified Armed Group", type="unidentified armed group", inter=3
        )
        assert compatible(gunmen, types)
