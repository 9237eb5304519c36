"""Which side of a violent act a sentence's people stand on, read from word order.

A headline parse ("Police assault journalist …", "Bandits raid villages, attack
civilians") often finds neither the agent nor the target of the act, so the sentence's
doers stay among its victims. The people named after an active act are its targets; a
passive act's victims come before it ("a soldier was killed in an attack on a village"),
so it has none after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.pipeline.events.roles import is_passive
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, classes_in


def classes_after(
    tokens: Sequence[Any], match: TriggerMatch, lexicon: Lexicon, skip: set[int]
) -> set[str]:
    """Cue classes of the tokens after an active trigger (none for a passive one)."""
    parse = tokens[0].doc if tokens else None
    if parse is None or is_passive(parse[match.head]):
        return set()
    return classes_in(tokens, lexicon, skip={*range(match.end), *skip})
