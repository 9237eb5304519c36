"""A report read again once the country it named was only the actors' origin.

"Gunmen from Somalia killed a herder in Garissa county": "Somalia" is a country's own
name, so it led the first reading of the report, and with the focus on Somalia the
resolver rejected "Kitui" as a Kenyan place in a Somali report. ``drop_origin_country``
(``evidence``) then sees that Somalia was named only as where the actors came from and
moves the focus to the country the other cues name (Kenya: "Kitui county" itself votes
there), but the rejections made under the old focus stood, and the event fell to the
country (ACLED precision 3) although the note names its county.

``reread_after_origin`` resolves the report's other mentions again without the origin's
name and without its votes; when that reading agrees on the new focus, its resolutions
replace the first ones (the origin's mention stays rejected). When it does not agree,
nothing changes but the focus, as before.

When the cues name no other country ("Boko Haram hijacked a bus near Koza ... near the
border with Nigeria": the group acts on both sides), the reading without the origin
decides: if its focus is another country where it places a town, a district or a province
(Koza, Cameroon), the origin's mention is rejected and that country is the focus.
"""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.evidence import drop_origin_country, origin_mentions
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.cues import ActorCues
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.resolve import resolve_mentions
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.records import Document


def reread_after_origin(
    doc: Document,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    resolutions: list[Resolution | None],
    focus: str | None,
    cues: ActorCues,
    demonyms: Counter[str],
) -> tuple[list[Resolution | None], str | None]:
    """The resolutions and focus once an origin country is dropped (see the module)."""
    there = origin_mentions(doc.text, gaz, resolutions, focus)
    if focus is None or not there:
        return resolutions, focus
    home = drop_origin_country(doc.text, gaz, lex, resolutions, focus, cues.votes, demonyms)
    origin = {id(r.mention) for r in there}
    rest = [k for k, m in enumerate(mentions) if id(m) not in origin]
    if not rest:
        return resolutions, home
    votes = Counter({cc: v for cc, v in cues.votes.items() if cc != focus})
    again, again_focus = resolve_mentions(
        doc, gaz, lex, [mentions[k] for k in rest], votes, cues.areas
    )
    if home == focus:
        # the cues named no other country: a place the report names there may
        placed = any(
            r is not None
            and r.accepted
            and gaz.country_code(r.row) == again_focus
            and int(gaz.feat[r.row]) != FEAT_COUNTRY
            for r in again
        )
        if again_focus is None or again_focus == focus or not placed:
            return resolutions, focus
        for r in there:
            r.accepted = False
        home = again_focus
    elif again_focus != home:
        return resolutions, home
    out = list(resolutions)
    for k, res in zip(rest, again, strict=True):
        out[k] = res
    return out, home
