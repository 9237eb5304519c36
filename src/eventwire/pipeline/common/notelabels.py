"""Note labels: "Movement of forces: …", "Looting: …", "Defusal: …" open an analyst's note.

The labels and the sub-types they name are the ``note_labels`` table of
``data/lexicon/words.yaml``. The events stage gives a labelled note the label's sub-type
(events/labels.py); the nlp stage parses the sentence a label opens, whatever words it
holds, since the label makes an event of it whose actors are read off the parse
("Non-violent activity: On 2 May, Al Shabaab imposed a tax …" has no trigger word).
"""

from __future__ import annotations

import re

from eventwire.datafiles import word_table

_OPENING = re.compile(r"\s*([A-Za-z][A-Za-z /,\-]{1,60}?)\s*:\s")


def _labels() -> dict[str, str]:
    table = word_table("lexicon", "note_labels")
    return {label.lower(): sub for sub, labels in table.items() for label in labels}


NOTE_LABELS: dict[str, str] = _labels()


def note_label(text: str) -> tuple[str, int, int] | None:
    """``(sub-event type, start, end)`` of the label a text opens with, or None.

    >>> note_label("Movement of forces: On 4 May, troops arrived.")[0]
    'Change to group/activity'
    >>> note_label("Reports that: gunmen attacked") is None
    True
    """
    match = _OPENING.match(text)
    if match is None:
        return None
    sub = NOTE_LABELS.get(match.group(1).lower())
    return None if sub is None else (sub, match.start(1), match.end(1))
