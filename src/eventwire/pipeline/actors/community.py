"""A militia named by a community the dictionary does not know ("Gaak militia").

ACLED codes a militia named by one word it has no entry for (a clan, a section, a village:
"Abala militia", "Gaak and Manuer militias", "Ngok militia") as that community's militia,
inter 4; a political militia is named by several words ("Raia Mutomboki militia"), an
acronym ("NPP militias"), a person ("Musa Hilal's militia") or the dictionary, and a
state-allied one by its stance ("pro-government militia"). Those keep their codes. One word
that ``homes.csv`` lists as a militia, party or movement ("Mungiki militia", "Nyatura
militia") names a political militia, inter 3 (ACLED 64 tune rows "Mungiki Militia", 3).

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> d = load_actor_dictionary()
>>> community_name(d, ["Gaak", "militia"], ["gaak", "militia"], 1)
'Gaak'
>>> community_name(d, ["Raia", "Mutomboki", "militia"], ["raia", "mutomboki", "militia"], 2)
>>> community_name(d, ["Local", "militia"], ["local", "militia"], 1)
>>> community_actor(d, "Nyatura militia", ["Nyatura", "militia"], ["nyatura", "militia"], 1).inter
3
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.records import Actor

# words before "militia" that describe it without naming anyone ("local", "rival", "two")
_DESCRIPTORS: frozenset[str] = (
    words("actors", "militia_descriptors")
    | words("actors", "number_words")
    | words("actors", "partitive")
    | words("actors", "pronominal_nouns")
    | words("actors", "unknown_words")
    | words("actors", "state_units")
)
_HEADS: frozenset[str] = words("actors", "community_militia_heads")
# homes.csv kinds that name an organisation, not a community: its militia is political (3)
POLITICAL_HOMES = frozenset({"militia", "party", "movement"})
# longest first, so "clan militias" wins over "clan"
_SHARED_HEADS = sorted(_HEADS | words("actors", "shared_communal_heads"), key=len, reverse=True)
_SHARED_HEAD = re.compile(
    r"\s+and\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+("
    + "|".join(re.escape(h) for h in _SHARED_HEADS)
    + r")\b"
)
_NAME_WORD = re.compile(r"[A-Z][\w'-]*")


def shared_head(text: str, start: int, end: int) -> str | None:
    """The head a bare name shares with the name coordinated after it: "clashes between
    Pakam and Rup militia" names the Pakam militia, "Maalia and Rizeigat tribesmen" the
    Maalia tribesmen, "Ali Saleban and Siwaaqroon sub-clan militia" a sub-clan's militia.
    ``start``/``end`` are the bare name's offsets in ``text`` (one to three capitalised
    words); returns "<name> <head>" or None.

    >>> shared_head("Clashes between Pakam and Rup militia.", 16, 21)
    'Pakam militia'
    >>> shared_head("Clashes between Pakam and the army.", 16, 21) is None
    True
    >>> shared_head("Ali Saleban and Siwaaqroon sub-clan militia clashed.", 0, 11)
    'Ali Saleban sub-clan militia'
    """
    name = text[start:end].strip()
    parts = name.split()
    if start < 0 or not 1 <= len(parts) <= 3 or not all(_NAME_WORD.fullmatch(p) for p in parts):
        return None
    match = _SHARED_HEAD.match(text, end)
    return f"{name} {match.group(1)}" if match else None


def community_name(
    d: ActorDictionary, cut_words: list[str], norm: list[str], start: int
) -> str | None:
    """The one unknown capitalised word before a bare "militia(s)" head, or None.

    ``cut_words`` are the mention's words, ``norm`` their normalised forms and ``start`` the
    index of the head noun; every other word before the head must be a descriptor. The word
    may be one ``homes.csv`` lists (a people, or an organisation: see :func:`political`).
    """
    if start >= len(norm) or norm[start] not in _HEADS or start + 1 != len(norm):
        return None
    names: list[str] = []
    for word, low in zip(cut_words[:start], norm[:start], strict=True):
        if not low or low in _DESCRIPTORS:  # an article normalises to nothing
            continue
        if not _unknown_name(d, word, low):
            return None
        names.append(word)
    return names[0] if len(names) == 1 else None


def _unknown_name(d: ActorDictionary, word: str, low: str) -> bool:
    """A capitalised word (not an acronym) that names no country, people, identity, head,
    stance or dictionary actor."""
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return False
    if low.startswith(("pro ", "anti ", "pro-", "anti-")):
        return False
    parts = [p for p in low.replace("-", " ").split() if p]
    known = (d.identities, d.heads, d.demonyms, d.countries, _DESCRIPTORS)
    if any(p in table for p in parts for table in known):
        return False
    return d.lookup(word) is None


def political(d: ActorDictionary, name: str) -> bool:
    """Whether ``homes.csv`` lists the name as a militia, party or movement, not a people."""
    kind, _ = d.homes.get(normalise(name), ("", ()))
    return kind in POLITICAL_HOMES


def community_actor(
    d: ActorDictionary, text: str, cut_words: list[str], norm: list[str], start: int
) -> Actor | None:
    """The communal militia (ACLED inter 4) that :func:`community_name` finds, or None; an
    organisation's militia ("Mungiki militia") is a political militia (inter 3)."""
    name = community_name(d, cut_words, norm, start)
    if name is None:
        return None
    if political(d, name):
        return Actor(
            text=text, name=f"{name} Militia", type="militia", inter=3, resolved_by="composed"
        )
    communal = d.by_id["GEN-COMMUNAL"]
    return Actor(
        text=text,
        name=f"{name} Communal Militia",
        actor_id=communal.id,
        type=communal.type,
        inter=communal.inter,
        resolved_by="composed",
    )
