"""A place mention and the word tokens toponym recognition (``toponyms.py``) scans: what
the resolver, the focus votes and the checks read about each candidate name."""

from __future__ import annotations

import re
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


_TEXT_TOKENS: dict[str, list[Token]] = {}
_TEXTS = 8  # texts whose tokens are remembered


def text_tokens(text: str) -> list[Token]:
    """``tokenize(text)``, remembered for the last few texts: the places stage reads one
    report's words more than once (its demonyms, its forces' nationality). Shared: read
    the list and its tokens, never change them."""
    found = _TEXT_TOKENS.get(text)
    if found is None:
        if len(_TEXT_TOKENS) >= _TEXTS:
            del _TEXT_TOKENS[next(iter(_TEXT_TOKENS))]  # the oldest
        found = _TEXT_TOKENS[text] = tokenize(text)
    return found
