"""Claims of responsibility that no earlier stage coded as an event.

"Islamic State claimed responsibility for the attack in a statement" often carries no event
trigger the coder keeps; the claim still tells who the report says carried the incident out.
Each sentence with a claim cue whose claimant the actor dictionary knows gives a
:class:`TextClaim`; the stage attaches it to the latest violent incident told before it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from eventwire.datafiles import words
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.regexgate import gated_search, may_match
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.records import Actor, Document, Mention

_WORD = re.compile(r"[\w'’.-]+")
_MAX_WORDS = 6
_APPOSITION = re.compile(r"\s*(?:the|a|an|which|who|whose)\s", re.I)  # "…, the group that…,"


@dataclass(frozen=True)
class TextClaim:
    """A claim of responsibility found in the words of a sentence."""

    sentence_index: int
    mention: Mention  # the claim's words, kind "claim"
    claimant: Actor  # coded by the dictionary, ``claimed=True``


def _claimant(
    prefix: str, base: int, dictionary: ActorDictionary, clause_index: int = -1
) -> Actor | None:
    """The longest run of the last words before the claim verb that names a known actor
    (in the clause ``clause_index`` of the words before it: the last one by default)."""
    # the clauses between punctuation, with their offsets; empty ones ("(TTP), ") left out
    clauses = [(m.start(), m.group(0)) for m in re.finditer(r"[^,;:\"“”()]+", prefix)]
    clauses = [c for c in clauses if c[1].strip()]
    if not clauses:
        return None
    if len(clauses) > 1 and _APPOSITION.match(clauses[-1][1]):
        clause_index = 0  # "Al-Shabaab, the al Qaeda-linked group that…, claimed": the subject
    offset, clause = clauses[clause_index]
    words = list(_WORD.finditer(clause))[-_MAX_WORDS:]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            run = words[first : first + size]
            start, end = run[0].start(), run[-1].end()
            entry = dictionary.lookup(clause[start:end])
            if entry is not None and not entry.generic:
                return entry.mention(
                    clause[start:end],
                    base + offset + start,
                    base + offset + end,
                    "claim",
                    claimed=True,
                )
    return None


def text_claims(doc: Document, cues: IncidentCues, dictionary: ActorDictionary) -> list[TextClaim]:
    """Every claim of responsibility by a known actor in the report's sentences."""
    found = []
    for index, sentence in enumerate(doc.sentences):
        text = sentence.text
        match, clause = gated_search(cues.claim, text), -1
        if match is None and may_match(cues.claim_told, text):
            # "Islamic State Khorasan, the group's branch, said one of its fighters had
            # carried out the attack": the subject of the statement, its first clause
            match, clause = (
                next((m for p in cues.claim_told if (m := p.search(sentence.text))), None),
                0,
            )
        if match is None:
            continue
        claimant = _claimant(sentence.text[: match.start()], sentence.start, dictionary, clause)
        if claimant is None:
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        mention = Mention(index, start, end, match.group(0), "claim")
        found.append(TextClaim(index, mention, claimant))
    return found


def code_claimant(actor: Actor, dictionary: ActorDictionary) -> Actor:
    """A claimant known only by the words of the claim's speaker ("The National Liberation
    Army (ELN) said its fighters had carried out the attack"), coded by the dictionary when
    those words name a known actor; unchanged otherwise."""
    if actor.inter is not None or not actor.text.strip():
        return actor
    coded = _claimant(actor.text, 0, dictionary, 0) or _claimant(actor.text, 0, dictionary)
    if coded is None:
        return actor
    return dataclasses.replace(coded, start=actor.start, end=actor.end)


def first_actor(
    text: str, base: int, dictionary: ActorDictionary, inters: frozenset[int]
) -> Actor | None:
    """The first actor of the given inter codes that the dictionary names in ``text`` (runs
    of up to three words, longest first at each word): "Police in Bangladesh opened fire on
    students" gives the police."""
    words = list(_WORD.finditer(text))
    for first in range(len(words)):
        for size in (3, 2, 1):
            run = words[first : first + size]
            if len(run) < size:
                continue
            start, end = run[0].start(), run[-1].end()
            entry = dictionary.lookup(text[start:end])
            if entry is not None and entry.inter in inters:
                return entry.mention(text[start:end], base + start, base + end, "sentence")
    return None


@functools.cache
def _act_clause() -> re.Pattern[str]:
    links = "|".join(re.escape(w) for w in sorted(words("dedup", "claim_act_links")))
    spans = "|".join(re.escape(w) for w in sorted(words("dedup", "claim_act_spans")))
    return re.compile(
        rf",\s*(?:(?:(?:a|an|one|two|three|four|five|six|\d+)\s+)?(?:{spans})\s+)?(?:{links})\s+\w+",
        re.I,
    )


def act_after_claim(before: str, cues: IncidentCues) -> bool:
    """Whether the words before an event's trigger claim responsibility in a clause that
    ends before a clause of the act itself ("AQAP claimed the attack on Monday, a day after
    a car bomb killed five guards"): the act is told for itself, not only claimed."""
    found = [m for m in (cues.claim.search(before), *(p.search(before) for p in cues.claim_told))]
    ends = [m.end() for m in found if m is not None]
    return bool(ends) and _act_clause().search(before, max(ends)) is not None
