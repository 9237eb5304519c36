"""A place read in another country than the one its sentence names as its owner.

"Nine people were killed in Israeli air strikes on Yemen's Red Sea port of Hudaydah" is
placed at Sudan's Red Sea state: the geocoder read "Red Sea" as the state, although the
sentence gives it to Yemen ("Yemen's Red Sea", "Yemen's main Red Sea port"). Such a
place's country is no evidence against another report's (the Hodeidah strike placed in
Yemen): :func:`owned_abroad`, read by :func:`eventwire.dedup.report.country_evidence` and
``countryless_against``. Only a written possessive right before the place's name counts
(up to two lower-case words between: "main", "western"); the place, day, actors and toll
must still agree.

>>> owned_abroad("Strikes hit Yemen's Red Sea port of Hudaydah.", "Red Sea", "SD")
'YE'
>>> owned_abroad("Warplanes struck Yemen's main Red Sea port.", "Red Sea", "SD")
'YE'
>>> owned_abroad("Strikes hit Sudan's Red Sea state.", "Red Sea", "SD") is None
True
>>> owned_abroad("Strikes hit the Red Sea port.", "Red Sea", "SD") is None
True
"""

from __future__ import annotations

import functools
import re

from eventwire.db.countries import country_code
from eventwire.errors import ConfigError
from eventwire.pipeline.common.folding import fold, fold_text

# the owner's name, its possessive, and up to two lower-case words ("Yemen's main Red Sea")
_OWNER = re.compile(
    r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)['’]s\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)


@functools.lru_cache(maxsize=65536)
def owned_abroad(sentence: str | None, name: str | None, country: str | None) -> str | None:
    """The country (alpha-2) that ``sentence`` names as the owner of the place ``name``
    ("Yemen's Red Sea") when it is not ``country``, the one the place was read in; else None."""
    if not (sentence and name and country):
        return None
    words = fold(name).split()
    if not words:
        return None
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
    for found in re.finditer(pattern, sentence_key(sentence)):
        owner = _OWNER.search(sentence[: found.start()])
        code = _country(owner[1]) if owner else None
        if code is not None and code != country:
            return code
    return None


def sentence_key(sentence: str) -> str:
    """The sentence folded letter by letter (same length, so positions carry over)."""
    return "".join((fold_text(ch) or " ")[:1] for ch in sentence)


def _country(words: str) -> str | None:
    """The country code of the longest tail of ``words`` that is a country's name."""
    parts = words.split()
    for i in range(len(parts)):
        try:
            code = country_code(" ".join(parts[i:]))
        except ConfigError:
            continue
        return None if len(" ".join(parts[i:])) == 2 else code
    return None
