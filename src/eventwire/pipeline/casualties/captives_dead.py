"""Captives later told dead by a pronoun or a definite plural: "killing a guard and
abducting two others. Later the captured guards were found dead", "Gunmen seized three
traders on Monday. Their bodies were found on Friday".

A kill whose victims are a pronoun ("their bodies", "they were found dead") or a definite
plural with no count ("the captured guards") stands for the people last counted
(``incident_toll``), and raises the toll only to their number: they may be dead people
counted before. When the people last counted are captives (a kidnapped mention) and no
kill was told between them and the pronoun, they were not among the dead yet: the kill
counts them, added to the dead told before (one guard killed and two abducted, found
dead: three). A later pronoun for the same people ("It is believed that the guards were
killed") then points back at this count and adds nothing.
"""

from __future__ import annotations

from eventwire.pipeline.casualties.toll_notes import Mention


def count_captives_dead(mentions: list[Mention]) -> None:
    """Make a count the pronoun kills of one incident's ``mentions`` (in the order told)
    that stand for captives counted just before."""
    last: Mention | None = None  # the latest mention that counts people
    for m in mentions:
        if m.kind == "pronoun":
            if (
                m.category == "killed"
                and not m.background
                and last is not None
                and last.category == "kidnapped"
                and not last.background
                and last.best
            ):
                m.best, m.low, m.high, m.kind = last.best, last.low, last.high, "count"
                last = m
            continue
        if m.best:
            last = m
