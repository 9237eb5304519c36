"""An ambiguous act confirmed by the harm told next: "… attacked their president. She was
injured." (issue 16, h16ao).

Ambiguous violent words ("attack", "fight", "assault") are kept only with conflict words
in their own sentence; a note often tells the act in one sentence and its victims' wounds
or deaths in the next ("two men attacked the chairman. He was injured", "farmers and
herders fought over a field. One herder was wounded"). ``harm_follows`` says whether the
next sentence of the same segment tells people hurt or killed (not "no one was hurt");
``act_on_people`` whether the ambiguous act is one people did to people: a person or
people as its target, or people fighting (the doers of a fight). The gate reads such an
act as one whatever other sense the word has ("clash over land. One death reported": a
fight, not a dispute), as it does an act of a named armed party. Not in a sport, business
or entertainment story ("they were hit by a double blow. Then Blair was carded for killing
the ball"): the coder does not look for harm told next there.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.blows import PERSONAL_PRONOUNS
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.rules import GROUP_NOUNS
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys
from eventwire.records import Document

HARM_NEXT = "harm_next"  # a context mark: the next sentence tells people hurt or killed
_HARM_CLASSES = ("hurt_cue", "lethal")
_PEOPLE = frozenset({"civilian", "unarmed_collective", "armed", "protesters", "communal"})
_DENIALS: frozenset[str] = words("lexicon", "harm_denials")
_UNCERTAIN: frozenset[str] = words("lexicon", "harm_uncertain")


def harm_follows(doc: Document, i: int, lexicon: Lexicon) -> bool:
    """Does the next sentence, in the same segment, tell people hurt or killed, with no
    denial in it ("No one was injured", "there were no fatalities")?"""
    j = i + 1
    if j not in doc.parses or j >= len(doc.sentences) or i >= len(doc.sentences):
        return False
    if doc.sentences[j].segment != doc.sentences[i].segment:
        return False
    parse = doc.parses[j]
    harm = set().union(*(lexicon.words_of(name) for name in _HARM_CLASSES))
    if denies_harm(parse):
        return False
    told = [t for t in parse if token_keys(t) & harm and not _thing_harmed(parse, t, lexicon)]
    if any(t.lower_ in _UNCERTAIN for t in parse):
        # "Figures unknown for injuries" tells no harm; "an unknown number were killed" does
        return any(t.pos_ == "VERB" for t in told)
    return bool(told)


def denies_harm(parse: Any) -> bool:
    """Does the sentence deny harm ("No one was injured", "there were no fatalities")?"""
    return any(t.lower_ in _DENIALS for t in parse)


def _thing_harmed(parse: Any, verb: Any, lexicon: Lexicon) -> bool:
    """A harm verb whose object is a thing, not a person ("killing the ball", "killed the
    bill"): no harm to people."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or obj.pos_ in {"NUM", "PRON", "PROPN"}:
        return False  # "killed 5", "injured him", "killed Musa"
    return not _people(parse, obj.i, lexicon)


def _people(parse: Any, i: int | None, lexicon: Lexicon) -> bool:
    """People named by a common noun or a personal pronoun ("a pupil", "their president",
    "them"); a name alone is not read here (it may be a company or a team)."""
    if i is None:
        return False
    tok = parse[i]
    if tok.lower_ in PERSONAL_PRONOUNS:
        return True
    if tok.lower_ in GROUP_NOUNS:  # "a number of farmers", "a group of youths"
        tok = next((g for c in tok.children if c.lower_ == "of" for g in c.children), tok)
    if tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG", "GPE"}:
        return False
    return bool(phrase_classes(parse, tok.i, lexicon) & _PEOPLE)


def act_on_people(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """Is the act done by people (to someone: "two men attacked their president"), or to
    a person or people ("a pupil was assaulted")? A fight needs people as its doers
    ("farmers and herders fought")."""
    roles = find_roles(parse, match.head, lexicon)
    if match.entry.frame == "clash":
        return _people(parse, roles.agent, lexicon)
    if _people(parse, roles.patient, lexicon):
        return True
    return roles.patient is not None and _people(parse, roles.agent, lexicon)
