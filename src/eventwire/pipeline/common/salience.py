"""How salient a coded event is: the events stage's confidence, plus a little for every
participant the actor dictionary coded and for a place the gazetteer located.

The finalize stage ranks a report's events with it, and the incidents stage picks the
mention that speaks for an incident with it, so the two agree on which mention is main.
"""

from __future__ import annotations

from eventwire.records import Event


def coded_salience(event: Event) -> float:
    """``event.confidence`` plus 0.02 for a coded actor1, 0.01 for a coded actor2 and 0.01
    for a located place (not clamped, not rounded)."""
    conf = event.confidence
    if event.actor1 is not None and event.actor1.inter is not None:
        conf += 0.02
    if event.actor2 is not None and event.actor2.inter is not None:
        conf += 0.01
    if event.location is not None and event.location.lat is not None:
        conf += 0.01
    return conf
