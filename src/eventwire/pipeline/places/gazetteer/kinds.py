"""Kind words of areas below the province ("Mimika regency", "Lubero territory").

A name told with such a word is the area, even when the gazetteer reads it as the area's
seat town (a regency's or county's name is mostly its seat's too). A place the text puts
inside it ("Tembagapura district, Mimika regency") may then lie as far from that seat as
the places of a district lie from a district's point, not only as far as from a town: the
hierarchy check (``checks.compatible``) widens its limit for such a parent.
"""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.mentions import Mention

AREA_KINDS: frozenset[str] = words("places", "area_kinds")


def told_as_area(m: Mention | None) -> bool:
    """Is the mention told with a kind word of an area ("Mimika regency", "X district")?"""
    return m is not None and (m.hint_word or "") in AREA_KINDS
