"""Soldiers and officers harmed when they could not fight (issue 16, h16bn).

ACLED codes an act on an armed side a battle, but not when the armed people were in no
position to fight: "forces loyal to the president executed 27 soldiers", "assailants
executed a police officer" (held, then killed), "a police officer was shot dead at his
home", "a policeman on his way home was killed", "an off-duty officer was shot" (at home or
off duty). These are Attacks. :func:`defenceless` names the reason, or ``None`` when the
note tells a fight (an exchange of fire, the attacked fighting back, a clash in the
sentence) or an arrest (the home is the arrested man's: "were arresting a militant at his
home when he stabbed four of the police").
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import Context, is_armed

EXECUTION_WORDS: frozenset[str] = words("lexicon", "execution_words")
EXECUTED = "the executed were held"
AT_HOME = "an armed person harmed at home"
_HOME_CLASS = "at_home"  # context.yaml: "at his home", "on his way home", "off-duty"
_HOME_FRAMES = frozenset({"shoot", "kill", "attack", "harm", "beat"})
_NOT_PEOPLE = frozenset({"military_site", "property", "territory"})


def _armed_harmed(ctx: Context) -> bool:
    """The act would be read as a battle: its target, or the people named with it, armed."""
    return is_armed(ctx.patient) or "armed" in ctx.victims


def defenceless(frame: str, ctx: Context) -> str | None:
    """The reason an act on armed people is an Attack, or ``None``.

    >>> defenceless("kill", Context(trigger={"execute"}, patient={"armed"}))
    'the executed were held'
    >>> defenceless("shoot", Context(sentence={"at_home"}, patient={"armed", "state"}))
    'an armed person harmed at home'
    >>> defenceless("shoot", Context(sentence={"at_home", "exchange"}, patient={"armed"}))
    """
    if not _armed_harmed(ctx):
        return None
    if (ctx.sentence | ctx.window) & {"exchange", "fought_back"} or "clash" in ctx.frames_sentence:
        return None
    # "executed 27 soldiers", not "executed an attack on a military base" (no person)
    people = bool(ctx.patient) and not ctx.patient & _NOT_PEOPLE
    if frame == "kill" and ctx.trigger & EXECUTION_WORDS and people:
        return EXECUTED
    home = _HOME_CLASS in ctx.sentence and "arrest" not in ctx.frames_sentence
    if frame in _HOME_FRAMES and home:
        return AT_HOME
    return None
