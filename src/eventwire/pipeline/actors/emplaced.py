"""Who laid the mine: the placer a note names after the device, not the vehicle it hit.

"A patrol truck struck a mine that Boko Haram had planted", "two soldiers died as a result of IEDs
on the road set by Boko Haram": the parse gave the struck subject ("an army vehicle", "two
soldiers") as actor1, and ACLED codes the group that laid the device as actor1 and the
struck force as actor2 (acled_more tune seed 13: two such Cameroonian notes; "a landmine
planted by X" in a passive sentence was already read as X's by the stage's "by" agent).
``device_placer`` reads, in the event's sentence, a device noun followed within a few
words by "laid / set / placed / planted / buried / left by <words>", codes the words, and
when they name a non-state armed party (inter 2, 3 or 4) other than actor1, returns it as
the new actor1, and the old actor1, when coded, as the new actor2 (when actor2 is empty or
names the same party). Only remote explosive events: a defusal ("soldiers defused an IED
planted by X") is a strategic development whose actor1 is the force that defused it. The
sentence is read only when it holds "<verb> by" (a cheap check).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.roles import NON_STATE_ARMED
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Document, Event

REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
# words that end the placer's noun phrase: a preposition, a clause, the blast's own verb
_AFTER_PLACER = [
    *("on", "in", "at", "near", "along", "around", "between", "from", "to", "which", "that"),
    *("and", "who", "as", "when", "while", "during", "with", "but", "exploded", "detonated"),
    *("went", "killed", "killing", "wounded", "wounding", "injured", "injuring", "hit"),
]
_CHEAP = re.compile(r"\b(?:laid|set|placed|planted|buried|left)\s+by\b", re.IGNORECASE)
_PLACED_BY = re.compile(
    r"\b(?:IEDs?|(?:land)?mines?|bombs?|explosives?|devices?)\b"
    r"(?:\s+[^\s.;]+){0,6}?\s+(?:laid|set|placed|planted|buried|left)\s+by\s+"
    r"((?:[\w'’/-]+\s+){0,4}?[\w'’/-]+)"
    r"(?=\s+(?:" + "|".join(_AFTER_PLACER) + r")\b|\s*[.,;:()]|$)",
    re.IGNORECASE,
)


def _placer(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> Actor | None:
    """The coded words after "<device> … laid by" in the event's sentence, or None."""
    if not 0 <= event.sentence_index < len(doc.sentences):
        return None
    sentence = doc.sentences[event.sentence_index]
    if _CHEAP.search(sentence.text) is None:
        return None
    match = _PLACED_BY.search(sentence.text)
    if match is None:
        return None
    coded = code_mention(d, match.group(1), country, ref_date, fuzzy=False)
    if coded.inter not in NON_STATE_ARMED or coded.resolved_by == "unknown":
        return None
    coded.start = sentence.start + match.start(1)
    coded.end = sentence.start + match.end(1)
    coded.resolved_by = "device-placer"
    return coded


def device_placer(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> tuple[Actor, Actor | None] | None:
    """(actor1, actor2) when a remote explosive's device is said to be laid by a non-state
    armed party that is not actor1; None to leave the event's actors as they are."""
    if event.acled_sub_event_type != REMOTE_EXPLOSIVE:
        return None
    a1, a2 = event.actor1, event.actor2
    if a1 is not None and a1.inter in NON_STATE_ARMED:
        return None
    placer = _placer(d, doc, event, country, ref_date)
    if placer is None:
        return None
    named_twice = a2 is not None and a2.actor_id is not None and a2.actor_id == placer.actor_id
    if a1 is not None and a1.inter is not None and (a2 is None or named_twice):
        return placer, a1  # the struck force (or civilians) become the target
    return placer, None if named_twice else a2
