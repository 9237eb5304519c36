"""The dead a later sentence names again by a definite number: "Five people were killed and
15 wounded. It is not known which side the five dead belonged to", "Two farmers were shot
dead. The two victims were buried on Sunday".

A number of the dead after "the / these / those" (``definite_numbers`` in
``data/casualties/words.yaml``) points back to people already counted: where an earlier
sentence of the same incident counted the same number of dead, :func:`mark_definite_again`
makes the later count ``anaphoric`` (it raises the toll only to its own count and is never
added), whatever noun it takes ("the five dead", "the two victims", "those three").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.sum_parts import SENTENCE_END, counted_kill
from eventwire.pipeline.casualties.toll_notes import Mention

DEFINITE: frozenset[str] = words("casualties", "definite_numbers")
BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DEFINITE)) + r")\s+$", re.I)


def _definite(m: Mention, text: str, numbers: NumberLexicon) -> bool:
    """Whether the number of ``m`` follows a definite determiner."""
    for q in find_quantities(m.text, m.start, numbers):
        if not q.vague and q.best == m.best:
            return BEFORE.search(text, max(0, q.start - 12), q.start) is not None
    return False


def mark_definite_again(mentions: list[Mention], text: str, numbers: NumberLexicon) -> None:
    """Make ``anaphoric`` the definite counts of the dead that an earlier sentence of the
    incident counted with the same number. ``mentions``: one incident's, in the order told;
    ``text``: the document the offsets point into."""
    kills = [m for m in mentions if counted_kill(m, ambiguous=True)]
    for index, m in enumerate(kills):
        if m.kind != "count" or not _definite(m, text, numbers):
            continue
        if any(
            e.best == m.best and SENTENCE_END.search(text[e.end : m.start]) for e in kills[:index]
        ):
            m.kind = "anaphoric"
