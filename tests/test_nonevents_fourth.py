"""Non-events and modality, fourth pass (issue 15): our own sentences.

A clause denied by "no evidence that", the future told with "going to", a question closed
by a quotation mark, a hunt's animals (also "a total of N foxes", "killed by hounds") and
the noun "target" report no incident. Each class has a twin that must still be coded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.records import Event

Coded = Callable[[str], list[Event]]
VIOLENT_TYPES = {"ASSAULT", "COERCE"}


def _asserted(events: list[Event], types: set[str] = VIOLENT_TYPES) -> list[str]:
    return [e.trigger.text for e in events if e.plover_type in types and e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said there was no evidence that any of the prisoners was beaten.",
        "Officials found no sign that the workers had been beaten.",
        "Without the new permits, the traders are going to be detained at the border.",
        'He asked: "Why is it that the poor are killed in these wars?"',
        "A local hunt met on Saturday, killing a total of 12 foxes.",
        "Three hares were killed by hounds during the meet.",
        "The analysts tried to identify potential targets along the coast.",
    ],
)
def test_no_asserted_incident(text: str, coder_events: Coded) -> None:
    assert _asserted(coder_events(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said guards beat two of the prisoners on Monday.",
        "Police detained the traders at the border on Tuesday.",
        "Gunmen killed a total of 12 villagers in the raid.",
        "Militants targeted a police convoy near the border, killing two officers.",
    ],
)
def test_the_twin_is_still_coded(text: str, coder_events: Coded) -> None:
    assert _asserted(coder_events(text)) != []


def _top(events: list[Event]) -> tuple[str, str | None]:
    top = events[0]
    return top.plover_type, top.cameo_root


def test_a_declined_concession_is_a_rejection(coder_events: Coded) -> None:
    assert _top(coder_events("The governor declined to resign after the scandal.")) == (
        "REJECT",
        "12",
    )


def test_halted_mediation_reduces_relations(coder_events: Coded) -> None:
    events = coder_events("The commission ended mediation between the two parties on Friday.")
    assert _top(events) == ("SANCTION", "16")


def test_what_another_party_must_do_is_a_demand(coder_events: Coded) -> None:
    events = coder_events("The minister said the neighbouring state must mediate the talks.")
    assert _top(events) == ("REQUEST", "10") and events[0].modality == "asserted"


def test_a_violent_act_that_must_happen_stays_hypothetical(coder_events: Coded) -> None:
    events = coder_events("Soldiers must kill the rebels, the commander said.")
    assert [e.modality for e in events if e.plover_type == "ASSAULT"] == ["hypothetical"]
