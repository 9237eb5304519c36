"""Police who disperse people: the gathering a note tells only by its end.

"Police dispersed Jubilee supporters in Mumias", "police used tear gas to disperse crowds of
opposition supporters": the note names no protest word, yet reports a gathering the police
ended (ACLED: a protest with intervention). The trigger lexicon reads "disperse" with people
as its object (``head: disperse`` in triggers.yaml) as a protest. When the note has any other
trigger ("students protested …; police dispersed them", "youths threw stones … police
dispersed the crowd"), that act is the event and the dispersal only its end: the dispersal
is dropped before any event is coded, so it neither becomes one nor colours the others'
context.
"""

from __future__ import annotations

from typing import TypeVar

from eventwire.pipeline.events.triggers import TriggerMatch

__all__ = ["keep_dispersals_alone"]

_HEAD = "disperse"
T = TypeVar("T")


def _dispersal(match: TriggerMatch) -> bool:
    return match.entry.head == _HEAD


def keep_dispersals_alone(
    chosen: dict[int, list[tuple[TriggerMatch, T]]],
) -> dict[int, list[tuple[TriggerMatch, T]]]:
    """``chosen`` (a sentence's kept triggers) without the dispersals, unless a dispersal is
    all the note has."""
    if all(_dispersal(m) for picks in chosen.values() for m, _ in picks):
        return chosen
    return {i: [(m, f) for m, f in picks if not _dispersal(m)] for i, picks in chosen.items()}
