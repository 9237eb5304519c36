"""Dates (issue 16, helper h16by): a span of months whose year is written once, at its end
("between February and May 2015", "from January to March 2016", "in April and May 2017") is
one range from the first month's first day to the last month's last day. It was read as its
last month alone, or as "from January" up to the day of publication."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.dates.timex import find_timexes
from eventwire.records import EVENT_DATED, Document

PUBLISHED = date(2024, 6, 10)


def _spans(text: str) -> list[tuple[date | None, date | None]]:
    return [(t.when.start, t.when.end) for t in find_timexes(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Between February and May 2015, farmers in Talora", date(2015, 2, 1), date(2015, 5, 31)),
        ("From January to March 2016, militias raided", date(2016, 1, 1), date(2016, 3, 31)),
        ("looted shops in Ondesi in April and May 2017.", date(2017, 4, 1), date(2017, 5, 31)),
        ("raided camps from December to February 2016.", date(2015, 12, 1), date(2016, 2, 29)),
        ("between November 2017 and April 2018, the", date(2017, 11, 1), date(2018, 4, 30)),
        ("from late January to early March 2020, the", date(2020, 1, 1), date(2020, 3, 31)),
    ],
)
def test_a_span_of_months_is_one_range(text: str, start: date, end: date) -> None:
    assert _spans(text) == [(start, end)]


def test_two_months_one_of_which_is_no_span() -> None:
    """ "in April or May 2017": the event fell in one of them, not over both."""
    assert (date(2017, 4, 1), date(2017, 5, 31)) not in _spans(
        "Herders were attacked in Talora in April or May 2017."
    )


def test_a_record_dated_inside_the_span_is_dated_by_it(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Between February and May 2015, residents of Ondesi held a series of protests "
        "against a mining licence.",
        published="2015-03-31",
        published_source=EVENT_DATED,
    )
    top = doc.events[0]
    assert top.date is not None
    assert (top.date.start, top.date.end) == (date(2015, 2, 1), date(2015, 5, 31))


def test_a_news_span_in_the_next_sentence_leaves_the_day(
    run_text: Callable[..., Document],
) -> None:
    """News: the period of a toll told after the event keeps off the event's own day."""
    doc = run_text(
        "Gunmen killed 12 villagers in Talora on Sunday, police said. Between January and "
        "May 2024, more than 300 people were killed in the region.",
        published="2024-06-10",
    )
    top = doc.events[0]
    assert top.date is not None and top.date.start == top.date.end == date(2024, 6, 9)


def test_a_news_span_of_a_state_does_not_lead(run_text: Callable[..., Document]) -> None:
    """ "last week" dates the attack; "from January to April 2024" is the camp's own span."""
    doc = run_text(
        "Militia fighters attacked a camp near Talora last week. The camp has hosted "
        "displaced families from January to April 2024.",
        published="2024-06-10",
    )
    top = doc.events[0]
    assert top.trigger.text == "attacked"
    assert top.date is not None and top.date.start == date(2024, 6, 3)
