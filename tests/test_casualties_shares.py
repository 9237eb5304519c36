"""A coder's toll told per day or per place (issue 16, fatalities; own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline.casualties.numbers import load_number_lexicon
from eventwire.pipeline.casualties.shares import find_labelled_shares, names_day, share_for
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def shares(text: str) -> list[tuple[int | None, str]]:
    return [(m.best, m.label) for m in find_labelled_shares(text, 0, load_number_lexicon())]


def test_shares_per_day_and_per_place_in_order() -> None:
    assert shares("30 died over two days (17 coded for June 3, 13 coded for June 4).") == [
        (17, "June 3"),
        (13, "June 4"),
    ]
    assert shares("Five killed (fatality split with 3 for Kodok and two for Wau Shilluk).") == [
        (3, "Kodok"),
        (2, "Wau Shilluk"),
    ]


def test_a_lone_share_counts_only_for_a_day() -> None:
    assert shares("40 fatalities coded for 12 March.") == [(40, "12 March")]
    assert shares("Fatalities coded for Kodok.") == []
    assert shares("Two soldiers died (fatalities coded for this event).") == []


@pytest.mark.parametrize(
    ("label", "day", "named"),
    [
        ("June 3", date(2015, 6, 3), True),
        ("3 June 2015", date(2015, 6, 3), True),
        ("Jun. 4", date(2015, 6, 3), False),
        ("03/06", date(2015, 6, 3), True),
        ("Kodok", date(2015, 6, 3), False),
    ],
)
def test_a_label_names_a_day(label: str, day: date, named: bool) -> None:
    assert names_day(label, day) is named


def test_an_event_takes_the_share_of_its_day_or_place_else_the_first() -> None:
    found = find_labelled_shares(
        "Nine killed (fatality split with 4 for Kodok, 3 for Malakal and 2 for Renk).",
        0,
        load_number_lexicon(),
    )
    assert share_for(found, None, "Malakal, Upper Nile").best == 3
    assert share_for(found, date(2015, 6, 3), None).best == 4


def test_a_share_outranks_the_total_it_splits() -> None:
    text = "17 killed (9 coded for June 3, 8 coded for June 4)."
    assert incident_toll(find_mentions(text)).best == 9  # type: ignore[union-attr]
