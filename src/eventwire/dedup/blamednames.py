"""The attacker a report names only after a blame cue, when its coder read none.

"Nine displaced people were killed when bombs hit a camp outside Goma on Monday, the army
said, blaming M23" is coded with an unidentified attacker (no words of it): the group
named right after "blaming" (``blame_cues``) is the attacker the report means. When the
other report's attacker words or name hold that group's proper name ("the Rwanda-backed M23
rebels"), the two reports name one attacker (:func:`blamed_attacker`, a matched side in
:func:`eventwire.dedup.actors.actor_link`). Only a report with no attacker of its own (no
words, or a catch-all such as "gunmen") is read this way.

>>> blamed_name("Shells hit a camp near Korla on Monday, the army said, blaming M23.")
'M23'
>>> blamed_name("Shells hit a camp, officials said, blaming the Dastan Liberation Front.")
'Dastan Liberation Front'
>>> blamed_name("Shells hit a camp, officials said, blaming the rebels.") is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from eventwire.dedup.report import ReportEvent
from eventwire.dedup.victimwords import blame_alternation


@functools.lru_cache(maxsize=65536)
def blamed_name(sentence: str | None) -> str | None:
    """The proper name (capitalised words or a name with digits) right after a blame cue."""
    if not sentence:
        return None
    cue = rf"\b(?:{blame_alternation()})\s+(?:the\s+)?"
    name = r"((?:[A-Z][\w'’-]*|\w*\d\w*)(?:\s+(?:[A-Z][\w'’-]*|\w*\d\w*))*)"
    found = re.search(cue + name, sentence)
    return found[1] if found else None


def blamed_attacker(a: ReportEvent, b: ReportEvent, generic: Callable[[str | None], bool]) -> bool:
    """Whether one report has no attacker of its own but blames a group whose proper name
    the other report's attacker words (or name) hold."""
    for own, other in ((a, b), (b, a)):
        if own.actor1_id and not generic(own.actor1_id):
            continue
        if own.actor1_text and own.actor1_text.strip() and not generic(own.actor1_id):
            continue
        name = blamed_name(own.sentence)
        if not name:
            continue
        words = f"{other.actor1_text or ''} {other.actor1_name or ''}"
        if re.search(rf"\b{re.escape(name)}\b", words):
            return True
    return False
