"""Non-events: wording that names no new incident although it holds a trigger word (issue 15).

senses.py drops violent words used in another sense (competition, criticism, growth); this
module drops trigger matches that name no event at all, whatever their sense:

- idioms and light-verb phrases: "according to", "deal with", "a great deal", "war of
  words", "hit rock bottom", "struck a deal" (context class ``idiom``, word lists
  ``nonagree_verbs``, ``quantity_modifiers``);
- routine security: patrols, deployments with no count or destination, security for a
  match or a summit, "recruit staff" (``routine_security``, ``notable_moves``,
  ``deploy_lemmas``, ``occasion_words``). ACLED's *Change to group/activity* records a
  notable change in what an armed group does (a new deployment of a force to a place), not
  its routine work;
- nominal compounds that name a unit, a kit or a topic: "riot police", "the bomb squad",
  "missile defence", "a missile test", "attack dogs" (``thing_heads``), and the noun
  "target" ("identify potential targets", ``target_nouns``, in nonevent_kinds.py);
- accidental explosions: a gas leak, a boiler, a tanker, a coal mine, fireworks, with no
  bomb, attacker or weapon in the sentence (``accidental_blast``, ``deliberate_blast``);
  the harm words of such a sentence go with the explosion;
- disasters as agents: "the earthquake struck", "floods killed 40" (``disaster``);
- weapons as policy topics: "tested a missile", "developing chemical weapons", "sanctions
  over the chemical attack", "an inquiry into the bombing" (``policy_verbs``,
  ``response_nouns``, ``topic_preps``);
- acts that are what someone says or feels something about: "expressed concern about the
  escalation of hostilities", "an allegation of rape", "reporting on the crackdown" (also
  coercive acts), "sent a condolence message following the assault" (``statement_nouns``,
  ``statement_sequence_preps``), and violent nouns that
  name someone: "calling the president a murderer" (``label_nouns``);
- plots foiled before any act: "foiled a plot to bomb the subway" is no explosion, and no
  disrupted weapons use unless weapons were seized or defused (ACLED) (``plot_words``,
  ``foil_verbs``);
- negated harm: "nobody was hurt", "no casualties were reported" (``negative_words``);
- acts that are no political violence or are only referred to: a suicide ("killed
  himself"), a participle describing someone ("the assassinated former prime minister"),
  hunting ("the hunt killed 30 foxes"), a sporting result ("shot the Gunners into the
  lead"), a weapon as a figure for a sporting act ("a howitzer of a penalty")
  (``reflexive_objects``, ``wild_animals``, ``contest_goals``, ``sport_acts``);
- periods ("decades of hostilities"), crowd control ("fired tear
  gas"), disasters told with a pronoun, business "attacks": nonevent_kinds.py.

The coder (stage.py ``_accept``) asks :func:`non_event` first, for every trigger match.

>>> "patrol" in ROUTINE_SECURITY
True
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.nonevent_kinds import nonevent_kind, spoken_about
from eventwire.pipeline.events.triggers import (
    Lexicon,
    TriggerMatch,
    parse_phrases,
    token_keys,
)

__all__ = ["accidental_blast", "non_event"]

NONAGREE_VERBS: frozenset[str] = words("lexicon", "nonagree_verbs")
QUANTITY_MODIFIERS: frozenset[str] = words("lexicon", "quantity_modifiers")
ROUTINE_SECURITY: frozenset[str] = words("lexicon", "routine_security")
NOTABLE_MOVES: frozenset[str] = words("lexicon", "notable_moves")
DEPLOY_LEMMAS: frozenset[str] = words("lexicon", "deploy_lemmas")
DESTINATION_PREPS: frozenset[str] = words("lexicon", "destination_preps")
OCCASION_WORDS: frozenset[str] = words("lexicon", "occasion_words")
THING_HEADS: frozenset[str] = words("lexicon", "thing_heads")
POLICY_VERBS: frozenset[str] = words("lexicon", "policy_verbs")
POLICY_NOUNS: frozenset[str] = words("lexicon", "policy_nouns")
PLOT_WORDS: frozenset[str] = words("lexicon", "plot_words")
FOIL_VERBS: frozenset[str] = words("lexicon", "foil_verbs")
NEGATIVE_WORDS: frozenset[str] = words("lexicon", "negative_words")
REFLEXIVE_OBJECTS: frozenset[str] = words("lexicon", "reflexive_objects")
MISHAP_VERBS: frozenset[str] = words("lexicon", "mishap_verbs")
CONTEST_GOALS: frozenset[str] = words("lexicon", "contest_goals")
SPORT_ACTS: frozenset[str] = words("lexicon", "sport_acts")
WILD_ANIMALS: frozenset[str] = words("lexicon", "wild_animals")
SHOW_VERBS: frozenset[str] = words("lexicon", "show_verbs")
VOLLEY_WORDS: frozenset[str] = words("lexicon", "volley_words")
EQUIPPED_VERBS: frozenset[str] = words("lexicon", "equipped_verbs")

# frames whose trigger reports harm to people (the casualty side of an incident)
HARM_SIDE = frozenset({"kill", "harm", "body"})
# coercive frames: "comments on the crackdown", "sanctions over the arrests" name no new act
COERCIVE = frozenset({"coerce", "arrest", "loot"})
# frames that name a weapon or its use
WEAPON_FRAMES = frozenset({"shell", "air", "explode", "grenade", "suicide", "chemical"})
VIOLENT = frozenset(
    {"clash", "attack", "shoot", "kill", "harm", "beat", "shell", "air", "explode", "grenade",
     "suicide", "chemical", "abduct", "sexual", "riot", "mob", "body"}
)  # fmt: skip
ARMED_CLASSES = ("armed", "nonstate", "military_site", "state")
# a weapon in the sentence makes a crash or a collapse possibly the result of an attack
MISHAP_WEAPON_CLASSES = (
    "weapon_air", "weapon_shell", "weapon_ied", "weapon_grenade", "weapon_smallarms",
    "weapon_suicide",
)  # fmt: skip


def _has(parse: Any, lexicon: Lexicon, name: str, skip: set[int] | None = None) -> bool:
    """Is a word or phrase of context class ``name`` in the sentence (outside ``skip``)?"""
    skip = skip or set()
    vocab = lexicon.words_of(name)
    if any(t.i not in skip and token_keys(t) & vocab for t in parse):
        return True
    cls = lexicon.classes.get(name)
    if cls is None or not cls.phrases:
        return False
    return any(not set(range(a, b)) & skip for a, b in parse_phrases(parse, cls.phrases))


def _in_idiom(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """Does the trigger lie inside an idiom ("war of words", "hit rock bottom")?"""
    cls = lexicon.classes.get("idiom")
    if cls is None:
        return False
    own = set(range(match.start, match.end))
    return any(own & set(range(a, b)) for a, b in parse_phrases(parse, cls.phrases))


def _light_idiom(match: TriggerMatch, parse: Any) -> bool:
    """ "according to the ministry", "must deal with the backlog", "a great deal of money":
    the word of an agreement is a preposition, a verb of handling or a quantity."""
    head = parse[match.head]
    lemma = head.lemma_.lower()
    if lemma in NONAGREE_VERBS and head.pos_ in {"VERB", "AUX"}:
        return True
    return lemma == "deal" and any(
        c.dep_ == "amod" and c.lower_ in QUANTITY_MODIFIERS for c in head.children
    )


def _counted(tok: Any) -> bool:
    """A number on the word or on its object ("3,000 troops", "hundreds of soldiers")."""
    for t in tok.subtree:
        if t.like_num or t.dep_ == "nummod" or t.lower_ in {"hundreds", "thousands", "dozens"}:
            return True
    return False


def _routine_security(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """Patrols, security for an occasion, deployments with no count or destination, and
    mobilisation words with no armed actor ("recruit 200 staff", "deploy the software")."""
    head = parse[match.head]
    keys = token_keys(head)
    if match.end - match.start == 1 and keys & ROUTINE_SECURITY:
        return True  # "police patrols were stepped up", "troops patrolled the streets"
    if not keys & NOTABLE_MOVES:
        return False
    own = set(range(match.start, match.end))
    if not any(_has(parse, lexicon, name, own) for name in ARMED_CLASSES):
        return True
    if not keys & DEPLOY_LEMMAS:
        return False
    if any(token_keys(t) & OCCASION_WORDS for t in parse if t.i not in own):
        return True  # "riot police were deployed for the match"
    destination = any(
        c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS
        for t in (head, *head.children)
        for c in t.children
    )
    return not (destination or _counted(head))


def _names_a_thing(match: TriggerMatch, parse: Any) -> bool:
    """A trigger noun that modifies a unit, a kit or a topic: "riot police", "bomb squad",
    "missile defence", "a missile test", "attack helicopters"."""
    last = parse[match.end - 1]
    if last.pos_ not in {"NOUN", "PROPN"} or parse[match.head].pos_ not in {"NOUN", "PROPN"}:
        return False  # "shot dead two policemen": a verb, whatever "dead" is parsed as
    if last.dep_ not in {"compound", "amod", "nmod"} or last.head.i in range(
        match.start, match.end
    ):
        return False
    head = last.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "missile defence system", "bomb disposal unit"
    return bool(token_keys(head) & THING_HEADS) or bool(token_keys(last.head) & THING_HEADS)


def accidental_blast(parse: Any, lexicon: Lexicon) -> bool:
    """Does the sentence report an accidental explosion (a gas leak, a boiler, a coal mine,
    a tanker, fireworks) with no bomb, attacker or weapon in it?"""
    blast = any(t.lemma_.lower() in {"explode", "explosion", "blast", "blow"} for t in parse)
    if not blast or not _has(parse, lexicon, "accidental_blast"):
        return False
    return not _has(parse, lexicon, "deliberate_blast")


def _disaster_agent(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "a powerful earthquake struck the region", "the storm hit the coast", "floods killed
    40 people", "killed by lightning": the agent is nature or an accident."""
    head = parse[match.head]
    vocab = lexicon.words_of("disaster")
    if head.pos_ == "NOUN" and token_keys(head) & vocab:  # "the storm hit the coast"
        return not any(c.dep_ in {"dobj", "obj"} for c in head.children)  # "storm a post"
    agents = [c for c in head.children if c.dep_ in {"nsubj", "csubj"}]
    agents += [g for c in head.children if c.dep_ == "agent" for g in c.children]
    if head.tag_ == "VBN" or head.lemma_.lower() == "die":
        # "killed in the earthquake", "died in the floods", "injured in the crash"
        agents += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"in", "by", "during", "from", "of"}
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if head.dep_ in {"acl", "relcl"} and head.tag_ in {"VBN", "VBG"}:
        agents.append(head.head)  # "the region struck by the quake", "the flood killing 40"
    if head.dep_ == "advcl" and head.tag_ == "VBG":
        # "the quake struck, killing 300", "a bus plunged into a ravine, killing 25"
        if token_keys(head.head) & MISHAP_VERBS:
            return True
        agents += [c for c in head.head.children if c.dep_ == "nsubj"]
    if head.pos_ == "NOUN":  # "the explosion of Taal Volcano"
        agents += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if _killed_in_a_mishap(head, parse, lexicon):
        return True
    return any(token_keys(a) & vocab for a in agents)


def _killed_in_a_mishap(head: Any, parse: Any, lexicon: Lexicon) -> bool:
    """ "a civilian killed when their plane crashed", "died when the bus plunged into a
    river": a death told by a clause of mishap, with no weapon in the sentence."""
    if not any(c.dep_ == "advcl" and token_keys(c) & MISHAP_VERBS for c in head.children):
        return False
    return not any(_has(parse, lexicon, name) for name in MISHAP_WEAPON_CLASSES)


def _policy_topic(match: TriggerMatch, parse: Any) -> bool:
    """A weapon as the object of testing, building, selling or banning ("tested a missile",
    "test-fired a rocket", "developing chemical weapons")."""
    head = parse[match.head]
    if head.dep_ not in {"dobj", "obj", "nsubjpass", "conj", "pobj"}:
        return False
    verb = head.head
    while verb.dep_ in {"conj", "prep"} and verb.head.i != verb.i and verb.pos_ != "VERB":
        verb = verb.head
    if token_keys(verb) & (POLICY_NOUNS if verb.pos_ == "NOUN" else POLICY_VERBS):
        return True
    # "test-fired a missile": "test - fired"
    return bool(
        verb.i >= 2 and parse[verb.i - 1].text == "-" and parse[verb.i - 2].lower_ == "test"
    )


def _plotted(match: TriggerMatch, parse: Any) -> bool:
    """An act inside a plot, plan or conspiracy ("a plot to bomb the subway", "plotting
    attacks", "conspiracy to murder"): it did not happen."""
    tok = parse[match.head]
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.dep_ in {
        "advcl",
        "xcomp",
    }:
        gov = tok.head  # "foiled a plot to bomb the subway", parsed as a purpose clause
        objects = [c for c in gov.children if c.dep_ in {"dobj", "obj"}]
        if token_keys(gov) & FOIL_VERBS or any(token_keys(o) & PLOT_WORDS for o in objects):
            return True
    for _ in range(4):
        parent = tok.head
        if parent.i == tok.i or tok.dep_ == "conj":
            return False  # "planned and carried out the attack": it was done
        if token_keys(parent) & PLOT_WORDS and tok.dep_ not in {"nsubj", "nsubjpass"}:
            return not _dated_in_a_year(parent)  # "helping to plan the bombing in 2015": done
        tok = parent
    return False


def _dated_in_a_year(tok: Any) -> bool:
    """A year on the plan or its act ("to plan the bombing … in October 2015"): a trial
    story's plan of an act that was carried out."""
    return any(
        g.like_num and len(g.text) == 4 and g.text[:2] in {"19", "20"}
        for c in tok.children
        if c.dep_ in {"prep", "dobj"}
        for g in c.subtree
    )


def _foiled_without_seizure(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "police foiled a plot": a disrupted weapons use only when weapons were seized,
    found or defused (ACLED); otherwise no event."""
    if match.entry.head is None or match.entry.head not in FOIL_VERBS:
        return False
    own = set(range(match.start, match.end))
    found = _has(parse, lexicon, "discovery", own) or any(
        t.lemma_.lower() in {"defuse", "dismantle"} for t in parse
    )
    return not found


def _negated_harm(match: TriggerMatch, parse: Any) -> bool:
    """ "nobody was hurt", "no one was injured", "no casualties were reported", "were not
    harmed", "without casualties": harm that did not happen."""
    head = parse[match.head]
    near = [head, *(c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
    for tok in near:
        if tok.lower_ in NEGATIVE_WORDS or any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.lower_ == "no" and c.dep_ in {"det", "neg"} for c in tok.children):
            return True  # "no casualties", "no one" ("one" with "no")
    if head.dep_ == "pobj" and head.head.lower_ == "without":
        return True
    # "there were no reports of casualties"
    up = head.head if head.dep_ == "pobj" else None
    return up is not None and any(c.lower_ == "no" for c in up.head.children)


def _self_harm(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "he killed himself", "shot herself": a suicide, not an attack (unless a suicide
    bombing: "blew himself up" is its own trigger)."""
    head = parse[match.head]
    if not any(c.dep_ in {"dobj", "obj"} and c.lower_ in REFLEXIVE_OBJECTS for c in head.children):
        return False
    return not _has(parse, lexicon, "weapon_suicide") and not _has(parse, lexicon, "ied_specific")


def _reference(match: TriggerMatch, parse: Any) -> bool:
    """A participle that describes a person or thing ("the assassinated former prime
    minister", "abused victims", "a shot man"): the act is referred to, not reported."""
    head = parse[match.head]
    return match.end - match.start == 1 and head.tag_ == "VBN" and head.dep_ == "amod"


def _figure_of_weapon(match: TriggerMatch, parse: Any) -> bool:
    """ "a howitzer of a penalty", "a rocket of a shot": a weapon as a figure of speech for
    a sporting act ("the shelling of a school" is the real thing)."""
    head = parse[match.head]
    if head.pos_ != "NOUN":
        return False
    return any(
        token_keys(g) & SPORT_ACTS and any(d.lower_ in {"a", "an"} for d in g.children)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _shot_into_the_lead(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "Henry shot the Gunners into the lead", "fired his side into the final": a result in
    a contest, not a shooting."""
    head = parse[match.head]
    goals = lexicon.words_of("competition") | CONTEST_GOALS
    return any(
        c.dep_ == "prep" and c.lower_ in {"into", "to"} and token_keys(g) & goals
        for c in head.children
        for g in c.children
        if g.dep_ == "pobj"
    )


def _animal_victim(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "hunts killed 91 foxes", "animals hit but not killed": hunting and culls, with no
    armed actor in the sentence."""
    head = parse[match.head]
    victims = [c for c in head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if head.dep_ in {"acl", "amod"}:
        victims.append(head.head)  # "animals hit but not killed"
    victims += [  # "a total of 91 foxes"
        o for v in victims for p in v.children if p.lower_ == "of" for o in p.children
    ]
    victims += [  # "four were killed by hounds": the hunt's animals
        o for c in head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    ]
    if not any(token_keys(v) & WILD_ANIMALS for v in victims):
        return False
    return not any(_has(parse, lexicon, name) for name in ("armed", "nonstate"))


def _figurative_frame(match: TriggerMatch, parse: Any, frame: str, lexicon: Lexicon) -> bool:
    """Frames of a violent word that make it figurative: "the deal struck at the summit"
    (a participle on an abstract noun), "the Scottish Cup clash" (a fixture), "MPs
    bombarded the minister with requests" (no weapon), "the row demonstrated the divide"
    (to show, not to protest)."""
    head = parse[match.head]
    abstract = lexicon.words_of("abstract_patient")
    if frame == "attack" and head.dep_ in {"acl", "relcl"} and token_keys(head.head) & abstract:
        return True
    if frame in {"clash", "mob"} and head.lemma_.lower() == "clash" and head.i > 0:
        sport = lexicon.words_of("sport") | lexicon.words_of("competition")
        if token_keys(parse[head.i - 1]) & sport:
            return True  # "the Scottish Cup clash", "a league clash" (parsed as a noun or not)
    if frame == "shell" and head.pos_ == "VERB":
        weapons = lexicon.words_of("weapon_shell") | lexicon.words_of("weapon_air")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"):
            nouns = [g for g in prep.subtree if g.pos_ == "NOUN"]
            if nouns and not token_keys(nouns[-1]) & weapons:
                return True  # "with a barrage of requests": the last noun says what
    if head.pos_ == "NOUN" and token_keys(head) & VOLLEY_WORDS:
        weapons = frozenset().union(
            *(lexicon.words_of(n) for n in ("weapon_shell", "weapon_air", "weapon_smallarms"))
        )
        objects = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if objects and not any(
            token_keys(o) & (weapons | lexicon.words_of("lethal")) for o in objects
        ):
            return True  # "a barrage of requests", "an onslaught of adverts"
    if frame in {"protest", "riot"} and head.pos_ == "VERB" and token_keys(head) & SHOW_VERBS:
        return any(c.dep_ in {"dobj", "obj", "ccomp"} for c in head.children)
    return False


def equipment_tokens(parse: Any) -> set[int]:
    """Indices of the weapon words that only say how attackers were equipped ("armed with
    rifles and grenades"): they name no act, so they do not type the act either."""
    out: set[int] = set()
    for tok in parse:
        if tok.dep_ not in ("pobj", "dobj"):
            continue  # neither test below can hold
        gov = tok.head
        with_arms = (
            tok.dep_ == "pobj"
            and gov.lower_ == "with"
            and (gov.head.lower_ in EQUIPPED_VERBS or gov.head.lemma_.lower() in EQUIPPED_VERBS)
        )
        carried = (
            tok.dep_ == "dobj"
            and gov.lemma_.lower() in EQUIPPED_VERBS
            and gov.dep_ in {"acl", "amod", "relcl"}
        )
        if with_arms or carried:
            out.update(t.i for t in tok.subtree)
    return out


def _carried(match: TriggerMatch, parse: Any) -> bool:
    """ "Militants armed with rifles and grenades stormed…", "gunmen carrying grenades":
    a weapon noun that describes how the attackers were equipped (the object of "armed
    with" or of a participle "carrying") names no use of it."""
    tok = parse[match.head]
    if tok.pos_ not in {"NOUN", "PROPN"} or match.end - match.start > 1:
        return False  # "grenades attacked" is one phrase naming a grenade attack
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "rifles and grenades"
        tok = tok.head
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "with":
        return gov.head.lower_ in EQUIPPED_VERBS or gov.head.lemma_.lower() in EQUIPPED_VERBS
    return (
        tok.dep_ == "dobj"
        and gov.lemma_.lower() in EQUIPPED_VERBS
        and gov.dep_ in {"acl", "amod", "relcl"}  # a participle describing the attackers
    )


def non_event(match: TriggerMatch, parse: Any, frame: str, lexicon: Lexicon) -> str | None:
    """Why a trigger match names no event (a short reason), or None when it may be one."""
    if _in_idiom(match, parse, lexicon):
        return "idiom"
    if frame in {"agree", "ceasefire"} and _light_idiom(match, parse):
        return "light-verb idiom"
    if frame == "mobilize" and _routine_security(match, parse, lexicon):
        return "routine security"
    if frame in VIOLENT and _names_a_thing(match, parse):
        return "names a unit or a thing"
    if frame in WEAPON_FRAMES | HARM_SIDE | {"destroy"} and accidental_blast(parse, lexicon):
        return "accidental explosion"
    if frame in VIOLENT and _disaster_agent(match, parse, lexicon):
        return "disaster"
    if frame in WEAPON_FRAMES and _policy_topic(match, parse):
        return "weapon as a policy topic"
    if frame in {"grenade", "explode", "shell"} and _carried(match, parse):
        return "weapon carried, not used"
    if frame in VIOLENT | COERCIVE and (reason := spoken_about(match, parse)):
        return reason  # "sanctions over the attack", "calling the president a murderer"
    if frame in VIOLENT and _plotted(match, parse):
        return "plotted, not done"
    if frame == "disrupt" and _foiled_without_seizure(match, parse, lexicon):
        return "foiled with no weapon seized"
    if frame in HARM_SIDE and _negated_harm(match, parse):
        return "negated harm"
    if frame in {"kill", "shoot", "attack"} and _self_harm(match, parse, lexicon):
        return "suicide"
    if frame in {"kill", "shoot", "attack", "beat"} and _reference(match, parse):
        return "participle reference"
    if frame in {"kill", "harm", "shoot", "attack", "beat"} and _animal_victim(
        match, parse, lexicon
    ):
        return "animal victims"
    if _figurative_frame(match, parse, frame, lexicon):
        return "figurative frame"
    if frame == "shoot" and _shot_into_the_lead(match, parse, lexicon):
        return "sporting result"
    if frame in {"shell", "air", "grenade"} and _figure_of_weapon(match, parse):
        return "figure of speech"
    return nonevent_kind(match, parse, frame, lexicon)  # periods, crowd control, …
