"""A group named for mob justice is the mob act only when it did the act.

"Vigilantes" and "a vigilante group" are mob-violence triggers ("a vigilante group attacked
and killed a suspected thief", "a man was killed by vigilantes"). When the group is not the
doer of anything told, it is only a party to another act: "a vigilante was killed",
"the vigilante chief was executed by Boko Haram men", "a gang clashed with a vigilante group",
"soldiers and members of a vigilante group stormed the hamlet": that act's own trigger
codes the event (an Attack, an Armed clash), not the mob cue.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

MOB_GROUP_NOUNS: frozenset[str] = words("lexicon", "mob_group_nouns")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_NOUNS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})  # "members of", "two of"


def _group_phrase(tok: Any) -> Any:
    """The noun that heads the group's phrase: "vigilante group" → group, "members of a
    vigilante group" → members, "a band of vigilantes" → band."""
    node = tok
    for _ in range(4):
        if node.dep_ in _MODIFIER_DEPS and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in _NOUNS:
            node = node.head.head
        else:
            break
    return node


def _doer(noun: Any) -> bool:
    if noun.dep_ in {"nsubj", "ROOT"}:
        return True  # "a vigilante group attacked", a headline "Vigilante justice in X"
    prep = noun.head if noun.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "by" and prep.dep_ in {"agent", "prep"}


def idle_mob_group(match: Any, parse: Any) -> bool:
    """A mob-group trigger whose group is not the doer of what the sentence tells."""
    head = parse[match.head]
    if head.lemma_.lower() not in MOB_GROUP_NOUNS and head.lower_ not in MOB_GROUP_NOUNS:
        return False
    return not _doer(_group_phrase(head))
