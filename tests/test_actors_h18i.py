"""Issue 18, tenth pass (helper h18i): "the junta" is the state's military.

"Junta jets bombed a village …" gave actor1 "Junta" with no code and a guessed inter 3, which
contradicts another outlet's "military air strike" (Military Forces of the country, inter 1)
of the same incident in deduplication. "junta" and "military junta" are now heads of the
generic military actor (actors/generic.jsonl). Own sentences.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent


@pytest.mark.parametrize(
    "text",
    [
        "Junta aircraft bombed a monastery in Myanmar's Sagaing region on Monday, killing "
        "eight monks, residents said.",
        "The junta bombed a village in Myanmar's Chin state on Monday, killing "
        "four farmers, a local group said.",
    ],
)
def test_the_junta_is_the_countrys_military(top_event: TopEvent, text: str) -> None:
    event = top_event(text, published="2025-03-04")
    assert event is not None and event.actor1 is not None
    assert event.actor1.actor_id == "MM-MIL" and event.actor1.inter == 1
