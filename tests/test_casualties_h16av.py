"""Fatalities (issue 16, helper h16av): a kill a relative clause tells as earlier than the
event is another event's toll."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.casualties.other_deaths import mark_earlier, mark_reported_counts
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def _toll(text: str) -> int | None:
    mentions = find_mentions(text)
    mark_earlier(text, 0, mentions)
    toll = incident_toll(mentions)
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    "text",
    [
        "Traders met at the market, where a blast which killed two porters a week earlier hit.",
        "Rebels shot at a lorry with the coffin of a ranger who died in an ambush two days before.",
        "Youths stoned the house of a herder who was killed by a patrol the previous day.",
        "Gunmen attacked the guard post of a chief who had shot and killed a poacher days ago.",
    ],
)
def test_an_earlier_kill_in_a_relative_clause_is_background(text: str) -> None:
    assert _toll(text) is None


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the relative clause tells the event's own dead
        ("A mortar round which killed three farmers hit the village.", 3),
        # "earlier" of the telling, no relative clause
        ("Police said that four guards were killed earlier on Monday.", 4),
        # "before" as a conjunction inside the event's own clause
        ("The militia, who killed five herders before they fled, burned the camp.", 5),
    ],
)
def test_an_own_kill_keeps_its_toll(text: str, toll: int) -> None:
    assert _toll(text) == toll


def test_a_report_of_a_protest_over_an_earlier_kill(top_event: TopEvent) -> None:
    event = top_event(
        "Residents of Tanga marched to the police station, near the spot where a grenade "
        "attack which killed a fisherman three days earlier had happened."
    )
    assert event is not None
    assert event.fatalities is None or not event.fatalities.best


@pytest.mark.parametrize(
    "text",
    [
        "Youths stoned the car of a chief after his escort killed a girl in a road accident.",
        "A mob burned a minibus after it killed two pupils in an accident near the school.",
        "Rioters smashed the windows of a lorry that had collided with a taxi, killing its driver.",
    ],
)
def test_a_road_accident_is_what_a_riot_is_about(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None and event.acled_event_type in ("Riots", "Protests")
    assert event.fatalities is None or not event.fatalities.best


def test_an_accidental_blast_keeps_its_toll(top_event: TopEvent) -> None:
    event = top_event("A mine planted by rebels went off accidentally, killing four of them.")
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == 4


def _incident_toll(text: str) -> int | None:
    mentions = find_mentions(text)
    mark_reported_counts(mentions, text)
    toll = incident_toll(mentions)
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a named source's count after the report's own one is an estimate
        ("At least 12 herders were killed in Kuda. OCHA reports 30 dead.", 12),
        ("Five farmers and two raiders killed. Radio Tamazuj reported 11 fatalities.", 7),
        # a reported count alone is the toll
        ("Gunmen raided Kuda. OCHA reports 30 dead.", 30),
        # a source's count with a word of its own is no estimate of the same deaths
        ("Three soldiers were killed. OCHA reports 30 civilians killed.", 33),
    ],
)
def test_a_sources_count_after_an_own_count_competes(text: str, toll: int) -> None:
    assert _incident_toll(text) == toll
