"""Soldiers and officers harmed when they could not fight (issue 16, h16bn).

ACLED codes an act on an armed side a battle, but not when the armed people were held and
killed: "guards loyal to the governor executed nine soldiers", "assailants executed a police
officer". These are Attacks (GTD codes them as attacks on the defenceless too).
:func:`defenceless` names the reason, or ``None`` when the note tells a fight (an exchange
of fire, the attacked fighting back, a clash in the sentence).
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import Context, is_armed

EXECUTION_WORDS: frozenset[str] = words("lexicon", "execution_words")
EXECUTED = "the executed were held"
_NOT_PEOPLE = frozenset({"military_site", "property", "territory"})


def _armed_harmed(ctx: Context) -> bool:
    """The act would be read as a battle: its target, or the people named with it, armed."""
    return is_armed(ctx.patient) or "armed" in ctx.victims


def defenceless(frame: str, ctx: Context) -> str | None:
    """The reason an act on armed people is an Attack, or ``None``.

    >>> defenceless("kill", Context(trigger={"execute"}, patient={"armed"}))
    'the executed were held'
    >>> defenceless("kill", Context(trigger={"execute"}, patient={"armed"}, sentence={"exchange"}))
    """
    if not _armed_harmed(ctx):
        return None
    if (ctx.sentence | ctx.window) & {"exchange", "fought_back"} or "clash" in ctx.frames_sentence:
        return None
    # "executed nine soldiers", not "executed an attack on a military base" (no person)
    people = bool(ctx.patient) and not ctx.patient & _NOT_PEOPLE
    if frame == "kill" and ctx.trigger & EXECUTION_WORDS and people:
        return EXECUTED
    return None
