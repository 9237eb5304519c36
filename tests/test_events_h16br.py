"""Issue 16, helper h16br: Battles against Explosions/Remote violence and Protests against
Violence against civilians, own sentences.

A bomber stopped by others (stopped_bomber.py): "a suicide bomber was killed by soldiers"
is the fight with the bomber (an Armed clash), not a suicide bombing; a bomber killed in
his own blast, or killed with no doer named, keeps the bombing.

A deed told in a relative clause of a protest's grievance (grievance.py): "marched over the
murder of a boy who was kidnapped by …" is a protest; the kidnapping is its backdrop.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import TopEvent
from eventwire.records import Document

STOPPED = [
    "On 3 May 2019, a suspected Boko Haram suicide bomber was shot dead by soldiers in "
    "Tarmua village.",
    "On 3 May 2019, two suspected suicide bombers were killed by troops near the market of Tarmua.",
]


@pytest.mark.parametrize("text", STOPPED)
def test_a_bomber_killed_by_soldiers_is_a_fight(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Battles"


BOMBINGS = [
    "On 3 May 2019, a suicide bomber blew herself up at the market of Tarmua, killing four "
    "traders.",
    "On 3 May 2019, four traders and a suicide bomber were killed in an attack at the market "
    "of Tarmua.",
    "On 3 May 2019, police intercepted a suicide bomber who detonated early at the gate of "
    "Tarmua market, killing a guard.",
]


@pytest.mark.parametrize("text", BOMBINGS)
def test_a_bomber_who_went_off_keeps_the_bombing(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Explosions/Remote violence"


GRIEVANCES = [
    "On 9 June 2021, residents of Tamba held a march over the death of a young trader, Peter "
    "Odu, who was kidnapped by a gang last week.",
    "On 9 June 2021, a group of traders staged a protest in Tamba, petitioning the governor "
    "on the whereabouts of farmer John Ade, who was allegedly abducted by soldiers two "
    "months ago.",
]


@pytest.mark.parametrize("text", GRIEVANCES)
def test_a_deed_in_the_grievance_is_no_event(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_a_deed_told_of_the_marchers_stays_an_event(top_event: TopEvent) -> None:
    text = (
        "On 9 June 2021, soldiers abducted three students who had marched in Tamba against "
        "the new fees."
    )
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Violence against civilians"


def test_a_relative_clause_in_a_claim_keeps_its_own_reading(
    run_text: Callable[..., Document],
) -> None:
    """A claim of responsibility tells the claimed act: a relative clause on the bombing's
    target tells its toll, so the killing stays a deed of the report (added at the twentieth
    stop's merge, after the rule had changed a multi-outlet dev report's top event)."""
    doc = run_text(
        "The Islamic State group claimed responsibility on Saturday for the bombing of a "
        "crowded market in northern Talora a day earlier, which killed dozens of shoppers.",
        published="2021-06-12",
    )
    killed = [e for e in doc.events if e.trigger.text == "killed"]
    assert killed and not killed[0].background
    assert doc.events[0].trigger.text == "killed"
