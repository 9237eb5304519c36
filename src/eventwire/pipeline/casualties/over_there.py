"""Two ways of telling a count the noun-phrase readers missed.

A quantity after "over" right behind an active kill verb: "killed over 100 fighters",
"kills over a hundred people". "over" ends a kill's victims where it opens a cause or a
time ("killed 3 herders over a land dispute", "killing two over the weekend"), so the
victims reader stopped before the count and read the verb's subject instead. Right after
the verb and before a number, "over" is the count's qualifier ("more than"); a span of
time ("killed over two days") still ends the victims.

An existential subject: "There were 10 people killed", "there was 1 killed". The left
subject of the participle is the phrase after "there were", not the words before the
auxiliary ("There" is no named person).
"""

from __future__ import annotations

import re

_NUMBER = (
    r"(?:a\s+(?:hundred|thousand|dozen)|[0-9][0-9,]*|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds|dozens|a\s+score)"
)
OVER_COUNT = re.compile(
    rf"^\s*(?P<over>over)\s+{_NUMBER}(?:\s+(?:hundred|thousand))?\b"
    r"(?!\s+(?:days?|weeks?|months?|years?|hours?|nights?|decades?|periods?)\b)",
    re.I,
)
THERE = re.compile(
    r"\bthere\s+(?:was|were|is|are|have\s+been|has\s+been|had\s+been)\s+(?=\S)", re.I
)


def victims_boundary(boundary: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """The first ``boundary`` of a kill's victims in ``text`` from ``start``, passing an
    "over" that qualifies the count right after the verb ("killed over 100 fighters")."""
    over = OVER_COUNT.match(text, start)
    if over is not None:
        return boundary.search(text, over.end("over"))
    return boundary.search(text, start)


def after_existential(core: str, chunk: str, start: int) -> tuple[str, str, int]:
    """The subject of a passive kill told with "there were" ("There were 10 people"
    → "10 people"), with the chunk and its start moved to it; else unchanged."""
    found = list(THERE.finditer(core))
    if not found:
        return core, chunk, start
    there = found[-1]
    subject = core[there.end() :]
    at = chunk.find(subject)
    return subject, subject, start + (at if at >= 0 else 0)
