"""Is a violent act beside a protest one its doers did, told as done?

A demonstration becomes violent (ACLED's Violent demonstration) when the demonstrators use
violence or destroy property. The events stage reads that from the agents of the violent
acts told in the protest's sentence and beside it; an act counts only when its subject did
it and it happened:

- not an act that is only threatened, planned, feared or denied ("police came after the
  pupils threatened to wreck the school", "protested over the order to
  demolish their shops", "the protesters did not attack anyone"); an act its doers
  attempted is violence all the same ("protesters tried to storm the airport": the verbs
  of ``attempt_verbs``), unless the attempt itself is denied or only planned;
- not the harm a subject suffered: an intransitive or passive harm ("a student … has died
  of his wounds", "another student severely wounded", "protesters injured") has the
  harmed as its subject;
- not a headline's reduced passive ("Student protesters allegedly beaten and detained by
  NISS": a bare participle with a subject and no auxiliary), whose subject is the victim.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.modality import is_hypothetical, is_negated
from eventwire.pipeline.events.triggers import Lexicon

# frames whose subject may be the one harmed ("died", "were wounded", "injury")
_SUFFERED_FRAMES = frozenset({"harm", "body", "kill"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "agent"})
_CLAUSE_DEPS = frozenset({"acl", "relcl"})  # "women protesting …", "who protested"
PROTESTER_NOUNS: frozenset[str] = words("lexicon", "protester_nouns")
ATTEMPT_VERBS: frozenset[str] = words("lexicon", "attempt_verbs")


def _reduced_passive(tok: Any) -> bool:
    """A bare past participle with a subject and no auxiliary ("protesters beaten by")."""
    verb = tok
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if tok.tag_ != "VBN" or verb.tag_ != "VBN":
        return False
    kids = list(verb.children)
    return any(c.dep_ == "nsubj" for c in kids) and not any(
        c.dep_ in {"aux", "auxpass"} for c in kids
    )


def _attempted(tok: Any) -> Any:
    """The verb of attempt an act hangs on ("tried to storm"), else the act itself."""
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ATTEMPT_VERBS:
        return tok.head
    return tok


def act_by_its_subject(parse: Any, head_index: int, frame: str, lexicon: Lexicon) -> bool:
    """Did the act's subject do it, and is it told as done (see the module's note)?"""
    tok = parse[head_index]
    told = _attempted(tok)
    if is_negated(told, lexicon) or is_hypothetical(told, lexicon, parse.text):
        return False
    if frame in _SUFFERED_FRAMES and not any(c.dep_ in _OBJECT_DEPS for c in tok.children):
        return False  # "died", "wounded", "injuries": the harmed, not the doers
    return not _reduced_passive(tok)


def protesting_doer(parse: Any, agent: int | None, protests: set[int]) -> bool:
    """Is the act's doer the protesting crowd itself ("protesters attacked the activists",
    "a group of women protesting … attacked them")? Then harm it did to people coded as
    protesters (activists, a rival crowd) is still the protest's violence. The doer is a
    protester noun (not "them" or "the crowd"), or the protest verb is its own participle
    or relative clause, of the doer or of its "of" phrase ("a group of women protesting …",
    "students who protested …")."""
    if agent is None:
        return False
    tok = parse[agent]
    if tok.lemma_.lower() in PROTESTER_NOUNS or tok.lower_ in PROTESTER_NOUNS:
        return True
    heads = [tok] + [g for c in tok.children if c.lower_ == "of" for g in c.children]
    return any(
        c.i in protests and c.pos_ == "VERB" and c.dep_ in _CLAUSE_DEPS
        for h in heads
        for c in h.children
    )
