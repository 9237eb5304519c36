"""A party's own version of how an incident began, in its quoted words, is that incident told
again ("we were attacked first and only defended ourselves"), not a second incident; a quote
that tells an attack of its own, with its own place or day, still is one. Our own reports.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Event

Coded = Callable[[str], list[Event]]


MARKET_RIOT = (
    "KANO, May 12 - Traders set fire to a police post and smashed shop windows in Kano's "
    "Sabon Gari market on Monday after a row over new stall fees, police said.\n\n"
    "Officers fired tear gas to disperse the crowd, a police spokesman said.\n\n"
    '"Our people were attacked first and only defended themselves," the chairman of the '
    "traders' association told reporters."
)


def test_a_sides_own_account_is_the_incident_told_again(incidents_of: Coded) -> None:
    events = incidents_of(MARKET_RIOT)
    assert [e.acled_event_type for e in events] == ["Riots"]
    kinds = [m.kind for m in events[0].mentions]
    assert "denial" in kinds  # the association's version, kept as a mention of the riot


def test_a_quoted_attack_with_its_own_place_and_day_stays_apart(incidents_of: Coded) -> None:
    text = MARKET_RIOT.replace(
        '"Our people were attacked first and only defended themselves,"',
        '"Our people were attacked first in Wudil on Tuesday and defended themselves,"',
    )
    assert len(incidents_of(text)) == 2


def test_an_account_with_no_incident_before_it_is_its_own_event(incidents_of: Coded) -> None:
    text = (
        '"Our villagers were attacked first by the herders and only defended themselves," '
        "the district head of Gwoza told reporters on Friday."
    )
    assert len(incidents_of(text)) == 1
