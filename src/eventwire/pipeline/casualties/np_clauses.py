"""Conjuncts before a passive kill that are clauses, not victims.

"Police fired back and one of the attackers was killed", "The guards returned fire and one
raider was later found dead", "They left for their fields and were found dead":
the text on the left of the passive cue joins a clause of its own with "and", and only
the last conjunct names the dead. Read as a noun phrase, the clause counted a person of
its own (a capitalised first word read as a name, "The family …" as "the victim"), so
ACLED's 1 became 2.

A conjunct is a clause when it holds no quantity and either opens with a subject pronoun
("They went to …", "We …") or has a past verb after its first word that a particle, a
preposition or a determiner follows ("fired back", "opened fire on", "went to the",
"fled into"): a participle that modifies a noun ("armed men", "suspected rebels") is
followed by that noun instead. The conjuncts up to the last clause are dropped.
Word lists: ``clause_pronouns``, ``clause_followers``, ``past_verbs`` in
``data/casualties/words.yaml``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities

CLAUSE_PRONOUNS: frozenset[str] = words("casualties", "clause_pronouns")
CLAUSE_FOLLOWERS: frozenset[str] = words("casualties", "clause_followers")
PAST_VERBS: frozenset[str] = words("casualties", "past_verbs")
RELATIVE: frozenset[str] = words("casualties", "relative") | {"whom", "whose"}
WORD = re.compile(r"[\w'’-]+")
AND_END = re.compile(r"\band\s+(?:(?:was|were|had|have|been|later|then|also)\s+)*$", re.I)


def _past_verb(word: str) -> bool:
    low = word.lower()
    return low in PAST_VERBS or (low.endswith("ed") and len(low) > 4)


def clause_subject(piece: str, lex: NumberLexicon) -> str | None:
    """The subject of a conjunct that is a clause with a verb of its own ("They" of "They
    went to the plantation", "Police" of "Police fired back"); ``None`` when the conjunct
    is no clause (a noun phrase, or one with a quantity: "5 armed men")."""
    found = list(WORD.finditer(piece))
    if len(found) < 2 or find_quantities(piece, 0, lex):
        return None
    if found[-1].group(0).lower() in RELATIVE:
        return None  # "stoned the house of a herder who [was killed]": the relative's noun
    if found[0].group(0).lower() in CLAUSE_PRONOUNS:
        return found[0].group(0)  # "They went to the plantation"
    for verb, following in pairwise(found[1:]):
        if _past_verb(verb.group(0)) and following.group(0).lower() in CLAUSE_FOLLOWERS:
            return piece[: verb.start()].strip()
    return None


def after_clauses(pieces: list[str], lex: NumberLexicon) -> list[str]:
    """The conjuncts that may name people: those after the last clause before the last
    conjunct ("Police fired back | one of the attackers")."""
    for index in range(len(pieces) - 2, -1, -1):
        if clause_subject(pieces[index], lex) is not None:
            return pieces[index + 1 :]
    return pieces


def shared_subject(chunk: str, core: str, lex: NumberLexicon) -> str:
    """The subject a passive cue shares with a clause joined before it by "and" ("They went
    to the plantation and [were found dead]": "They"); ``core`` when the chunk does not end
    in "and" or the subject is no pronoun (a noun phrase may be the kill's own subject:
    "demanded justice for a journalist reportedly [tortured to death]")."""
    if not AND_END.search(chunk):
        return core
    subject = clause_subject(core, lex)
    return subject if subject is not None and subject.lower() in CLAUSE_PRONOUNS else core


# "A teacher and activist was murdered": a singular verb after "a <noun> and <noun>" with
# no determiner or number on the second noun names one person with two roles
SINGULAR_END = re.compile(r"\b(?:was|is|has\s+been)\s+(?:\w+ly\s+)?$", re.I)
ONE_WITH_TWO_ROLES = re.compile(
    r"^\s*(?:a|an)\s+[^,;]*?\band\s+(?!(?:a|an|the|his|her|their|its|one|another|other)\b)"
    r"[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*$",
    re.I,
)


def one_person_two_roles(
    before: str, core: str, count: tuple[int, int, int | None, str]
) -> tuple[int, int, int | None, str]:
    """A subject's count, one where a two-person count is one person told by two roles:
    "a high school student and activist was murdered", "A religious leader and party
    leader was shot dead" (the singular verb says one). ``before``: the text up to the cue."""
    if (
        count[:3] == (2, 2, 2)
        and SINGULAR_END.search(before) is not None
        and ONE_WITH_TWO_ROLES.match(core) is not None
    ):
        return 1, 1, 1, count[3]
    return count
