"""Structure stage: title, byline, dateline, captions, boilerplate, paragraphs, interview turns.

The text is cut into blocks (paragraphs), then each block gets a kind:

* header blocks at the top: the title, bylines ("By X", "X interviews Y"), photo captions;
* a dateline ("BAGHDAD, June 10 (Reuters) -") is split off the paragraph it opens, the rest of
  that paragraph is body;
* footer blocks at the end: site furniture ("Read more", share links, copyright,
  "Reporting by X; Editing by Y");
* the middle: body paragraphs, or question/answer turns in an interview, with the speaker.

Only body and answer segments are parsed and coded (``CODED_SEGMENT_KINDS``).

>>> doc = StructureStage(load_cues())(Document(text="Title here\\n\\nBy Jo Bloggs\\n\\nA body."))
>>> [s.kind for s in doc.segments]
['title', 'byline', 'body']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.config import Settings, StructureOptions
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.cues import Cues, load_cues
from eventwire.pipeline.structure.turns import (
    InterviewCast,
    assign_turns,
    display_name,
    looks_like_interview,
)
from eventwire.records import Document, Segment

NAME = "eventwire.structure.v1"
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_TERMINAL = (".", "!", "?", ":", ";", "…")
_CLOSERS = "\"'”’)]» \t"
MAX_HEADER_CHARS = 200
MAX_FOOTER_CHARS = 120
MAX_TITLE_WORDS = 16  # without a byline under it or a title from the reader (wire heads run to 15)


@dataclass(slots=True)
class Block:
    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> Block | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end, text[start:end]) if end > start else None


def _hard_wrapped(lines: list[Block]) -> bool:
    """Lines of one paragraph wrapped at a fixed width (join them) vs one paragraph a line."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [len(line.text) for line in body]
    unfinished = sum(1 for line in body if not line.text.rstrip(_CLOSERS).endswith(_TERMINAL))
    return min(widths) >= 35 and max(widths) <= 100 and unfinished * 2 >= len(body)


def split_blocks(text: str) -> list[Block]:
    """Cut a text into paragraphs: blank-line separated, or one a line unless hard-wrapped."""
    blocks: list[Block] = []
    pos = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = _trimmed(text, pos, end)
        if chunk is not None:
            lines: list[Block] = []
            line_start = chunk.start
            for lm in [*re.finditer(r"\n", chunk.text), None]:
                line_end = chunk.start + lm.start() if lm else chunk.end
                line = _trimmed(text, line_start, line_end)
                if line is not None:
                    lines.append(line)
                line_start = line_end + 1
            blocks.extend([chunk] if _hard_wrapped(lines) else lines)
        if m:
            pos = m.end()
    return blocks


def _unfinished(text: str) -> bool:
    return not text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", text.lower()).split())


class StructureStage:
    """Mark every paragraph of a document with its kind and, in interviews, its speaker."""

    name = NAME
    requires: tuple[str, ...] = ("doc.text",)
    assigns: tuple[str, ...] = ("doc.segments", "doc.title", "doc.author")

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    # -- single-block tests -------------------------------------------------------------
    def byline(self, text: str) -> dict[str, str] | None:
        if len(text) > 200:
            return None
        for pattern in self.cues.byline:
            m = pattern.match(text)
            if m:
                return {k: v for k, v in m.groupdict().items() if v}
        return None

    def is_boilerplate(self, text: str) -> bool:
        return len(text) <= 400 and any(p.search(text) for p in self.cues.boilerplate)

    def is_caption(self, text: str) -> bool:
        return len(text) <= 500 and any(p.search(text) for p in self.cues.caption)

    def _is_title(self, block: Block, doc: Document, following: Block | None) -> bool:
        text = block.text
        if "\n" in text or len(text) > 200 or len(text.split()) > 25 or following is None:
            return False
        if doc.title and (_norm(doc.title) == _norm(text) or _norm(text) in _norm(doc.title)):
            return True
        if self.byline(text) or self.cues.dateline.match(text) or self.is_boilerplate(text):
            return False
        if self.byline(following.text):
            return True
        # A reader that knows the title tells us the text starts after it.
        # Headlines are short; a longer unpunctuated first line is a lead that lost its stop.
        return (
            doc.title is None
            and len(text.split()) <= MAX_TITLE_WORDS
            and _unfinished(text)
            and not text.rstrip(_CLOSERS).endswith("?")
        )

    # -- the stage -------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        blocks = split_blocks(doc.text)
        kinds: list[str | None] = [None] * len(blocks)
        cast = InterviewCast()
        authors: list[str] = []
        self._header(doc, blocks, kinds, cast, authors)
        self._footer(blocks, kinds, authors)
        for i, block in enumerate(blocks):
            if kinds[i] is not None:
                continue
            if self.byline(block.text):
                kinds[i] = "byline"
                authors.extend(
                    v for k, v in (self.byline(block.text) or {}).items() if k == "author"
                )
            elif self.is_boilerplate(block.text):
                kinds[i] = "boilerplate"
            elif self.is_caption(block.text):
                kinds[i] = "caption"
        middle = [i for i, k in enumerate(kinds) if k is None]
        segments = self._segments(doc, blocks, kinds, middle, cast)
        doc.segments = segments
        if doc.title is None:
            doc.title = next(
                (doc.text[s.start : s.end] for s in segments if s.kind == "title"), None
            )
        if doc.author is None:
            author = cast.interviewer or (authors[0] if authors else None)
            doc.author = display_name(author) if author else None
        return doc

    def _header(
        self,
        doc: Document,
        blocks: list[Block],
        kinds: list[str | None],
        cast: InterviewCast,
        authors: list[str],
    ) -> None:
        for i, block in enumerate(blocks[:6]):
            text = block.text
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            byline = self.byline(text)
            if i == 0 and self._is_title(block, doc, following):
                kinds[i] = "title"
            elif byline:
                kinds[i] = "byline"
                if "interviewee" in byline:
                    cast.interviewee = display_name(byline["interviewee"])
                if "interviewer" in byline:
                    cast.interviewer = display_name(byline["interviewer"])
                if "author" in byline:
                    authors.append(byline["author"])
            elif self.is_caption(text) or self.is_boilerplate(text):
                kinds[i] = "caption" if self.is_caption(text) else "boilerplate"
            elif (
                "byline" in kinds[:i]
                and len(text) <= MAX_HEADER_CHARS
                and len(text.split()) >= 3
                and _unfinished(text)
                and following is not None
            ):
                kinds[i] = "caption"  # an unpunctuated line under the headline: a photo caption
            else:
                return

    def _footer(self, blocks: list[Block], kinds: list[str | None], authors: list[str]) -> None:
        for i in range(len(blocks) - 1, 0, -1):
            if kinds[i] is not None:
                return
            text = blocks[i].text
            byline = self.byline(text)
            if byline:
                kinds[i] = "byline"
                authors.extend(v for k, v in byline.items() if k == "author")
            elif self.is_boilerplate(text):
                kinds[i] = "boilerplate"
            elif self.is_caption(text):
                kinds[i] = "caption"
            elif (
                len(text) <= MAX_FOOTER_CHARS
                and len(text.split()) <= 8
                and _unfinished(text)
                and not _unfinished(blocks[i - 1].text)
            ):
                kinds[i] = "boilerplate"  # a short unpunctuated line after the last paragraph
            else:
                return

    def _segments(
        self,
        doc: Document,
        blocks: list[Block],
        kinds: list[str | None],
        middle: list[int],
        cast: InterviewCast,
    ) -> list[Segment]:
        texts = [blocks[i].text for i in middle]
        turns = {}
        if middle and looks_like_interview(texts, self.cues, cast):
            turns = dict(zip(middle, assign_turns(texts, self.cues, cast), strict=True))
        first_body = middle[0] if middle else -1
        segments: list[Segment] = []
        for i, block in enumerate(blocks):
            kind = kinds[i]
            if kind is not None:
                segments.append(Segment(block.start, block.end, kind))
                continue
            turn = turns.get(i)
            if turn is not None and turn.kind != "body":
                segments.append(Segment(block.start, block.end, turn.kind, turn.speaker, turn.role))
                continue
            m = self.cues.dateline.match(block.text)
            if m and (i == first_body or m.group("agency")) and m.end() < len(block.text):
                cut = block.start + m.end()
                dateline_end = cut
                while dateline_end > block.start and doc.text[dateline_end - 1].isspace():
                    dateline_end -= 1
                segments.append(Segment(block.start, dateline_end, "dateline"))
                segments.append(Segment(cut, block.end, "body"))
                continue
            segments.append(Segment(block.start, block.end, "body"))
        return segments


@register_stage(NAME)
def make_structure_stage(settings: Settings, resources: Resources) -> Stage:
    path = settings.options_of(StructureOptions).cues_file
    cues = resources.get(f"structure-cues:{path or 'builtin'}", lambda: load_cues(path))
    return StructureStage(cues)
