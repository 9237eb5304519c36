"""Claims of responsibility worded as a speaker saying it did the act.

"JNIM said on Monday it carried out Saturday's assault", "Islamic State Sahel Province said
its fighters were behind Tuesday's ambush": the reporting verb is a plain "said", but what
the speaker says is that it (its fighters, they) did the act the event is read from. The
speaker is then the act's perpetrator by its own claim: :func:`perpetration_claim` finds the
wording in the parse between the event's word and the reporting verb, and
:func:`claimant_actor` codes the speaker against the actor dictionary (the longest run of its
words that names a known, non-generic actor), marked ``claimed``.

Word lists: ``perpetration_verbs``, ``perpetration_preps`` and ``claim_pointers`` in
``data/attribution/words.yaml``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor

_WORD = re.compile(r"[\w'’.-]+")
_MAX_WORDS = 8


@functools.cache
def _verbs() -> frozenset[tuple[str, str | None]]:
    """(lemma, particle) of the verbs whose object is the act ("carry out", "stage")."""
    out = set()
    for phrase in words("attribution", "perpetration_verbs"):
        lemma, _, particle = phrase.partition(" ")
        out.add((lemma, particle or None))
    return frozenset(out)


@functools.cache
def _preps() -> frozenset[str]:
    return words("attribution", "perpetration_preps")


@functools.cache
def _pointers() -> frozenset[str]:
    return words("attribution", "claim_pointers")


@functools.cache
def _claimant_inters() -> frozenset[int]:
    return frozenset(int(x) for x in words("attribution", "claimant_inters"))


def _points_back(verb: Any) -> bool:
    """Whether the verb's subject is the speaker again: "it", "they", "its fighters"."""
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in _pointers():
            return True
        return any(c.dep_ == "poss" and c.lower_ in _pointers() for c in child.children)
    return False


def _perpetrates(head: Any, child: Any) -> bool:
    """Whether ``child`` hangs off ``head`` as the act done: "carried out [the attack]",
    "were [behind the ambush]"."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if child.dep_ == "prep" and child.lower_ in _preps() and head.lemma_ == "be":
        return True
    if child.dep_ != "dobj":
        return False
    particles = [c.lower_ for c in head.children if c.dep_ == "prt"] or [None]
    return any((head.lemma_.lower(), p) in _verbs() for p in particles)


def perpetration_claim(token: Any, reporting_verb: Any) -> bool:
    """Whether, between the event's word and the verb reporting it, the speaker says it did
    the act ("<X> said it carried out <the assault>", "… that its fighters were behind
    <the ambush>")."""
    node = token
    while node.head.i != node.i and node.i != reporting_verb.i:
        head = node.head
        if head.i == reporting_verb.i:
            return False
        if _perpetrates(head, node) and _points_back(head):
            return True
        node = head
    return False


def subject_span(verb: Any, base: int) -> tuple[int, int] | None:
    """Document offsets of the whole subject of the reporting verb (every word of it)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            first, last = child.left_edge, child.right_edge
            return base + first.idx, base + last.idx + len(last.text)
    return None


def claimant_actor(text: str, start: int, dictionary: ActorDictionary) -> Actor | None:
    """The known armed group the claiming speaker's words name (``text`` found at ``start``),
    as the act's actor1 marked ``claimed``: the longest run of words naming a known,
    non-generic actor of a claimant's kind (``claimant_inters``), the last of equal length
    ("the pro-Islamic State group Dawlah Islamiyah" names the group at its end). None when
    no run names one."""
    found = list(_WORD.finditer(text))[-_MAX_WORDS:]
    for size in range(len(found), 0, -1):
        for first in range(len(found) - size, -1, -1):
            run = found[first : first + size]
            s, e = run[0].start(), run[-1].end()
            entry = dictionary.lookup(text[s:e])
            if entry is None or entry.generic or entry.inter not in _claimant_inters():
                continue
            return entry.mention(text[s:e], start + s, start + e, "claim", claimed=True)
    return None
