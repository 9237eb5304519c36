"""Issue 16, seventeenth stop (helper h16aw, actor codes). Our own sentences.

- A head noun two sides share across "and" ("between government and rebel forces") codes
  both sides, each with the head.
- A name the parse cut at a slash ("SPLA | /M-IO") is joined again when the whole token is
  one alias; "SPLA/M-N" is the northern movement, a rebel group.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.cutnames import rejoin_slash_name
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document


def _inters(top_event: TopEvent, text: str) -> tuple[int | None, int | None]:
    event = top_event(text, published="2015-03-20")
    assert event is not None, text
    a1, a2 = event.actor1, event.actor2
    return (a1.inter if a1 else None), (a2.inter if a2 else None)


def test_slash_name_is_joined_again() -> None:
    text = "Troops fought SPLA/M-IO near Leer."
    start = text.index("SPLA")
    actor = Actor(text="SPLA", start=start, end=start + 4)
    assert rejoin_slash_name(load_actor_dictionary(), Document(text=text), actor)
    assert actor.text == "SPLA/M-IO"


def test_slash_without_alias_is_left() -> None:
    text = "Troops fought rebels/bandits near Leer."
    start = text.index("rebels")
    actor = Actor(text="rebels", start=start, end=start + 6)
    assert not rejoin_slash_name(load_actor_dictionary(), Document(text=text), actor)
    assert actor.text == "rebels"


def test_shared_head_codes_both_sides(top_event: TopEvent) -> None:
    text = "Heavy fighting went on between government and rebel forces in Malakal on Monday."
    assert _inters(top_event, text) == (1, 2)


def test_slash_list_is_not_the_state(top_event: TopEvent) -> None:
    text = "Fresh fighting between the army and SPLA/M-IO / Olonyis Agwelek Forces near Kodok."
    assert _inters(top_event, text) == (1, 2)


def test_northern_movement_is_a_rebel_group(top_event: TopEvent) -> None:
    text = "Sudanese troops and SPLA/M-N rebels clashed near Dilling on Monday."
    assert _inters(top_event, text) == (1, 2)
