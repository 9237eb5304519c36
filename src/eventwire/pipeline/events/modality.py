"""Modality of an event mention: asserted, negated, hypothetical, habitual or generic.

Cues are data (``data/lexicon/modality.yaml``). The checks look at the trigger, its
auxiliaries and the chain of words that govern it, so "did not attack" is negated,
"threatened to attack" hypothetical, "nearly daily, Sunnis are picked up" habitual and
"they behead, they torture, they kill" generic.

The main clause's act wins over the acts embedded in it (:func:`governing_trigger`):
"Serbia demanded that Croatia stop attacks" is a demand, "police launched an inquiry into
the killing" an investigation. A cooperative act that is only promised or offered is an
agreement, one that is refused or withheld a rejection (:func:`interaction_type`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventwire.ontology import Ontology
from eventwire.pipeline.events.habitual import has_habitual_cue
from eventwire.pipeline.events.triggers import Lexicon, token_keys
from eventwire.records import Event

# PLOVER types of material cooperation and concessions: promised, offered or announced for
# the future they are an AGREE (CAMEO 03 "express intent to cooperate"); refused or
# withheld, a REJECT (CAMEO 12 "decline to ..."), whatever the act would have been.
COOPERATIVE_TYPES = frozenset({"AID", "COOPERATE", "CONCEDE", "RETREAT"})
INTENT_TYPE, REFUSAL_TYPE = ("AGREE", "other"), ("REJECT", "refuse")
# a political act someone says another party must do is a demand (CAMEO 10)
DEMAND_TYPE = ("REQUEST", "demand")
# coercive acts announced or planned ("will extend the curfew", "plans to impose
# restrictions", "vowed to impose sanctions") are a THREATEN (CAMEO 13), with this mode
COERCIVE_THREATS = {"SANCTION": ("THREATEN", "sanction"), "COERCE": ("THREATEN", "other")}
# an adverbial clause, a side remark or a loose dependent is a clause of its own
_OWN_CLAUSE_DEPS = frozenset({"advcl", "parataxis", "dep", "conj"})
# an act embedded in another act's clause ranks below it, by at least this much
EMBEDDED_PENALTY, MAIN_MARGIN = 0.1, 0.06
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
PAST_TAGS = frozenset({"VBD", "VBN"})
_GOVERNOR_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "acl", "conj", "pcomp"}
)


def _governors(tok: Any, limit: int = 4) -> Iterator[Any]:
    """Words that govern the trigger: its head, the head's head … (stops at the root).

    A verb coordinated with another ("stopped a bus and seized the phones") is not governed
    by it: the first verb of the pair is skipped, its own governors are not.
    """
    current = tok
    for _ in range(limit):
        if current.dep_ not in _GOVERNOR_DEPS or current.head.i == current.i:
            return
        coordinated = current.dep_ == "conj" and current.pos_ == "VERB"
        current = current.head
        if not coordinated:
            yield current


def _verb_of(tok: Any) -> Any:
    """The verb that carries tense for a trigger (itself, or the verb a nominal depends on)."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok
    head = tok.head
    hops = 0
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and hops < 3:
        head, hops = head.head, hops + 1
    return head if head.pos_ in {"VERB", "AUX"} else tok


def _aux_keys(verb: Any) -> set[str]:
    keys: set[str] = set()
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass", "neg"}:
            keys |= token_keys(c)
    return keys


def is_negated(tok: Any, lexicon: Lexicon) -> bool:
    cues = lexicon.modality.get("negation", {})
    words = set(cues.get("words", []))
    governors = set(cues.get("governors", []))
    easing = set(cues.get("easing", []))
    if token_keys(tok) & easing:
        governors -= easing  # "decided to ease restrictions, lifting travel bans": no denial
    absent = set(cues.get("absent_nouns", []))
    verb = _verb_of(tok)
    for t in (tok, verb):
        for c in t.children:
            if c.dep_ == "neg" or (
                t.i == tok.i and c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"}
            ):
                return True
    if tok.dep_ == "conj" and any(c.lower_ in {"neither", "no"} for c in tok.head.children):
        return True  # "neither injuries nor fatalities"
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return True
    # a trigger that names its noun's kind stands for that noun ("eased curfew hours")
    for gov in _governors(tok.head if tok.dep_ == "compound" else tok):
        if token_keys(gov) & governors:
            return True
        if token_keys(gov) & absent and any(
            c.dep_ == "det" and c.lower_ == "no" for c in gov.children
        ):
            return True  # "no evidence that any detainee was tortured"
        if (
            any(c.dep_ == "neg" for c in gov.children)
            and gov.dep_ != "ROOT"
            and tok.dep_ == "xcomp"
        ):
            return True
    return bool(
        words & {"no"} and tok.dep_ == "dobj" and any(c.lower_ == "no" for c in tok.children)
    )


def is_hypothetical(tok: Any, lexicon: Lexicon, sentence_text: str) -> bool:
    cues = lexicon.modality.get("hypothetical", {})
    modals = set(cues.get("modals", []))
    governors = set(cues.get("governors", []))
    markers = set(cues.get("markers", []))
    future = set(cues.get("future_forms", []))
    en_route = set(cues.get("en_route", []))
    if sentence_text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return True  # a question, also one closed by a quotation mark
    verb = _verb_of(tok)
    if _aux_keys(verb) & modals or _aux_keys(tok) & modals:
        return True
    for t in (tok, verb):
        if any(c.dep_ == "mark" and token_keys(c) & markers for c in t.children):
            return True
    for gov in _governors(tok):
        if token_keys(gov) & governors:
            return True
        if _aux_keys(gov) & modals and tok.dep_ in {"xcomp", "conj"}:
            return True
        if gov.lower_ in future and gov.tag_ == "VBG" and tok.dep_ == "xcomp":
            return True  # "are going to be detained"
    if en_route and _en_route(tok, en_route):
        return True  # "on their way to join a protest": the goal, not yet reached
    # a bare infinitive of purpose ("set up checkpoints to harass")
    light = lexicon.words_of("light_verbs")
    if tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return not (tok.dep_ == "xcomp" and token_keys(tok.head) & (light | {"continue", "begin"}))
    return False


def _en_route(tok: Any, words: set[str]) -> bool:
    """Is the trigger (or a verb governing it) the goal of a journey told with "on the way
    to" ("students on their way to join a protest", "who were on their way to stage a
    demonstration"): an infinitive hung on "way" or beside an "on … way" phrase, or the
    noun the journey heads for ("on their way to a rally")?"""
    if tok.dep_ == "pobj" and tok.head.lower_ == "to":
        way = tok.head.head
        if token_keys(way) & words and way.head.lower_ == "on":
            return True
    for verb in (tok, *_governors(tok)):
        if verb.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            continue
        way = verb.head if verb.dep_ in {"relcl", "acl"} else None
        if way is None and verb.dep_ in {"advcl", "xcomp"}:
            way = next(
                (
                    g
                    for c in verb.head.children
                    if c.dep_ == "prep" and c.lower_ == "on"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        if way is not None and token_keys(way) & words and way.head.lower_ == "on":
            return True
    return False


def is_present_narrative(parse: Any) -> bool:
    """A sentence told in the simple present with no past-tense verb ("militias wheel…")."""
    tags = {t.tag_ for t in parse if t.pos_ in {"VERB", "AUX"}}
    return bool(tags & (PRESENT_TAGS | {"VBG"})) and not tags & PAST_TAGS and "MD" not in tags


def find_modality(
    parse: Any,
    head_index: int,
    lexicon: Lexicon,
    sentence_text: str,
    n_violent: int = 0,
    habitual_context: bool = False,
) -> str:
    """Return the modality of the trigger at ``head_index`` in a parsed sentence."""
    tok = parse[head_index]
    if is_negated(tok, lexicon):
        return "negated"
    if is_hypothetical(tok, lexicon, sentence_text):
        return "hypothetical"
    generic = lexicon.modality.get("generic", {})
    verb = _verb_of(tok)
    present = verb.tag_ in PRESENT_TAGS or (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in PRESENT_TAGS for c in verb.children)
    )
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    generic_words = set(generic.get("words", []))
    listed = n_violent >= int(generic.get("min_listed_triggers", 3))
    if present and not perfect and (listed or any(token_keys(t) & generic_words for t in parse)):
        return "generic"
    if has_habitual_cue(parse, lexicon, head_index):
        return "habitual"
    if (present and not perfect) or (habitual_context and is_present_narrative(parse)):
        return "habitual"
    if is_present_narrative(parse) and verb.tag_ != "VBN":
        return "habitual"
    return "asserted"


def governing_trigger(
    parse: Any, head_index: int, governors: Iterable[int], lexicon: Lexicon
) -> int | None:
    """The token index of the nearest trigger among ``governors`` (head tokens of the
    sentence's other, non-violent triggers) whose clause embeds the trigger at
    ``head_index``, or None when the trigger is its clause's own act.

    "Serbia demanded that Croatia stop attacks": *attacks* hangs under *demanded*;
    "condemned the attack", "sanctions over the chemical attack" likewise. An adverbial
    clause or a phrase of sequence ("suspended aid after the convoy was attacked",
    "following the bombing") and a coordinated verb ("met her, then beat her") report acts
    of their own, so they are not embedded.
    """
    sequence = set(lexicon.modality.get("embedding", {}).get("sequence", []))
    heads = set(governors) - {head_index}
    tok = parse[head_index]
    while tok.head.i != tok.i:
        child, tok = tok, tok.head
        if tok.i not in heads:
            continue
        # the governor's own dependent on the path decides: a complement or an object is
        # the act's content; an adverbial clause, a phrase of sequence or a conjunct is not
        if child.dep_ in _OWN_CLAUSE_DEPS or (
            child.dep_ == "prep" and token_keys(child) & sequence
        ):
            return None
        return int(tok.i)
    return None


def ranking_governor(
    parse: Any, head_index: int, governors: Iterable[int], lexicon: Lexicon
) -> int | None:
    """The trigger the act at ``head_index`` ranks below: the one that embeds it
    (:func:`governing_trigger`) or, failing that, the main act whose adverbial clause or
    phrase of sequence holds it ("the UN suspended aid after a convoy was attacked", "a
    court freed the pastor following his arrest", "3,000 fighters surrendered as air raids
    resumed"), also when it is one of two acts coordinated inside that clause ("suspended
    aid after officers seized power and placed the president under arrest"). Such an act is
    asserted and stays an event of its own; CAMEO codes the sentence by its main clause, so
    the main act ranks first. An act coordinated with the main act ("met her, then beat
    her") ranks on its own.
    """
    aliases = object_verbs(parse, governors, head_index)
    aliases = {v: g for v, g in aliases.items() if not _subject_of(parse, head_index, v)}
    embedding = governing_trigger(parse, head_index, [*governors, *aliases], lexicon)
    if embedding is not None:
        return aliases.get(embedding, embedding)
    sequence = set(lexicon.modality.get("embedding", {}).get("sequence", []))
    heads = (set(governors) | set(aliases)) - {head_index}
    tok, crossed = parse[head_index], False
    while tok.head.i != tok.i:
        child, tok = tok, tok.head
        if child.dep_ in {"conj", "parataxis"} and (tok.i in heads or tok.head.i == tok.i):
            return None  # coordinated with the main act itself ("met her, then beat her")
        crossed = (
            crossed
            or child.dep_ == "advcl"
            or (child.dep_ == "prep" and bool(token_keys(child) & sequence))
        )
        if tok.i in heads:
            return aliases.get(int(tok.i), int(tok.i)) if crossed else None
    return None


def _subject_of(parse: Any, head_index: int, verb: int) -> bool:
    """Does the trigger reach the verb as (part of) its subject? A subject does the verb's
    act ("clashes broke the ceasefire commitment"); it is not what the act is about."""
    tok = parse[head_index]
    while tok.head.i != tok.i:
        if tok.head.i == verb:
            return tok.dep_ in {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
        tok = tok.head
    return False


def object_verbs(parse: Any, governors: Iterable[int], head_index: int) -> dict[int, int]:
    """The verbs whose object is a governing trigger noun, each mapped to that noun: the
    verb carries the noun's clause ("imposed sanctions on Lebanon over the bombing": the
    bombing hangs under *imposed*, whose act is the sanctions). Not the trigger itself nor
    its own verb.
    """
    aliases: dict[int, int] = {}
    for g in governors:
        tok = parse[g]
        if g == head_index or tok.head.i == head_index:
            continue
        if tok.pos_ == "NOUN" and tok.dep_ in {"dobj", "nsubjpass"}:
            aliases.setdefault(int(tok.head.i), int(g))
    return aliases


def rank_below_governors(acts: Iterable[tuple[int | None, int, Event]]) -> None:
    """Give every embedded event (``(governing head, own head, event)``) a confidence below
    the event of the trigger that governs it, so that the sentence's main act ranks first."""
    listed = list(acts)
    by_head = {head: event for _, head, event in listed}
    for _ in range(2):  # a chain: demanded -> release -> hostages
        for governor, _, event in listed:
            above = by_head.get(governor) if governor is not None else None
            if above is not None:
                capped = min(event.confidence - EMBEDDED_PENALTY, above.confidence - MAIN_MARGIN)
                event.confidence = max(0.02, round(capped, 4))


def has_intent_cue(parse: Any, head_index: int, lexicon: Lexicon) -> bool:
    """Is the trigger a promised, offered or announced act ("will release", "pledged to
    send", "ready to contribute"), not a conditional or a question?"""
    cues = lexicon.modality.get("intent", {})
    modals, governors = set(cues.get("modals", [])), set(cues.get("governors", []))
    tok = parse[head_index]
    verb = _verb_of(tok)
    if (_aux_keys(verb) | _aux_keys(tok)) & modals:
        return True
    return any(token_keys(gov) & governors for gov in _governors(tok))


def has_obligation_cue(parse: Any, head_index: int, lexicon: Lexicon) -> bool:
    """Is the trigger an act someone must do ("Turkey must mediate the talks")?"""
    modals = set(lexicon.modality.get("obligation", {}).get("modals", []))
    tok = parse[head_index]
    return bool((_aux_keys(_verb_of(tok)) | _aux_keys(tok)) & modals)


def interaction_type(plover_type: str, modality: str, intent: bool) -> tuple[str, str] | None:
    """The PLOVER type and mode a cooperative act takes from its modality: promised or
    offered ("pledged to send aid", "will release the prisoners") -> AGREE; refused or
    withheld ("will not release the detainees") -> REJECT; a coercive act announced or
    planned ("will extend the curfew") -> THREATEN; None when the act stands.
    ``intent``: the act carries an intent cue (:func:`has_intent_cue`).

    >>> interaction_type("AID", "hypothetical", True), interaction_type("CONCEDE", "negated", True)
    (('AGREE', 'other'), ('REJECT', 'refuse'))
    >>> interaction_type("AID", "hypothetical", False), interaction_type("ASSAULT", "negated", True)
    (None, None)
    >>> interaction_type("AGREE", "negated", False)  # "failed to reach an agreement"
    ('REJECT', 'refuse')
    >>> interaction_type("SANCTION", "hypothetical", True)  # "will impose sanctions"
    ('THREATEN', 'sanction')
    """
    if plover_type == INTENT_TYPE[0] and modality == "negated":
        return REFUSAL_TYPE  # "failed to reach an agreement": the deal is turned down
    if plover_type in COERCIVE_THREATS and modality == "hypothetical" and intent:
        return COERCIVE_THREATS[plover_type]  # "will extend the curfew": a threat
    if plover_type not in COOPERATIVE_TYPES or not intent:
        return None
    if modality == "hypothetical":
        return INTENT_TYPE
    if modality == "negated":
        return REFUSAL_TYPE
    return None


def retype_interaction(
    event: Event,
    parse: Any,
    head: int,
    lexicon: Lexicon,
    ontology: Ontology,
    penalties: Mapping[str, float],
) -> None:
    """A promised cooperative act is an AGREE, a refused one a REJECT, an announced
    coercive one a THREATEN (:func:`interaction_type`), a political act another party
    "must" do a demand (REQUEST, CAMEO 10): the promise, the refusal, the threat or the
    demand is what the sentence asserts, so the event becomes asserted and its modality
    penalty (``penalties``) is given back. A threat has no ACLED type: nothing happened yet.
    """
    retyped = interaction_type(
        event.plover_type, event.modality, has_intent_cue(parse, head, lexicon)
    )
    if (
        retyped is None
        and event.modality == "hypothetical"
        and event.acled_sub_event_type is None
        and (event.plover_type, event.plover_mode) != DEMAND_TYPE
        and has_obligation_cue(parse, head, lexicon)
    ):
        retyped = DEMAND_TYPE  # "Syria said Turkey must mediate the talks": a demand
    elif (event.plover_type, event.plover_mode) == DEMAND_TYPE and event.modality == (
        "hypothetical"
    ):
        # "Russia says Israel must end the attacks": the demand trigger carries the "must"
        retyped = DEMAND_TYPE if has_obligation_cue(parse, head, lexicon) else None
    if retyped is None:
        return
    if event.acled_sub_event_type is not None and retyped[0] != COERCIVE_THREATS["COERCE"][0]:
        return  # an ACLED-typed act keeps its type
    event.acled_event_type = event.acled_sub_event_type = None
    event.rule = f"{event.rule}|{event.modality} {event.plover_type} -> {retyped[0]}"
    event.plover_type, event.plover_mode = retyped
    event.cameo_root = ontology.cameo_root(*retyped)
    event.confidence = round(min(0.99, event.confidence + penalties.get(event.modality, 0.0)), 4)
    event.modality = "asserted"


def _under_attitude(tok: Any, cues: Mapping[str, Any]) -> bool:
    """Is the act the topic of a hope, doubt or mood ("expressed optimism at a deal",
    "skeptical the program would meet the deadline", "said they hoped for more talks")?"""
    attitudes = set(cues.get("attitudes", []))
    return any(token_keys(g) & attitudes for g in _governors(tok, limit=5))


def is_statement(parse: Any, head_index: int, frame: str, lexicon: Lexicon) -> bool:
    """Is the trigger a statement about something said or published rather than an act?
    "rejected the accusations", "released a statement", "agreed with the report": CAMEO
    codes these as statements (01), which PLOVER does not code. So is a political act
    that is only the topic of a hope, doubt or mood (CAMEO 012/013 pessimistic or
    optimistic comment: "expressed optimism at a bipartisan deal"), and a verb whose
    object gives it another sense ("meet the targets")."""
    cues = lexicon.modality.get("statement", {})
    head = parse[head_index]
    if lexicon.frames[frame].acled is None and _under_attitude(head, cues):
        return True
    no_act = set(cues.get("no_act_objects", {}).get(head.lemma_.lower(), []))
    if no_act and (
        any(c.dep_ in {"dobj", "nsubjpass"} and token_keys(c) & no_act for c in head.children)
        or (head.dep_ == "acl" and bool(token_keys(head.head) & no_act))
    ):
        return True  # "meet the targets", "abuses being committed": no meeting, no pledge
    if frame not in set(cues.get("frames", [])):
        return False
    objects = set(cues.get("objects", []))
    if frame in set(cues.get("proposal_frames", [])):
        objects -= set(cues.get("proposals", []))  # "rejected his suggestion": a refusal
    for child in head.children:
        if child.dep_ in {"dobj", "nsubjpass"} and token_keys(child) & objects:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "with"  # "agreed with the report"
            and any(token_keys(o) & objects for o in child.children if o.dep_ == "pobj")
        ):
            return True
    return False
