"""The dead a passive kill after "but" shares with the clause before it (issue 16, h16bw).

"Two brothers were driving to the market but were ambushed and killed",
"The four herders had left the camp but were later found dead": the kill after "but" has
no subject of its own, and ``left_subject`` stops at "but" (a clause of another subject
follows it in "… attacked the post but two soldiers were killed"). When nothing but
auxiliaries, adverbs and chained participles stands between "but" and the cue, the
subject is the one of the clause before "but": the words before that clause's first
auxiliary ("were travelling", "had left"). A clause with no auxiliary ("He ran away but was
caught and killed") is left to the singular-passive reading.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.numbers import NumberLexicon
from eventwire.pipeline.casualties.tolls_np import Found, count_conjuncts

BUT_TAIL = re.compile(
    r"\bbut\s+(?:(?:was|were|had|have|has|been|later|then|also|all|both|reportedly|allegedly"
    r"|\w+ly)\s+)+(?:[\w-]+(?:ed|en|t)\s*(?:,\s*|\s+and\s+))*$",
    re.I,
)
CLAUSE_START = re.compile(r"[.;:,]|\b(?:when|after|while|because|before|if|then)\b", re.I)
AUX = re.compile(r"\b(?:was|were|had|have|has|are|is)\b", re.I)


def subject_before_but(before: str, lex: NumberLexicon) -> Found | None:
    """The subject of the clause before "but" when the text after it up to a passive cue
    is only its verb's auxiliaries and participles; ``None`` otherwise."""
    tail = BUT_TAIL.search(before)
    if tail is None:
        return None
    head = before[: tail.start()]
    starts = list(CLAUSE_START.finditer(head))
    begin = starts[-1].end() if starts else 0
    aux = AUX.search(head, begin)
    if aux is None:
        return None
    subject = head[begin : aux.start()]
    if not subject.strip() or len(subject.split()) > 10:
        return None
    count = count_conjuncts(subject, lex)
    if count is None:
        return None
    first = begin + len(subject) - len(subject.lstrip())
    return (*count, first, begin + len(subject.rstrip()))
