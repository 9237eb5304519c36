"""Two communities named as one coordinated subject before a communal head.

"the Dir and Darod-Marehan sub-clans clashed", "Nankpatiib and Bigbim Communal Militias
clashed", "fighting between Borana and Samburu militias", "Agreement: Maaliya and Rizaygat
tribes released captives", "two Darod sub-clans held reconciliation talks":
ACLED codes each name as its community's militia (inter 4), the first as actor1 and the
second as actor2. The parse often cuts the first name from the head it shares ("sub" and
"clans" of a hyphenated "sub-clans", a capitalised "Communal Militias"), so the first side
coded as an unknown name (3) or was lost. ``communal_sides`` reads the two sides off the
event's sentence when the coordination is its subject (the trigger follows within a few
words, or the sentence opens with it after a label or a date) or follows "between", and
both names code as communities. A force or a known group in the coordination ("Police and
Samburu militias") leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from eventwire.datafiles import words
from eventwire.records import Actor, Document, Event, Sentence

_HEADS = sorted(
    words("actors", "community_militia_heads")
    | words("actors", "shared_communal_heads")
    | words("actors", "communal_coordination_heads"),
    key=len,
    reverse=True,
)
_HEAD = r"(?i:" + "|".join(re.escape(h) for h in _HEADS) + r")"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_COORD = re.compile(
    rf"(?P<left>{_NAME})(?:\s+(?P<lhead>{_HEAD}))?,?\s+and\s+(?:the\s+)?"
    rf"(?P<right>{_NAME})\s+(?P<rhead>{_HEAD})\b"
)
# what may open a sentence before its subject: a note's label, a date, "for the second day"
_OPENING = re.compile(
    r"^(?:[A-Z][\w ]*:\s*)?(?:(?:On|In|Around|Between)\s[^,]{1,40},\s*)?"
    r"(?:for the \w+ (?:day|time),\s*)?(?:the\s+)?$"
)
_BETWEEN = re.compile(r"\bbetween(?:\s+the)?\s*$", re.I)
_SUBJECT_GAP = 4  # words between the coordination and a trigger after it
BATTLE_OR_DEVELOPMENT = frozenset({"Battles", "Strategic developments"})


def _subject(sentence: str, match: re.Match[str], trigger: tuple[int, int]) -> bool:
    """The coordination is the sentence's subject or the pair after "between"."""
    before = sentence[: match.start()]
    if _BETWEEN.search(before) or _OPENING.match(before):
        return True
    gap = sentence[match.end() : max(trigger[0], 0)]
    return trigger[0] >= match.end() and "," not in gap and len(gap.split()) <= _SUBJECT_GAP


def _community(code: Callable[[str], Actor], name: str, head: str) -> Actor | None:
    """The name with its head coded as a community's militia, or None (a name the
    dictionary knows as anything else, "Police", "Al Shabaab", is no community)."""
    alone = code(name)
    if alone.inter is not None and alone.inter != 4:
        return None
    coded = code(f"{name} {head}")
    return coded if coded.inter == 4 else None


def _placed(actor: Actor, text: str, start: int) -> Actor:
    actor.text, actor.start, actor.end = text, start, start + len(text)
    return actor


def communal_sides(
    doc: Document, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """Actor1 and actor2 of a battle or a strategic development whose subject is two
    communities coordinated before a communal head, or None when the event already has
    two communal sides, names another armed party, or its sentence tells no such pair.
    A development told in a later sentence of the note ("Both clans agreed …", "They
    agreed on compensation") reads the pair its first sentence opens with."""
    a1, a2 = event.actor1, event.actor2
    # an agreement is typed a strategic development after this stage
    agreement = event.plover_type == "AGREE"
    kind = "Strategic developments" if agreement else event.acled_event_type
    if kind not in BATTLE_OR_DEVELOPMENT:
        return None
    if a1 is not None and a2 is not None and a1.inter == 4 and a2.inter == 4:
        return None
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    sides = _sides_in(doc.sentences[i], event, code)
    later = i > 0 and kind == "Strategic developments" and (a2 is None or a2.inter is None)
    if sides is None and later and (a1 is None or a1.inter == 4):
        sides = _sides_in(doc.sentences[0], event, code)
    return sides


def _sides_in(
    sentence: Sentence, event: Event, code: Callable[[str], Actor]
) -> tuple[Actor, Actor] | None:
    """The two communal sides one sentence tells as its subject, or None."""
    offset = sentence.start
    trigger = (event.trigger.start - offset, event.trigger.end - offset)
    for match in _COORD.finditer(sentence.text):
        if not _subject(sentence.text, match, trigger):
            continue
        span = (offset + match.start(), offset + match.end())
        for other in (event.actor1, event.actor2):
            inside = other is not None and span[0] <= other.start < span[1]
            if other is not None and not inside and other.inter not in (None, 4, 7):
                return None  # "Dir and Marehan clans fought Al Shabaab": one side
        head = match.group("lhead") or match.group("rhead")
        left = _community(code, match.group("left"), head)
        right = _community(code, match.group("right"), match.group("rhead"))
        if left is None or right is None:
            continue
        if left.name == right.name and match.group("left") == match.group("right"):
            continue
        left_end = match.end("lhead") if match.group("lhead") else match.end("left")
        left_text = sentence.text[match.start() : left_end]
        right_text = sentence.text[match.start("right") : match.end()]
        return (
            _placed(left, left_text, offset + match.start()),
            _placed(right, right_text, offset + match.start("right")),
        )
    return None
