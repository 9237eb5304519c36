"""A country read out of the border two countries share: which side the report is on.

"Herders clashed near the Kenya-Sudan border": the compound names a border, and the
country mention the resolver reads in it (often only one of the two: "Sudan") is no more
the place than the other. ``settle_border_sides`` gives such a mention the side its own
sentence supports: the country of the two whose forces the sentence names by their
nationality ("Kenyan troops stationed near the Somalia-Kenya border": a state's forces
hold their own side; a militia's nationality settles nothing, "a Somali militia on the
Kenya-Somali border"), else the report's focus when it is one of the two. A country
named on its own ("troops crossed into Sudan"), a border of two provinces ("the
Isiolo-Garissa border") and a side no evidence settles stay as they are.
"""

from __future__ import annotations

import re

from eventwire.pipeline.places.forces import home_forces
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.records import Document

_NAME = r"[A-Z][\w'’]*(?:\s[A-Z][\w'’]*){0,2}"
# "-Sudan border", " - South Sudan frontier", "/Ethiopia border" after the mention
_AFTER = re.compile(rf"\s?[-–/]\s?({_NAME})\s+(?:border|frontier|boundary)\b")
# "Kenya-" before the mention, and "border" after it
_BEFORE = re.compile(rf"({_NAME})\s?[-–/]\s?$")
_BORDER_NEXT = re.compile(r"\s+(?:border|frontier|boundary)\b")


def _country_of(name: str, gaz: Gazetteer, lex: Lexicon) -> str | None:
    """The country a name or adjective of the compound stands for ("Somali" → SO)."""
    words = name.split()
    for k in range(len(words)):  # "near the Kenya": try the shorter tails too
        tail = " ".join(words[k:])
        if fold(tail) in lex.adjectives:
            return lex.adjectives[fold(tail)]
        for c in gaz.lookup(tail, loose=False):
            if int(gaz.feat[c.index]) == FEAT_COUNTRY:
                return gaz.country_code(c.index)
    return None


def other_side(text: str, m: Mention, gaz: Gazetteer, lex: Lexicon) -> tuple[str, int, int] | None:
    """The other country of a border compound the mention ``m`` is one side of, with the
    compound's span ("Kenya-Sudan border"), if any."""
    after = _AFTER.match(text, m.end)
    if after is not None:
        cc = _country_of(after.group(1), gaz, lex)
        return (cc, m.start, after.end()) if cc is not None else None
    lo = max(0, m.start - 40)
    before = _BEFORE.search(text[lo : m.start])
    border = _BORDER_NEXT.match(text, m.end)
    if before is not None and border is not None:
        cc = _country_of(before.group(1), gaz, lex)
        return (cc, lo + before.start(), border.end()) if cc is not None else None
    return None


def settle_border_sides(
    doc: Document,
    gaz: Gazetteer,
    lex: Lexicon,
    resolutions: list[Resolution | None],
    focus: str | None,
) -> None:
    """Read each country mention of a border compound as the side its own sentence's
    nationality adjectives and cue words, or else ``focus``, settle (see the module)."""
    for res in resolutions:
        if res is None or not res.accepted or int(gaz.feat[res.row]) != FEAT_COUNTRY:
            continue
        here = gaz.country_code(res.row)
        found = other_side(doc.text, res.mention, gaz, lex)
        if found is None or found[0] == here:
            continue
        there, lo, hi = found
        sent = doc.sentences[res.mention.sentence]
        # the sentence less the compound itself ("the Kenya-Somali border" votes for neither)
        rest = sent.text[: max(0, lo - sent.start)] + " " + sent.text[max(0, hi - sent.start) :]
        side = _side(here, there, focus, home_forces(rest, lex))
        row = gaz.country_row(side) if side is not None and side != here else None
        if row is not None:
            res.row = row


def _side(here: str, there: str, focus: str | None, forces: set[str]) -> str | None:
    sides = forces & {here, there}
    if len(sides) == 1:
        return sides.pop()
    return focus if focus in (here, there) else None
