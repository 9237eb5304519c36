"""Fatality counts by class of wording, h16ab (issue 16; our own sentences)."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def toll(text: str) -> int | None:
    mention = incident_toll([m for part in text.split(". ") for m in find_mentions(part)])
    return None if mention is None else mention.best


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a breakdown whose counted victims open the sentence, with their kill in a
        # relative clause: the parts of the five, not five more
        (
            "Five people died when two clans fought over a well. The dead included a "
            "girl and four herders who were killed near the river.",
            5,
        ),
        (
            "Seven villagers were killed in the raid. Among the dead were two teachers "
            "who were shot dead in the school.",
            7,
        ),
        # no toll before it: the breakdown is the toll
        ("The dead included three fishermen who were shot dead at the landing.", 3),
    ],
)
def test_a_breakdown_opening_its_sentence_restates_the_toll(text: str, killed: int) -> None:
    assert toll(text) == killed


def _dead(top_event: TopEvent, text: str) -> int:
    event = top_event(text)
    assert event is not None and event.acled_event_type in ("Riots", "Protests")
    return 0 if event.fatalities is None or event.fatalities.best is None else event.fatalities.best


@pytest.mark.parametrize(
    "text",
    [
        "Angry residents in Kamwala rioted as officers came to exhume the body of a trader "
        "buried in a disputed plot.",
        "Relatives of a prisoner protested outside the prison and demanded to see the body "
        "of the deceased.",
        "Members of a family clashed with police in Kisumu over the burial of a deceased "
        "teacher. The health office said the deceased teacher died of cholera.",
    ],
)
def test_a_body_or_the_deceased_is_a_demonstrations_grievance(
    top_event: TopEvent, text: str
) -> None:
    assert _dead(top_event, text) == 0


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a body found stays a death of the riot; a kill told beside the body counts
        (
            "Youths rioted in the market and police fired on them. The body of a youth was "
            "later found near the market.",
            1,
        ),
        (
            "Rioters threw stones at police in the market. Police shot dead two rioters and "
            "took the body of one to the mortuary.",
            2,
        ),
    ],
)
def test_a_body_found_or_a_kill_beside_it_still_counts(
    top_event: TopEvent, text: str, killed: int
) -> None:
    assert _dead(top_event, text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a lynching told in the present tense is a killing, as "lynched" is
        ("A mob lynches a suspected goat thief in the market.", 1),
        ("Villagers lynch two men accused of arson near the chief's camp.", 2),
        ("The crowd then proceeded to fatally lynch the suspect.", 1),
        # a purpose or a threat is no deed
        ("A crowd stormed the station to lynch two suspects but police dispersed it.", None),
        ("Residents were threatening to lynch the driver of the bus.", None),
        ("Gunmen were threatening to kill two hostages held in the forest.", None),
    ],
)
def test_a_lynching_in_the_present_tense_is_a_killing(text: str, killed: int | None) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the plural reflexive names the bombers, whose number the subject tells
        ("Two suicide bombers killed themselves and four traders at the bus station in Mora.", 6),
        (
            "Three female suicide bombers killed themselves and 2 herders near a well in Kolofata.",
            5,
        ),
        # "themself" is one person
        ("A suicide bomber blew up a checkpoint in Mora, killing themself and 3 soldiers.", 4),
        # twins: the singular reflexive was counted already
        ("A suicide bomber killed himself and four traders at the bus station in Mora.", 5),
    ],
)
def test_bombers_named_by_a_reflexive_count_among_the_dead(
    top_event: TopEvent, text: str, killed: int
) -> None:
    event = top_event(text)
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == killed
