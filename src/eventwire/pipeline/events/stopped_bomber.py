"""A bomber stopped by others is the target of a fight, not a bombing (issue 16, h16br).

ACLED codes "a suspected suicide bomber was killed by soldiers", "police shot two
kamikazes", "troops intercepted a bomber" as an Armed clash between the forces and the
bombers' group: the bomber is the one acted on. The noun "suicide bomber"
is a trigger of its own (the suicide frame) and outranks the verb, so the bombing wins.
``stopped_bomber`` tells when a bomber noun is the patient of a verb of killing, shooting
or catching done by someone else (a passive with its "by" agent, or an active
verb whose subject is not the bomber): then the noun is no trigger and the verb's event
stands. "1 suicide bomber and 3 civilians were killed in an attack" (no doer named) and
"intercepted a bomber who detonated prematurely" (the charge went off) keep the bombing.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

STOPPED_BOMBER_VERBS: frozenset[str] = words("lexicon", "stopped_bomber_verbs")
BOMBER_HEADS: frozenset[str] = words("lexicon", "bomber_heads")
BOMBER_BLAST_VERBS: frozenset[str] = words("lexicon", "bomber_blast_verbs")


def _bomber(tok: Any) -> Any:
    """The person noun of a trigger token ("suicide" of "suicide bomber" → "bomber")."""
    if tok.lower_ in BOMBER_HEADS:
        return tok
    if tok.dep_ in {"compound", "amod"} and tok.head.lower_ in BOMBER_HEADS:
        return tok.head
    return None


def _patient_verb(noun: Any) -> Any:
    """The verb the noun (or the first conjunct it hangs on) is the object or passive
    subject of, or None."""
    current = noun
    while current.dep_ in {"conj", "appos"} and current.head.i != current.i:
        current = current.head
    if current.dep_ in {"dobj", "obj", "nsubjpass"} and current.head.pos_ in {"VERB", "AUX"}:
        return current.head
    return None


def _by_agent(verb: Any) -> bool:
    """Does the passive verb name its doer ("killed by soldiers")?"""
    return any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children
    )


def stopped_bomber(tok: Any) -> bool:
    """Is the bomber noun at ``tok`` the one killed, shot or caught by others?"""
    noun = _bomber(tok)
    if noun is None:
        return False
    if any(
        c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in BOMBER_BLAST_VERBS for c in noun.children
    ):
        return False  # "intercepted a suicide bomber who detonated prematurely"
    verb = _patient_verb(noun)
    if verb is None or verb.lemma_.lower() not in STOPPED_BOMBER_VERBS:
        return False
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return _by_agent(verb)  # "was killed by soldiers", not "were killed in an attack"
    return any(c.dep_ == "nsubj" for c in verb.children)  # "troops intercepted a bomber"


def stopped_bomber_tokens(parse: Any) -> set[int]:
    """The tokens of every stopped bomber of a sentence, with the words of its noun
    ("suicide", "female"): their weapon cues are not a weapon used."""
    found: set[int] = set()
    for tok in parse:
        if tok.lower_ in BOMBER_HEADS and stopped_bomber(tok):
            found |= {t.i for t in tok.subtree if t.i <= tok.i}
    return found
