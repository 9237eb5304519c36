"""Counting the people a noun phrase names: "3 soldiers", "a woman and her son", "both".

Helpers of :mod:`.tolls`: :func:`left_subject` finds the victims before a
passive or intransitive cue ("two police agents, were also killed"), :func:`right_object`
the victims after an active cue ("killing 9 of them"), and :func:`count_conjuncts` counts
a phrase, adding conjoined parts ("one French soldier and two fighters" → 3).

Counts come back as ``(best, low, high, kind)``; ``kind`` is ``"count"`` for stated or
indefinite counts, ``"anaphoric"`` for definite phrases that may name victims already
counted ("the victim", "both"), and ``"vague"`` for vague quantities and bare plurals.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.casualties.clause_edges import RIGHT_BOUNDARY
from eventwire.pipeline.casualties.complement_that import complement_cut
from eventwire.pipeline.casualties.dash_subject import dash_cut
from eventwire.pipeline.casualties.headline_nouns import headline_person
from eventwire.pipeline.casualties.listed_people import listed_after_victim
from eventwire.pipeline.casualties.np_clauses import (
    after_clauses,
    one_person_two_roles,
    shared_subject,
)
from eventwire.pipeline.casualties.numbers import NumberLexicon, Quantity, find_quantities
from eventwire.pipeline.casualties.over_there import after_existential, victims_boundary
from eventwire.pipeline.casualties.people_list import subject_before_aux
from eventwire.pipeline.casualties.things import counts_things

Count = tuple[int, int, int | None, str]
Found = tuple[int, int, int | None, str, int, int]

LEFT_BOUNDARY = re.compile(
    r"[;:]|\b(?:when|after|while|following|because|whereas|but|before|until|where|if|then"
    r"|leading\s+to|resulting\s+in|resulted\s+in)\b",
    re.I,
)
CONJUNCTION = re.compile(
    r"\s*,?\s*(?:\b(?:and|as\s+well\s+as|plus|along\s+with|together\s+with)\b|&)\s*", re.I
)
PARENT_OF = re.compile(
    r"\b(father|mother|parent|grandfather|grandmother)\s+of\s+(?:[0-9]{1,2}|two|three|four"
    r"|five|six|seven|eight|nine|ten)\b(?!\s+(?:of|who|were|was|killed|dead|died))",
    re.I,
)
OF_WHOM = re.compile(r"^\s*[\w-]+\s+of\s+(?:whom|which)\b", re.I)
SUBSET = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|incl)\b", re.I)
AUX_TAIL = re.compile(
    r"\s*\b(?:was|were|is|are|been|being|be|had|has|have|got|get|left)?\s*"
    r"(?:\b(?:\w+ly|also|later|then|all|both|reported(?:ly)?|allegedly|not|either|subsequently"
    r"|eventually|was|were|been|had|have|has)\b\s*)*$",
    re.I,
)
PLURAL_IRREGULAR: frozenset[str] = words("casualties", "plural_irregular")
SINGLE: frozenset[str] = words("casualties", "single")
DEFINITE: frozenset[str] = words("casualties", "definite")
RELATIVE: frozenset[str] = words("casualties", "relative")
TIME_UNITS: frozenset[str] = words("casualties", "time_units")
SINGULAR_PRONOUN: frozenset[str] = words("casualties", "singular_pronoun")
PLURAL_PRONOUN: frozenset[str] = words("casualties", "plural_pronoun")
REFLEXIVE: frozenset[str] = words("casualties", "reflexive")
PLURAL_REFLEXIVE: frozenset[str] = words("casualties", "plural_reflexive")
NOT_PEOPLE: frozenset[str] = words("casualties", "not_people")
PERSON_NOUNS: frozenset[str] = words("casualties", "person_nouns")
PREPOSITIONS: frozenset[str] = words("casualties", "prepositions")
PREPOSITION = re.compile(rf"^\s*(?:{'|'.join(sorted(PREPOSITIONS))})\b", re.I)
NP_TAIL = re.compile(
    r"\b(?:a|an|the|his|her|their|one|two|three|four|five|[0-9]+)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*$",
    re.I,
)


# a verb told in its bare form after "to" is a purpose, not a deed ("forced their way
# into the station to lynch two women"), unless "fatally" makes it one
BARE_INTENT = frozenset({"lynch"})
PURPOSE = re.compile(r"\bto\s+(?!fatally\b)(?:\w+ly\s+)?$", re.I)


def purpose_only(phrase: str, before: str) -> bool:
    """Whether a kill cue is told as a purpose ("stormed the station to lynch two women")."""
    return phrase in BARE_INTENT and PURPOSE.search(before) is not None


def _plural(word: str) -> bool:
    low = word.lower().strip("'’")
    if low in PLURAL_IRREGULAR or (low.endswith("men") and len(low) > 5):
        return True  # "policemen", "gunmen", "tribesmen"
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3


def _not_people(piece: str, found: list[Quantity]) -> bool:
    """Whether a phrase counts animals or things ("40 oxen", "six IEDs planted", "May
    livestock"): the head of the noun run after its quantity (or of the phrase) names no
    person ("four suspected livestock thieves" are people)."""
    if counts_things(piece, found):
        return True  # "one vehicle of the security forces", "4 house burned down"
    tail = piece[found[0].end :] if found else piece
    run: list[str] = []
    for word in re.findall(r"[\w'’-]+", tail):
        low = word.lower()
        if (
            low in PREPOSITIONS
            or low in RELATIVE
            or low in ("and", "or", "by")
            or (run and low.endswith(("ing", "ed")) and low not in NOT_PEOPLE)
        ):
            break
        run.append(low)
    return bool(run) and run[-1] in NOT_PEOPLE


def _piece_count(
    piece: str, lex: NumberLexicon, bare: bool = False, opening: bool = True
) -> Count | None:
    """Count one conjunct; ``bare``: a lone singular noun counts one ("kill soldier");
    ``opening``: the first conjunct, where modifiers may open it ("kill police officer")."""
    words = re.findall(r"[\w'’-]+", piece)
    if not words:
        return None
    found = find_quantities(piece, 0, lex)
    if _not_people(piece, found):
        return None  # "2 oxen killed", "over 100 camels have been killed"
    if found:
        q = found[0]
        unit = re.match(r"\s*([\w'’-]+)", piece[q.end :])
        if unit and unit.group(1).lower() in TIME_UNITS:
            return None  # "lasted several hours": a length of time, no people
        if re.fullmatch(r"\s*(?:the|these|those)\s+", piece[: q.start], re.I):
            # "the two soldiers killed": a definite count names victims told before
            return q.best, q.low, q.high, "anaphoric"
        return q.best, q.low, q.high, "vague" if q.vague else "count"
    first, last = words[0].lower(), words[-1]
    if len(words) == 1 and first in REFLEXIVE:
        return 1, 1, 1, "count"  # "the bomber killed himself and two others"
    if len(words) == 1 and first in PLURAL_REFLEXIVE:
        return None  # "two bombers killed themselves": the subject's number (bombers.py)
    if len(words) == 1 and first in SINGULAR_PRONOUN:
        return 1, 1, 1, "anaphoric"  # "he later died of his wounds": maybe counted before
    if len(words) == 1 and first in PLURAL_PRONOUN:
        return 0, 0, None, "pronoun"  # "they were found dead": the people counted last
    if first in SINGLE:
        return 1, 1, 1, "count"
    if first == "both":
        return 2, 2, 2, "anaphoric"
    if first in DEFINITE:
        if _plural(last) and first == "the" and len(words) <= 3:
            # "the victims were found dead": the people counted last (abducted, arrested)
            return 0, 0, None, "pronoun"
        return None if _plural(last) else (1, 1, 1, "anaphoric")
    if first in ("their", "these", "those", "some", "other"):
        return None
    if bare and not words[0][:1].isupper() and headline_person(words, opening):
        return 1, 1, 1, "count"  # "kill soldier", "kill police officer", "man suspected of"
    if _plural(last) and _definite_tail(words):
        return 0, 0, None, "pronoun"  # "why the persons were killed": victims told before
    if _plural(last):
        return 10, 2, None, "vague"  # a bare plural: ACLED's "plural fatalities" rule
    if words[0][:1].isupper():
        return 1, 1, 1, "count"  # a named person: "Mulla Nadhim al-Jubouri"
    return None


def _definite_tail(words: list[str]) -> bool:
    """Whether a phrase ends in a definite plural noun phrase after other words ("Later the
    captured policemen", "details around why the persons"): the people it names were told
    of before, so it adds none (a bare plural would be ACLED's vague ten)."""
    at = max((i for i, w in enumerate(words) if w.lower() == "the"), default=0)
    return at > 0 and len(words) - at <= 4


def _person_piece(piece: str) -> bool:
    """Whether a conjunct names one person by a singular noun, bare or after "a"/"his"
    ("a husband", "wife", "his son")."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", piece)]
    if words and words[0] in ("a", "an", "his", "her", "the", "their"):
        words = words[1:]
    return len(words) == 1 and _bare_person(words[0])


def _bare_person(word: str) -> bool:
    return word in PERSON_NOUNS


def count_conjuncts(phrase: str, lex: NumberLexicon, bare: bool = False) -> Count | None:
    """Count the people a phrase names, adding conjoined parts; ``None`` when unknown.
    ``bare``: the phrase is the object of a kill verb, where a lone singular noun is one
    person ("Gunmen kill policeman")."""
    phrase = re.sub(r"^\s*(?:and|also|,)\s+", "", phrase)
    # "a father of four", "a mother of two": the number counts the children, not victims
    phrase = PARENT_OF.sub(r"\1", phrase)
    subset = SUBSET.search(phrase)
    if subset:
        phrase = phrase[: subset.start()]
    found = find_quantities(phrase, 0, lex)
    if (
        found
        and not phrase[: found[0].start].strip()
        and re.match(
            r"^\s+of\s+(?:the|them|those|these|whom|his|her|their)\b", phrase[found[0].end :]
        )
    ):
        q = found[0]
        return q.best, q.low, q.high, "vague" if q.vague else "count"
    spans = [(q.start, q.end) for q in found]
    pieces, last = [], 0
    for m in CONJUNCTION.finditer(phrase):
        if any(a <= m.start() < b for a, b in spans):
            continue  # "between five and 23" is one quantity
        pieces.append(phrase[last : m.start()])
        last = m.end()
    pieces = after_clauses([p for p in [*pieces, phrase[last:]] if p.strip()], lex)
    # a conjoined bare noun is one person too: "a husband and wife", "mother and child"
    joined = bare or (len(pieces) > 1 and all(_person_piece(p) for p in pieces))
    counted = (_piece_count(p, lex, joined, i == 0) for i, p in enumerate(pieces))
    counts = [c for c in counted if c is not None]
    if any(c[3] == "count" for c in counts):
        # "Seven soldiers and alleged mercenaries": the bare plural shares the number
        counts = [
            c for c in counts if not (c[3] == "vague" and c[2] is None and c[0] == 10 and c[1] == 2)
        ]
    bare_plurals = [c for c in counts if c[3] == "vague" and c[2] is None and c[:2] == (10, 2)]
    if len(bare_plurals) > 1:  # "inmates, policemen and civilians killed": one vague count
        counts = [c for c in counts if c not in bare_plurals] + bare_plurals[:1]
    if not counts:
        return None
    best = sum(c[0] for c in counts)
    low = sum(c[1] for c in counts)
    highs = [c[2] for c in counts]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    kinds = {c[3] for c in counts}
    if kinds == {"pronoun"}:
        return 0, 0, None, "pronoun"
    kind = "vague" if "vague" in kinds else "anaphoric" if kinds == {"anaphoric"} else "count"
    return best, low, high, kind


def left_subject(before: str, lex: NumberLexicon) -> Found | None:
    """The victims in the text before a passive/intransitive cue, with their span."""
    cut = 0
    for m in LEFT_BOUNDARY.finditer(before):
        cut = m.end()
    cut = dash_cut(before, cut)  # "… by the police - 8 herdsmen were killed"
    cut = complement_cut(before, cut)  # "It was confirmed that three miners died"
    window = before[cut:]
    chunks = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", window)]
    for position, (start, chunk) in enumerate(reversed(chunks)):
        core = AUX_TAIL.sub("", re.sub(r"\s+and\s*$", " ", chunk))
        core = shared_subject(chunk, re.sub(r"^\s*(?:and|or)\b", "", core), lex)  # "They … and"
        core, chunk, start = after_existential(core, chunk, start)  # "There were 10 people"
        core, chunk, start = subject_before_aux(core, chunk, start, CONJUNCTION)
        words = re.findall(r"[\w'’-]+|&", core)  # "6 insurgents & 1 soldier"
        if not words or SUBSET.match(core.strip()):
            continue  # "Three people, including the bomber, were killed"
        if (
            PREPOSITION.match(core)
            and position < len(chunks) - 1
            and not find_quantities(core, 0, lex)
        ):
            continue  # "A man in X, in Y district, was shot dead": an aside on the place
        if re.fullmatch(r"\s*[0-9]{1,3}\s*", core) and 0 < position < len(chunks) - 1:
            continue  # an age: "The soldier, 24, was killed"
        if len(words) == 1 and words[0].lower() in RELATIVE:
            earlier = len(chunks) - position - 2
            if earlier < 0:
                return None
            prev_start, prev_chunk = chunks[earlier]
            tail = NP_TAIL.search(prev_chunk)
            if tail is None:
                return None
            count = count_conjuncts(tail.group(0), lex)
            if count is None:
                return None
            s = cut + prev_start + tail.start()
            return (*count, s, s + len(tail.group(0).rstrip()))
        earlier = len(chunks) - position - 2
        if (
            words[0].lower() in ("a", "an")
            and earlier >= 0
            and not find_quantities(core, 0, lex)
            and re.match(
                r"\s*(?!(?:On|In|At|As|Around|After|During)\b)[A-Z][\w'’-]+\s+[A-Z]",
                chunks[earlier][1],
            )
        ):  # "Mulla X, a senior leader and an expert, was killed": one named person
            s = cut + chunks[earlier][0]
            return 1, 1, 1, "count", s, s + len(chunks[earlier][1])
        words_text = " ".join(words[-12:])
        count = count_conjuncts(words_text, lex)
        if count is None:
            return None
        if OF_WHOM.match(core):  # "15 soldiers died, eight of whom were beheaded": a part
            count = (*count[:3], "anaphoric")
        listed = None
        if position == 0:
            listed = _listed_before([c for _s, c in chunks[:-1]], chunk, core, count, lex)
        if listed:  # "five fighters, 15 assailants, and a journalist were killed"
            items, first = listed
            best, low, high, kind = count
            s = cut + chunks[first][0]
            return (
                best + items,
                low + items,
                None if high is None else high + items,
                kind,
                s,
                (cut + start + len(core.rstrip())),
            )
        count = one_person_two_roles(before, core, count) if position == 0 else count
        offset = cut + start + chunk.find(words[max(0, len(words) - 12)])
        numbers = find_quantities(core, 0, lex)
        if numbers and not re.search(r"\b(?:a|an|one)\b", core[: numbers[0].start], re.I):
            offset = cut + start + numbers[0].start  # "Clashes erupted and [3 soldiers]"
        return (*count, offset, cut + start + len(core.rstrip()))
    return None


SINGULAR_AUX = re.compile(
    r"(?P<subject>[^;:]*?)\b(?:was|is|has\s+been)\s+(?:(?:\w+ly|also|later|then|reportedly"
    r"|allegedly|subsequently|eventually)\s+)*(?:[\w-]+(?:ed|en|t)\s*,\s*)*"
    r"(?:[\w-]+(?:ed|en|t)\s+and\s+)?$",
    re.I,
)
NOBODY = re.compile(r"\b(?:no\s+one|nobody|none|no|it|this|that|what|which|who)\s*$", re.I)
# "Paul, whose daughter was killed by the blast": a relative of a speaker, a death of another
# time, not one of the event's
WHOSE = re.compile(r"\bwhose\b", re.I)


def singular_passive(before: str) -> bool:
    """Whether a passive kill cue has one victim the phrase before it cannot count: "A
    senior, off-duty intelligence officer is shot and killed", "the director of X, as well
    as a member of Y, was intercepted, shot and killed": one person (maybe one told
    before), never "nobody was killed" nor a thing ("the convoy was hit")."""
    found = SINGULAR_AUX.search(before)
    if found is None:
        return False
    subject = found.group("subject")
    words_ = [w.lower() for w in re.findall(r"[\w'’-]+", subject)]
    if not words_ or NOBODY.search(subject) or WHOSE.search(subject) or words_[-1] in NOT_PEOPLE:
        return False
    return any(w in PERSON_NOUNS for w in words_) or subject.strip()[:1].isupper()


def _list_items(chunks: list[str], lex: NumberLexicon) -> tuple[int, int] | None:
    """The people of the comma items before a closing "and …" ("At least five fighters, 15
    assailants, and a journalist"; "Fahdawi, a police chief, and another person"): counted
    items and names count, a description after a name is that person; ``(people, index of
    the first item)``, or ``None`` when an item is anything else (a clause) or the list
    does not open the subject ("stormed Garissa, Kenya, and two guards were killed")."""
    people, first = 0, None
    for index in range(len(chunks) - 1, -1, -1):
        piece = chunks[index].strip()
        words_ = re.findall(r"[\w'’-]+", piece)
        if first is not None and PREPOSITION.match(
            re.sub(r"^at\s+(?:least|most)\b", "", piece, flags=re.I)
        ):
            break  # "On 3 May, in Kabul, X, Y, and Z": the list opens after the setting
        if not words_ or len(words_) > 6:
            return None
        found = find_quantities(piece, 0, lex)
        lead = piece[: found[0].start].strip().lower() if found else None
        if found and lead in ("", "at least", "about", "some", "around", "nearly", "over"):
            if _not_people(piece, found) or found[0].vague:
                return None
            people, first = people + found[0].best, index
            continue
        if words_[0].lower() in ("a", "an", "the", "his", "her") and index > 0:
            prior = re.findall(r"[\w'’-]+", chunks[index - 1])
            if prior and all(w[:1].isupper() or w in ("al", "bin", "ibn") for w in prior):
                continue  # "Khalifah, the mayor of X,": the named person described
        if words_[0].lower() in ("a", "an") and _bare_person(words_[-1].lower()):
            people, first = people + 1, index  # "a 9-year-old girl, an elderly man, and"
            continue
        if words_[0].lower() in ("a", "an", "the", "his", "her"):
            return None
        if all(w[:1].isupper() for w in words_) and len(words_) <= 4:
            people, first = people + 1, index
            continue
        return None  # "Militants stormed Garissa, Kenya, and …": no list of people
    return None if first is None else (people, first)


def _listed_before(
    chunks: list[str], chunk: str, core: str, count: Count, lex: NumberLexicon
) -> tuple[int, int] | None:
    """The people of the comma items before the last chunk of a passive's subject:
    "five fighters, 15 assailants, and a journalist were killed" (a last chunk opening
    with "and"), "12 fighters, 4 civilians and 1 soldier were killed" (a last chunk that
    holds its own "and": counted items only, never a breakdown of the first)."""
    if re.match(r"^\s*and\b", chunk) and count[3] != "vague":
        return _list_items(chunks, lex)
    if count[3] != "count" or not CONJUNCTION.search(core):
        return None
    listed = _counted_items(chunks, lex)
    if listed and _breakdown(listed[0], count[0]):
        return None  # "3 men, 2 herders and 1 trader were killed": the 3 again
    return listed


def _counted_item(piece: str, lex: NumberLexicon) -> int | None:
    """The people of one counted list item ("4 Nigerian civilians", "at least 2 IDPs"), or
    ``None`` for anything else (a place, a clause, a thing, a vague count)."""
    found = find_quantities(piece, 0, lex)
    words_ = re.findall(r"[\w'’-]+", piece)
    if not found or found[0].vague or not words_ or len(words_) > 6:
        return None
    lead = piece[: found[0].start].strip().lower()
    if lead not in ("", "at least", "about", "some", "around", "nearly", "over"):
        return None
    rest = [w.lower() for w in re.findall(r"[\w'’-]+", piece[found[0].end :])]
    if not rest or _not_people(piece, found) or rest[0] in TIME_UNITS:
        return None
    if set(rest) & ITEM_VERBS or rest[-1].endswith(("ed", "ly")) or rest[-1] in ("dead", "hurt"):
        return None  # a clause, not a noun phrase: "5 heavily wounded", "15 cattle were stolen"
    return found[0].best


# a last list item cut off by the next cue, with no stop or conjunction after it
NEXT_CUE_SUBJECT = re.compile(r"(?<![\w'’-])(?!(?:and|or|plus)\b)[\w'’-]+\s*$", re.I)
ITEM_VERBS = frozenset({"was", "were", "is", "are", "had", "have", "has", "been", "being"})


def _counted_items(chunks: list[str], lex: NumberLexicon) -> tuple[int, int] | None:
    """The people of the counted comma items before a last item that holds its own
    conjunction ("12 fighters, 4 civilians and 1 soldier were killed"): ``(people, index
    of the first item)``; ``None`` unless the item right before is a counted one."""
    people, first = 0, None
    for index in range(len(chunks) - 1, -1, -1):
        count = _counted_item(chunks[index], lex)
        if count is None:
            break
        people, first = people + count, index
    return None if first is None else (people, first)


def _breakdown(first: int, more: int) -> bool:
    """Whether the counted items after a first count only break it down ("killed 3 men,
    2 herders and 1 trader": the 3 again)."""
    return first == more


def _listed_after(text: str, lex: NumberLexicon, cut: bool) -> int:
    """The people of the counted items told after an active cue's first object, comma by
    comma ("killed 4 guards, 3 traders, and wounded 6 others": 3 more), up to the
    first item that is not a counted one; ``cut``: the next cue ends ``text``."""
    people, pieces = 0, re.split(r",", text)
    if cut and NEXT_CUE_SUBJECT.search(pieces[-1]) and len(pieces[-1].split()) <= 3:
        # "killed 20 soldiers, 34 others [injured]": a bare count the next cue cuts off is
        # that cue's subject; "kill 4 guards, 3 traders in Kano" runs on and is an item
        pieces.pop()
    for piece in pieces:
        parts = [p for p in CONJUNCTION.split(piece) if p.strip()]
        counts = [_counted_item(part, lex) for part in parts]
        if not counts or None in counts:
            break
        people += sum(c for c in counts if c is not None)  # "2 herders and 1 trader"
    return people


def right_object(after: str, lex: NumberLexicon, cut: bool = False) -> Found | None:
    """The victims in the text after an active cue, with their span; ``cut``: the next
    cue ends ``after``."""
    text = after
    skip = re.match(r"^\s*and\s+\w+(?:ed|ing|nt|en)\b", text)  # "and burnt a man"
    start = skip.end() if skip else 0
    boundary = victims_boundary(RIGHT_BOUNDARY, text, start)  # "killed over 100 fighters"
    end = boundary.start() if boundary else min(len(text), start + 80)
    obj = text[start:end]
    if not obj.strip() or len(obj) > 100:
        return None
    both = re.match(r"^\s*both\s+of\s+them\b", obj, re.I)
    if both:  # "killing both of them": two, maybe told before
        return 2, 2, 2, "anaphoric", start, start + both.end()
    pronoun = re.match(r"^\s*(?:them|all\s+of\s+them)\b", obj, re.I)
    if pronoun:
        return 0, 0, None, "pronoun", start, start + pronoun.end()
    if obj.strip().lower() in SINGULAR_PRONOUN:  # "abducted a man and killed him"
        return 1, 1, 1, "anaphoric", start, end
    # "killed him instantly", "killing only herself": a pronoun with an adverb after it
    lone = re.match(r"^\s*(?:only\s+|also\s+)?([\w'’-]+)(?:\s+\w+ly)?\s*$", obj, re.I)
    if lone and lone.group(1).lower() in SINGULAR_PRONOUN | REFLEXIVE:
        kind = "count" if lone.group(1).lower() in REFLEXIVE else "anaphoric"
        return 1, 1, 1, kind, start, end
    count = count_conjuncts(obj, lex, bare=True)
    if count is None:
        return None
    if count[3] == "count" and text[end : end + 1] == "," and _counted_item(obj, lex):
        # "killed 2 guards, 4 pilgrims, and injured 9 others": the counted list goes on
        more = _listed_after(text[end + 1 :], lex, cut)
        if more and not _breakdown(count[0], more):
            best, low, high, kind = count
            return best + more, low + more, None if high is None else high + more, kind, start, end
    if count[0] == 1 and text[end : end + 1] == ",":  # "killing the driver, his assistant"
        more = listed_after_victim(text[end + 1 :], lex)
        count = (1 + more, 1 + more, None if count[2] is None else count[2] + more, count[3])
    return (*count, start, end)
