"""A report's tokens read once: its sentences' and paragraphs' tokens are read off the
whole text's (``mentions.span_tokens``, ``mentions.text_words``), the same as tokenizing
each passage alone."""

from __future__ import annotations

import random

from eventwire.pipeline.places.gazetteer import mentions

PIECES = [
    "Kenyan", "police", "U.S.", "Beirut's", "Cox’s", "Bazar", "al-Hasakeh", "Saudi-led",
    "12", "3.5", "km", "-", ".", ",", "'s", "’S", "(Reuters)", "don't", "x_y", "ʿAdan",
    "South Sudanese", "pro-Russian", "A.", "s", "'", "e.g.", "Mogadishu-Hodan", "ISIS's",
]  # fmt: skip
SPACES = [" ", "  ", "\n", "", ". ", "\n\n"]


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(SPACES) for _ in range(n))


def test_passages_read_off_the_whole_text_are_tokenized_alone() -> None:
    rng = random.Random(22)
    for _ in range(400):
        text = _text(rng, rng.randint(1, 40))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        passage = text[start:end]
        expected = mentions.tokenize(passage, start)
        assert mentions.span_tokens(text, passage, start) == expected
        mentions.text_tokens(text)  # the whole text remembered: the passage is read off it
        assert mentions.text_words(passage) == [t.text for t in mentions.tokenize(passage)]


def test_a_sentence_is_read_off_its_report() -> None:
    text = "Kenyan police shot two men in Mandera's market. Somali troops crossed at Dhobley."
    second = text.index("Somali")
    whole = mentions.text_tokens(text)
    tokens = mentions.span_tokens(text, text[second:], second)
    assert tokens == mentions.tokenize(text[second:], second)
    assert tokens[0] is whole[len(whole) - len(tokens)]  # the same tokens, not new ones
    # a passage cutting "Mandera's" between the name and its "'s" is tokenized alone
    cut = text.index("'s market")
    assert mentions.span_tokens(text, text[cut:], cut) == mentions.tokenize(text[cut:], cut)
    # a passage that is not the text's at that offset is tokenized alone
    assert mentions.span_tokens(text, "Kenyan army", 0) == mentions.tokenize("Kenyan army")


def test_paragraph_words() -> None:
    text = "Kenyan police fired. The U.S. embassy closed.\n\nSouth Sudanese troops moved."
    mentions.text_tokens(text)
    para = text[text.index("South") :]
    assert mentions.text_words(para) == ["South", "Sudanese", "troops", "moved", "."]
    assert mentions.text_words("U.S") == ["U.S"]  # cut inside "U.S.": tokenized alone
