"""A riot of prisoners: "prisoners rioted and burned the prison", "inmates clashed with the
guards", "a riot broke out at the prison; the inmates …".

ACLED codes a riot inside a prison (or one its inmates make) as Mob violence: the
prisoners are no demonstration, whatever they demand, unless the report tells a protest
("inmates … to denounce the new visiting rules", "began a sit-in"). The prisoners are
named by the context class ``prisoners`` (lexicon/context.yaml).
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import Context, is_armed, is_unarmed_crowd

PRISONERS = "prisoners"  # the context class of inmates
_FIREARM_TRIGGER_WORDS: frozenset[str] = words("lexicon", "firearm_trigger_words")


def prisoners_rioted(ctx: Context, demonstration: bool, beside: bool = True) -> bool:
    """Did prisoners riot or clash here, with no protest told? Inmates are named in the
    act's sentence (or beside it, ``beside``: for a riot word, not a clash), no gun is
    told, and no armed side fights another armed side or a side that is no crowd
    ("rebels clashed with the guards and freed 200 prisoners")."""
    if demonstration or PRISONERS not in ctx.sentence | (ctx.window if beside else set()):
        return False
    if ctx.trigger & _FIREARM_TRIGGER_WORDS or "weapon_smallarms" in ctx.sentence:
        return False  # "gunfight between prison guards and prisoners"
    if is_armed(ctx.agent):
        return is_unarmed_crowd(ctx.patient) and not is_armed(ctx.patient)
    return not is_armed(ctx.patient) or is_unarmed_crowd(ctx.agent)
