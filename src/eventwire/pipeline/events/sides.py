"""Which side of a violent act a sentence's people stand on, read from word order.

A headline parse ("Police assault journalist …", "Bandits raid villages, attack
civilians") often finds neither the agent nor the target of the act, so the sentence's
doers stay among its victims. The people named after an active act are its targets; a
passive act's victims come before it ("a soldier was killed in an attack on a village"),
so it has none after.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventwire.pipeline.events.roles import is_passive
from eventwire.pipeline.events.suspicion import suspected_tokens
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, classes_in


def classes_after(
    tokens: Sequence[Any], match: TriggerMatch, lexicon: Lexicon, skip: set[int]
) -> set[str]:
    """Cue classes of the tokens after an active trigger (none for a passive one)."""
    parse = tokens[0].doc if tokens else None
    if parse is None or is_passive(parse[match.head]):
        return set()
    sought = suspected_tokens(parse, match.head)  # "searching for rebels" (h16bh)
    return classes_in(tokens, lexicon, skip={*range(match.end), *skip, *sought})


_ACTIVE_SUBJECTS = frozenset({"nsubj"})
_OWN_CLAUSES = frozenset({"relcl", "ccomp"})  # "arrested an officer who shot two"


def acting_subjects(parse: Any, head: int) -> set[int]:
    """The tokens of the active subjects of the verbs the trigger hangs from, and of the
    adverbial clauses that hang from it: "police officers sprayed a car with bullets,
    killing one man", "a rider was hurt when troops fired on them", "gunmen shot and
    wounded a candidate in an ambush". They did the act the trigger tells; they are not
    among its victims (a passive subject, "two reservists were killed", stays one)."""
    trigger = parse[head]
    verbs = [c for c in trigger.children if c.dep_ == "advcl" and c.pos_ == "VERB"]
    tok = trigger
    while tok.head.i != tok.i and tok.dep_ not in _OWN_CLAUSES:
        tok = tok.head  # not past a relative or reported clause: its subject is another's
        if tok.pos_ in {"VERB", "AUX"}:
            verbs.append(tok)
    out: set[int] = set()
    for verb in verbs:
        for subj in verb.children:
            if subj.dep_ in _ACTIVE_SUBJECTS and trigger not in subj.subtree:
                out |= {t.i for t in subj.subtree}
    return out


def act_victims(parse: Any, head: int, lexicon: Lexicon, skip: set[int]) -> set[str]:
    """Cue classes of a trigger's victims: the sentence's tokens less ``skip`` (the trigger,
    its agent, equipment, "by" phrases) and, when what is left then names civilians or
    property and no armed party, less the doers of the verbs around the act too
    (:func:`acting_subjects`: "sprayed a vehicle with bullets, killing one man"). An armed
    side with no one named against it ("forces were on the offensive") stays a battle's.
    Words of a suspicion clause ("searching for rebels") are no victims (suspicion.py)."""
    tokens = list(parse)
    skip = skip | suspected_tokens(parse, head)  # "suspected of being a member of" (h16bh)
    victims = classes_in(tokens, lexicon, skip=skip)
    doers = acting_subjects(parse, head) - skip
    if not doers:  # no doer left to take out: the same classes
        return victims
    beside = classes_in(tokens, lexicon, skip=skip | doers)
    if "armed" not in beside and beside & {"civilian", "property"}:
        return beside
    return victims
