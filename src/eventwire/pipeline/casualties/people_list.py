"""A list of people as the subject of a chained passive kill: "2 women and a child were
shot and killed", "a farmer and his son were attacked and killed".

Before a passive cue whose clause holds an auxiliary of its own ("… were shot and
killed"), the left-subject reader keeps only the last conjunct before the auxiliary, so
that "a gunfight erupted and one robber was hit and died" counts the robber alone. When
every conjunct is a noun phrase that names people (its last word a person noun or a
plural of people), the conjunction joins the victims, not two clauses: all of them count.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words

PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
PLURAL_IRREGULAR: frozenset[str] = words("casualties", "plural_irregular")
NOT_PEOPLE: frozenset[str] = words("casualties", "not_people")
_WORDS_MAX = 5


def _names_people(piece: str) -> bool:
    tokens = re.findall(r"[\w'’-]+", piece)
    if not 1 <= len(tokens) <= _WORDS_MAX:
        return False
    last = tokens[-1].lower()
    if last in NOT_PEOPLE:
        return False
    if last in PERSON_NOUNS or last in PLURAL_IRREGULAR or last.endswith("men"):
        return True
    return last.endswith("s") and last[:-1] in PERSON_NOUNS


def people_list(core: str, conjunction: re.Pattern[str]) -> bool:
    """Whether ``core`` (the words before a chained passive's auxiliary) is a list of
    people joined by ``conjunction`` ("2 women & a child", "a farmer and his son")."""
    pieces = [p for p in conjunction.split(core) if p.strip()]
    return len(pieces) > 1 and all(_names_people(p) for p in pieces)


INNER_AUX = re.compile(r"\b(?:was|were|is|are|had\s+been|has\s+been)\b")


def subject_before_aux(
    core: str, chunk: str, start: int, conjunction: re.Pattern[str]
) -> tuple[str, str, int]:
    """The subject of a passive kill whose clause holds an auxiliary of its own (``core``
    ends before the cue): the words before the last auxiliary, only the last conjunct
    of them unless all name people ("a gunfight erupted and one robber was hit and died":
    the robber; "2 women and a child were shot and killed": all three), with the chunk
    and its start moved to it; else unchanged."""
    inner = list(INNER_AUX.finditer(core))
    if not inner:
        return core, chunk, start
    core = core[: inner[-1].start()]
    if conjunction.search(core) and not people_list(core, conjunction):
        core = conjunction.split(core)[-1]
    start += chunk.find(core) if core and chunk.find(core) >= 0 else 0
    return core, core, start
