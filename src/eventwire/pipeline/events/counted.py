"""A short note whose whole report is a count of people harmed: "60 injured.", "Many
injured.", "One injured in a land dispute in X.", "21 dead in an ethnic clash.", "Three die in
a cattle rustling incident", "Two are dead in or near X over a land issue".

The harm words ("injured", "dead", "die") are ambiguous (a death in hospital, an injured
player), so the coder kept them only with conflict words, and such notes (often the tail of
a report split in two) have none. The count of people the word is said of, as the note's
own predicate, makes it the report of an incident: a number or a quantity word
(``counted_harm_quantities``) as the subject of the harm word, the head the word describes,
or the subject of "are dead". Accidents ("Three dead in bus crash") are dropped before
(the ``accident`` class), and so are mishaps (``counted_harm_mishaps``: a stampede, a
collapse, a poisoning); only short notes are read.

>>> "many" in QUANTITIES
True
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

__all__ = ["counted_harm"]

QUANTITIES: frozenset[str] = words("lexicon", "counted_harm_quantities")
MISHAPS: frozenset[str] = words("lexicon", "counted_harm_mishaps")


def _count(tok: Any) -> bool:
    return tok.pos_ == "NUM" or tok.like_num or tok.lower_ in QUANTITIES


def counted_harm(head: Any) -> bool:
    """Is this harm word the predicate a count of people heads ("60 injured", "21 dead in
    …", "Two are dead")?"""
    if any(t.lemma_.lower() in MISHAPS for t in head.doc):
        return False  # "Many injured in a stampede", "Two dead after eating poisoned food"
    governor = head.head
    if head.dep_ in {"ROOT", "ccomp"}:  # "60 injured.", "Three die in …"
        return any(c.dep_ in {"nsubj", "nsubjpass"} and _count(c) for c in head.children)
    if head.dep_ in {"acl", "amod"}:  # "One injured in …", "21 dead in …"
        return governor.dep_ == "ROOT" and _count(governor)
    if head.dep_ == "acomp" and governor.dep_ == "ROOT":  # "Two are dead in …"
        return any(c.dep_ == "nsubj" and _count(c) for c in governor.children)
    return False
