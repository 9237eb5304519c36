"""Helpers of the event coder: sentence-level checks, evidence, merging, surface forms.

Split out of ``events.py``; everything here is a plain function over a spaCy parse and the
lexicon, so it can be tested on its own.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.finds import headline_passive
from eventwire.pipeline.events.grievance import relative_noun
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import Roles, find_roles, noun_span
from eventwire.pipeline.events.subtypes import CLASH_TOLL
from eventwire.pipeline.events.triggers import (
    Lexicon,
    TriggerEntry,
    TriggerMatch,
    find_phrases,
    match_triggers,
    parse_keys,
    parse_phrases,
    token_keys,
)
from eventwire.records import Actor, Document, Event, Span

# Story domains in which ambiguous triggers ("attack", "shot", "battle") need strong cues.
DOMAIN_CLASSES = ("sport", "business", "entertainment", "tech")
_FORCE_ON_PROTEST_VERBS: frozenset[str] = words("lexicon", "force_on_protest_verbs")


def plural_people(parse: Any, lexicon: Lexicon) -> bool:
    """Does the sentence name a group of people ("employees", "residents")?"""
    people = lexicon.words_of("civilian") | lexicon.words_of("unarmed_collective")
    return any(t.tag_ in {"NNS", "NNPS"} and token_keys(t) & people for t in parse)


def domain_words(parse: Any, lexicon: Lexicon, skip: set[int] | None = None) -> int:
    """How many tokens of a sentence belong to the sport/business/entertainment classes."""
    words: set[str] = set()
    for name in DOMAIN_CLASSES:
        words |= lexicon.words_of(name)
    skipped = skip or set()
    keys, _ = parse_keys(parse)  # a Doc: a token's index is its position
    return sum(1 for i, k in enumerate(keys) if i not in skipped and k & words)


def valid_intervention(parse: Any, lexicon: Lexicon) -> bool:
    """Is there a real intervention in this sentence (not "demanding the release of detained
    activists" or "against the arrest of")? Arrest verbs count only as asserted actions."""
    words = lexicon.words_of("intervention")
    releases = any(t.lemma_.lower() in {"release", "free"} for t in parse)
    for tok in parse:
        if not token_keys(tok) & words or is_background(tok, lexicon) or _not_done(tok):
            continue
        if tok.lemma_.lower() in {"arrest", "detain"}:
            perfect = any(c.lemma_ == "have" for c in tok.children if c.dep_ == "aux")
            if tok.pos_ != "VERB" or perfect or releases:
                continue
        return True
    phrases = lexicon.classes["intervention"].phrases
    tokens = list(parse)
    return any(
        not is_background(tokens[start], lexicon) for start, _ in find_phrases(tokens, phrases)
    )


def forces_on_protest(parse: Any, lexicon: Lexicon) -> bool:
    """A state's armed forces act on a protest or its crowd ("police stopped the march",
    "the march was stopped by police", "troops engaged protesters"): an intervention."""
    crowd = lexicon.words_of("protesters")
    for tok in parse:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _FORCE_ON_PROTEST_VERBS:
            continue
        deps = {c.dep_: c for c in tok.children}
        if "neg" in deps:
            continue
        subj, obj = deps.get("nsubj"), deps.get("dobj")
        if subj is None and "agent" in deps:  # the passive: "was stopped by police"
            obj = deps.get("nsubjpass")
            subj = next((g for g in deps["agent"].children if g.dep_ == "pobj"), None)
        if subj is None or obj is None or not token_keys(obj) & crowd:
            continue
        if {"state", "armed"} <= phrase_classes(parse, subj.i, lexicon):
            return True
    return False


def denied_deaths(parse: Any, lexicon: Lexicon) -> bool:
    """Is every death word of the sentence denied ("no fatalities were reported", "there
    were no deaths")? Then the sentence tells no killing (a "live fire" phrase still does)."""
    words = lexicon.words_of("lethal")
    found = [t for t in parse if token_keys(t) & words]
    if not found or find_phrases(list(parse), lexicon.classes["lethal"].phrases):
        return False
    return all(
        any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children)
        for t in found
    )


def _not_done(tok: Any) -> bool:
    """An intervention word the sentence denies or dates before the protest: "no police
    intervention was recorded", "police did not intervene", "they had been evicted"."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "aux" and child.lower_ == "had":
            return True  # the past perfect: what had happened to them, not at the protest
    return False


def is_background(tok: Any, lexicon: Lexicon) -> bool:
    """A trigger governed by "following", "against", "demanding the release of" … is backdrop."""
    words = lexicon.words_of("background")
    current = relative_noun(tok)  # "over the murder of a girl who was kidnapped"
    while (
        current.dep_ == "conj" and current.pos_ in {"NOUN", "PROPN"} and current.head.i != current.i
    ):
        current = current.head  # "after the protests and riots": the first conjunct decides
    for _ in range(4):
        if current.head.i == current.i or current.dep_ in {"ROOT", "conj"}:
            return False
        if (
            current.dep_ in {"nsubj", "nsubjpass", "dobj"}
            and current.head.pos_ == "VERB"
            and not (token_keys(current.head) & words)
        ):
            return False
        current = current.head
        if token_keys(current) & words:
            return True
    return False


def unused_weapon(tok: Any, lexicon: Lexicon) -> bool:
    """Is a weapon noun the thing found, seized or defused ("police found an IED", "seized
    8 grenades", "located 50 kg of explosives", "a bomb was discovered")? Then no weapon
    went off: the event is a disrupted weapons use, not an explosion."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower().endswith(("bomber", "attacker")):
        return False  # "intercepted a suicide bomber": a person, who may still detonate
    current = tok
    for _ in range(3):  # "50 kg of explosive", "a cache of weapons": climb to the quantity
        if (
            current.dep_ in {"pobj"}
            and current.head.lower_ == "of"
            and current.head.head.pos_ in {"NOUN", "NUM"}
        ):
            current = current.head.head
        elif current.dep_ in {"conj", "appos", "compound"} and current.head.pos_ == "NOUN":
            current = current.head
        else:
            break
    words = lexicon.words_of("recovery")
    found = lexicon.words_of("discovery")
    if any(c.dep_ == "acl" and token_keys(c) & found for c in current.children):
        return True  # "explosives found in a car"
    if current.dep_ not in {"dobj", "nsubjpass", "obj", "conj"} and not headline_passive(current):
        return False  # "Bomb found near X": a headline's passive
    verb = current.head
    if verb.pos_ != "VERB" or not token_keys(verb) & words:
        return False
    return not went_off(verb, lexicon)


def went_off(verb: Any, lexicon: Lexicon) -> bool:
    """Does the verb, or a verb coordinated with it, say the weapon went off ("was hidden
    under a culvert and went off", "was planted ... and exploded")? Then it was used."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    detonation = lexicon.classes["detonation"]
    for v in verbs:
        if token_keys(v) & detonation.words:
            return True
        particles = [v, *(c for c in v.children if c.dep_ == "prt")]
        if len(particles) > 1 and find_phrases(particles, detonation.phrases):
            return True
    return False


def aircraft_not_striking(tok: Any, lexicon: Lexicon) -> bool:
    """An aircraft that is the subject of flying, being seen or reconnaissance ("helicopters
    were seen flying overhead", "jets conducted reconnaissance flights"), not of a strike."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = tok.head
    near = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "dobj", "prt", "advcl"})]
    near += [
        g
        for c in verb.children
        if c.dep_ == "dobj"
        for g in c.children
        if g.dep_ in {"compound", "amod"}
    ]
    return any(token_keys(t) & lexicon.words_of("air_movement") for t in near)


def seized_goods(verb: Any, lexicon: Lexicon) -> bool:
    """Does a seizing verb with no parsed object take goods in its prepositions ("seized about
    8 tons of marijuana", parsed with "about" as a preposition)?"""
    goods = lexicon.words_of("goods")
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return any(token_keys(t) & goods for p in preps for t in p.subtree)


def valid_air(parse: Any, lexicon: Lexicon) -> bool:
    """Does the sentence name aircraft striking, not only aircraft flying by?"""
    words = lexicon.words_of("weapon_air")
    if any(token_keys(t) & words and not aircraft_not_striking(t, lexicon) for t in parse):
        return True
    return bool(parse_phrases(parse, lexicon.classes["weapon_air"].phrases))


PAST_MARKERS: frozenset[str] = words("lexicon", "past_markers")


def is_past_reference(tok: Any) -> bool:
    """A nominal trigger that names an earlier incident, not the one reported: "during recent
    riots", "riots in the previous week", "people involved in riots"."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}:
        return False  # "recent clashes killed five": the sentence reports them
    phrase = [tok, *tok.children]
    phrase += [g for c in tok.children if c.dep_ == "prep" for g in c.subtree]
    if any(t.lower_ in PAST_MARKERS for t in phrase):
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.head.lemma_.lower() in {"involve", "involved", "accuse"}:
        return True
    return (
        tok.dep_ == "pobj"
        and head.lower_ in {"during", "in"}
        and any(t.lower_ in PAST_MARKERS for t in head.head.children)
    )


def valid_protest_violence(parse: Any, lexicon: Lexicon) -> bool:
    """Is a violence cue of the sentence part of the reported event ("protesters threw
    stones") rather than background ("against the detention of people involved in riots",
    "looted funds", "lighting torches")?"""
    words = lexicon.words_of("protest_violence")
    for tok in parse:
        if not token_keys(tok) & words:
            continue
        if tok.dep_ in {"amod", "advmod"}:
            # "looted funds", "police violently dispersed"; but "violent protests" (issue 16)
            tok = tok.head
            if not token_keys(tok) & lexicon.words_of("protest_context"):
                continue
        if is_background(tok, lexicon) or is_past_reference(tok):
            continue
        return True
    tokens = list(parse)
    phrases = lexicon.classes["protest_violence"].phrases
    return any(
        not is_background(tokens[start], lexicon) for start, _ in find_phrases(tokens, phrases)
    )


def match_groups(parse: Any, lexicon: Lexicon) -> list[list[TriggerMatch]]:
    return match_triggers(parse, lexicon)


def by_agent_tokens(parse: Any) -> set[int]:
    """The tokens of every "by" phrase of a passive in the sentence ("were killed by federal
    troops as they carried out raids"): whoever they name did the act, they are no victims."""
    return {t.i for tok in parse if tok.dep_ == "agent" for t in tok.subtree}


def make_actor(doc: Document, parse: Any, base: int, head: int) -> Actor:
    start, end = noun_span(parse[head])
    s = base + parse[start].idx
    last = parse[end - 1]
    e = base + last.idx + len(last.text)
    return Actor(text=doc.text[s:e], start=s, end=e)


def _toll(event: Event) -> bool:
    """A toll of a clash ("3 people were killed" in the fighting): its dead are no side."""
    return CLASH_TOLL in (event.rule or "")


def merge_events(events: list[Event]) -> list[Event]:
    """Fold a consequence trigger ("killing", "wounded") into the main event of its sentence
    when both have the same ACLED sub-type: one event, several pieces of evidence."""
    out: list[Event] = []
    by_key: dict[tuple[int, str], Event] = {}
    for event in sorted(events, key=lambda e: -e.confidence):
        sub = event.acled_sub_event_type
        if sub is None or event.modality in {"negated", "hypothetical"}:
            out.append(event)
            continue
        key = (event.sentence_index, sub)
        main = by_key.get(key)
        if main is None or main.modality != event.modality:
            by_key.setdefault(key, event)
            out.append(event)
            continue
        main.evidence.append(
            Span(event.trigger.start, event.trigger.end, "trigger", event.trigger.text)
        )
        if main.actor1 is None and event.actor1 is not None:
            main.actor1 = event.actor1
            main.evidence.append(
                Span(event.actor1.start, event.actor1.end, "actor1", event.actor1.text)
            )
        if main.actor2 is None and event.actor2 is not None and not _toll(event):
            main.actor2 = event.actor2
            main.evidence.append(
                Span(event.actor2.start, event.actor2.end, "actor2", event.actor2.text)
            )
        main.confidence = min(0.99, main.confidence + 0.02)
    out.sort(key=lambda e: (e.sentence_index, e.trigger.start))
    return out


COLLECTIVE_CLAIM_FRAMES = frozenset({"request", "demand", "reject", "accuse"})
# public claims that, made by a group of people, are a protest ("workers demanded …")
CLAIM_LEMMAS: frozenset[str] = words("lexicon", "claim_lemmas")
GROUP_NOUNS: frozenset[str] = words("lexicon", "group_nouns")
LEADER_NOUNS: frozenset[str] = words("lexicon", "leader_nouns")
RETURN_NONOBJECTS: frozenset[str] = words("lexicon", "return_nonobjects")
STATEMENT_NOUNS: frozenset[str] = words("lexicon", "statement_nouns")
UNMANNED: frozenset[str] = words("lexicon", "unmanned")
WEAPON_FRAMES = frozenset({"explode", "grenade", "shell", "suicide", "chemical"})


def thing_patient(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """True when the trigger's object is clearly not a person ("demand", "warrants")."""
    head = parse[match.head]
    obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None and head.pos_ == "NOUN":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ in {"PRON", "PROPN", "NUM"} or obj.ent_type_:
        return False
    if any(c.dep_ == "nummod" for c in obj.children):
        return False
    return not phrase_classes(parse, obj.i, lexicon) & {
        "communal",  # "kills Njemp tribesman", "attacked clansmen"
        "civilian",
        "unarmed_collective",
        "armed",
        "protesters",
        "nonstate",
        "state",
    }


_BETWEEN: frozenset[str] = words("lexicon", "between_words")
_RECIPROCAL_PHRASES = tuple(tuple(p.split()) for p in words("lexicon", "reciprocal_phrases"))
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# a document of at most this many tokens is a headline-like note ("Fighting in Malakal.")
SHORT_NOTE_TOKENS = 36
_TOKENS = re.compile(r"\w+|[^\w\s]")  # words and punctuation, about spaCy's tokens


def is_short_note(text: str) -> bool:
    """A headline-like note: the whole report is a few words ("JEM attack Kutum. 3 killed").
    The report's text, not its parsed sentences (the relevance filter may parse one)."""
    # counted up to one past the bound: a long report need not be read to its end
    count = sum(1 for _ in islice(_TOKENS.finditer(text), SHORT_NOTE_TOKENS + 1))
    return 0 < count <= SHORT_NOTE_TOKENS


def between_parties(parse: Any, head: int) -> set[str]:
    """``{"between_parties"}`` when the sentence has a "between" phrase that names people
    ("a riot broke out between two villages", "fighting between youth groups") or says the
    sides fought "each other": two sides fought, nobody demonstrated (ACLED: Mob violence).
    The coder also gives it to the sentences beside ("A riot broke out between X and Y.
    The riot was sparked by …")."""
    del head  # any "between" phrase of the sentence that names people, not places
    found = any(
        t.lower_ in _BETWEEN
        and t.dep_ == "prep"
        and any(o.dep_ == "pobj" and o.ent_type_ not in _PLACE_ENTS for o in t.children)
        for t in parse
    )
    found = found or bool(parse_phrases(parse, _RECIPROCAL_PHRASES))
    return {"between_parties"} if found else set()


def physical_target(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "attacked merchants", "beat a man": a common-noun human or armed target."""
    roles = find_roles(parse, match.head, lexicon)
    if roles.patient is None:
        return False
    target = parse[roles.patient]
    if target.ent_type_ == "NORP" or target.tag_ == "NNPS":
        return True  # "Sunnis", "Kurds": a group of people
    if target.pos_ == "PROPN" or target.ent_type_ in {"PERSON", "ORG", "GPE"}:
        return False
    classes = phrase_classes(parse, roles.patient, lexicon)
    return bool(classes & {"civilian", "unarmed_collective", "armed", "protesters"})


def fallback_frame(entry: TriggerEntry, match: TriggerMatch, parse: Any) -> str | None:
    """The fallback frame of an ambiguous trigger used by a named subject ("X attacked the
    policy" is an ACCUSE)."""
    head = parse[match.head]
    if entry.fallback and head.pos_ == "VERB":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and (
            subj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or subj.pos_ == "PROPN"
        ):
            return entry.fallback
    return None


def _speaks_for_others(parse: Any, agent: int | None, match_head: int) -> bool:
    """Is the claim made by a leader or an official ("church leaders rejected the plan") or
    written in a statement ("issued a statement calling on the government")?"""
    if agent is not None and parse[agent].lemma_.lower() in LEADER_NOUNS:
        return True
    head = parse[match_head]
    return head.dep_ == "acl" and head.head.lemma_.lower() in STATEMENT_NOUNS


def _handed_back(verb: Any) -> bool:
    """Does a "return" hand a thing back, with an object that is no idiom ("returned the
    statues to Greece", "the painting was returned")? Other release triggers always do."""
    if verb.lemma_.lower() != "return":
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(token_keys(o).isdisjoint(RETURN_NONOBJECTS) for o in objects)


def reframe(
    frame_name: str, parse: Any, roles: Roles, match_head: int, lexicon: Lexicon
) -> str | None:
    """Adjust a frame once its roles are known; None drops the trigger."""
    lex = lexicon
    agent = phrase_classes(parse, roles.agent, lex)
    claim = parse[match_head].lemma_.lower() in CLAIM_LEMMAS
    if frame_name in COLLECTIVE_CLAIM_FRAMES and claim:
        plural_agent = roles.agent is not None and parse[roles.agent].tag_ in {"NNS", "NNPS"}
        if roles.agent is not None and parse[roles.agent].lemma_.lower() in GROUP_NOUNS:
            # "a group of workers": the complement says who
            of = [c for c in parse[roles.agent].children if c.lower_ == "of"]
            members = [o for p in of for o in p.children if o.dep_ == "pobj"]
            if members:
                agent = phrase_classes(parse, members[0].i, lex)
                plural_agent = members[0].tag_ in {"NNS", "NNPS"}
        if _speaks_for_others(parse, roles.agent, match_head):
            pass  # "church leaders rejected …", "a statement calling on …": no crowd's claim
        elif (
            agent & {"protesters"}
            or ("civilian" in agent and plural_agent)
            or (
                roles.agent is None
                and parse[match_head].tag_ == "VBG"
                and plural_people(parse, lex)
            )
        ):
            return "protest"  # "workers demanded unpaid wages": a public claim
    if frame_name == "release" and not _handed_back(parse[match_head]):
        return None  # "refugees returned to their villages", "returned fire"
    if frame_name == "disrupt" and parse[match_head].lemma_.lower() == "shoot":
        obj = next((c for c in parse[match_head].children if c.dep_ == "dobj"), None)
        if obj is None or not token_keys(obj) & UNMANNED:
            return "shell"  # shooting down a manned aircraft is an attack, not a disruption
    if frame_name in WEAPON_FRAMES and unused_weapon(parse[match_head], lex):
        return "disrupt"  # "police found an IED", "seized 8 hand grenades"
    if frame_name == "capture" and roles.patient is None:
        obj = next((c for c in parse[match_head].children if c.dep_ in {"dobj", "obj"}), None)
        if obj is None and agent & {"armed", "state"} and seized_goods(parse[match_head], lex):
            return "loot"  # "police seized about 8 tons of marijuana" (object misparsed)
        if (
            obj is not None
            and not token_keys(obj) & lex.words_of("territory")
            and not (obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.pos_ == "PROPN")
        ):
            goods = phrase_classes(parse, obj.i, lex) & {"property", "goods"}
            if goods and agent & {"armed", "state"}:
                return "loot"  # "police seized 5 tons of marijuana": goods taken by force
            return None
    if frame_name == "capture" and roles.patient is not None:
        target = parse[roles.patient]
        people = phrase_classes(parse, roles.patient, lex)
        # a place named by its head ("took over the village of X", "gained control of
        # rebel-held areas") is ground, whatever its modifiers say of who lives or holds it
        ground = target.ent_type_ != "PERSON" and bool(
            token_keys(target) & lex.words_of("territory")
        )
        if people & {"armed", "nonstate"} and "military_site" not in people and not ground:
            return "clash"  # "captured 2 militants" during an operation
        if (people & {"civilian", "unarmed_collective"} and not ground) or (
            target.ent_type_ == "PERSON"
        ):
            return "abduct" if "nonstate" in agent else "arrest"
        territorial = target.ent_type_ in {"GPE", "LOC", "FAC"} or target.pos_ == "PROPN"
        if not territorial and not ground:
            if people & {"property", "goods"} and agent & {"armed", "nonstate", "state"}:
                return "loot"  # "militants seized a vehicle", "police seized the drugs"
            return None  # "seized an AK-47", "captured the market"
    return frame_name
