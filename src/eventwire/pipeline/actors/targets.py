"""ACLED's role conventions the words alone do not settle: who attacked, who was hit.

Who attacked: "X repelled Y's attack" makes Y actor1 (``repelled_attacker``); an armed
group named before a violent trigger that the parser read as its object is the
perpetrator (``subject_read_as_target``).

ACLED defines some event types by their target, so the type itself says who actor2 is:

- Violence against civilians (attack, abduction, sexual violence) is violence against
  unarmed people: an uncoded or missing target ("her", "a residential area", "the house
  of the mayor", a body found) is Civilians of the event's country.
- Looting/property destruction hits civilians' property ("olive trees", "houses"): an
  uncoded or missing target is Civilians as well; so is that of an air strike, a grenade
  or a suicide bomb that names no armed target ("bombed the village of X").
- Protest with intervention and Excessive force against protesters are defined by state
  forces acting on the crowd: without a coded target, actor2 is the country's police.
- A peaceful protest has no actor2 in ACLED: whom the protest is addressed to ("against
  the government") is not a party to an interaction, so such a mention is dropped
  (police or soldiers are kept: they did something to the crowd); ``addressee_only``
  says so and the stage leaves a note with the words (EW-ACT-013).

A target that was coded (an armed group, state forces, a named person) is never replaced,
except in Violence against civilians: there ACLED's actor2 is always Civilians (694 of 694
acled_more tune rows), so a target coded as a political party ("politicians of the ODM")
becomes Civilians with its name as the affiliation. Armed targets are kept (the finalizer
reads them as a clash: "abducted two soldiers"), and so are protesters (the incidents stage
makes police wounding protesters Excessive force against protesters); a mention that was
kept keeps its span, only its coding changes (``resolved_by`` =
"acled-target"); a target that had no words is inferred with an empty text.

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> from eventwire.records import Event, Span
>>> e = Event("d", Span(0, 4, "trigger", "shot"), 0, "ASSAULT",
...           acled_event_type="Violence against civilians", acled_sub_event_type="Attack")
>>> default_target(load_actor_dictionary(), e, "MX").name
'Civilians'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.compose import COORDINATION, code_mention
from eventwire.pipeline.actors.headlines import coded_headline_victim
from eventwire.pipeline.actors.parse import bare_toll_trigger, noun_phrases
from eventwire.pipeline.actors.responders import later_responder
from eventwire.pipeline.actors.things import head_word, is_thing, only_places
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event, Sentence

CIVILIAN_TARGET_TYPES = frozenset({"Violence against civilians"})
CIVILIAN_TARGET_SUBTYPES = frozenset({"Looting/property destruction"})
# remote violence that hits no armed party the report names: air strikes on villages,
# grenades thrown into bars, suicide bombs in markets hit civilians (acled_more tune: 32 of
# 38 such rows code Civilians; shelling and IEDs, 5 of 14 and 13 of 31, are left alone)
CIVILIAN_REMOTE_SUBTYPES = frozenset({"Air/drone strike", "Grenade", "Suicide bomb"})
# …and so do shelling and roadside bombs when the report tells someone was hurt (tune rows,
# seed-29 sample excluded: 32 of 33 such notes the stage left without a target)
HARM_REMOTE_SUBTYPES = frozenset(
    {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"}
)
# a state force told beside the blast may be what it hit ("targeting a KDF convoy")
_FORCES_TOLD = word_pattern(words("actors", "crowd_force_words"))
_HARM = word_pattern(words("actors", "remote_harm_words"))
_NO_CASUALTY = word_pattern(words("actors", "no_casualty_phrases"))
NO_TARGET_SUBTYPES = frozenset({"Peaceful protest"})
NO_ACTOR2_SUBTYPES: frozenset[str] = words("actors", "no_actor2_subtypes")
ADDRESSED_NOUNS: frozenset[str] = words("actors", "addressed_nouns")
OFFICIAL_NOUNS: frozenset[str] = words("actors", "official_nouns")
_OFF_DUTY = word_pattern(words("actors", "off_duty_words"), re.IGNORECASE)
_OFF_DUTY_TOLD = re.compile(r"\boff[- ]duty\b", re.IGNORECASE)
OFF_DUTY_REACH = 24  # characters before a target's words where "a retired | soldier" is told
_RIVAL_CROWDS = word_pattern(words("actors", "crowd_rival_cues"), re.IGNORECASE)
FORCES = frozenset({"military", "police"})
ARMED_NON_STATE = frozenset({2, 3, 4, 8})
_REPEL = re.compile(r"^(?:repel|repuls|fend|fought off|foil|thwart|beat back|push(?:ed)? back)")
_ATTACK_NP = re.compile(
    r"^(?P<owner>.*?)\s*\b(?:attack|assault|offensive|raid|advance|incursion|attempt)s?$", re.I
)
_DETERMINERS: frozenset[str] = words("actors", "target_determiners")
# "an (attempted) attack of Boko Haram on Kolofata": the attacker follows the attack noun
_ATTACK_OF = re.compile(
    r"\b(?:attack|assault|offensive|raid|advance|incursion)s?\s+(?:of|by|from)\s+"
    r"(?P<agent>.+?)(?=\s+(?:on|in|at|against|near|towards?)\b|[,;(]|$)",
    re.I,
)

_SECOND_PARTY_SKIP: frozenset[str] = words("actors", "second_party_skip")
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\b|,|;", re.IGNORECASE)
_COMMUNITIES_CLASHED = "clans, tribes or communities clashed"  # the events stage's reason
POLICE_TARGET_SUBTYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and actor.inter is not None


def _generic(d: ActorDictionary, actor_id: str, country: str | None, like: Actor | None) -> Actor:
    entry = d.by_id[actor_id]
    base = like or Actor(text="")
    return Actor(
        text=base.text,
        start=base.start,
        end=base.end,
        name=entry.name,
        actor_id=entry.id,
        type=entry.type,
        inter=entry.inter,
        country=entry.country or country,
        affiliation=list(base.affiliation),
        resolved_by="acled-target" if like is not None else "inferred",
    )


def _own_sentence(doc: Document | None, event: Event) -> Sentence | None:
    """The sentence an event is told in, if the document has it."""
    i = event.sentence_index
    return doc.sentences[i] if doc is not None and 0 <= i < len(doc.sentences) else None


def _no_casualties(doc: Document | None, event: Event) -> bool:
    """True when the event's sentence or the next says nobody was hurt."""
    if doc is None or _own_sentence(doc, event) is None:
        return False
    i = event.sentence_index
    text = " ".join(s.text for s in doc.sentences[i : i + 2]).lower()
    return _NO_CASUALTY.search(text) is not None


def harmed_civilians(
    d: ActorDictionary, event: Event, country: str | None, doc: Document | None
) -> Actor | None:
    """Civilians, as the actor2 of a roadside bomb, landmine or shelling left with none
    that hurt people ("a landmine exploded …, killing four citizens"); else None."""
    if event.actor2 is not None or event.acled_sub_event_type not in HARM_REMOTE_SUBTYPES:
        return None
    if not _harm_told(doc, event) or "GEN-CIVILIANS" not in d.by_id:
        return None
    return _generic(d, "GEN-CIVILIANS", country, None)


def _harm_told(doc: Document | None, event: Event) -> bool:
    """True when the event's sentence or the two after it tell someone was hurt, and
    none says nobody was or names a state force."""
    if doc is None or _own_sentence(doc, event) is None:
        return False
    i = event.sentence_index
    text = " ".join(s.text for s in doc.sentences[i : i + 3]).lower()
    if _NO_CASUALTY.search(text) is not None or _FORCES_TOLD.search(text) is not None:
        return False
    return _HARM.search(text) is not None


def default_target(
    d: ActorDictionary,
    event: Event,
    country: str | None,
    doc: Document | None = None,
    seen: Sequence[Actor] = (),
) -> Actor | None:
    """The actor2 ACLED's definition of the event's type implies, or None to leave it."""
    a2 = event.actor2
    remote = event.acled_sub_event_type in CIVILIAN_REMOTE_SUBTYPES
    if remote and a2 is None and _no_casualties(doc, event):
        return None  # "3 airstrikes targeted X. No fatalities reported.": no target
    unarmed = a2 is not None and a2.type == "political party"
    if a2 is not None and (
        (unarmed and event.acled_event_type in CIVILIAN_TARGET_TYPES)
        or official_hit(event)
        or off_duty_hit(event, doc)
    ):
        civilians = _generic(d, "GEN-CIVILIANS", country, a2)
        civilians.affiliation = [*a2.affiliation, *([a2.name] if a2.name else [])]
        return civilians
    if event.acled_sub_event_type == "Mob violence" and _unnamed_suspect(a2):
        # "lynched a suspected cattle thief": a mob's victim is a civilian, not a gang
        return _generic(d, "GEN-CIVILIANS", country, a2)
    if _coded(a2):
        return None
    if event.acled_sub_event_type == "Mob violence":
        # a mob hits people, whatever the dictionary made of them ("lynched two suspected
        # thieves", "a church": Civilians, ACLED 452 of 636 tune rows with a second party);
        # two crowds fighting each other are both rioters
        own = _own_sentence(doc, event)
        rival = own is not None and _RIVAL_CROWDS.search(own.text) is not None
        return _generic(d, "GEN-RIOTERS" if rival else "GEN-CIVILIANS", country, a2)
    if (
        event.acled_event_type in CIVILIAN_TARGET_TYPES
        or event.acled_sub_event_type in CIVILIAN_TARGET_SUBTYPES
        or remote
    ) and "GEN-CIVILIANS" in d.by_id:
        return _generic(d, "GEN-CIVILIANS", country, a2)
    if event.acled_sub_event_type in POLICE_TARGET_SUBTYPES and a2 is None and country:
        police = d.get(f"{country}-POL")
        if police is not None:
            return _generic(d, police.id, country, None)
    # an uncoded battle target names no party ("control of the village", "Oct.19")
    uncoded = a2 is not None and a2.resolved_by == "unknown" and a2.inter is None
    return other_side(d, event, country, doc, seen) if a2 is None or uncoded else None


def _unnamed_suspect(a2: Actor | None) -> bool:
    """A generic armed target (an unidentified group, a gang: "a suspected thief")."""
    return (
        a2 is not None
        and a2.inter == 3
        and (a2.actor_id or "").startswith("GEN-")
        and a2.resolved_by not in ("coref", "inferred")
    )


def official_hit(event: Event) -> bool:
    """A person named by a public office ("a government official", "an MP") hit by violence:
    ACLED codes officials as civilians (acled_more tune: the dictionary's government coding
    gave inter 1 on 6 rows whose gold is Civilians). In violence against civilians any
    government target is one; in battles and remote violence the words must name an office."""
    a2, category = event.actor2, event.acled_event_type
    if a2 is None or a2.type != "government" or category not in VIOLENT:
        return False
    tokens = set(re.findall(r"[a-z][a-z-]*", a2.text.lower()))
    return category in CIVILIAN_TARGET_TYPES or bool(tokens & OFFICIAL_NOUNS)


def off_duty_hit(event: Event, doc: Document | None) -> bool:
    """A member of the state's forces hit while off duty, or retired ("an off-duty police
    officer", "a retired soldier", "a former KDF soldier"): ACLED codes the victim a civilian
    (acled_more tune split, 202 notes with these words: inter2 +20/-1). "Off duty" counts
    in the target's sentence or the one before it ("… attacked an off-duty officer. They
    beat the officer"); retired, former and ex- must be the target's own words or just
    before them."""
    a2 = event.actor2
    if a2 is None or a2.inter not in (1, 8) or a2.type not in FORCES or doc is None:
        return False
    if event.acled_event_type not in VIOLENT and event.acled_event_type != "Riots":
        return False
    if _OFF_DUTY.search(a2.text):
        return True
    if a2.start < 0:
        return False
    if _OFF_DUTY_TOLD.search(_told_with(doc, a2.start)):
        return True
    before = doc.text[max(0, a2.start - OFF_DUTY_REACH) : a2.start]
    last = re.search(r"([\w-]+)\W*(?:[\w-]+\W*)?$", before)
    return last is not None and _OFF_DUTY.search(before[last.start() :]) is not None


def _told_with(doc: Document, offset: int) -> str:
    """The sentence holding ``offset`` and the one before it, in the same paragraph."""
    i = doc.sentence_at(offset)
    if i is None:
        return ""
    sentence = doc.sentences[i]
    before = doc.sentences[i - 1] if i else None
    same = before is not None and before.segment == sentence.segment
    return (before.text + " " if same and before else "") + sentence.text


def _different(coded: Actor, a1: Actor) -> bool:
    """An armed, coded actor other than actor1: another category, or another named actor."""
    if coded.inter not in ARMED_INTER or coded.resolved_by == "unknown":
        return False
    if coded.type in ("monitor", "government") or coded.name == a1.name:
        return False
    ids = (coded.actor_id or "GEN-", a1.actor_id or "GEN-")
    named_apart = not any(i.startswith("GEN-") for i in ids) and ids[0] != ids[1]
    return coded.inter != a1.inter or named_apart


def second_party(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """The other armed party a battle's sentence names where the parse left actor2 empty:
    the second of actor1's coordinated words ("RSF and SLA forces clashed", "military and
    Olonyi rebels") or an armed party elsewhere in the sentence ("engaged in a fire fight
    with Ambazonian separatists", "a gun battle between police and Al Shabaab")."""
    a1 = event.actor1
    if a1 is None or not a1.text.strip():
        return None  # an inferred actor1 has no words: no "second" party to look for
    parts = [p for p in COORDINATION.split(a1.text) if p.strip()]
    candidates = [Actor(text=parts[-1].strip())] if len(parts) > 1 else []
    for mention, _, dep in noun_phrases(doc, event):
        overlaps = a1.start >= 0 and mention.start < a1.end and a1.start < mention.end
        tokens = set(re.findall(r"[a-z]+", mention.text.lower()))
        place = only_places(doc, mention.start, mention.end) or is_thing(mention.text)
        place = place or bool(tokens & _SECOND_PARTY_SKIP)
        if not overlaps and dep != "speaker" and not place:
            candidates.append(mention)
    for mention in candidates:
        coded = code_mention(d, mention.text, country, doc.published, fuzzy=False)
        if _different(coded, a1):
            coded.start, coded.end = mention.start, mention.end
            coded.resolved_by = "second-party"
            return coded
    return None


def other_side(
    d: ActorDictionary,
    event: Event,
    country: str | None,
    doc: Document | None = None,
    seen: Sequence[Actor] = (),
) -> Actor | None:
    """The side a battle with one party named fought: another armed party its sentence
    names (``second_party``); else a community fights another community ("Clashes between
    rival clans", acled_more tune: 44 of 52 such battles code a communal militia second), a
    named rebel group or political militia fights the state's military (16 of 31 and 10 of
    30; an unidentified group's opponent is left open: 6 of 18)."""
    a1 = event.actor1
    if event.acled_event_type != "Battles" or a1 is None:
        return None
    second = second_party(d, doc, event, country) if doc is not None else None
    if second is not None:
        return second
    # "X clashed with Y. X took control of the village.": Y, named in an earlier sentence,
    # when actor1 has words of its own (an inferred or coreferent actor1 may be the earlier
    # party itself); a party of the event's own sentence is its own event's
    own_words = bool(a1.text.strip()) and a1.resolved_by not in ("coref", "inferred")
    own = _own_sentence(doc, event)
    begins = own.start if own is not None else -1
    opposed = (c for c in reversed(seen) if 0 <= c.start < begins and _opposed(c, a1))
    earlier = next(opposed, None) if own_words else None
    if earlier is not None:
        return replace(earlier, resolved_by="earlier-party")
    later = later_responder(d, doc, event, country, doc.published if doc else None)
    if later is not None:  # "… attacked the village. The military intervened and repelled them."
        return later
    if a1.inter == 4:
        return _generic(d, "GEN-COMMUNAL", country, None)
    military = d.get(f"{country}-MIL") if country else None
    named = a1.actor_id is not None and not a1.actor_id.startswith("GEN-")
    if a1.inter in (2, 3) and named and military is not None and a1.country in (None, country):
        return _generic(d, military.id, country, None)
    return None


def _opposed(candidate: Actor, a1: Actor) -> bool:
    """An armed party on the other side from actor1: state (1, 8) against non-state (2, 3,
    4), or two non-state parties named apart."""
    if not _different(candidate, a1) or a1.inter not in ARMED_INTER:
        return False
    if candidate.text.strip().lower() == a1.text.strip().lower():
        return False  # the same words coded twice ("Rezeigat fighters") are one party
    state = frozenset({1, 8})
    if (candidate.inter in state) != (a1.inter in state):
        return True
    return a1.inter not in state and candidate.inter != a1.inter


def addressee_only(event: Event) -> bool:
    """True when actor2 is only whom a peaceful protest is addressed to or where it stood
    (ACLED: no actor2): any party but police or soldiers, and a force word that only
    qualifies a thing ("police violence", "the Police HQ"); strategic developments with no
    second party in ACLED (a base established, a change to a group) have none either."""
    a2, sub = event.actor2, event.acled_sub_event_type
    if a2 is None:
        return False
    if sub in NO_ACTOR2_SUBTYPES:
        return True
    # police or soldiers at a protest did something to it
    return sub in NO_TARGET_SUBTYPES and (
        a2.type not in FORCES or head_word(a2.text) in ADDRESSED_NOUNS
    )


def settle_sides(d: ActorDictionary, event: Event, country: str | None) -> None:
    """Two conventions for a battle's sides once both are coded:

    - a crowd read as rioters (farmers, youths, refugees) that fights a communal militia,
      or in a clash of communities, is a communal militia itself ("clashes between
      farmers and herders", "two rival families clashed": ACLED inter 4 on both sides);
    - state forces and an unidentified armed group in an armed clash: the group is actor1
      (ACLED acled_more tune: 182 of 282 such battles; note order decides 100 of 157).
    """
    a1, a2 = event.actor1, event.actor2
    if event.acled_event_type != "Battles" or a1 is None:
        return
    communities = _COMMUNITIES_CLASHED in (event.rule or "") or (a2 is not None and a2.inter == 4)
    if a1.actor_id == "GEN-RIOTERS" and communities and (a2 is None or a2.inter == 4):
        event.actor1 = replace(_generic(d, "GEN-COMMUNAL", country, a1), affiliation=[])
        event.actor2 = a2 or _generic(d, "GEN-COMMUNAL", country, None)  # as other_side
    clash = event.acled_sub_event_type == "Armed clash"  # territory is the state's to regain
    if (
        clash
        and a2 is not None
        and a1.inter == 1
        and a1.type in FORCES
        and a2.actor_id == "GEN-UAG"
    ):
        event.actor1, event.actor2 = a2, a1


def subject_read_as_target(doc: Document, event: Event) -> bool:
    """True when a violent event's only actor is an armed group named before the trigger
    with no passive auxiliary between ("IS snipers targeted two policemen", where the parser
    read "IS" as a verb): that group is the perpetrator, not the target."""
    a2 = event.actor2
    if event.actor1 is not None or a2 is None or a2.inter not in ARMED_NON_STATE:
        return False
    if event.acled_event_type not in VIOLENT or not 0 <= a2.end <= event.trigger.start:
        return False
    between = doc.text[a2.end : event.trigger.start]
    if bare_toll_trigger(doc, event) or coded_headline_victim(doc, a2):
        return False  # "1 PDF soldier killed.", "Nine tribesmen killed in an ambush": hit
    return len(between) <= 40 and not _PASSIVE.search(between)


def repelled_attacker(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    country: str | None,
    ref_date: date | None,
    seen: list[Actor],
) -> Actor | None:
    """ "X repelled Y's attack": Y attacked, so Y is actor1 and X actor2 (ACLED: initiator).
    So does an armed party repelled itself ("police repulsed suspected militants", "Boko
    Haram fighters were repelled by soldiers": the repelled party is returned as it is).

    Y is the owner named before the attack noun ("an IS attack"), or the party named after
    it ("an attack of Boko Haram on Kolofata", ``_attack_of``), else the "by" agent of
    the attack ("repelled an attack by Taliban militants", returned with its own words and
    span), else the last armed actor before the trigger, in the sentence or the paragraph,
    other than X ("their attacks", "the assault").
    """
    a1, a2 = event.actor1, event.actor2
    if a1 is None or a2 is None or not _REPEL.match(event.trigger.text.lower()):
        return None
    match = _ATTACK_NP.match(" ".join(a2.text.split()))
    if match is None:
        attacker_of = _attack_of(d, a2, country, ref_date)
        if attacker_of is None and a2.inter in ARMED_INTER and a2.start >= 0:
            return a2  # "repulsed suspected Al Shabaab militants": the repelled attacked
        return attacker_of
    owner = " ".join(w for w in match["owner"].split() if w.lower() not in _DETERMINERS)
    owner = re.sub(r"['’]s$", "", owner)
    attacker: Actor | None = None
    if owner:
        coded = code_mention(d, owner, country, ref_date, fuzzy=False)
        attacker = coded if coded.inter in ARMED_INTER else None
    else:
        phrases = noun_phrases(doc, event)
        for mention, by_agent, _ in phrases:
            if by_agent and mention.start >= a2.start and mention.inter is None:
                coded = code_mention(d, mention.text, country, ref_date, fuzzy=False)
                if coded.inter in ARMED_INTER:
                    coded.start, coded.end = mention.start, mention.end
                    return coded
        before = [m for m, _, _ in phrases if m.end <= event.trigger.start]
        for mention in reversed(before):
            coded = code_mention(d, mention.text, country, ref_date, fuzzy=False)
            if coded.inter in ARMED_INTER and coded.actor_id != a1.actor_id:
                attacker = coded
                break
        attacker = attacker or next(
            (
                c
                for c in reversed(seen)
                if c.inter in ARMED_INTER and c.actor_id != a1.actor_id and c.type != "monitor"
            ),
            None,
        )
    return attacker


def _attack_of(
    d: ActorDictionary, a2: Actor, country: str | None, ref_date: date | None
) -> Actor | None:
    """The armed party named after the attack noun the defender repelled ("repelled an
    attack of Boko Haram on Kolofata"), with its own words and span; else None."""
    match = _ATTACK_OF.search(a2.text)
    if match is None or a2.start < 0:
        return None
    coded = code_mention(d, match["agent"], country, ref_date, fuzzy=False)
    if coded.inter not in ARMED_INTER:
        return None
    coded.text = match["agent"]
    coded.start, coded.end = a2.start + match.start("agent"), a2.start + match.end("agent")
    return coded
