"""A memo in front of spaCy's rule lemmatizer, for ``nlp.pipe``.

spaCy's rule lemmatizer (``Lemmatizer.rule_lemmatize``) keeps its answers in a cache,
but not the most frequent ones: a token whose form is a base form (a singular noun, a
present or infinitive verb, a positive adjective: most tokens) returns before the cache
is filled, so each such token is looked at again through Python ``Token`` and
``MorphAnalysis`` objects every time it is seen. Its answer depends on the token's form,
part of speech and morphology only, so :class:`LemmaMemo` keeps every answer by those
three hashes, reads and writes the lemmas of a whole parse as arrays, and asks the
lemmatizer itself only for a triple it has not seen. The lemmas are the same; only the
work of finding them changes (``tests/test_nlp_memos.py`` compares them).

:func:`memoise_lemmatizer` installs it as the component's ``pipe`` (what ``nlp.pipe``
calls); ``nlp(text)`` still runs the component itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

ArrayKey = tuple[int, int, int]


class LemmaMemo:
    """Lemmatize docs as a rule ``Lemmatizer`` does, remembering each (form, POS, morph)."""

    def __init__(self, component: Any) -> None:
        self.component = component
        self.lemmatize = component.lemmatize  # the component's own rule_lemmatize
        self.memo: dict[ArrayKey, int] = {}
        self.lookups: Any = None  # the component's tables with word lists as sets

    def _fast_lookups(self) -> Any:
        """The component's lookup tables, its ``lemma_index`` word lists made sets.

        ``rule_lemmatize`` asks ``form in index`` of a list of up to 57,000 nouns for
        every suffix rule of every form it has not seen; a set answers the same."""
        from spacy.lookups import Lookups, Table

        own = self.component.lookups
        fast = Lookups()
        for name in own.tables:
            table = own.get_table(name)
            if name == "lemma_index":
                sets = Table(name=table.name)
                for key, words in table.items():
                    sets[key] = frozenset(words) if isinstance(words, list) else words
                table = sets
            fast.set_table(name, table)
        return fast

    def __call__(self, doc: Any) -> Any:
        """Set the lemma of each token that has none (every token when overwriting)."""
        component = self.component
        if not component._validated or len(doc) == 0:
            return component(doc)  # validates the tables once, as spaCy's own call does
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = component.overwrite
        memo = self.memo
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = doc.vocab.strings.add(self._lemmatize(doc[i]))
                lemma = found
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def _lemmatize(self, token: Any) -> str:
        """The component's own answer for a token, its word lists read as sets."""
        if self.lookups is None:
            self.lookups = self._fast_lookups()
        component = self.component
        own, component.lookups = component.lookups, self.lookups
        try:
            return str(self.lemmatize(token)[0])
        finally:
            component.lookups = own

    def pipe(self, stream: Iterable[Any], *, batch_size: int = 128) -> Iterator[Any]:
        """``Pipe.pipe`` with the memo: each doc in turn, errors to the component's handler."""
        del batch_size  # one doc at a time, as spaCy's own Lemmatizer.pipe
        return pipe_each(self, self.component, stream)


def pipe_each(memo: Callable[[Any], Any], component: Any, stream: Iterable[Any]) -> Iterator[Any]:
    """Run a memo in front of a spaCy component over a stream of docs, one at a time; an
    error goes to the component's own error handler, as ``Pipe.pipe`` does."""
    handler = component.get_error_handler()
    for doc in stream:
        try:
            yield memo(doc)
        except Exception as exc:  # spaCy's own contract: the handler decides
            handler(component.name, component, [doc], exc)


def memoise_lemmatizer(nlp: Any) -> bool:
    """Put a :class:`LemmaMemo` in front of the model's rule lemmatizer; whether it did.

    Only spaCy's own rule lemmatizer (language subclasses may change ``is_base_form``,
    which reads the same three attributes) is memoised; a lookup lemmatizer, a custom
    ``rule_lemmatize`` or a model without a lemmatizer is left as it is.
    """
    from spacy.pipeline import Lemmatizer

    for _, component in nlp.pipeline:
        if (
            isinstance(component, Lemmatizer)
            and component.mode == "rule"
            and type(component).rule_lemmatize is Lemmatizer.rule_lemmatize
            and type(component).__call__ is Lemmatizer.__call__
            and type(component).pipe is Lemmatizer.pipe
        ):
            setattr(component, "pipe", LemmaMemo(component).pipe)  # noqa: B010 - an instance's own pipe
            return True
    return False
