"""Issue 16, helper h16bv: notes that gave no event at all.

"beat" was read as a win whenever a contest word ("set", "price", "seed") stood anywhere in
its sentence, so a person beaten by soldiers or beaten "severely" gave nothing; "attacked
with stones" gave nothing with no conflict word; a government's curb on travel or gatherings
had no trigger. Twins: a player beaten in a final, an attack "with harsh words", an airline
that restricts travel give no event.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

BEATINGS = [
    "Settlers beat four women & confiscated their seeds as they tried to go back to their farms.",
    "Followers of a local sect bound and severely beat a man they accused of theft in the "
    "district of Kora.",
    "The village elder was severely beaten and tied to a post by a group of men in Kalem.",
]


@pytest.mark.parametrize("text", BEATINGS)
def test_a_person_beaten_beside_a_contest_word_is_a_beating(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Violence against civilians", "Riots"}  # men: a mob


def test_a_player_beaten_in_a_final_is_no_event(top_event: TopEvent) -> None:
    event = top_event("The young player beat the champion in the final to win the title.")
    assert event is None or event.acled_event_type is None


def test_a_shot_beaten_away_is_no_beating(top_event: TopEvent) -> None:
    # a merge fix: the possessor ("the striker's") is no patient of the beating
    event = top_event(
        "Dunn cut inside the Rangers box, but the striker's effort was beaten away by Kerr."
    )
    assert event is None or event.acled_event_type is None, event


ATTACKS_WITH_THINGS = [
    "The party's spokesman Daniel Oremo was attacked with pepper spray by masked men in "
    "the city centre.",
]


@pytest.mark.parametrize("text", ATTACKS_WITH_THINGS)
def test_an_attack_with_a_thing_held_or_thrown_is_an_event(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Violence against civilians", "Riots"}


def test_an_attack_with_words_is_no_event(top_event: TopEvent) -> None:
    event = top_event("Critics attacked the minister with harsh words over the budget.")
    assert event is None or event.acled_event_type is None


CURBS = [
    "On 2 April 2020, the provincial government restricted all passenger travel to curb the "
    "spread of the virus.",
    "On 20 March 2020, the national police announced restrictions on mass gatherings because "
    "of the outbreak.",
]


@pytest.mark.parametrize("text", CURBS)
def test_a_states_curb_on_travel_or_gatherings_is_a_change_of_activity(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Change to group/activity"


def test_an_airline_that_restricts_travel_is_no_event(top_event: TopEvent) -> None:
    event = top_event("The airline restricted travel for its staff to cut costs.")
    assert event is None or event.acled_event_type is None
