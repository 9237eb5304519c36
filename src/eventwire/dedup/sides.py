"""Sides as deduplication compares them: a pro-government militia fights on its state's side.

Outlets name the armed men who fight beside a state's forces in two ways: one names the
militia ("volunteer defence fighters", "members of the Civilian Joint Task Force, a
pro-government militia", the VDP), another counts them with the soldiers they fought beside
("23 soldiers", "soldiers and vigilantes"). A coder gives the militia ACLED's inter 3 and the
soldiers inter 1, so the two victims (or attackers) contradicted and one incident stayed two.
Here such a militia and its state's forces are one side told two ways: compatible (0.5), never
a positive match, so place, day and toll must still agree. A militia is pro-government when
its dictionary entry is listed in ``pro_government_militias`` (by its country) or when its
words say so (``pro_government_words``: "pro-government", "vigilantes", "auxiliaries",
"volunteer defence"); a state's forces are any actor of inter 1 (its army, police or
government, or the dictionary's generic "soldiers") of the militia's country, or of no
country. Used by :func:`eventwire.dedup.actors.actor_link`.
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import word_table, words
from eventwire.dedup.report import ReportEvent
from eventwire.pipeline.common.actordict import load_actor_dictionary


@functools.cache
def _listed() -> dict[str, str]:
    """Dictionary ids of pro-government militias -> their state's country code."""
    table = word_table("dedup", "pro_government_militias")
    return {aid: codes[0] for aid, codes in table.items()}


def pro_government(key: str | None) -> bool:
    """Whether an actor key (``id:…``) is a listed pro-government militia (the VDP)."""
    return bool(key and key.startswith("id:") and key[3:] in _listed())


@functools.cache
def _marker() -> re.Pattern[str]:
    found = sorted(words("dedup", "pro_government_words"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


@functools.cache
def _country(actor_id: str) -> str | None:
    entry = load_actor_dictionary().get(actor_id)
    return entry.country if entry is not None else None


def _militia_state(
    aid: str | None, inter: int | None, text: str | None, country: str | None
) -> str | None:
    """The country whose state a pro-government militia fights for ("" when unknown), or
    None when the actor is no such militia."""
    if aid and aid in _listed():
        return _listed()[aid]
    if inter in (2, 3) and text and _marker().search(text):
        return country or ""
    return None


def _state_force(aid: str | None, inter: int | None) -> str | None:
    """The country of a state force (inter 1; "" for a generic one), or None."""
    if inter != 1 or not aid:
        return None
    return _country(aid) or ""


def allied(a: ReportEvent, b: ReportEvent, role: int) -> bool:
    """Whether side ``role`` (1 or 2) of two reports is a pro-government militia in one and
    its state's forces in the other ("killing 17 volunteer defence fighters" / "killing 17
    soldiers")."""
    sa, sb = _side(a, role), _side(b, role)
    for one, other in ((sa, sb), (sb, sa)):
        state = _militia_state(*one)
        force = _state_force(other[0], other[1]) if state is not None else None
        if state is not None and force is not None and (not state or not force or state == force):
            return True
    return False


def _side(e: ReportEvent, role: int) -> tuple[str | None, int | None, str | None, str | None]:
    if role == 1:
        return e.actor1_id, e.actor1_inter, e.actor1_text, e.country
    return e.actor2_id, e.actor2_inter, e.actor2_text, e.country
