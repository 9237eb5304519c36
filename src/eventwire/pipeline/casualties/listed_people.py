"""People listed after a victim by their tie to that victim (issue 16, h16af).

"killing the driver, his assistant and stealing goods", "killed a man, his wife and their
son", "killed the chief, his deputy and security guard", "killed the mayor, together with
his deputy and his bodyguard": each item after the first victim
is one more person killed. The list is read item by item after the first object's comma
and stops at the first item that names no such person ("and stealing goods", "his car").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities

ASSOCIATES: frozenset[str] = words("casualties", "associates")
PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
_POSSESSIVE = frozenset({"his", "her", "their", "its"})
_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ITEM_WORDS = 4  # "his two young children"
# where the list ends: a sentence's or clause's end, a place, a time or a relative clause
_LIST_END = re.compile(
    r"[.;:()]|\b(?:in|at|on|near|during|when|after|while|by|with|from|inside|outside|as"
    r"|who|which|that|before|for)\b",
    re.I,
)


def listed_after_victim(text: str, lex: NumberLexicon) -> int:
    """How many more people the list after a victim's comma names: "his assistant and
    stealing goods" → 1; "his wife and their two sons in X" → 3; 0 when the first item
    names no one tied to the victim by a possessive ("his car", "a second village")."""
    people, tied = 0, False
    text = re.sub(r"^\s*(?:together|along)\s+with\s+", " ", text, flags=re.I)  # "…, along with his"
    end = _LIST_END.search(text)
    for item in _ITEMS.split(text[: end.start()] if end else text):
        found = re.findall(r"[\w'’-]+", item)
        if not found or len(found) > _ITEM_WORDS:
            break
        words_ = [w.lower() for w in found]
        owned = words_[0] in _POSSESSIVE
        if not owned and not tied:
            break  # the list must open with "his"/"her"/"their": "the driver, the car"
        last = words_[-1]
        if last not in ASSOCIATES and last not in PERSON_NOUNS:
            break
        quantities = find_quantities(item, 0, lex)
        people += quantities[0].best if quantities else (1 if not last.endswith("s") else 0)
        tied = True
    return people
