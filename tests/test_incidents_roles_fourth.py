"""Roles of an incident, fourth pass (issue 15): our own reports.

A reflexive object ("blew himself up") is never a second party, so the people the blast
killed fill actor2; an attacker the report does not name ("militants stormed the post") is
ACLED's Unidentified Armed Group, while one the report labels keeps its label.
"""

from __future__ import annotations

from collections.abc import Callable

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


def test_an_unnamed_attacker_is_an_unidentified_armed_group(incidents_of: Incidents) -> None:
    events = incidents_of(
        "Militants attacked a police post in Kunduz on Monday, killing two officers."
    )
    assert len(events) == 1 and events[0].actor1 is not None
    assert (events[0].actor1.name, events[0].actor1.inter) == ("Unidentified Armed Group", 3)


def test_a_named_attacker_keeps_its_name(incidents_of: Incidents) -> None:
    events = incidents_of(
        "Taliban militants attacked a police post in Kunduz on Monday, killing two officers."
    )
    assert len(events) == 1 and events[0].actor1 is not None
    assert events[0].actor1.name == "Taliban" and events[0].actor1.inter == 2
