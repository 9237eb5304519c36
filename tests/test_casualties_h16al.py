"""Fatalities (issue 16, helper h16al): a toll told over a stated span of days is shared
among the days, as ACLED codes one row a day."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.casualties.span_days import stated_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("40 people were reported killed between July 3-4.", 2),
        ("clashes in the hills over 14-16 October left 30 dead", 3),
        ("a toll of 12 between Nov.8-9 was given", 2),
        ("from 2 to 5 March, 20 died", 4),
    ],
)
def test_a_stated_span_of_days_is_read(text: str, days: int) -> None:
    span = stated_days(text)
    assert span is not None and span[0] == days


@pytest.mark.parametrize(
    "text",
    [
        "Around 9 May 2022 (between 7 - 11 May), soldiers killed eight men.",  # a bracket
        "fighting raged between 2-30 April",  # a month's campaign, not days
        "the boys were aged between 12-14 years",  # no month
    ],
)
def test_no_span_of_days(text: str) -> None:
    assert stated_days(text) is None


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Herders and farmers clashed in Bokkos. 40 people were killed between July 3-4.",
            20,
        ),
        (
            "Fighting between two clans near Galkayo over 14-16 October left 30 people dead.",
            10,
        ),
        # the span opens the note: an uncertain day, the row keeps the whole toll
        ("Between 3-5 July. Gunmen killed six villagers in Bokkos.", 6),
        # a span the dead are not told over
        ("Gunmen killed six villagers in Bokkos. Talks were held between July 3-4.", 6),
    ],
)
def test_a_toll_over_stated_days_is_shared(top_event: TopEvent, text: str, dead: int) -> None:
    event = top_event(text)
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a range a total is told with: its lower end (ACLED codes the lowest number)
        (
            "Gunmen attacked a market in Kidal. Between eight and fifteen fatalities were "
            "reported.",
            8,
        ),
        ("Soldiers raided a camp near Tessit. There were between 30 and 45 fatalities.", 30),
        ("Herders attacked a village and killed between four and about nine people.", 4),
        # twins: a total with no range keeps its number
        ("Gunmen attacked a market in Kidal. Fifteen fatalities were reported.", 15),
        ("Herders attacked a village and killed about nine people.", 9),
    ],
)
def test_a_range_gives_its_lower_end(top_event: TopEvent, text: str, dead: int) -> None:
    event = top_event(text)
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == dead
