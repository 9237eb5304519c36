"""A death told by a result verb and a possessive: "was hit with a baton, leading to her
death", "left him to drown, causing his fatality", "beaten in custody, which resulted in
his death".

The noun after "his / her" (``owned_death_nouns`` in ``data/casualties/words.yaml``) names
the person the sentence tells of, maybe counted already ("killed a farmer …, which led to
his death"): it is one ``anaphoric`` death, raising the toll to one and never added; after
"their" it is a ``pronoun`` (the people last counted). The result verbs are the cue
lexicon's ``result`` words, so a pluperfect ("which had led to his death") stays the
background it tells. The death is always ``relative``: beside a demonstration or a
development it tells the grievance ("marched over a driver whom police beat, leading to
his death"), not a death of the crowd's own.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.pipeline.casualties.tolls import CueLexicon

OWNED_DEATH: frozenset[str] = words("casualties", "owned_death_nouns")
POSSESSED = re.compile(
    r"\b(?P<who>his|her|their)\s+(?:own\s+)?(?P<noun>"
    + "|".join(sorted(OWNED_DEATH, key=len, reverse=True))
    + r")\b",
    re.I,
)


def own_deaths(text: str, offset: int, mentions: list[Mention], cues: CueLexicon) -> list[Mention]:
    """The deaths of one sentence (``text``, at ``offset``) told as a result verb's
    possessed noun, one mention each; none inside another killed mention."""
    found: list[Mention] = []
    killed = [m for m in mentions if m.category == "killed"]
    for match in POSSESSED.finditer(text):
        start, end = match.start(), match.end()
        if any(m.start - offset < end and start < m.end - offset for m in killed):
            continue
        before = text[max(0, start - 40) : start]
        verb = cues.result.search(before)
        if verb is None:
            continue
        plural = match.group("who").lower() == "their"
        mention = Mention(
            "killed",
            0 if plural else 1,
            0 if plural else 1,
            None if plural else 1,
            offset + start - (len(before) - verb.start()),
            offset + end,
            "",
            "pronoun" if plural else "anaphoric",
        )
        mention.text = text[mention.start - offset : end]
        mention.relative = True
        found.append(mention)
    return found
