"""Whose hands a victim was in: violence in custody with no perpetrator named.

"A man died after being tortured in police custody", "two suspects were found dead in a
police detention center", "three traders were beaten inside a police station", "In
detention, he was tortured", "a man who had been tortured was arrested again", "seven men
were publicly caned": the report names no one who did it, and the actors stage coded an
Unidentified Armed Group (inter 3). ACLED codes the state that held them (inter 1): only a
state keeps a police cell, makes arbitrary arrests or canes in public. ``custodian`` gives, for
violence against civilians with no actor1, the country's police (its military when the
place is a military or regime prison or barracks) when the event's sentence puts the
harm in a custody place (``custody_places`` after one of ``custody_preps``, up to four
words between: "at a local police station", "in the regime's Sidnaya military prison"),
tells an act only a state does (``state_custody_acts``: "arbitrary arrest", "publicly
caned") or an arrest beside ill-treatment (``custody_arrests`` with ``custody_harms``), all
in ``data/actors/words.yaml``; an arrest alone is not enough ("violence sparked by the
arrest of X"). "Outside the police post" and "an attack on a police station"
have no such preposition and are left alone.

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> from eventwire.records import Document, Event, Sentence, Span
>>> text = "A trader died after he was beaten in police custody in Mombasa."
>>> doc = Document(text=text, sentences=[Sentence(0, len(text), text)])
>>> e = Event("d", Span(27, 33, "trigger", "beaten"), 0, "ASSAULT",
...           acled_event_type="Violence against civilians", acled_sub_event_type="Attack")
>>> custodian(load_actor_dictionary(), doc, e, "KE").name
'Police Forces of Kenya'
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event

VAC = "Violence against civilians"
_PLACES = words("actors", "custody_places")
_PREPS = words("actors", "custody_preps")
_ACTS = word_pattern(words("actors", "state_custody_acts"), re.IGNORECASE)
_ARRESTS = word_pattern(words("actors", "custody_arrests"), re.IGNORECASE)
_HARMS = word_pattern(words("actors", "custody_harms"), re.IGNORECASE)
_IN_CUSTODY = re.compile(
    r"(?:" + word_pattern(_PREPS).pattern + r")\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?P<place>" + word_pattern(_PLACES).pattern + r")",
    re.IGNORECASE,
)
_ARMY = re.compile(r"\b(?:military|army|regime)", re.IGNORECASE)


def custody_cue(sentence: str) -> str | None:
    """The words that put a harm in the state's hands, or None.

    >>> custody_cue("Two men were found dead in a police detention center.")
    'detention'
    >>> custody_cue("A pastor was killed outside a police post.") is None
    True
    >>> custody_cue("Gunmen attacked a police station.") is None
    True
    >>> custody_cue("He was tortured after he was arrested in Wamena.")
    'arrested'
    >>> custody_cue("Violence sparked by the arrest of the sect's leader.") is None
    True
    """
    found = _IN_CUSTODY.search(sentence)
    if found is not None:
        return found.group("place")
    act = _ACTS.search(sentence)
    if act is None and _HARMS.search(sentence) is not None:
        act = _ARRESTS.search(sentence)  # "tortured ... arrested again"
    return act.group(0) if act is not None else None


def custodian(d: ActorDictionary, doc: Document, event: Event, country: str | None) -> Actor | None:
    """The state force that held the victims of violence with no perpetrator, or None."""
    if event.actor1 is not None or event.acled_event_type != VAC or country is None:
        return None
    if event.actor2 is not None and event.actor2.inter == 1:
        return None  # a state's own men hurt: not a detainee's case
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    cue = custody_cue(doc.sentences[i].text)
    if cue is None:
        return None
    force = d.get(f"{country}-{'MIL' if _ARMY.search(cue) else 'POL'}")
    return force.inferred(country) if force is not None else None
