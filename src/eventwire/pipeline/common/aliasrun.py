"""The longest actor name that starts at a word of a text, found without normalising
every run of words after it.

The places stage asks this at every capitalised word of a document (its actor cues): the
plain way, normalising each run of 1..8 words and looking the key up, normalises a new
string for almost every run. :func:`longest_alias_at` gives the same answer while building
most keys from the (memoised) keys of single words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventwire.pipeline.common.actordict import ActorDictionary, normalise

# what may not stand between two words whose keys join into the key of both: a letter, a
# digit or an ASCII apostrophe (normalise drops apostrophes, gluing the words together)
_JOINING = re.compile(r"[A-Za-z0-9'`]")


def longest_alias_at(
    actors: ActorDictionary, text: str, words: Sequence[re.Match[str]], i: int, longest: int
) -> tuple[int, str] | None:
    """``(n, id)`` of the longest run ``words[i : i + n]`` (n ≤ ``longest``) of ``text`` that
    names an actor: an acronym in its exact case (one word), else an alias.

    The answer is that of trying n = ``longest`` .. 1 with ``actors.acronyms`` (n = 1) and
    ``actors.alias.get(normalise(span))``; it is only cheaper. The key of an ASCII span
    whose words are separated by gaps with no letter, digit or apostrophe is its words'
    keys joined by spaces, so such keys are built word by word, and once one is no alias's
    first words (``actors.alias_prefixes``) no longer span can be an alias.
    """
    last = min(longest, len(words) - i)
    keys: list[str | None] = []  # the n-word span's key; None: ask normalise
    built, plain, dead = "", True, False
    for n in range(1, last + 1):
        word = words[i + n - 1]
        if plain and n > 1:
            gap = text[words[i + n - 2].end() : word.start()]
            plain = bool(gap) and gap.isascii() and _JOINING.search(gap) is None
        plain = plain and word.group().isascii()
        if not plain or dead:
            keys.append(None if not plain else "")
            continue
        part = normalise(word.group())
        if part:
            built = f"{built} {part}" if built else part
            dead = built not in actors.alias_prefixes
        keys.append("" if dead else built)
    start = words[i].start()
    for n in range(last, 0, -1):
        end = words[i + n - 1].end()
        hit = actors.acronyms.get(text[start:end]) if n == 1 else None
        key = keys[n - 1]
        key = normalise(text[start:end]) if key is None else key
        hit = hit or (actors.alias.get(key) if key else None)
        if hit:
            return n, hit
    return None
