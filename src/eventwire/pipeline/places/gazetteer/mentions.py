"""A place mention and the word tokens toponym recognition (``toponyms.py``) scans: what
the resolver, the focus votes and the checks read about each candidate name."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’‘`ʿ]*(?:[-.](?=\w)[\w'’‘`ʿ]*)*|\d+|[^\w\s]")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True, eq=False)
class Mention:
    """A toponym candidate in the text with its context."""

    start: int
    end: int
    text: str
    sentence: int
    ner: str | None = None  # spaCy label of an overlapping entity, if any
    cue: str | None = None  # the locative word before it: "in", "near", "outskirts of" …
    near: bool = False  # "near X", "outskirts of X", "north of X"
    hint: str | None = None  # "admin", "part", "town" from a feature word beside it
    hint_word: str | None = None
    parent: Mention | None = None  # the mention it is placed in ("X, Y")
    children: list[Mention] = field(default_factory=list)
    partial: bool = False  # inside a longer run of capitalised words
    modifier: bool = False  # used as a modifier: "US dollar", "Iraq war"
    landmark: bool = False  # names a site inside a place: "the Ilya intersection"
    echo: bool = False  # the same name is presented as a place elsewhere in the document
    dateline: bool = False  # "BEIRUT (Reuters) -", "KABUL, May 3 -": where the report was filed


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words, numbers and punctuation with document offsets ("Beirut's" → "Beirut", "'s")."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        start, end, word = m.start() + offset, m.end() + offset, m.group()
        if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS":
            out.append(Token(start, end - 2, word[:-2]))
            out.append(Token(end - 2, end, word[-2:]))
        else:
            out.append(Token(start, end, word))
    return out


@dataclass(slots=True)
class _Tokenized:
    """A remembered text's tokens, their start offsets and their words."""

    tokens: list[Token]
    starts: list[int]
    words: list[str]


_TEXT_TOKENS: dict[str, _Tokenized] = {}
_TEXTS = 8  # texts whose tokens are remembered


def _remembered(text: str) -> _Tokenized:
    found = _TEXT_TOKENS.get(text)
    if found is None:
        if len(_TEXT_TOKENS) >= _TEXTS:
            del _TEXT_TOKENS[next(iter(_TEXT_TOKENS))]  # the oldest
        tokens = tokenize(text)
        found = _TEXT_TOKENS[text] = _Tokenized(
            tokens, [t.start for t in tokens], [t.text for t in tokens]
        )
    return found


def text_tokens(text: str) -> list[Token]:
    """``tokenize(text)``, remembered for the last few texts: the places stage reads one
    report's words more than once (its sentences' toponyms, its demonyms, its forces'
    nationality). Shared: read the list and its tokens, never change them."""
    return _remembered(text).tokens


def span_tokens(text: str, passage: str, start: int) -> list[Token]:
    """``tokenize(passage, start)`` for the passage of ``text`` at ``start`` (a sentence of
    a report), read off the text's remembered tokens when no token runs across either end
    of the passage. Shared, as ``text_tokens``."""
    end = start + len(passage)
    if text[start:end] != passage:
        return tokenize(passage, start)
    entry = _remembered(text)
    span = _span(entry, start, end)
    if span is None:
        return tokenize(passage, start)
    return entry.tokens[span[0] : span[1]]


def text_words(text: str) -> list[str]:
    """The words of ``tokenize(text)``; a passage of a remembered text (a paragraph of the
    report) is read off that text's tokens, not tokenized again. Read, never change."""
    entry = _TEXT_TOKENS.get(text)
    if entry is None:
        for other, known in reversed(_TEXT_TOKENS.items()):
            at = other.find(text) if len(other) > len(text) else -1
            span = _span(known, at, at + len(text)) if at >= 0 else None
            if span is not None:
                return known.words[span[0] : span[1]]
        entry = _remembered(text)
    return entry.words


def _span(entry: _Tokenized, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of ``entry`` between two offsets, (first, past the last); ``None`` when a
    token runs across either offset: the passage alone would be tokenized otherwise.

    Each match of ``_TOKEN_RE`` depends only on the characters from its start to the one
    after its end, so a passage whose ends cut no match is tokenized as the whole text is."""
    a, b = bisect_left(entry.starts, start), bisect_left(entry.starts, end)
    if _cut(entry.tokens, a, start) or _cut(entry.tokens, b, end):
        return None
    return a, b


def _cut(tokens: list[Token], k: int, at: int) -> bool:
    """Does a match run across offset ``at`` (``k``: the first token starting at or after
    it): a token before it ending past it, or the "'s" split off a word ending there?"""
    if k > 0 and tokens[k - 1].end > at:
        return True
    if k < len(tokens) and tokens[k].start == at and k > 0 and tokens[k - 1].end == at:
        word = tokens[k].text
        return len(word) == 2 and word[0] in "'’"  # only ``tokenize`` splits one off
    return False


QUOTES = frozenset("'\"‘“`")


def word_after_quote(tokens: list[Token], at: int) -> str:
    """The word at ``at``, or the word a quotation mark there opens ("Somali 'bandits'":
    "bandits"); "" past the end."""
    if at >= len(tokens):
        return ""
    tok = tokens[at]
    if tok.text in QUOTES and at + 1 < len(tokens) and tokens[at + 1].start == tok.end:
        return tokens[at + 1].text
    return tok.text
