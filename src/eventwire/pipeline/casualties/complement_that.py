"""A kill told in a clause after a verb of saying or knowing and "that": "It was confirmed
that three miners died", "It is believed that the guards were killed", "Officials said
that two traders were shot dead".

The left subject of a passive or intransitive kill runs back to the last clause boundary;
a complement "that" was none, so the reader took "It was confirmed that three miners" and
counted the pronoun "It" (one). "that" right after a verb of ``report_verbs`` (in
``data/casualties/words.yaml``) opens the victims' clause. A relative "that" ("a man that
was shot dead", "the attack that killed") follows a noun, not such a verb, and reads as
before.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words

REPORT_VERBS: frozenset[str] = words("casualties", "report_verbs")
COMPLEMENT = re.compile(
    r"\b(?:" + "|".join(sorted(REPORT_VERBS, key=len, reverse=True)) + r")\s+that\s+", re.I
)


def complement_cut(window: str, cut: int) -> int:
    """The start of the victims' clause in ``window`` (a passive kill's left text): after
    the last "that" of a verb of saying or knowing, when it lies after ``cut``."""
    ends = [found.end() for found in COMPLEMENT.finditer(window)]
    return max([cut, *ends[-1:]])
