"""The owner of a patrol, convoy or post that "came under fire" is the target.

"Two policemen were shot dead when their patrol came under fire": the patrol is the
grammatical subject, but it is what was fired at; its owner is actor2 and the attacker is
unknown or named elsewhere ("... came under fire from militants"). A mention directly
followed by such a predicate (``under_fire_predicates`` of ``data/actors/words.yaml``) is
never read as the sentence's attacker.

>>> from eventwire.records import Actor, Document
>>> doc = Document(text="Their convoy was ambushed near Gao.")
>>> came_under_fire(doc, 0, 12)
True
>>> came_under_fire(Document(text="Their convoy ambushed rebels."), 0, 12)
False
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document

_PREDICATES = words("actors", "under_fire_predicates")
_AFTER = re.compile(r"\s+(?:" + word_pattern(_PREDICATES).pattern + r")", re.IGNORECASE)
# "An army | patrol came under fire": the mention may be the first words of the phrase
_PHRASE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:" + word_pattern(_PREDICATES).pattern + r")", re.IGNORECASE
)


def came_under_fire(doc: Document, start: int, end: int) -> bool:
    """True when the words right after ``doc.text[start:end]`` say it came under fire."""
    if start < 0 or end > len(doc.text):
        return False
    return _AFTER.match(doc.text, end) is not None


def fired_on_actor1(doc: Document, actor: Actor | None) -> bool:
    """True when the event's actor1 heads a phrase that came under fire ("An army patrol
    came under fire from militants": the army is the target)."""
    if actor is None or actor.start < 0 or actor.end > len(doc.text):
        return False
    return _PHRASE_AFTER.match(doc.text, actor.end) is not None
