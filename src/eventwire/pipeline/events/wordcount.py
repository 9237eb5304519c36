"""A whole text's words counted against word classes, for the events stage's story tests
(``senses.story_domain``, ``senses.fiction_story``).

Each test reads every word of the report; the words are read once per text (both tests
ask about the same report in turn) and counted once per distinct word, and the words of a
group of classes are joined once per lexicon instead of on every call. The counts are those
of testing each word in turn, with its final "s" dropped as well.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

_WORD = re.compile(r"[a-z][a-z-]*")
_TEXTS = 4  # texts whose words are remembered
_GROUPS = 64  # groups of classes whose joined words are remembered

_WORDS: dict[str, Counter[str]] = {}
_JOINED: dict[tuple[int, tuple[str, ...]], tuple[tuple[frozenset[str], ...], frozenset[str]]] = {}


class WordClasses(Protocol):
    def words_of(self, cls: str) -> frozenset[str]: ...


def text_words(text: str) -> Counter[str]:
    """The lower-case words of ``text`` and how often each occurs (do not change it)."""
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= _TEXTS:
            _WORDS.clear()
        found = _WORDS[text] = Counter(_WORD.findall(text.lower()))
    return found


def joined_words(lexicon: WordClasses, names: tuple[str, ...]) -> frozenset[str]:
    """Every word of the classes ``names`` (rebuilt when one of their word sets changes)."""
    parts = tuple(lexicon.words_of(name) for name in names)
    key = (id(lexicon), names)
    found = _JOINED.get(key)
    if found is None or any(a is not b for a, b in zip(found[0], parts, strict=True)):
        if len(_JOINED) >= _GROUPS:
            _JOINED.clear()
        found = _JOINED[key] = (parts, frozenset().union(*parts))
    return found[1]


def count_in(words: Counter[str], vocabulary: frozenset[str]) -> int:
    """How many of the words (with repeats) are in ``vocabulary``, as they are or without a
    final "s"."""
    return sum(
        n
        for word, n in words.items()
        if word in vocabulary or (word.endswith("s") and word[:-1] in vocabulary)
    )
