"""Issue 16, helper h16bi: Riots against Protests, Battles and Violence against civilians,
own sentences.

- A protest turns violent only by acts its crowd did and that happened: not an act only
  threatened or planned ("threatened to destroy property"), not the harm a subject
  suffered ("a pupil … died"), not a headline's reduced passive ("Student protesters
  reportedly beaten by police").
- "Vigilante(s)" is a mob act only when the group did the act: a vigilante chief
  executed, a member of a vigilante group killed, is coded by that act (an Attack).
- People who are no armed party and attack police or a faction with stones, no firearm
  told, are a crowd: Mob violence, not an Armed clash.
- Supporters, students or youths named by a party ("KPU supporters") who attack people are
  its militia: an Attack; an unnamed crowd, or the party's crowd at a protest, stays a crowd.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

NOT_DONE = [
    "Kora Technical School has been closed following student protests at night. The students "
    "were protesting a ban on weekend outings. Officers arrived after the pupils "
    "threatened to wreck the dormitories.",
]


ATTEMPTED = (
    "Thousands of protesters demanding the governor's resignation tried to attack the airport "
    "in Kora on Monday, and police fired tear gas."
)


def test_an_attempted_act_makes_a_protest_violent(top_event: TopEvent) -> None:
    """An act the crowd tried is violence it used (merge of h16bi: "tried to" is no threat)."""
    event = top_event(ATTEMPTED)
    assert event is not None
    assert event.acled_sub_event_type == "Violent demonstration"


@pytest.mark.parametrize("text", NOT_DONE)
def test_a_threatened_act_does_not_make_a_protest_violent(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_protesters_beaten_in_a_headline_did_not_riot(top_event: TopEvent) -> None:
    event = top_event(
        "Kora college pupils protest the closure of their hostel. Student protesters "
        "reportedly beaten and detained by police."
    )
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_protesters_who_burned_the_office_rioted(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 May 2021, nurses protested in Kora over unpaid wages. The nurses burned the "
        "hospital office."
    )
    assert event is not None
    assert event.acled_sub_event_type == "Violent demonstration"


NOT_THE_DOERS = [
    "On 4 May 2021, the vigilante chief was executed in his house by bandits in Kora.",
    "Bandits kill a young member of a village vigilante group in Kora.",
]


@pytest.mark.parametrize("text", NOT_THE_DOERS)
def test_vigilantes_who_did_not_act_are_no_mob(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


def test_vigilantes_who_beat_a_thief_are_a_mob(top_event: TopEvent) -> None:
    event = top_event("On 4 May 2021, a vigilante group beat a suspected thief to death in Kora.")
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


STONES = [
    "Refugees attack police with stones.",
    "On 4 May 2021, members of the KPU attacked members of a rival KPU faction in Kora with "
    "stones and clubs.",
]


@pytest.mark.parametrize("text", STONES)
def test_people_who_fight_an_armed_side_with_stones_are_a_crowd(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Mob violence"


def test_gunmen_who_attack_police_still_fight_a_battle(top_event: TopEvent) -> None:
    event = top_event("On 4 May 2021, gunmen attacked police with rifles and stones in Kora.")
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


PARTY_CROWDS = [
    "On 4 May 2021, KPU supporters attacked journalists of a local radio station in Kora.",
    "On 4 May 2021, KPU students attacked Darfuri students with metal bars at Kora University.",
]


@pytest.mark.parametrize("text", PARTY_CROWDS)
def test_a_party_named_crowd_that_attacks_people_is_its_militia(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("On 4 May 2021, angry residents attacked a suspected thief in Kora.", "Mob violence"),
        (
            "On 4 May 2021, KPU supporters protesting the election results attacked "
            "journalists in Kora.",
            "Violent demonstration",
        ),
    ],
)
def test_an_unnamed_crowd_or_a_protest_stays_a_crowd(
    top_event: TopEvent, text: str, sub_type: str
) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == sub_type
