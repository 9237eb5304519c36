"""Forces the report calls unidentified: no state's forces.

"Unidentified armed forces ambushed two trucks", "unknown forces carried out an airstrike":
a military head noun ("forces", "troops", "soldiers") read after "unidentified", "unknown"
or "unnamed" names nobody's army. The actors stage reads the head as the military of the
report's country (inter 1); ACLED codes such forces by what they did: an air or drone
strike by forces no one claims is "Unidentified Military Forces" (inter 8, the codebook's
actor for aircraft of no stated country), anything else an "Unidentified Armed Group"
(inter 3). ``unidentified_forces`` recodes actor1 so when its own words, with no country,
demonym or police word, say so and no coder's bracket follows it. Police are left alone
("four unidentified police officers" are police whose names the report does not give).
"""

from __future__ import annotations

import re

from eventwire.pipeline.actors.annotated import annotated_name
from eventwire.pipeline.actors.roles import NAME, as_generic
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Document, Event

_UNNAMED_FORCE = re.compile(
    r"^(?:the\s+|an?\s+|some\s+)?(?:unidentified|unknown|unnamed)\s+"
    r"(?:armed\s+|military\s+)?(?:forces?|troops|soldiers?|military|army)$",
    re.IGNORECASE,
)
AIR_STRIKE = "Air/drone strike"


def unidentified_forces(d: ActorDictionary, doc: Document, event: Event) -> None:
    """Recode a state actor1 whose words are "unidentified forces" and the like."""
    actor = event.actor1
    if actor is None or actor.inter != 1 or not _UNNAMED_FORCE.match(actor.text.strip()):
        return
    if annotated_name(doc.text, actor.start, actor.end) is not None:
        return  # "unidentified forces (coded as …)": the coder's own reading stands
    generic = "UNID-MILITARY" if event.acled_sub_event_type == AIR_STRIKE else "GEN-UAG"
    recoded = as_generic(d, actor, generic, None)
    recoded.country = None if generic == "UNID-MILITARY" else actor.country
    doc.note(NAME, "EW-ACT-023", f"{actor.text!r}: unidentified forces, {recoded.name}")
    event.actor1 = recoded
