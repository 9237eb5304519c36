""" "killings" told with no victims: "unrest after a wave of child killings", "claims of
unlawful killings in Bor", "blamed for random killings".

The plural noun names no one on its left, so the words before it are no victims ("claims
of unlawful" is no named person, "a wave of child" no child); only a count right
before it counts them ("three killings were reported": 3), and "the killings of two traders"
is read on its right as before.
"""

from __future__ import annotations

from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities


def uncounted_killings(phrase: str, before: str, lex: NumberLexicon) -> bool:
    """Whether ``phrase`` is "killings" with no count in the three words ``before`` it."""
    return phrase == "killings" and not find_quantities(" ".join(before.split()[-3:]), 0, lex)
