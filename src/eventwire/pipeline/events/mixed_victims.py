"""Armed people named beside civilians among the dead or hurt (issue 16, h16ah).

"Boko Haram attacked the village, killing 8 civilians and 2 soldiers", "militia attacks
civilians and police", "14 people (12 civilians and 2 gendarmes) died": soldiers or
police among the victims were there to fight, so ACLED codes the attack as an Armed clash,
not an Attack on civilians. :func:`mixed_victims` gives a sentence the class
``mixed_victims`` when a civilian noun and an armed noun are coordinated as the victims
(the subject of a passive or the object of a harm verb); the word lists are
``mixed_victim_*`` in ``data/lexicon/words.yaml``.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

MIXED_VICTIMS = "mixed_victims"
MIXED_REASON = "armed and civilians among the victims"
ARMED_HEADS: frozenset[str] = words("lexicon", "mixed_victim_armed_heads")
CIVILIAN_HEADS: frozenset[str] = words("lexicon", "mixed_victim_civilian_heads")
HARM_VERBS: frozenset[str] = words("lexicon", "mixed_victim_harm_verbs")
_VICTIM_DEPS = frozenset({"nsubjpass", "dobj", "nsubj"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_ACTS = frozenset({"attack", "shoot", "kill"})


def _stems(heads: frozenset[str]) -> tuple[str, ...]:
    """What every written form of a head's lemma starts with ("wom": woman, women;
    "policem": policeman, policemen), for a test on the sentence's text alone."""
    return tuple(sorted({h[: max(3, len(h) - 2)] for h in heads}))


_ARMED_STEMS = _stems(ARMED_HEADS)
_CIVILIAN_STEMS = _stems(CIVILIAN_HEADS)


def _conjuncts(tok: Any) -> list[Any]:
    """The first conjunct of a coordination and every conjunct after it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjuncts(c)
    return out


def _head_of(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _harmed(root: Any) -> bool:
    """The coordination is the victims of a harm verb ("were killed", "killing", "attacks"),
    reached through an apposition ("14 people (12 civilians and 2 gendarmes)")."""
    while root.dep_ == "appos" and root.head.i != root.i:
        root = root.head
    return root.dep_ in _VICTIM_DEPS and _head_of(root.head) in HARM_VERBS


def mixed_victims(parse: Any) -> set[str]:
    """``{"mixed_victims"}`` when the sentence names armed and civilian victims together."""
    low = parse.text.lower()  # most sentences name neither kind: no walk over their tokens
    if not any(s in low for s in _ARMED_STEMS) or not any(s in low for s in _CIVILIAN_STEMS):
        return set()
    for tok in parse:
        if tok.dep_ == "conj" or tok.pos_ not in _NOUNS:
            continue
        group = [t for t in _conjuncts(tok) if t.pos_ in _NOUNS]
        heads = {_head_of(t) for t in group}
        if len(group) > 1 and heads & ARMED_HEADS and heads & CIVILIAN_HEADS and _harmed(tok):
            return {MIXED_VICTIMS}
    return set()


def armed_among_victims(frame: str, around: set[str], protest: bool) -> bool:
    """An act on people ("attack", "shoot", "kill") told with armed and civilian victims in
    its sentence or the sentences around it, not at a protest (police hurt beside protesters
    there are the protest's)."""
    return frame in _ACTS and MIXED_VICTIMS in around and not protest
