"""Issue 16, seventeenth stop (helper h16au, actor codes). Our own sentences.

- A long group name the parse cut at its left edge ("clashed with Islamic | State Somalia
  Province …") is joined again, and a battle's second side named right after its verb
  ("clashed with X in Y village") is read when the parse hung it on the place.
- Two groups of one party that fought each other code the party on both sides; a riot
  between two groups has rioters on both sides, not the police that came.
- The dead of actor1's own side, told in the next sentence, are no second side.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.cutnames import rejoin_cut_name
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document


def _inters(top_event: TopEvent, text: str) -> tuple[int | None, int | None]:
    event = top_event(text, published="2026-03-20")
    assert event is not None, text
    a1, a2 = event.actor1, event.actor2
    return (a1.inter if a1 else None), (a2.inter if a2 else None)


def test_cut_name_is_joined_again() -> None:
    text = "Dervish troops fought Islamic State Somalia Province near Qandala."
    start = text.index("State Somalia")
    actor = Actor(text="State Somalia Province", start=start, end=start + 22)
    assert rejoin_cut_name(load_actor_dictionary(), Document(text=text), actor)
    assert actor.text == "Islamic State Somalia Province"


def test_place_words_are_not_joined() -> None:
    text = "Troops fought rebels in Kismayo town near the coast."
    start = text.index("Kismayo")
    actor = Actor(text="Kismayo town", start=start, end=start + 12)
    assert not rejoin_cut_name(load_actor_dictionary(), Document(text=text), actor)
    assert actor.text == "Kismayo town"


def test_battle_second_side_named_after_the_verb(top_event: TopEvent) -> None:
    text = (
        "On 3 March 2026, Puntland Dervish Force troops clashed with Islamic State Somalia "
        "Province militants in Ceelbuh village near Bosaso town (Bossaso, Bari). The soldiers "
        "seized two rifles."
    )
    assert _inters(top_event, text) == (1, 2)


def test_two_groups_of_one_armed_party(top_event: TopEvent) -> None:
    text = (
        "On 3 July 2025, 2 groups of Al Shabaab fought in Jilib village (Jilib, Middle "
        "Juba) over a tax dispute. One militant was killed."
    )
    assert _inters(top_event, text) == (2, 2)
    text = (
        "On 5 July 2025, two groups of government soldiers (SNA) exchanged gunfire in "
        "Afgooye town (Afgooye, Lower Shabelle) over a land dispute."
    )
    assert _inters(top_event, text) == (1, 1)


def test_one_sided_attack_by_two_groups_is_not_infighting(top_event: TopEvent) -> None:
    text = (
        "On 3 July 2025, two groups of Al Shabaab fighters attacked a government army "
        "base in Jilib town (Jilib, Middle Juba)."
    )
    inters = _inters(top_event, text)
    assert inters[0] == 2 and inters[1] != 2


def test_riot_between_two_groups_has_rioters_on_both_sides(top_event: TopEvent) -> None:
    text = (
        "On 4 August 2025, two groups of students from Moi University clashed outside their "
        "campus in Eldoret town after a candidate lost the union election. One student was "
        "injured. The police arrested four students."
    )
    assert _inters(top_event, text) == (5, 5)


def test_own_dead_are_no_second_side(top_event: TopEvent) -> None:
    text = "SAF and SRF fought near Kurmuk in Blue Nile State. 30 Sudanese army were killed."
    assert _inters(top_event, text) == (1, 2)
