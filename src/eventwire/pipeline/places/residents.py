"""A town named as the home of the people who act: "Mombasa traders protest", "Wau
authorities say they have captured three recruiters", "Kariokor residents were evicted".

The context filter (``keep_mention``) drops a name that opens a sentence with no locative
cue ("Police battle rioters": a capitalised word, not a place) and one the model labels a
nationality or an organisation ("Mombasa" as NORP). A name followed by a noun for the
people of a town (``resident_nouns`` in ``data/places/words.yaml``: residents, traders,
authorities, villagers) is a town's all the same, and the note names no other place for
them: it is kept, even before "authorities" (a modifier word: "Iraq authorities" is no
location, but a town's authorities sit in the town). A people's name in that position
("Turkana herders") is an actor's, which the stage's actor cues still drop; a nationality
or a country ("Somali residents", "Kenya authorities") is not taken up here.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import PLACE_LABELS
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.toponyms import Mention

RESIDENT_NOUNS: frozenset[str] = words("places", "resident_nouns")
_NEXT_RE = re.compile(r"\s+([a-z]+)\b")


def town_of_residents(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is the mention a town named as its people's home ("Mombasa traders")?"""
    if m.ner in PLACE_LABELS or m.partial:
        return False  # a place label is kept anyway; a partial name is another name's
    key = fold(m.text)
    if key in lex.stoplist or key in lex.adjectives or key in lex.country_keys:
        return False  # "Somali residents", "Kenya authorities": no town
    nxt = _NEXT_RE.match(text, m.end)
    return nxt is not None and nxt.group(1) in RESIDENT_NOUNS
