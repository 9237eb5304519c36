"""Whom an arrest took: civilians, unless the report names an armed party.

ACLED codes the people an arrest took as civilians (acled_more tune: 141 of 179 Arrests
rows; none leaves actor2 empty): "police arrested 79 people", "the police arrested 44
KNPB members", "Arrests: 184 were arrested in Mora". ``arrested_civilians`` gives an
arrest whose actor2 is still missing or uncoded Civilians of the event's country, over the
uncoded words when there are some. A coded party keeps its code; an arrest with no actor2
of its own in a sentence that names an armed group is left alone ("Arrests: authorities
say they captured three SPLA-IO recruiters": the label's event has none, the capture's
has the group).
"""

from __future__ import annotations

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.parse import noun_phrases
from eventwire.pipeline.actors.roles import as_generic, inferred
from eventwire.pipeline.actors.targets import ARMED_NON_STATE
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Document, Event


def _armed_group_named(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> bool:
    for mention, _, _ in noun_phrases(doc, event):
        if code_mention(d, mention.text, country, None, fuzzy=False).inter in ARMED_NON_STATE:
            return True
    return False


def arrested_civilians(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """Civilians, as the actor2 of an arrest left without a coded one; else None."""
    a2 = event.actor2
    if event.acled_sub_event_type != "Arrests" or (a2 is not None and a2.inter is not None):
        return None
    if "GEN-CIVILIANS" not in d.by_id:
        return None
    if a2 is None or a2.start < 0:
        if _armed_group_named(d, doc, event, country):
            return None
        return inferred(d, "GEN-CIVILIANS", country)
    return as_generic(d, a2, "GEN-CIVILIANS", country)
