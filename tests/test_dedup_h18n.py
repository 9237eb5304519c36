"""Issue 18, fifteenth pass (helper h18n): a toll update that names its incident by its day
and its place ("the death toll from Tuesday's attack on <town> has climbed to 31").

Own sentences. "attack" is an ambiguous trigger (a verbal attack is none); a sentence whose
rising death toll counts the dead of an act named by a possessive day and a place reports
that act, so the update joins the incident the lead told and brings it the latest toll. A
bare "the attack" (an act told before), a toll with no day or no place, and a toll that
does not rise give no event, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import TopEvent, canonical
from eventwire.records import Document

LEAD = (
    "Gunmen attacked the town of Arbinda in northern Burkina Faso on Tuesday, killing 23 "
    "civilians, residents said."
)
UPDATE = (
    "The death toll from Tuesday's attack on Arbinda has climbed to 31, a regional official "
    "said on Friday."
)


def test_a_dated_placed_toll_update_reports_its_attack(top_event: TopEvent) -> None:
    event = top_event(UPDATE, published="2026-03-13")
    assert event is not None and event.modality == "asserted"
    assert event.trigger.text == "attack"
    assert event.fatalities is not None and event.fatalities.best == 31
    assert event.date is not None and event.date.start == date(2026, 3, 10)  # Tuesday's
    assert event.location is not None and event.location.country == "BF"
    assert event.location.precision == 1  # the town the update names
    raid = top_event("The toll of Sunday's raid on Arbinda rose to 12.", published="2026-03-10")
    assert raid is not None and raid.fatalities is not None and raid.fatalities.best == 12


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the attack has climbed to 31, a regional official said.",
        "The death toll from the attack on Arbinda has climbed to 31, an official said.",
        "The death toll from Tuesday's attack has climbed to 31, a regional official said.",
        "The death toll from Tuesday's attack on Arbinda was disputed by officials.",
        "The political toll of Tuesday's attack on Smith's budget has grown.",
    ],
)
def test_a_toll_without_day_place_or_rise_gives_no_event(top_event: TopEvent, text: str) -> None:
    assert top_event(text, published="2026-03-13") is None


def test_the_update_joins_the_lead_with_the_latest_toll(
    run_text: Callable[..., Document],
) -> None:
    docs = [
        run_text(LEAD, published="2026-03-11", source="Sahel Wire", source_id="lead"),
        run_text(UPDATE, published="2026-03-13", source="Ouaga Daily", source_id="update"),
    ]
    records = canonical(docs)
    assert len(records) == 1
    assert len(records[0]["reports"]) == 2
    assert records[0]["fatalities"]["best"] == 31
