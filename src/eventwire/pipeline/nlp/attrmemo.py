"""A memo in front of spaCy's attribute ruler, for ``nlp.pipe``.

The English models' attribute ruler maps each token's fine tag (and, for a few rules, its
lower-case form or dependency label) to a coarse POS, morphology and lemma exceptions. It
does so with a ``Matcher`` of some 180 patterns run over every token of every parse,
which costs about a tenth of parsing a sentence. Nearly all its patterns are one token
long and read only that token's ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``: which of
them match a token is a function of those four values. :class:`RulerMemo` keeps that
answer per four values (found once, by the ruler's own patterns run on a one-token doc
with the same values), runs a matcher of the few longer patterns over the parse, and
hands the same matches, in the same order, to the ruler's own ``set_annotations``. The
attributes set are the same; only the matching work changes
(``tests/test_nlp_memos.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.pipeline.nlp.lemmas import pipe_each

MEMO_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})  # what a pattern may read
Match = tuple[int, int, int, int]  # (rule number, match key, start, end) as ``match`` sorts
Key = tuple[int, int, int, int]  # (lower-case form or 0, IS_SPACE, TAG, DEP) of a token


class RulerMemo:
    """Match an ``AttributeRuler``'s patterns with one-token answers remembered."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        vocab = ruler.vocab
        self.single = Matcher(vocab)  # one-token patterns, under the ruler's own keys
        self.longer = Matcher(vocab)
        self.has_longer = False
        patterns = ruler.patterns  # a property that rebuilds the list on every read
        for number, rule in enumerate(patterns):
            key = vocab.strings.add(str(number))
            one = [p for p in rule["patterns"] if len(p) == 1]
            more = [p for p in rule["patterns"] if len(p) != 1]
            if one:
                self.single.add(key, one)
            if more:
                self.longer.add(key, more)
                self.has_longer = True
        self.forms = _forms_read(patterns, vocab)
        self.named: dict[int, bool] = {}  # lower-case form -> does a pattern read it
        self.memo: dict[Key, list[tuple[int, int]]] = {}

    def _named(self, lower: int, strings: Any) -> bool:
        """Can a one-token pattern tell this lower-case form from others?"""
        if self.forms is None:
            return True
        names, regexes = self.forms
        named = lower in names or any(r.search(strings[lower]) for r in regexes)
        self.named[lower] = named
        return named

    def _learn(self, doc: Any, missing: dict[Key, int]) -> None:
        """Find the one-token matches of each unseen key, all in one doc of one token per
        key (its own head), matched by the one-token patterns."""
        from spacy.tokens import Doc

        tokens = [doc[i] for i in missing.values()]
        alone = Doc(
            doc.vocab,
            words=[t.text for t in tokens],
            spaces=[False] * len(tokens),
            tags=[t.tag_ for t in tokens],
            deps=[t.dep_ for t in tokens],
            heads=list(range(len(tokens))),
        )
        keys = list(missing)
        for key in keys:
            self.memo[key] = []
        strings = doc.vocab.strings
        for k, start, _ in self.single(alone, allow_missing=True):
            self.memo[keys[start]].append((int(strings[k]), k))

    def matches(self, doc: Any) -> list[Match] | None:
        """The ruler's matches of ``doc``, sorted as ``AttributeRuler.match`` sorts them;
        None for a doc without a tag or a dependency label on some token."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        memo, named, strings = self.memo, self.named, doc.vocab.strings
        keys: list[Key] = []
        missing: dict[Key, int] = {}
        for i, (lower, space, tag, dep) in enumerate(
            doc.to_array([LOWER, IS_SPACE, TAG, DEP]).tolist()
        ):
            if tag == 0 or dep == 0:
                return None
            # a form no one-token pattern names cannot change which of them match
            keep = named.get(lower)
            if keep is None:
                keep = self._named(lower, strings)
            key = (lower if keep else 0, space, tag, dep)
            keys.append(key)
            if key not in memo and key not in missing:
                missing[key] = i
        if missing:
            self._learn(doc, missing)
        found = [(n, k, i, i + 1) for i, key in enumerate(keys) for n, k in memo[key]]
        if self.has_longer:
            found.extend(
                (int(strings[k]), k, s, e) for k, s, e in self.longer(doc, allow_missing=True)
            )
        found.sort()
        return found

    def __call__(self, doc: Any) -> Any:
        """Set the attributes the ruler's patterns assign, as ``AttributeRuler.__call__``."""
        matches = self.matches(doc) if len(doc) else None
        if matches is None:
            return self.ruler(doc)
        self.annotate(doc, matches)
        return doc

    def annotate(self, doc: Any, matches: list[Match]) -> None:
        """``AttributeRuler.set_annotations`` without a ``Span`` per match: the same
        attributes set on the same tokens in the same order (a target outside its match,
        which the ruler reports as an error, goes to the ruler itself)."""
        from spacy.tokens._retokenize import set_token_attrs

        indices, attrs = self.ruler.indices, self.ruler.attrs
        targets = [s + indices[n] if indices[n] >= 0 else e + indices[n] for n, _, s, e in matches]
        if not all(s <= t < e for t, (_, _, s, e) in zip(targets, matches, strict=True)):
            self.ruler.set_annotations(doc, matches)
            return
        for target, (number, _, _, _) in zip(targets, matches, strict=True):
            set_token_attrs(doc[target], attrs[number])

    def pipe(self, stream: Iterable[Any], *, batch_size: int = 128) -> Iterator[Any]:
        """``Pipe.pipe`` with the memo: each doc in turn, errors to the ruler's handler."""
        del batch_size  # one doc at a time, as spaCy's own AttributeRuler.pipe
        return pipe_each(self, self.ruler, stream)


def _forms_read(
    rules: list[dict[str, Any]], vocab: Any
) -> tuple[frozenset[int], list[re.Pattern[str]]] | None:
    """The lower-case forms one-token patterns read: the hashes they name
    (``{"LOWER": x}``, ``{"LOWER": {"IN": [...]}}``) and their regular expressions
    (``{"LOWER": {"REGEX": r}}``, searched as the Matcher searches them); None when some
    pattern reads the form another way (``NOT_IN``, ...), so every form counts."""
    names: set[int] = set()
    regexes: list[re.Pattern[str]] = []
    for rule in rules:
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or "LOWER" not in pattern[0]:
                continue
            value = pattern[0]["LOWER"]
            if isinstance(value, str):
                names.add(vocab.strings.add(value))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                names.update(vocab.strings.add(str(v)) for v in value["IN"])
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                regexes.append(re.compile(value["REGEX"]))
            else:
                return None
    return frozenset(names), regexes


def memoise_attribute_ruler(nlp: Any) -> bool:
    """Put a :class:`RulerMemo` in front of the model's attribute ruler; whether it did.

    Only a plain ``AttributeRuler`` whose patterns read nothing but ``TAG``, ``LOWER``,
    ``DEP`` and ``IS_SPACE`` with no operators (so a one-token pattern depends on its token
    alone) is memoised; any other is left as it is.
    """
    from spacy.pipeline import AttributeRuler

    for _, component in nlp.pipeline:
        if type(component) is not AttributeRuler:
            continue
        rules: list[dict[str, Any]] = list(component.patterns)
        readable = all(
            set(token) <= MEMO_KEYS
            for rule in rules
            for pattern in rule["patterns"]
            for token in pattern
        )
        if readable:
            setattr(component, "pipe", RulerMemo(component).pipe)  # noqa: B010 - an instance's own pipe
            return True
    return False
