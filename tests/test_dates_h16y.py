"""Dates of a record dated at its event (EVENT_DATED): words that count from the day of the
telling name the record's day; stated days and wider periods resolve as written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.evaluate.scoring import GoldRow
from eventwire.pipeline.dates.deictic import pin_telling_days
from eventwire.pipeline.dates.timex import find_timexes
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import EVENT_DATED, Document

DAY = date(2021, 7, 14)  # a Wednesday
WEEKDAYS = tuple(load_timex_lexicon().weekdays)


def _pinned(text: str) -> list[tuple[str, str]]:
    found = pin_telling_days(find_timexes(text, DAY), DAY, WEEKDAYS)
    return [(t.when.start.isoformat(), t.when.end.isoformat()) for t in found]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Herders raided the camp yesterday",
        "the shop was torched last night",
        "two guards were shot overnight",
        "traders marched on Monday",
        "militia fighters looted the depot on Saturday",
        "nurses struck last week",
        "clashes erupted over the weekend",
        "Villagers blocked the road this morning",
    ],
)
def test_a_telling_day_word_names_the_records_day(text: str) -> None:
    assert _pinned(text) == [(DAY.isoformat(), DAY.isoformat())]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the bridge was blown up on 3 May", "2021-05-03", "2021-05-03"),
        ("a teacher was abducted three weeks ago", "2021-06-21", "2021-06-27"),
        ("the port was seized last month", "2021-06-01", "2021-06-30"),
        ("the mayor was shot in March 2019", "2019-03-01", "2019-03-31"),
    ],
)
def test_stated_days_and_wider_periods_resolve_as_written(text: str, start: str, end: str) -> None:
    assert _pinned(text) == [(start, end)]


def test_a_report_published_that_day_still_counts_back(
    run_text: Callable[..., Document],
) -> None:
    text = "Gunmen stormed a police post in Kadoma yesterday, killing two officers."
    published = run_text(text, published="2021-07-14", published_source="record")
    dated = run_text(text, published="2021-07-14", published_source=EVENT_DATED)
    assert published.events and dated.events
    assert published.events[0].date.start == date(2021, 7, 13)  # type: ignore[union-attr]
    assert dated.events[0].date.start == date(2021, 7, 14)  # type: ignore[union-attr]


def test_a_weekday_of_an_event_dated_note_is_the_notes_day(
    run_text: Callable[..., Document],
) -> None:
    text = "On Friday, students of the polytechnic protested over unpaid bursaries in Kisii."
    dated = run_text(text, published="2021-07-14", published_source=EVENT_DATED)
    assert dated.events
    when = dated.events[0].date
    assert when is not None and (when.start, when.end) == (DAY, DAY)


def test_the_evaluator_dates_a_gold_row_at_its_event() -> None:
    row = GoldRow(id="x", text="Traders protested on Monday.", published=DAY, type_label="P")
    doc = row.document()
    assert (doc.published, doc.published_source) == (DAY, EVENT_DATED)
