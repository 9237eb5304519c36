"""The source that revised a toll, read as a side: "Taliban authorities revised the death
toll from Monday's minibus bombing down to nine" gives actor1 the words "Taliban
authorities" (coded the state's forces, the attacker), although they only counted the dead.
A side whose words stand in their sentence right before a toll-revision verb and "the …
toll" (``toll_revision_verbs``, ``toll_nouns``) is the toll's source, not a side of the
incident: it may match another report's side but contradicts none.

>>> reviser("Authorities", "Authorities revised the toll from the raid down to 15 on Saturday.")
True
>>> reviser("the militia", "Officials said the militia raised the village's flag.")
False
>>> reviser("Gunmen", "Gunmen killed five people, police said.")
False
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import words
from eventwire.dedup.report import alternation


@functools.cache
def _pattern() -> str:
    verbs = alternation(words("dedup", "toll_revision_verbs"))
    nouns = alternation(words("dedup", "toll_nouns"))
    return (
        # "Health officials in Hodeidah raised …": a place of the source between
        rf"(?:\s+(?:in|of|at)\s+[A-Z][\w'’-]*)?"
        rf"\s+(?:(?:has|have|had|on\s+\w+)\s+)?(?:{verbs})\s+(?:the|its|their)\s+"
        rf"(?:[\w'’-]+\s+){{0,2}}(?:{nouns})\b"
    )


@functools.lru_cache(maxsize=65536)
def reviser(text: str | None, sentence: str | None) -> bool:
    """Whether ``sentence`` tells the side's words ``text`` revising a toll ("Authorities
    revised the toll …", "health officials have raised the death toll …")."""
    if not (text and text.strip() and sentence):
        return False
    found = re.search(rf"\b{re.escape(text.strip())}{_pattern()}", sentence, re.I)
    return found is not None
