"""Claims of responsibility that no earlier stage coded as an event.

"Islamic State claimed responsibility for the attack in a statement" often carries no event
trigger the coder keeps; the claim still tells who the report says carried the incident out.
Each sentence with a claim cue whose claimant the actor dictionary knows gives a
:class:`TextClaim`; the stage attaches it to the latest violent incident told before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.records import Actor, Document, Mention

_WORD = re.compile(r"[\w'’.-]+")
_MAX_WORDS = 6


@dataclass(frozen=True)
class TextClaim:
    """A claim of responsibility found in the words of a sentence."""

    sentence_index: int
    mention: Mention  # the claim's words, kind "claim"
    claimant: Actor  # coded by the dictionary, ``claimed=True``


def _claimant(prefix: str, base: int, dictionary: ActorDictionary) -> Actor | None:
    """The longest run of the last words before the claim verb that names a known actor."""
    clause = re.split(r"[,;:\"“”()]", prefix)[-1]
    offset = len(prefix) - len(clause)
    words = list(_WORD.finditer(clause))[-_MAX_WORDS:]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            run = words[first : first + size]
            start, end = run[0].start(), run[-1].end()
            entry = dictionary.lookup(clause[start:end])
            if entry is not None and not entry.generic:
                return Actor(
                    text=clause[start:end],
                    start=base + offset + start,
                    end=base + offset + end,
                    name=entry.name,
                    actor_id=entry.id,
                    type=entry.type,
                    inter=entry.inter,
                    country=entry.country,
                    affiliation=entry.affiliation(),
                    resolved_by="claim",
                    claimed=True,
                )
    return None


def text_claims(doc: Document, cues: IncidentCues, dictionary: ActorDictionary) -> list[TextClaim]:
    """Every claim of responsibility by a known actor in the report's sentences."""
    found = []
    for index, sentence in enumerate(doc.sentences):
        match = cues.claim.search(sentence.text)
        if match is None:
            continue
        claimant = _claimant(sentence.text[: match.start()], sentence.start, dictionary)
        if claimant is None:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        mention = Mention(index, start, end, match.group(0), "claim")
        found.append(TextClaim(index, mention, claimant))
    return found
