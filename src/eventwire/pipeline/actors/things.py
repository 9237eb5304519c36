"""Only noun phrases that can act or be targeted are actors.

"A loud blast", "heavy battles", "three buses", "the main road", "a car bomb" name events,
weapons, vehicles, buildings and places: none of them acts, and a thing that was hit is
a target only through its owner. A mention the dictionary could not code whose head noun
is such a thing (``thing_nouns`` and ``not_actors`` in ``data/actors/words.yaml``) takes
its owner's coding when the owner is named ("the positions of the Azerbaijani army",
"the house of the mayor", "the governor's convoy", "houses belonging to CNL members");
otherwise it is no actor at all. Whom a violent event then hit is what ACLED's type
implies (targets.py: violence against civilians hits civilians) or nobody.

>>> is_thing("three buses"), is_thing("the main road"), is_thing("three villagers")
(True, True, False)
>>> owner_words("the positions of the military forces")
'the military forces'
>>> owner_words("the governor's convoy")
'the governor'
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.records import Document

THING_NOUNS: frozenset[str] = (
    words("actors", "thing_nouns") | words("actors", "not_actors") | words("actors", "place_nouns")
)
NUMBER_WORDS: frozenset[str] = words("actors", "number_words")
_OWNER = re.compile(r"\b(?:of|belonging to|owned by|used by)\s+(?P<owner>.+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s?\s+\S+$")
COLLECTIVE: frozenset[str] = words("actors", "collective")
_JOINERS = re.compile(r"['’]s\b|\bthe\b|[\W_]", re.I)  # between places: "Baghdad's Sadr City"


def head_word(text: str) -> str:
    """The head noun of a mention, lower case: its last word before an "of" complement
    ("the District Police Station": "station")."""
    head_part = re.split(r"\s+(?:of|belonging to|owned by|used by)\s+", text, maxsplit=1)[0]
    tokens = re.findall(r"[a-z][a-z-]*", head_part.lower())
    return tokens[-1] if tokens else ""


def is_thing(text: str) -> bool:
    """True when the head noun of a mention names a thing or an event, not a party."""
    head = head_word(text)
    if not head:
        return False
    forms = {
        head,
        head[:-1] if head.endswith("s") else head,
        head[:-2] if head.endswith("es") else head,
    }
    return bool(forms & THING_NOUNS)


def owner_words(text: str) -> str | None:
    """The words that name who owns a thing ("X of Y", "Y's X"), or None."""
    match = _OWNER.search(text)
    if match is not None:
        return match["owner"].strip()
    match = _POSSESSIVE.match(text.strip())
    if match is not None and re.search(r"['’]", text):
        return match["owner"].strip()
    return None


def is_count(text: str) -> bool:
    """True when a mention is only a count ("150", "nine", "11 others"): a toll, no actor.

    >>> is_count("11 others"), is_count("at least 4"), is_count("4 soldiers")
    (True, True, False)
    """
    tokens = re.findall(r"[\w-]+", text.lower())
    return bool(tokens) and all(t.isdigit() or t in NUMBER_WORDS for t in tokens)


def only_places(doc: Document, start: int, end: int) -> bool:
    """Whether the words start..end are places joined by a possessive ("Baghdad's Sadr City")."""
    chars = list(doc.text[start:end])
    for p in doc.places:
        for i in range(max(p.start, start, 0), min(p.end, end)):
            chars[i - start] = " "
    return not _JOINERS.sub("", "".join(chars))


def collective(text: str) -> bool:
    """A group of people rather than one person ("residents", "five persons", "a mob")."""
    tokens = [w for w in text.lower().replace("-", " ").split() if w.isalpha()]
    if not tokens:
        return False
    last = tokens[-1]
    return last in COLLECTIVE or (last.endswith("s") and not last.endswith("ss"))
