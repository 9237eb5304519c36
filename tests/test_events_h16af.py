"""Issue 16, helper h16af: notes that gave no event at all, own sentences.

Each class has sentences that gave no event before the change and twins that must keep
their reading (or stay without an event).
"""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_sub_type

# --- fights told by their occurrence: "clashes occurred between X and Y" ----------------

CLASHES_OCCURRED = [
    "Clashes occurred between fishermen and farmers over a disputed lake shore.",
    "Sporadic clashes occur near the river. Few details are known.",
    "Renewed clashes took place between herders and farmers near the wells.",
    "Fighting broke out between herders and farmers near the wells.",
]


@pytest.mark.parametrize("text", CLASHES_OCCURRED)
def test_clashes_that_occurred_are_a_clash(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Armed clash"


@pytest.mark.parametrize(
    "text",
    [
        # a singular clash: a collision in a match, not a fight
        "The clash occurred late in the second half, when the striker collided with the keeper.",
        # told as what may come, not what happened
        "Analysts warned that clashes could occur between the two trading blocs next year.",
        # business and politics: ministers' clashes in a budget story
        "The clashes between shareholders and the board occurred over the dividend. Shares "
        "fell two percent and the company cut its profit forecast. Investors sold the stock.",
    ],
)
def test_fights_that_did_not_happen_or_are_no_fights_give_no_clash(
    top_event: TopEvent, text: str
) -> None:
    event = top_event(text)
    assert event is None or event.acled_sub_event_type != "Armed clash"


# --- hijackings that took people: an abduction -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A lorry driver and his lorry were hijacked by an armed group on the road to Tawila.",
        "Gunmen hijacked two aid workers near Kutum and took them to an unknown place.",
    ],
)
def test_people_hijacked_by_an_armed_party_are_abducted(top_event: TopEvent, text: str) -> None:
    assert top_sub_type(top_event, text) == "Abduction/forced disappearance"


@pytest.mark.parametrize(
    "text",
    [
        # a vehicle alone: the hijacking is no abduction by itself
        "An armed group hijacked a lorry on the road to Tawila.",
        # another sense
        "Opposition members hijacked the debate on the budget, the speaker said.",
    ],
)
def test_a_vehicle_or_a_debate_hijacked_is_no_abduction(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is None or event.acled_sub_event_type != "Abduction/forced disappearance"
