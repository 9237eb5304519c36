"""Issue 16, fourth pass: communal militias with no name, tolls of clashes and battles with
no side named. Our own sentences, one class per test."""

from __future__ import annotations

import pytest

from conftest import TopEvent

PUBLISHED = "2021-06-10"


# -- inter 4: violence with no perpetrator named among communities -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Clashes between the Nuer and the Murle near Akobo. At least five were killed.",
        "Tribal clashes near Wau left four people dead.",
    ],
)
def test_no_perpetrator_among_communities_is_a_communal_militia(
    top_event: TopEvent, text: str
) -> None:
    top = top_event(text)
    assert top.actor1 is not None and top.actor1.inter == 4


def test_a_clash_toll_in_the_next_sentence_is_the_clash(top_event: TopEvent) -> None:
    top = top_event("Clashes between the Nuer and the Murle near Akobo. At least five were killed.")
    assert top.acled_sub_event_type == "Armed clash"


def test_unknown_gunmen_stay_an_unidentified_armed_group(top_event: TopEvent) -> None:
    top = top_event("Unknown gunmen killed two traders near the market in Juba.")
    assert top.actor1 is not None and top.actor1.inter == 3


def test_a_community_that_is_a_neighbourhood_names_no_militia(top_event: TopEvent) -> None:
    text = "Two people were shot dead in the Santa Luzia community of Recife on Friday."
    top = top_event(text)
    assert top.actor1 is not None and top.actor1.inter != 4


# -- a battle with no side named: the state's military leads ----------------------------------
def test_fighting_with_no_side_named_is_the_state_military(top_event: TopEvent) -> None:
    top = top_event("Fighting continued in Malakal on Sunday.")
    assert top.acled_sub_event_type == "Armed clash"
    assert top.actor1 is not None and top.actor1.inter == 1


def test_gunmen_who_ambush_police_keep_their_code(top_event: TopEvent) -> None:
    top = top_event("Gunmen ambushed a police patrol near Juba.")
    assert top.actor1 is not None and top.actor1.inter == 3
