"""An arrest told beside a protest that is the protest's grievance (issue 16, h16ci).

"Journalists held a protest against the arrest of their editor and demanded his release.
He was arrested last week on a defamation charge": the second sentence tells the arrest
the crowd protests about, not an arrest of the crowd. ACLED codes such a protest a
Peaceful protest; read as an intervention it became a Protest with intervention.

A sentence's arrests are the grievance when a protest of the same segment names a custody
word as its backdrop ("against the arrest of", "demanding the release of": a word of
``grievance_custody_words`` that ``is_background`` reads as the protest's object) and every
intervention word of the sentence is an arrest verb (``custody_verbs``) whose patient is one
person who is no protester ("he", "the blogger", "a teacher"). Arrests of many ("ten of the
protesters", "they") or of a protester, and any other intervention word (tear gas,
dispersal), stay interventions.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.rules import is_background
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, find_phrases, token_keys

GRIEVANCE_CUSTODY_WORDS: frozenset[str] = words("lexicon", "grievance_custody_words")
CUSTODY_VERBS: frozenset[str] = words("lexicon", "custody_verbs")
SINGLE_PERSON_PRONOUNS: frozenset[str] = words("lexicon", "single_person_pronouns")
_SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def _custody_grievance(parse: Any, lexicon: Lexicon) -> bool:
    """Does the sentence name an arrest or a release as a backdrop ("against the arrest of",
    "demanding the release of")?"""
    return any(
        t.lemma_.lower() in GRIEVANCE_CUSTODY_WORDS and is_background(t, lexicon) for t in parse
    )


def _one_person_held(parse: Any, tok: Any, lexicon: Lexicon) -> bool:
    """An arrest verb whose patient is one person who is no protester ("He was arrested"),
    or an arrest noun of one person ("his arrest")."""
    if tok.lemma_.lower() not in CUSTODY_VERBS:
        return False
    if tok.pos_ == "NOUN":
        return any(c.dep_ == "poss" and c.lower_ in SINGLE_PERSON_PRONOUNS for c in tok.children)
    if tok.pos_ != "VERB":
        return False
    patient = find_roles(parse, tok.i, lexicon).patient
    if patient is None:
        return False
    head = parse[patient]
    single = head.tag_ in _SINGULAR_NOUN_TAGS or head.lower_ in SINGLE_PERSON_PRONOUNS
    return single and "protesters" not in phrase_classes(parse, patient, lexicon)


def grievance_arrest_sentence(parse: Any, lexicon: Lexicon) -> bool:
    """Is every intervention word of the sentence an arrest of one person who is no
    protester, with no intervention phrase ("tear gas")?"""
    words_ = lexicon.words_of("intervention")
    found = [t for t in parse if token_keys(t) & words_]
    if not found or find_phrases(list(parse), lexicon.classes["intervention"].phrases):
        return False
    return all(_one_person_held(parse, t, lexicon) for t in found)


def grievance_arrests(
    parses: dict[int, Any],
    segments: dict[int, int],
    chosen: dict[int, list[tuple[TriggerMatch, str]]],
    salient: dict[int, set[str]],
    lexicon: Lexicon,
) -> set[int]:
    """The sentences (of ``chosen``) whose arrests are a protest's grievance told beside it:
    a sentence of the same segment (``segments``: sentence → segment) holds a protest
    trigger and names a custody word as its backdrop, and the arrests' sentence tells no
    protest of its own (``salient``: its frames that are no backdrop or past reference)."""
    grieving = {
        segments.get(i)
        for i, picks in chosen.items()
        if any(f == "protest" for _, f in picks) and _custody_grievance(parses[i], lexicon)
    }
    return {
        j
        for j in chosen
        if segments.get(j) in grieving
        and "protest" not in salient[j]
        and grievance_arrest_sentence(parses[j], lexicon)
    }
