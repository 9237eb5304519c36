"""The kind of site an attack hit, named by a report's sentence ("a bomb tore through a busy
market", "gunmen attacked an army checkpoint"): two reports of one day that name sites of two
different kinds (``site_kinds`` in ``data/dedup/words.yaml``) tell two incidents, whatever
else they share (:func:`sites_differ`, called from :mod:`eventwire.dedup.rules`).

>>> a = ReportEvent("a", "d1", "ASSAULT", sentence="A bomb exploded at a market in Kessa.")
>>> b = ReportEvent("b", "d2", "ASSAULT", sentence="A bomb hit an army checkpoint in Kessa.")
>>> sites_differ(a, b)
'a market / a checkpoint'
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import word_table
from eventwire.dedup.report import ReportEvent


@functools.cache
def _kind_of() -> dict[str, str]:
    return {w: kind for kind, found in word_table("dedup", "site_kinds").items() for w in found}


@functools.lru_cache(maxsize=65536)
def _site_kinds(sentence: str) -> dict[str, str]:
    """The site kinds a sentence names, each with the first word that names it."""
    kind_of = _kind_of()
    out: dict[str, str] = {}
    previous = ""
    for word in re.findall(r"[a-z]+", sentence.casefold()):
        pair = f"{previous} {word}"  # "a police station": a kind named by two words
        kind, name = (kind_of[pair], pair) if pair in kind_of else (kind_of.get(word), word)
        if kind is not None:
            out.setdefault(kind, name)
        previous = word
    return out


def sites_differ(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why two reports name different sites ("a market / a checkpoint"), or None: each
    sentence names sites of exactly one kind, and the kinds differ."""
    if not (a.sentence and b.sentence) or a.doc_id == b.doc_id:
        return None
    ka, kb = _site_kinds(a.sentence), _site_kinds(b.sentence)
    if len(ka) != 1 or len(kb) != 1 or ka.keys() == kb.keys():
        return None
    return f"a {next(iter(ka.values()))} / a {next(iter(kb.values()))}"
