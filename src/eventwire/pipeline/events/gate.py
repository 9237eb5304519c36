"""Which trigger alternatives report an act: the coder's per-sentence cue classes and the
gate each trigger passes (a non-event, another sense of the word, an ambiguous word with
no context). Moved out of stage.py (issue 16), behaviour unchanged.

``sentence_classes`` gives the cue classes of one parsed sentence, with the checks that
drop a cue read in the wrong sense; ``accept_trigger`` returns the frame a trigger
alternative keeps, or None to drop it.
"""

from __future__ import annotations

from typing import Any

from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.events.accept import (
    accept_protest,
    accept_violent,
    headline_verb,
    under_prohibition,
)
from eventwire.pipeline.events.aftermath import HARM_NEXT, act_on_people
from eventwire.pipeline.events.crowd_damage import CROWD_DAMAGE, crowd_damage
from eventwire.pipeline.events.crowd_deeds import untold_violence
from eventwire.pipeline.events.engage_sense import engaged_in_no_fight
from eventwire.pipeline.events.headlines import HEADLINE_ACT, headline_act
from eventwire.pipeline.events.modality import is_statement
from eventwire.pipeline.events.nonevents import non_event
from eventwire.pipeline.events.parties import (
    NAMED_ARMED,
    NAMED_COMMUNAL,
    NAMED_REBEL,
    forces_act,
    named_target,
    party_classes,
)
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.rules import (
    aircraft_not_striking,
    between_parties,
    denied_deaths,
    domain_words,
    fallback_frame,
    forces_on_protest,
    valid_air,
    valid_intervention,
    valid_protest_violence,
)
from eventwire.pipeline.events.senses import joint_exercise, nonviolent_sense
from eventwire.pipeline.events.stopped_bomber import stopped_bomber, stopped_bomber_tokens
from eventwire.pipeline.events.subtypes import VIOLENT_FRAMES
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, classes_in

STRONG_CLASSES = frozenset(
    {
        "armed",
        "nonstate",
        NAMED_ARMED,  # a party the actor dictionary codes as armed ("RSF", "M23")
        "weapon_air",
        "weapon_shell",
        "weapon_ied",
        "weapon_grenade",
        "weapon_suicide",
        "weapon_chemical",
    }
)
_PARTIES = {
    "attack": {NAMED_ARMED},
    "clash": {NAMED_REBEL, NAMED_COMMUNAL},
}  # a brawl with police: no


def sentence_classes(parse: Any, lexicon: Lexicon, dictionary: ActorDictionary | None) -> set[str]:
    """The cue classes of one sentence, less those read in another sense ("no fatalities
    reported", "police … punched a journalist"), plus "intervention" when forces stop a
    protest."""
    # "a suicide bomber was killed by soldiers": no weapon used (stopped_bomber.py)
    found = classes_in(list(parse), lexicon, skip=stopped_bomber_tokens(parse))
    found |= party_classes(parse, dictionary)
    found |= between_parties(parse, 0)  # read by the window too
    if "intervention" in found and not valid_intervention(parse, lexicon):
        found.discard("intervention")
    if "protest_damage" in found and forces_act(parse, lexicon):
        found.discard("protest_damage")  # "police … punched a journalist"
    if "lethal" in found and denied_deaths(parse, lexicon):
        found.discard("lethal")  # "no fatalities reported"
    if forces_on_protest(parse, lexicon):
        found.add("intervention")  # "police stopped the march"
    if "protest_violence" in found and not valid_protest_violence(parse, lexicon):
        found.discard("protest_violence")
    if "protest_violence" in found and untold_violence(parse, lexicon):
        found.discard("protest_violence")  # "they wanted to burn a tire" (crowd_deeds.py)
    if "weapon_air" in found and not valid_air(parse, lexicon):
        found.discard("weapon_air")
    if crowd_damage(parse, lexicon):
        found.add(CROWD_DAMAGE)  # "They burned the council building" (crowd_damage.py)
    return found


def accept_trigger(
    match: TriggerMatch, parse: Any, classes: set[str], domain: set[str], lexicon: Lexicon
) -> str | None:
    """Return the frame to use for a trigger alternative, or None to drop it."""
    entry = match.entry
    frame = entry.frame
    # "Raiders attack shops": a headline's verb the parse read as a modifier (headlines.py)
    headline = "short" in domain and frame in VIOLENT_FRAMES and headline_act(match, parse)
    reason = non_event(match, parse, frame, lexicon)
    if reason is not None and not (headline and reason == "names a unit or a thing"):
        return None  # "according to", "riot police", "a gas explosion", "nobody was hurt"
    if frame == "clash" and engaged_in_no_fight(parse[match.head], lexicon):
        return None  # "engaged in an argument", "commanders engaged in a mission" (h16cc)
    if frame in {"suicide", "explode"} and stopped_bomber(parse[match.head]):
        return None  # "a suicide bomber was killed by soldiers": the fight (stopped_bomber.py)
    own = set(range(match.start, match.end))
    ctx = classes_in(list(parse), lexicon, skip=own) if entry.ambiguous else classes
    ctx |= classes & {NAMED_ARMED, NAMED_REBEL, NAMED_COMMUNAL, HARM_NEXT}
    strong = bool(ctx & STRONG_CLASSES)
    in_domain = "domain" in domain or domain_words(parse, lexicon, own) >= 2
    violent = frame in VIOLENT_FRAMES or frame in {"capture", "retake", "disrupt"}
    story = "story" in domain
    if violent and "fiction" in domain:
        return None  # a film, game or novel review: the violence in it is told
    # an armed party or two communities named by the actor dictionary: the act is one
    named = bool(ctx & _PARTIES.get(frame, set())) and (
        frame == "clash" or named_target(parse[match.head])  # not "attacked the plan"
    )
    # "Unidentified persons attacks market in X": a headline's verb, not a business story
    named |= frame == "attack" and "short" in domain and headline_verb(parse[match.head], parse)
    named |= headline
    # "two men attacked their President. She was injured." (aftermath.py)
    named |= (
        frame in {"attack", "clash"} and HARM_NEXT in ctx and act_on_people(match, parse, lexicon)
    )
    if (
        violent
        and not (named and not in_domain)
        and nonviolent_sense(match, parse, frame, strong, in_domain or story, lexicon, story)
    ):
        # "attacked the legislation", "beat The Sopranos", "R&B music exploded"
        return fallback_frame(entry, match, parse) if frame == "attack" else None
    if frame == "air" and entry.ambiguous and aircraft_not_striking(parse[match.head], lexicon):
        return None  # "helicopters were seen flying overhead"
    if frame == "protest" and under_prohibition(parse, parse[match.head], lexicon):
        return "measures"  # "the ban on marches and protests was extended"
    if frame in {"loot", "destroy"} and parse[match.head].dep_ == "amod":
        return None  # "the looted funds", "a burnt car": a state, not a reported act
    if violent and frame not in {"protest"}:
        short = {"short_note"} if "short" in domain and not in_domain else set()
        short |= {HEADLINE_ACT} if headline and not in_domain else set()
        return accept_violent(match, parse, ctx | short, strong, in_domain, lexicon)
    if frame == "protest" and entry.ambiguous:
        short = {"short_note"} if "short" in domain and not in_domain else set()
        return accept_protest(match, parse, ctx | short, in_domain, lexicon)
    if frame == "mobilize" and joint_exercise(match, parse):
        return "cooperate"  # "the US and its allies launched war games"
    if is_statement(parse, match.head, frame, lexicon):
        return None  # "rejected the accusations", "released a statement"
    if frame == "destroy":
        return frame if ({"conflict", "property"} & ctx) and not in_domain else None
    if frame == "support":
        head = parse[match.head]
        if head.pos_ != "VERB":
            return None
        obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is None or not (phrase_classes(parse, obj.i, lexicon) or obj.ent_type_):
            return None
        return frame
    if entry.ambiguous and (in_domain or (frame == "base" and not strong)):
        return None  # "established a checkpoint": an armed party's, not a company's office
    if entry.ambiguous and frame == "measures" and "state" not in ctx:
        return None  # "restricted travel": a government's curb, not an airline's
    return frame
