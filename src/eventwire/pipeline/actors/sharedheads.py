"""A head noun two sides share across "and".

"Fighting continued between government and rebel forces": the head noun "forces" belongs
to both sides, but the first side's mention is the bare "government" and the second is
lost. ``shared_head_sides`` reads "between A and B HEAD" in a battle's sentence, codes
"A HEAD" and "B HEAD", and returns both when they are two different armed parties; the
side that codes as the event's actor1 stays first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.pipeline.common.actordict import ARMED_INTER
from eventwire.records import Actor, Document, Event

_HEADS = r"(?:forces|troops|soldiers|fighters|combatants)"  # a communal militia: community.py
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Za-z][\w'’-]*)\s+and\s+(?:the\s+)?"
    rf"(?P<b>[A-Za-z][\w'’/-]*(?:\s+[A-Za-z][\w'’/-]*)?)\s+(?P<h>{_HEADS})\b"
)


def shared_head_sides(
    doc: Document, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """The two sides of "between A and B forces" in a battle's sentence, or None."""
    i = event.sentence_index
    if event.acled_event_type != "Battles" or not 0 <= i < len(doc.sentences):
        return None
    sentence = doc.sentences[i]
    match = _BETWEEN.search(sentence.text)
    if match is None or match.group("a").lower() in ("them", "two", "both"):
        return None
    head = match.group("h")
    sides: list[Actor] = []
    for key in ("a", "b"):
        side = code(f"{match.group(key)} {head}")
        if side.inter not in ARMED_INTER or side.resolved_by in (None, "unknown"):
            return None
        side.start = sentence.start + match.start(key)
        side.end = sentence.start + (match.end(key) if key == "a" else match.end("h"))
        side.text = doc.text[side.start : side.end]
        sides.append(side)
    first, second = sides
    if first.name == second.name or first.inter == second.inter:
        return None
    a1 = event.actor1  # the side the event coder read first stays first
    if a1 is None or (a1.name, a1.inter) == (first.name, first.inter):
        return first, second
    if a1.name == second.name or a1.inter == second.inter != first.inter:
        return second, first
    return first, second
