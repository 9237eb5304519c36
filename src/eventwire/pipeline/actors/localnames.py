"""A group's bare name read where a namesake of the event's country acts.

"Taliban militants attacked a police station in Bannu" (Pakistan): the bare alias "Taliban"
finds the Afghan Taliban (since 2021 coded as Afghanistan's de facto government), but in a
Pakistani town the report means the Pakistani Taliban. The dictionary says so itself: the
event country's group carries the same alias after that country's demonym ("Pakistani
Taliban", Tehrik-i-Taliban Pakistan). A mention that names a country or people of its own
("Afghan Taliban fighters") keeps its group.

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> d = load_actor_dictionary(())
>>> taliban = d.lookup("Taliban")
>>> local_namesake(d, taliban, ["Taliban", "militants"], "PK").id
'PK-TTP'
>>> local_namesake(d, taliban, ["Afghan", "Taliban", "fighters"], "PK").id
'AF-TALIBAN'
>>> local_namesake(d, taliban, ["Taliban", "militants"], "AF").id
'AF-TALIBAN'
"""

from __future__ import annotations

from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry, normalise

__all__ = ["local_namesake"]


def local_namesake(
    d: ActorDictionary, entry: ActorEntry, words: list[str], country: str | None
) -> ActorEntry:
    """The group of ``country`` whose alias is its demonym before a word by which
    ``entry`` (a group of another country) was found, else ``entry``."""
    if not country or entry.country in (None, country):
        return entry
    norm = [k for k in (normalise(w) for w in words) if k]
    if any(k in d.demonyms or k in d.countries for k in norm):
        return entry  # "Afghan Taliban": the mention names its own country
    own = sorted(dem for dem, cc in d.demonyms.items() if cc == country)
    for key in norm:
        if d.lookup(key) is not entry:
            continue
        for dem in own:
            local = d.lookup(f"{dem} {key}")
            if local is not None and local.country == country:
                return local
    return entry
