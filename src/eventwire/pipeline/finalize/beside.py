"""A quiet strategic development told in the sentence of a violent act ranks after the act.

"rebels wounded two farmers as they massed near a village", "a youth was shot dead
when soldiers fired live rounds while enforcing the curfew": the
sentence tells a violent act and, as its circumstance, a development ACLED records only
when no violence is reported (a movement of forces, a security measure). ACLED codes the
violence; the development keeps its place after it. The quiet sub-types are the
``quiet_development_types`` list of ``data/finalize/words.yaml`` (issue 16, h16bp); arrests,
bases, "Other" and agreements are not in it (tried: an arrest "after shooting dead" someone
was fixed, but tune seed 29 lost a row; "reached a peace agreement to end the conflict that
led to a killing" is the agreement's).
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.records import Event

QUIET_TYPES: frozenset[str] = words("finalize", "quiet_development_types")
VIOLENT_TYPES = frozenset(
    {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"}
)
_UNREAL = frozenset({"hypothetical", "negated"})


def _violent(event: Event, quiet: Event) -> bool:
    """A violent act told as done, and told as current unless the development is recalled
    or counted too."""
    return (
        event.acled_event_type in VIOLENT_TYPES
        and event.modality not in _UNREAL
        and (event.background or event.aggregate) <= (quiet.background or quiet.aggregate)
    )


def quiet_beside_violence(event: Event, events: list[Event]) -> bool:
    """Is ``event`` a quiet development whose sentence also tells a violent act?"""
    if event.acled_sub_event_type not in QUIET_TYPES:
        return False
    here = [e for e in events if e is not event and e.sentence_index == event.sentence_index]
    return any(_violent(other, event) for other in here)
