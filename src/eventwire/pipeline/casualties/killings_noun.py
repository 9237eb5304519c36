""" "killings" told with no victims: "riot over a recent spate of child killings", "Reports of
extrajudicial killings in Malakal", "accused of indiscriminate killings".

The plural noun names no one on its left, so the words before it are no victims ("Reports
of extra judicial" is no named person, "a spate of child" no child); only a count right
before it counts them ("three killings were reported": 3), and "the killings of two traders"
is read on its right as before.
"""

from __future__ import annotations

from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities


def uncounted_killings(phrase: str, before: str, lex: NumberLexicon) -> bool:
    """Whether ``phrase`` is "killings" with no count in the three words ``before`` it."""
    return phrase == "killings" and not find_quantities(" ".join(before.split()[-3:]), 0, lex)
