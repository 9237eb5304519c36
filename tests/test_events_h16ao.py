"""Issue 16, helper h16ao: event types that generalise, own sentences.

Damage a protest's crowd did (crowd_damage.py): burning, breaking or destroying property
as the main act of a sentence makes the demonstration violent; the grievance told with the
same verbs, a burned symbol and a doer who is a state force do not.

An ambiguous act confirmed by the harm told next (aftermath.py): "… attacked their
President. She was injured.", "farmers and herders fought … One herder was wounded." The
harm in the next sentence keeps the act; a denial of harm or no harm does not.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

CROWD_DAMAGE = [
    "On 4 May 2021, a group of traders held a demonstration in Kora town over new market "
    "fees. They burned the council's car and destroyed the windows of the office.",
    "On 4 May 2021, residents of Kora demonstrated against the closure of the clinic. "
    "Property was destroyed.",
    "On 4 May 2021, students of Kora school protested against the new fees, breaking the "
    "windows of the administration block.",
]


@pytest.mark.parametrize("text", CROWD_DAMAGE)
def test_a_crowd_that_destroys_property_demonstrates_violently(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Violent demonstration"


PEACEFUL = [
    "On 4 May 2021, residents of Kora demonstrated, demanding that the council repair the "
    "damaged road to the market.",
    "On 4 May 2021, residents of Kora protested after the clinic was destroyed by a storm.",
    "On 4 May 2021, traders in Kora held a protest against the plan, which they said would "
    "destroy their businesses.",
    "On 4 May 2021, students in Kora held a protest against the minister. They burned his "
    "portrait and a flag.",
]


@pytest.mark.parametrize("text", PEACEFUL)
def test_the_grievance_or_a_burned_symbol_is_no_violence(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Peaceful protest"


def test_an_attack_confirmed_by_the_harm_told_next(top_event: TopEvent) -> None:
    text = (
        "On 4 May 2021, two men arrived at the Office of the KWA, a national organization "
        "for widows and attacked their President. She was injured."
    )
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Violence against civilians"
    assert event.trigger.text == "attacked"


def test_a_fight_confirmed_by_the_harm_told_next(top_event: TopEvent) -> None:
    text = (
        "On 4 May 2021, farmers and herders fought near the river in Kora. One herder was wounded."
    )
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Battles", "Riots"}
    assert event.trigger.text == "fought"


def test_a_clash_over_land_confirmed_by_the_harm_told_next(top_event: TopEvent) -> None:
    text = (
        "Residents of two quarters of Kora clashed over a disputed ruling of the court. "
        "12 injured and taken to the hospital."
    )
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Battles", "Riots"}


def test_fighting_that_continues_is_told(top_event: TopEvent) -> None:
    event = top_event(
        "Fighting continues. Hundreds of civilians sought shelter in the church at Kora."
    )
    assert event is not None
    assert event.acled_event_type == "Battles"


NO_HARM_NEXT = [
    "On 4 May 2021, two opposition leaders in Kora attacked the new budget. Nobody was "
    "surprised by their speech.",
    "On 4 May 2021, two opposition leaders in Kora attacked the new budget. It was "
    "adopted on Friday.",
]


@pytest.mark.parametrize("text", NO_HARM_NEXT)
def test_an_ambiguous_attack_without_harm_next_is_none(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is None or event.acled_event_type is None


def test_no_harm_next_in_a_sport_story(top_event: TopEvent) -> None:
    text = (
        "Kora United beat Dalo 3-1 in the league on Saturday, their fourth win of the season. "
        "The hosts scored early, but they were soon hit by another double blow in the second "
        "half. First, their captain was sent off for killing the ball in the box. "
        "The coach praised his players after the match."
    )
    event = top_event(text)
    assert event is None or event.acled_event_type is None
