"""A bomb that went off in a battle (issue 16, h16bt).

A mine, an IED or a bomb that exploded while the sides fought is part of the battle to
ACLED, whoever it killed: "fighting between troops and rebels … three traders died when
a shell landed in the market", "the attackers' truck blew up in the firefight
that followed", "militants fought the police at a roadblock after setting off a
roadside bomb". :func:`bomb_in_battle` says so when a clash is told in the
sentence (or an exchange of fire), or in the sentences beside it; not in a crowd's scene
(a protest, a riot), nor for a remnant of war that went off (the fight told is an old
one), nor when the doers bombed civilians ("the rebels bombed villagers …
after the fighting (coded separately)"): that is a deliberate attack.
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import Context, is_civilian

_BOMBED: frozenset[str] = words("lexicon", "bombed_words")
BOMB_IN_BATTLE = "a bomb went off in a battle"  # finalize keeps it (kept_clash_reasons)


def bomb_in_battle(ctx: Context, crowd_scene: bool) -> bool:
    """The explosion happened in a battle told in the note.

    >>> bomb_in_battle(Context(frames_window={"clash"}), crowd_scene=False)
    True
    >>> bomb_in_battle(Context(sentence={"exchange"}), crowd_scene=True)
    False
    >>> at_people = Context(frames_sentence={"clash"}, trigger={"bombed"}, patient={"civilian"})
    >>> bomb_in_battle(at_people, crowd_scene=False)
    False
    """
    battle = "clash" in ctx.frames_sentence | ctx.frames_window or "exchange" in ctx.sentence
    deliberate = bool(ctx.trigger & _BOMBED) and is_civilian(ctx.patient)  # "X bombed civilians"
    remnant = "war_remnant" in ctx.sentence | ctx.window  # "a remnant of last year's fighting"
    return battle and not crowd_scene and not deliberate and not remnant
