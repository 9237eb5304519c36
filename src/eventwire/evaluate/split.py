"""The one dev / held-out split of every gold set: rules are tuned on ``dev`` rows only.

A row is held out when a hash of its id falls in the first three of ten buckets, so the
split is stable across runs, machines and file orders, and a new row lands on the same
side every time. Tuning code reads ``dev`` rows; the held-out figure in ``bench/RESULTS.md``
comes from rows nobody looked at while writing rules.

>>> split_of("acled-1234") in SPLITS[:2]
True
>>> [split_of(str(i)) for i in range(10)].count("heldout") in range(1, 10)
True
"""

from __future__ import annotations

import hashlib

SPLITS: tuple[str, ...] = ("dev", "heldout", "all")
HELDOUT_BUCKETS = 3  # of 10: 30% of every gold set is held out
_SALT = "eventwire-heldout-v1:"


def split_of(row_id: str) -> str:
    """``"heldout"`` or ``"dev"`` for a gold row's id."""
    digest = hashlib.sha256((_SALT + row_id).encode("utf-8")).hexdigest()
    return "heldout" if int(digest[:8], 16) % 10 < HELDOUT_BUCKETS else "dev"


def in_split(row_id: str, split: str) -> bool:
    """Whether a row belongs to ``split`` (``"all"`` takes every row)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    return split == "all" or split_of(row_id) == split
