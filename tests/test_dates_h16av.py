"""Dates (issue 16, helper h16av): "the previous day" of a record dated at its event names
the day before that event, so it never dates the event itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import event_day_span
from eventwire.pipeline.dates.deictic import drop_previous_day, drop_recently
from eventwire.pipeline.dates.timex import find_timexes
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import Document


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A march was held against the raids on opposition offices the previous day.", "march"),
        (
            "Gunmen attacked a police post in revenge for the arrest of a leader the previous day.",
            "attacked",
        ),
        (
            "Youths burned the shop of a trader accused of leading a lynching the previous day.",
            "burned",
        ),
    ],
)
def test_the_previous_day_dates_another_deed(
    run_text: Callable[..., Document], text: str, trigger: str
) -> None:
    assert event_day_span(run_text, text, trigger) == (date(2021, 3, 9), date(2021, 3, 9))


def test_spans_over_previous_days_stay() -> None:
    lexicon = load_timex_lexicon()
    text = "Fighting over the previous two days killed 9; more died in the previous week."
    found = find_timexes(text, date(2021, 3, 9), 0, lexicon, "DMY")
    assert drop_previous_day(found) == found
    single = find_timexes("They fled the previous day.", date(2021, 3, 9), 0, lexicon, "DMY")
    assert single and drop_previous_day(single) == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Villagers protested the detention of a herder who was arrested recently for theft.",
            "protested",
        ),
        ("Youths attacked a councillor in a row over recently held party elections.", "attacked"),
    ],
)
def test_recently_dates_a_deed_before_the_event(
    run_text: Callable[..., Document], text: str, trigger: str
) -> None:
    assert event_day_span(run_text, text, trigger) == (date(2021, 3, 9), date(2021, 3, 9))


def test_a_stated_recent_span_stays() -> None:
    lexicon = load_timex_lexicon()
    found = find_timexes("Raids in recent weeks killed 9.", date(2021, 3, 9), 0, lexicon, "DMY")
    assert found and drop_recently(found) == found
