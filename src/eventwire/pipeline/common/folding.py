"""The folded form of a name that places, dedup and others compare names by: accents
removed, lower case, apostrophes dropped, punctuation to single spaces.

>>> fold("  São  Paulo ")
'sao paulo'
>>> fold("Al-Fallūjah")
'al fallujah'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʿʾʼ′"
_APOS_RE = re.compile(f"[{_APOSTROPHES}]")
_NONWORD_RE = re.compile(r"[^a-z0-9]+")
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
    }
)


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Return the exact lookup key of a name: ASCII, lower case, single spaces.

    >>> fold("  São  Paulo ")
    'sao paulo'
    """
    return fold_text(name)


def fold_text(name: str) -> str:
    """:func:`fold` without its cache, for running text (a sentence searched for a name's
    words) that would only crowd the names out of it.

    >>> fold_text("Gunmen struck Ma'rib's market.")
    'gunmen struck maribs market'
    """
    text = unicodedata.normalize("NFKD", name.lower().translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOS_RE.sub("", text)
    return _NONWORD_RE.sub(" ", text).strip()
