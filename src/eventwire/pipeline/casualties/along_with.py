"""One more victim told after a passive kill by "along with" / "together with" and an
uncounted noun phrase: "X was shot dead along with a second man who …", "died at once
together with his driver after …".

:mod:`.trailing` reads the counted phrases a passive kill adds at its sentence's end ("…
were killed, along with 3 soldiers."). A person told by a determiner and a person noun
("another man", "his passenger", "his deputy and his bodyguard") is one victim each, and
the phrase may end at a relative clause or a clause of time as well ("who was travelling
with him", "after a gunman fired …"). Only "along with" and "together with" join it:
after a bare "and" such a phrase is as often a new clause's subject.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.toll_notes import Mention

PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns") | words(
    "casualties", "associates"
)
ALONG_WITH = re.compile(
    r"^(?:\s+(?:on\s+the\s+spot|instantly|immediately))?"
    r"(?:\s+(?:in|at|on|near)\s+[^,.;:()\[\]]{1,40}?)?"
    r"\s*,?\s*(?:along|together)\s+with\s+(?P<np>[^,.;:()\[\]]{1,60}?)"
    r"(?=\s*(?:[.;,]|$)|\s+(?:who|after|when|while|as|in|at|on|near|during|by|before)\b)",
    re.I,
)
ONE_PERSON = re.compile(
    r"^\s*(?:another|his|her|their|its|a|an|one)\s+(?:[a-z'’-]+\s+){0,2}(?P<head>[a-z]+)\s*$"
)
PASSIVE_END = re.compile(r"\b(?:killed|died|dead|murdered)$", re.I)


def _people(np: str) -> int:
    """One for each part of ``np`` told by a determiner and a person noun; 0 unless every
    part is such a phrase."""
    parts = re.split(r"\s+and\s+", np.strip())
    heads = [ONE_PERSON.match(p) for p in parts]
    if any(h is None or h.group("head") not in PERSON_NOUNS for h in heads):
        return 0
    return len(parts)


def along_with_victims(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The people an uncounted "along with" / "together with" phrase adds after a
    sentence's passive kill, each phrase as a count of its own; ``text`` is the sentence,
    ``offset`` its start in the document, ``mentions`` its mentions."""
    added: list[Mention] = []
    for m in mentions:
        if m.category != "killed" or m.kind not in ("count", "anaphoric") or m.background:
            continue
        if m.ambiguous or not PASSIVE_END.search(m.text) or m.text.lower().startswith("kill"):
            continue
        end = m.end - offset
        found = ALONG_WITH.match(text[end:])
        if found is None or any(end < o.start - offset < end + found.end() for o in mentions):
            continue
        people = _people(found.group("np"))
        if people:
            start, stop = offset + end + found.start("np"), offset + end + found.end("np")
            added.append(Mention("killed", people, people, people, start, stop, found.group("np")))
    return added
