"""A sentence opening "Earlier that day" tells another incident than the lead (issue 18,
helper h18h): the report of a police officer shot at night that adds "Earlier that day,
five men had been shot dead at a car wash" tells two incidents, not one. Own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Document

LEAD = "A bus driver was shot dead by gunmen in Tijuana on Monday night, police said. "


@pytest.mark.parametrize(
    "second",
    [
        "Earlier that day, three men had been killed at a tyre shop in the city.",
        "Earlier in the day, gunmen had killed three men at a tyre shop in the city.",
        "Earlier on Monday, three men were shot dead at a tyre shop in the city.",
        "Hours earlier, three men were shot dead at a tyre shop in the city.",
    ],
)
def test_an_earlier_killing_that_day_is_its_own_incident(
    run_text: Callable[..., Document], second: str
) -> None:
    doc = run_text(LEAD + second, published="2021-06-08")
    tolls = sorted(e.fatalities.best for e in doc.events if e.fatalities is not None)
    assert tolls == [1, 3]


def test_a_toll_that_rose_hours_later_stays_the_lead_incident(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "A car bomb killed four people at a market in Kirkuk on Monday, police said. Hours "
        "later, the toll rose to seven.",
        published="2021-06-08",
    )
    tolls = [e.fatalities.best for e in doc.events if e.fatalities is not None]
    assert tolls == [7]
