"""The other side of a strategic development, named after a preposition.

A strategic development names its second party in a phrase of its own: the group that
planted a device soldiers defused ("defused an IED planted by Al Shabaab"), the side
fighters surrendered to ("surrendered to Puntland Dervish Force"; not "defected to": ACLED
codes a defection with no second party as often as with one), the side an area was taken
from ("took control over the village from Islamic State Somalia Province"). ACLED codes
that party as actor2. ``counterpart`` returns its raw mention: the object of the
preposition whose head (or the head's head) is one of the verbs listed for it
(``counterpart_preps`` in ``data/actors/words.yaml``).
"""

from __future__ import annotations

from eventwire.datafiles import word_table
from eventwire.pipeline.actors.parse import phrase_bounds
from eventwire.records import Actor, Document, Event

# preposition -> lemmas of the verbs it follows ("planted by", "surrendered to", "… from")
COUNTERPART_PREPS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in word_table("actors", "counterpart_preps").items()
}


def counterpart(
    doc: Document, event: Event, preps: dict[str, frozenset[str]] | None = None
) -> Actor | None:
    """The raw mention of the development's other party, or None (``preps``: another
    table of prepositions and their verbs than ``COUNTERPART_PREPS``)."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return None
    offset = doc.sentences[event.sentence_index].start
    for token in parse:
        verbs = (COUNTERPART_PREPS if preps is None else preps).get(token.lower_)
        if verbs is None or token.dep_ not in ("prep", "agent", "dative"):
            continue
        heads = (token.head, token.head.head)  # "took control over X from Y"
        if not any(h.lemma_.lower() in verbs and h.pos_ == "VERB" for h in heads):
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in ("NOUN", "PROPN"):
            continue
        first, last = phrase_bounds(pobj)
        start = offset + parse[first].idx
        end = offset + parse[last].idx + len(parse[last].text)
        return Actor(text=parse[first : last + 1].text, start=start, end=end)
    return None
