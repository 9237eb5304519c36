"""Fatalities (issue 16, helper h16bq): coder notes in other words ("fatalities coded 3",
"casualties coded as 3", a note for a vague count told in another incident), bodies the
people of the event handle (dead before it), "killings" told with no victims."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.handled_bodies import mark_handled_bodies
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a coder's note with no "as": the coder's number for the vague count
        (
            "On 3 May 2021, militiamen attacked herders near Ndop, killing an unspecified "
            "number of them. Unspecified number of fatalities coded 3.",
            3,
        ),
        (
            "On 3 May 2021, soldiers killed an unknown number of youths in Kumba. Unknown "
            "number of fatalities, coded 3.",
            3,
        ),
        # "casualties" in a coder's note is its toll, no count that may hold the wounded
        (
            "On 3 May 2021, an airstrike hit a militant camp near Jilib, and several fighters "
            "were killed. Unspecified casualties coded as 3.",
            3,
        ),
        # the note stands for a vague count told in an incident before it
        (
            "On 3 May 2021, Afar and Issa militias fought near Bati, leaving an unknown "
            "number of people dead. Location chosen as Bati. The fighting was said to be "
            "about grazing land near Gewane. Unknown fatalities coded as 3.",
            3,
        ),
        # twins: a counted victim keeps its count beside the note; a plain note stands
        (
            "On 3 May 2021, 1 police officer and an unknown number of traders were killed in "
            "Dodo. Unknown number of fatalities coded as 3.",
            4,
        ),
        ("On 3 May 2021, rebels attacked Dodo. Fatalities coded as 5.", 5),
    ],
)
def test_coder_notes_in_other_words(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a body the people of the event handle was dead before it
        (
            "On 3 May 2021, gunmen fired on police officers who tried to retrieve the body of "
            "a herder near Isiolo, and two officers were injured.",
            0,
        ),
        (
            "On 3 May 2021, relatives of a patient snatched the body of the patient from a "
            "hospital in Kisumu. They hit a nurse who tried to stop them.",
            0,
        ),
        (
            "On 3 May 2021, youths threw stones at police who had come to collect the body of "
            "a motorcyclist in Isiolo town.",
            0,
        ),
        # twins: a body found or recovered is a death of the event
        (
            "On 3 May 2021, fighting broke out in Abyei and the police recovered the bodies "
            "of three traders at the scene.",
            3,
        ),
        ("On 3 May 2021, gunmen killed a trader in Garissa and dumped his body.", 1),
    ],
)
def test_bodies_handled_by_the_people_of_the_event(
    top_event: TopEvent, text: str, dead: int
) -> None:
    assert top_dead(top_event, text) == dead


def test_mark_handled_bodies() -> None:
    text = "Police tried to collect the body of the rider from the road."
    mentions = find_mentions(text)
    assert mentions
    mark_handled_bodies(text, 0, mentions)
    assert incident_toll(mentions) is None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # "killings" with no "of": a noun, no victims on its left
        ("Youths rioted in Kisumu town over a spate of child killings.", 0),
        ("Residents rioted in Bor over reports of extrajudicial killings by soldiers.", 0),
    ],
)
def test_killings_with_no_victims(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Reports of extrajudicial killings in Bor.", None),
        # twins: a kill verb, a counted plural noun
        ("Police killed two traders in Bor.", 2),
        ("Three killings were reported in Bor.", 3),
    ],
)
def test_killings_toll(text: str, dead: int | None) -> None:
    toll = incident_toll(find_mentions(text))
    assert (None if toll is None else toll.best) == dead
