"""The dev / held-out split of every gold set, and the tune / check split of the large ACLED set.

Two splits, both deterministic (hashes of stable keys, no file order, no clock):

* ``dev`` / ``heldout``: a row is held out when a hash of its id falls in the first three of
  ten buckets, so the split is stable across runs, machines and file orders, and a new row
  lands on the same side every time. Tuning code reads ``dev`` rows; the held-out figure in
  ``bench/RESULTS.md`` comes from rows nobody looked at while writing rules.
* ``tune`` / ``check`` (for gold sets that span countries and years, such as
  ``acled_more_dev.jsonl``): a row is a *check* row when its **country** is held out (a hash
  of the country name in the first three of ten buckets), or its **year** is held out (years
  ending in 3 or 8: one year in five, spread over the whole period), or its **id** is held
  out as above. Every other row is a *tune* row. Rules are written on tune rows only; check
  rows show whether a change holds on countries, years and wording the rules never saw.
  :func:`part_of` names which of the three reasons holds first (``check-country``,
  ``check-year``, ``check-id``) so that the benchmark can report each part on its own.
  Rows without a country or a year fall back to the id hash alone.

:func:`stratified_sample` draws a fixed, seeded sample of rows stratified by country, so that
tuning runs on a few thousand rows stand for the whole skewed set (Kenya, Somalia… dominate it).

>>> split_of("acled-1234") in SPLITS[:2]
True
>>> [split_of(str(i)) for i in range(10)].count("heldout") in range(1, 10)
True
>>> part_of("x", "Kenya", 2013)
'check-year'
>>> tune_or_check("x", None, None) == ("tune" if split_of("x") == "dev" else "check")
True
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

SPLITS: tuple[str, ...] = ("dev", "heldout", "all", "tune", "check")
PARTS: tuple[str, ...] = ("tune", "check-country", "check-year", "check-id")
HELDOUT_BUCKETS = 3  # of 10: 30% of every gold set is held out
COUNTRY_BUCKETS = 3  # of 10 countries (by name hash) are check countries
HELDOUT_YEAR_DIGITS = frozenset({3, 8})  # years ending in 3 or 8 are check years
_SALT = "eventwire-heldout-v1:"
_COUNTRY_SALT = "eventwire-country-v1:"

T = TypeVar("T")


def _bucket(salt: str, key: str) -> int:
    digest = hashlib.sha256((salt + key).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 10


def split_of(row_id: str) -> str:
    """``"heldout"`` or ``"dev"`` for a gold row's id."""
    return "heldout" if _bucket(_SALT, row_id) < HELDOUT_BUCKETS else "dev"


def country_held_out(country: str) -> bool:
    """Whether every row of this country (ACLED's country name) is a check row."""
    return _bucket(_COUNTRY_SALT, country.strip()) < COUNTRY_BUCKETS


def year_held_out(year: int) -> bool:
    """Whether every row of this year is a check row (one year in five)."""
    return year % 10 in HELDOUT_YEAR_DIGITS


def part_of(row_id: str, country: str | None, year: int | None) -> str:
    """``tune``, or which check part a row falls in: country first, then year, then id."""
    if country and country_held_out(country):
        return "check-country"
    if year is not None and year_held_out(year):
        return "check-year"
    return "check-id" if split_of(row_id) == "heldout" else "tune"


def tune_or_check(row_id: str, country: str | None, year: int | None) -> str:
    """``"tune"`` or ``"check"`` for a row of a multi-country, multi-year gold set."""
    return "tune" if part_of(row_id, country, year) == "tune" else "check"


def in_split(row_id: str, split: str, country: str | None = None, year: int | None = None) -> bool:
    """Whether a row belongs to ``split`` (``"all"`` takes every row; ``tune``/``check`` use
    the row's country and year besides its id)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if split == "all":
        return True
    if split in ("tune", "check"):
        return tune_or_check(row_id, country, year) == split
    return split_of(row_id) == split


def stratified_sample(rows: Sequence[T], n: int, seed: int, key: Callable[[T], str]) -> list[T]:
    """A fixed sample of about ``n`` rows, stratified by ``key`` (e.g. the country), drawn with
    ``random.Random(seed)``; the result keeps the rows' order.

    Each stratum gets the floor of its share of ``n`` and, when there are no more strata than
    ``n``, at least one row (so a small country is never left out: the sample may then exceed
    ``n`` by the number of strata whose share rounds to zero); the largest remainders fill up
    what is left of ``n``."""
    if n <= 0 or n >= len(rows):
        return list(rows)
    strata: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        strata.setdefault(key(row), []).append(index)
    total = len(rows)
    quota = {k: n * len(v) / total for k, v in strata.items()}
    take = {k: int(q) for k, q in quota.items()}
    if len(strata) <= n:
        for k in take:
            take[k] = max(take[k], 1)
    left = n - sum(take.values())
    for k in sorted(strata, key=lambda k: (-(quota[k] - int(quota[k])), k)):
        if left <= 0:
            break
        if take[k] < len(strata[k]):
            take[k] += 1
            left -= 1
    rng = random.Random(seed)
    chosen: list[int] = []
    for k in sorted(strata):
        chosen += rng.sample(strata[k], min(take[k], len(strata[k])))
    return [rows[i] for i in sorted(chosen)]
