"""A side's own dead told as its losses (issue 16, h16bw).

"the rebels lost three fighters", "they lost two of their men", "The White Army lost seven
and 24 were wounded", "killing 5 and losing 2 of their own": a number right after
"lost" / "losing" / "lose(s)" counts the side's dead when nothing follows it in its clause
("lost seven and …", "lost seven.") or what follows names people (a person noun, "men",
"troops", "of their own", "of its men"). "lost 3 vehicles", "lost control of the town",
"lost 200 head of cattle", "lost 40 percent" count no one: anything else after the number
drops the reading. Vague quantities ("lost many men") are left to the cues that tell a
death in words.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
PLURAL_IRREGULAR: frozenset[str] = words("casualties", "plural_irregular")
LOSS = re.compile(r"\b(?:lost|losing|lose|loses)\s+(?P<rest>[^,;:.()]{1,60})", re.I)
# nothing more in the clause: the end, "and", "while", a place or a time
ALONE = re.compile(r"^\s*(?:$|and\b|while\b|whereas\b|in\b|at\b|on\b|during\b|near\b)", re.I)
OF_OWN = re.compile(r"^\s*of\s+(?:their|its|his|her)\s+(?P<noun>[\w'’-]+)", re.I)
WORD = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w'’-]+)\b")
GROUP_NOUNS = frozenset({"men", "women", "people", "troops", "personnel", "members", "lives"})


def _people(noun: str) -> bool:
    low = noun.lower()
    return (
        low in GROUP_NOUNS
        or low in PERSON_NOUNS
        or low in PLURAL_IRREGULAR
        or (low.endswith("s") and low[:-1] in PERSON_NOUNS)
    )


def _tells_people(tail: str) -> bool:
    if ALONE.match(tail):
        return True
    own = OF_OWN.match(tail)
    if own:
        return own.group("noun").lower() == "own" or _people(own.group("noun"))
    word = WORD.match(tail)
    return word is not None and _people(word.group("noun"))


def side_losses(
    text: str, offset: int, mentions: list[Mention], lex: NumberLexicon
) -> list[Mention]:
    """The dead a side lost, one count mention each; none inside another mention."""
    found: list[Mention] = []
    killed = [m for m in mentions if m.category == "killed"]
    for match in LOSS.finditer(text):
        if any(m.start - offset <= match.start() < m.end - offset for m in killed):
            continue  # "lost their lives": the cue's own mention
        rest = match.group("rest")
        quantities = find_quantities(rest, 0, lex)
        if not quantities or quantities[0].vague or rest[: quantities[0].start].strip():
            continue
        number = quantities[0]
        at = match.start("rest") + number.start
        if any(m.start - offset <= at < m.end - offset for m in killed):
            continue  # "lost three soldiers killed in …": the kill cue counts them
        if not _tells_people(rest[number.end :]):
            continue
        start, end = match.start(), match.start("rest") + number.end
        found.append(
            Mention(
                "killed",
                number.best,
                number.low,
                number.high,
                offset + start,
                offset + end,
                text[start:end],
                "count",
            )
        )
    return found
