"""Direct quotes: where each quotation is, and who is quoted, across sentences and paragraphs.

A quotation is found by its quote marks (curly or straight) inside a coded paragraph. Its
speaker comes from the cue next to it::

    "They shelled the market at dawn," said Amina Yusuf, a resident.
    "We lost twelve men," the commander said. "They came from the hills."
    The ministry said in a statement: "Troops have retaken the town."

A quotation without a cue of its own takes the speaker of the nearest cued quotation in the same
paragraph (the second sentence above), and a paragraph that opens a quotation the previous
paragraph left open continues the previous speaker (the wire convention for long quotes).

>>> from eventwire.pipeline.common.cues import load_cues
>>> quotes = find_quotes('"We lost men," the commander said.', [Segment(0, 34)], load_cues())
>>> quotes[0].speaker, quotes[0].verb
('commander', 'said')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.datafiles import word_table, words
from eventwire.pipeline.common.cues import Cues
from eventwire.records import CODED_SEGMENT_KINDS, Segment

_OPEN = '“"'
_CLOSE = {"“": "”", '"': '"'}
_IRREGULAR: dict[str, tuple[str, ...]] = word_table("attribution", "irregular_verbs")
_SPEAKER = r"[^,.;:\"“”!?\n]{1,80}?"
_NOT_FIRST: frozenset[str] = words("attribution", "not_first")
_FILLER = r"(?:(?:has|had|also|later|then|went on to|earlier)\s+)?"
_CLAUSE_WORDS: frozenset[str] = words("attribution", "clause_words")


def inflections(lemma: str) -> list[str]:
    """Past and third-person forms of a reporting verb ("deny" -> denied, denies)."""
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ied", lemma[:-1] + "ies"]
    if lemma.endswith("e"):
        return [lemma, lemma + "d", lemma + "s"]
    if lemma.endswith(("s", "sh", "ch", "x")):
        return [lemma, lemma + "ed", lemma + "es"]
    return [lemma, lemma + "ed", lemma + "s"]


@dataclass(frozen=True, slots=True)
class QuotePatterns:
    after_verb_first: re.Pattern[str]  # ', said Amina Yusuf'
    after_speaker_first: re.Pattern[str]  # ', the commander said'
    before: re.Pattern[str]  # 'The ministry said in a statement: '
    forms: dict[str, str]  # inflected form -> lemma


@cache
def verb_patterns(verbs: tuple[str, ...]) -> QuotePatterns:
    forms = {form: lemma for lemma in verbs for form in inflections(lemma)}
    alt = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return QuotePatterns(
        re.compile(rf"^\s*,?\s*(?P<verb>{alt})\s+(?P<speaker>{_SPEAKER})\s*(?=[,.;:!?]|$)", re.I),
        re.compile(
            rf"^\s*,?\s*(?P<speaker>{_SPEAKER})(?:,[^,\"“”.;]{{1,80}},)?"
            rf"\s+{_FILLER}(?P<verb>{alt})\b",
            re.I,
        ),
        re.compile(
            rf"(?P<speaker>{_SPEAKER})\s+{_FILLER}(?P<verb>{alt})\b[^\"“”.]{{0,60}}?[:,]\s*$",
            re.I,
        ),
        forms,
    )


@dataclass(slots=True)
class Quote:
    """A quotation [start, end) (marks included) and who is quoted."""

    start: int
    end: int
    segment: int
    speaker: str | None = None
    verb: str | None = None  # the reporting verb as written ("said", "told")
    lemma: str | None = None
    cue_start: int = -1
    cue_end: int = -1
    closed: bool = True
    inherited: bool = False


def _opens(text: str, pos: int) -> bool:
    """A straight quote that opens: at the start or after a space/bracket, before a word."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-") and not after.isspace()


def _closing(text: str, pos: int, end: int) -> int:
    """Where the quotation opened at ``pos`` closes (-1 when another one opens first)."""
    if text[pos] == "“":
        close = text.find("”", pos + 1, end)
        reopen = text.find("“", pos + 1, end)
        return -1 if close == -1 or (reopen != -1 and reopen < close) else close
    close = text.find('"', pos + 1, end)
    if close == -1 or text[close - 1].isspace():
        return -1  # the next straight quote opens a new quotation: this one was left open
    return close


def _regions(text: str, seg: Segment, index: int) -> list[Quote]:
    quotes: list[Quote] = []
    pos = seg.start
    while pos < seg.end:
        ch = text[pos]
        if ch in _OPEN and (ch == "“" or _opens(text, pos)):
            close = _closing(text, pos, seg.end)
            if close == -1:
                nxt = min(
                    (i for i in (text.find(q, pos + 1, seg.end) for q in _OPEN) if i != -1),
                    default=seg.end,
                )
                quotes.append(Quote(pos, nxt, index, closed=False))
                pos = nxt
                continue
            if len(text[pos:close].split()) >= 3:  # "scare quotes" of a word or two are not speech
                quotes.append(Quote(pos, close + 1, index))
            pos = close + 1
            continue
        pos += 1
    return quotes


def _plausible(speaker: str) -> bool:
    """A speaker is a short noun phrase, not a clause ("He accepted the ruling but")."""
    words = speaker.split()
    if not words or len(words) > 8:
        return False
    lowered = [w.lower().strip(",") for w in words]
    return lowered[0] not in _NOT_FIRST and not (set(lowered) & _CLAUSE_WORDS)


_LEADING_TIME = re.compile(
    r"^(?:on|in|at|by|last|earlier|later|late|early)\s+(?:(?:the\s+)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|weekend|week|month|year|morning|evening|night|"
    r"afternoon|\d+\w*)\s+)+",
    re.I,
)


def _clean_speaker(speaker: str) -> str:
    """ "On Monday Tony Blair" -> "Tony Blair"; "the commander" -> "commander"."""
    speaker = _LEADING_TIME.sub("", " ".join(speaker.split()).strip(" ,"))
    words = speaker.split(" ")
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _cue(text: str, quote: Quote, seg: Segment, pats: QuotePatterns) -> None:
    after = text[quote.end : min(seg.end, quote.end + 120)] if quote.closed else ""
    for pattern in (pats.after_verb_first, pats.after_speaker_first):
        m = pattern.match(after)
        if m and _plausible(m.group("speaker")):
            quote.speaker = _clean_speaker(m.group("speaker"))
            quote.verb = m.group("verb")
            quote.lemma = pats.forms.get(quote.verb.lower())
            quote.cue_start = quote.end + m.start("speaker")
            quote.cue_start = min(quote.cue_start, quote.end + m.start("verb"))
            quote.cue_end = quote.end + max(m.end("speaker"), m.end("verb"))
            return
    line_start = max(seg.start, quote.start - 200)
    before = text[line_start : quote.start]
    sentence_start = max(before.rfind(". "), before.rfind("\n"))
    before = before[sentence_start + 1 :] if sentence_start >= 0 else before
    offset = quote.start - len(before)
    # the pattern ends in "[:,]\s*$": a text whose last non-space is neither finds nothing
    m = pats.before.search(before) if before.rstrip()[-1:] in (":", ",") else None
    if m and _plausible(m.group("speaker")):
        quote.speaker = _clean_speaker(m.group("speaker"))
        quote.verb = m.group("verb")
        quote.lemma = pats.forms.get(quote.verb.lower())
        quote.cue_start = offset + m.start("speaker")
        quote.cue_end = offset + m.end("verb")


def _inherit(target: Quote, source: Quote) -> None:
    target.speaker, target.verb, target.lemma = source.speaker, source.verb, source.lemma
    target.cue_start, target.cue_end = source.cue_start, source.cue_end
    target.inherited = True


def find_quotes(text: str, segments: list[Segment], cues: Cues) -> list[Quote]:
    """Every quotation in the coded paragraphs, with its speaker and reporting verb."""
    pats = verb_patterns(tuple(sorted(v for v in cues.verbs if v not in cues.cognitive_verbs)))
    quotes: list[Quote] = []
    previous_open: Quote | None = None
    for index, seg in enumerate(segments):
        if seg.kind not in CODED_SEGMENT_KINDS:
            previous_open = None
            continue
        found = _regions(text, seg, index)
        for quote in found:
            _cue(text, quote, seg, pats)
        cued = [q for q in found if q.speaker]
        for quote in found:
            if quote.speaker:
                continue
            if (
                previous_open is not None
                and quote is found[0]
                and text[seg.start : quote.start].strip() == ""
            ):
                _inherit(quote, previous_open)
                continue
            prior = [q for q in cued if q.start < quote.start]
            later = [q for q in cued if q.start > quote.start]
            if prior:
                _inherit(quote, prior[-1])
            elif later:
                _inherit(quote, later[0])
        last = found[-1] if found else None
        previous_open = last if last is not None and not last.closed and last.speaker else None
        if last is not None and not last.closed and not last.speaker:
            previous_open = None
        quotes.extend(found)
    return quotes


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quotation containing a document offset (the innermost when nested)."""
    best: Quote | None = None
    for quote in quotes:
        if quote.start <= offset < quote.end and (best is None or quote.start > best.start):
            best = quote
    return best
