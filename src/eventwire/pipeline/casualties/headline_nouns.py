"""One person named by a bare singular noun phrase after a kill verb, headline style.

"Gunmen kill policeman", "killed farmer Musa Adam Omar", "kills man suspected of robbery"
were read already: a lone person noun, followed by a name or a participle. Two more forms
of the same headline object name one person too:

- a person noun after up to three lower-case modifiers, with no determiner, as the
  object's first conjunct: "kill police officer", "killed customs policeman", "kill
  mobile phone company employee", "kill local chief";
- a person noun followed by an *-ing* participle that describes that person: "kill
  civilian distributing exam materials", "kill herder grazing cattle" (the plural noun at
  the end is the participle's object, not ACLED's vague plural count).

A phrase opening with a capital is a name (read before), and a phrase with a determiner,
a pronoun, a number or a conjunction among its modifiers is no bare headline object.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words

PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
_MODIFIERS_MAX = 3
_NOT_MODIFIER: frozenset[str] = words("casualties", "headline_not_modifiers")
_WORD = re.compile(r"^[a-z][a-z'’-]*$")


def headline_person(tokens: list[str], opening: bool = True) -> bool:
    """Whether the words of a kill verb's object name one person headline style: a lone
    person noun, that noun with a name or a participle after it, or, in the object's
    ``opening`` conjunct, that noun after bare lower-case modifiers ("police officer"; "a
    student and political activist" is one person told by two roles)."""
    if not tokens:
        return False
    first = tokens[0].lower()
    if first in PERSON_NOUNS and (len(tokens) == 1 or _named_or_described(tokens[1])):
        return True
    if not opening or not 2 <= len(tokens) <= _MODIFIERS_MAX + 1:
        return False
    if tokens[-1].lower() not in PERSON_NOUNS:
        return False
    return all(_WORD.match(t) and t not in _NOT_MODIFIER for t in tokens[:-1])


def _named_or_described(word: str) -> bool:
    """Whether the word after a bare person noun names or describes that one person: a
    name ("farmer Musa"), a participle ("man suspected of robbery", "civilian
    distributing exam materials")."""
    low = word.lower()
    return word[:1].isupper() or (low.endswith(("ed", "ing")) and len(low) > 4)
