"""Whether a violent or protest trigger reports an act: the context checks of the coder.

``accept_violent`` keeps a violent trigger that reports an act (not a reference, an
accident or another sense of the word); ``accept_protest`` keeps an ambiguous protest word
("march", "rally") staged by people or in protest context. Moved out of stage.py.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.aftermath import HARM_NEXT, act_on_people
from eventwire.pipeline.events.blows import armed_blow, blow_to_person
from eventwire.pipeline.events.counted import counted_harm
from eventwire.pipeline.events.finds import marching_amount, noun_with_subject
from eventwire.pipeline.events.headlines import HEADLINE_ACT
from eventwire.pipeline.events.notes import heads_note, short_note_scene
from eventwire.pipeline.events.occurrence import clashes_occurred, hijacking, people_taken
from eventwire.pipeline.events.parties import NAMED_COMMUNAL
from eventwire.pipeline.events.persons import people_head, person_noun, person_object
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import is_participant
from eventwire.pipeline.events.rules import (
    fallback_frame,
    physical_target,
    thing_patient,
)
from eventwire.pipeline.events.toll_updates import dated_toll_update
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

HARM_FRAMES = frozenset({"kill", "harm", "beat", "body"})
PHYSICAL: frozenset[str] = words("lexicon", "physical")
PROTEST_LIGHT_VERBS: frozenset[str] = words("lexicon", "protest_light_verbs")
REPORTED_PROTEST_NOUNS: frozenset[str] = words("lexicon", "reported_protest_nouns")
PROTEST_OCCURRENCE_VERBS: frozenset[str] = words("lexicon", "protest_occurrence_verbs")


def accept_violent(
    match: TriggerMatch, parse: Any, ctx: set[str], strong: bool, in_domain: bool, lexicon: Lexicon
) -> str | None:
    """``_accept`` for a violent frame: a report of an act, not a reference, an accident
    or another sense; ``strong`` cues (weapons, armed groups) settle ambiguous words; in
    a short note ("short_note" in ctx) a named place or party does (issue 16)."""
    entry = match.entry
    frame = entry.frame
    if "accident" in ctx and not strong and frame in {"kill", "harm"}:
        return None
    head = parse[match.head]
    if frame in HARM_FRAMES and head.dep_ in {"amod", "compound"} and not _counted(head, ctx):
        return None  # "murdered fashion designer", "murder trial": a reference, not a report
    if (
        frame in HARM_FRAMES | {"abduct"}
        and not strong
        and thing_patient(match, parse, lexicon)
        and not (not entry.ambiguous and person_object(match, parse))  # "kill a watchman"
    ):
        return None  # "killed crops", "executed warrants", "picked up a knock"
    if match.entry.head == "pick" and not physical_target(match, parse, lexicon):
        return None
    if hijacking(match, parse) and not (strong and people_taken(match, parse, lexicon)):
        return None  # "hijacked a bus" (the means of another act), "hijacked the debate"
    if entry.ambiguous and not in_domain and armed_blow(match, parse, ctx, lexicon):
        return frame  # "attacked with stones by crowds" (blows.py)
    if match.child is not None and parse[match.child].dep_ == "prep":
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in entry.children]
        objs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        if not any(is_participant(o) for o in objs):
            return None  # "she was fired on 1 November"
    if frame == "mob" and match.child is not None:
        return frame if _crowd_subject(head, parse, lexicon) else None  # "youths disrupted a rally"
    if entry.ambiguous and frame == "beat" and not strong:
        return frame if physical_target(match, parse, lexicon) else None
    if entry.ambiguous:
        ok = ("conflict" in ctx or strong) and (strong or not in_domain)
        if parse[match.head].lemma_.lower() == "clash" and not in_domain:
            ok |= bool(ctx & {"unarmed_collective", "protesters", "weapon_melee", "communal"})
            ok |= NAMED_COMMUNAL in ctx  # "clashes between Kikuyu and Maasai"
        if frame == "clash" and not in_domain and ctx & {"communal", NAMED_COMMUNAL}:
            ok |= _fought_each_other(head)  # "ethnic groups fight over cattle"
        if not ok and not in_domain and parse[match.head].lemma_.lower() in PHYSICAL:
            ok = physical_target(match, parse, lexicon)
        ok = ok or short_note_scene(match, parse, ctx)  # "Fighting in Malakal."
        ok = ok or (frame == "clash" and not in_domain and clashes_occurred(head))
        # a short note naming communities: "Turkana carry out revenge attack against Merille"
        ok = ok or (frame == "attack" and {"short_note", NAMED_COMMUNAL} <= ctx and _headline(head))
        # "NDC attack journalists": a headline's verb the parse read as a noun
        ok = ok or (frame == "attack" and "short_note" in ctx and headline_verb(head, parse))
        ok = ok or HEADLINE_ACT in ctx  # "Raiders attack shops" (headlines.py)
        # "60 injured.", "21 dead in an ethnic clash." (counted.py)
        ok = ok or (frame == "harm" and _counted(head, ctx))
        # "the death toll from Friday's attack on Titao has risen to 58" (toll_updates.py)
        ok = ok or (frame == "attack" and not in_domain and dated_toll_update(head))
        # "several people hit a doctor", "he was hit by a bullet" (blows.py)
        ok = ok or (not in_domain and blow_to_person(match, parse, ctx, lexicon))
        # "… attacked their president. She was injured." (aftermath.py)
        ok = ok or (HARM_NEXT in ctx and not in_domain and act_on_people(match, parse, lexicon))
        if not ok:
            return None if in_domain else fallback_frame(entry, match, parse)
    elif in_domain and not strong and frame in {"shoot", "kill", "harm", "attack", "clash"}:
        return None
    return frame


def _counted(head: Any, ctx: set[str]) -> bool:
    """A short note's count of people harmed ("60 injured.", "21 dead in …"): counted.py."""
    return "short_note" in ctx and not ctx & {"accident", "disaster"} and counted_harm(head)


def accept_protest(
    match: TriggerMatch, parse: Any, ctx: set[str], in_domain: bool, lexicon: Lexicon
) -> str | None:
    """``_accept`` for an ambiguous protest word ("march", "rally"): it needs protest
    context, a staging verb ("held a rally") or people as its subject."""
    frame = match.entry.frame
    if in_domain and not {"protest_context", "protesters"} & ctx:
        return None
    head = parse[match.head]
    staged = head.head.lemma_.lower() in PROTEST_LIGHT_VERBS and head.dep_ in {
        "dobj",
        "nsubjpass",
        "pobj",
    }
    staged = staged or _reported_protest(head, ctx)
    if head.pos_ == "VERB" or noun_with_subject(head):  # "Hundreds march in X"
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        people = phrase_classes(parse, subj.i, lexicon) if subj is not None else set()
        staged = staged or bool(people & {"civilian", "unarmed_collective", "protesters"})
        staged = staged or _people_marched(head, subj, parse, lexicon)
    return frame if "protest_context" in ctx or staged else None


def _people_marched(head: Any, subj: Any, parse: Any, lexicon: Lexicon) -> bool:
    """People named by an amount or a title march or demonstrate, with no object ("thousands
    of women marched for peace", "a number of party members demonstrated"; not "members
    demonstrated the new system"): persons.py."""
    if subj is None or any(c.dep_ in {"dobj", "obj"} for c in head.children):
        return False
    who = people_head(parse, subj)
    if marching_amount(subj):
        return True
    if who is subj and not person_noun(subj):
        return False
    people = phrase_classes(parse, who.i, lexicon)
    return person_noun(who) or bool(people & {"civilian", "unarmed_collective", "protesters"})


def _reported_protest(head: Any, ctx: set[str]) -> bool:
    """A protest noun a note reports as having happened: "there were demonstrations in X",
    "took part in a demonstration", "Anti-war demonstrations in Juba." (a short note's head)."""
    if head.lemma_.lower() not in REPORTED_PROTEST_NOUNS or any(
        c.lower_ == "of" for c in head.children
    ):
        return False  # "a demonstration of the new phone"
    governor = head.head
    if head.dep_ == "attr" and governor.lemma_ == "be":
        return any(c.dep_ == "expl" for c in governor.children)  # "there were protests"
    if head.dep_ == "pobj" and governor.head.lemma_.lower() in {"part", "participate"}:
        return True  # "took part in a demonstration", "participated in a march"
    if head.dep_ == "pobj" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in governor.head.children
    ):
        return True  # "took part in a demonstration" where "in" hangs on "took"
    if head.dep_ == "nsubj" and governor.lemma_.lower() in PROTEST_OCCURRENCE_VERBS:
        return True  # "demonstrations erupted in Khartoum", "a sit-in continued"
    return "short_note" in ctx and head.dep_ == "ROOT"


def _crowd_subject(head: Any, parse: Any, lexicon: Lexicon) -> bool:
    """Is the subject of this verb an unarmed crowd ("rowdy youths", "several people")?
    Police or soldiers who disrupt a meeting intervene; they riot no more than a storm."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    classes = phrase_classes(parse, subj.i, lexicon)
    return bool(classes & {"unarmed_collective", "protesters", "civilian"}) and not classes & {
        "armed",
        "state",
        "nonstate",
    }


def _fought_each_other(head: Any) -> bool:
    """A fight verb or noun with no cause or opponent it fights for or against ("ethnic
    groups fight over cattle", "clans fought"), which communities told beside it make a
    fight between them; "communities fight for water rights", "fight the plan" or a
    modifier ("the central fighting area") is none."""
    if head.dep_ in {"compound", "amod"} and not _headline(head):
        return False  # "the central fighting area"; a headline's "Turkana battle X raiders" is one
    return not any(
        c.dep_ in {"dobj", "obj"} or (c.dep_ == "prep" and c.lower_ in {"for", "against", "to"})
        for c in head.children
    )


def headline_verb(head: Any, parse: Any) -> bool:
    """A headline's verb the parse hung as a noun on the note's head, its object, with a
    noun or name before it that does the act ("NDC attack journalists", "Unidentified
    persons attacks market in X"); not a noun that names a kind ("attack helicopters")."""
    governor = head.head
    if head.dep_ != "compound" or governor.dep_ != "ROOT" or governor.pos_ != "NOUN":
        return False
    return any(t.pos_ in {"NOUN", "PROPN"} for t in parse[: head.i - parse[0].i])


def _headline(head: Any) -> bool:
    """The note's own act: its head, or a noun a headline parse hangs on the note's root
    ("Habbaniyah attack Rizaygat group"), not a predicate told after it ("the killing was a
    revenge attack")."""
    return heads_note(head) or (head.dep_ == "compound" and head.head.dep_ == "ROOT")


def under_prohibition(parse: Any, tok: Any, lexicon: Lexicon) -> bool:
    """A protest noun a ban is about ("extended the ban on marches and protests", "protests
    were banned", "demonstrations remain banned"): the ban word governs it, or is what its
    verb says of it. Not a protest held about a ban ("held a protest to support the ban on
    X", "staged a protest after remarks that sought to ban Y")."""
    words = lexicon.words_of("prohibition")
    if tok.pos_ != "NOUN":
        return False
    governors = list(tok.ancestors)[:4]
    if any(token_keys(t) & words for t in governors):
        return True
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "the ban on marches and protests"
    if node.dep_ == "pobj" and node.head.lower_ in {"on", "of"}:
        holder = node.head.head  # "extended the ban on protests", "on" hung on the verb
        if any(
            c.dep_ in {"dobj", "nsubj", "nsubjpass"} and token_keys(c) & words
            for c in holder.children
        ):
            return True
    head = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and any(
        c.dep_ in {"acomp", "oprd", "xcomp", "attr"} and token_keys(c) & words
        for c in head.children
    )
