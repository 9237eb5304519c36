"""Toll agreement of two report-level events (:func:`toll_link`): a later report may raise a
toll ("has risen to seven"); two tolls far apart published the same day, or a later toll far
below an earlier one, are two incidents. Used by :func:`eventwire.dedup.rules.compare`.

Two tolls that would contradict still agree when one of them is no count of this incident's
dead alone (:func:`loose_toll`): a vague quantity ("claimed to have killed dozens of
soldiers", read as 12) is a floor that any toll at or above it meets, and a toll the report
summed over several sentences ("killed 12 farmers … + killed 32 people" of an attack a year
before, 44) may hold the other report's count as one of its parts.

>>> loose_toll(ReportEvent("a", "d", "ASSAULT", fatalities=12,
...     fatalities_text="claimed to have killed dozens of army auxiliaries"),
...     ReportEvent("b", "e", "ASSAULT", fatalities=40, fatalities_text="killing about 40"))
'dozens of: a vague count, its floor (12) at most the other toll (40)'
"""

from __future__ import annotations

import functools
import re
from datetime import date

from eventwire.config import DedupOptions
from eventwire.datafiles import words
from eventwire.dedup.othervictims import other_dead
from eventwire.dedup.report import ReportEvent
from eventwire.dedup.revisions import revised_down, revised_toll
from eventwire.pipeline.casualties.numbers import load_number_lexicon, number_value


def toll_link(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, str] | None:
    """Toll agreement: a later report may raise a toll, never cut it far down."""
    if a.fatalities is None or b.fatalities is None:
        return 0.5, "toll known to one report at most"
    if a.fatalities == b.fatalities:
        return 1.0, f"same toll ({a.fatalities})"
    early, late = sorted((a, b), key=lambda e: e.published or date.min)
    assert early.fatalities is not None and late.fatalities is not None
    down = late.fatalities < early.fatalities and late.published != early.published
    if down and revised_down(late):  # a source's "revised the toll … down to nine"
        return 0.8, f"toll revised down from {early.fatalities} to {late.fatalities}"
    lo, hi = sorted((a.fatalities, b.fatalities))
    far = hi >= opts.toll_ratio * max(lo, 1) and hi - lo >= opts.toll_gap
    if far and (early.published == late.published or late.fatalities < early.fatalities):
        why = loose_toll(a, b) or loose_toll(b, a)
        return None if why is None else (0.7, why)  # else two incidents: 3 and 40 killed
    apart = hi >= opts.outlet_toll_ratio * max(lo, 1) and hi - lo >= opts.outlet_toll_gap
    if apart and early.published == late.published and _one_outlet_twice(a, b):
        return None  # one outlet's two reports of one day, two counts: two incidents
    if late.fatalities > early.fatalities and late.published != early.published:
        if other_dead(early, late, update=is_update(late)):
            return None  # "a police officer was shot dead" / next day "five men were shot dead"
        return 0.8, f"toll updated from {early.fatalities} to {late.fatalities} in a later report"
    return 0.7, f"tolls {lo} and {hi} compatible"


def _one_outlet_twice(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether two reports of one outlet, published the same day, each give their own count
    (``outlet_toll_ratio`` and ``outlet_toll_gap`` apart, checked by the caller) with no
    word of an update ("killed nine villagers in a raid on a village" and "ambushed
    vigilantes near the town, killing four of them"): an outlet that updates its own count
    says so ("has risen to nine"); without it, the two counts are two incidents' dead."""
    return bool(
        a.source
        and a.source == b.source
        and a.doc_id != b.doc_id
        and not (is_update(a) or is_update(b))
        and loose_toll(a, b) is None
        and loose_toll(b, a) is None
    )


@functools.cache
def _update_words() -> re.Pattern[str]:
    found = sorted(words("dedup", "toll_update"))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


def is_update(e: ReportEvent) -> bool:
    """Whether the report's toll updates an earlier one ("the toll has risen to 13")."""
    text = e.fatalities_text or ""
    return bool(_update_words().search(text)) or revised_toll(text) is not None


def tolls_agree(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> bool | None:
    """Whether two known tolls tell the same dead (equal, or a later report's update of
    them); None when either report gives no toll."""
    if a.fatalities is None or b.fatalities is None:
        return None
    toll = toll_link(a, b, opts)
    return toll is not None and toll[0] >= 0.8


def recalled_update(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether the recalled one of two reports raises the other's toll in a later report
    ("the number killed in last week's attack has risen to 31"): that incident's update."""
    old, new = (a, b) if a.background else (b, a)
    return bool(
        old.fatalities is not None
        and new.fatalities is not None
        and old.fatalities > new.fatalities
        and (old.published or date.min) > (new.published or date.max)
    )


def loose_toll(told: ReportEvent, other: ReportEvent) -> str | None:
    """Why ``told``'s toll is no count that contradicts ``other``'s, or None: a vague
    quantity (the casualty lexicon's ``vague`` phrases, no number beside it) whose floor the
    other's toll meets, or a sum over several sentences (parts joined by " + ") one of whose
    parts is the other's toll."""
    text = told.fatalities_text or ""
    if told.fatalities is None or other.fatalities is None or not text:
        return None
    if bomber_only(told):
        return f"{text!r}: the bomber's own death, not a count of the victims"
    parts = text.split(" + ")
    if len(parts) > 1 and other.fatalities in {_counts(p)[0] for p in parts}:
        return f"{told.fatalities} sums counts of several sentences; one is {other.fatalities}"
    count, vague = _counts(text)
    if count is None and vague is not None and vague[1] <= other.fatalities:
        floor, toll = vague[1], other.fatalities
        return f"{vague[0]}: a vague count, its floor ({floor}) at most the other toll ({toll})"
    return None


def bomber_only(e: ReportEvent) -> bool:
    """Whether a suicide attack's toll is only the bomber the coder counts where the report
    gives no toll ("Al-Shabaab said one of its fighters had carried out the suicide bombing
    at the checkpoint", 1: its words are not the sentence's): no count of the victims."""
    text = " ".join((e.fatalities_text or "").split()).casefold()
    sentence = " ".join((e.sentence or "").split()).casefold()
    return bool(e.plover_mode == "suicide" and e.fatalities == 1 and text and text not in sentence)


def summed_toll(told: ReportEvent, members: list[ReportEvent]) -> bool:
    """Whether ``told``'s toll adds a count of another sentence (a recalled incident's dead:
    "killed 4 soldiers … In March, a bomb on the same road killed nine", 13) to a part that
    is another report's count of the incident (:func:`loose_toll`): no count of this
    incident's dead, so it is neither the canonical best nor its high. A sum within the
    event's own sentence ("a suicide bomber blew himself up + killing three policemen": the
    bomber counted with his victims) is the report's count."""
    parts = (told.fatalities_text or "").split(" + ")
    if told.fatalities is None or len(parts) < 2 or not _elsewhere(parts, told.sentence):
        return False
    return any(o.doc_id != told.doc_id and loose_toll(told, o) is not None for o in members)


def _elsewhere(parts: list[str], sentence: str | None) -> bool:
    """Whether a part of a toll's words is not in the event's sentence."""
    text = " ".join((sentence or "").split()).casefold()
    return any(" ".join(p.split()).casefold() not in text for p in parts if p.strip())


def _counts(text: str) -> tuple[int | None, tuple[str, int] | None]:
    """The first number of a toll's words (digits or number words), and its first vague
    quantity with the floor the lexicon gives it ("dozens": 12)."""
    lex = load_number_lexicon()
    count: int | None = None
    vague: tuple[str, int] | None = None
    for m in lex.pattern.finditer(text):
        if m["vague"] and vague is None:
            vague = (m["vague"], lex.vague[m["vague"].casefold()][1])
        elif m["n"] and count is None:
            count = number_value(m["n"], lex)
    return count, vague
