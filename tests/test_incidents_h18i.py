"""Issue 18, tenth pass (helper h18i): a claim whose named act's toll is told in a relative
clause ("claimed responsibility for Tuesday's bombing … that killed nine people") is that act.

The events stage reads the act from the clause's "killed", several words after the claim's
cue, so the incidents stage took the claim for one that named no act and dropped the report's
only event: the claim report then gave deduplication nothing to join to the incident's other
reports. Own sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import TopEvent
from eventwire.pipeline.incidents.stage import _toll_clause_of_act


@pytest.mark.parametrize(
    ("text", "claimant", "toll", "day"),
    [
        (
            "The Islamic State group claimed responsibility on Wednesday for Tuesday's bombing "
            "of a bus station in Jalalabad that killed nine people.",
            "ISIS",
            9,
            date(2025, 3, 4),
        ),
        (
            "JNIM said on Thursday that its fighters had carried out Wednesday's assault on "
            "the army post in Djibo, which officials said killed 14 soldiers.",
            "JNIM",
            14,
            date(2025, 3, 5),
        ),
    ],
)
def test_a_claim_with_the_acts_toll_in_a_relative_clause_is_the_act(
    top_event: TopEvent, text: str, claimant: str, toll: int, day: date
) -> None:
    published = "2025-03-05" if day.day == 4 else "2025-03-06"
    event = top_event(text, published=published)
    assert event is not None and event.actor1 is not None
    assert event.actor1.actor_id == claimant and event.actor1.claimed
    assert event.fatalities is not None and event.fatalities.best == toll
    assert event.date is not None and event.date.start == day


@pytest.mark.parametrize(
    ("between", "told"),
    [
        (" on Wednesday for Tuesday's bombing of a bus station in Jalalabad that ", True),
        (" Wednesday's assault on the army post, which officials said ", True),
        (" on Wednesday for the statement of its leader that ", False),  # no act named
        (" for the bombing; police said the gunmen ", False),  # another clause
    ],
)
def test_only_a_relative_clause_of_a_named_act(between: str, told: bool) -> None:
    assert _toll_clause_of_act(between) is told
