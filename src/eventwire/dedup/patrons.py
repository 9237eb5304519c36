"""A country named only as a patron in a compound adjective: "the Iran-backed rebels", "an
Iran-aligned militia", "Russian-backed separatists" (``patron_words``).

- **no place**: "Six soldiers died when a missile hit their base in Marib, the army said,
  blaming the Iran-backed rebels" may be placed at Iran (the geocoder read the compound's
  country). A place whose every mention in its sentence is such a compound's first part
  (:func:`patron_place`) says nothing of where the incident happened: its country is no
  evidence against another report's (:func:`eventwire.dedup.report.country_evidence`).
- **no named side**: a side told only as a patron's clients, a compound and a generic
  armed noun ("the Iran-aligned rebels": an uncoded name, another outlet's Houthis) names
  no group of its own (:func:`patron_side`): it may match another report's side but
  contradicts none. "Iran's Revolutionary Guards", "Russian forces" are not compounds.

>>> patron_place("Troops died in Marib, blaming the Iran-backed rebels.", "Iran")
True
>>> patron_place("A drone from Iran hit Erbil, officials said.", "Iran")
False
>>> patron_side("the Iran-aligned rebels"), patron_side("Iran-aligned Kataib Hezbollah")
(True, False)
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import words
from eventwire.db.countries import country_code
from eventwire.errors import ConfigError


@functools.cache
def patron_alternation() -> str:
    """The patron words as a regex alternation ("backed|aligned|…")."""
    return "|".join(re.escape(w) for w in sorted(words("dedup", "patron_words")))


@functools.lru_cache(maxsize=65536)
def patron_place(sentence: str | None, name: str | None) -> bool:
    """Whether ``name`` stands in ``sentence`` (at least once) only as a patron compound's
    first part ("Iran" of "the Iran-backed rebels")."""
    if not (sentence and name):
        return False
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b"
    found = list(re.finditer(pattern, sentence, re.I))
    after = re.compile(rf"-(?:{patron_alternation()})\b", re.I)
    return bool(found) and all(after.match(sentence, m.end()) for m in found)


@functools.lru_cache(maxsize=65536)
def patron_side(text: str | None) -> bool:
    """Whether a side's words are a country's patron compound and generic armed nouns
    only ("the Iran-aligned rebels", "Russian-backed separatists")."""
    m = re.fullmatch(
        rf"(?:the\s+|an?\s+)?([A-Z][\w\s]*?)-(?:{patron_alternation()})\s+([a-z][a-z\s]*)",
        (text or "").strip(),
    )
    if m is None or not _country(m[1]):
        return False
    heads = words("dedup", "armed_name_heads") | words("dedup", "attacker_nouns")
    return m[2].split()[-1] in heads | words("dedup", "patron_clients")


def _country(name: str) -> bool:
    try:
        country_code(name)
    except ConfigError:
        return False
    return True
