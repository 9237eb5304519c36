"""Dates (issue 16, helper h16bs): a date after "before", "ahead of", "prior to", "until" or
"till", past the event's trigger, dates the later thing the event came before (a holiday, an
election, the end of a holding), not the event; a noun of time or a clock time after the word
("shortly before dawn on Sunday") keeps the event's own day."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.dates.clauses import before_later_thing
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import EVENT_DATED, Document

RECORD = "2021-03-09"


def _before(between: str) -> bool:
    lex = load_timex_lexicon()
    return before_later_thing(between, lex.preceding_pattern, lex.time_nouns, lex.later_things)


@pytest.mark.parametrize(
    "between",
    [
        " dozens of traders in Talora before the ",
        " in the market of Ondesi ahead of the ",
        " three weeks prior to the vote in ",
        " in Talora and held until ",
    ],
)
def test_a_date_after_before_is_the_later_thing(between: str) -> None:
    assert _before(between)


@pytest.mark.parametrize(
    "between",
    [
        " the market in Talora shortly before dawn on ",
        " a checkpoint just before 10 pm on ",
        " the town before midnight on ",
        " the town until late evening on ",
        " the town in Talora on ",
        " five villagers in Talora before fleeing into the bush on ",
        " outside Ondesi before the county assembly on ",
    ],
)
def test_a_time_of_day_or_no_before_keeps_the_day(between: str) -> None:
    assert not _before(between)


def test_the_words_are_a_versioned_list() -> None:
    lex = load_timex_lexicon()
    assert lex.version
    assert {"elections", "vote"} <= lex.later_things
    assert lex.preceding_pattern.search("ahead of") is not None
    assert re.search(lex.preceding_pattern, "beforehand") is None


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested dozens of traders in the Talora market before the March 12 Unity Day.",
        "Students protested in Ondesi three weeks before the elections on 30 March.",
        "Two aid workers were abducted by gunmen in Talora and held until 25 March.",
    ],
)
def test_the_later_day_never_dates_the_event(run_text: Callable[..., Document], text: str) -> None:
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED)
    top = doc.events[0]
    assert top.date is not None and top.date.start == date(2021, 3, 9)


def test_shortly_before_dawn_keeps_the_day(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Gunmen attacked a checkpoint in Talora shortly before dawn on March 7.",
        published=RECORD,
        published_source=EVENT_DATED,
    )
    top = doc.events[0]
    assert top.date is not None and top.date.start == date(2021, 3, 7)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Gunmen killed five villagers in Talora before fleeing into the bush on March 7.", 7),
        ("Hundreds of traders gathered before the county assembly in Ondesi on March 8.", 8),
    ],
)
def test_a_deed_or_a_place_after_before_keeps_the_day(
    run_text: Callable[..., Document], text: str, day: int
) -> None:
    """Only a later occasion takes the date ("before the elections on 30 March"): the flight
    after a killing and a building the crowd stood before leave the event its own day."""
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED)
    top = doc.events[0]
    assert top.date is not None and top.date.start == date(2021, 3, day)
