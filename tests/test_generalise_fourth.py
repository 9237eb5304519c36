"""Issue 16, fourth pass: communal militias with no name, bombs dropped by armies, tolls of
clashes and battles with no side named. Our own sentences, one class per test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.pipeline.finalize.stage import refined_sub_type
from eventwire.records import Document, Event, Span

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


def _top(run_text: Run, text: str) -> Event:
    events = run_text(text, published=PUBLISHED).events
    assert events, text
    return events[0]


# -- inter 4: violence with no perpetrator named among communities -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Clashes between the Nuer and the Murle near Akobo. At least five were killed.",
        "Tribal clashes near Wau left four people dead.",
    ],
)
def test_no_perpetrator_among_communities_is_a_communal_militia(run_text: Run, text: str) -> None:
    top = _top(run_text, text)
    assert top.actor1 is not None and top.actor1.inter == 4


def test_a_clash_toll_in_the_next_sentence_is_the_clash(run_text: Run) -> None:
    top = _top(
        run_text, "Clashes between the Nuer and the Murle near Akobo. At least five were killed."
    )
    assert top.acled_sub_event_type == "Armed clash"


def test_unknown_gunmen_stay_an_unidentified_armed_group(run_text: Run) -> None:
    top = _top(run_text, "Unknown gunmen killed two traders near the market in Juba.")
    assert top.actor1 is not None and top.actor1.inter == 3


def test_a_community_that_is_a_neighbourhood_names_no_militia(run_text: Run) -> None:
    text = "Two people were shot dead in the Santa Luzia community of Recife on Friday."
    top = _top(run_text, text)
    assert top.actor1 is not None and top.actor1.inter != 4


# -- Air/drone strike: a state military that bombs a place -------------------------------------
def _bombing(actor1: str, before: bool = True) -> Event:
    d = load_actor_dictionary()
    a1 = code_mention(d, actor1, "SD")
    a1.start, a1.end = (0, len(actor1)) if before else (40, 40 + len(actor1))
    at = len(actor1) + 1
    return Event(
        doc_id="t",
        trigger=Span(at, at + 4, "trigger", "bomb"),
        sentence_index=0,
        plover_type="ASSAULT",
        acled_sub_event_type="Remote explosive/landmine/IED",
        rule="explode:bomb|weapon explode",
        actor1=a1,
    )


def test_an_army_that_bombs_a_village_struck_from_the_air() -> None:
    assert refined_sub_type(_bombing("Government soldiers"))[0] == "Air/drone strike"


@pytest.mark.parametrize("actor1", ["militants", "unknown gunmen"])
def test_a_bomb_of_an_armed_group_stays_an_explosive(actor1: str) -> None:
    assert refined_sub_type(_bombing(actor1))[0] is None


def test_an_army_named_after_the_bomb_did_not_drop_it() -> None:
    assert refined_sub_type(_bombing("Government soldiers", before=False))[0] is None


def test_a_headline_army_bomb_is_an_air_strike(run_text: Run) -> None:
    top = _top(run_text, "Government soldiers bomb two villages near Kauda.")
    assert top.acled_sub_event_type == "Air/drone strike"


# -- a battle with no side named: the state's military leads ----------------------------------
def test_fighting_with_no_side_named_is_the_state_military(run_text: Run) -> None:
    top = _top(run_text, "Fighting continued in Malakal on Sunday.")
    assert top.acled_sub_event_type == "Armed clash"
    assert top.actor1 is not None and top.actor1.inter == 1


def test_gunmen_who_ambush_police_keep_their_code(run_text: Run) -> None:
    top = _top(run_text, "Gunmen ambushed a police patrol near Juba.")
    assert top.actor1 is not None and top.actor1.inter == 3
