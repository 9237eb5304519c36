"""Victims a later sentence counts again: "Boko Haram abducted and killed 2 civilian farmers.
Two civilians were killed in the attack.", "Five security officers were killed during an
operation. A battle … left five security officers dead", "Four villagers and six cattle
thieves were killed. … Four of the villagers were shot dead".

A count of the dead told in a later sentence of the same incident, with the same number and
a noun of its own that an earlier count of the dead already named with that number ("2
civilian farmers" / "Two civilians", "Four villagers" / "Four of the villagers"), tells
the same people again: :func:`mark_told_again` makes it ``anaphoric``, so it raises the
toll only to its own count and is never added. Another number ("killed 3 soldiers. 2
soldiers later died") or another noun ("2 soldiers … 2 rebels") is other people and still
adds.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

# what may stand between a number and its noun: a partitive, determiners, qualifiers
NOUN_AFTER = re.compile(r"^\s*(?:of\s+(?:the|these|those)\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
NOT_NOUNS: frozenset[str] = words("casualties", "told_again_not_nouns")
COUNTS = ("count", "anaphoric")
SENTENCE_END = re.compile(r"[.!?]\s")


def _stem(word: str) -> str:
    low = word.lower().strip("'’")
    if low.endswith("men"):
        return low[:-3] + "man"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _counted(text: str, numbers: NumberLexicon) -> list[tuple[int, set[str]]]:
    """(number, noun stems) of each stated number of ``text`` with the words after it."""
    found = []
    for q in find_quantities(text, 0, numbers):
        if q.vague:
            continue
        after = NOUN_AFTER.match(text[q.end :])
        nouns = set() if after is None else set(after.group(1).split())
        stems = {_stem(w) for w in nouns if w.lower() not in NOT_NOUNS and not w.isdigit()}
        if stems:
            found.append((q.best, stems))
    return found


def mark_told_again(mentions: list[Mention], text: str, numbers: NumberLexicon) -> None:
    """Make ``anaphoric`` the counts of the dead that repeat an earlier sentence's count
    (same number, a shared noun). ``mentions``: one incident's, in the order told;
    ``text``: the document the offsets point into."""
    told: list[tuple[int, int, set[str]]] = []  # (end, number, stems) of earlier counts
    for m in mentions:
        if m.category != "killed" or m.background or m.competing or m.kind not in COUNTS:
            continue
        counted = _counted(m.text, numbers)
        if m.kind == "count" and counted and m.best == counted[0][0]:
            number, stems = counted[0]
            if any(
                n == number and stems & nouns and SENTENCE_END.search(text[end : m.start])
                for end, n, nouns in told
            ):
                m.kind = "anaphoric"
                continue
        told.extend((m.end, n, nouns) for n, nouns in counted)
