"""A party's own crowd: "NCP students", "KANU supporters", "NARC youths".

Supporters, students or youths named by a party or movement ("NCP students attacked Darfuri
students with metal bars", "NPP supporters attack journalists", "Rival NARC supporters kill
man") are that party's militia in ACLED's coding when they attack people: an Attack by a
political militia, not the Mob violence of an unnamed crowd. At a protest they stay
demonstrators (subtypes.py reads the protest first).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

PARTY_CROWD = "party_crowd"  # the class it adds to an agent's phrase
MEMBER_NOUNS: frozenset[str] = words("lexicon", "party_member_nouns")
_ACRONYM_LENGTH = range(2, 7)


def _party_name(tok: Any) -> bool:
    """An acronym ("NCP", "KANU") or an organisation's name."""
    text = tok.text.strip(".")
    acronym = text.isalpha() and text.isupper() and len(text) in _ACRONYM_LENGTH
    return acronym or tok.ent_type_ == "ORG"


def party_crowd(parse: Any, head: int | None) -> set[str]:
    """{"party_crowd"} when the phrase is a member noun named by a party or movement:
    "NCP students", "the KANU youth wing members", "supporters of the NPP"."""
    if head is None:
        return set()
    tok = parse[head]
    if tok.lemma_.lower() not in MEMBER_NOUNS and tok.lower_ not in MEMBER_NOUNS:
        return set()
    names = [c for c in tok.lefts if c.dep_ in {"compound", "nmod", "amod"}]
    names += [g for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return {PARTY_CROWD} if any(_party_name(n) for n in names) else set()
