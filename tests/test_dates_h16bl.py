"""Dates (issue 16, helper h16bl): a yearless day told just after the day of a record
dated at its event is a later deed of that year (kept apart from the record's event and
never its date); a later sentence does not take a day that was background for the events
of the sentence before it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.dates.later import LATER_DAYS, forward_later_days
from eventwire.pipeline.dates.timex import find_timexes
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import EVENT_DATED, Document

RECORD = date(2021, 3, 9)


def _days(text: str, published: date) -> list[date | None]:
    found = find_timexes(text, published, 0, load_timex_lexicon())
    return [t.when.start for t in forward_later_days(found, published)]


def test_a_later_yearless_day_is_read_forward() -> None:
    assert _days("The trader later died on March 20.", RECORD) == [date(2021, 3, 20)]


def test_across_new_year() -> None:
    assert _days("He was freed on 4 January.", date(2020, 12, 28)) == [date(2021, 1, 4)]


def test_a_day_further_off_keeps_its_reading() -> None:
    # a day and a month a note swapped ("05 September" for 9 May) is no later deed
    assert (date(2021, 5, 9) - RECORD).days > LATER_DAYS
    assert _days("The trader died on 9 May.", RECORD) == [date(2020, 5, 9)]


def test_a_stated_year_and_an_earlier_day_are_untouched() -> None:
    assert _days("Gunmen attacked Ondesi on 2 March and on 20 March 2021.", RECORD) == [
        date(2021, 3, 2),
        date(2021, 3, 20),
    ]


def test_a_news_report_counts_back(run_text: Callable[..., Document]) -> None:
    """Only a record dated at its event reads a later day forward: a news report of 9 March
    tells of last year's 20 March."""
    doc = run_text("Gunmen attacked the market in Ondesi on March 20.", published="2021-03-09")
    event = next(e for e in doc.events if e.trigger.text.startswith("attacked"))
    assert event.date is not None and event.date.start == date(2020, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        # a death that followed the protest, and the protests it sparked
        "Protests against the closure of the Talora market. A trader beaten by police "
        "later died on March 20, sparking further protests and riots.",
        # a curfew renewed from the record's day and from a later one
        "Security measures: the government renews curfews in Talora from 9 March; and in "
        "Ondesi from 14 March. Carrying arms is banned in both towns.",
    ],
)
def test_a_later_deed_never_dates_the_record(run_text: Callable[..., Document], text: str) -> None:
    doc = run_text(text, published="2021-03-09", published_source=EVENT_DATED)
    top = doc.events[0]
    assert top.date is not None and top.date.start == RECORD


def test_a_background_day_is_not_carried_to_the_next_sentence(
    run_text: Callable[..., Document],
) -> None:
    text = (
        "Students in Talora protest the March 7 attack on traders at the central market. "
        "Student protesters were allegedly beaten by police."
    )
    doc = run_text(text, published="2021-03-09", published_source=EVENT_DATED)
    protest = next(e for e in doc.events if e.acled_event_type in ("Protests", "Riots"))
    assert protest.date is not None and protest.date.start == RECORD


def test_the_narrated_day_is_still_carried(run_text: Callable[..., Document]) -> None:
    text = (
        "Students in Talora protested on March 7 against the closure of the market. "
        "Student protesters were beaten by police."
    )
    doc = run_text(text, published="2021-03-09", published_source=EVENT_DATED)
    protest = next(e for e in doc.events if e.acled_event_type in ("Protests", "Riots"))
    assert protest.date is not None and protest.date.start == date(2021, 3, 7)
