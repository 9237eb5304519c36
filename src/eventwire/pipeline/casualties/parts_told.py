"""Parts of a toll a later sentence tells by how each part died, where a part has no kill
word the casualties stage reads: "Vigilantes killed 6 suspected thieves. 3 were beaten to
death and 3 burnt with tyres", "Gunmen killed 5 traders. 2 were hacked to death and 3
drowned".

:mod:`.sum_parts` makes the counts of such a sentence ``anaphoric`` when the counted dead
add up to an earlier count; here only some of the parts are counted dead ("3 burnt" is no
kill mention), so they do not add up. :func:`mark_parts_told` reads every number of the
later sentence that no mention of another category holds (the wounded, the arrested): when
two or more of them add up to an earlier count of the dead and the sentence's counted dead
fall short of it, those dead are parts of the earlier count and are made ``anaphoric``.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.sum_parts import counted_kill
from eventwire.pipeline.casualties.toll_notes import Mention
from eventwire.records import Sentence

# things and animals counted after a number are no part of the dead ("4 houses burnt"),
# and "also", "other", "more" tell other dead, not parts of the ones counted before
NOT_PARTS: frozenset[str] = words("casualties", "thing_nouns") | words("casualties", "not_people")
OTHER_DEAD = re.compile(r"\b(?:also|other|others|another|more|additional|further)\b", re.I)
NEXT_WORDS = re.compile(r"^\s*([\w'’-]+)(?:\s+([\w'’-]+))?")


def _thing(text: str) -> bool:
    """Whether the words right after a number name a thing or an animal."""
    found = NEXT_WORDS.match(text)
    return found is not None and any(w and w.lower() in NOT_PARTS for w in found.groups())


def _numbers(sentence: Sentence, others: list[Mention], numbers: NumberLexicon) -> list[int]:
    """The stated numbers of ``sentence`` that no mention in ``others`` holds."""
    return [
        q.best
        for q in find_quantities(sentence.text, sentence.start, numbers)
        if not q.vague
        and not any(o.start <= q.start < o.end for o in others)
        and not _thing(sentence.text[q.end - sentence.start :])
    ]


def mark_parts_told(
    mentions: list[Mention], sentences: list[Sentence], numbers: NumberLexicon
) -> None:
    """Make ``anaphoric`` the counted dead of a later sentence whose numbers break an
    earlier count of the dead down. ``mentions`` and ``sentences``: one incident's."""
    kills = [m for m in mentions if counted_kill(m, ("count",))]
    others = [m for m in mentions if m.category not in ("killed", "split")]
    for sentence in sentences:
        inside = [m for m in kills if sentence.start <= m.start < sentence.end]
        earlier = {m.best for m in kills if m.end <= sentence.start}
        if not inside or not earlier or OTHER_DEAD.search(sentence.text):
            continue
        told = _numbers(sentence, others, numbers)
        total = sum(told)
        if len(told) >= 2 and total in earlier and sum(m.best or 0 for m in inside) < total:
            for m in inside:
                m.kind = "anaphoric"
