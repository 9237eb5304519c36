"""Forces the report calls unidentified: no state's forces.

"Unidentified armed forces ambushed two trucks", "unknown forces carried out an airstrike":
a military head noun ("forces", "troops", "soldiers") read after "unidentified", "unknown"
or "unnamed", with no country or demonym, names nobody's army, yet the actors stage read
it as the military of the report's country (inter 1). ACLED codes such forces by what
they did: an air or drone strike by forces no one claims is "Unidentified Military
Forces" (inter 8, the codebook's actor for aircraft of no stated country), anything else
an "Unidentified Armed Group" (inter 3). ``unnamed_force`` gives the composer the armed
group's entry for such a head (so a later "the assailants" that refers back to it copies
that code); ``unidentified_forces`` recodes an air strike's actor1 so. Police are left
alone ("four unidentified police officers" are police the report does not name), and so
is a mention a coder's bracket reads ("unidentified forces (coded as …)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.config import ActorsOptions
from eventwire.pipeline.actors.annotated import annotated_name
from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry
from eventwire.records import Document, Event

NAME = ActorsOptions.STAGE  # the actors stage's name, for its notes
UNNAMED_WORDS: frozenset[str] = frozenset({"unidentified", "unknown", "unnamed"})
_UNNAMED_FORCE = re.compile(
    r"^(?:the\s+|an?\s+|some\s+)?(?:unidentified|unknown|unnamed)\s+"
    r"(?:armed\s+|military\s+)?(?:forces?|troops|soldiers?|military|army)$",
    re.IGNORECASE,
)
AIR_STRIKE = "Air/drone strike"


def unnamed_force(
    d: ActorDictionary, generic: ActorEntry, before_head: list[str], country: str | None
) -> ActorEntry:
    """The armed group's entry for "unidentified forces" (a military head after an unnamed
    word, no country named); else ``generic``."""
    if generic.state != "MIL" or country is not None:
        return generic
    return d.by_id["GEN-UAG"] if UNNAMED_WORDS & set(before_head) else generic


def unidentified_forces(d: ActorDictionary, doc: Document, event: Event) -> None:
    """Recode an air strike's actor1 "unidentified forces" as Unidentified Military Forces."""
    actor = event.actor1
    if actor is None or event.acled_sub_event_type != AIR_STRIKE or actor.inter == 8:
        return
    if not _UNNAMED_FORCE.match(actor.text.strip()):
        return
    if annotated_name(doc.text, actor.start, actor.end) is not None:
        return  # "unidentified forces (coded as …)": the coder's own reading stands
    entry = d.by_id["UNID-MILITARY"]
    recoded = replace(
        actor,
        name=entry.name,
        actor_id=entry.id,
        type=entry.type,
        inter=entry.inter,
        country=None,
        affiliation=list(actor.affiliation),
        resolved_by="acled-role",
    )
    doc.note(NAME, "EW-ACT-023", f"{actor.text!r}: unidentified forces, {recoded.name}")
    event.actor1 = recoded
