"""Victims told after a passive kill with no verb of their own.

"27 rebels were killed and one soldier.", "At least 9 fighters reportedly died, along
with 2 policemen.": the counted people after "and" / "along with" close the sentence with no
verb of their own, so they share the kill of the clause before them and ACLED adds them to
its toll (28, 8). The cue finder reads the count on the left of a passive cue only; this
module reads the one told after it.

Only a plain counted noun phrase that ends its sentence counts: a number, at most three
words, and a person noun at its head ("one soldier", "10 SPLA soldiers", "230 rebels").
Anything with a verb or a participle of its own ("and 15 wounded", "and two others
missing", "and 66 cattle stolen", "and 8 were captured") is another category or another
clause, and animals and things never count ("and 20 cows").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
PLURAL_IRREGULAR: frozenset[str] = words("casualties", "plural_irregular")
NOT_PEOPLE: frozenset[str] = words("casualties", "not_people")
# the end of a passive kill clause and the victims joined after it, up to the sentence end
TRAILING = re.compile(
    # "were killed in the ensuing battle, along with 3 soldiers": a place or a time between
    r"^(?:\s+(?:in|at|on|during|near)\s+[^,.;:()\[\]]{1,40}?)?"
    r"\s*,?\s*(?:and|along\s+with|as\s+well\s+as|together\s+with|plus)\s+"
    r"(?P<np>[^,.;:()\[\]]{1,60}?)\s*(?:[.;]|$)",
    re.I,
)
# a count on the left of its kill word: "27 rebels were killed", "5 civilians killed",
# "two soldiers died" (never an active verb's object: "killed two soldiers")
PASSIVE_KILL = re.compile(r"^(?!kill)\S.*\b(?:killed|died|dead)$", re.I | re.S)
VERBISH = re.compile(r"(?:ed|en|ing)$", re.I)


def _person_head(word: str) -> bool:
    """Whether ``word`` names people: a person noun, an irregular plural ("men",
    "children"), or a regular plural ("soldiers", "rebels") that is no animal or thing."""
    low = word.lower()
    if low in NOT_PEOPLE:
        return False
    if low in PERSON_NOUNS or low in PLURAL_IRREGULAR or low.endswith("men"):
        return True
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3


def _count(np: str, numbers: NumberLexicon) -> int | None:
    """The people of plain counted noun phrases ("one soldier", "10 SPLA soldiers", "1
    truck driver and 2 passengers", "2 others"), or ``None`` when the phrase is anything
    else."""
    parts = [_count_one(p, numbers) for p in re.split(r"\s+and\s+", np)]
    return None if any(p is None for p in parts) else sum(p or 0 for p in parts)


def _count_one(np: str, numbers: NumberLexicon) -> int | None:
    found = find_quantities(np, 0, numbers)
    if len(found) != 1 or found[0].vague or np[: found[0].start].strip():
        return None
    rest = re.findall(r"[\w'’-]+", np[found[0].end :])
    if not 1 <= len(rest) <= 3 or any(VERBISH.search(w) for w in rest):
        return None
    if any(w.lower() in ("were", "was", "are", "is", "have", "had") for w in rest):
        return None
    head = rest[-1].lower()
    return found[0].best if head == "others" or _person_head(head) else None


def trailing_victims(
    text: str, offset: int, mentions: list[Mention], numbers: NumberLexicon
) -> list[Mention]:
    """The victims joined after a sentence's passive kill counts ("27 rebels were killed
    and one soldier."), each as a count of its own; ``text`` is the sentence, ``offset``
    its start in the document, ``mentions`` its mentions."""
    added: list[Mention] = []
    for m in mentions:
        if m.category != "killed" or m.kind != "count" or m.background or m.ambiguous:
            continue
        if not PASSIVE_KILL.search(m.text):
            continue
        end = m.end - offset
        found = TRAILING.match(text[end:])
        if found is None or any(end < o.start - offset < len(text) for o in mentions):
            continue
        best = _count(found.group("np"), numbers)
        if best is None or best < 1:
            continue
        start, stop = offset + end + found.start("np"), offset + end + found.end("np")
        added.append(Mention("killed", best, best, best, start, stop, found.group("np")))
    return added
