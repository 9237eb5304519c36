"""A cheap test that tells when a regular expression cannot match a text.

Python's ``re`` tries a pattern at every position of a text, and a pattern that opens with
``\\b`` or a lookbehind, or is case-insensitive, gets none of its prefix shortcuts: a few
microseconds per sentence for each of the dozens of patterns the stages run over every
sentence, most of which match nowhere. Most such patterns cannot match without some word
of their own ("fatalities", "since"): :func:`required_words` reads that from the parsed
pattern (every match holds at least one of these words, in lower case), and
:class:`RegexGate` answers :meth:`~RegexGate.may_match` with plain substring tests on the
lower-cased text. ``False`` is certain (the pattern finds nothing there); ``True`` only
means the pattern must be run. Texts with a character outside ASCII are always passed on:
under ``re.IGNORECASE`` a few non-ASCII letters match ASCII ones ("ı" matches "i", "K"
matches "k") that ``str.lower`` does not map to them.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # the parser ``re`` itself uses
from collections.abc import Iterable
from typing import Any

Words = frozenset[str]
AUTOMATON_WORDS = 8  # more words than this are looked for in one automaton pass


def _better(a: Words | None, b: Words | None) -> Words | None:
    """Of two sets that each suffice, the one whose shortest word is longest (then fewer)."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _sequence(items: Iterable[tuple[Any, Any]]) -> Words | None:
    """Words of which every match of the sequence ``items`` holds one (``None``: unknown)."""
    best: Words | None = None
    run: list[str] = []

    def flush() -> None:
        nonlocal best
        word = "".join(run).lower()
        run.clear()
        if word.isascii():  # a non-ASCII word tells nothing about ASCII texts
            best = _better(best, frozenset({word}) if word else None)

    for op, av in items:
        if op is sre_parse.LITERAL:
            run.append(chr(av))
            continue
        flush()
        best = _better(best, _item(op, av))
    flush()
    return best


def _item(op: Any, av: Any) -> Words | None:
    if op is sre_parse.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is sre_parse.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            words = _sequence(branch.data)
            if words is None or not all(w.isascii() for w in words):
                return None  # one alternative needs no word: the branch needs none
            union |= words
        return frozenset(union)
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(body.data) if low >= 1 else None
    if op is sre_parse.ATOMIC_GROUP:
        return _sequence(av.data)
    return None  # classes, anchors, lookarounds, back references: no word of their own


def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Lower-case words at least one of which every match of ``pattern`` holds, or ``None``
    when no such words can be read from it (a match may be digits or any word)."""
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags).data)


class RegexGate:
    """Whether any of some patterns may match a text: ``False`` only where none can."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        union: set[str] = set()
        words: set[str] | None = union
        for pattern in patterns:
            found = required_words(pattern)
            if found is None:
                words = None
                break
            union |= found
        self.words: tuple[str, ...] | None = None if words is None else tuple(sorted(words))
        self._automaton: Any = None  # many words: one pass of an Aho-Corasick automaton
        if self.words is not None and len(self.words) > AUTOMATON_WORDS:
            import ahocorasick  # lazy, as in the pre-filter

            self._automaton = ahocorasick.Automaton()
            for word in self.words:
                self._automaton.add_word(word, word)
            self._automaton.make_automaton()

    def may_match(self, text: str) -> bool:
        """``False`` only when no pattern of the gate can match ``text``."""
        if self.words is None or not text.isascii():
            return True
        lowered = text.lower()
        if self._automaton is not None:
            return next(self._automaton.iter(lowered), None) is not None
        return any(word in lowered for word in self.words)


_GATES: dict[int, tuple[object, RegexGate]] = {}  # by id() of a pattern or tuple of them
_MAX_GATES = 1_000


def gate_of(patterns: re.Pattern[str] | tuple[re.Pattern[str], ...]) -> RegexGate:
    """The gate of one pattern or of a tuple of them, made once per object."""
    found = _GATES.get(id(patterns))
    if found is None or found[0] is not patterns:
        if len(_GATES) >= _MAX_GATES:
            _GATES.clear()
        group = patterns if isinstance(patterns, tuple) else (patterns,)
        found = _GATES[id(patterns)] = (patterns, RegexGate(group))
    return found[1]


def may_match(pattern: re.Pattern[str] | tuple[re.Pattern[str], ...], text: str) -> bool:
    """``False`` only when ``pattern`` (or every pattern of a tuple) finds nothing in
    ``text``."""
    return gate_of(pattern).may_match(text)


def any_search(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """``any(p.search(text) for p in patterns)``, with their gate tried first."""
    return gate_of(patterns).may_match(text) and any(p.search(text) for p in patterns)


def gated_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, with its gate tried first."""
    return pattern.search(text) if gate_of(pattern).may_match(text) else None
