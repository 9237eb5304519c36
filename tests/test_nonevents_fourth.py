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
