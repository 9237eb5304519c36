"""Dates (issue 16, helper h16cj): a date the dates stage read in the representative
mention's own sentence and refused it (a deed after "following" or "since", a participle's
day) is not lent back to the incident by a mention of that other deed merged into it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.records import EVENT_DATED, Document

RECORD = "2021-03-09"


@pytest.mark.parametrize(
    "text",
    [
        "Movement of forces: The army increases its presence in the hills above Talora "
        "following a rebel attack March 4th near the river.",
        "Non-violent activity: Police surrounded the Ondesi camp. They detained one camp "
        "resident, the 4th resident held since unrest at the camp in early March.",
    ],
)
def test_a_refused_background_date_stays_refused(
    run_text: Callable[..., Document], text: str
) -> None:
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED)
    top = doc.events[0]
    assert top.date is not None and top.date.start == date(2021, 3, 9)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Rebels attacked the army barracks in Talora on March 4, killing three soldiers.", 4),
        ("On March 6, soldiers clashed with rebels in Ondesi. The fighting left two dead.", 6),
    ],
)
def test_the_incidents_own_day_is_kept(
    run_text: Callable[..., Document], text: str, day: int
) -> None:
    doc = run_text(text, published=RECORD, published_source=EVENT_DATED)
    top = doc.events[0]
    assert top.date is not None and top.date.start == date(2021, 3, day)
