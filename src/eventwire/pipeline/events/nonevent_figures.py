"""Non-event classes found on non-conflict news snippets and long articles (issue 15, sixth
pass, ``bench/snippets.py`` and ``tests/data/news_articles/articles3.jsonl``).

- a figurative robbery: "we were robbed", "his team had been robbed" with no goods taken and
  no armed actor or weapon in the sentence (a referee's decision in a match report);
- a gathering that is no demonstration: "fighters gathered with motorcycles" (armed people
  massing), "worshippers gathered to pray" (``gathering_purposes``);
- a political boycott: "opposition lawmakers boycotted the session" (``boycott_objects``);
- forces that block roads: "police blocking main roads near parliament" is security, not a
  road blocked by protesters;
- an idiomatic hostage: "we will not let them take this region hostage" (a place or a thing
  held hostage);
- a unit named, no device defused: "a bomb disposal squad was called" (``disposal_units``);
- an organisation called a body: "Kenya's athletics body", "a trade body" (a modifier, and
  none of ``corpse_modifiers``, no killing in the sentence);
- a death at an age with no violent cause: "has died in Germany at 50", "found dead at the
  age of 87";
- a non-political arrest: "the owner was arrested on charges of negligence"
  (``nonpolitical_charges``, or the accident class of the sentence);
- a labour strike read as an attack: "an indefinite general strike", "on strike"
  (``labour_words``);
- burns as an injury ("in critical condition with severe burns"), not arson; a figurative
  siege ("his side had been under siege for most of the second half");
- a song: "Martika's 1980s hit", "a number one hit" (``song_markers``);
- an act someone is accused of, charged with or investigated for ("accusing him of
  complicity in torture", "blamed the group for the attack", ``accuse_words``): spoken
  about. (A condemned act is not dropped: "condemned the bombing of the bus station" still
  reports the bombing, ranked below the condemnation, tests/test_plover.py);
- a taking told with a release: "announced the release of a citizen held hostage", "will
  release two guards held captive", "returned the bases it had seized" (``release_words``):
  the release is the act reported.

:func:`figure_kind` is asked by :func:`eventwire.pipeline.events.nonevent_kinds.nonevent_kind`.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.crowd_deeds import described_fight, only_wished, punished_for
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

__all__ = ["figure_kind"]

GATHERING_PURPOSES: frozenset[str] = words("lexicon", "gathering_purposes")
BOYCOTT_OBJECTS: frozenset[str] = words("lexicon", "boycott_objects")
DISPOSAL_UNITS: frozenset[str] = words("lexicon", "disposal_units")
CORPSE_MODIFIERS: frozenset[str] = words("lexicon", "corpse_modifiers")
NONPOLITICAL_CHARGES: frozenset[str] = words("lexicon", "nonpolitical_charges")
LABOUR_WORDS: frozenset[str] = words("lexicon", "labour_words")
SONG_MARKERS: frozenset[str] = words("lexicon", "song_markers")
RELEASE_WORDS: frozenset[str] = words("lexicon", "release_words")
ACCUSE_WORDS: frozenset[str] = words("lexicon", "accuse_words")
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj", "prep", "relcl", "acl", "amod"})
_ACCUSE_PREPS = frozenset({"of", "for", "with", "over", "in", "regarding", "into", "about"})
ARMED = ("armed", "nonstate")
WEAPONS = ("weapon_smallarms", "weapon_shell", "weapon_ied", "weapon_grenade", "weapon_melee")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SPOKEN_ACTS = frozenset(
    {"attack", "kill", "shoot", "explode", "shell", "air", "grenade", "suicide", "chemical",
     "abduct", "beat", "harm", "clash", "riot", "mob"}
)  # fmt: skip
TAKING = frozenset({"capture", "retake", "loot", "abduct"})
_RELATIVES = frozenset({"that", "which", "what"})  # "a match that his team was robbed of"
PROTEST_WORDS = frozenset(
    {"protest", "demonstration", "demonstrate", "demand", "denounce", "rally", "sit-in",
     "chant", "placard", "banner", "slogan", "strike", "march"}
)  # fmt: skip
FORMER_WORDS = frozenset({"retired", "former", "veteran", "veterans", "ex"})
HOLD_VERBS = frozenset({"take", "hold", "keep"})
_DECADE = re.compile(r"^(1[89]|20)?\d0s$|^\d{4}$")


def _has_class(
    parse: Any, lexicon: Lexicon, names: Any, skip: set[int], nouns: bool = False
) -> bool:
    """Is a word of one of the classes in the sentence (outside ``skip``; not in a title-case
    name such as "March"; only nouns with ``nouns``: "a boiler exploded" names no bomb)?"""
    vocab: set[str] = set()
    for name in names:
        vocab |= lexicon.words_of(name)
    return any(
        t.i not in skip
        and not (t.pos_ == "PROPN" and t.is_title)
        and (not nouns or t.pos_ == "NOUN")
        and token_keys(t) & vocab
        for t in parse
    )


def _own(match: TriggerMatch) -> set[int]:
    return set(range(match.start, match.end))


def _figurative_robbery(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "We were robbed", "his team had been robbed": no goods, no agent, no weapon."""
    head = parse[match.head]
    if head.lemma_.lower() != "rob" or head.pos_ not in {"VERB", "ADJ"}:
        return False
    if any(c.dep_ in {"dobj", "obj"} and c.lower_ not in _RELATIVES for c in head.children):
        return False  # "robbed the bank"; "robbed by gunmen" has its armed cue
    return not _has_class(parse, lexicon, (*ARMED, *WEAPONS, "lethal"), _own(match))


def _not_a_demonstration(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "fighters gathered with motorcycles", "worshippers gathered to pray"."""
    head = parse[match.head]
    if head.lemma_.lower() != "gather":
        return False
    people = [c for c in head.children if c.dep_ in _SUBJECTS]
    if head.dep_ in {"acl", "relcl"}:
        people.append(head.head)  # "a group of fighters gathered with …"
    armed = lexicon.words_of("armed") | lexicon.words_of("nonstate")
    protest = _has_class(parse, lexicon, ("protesters",), _own(match)) or any(
        token_keys(t) & PROTEST_WORDS for t in parse
    )
    for p in people:
        former = any(token_keys(t) & FORMER_WORDS for t in p.subtree)
        if not (protest or former) and any(token_keys(t) & armed for t in p.subtree):
            return True  # "fighters gathered", not "retired soldiers gathered to protest"
    purposes = [c for c in head.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"]
    return any(token_keys(v) & GATHERING_PURPOSES for v in purposes)


def _political_boycott(match: TriggerMatch, parse: Any) -> bool:
    """ "boycotted the session", "a boycott of the vote": an abstention, not a protest."""
    head = parse[match.head]
    if head.lemma_.lower() != "boycott":
        return False
    objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
    objects += [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    return any(token_keys(o) & BOYCOTT_OBJECTS for o in objects)


def _forces_blocking(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "with police blocking main roads": security forces block, protesters do not."""
    head = parse[match.head]
    if head.lemma_.lower() != "block":
        return False
    armed = lexicon.words_of("armed")
    subjects = [c for c in head.children if c.dep_ in {"nsubj"}]
    return any(token_keys(s) & armed for s in subjects)


def _idiomatic_hostage(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "take this region hostage", "held the economy hostage": no person is held."""
    head = parse[match.head]
    if head.lower_ not in {"hostage", "hostages"} or head.head.lemma_.lower() not in HOLD_VERBS:
        return False
    roles = {"dobj", "obj", "nsubjpass", "nsubj", "compound"}
    held = [c for c in (*head.head.children, *head.children) if c.dep_ in roles]
    held = [c for c in held if c.i != head.i and c.pos_ != "PRON"]
    things = lexicon.words_of("territory") | lexicon.words_of("abstract_patient")
    return any(
        token_keys(o) & things or o.ent_type_ in {"GPE", "LOC", "FAC"} for o in held
    ) and not any(o.ent_type_ in {"PERSON", "NORP"} for o in held)


def _disposal_unit(match: TriggerMatch, parse: Any) -> bool:
    """ "a bomb disposal squad was called": the phrase names a unit, not a defusal."""
    last = parse[match.end - 1]
    if last.lower_ != "disposal" or match.end >= len(parse):
        return False
    return bool(token_keys(parse[match.end]) & DISPOSAL_UNITS)


def _organisation_body(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "Kenya's athletics body has suspended …", "a trade body has warned"."""
    head = parse[match.head]
    if head.lower_ != "body" or match.end - match.start > 1:
        return False
    mods = [c for c in head.children if c.dep_ in {"compound", "amod"}]
    if not mods or any(token_keys(m) & CORPSE_MODIFIERS for m in mods):
        return False
    return not _has_class(parse, lexicon, ("lethal", "violent_cause", *WEAPONS), _own(match))


def _death_at_an_age(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "has died in Germany at 50", "found dead at the age of 87": a death told with the
    person's age and no violent cause in the sentence."""
    own = _own(match)
    if not any(parse[i].lemma_.lower() in {"die", "dead"} for i in own):
        return False
    if _has_class(parse, lexicon, ("violent_cause", *ARMED, *WEAPONS), own):
        return False
    for i, t in enumerate(parse):
        nxt = parse[i + 1] if i + 1 < len(parse) else None
        if t.lower_ == "at" and nxt is not None and (nxt.like_num or nxt.lower_ == "the"):
            after = parse[i + 1 : i + 5]
            if nxt.like_num or any(a.lower_ == "age" for a in after):
                return True
        if t.lower_ == "aged" and nxt is not None and nxt.like_num:
            return True
    return False


def _nonpolitical_arrest(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "the owner was taken into custody over safety violations", "arrested on charges of
    negligence" after an accident: a criminal case, no arrest of political weight."""
    own = _own(match)
    if _has_class(parse, lexicon, ("nonstate", *WEAPONS, "protesters"), own, nouns=True):
        return False  # police make every arrest: armed forces alone say nothing
    text = parse.text.lower()
    if any(cue in text for cue in NONPOLITICAL_CHARGES if " " in cue):
        return True
    return any(t.i not in own and token_keys(t) & NONPOLITICAL_CHARGES for t in parse)


def _labour_strike(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "an indefinite general strike", "workers went on strike": a strike by workers."""
    head = parse[match.head]
    if head.lemma_.lower() != "strike":
        return False
    if head.pos_ == "VERB":
        # "Nigerian workers strike over minimum wage": workers strike, they hit nothing
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        return not objects and any(token_keys(t) & LABOUR_WORDS for s in subjects
                                   for t in s.subtree)  # fmt: skip
    if head.pos_ != "NOUN":
        return False
    if any(c.dep_ in {"amod", "compound", "poss"} and token_keys(c) & LABOUR_WORDS
           for c in head.children):  # fmt: skip
        return True
    # "on strike"
    return head.dep_ == "pobj" and head.head.lower_ == "on" and not list(head.children)


def _song(match: TriggerMatch, parse: Any) -> bool:
    """ "Martika's 1980s hit", "a number one hit", "her hit single": a song, not a blow."""
    head = parse[match.head]
    if head.lower_ not in {"hit", "hits"}:
        return False
    if head.i > 0 and _DECADE.match(parse[head.i - 1].text):
        return True  # "Martika's 1980s hit" (parsed as a verb or a noun)
    if head.pos_ == "NOUN" and any(
        c.dep_ == "poss"
        or (c.dep_ in {"amod", "compound", "nummod"} and bool(_DECADE.match(c.text)))
        for c in head.children
    ):
        return True
    near = {t.lower_ for t in parse[max(0, head.i - 2) : head.i + 2]}
    return bool(near & SONG_MARKERS) and head.pos_ in {"NOUN", "ADJ"}


def _not_the_crowds(match: TriggerMatch, parse: Any, frame: str) -> bool:
    """ "troops who are fighting X"; a riot jailed for or only wanted ("prison time for
    rioting", "wanted to burn tyres"; not another act: "charged officers with torturing a
    journalist" may be the note's event)."""
    if described_fight(match, parse):
        return True
    head = parse[match.head]
    return frame in {"riot", "mob"} and (punished_for(head) or only_wished(head))


def _path_up(tok: Any, steps: int = 5) -> list[tuple[Any, Any]]:
    """(child on the path, ancestor) pairs from a token up to ``steps`` levels."""
    out = []
    for _ in range(steps):
        if tok.head.i == tok.i:
            break
        out.append((tok, tok.head))
        tok = tok.head
    return out


def _released(match: TriggerMatch, parse: Any) -> bool:
    """ "the release of a citizen held hostage", "will release two guards held captive",
    "released a ship it seized": the taking describes who or what is freed."""
    path = _path_up(parse[match.head])
    for i, (child, anc) in enumerate(path):
        if token_keys(anc) & RELEASE_WORDS:
            # the trigger hangs from what is released (its object, or "release of …")
            deps = {c.dep_ for c, _ in path[: i + 1]}
            return child.dep_ in {"dobj", "obj", "prep", "nsubjpass"} and deps <= _OBJECT_DEPS
        if anc.pos_ == "VERB" and anc.dep_ not in {"relcl", "acl", "amod"}:
            return False  # a clause of its own: "freed the hostages after attacking the town"
    return False


def _accused_of(match: TriggerMatch, parse: Any) -> bool:
    """ "accusing him of complicity in torture", "indicted X for the three-day attacks",
    "blamed the group for the attack", "an investigation into claims that … abused": the act
    is what someone is accused of or what is investigated."""
    head = parse[match.head]
    if head.pos_ not in {"NOUN", "PROPN"} and head.dep_ not in {"ccomp", "acl", "relcl"}:
        return False
    if head.dep_ == "acl" and head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children):
        return False  # "2 suspects killed by police": what the suspects underwent (h16bc)
    path = _path_up(head)
    for child, anc in path:
        if token_keys(anc) & ACCUSE_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ not in _ACCUSE_PREPS:
            return False
        if anc.pos_ == "VERB" and child.dep_ not in {"prep", "pobj", "ccomp", "dobj"}:
            return False
    return False


def _burn_injury(match: TriggerMatch, parse: Any) -> bool:
    """ "three were in critical condition with severe burns": an injury, not arson."""
    head = parse[match.head]
    return head.pos_ == "NOUN" and head.lower_ in {"burns", "burn"} and match.end - match.start == 1


def _figurative_siege(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "his side had been under siege for most of the second half": a team, a government or
    a firm under pressure; a place under siege, or armed men around it, is a siege."""
    head = parse[match.head]
    if head.lower_ != "siege" or head.head.lower_ != "under":
        return False
    verb = head.head.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    places = lexicon.words_of("territory")
    if any(s.ent_type_ in {"GPE", "LOC", "FAC"} or token_keys(s) & places for s in subjects):
        return False
    return bool(subjects) and not _has_class(
        parse, lexicon, (*ARMED, *WEAPONS, "weapon_air", "lethal"), _own(match)
    )


def figure_kind(match: TriggerMatch, parse: Any, frame: str, lexicon: Lexicon) -> str | None:
    """Why a trigger match names no incident (a short reason), or None."""
    if frame == "loot" and _figurative_robbery(match, parse, lexicon):
        return "figurative robbery"
    if frame == "protest" and _not_a_demonstration(match, parse, lexicon):
        return "a gathering, no demonstration"
    if frame == "protest" and _political_boycott(match, parse):
        return "a political boycott"
    if frame == "protest" and _forces_blocking(match, parse, lexicon):
        return "forces blocking roads"
    if frame == "abduct" and _idiomatic_hostage(match, parse, lexicon):
        return "idiomatic hostage"
    if frame == "disrupt" and _disposal_unit(match, parse):
        return "a disposal unit named"
    if frame in {"harm", "body"} and _organisation_body(match, parse, lexicon):
        return "an organisation, not a corpse"
    if frame in {"harm", "body"} and _death_at_an_age(match, parse, lexicon):
        return "a death at an age"
    if frame == "arrest" and _nonpolitical_arrest(match, parse, lexicon):
        return "a non-political arrest"
    if frame in {"attack", "air"} and _labour_strike(match, parse, lexicon):
        return "a labour strike"
    if frame == "attack" and _song(match, parse):
        return "a song"
    if frame == "destroy" and _burn_injury(match, parse):
        return "an injury, not arson"
    if frame == "mobilize" and _figurative_siege(match, parse, lexicon):
        return "figurative siege"
    if frame in SPOKEN_ACTS | TAKING and _released(match, parse):
        return "told with a release"
    if frame in SPOKEN_ACTS and _accused_of(match, parse):
        return "accused of, spoken about"
    if frame in SPOKEN_ACTS and _not_the_crowds(match, parse, frame):
        return "not the crowd's deed"  # "troops who are fighting X", "jailed for rioting"
    return None
