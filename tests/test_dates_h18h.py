"""Dates of toll updates and claims told days later (issue 18, helper h18h).

A later report names the incident's day before the incident noun ("Monday's drone strike",
"the weekend ambush") or says "at the weekend"; the day the update or the claim was told
("… said on Thursday") is not the incident's day. Own sentences; 2021-06-10 is a Thursday.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import TopEvent
from eventwire.pipeline.dates.timex import find_timexes
from eventwire.records import Document

THURSDAY = "2021-06-10"
SATURDAY, SUNDAY = date(2021, 6, 5), date(2021, 6, 6)


@pytest.mark.parametrize("text", ["at the weekend", "over the weekend", "the weekend ambush"])
def test_the_weekend_is_the_latest_saturday_and_sunday(text: str) -> None:
    found = find_timexes(text, date.fromisoformat(THURSDAY))
    assert found and found[0].when.start == SATURDAY and found[0].when.end == SUNDAY


def test_the_weekend_told_on_a_sunday_is_that_weekend() -> None:
    found = find_timexes("over the weekend", SUNDAY)
    assert found and (found[0].when.start, found[0].when.end) == (SATURDAY, SUNDAY)


def test_a_claim_of_an_attack_at_the_weekend_takes_the_weekend(top_event: TopEvent) -> None:
    event = top_event(
        "The rebels said on Thursday that their fighters had ambushed an army convoy near "
        "Mopti at the weekend.",
        published=THURSDAY,
    )
    assert event is not None and event.date is not None
    assert (event.date.start, event.date.end) == (SATURDAY, SUNDAY)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "The death toll from Monday's drone strike on a wedding party has risen to 14, "
            "a hospital director said on Thursday.",
            date(2021, 6, 7),
        ),
        (
            "The number of soldiers killed in Tuesday's ambush near the border has risen to "
            "nine, the army said on Thursday.",
            date(2021, 6, 8),
        ),
        (
            "The number of herders killed in the weekend raid on their camp has risen to 12, "
            "a local chief said on Thursday.",
            SATURDAY,
        ),
    ],
)
def test_a_toll_update_is_dated_by_the_incident_it_names(
    top_event: TopEvent, text: str, day: date
) -> None:
    event = top_event(text, published=THURSDAY)
    assert event is not None and event.date is not None
    assert event.date.start == day


def test_a_killing_days_after_another_raid_keeps_its_own_day(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Gunmen shot dead two farmers on Wednesday, two days after Monday's raid on a "
        "nearby village.",
        published=THURSDAY,
    )
    shot = [e for e in doc.events if e.trigger.text.startswith("shot")]
    assert shot and shot[0].date is not None and shot[0].date.start == date(2021, 6, 9)


def test_a_protest_over_an_earlier_killing_keeps_its_own_day(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Students marched in the town on Thursday over Monday's killing of a teacher.",
        published=THURSDAY,
    )
    marched = [e for e in doc.events if e.plover_type == "PROTEST"]
    assert marched and marched[0].date is not None
    assert marched[0].date.start == date(2021, 6, 10)


def test_the_day_a_toll_rose_is_not_the_incident_day(top_event: TopEvent) -> None:
    event = top_event(
        "The death toll from Monday night's raid on a cattle market climbed to 16 on "
        "Wednesday as more bodies were recovered, a district official said.",
        published=THURSDAY,
    )
    assert event is not None and event.date is not None
    assert event.date.start == date(2021, 6, 7)


def test_a_toll_that_rose_on_a_day_with_no_other_date_keeps_that_day(
    top_event: TopEvent,
) -> None:
    event = top_event(
        "The number of people killed in clashes between two clans rose to 16 on Wednesday, "
        "a district official said.",
        published=THURSDAY,
    )
    assert event is not None and event.date is not None
    assert event.date.start == date(2021, 6, 9)
