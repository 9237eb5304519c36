"""A deed a protest's crowd says was done to it is the protest's grievance (issue 16, h16cd).

"mothers who say their sons were abducted by the rebels kept up their sit-in",
"thousands held a demonstration against the militia. They said that it has been killing and
raping people": the kidnapping and the rapes are what the crowd complains of, told as its own
words (the complement of a verb of saying, ``protest_claim_verbs`` of
``data/lexicon/words.yaml``); the note's event is the protest. The speaker must be the
crowd: the noun the saying verb describes ("families who claim …"), a pronoun ("They
said …") or a protester ("the demonstrators said …"). A deed reported by the police or a
witness ("police said gunmen killed two protesters") is not the crowd's claim and stays.
Only with a protest told in the sentence or beside it (stage.py asks).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, token_keys
from eventwire.records import Event

CLAIM_VERBS: frozenset[str] = words("lexicon", "protest_claim_verbs")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = frozenset({"they", "he", "she", "we", "i"})
_CLIMB = frozenset({"ccomp", "conj", "xcomp", "advcl"})


def _misread_claim(tok: Any) -> Any:
    """ "parents who claim their daughters have been kidnapped … continued": the parser
    takes the complement's subject as the saying verb's object and hangs the saying verb as
    a relative clause on the trigger's subject; that relative clause, else None."""
    for subj in (c for c in tok.children if c.dep_ in _SUBJECTS and c.i < tok.i):
        for verb in subj.children:
            deps = {c.dep_ for c in verb.children}
            if (
                verb.dep_ == "relcl"
                and verb.lemma_.lower() in CLAIM_VERBS
                and "dobj" in deps
                and "ccomp" not in deps
            ):
                return verb
    return None


def _saying_verb(tok: Any) -> Any:
    """The verb of saying whose complement holds the trigger, climbing at most three
    clause links ("claim their daughters have been kidnapped"), else None."""
    if (misread := _misread_claim(tok)) is not None:
        return misread
    current = tok
    for _ in range(3):
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            return None
        parent = current.head
        if current.dep_ == "ccomp" and parent.lemma_.lower() in CLAIM_VERBS:
            return parent
        current = parent
    return None


def _crowd_speaker(verb: Any, lexicon: Lexicon) -> bool:
    """Is the one who says it the crowd: the noun a relative clause describes, a pronoun,
    or a protester?"""
    if verb.dep_ == "relcl":  # "families who claim …", not "police who claim …"
        noun = verb.head
        return noun.pos_ in {"NOUN", "PROPN"} and not token_keys(noun) & lexicon.words_of("state")
    protesters = lexicon.words_of("protesters")
    for subj in (c for c in verb.children if c.dep_ in _SUBJECTS):
        if subj.lower_ in _PRONOUNS or token_keys(subj) & protesters:
            return True
    return False


def crowd_claim(tok: Any, frames: set[str], lexicon: Lexicon) -> bool:
    """Is a trigger told as what a crowd says was done (its grievance, not a new deed),
    with a protest among ``frames`` (the sentence's other acts and those beside it)?"""
    if "protest" not in frames:
        return False
    verb = _saying_verb(tok)
    return verb is not None and _crowd_speaker(verb, lexicon)


def as_grievance(event: Event) -> None:
    """Rank the crowd's grievance below the protest and out of the incident's lead."""
    event.confidence = max(0.02, round(event.confidence - 0.25, 4))
    event.background = True
