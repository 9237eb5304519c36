"""Coder notes and stated totals in casualty reports, and the toll of one incident.

Helpers of :mod:`.tolls`: :func:`find_note_mentions` reads the sentence-level
forms that state a total rather than count victims ("Fatalities coded as 10", "2
fatalities.", "1 killed.", "the death toll rose to 30", "No fatalities were reported");
:func:`incident_toll` combines the mentions of one incident into one count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eventwire.datafiles import words
from eventwire.pipeline.casualties.numbers import (
    NumberLexicon,
    Quantity,
    find_quantities,
    range_low,
)
from eventwire.pipeline.common.regexgate import gated_search, may_match

# "1 killed.", "2 dead, 3 injured." (never "15 rebels killed, 10 others killed.": two
# counts of the dead, added)
SHORT_SUMMARY = re.compile(
    r"\s*(?P<q>[\w-]+(?:\s+[\w-]+)?)\s+(?P<cue>killed|dead)"
    r"(?:\s*(?:,|and)\s*(?![\w\s-]*\b(?:killed|dead)\b)[\w\s-]{1,25}?)?\s*[.]?\s*",
    re.I,
)
# "spread across two dates", "divided across nine events", "distributed evenly across the
# two locations": the coder's wordings of one share (never "divided in two events" after
# "coded as 3 in each location": the coded toll is each row's already)
SHARE_UNITS = r"(?:\w+\s+)?(?:events|locations|days|dates|places|areas|incidents)"
SHARE = (
    r"(?:split|spread|distributed|divided)(?:\s+up)?(?:\s+(?:evenly|equally))?"
    r"\s+(?:among|across|between|over)\s+(?:the\s+)?"
)
CODED = re.compile(
    r"(?:fatalit(?:y|ies)|casualties|deaths)[,:]?\s+(?:were\s+|was\s+|are\s+|is\s+)?coded"
    r"(?:\s+(?:as|at)|:|(?=\s+[0-9]))\s*(?P<q>[\w,-]+)"
    rf"(?:[^.;]*?\b{SHARE}(?P<m>\w+)\s+{SHARE_UNITS}(?:\s+(?:in|over)\s+(?P<d>\w+)\s+days)?)?"
    r"(?:,?\s+in\s+addition\s+to\s+(?P<add>[\w,-]+)\s+(?:\w+\s+)?fatalit)?",
    re.I,
)
# "… divided between 3 events, with 4 coded for this event": the row's own share, stated
OWN_SHARE = re.compile(
    r"\bcoded\s+(?:as|at)\s+(?P<q>[\w,-]+)\s+(?:for|in)\s+this\s+(?:event|location|row)\b",
    re.I,
)
# "Unspecified number of fatalities coded as 3": a part of the toll, where another note
# ("Fatalities coded as 5 (2 commanders + 3 unspecified)") gives the whole
QUALIFIED = re.compile(
    r"\b(?:unspecified|unknown|unreported|estimated|unconfirmed|other)\b[^.;]{0,40}$", re.I
)
# the coder's number for an unknown group, told beside it: "Several rebels killed (coded as
# 10)", "heavy losses, coded as 10, were reported", "(unknown coded as 10)"
BARE_CODED = re.compile(
    r"\bcoded\s+(?:as|at)\s+(?P<q>[0-9]{1,4})(?=\s*(?:[),.;]|$|and\b|across\b|split\b))", re.I
)
# trailing markup of an analyst's note: "1 killed. [size=no report]"
MARKUP = re.compile(r"\s*\[[^\[\]]*=[^\[\]]*\]\s*$")
ZERO = re.compile(
    r"\b(?:no|neither|nor|without|zero)\s+(?:(?!(?:of|on|about|for)\b)\w+\s+){0,2}?"
    r"(?:fatalit(?:y|ies)|deaths?|casualties)"
    r"|\b(?:no\s+(?:one|body|people|person|civilians?)|nobody|no-one)\s+"
    r"(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:\w+\s+)?(?:killed|hurt|harmed)",
    re.I,
)
UPDATE = re.compile(
    r"(?:(?:death\s+)?toll|\bdeath\s+total"
    r"|\bnumber\s+(?:of\s+(?:\w+\s+)?)?(?:killed|dead|deaths|fatalities))"
    r"\s+(?:(?:from|of|in)\s+[^,.;]{1,90}?\s+)?(?:\w+\s+){0,3}?"
    r"(?:rose|risen|rises|climbed|increased|reached|jumped|raised|revised"
    r"|stood|stands|is|was|now|has|had)\s+(?:\w+\s+){0,2}?(?:to|at|of)?\s*(?P<q>[^,.;]{1,30})"
    r"|\b(?:bringing|taking|raising|putting)\s+the\s+(?:death\s+)?toll\s+to\s+(?P<q2>[^,.;]{1,30})"
    r"|(?:death\s+)?toll\s+(?:of|at)\s+(?P<q3>[^,.;]{1,30})",
    re.I,
)
SUMMARY = re.compile(
    r"(?P<q>\b[\w,-]+(?:\s+[\w-]+)?)\s+(?:reported\s+|confirmed\s+)?fatalit(?:y|ies)\b"
    rf"(?:\s+{SHARE}(?P<m>\w+)\s+{SHARE_UNITS})?",
    re.I,
)

# a coder's note that the toll is shared by several rows: "(coded across 3 events)",
# "Fatalities split between two events", "(fatality split across 2 events)"
SPLIT = re.compile(
    rf"\b(?:coded\s+(?:among|across|between|over)\s+|{SHARE})"
    rf"(?P<m>\w+)\s+{SHARE_UNITS}(?:\s+(?:in|over)\s+(?P<d>\w+)\s+days)?\b"
    r"|\b(?:split|spread|distributed)\b[^.;]{0,40}?\b(?:in|over)\s+(?P<d2>\w+)\s+days\b",
    re.I,
)

_ATTACKS = "|".join(sorted(words("casualties", "attack_units"), key=len, reverse=True))
_PERPETRATORS = "|".join(sorted(words("casualties", "perpetrators"), key=len, reverse=True))
# a total told for several attacks, each reported on its own: "across all four assaults",
# "across both blasts", "across this and a similar attack", "between this attack and a
# subsequent explosion"
ACROSS = re.compile(
    r"\bacross\s+(?:(?:all|the|these|those)\s+)*(?P<m>both|[0-9]{1,2}|two|three|four|five|six"
    rf"|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:{_ATTACKS})\b"
    rf"|\b(?P<two>across\s+this\s+and\s+(?:a|an|another)\s+(?:\w+\s+)?(?:{_ATTACKS})"
    rf"|between\s+this\s+(?:{_ATTACKS})\s+and\s+(?:a|an|another|the)\s)"
    rf"|\bacross\s+this\s+and\s+(?P<others>\w+)\s+other\s+(?:{_ATTACKS})\b"
    # "in both assaults" (never "in two events": a coder's note of its own)
    rf"|\b(?:in|during)\s+(?P<m2>both)\s+(?:\w+\s+)?(?:{_ATTACKS})\b"
    # the defenders repelled the attacks the toll is told for: "Security forces repelled
    # both assaults, killing 30 assailants", "repelled the three attacks, killing 11"
    rf"|\b(?:repelled|repulsed|foiled)\s+(?:all\s+)?(?:(?P<m3>both)|the\s+(?P<m4>[0-9]{{1,2}}"
    rf"|two|three|four|five|six|seven|eight|nine|ten))\s+(?:\w+\s+)?(?:{_ATTACKS})\b"
    rf"|\b(?P<m6>both)\s+(?:\w+\s+)?(?:{_ATTACKS})\s+were\s+(?:repelled|repulsed|foiled)\b"
    # a toll told for some of the attacks: "killed in two of the eight events"
    rf"|\bin\s+(?P<m5>two|three|four|five|[0-9])\s+of\s+the\s+(?:\w+\s+)?(?:{_ATTACKS})\b"
    # no number: "across all incidents", "across attacks", "during the attacks",
    # "repelled the assaults" (the report says elsewhere how many: "This was one of four
    # coordinated attacks")
    rf"|\b(?P<open>across\s+(?:all\s+)?(?:the\s+)?|during\s+the\s+)(?:{_ATTACKS})\b"
    rf"|\b(?P<open2>(?:repelled|repulsed)\s+the\s+)(?:{_ATTACKS})(?<=s)\b",
    re.I,
)
# "This was one of four coordinated attacks": how many attacks an open share is across
ONE_OF = re.compile(
    rf"\bone\s+of\s+(?P<n>[0-9]{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_ATTACKS})\b",
    re.I,
)
KILL_WORD = re.compile(
    r"\b(?:killed|killing|dead|died|deaths?|fatalit(?:y|ies)|casualt(?:y|ies))\b", re.I
)
# "In addition to the bomber, four people were killed": the named attackers died as well
IN_ADDITION = re.compile(
    rf"\bin\s+addition\s+to\s+(?:the\s+)?(?:(?P<q>[\w-]+)\s+)??(?:suicide\s+)?"
    rf"(?P<who>{_PERPETRATORS})\b",
    re.I,
)


@dataclass(slots=True)
class Mention:
    """One casualty count in the text."""

    category: str  # killed, wounded, arrested, kidnapped
    best: int | None
    low: int | None
    high: int | None
    start: int
    end: int
    text: str
    kind: str = "count"  # count, anaphoric, vague, update, summary, coded, zero
    background: bool = False
    ambiguous: bool = False
    competing: bool = False  # told after a competing source ("other sources put it at 29")
    # told in a relative clause of a participant ("a person who was killed in a dispute"):
    # the kill of a demonstration's or a development's background, not its own
    relative: bool = False
    label: str = ""  # the day or place a coder's share is for ("13 coded for May 24")


def first_quantity(text: str, lex: NumberLexicon) -> Quantity | None:
    """The first quantity of a phrase, or ``None``."""
    found = find_quantities(text, 0, lex)
    return found[0] if found else None


def _shared(q: Quantity, share: Quantity | None) -> tuple[int, int, int | None]:
    """``(best, low, high)`` of ``q``, divided by ``share`` when a total is split."""
    best, low, high = q.best, q.low, q.high
    if share is not None and share.best > 0:
        best, low = share_of(best, share.best), share_of(low, share.best)
        high = None if high is None else share_of(high, share.best)
    return best, low, high


def share_of(total: int, rows: int) -> int:
    """One row's part of a toll split among ``rows`` rows: the part most rows get. ACLED
    gives the remainder to the first rows ("20 fatalities split between 3 events": 7, 7,
    6; "1 fatality split among 12 events": 1 and eleven 0), so the total over the rows,
    rounded half up."""
    return (2 * total + rows) // (2 * rows)


def _add_coded(mentions: list[Mention], text: str, offset: int, numbers: NumberLexicon) -> None:
    """Coder notes: "Fatalities coded as 10", "… spread across three events", "… on top
    of the 4 known dead"."""
    for m in CODED.finditer(text):
        q = first_quantity(m.group("q"), numbers)
        if q is None:
            continue
        # "coded as 10 and spread across three…"
        best, low, high = _shared(q, _split_count(m, numbers) if m.group("m") else None)
        extra = first_quantity(m.group("add") or "", numbers)
        if extra is not None:  # "coded at 3, plus 2 known fatalities"
            best, low = best + extra.best, low + extra.low
            high = None if high is None or extra.high is None else high + extra.high
        start, end = offset + m.start(), offset + m.end()
        # unknown dead coded at 3 on top of 2 known ones: the whole toll
        qualified = QUALIFIED.search(text[max(0, m.start() - 60) : m.start()])
        kind = "coded-part" if qualified and extra is None else "coded"
        mentions.append(Mention("killed", best, low, high, start, end, m.group(0), kind=kind))
    for m in BARE_CODED.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        q = first_quantity(m.group("q"), numbers)
        if q is None or any(x.start <= start < x.end or start <= x.start < end for x in mentions):
            continue
        # "Fatalities split across two locations, coded as 2": the note's toll for the row
        kind = "coded" if re.search(r"fatalit", text[: m.start()], re.I) else "coded-part"
        mentions.append(Mention("killed", q.best, q.low, q.high, start, end, m.group(0), kind))
    for m in OWN_SHARE.finditer(text):
        q = first_quantity(m.group("q"), numbers)
        if q is not None:
            start, end = offset + m.start(), offset + m.end()
            mentions.append(
                Mention("killed", q.best, q.low, q.high, start, end, m.group(0), kind="coded-own")
            )


def _add_zeros_and_updates(
    mentions: list[Mention], plain: str, offset: int, numbers: NumberLexicon
) -> None:
    """Explicit zeros ("No fatalities were reported") and updated tolls ("the death toll
    rose to 30")."""
    for m in ZERO.finditer(plain) if may_match(ZERO, plain) else ():
        start, end = offset + m.start(), offset + m.end()
        # "no fatalities assumed", "no fatalities coded": the coder's own toll
        noted = re.match(
            r"\s+(?:were\s+|are\s+|is\s+)?(?:assumed|coded|recorded)\b", plain[m.end() :]
        )
        kind = "coded" if noted else "zero"
        mentions.append(Mention("killed", 0, 0, 0, start, end, m.group(0), kind=kind))
    for m in UPDATE.finditer(plain) if may_match(UPDATE, plain) else ():
        phrase = m.group("q") or m.group("q2") or m.group("q3") or ""
        # "raised from 1 to 4", "rose from 3 to 9": the new toll
        phrase = re.sub(r"^.*?\bfrom\s+[^,.;]{1,20}?\s+to\s+", "", phrase, flags=re.I)
        q = first_quantity(phrase, numbers)
        if q is not None:
            start, end = offset + m.start(), offset + m.end()
            mentions.append(
                Mention("killed", q.best, q.low, q.high, start, end, m.group(0), kind="update")
            )


def _add_summaries(mentions: list[Mention], text: str, offset: int, numbers: NumberLexicon) -> None:
    """Stated totals ("2 fatalities.", "1 fatality split among 12 events") that no earlier
    mention covers, and a coder's closing note ("1 killed.", "2 dead, 3 injured.")."""
    for m in SUMMARY.finditer(text) if may_match(SUMMARY, text) else ():
        if any(x.start <= offset + m.start() < x.end for x in mentions):
            continue
        found = find_quantities(m.group("q"), 0, numbers)
        if not found or found[-1].end < len(m.group("q").rstrip()) - 1:
            continue
        q = found[-1]
        qs = m.start("q") + q.start
        best, low, high = range_low(text[:qs], q, numbers)  # "between 12 and 20 fatalities"
        q = replace(q, best=best, low=low, high=high)
        # "1 fatality split among 12 events"
        best, low, high = _shared(q, first_quantity(m.group("m") or "", numbers))
        mentions.append(
            Mention(
                "killed",
                best,
                low,
                high,
                offset + qs,
                offset + m.end(),
                text[qs : m.end()],
                # "Unspecified number fatalities, coded: 3": a vague total is no stated one
                kind="vague" if q.vague else "summary",
            )
        )
    # a coder's closing note: "1 killed." / "2 dead, 3 injured.", also where the parser
    # kept it in the sentence before ("… in Rampur (UP). 1 killed.")
    body = re.sub(r"\s*[\[(]\s*$", "", MARKUP.sub("", text))  # "1 killed. [" (split markup)
    tail = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[0-9A-Z])", body)), default=0)
    short = SHORT_SUMMARY.fullmatch(body, tail)
    if short:
        note = first_quantity(short.group("q"), numbers)
        if note is not None:
            mentions.append(
                Mention(
                    "killed",
                    note.best,
                    note.low,
                    note.high,
                    offset + short.start("q"),
                    offset + short.end("cue"),
                    text[short.start("q") : short.end("cue")],
                    kind="summary",
                )
            )


def find_note_mentions(text: str, plain: str, offset: int, numbers: NumberLexicon) -> list[Mention]:
    """Totals, coder notes, updated tolls and explicit zeros of one sentence.

    ``plain`` is ``text`` with bracketed asides blanked (same length). The order matters:
    a stated total is skipped where a coder note, zero or update already covers it.
    """
    mentions: list[Mention] = []
    _add_coded(mentions, text, offset, numbers)
    _add_zeros_and_updates(mentions, plain, offset, numbers)
    _add_summaries(mentions, text, offset, numbers)
    _add_attack_shares(mentions, text, offset, numbers)
    for m in SPLIT.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if any(x.start <= start < x.end for x in mentions):
            continue  # "coded as 10 and spread across three events": already shared
        share = _split_count(m, numbers)
        if share is not None and share.best > 1:
            mentions.append(
                Mention(
                    "split",
                    share.best,
                    share.best,
                    share.best,
                    start,
                    end,
                    m.group(0),
                    kind="split",
                )
            )
    return mentions


def _add_attack_shares(
    mentions: list[Mention], text: str, offset: int, numbers: NumberLexicon
) -> None:
    """A sentence's kill total shared by the attacks it names ("At least 14 were killed
    across all four assaults": this report's attack is one of four), and the attackers
    counted beside the victims ("In addition to the two bombers, 17 were killed")."""
    if not gated_search(KILL_WORD, text):
        return
    for m in ACROSS.finditer(text) if may_match(ACROSS, text) else ():
        n = _attack_count(m, numbers)
        if (
            n is not None
            and n != 1
            and not any(x.start <= offset + m.start() < x.end for x in mentions)
        ):
            span = (offset + m.start(), offset + m.end())
            mentions.append(Mention("split", n, n, n, *span, m.group(0), kind="split"))
    for m in IN_ADDITION.finditer(text) if may_match(IN_ADDITION, text) else ():
        if not KILL_WORD.search(text[m.end() :]):
            continue  # "in addition to the gunmen, police arrested three": no death said
        word = m.group("who").lower()
        q = first_quantity(m.group("q") or "", numbers)
        count = q.best if q is not None else (1 if not word.endswith(("s", "men")) else None)
        if count:
            span = (offset + m.start(), offset + m.end())
            mentions.append(Mention("killed", count, count, count, *span, m.group(0)))


def _attack_count(m: re.Match[str], numbers: NumberLexicon) -> int | None:
    """How many attacks a match of ``ACROSS`` shares a toll among; 0 when the sentence does
    not say (:func:`open_shares` fills it in from the report)."""
    if m.group("open") or m.group("open2"):
        return 0
    if m.group("two"):
        return 2
    groups = ("m", "m2", "m3", "m4", "m5", "m6")
    words_ = next((m.group(g) for g in groups if m.group(g)), "")
    if words_.lower() == "both":
        return 2
    if m.group("others"):
        others = first_quantity(m.group("others"), numbers)
        return None if others is None else others.best + 1
    q = first_quantity(words_, numbers)
    return None if q is None else q.best


def open_shares(mentions: list[Mention], text: str, numbers: NumberLexicon) -> None:
    """Give the shares that name no number ("killed across all incidents") the number of
    attacks the report states ("This was one of four coordinated attacks"), or drop them."""
    open_ = [m for m in mentions if m.kind == "split" and m.best == 0]
    if not open_:
        return
    found = ONE_OF.search(text)
    q = first_quantity(found.group("n"), numbers) if found else None
    for m in open_:
        if q is not None and q.best > 1:
            m.best = m.low = m.high = q.best
        else:
            mentions.remove(m)


def _split_count(m: re.Match[str], numbers: NumberLexicon) -> Quantity | None:
    """How many rows share a toll: "across three locations in two days" is six."""
    groups = m.groupdict()
    rows = first_quantity(groups.get("m") or "", numbers)
    days = first_quantity(groups.get("d") or groups.get("d2") or "", numbers)
    if rows is None or days is None:
        return rows or days
    n = rows.best * days.best
    return Quantity(rows.start, days.end, m.group(0), n, n, n)


def split_share(mentions: list[Mention], toll: Mention | None) -> Mention | None:
    """The toll of this row where a coder's note shares the incident's toll among several
    rows: the first row takes the larger part (ACLED's remainder goes to the first)."""
    shares = [m for m in mentions if m.kind == "split" and not m.background and m.best]
    if toll is not None and toll.kind.startswith("coded"):
        # a coder's toll is shared only by a note told after it ("… coded as 3. Estimated
        # fatalities spread across 3 locations"), never by one it answers ("Fatalities
        # split across two locations, coded as 2") or its own row's share
        shares = [m for m in shares if m.start >= toll.end and toll.kind != "coded-own"]
    if toll is None or not shares or not toll.best or toll.kind == "zero":
        return toll
    n = shares[0].best or 1

    def part(value: int | None) -> int | None:
        return None if value is None else share_of(value, n)

    return Mention(
        toll.category,
        part(toll.best),
        part(toll.low),
        part(toll.high),
        toll.start,
        toll.end,
        toll.text,
        toll.kind,
        toll.background,
        toll.ambiguous,
    )


def incident_toll(mentions: list[Mention], category: str = "killed") -> Mention | None:
    """Combine the mentions of one incident into one count of ``category``.

    Precedence: a coder's note ("Fatalities coded as 10") → a stated total ("2 fatalities")
    → the latest updated toll ("the toll rose to 30") → the sum of the counted victims,
    where definite phrases ("the victim", "both") may repeat victims already counted
    and so only raise the total to their own count → an explicit zero → ``None``.
    Background and ambiguous mentions never count.
    """
    resolved: list[Mention] = []
    last_counted: Mention | None = None  # the latest mention before m that counts people
    for m in mentions:
        if m.kind != "pronoun" and m.best:
            last_counted = m
        if m.kind == "pronoun":  # "They later killed them": the last people counted
            if last_counted is None:
                continue
            m = Mention(
                m.category,
                last_counted.best,
                last_counted.low,
                last_counted.high,
                m.start,
                m.end,
                m.text,
                "anaphoric",
                m.background,
                m.ambiguous,
            )
        resolved.append(m)
    usable = [
        m
        for m in resolved
        if m.category == category and not m.background and not m.ambiguous and m.best is not None
    ]
    if any(not m.competing and m.kind != "zero" for m in usable):
        usable = [m for m in usable if not m.competing]  # the competing count is an estimate
    for kind in ("coded-own", "coded"):
        coded = [m for m in usable if m.kind == kind]
        if coded:
            return coded[0]  # "coded as 5 in one event and … 10 in another": the first is ours
    for kind in ("summary", "update"):
        chosen = [m for m in usable if m.kind == kind]
        if chosen:
            return chosen[-1]
    counted = [m for m in usable if m.kind in ("count", "vague")]
    coded_parts = [m for m in usable if m.kind == "coded-part"]
    if coded_parts:
        # "1 officer and an unknown number of residents were killed. Unknown number of
        # fatalities coded as 3": the coder's number stands for the vague ones, the
        # counted ones are added (ACLED codes 4)
        counted = [m for m in counted if m.kind != "vague"] + coded_parts
    anaphoric = [m for m in usable if m.kind == "anaphoric"]
    if counted or anaphoric:
        best = sum(m.best or 0 for m in counted)
        low = sum(m.low or 0 for m in counted)
        highs = [m.high for m in counted]
        high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
        for m in anaphoric:
            if (m.best or 0) > best:
                best, low, high = m.best or 0, m.low or 0, m.high
        parts = counted + anaphoric
        start, end = min(m.start for m in parts), max(m.end for m in parts)
        text = " + ".join(m.text for m in sorted(parts, key=lambda m: m.start))
        kind = "vague" if any(m.kind == "vague" for m in counted) else "count"
        return Mention(category, best, min(low, best), high, start, end, text, kind)
    zeros = [m for m in usable if m.kind == "zero"]
    return zeros[-1] if zeros else None
