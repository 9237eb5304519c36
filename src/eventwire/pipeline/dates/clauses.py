"""Clauses whose dates belong to something other than the event they sit beside.

Helpers of :mod:`eventwire.pipeline.dates.stage` over a sentence's spaCy parse:

* :func:`relative_clause_of` — a date in a relative clause the trigger is not in ("a boy
  who committed suicide last week", "Gabat, which the rebels had captured on March 15")
  tells another event about a participant (:func:`dates_subject_period` keeps the one
  exception: a clause that tells when the subject's own span began);
* :func:`grievance_object` — a date inside what a demonstration is about ("protest the
  killing of 15 civilians by a militia on Nov 25", "protested against the agreement
  signed on February 19", "against the ruling to rerun the vote on Friday")
  dates that grievance, not the demonstration;
* :func:`dates_telling` — a date of a verb that tells the report ("officials said on
  Friday") dates the telling, not what was told.
"""

from __future__ import annotations

import re
from typing import Any

from eventwire.pipeline.dates.parsetree import ancestors, token_at, verb_of
from eventwire.records import Document

# the prepositions that open what a grievance verb or noun is about
GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "of"})


# clauses a parse may hang as adverbial or prepositional though a relative word opens
# them: "Gabat, which the rebels had captured on March 15" (advcl), "teachers who began a
# strike on 7 May" (ccomp), "near where a tourist
# was killed weeks ago" (pcomp)
_MISREAD_RELATIVE = frozenset({"advcl", "pcomp", "acl", "ccomp"})
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
# a participle's own date follows it within this many tokens ("kidnapped by the rebels in
# January": 5)
PARTICIPLE_REACH = 6


def relative_clause_of(anchor: Any) -> Any:
    """The nearest relative clause a date's token sits in, or ``None``: a ``relcl``, a
    clause the parse hung elsewhere that a relative word opens, or a participle that
    modifies a noun as a relative clause would ("10 traders kidnapped on 16 May", "cattle
    stolen in August": "who were kidnapped", "which were stolen") when the date follows it
    within its own few words (``PARTICIPLE_REACH``). A date far along the sentence that
    the parse hung under a participle describing a thing ("drove a car packed with
    explosives into the gate of a hotel near the palace … on Saturday evening") is the
    sentence's own."""
    return next(
        (
            t
            for t in [anchor, *ancestors(anchor)]
            if t.dep_ == "relcl"
            or (t.dep_ in _MISREAD_RELATIVE and t.left_edge.lower_ in RELATIVE_WORDS)
            or (
                t.dep_ == "acl"
                and t.tag_ == "VBN"
                and t.head.pos_ in ("NOUN", "PROPN")
                and 0 <= anchor.i - t.i <= PARTICIPLE_REACH
            )
        ),
        None,
    )


def dates_subject_period(clause: Any, trigger: Any, period_nouns: frozenset[str]) -> bool:
    """Whether a relative clause sits in the subject of the trigger's clause and tells
    when the span the clause covers began: the subject is a long-running conflict ("The
    war between the army and the RSF, which broke out in April 2023, killed tens of
    thousands") or the clause is in the present perfect ("Boluarte, who took office in
    December 2022, has faced repeated waves of protests")."""
    verb = verb_of(trigger)
    chain = [clause, *ancestors(clause)]
    if verb is None or verb not in chain:
        return False
    below = chain[chain.index(verb) - 1]
    if below.dep_ not in ("nsubj", "nsubjpass"):
        return False
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )
    return perfect or below.lemma_.lower() in period_nouns


def grievance_object(
    anchor: Any, trigger: Any, verbs: frozenset[str], time_nouns: frozenset[str]
) -> Any:
    """The noun a date dates when it sits inside the object of a grievance verb or noun
    (``verbs``: "protest", "denounce", "condemn" …): the direct object ("protest [the
    killing of 15 civilians … on Nov 25]") or the object of "against", "over" or "of"
    ("protested against [the agreement signed on February 19]", "in protest of [the
    arrest on 3 May]"). ``None`` when the date hangs elsewhere, when the object is a noun
    of time ("protest on the night of 3 May"), or when the trigger is that object or
    inside it (the kill event "killing" of "protest the killing of …" keeps its date)."""
    below_trigger = {t.i for t in [trigger, *ancestors(trigger)]}
    for token in [anchor, *ancestors(anchor)]:
        if token.i == trigger.i:
            return None
        if token.pos_ not in ("NOUN", "PROPN") or token.text.lower() in time_nouns:
            continue
        head = token.head
        if token.dep_ == "pobj" and head.text.lower() in GRIEVANCE_PREPOSITIONS:
            head = head.head
        elif token.dep_ != "dobj":
            continue
        if head.lemma_.lower() in verbs and token.i not in below_trigger:
            return token
    return None


def dates_telling(doc: Document, index: int, offset: int, reporting_lemmas: frozenset[str]) -> bool:
    """Whether the date at ``offset`` in sentence ``index`` hangs on a verb that tells the
    report ("killed on Thursday, officials said on Friday", "police told reporters on
    Friday"); False without a parse."""
    anchor = token_at(doc.parses.get(index), offset - doc.sentences[index].start)
    verb = verb_of(anchor) if anchor is not None else None
    return verb is not None and str(verb.lemma_).lower() in reporting_lemmas


def names_incident(text: str, end: int, incident_nouns: frozenset[str]) -> bool:
    """Whether the date ending at ``end`` is a possessive that names an incident ("claimed
    Saturday's attack on the base, saying in a statement on Monday that its fighters had
    killed 22 soldiers"): the incident's own day, even where the parse hangs it on the verb
    of the claim, not the day of the telling."""
    found = _POSSESSIVE_HEAD.match(text, end)
    return found is not None and any(w.casefold() in incident_nouns for w in found["words"].split())


# "'s attack", "'s suicide attack", "’s deadly car bombing": the noun within three words
_POSSESSIVE_HEAD = re.compile(r"['’]s(?P<words>(?:\s+[\w-]+){1,3})")


# a clock time: "10 pm", "10:30", "0600 hrs", "9 o'clock"
_CLOCK = re.compile(r"\d\s*(?:[ap]\.?m\b\.?|hrs?\b|o'clock)|\b\d{1,2}[:.]\d{2}\b", re.I)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def before_later_thing(
    between: str, preceding: re.Pattern[str], time_nouns: frozenset[str], later: frozenset[str]
) -> bool:
    """Whether the words from an event's trigger to a date after it put the event before
    what the date dates: the date follows "before", "ahead of", "prior to", "until" or "till"
    (``preceding``: "arrested hundreds before the May 20 national day", "protested three
    months before elections in October", "abducted and held until 20 May"), with no noun
    of time or clock time after that word ("shortly before dawn on Sunday", "just before 10
    pm on Friday" keep the event's day). Unless the date follows the word at once, the
    words between must name a later occasion (``later``: "elections", "the vote"): a deed
    ("before fleeing into the bush on Sunday") or a place ("before the parliament on
    Monday") leaves the event its day."""
    found = list(preceding.finditer(between))
    if not found:
        return False
    rest = between[found[-1].end() :]
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", rest)}
    if words & time_nouns or _CLOCK.search(rest) is not None:
        return False
    return not words - _DETERMINERS or bool(words & later)
