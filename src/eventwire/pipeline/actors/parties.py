"""The two sides of an agreement told as one coordinated subject.

A note that tells a deal, a truce or peace talks often names both sides as one subject:
"the Hawadle clan militia and the Ayr sub-clan militia reached an agreement", "Al Shabaab
and a local clan militia agreed a truce", "a peace accord was signed between the
Salamat and Beni Halba tribes". ACLED codes the first named side as actor1 and the second as
actor2; the parse gives the whole coordination as one mention, which coded as its first
conjunct and left actor2 empty. ``coordinated_parties`` splits such a mention of an
agreement (an AGREE event, or a strategic development told with one of
``agreement_words`` in ``data/actors/words.yaml``) into its two sides, when both code as
armed parties and are not the same one. A bare first name shares the head named after it
("the Gare and Ajuran clan militias": the Gare clan militias). Joint action by two forces
("the police and the army took control of the village") tells no agreement and is left as
it was. An agreement "with" a party names actor2 the same way ("Al Shabaab struck an
accord with a Hawiye sub-clan militia": ``agreement_preps``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.datafiles import word_table, words
from eventwire.pipeline.actors.community import shared_head
from eventwire.pipeline.actors.counterparts import counterpart
from eventwire.pipeline.common.actordict import ARMED_INTER
from eventwire.records import Actor, Document, Event

AGREEMENT_WORDS: frozenset[str] = words("actors", "agreement_words")
_LONGEST_FIRST = sorted(AGREEMENT_WORDS, key=len, reverse=True)
_AGREEMENT = re.compile(r"\b(?:" + "|".join(map(re.escape, _LONGEST_FIRST)) + ")", re.I)
_AND = re.compile(r",?\s+and\s+(?:the\s+|an?\s+)?")
AGREEMENT_PREPS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in word_table("actors", "agreement_preps").items()
}


def _agreement_told(doc: Document, event: Event) -> bool:
    """An agreement event, or a strategic development told with an agreement word."""
    if event.plover_type == "AGREE":
        return True
    i = event.sentence_index
    if event.acled_event_type != "Strategic developments" or not 0 <= i < len(doc.sentences):
        return False
    return _AGREEMENT.search(doc.sentences[i].text) is not None


def _different(left: Actor, right: Actor) -> bool:
    """Two sides: armed and not one party (two clans' militias share one generic name)."""
    if left.inter not in ARMED_INTER or right.inter not in ARMED_INTER:
        return False
    return left.name != right.name or (left.inter == 4 and left.text != right.text)


def coordinated_parties(
    doc: Document, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """Actor1 and actor2 read off an agreement's coordinated subject or its "with" party,
    or None.

    ``code`` codes a mention's words. Only an agreement whose actor1 has its own words and
    whose actor2 is missing or uncoded is read.
    """
    a1, a2 = event.actor1, event.actor2
    if a1 is None or a1.start < 0 or (a2 is not None and a2.inter is not None):
        return None
    if not _agreement_told(doc, event):
        return None
    other = counterpart(doc, event, AGREEMENT_PREPS)
    if other is not None and not (a1.start <= other.start < a1.end):
        coded = code(other.text)
        if _different(a1, coded):
            coded.text, coded.start, coded.end = other.text, other.start, other.end
            return a1, coded
    for match in _AND.finditer(a1.text):
        left_text, right_text = a1.text[: match.start()], a1.text[match.end() :]
        if not left_text.strip() or not right_text.strip():
            continue
        left_text = shared_head(doc.text, a1.start, a1.start + len(left_text)) or left_text
        left, right = code(left_text), code(right_text)
        if not _different(left, right):
            continue
        cut = a1.start + match.start()
        left.text, left.start, left.end = a1.text[: match.start()], a1.start, cut
        right.text, right.start, right.end = right_text, a1.start + match.end(), a1.end
        return left, right
    return None
