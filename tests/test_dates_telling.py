"""An event told with no date of its own, after a sentence that states both the narrated
day and the day it was told ("killed on Tuesday, the army said on Wednesday"), takes the
narrated day: the reporting verb's date dates the telling. Our own sentences."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from eventwire.records import Document


def _days(run_text: Callable[..., Document], text: str) -> list[tuple[str, str]]:
    doc = run_text(text, published="2021-06-10")  # a Thursday
    return [(doc.text[e.trigger.start : e.trigger.end], str(e.date.start)) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed in an ambush near Gao on Tuesday, the army said on "
        "Wednesday. Earlier that day, gunmen had burned the market in the town.",
        "Gunmen shot dead a teacher in Kidal on Tuesday night, police told reporters on "
        "Wednesday. Later that night, a grenade was thrown into a bar in Gao, killing two "
        "people.",
    ],
)
def test_a_later_undated_event_takes_the_narrated_day(
    run_text: Callable[..., Document], text: str
) -> None:
    days = _days(run_text, text)
    assert len(days) >= 2, days
    assert {day for _, day in days} == {"2021-06-08"}, days


def test_with_only_the_telling_s_day_the_later_event_still_takes_it(
    run_text: Callable[..., Document],
) -> None:
    text = (
        "The army said on Wednesday that two soldiers were killed in an ambush near Gao. "
        "In Kidal, gunmen burned the market and killed a trader."
    )
    days = _days(run_text, text)
    assert len(days) >= 2, days
    assert days[-1][1] == "2021-06-09", days


def test_the_reporting_lemmas_are_data() -> None:
    from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon

    assert {"say", "tell", "announce"} <= load_timex_lexicon().reporting_lemmas


def test_a_borrowed_date_lends_its_day_not_its_part_of_the_day() -> None:
    """The later event took "on Tuesday night" from the sentence before ("Earlier that
    day, …"): the night is the first event's, so another outlet's "Tuesday morning" report
    of the later event may be the same incident; a date of the event's own sentence still
    keeps the two parts apart."""
    from eventwire.dedup.daytime import time_of_day
    from test_dedup_h18i import event, linked

    sentence = "Earlier that day, five traders had been shot dead at a market in the town."
    borrowed = event("a", "d1", sentence=sentence, date_text="on Tuesday night",
                     date_borrowed=True, fatalities=5)  # fmt: skip
    morning = event(
        "b", "d2", date_text="on Tuesday morning", fatalities=5,
        sentence="Gunmen killed five traders at a market on Tuesday morning.",
    )  # fmt: skip
    assert time_of_day(borrowed) is None
    assert linked(borrowed, morning)
    own = dataclasses.replace(borrowed, date_borrowed=False)
    assert time_of_day(own) == 3  # night
    assert not linked(own, morning)
