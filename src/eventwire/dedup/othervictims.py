"""A later report's higher toll of other victims (:func:`other_dead`): "A police officer was
shot dead in the port on Saturday morning" (1) and, the next day, "Five men were shot dead at
a cockfighting ring in the port on Saturday" (5). A later report that raises a toll says so
("the toll has risen to five", ``toll_update``); one with no such words, whose dead the coder
read as another kind of people (the victims' inter codes differ: a state force and
civilians), counts other dead: two incidents, not an update from 1 to 5.

>>> early = ReportEvent("a", "d1", "ASSAULT", fatalities=1, actor2_inter=1,
...     actor2_text="A police officer", fatalities_text="A police officer was shot dead")
>>> late = ReportEvent("b", "d2", "ASSAULT", fatalities=5, actor2_inter=7,
...     actor2_text="Five men", fatalities_text="Five men were shot dead")
>>> other_dead(early, late, update=False), other_dead(early, late, update=True)
(True, False)
"""

from __future__ import annotations

from eventwire.dedup.report import ReportEvent


def other_dead(early: ReportEvent, late: ReportEvent, *, update: bool) -> bool:
    """Whether ``late``'s higher toll (checked by the caller) counts other dead than
    ``early``'s: no update words in it (``update``), and both reports name their victims in
    words the coder read as two kinds of people (actor2 inter codes both known, different)."""
    if update or early.background or late.background:
        return False
    told = [(e.actor2_inter, (e.actor2_text or "").strip()) for e in (early, late)]
    if any(inter is None or not text for inter, text in told):
        return False  # a victim inferred from no words says nothing of who died
    return told[0][0] != told[1][0]
