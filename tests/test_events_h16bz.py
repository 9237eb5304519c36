"""Issue 16, helper h16bz: which event of a note is the top one, own sentences.

A deed in a relative or adverbial clause dated before the note (earlier_clause.py) came
before the reported act: "police arrested traders who had rioted two days before", "troops
fought bandits after the bandits abducted two farmers the previous week", "after rebels
captured the town last month". The act of the main clause leads.
A protest told so stays the event ("police shot at youths who had gathered the day before
to protest").
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

EARLIER = [
    (
        "On 4 April 2018, police arrested 30 traders in Kamba, who had rioted at the market "
        "two days before.",
        "Strategic developments",
    ),
    (
        "On 4 April 2018, soldiers fought with bandits near Kamba after the bandits "
        "abducted two farmers the previous week.",
        "Battles",
    ),
    (
        "On 4 April 2018, the army shelled the village of Kamba, where hundreds of families "
        "fled after rebels captured the district capital last month.",
        "Explosions/Remote violence",
    ),
]


@pytest.mark.parametrize(("text", "kind"), EARLIER)
def test_a_clause_dated_before_is_backdrop(top_event: TopEvent, text: str, kind: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == kind


def test_a_protest_in_a_past_perfect_clause_stays(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 April 2018, police fired tear gas at youths in Kamba who had gathered a day "
        "earlier to protest the arrest of their leader."
    )
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_a_past_perfect_main_clause_is_the_event(top_event: TopEvent) -> None:
    event = top_event("On 4 April 2018, gunmen had abducted two farmers near Kamba.")
    assert event is not None
    assert event.acled_event_type == "Violence against civilians"


def test_a_clause_of_doubt_is_not_backdrop(top_event: TopEvent) -> None:
    event = top_event(
        "On 4 April 2018, the army said it broke the blockade of Kamba, but it is not clear "
        "if soldiers had captured the town the previous week."
    )
    assert event is None or event.acled_event_type != "Strategic developments"
