"""Numbers in news text: digits, number words, ranges, qualifiers and vague quantities.

>>> parse_quantity("three dozen").best
36
>>> q = parse_quantity("at least 5"); (q.low, q.best, q.high)
(5, 5, None)
>>> q = parse_quantity("dozens"); (q.best, q.vague)
(12, True)

Every value is ``low ≤ best`` (and ``best ≤ high`` when ``high`` is known); ``best`` is
the conservative estimate a coder would record. The words and the vague-quantity table
live in ``data/casualties/numbers.yaml`` (documented in docs/dates-and-fatalities.md).
These functions read untrusted text: they never raise on any input string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.datafiles import KeySpec, data_path, read_data_file, words
from eventwire.errors import DataFileError

_REQUIRED: KeySpec = {
    "units": dict,
    "tens": dict,
    "scales": dict,
    "multipliers": dict,
    "qualifiers": dict,
    "vague": list,
}
MAX_VALUE = 10**9
_YEAR = re.compile(r"(?:1[89]|20)[0-9][0-9]")
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$"
)  # anything larger is not a casualty count
# a school grade names no people: "a form four student", "a standard 3 pupil"
_GRADE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(words("casualties", "school_grades"))) + r")\s+$", re.I
)


# a word of approximation before either end of a range: "between six and about ten", "between
# nearly 40 and 50" (the range pattern and ``RANGE_OPEN`` read the same words)
APPROX = r"(?:(?:about|around|some|approximately|nearly|almost)\s+)?"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in text: ``[start, end)`` and its low/best/high reading."""

    start: int
    end: int
    text: str
    best: int
    low: int
    high: int | None
    vague: bool = False
    kind: str = "number"  # "number", "range", "vague"


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    version: str
    words: dict[str, int]  # units and tens
    scales: dict[str, int]
    multipliers: dict[str, int]
    qualifiers: dict[str, dict[str, Any]]
    vague: dict[str, tuple[int, int, int | None]]
    pattern: re.Pattern[str]


def _alt(words: list[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped)


def _check(raw: dict[str, Any], path: str) -> dict[str, Any]:
    # keys and their types are checked by read_data_file; here the vague entries
    for entry in raw["vague"]:
        if not isinstance(entry, dict) or not {"phrase", "best", "low"} <= set(entry):
            raise DataFileError(
                f"{path}: vague entry {entry!r} needs phrase/best/low", "EW-DAT-113"
            )
        high = entry.get("high")
        if entry["low"] > entry["best"] or (high is not None and high < entry["best"]):
            raise DataFileError(
                f"{path}: vague entry {entry!r} breaks low<=best<=high", "EW-DAT-114"
            )
    return raw


def _build(
    words: list[str], scales: list[str], mult: list[str], quals: list[str], vague: list[str]
) -> re.Pattern[str]:
    word = rf"(?:{_alt(words)})"
    scale = rf"(?:{_alt(scales)})"
    multiplier = rf"(?:{_alt(mult)})s?"
    wordnum = (
        rf"(?:half\s+a\s+{multiplier}|an?\s+(?:{scale}|{multiplier})"
        rf"|{word}(?:[\s-]+{word})*(?:\s+{scale}(?:\s+(?:and\s+)?{word}(?:[\s-]+{word})*)?)*)"
    )
    digits = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?!\.[0-9]|,[0-9]|:[0-9]|/[0-9])"
    num = rf"(?:(?:{digits}|{wordnum})(?:\s+{multiplier})?)"
    not_measure = (
        r"(?![\w-]|\s*(?:%|per\s*cent|percent|km\b|kilomet|kg\b|kilogram|mm\b|cm\b|metres|meters"
        r"|miles|hours?\b|minutes?\b|days?\b|weeks?\b|months?\b|years?\b|am\b|pm\b|-year|"
        r"-day|-hour|-minute|°|\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may"
        r"|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
        # a whole month name: "5 separatists", "10 Janjaweed" and "3 marines" are people
        r"\.?(?![\w-])(?!\s+(?:people|men|women|of)\b)))"
    )
    rng = (
        rf"(?P<a>{digits})\s*(?:-|–)\s*(?P<b>{digits})"
        rf"|(?P<a2>{num})\s+(?:to|or)\s+(?P<b2>{num})"
    )
    # "between six and about ten": a word of approximation may sit before either end
    approx = APPROX
    between = rf"between\s+{approx}(?P<ba>{num})\s+and\s+{approx}(?P<bb>{num})"
    qual = rf"(?:(?P<qual>{_alt(quals)})\s+)?"
    return re.compile(
        rf"(?<![\w-])(?:{qual}(?:{between}|{rng}|(?P<n>{num})){not_measure}"
        rf"|(?P<vague>{_alt(vague)})(?![\w-]))",
        re.IGNORECASE,
    )


@cache
def load_number_lexicon(name: str = "numbers.yaml") -> NumberLexicon:
    """Load and check ``data/casualties/<name>`` and compile the quantity pattern (cached)."""
    path = data_path("casualties", name)
    lex = _check(read_data_file(path, _REQUIRED), str(path))
    words = {**lex["units"], **lex["tens"]}
    # "both"/"couple"/"pair" are counts in context but not parts of a number phrase
    phrase_words = [w for w in words if w not in ("both", "couple", "pair", "single", "lone")]
    vague = {
        str(v["phrase"]).lower(): (int(v["best"]), int(v["low"]), v.get("high"))
        for v in lex["vague"]
    }
    return NumberLexicon(
        version=str(lex["version"]),
        words={str(k): int(v) for k, v in words.items()},
        scales={str(k): int(v) for k, v in lex["scales"].items()},
        multipliers={str(k): int(v) for k, v in lex["multipliers"].items()},
        qualifiers={str(k): dict(v) for k, v in lex["qualifiers"].items()},
        vague=vague,
        pattern=_build(
            phrase_words,
            list(lex["scales"]),
            list(lex["multipliers"]),
            list(lex["qualifiers"]),
            list(vague),
        ),
    )


def number_value(text: str, lexicon: NumberLexicon | None = None) -> int | None:
    """The value of one number phrase: ``"twenty-five"`` → 25, ``"1,200"`` → 1200.

    >>> number_value("two hundred and five")
    205
    """
    lex = lexicon or load_number_lexicon()
    low = " ".join(text.lower().split())
    if low.startswith("half a "):
        whole = number_value(low[len("half ") :], lex)
        return None if whole is None else whole // 2
    tokens = [t for t in re.split(r"[\s-]+", low.replace(",", "")) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0, 0, False
    for token in tokens:
        plural = token[:-1] if token.endswith("s") else token
        if token.isascii() and token.isdigit():
            current += int(token)
        elif token in lex.words:
            current += lex.words[token]
        elif token in ("a", "an"):
            current += 1
        elif plural in lex.multipliers:
            current = max(current, 1) * lex.multipliers[plural]
        elif plural in lex.scales:
            scale = lex.scales[plural]
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        else:
            return None
        seen = True
        if total + current > MAX_VALUE:
            return None
    value = total + current
    return value if seen and 0 <= value <= MAX_VALUE else None


def _qualify(n: int, qual: str | None, lex: NumberLexicon) -> tuple[int, int, int | None]:
    if not qual:
        return n, n, n
    rule = lex.qualifiers.get(" ".join(qual.lower().split()), {})
    low = 1 if rule.get("low_is_one") else n + int(rule.get("low_delta", 0))
    best = max(n + int(rule.get("best_delta", 0)), 0)
    high = n if rule.get("high") == "n" else None
    low = min(low, best)
    return best, low, high


def quantity_from_match(
    match: re.Match[str], lex: NumberLexicon, offset: int = 0
) -> Quantity | None:
    """Turn one match of the quantity pattern into a :class:`Quantity` (``None`` if void)."""
    text = match.group(0)
    start, end = offset + match.start(), offset + match.end()
    if match.group("vague"):
        best, low, high = lex.vague[" ".join(match.group("vague").lower().split())]
        return Quantity(start, end, text, best, low, high, vague=True, kind="vague")
    a = match.group("a") or match.group("a2") or match.group("ba")
    b = match.group("b") or match.group("b2") or match.group("bb")
    if a and b:
        lo, hi = number_value(a, lex), number_value(b, lex)
        if lo is None or hi is None:
            return None
        lo, hi = min(lo, hi), max(lo, hi)
        return Quantity(start, end, text, lo, lo, hi, kind="range")
    n = number_value(match.group("n") or "", lex)
    if n is None:
        return None
    best, low, high = _qualify(n, match.group("qual"), lex)
    return Quantity(start, end, text, best, low, high)


def find_quantities(
    text: str, offset: int = 0, lexicon: NumberLexicon | None = None
) -> list[Quantity]:
    """Every quantity in ``text``, left to right (spans shifted by ``offset``)."""
    lex = lexicon or load_number_lexicon()
    found = []
    for match in lex.pattern.finditer(text):
        if _YEAR.fullmatch(match.group(0)) or _MONTH_BEFORE.search(text, 0, match.start()):
            continue  # "2020", "April 30": dates, not counts
        if _GRADE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "a form four student": a school grade
        quantity = quantity_from_match(match, lex, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def parse_quantity(text: str, lexicon: NumberLexicon | None = None) -> Quantity | None:
    """Read a whole phrase as one quantity ("more than 20", "10-15", "scores"), else ``None``."""
    lex = lexicon or load_number_lexicon()
    stripped = text.strip()
    match = lex.pattern.fullmatch(stripped)
    return None if match is None else quantity_from_match(match, lex)


# the open of a range whose upper end a note's total took ("Between twelve and twenty
# fatalities", "between 50 and 100 fatalities")
RANGE_OPEN = re.compile(rf"\bbetween\s+{APPROX}(?P<lo>[\w,-]+)\s+(?:and|to)\s+$", re.I)


def range_low(before: str, high: Quantity, lex: NumberLexicon) -> tuple[int, int, int | None]:
    """``(best, low, high)`` of a total whose words before it open a range: the range's
    lower end is the count (ACLED codes the lowest number a report gives); ``high``'s own
    values when nothing opens one."""
    found = RANGE_OPEN.search(before[-40:])
    lo = number_value(found.group("lo"), lex) if found else None
    if lo is None or lo > high.best:
        return high.best, high.low, high.high
    return lo, lo, high.best
