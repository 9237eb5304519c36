"""Incidents, fourth pass (issue 15): our own reports.

A reflexive object ("blew himself up") is never a second party, so the people the blast
killed fill actor2; an act told in a named era of the past ("during the 1994 genocide") is
background, whatever the publication date.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Event

Incidents = Callable[[str], list[Event]]


def test_a_reflexive_object_leaves_actor2_to_the_victims(incidents_of: Incidents) -> None:
    events = incidents_of(
        "A suicide bomber blew himself up at a wedding hall in Kabul on Friday, killing "
        "eleven people."
    )
    assert len(events) == 1
    victims = events[0].actor2
    assert victims is not None and victims.text != "himself" and victims.inter == 7


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 20,000 women were raped during the 1994 genocide, the charity said.",
        "Her grandfather was shot by soldiers during the apartheid era in a township.",
        "The minister spoke of the World War I-era killing of Armenians in Anatolia.",
    ],
)
def test_an_act_of_a_past_era_is_background(text: str, incidents_of: Incidents) -> None:
    assert incidents_of(text) == []


def test_an_act_of_today_is_an_incident(incidents_of: Incidents) -> None:
    assert len(incidents_of("Soldiers shot two men in a township near Durban on Monday.")) == 1
