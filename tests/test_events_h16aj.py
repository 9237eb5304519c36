"""Issue 16, helper h16aj: event types and sub-types in acled_more notes, own sentences.

Each class has sentences that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_sub_type

# --- fighters who surrendered: ACLED's Agreement, not a change in a group's activity --------

SURRENDERED = [
    "On 4 March 2024, twelve fighters of the rebel movement surrendered to the army in Dalo "
    "town with their weapons.",
    "On 2 May 2023, a militia commander and 30 of his men surrendered to government forces "
    "near Kora village.",
]


@pytest.mark.parametrize("text", SURRENDERED)
def test_fighters_who_surrendered_reached_an_agreement(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Agreement"
    assert event.plover_type == "RETREAT"


def test_a_labelled_change_to_armed_group_keeps_its_label(top_event: TopEvent) -> None:
    text = (
        "Change to armed group: On 5 June 2025, two government soldiers surrendered to the "
        "rebels in Kora town."
    )
    assert top_sub_type(top_event, text) == "Change to group/activity"


def test_a_fight_over_a_refusal_to_surrender_stays_a_battle(top_event: TopEvent) -> None:
    text = (
        "On 9 May 2022, soldiers clashed with militiamen in Kora after the militiamen refused "
        "to surrender. Two soldiers were killed."
    )
    assert top_sub_type(top_event, text) == "Armed clash"


def test_a_call_to_surrender_is_no_agreement(top_event: TopEvent) -> None:
    event = top_event("On 9 May 2022, the army commander urged the rebels in Kora to surrender.")
    assert event is not None and event.acled_sub_event_type != "Agreement"


# --- a bombing whose doer is an aircraft: an air strike, not a planted bomb ----------------

BOMBED_BY_AIRCRAFT = [
    "On 3 March 2014, an Antonov plane bombed the villages of Kaga and Dumo, killing a woman.",
    "On 8 June 2013, an unidentified plane bombed two lorries near the port of Tira.",
]


@pytest.mark.parametrize("text", BOMBED_BY_AIRCRAFT)
def test_a_plane_that_bombed_made_an_air_strike(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Air/drone strike"


def test_a_bomb_that_went_off_beside_a_plane_stays_an_explosive(top_event: TopEvent) -> None:
    text = (
        "A bomb hidden in a bag exploded near a plane parked at the airport of Tira, "
        "wounding three workers."
    )
    assert top_sub_type(top_event, text) == "Remote explosive/landmine/IED"


def test_a_plane_shot_down_keeps_its_reading(top_event: TopEvent) -> None:
    text = "Soldiers shot down a plane carrying supplies near Tira on Tuesday."
    assert top_sub_type(top_event, text) == "Shelling/artillery/missile attack"


# --- "assualt", a misspelling of "assault" in field notes, reads as the act -----------------


def test_a_misspelt_assault_is_an_attack(top_event: TopEvent) -> None:
    text = "On 2 April 2014, a government-backed militia assualted civilians in Kora village."
    assert top_sub_type(top_event, text) == "Attack"


def test_an_assault_spelt_right_reads_the_same(top_event: TopEvent) -> None:
    text = "On 2 April 2014, a government-backed militia assaulted civilians in Kora village."
    assert top_sub_type(top_event, text) == "Attack"


# --- a crowd's stoning or lynching told beside a riot word, with no demonstration ----------

ROCKS_WITHOUT_A_PROTEST = [
    "Rioters stoned the car of a county commissioner in Kora town on Sunday.",
    "On 9 March 2016, a rioting crowd stoned the convoy of a candidate in Dalo, injuring his "
    "driver.",
]


@pytest.mark.parametrize("text", ROCKS_WITHOUT_A_PROTEST)
def test_rioters_who_stoned_someone_with_no_protest_are_a_mob(
    top_event: TopEvent, text: str
) -> None:
    assert top_sub_type(top_event, text) == "Mob violence"


def test_protesters_who_stoned_a_car_stay_a_violent_demonstration(top_event: TopEvent) -> None:
    text = (
        "Students held a demonstration over fees in Kora town and stoned the car of the principal."
    )
    assert top_sub_type(top_event, text) == "Violent demonstration"
