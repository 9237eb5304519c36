"""The trigger lexicon and the context cues matched on a parse.

The lexicon itself (frames, entries, cue classes; loading and schema check) lives in
:mod:`eventwire.pipeline.common.triggerlexicon`, shared with the relevance pre-filter, and
its names are re-exported here. Matching works on lemmas *and* lower-case forms, so a
lemmatiser slip ("airstrikes") still matches.

>>> lex = load_lexicon()
>>> lex.frames["shell"].acled
'Shelling/artillery/missile attack'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.pipeline.common.triggerlexicon import (
    CueClass,
    Frame,
    Lexicon,
    TriggerEntry,
    inflections,
    load_lexicon,
    parse_lexicon,
    split_phrase,
)

__all__ = [
    "NAME_BLIND_CLASSES",
    "CueClass",
    "Frame",
    "Lexicon",
    "TriggerEntry",
    "TriggerMatch",
    "classes_in",
    "find_phrases",
    "inflections",
    "load_lexicon",
    "match_triggers",
    "parse_lexicon",
    "split_phrase",
    "token_keys",
]


@dataclass(slots=True)
class TriggerMatch:
    """A trigger found in a parse: token range [start, end), its head token and entry."""

    start: int
    end: int
    head: int
    entry: TriggerEntry
    child: int | None = None  # the matched child of a dependency pattern


def token_keys(token: Any) -> frozenset[str]:
    """The strings a token may match: its lemma, its lower-case form and, for a plural the
    lemmatiser left alone (proper nouns, "Workers'"), the singular.

    Cached per parse in ``Doc.user_data``: the coder asks for the same token's keys many
    times (every cue class and phrase), and spaCy makes a new Token object on each access.
    """
    cache = _key_cache(token.doc.user_data)
    found = cache.get(token.i)
    if found is None:
        found = cache[token.i] = _keys_of(token.lower_, token.lemma_)
    return found


def _key_cache(store: dict[str, Any]) -> dict[int, frozenset[str]]:
    """A parse's token keys by token index, kept in its ``Doc.user_data``."""
    cache: dict[int, frozenset[str]] | None = store.get("ew_token_keys")
    if cache is None:
        cache = store["ew_token_keys"] = {}
    return cache


def _keys_of(lower: str, lemma: str) -> frozenset[str]:
    keys = {lemma.lower(), lower}
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        keys.add(lower[:-1])
        if lower.endswith("ies"):
            keys.add(lower[:-3] + "y")
    return frozenset(keys)


_NO_KEYS: frozenset[str] = frozenset()


def whole_parse(tokens: Sequence[Any]) -> bool:
    """Are ``tokens`` every token of their parse, in order (a ``list(parse)``)?"""
    return bool(tokens) and tokens[0].i == 0 and len(tokens) == len(tokens[0].doc)


def parse_keys(parse: Any) -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """:func:`token_keys` of every token of a parsed sentence (a ``Doc``), and each key's
    token positions in order; built once per parse and kept in ``Doc.user_data`` (the
    coder asks for them per phrase list, per cue class and per candidate trigger)."""
    store = parse.user_data
    cached: tuple[list[frozenset[str]], dict[str, list[int]]] | None = store.get("ew_parse_keys")
    if cached is None:
        cache = _key_cache(store)  # filled for token_keys too, one token after another
        keys = []
        for t in parse:
            found = cache.get(t.i)
            if found is None:
                found = cache[t.i] = _keys_of(t.lower_, t.lemma_)
            keys.append(found)
        positions: dict[str, list[int]] = {}
        for i, token_key in enumerate(keys):
            for key in token_key:
                positions.setdefault(key, []).append(i)
        store["ew_parse_keys"] = cached = (keys, positions)
    return cached


# Cue classes that describe actions and circumstances; capitalised names ("Money Exchange
# company", "Revolutionary Front") must not trigger them.
NAME_BLIND_CLASSES = frozenset(
    {
        "exchange",
        "intervention",
        "lethal",
        "protest_violence",
        "protest_context",
        "background",
        "accident",
    }
)


def _phrase_at(tokens: Sequence[Any], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens):
        return False
    return all(phrase[k] in token_keys(tokens[i + k]) for k in range(len(phrase)))


def find_phrases(
    tokens: Sequence[Any], phrases: Iterable[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Return [start, end) token ranges where any of the phrases occurs, ordered by start
    token, then by the order of ``phrases``.

    Only the positions whose token carries a phrase's first word are tried (the phrase
    lists hold hundreds of entries; trying each at every token was the coder's hot spot).
    """
    return _phrase_hits(*_keys_at(tokens), phrases)


def _keys_at(tokens: Sequence[Any]) -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """Each token's keys and the positions of each key, as :func:`find_phrases` reads them."""
    if whole_parse(tokens):
        return parse_keys(tokens[0].doc)
    keys = [token_keys(t) for t in tokens]
    positions: dict[str, list[int]] = {}
    for i, token_key in enumerate(keys):
        for key in token_key:
            positions.setdefault(key, []).append(i)
    return keys, positions


def parse_phrases(parse: Any, phrases: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """:func:`find_phrases` over every token of a parsed sentence, read from
    :func:`parse_keys` when ``parse`` is a ``Doc`` (no spaCy ``Token`` object per word)."""
    if not hasattr(parse, "user_data"):  # a Span: its tokens, as find_phrases takes them
        return find_phrases(list(parse), phrases)
    keys, positions = parse_keys(parse)
    return _phrase_hits(keys, positions, phrases)


def _phrase_hits(
    keys: list[frozenset[str]],
    positions: dict[str, list[int]],
    phrases: Iterable[tuple[str, ...]],
) -> list[tuple[int, int]]:
    """The [start, end) ranges of the phrases over tokens with these keys (see
    :func:`find_phrases`)."""
    hits: list[tuple[int, int, int]] = []
    for order, phrase in enumerate(phrases):
        if not phrase:
            continue
        for i in positions.get(phrase[0], ()):
            end = i + len(phrase)
            if end <= len(keys) and all(phrase[k] in keys[i + k] for k in range(1, len(phrase))):
                hits.append((i, order, end))
    hits.sort()
    return [(i, end) for i, _, end in hits]


def match_triggers(parse: Any, lexicon: Lexicon) -> list[list[TriggerMatch]]:
    """Find trigger candidates in a parsed sentence.

    Returns one list of alternative matches per trigger position (longest matches first,
    never overlapping another position); the caller picks the first alternative whose
    context check passes.
    """
    tokens = list(parse)
    blocked: set[int] = set()
    for start, end in find_phrases(tokens, lexicon.blocks):
        blocked.update(range(start, end))
    every = parse_keys(tokens[0].doc)[0] if whole_parse(tokens) else None
    found: list[TriggerMatch] = []
    for i, tok in enumerate(tokens):
        if i in blocked:
            continue
        keys = every[i] if every is not None else token_keys(tok)
        for key in keys:
            for entry in lexicon.by_first.get(key, ()):
                if _phrase_at(tokens, i, entry.phrase):
                    end = i + len(entry.phrase)
                    if not blocked.intersection(range(i, end)):
                        found.append(TriggerMatch(i, end, _phrase_head(tokens, i, end), entry))
            for entry in lexicon.by_word.get(key, ()):
                if entry.pos and tok.pos_ not in entry.pos:
                    continue
                if (
                    tok.pos_ == "PROPN"
                    and tok.is_title
                    and i > 0
                    and tokens[i - 1].text not in {":", '"', "“", "(", "'"}
                ):
                    continue  # part of a name ("Liberation Front", "Battle Creek")
                found.append(TriggerMatch(i, i + 1, i, entry))
        if tok.lemma_.lower() in lexicon.by_head or tok.lower_ in lexicon.by_head:
            for entry in lexicon.by_head.get(tok.lemma_.lower(), []) + lexicon.by_head.get(
                tok.lower_, []
            ):
                for child in tok.children:
                    if entry.deps and child.dep_ not in entry.deps:
                        continue
                    if token_keys(child) & entry.children or child.ent_type_ in entry.child_ents:
                        end = child.i + 1 if child.i == i + 1 else i + 1
                        found.append(TriggerMatch(i, end, i, entry, child=child.i))
                        break
    # group: longest spans first; a match overlapping an accepted longer one is dropped,
    # matches with the same span are alternatives in lexicon order
    order = _entry_order(lexicon)
    found.sort(key=lambda m: (-(m.end - m.start), m.start, order.get(id(m.entry), 0)))
    groups: list[list[TriggerMatch]] = []
    taken: set[int] = set()
    for match in found:
        span = set(range(match.start, match.end))
        same = next((g for g in groups if (g[0].start, g[0].end) == (match.start, match.end)), None)
        if same is not None:
            if all(m.entry.frame != match.entry.frame for m in same):
                same.append(match)
            continue
        if span & taken:
            continue
        taken |= span
        groups.append([match])
    groups.sort(key=lambda g: g[0].start)
    return groups


_ENTRY_ORDER: dict[int, tuple[list[TriggerEntry], int, dict[int, int]]] = {}


def _entry_order(lexicon: Lexicon) -> dict[int, int]:
    """Each trigger entry's position in ``lexicon.entries`` (by identity), built once per
    entries list (rebuilt when it is replaced or changes length), not once per sentence."""
    cached = _ENTRY_ORDER.get(id(lexicon))
    if cached is not None and cached[0] is lexicon.entries and cached[1] == len(lexicon.entries):
        return cached[2]
    order = {id(e): n for n, e in enumerate(lexicon.entries)}
    _ENTRY_ORDER[id(lexicon)] = (lexicon.entries, len(lexicon.entries), order)
    return order


def _phrase_head(tokens: Sequence[Any], start: int, end: int) -> int:
    """The syntactic head of a token range: the token whose head lies outside the range."""
    for i in range(start, end):
        head = tokens[i].head.i
        if head == i or not start <= head < end:
            return i
    return end - 1


def classes_in(tokens: Sequence[Any], lexicon: Lexicon, skip: Iterable[int] = ()) -> set[str]:
    """Return the cue classes present among the tokens (ignoring token indices in ``skip``).

    For a whole parsed sentence (the coder asks several times per sentence, with different
    ``skip``) the classes of each token and every phrase occurrence are found once and
    kept in ``Doc.user_data``; the answer is the same as :func:`_classes_in_scan`'s.
    """
    if not tokens or tokens[0].i != 0 or len(tokens) != len(tokens[0].doc):
        return _classes_in_scan(tokens, lexicon, skip)
    store = tokens[0].doc.user_data
    key = (id(lexicon), id(lexicon.classes), len(lexicon.classes))  # ids: Doc pickles lean
    cached = store.get("ew_classes_in")
    if cached is None or cached[0] != key:
        cached = (key, *_class_occurrences(tokens, lexicon))
        store["ew_classes_in"] = cached
    per_token, phrases = cached[1], cached[2]
    skipped = set(skip)
    found = {n for i, names in enumerate(per_token) if i not in skipped for n in names}
    present: set[str] = set()  # filled in class order, as _classes_in_scan fills it
    for name in lexicon.classes:
        if name in found or (
            name in phrases
            and any(not skipped or skipped.isdisjoint(range(a, b)) for a, b in phrases[name])
        ):
            present.add(name)
    return present


def _class_occurrences(
    tokens: Sequence[Any], lexicon: Lexicon, skip: Iterable[int] = ()
) -> tuple[list[tuple[str, ...]], dict[str, list[tuple[int, int]]]]:
    """Each token's word classes, and each class's phrase occurrences (positions in
    ``tokens``), with the tokens in ``skip`` (by index in their doc) and the lexicon's masks
    carrying no words."""
    skipped = set(skip)
    at = _keys_at(tokens)  # read once for both mask lists
    # "water cannon" is crowd control: its "cannon" is no artillery cue
    for start, end in _phrase_hits(*at, lexicon.masks):
        skipped.update(t.i for t in tokens[start:end])
    # "riot police": the modifier is no riot cue, the head keeps its classes (state)
    for start, end in _phrase_hits(*at, lexicon.modifier_masks):
        skipped.update(t.i for t in tokens[start : end - 1])
    if whole_parse(tokens):  # a token's index is its position
        every = parse_keys(tokens[0].doc)[0]
        keys = [k if i not in skipped else _NO_KEYS for i, k in enumerate(every)]
    else:
        keys = [k if t.i not in skipped else _NO_KEYS for t, k in zip(tokens, at[0], strict=True)]
    by_word = lexicon.classes_of_words()
    per_token: list[tuple[str, ...]] = []
    for t, k in zip(tokens, keys, strict=True):
        names: list[str] = []
        named: bool | None = None  # capitalised proper noun: no name-blind class
        for key in k:
            for name in by_word.get(key, ()):
                if name in NAME_BLIND_CLASSES:
                    if named is None:
                        named = t.pos_ == "PROPN" and t.is_title
                    if named:
                        continue
                names.append(name)
        per_token.append(tuple(names))
    starts: dict[str, list[int]] = {}  # key -> the token positions that carry it
    for i, k in enumerate(keys):
        for key in k:
            starts.setdefault(key, []).append(i)
    # the phrases opened by the sentence's words, in class and phrase order (their rank)
    hits: list[tuple[int, int, str, int]] = []
    by_first = lexicon.classes_of_phrases()
    for first, positions in starts.items():
        for rank, name, phrase in by_first.get(first, ()):
            # skipped tokens have empty keys, so a phrase over them cannot match
            for i in positions:
                end = i + len(phrase)
                if end <= len(keys) and all(
                    phrase[k] in keys[i + k] for k in range(1, len(phrase))
                ):
                    hits.append((rank, i, name, end))
    hits.sort()
    phrases: dict[str, list[tuple[int, int]]] = {}
    for _, i, name, end in hits:
        phrases.setdefault(name, []).append((i, end))
    return per_token, phrases


def _classes_in_scan(tokens: Sequence[Any], lexicon: Lexicon, skip: Iterable[int] = ()) -> set[str]:
    """:func:`classes_in` for any token sequence, scanning it afresh."""
    per_token, phrases = _class_occurrences(tokens, lexicon, skip)
    found = {name for names in per_token for name in names}
    # filled in class order, as the sets callers iterate were
    return {name for name in lexicon.classes if name in found or name in phrases}
