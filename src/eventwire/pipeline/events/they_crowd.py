""" "They" for a crowd named just before: the doer is that crowd (issue 16, h16cc).

"Around 40 residents raided the compound. They beat a guard", "when traders heard the
news, they attacked the officers", "relatives of the victim snatched the body. They hit a
doctor": the act's doer is a bare "they", whose own words name no one, so the act read as
one by an unknown hand on a civilian or an officer (Violence against civilians, Battles).
Its antecedent, the subject told before it in the same sentence or the subject of the
sentence before, is a crowd of ordinary people: the doer takes that crowd's classes, and
the rules of subtypes.py decide as for "residents beat a guard" (ACLED: Mob violence). An
antecedent that is armed (soldiers, militants, a party's fighters) changes nothing here.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

__all__ = ["crowd_classes", "pronoun_antecedent"]

_PRONOUNS: frozenset[str] = words("lexicon", "crowd_pronouns")
_ARMED = frozenset({"armed", "state", "nonstate"})
_CROWD = frozenset({"civilian", "unarmed_collective", "protesters"})
_SUBJECTS = frozenset({"nsubj"})  # "people were killed by troops when they …": not the victims


def _plural_subject(tok: Any) -> bool:
    if tok.dep_ not in _SUBJECTS or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    of_plural = any(g.tag_ == "NNS" for c in tok.rights if c.lower_ == "of" for g in c.children)
    return tok.tag_ in {"NNS", "NNPS"} or of_plural  # "residents", "a group of students"


def pronoun_antecedent(parse: Any, doer: int, before: Any | None) -> tuple[Any, int] | None:
    """The parse and index of what a doer "they" stands for: a plural subject before it in
    its own sentence, else the plural subject of the sentence before (``before``)."""
    if parse[doer].lower_ not in _PRONOUNS:
        return None
    own = [t for t in parse if t.i < doer and _plural_subject(t)]
    if own:
        return parse, own[-1].i
    if before is None:
        return None
    root = next((t for t in before if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if _plural_subject(c)), None)
    return (before, subject.i) if subject is not None else None


def crowd_classes(classes: set[str]) -> set[str]:
    """The antecedent's classes when it is a crowd of ordinary people, else nothing."""
    if classes & _ARMED or not classes & _CROWD:
        return set()
    return classes
