"""Issue 16, helper h16bo: Riots against Protests and Violence against civilians, own
sentences.

- A protesting crowd that harms people the lexicon codes as protesters (activists, "them")
  still used violence: the protest is a Violent demonstration.
- A riot or clash of prisoners with no protest told is Mob violence; a demonstration of
  detainees is not.
- A crowd named by its mood or by a riot noun ("angry youths", "a mob", "rioters") that
  takes someone is Mob violence (a Violent demonstration at a protest), not an Abduction;
  a neutral "group of men" that abducts a trader stays an Abduction.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent


def test_a_protesting_crowd_that_attacked_activists_rioted(top_event: TopEvent) -> None:
    event = top_event(
        "A group of farmers protesting against the sale of their land lured two activists "
        "into the market of Kora and attacked them on Monday."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        "The district governor was held hostage in his office for two hours by angry youths "
        "of Kora on Monday.",
        "On 4 June 2021, a mob abducted a man suspected of stealing a motorbike from a "
        "clinic in Kora.",
    ],
)
def test_an_angry_crowd_that_took_someone_is_mob_violence(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_a_neutral_group_of_kidnappers_stays_an_abduction(top_event: TopEvent) -> None:
    """Twin: "a group of men" names no crowd's mood."""
    event = top_event("A group of men abducted a cattle trader in Kora and demanded a ransom.")
    assert event is not None
    assert event.acled_sub_event_type == "Abduction/forced disappearance"


def test_police_who_fired_on_marchers_did_not_make_them_riot(top_event: TopEvent) -> None:
    """Twin: the protest clause has its own subject; the police's act is no protest act."""
    event = top_event(
        "On 2 July 2021, demonstrators marched to the police station in Kora to protest the "
        "arrest of a teacher, and police opened fire, killing two demonstrators."
    )
    assert event is not None
    assert event.acled_event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, inmates rioted at the central prison of Kora and burned mattresses.",
        "Around 140 prisoners, most of them from Kora, clashed with the prison guards and police "
        "in the city prison on Sunday.",
    ],
)
def test_a_riot_of_prisoners_is_mob_violence(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_prisoners_who_staged_a_demonstration_did_not_riot_as_a_mob(top_event: TopEvent) -> None:
    """Twin: a protest told in the prison is a demonstration."""
    event = top_event(
        "On 3 March 2021, detainees in Kora prison staged a demonstration to protest new "
        "rules and burned mattresses."
    )
    assert event is not None
    assert event.acled_sub_event_type != "Mob violence"
