"""A force word led by a non-state armed word names that group, not the state.

"rebel forces", "insurgent troops", "militia forces": the head noun ("forces", "troops",
"soldiers") is a state head of ``generic.jsonl``, so ``compose`` read such mentions as the
country's military (ACLED inter 1) — "rebel forces abandoned the town" became the army
(acled_more tune seed 13: four South Sudan and Sudan notes, gold SPLM-IO or SPLM-N, inter
2). ``non_state_head`` gives the generic the nearest such word before the head names
(``non_state_force_words``: rebels, inter 2; militias, inter 3). "anti-rebel forces" and
"counter-insurgency troops" keep the state: their token is the hyphenated whole. A
membership suffix ("rebel-aligned soldiers", "militia-allied forces") names the same side as
the bare word ("-linked" and "-affiliated" are left: see ``sides``).

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> d = load_actor_dictionary()
>>> non_state_head(d, ["rebel"], d.by_id["GEN-MILITARY"]).id
'GEN-REBELS'
>>> non_state_head(d, ["anti rebel"], d.by_id["GEN-MILITARY"]).id
'GEN-MILITARY'
>>> non_state_head(d, ["rebel aligned"], d.by_id["GEN-MILITARY"]).id
'GEN-REBELS'
"""

from __future__ import annotations

from eventwire.datafiles import word_table
from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry

# generic id -> the words before a state head that make the mention that generic
NON_STATE_FORCE_WORDS: dict[str, tuple[str, ...]] = word_table("actors", "non_state_force_words")
_MEMBERSHIP = frozenset({"aligned", "associated", "allied", "loyalist"})


def _side_word(token: str) -> str:
    """ "rebel aligned" (normalised "rebel-aligned") -> "rebel"; any other token unchanged."""
    first, _, last = token.rpartition(" ")
    return first if first and " " not in first and last in _MEMBERSHIP else token


def non_state_head(d: ActorDictionary, before_head: list[str], generic: ActorEntry) -> ActorEntry:
    """The non-state generic a word before a state head names ("rebel forces": rebels), or
    ``generic`` unchanged."""
    if not generic.state:
        return generic
    for token in map(_side_word, reversed(before_head)):
        for generic_id, modifiers in NON_STATE_FORCE_WORDS.items():
            if token in modifiers and generic_id in d.by_id:
                return d.by_id[generic_id]
    return generic
