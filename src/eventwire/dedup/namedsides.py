"""A side one report names by a bare armed noun and the other by its force's name.

"A roadside bomb hit a Popular Mobilisation Forces vehicle near Daquq, killing three
fighters" gives the victims from "three fighters" (the coder's generic rebels); another
outlet's "Three members of the Hashd al-Shaabi were killed" gives the Popular Mobilization
Forces. The first report's own sentence names the second's force: the fighters are its
men, so the two sides do not contradict (0.5 in :func:`eventwire.dedup.actors.actor_link`,
never a positive match: place, day and toll must still agree). A report whose sentence does
not name the other's force, or that names its side by more than a bare noun, keeps the
contradiction.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from eventwire.datafiles import words
from eventwire.dedup.report import ReportEvent
from eventwire.pipeline.common.actordict import load_actor_dictionary


def _side(e: ReportEvent, role: int) -> tuple[str | None, str | None]:
    return (e.actor1_id, e.actor1_text) if role == 1 else (e.actor2_id, e.actor2_text)


def bare_noun(text: str | None) -> bool:
    """Whether an actor's words are an armed noun with at most a number or an article
    before it ("three fighters", "the militants"; ``armed_name_heads``): no name."""
    found = re.findall(r"[A-Za-z]+", text or "")
    if not found or found[-1].casefold() not in words("dedup", "armed_name_heads"):
        return False
    return all(w[0].islower() for w in found)


@functools.lru_cache(maxsize=4096)
def _name_pattern(actor_id: str) -> re.Pattern[str] | None:
    """The dictionary names of an actor as one pattern: long names in any case, short
    acronyms ("PMF") only in capitals."""
    entry = load_actor_dictionary().get(actor_id)
    if entry is None:
        return None
    names = sorted({n for n in [entry.name, *entry.aliases] if n}, key=len, reverse=True)
    long = [re.escape(n) for n in names if len(n) > 4 or not n.isupper()]
    short = [re.escape(n) for n in names if len(n) <= 4 and n.isupper()]
    parts = [rf"(?i:{'|'.join(long)})"] if long else []
    parts += short
    return re.compile(rf"\b(?:{'|'.join(parts)})\b") if parts else None


def named_in_sentence(
    a: ReportEvent, b: ReportEvent, role: int, generic: Callable[[str | None], bool]
) -> bool:
    """Whether one report's side ``role`` (1 or 2) is a catch-all actor (``generic``) read
    from a bare armed noun and its sentence names the other report's actor on that side by
    one of its dictionary names."""
    for bare, named in ((a, b), (b, a)):
        bare_id, bare_text = _side(bare, role)
        named_id, _ = _side(named, role)
        if not (generic(bare_id) and named_id and bare_noun(bare_text) and bare.sentence):
            continue
        pattern = _name_pattern(named_id)
        if pattern is not None and pattern.search(bare.sentence):
            return True
    return False
