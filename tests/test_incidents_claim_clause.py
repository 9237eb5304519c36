"""A claim of responsibility joined to the act it claims by a clause of its own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.pipeline.incidents.claims import act_after_claim
from eventwire.pipeline.incidents.cues import load_incident_cues
from eventwire.records import Document


@pytest.mark.parametrize(
    ("before", "act"),
    [
        ("The Lions Brigade claimed the attack in a statement on Friday, two days after a ", True),
        ("The group claimed responsibility on Sunday, hours after a ", True),
        ("The group claimed responsibility for the ", False),
        ("The group claimed responsibility on Sunday, saying a ", False),
        ("Police said on Sunday, a day after a ", False),  # no claim
    ],
)
def test_act_after_claim(before: str, act: bool) -> None:
    assert act_after_claim(before, load_incident_cues()) is act


def test_the_act_after_a_claim_clause_is_an_event_with_the_claimant(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Al-Shabaab claimed the attack in a statement on Tuesday, a day after a roadside bomb "
        "killed four soldiers near Baidoa.",
        published="2024-03-12",
    )
    bombs = [e for e in doc.events if e.plover_type == "ASSAULT"]
    assert len(bombs) == 1
    assert bombs[0].actor1 is not None and bombs[0].actor1.claimed
