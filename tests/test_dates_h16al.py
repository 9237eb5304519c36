"""Dates (issue 16, class 8, helper h16al): the day a source told the report ("…, police
said on Sunday") does not date the event the sentence tells on another day."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import TopEvent

PUBLISHED = "2024-06-11"  # a Tuesday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the event's day hangs on a place noun in the parse; the telling on "said"
        (
            "Unknown gunmen opened fire at a wedding party in a village of Ghazni province on "
            "Saturday, killing four guests, a spokesman said on Sunday.",
            date(2024, 6, 8),
        ),
        (
            "Bandits shot dead two farmers near a dam in the Kaura district on Friday, "
            "a local chief told reporters on Monday.",
            date(2024, 6, 7),
        ),
    ],
)
def test_the_telling_day_gives_way_to_the_event_day(
    top_event: TopEvent, text: str, day: date
) -> None:
    event = top_event(text, published=PUBLISHED)
    assert event is not None and event.date is not None
    assert (event.date.start, event.date.end) == (day, day)


def test_a_telling_day_alone_still_dates_the_event(top_event: TopEvent) -> None:
    # no other day in the sentence: the telling's day is all the report gives
    text = "Gunmen killed four traders at a cattle market in Kaduna, police said on Monday."
    event = top_event(text, published=PUBLISHED)
    assert event is not None and event.date is not None
    assert event.date.start == date(2024, 6, 10)
