"""Name normalisation for gazetteer keys: folding, article stripping, spelling skeletons.

Place names reach us in many transliterations (Falluja, Fallujah, Al Fallūjah; Irbil,
Erbil, Arbil; Idleb, Idlib). Two keys are used:

* ``fold(name)``: accents removed, lower case, apostrophes dropped, punctuation to
  spaces. "Al-Fallūjah" → "al fallujah". Exact key.
* ``skeleton(name)``: the folded name without a leading Arabic article and without
  spaces and vowels (but the first letter), with doubled letters collapsed, a final "h"
  after a vowel dropped and a few spellings merged. "Tuz Khormato" → "tzkrmt" =
  "Ṭūz Khūrmātū", "Pétion-Ville" → "ptnvl" = "Petionville". Looser key, trusted less.

>>> fold("Al-Fallūjah")
'al fallujah'
>>> skeleton("Al-Fallūjah") == skeleton("Falluja")
True
>>> skeleton("Tuz Khormato") == skeleton("Ţūz Khūrmātū")
True
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.folding import fold as fold  # the exact key, shared with dedup

# Leading articles of Arabic (and Arabic-derived) names as transliterated in English.
ARTICLES: frozenset[str] = words("gazetteer", "articles")
_DOUBLE_RE = re.compile(r"([a-z])\1+")
_VOWELS_RE = re.compile(r"[aeiou]")


def strip_article(key: str) -> str:
    """Remove a leading article from a folded key ("al fallujah" → "fallujah").

    >>> strip_article("ar raqqah")
    'raqqah'
    >>> strip_article("al")
    'al'
    """
    head, _, rest = key.partition(" ")
    if head in ARTICLES and len(rest) >= 3:
        return rest
    return key


def skeleton(name: str) -> str:
    """Return the loose key of a name (see module docstring).

    >>> skeleton("Idleb") == skeleton("Idlib")
    True
    """
    key = strip_article(fold(name))
    words = []
    for word in key.split():
        w = word.replace("ou", "u").replace("ee", "i").replace("oo", "u").replace("aa", "a")
        w = w.replace("kh", "k").replace("q", "k").replace("dh", "d").replace("th", "t")
        w = w.replace("sh", "s").replace("gh", "g").replace("y", "i").replace("w", "u")
        w = w.replace("p", "b")  # Arabic has no p: "Sulaiman Pek" = "Sulaiman Bek"
        w = _DOUBLE_RE.sub(r"\1", w)
        if len(w) > 3 and w[-1] == "h" and w[-2] in "aeiou":
            w = w[:-1]
        w = w.replace("e", "i")
        w = _DOUBLE_RE.sub(r"\1", w)
        words.append(w)
    joined = "".join(words)
    # vowels carry most transliteration noise (Khormato / Khurmatu): keep consonants
    return joined[:1] + _VOWELS_RE.sub("", joined[1:])


def _rules(rules: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """("from", "to") pairs of "from>to" rewrite rules, in a fixed order."""
    return tuple((a, b) for a, _, b in (r.partition(">") for r in sorted(rules)))


_ENDINGS = _rules(words("gazetteer", "spelling_endings"))
_ENDING_FORMS = tuple(a for a, _ in _ENDINGS)
_SWAPS = _rules(words("gazetteer", "spelling_swaps"))
_PREFIXES = _rules(words("gazetteer", "spelling_prefixes"))
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_DOUBLING = _CONSONANTS - frozenset("hwy")
SPELLING_MIN = 5  # shorter names have too many neighbours


def spellings(key: str) -> set[str]:
    """Other transliterations of a folded, article-free key, one rewrite away (with or
    without a word-ending rewrite): an ending ("huseiniyah" → "huseiniya"), a vowel
    spelling ("zubeidiyah" → "zubaydiyah"), a doubled or single consonant ("shadadah" →
    "shaddadah"), a short vowel ("tarimiyah" → "tarmiyah", "gireida" → "gereida"), a
    long one ("haawaay" → "haaway"), Somali "x" for "h" ("haramka" → "xaramka"), an inner
    article ("ayn al jahsh" → "ayn jahsh") or a tribal prefix ("buhardan" → "albuhardan").
    The rewrites are data (``words.yaml``: spelling_endings, spelling_swaps,
    spelling_prefixes).

    >>> "husseiniya" in spellings("huseiniyah")
    True
    """
    if len(key) < SPELLING_MIN:
        return set()
    out = _one_step(key)
    for variant in list(out):
        out |= _endings(variant)
    out.discard(key)
    return out


def _endings(key: str) -> set[str]:
    words_ = key.split(" ")
    out = set()
    for i, word in enumerate(words_):
        if not word.endswith(_ENDING_FORMS):
            continue  # one test for every rule (most words end in none of them)
        for a, b in _ENDINGS:
            if word.endswith(a) and len(word) > len(a) + 2:
                out.add(" ".join([*words_[:i], word[: -len(a)] + b, *words_[i + 1 :]]))
    return out


def _one_step(key: str) -> set[str]:
    out = _endings(key)
    for a, b in _SWAPS:
        start = key.find(a)
        while start >= 0:
            out.add(key[:start] + b + key[start + len(a) :])
            start = key.find(a, start + 1)
    out.update(b + key[len(a) :] for a, b in _PREFIXES if key.startswith(a))
    out.add(_DOUBLE_RE.sub(r"\1", key))
    for i in range(1, len(key) - 1):
        ch = key[i]
        if ch in _DOUBLING and key[i - 1] != ch and key[i + 1] != ch and key[i + 1] != " ":
            out.add(key[:i] + ch + key[i:])  # "shadadah" → "shaddadah"
        elif ch in "ie" and key[i - 1] in _CONSONANTS and key[i + 1] in _CONSONANTS:
            out.add(key[:i] + key[i + 1 :])  # "tarimiyah" → "tarmiyah"
    return out


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (the only names we index).

    >>> is_latin("Erbil"), is_latin("أربيل")
    (True, False)
    """
    folded = fold(name)
    if not folded or not any(ch.isalpha() for ch in folded):
        return False
    return all(ord(ch) < 128 for ch in folded) and len(folded) >= 0.6 * len(name.strip())


PARENS_REACH = 10  # tokens back to the "(" of a "(X, Y)" list


def closes_parens(window: list[str], size: int) -> bool:
    """Does a name close a parenthesis opened a few tokens before it ("(Samba-Boungou,
    Bria)")? ``window``: the texts of the tokens before the name, the name's ``size``
    tokens and the token after it."""
    if len(window) < size + 1 or window[-1] != ")":
        return False
    for text in reversed(window[: -size - 1]):
        if text in ("(", ")"):
            return text == "("
    return False
