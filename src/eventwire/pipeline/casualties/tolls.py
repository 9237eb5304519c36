"""Casualty mentions: who was killed, wounded, arrested or kidnapped, and how many.

:func:`find_mentions` reads one sentence and returns :class:`Mention` objects, each a
count (low/best/high) of one category with the character span of its words:

* counted victims of a cue, on the left ("3 soldiers were killed", "Seven men died")
  or on the right ("killing 9 of them", "killed a woman and her son" → 2);
* counted nouns ("2 fatalities", "the bodies of two men", "12 dead");
* updated tolls ("the death toll rose to 30") and coder notes ("Fatalities coded as 10",
  "1 fatality split among 12 events");
* explicit zeros ("No fatalities were reported", "Neither injuries nor fatalities").

Counts chained with "or" ("killing or injuring 2") are ``ambiguous``; kills that are the
cause of the event rather than its result ("protested against the killing of…") are
``background``. :func:`incident_toll` combines the mentions of one incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.datafiles import data_path, read_data_file, words
from eventwire.pipeline.casualties.clause_edges import CHAINED
from eventwire.pipeline.casualties.killings_noun import uncounted_killings
from eventwire.pipeline.casualties.numbers import (
    NumberLexicon,
    find_quantities,
    load_number_lexicon,
)
from eventwire.pipeline.casualties.over_there import OVER_COUNT
from eventwire.pipeline.casualties.shared_but import subject_before_but
from eventwire.pipeline.casualties.shares import find_labelled_shares
from eventwire.pipeline.casualties.toll_notes import (
    Mention,
    find_note_mentions,
    incident_toll,
    split_share,
)
from eventwire.pipeline.casualties.tolls_np import (
    WHOSE,
    count_conjuncts,
    left_subject,
    purpose_only,
    right_object,
    singular_passive,
)
from eventwire.pipeline.common.regexgate import gated_search, may_match

__all__ = [
    "CATEGORIES",
    "CueLexicon",
    "Mention",
    "find_mentions",
    "find_to_death",
    "incident_toll",
    "load_cue_lexicon",
    "split_share",
]

CATEGORIES = ("killed", "wounded", "arrested", "kidnapped")
INTRANSITIVE = re.compile(
    r"^(?:died|die|dies|dying|perished|drowned|were dead|was dead|are dead|is dead|found dead"
    r"|founded dead|lost their lives|lost his life|lost her life|succumbed to|succumbed|dead"
    r"|(?:blew|blowing|exploded|detonated)\s+(?:him|her|them)sel(?:f|ves)(?:\s+up)?)$",
    re.I,
)
# a suicide bomber's own death ("blew himself up"), and a later count that already holds it
SELF_BLAST = re.compile(r"^(?:blew|blowing|exploded|detonated)\s+(?:him|her|them)sel", re.I)
SELF_COUNTED = re.compile(
    r"\b(?:kill\w*|died)\b[^.;]{0,40}?\b(?:him|her|them)sel(?:f|ves)\b"
    r"|\bincluding\s+(?:the\s+)?(?:suicide\s+)?bombers?\b"
    r"|\b(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:dead|deaths|fatalities)\b",
    re.I,
)
PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|being|be|got|get|gets|left|found)\s+(?:(?:\w+ly|also|later|then|all|both"
    r"|reported(?:ly)?|allegedly|not|subsequently|eventually|either)\s+)*"
    # a chain of participles: "were attacked and killed", "was intercepted, shot and killed"
    r"(?:[\w-]+(?:ed|en|t)\s*,\s*)*(?:[\w-]+(?:ed|en|t)\s+and\s+)?$",
    re.I,
)
RIGHT_START = re.compile(
    r"^\s*(?:[0-9]|a\b|an\b|the\b|his\b|her\b|their\b|its\b|one\b|two\b|three\b|four\b|five\b"
    r"|six\b|seven\b|eight\b|nine\b|ten\b|at\s+least|more\s+than|over\b|nearly|about|around"
    r"|some\b|several|many|dozens|scores|hundreds|tens\b|a\s+number|an?\s+\w+\s+number|up\s+to"
    r"|as\s+many|two|both|another|members?\b|civilians?\b|people\b)",
    re.I,
)
LEFT_AFTER = re.compile(  # "1 killed, three injured", "12 killed in": the count is on the left
    r"^\s*(?:[,.;:)\]]|$|at\b(?!\s+(?:least|most)\b)|(?:in|on|by|during|when|after|while|and"
    r"|as|near|following|from|total|overall|altogether"
    r"|inside|outside|with|across|over|since|because"
    # "the two soldiers killed are believed to be …": a participle; its verb comes next
    r"|are|were|is|was|have|has|had)\b)",
    re.I,
)
HEDGE = re.compile(
    r"\b(?:nearly|almost|attempt(?:ed|ing|s)?\s+to|tr(?:y|ied|ying)\s+to|fail(?:ed|s)?\s+to"
    r"|plot(?:ted)?\s+to|plan(?:ned|s)?\s+to|threat(?:en|ened|ens|ening)\s+to|would|will|could|might"
    r"|may|intend(?:ed)?\s+to|narrowly\s+escaped\s+being|escaped\s+being"
    # a denied kill: "militants did not kill villagers", "saved the suspects from being lynched"
    r"|did\s+not|didn[’']t|never|from\s+being)\s+(?:\w+\s+)?$",
    re.I,
)
TO_DEATH_VERBS: frozenset[str] = words("casualties", "to_death_verbs")
_TO_DEATH_ALT = "|".join(sorted(TO_DEATH_VERBS, key=len, reverse=True))
TO_DEATH = re.compile(
    rf"\b(?:{_TO_DEATH_ALT})\s+"
    r"(?P<obj>(?:(?!\b(?:and|but)\b)[^,;.]){1,60}?)\s+(?:to\s+death|dead)\b",
    re.I,
)
CASUALTY_NOUNS = frozenset({"casualties", "casualty", "causalities", "causality"})
CASUALTY_WORD = re.compile(r"\b(?:casualt(?:y|ies)|causalit(?:y|ies))\b", re.I)
NOTES = ("zero", "coded", "coded-part")  # "Unspecified casualties coded as 3": the coder's toll
# what may stand between a captive noun and the kill cue it is the subject of: "hostages
# were later killed", "abductees had all been executed"
CAPTIVE_PREDICATE = re.compile(
    r"\s*(?:(?:were|was|are|is|had|have|has|been|all|later|then|subsequently|reportedly"
    r"|allegedly|also|both)\s+)*",
    re.I,
)
# a kill told in a relative clause: "a colleague who succumbed", "the attack which killed"
RELATIVE_KILL = re.compile(
    r"\w\s*,?\s+(?:who|which|whom)\s+(?:(?!and\b|but\b)[\w'’-]+\s+){0,4}$", re.I
)
# a kill noun as the subject or object of its own clause ("The killing is believed…")
NOMINAL_BEFORE = re.compile(r"\b(?:the|this|that|his|her|their|its)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class CueLexicon:
    version: str
    pattern: re.Pattern[str]
    category_of: dict[str, tuple[str, str]]  # cue phrase → (category, "verb"|"noun")
    background: tuple[str, ...]
    # "resulting in the deaths of": a nominal kill that is the event's result
    result: re.Pattern[str] = re.compile(r"(?!x)x")
    # "Some sources put the toll at…" / "later reports of…": the last one before a count wins
    competing: re.Pattern[str] = re.compile(r"(?!x)x")
    # "The dead included…": the counts after it are parts of a toll told before
    breakdown: re.Pattern[str] = re.compile(r"(?!x)x")


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@cache
def load_cue_lexicon(name: str = "cues.yaml") -> CueLexicon:
    """Load and check ``data/casualties/<name>`` (cached)."""
    path = data_path("casualties", name)
    raw = read_data_file(path, dict.fromkeys(CATEGORIES, dict))
    category_of: dict[str, tuple[str, str]] = {}
    for category in CATEGORIES:
        for form in ("verb", "noun"):
            for phrase in raw[category].get(form, []):
                category_of.setdefault(" ".join(str(phrase).lower().split()), (category, form))
    pattern = re.compile(rf"(?<![\w-])(?:{_alt(list(category_of))})(?![\w-])", re.I)
    result = [str(w) for w in raw.get("result", [])]
    alternative = [str(w) for w in raw.get("alternative", [])]
    confirmed = [str(w) for w in raw.get("confirmed", [])]
    breakdown = [str(w) for w in raw.get("breakdown", [])]
    return CueLexicon(
        str(raw["version"]),
        pattern,
        category_of,
        tuple(raw.get("background", [])),
        # "which had led to the death of": a pluperfect result is the background's own
        re.compile(
            rf"(?<!\bhad\s)\b(?:{_alt(result)})\s+(?:the\s+|a\s+)?$" if result else r"(?!x)x",
            re.I,
        ),
        re.compile(
            rf"\b(?:(?P<alt>{_alt(alternative)})|(?P<conf>{_alt(confirmed)}))\b"
            if alternative and confirmed
            else r"(?!x)x",
            re.I,
        ),
        re.compile(rf"\b(?:{_alt(breakdown)})\b" if breakdown else r"(?!x)x", re.I),
    )


def _blank_parentheses(text: str) -> str:
    """Replace bracketed asides with spaces (offsets kept): "(including 1 journalist)"."""
    return re.sub(r"[(\[][^()\[\]]*[)\]]", lambda m: " " * len(m.group(0)), text)


def _is_background(before: str, lexicon: CueLexicon) -> bool:
    window = before[-120:].lower()
    for word in lexicon.background:
        at = window.rfind(word)
        # the cause must govern the kill: no clause break between them
        # ("protested after a gendarme shot and killed a driver" — but not
        # "fired after a crowd gathered, killing 3")
        between = re.sub(r",\s*(?:which|who|whom|that)\b", " ", window[at + len(word) :])
        if at >= 0 and not re.search(r"[,;:]", between):
            return True
    return False


def find_mentions(
    text: str,
    offset: int = 0,
    cues: CueLexicon | None = None,
    numbers: NumberLexicon | None = None,
) -> list[Mention]:
    """Every casualty mention of one sentence, spans shifted by ``offset``."""
    cues = cues or load_cue_lexicon()
    numbers = numbers or load_number_lexicon()
    plain = _blank_parentheses(text)
    mentions: list[Mention] = find_labelled_shares(text, offset, numbers)  # "5 coded for May 2"
    notes = find_note_mentions(text, plain, offset, numbers)
    mentions += [m for m in notes if not any(s.start <= m.start < s.end for s in mentions)]
    mentions.extend(find_to_death(text, offset, numbers))
    taken = [(m.start - offset, m.end - offset) for m in mentions]
    matches = list(cues.pattern.finditer(plain)) if may_match(cues.pattern, plain) else []
    previous_end = 0
    last_left: list[Mention] = []
    for index, match in enumerate(matches):
        phrase = " ".join(match.group(0).lower().split())
        category, form = cues.category_of[phrase]
        start, end = match.start(), match.end()
        before = plain[max(0, start - 40) : start]
        hedged = HEDGE.search(before) or purpose_only(phrase, before)
        if any(s <= start < e for s, e in taken) or hedged:
            previous_end = end
            continue
        if (
            phrase in ("death", "deaths")
            and re.match(r"^\s+of\b", plain[end:])
            and not cues.result.search(plain[max(0, start - 40) : start])
        ):
            continue  # "protest the death of": the cause; "resulting in the deaths of" counts
        if _captives_killed(matches, index, category, form, cues, plain):
            continue  # "Seven hostages were killed": the verb counts them as dead
        following = matches[index + 1].start() if index + 1 < len(matches) else len(plain)
        mention = _mention_for_cue(
            plain,
            phrase,
            category,
            form,
            start,
            end,
            previous_end,
            following,
            numbers,
            last_left,
        )
        if (form == "verb" and not _adjective(phrase, plain[previous_end:start])) or mention:
            previous_end = end  # "the captured guards were found dead": an adjective
        if mention is None:
            continue
        mention.start += offset
        mention.end += offset
        mention.text = text[mention.start - offset : mention.end - offset]
        if category == "killed":
            # "the killing of" is the cause of the event, unless a result verb governs it
            # ("resulting in the deaths of 4 soldiers")
            nominal = (
                phrase in ("killing", "death", "deaths", "murder", "killings")
                and re.match(r"^\s+of\b", plain[end:]) is not None
                and not cues.result.search(plain[max(0, start - 40) : start])
            )
            mention.background = _is_background(plain[:start], cues) or nominal
            mention.relative = RELATIVE_KILL.search(plain[max(0, start - 60) : start]) is not None
            mention.ambiguous = _is_ambiguous(plain, start, end)
        mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    _mark_competing(mentions, plain, offset, cues)
    for mention in mentions:
        if mention.kind not in NOTES and CASUALTY_WORD.search(mention.text):
            # "casualties" may hold the wounded: the count stands only when no count of
            # the dead is told beside it ("3 killed and 12 casualties": 3)
            mention.competing = True
    parts = gated_search(cues.breakdown, plain)
    for mention in mentions:
        if parts and mention.kind == "count" and mention.start - offset >= parts.start():
            mention.kind = "anaphoric"  # "The dead included four herders": part of the toll
    return mentions


def _captives_killed(
    matches: list[re.Match[str]],
    index: int,
    category: str,
    form: str,
    cues: CueLexicon,
    plain: str,
) -> bool:
    """Whether a captive noun ("hostages", "abductees") is the subject of the kill cue right
    after it ("Seven hostages were killed the next day", "One of the hostages was found
    dead"): the noun then counts no captives; the kill cue counts the dead."""
    if category != "kidnapped" or form != "noun" or index + 1 >= len(matches):
        return False
    after = matches[index + 1]
    next_category, _form = cues.category_of[" ".join(after.group(0).lower().split())]
    between = plain[matches[index].end() : after.start()]
    return next_category == "killed" and CAPTIVE_PREDICATE.fullmatch(between) is not None


def _adjective(phrase: str, before: str) -> bool:
    """Whether a participle cue is an adjective of the noun after it ("the captured
    guards"): the noun phrase goes on past it."""
    return phrase.endswith("ed") and re.search(r"\b(?:a|an|the)\s+$", before, re.I) is not None


def _mark_competing(mentions: list[Mention], plain: str, offset: int, cues: CueLexicon) -> None:
    """Flag the counts of one sentence told after a competing source ("Other sources
    estimated as many as 14 had died", "the rebels claimed to have killed 25"): the last
    such cue before a count decides, so "later reports of one person killed" is not."""
    cues_at = [(m.start(), m.group("alt") is not None) for m in cues.competing.finditer(plain)]
    if not cues_at:
        return
    for mention in mentions:
        before = [alt for at, alt in cues_at if at < mention.start - offset]
        mention.competing = bool(before) and before[-1]


def _is_ambiguous(text: str, start: int, end: int) -> bool:
    """ "killing or injuring", "killed, injured or captured", "killed and wounded"."""
    after = text[end : end + 40].lower()
    before = text[max(0, start - 30) : start].lower()
    join = (
        r"^\s*(?:,\s*\w+\s*)*(?:,\s*)?(?:or|and/or)\s+(?:\w+\s+)?"
        r"(?:injur|wound|captur|arrest|abduct)"
    )
    if re.match(join, after) or re.search(r"(?:injur\w*|wound\w*)\s*(?:,|or|and)\s*$", before):
        return True
    return bool(re.match(r"^\s*and\s+(?:injur|wound)\w*\s+(?:a|an)\s+(?:\w+\s+)?number", after))


def _mention_for_cue(
    text: str,
    phrase: str,
    category: str,
    form: str,
    start: int,
    end: int,
    previous_end: int,
    following: int,
    lex: NumberLexicon,
    last_left: list[Mention],
) -> Mention | None:
    before, after = text[previous_end:start], text[end:following]
    if SELF_BLAST.match(phrase) and SELF_COUNTED.search(text[end:]):
        return None  # "detonated himself, killing himself and two others": counted there
    if form == "noun":
        return _noun_mention(phrase, category, before, after, start, end, lex)
    if _adjective(phrase, before):
        return None  # "the mother of a killed student": an adjective, no new death
    if (
        phrase in ("killing", "killings", "murder")
        and (NOMINAL_BEFORE.search(before) or uncounted_killings(phrase, before, lex))
        and not re.match(r"^\s+of\s+", after)
    ):
        return None  # "The killing is believed to be…", "a spate of killings": no victims
    nominal = re.match(r"^\s+of\s+", after)
    if nominal and phrase in ("killing", "killings", "death", "deaths", "murder"):
        obj = right_object(after[nominal.end() :], lex)  # "the killing of a teacher"
        if obj is None:
            return None
        best, low, high, kind, s, e = obj
        return Mention(category, best, low, high, start, end + nominal.end() + e, "", kind)
    passive = bool(PASSIVE_BEFORE.search(before)) or INTRANSITIVE.match(phrase) is not None
    quoted = re.sub(r"^\s*['’\"]", "", after)  # "27 fighters 'eliminated' by the army"
    # "militiamen killed and mutilated the body of a man": a coordinated verb, still active
    # ("killed and beheaded a trader", "lynched and burnt a suspect": the next cue may cut
    # ``after`` short, so the whole text after the cue is read)
    chained = CHAINED.match(text[end:])
    active = phrase.endswith("ing") or (
        not passive
        and (LEFT_AFTER.match(quoted) is None or bool(chained or OVER_COUNT.match(quoted)))
        and not _next_cues_count(before, after, following, len(text), lex)
    )
    if active and not INTRANSITIVE.match(phrase):
        obj = right_object(after, lex, cut=following < len(text))
        if obj is None:
            return None
        best, low, high, kind, s, e = obj
        return Mention(category, best, low, high, start, end + e, "", kind)
    subject = subject_before_but(before, lex) or left_subject(before, lex)
    if subject is None:
        stripped = before.strip().lower()
        if (stripped.startswith("and") or not stripped) and last_left:
            prior = last_left[-1]
            return Mention(category, prior.best, prior.low, prior.high, start, end, "", prior.kind)
        if category == "killed" and singular_passive(before):
            return Mention(category, 1, 1, 1, start, end, "", "anaphoric")  # "X … was shot and"
        return None
    best, low, high, kind, s, _e = subject
    mention = Mention(category, best, low, high, previous_end + s, end, "", kind)
    last_left.append(mention)
    return mention


def _next_cues_count(
    before: str, after: str, following: int, length: int, lex: NumberLexicon
) -> bool:
    """Whether a participle has its count right before it and the text after it is only
    the count of the next cue: "five killed six wounded" (a headline's two counts, each
    before its participle; never "Gunmen killed 3 wounded 5")."""
    found = find_quantities(after, 0, lex)
    told = find_quantities(before, 0, lex)
    return (
        following < length
        and bool(told)
        and not before[told[-1].end :].strip()
        and len(found) == 1
        and not found[0].vague
        and not after[: found[0].start].strip()
        and not after[found[0].end :].strip()
    )


def _noun_mention(
    phrase: str, category: str, before: str, after: str, start: int, end: int, lex: NumberLexicon
) -> Mention | None:
    """The mention of a counted noun cue: "2 fatalities", "the bodies of 3 men", "the
    deaths of 4 soldiers" (after a result verb), "his body was found"."""
    if phrase in ("death", "deaths") and re.match(r"^\s+of\s+", after):
        of = re.match(r"^\s+of\s+", after)
        assert of is not None
        obj = right_object(after[of.end() :], lex)  # "the deaths of at least 4 soldiers"
        if obj is None:
            return None
        best, low, high, kind, _s, e = obj
        return Mention(category, best, low, high, start, end + of.end() + e, "", kind)
    body = _one_body(phrase, before, after, category, start, end)
    if body is not None:
        return body
    if phrase in ("bodies", "corpses", "dead bodies", "body"):
        of = re.match(r"^\s+of\s+", after)
        if of:
            obj = right_object(after[of.end() :], lex)
            if obj is not None:
                best, low, high, kind, _s, e = obj
                if re.search(r"\b(?:the|their|his|her|its)\s+$", before):
                    kind = "anaphoric"  # "killed … and dumped the body of": same victim
                return Mention(category, best, low, high, start, end + of.end() + e, "", kind)
    if phrase in ("bodies", "corpses") and re.search(r"(?:\btheir|['’]s|s['’])\s+$", before, re.I):
        return Mention(category, 0, 0, None, start, end, "", "pronoun")
    found = find_quantities(before[-40:], 0, lex)
    gap = before[-40:][found[-1].end :].strip() if found else ""
    if phrase == "death" and gap:
        return None  # "one death", never "140 prisoners on death row", "3 beat to death"
    if phrase == "dead" and len(found) >= 2 and gap.count(" ") <= 2:
        # "13 soldiers and 1 rebel dead": the conjoined victims before the adjective
        subject = left_subject(before, lex)
        if subject is not None and subject[3] == "count" and subject[0] > found[-1].best:
            best, low, high, kind, s, _e = subject
            return Mention(category, best, low, high, start - len(before) + s, end, "", kind)
    if phrase in CASUALTY_NOUNS and (not found or found[-1].vague or gap.count(" ") > 1):
        return None  # "heavy casualties", "some casualties": no count of the dead
    if found and gap.count(" ") <= 2 and not WHOSE.search(gap):  # "seven, whose bodies"
        last = found[-1]
        qstart = start - len(before[-40:]) + last.start
        kind = "vague" if last.vague else "count"
        return Mention(category, last.best, last.low, last.high, qstart, end, "", kind)
    return None


def _one_body(
    phrase: str, before: str, after: str, category: str, start: int, end: int
) -> Mention | None:
    """ "His body was found" (the person told of, maybe counted before), "a body was found"
    (one more)."""
    if phrase not in ("body", "dead body") or not re.match(r"^\s+(?:was|were|is|had)\b", after):
        return None  # "his body was found", never "bruises all over his body"
    if re.search(r"\b(?:his|her)\s+$", before, re.I):
        return Mention(category, 1, 1, 1, start, end, "", "anaphoric")
    if re.search(r"\b(?:a|another|one)\s+$", before, re.I):
        return Mention(category, 1, 1, 1, start, end, "", "count")
    return None


def find_to_death(text: str, offset: int, lex: NumberLexicon) -> list[Mention]:
    """ "shot two men to death", "shot the driver dead": the victims sit inside the cue."""
    found = []
    for m in TO_DEATH.finditer(_blank_parentheses(text)):
        count = count_conjuncts(m.group("obj"), lex)
        if count is not None:
            best, low, high, kind = count
            found.append(
                Mention(
                    "killed",
                    best,
                    low,
                    high,
                    offset + m.start(),
                    offset + m.end(),
                    text[m.start() : m.end()],
                    kind,
                )
            )
    return found
