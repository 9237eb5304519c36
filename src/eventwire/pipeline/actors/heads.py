"""Raw mentions that a note's head or label spoiled, mended before they are coded.

- ``split_at_trigger``: the parse of a headline can read the trigger verb as a modifier of
  the noun after it ("SAF bombed villages of X": "bombed" an adjective of "villages"), so
  the event coder's mention runs across the trigger. The words before the trigger, when
  they name an armed actor, are the agent; the words after it are the target.
- ``widen_left``: a headline's noun trigger ("Abala militia attack Tima", "a Pokot ethnic
  militia attack and raided …") takes the words before it as its modifiers, so the event
  coder's mention keeps only the head noun next to the trigger ("militia"). The words the
  parse attaches to the same noun, when with them the mention names a community's militia
  (inter 4), are the mention's own.
- ``is_label``: an analyst's label that opens a note ("Defusal: …", "Movement of forces:
  …") is read as the subject of the note's verb; it names the kind of event, not a party.
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.cutnames import rejoin_cut_name, rejoin_slash_name
from eventwire.pipeline.actors.parse import subjects
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.records import Actor, Document, Event

LABEL_WORDS = 4  # the most words of a note's opening label ("Movement of forces")
HEAD_WORDS = 5  # the most words of an agent named before a trigger inside a mention
# a bare head noun ("Military", "Gunmen") counts too: a headline seldom names the country
_CODED = frozenset({"dictionary", "dictionary-role", "composed", "context", "head-noun"})
_WORD = re.compile(r"\S+")
HEAD_HOPS = 3  # how far up the noun compound a modifier of the mention's head may hang
_WEAK = frozenset({"context", "head-noun", "unknown"})
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "det"})


def _span(doc: Document, start: int, end: int) -> Actor | None:
    """A raw mention of doc.text[start:end], trimmed of spaces and punctuation."""
    text = doc.text[start:end]
    lead = len(text) - len(text.lstrip(" ,;:-"))
    text = text.strip(" ,;:-")
    if not text:
        return None
    return Actor(text=text, start=start + lead, end=start + lead + len(text))


def split_at_trigger(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> bool:
    """Split a raw mention that holds the trigger into agent (before) and target (after);
    True when it did. Only an armed actor named in the few words before the trigger, with
    no other agent already found, becomes actor1."""
    t = event.trigger
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        if actor is None or actor.resolved_by is not None or actor.start < 0:
            continue
        if not actor.start < t.start < t.end <= actor.end:
            continue
        other = event.actor1 if slot == "actor2" else event.actor2
        if slot == "actor2" and other is not None:
            return False
        head = doc.text[actor.start : t.start]
        if not head.strip() or len(_WORD.findall(head)) > HEAD_WORDS:
            return False
        coded = code_mention(d, head.strip(), country, ref_date, fuzzy=False)
        if (
            coded.inter not in ARMED_INTER
            or coded.resolved_by not in _CODED
            or coded.type == "monitor"
        ):
            return False
        agent = _span(doc, actor.start, t.start)
        target = _span(doc, t.end, actor.end)
        event.actor1 = agent
        event.actor2 = target if slot == "actor2" else other
        if slot == "actor1" and other is None:
            event.actor2 = target
        return True
    return False


def widen_left(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    actor: Actor,
    country: str | None,
    ref_date: date | None,
) -> bool:
    """Widen a bare head noun over the modifiers the parse gave the noun it modifies
    ("Abala | militia attack": the Abala militia); True when it did."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or actor.start < 0 or not 0 <= event.sentence_index < len(doc.sentences):
        return False
    offset = doc.sentences[event.sentence_index].start
    first = next((t for t in parse if offset + t.idx == actor.start), None)
    if first is None:
        return False
    heads, node = [first], first  # "Dubo | militia attack Tima village": Dubo -> village
    for _ in range(HEAD_HOPS):
        node = node.head
        heads.append(node)
    i = first.i
    while i > 0 and parse[i - 1].dep_ in _MODIFIER_DEPS and parse[i - 1].head in heads:
        i -= 1
    if i == first.i:
        return False
    start = offset + parse[i].idx
    text = doc.text[start : actor.end]
    alone = code_mention(d, actor.text, country, ref_date, fuzzy=False)
    wide = code_mention(d, text, country, ref_date, fuzzy=False)
    if alone.resolved_by not in _WEAK or wide.resolved_by != "composed" or wide.inter != 4:
        return False
    actor.text, actor.start = text, start
    return True


def is_label(doc: Document, event: Event, actor: Actor) -> bool:
    """True for a mention that is the label opening the event's sentence ("Defusal:")."""
    i = event.sentence_index
    if actor.start < 0 or not 0 <= i < len(doc.sentences):
        return False
    sentence = doc.sentences[i]
    if doc.text[sentence.start : actor.start].strip():
        return False
    if not doc.text[actor.end : actor.end + 2].lstrip().startswith(":"):
        return False
    return len(_WORD.findall(actor.text)) <= LABEL_WORDS and actor.end < event.trigger.start


def mend_heads(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    country: str | None,
    ref_date: date | None,
    stage: str,
) -> None:
    """Mend the event's raw mentions: split one across the trigger, replace a label by the
    verb's other subject ("Defusal: …, soldiers defused an IED": the soldiers)."""
    if split_at_trigger(d, doc, event, country, ref_date):
        doc.note(stage, "EW-ACT-020", "the agent was named inside a mention of the trigger")
    for actor in (event.actor1, event.actor2):
        if actor is not None and actor.resolved_by is None:
            rejoin_cut_name(d, doc, actor)  # "with Islamic | State Somalia Province"
            rejoin_slash_name(d, doc, actor)  # "and SPLA | /M-IO"
            widen_left(d, doc, event, actor, country, ref_date)
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        if actor is None or actor.resolved_by is not None or not is_label(doc, event, actor):
            continue
        others = [a for a in subjects(doc, event) if a.start >= actor.end]
        setattr(event, slot, others[0] if slot == "actor1" and others else None)
        doc.note(stage, "EW-ACT-021", f"{slot} {actor.text!r} is the note's label")
