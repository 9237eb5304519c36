"""A bomber stopped by armed men: the fight, not a bombing.

"a suspected suicide bomber was killed by soldiers", "a militia group chased away a
suicide bomber, who then detonated": the bomber is the one acted on; ACLED codes the
engagement of the soldiers or militia with the bomber as an Armed clash, not a Suicide
bomb (h16bh). :func:`stopped_bomber` tells when the trigger (the bomber's noun) is the
object of a killing, chasing or stopping verb.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import TriggerMatch, token_keys

STOPPING_VERBS: frozenset[str] = words("lexicon", "bomber_stopping_verbs")
STOPPED_BOMBER = "stopped_bomber"  # a key added to the trigger's keys
_BOMBER_HEADS = frozenset({"bomber", "bombers", "kamikaze", "kamikazes"})


def stopped_bomber(parse: Any, head: int) -> bool:
    """The trigger's noun names bombers and is the object of a stopping verb: the passive
    subject ("was killed by soldiers") or the direct object ("chased away a bomber")."""
    tok = parse[head]
    if tok.lower_ not in _BOMBER_HEADS:
        return False
    verb = tok.head
    if verb.i == tok.i or verb.lemma_.lower() not in STOPPING_VERBS:
        return False
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "agent" for c in verb.children)  # "killed by soldiers"
    return tok.dep_ in {"dobj", "obj"}


def trigger_keys(parse: Any, match: TriggerMatch) -> set[str]:
    """The trigger's word keys, with :data:`STOPPED_BOMBER` when it names a stopped bomber."""
    keys = {k for t in parse[match.start : match.end] for k in token_keys(t)}
    return keys | ({STOPPED_BOMBER} if stopped_bomber(parse, match.head) else set())
