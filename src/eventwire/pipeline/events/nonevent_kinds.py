"""More non-event classes (issue 15, second pass): wording with a trigger word that reports
no incident of political violence.

- a long period of conflict named as a span of time: "after decades of hostilities",
  "weeks of street protests", "years of abuse", or an act told as lasting it ("which has
  fought the government for more than 15 years", "have clashed since 2012")
  (``period_units``). ACLED codes one event per incident and day; a span of months or years
  is background, not an incident;
- crowd control: "riot police fired tear gas and water cannon at the marchers", "stun
  grenades" (``crowd_control_heads``, ``crowd_control_modifiers``): no attack; the
  demonstration carries the intervention (ACLED: Protest with intervention); live fire is
  still an attack;
- a disaster told with a pronoun or a relative clause: "Hurricane Ida killed 40 people when
  it struck the coast", "the tsunami, which killed 200,000 people" (``disaster``);
- the victims' gathering: "the bomb killed 100 people who had gathered for a peace rally"
  (``victim_verbs``): the rally tells who the victims were, not a demonstration of its own;
- a court's sentence: "a court jailed a man for helping to plan the bombing" (``court_words``):
  a judicial act, no arrest (ACLED codes arrests by forces, not verdicts);
- mobilising what is no force: "mobilising additional funds", "mobilise voters"
  (``nonforce_objects``);
- a deployment to train, advise or keep the peace: "soldiers deployed to train Nigerian
  troops", "230 troops to Liberia on a peacekeeping mission" (``assist_purposes``): military
  cooperation, no change in an armed group's activity;
- an act given up or called off: "have given up fighting", "called off the strike"
  (``ending_verbs``): it stops, nothing happens;
- an act that is the topic of a response or a statement ("sanctions over the chemical attack",
  "expressed concern about the escalation of hostilities", "an allegation of rape", "sent a
  condolence message following the assault"; ``response_nouns``, ``topic_preps``,
  ``statement_nouns``, ``statement_sequence_preps``) and a violent noun naming someone
  ("calling the president a murderer"; ``label_nouns``): :func:`spoken_about`, asked by
  nonevents.py before the classes below;
- a protest word used as a transitive verb: "striking a sweet forehand", "struck the ball"
  (``strike_lemmas``): a labour strike takes no object;
- a business or political "attack" on a market, a rival company or a policy with no weapon,
  armed actor or harm in the sentence: "the retailer launched an assault on the budget
  market", "the chief executive launched an attack on rival banks over their fees"
  (``corporate``, ``abstract_patient``);
- figures and non-political acts found on non-conflict snippets ("we were robbed", "a trade
  body", "fighters gathered with motorcycles"): nonevent_figures.py.

:func:`nonevent_kind` is asked by :func:`eventwire.pipeline.events.nonevents.non_event`.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.ball_play import ball_play
from eventwire.pipeline.events.nonevent_figures import figure_kind
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

__all__ = ["nonevent_kind", "spoken_about"]

PERIOD_UNITS: frozenset[str] = words("lexicon", "period_units")
UNPAID_DUES: frozenset[str] = words("lexicon", "unpaid_dues")
CROWD_CONTROL_HEADS: frozenset[str] = words("lexicon", "crowd_control_heads")
CROWD_CONTROL_MODIFIERS: frozenset[str] = words("lexicon", "crowd_control_modifiers")
RELATIVE_SUBJECTS: frozenset[str] = words("lexicon", "relative_subjects")
VICTIM_VERBS: frozenset[str] = words("lexicon", "victim_verbs")
COURT_WORDS: frozenset[str] = words("lexicon", "court_words")
NONFORCE_OBJECTS: frozenset[str] = words("lexicon", "nonforce_objects")
ASSIST_PURPOSES: frozenset[str] = words("lexicon", "assist_purposes")
ENDING_VERBS: frozenset[str] = words("lexicon", "ending_verbs")
STRIKE_LEMMAS: frozenset[str] = words("lexicon", "strike_lemmas")
RESPONSE_NOUNS: frozenset[str] = words("lexicon", "response_nouns")
TOPIC_PREPS: frozenset[str] = words("lexicon", "topic_preps")
STATEMENT_NOUNS: frozenset[str] = words("lexicon", "statement_nouns")
STATEMENT_SEQUENCE_PREPS: frozenset[str] = words("lexicon", "statement_sequence_preps")
LABEL_NOUNS: frozenset[str] = words("lexicon", "label_nouns")
TARGET_NOUNS: frozenset[str] = words("lexicon", "target_nouns")

VIOLENT = frozenset(
    {"clash", "attack", "shoot", "kill", "harm", "beat", "shell", "air", "explode", "grenade",
     "suicide", "chemical", "abduct", "sexual", "riot", "mob", "body", "protest"}
)  # fmt: skip
# acts a match report tells of a ball or an attempt on goal ("beat away his drive")
BALL_FRAMES = frozenset({"attack", "beat", "shoot", "harm", "kill", "riot", "protest"})
# acts that can be told as lasting years ("has fought ... for 15 years"); an abduction or a
# rape "for months" still names an incident, the one that began it
LASTING = VIOLENT - {"abduct", "sexual", "body"}
ARMED = ("armed", "nonstate", "weapon_smallarms", "weapon_shell", "weapon_air")


def _has_class(parse: Any, lexicon: Lexicon, name: str, skip: set[int]) -> bool:
    vocab = lexicon.words_of(name)
    return any(t.i not in skip and token_keys(t) & vocab for t in parse)


def _period(match: TriggerMatch, parse: Any) -> bool:
    """ "decades of hostilities", "after weeks of protests", "years of abuse": the act is a
    span of time, not an incident."""
    head = parse[match.head]
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "years of war and repression"
        tok = tok.head
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and bool(token_keys(of.head) & PERIOD_UNITS)
        and not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in tok.children)
    )


def _lasting(match: TriggerMatch, parse: Any) -> bool:
    """ "which has fought the government for more than 15 years", "have clashed since 2012":
    an act told as lasting months or years describes a conflict, not an incident."""
    verb = parse[match.head]
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "for" and token_keys(obj) & PERIOD_UNITS:
                if _dues_period(verb, prep, parse):
                    continue  # "protested over salaries unpaid for five months": the dues'
                return True
            if prep.lower_ == "since" and obj.like_num and len(obj.text) == 4:
                return True
    return False


def _dues_period(verb: Any, prep: Any, parse: Any) -> bool:
    """ "demonstrated over the payment of their salaries for two months": a period right
    after a word of unpaid dues is theirs; told in a perfect or progressive tense ("have
    protested over pay for two months") it is the protest's."""
    lasting_aux = any(c.dep_ == "aux" and c.lemma_ in {"have", "be"} for c in verb.children)
    return not lasting_aux and prep.i > 0 and bool(token_keys(parse[prep.i - 1]) & UNPAID_DUES)


def _objects(verb: Any) -> list[Any]:
    """The direct objects of a verb (or, passive, its subject) with their conjuncts."""
    out = [c for c in verb.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    for obj in list(out):
        out.extend(c for c in obj.conjuncts)
    return out


def _crowd_control_noun(tok: Any) -> bool:
    """ "tear gas", "water cannon", "rubber bullets", "stun grenades", "teargas"."""
    keys = token_keys(tok)
    if keys & CROWD_CONTROL_MODIFIERS and not keys & CROWD_CONTROL_HEADS:
        return tok.dep_ not in {"compound", "amod"}  # "teargas" alone
    return bool(keys & CROWD_CONTROL_HEADS) and any(
        c.dep_ in {"compound", "amod", "nmod"} and token_keys(c) & CROWD_CONTROL_MODIFIERS
        for c in tok.children
    )


def _crowd_control(match: TriggerMatch, parse: Any) -> bool:
    """The police fired only crowd-control munitions ("fired tear gas and rubber bullets at
    the crowd", "stun grenades were thrown"): no attack."""
    head = parse[match.head]
    if head.pos_ in {"NOUN", "PROPN"}:
        return _crowd_control_noun(head)
    nouns = [o for o in _objects(head) if o.pos_ in {"NOUN", "PROPN"}]
    if not nouns:
        return False
    if any(t.lower_ == "live" for t in parse):
        return False  # "live ammunition", "live rounds"
    return all(_crowd_control_noun(n) for n in nouns)


def _disaster_told(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "Hurricane Ida killed 40 people when it struck the coast", "the tsunami, which killed
    200,000 people": the agent is a pronoun or a relative word standing for a disaster."""
    head = parse[match.head]
    own = set(range(match.start, match.end))
    disaster = lexicon.words_of("disaster")
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if head.dep_ == "relcl" and any(s.lower_ in RELATIVE_SUBJECTS for s in subjects):
        antecedent = head.head
        return bool(token_keys(antecedent) & disaster) or any(
            token_keys(c) & disaster for c in antecedent.children if c.dep_ == "compound"
        )
    if any(token_keys(c) & disaster for s in subjects for c in s.children if c.dep_ == "compound"):
        return True  # "Hurricane Katrina killed 1,800 people"
    if not any(s.lower_ == "it" for s in subjects):
        return False
    if any(_has_class(parse, lexicon, name, own) for name in ARMED):
        return False
    return any(t.i not in own and t.dep_ != "pobj" and token_keys(t) & disaster for t in parse)


def _victims_gathering(match: TriggerMatch, parse: Any) -> bool:
    """ "killed 100 people who had gathered for a peace rally": a protest word in a relative
    clause on the victims of a violent act describes them."""
    tok = parse[match.head]
    for _ in range(3):  # "rally" -> "for" -> "gathered"
        if tok.dep_ == "relcl":
            victims = tok.head
            verb = victims.head
            return victims.dep_ in {"dobj", "obj", "nsubjpass", "pobj"} and bool(
                token_keys(verb) & VICTIM_VERBS
                or (
                    (verb.dep_ == "agent" or verb.pos_ == "ADP")
                    and token_keys(verb.head) & VICTIM_VERBS
                )
            )
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _court_sentence(match: TriggerMatch, parse: Any) -> bool:
    """ "A court on Wednesday jailed a man", "was jailed by a tribunal": a verdict."""
    head = parse[match.head]
    agents = [c for c in head.children if c.dep_ == "nsubj"]
    agents += [g for c in head.children if c.dep_ == "agent" for g in c.children]
    return any(token_keys(a) & COURT_WORDS for a in agents)


def _nonforce_mobilised(match: TriggerMatch, parse: Any) -> bool:
    """ "mobilising additional funds", "mobilise voters": no force is mobilised."""
    head = parse[match.head]
    objects = _objects(head) if head.pos_ == "VERB" else []
    return bool(objects) and all(token_keys(o) & NONFORCE_OBJECTS for o in objects)


def _assisting_deployment(match: TriggerMatch, parse: Any) -> bool:
    """ "deployed to train 200 Nigerian soldiers", "on a peacekeeping mission"."""
    head = parse[match.head]
    if head.pos_ != "VERB" and head.head.pos_ == "VERB":
        head = head.head  # "soldiers deployed …": the verb carries the purpose clause
    for tok in head.subtree:
        purpose = tok.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        )
        if purpose and token_keys(tok) & ASSIST_PURPOSES:
            return True  # a purpose clause: "to train", "to advise"
    return any(
        token_keys(t) & ASSIST_PURPOSES
        and t.dep_ in {"compound", "amod"}
        and t.head.lemma_.lower() in {"mission", "operation", "force", "contingent"}
        for t in parse
    )  # "on a peacekeeping mission", "a training mission"


def _given_up(match: TriggerMatch, parse: Any) -> bool:
    """ "have given up fighting", "called off a four-day strike": the act is stopped."""
    tok = parse[match.head]
    if tok.pos_ not in {"NOUN", "VERB"} or tok.dep_ not in {"dobj", "obj", "xcomp", "pcomp"}:
        return False
    verb = tok.head
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    phrase = f"{verb.lemma_.lower()} {particle}".strip()
    return phrase in ENDING_VERBS


def _business_attack(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """A nominal "attack"/"assault" on a market, a company or a policy, with no weapon,
    armed actor or harm in the sentence: a business or a political move."""
    head = parse[match.head]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in {"attack", "assault", "onslaught"}:
        return False
    own = set(range(match.start, match.end))
    if any(_has_class(parse, lexicon, name, own) for name in (*ARMED, "lethal", "protesters")):
        return False
    targets = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in {"on", "upon", "against"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    business = lexicon.words_of("corporate") | lexicon.words_of("abstract_patient")
    return any(token_keys(t) & business for g in targets for t in g.subtree)


def _transitive_strike(match: TriggerMatch, parse: Any) -> bool:
    """ "striking a sweet forehand", "struck the ball": a labour strike takes no object, so
    a protest word used as a transitive verb is a hit, not a strike."""
    head = parse[match.head]
    if head.pos_ != "VERB" or head.lemma_.lower() not in STRIKE_LEMMAS:
        return False
    return any(c.dep_ in {"dobj", "obj"} for c in head.children)


def _response_topic(match: TriggerMatch, parse: Any) -> bool:
    """A nominal act that is the topic of a response or a statement ("sanctions over the
    chemical attack", "an inquiry into the bombing", "concern about the escalation of
    hostilities", "an allegation of rape", "sent condolences following the assault").

    The act may sit in a conjunct or an "of" phrase of the topic ("concerns regarding the
    casualties of the civilians and the attack"): the climb follows those up to three times.
    """
    tok = parse[match.head]
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    topics = RESPONSE_NOUNS | STATEMENT_NOUNS
    for _ in range(3):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "the seizures and the killing"
        prep, governor = tok.head, tok.head.head
        if tok.dep_ != "pobj" and not (tok.dep_ == "dobj" and prep.dep_ == "prep"):
            return False  # "following the bombing" is parsed as a verb with its object
        if prep.lower_ in TOPIC_PREPS and token_keys(governor) & topics:
            return True
        if governor.pos_ == "VERB" and prep.lower_ in TOPIC_PREPS | STATEMENT_SEQUENCE_PREPS:
            said = RESPONSE_NOUNS if prep.lower_ in TOPIC_PREPS else topics
            if any(
                c.dep_ in {"dobj", "nsubjpass"} and token_keys(c) & said for c in governor.children
            ):
                return True  # "imposed sanctions over the attack", "sent a message after it"
        if prep.lower_ != "of" or governor.pos_ not in {"NOUN", "PROPN"}:
            return False
        tok = governor  # "the escalation of hostilities": the escalation is the topic
    return False


def _target_noun(match: TriggerMatch, parse: Any) -> bool:
    """ "identify potential targets": the noun names what might be attacked, not an act."""
    head = parse[match.head]
    return match.end - match.start == 1 and head.pos_ == "NOUN" and head.lower_ in TARGET_NOUNS


def _label(match: TriggerMatch, parse: Any) -> bool:
    """ "calling President Assad a murderer", "branded the rebels terrorists": a violent
    noun as the predicate of naming describes someone; it reports no act."""
    head = parse[match.head]
    return head.dep_ == "oprd" and bool(token_keys(head) & LABEL_NOUNS)


def spoken_about(match: TriggerMatch, parse: Any) -> str | None:
    """Why a violent trigger is only spoken about (a short reason), or None: the topic of a
    response or a statement, or a label for someone."""
    if _response_topic(match, parse):
        return "topic of a response or a statement"
    if _label(match, parse):
        return "a label for someone"
    return None


def nonevent_kind(match: TriggerMatch, parse: Any, frame: str, lexicon: Lexicon) -> str | None:
    """Why a trigger match names no incident (a short reason), or None."""
    if frame in VIOLENT and _period(match, parse):
        return "a period, not an incident"
    if frame in LASTING and _lasting(match, parse):
        return "a period, not an incident"
    if frame in {"shoot", "attack", "grenade", "chemical", "explode", "shell"} and (
        _crowd_control(match, parse)
    ):
        return "crowd control"
    if frame in VIOLENT | {"destroy"} and _disaster_told(match, parse, lexicon):
        return "disaster"
    if frame == "arrest" and _court_sentence(match, parse):
        return "a court's sentence"
    if frame == "protest" and _transitive_strike(match, parse):
        return "a hit, not a strike"
    if frame == "protest" and _victims_gathering(match, parse):
        return "the victims' gathering"
    if frame == "mobilize" and _nonforce_mobilised(match, parse):
        return "no force mobilised"
    if frame == "mobilize" and _assisting_deployment(match, parse):
        return "deployed to train or keep the peace"
    if frame in VIOLENT and _given_up(match, parse):
        return "given up or called off"
    if frame in {"attack", "beat"} and _business_attack(match, parse, lexicon):
        return "business or political attack"
    if frame == "attack" and _target_noun(match, parse):
        return "names a target, not an act"
    if frame in BALL_FRAMES and ball_play(match, parse, frame, lexicon):
        return "a ball struck or a player's attempt"
    return figure_kind(match, parse, frame, lexicon)  # robbed, gathered, boycotted, …
