"""A "pro-X" stance modifier, or an "X-aligned" one, names the side X, not the state.

"Pro-Islamic State militants" or "pro-Houthi snipers" are fighters of the named armed
group (ACLED codes them as the group), while the generic heads they carry read "State" as
the state's forces. The stance prefix is taken off and the rest looked up; only an armed
group of the dictionary counts: "pro-government militia" (a generic), "pro-Kiir forces"
(a person) or "pro-NCP students" (a party's supporters) keep their composed coding. The
same holds for a membership suffix: "TPLF-associated forces", "RSF-aligned fighters" are the
named group's men ("-backed", "-led", "-linked" and "-affiliated" name a sponsor, a leader or
a franchise — "al-Qaeda-linked militants" are a local group — and are left alone).

>>> pro_named_words(["Pro-Islamic", "State", "militants"])
['Islamic', 'State', 'militants']
>>> pro_named_words(["Islamic", "State", "militants"]) is None
True
>>> pro_named_words(["TPLF-associated", "forces"])
['TPLF', 'forces']
>>> pro_named_words(["IS-linked", "militants"]) is None
True
"""

from __future__ import annotations

import re

from eventwire.pipeline.common.actordict import ActorEntry

_PRO = re.compile(r"(?i)^pro-(?=[A-Za-z])")
_ALIGNED = re.compile(r"(?i)(?<=[A-Za-z0-9])-(?:aligned|associated|allied|loyalist)$")
_SIDE_TYPES = frozenset({"rebel", "militia", "military", "external"})


def pro_named_words(words: list[str]) -> list[str] | None:
    """The words with their "pro-" stance prefix (or "-aligned" suffix) taken off, or None
    when none has one."""
    if not any(_PRO.match(w) or _ALIGNED.search(w) for w in words):
        return None
    return [_ALIGNED.sub("", _PRO.sub("", w)) for w in words]


def armed_side(entry: ActorEntry | None) -> ActorEntry | None:
    """The entry when it names an armed group (no state generic, no country's own forces,
    no person, party or civilians), else None."""
    if entry is None or entry.generic or entry.state or entry.type not in _SIDE_TYPES:
        return None
    if entry.source.startswith("states") or entry.inter not in (1, 2, 3, 4, 8):
        return None
    return entry
