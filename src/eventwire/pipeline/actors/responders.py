"""The force that answered an attack in a later sentence: a battle's second side.

A note often tells a non-state group's attack first and the defenders after it: "Boko
Haram attacked the village. They looted shops. The military forces intervened and repelled
them.", "… before the intervention of the military forces", "Prison guards repelled this
attack". ACLED codes the defenders as the battle's actor2. ``later_responder`` returns
them: the subject of a response verb ("intervened", "repelled", "fought back"), or the
party after "the intervention of", in the two sentences after the event's own, in the
same paragraph, when it codes as an armed party other than actor1.

>>> later_responder_words("They looted shops. The military forces intervened and repelled them.")
['The military forces']
>>> later_responder_words("… before the intervention of the military forces who repelled them.")
['the military forces']
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.records import Actor, Document, Event

_VERBS = sorted(words("actors", "response_verbs"), key=len, reverse=True)
_ADVERBS = (
    r"(?:(?:"
    + "|".join(re.escape(w) for w in sorted(words("actors", "response_adverbs")))
    + r")\s+)?"
)
# "<subject> (later) intervened", at the start of a sentence or a clause
_SUBJECT = re.compile(
    r"(?:^|[.;,]\s*|\b(?:when|before|after|until|and|but)\s+)"
    r"(?P<who>(?:[Tt]he\s+)?[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s+"
    + _ADVERBS
    + r"(?:"
    + "|".join(re.escape(v) for v in _VERBS)
    + r")\b"
)
_INTERVENTION_OF = re.compile(
    r"\bintervention\s+of\s+(?P<who>(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?)"
    r"(?=\s+(?:who|which|that|in|at|on)\b|[,.;]|$)"
)


def later_responder_words(text: str) -> list[str]:
    """The words of each responder named in ``text``, in order."""
    found: list[tuple[int, str]] = []
    for pattern in (_SUBJECT, _INTERVENTION_OF):
        found.extend((m.start("who"), m["who"].strip()) for m in pattern.finditer(text))
    return [w for _, w in sorted(found)]


def later_responder(
    d: ActorDictionary,
    doc: Document | None,
    event: Event,
    country: str | None,
    ref_date: date | None,
) -> Actor | None:
    """The armed party that answered the event's actor1 in a later sentence of the same
    paragraph, or None. Only for an attack by a rebel or an unidentified or political
    group: a state force's own operation has its target in its own sentence, and police
    who intervene in a communal clash ("Police intervened by firing shots in the air") are
    no side of it (ACLED codes the two communities)."""
    a1 = event.actor1
    if doc is None or a1 is None or a1.inter not in (2, 3):
        return None
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    own = doc.sentences[i]
    for sentence in doc.sentences[i + 1 : i + 3]:
        if sentence.segment != own.segment:
            break
        for text in later_responder_words(sentence.text):
            coded = code_mention(d, text, country, ref_date, fuzzy=False)
            if coded.inter not in ARMED_INTER or coded.resolved_by == "unknown":
                continue
            if coded.inter == a1.inter and coded.name == a1.name:
                continue  # the attackers themselves, told again
            at = sentence.text.find(text)
            coded.start, coded.end = sentence.start + at, sentence.start + at + len(text)
            coded.resolved_by = "later-responder"
            return coded
    return None
