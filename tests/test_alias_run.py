"""The places stage's actor cues find the longest actor name at a word with keys built word
by word (pipeline/common/aliasrun.py): the answer must be the plain lookup's, whatever
stands between the words."""

from __future__ import annotations

import random
import re

from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary, normalise
from eventwire.pipeline.common.aliasrun import longest_alias_at

_WORD_RE = re.compile(r"[^\W_](?:[\w'’`-]*\w)?")  # the places stage's words


def plain(actors: ActorDictionary, text: str, words: list[re.Match[str]], i: int, longest: int):  # type: ignore[no-untyped-def]
    """The lookup as the actor cues did it before: every run normalised, longest first."""
    for n in range(min(longest, len(words) - i), 0, -1):
        raw = text[words[i].start() : words[i + n - 1].end()]
        actor_id = actors.acronyms.get(raw) if n == 1 else None
        actor_id = actor_id or actors.alias.get(normalise(raw))
        if actor_id:
            return n, actor_id
    return None


def _texts(actors: ActorDictionary, count: int) -> list[str]:
    rng = random.Random(7)
    names = sorted(a for a in {*actors.alias, *actors.acronyms} if a)
    own = ["Police", "said", "the", "Al", "al-Rashid", "Ḥizbullāh", "Köln", "rebels", "of", "IS"]
    gaps = [" ", " ", ", ", "' ", "’s ", " ‘", "‘", "’ ", " – ", "-", " (", ") ", "`", " 2 ", ".  "]
    texts = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(3, 12)):
            word = rng.choice(names) if rng.random() < 0.5 else rng.choice(own)
            parts.append(word.title() if rng.random() < 0.5 else word)
            parts.append(rng.choice(gaps))
        texts.append("".join(parts))
    return texts


def test_the_longest_alias_is_the_plain_lookups_answer() -> None:
    actors = load_actor_dictionary()
    longest = min(actors.max_alias_words + 1, 8)
    hits = 0
    for text in [
        "Fighters of the Islamic State and Al Shabaab's men met Boko Haram, the IS said.",
        "Rebels' Al-Shabaab ‘Islamic’ State – the Taliban`s PKK (Kurdistan Workers’ Party)",
        *_texts(actors, 400),
    ]:
        words = list(_WORD_RE.finditer(text))
        for i in range(len(words)):
            expected = plain(actors, text, words, i, longest)
            assert longest_alias_at(actors, text, words, i, longest) == expected, (text, i)
            hits += expected is not None
    assert hits > 200  # the texts do name actors, long and short


def test_alias_prefixes_hold_every_key_and_its_first_words() -> None:
    actors = load_actor_dictionary()
    for key in list(actors.alias)[:500]:
        first = key.split(" ")
        assert all(" ".join(first[:n]) in actors.alias_prefixes for n in range(1, len(first) + 1))
