"""Rules that choose the ACLED sub-event type of a trigger from its context.

The frame of a trigger gives a default ("shell" → Shelling/artillery/missile attack);
these rules look at the weapons named in the sentence, at who the agent and the target
are (armed, civilian, an unarmed crowd, protesters, state or non-state), and at the
surrounding sentences (was there a protest? was it dispersed? did the protesters throw
stones?) to separate the hard cases: an exchange of fire vs one-sided shelling, armed
vs unarmed victims, violent vs peaceful protests, government vs rebels taking ground.
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.battle_blast import BOMB_IN_BATTLE, bomb_in_battle
from eventwire.pipeline.events.crowd_captors import ANGRY_CROWD
from eventwire.pipeline.events.crowd_damage import CROWD_DAMAGE
from eventwire.pipeline.events.defenceless import defenceless
from eventwire.pipeline.events.finds import (
    crowd_named_beside_find,
    crowd_took_someone,
    occupied_unopposed,
)
from eventwire.pipeline.events.mixed_victims import MIXED_REASON, armed_among_victims
from eventwire.pipeline.events.party_crowds import PARTY_CROWD
from eventwire.pipeline.events.phrases import (
    Context,
    is_armed,
    is_civilian,
    is_unarmed_crowd,
)
from eventwire.pipeline.events.prison_riots import prisoners_rioted
from eventwire.pipeline.events.riot_mobs import rioters_on_people, rioters_wrecked

VIOLENT_FRAMES = frozenset(
    {"clash", "attack", "shoot", "kill", "harm", "beat", "shell", "air", "explode", "grenade",
     "suicide", "chemical", "abduct", "sexual", "riot", "mob", "body"}
)  # fmt: skip
PERSONAL_FRAMES = frozenset({"attack", "shoot", "kill", "harm", "beat", "body"})
CONSEQUENCE_FRAMES = frozenset({"kill", "harm", "body"})  # tolls: who did it is elsewhere
HARM_WITH_LOOT = frozenset({"kill", "shoot", "harm", "beat", "attack"})
CLASH_TOLL = "casualties of a clash"
FOUGHT_BACK = "the attacked fought back"  # finalize keeps it: the victims' code does not undo it
HARMED_CAPTIVE_FRAMES = frozenset({"kill", "harm", "beat", "shoot", "body"})
REMOTE_FRAMES = ("suicide", "chemical", "air", "grenade", "explode", "shell")
_REMNANT_FRAMES = frozenset({"grenade", "explode", "shell"})  # not a strike, gas or a bomber
RIOT_WORDS: frozenset[str] = words("lexicon", "riot_words")
BOMBED: frozenset[str] = words("lexicon", "bombed_words")
_CUSTODY_WORDS: frozenset[str] = words("lexicon", "custody_words")
_STREET_TACTIC_WORDS: frozenset[str] = words("lexicon", "street_tactic_words")
_REMOTE_SUBTYPE = {
    "suicide": "Suicide bomb",
    "chemical": "Chemical weapon",
    "air": "Air/drone strike",
    "grenade": "Grenade",
    "explode": "Remote explosive/landmine/IED",
    "shell": "Shelling/artillery/missile attack",
}
_WEAPON_CLASS = {
    "suicide": "weapon_suicide",
    "chemical": "weapon_chemical",
    "air": "weapon_air",
    "grenade": "weapon_grenade",
    "explode": "weapon_ied",
    "shell": "weapon_shell",
}
_FIREARM_TRIGGER_WORDS: frozenset[str] = words("lexicon", "firearm_trigger_words")
_BETWEEN: frozenset[str] = words("lexicon", "between_words")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})  # classes a modifier does not give a phrase


def remote_weapon(ctx: Context, frame: str) -> str | None:
    """The most specific remote weapon named in the sentence (or the trigger's own frame)."""
    remnant = "war_remnant" in ctx.sentence | ctx.window
    if remnant and _REMNANT_FRAMES & ({frame} | ctx.frames_sentence):
        # "an unexploded grenade went off", "a shell left over from the war exploded": a
        # remnant of war that someone set off is ACLED's landmine/IED sub-type, whatever
        # the device
        return "explode"
    generic_blast = "ied_specific" not in ctx.sentence and bool(
        {"weapon_air", "weapon_shell", "weapon_generic"} & ctx.sentence
    )
    for name in REMOTE_FRAMES:
        if name == "explode" and generic_blast:
            continue  # a bare "explosion" next to shells, aircraft or "weapons" is theirs
        if frame == name or name in ctx.frames_sentence or _WEAPON_CLASS[name] in ctx.sentence:
            return name
    return "shell" if generic_blast and frame == "explode" else None


def _protest_context(ctx: Context) -> bool:
    return bool({"protest", "riot"} & (ctx.frames_window | ctx.frames_sentence))


def _demonstration(ctx: Context) -> bool:
    """A protest told in the sentence or beside it (another riot word is none)."""
    return "protest" in ctx.frames_sentence | ctx.frames_window


def _protest_subtype(ctx: Context) -> tuple[str, str]:
    around = ctx.sentence | ctx.window
    frames = ctx.frames_sentence | ctx.frames_window
    # "held a peaceful protest … demanding the police solve a riot": told, not done
    calm = "peaceful" in around and "turned_violent" not in around
    if ("riot" in frames or "mob" in frames) and not calm:
        return "Violent demonstration", "riot cue near the protest"
    if ctx.window_violent_agents & {"protesters", "unarmed_collective"} and not calm:
        return "Violent demonstration", "protesters used violence"
    if {"protest_violence", "protest_damage", CROWD_DAMAGE} & around and not calm:
        return "Violent demonstration", "violence cue near the protest"
    shot = "weapon_smallarms" in around or "shoot" in frames
    if "lethal" in around and ("intervention" in around or shot):
        # "security forces fired on protesters, resulting in three fatalities"
        return "Excessive force against protesters", "protesters killed"
    if "hurt_cue" in around and shot and "less_lethal" not in around:
        # "police shot at the crowd, injuring two", "fired rifles … injuries reported"
        return "Excessive force against protesters", "protesters shot and hurt"
    if "intervention" in around or "arrest" in frames:
        return "Protest with intervention", "intervention cue"
    return "Peaceful protest", "no violence or intervention cue"


def _riot(ctx: Context) -> tuple[str | None, str]:
    agent = ctx.agent
    if "mob" in ctx.frames_sentence:
        return "Mob violence", "mob cue"
    if prisoners_rioted(ctx, _demonstration(ctx)):
        return "Mob violence", "a prison riot"  # prison_riots.py
    if "between_parties" in ctx.sentence | ctx.window and not _demonstration(ctx):
        # "A riot broke out between X and Y. The riot was sparked by …"
        return "Mob violence", "a riot between two groups"
    if ctx.trigger & _STREET_TACTIC_WORDS:
        return "Violent demonstration", "tyres burned or roads barricaded"
    if rioters_on_people(ctx):
        return "Mob violence", "rioters attacked people, no demonstration"
    if rioters_wrecked(ctx):
        return "Mob violence", "rioters wrecked things, no demonstration"
    around = ctx.sentence | ctx.window
    if "riot_outbreak" in around and "protest_context" not in around and not _demonstration(ctx):
        return "Mob violence", "a riot broke out, no demonstration"  # "a riot broke out in X"
    if _protest_context(ctx) or ctx.trigger & RIOT_WORDS or agent & {"protesters"}:
        return "Violent demonstration", "riot cue"
    if is_armed(agent) or (not agent and is_civilian(ctx.patient)):
        return _personal("attack", "Attack", ctx)  # a petrol bomb thrown at a house
    return "Mob violence", "stones or fire by a crowd"


def _abduct(ctx: Context) -> tuple[str, str]:
    agent = ctx.agent
    if ANGRY_CROWD in agent and not is_armed(agent):
        # "held hostage by irate youths", "a mob abducted and beat to death a man"
        if _demonstration(ctx):
            return "Violent demonstration", "a protesting crowd took a hostage"
        return "Mob violence", "a crowd took a hostage"
    if HARMED_CAPTIVE_FRAMES & (ctx.frames_sentence | ctx.frames_window):
        if "clash" in ctx.frames_sentence | ctx.frames_window:
            # captives taken in a fight told beside it: the battle (captured soldiers
            # killed later stay an attack on the defenceless, as ACLED and GTD code it)
            return "Armed clash", "captives taken in a clash"
        return "Attack", "abducted and harmed"  # ACLED: killed or hurt, not only held
    if "captive_hurt" in ctx.window and "clash" not in ctx.frames_sentence | ctx.frames_window:
        return "Attack", "captives hurt, told apart"  # "They were beaten and released."
    return "Abduction/forced disappearance", "abduction"


def classify(frame: str, default: str | None, ctx: Context) -> tuple[str | None, str]:
    """Return (ACLED sub-event type or None, a short reason) for a trigger frame in context."""
    agent = ctx.agent
    if frame == "protest":
        return _protest_subtype(ctx)
    if frame == "riot":
        return _riot(ctx)
    if frame == "mob":
        if crowd_named_beside_find(frame, ctx.frames_sentence, ctx.sentence, VIOLENT_FRAMES):
            return "Disrupted weapons use", "a crowd that found a device"  # "vigilantes found"
        if is_armed(agent):
            return _personal("beat", "Attack", ctx)  # "assailants stoned a civilian"
        if _demonstration(ctx):  # not a riot word alone: "rioters stoned the minister's car"
            return "Violent demonstration", "crowd violence in a protest"
        return "Mob violence", "mob cue"
    if frame in REMOTE_FRAMES:
        return _remote(frame, ctx)
    if frame == "clash":
        return _clash(ctx)
    if frame in PERSONAL_FRAMES:
        return _personal(frame, default, ctx)
    if frame == "abduct":
        return _abduct(ctx)
    if frame == "arrest":
        if "nonstate" in agent and "state" not in agent:
            return "Abduction/forced disappearance", "detained by a non-state group"
        told = ctx.frames_sentence | ctx.frames_window
        if told & HARMED_CAPTIVE_FRAMES and "attack" not in told and not is_armed(ctx.patient):
            if is_unarmed_crowd(agent) and not ctx.trigger & _CUSTODY_WORDS:
                # "residents caught and killed a suspected thief": mob justice (an "arrest"
                # is the state's, whoever the parse makes its agent)
                return "Mob violence", "a crowd caught and harmed someone"
            # "agents detained 4 men; 2 were beaten", "arrested a man … his body was found":
            # ACLED codes the harm (not "the police later arrested the assailants")
            return "Attack", "detainees beaten or killed"
        if crowd_took_someone(frame, is_unarmed_crowd(agent), bool(told & HARMED_CAPTIVE_FRAMES)):
            return "Mob violence", "a crowd seized someone"  # "residents arrested him"
        return "Arrests", "arrest"
    if frame in ("destroy", "loot"):
        # with no agent found, the doers' words are among the victims: the people harmed
        # are those after the act ("armed men beat, wounded and robbed 21 people")
        harmed = ctx.victims if agent else ctx.after
        if (
            frame == "loot"
            and ctx.frames_sentence & HARM_WITH_LOOT
            and not is_unarmed_crowd(agent)
            and not harmed & {"armed", "military_site"}
        ):
            return "Attack", "people harmed in the raid"  # "raiders killed 2 and stole cattle"
        if frame == "destroy" and "disrupt" in ctx.frames_sentence:
            return "Disrupted weapons use", "a found device destroyed"
        weapon = remote_weapon(ctx, frame)
        if weapon is not None and frame == "destroy":
            return _REMOTE_SUBTYPE[weapon], f"property hit by {weapon}"
        if agent & {"protesters"} or (_protest_context(ctx) and is_unarmed_crowd(agent)):
            return "Violent demonstration", "property damage by protesters"
        if is_unarmed_crowd(agent):
            return "Mob violence", "property damage by a crowd"
        if _people_harmed_beside(ctx, harmed):
            return "Attack", "people harmed where property was destroyed"
        return "Looting/property destruction", frame
    if frame in ("capture", "retake"):
        return _territory(frame, ctx)
    if frame == "premature" and "emplacement" in ctx.sentence:
        # the device went off while being planted or carried to its target: the bombing was
        # under way (one that goes off in a store or a workshop stays Disrupted weapons use)
        return "Remote explosive/landmine/IED", "went off while being planted or carried"
    return default, "frame default"


def _people_harmed_beside(ctx: Context, harmed: set[str]) -> bool:
    """Houses burned or goods taken while people were killed, hurt or shot in the same
    sentence or the next ("soldiers burned down the village. One civilian was killed.",
    "beat people, torched homes"): ACLED codes the violence done to people, an Attack
    (harm_beside.py). Not when a crowd or a protest did it (the rules before)."""
    if "fought_back" in ctx.sentence | ctx.window or "clash" in ctx.frames_window:
        return False  # "… killed a civilian and burnt a shelter. Troops repelled them.": a battle
    return ctx.people_harmed and not harmed & {"armed", "military_site"}


def _people(classes: set[str]) -> bool:
    return is_civilian(classes) or is_unarmed_crowd(classes)


def _state_side(classes: set[str]) -> bool:
    return "state" in classes or ("armed" in classes and "nonstate" not in classes)


def _clash(ctx: Context) -> tuple[str, str]:
    agent, patient = ctx.agent, ctx.patient
    if prisoners_rioted(ctx, _demonstration(ctx), beside=False):
        return "Mob violence", "prisoners clashed"  # "inmates clashed with the guards"
    if "protesters" in agent and not is_armed(agent):
        return "Violent demonstration", "protesters clashed"  # "demonstrating workers clashed"
    if _protest_context(ctx) and (
        is_unarmed_crowd(agent) or is_unarmed_crowd(patient) or "state" in agent | patient
    ):
        return "Violent demonstration", "clash in a protest"
    if "communal" in agent | patient or (
        {"communal", "named_communal"} & ctx.sentence and "state" not in agent | patient
    ):
        return "Armed clash", "clans, tribes or communities clashed"  # identity militias
    if is_unarmed_crowd(agent) and not is_armed(patient) and "weapon_smallarms" not in ctx.sentence:
        return "Mob violence", "clash between unarmed groups"
    gunfire = bool(ctx.trigger & _FIREARM_TRIGGER_WORDS)  # "returned fire", "shootout"
    if "running_battle" in ctx.sentence and not gunfire and "weapon_smallarms" not in ctx.sentence:
        # "the learners engaged police in running battles": crowds fighting in the streets
        if _protest_context(ctx):
            return "Violent demonstration", "running battles at a protest"
        return "Mob violence", "running battles"

    # "soldiers and police clashed at the office": a building or property is the scene
    people_patient = _people(patient) and "property" not in patient
    state_vs_people = (_state_side(agent) and people_patient) or (
        _state_side(patient) and _people(agent)
    )
    if state_vs_people and not gunfire and not ctx.sentence & {"weapon_smallarms", "nonstate"}:
        # police fighting with vendors or villagers: unarmed people who fight are rioters
        if _protest_context(ctx):
            return "Violent demonstration", "people clashed with police at a protest"
        return "Mob violence", "people clashed with state forces"
    if "weapon_melee" in ctx.sentence and not {"weapon_smallarms", "armed"} & ctx.sentence:
        return "Mob violence", "clash with sticks and blades"
    armed_cues = {"armed", "nonstate", "military_site", "weapon_smallarms", "weapon_shell",
                  "named_rebel"}  # fmt: skip
    # crowds do not trade gunfire: "UNAMID exchanged fire with the group", or gunmen told
    # beside the fight ("gunmen raided the area … in the ensuing fighting 2 were killed")
    fired = gunfire or bool(ctx.window & {"weapon_smallarms", "nonstate"})
    crowds = ctx.sentence & {"unarmed_collective", "protesters"}
    if crowds and not ctx.sentence & armed_cues and not fired:
        return "Mob violence", "clash between groups of people"
    return "Armed clash", "clash"


def _territory(frame: str, ctx: Context) -> tuple[str, str]:
    if "handover" in ctx.frames_sentence or "unopposed" in ctx.sentence | ctx.window:
        return "Non-violent transfer of territory", "taken without a fight"
    if occupied_unopposed(ctx.trigger, ctx.frames_sentence | ctx.frames_window, VIOLENT_FRAMES):
        return "Non-violent transfer of territory", "occupied, no fight told"
    agent = ctx.agent
    state = "state" in agent and "nonstate" not in agent
    nonstate = "nonstate" in agent and "state" not in agent
    if frame == "retake":
        if nonstate:
            return "Non-state actor overtakes territory", "rebels regain ground"
        return "Government regains territory", "retake"
    if state:
        return "Government regains territory", "state forces take ground"
    return "Non-state actor overtakes territory", "capture"


def _remote(frame: str, ctx: Context) -> tuple[str, str]:
    weapon = remote_weapon(ctx, frame) or frame
    battle = "clash" in ctx.frames_sentence or "exchange" in ctx.sentence
    if weapon == "grenade" and battle and not _crowd_scene(ctx):
        # "clashed with soldiers at a checkpoint after the militants threw a hand grenade",
        # "the clash was initiated with a hand grenade": the grenade opened the battle
        return "Armed clash", "grenade thrown in a battle"
    if weapon == "explode" and bomb_in_battle(ctx, _crowd_scene(ctx)):
        return "Armed clash", BOMB_IN_BATTLE  # "a car exploded in a landmine during the fight"
    if weapon == "air" and "clash" in ctx.frames_sentence | ctx.frames_window:
        # "clashed …; the operation was supported by an airstrike": air support is part of
        # the battle (heavy weapons fired at positions stay shelling: ACLED's convention)
        return "Armed clash", "air support in a battle"
    state_agent = "state" in ctx.agent and "nonstate" not in ctx.agent  # not "Islamic State"
    if weapon == "explode" and ctx.trigger & BOMBED and state_agent:
        return "Air/drone strike", "state forces bombed"  # "the army bombed the village"
    if weapon in {"explode", "shell"} and ctx.trigger & BOMBED and "aircraft" in ctx.agent:
        return "Air/drone strike", "bombed by aircraft"  # "an Antonov plane bombed X"
    if weapon == "shell" and (
        {"weapon_smallarms", "exchange"} & ctx.sentence or "reciprocal" in ctx.patient
    ):
        # heavy weapons fired together with small arms: a battle, not one-sided shelling
        return "Armed clash", "heavy and small arms"
    return _REMOTE_SUBTYPE.get(weapon, _REMOTE_SUBTYPE[frame]), f"weapon {weapon}"


HELD_REASON = "people harmed in custody"


def _held_then_harmed(frame: str, ctx: Context) -> bool:
    """Soldiers "arrested 3 students, took them to the barracks and shot them", police
    "assaulted six men during interrogation after arresting them": the armed men named are
    the captors; people harmed in custody are civilians to ACLED (h16bh)."""
    told = ctx.frames_sentence | ctx.frames_window
    return (
        frame in {"shoot", "beat", "kill", "attack", "harm"}
        and "arrest" in told
        and (not ctx.agent or ("state" in ctx.agent and "nonstate" not in ctx.agent))
        and not is_armed(ctx.patient)
        and "nonstate" not in ctx.victims  # "kill six fighters … and make arrests"
        and "clash" not in told
        and not {"exchange", "fought_back"} & (ctx.sentence | ctx.window)
    )


def _crowd_scene(ctx: Context) -> bool:
    """A protest or a riot, or crowds in the sentence ("youths clashed after a grenade
    attack", "police threw stun grenades at the rioters"): not a battle between armed sides
    (the protesters' class, which has "them", is not asked: "one of them threw a grenade")."""
    return _protest_context(ctx) or "unarmed_collective" in ctx.sentence


def _stones_by_people(frame: str, ctx: Context) -> bool:
    """People who are no armed party attacked an armed side with stones or rocks, no
    firearm told: a crowd's fight, not a battle ("refugees attack police with stones", "members of
    the party attacked a rival faction with stones and clubs")."""
    return (
        frame in {"attack", "beat"}
        and "thrown_missile" in ctx.sentence
        and bool(ctx.agent)
        and not is_armed(ctx.agent)
        and is_armed(ctx.patient)
        and "nonstate" not in ctx.agent
        and not ctx.sentence & {"weapon_smallarms", "named_rebel"}
    )


def _fought_back(frame: str, ctx: Context) -> bool:
    """ "gunmen attacked the prison. Guards repelled the attack", "… opened fire on the
    house; the family fired back": the attacked answered the attackers in the note, so the
    attack is a battle (ACLED), whoever its first victims were. Not a protest's police."""
    return (
        frame in {"attack", "shoot"}
        and "fought_back" in ctx.sentence | ctx.window
        and not _protest_context(ctx)
        and not ctx.agent & {"protesters", "unarmed_collective"}
    )


def _crowd_harm(frame: str, ctx: Context) -> tuple[str, str] | None:
    """Harm at a protest or by a crowd: force against protesters, protesters' violence, a
    crowd's beating, stones thrown by people; None when no crowd or protest decides."""
    agent, patient = ctx.agent, ctx.patient
    around = ctx.sentence | ctx.window
    if (
        _protest_context(ctx)
        and (patient & {"protesters"} or "state" in agent)
        and (
            "lethal" in ctx.sentence | ctx.window
            or (frame == "shoot" and {"hurt_cue"} == {"hurt_cue", "less_lethal"} & around)
        )
        and frame in ("shoot", "kill", "harm")
    ):
        return "Excessive force against protesters", "protesters shot or killed"
    if agent & {"protesters"}:
        return "Violent demonstration", "violence by protesters"
    if not agent and "state" in patient and _protest_context(ctx) and frame in ("attack", "beat"):
        return "Violent demonstration", "police attacked at a protest"
    if (
        is_unarmed_crowd(agent)
        and frame in ("beat", "attack", "kill")
        and "weapon_smallarms" not in ctx.sentence
    ):
        if _protest_context(ctx):
            return "Violent demonstration", "violence by a protesting crowd"
        if PARTY_CROWD not in agent:  # a party's named crowd is its militia (party_crowds.py)
            return "Mob violence", "violence by an unarmed crowd"
    return None


def _personal(frame: str, default: str | None, ctx: Context) -> tuple[str | None, str]:
    """The sub-type of harm done to people: remote weapons, then crowds and protests
    (``_crowd_harm``), then who the targets were; the order of the rules is the reading."""
    agent, patient = ctx.agent, ctx.patient
    weapon = remote_weapon(ctx, frame)
    if weapon is not None and frame != "beat":
        if weapon == "shell" and "weapon_smallarms" in ctx.sentence:
            return "Armed clash", "heavy and small arms"
        if weapon in {"shell", "grenade"} and "clash" in ctx.frames_sentence:
            return "Armed clash", "weapons fired in a clash"  # the predicate, not the noun
        return _REMOTE_SUBTYPE[weapon], f"{frame} with {weapon}"
    crowd = _crowd_harm(frame, ctx)
    if crowd is not None:
        return crowd
    if "sexual" in ctx.frames_sentence:
        return "Sexual violence", "sexual violence cue"
    if (
        frame in CONSEQUENCE_FRAMES
        and not agent
        and (
            "clash" in ctx.frames_sentence | ctx.frames_window
            or "exchange" in ctx.window  # "Clashes between X and Y in Sunta. 6 killed."
        )
        and not _protest_context(ctx)
    ):
        return "Armed clash", CLASH_TOLL  # "clashes erupted … 3 were killed"
    if _stones_by_people(frame, ctx):
        if _protest_context(ctx):
            return "Violent demonstration", "stones thrown at a protest"
        return "Mob violence", "people fought with stones"  # "refugees attack police with stones"
    unarmed_then = defenceless(frame, ctx)  # executed: held, then killed (h16bn)
    if unarmed_then is not None:
        return "Attack", unarmed_then
    if is_armed(patient) or ("reciprocal" in patient and frame in {"shoot", "attack", "kill"}):
        return "Armed clash", "armed target"  # or "fired at each other": both sides fought
    if _fought_back(frame, ctx):
        return "Armed clash", FOUGHT_BACK
    if armed_among_victims(frame, ctx.sentence | ctx.window, _protest_context(ctx)):
        return "Armed clash", MIXED_REASON  # "killing 8 civilians and 2 soldiers"
    if is_civilian(patient) or "property" in patient:
        return "Attack", "civilian target"
    if "clash" in ctx.frames_sentence or "exchange" in ctx.sentence:
        return "Armed clash", "exchange cue"
    if frame == "beat":
        return "Attack", "beating"
    victims = ctx.victims
    # a site named only as the scene ("at a checkpoint", "in a police station") is no party
    if "civilian" in victims and "armed" not in victims:
        return "Attack", "civilians named in the sentence"
    if (
        frame not in CONSEQUENCE_FRAMES  # a toll's dead are told wherever ("sentenced to death")
        and not agent
        and "civilian" in ctx.after
        and not ctx.after & {"armed", "military_site"}
    ):
        # "Police assault journalist …", "Bandits raid villages, attack civilians": a
        # headline parse leaves the doers among the victims; the people after the act are
        # its targets
        return "Attack", "civilians named after the act"
    if "armed" in victims and _held_then_harmed(frame, ctx):
        return "Attack", HELD_REASON
    if "armed" in victims:
        return "Armed clash", "armed actors named in the sentence"
    return default, "frame default"
