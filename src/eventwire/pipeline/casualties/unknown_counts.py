"""A count of the dead no one knows, beside a number of the dead of the same incident:
"Gunmen executed an unknown number of villagers. At least 12 people were killed across the
three raids", "Troops killed an unspecified number of bombers. Four assailants were killed".

An "unknown / unspecified … number of" (``unknown_words`` in ``data/casualties/words.yaml``)
stands for a vague count (10) only when the report gives no number of the dead at all. Where
the incident also counts its dead by a number, that number is what is known of them: the
unknown count is the same dead told before they were counted, not ten more.
:func:`drop_unknown_counts` drops such a mention from the incident's mentions.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.toll_notes import Mention

UNKNOWN_WORDS: frozenset[str] = words("casualties", "unknown_words")
UNKNOWN = re.compile(
    r"\b(?:" + "|".join(sorted(UNKNOWN_WORDS)) + r")\s+(?:number|numbers|amount)\b", re.I
)
KNOWN_KINDS = ("count", "anaphoric", "summary", "update")


def _known(m: Mention) -> bool:
    return (
        m.category == "killed"
        and not m.background
        and not m.ambiguous
        and m.kind in KNOWN_KINDS
        and bool(m.best)
    )


def drop_unknown_counts(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (one incident's) without the unknown counts of the dead, where another
    mention counts the incident's dead by a number."""
    if not any(_known(m) for m in mentions):
        return mentions
    return [
        m
        for m in mentions
        if not (m.category == "killed" and m.kind == "vague" and UNKNOWN.search(m.text))
    ]


SENTENCE_END = re.compile(r"[.!?]\s")


def drop_vague_counted_later(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` (one incident's) without the vague counts of the dead ("executed Shia
    travellers", "several villagers were killed") that a later sentence counts by a number
    ("Fourteen Shia truck drivers were executed"). ``text``: the document."""
    known = [m for m in mentions if _known(m)]
    return [
        m
        for m in mentions
        if not (
            m.category == "killed"
            and m.kind == "vague"
            and not m.background
            and any(k.start >= m.end and SENTENCE_END.search(text[m.end : k.start]) for k in known)
        )
    ]
