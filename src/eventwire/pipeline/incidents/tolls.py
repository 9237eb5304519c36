"""The toll of an incident told over several sentences: updates, additions, restatements.

The casualties stage counts the dead of the sentences around each trigger. An incident may
state its toll more than once: "killing five soldiers" then "the death toll had risen to
seven" (an update: the later, larger count replaces the earlier), "two of the attackers were
also killed" (more deaths, said with an addition cue: added), "the five soldiers were buried"
(the same count again) or "four of the dead were soldiers", "in Saraqib seven were killed"
(a smaller count without an addition cue: part of the count before).

A toll told in a sentence that names the places of other incidents of the report ("air
strikes hit Saraqib and Ariha, killing eleven", then "in Saraqib … seven", "in Ariha …
four") is their total: an incident that has a toll of its own does not take it
(:func:`shared_sentences`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from eventwire.datafiles import words
from eventwire.pipeline.incidents.cues import phrase_pattern
from eventwire.records import Event, Fatalities, Sentence, sentence_holding


@dataclass(frozen=True)
class TollCues:
    """Patterns of toll updates and breakdowns (``data/incidents/words.yaml``)."""

    update: re.Pattern[str]
    addition: re.Pattern[str]
    breakdown: re.Pattern[str]
    revision: re.Pattern[str]


def load_toll_cues() -> TollCues:
    """Read and compile the toll cue lists."""
    return TollCues(
        phrase_pattern(words("incidents", "toll_update_cues")),
        phrase_pattern(words("incidents", "toll_addition_cues")),
        phrase_pattern(words("incidents", "toll_breakdown_cues")),
        phrase_pattern(words("incidents", "toll_revision_cues")),
    )


def _sentence_at(sentences: list[Sentence], offset: int) -> str:
    sentence = sentence_holding(sentences, offset)
    return sentence.text if sentence is not None else ""


def combine_tolls(
    tolls: list[Fatalities], sentences: list[Sentence], cues: TollCues
) -> Fatalities | None:
    """One toll from the tolls an incident's mentions carry, read in text order."""
    if not tolls:
        return None
    wounded = [f.wounded for f in tolls if f.wounded is not None]
    unique: dict[tuple[int, int], Fatalities] = {}
    for toll in tolls:
        if toll.best is not None:
            unique.setdefault((toll.start, toll.end), toll)
    counted = sorted(unique.values(), key=lambda f: f.start)
    if not counted:
        return dataclasses.replace(tolls[0], wounded=max(wounded) if wounded else None)
    chosen, total = counted[0], counted[0].best or 0
    for toll in counted[1:]:
        best = toll.best or 0
        text = _sentence_at(sentences, toll.start)
        if cues.update.search(text) and best < total and not cues.revision.search(text):
            continue  # "the toll had risen from nine to 14 as more of the wounded died": a part
        if cues.update.search(text) or best > total:
            total, chosen = best, toll
        elif cues.addition.search(text) and not cues.breakdown.search(text):
            total += best
    if total != chosen.best:
        chosen = dataclasses.replace(chosen, best=total, low=None, high=None)
    return dataclasses.replace(chosen, wounded=max(wounded) if wounded else chosen.wounded)


def shared_sentences(places: list[set[str]], sentences: list[Sentence]) -> list[set[int]]:
    """For each incident (given by the toponyms its mentions state), the indices of the
    sentences that also name a place of another incident: a toll told there is shared."""
    named = {p for ps in places for p in ps if len(p) > 2}
    # which of the places each sentence names, found once (not once per incident)
    told = [{p for p in named if p in s.text} for s in sentences] if len(places) > 1 else []
    out: list[set[int]] = []
    for k, own in enumerate(places):
        others = {p for j, ps in enumerate(places) if j != k for p in ps if len(p) > 2} - own
        out.append({n for n, found in enumerate(told) if found & others} if others else set())
    return out


def own_tolls(events: list[Event], shared: set[int]) -> list[Fatalities]:
    """The tolls of an incident's describing mentions, leaving out those told in a shared
    sentence when another mention gives a toll of its own."""
    tolls = [e.fatalities for e in events if e.fatalities is not None]
    own = [
        e.fatalities
        for e in events
        if e.fatalities is not None
        and e.fatalities.best is not None
        and e.sentence_index not in shared
    ]
    return own if own and len(own) < len(tolls) else tolls
