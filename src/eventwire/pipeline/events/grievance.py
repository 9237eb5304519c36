"""A deed told in a relative clause of a noun the backdrop governs is backdrop (issue 16, h16br).

"Residents marched over the murder of a girl who was kidnapped by a neighbour", "activists
staged a sit-in, petitioning the minister on the fate of a trader who was abducted by the
police": the kidnapping and the abduction are what the crowd protests about, told in a
relative clause ("who was …", "taken by …") of a noun that the grievance word governs.
``is_background`` (rules.py) climbs four heads from a trigger to a word of the backdrop
("over", "against", "demanding", "petitioning" …); a relative clause's verb starts that
climb from the noun it describes, so the clause's own words do not use up the reach.
Not in a claim of responsibility (``responsibility_nouns`` of ``data/lexicon/words.yaml``):
the claimed act is the event, and a clause on it or on its target tells its harm ("claimed
responsibility for the bombing of a mosque, which killed dozens": the bombing's toll).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

_RELATIVE = frozenset({"relcl", "acl"})
RESPONSIBILITY_NOUNS: frozenset[str] = words("lexicon", "responsibility_nouns")


def relative_noun(tok: Any) -> Any:
    """The noun a relative clause's verb describes ("a girl who was kidnapped" → "girl",
    "a trader abducted by police" → "trader", and a verb coordinated in that clause), else
    the token itself (also in a sentence that claims responsibility for an act)."""
    verb = tok
    while verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head  # "who was kidnapped and raped": the first verb's clause
    if not (verb.pos_ in {"VERB", "AUX"} and verb.dep_ in _RELATIVE and verb.head.i != verb.i):
        return tok
    if any(t.lemma_.lower() in RESPONSIBILITY_NOUNS for t in tok.sent):
        return tok  # "claimed responsibility for the bombing …, which killed dozens"
    return verb.head
