"""One regular expression for a word list: any of its words or phrases, whole.

>>> bool(word_pattern(["clashed with", "fought"], re.IGNORECASE).search("Youths Clashed with"))
True
>>> bool(word_pattern(["fought"]).search("unfoughted"))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_pattern(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``words`` (escaped, in sorted order) with a word boundary on each side."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b", flags)
