"""A deed told in a relative clause of a protest's grievance is backdrop (issue 16, h16br).

"Residents marched over the murder of a girl who was kidnapped by a neighbour", "activists
staged a sit-in, petitioning the minister on the fate of a trader who was abducted by the
police": the kidnapping and the abduction are what the crowd protests about, told in a
relative clause ("who was …", "taken by …") of a noun that the grievance word governs.
``is_background`` (rules.py) climbs four heads from a trigger to a word of the backdrop
("over", "against", "demanding", "petitioning" …); a relative clause's verb starts that
climb from the noun it describes, so the clause's own words do not use up the reach. Only
in a sentence that tells a protest (a word of the ``protest`` frame): elsewhere the clause
tells the harm of the act it hangs on ("claimed the bombing of a mosque, which killed
dozens": the bombing's toll, not a backdrop of the claim), and keeps its own climb.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_RELATIVE = frozenset({"relcl", "acl"})
PROTEST_FRAME = "protest"


def relative_noun(tok: Any, by_word: Mapping[str, Sequence[Any]]) -> Any:
    """In a sentence that tells a protest (``by_word``: the trigger lexicon's entries by
    word), the noun a relative clause's verb describes ("a girl who was kidnapped" →
    "girl", "a trader abducted by police" → "trader", and a verb coordinated in that
    clause); else the token itself."""
    verb = tok
    while verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head  # "who was kidnapped and raped": the first verb's clause
    relative = verb.pos_ in {"VERB", "AUX"} and verb.dep_ in _RELATIVE and verb.head.i != verb.i
    return verb.head if relative and _tells_protest(tok.sent, by_word) else tok


def _tells_protest(sent: Any, by_word: Mapping[str, Sequence[Any]]) -> bool:
    return any(
        entry.frame == PROTEST_FRAME
        for t in sent
        for entry in by_word.get(t.lemma_.lower(), ()) or by_word.get(t.lower_, ())
    )
