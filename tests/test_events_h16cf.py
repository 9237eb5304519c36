"""Issue 16, helper h16cf: riot and fight words beside a protest that are not the crowd's
own deed (events/crowd_deeds.py), own sentences.

- A fight told in a present-tense relative clause on whom the crowd backs ("marched in
  support of the soldiers who are fighting the rebels") is no clash of the crowd.
- A riot someone is charged with, jailed or sentenced for ("faced prison terms for
  rioting in 2018") is what they are accused of.
- Violence the crowd only wanted, threatened or planned ("They wanted to burn tyres").
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

NOT_THE_CROWDS = [
    "On 3 March 2021, hundreds of residents marched in Lobo town in support of the soldiers "
    "who are fighting the rebels in the hills.",
    "On 3 March 2021, traders protested in Lobo market over new taxes. Four of their "
    "leaders faced long prison terms for rioting in 2018.",
    "On 3 March 2021, students held a protest in front of the governor's office in Lobo "
    "city, demanding cheaper fees. They wanted to burn tyres. The police intervened and "
    "dispersed the protest.",
]


@pytest.mark.parametrize("text", NOT_THE_CROWDS)
def test_a_riot_or_fight_that_is_not_the_crowds_deed_leaves_a_protest(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_a_crowd_that_burned_tyres_riots(top_event: TopEvent) -> None:
    event = top_event(
        "On 3 March 2021, students held a protest in front of the governor's office in Lobo "
        "city, demanding cheaper fees. They burned tyres and threw stones at the police."
    )
    assert event is not None
    assert event.acled_event_type == "Riots"


def test_soldiers_who_are_fighting_rebels_still_clash(top_event: TopEvent) -> None:
    event = top_event(
        "On 3 March 2021, soldiers who are fighting the rebels clashed with them near Lobo "
        "town, killing four."
    )
    assert event is not None
    assert event.acled_event_type == "Battles"


def test_youths_who_rioted_in_the_market_riot(top_event: TopEvent) -> None:
    event = top_event("On 3 March 2021, youths rioted in Lobo market and looted shops.")
    assert event is not None
    assert event.acled_event_type == "Riots"
