"""Parts of a toll a later sentence tells: "Gunmen killed 6 traders at the market. 3 were
shot and 3 burnt in their stalls", "Five herders and three raiders were killed. Five of the
herders were shot dead and the three other dead are raiders".

When the counts of the dead of one later sentence of an incident (two or more of them) add
up to the number of one earlier count of the dead, they break that count down: the same
people told again, by how they died or who they were. :func:`mark_sum_parts` makes them
``anaphoric`` (each raises the toll only to its own count, none is added). Counts that add
up to another number ("killed 6 traders. 2 police and 1 soldier were also killed": 3) are
other people and still add.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

COUNTS = ("count", "anaphoric")
SENTENCE_END = re.compile(r"[.!?]\s")


def counted_kill(m: Mention, kinds: tuple[str, ...] = COUNTS, *, ambiguous: bool = False) -> bool:
    """Whether ``m`` is a stated count of the incident's own dead of one of ``kinds``: not
    background, not a competing source's, not ambiguous unless ``ambiguous`` allows it."""
    return (
        m.category == "killed"
        and not m.background
        and not m.competing
        and (ambiguous or not m.ambiguous)
        and m.kind in kinds
        and bool(m.best)
    )


def mark_sum_parts(mentions: list[Mention], text: str) -> None:
    """Make ``anaphoric`` the counts of a later sentence that add up to an earlier count of
    the dead. ``mentions``: one incident's, in the order told; ``text``: the document the
    offsets point into."""
    kills = [m for m in mentions if counted_kill(m)]
    groups: list[list[Mention]] = []  # the counts of each sentence, in order
    for m in kills:
        if groups and not SENTENCE_END.search(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    for index, group in enumerate(groups[1:], start=1):
        if len(group) < 2:
            continue
        earlier = {m.best for g in groups[:index] for m in g if m.kind == "count"}
        if sum(m.best or 0 for m in group) in earlier:
            for m in group:
                m.kind = "anaphoric"
