"""Dates (issue 16, class 8, helper h16al): the day a source told the report ("…, police
said on Sunday") does not date the event the sentence tells on another day; a date in a
clause a relative word opens ("which the rebels had seized on 3 March") is that clause's
even where the parse hangs the clause as adverbial."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import TopEvent, event_day_span
from eventwire.records import EVENT_DATED, Document

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


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a relative clause the parse hangs as adverbial (advcl) or prepositional (pcomp)
        (
            "The army regained control of Bulo, south of the lake (the nearest town was "
            "used), which militants had overrun on 2 March.",
            "regained",
        ),
        (
            "A nurse was abducted by gunmen near where bandits killed two traders three weeks ago.",
            "abducted",
        ),
        (
            "A teacher was kidnapped close to where militiamen shot dead a chief two weeks ago.",
            "kidnapped",
        ),
    ],
)
def test_a_date_in_a_clause_a_relative_word_opens_is_that_clauses(
    run_text: Callable[..., Document], text: str, trigger: str
) -> None:
    assert event_day_span(run_text, text, trigger) == (date(2021, 3, 9), date(2021, 3, 9))


def test_the_relative_clauses_own_event_keeps_its_date(run_text: Callable[..., Document]) -> None:
    text = (
        "Troops retook Marei, north of the county (coordinates for the district town used), "
        "which the rebels had seized on 3 March."
    )
    doc = run_text(text, published="2021-03-09", published_source=EVENT_DATED)
    seized = next(e for e in doc.events if e.trigger.text == "seized")
    assert seized.date is not None and seized.date.start == date(2021, 3, 3)
