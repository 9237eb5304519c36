"""Find the agent and patient of an event trigger in the sentence's dependency parse.

Used when the event coder left both actors empty: "police arrested three men" gives
agent "police" and patient "three men"; "a man was beaten by police officers" gives
agent "police officers" (passive ``by``) and patient "a man". Offsets are document
offsets (``token.idx + sentence.start``).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.common.cues import load_cues
from eventwire.records import Actor, Document, Event

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
ATTACK_NOUNS: frozenset[str] = words("actors", "attack_nouns")
LEFT_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "nummod",
        "poss",
        "quantmod",
        "nmod",
        "case",
        "punct",
        "advmod",
        "npadvmod",
        "predet",
        "nn",
        "flat",
    }
)
# Heads that are things, not actors ("a bomb exploded", "clashes took place").
NOT_ACTORS: frozenset[str] = words("actors", "not_actors")
# Verbs whose subject reports an event rather than takes part in it ("an army spokesman
# said …"); a claim of responsibility or an admission names the perpetrator, so it is not one.
REPORTING_VERBS: frozenset[str] = frozenset(
    lemma for lemma, category in load_cues().verbs.items() if category != "claim"
) - words("actors", "admission_verbs")


def is_speaker(token: Any) -> bool:
    """True for who reports an event, not a party to it: the subject of a reporting verb
    ("a police official said …", "police and witnesses said …", "X, an army spokesman,
    said …") or the source of "according to X"."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("conj", "appos") or node.head is node:
            break
        # "police and witnesses said", "Ahmed Ali, a police spokesman, said": all speak
        node = node.head
    head = node.head
    if node.dep_ == "nsubj" and head.lemma_.lower() in REPORTING_VERBS:
        return True
    return bool(node.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according")


def _apposed_to(token: Any) -> str | None:
    """ "X, a senior leader and an Al-Qaeda expert, was shot": a phrase in apposition to the
    one acted upon shares its role (the dependency of the head it describes)."""
    node = token
    for _ in range(6):  # through "a leader for the militia and an expert"
        if node.dep_ not in ("appos", "conj", "pobj", "prep") or node.head is node:
            break
        if node.dep_ == "pobj" and node.head.lower_ == "by":
            return None  # "by X" names the agent
        node = node.head
    return str(node.dep_) if node.dep_ in ("nsubjpass", "dobj") else None


def reports(verb: Any) -> bool:
    """True when a clause is what a reporting verb says ("… said [gunmen killed three]")."""
    return verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in REPORTING_VERBS


def trigger_token(parse: Any, offset: int, event: Event) -> Any | None:
    for token in parse:
        start = offset + token.idx
        if event.trigger.start <= start < max(event.trigger.end, event.trigger.start + 1):
            return token
    return None


def phrase_bounds(token: Any) -> tuple[int, int]:
    """Token indices [first, last] of the noun phrase headed by ``token``.

    Contiguous left dependents are kept (determiners, numbers, adjectives, compounds,
    possessives); on the right only an "of" complement and coordinated heads ("doctors
    and nurses") are kept. Fronted adverbials ("Around 6 May 2020, militia") are not.
    """
    first, last = token.i, token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ in LEFT_DEPS and child.right_edge.i >= first - 2:
            first = min(first, child.left_edge.i)
        else:
            break
    for child in token.rights:
        if child.dep_ in ("conj", "cc") or (child.dep_ == "prep" and child.lower_ == "of"):
            last = max(last, child.right_edge.i)
        elif child.dep_ in ("compound", "flat", "nummod", "amod"):
            last = max(last, child.i)
        else:
            break
    return first, last


def _actor(
    parse: Any, offset: int, token: Any, bounds: tuple[int, int] | None = None
) -> Actor | None:
    if token.pos_ in ("VERB", "AUX") or (bounds is None and token.lower_ in NOT_ACTORS):
        return None
    first, last = bounds or phrase_bounds(token)
    while first < last and parse[first].is_punct:
        first += 1
    start = offset + parse[first].idx
    end = offset + parse[last].idx + len(parse[last].text)
    return Actor(text=parse[first : last + 1].text, start=start, end=end)


def _predicate(token: Any) -> Any:
    """Climb from a noun trigger or an open complement to the verb that has the subject."""
    node = token
    for _ in range(3):
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in node.children):
            return node
        if reports(node):
            break  # the speaker of "X said [...]" is not the subject of what was said
        if (
            node.dep_ in ("xcomp", "conj", "dobj", "pobj", "advcl", "ccomp")
            and node.head is not node
        ):
            node = node.head
        else:
            break
    return node


def roles_from_parse(doc: Document, event: Event) -> tuple[Actor | None, Actor | None]:
    """(agent, patient) mentions of the event from the parse, or (None, None)."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return None, None
    offset = doc.sentences[event.sentence_index].start
    trigger = trigger_token(parse, offset, event)
    if trigger is None:
        return None, None
    verb = _predicate(trigger)
    agent = patient = None
    # "they heard a loud blast": who heard or saw the event only witnessed it
    witness = verb is not trigger and verb.lemma_.lower() in WITNESS_VERBS
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and agent is None:
            agent = None if witness else _actor(parse, offset, child)
        elif child.dep_ in PASSIVE_SUBJECT_DEPS and patient is None:
            patient = _actor(parse, offset, child)
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    agent = _actor(parse, offset, pobj)
        elif child.dep_ in OBJECT_DEPS and patient is None:
            patient = _actor(parse, offset, child)
    return agent, patient


def subjects(doc: Document, event: Event) -> list[Actor]:
    """Every active subject of the verb the event's trigger hangs on, in order ("Defusal:
    …, soldiers defused an IED" has two: the note's label and the soldiers)."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return []
    offset = doc.sentences[event.sentence_index].start
    trigger = trigger_token(parse, offset, event)
    if trigger is None:
        return []
    verb = _predicate(trigger)
    found = (_actor(parse, offset, c) for c in verb.children if c.dep_ in SUBJECT_DEPS)
    return [a for a in found if a is not None]


def noun_phrases(doc: Document, event: Event) -> list[tuple[Actor, bool, str]]:
    """Noun phrases of the event's sentence in order: (mention, is "by" agent, dependency).

    The dependency is "attack" for an attack noun and "speaker" for who reports the event
    (``is_speaker``)."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return []
    offset = doc.sentences[event.sentence_index].start
    found: list[tuple[Actor, bool, str]] = []
    try:
        chunks = list(parse.noun_chunks)
    except (ValueError, NotImplementedError):  # no parser in this pipeline
        return []
    for chunk in chunks:
        root = chunk.root
        actor = _actor(parse, offset, root, (chunk.start, chunk.end - 1))
        if actor is None:
            continue
        by_agent = root.dep_ == "pobj" and root.head.lower_ == "by"
        # "Saudi-led coalition air raids were reported": the attack names its attacker
        dep = "attack" if root.lemma_.lower() in ATTACK_NOUNS else root.dep_
        if is_speaker(root) or (root.dep_ == "nsubj" and root.head.lemma_.lower() in WITNESS_VERBS):
            dep = "speaker"  # who reports or witnessed the event ("they heard a blast")
        elif root.dep_ == "nsubj" and _bare_toll(root.head):
            dep = "nsubjpass"  # "seven others injured": the subject of a toll was hurt
        elif root.dep_ in ("appos", "conj", "pobj"):
            dep = _apposed_to(root) or dep
        found.append((actor, by_agent, dep))
    return found


CONSEQUENCE_VERBS: frozenset[str] = words("actors", "consequence_verbs")
HEADLINE_HARM_VERBS: frozenset[str] = words("actors", "headline_harm_verbs") | CONSEQUENCE_VERBS
WITNESS_VERBS: frozenset[str] = words("actors", "witness_verbs")
SEPARATE_WORDS: frozenset[str] = words("actors", "separate_incident_words")


def _has_object(verb: Any) -> bool:
    """Does the verb act on something ("killed three men", "said …")? A chained toll
    ("seven injured, [nine killed]") does not count."""
    return any(
        c.dep_ in ("dobj", "obj", "aux", "ccomp", "xcomp")
        and not (c.dep_ == "ccomp" and c.lemma_.lower() in CONSEQUENCE_VERBS)
        for c in verb.children
    )


def _bare_toll(verb: Any) -> bool:
    """ "Nine civilians killed, seven others injured": a verb of harm with no object."""
    return bool(
        verb.lemma_.lower() in CONSEQUENCE_VERBS
        and verb.tag_ in ("VBN", "VBD")
        and not _has_object(verb)
    )


def _toll_subject(parse: Any) -> Any | None:
    """The victims of a bare passive toll sentence ("Three soldiers were killed."), or None
    when the toll names an agent or an incident of its own ("… in clashes", "separately")."""
    if any(t.lower_ in SEPARATE_WORDS for t in parse):
        return None
    for verb in parse:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CONSEQUENCE_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None and verb.tag_ in ("VBN", "VBD") and not _has_object(verb):
            # a headline toll without its auxiliary: "Nine civilians killed, seven injured."
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ == "agent" for c in verb.children):
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                dets = {c.lower_ for c in obj.children if c.dep_ in ("det", "poss")}
                if obj.lemma_.lower() in NOT_ACTORS and not dets & {"the", "that", "this"}:
                    return None  # "were killed in clashes": another incident
        return subject
    return None


def toll_victims(doc: Document, event: Event) -> Actor | None:
    """Victims named by a passive toll in the sentence after the event's, in the same
    paragraph ("A roadside bomb exploded near X. Three soldiers were killed.")."""
    nxt = event.sentence_index + 1
    parse = doc.parses.get(nxt)
    if parse is None or not 0 <= event.sentence_index < nxt < len(doc.sentences):
        return None
    if doc.sentences[nxt].segment != doc.sentences[event.sentence_index].segment:
        return None
    subject = _toll_subject(parse)
    return _actor(parse, doc.sentences[nxt].start, subject) if subject is not None else None


def bare_toll_trigger(doc: Document, event: Event) -> bool:
    """Is the event's trigger a verb of harm with no object ("1 soldier killed.")?"""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return False
    token = trigger_token(parse, doc.sentences[event.sentence_index].start, event)
    return token is not None and _bare_toll(token)


def bare_harm_participle(doc: Document, event: Event) -> bool:
    """Is the trigger a headline participle of harm with no object ("Four women raped near
    X", "Two traders abducted")? Its subject was hit."""
    parse = doc.parses.get(event.sentence_index)
    if parse is None or not 0 <= event.sentence_index < len(doc.sentences):
        return False
    token = trigger_token(parse, doc.sentences[event.sentence_index].start, event)
    return bool(
        token is not None
        and token.lemma_.lower() in HEADLINE_HARM_VERBS
        and token.tag_ in ("VBN", "VBD")
        and not _has_object(token)
    )
