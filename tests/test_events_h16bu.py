"""Issue 16, helper h16bu: Riots against Violence against civilians and Battles, own
sentences.

- Several ordinary people named by their number ("a number of farmers", "several taxi
  drivers", "many teachers", "members of the public") who attack, beat or kill someone are
  a crowd: Mob violence, not an Attack; two such crowds that fight are no armed clash.
- Twins: such a crowd that shoots someone, people harmed as "several victims", and a
  single doer stay as they were.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, a number of farmers assaulted and wounded a herder in the village of "
        "Kora after his goats ate their maize.",
        "On 9 June 2021, several motorcycle drivers assaulted a suspected thief at the bus "
        "park of Kora.",
        "On 2 July 2021, many teachers attacked and injured a school inspector in Kora.",
        "On 5 August 2021, members of the public caught a man and beat him up in Kora for "
        "allegedly insulting the chief.",
    ],
)
def test_a_counted_crowd_that_harmed_someone_is_mob_violence(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_a_counted_crowd_of_farmers_and_herders_that_fought_is_mob_violence(
    top_event: TopEvent,
) -> None:
    event = top_event(
        "On 14 October 2021, a number of farmers and herders fought near the village of "
        "Kora after cattle damaged a field. One herder was wounded."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_a_counted_crowd_that_shot_someone_stays_an_attack(top_event: TopEvent) -> None:
    """Twin: firearms make no crowd's fight."""
    event = top_event("On 3 March 2021, a number of farmers shot and killed a herder in Kora.")
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


def test_several_victims_are_no_crowd(top_event: TopEvent) -> None:
    """Twin: the harmed, counted, did not act."""
    event = top_event(
        "Bandits attacked villagers in Kora and stole their cattle; several victims were "
        "taken to hospital."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Attack"
