"""Perpetrators the report names outside the act's own words.

A note often names the armed group in one sentence and tells the act in another with an
unnamed perpetrator ("Al Shabaab is believed to be responsible", "… repelled an attempted
attack of Boko Haram … killing one assailant"). When the report's paragraph names exactly
one non-state armed group (a rebel group or a political militia of the dictionary) and the
act has no perpetrator or an unidentified one, that group is the perpetrator (ACLED codes
the group the report blames, not an Unidentified Armed Group).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry, normalise
from eventwire.records import Actor, Document, Event

__all__ = ["GROUP_TYPES", "named_groups", "sole_group"]

# the dictionary types of a named group that can be blamed (not parties, gangs or states)
GROUP_TYPES = frozenset({"rebel", "militia"})
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’./-]*")


def named_groups(d: ActorDictionary, words: list[str]) -> list[ActorEntry]:
    """Every named non-state armed group in the words, longest alias first, in no order."""
    norm = [normalise(w) for w in words]
    used = [False] * len(words)
    found: list[ActorEntry] = []
    for size in range(min(d.max_alias_words, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if any(used[i : i + size]):
                continue
            hit: str | None = None
            if size == 1 and words[i] in d.acronyms:
                hit = d.acronyms[words[i]]
            else:
                key = " ".join(n for n in norm[i : i + size] if n)
                hit = d.alias.get(key) if key else None
            if hit is None:
                continue
            used[i : i + size] = [True] * size
            entry = d.by_id[hit]
            if entry.type in GROUP_TYPES and entry.inter in (2, 3) and not entry.generic:
                found.append(entry)
    return found


def sole_group(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    ref_date: date | None,
    seen: Sequence[Actor] = (),
) -> Actor | None:
    """The one non-state armed group the event's paragraph names, coded, or None when it
    names none or several, when that group is the act's other party, or when an earlier
    event of the paragraph (``seen``) already has it as a party (its own act is told)."""
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    segment = doc.sentences[i].segment
    ids: set[str] = set()
    for sentence in doc.sentences:
        if sentence.segment == segment:
            ids.update(e.id for e in named_groups(d, _TOKEN.findall(sentence.text)))
    a2 = event.actor2
    if len(ids) != 1 or (a2 is not None and a2.actor_id in ids):
        return None
    if any(actor.actor_id in ids for actor in seen):
        return None
    coded = code_mention(d, d.by_id[ids.pop()].name, None, ref_date, fuzzy=False)
    coded.text, coded.resolved_by = "", "named-elsewhere"
    return coded
