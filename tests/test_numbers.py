"""Numbers in casualty reports: digits, words, ranges, qualifiers, vague quantities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.pipeline.casualties.numbers import (
    find_quantities,
    load_number_lexicon,
    number_value,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("phrase", "low", "best", "high"),
    [
        ("twelve", 12, 12, 12),
        ("twenty-five", 25, 25, 25),
        ("three dozen", 36, 36, 36),
        ("a dozen", 12, 12, 12),
        ("half a dozen", 6, 6, 6),
        ("two hundred and five", 205, 205, 205),
        ("1,200", 1200, 1200, 1200),
        ("at least 5", 5, 5, None),
        ("more than 20", 20, 20, None),
        ("nearly 30", 30, 30, 30),
        ("up to 7", 1, 7, 7),
        ("10-15", 10, 10, 15),
        ("ten to fifteen", 10, 10, 15),
        ("between five and 23", 5, 5, 23),
        ("dozens", 12, 12, None),
        ("scores", 20, 20, None),
        ("tens", 10, 10, None),
        ("hundreds", 100, 100, None),
        ("several", 3, 10, None),
        ("a number of", 2, 10, None),
        ("a few", 2, 3, 5),
    ],
)
def test_parse_quantity(phrase: str, low: int, best: int, high: int | None) -> None:
    q = parse_quantity(phrase)
    assert q is not None
    assert (q.low, q.best, q.high) == (low, best, high)


@pytest.mark.parametrize("phrase", ["", "the", "17-year-old", "soldiers", "a"])
def test_parse_quantity_rejects_non_counts(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_vague_quantities_are_flagged() -> None:
    q = parse_quantity("dozens of")
    assert q is not None and q.vague and q.kind == "vague"


def test_find_quantities_skips_dates_and_measures() -> None:
    text = "On 30 April 2020, 10-15 fighters, a 48-year-old man, 50 kilograms and one soldier"
    assert [q.text for q in find_quantities(text)] == ["10-15", "one"]


def test_find_quantities_offsets_point_at_the_words() -> None:
    text = "Gunmen killed eleven villagers."
    (q,) = find_quantities(text, offset=100)
    assert text[q.start - 100 : q.end - 100] == "eleven"


def test_lexicon_has_a_version() -> None:
    assert load_number_lexicon().version


@given(st.integers(min_value=0, max_value=10**6))
def test_digits_read_back(n: int) -> None:
    assert number_value(str(n)) == n
    assert number_value(f"{n:,}") == n


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parsers_never_raise_and_keep_bounds(text: str) -> None:
    for q in find_quantities(text):
        assert q.low <= q.best
        assert q.high is None or q.high >= q.low
        assert 0 <= q.start <= q.end <= len(text)
    parse_quantity(text)
    number_value(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["one", "two", "twenty", "hundred", "and", "dozen", "-", "a"]), max_size=6
    )
)
def test_number_words_never_raise(words: list[str]) -> None:
    value = number_value(" ".join(words))
    assert value is None or value >= 0
