"""Names the context filter (``keep_mention``) drops that are places all the same: a town
named as its people's home ("Mombasa traders", ``residents.town_of_residents``) and a camp
named with a locative cue before a capitalised word and "camp" ("from Juba UNMISS camp",
"at Dadaab Refugee Camp": the name is cut out of a longer capitalised run, which the filter
reads as another name's part, but the run is the camp of that name), and the name a coder's
remark gives as the place the event was coded to ("coded as reporting location Kintampo",
"coded to Buma": the model may label it a person, but the remark says it is a place)."""

from __future__ import annotations

from eventwire.pipeline.places.coded import REMARK, target_start
from eventwire.pipeline.places.gazetteer.camps import names_camp
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.residents import town_of_residents


def kept_anyway(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is a mention the filter drops a town of residents, a camp's name or the place a
    coder's remark names (see the module)?"""
    return (
        town_of_residents(m, text, lex)
        or camp_in_a_run(m, text, lex)
        or named_by_remark(m, text, lex)
    )


REMARK_REACH = 60  # characters between a remark's verb and the name it gives, at most


def named_by_remark(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is the mention the name a coder's remark gives ("coded to Buma", "coded as reporting
    location Kintampo", "[coded: Duma]")?

    >>> from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon
    >>> text = "in the north (coded as reporting location Tamale at geoprecision 3)"
    >>> named_by_remark(Mention(42, 48, "Tamale", 0), text, load_lexicon())
    True
    >>> named_by_remark(Mention(0, 6, "Tamale", 0), "Tamale traders were coded as", load_lexicon())
    False
    """
    if fold(m.text) in lex.stoplist:
        return False
    head = text[max(0, m.start - REMARK_REACH) : m.start]
    if "oded" not in head:
        return False
    offset = max(0, m.start - REMARK_REACH)
    return any(target_start(text, offset + r.end()) == m.start for r in REMARK.finditer(head))


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
