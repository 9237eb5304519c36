"""Named parties in a sentence that the actor dictionary knows: armed groups and communities.

The sense filters keep an ambiguous trigger ("attacked", "clashed") only with conflict cues
in the sentence; a short note such as "M23 clashed with FARDC near Sake." or "Clashes
between Kikuyu and Maasai over water." has none in the lexicon's words, only names. The
actor dictionary knows those names: an entry coded as an armed actor (ACLED inter 1–4 or
8) gives the sentence the class ``named_armed`` (a strong cue; ``named_rebel`` as well when it
is not a state's own forces: a clash with it is no brawl), an ethnic or clan identity
term ("Nuer", "Garre") gives ``named_communal`` (issue 16: communal clashes dropped).
"""

from __future__ import annotations

from typing import Any

from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary, normalise
from eventwire.pipeline.events.mixed_victims import mixed_victims
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.triggers import Lexicon

ARMED_TYPES = frozenset({"military", "police", "militia", "rebel", "gang", "external"})
COMMUNAL_KINDS = frozenset({"ethnicity", "clan"})
NAMED_ARMED, NAMED_COMMUNAL = "named_armed", "named_communal"
NAMED_REBEL = "named_rebel"
PLACE_OR_GROUP = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _runs(parse: Any) -> list[list[Any]]:
    """Runs of consecutive proper nouns, capitalised words and numbers inside a name."""
    runs: list[list[Any]] = []
    current: list[Any] = []
    for tok in parse:
        capital = tok.text[:1].isupper() and tok.pos_ in {"NOUN", "ADJ"}
        if tok.pos_ == "PROPN" or capital or (current and tok.pos_ == "NUM"):  # "March 23 …"
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _armed(dictionary: ActorDictionary, text: str) -> set[str]:
    """The classes a name gives: ``named_armed``, and ``named_rebel`` unless state forces."""
    entry = dictionary.lookup(text)
    if entry is None or entry.generic or entry.inter not in ARMED_INTER:
        return set()
    if entry.type not in ARMED_TYPES:
        return set()  # a government, the EU or the UN: they clash with words
    return {NAMED_ARMED} if entry.inter == 1 else {NAMED_ARMED, NAMED_REBEL}


def party_classes(parse: Any, dictionary: ActorDictionary | None) -> set[str]:
    """``named_armed`` (``named_rebel``) / ``named_communal`` where the sentence names such a
    party; ``named_rebel`` is a named armed party that is not a state's own forces; and
    ``mixed_victims`` (:func:`mixed_victims`: soldiers named beside civilians as victims)."""
    return _named_parties(parse, dictionary) | mixed_victims(parse)


def _named_parties(parse: Any, dictionary: ActorDictionary | None) -> set[str]:
    if dictionary is None:
        return set()
    found: set[str] = set()
    for tok in parse:
        if tok.text in dictionary.acronyms:
            found |= _armed(dictionary, tok.text)
        kind = dictionary.identities.get(normalise(tok.text))
        if kind is not None and kind[0] in COMMUNAL_KINDS and tok.pos_ in {"PROPN", "NOUN"}:
            found.add(NAMED_COMMUNAL)
    for run in _runs(parse):
        words = [t.text for t in run]
        for size in range(min(len(words), dictionary.max_alias_words), 0, -1):
            for start in range(len(words) - size + 1):
                found |= _armed(dictionary, " ".join(words[start : start + size]))
                if NAMED_REBEL in found:
                    return found
    return found


def named_target(head: Any) -> bool:
    """Is every object of an attack a name or a place ("RSF attacked Umm Sidra"), or is there
    none ("RSF attack Shangil Tobay.")? Not "the Taliban attacked the new policy"."""
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    return all(o.pos_ == "PROPN" or o.ent_type_ in PLACE_OR_GROUP for o in objects)


def state_force_agent(parse: Any, head: int | None, dictionary: ActorDictionary | None) -> bool:
    """Does the agent phrase headed at ``head`` name a state's own forces the actor
    dictionary knows ("SAF bombed Tabalo", "the FARDC attacked …")? The lexicon's words
    cannot tell an acronym's side; the dictionary's inter code 1 does."""
    if head is None or dictionary is None:
        return False
    tok = parse[head]
    phrase = parse[tok.left_edge.i : head + 1]  # the head and its left modifiers
    found = party_classes(phrase, dictionary)
    return NAMED_ARMED in found and NAMED_REBEL not in found


def adjective_agent(parse: Any, head: int) -> int | None:
    """The name just before a past-tense trigger the parser hung on the next noun as an
    adjective: "SAF bombed areas in X" read as "SAF … bombed areas" leaves the act with no
    subject; SAF did it. Only a proper noun tagged as the subject or a modifier counts."""
    tok = parse[head]
    if tok.dep_ != "amod" or tok.tag_ not in {"VBD", "VBN"} or tok.i == 0:
        return None
    before = parse[tok.i - 1]
    if before.pos_ != "PROPN" or before.dep_ not in {"nsubj", "nmod", "compound"}:
        return None
    return int(before.i)


def forces_act(parse: Any, lexicon: Lexicon) -> bool:
    """Is a state's armed force the subject of a verb of the sentence ("the police also
    attacked journalists …; they punched one")? Then blows or damage it tells are the
    forces', not a protest's crowd's."""
    return any(
        tok.dep_ == "nsubj"
        and tok.head.pos_ == "VERB"
        and {"state", "armed"} <= phrase_classes(parse, tok.i, lexicon)
        for tok in parse
    )
