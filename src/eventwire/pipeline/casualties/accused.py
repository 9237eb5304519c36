"""Kills told as what someone is accused of: the grievance of the event, not its toll.

"Residents killed a gendarme they accuse of murdering a young man", "gunmen shot the former
commissioner, accusing him of killing 280 people", "students killed a man they believed
murdered a colleague", "burnt the lorry of a driver they accused of having killed two
pedestrians": the accused kill is an earlier deed (the reason for the lynching, the arson), not
a death of the event; ACLED counts only the event's own dead. The cue lexicon's background
words hold the fixed phrases ("accused of", "suspected of"); this module reads the ones with
a pronoun or an infinitive between ("accusing him of", "accuse of", "believed to have").

Only an active kill verb after the accusation is background: "were believed to have been
killed" and "were believed killed" tell the event's own dead. A suspicion that is the main
clause's own predicate ("Militants are believed to have killed 7 soldiers") tells the
event with a hedge and counts; only a suspicion that describes a person does not ("a man
suspected to have killed", "two men who were believed to have murdered").
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

ACCUSED = re.compile(
    r"(?:\baccus(?:e|es|ed|ing)\s+(?:(?:him|her|them)\s+)?of|\baccusations?\s+of"
    r"|\b(?:suspected|believed|alleged|thought)\s+to\s+have"
    # "a man they believed murdered a colleague": a clause of belief with its own subject
    r"|\b(?:they|he|she|residents|villagers|locals)\s+(?:believed|suspected)(?:\s+had)?)"
    r"\s+(?:\w+ly\s+)?$",
    re.I,
)
ACTIVE_KILL = re.compile(
    r"^(?:kill(?:ed|ing)?|murder(?:ed|ing)?|shot|shooting|lynch(?:ed|ing)?|slain|slew"
    # a kill told with "to death": "accused of hacking his brother to death"
    r"|(?:hack|stab|beat|burn|stone|club|strangl)\w*\s.*\bto\s+death)\b",
    re.I,
)


# a main clause's own predicate ("Militants are believed to have killed"), unless a
# relative pronoun opens it ("a man who was suspected to have killed")
MAIN_PREDICATE = re.compile(r"\b(?:is|are|was|were|been)\s+$", re.I)
RELATIVE_PREDICATE = re.compile(r"\b(?:who|that|whom)\s+(?:is|are|was|were|had\s+been)\s+$", re.I)


def _accusation(before: str) -> bool:
    """Whether ``before`` (the words before a kill verb) ends in an accusation that
    describes a person."""
    found = ACCUSED.search(before)
    if found is None:
        return False
    head = before[: found.start()]
    return not MAIN_PREDICATE.search(head) or RELATIVE_PREDICATE.search(head) is not None


def mark_accused(text: str, offset: int, mentions: list[Mention]) -> None:
    """Flag ``background`` the kills of a sentence told as an accusation; ``text`` is the
    sentence, ``offset`` its start in the document."""
    for m in mentions:
        if m.category != "killed" or m.background or not ACTIVE_KILL.match(m.text):
            continue
        start = m.start - offset
        if _accusation(text[max(0, start - 80) : start]):
            m.background = True
