"""A country named only in what a protest is about is not where the protest was (issue 17).

"Kenyan traders protest against … the raids in Somalia", "refugees in a camp held a
march against the return of refugees to Ethiopia", "a rally in a district of Dhamar in
solidarity with … the people of Lebanon": the country after the motive word took the
report's focus, and the report's own places (or the protesters' nationality) were then
read as abroad. When the focus country's only accepted places are its own name told in
such a motive, the text is settled again without those names, and the nationality words of
the motives do not vote (a place of the motive that is no country, "in Accra town" after
"against the lease granted to …", still does).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.cues import demonym_votes
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.records import Document

PROTEST_TYPES = ("Protests", "Riots")
_OPENERS = re.compile(
    r"\b(?:"
    + "|".join(
        r"\s+".join(re.escape(w) for w in cue.split())
        for cue in sorted(words("places", "protest_motive_openers"), key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)

Resolver = Callable[[Document, list[Mention]], tuple[list[Resolution | None], str | None]]


def motive_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each protest's motive: from the first motive word after its trigger
    to the end of the trigger's sentence."""
    spans: list[tuple[int, int]] = []
    for event in doc.events:
        if event.acled_event_type not in PROTEST_TYPES:
            continue
        if not 0 <= event.sentence_index < len(doc.sentences):
            continue
        sent = doc.sentences[event.sentence_index]
        hit = _OPENERS.search(doc.text, event.trigger.end, sent.end)
        if hit is not None:
            spans.append((hit.start(), sent.end))
    return spans


def without_motives(
    doc: Document,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    resolutions: list[Resolution | None],
    focus: str | None,
    resolve: Resolver,
) -> tuple[list[Resolution | None], str | None]:
    """The resolutions and focus settled without the protests' motives, when the focus
    country's accepted places all lie in them; else those given."""
    spans = motive_spans(doc) if focus is not None else []
    if not spans:
        return resolutions, focus

    def inside(m: Mention) -> bool:
        return any(lo <= m.start < hi for lo, hi in spans)

    def named(r: Resolution) -> bool:  # a country's own name in a motive
        return int(gaz.feat[r.row]) == FEAT_COUNTRY and inside(r.mention)

    own = [
        r for r in resolutions if r is not None and r.accepted and gaz.country_code(r.row) == focus
    ]
    if not own or not all(named(r) for r in own):
        return resolutions, focus
    text = list(doc.text)
    for lo, hi in spans:
        text[lo:hi] = " " * (hi - lo)
    masked = dataclasses.replace(doc, text="".join(text))
    gone = {id(r.mention) for r in resolutions if r is not None and named(r)}
    kept = [m for m in mentions if id(m) not in gone]
    sub, new_focus = resolve(masked, kept)
    if new_focus is None or new_focus == focus:
        return resolutions, focus
    # the new country must stand on the text outside the motives: a place named there by
    # a known name, or a nationality word ("Tea Board of Kenya" gone, "Tea" is no place)
    placed = any(
        r is not None
        and r.accepted
        and r.flag >= 1
        and not inside(r.mention)
        and gaz.country_code(r.row) == new_focus
        for r in sub
    )
    if not placed and demonym_votes(masked.text, lex)[new_focus] <= 0:
        return resolutions, focus
    by_id = {id(m): r for m, r in zip(kept, sub, strict=True)}
    return [by_id.get(id(m)) for m in mentions], new_focus
