"""Violence and intervention words a note denies (issue 16, h16ci).

"Police were present, but no injuries or clashes were reported", "no clashes or arrests
were reported", "the march ended without incidents or arrests", "No reports of protester
violence or injuries": the clash, the arrest and the violence did not happen. The coder
read "no" on the first noun only, so the second conjunct ("clashes", "arrests") and a noun
under "no reports of" still told a violent or dispersed protest and gave the clash frame
to the sentences beside it.

A noun is denied when it, or the first noun of its coordination, has "no" (or another
word of ``denial_determiners``) as its determiner, is the object of "without", or hangs
by "of" under a denied report noun (``denied_report_nouns``: "no reports of violence").
Denied nouns give no violence, damage or intervention cue to their sentence
(:func:`denied_cue_classes`) and their trigger frames tell nothing to the other acts
(stage.py's ``salient`` and ``others``).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, classes_in

DENIAL_DETERMINERS: frozenset[str] = words("lexicon", "denial_determiners")
DENIED_REPORT_NOUNS: frozenset[str] = words("lexicon", "denied_report_nouns")
_NOUNS = frozenset({"NOUN", "PROPN"})
# the cue classes a denied word no longer gives (a denied death is casualties' own rule)
DENIABLE_CLASSES = frozenset({"protest_violence", "protest_damage", "intervention"})


def _says_no(tok: Any) -> bool:
    return any(
        c.dep_ in {"det", "neg"} and c.lower_ in DENIAL_DETERMINERS for c in tok.children
    ) or (tok.dep_ == "pobj" and tok.head.lower_ == "without")


def denied(tok: Any) -> bool:
    """Is this noun denied ("no injuries or clashes", "without incidents or arrests", "no
    reports of violence")? Verbs and other words: never (their negation is modality's)."""
    if tok.pos_ not in _NOUNS:
        return False
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in _NOUNS:
        node = node.head  # "no injuries or clashes": the first conjunct's determiner
    if _says_no(node):
        return True
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    report = prep.head
    return report.lemma_.lower() in DENIED_REPORT_NOUNS and _says_no(report)


def denied_tokens(parse: Any) -> set[int]:
    """The indices of the sentence's denied nouns."""
    return {t.i for t in parse if denied(t)}


def denied_cue_classes(parse: Any, lexicon: Lexicon, found: set[str], skip: set[int]) -> set[str]:
    """The deniable classes of ``found`` that only denied words give: ``found`` is the
    sentence's classes read with ``skip`` left out."""
    gone = denied_tokens(parse)
    if not gone or not found & DENIABLE_CLASSES:
        return set()
    kept = classes_in(list(parse), lexicon, skip=skip | gone)
    return (found & DENIABLE_CLASSES) - kept
