"""Issue 22: the memos in front of spaCy's attribute ruler and rule lemmatizer
(``pipeline/nlp/attrmemo.py``, ``pipeline/nlp/lemmas.py``) must leave every token's
tag, POS, morphology, lemma, dependency and entity exactly as spaCy's own components
set them, on a cold memo and on a warm one."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from eventwire.config import Settings  # noqa: E402
from eventwire.pipeline.nlp.attrmemo import memoise_attribute_ruler  # noqa: E402
from eventwire.pipeline.nlp.lemmas import memoise_lemmatizer  # noqa: E402
from eventwire.pipeline.nlp.stage import load_model  # noqa: E402

MODEL = Settings().spacy_model

# our own sentences: contractions the ruler's two-token patterns read ("ai n't", "gon na",
# "let 's", "y' all", "c'm on"), pronouns as subject and object, "there is", whitespace
# tokens, determiners used as pronouns, auxiliaries, and words seen twice in new roles
SENTENCES = [
    "Gunmen ain't gonna stop, the mayor said; let's wait and see, y'all.",
    "C'mon, there is a curfew in the town and there are soldiers everywhere.",
    "I told them that it was over, but they did not believe me or it.",
    "You saw it and I saw you:  the protesters   marched\n\nto the ministry.",
    "That was the worst attack; those who did it have fled, and this is what they had.",
    "Police fired tear gas; the gas drifted over the marching students who were fleeing.",
    "The army has taken the village, which had been held by rebels since May.",
    "Did the rebels do it? They did, and they have done it before, officials said.",
    "Shelling killed 4 civilians in Kharkiv on Tuesday, the governor's office says.",
    "   ",
    "Fighters gotta move; the fighters moved, moving slowly, and had moved before.",
]


def _attributes(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc
    ]


@pytest.fixture(scope="module")
def models() -> tuple[Any, Any]:
    try:
        plain = spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} not installed")
    return plain, load_model(MODEL)


def test_memos_are_installed(models: tuple[Any, Any]) -> None:
    _, memoised = models
    assert "LemmaMemo" in type(memoised.get_pipe("lemmatizer").pipe.__self__).__name__
    assert "RulerMemo" in type(memoised.get_pipe("attribute_ruler").pipe.__self__).__name__


def test_same_annotations_cold_and_warm(models: tuple[Any, Any]) -> None:
    plain, memoised = models
    expected = [_attributes(d) for d in plain.pipe(SENTENCES)]
    for _ in range(2):  # the second round answers from the memos
        assert [_attributes(d) for d in memoised.pipe(SENTENCES, batch_size=3)] == expected
    ruler = memoised.get_pipe("attribute_ruler").pipe.__self__
    lemmas = memoised.get_pipe("lemmatizer").pipe.__self__
    assert ruler.memo and lemmas.memo


def test_single_call_path_unchanged(models: tuple[Any, Any]) -> None:
    plain, memoised = models
    text = "They ain't gonna leave; let's see."
    assert _attributes(memoised(text)) == _attributes(plain(text))


def test_a_ruler_reading_other_attributes_is_left_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Kabul"}]], {"POS": "PROPN"})
    assert memoise_attribute_ruler(nlp) is False
    nlp2 = spacy.blank("en")
    ruler2 = nlp2.add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": "kabul", "OP": "+"}]], {"POS": "PROPN"})
    assert memoise_attribute_ruler(nlp2) is False
    nlp3 = spacy.blank("en")
    nlp3.add_pipe("attribute_ruler").add([[{"LOWER": "kabul"}]], {"POS": "PROPN"})
    assert memoise_attribute_ruler(nlp3) is True
    assert [t.pos_ for t in next(nlp3.pipe(["in Kabul today"]))] == ["", "PROPN", ""]


def test_a_lookup_lemmatizer_is_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert memoise_lemmatizer(nlp) is False
