"""Riots that ACLED codes Mob violence rather than a violent demonstration (issue 16).

- Rioters who attacked, beat or hurt people, with no demonstration, no grievance and no
  state force in the sentence or beside it ("rioters attacked a village and burned 15
  houses"): :func:`rioters_on_people` (moved from subtypes.py).
- Rioters named by the agent noun who wrecked or burned things, with no demonstration, no
  demand, no other riot word, no blockade and no force acting on them ("kiosks were destroyed by
  rioters", "rioters vandalised the council building", "rioters smashed three
  minibuses"): a crowd's damage told with no protest is Mob violence (h16ci). A force that
  disperses or fires on the rioters, a road blockaded or barricaded, or a demand tells a
  demonstration ("police fired on rioters", "rioters barricading the road").
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.events.crowd_damage import CROWD_DAMAGE
from eventwire.pipeline.events.phrases import Context

_MOB_ACTS = frozenset({"attack", "beat", "harm", "shoot"})  # frames: acts on people
_WRECK_ACTS = frozenset({"destroy", "loot"})  # frames: acts on things
RIOTER_NOUNS: frozenset[str] = words("lexicon", "rioter_nouns")
_NO_MOB = frozenset({"protest_context", "state", "intervention"})
# a force on the rioters, a blockade: a demonstration ("rioters barricading the road");
# ``protest_context`` is no bar here (it holds "trader", "resident", "government")
_NO_WRECKING_MOB = frozenset({"state", "intervention", "protest_damage"})
_DEMO_FRAMES = frozenset({"protest", "demand"})  # "rioters demanding lower prices"


def rioters_on_people(ctx: Context) -> bool:
    """Rioters who attacked, beat or hurt people, with no demonstration, no grievance and
    no state force in the sentence or beside it: ACLED's Mob violence, not a demonstration
    turned violent."""
    around = ctx.sentence | ctx.window
    frames = ctx.frames_sentence | ctx.frames_window
    return bool(frames & _MOB_ACTS) and "protest" not in frames and not around & _NO_MOB


def rioters_wrecked(ctx: Context) -> bool:
    """A trigger that names the rioters ("rioters", "rioter"), who wrecked, burned or looted
    things (a destroy or loot act, or damage or property named in the sentence: "kiosks were
    destroyed by rioters", where the rioters' trigger takes the verb), with no demonstration
    or demand, no other riot word, no state force, intervention or blockade told in the
    sentence or beside it.

    >>> rioters_wrecked(Context(trigger={"rioters"}, frames_sentence={"destroy"}))
    True
    >>> rioters_wrecked(Context(trigger={"rioters"}, frames_sentence={"destroy"},
    ...                         sentence={"intervention"}))
    False
    >>> rioters_wrecked(Context(trigger={"riot"}, frames_sentence={"destroy"}))
    False
    """
    if not ctx.trigger & RIOTER_NOUNS:
        return False
    around = ctx.sentence | ctx.window
    frames = ctx.frames_sentence | ctx.frames_window
    if frames & _DEMO_FRAMES or around & _NO_WRECKING_MOB:
        return False
    if "riot" in frames:
        # another riot trigger, in the sentence ("held a violent demonstration") or beside
        # it ("The rioting went on from the day before, over …")
        return False
    wrecked = {"property", CROWD_DAMAGE} & ctx.sentence  # "kiosks were destroyed by rioters"
    return bool(frames & _WRECK_ACTS or wrecked)
