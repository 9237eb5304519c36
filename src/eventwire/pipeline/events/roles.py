"""Who did it to whom: agent and patient of a trigger from the dependency parse.

Verbal triggers: agent = subject, or the "by" phrase of a passive; patient = object,
passive subject, or the object of "against/on/at/upon/targeting". Subjects are
inherited through coordination ("shot and killed"), open complements and adverbial
clauses; relative and reduced relative clauses take their head noun ("civilians killed
by gunmen"). Nominal triggers: "by X", possessives and actor-like modifiers are the
agent ("Saudi-led coalition airstrikes"), "on/against X" and "of X" the patient,
"clashes between X and Y" both; the subject of a light verb ("launched an attack") is
the agent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.common.cues import load_cues
from eventwire.pipeline.events.triggers import Lexicon, token_keys

PATIENT_PREPS: frozenset[str] = words("lexicon", "patient_preps")
AGENT_DEPS = frozenset({"nsubj", "csubj"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "case", "predet", "npadvmod"}
)
_RELATIVE_PRONOUNS: frozenset[str] = words("lexicon", "relative_pronouns")
MAX_ACTOR_TOKENS = 12
# "An army spokesman said [gunmen killed …]": the speaker is not the agent of what is said
_REPORTING: frozenset[str] = frozenset(
    lemma for lemma, category in load_cues().verbs.items() if category != "claim"
) - words("actors", "admission_verbs")


@dataclass(slots=True)
class Roles:
    """Token indices (in the sentence parse) of the role heads."""

    agent: int | None = None
    patient: int | None = None
    agent_conj: list[int] = field(default_factory=list)  # coordinated agents ("police and army")
    # who was hurt when the patient is missing or a thing ("attacked a bus, killing four
    # civilians"): actor2 of the event, but not a cue for its type
    victim: int | None = None


_FIRE_OBJECTS: frozenset[str] = words("lexicon", "fire_objects")
_TIME_WORDS: frozenset[str] = words("lexicon", "time_words")


def is_participant(tok: Any | None) -> bool:
    """False for dates, times and amounts ("on 8 May", "at night"), which are not actors."""
    if tok is None:
        return False
    if tok.ent_type_ in {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}:
        return False
    return tok.lemma_.lower() not in _TIME_WORDS


def _children(tok: Any, *deps: str) -> Iterator[Any]:
    return (c for c in tok.children if c.dep_ in deps)


def _first(tok: Any, *deps: str) -> Any | None:
    return next(_children(tok, *deps), None)


def _pobj(prep: Any) -> Any | None:
    return _first(prep, "pobj", "pcomp")


# verbs that take no object: "youths clashed with residents" is never a passive
INTRANSITIVE: frozenset[str] = words("lexicon", "intransitive")


def _active_participle(tok: Any) -> bool:
    """A participle hung on the note's head noun with its own object and no "by" phrase:
    "an armed group killed 12 people" (no main verb parsed) is the group's act."""
    return (
        tok.dep_ == "acl"
        and tok.head.dep_ == "ROOT"
        and tok.head.pos_ in NOUN_POS
        and any(c.dep_ in {"dobj", "obj"} for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def is_passive(tok: Any) -> bool:
    if tok.lemma_.lower() in INTRANSITIVE and not any(c.dep_ == "agent" for c in tok.children):
        return False
    if _active_participle(tok):
        return False
    return any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod"}
    )


def noun_span(tok: Any) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``tok`` (no clauses, no conj)."""
    keep = {tok.i}

    def left(t: Any) -> None:
        for c in t.lefts:
            if c.dep_ in _LEFT_DEPS or (c.dep_ == "punct" and c.text in "-'"):
                keep.update(x.i for x in c.subtree)

    left(tok)
    for c in tok.rights:
        if c.dep_ in {"compound", "flat", "nummod"}:
            keep.add(c.i)
        elif c.dep_ == "prep" and c.lower_ == "of":
            obj = _pobj(c)
            if obj is not None:
                keep.add(c.i)
                keep.add(obj.i)
                left(obj)
                for cc in obj.rights:
                    if cc.dep_ in {"compound", "flat"}:
                        keep.add(cc.i)
        elif c.dep_ == "appos" and c.pos_ == "PROPN":
            keep.update(x.i for x in c.subtree if x.dep_ not in {"relcl", "acl"})
    start, end = min(keep), max(keep) + 1
    while end - start > MAX_ACTOR_TOKENS:
        start += 1 if start < tok.i else 0
        end -= 1 if end > tok.i + 1 else 0
        if start == tok.i and end == tok.i + 1:
            break
    doc = tok.doc
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in {"case", "cc"}):
        start += 1
    while end - 1 > tok.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _subject(verb: Any) -> tuple[Any | None, bool]:
    """The agent of a verb: (token, from_passive_by_phrase)."""
    if is_passive(verb):
        agent = _first(verb, "agent")
        if agent is not None:
            obj = _pobj(agent)
            if obj is not None:
                return obj, True
        for conj in _children(verb, "conj"):  # "is shot and killed by gunmen": one by-agent
            agent = _first(conj, "agent") if conj.tag_ == "VBN" else None
            obj = _pobj(agent) if agent is not None else None
            if obj is not None:
                return obj, True
        return None, True
    subj = _first(verb, *AGENT_DEPS)
    if subj is None and verb.dep_ in {"acl", "amod"} and verb.lemma_.lower() in INTRANSITIVE:
        subj = verb.head  # "a group of youths clashed with …" parsed as a reduced relative
    elif subj is None and _active_participle(verb):
        subj = verb.head
    return subj, False


def _resolve_relative(tok: Any | None, verb: Any) -> Any | None:
    """A relative pronoun subject ("who") stands for the noun the clause modifies."""
    if tok is not None and tok.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return tok


def _inherit_subject(verb: Any, depth: int = 0) -> Any | None:
    """Follow conj/xcomp/advcl/relcl links upwards to find an agent for a bare verb."""
    if depth > 4:
        return None
    if verb.dep_ == "relcl" and not is_passive(verb):
        return verb.head
    if verb.dep_ in {"ccomp", "parataxis"} and verb.head.lemma_.lower() in _REPORTING:
        return None
    if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ in {"VERB", "AUX"}:
            subj, _ = _subject(head)
            subj = _resolve_relative(subj, head)
            return subj if subj is not None else _inherit_subject(head, depth + 1)
    return None


# verbs whose "with" phrase names the other side ("police fought with vendors")
RECIPROCAL: frozenset[str] = words("lexicon", "reciprocal")


_FIRING_VERBS: frozenset[str] = words("actors", "firing_verbs")


def _target_of_fire(verb: Any, obj: Any) -> Any | None:
    """ "opened fire on two children", "fired mortars at the positions of X": the target."""
    for prep in [*_children(obj, "prep"), *_children(verb, "prep")]:
        target = _pobj(prep) if prep.lower_ in PATIENT_PREPS else None
        if is_participant(target):
            return target
    return None


def _patient_of_verb(verb: Any, lexicon: Lexicon | None = None) -> Any | None:
    if is_passive(verb):
        subj = _first(verb, "nsubjpass")
        if subj is not None:
            return _resolve_relative(subj, verb)
        if verb.dep_ in {"acl", "amod"} and verb.head.pos_ in NOUN_POS:
            return verb.head
        if verb.dep_ == "relcl":
            return verb.head
    obj = _first(verb, "dobj", "obj")
    fired = (
        obj is not None
        and lexicon is not None
        and verb.lemma_.lower() in _FIRING_VERBS
        and _is_weapon(obj, lexicon)
    )
    if obj is not None and (obj.lemma_.lower() in _FIRE_OBJECTS or fired):
        # "opened fire on two children", "fired mortars at the convoy": the weapon is no target
        return _target_of_fire(verb, obj)
    if obj is not None:
        return _resolve_relative(obj, verb)
    for prep in _children(verb, "prep", "dative"):
        if prep.lower_ in PATIENT_PREPS or (
            prep.lower_ == "with" and verb.lemma_.lower() in RECIPROCAL
        ):
            obj = _pobj(prep)
            if is_participant(obj):
                return obj
    for clause in _children(verb, "advcl", "xcomp", "acl"):
        if clause.lemma_ == "target":
            obj = _first(clause, "dobj")
            if obj is not None:
                return obj
    return None


def _is_actorish(tok: Any, lexicon: Lexicon) -> bool:
    keys = token_keys(tok)
    if tok.pos_ == "PROPN" or tok.ent_type_ in {"NORP", "ORG", "GPE", "PERSON"}:
        return True
    return bool(
        keys
        & (
            lexicon.words_of("armed")
            | lexicon.words_of("state")
            | lexicon.words_of("nonstate")
            | lexicon.words_of("unarmed_collective")
            | lexicon.words_of("protesters")
        )
    )


_WEAPON_CLASSES = ("weapon_air", "weapon_shell", "weapon_ied", "weapon_grenade", "weapon_suicide")


def _is_weapon(tok: Any, lexicon: Lexicon) -> bool:
    keys = token_keys(tok)
    return any(keys & lexicon.words_of(cls) for cls in _WEAPON_CLASSES)


def _is_weapon_or_event(tok: Any, lexicon: Lexicon) -> bool:
    if _is_weapon(tok, lexicon):
        return True
    return bool(token_keys(tok) & set(lexicon.by_word)) and not _is_actorish(tok, lexicon)


def _nominal_modifier_agent(noun: Any, lexicon: Lexicon) -> Any | None:
    """ "Saudi-led coalition airstrikes", "Taliban attack": an actor-like left modifier."""
    poss = _first(noun, "poss")
    if poss is not None and poss.lower_ not in {"its", "their", "his", "her"}:
        return poss
    mods = [c for c in noun.lefts if c.dep_ in {"compound", "amod", "nmod"}]
    if noun.dep_ == "compound" and noun.i > 0 and noun.head.pos_ == "PROPN":
        mods += [m for m in [noun.doc[noun.i - 1]] if m.head == noun.head]  # "SAF bomb Kaiog"
    for mod in reversed(mods):
        if _is_actorish(mod, lexicon) and not _is_weapon_or_event(mod, lexicon):
            return mod
    return None


def _partner_patient(tok: Any, patient: Any | None, lexicon: Lexicon) -> Any | None:
    """The patient of a verb with none (or only a thing) from a coordinated verb."""
    if patient is None:
        for partner in [*_children(tok, "conj"), tok.head if tok.dep_ == "conj" else None]:
            if partner is not None and partner.pos_ == "VERB":
                patient = _patient_of_verb(partner, lexicon)
                if patient is not None:
                    break
    elif _is_thing(patient, lexicon):
        # a shared object: "shot and injured a civilian", "fired on a car and killed the
        # driver" (a later conjunct only: "set up a checkpoint and attacked cars" is not)
        for partner in _children(tok, "conj"):
            joined = partner.pos_ == "VERB" and partner.doc[partner.i - 1].dep_ == "cc"
            other = _patient_of_verb(partner, lexicon) if joined else None
            if other is not None and not _is_thing(other, lexicon):
                return other
    return patient


def find_roles(parse: Any, head_index: int, lexicon: Lexicon) -> Roles:
    """Return the agent and patient heads of the trigger whose head token is ``head_index``."""
    tok = parse[head_index]
    roles = Roles()
    light = lexicon.words_of("light_verbs")
    agent: Any | None = None
    patient: Any | None = None
    if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
        agent, _ = _subject(tok)
        agent = _resolve_relative(agent, tok)
        if agent is None and not is_passive(tok):
            agent = _inherit_subject(tok)
        elif agent is None and tok.dep_ == "conj":
            agent = _inherit_agent_passive(tok)
        patient = _partner_patient(tok, _patient_of_verb(tok, lexicon), lexicon)
        if agent is not None and patient is None and _headline_toll(tok):
            agent, patient = None, agent  # "Nine civilians killed, seven injured."
        if agent is not None and _is_weapon_or_event(agent, lexicon):
            weapon = agent
            agent = _nominal_modifier_agent(weapon, lexicon) or _by_phrase(weapon)
    else:
        agent = _by_phrase(tok) or _nominal_modifier_agent(tok, lexicon)
        for prep in _children(tok, "prep"):
            obj = _pobj(prep)
            if not is_participant(obj):
                continue
            if prep.lower_ == "between":
                agent = agent or obj
                other = _first(obj, "conj")
                patient = patient or other
            elif (
                (prep.lower_ == "with" and tok.lemma_.lower() in {"clash", "fighting", "battle"})
                or prep.lower_ in PATIENT_PREPS
                or (prep.lower_ == "of" and patient is None)
            ):
                patient = patient or obj
        head = tok.head
        if agent is None and tok.dep_ in {"dobj", "obj", "attr"} and token_keys(head) & light:
            agent, _ = _subject(head)
            agent = _resolve_relative(agent, head) or _inherit_subject(head)
        elif _common_modifier(agent, tok) and tok.dep_ in {"dobj", "obj"}:
            # "Turkish forces brought military reinforcements": the adjective describes the
            # thing; the subject of the verb is the actor
            subjects = [c for c in head.lefts if c.dep_ in AGENT_DEPS]
            subject = subjects[-1] if subjects else None
            if subject is not None and _is_actorish(subject, lexicon):
                agent = subject
        if tok.dep_ in {"nsubj"} and head.pos_ == "VERB" and patient is None:
            patient = _first(head, "dobj")
        firing = head.lemma_.lower() in _FIRING_VERBS or token_keys(head) & light
        if tok.dep_ in {"dobj", "obj"} and firing:  # "fired mortars at", "opened gunfire on"
            patient = patient or _target_of_fire(head, tok)
        if token_keys(tok) & lexicon.words_of("protesters") and agent is None:
            agent = tok
        # a verb mis-tagged as a noun ("separatists shot and killed a teacher", "an officer
        # armed with a rifle shot and injured a civilian"): its subject and its partner's object
        agent = agent or _first(tok, "nsubj")
        if patient is None and any(c.lower_ == "and" for c in _children(tok, "cc")):
            partner = next((c for c in _children(tok, "conj") if c.pos_ == "VERB"), None)
            patient = _patient_of_verb(partner, lexicon) if partner is not None else None
    if patient is not None and patient.lower_ in _REFLEXIVE:
        patient = None  # "blew himself up": the attacker himself, never a second party
    victim = _victims(tok) if patient is None or _is_thing(patient, lexicon) else None
    if victim is None and patient is not None and _is_thing(patient, lexicon):
        victim = _carried(patient, lexicon)
    if victim is not None and (agent is None or victim.i != agent.i):
        roles.victim = victim.i
    if not is_participant(agent):
        agent = None
    if not is_participant(patient):
        patient = None
    if agent is not None:
        roles.agent = agent.i
        roles.agent_conj = [c.i for c in _children(agent, "conj") if c.pos_ in NOUN_POS][:3]
    if patient is not None and (agent is None or patient.i != agent.i):
        roles.patient = patient.i
    return roles


_CONSEQUENCE_VERBS: frozenset[str] = words("actors", "consequence_verbs")
_THING_NOUNS: frozenset[str] = words("actors", "thing_nouns")
_PLACE_NOUNS: frozenset[str] = words("actors", "place_nouns")
_NOT_ACTORS: frozenset[str] = words("actors", "not_actors")
_BATTLE_NOUNS: frozenset[str] = words("actors", "battle_nouns")
_PRONOMINAL: frozenset[str] = words("actors", "pronominal_nouns")


def _is_thing(tok: Any, lexicon: Lexicon) -> bool:
    """A place, or a vehicle or building with no actor-like modifier ("a bus", not "a
    police bus")."""
    if tok.lemma_.lower() in _PLACE_NOUNS or tok.lower_ in _PLACE_NOUNS:
        return True
    if _is_weapon(tok, lexicon) or tok.lemma_.lower() in _NOT_ACTORS:
        return True  # "detonated a car bomb, killing 12 people": the bomb is no target
    if tok.lemma_.lower() not in _THING_NOUNS and tok.lower_ not in _THING_NOUNS:
        return False
    mods = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    owners = [_pobj(p) for p in _children(tok, "prep") if p.lower_ == "of"]  # "a vehicle of X"
    mods += [o for o in owners if o is not None]
    return not any(_is_actorish(m, lexicon) for m in mods)


_CARRY_VERBS: frozenset[str] = words("actors", "carry_verbs")
_REFLEXIVE: frozenset[str] = words("lexicon", "reflexive_objects")


def _carried(thing: Any, lexicon: Lexicon) -> Any | None:
    """ "attacked two vehicles carrying military troops": who the vehicle carried."""
    for clause in _children(thing, "acl", "relcl"):
        if clause.lemma_.lower() in _CARRY_VERBS:
            obj = _first(clause, "dobj")
            if obj is not None and _is_actorish(obj, lexicon):
                return obj
    return None


def _headline_toll(verb: Any) -> bool:
    """A toll without its auxiliary ("Nine civilians killed", "3 killed"): a verb of harm in
    the past with a subject and nothing done to anyone; the subject is the victim."""
    if verb.lemma_.lower() not in _CONSEQUENCE_VERBS or verb.tag_ not in {"VBN", "VBD"}:
        return False
    for c in verb.children:
        toll = c.dep_ in {"ccomp", "parataxis"} and c.lemma_.lower() in _CONSEQUENCE_VERBS
        if c.dep_ in {"dobj", "obj", "aux", "ccomp", "xcomp", "prt"} and not toll:
            return False
    if verb.lemma_.lower() == "claim":
        return False
    chained = verb.dep_ in {"ccomp", "parataxis"} and verb.head.lemma_.lower() in _CONSEQUENCE_VERBS
    return verb.dep_ in {"ROOT", "conj"} or chained  # "Nine killed, seven injured"


def _named_victim(tok: Any) -> bool:
    """A noun phrase that names victims, not a pronoun ("9 of them", "others")."""
    if tok.pos_ not in {"NOUN", "PROPN", "NUM"} or tok.lower_ in _RELATIVE_PRONOUNS:
        return False
    if tok.lower_ in _PRONOMINAL:
        return False  # "injuring 3 others"
    return not any(
        c.dep_ == "prep" and any(o.pos_ == "PRON" for o in c.children) for c in tok.children
    )


def _victims(tok: Any) -> Any | None:
    """Who was hurt, when the trigger's own patient is missing or a thing: the object of a
    consequence clause ("…, killing four civilians"), the subject of a passive toll
    ("… and three soldiers were killed", "three soldiers were killed in the blast")."""
    verb = tok
    if tok.pos_ not in {"VERB", "AUX"}:
        node = tok.head
        while node.dep_ == "prep" and node.head is not node:
            node = node.head  # "killed in the blast": the preposition's verb
        passive_toll = node.lemma_.lower() in _CONSEQUENCE_VERBS and is_passive(node)
        if node.pos_ == "VERB" and passive_toll:
            # "civilians were killed in the fighting" are no party to a battle (ACLED)
            battle = tok.lemma_.lower() in _BATTLE_NOUNS or tok.lower_ in _BATTLE_NOUNS
            return None if battle else _first(node, "nsubjpass")
        verb = node if node.pos_ == "VERB" else tok
    clauses = list(_children(verb, "advcl", "xcomp", "conj", "acl"))
    clauses += [c for cl in clauses if cl.dep_ != "conj" for c in _children(cl, "conj")]
    for clause in clauses:
        if clause.lemma_.lower() not in _CONSEQUENCE_VERBS:
            continue
        if clause.dep_ == "conj" and clause.head.i == verb.i and not is_passive(clause):
            continue  # "burned houses and killed five residents": an act of its own
        if is_passive(clause):
            victim = _first(clause, "nsubjpass")
        else:  # "killing four civilians", "killing between 12 and 15 people"
            between = next((p for p in _children(clause, "prep") if p.lower_ == "between"), None)
            victim = _first(clause, "dobj") or (_pobj(between) if between is not None else None)
        if victim is not None and is_participant(victim) and _named_victim(victim):
            return victim
    return None


def _common_modifier(agent: Any | None, noun: Any) -> bool:
    """A lower-case, non-name adjective or compound of the trigger noun ("military")."""
    return (
        agent is not None
        and agent.head.i == noun.i
        and agent.dep_ in {"amod", "compound"}
        and agent.pos_ != "PROPN"
        and not agent.ent_type_
        and agent.text.islower()
    )


def _by_phrase(tok: Any) -> Any | None:
    for prep in _children(tok, "prep", "agent"):
        if prep.lower_ == "by":
            obj = _pobj(prep)
            if obj is not None and obj.pos_ in NOUN_POS:
                return obj
    return None


def _inherit_agent_passive(verb: Any) -> Any | None:
    """ "Sunnis are picked up and killed by militias": a conjoined passive shares the by-agent."""
    head = verb.head
    if head.pos_ == "VERB":
        subj, _ = _subject(head)
        return subj
    return None
