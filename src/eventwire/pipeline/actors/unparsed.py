"""The antecedent of "they" told as the subject of a sentence the parser never read.

"Police combed the district for opposition activists. They broke into houses. In one
house they beat an old man.", "Soldiers searched the village door to door. In the course
of the search they took the men aside … They beat … and assaulted many women": the first
sentence holds no event, so the relevance filter leaves it unparsed and
``coref.MentionHistory`` (which reads noun chunks of parsed sentences only) never sees
its subject; "they" then fell to ACLED's default perpetrator, an unidentified armed group
(3), where ACLED codes the force (1).

``unparsed_subject`` reads the one or two sentences before the anaphor's, newest first,
that have no parse: their opening words (after a leading "On 3 May 2020," or "During
the night," adverbial) up to the first past-tense or auxiliary verb are coded as a
mention; the longest such opening that codes as an armed party (inter 1, 2, 3, 4 or 8)
the anaphor may stand for is the antecedent. Civilians, crowds and unknown words are
never taken.

>>> opening_words("On 4 May 2020, the Military Police carried out an operation.")
['the', 'Military', 'Police']
>>> opening_words("Sudanese troops were deployed to the border.")
['Sudanese', 'troops']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.datafiles import words
from eventwire.records import Actor, Document

ARMED = frozenset({1, 2, 3, 4, 8})
LOOKBACK = 2  # sentences before the anaphor's
MAX_WORDS = 6
_LEAD = re.compile(
    r"^(?:(?:on|in|during|at|early|late|earlier|later|between|from|around|since|overnight)"
    r"\b[^,.;]{0,80},\s*)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_VERBS: frozenset[str] = words("actors", "unparsed_verbs")


def opening_words(sentence: str) -> list[str]:
    """The words a sentence opens with, after a leading adverbial, up to its first verb."""
    text = _LEAD.sub("", sentence.strip(), count=1)
    out: list[str] = []
    for token in _TOKEN.findall(text)[:MAX_WORDS]:
        low = token.lower()
        if not token[0].isalnum() or low in _VERBS or (low.endswith("ed") and len(low) > 4):
            break
        out.append(token)
    return out


def unparsed_subject(
    doc: Document, sentence: int, accept: Callable[[Actor], bool], code: Callable[[str], Actor]
) -> Actor | None:
    """The armed party an unparsed sentence before ``sentence`` opens with and ``accept``
    takes (the anaphor's types), or None."""
    for j in range(sentence - 1, max(-1, sentence - 1 - LOOKBACK), -1):
        if j in doc.parses or not 0 <= j < len(doc.sentences):
            continue
        words = opening_words(doc.sentences[j].text)
        best = None
        for k in range(1, len(words) + 1):
            coded = code(" ".join(words[:k]))
            if coded.inter in ARMED and accept(coded):
                best = coded
        if best is not None:
            return best
    return None
