"""Names the context filter (``keep_mention``) drops that are places all the same: a town
named as its people's home ("Mombasa traders", ``residents.town_of_residents``) and a camp
named with a locative cue before a capitalised word and "camp" ("from Juba UNMISS camp",
"at Dadaab Refugee Camp": the name is cut out of a longer capitalised run, which the filter
reads as another name's part, but the run is the camp of that name)."""

from __future__ import annotations

from eventwire.pipeline.places.gazetteer.camps import names_camp
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.residents import town_of_residents


def kept_anyway(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is a mention the filter drops a town of residents or a camp's name (see the module)?"""
    return town_of_residents(m, text, lex) or camp_in_a_run(m, text, lex)


def camp_in_a_run(m: Mention, text: str, lex: Lexicon) -> bool:
    """A name with a locative cue cut out of "<name> <Word> camp" ("in Kakuma Refugee
    Camp", "from Juba UNMISS camp")."""
    return (
        m.partial
        and m.cue is not None
        and m.cue != "of"
        and not m.modifier
        and fold(m.text) not in lex.stoplist
        and names_camp(text, m)
    )
