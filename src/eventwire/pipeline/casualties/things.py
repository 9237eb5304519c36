"""Things counted beside a kill: "at least one vehicle of the security forces was destroyed",
"one dead, 4 house burned down and 2 oxen killed".

A quantity whose own noun, right after it, names a thing (a vehicle, a building) counts no
people, whatever follows: the noun run :func:`.tolls_np._not_people` reads may run on past
"of" to people ("vehicle of the … security forces"), or the noun may be a singular told
after a number ("4 house"). The thing noun must end its phrase (a preposition, a verb, a
punctuation mark comes next), so a noun that only qualifies a person ("one church
official", "two bus drivers") still counts people.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import Quantity

THING_NOUNS: frozenset[str] = words("casualties", "thing_nouns")
# the word right after a quantity, when its phrase ends there
OWN_NOUN = re.compile(
    r"\s*([\w'’-]+)(?=\s*(?:$|[,.;:()]|\s(?:of|was|were|is|are|had|has|have|been|being|and|or"
    r"|in|on|at|to)\b|\s(?:[a-z]+(?:ed|en)|burnt|went)\b))",
)


def counts_things(piece: str, found: list[Quantity]) -> bool:
    """Whether the first quantity of ``piece`` counts things (its own noun is a thing)."""
    if not found:
        return False
    own = OWN_NOUN.match(piece[found[0].end :])
    return own is not None and own.group(1).lower() in THING_NOUNS
