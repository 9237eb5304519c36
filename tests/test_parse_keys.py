"""The coder's per-parse token keys (issue 22): reading a whole parse's cached keys gives the
same phrase ranges and cue classes as asking token by token, and the toponym word pattern
written as runs matches what the one-alternation-per-character pattern matched."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.pipeline.base import Resources

SENTENCES = [
    "Gunmen armed with rifles stormed a police post in the north and killed two officers.",
    "The water cannon was used against protesters, who threw stones at the riot police.",
    "Workers' unions said the strike would go on; the Liberation Front denied any attack.",
    "A car bomb exploded near the market, wounding five civilians and a soldier.",
    "",
]


@pytest.fixture(scope="module")
def parse(settings: Settings, resources: Resources) -> Callable[[str], Any]:
    from eventwire.pipeline.nlp.stage import load_model

    nlp = resources.get("spacy:" + settings.spacy_model, lambda: load_model(settings.spacy_model))
    return nlp  # type: ignore[no-any-return]


def _plain_phrases(tokens: list[Any], phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Phrase ranges found by trying every phrase at every token (the slow, obvious way)."""
    from eventwire.pipeline.events.triggers import token_keys

    hits = []
    for order, phrase in enumerate(phrases):
        for i in range(len(tokens) - len(phrase) + 1 if phrase else 0):
            if all(phrase[k] in token_keys(tokens[i + k]) for k in range(len(phrase))):
                hits.append((i, order, i + len(phrase)))
    return [(i, end) for i, _, end in sorted(hits)]


@pytest.mark.parametrize("text", SENTENCES)
def test_parse_phrases_match_a_token_by_token_scan(parse: Callable[[str], Any], text: str) -> None:
    from eventwire.pipeline.events.triggers import (
        find_phrases,
        load_lexicon,
        parse_keys,
        parse_phrases,
        token_keys,
    )

    lex = load_lexicon()
    doc = parse(text)
    tokens = list(doc)
    keys, positions = parse_keys(doc)
    assert keys == [token_keys(t) for t in tokens]
    assert all(i in positions[k] for i, ks in enumerate(keys) for k in ks)
    found = 0
    lists = [list(lex.blocks), list(lex.masks), *(list(c.phrases) for c in lex.classes.values())]
    for phrases in lists:
        expected = _plain_phrases(tokens, phrases)
        found += len(expected)
        assert parse_phrases(doc, phrases) == expected
        assert find_phrases(tokens, phrases) == expected
        if len(tokens) > 2:  # a part of the parse takes the token-by-token way
            part = tokens[1:]
            assert find_phrases(part, phrases) == _plain_phrases(part, phrases)
            assert parse_phrases(doc[1:], phrases) == _plain_phrases(part, phrases)
    assert found > 0 or text != SENTENCES[1]  # "water cannon", "riot police": it bites


def test_toponym_word_pattern_matches_the_alternation_form() -> None:
    from eventwire.pipeline.places.gazetteer.mentions import _TOKEN_RE

    alternation = re.compile(r"[^\W\d_](?:[\w'’‘`ʿ]|[-.](?=\w))*|\d+|[^\w\s]")
    alphabet = "aB1_-.'’‘`ʿ é\n,"
    rng = random.Random(22)
    texts = ["al-Bakir's U.S.-led a-b- 3.5 x-.y Mogadishu-Hodan ʿAli e.g. Beirut’s"]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(20000)
    ]
    for text in texts:
        assert [m.span() for m in _TOKEN_RE.finditer(text)] == [
            m.span() for m in alternation.finditer(text)
        ], text
