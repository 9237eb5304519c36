"""Toponym recognition: find place mentions in a document's sentences, from two sources:
* spaCy GPE/LOC/FAC entities of the parsed sentences (``doc.parses``);
* gazetteer matching over the raw text of *every* sentence: runs of capitalised words
  (with name particles such as "al", "de", "ibn") looked up longest first, which finds
  what the small model misses or mislabels (it tags Irbil as ORG).

Each mention records its context: the locative word before it ("in", "near"), a feature
word next to it ("province", "district") and the next mention it is attached to by a comma,
parenthesis or "in" ("Sadr City, Baghdad"). Common words (stoplist) and person/organisation
names are not taken as places unless the context says so."""

from __future__ import annotations

import bisect
import re
from functools import partial

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.common_areas import common_word_area
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.marks import (
    admin_positions,
    link,
    mark_datelines,
    mark_echoes,
)
from eventwire.pipeline.places.gazetteer.mentions import OTHER_LABELS as OTHER_LABELS
from eventwire.pipeline.places.gazetteer.mentions import PLACE_LABELS as PLACE_LABELS
from eventwire.pipeline.places.gazetteer.mentions import Mention as Mention
from eventwire.pipeline.places.gazetteer.mentions import Token as Token
from eventwire.pipeline.places.gazetteer.mentions import span_tokens, word_after_quote
from eventwire.pipeline.places.gazetteer.mentions import tokenize as tokenize
from eventwire.pipeline.places.gazetteer.normalize import PARENS_REACH, closes_parens, fold
from eventwire.pipeline.places.gazetteer.trim import (
    area_after_of,
    facility_after,
    joins_name,
    of_stop,
    possessive_head,
    trim_entity,
    trim_qualifier,
    word_kind,
)
from eventwire.pipeline.places.gazetteer.units import drop_units
from eventwire.records import Document

MAX_WORDS = 6
PARTICLES: frozenset[str] = words("gazetteer", "particles")
# lower-case particles that may open a name ("al Tabqa"); "at", "as", "an" are English
STARTING_PARTICLES: frozenset[str] = words("gazetteer", "starting_particles")
LOOSE_CUES: frozenset[str] = words("gazetteer", "loose_cues")
# words that begin hyphenated names and name no place before the hyphen ("Ceel-Cali-Axmed")
COMPOUND_HEADS: frozenset[str] = words("gazetteer", "compound_heads")
# weekday and month words that end a name ("in Nyeri Tuesday" is Nyeri on a Tuesday)
NAME_ENDERS: frozenset[str] = words("gazetteer", "name_enders")


_ARTICLE_NAME_RE = re.compile(
    r"^(?:al|el|ad|adh|as|ash|at|ath|ar|az|an|ed|es|et|ibn|bin|abu|umm)-[A-Z]"
)


def _is_name_word(tok: Token) -> bool:
    """A capitalised word, or an Arabic name with a lower-case article ("al-Bakir")."""
    text = tok.text  # (asked of every word of every sentence: the hyphen before the pattern)
    first = text[:1]
    return (first.isupper() and first.isalpha()) or (
        "-" in text and bool(_ARTICLE_NAME_RE.match(text))
    )


def _starts_name(tokens: list[Token], i: int) -> bool:
    """Can a place name start at token ``i`` (a name word, or "al" before one)?"""
    tok = tokens[i]
    return _is_name_word(tok) or (
        tok.text.lower() in PARTICLES
        and i + 1 < len(tokens)
        and _is_name_word(tokens[i + 1])
        and tok.text in STARTING_PARTICLES
    )


def _exact_end(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], i: int) -> tuple[int, int]:
    """``(best, j)``: the end of the longest exact gazetteer name starting at ``i`` (0: none)
    and the end of the run of name words there (at most ``MAX_WORDS``)."""
    best, j, possessive = 0, i, -1
    joined = partial(joins_name, gaz, tokens, i, most=MAX_WORDS)  # "Jammu and Kashmir's"
    while j < len(tokens) and j - i < MAX_WORDS:
        t = tokens[j]
        if _inner_s(tokens, i, j):
            possessive = j if possessive < 0 else possessive
        elif not (_is_name_word(t) or t.text.lower() in PARTICLES or joined(j)):
            break
        elif j > i and t.text.lower() in NAME_ENDERS:
            break  # "Nyeri Tuesday", "Kutum Monday evening": the date ends the name
        if (
            not _is_name_word(t)
            and j + 1 < len(tokens)
            and fold(tokens[j + 1].text) in lex.stoplist
        ):
            break  # "Gao on Friday" is not one name
        j += 1
        if _is_name_word(t):
            key = fold(_span_text(tokens, i, j))
            if (
                key
                and gaz.has_key(key)
                and (key not in lex.stoplist or common_word_area(gaz, lex, tokens, i, j))
            ):
                best = j  # "Unity state": a common word before an area's kind word
    if possessive >= 0 and best <= possessive:
        j = possessive  # "Beirut's Wadi Abu Jameel": the name ends before the "'s"
    return best, j


def _inner_s(tokens: list[Token], i: int, j: int) -> bool:
    """Is token j the "'s" of a name such as "Cox's Bazar" (split off by ``tokenize``),
    inside the name started at i and before another of its words?"""
    return (
        j > i
        and tokens[j].text in ("'s", "’s")
        and tokens[j].start == tokens[j - 1].end
        and j + 1 < len(tokens)
        and _is_name_word(tokens[j + 1])
    )


def _loose_end(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], i: int, j: int, best: int) -> int:
    """The end of the name at ``i`` once spelling variants (loose keys) are tried."""
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    # "in Quamishli", "shelled Kansafra", "the town of Kansafra"
    cued = (
        prev in LOOSE_CUES
        or (prev == "of" and i > 1 and tokens[i - 2].text.lower() in lex.area_words)
        # "Karin village (Bossaso, Bari)": the first name of a parenthesised area chain
        or (prev == "(" and j < len(tokens) and tokens[j].text == "," and i > 1)
    )
    if tokens[i].text.lower() in lex.qualifier:  # "North Iraq" is not "North York"
        return best
    if best and best < j and j - i >= 2:
        # "Tal Tamer": an exact "Tal" inside a longer name; try the longer name loosely
        for k in range(of_stop(tokens, best, j), best, -1):
            if (
                _is_name_word(tokens[k - 1])
                and tokens[k - 1].text.lower() not in lex.feature_words
                and gaz.lookup(_span_text(tokens, i, k))
            ):
                return k
    if not best and (cued or j - i >= 2):
        # "in Quamishli", "Tall Refaat": a spelling variant after a locative word or
        # of a name of several words
        for k in range(j, i, -1):
            if (
                (cued or k - i >= 2)
                and _is_name_word(tokens[k - 1])
                and tokens[k - 1].text.lower() not in lex.feature_words
                and fold(_span_text(tokens, i, k)) not in lex.stoplist
                and gaz.lookup(_span_text(tokens, i, k))
            ):
                return k
    return best


def _name_mention(
    gaz: Gazetteer, lex: Lexicon, tokens: list[Token], i: int, best: int, index: int
) -> Mention:
    """The mention of tokens ``[i, best)`` with what its neighbours say about it."""
    text = _span_text(tokens, i, best)
    mention = Mention(tokens[i].start, tokens[best - 1].end, text, index)
    # a name inside a longer capitalised run ("Wali" in "Shah Wali Kot") is weak
    prev_name = (
        i > 0
        and _is_name_word(tokens[i - 1])
        and tokens[i - 1].text.lower() not in lex.qualifier | lex.locative
        and not possessive_head(tokens[i - 1].text, gaz, lex)  # "Kenyas Tana Delta"
    )
    nxt = tokens[best].text if best < len(tokens) else ""
    next_name = best < len(tokens) and (
        (_is_name_word(tokens[best]) and nxt.lower() not in NAME_ENDERS)  # "Nyeri Sunday"
        or (
            nxt.lower() in PARTICLES
            and best + 1 < len(tokens)
            and _is_name_word(tokens[best + 1])
            # "Kharkiv on Monday" is not one name
            and fold(tokens[best + 1].text) not in lex.stoplist
            # "Muyuka of Fako": a town of the Fako division, not "X of Y" as one name
            and not area_after_of(gaz, lex, tokens, best)
        )
    )
    if next_name and nxt.lower() in lex.facility:
        mention.near, next_name = True, False  # "Donetsk Airport"
    facility = facility_after(tokens, best, lex)
    if facility:
        mention.near = True  # "the Tiyas air base", "the Mosul dam"
    elif nxt.lower() in lex.admin or nxt.lower() in lex.town or nxt.lower() in lex.part:
        next_name = False  # "Al Mukalla City", "Kerman Province"
    mention.partial = prev_name or next_name
    # "US dollar", "Iraq war"; a demonym before a noun ("Somali bandits") is an adjective,
    # but a name before a possessive ("Myanmar's Sagaing region") is the country's
    # (the word inside a quotation mark too: "Somali 'bandits'" is as adjectival)
    word = word_after_quote(tokens, best)
    demonym = (
        word[:1].isalpha()
        and fold(mention.text) in lex.adjectives
        and word not in lex.admin | lex.part
    )
    modifier = (nxt.islower() and nxt in lex.modifier) or (word.islower() and demonym)
    mention.modifier = modifier and not facility
    mention.landmark = bool(nxt) and nxt.islower() and nxt in lex.landmark
    return mention


def scan_sentence(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], index: int) -> list[Mention]:
    """Longest-first gazetteer matches over runs of capitalised words in one sentence."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text.lower() in lex.locative and tok.text.lower() not in PARTICLES:
            i += 1  # a sentence-initial "In", "Near": not part of a name
            continue
        if not _starts_name(tokens, i):
            i += 1
            continue
        best, j = _exact_end(gaz, lex, tokens, i)
        if (initial := _compass_initial(gaz, tokens, i, index)) is not None:
            out.append(initial)  # "Deim Jallab, S. Sudan": South Sudan, not Sudan
            i += 3
            continue
        if best <= i + 1 and (pair := _possessive_pair(gaz, lex, tokens, i)):
            out.append(Mention(tok.start, tok.start + len(pair), pair, index))
            i += 2  # "South Sudans Lakes state": South Sudan's, not Sudan's
            continue
        if best <= i + 1 and (stem := possessive_head(tok.text, gaz, lex)):  # "Nairobis slum"
            out.append(Mention(tok.start, tok.start + len(stem), stem, index))
            i += 1
            continue
        best = _loose_end(gaz, lex, tokens, i, j, best)
        if best:
            out.append(_name_mention(gaz, lex, tokens, i, best, index))
            i = best
            continue
        head = _hyphen_head(tok, gaz, lex, index)
        if head is not None:
            after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            head.landmark = after in lex.facility or after in lex.landmark  # "X-Y Highway"
            out.append(head)
        i += 1
    return out


COMPASS_INITIALS = {"N": "North", "S": "South", "E": "East", "W": "West"}


def _compass_initial(gaz: Gazetteer, tokens: list[Token], i: int, index: int) -> Mention | None:
    """A compass word cut to its initial before a name ("S. Sudan", "N. Kivu"): the
    place of the whole name when the gazetteer knows it, else None."""
    word = COMPASS_INITIALS.get(tokens[i].text)
    if word is None or i + 2 >= len(tokens) or tokens[i + 1].text != ".":
        return None
    name = tokens[i + 2]
    if not name.capitalised or name.start != tokens[i + 1].end + 1:
        return None
    full = f"{word} {name.text}"
    if not any(c.flag == 2 for c in gaz.lookup(full, loose=False)):
        return None
    return Mention(tokens[i].start, name.end, full, index)


def _possessive_pair(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], i: int) -> str | None:
    """A two-word place named with its apostrophe dropped ("South Sudans army", "Sierra
    Leones capital"): the two words less the final "s", or None."""
    if i + 1 >= len(tokens) or not tokens[i + 1].text.endswith("s"):
        return None
    nxt = tokens[i + 1]
    if not nxt.capitalised or nxt.start != tokens[i].end + 1:
        return None
    return possessive_head(f"{tokens[i].text} {nxt.text}", gaz, lex)


def _hyphen_head(tok: Token, gaz: Gazetteer, lex: Lexicon, index: int) -> Mention | None:
    """ "Mogadishu-Hodan", "Donetsk-Kirovskyi": a known town before a hyphen and a
    capitalised part of it ("Saudi-led" and "Al-Qaida" are not)."""
    head, sep, rest = tok.text.partition("-")
    key = fold(head)
    if (
        not sep
        or len(head) < 4
        or not rest[:1].isupper()
        or key in lex.stoplist
        or key in PARTICLES
        or key in COMPOUND_HEADS
        or not gaz.has_key(key)
    ):
        return None
    return Mention(tok.start, tok.start + len(head), head, index)


def _span_text(tokens: list[Token], i: int, j: int) -> str:
    parts = [tokens[i].text]
    for k in range(i + 1, j):
        parts.append(" " * (tokens[k].start - tokens[k - 1].end) + tokens[k].text)
    return "".join(parts)


def _ner_spans(doc: Document, index: int) -> list[tuple[int, int, str, str]]:
    parse = doc.parses.get(index)
    if parse is None:
        return []
    base = doc.sentences[index].start
    return [(base + e.start_char, base + e.end_char, e.label_, e.text) for e in parse.ents]


def _bounds(tokens: list[Token]) -> tuple[list[int], list[int]]:
    return [t.start for t in tokens], [t.end for t in tokens]


def _context(
    mention: Mention,
    tokens: list[Token],
    lex: Lexicon,
    bounds: tuple[list[int], list[int]],
) -> None:
    """Fill cue / near / hint from the words around a mention. ``bounds`` are the tokens'
    start and end offsets (both ascending), so the mention's tokens are found by bisection:
    a sentence with thousands of toponyms stays linear."""
    starts, ends = bounds
    first = bisect.bisect_left(starts, mention.start)
    last = bisect.bisect_right(ends, mention.end) - 1
    if first >= len(tokens) or last < 0:  # the mention does not line up with the tokens
        return
    before = [t.text.lower() for t in tokens[max(0, first - 4) : first]]
    while before and before[-1] in {"the", "a"}:
        before.pop()
    # feature word before the name: "the province of X", "the village of X", "X city"
    # ... but in "the Basakpinar neighbourhood of Talas" Talas is the town around the quarter
    quarter_of = (
        len(before) >= 3
        and before[-1] == "of"
        and before[-2] in QUARTER_HINTS
        and first - 3 >= 0
        and _is_name_word(tokens[first - 3])
    )
    if len(before) >= 2 and before[-1] == "of" and word_kind(before[-2], lex) and not quarter_of:
        mention.hint, mention.hint_word = word_kind(before[-2], lex), before[-2]
        before = before[:-2]
        while before and before[-1] in {"the", "a"}:
            before.pop()
    phrase = " ".join(before)
    for near in lex.near:
        if phrase.endswith(near) or phrase.endswith(near + " of"):
            mention.cue, mention.near = near, True
            break
    if mention.cue is None and before and before[-1] in lex.locative:
        mention.cue = before[-1]
    if (
        mention.cue is None
        and before
        and before[-1] == "("
        and last + 1 < len(tokens)
        and tokens[last + 1].text in (",", ")")
    ):
        # "Hulkujir village (Cabudwaaq, Galgaduud)": the area of the place before
        mention.cue = "("
    if mention.cue is None and before and before[-1] == ",":
        # "village (Samba-Boungou, Bria)": a parenthesised list's last name is an area
        lead = [t.text for t in tokens[max(0, first - PARENS_REACH) : last + 2]]
        mention.cue = "(" if closes_parens(lead, last + 1 - first) else None
    if (
        mention.cue is None
        and len(before) >= 2
        and before[-1] == ","
        and word_kind(before[-2], lex)
    ):
        # "at Likuyani subcounty, Kakamega": the area of a place the gazetteer lacks
        mention.cue = ","
    if mention.cue is None and before and before[-1] in (",", "and", "or"):
        # "in Balcova, Izmir", "in Khartoum and Omdurman": the second name of a list
        # shares the first one's cue
        k = first - 2
        while k >= 0 and k > first - 6 and _is_name_word(tokens[k]):
            k -= 1
        if k >= 0 and k < first - 2 and tokens[k].text.lower() in lex.locative - {"of"}:
            mention.cue = tokens[k].text.lower()
    after = [t.text.lower() for t in tokens[last + 1 : last + 3]]
    if after and mention.hint is None and word_kind(after[0], lex):
        mention.hint, mention.hint_word = word_kind(after[0], lex), after[0]
    if mention.hint_word in {"outskirts", "countryside", "vicinity"}:
        mention.near = True


QUARTER_HINTS: frozenset[str] = words("gazetteer", "quarter_hints")


def find_mentions(doc: Document, gaz: Gazetteer, lex: Lexicon) -> list[Mention]:
    """Every toponym candidate of the document, in text order, with its context."""
    mentions: list[Mention] = []
    for index, sent in enumerate(doc.sentences):
        tokens = span_tokens(doc.text, sent.text, sent.start)
        bounds = _bounds(tokens)
        found = scan_sentence(gaz, lex, tokens, index)
        ents = _ner_spans(doc, index)
        for start, end, label, text in ents:
            if label not in PLACE_LABELS:
                continue
            start, end, text = trim_entity(start, end, text, lex)
            start, end, text, qualified = trim_qualifier(start, end, text, gaz, lex)
            if not text or any(m.start <= start and end <= m.end for m in found):
                continue
            if possessive_head(text, gaz, lex):
                continue  # "Waus" read as a town of Iran: the scan found "Wau" of "Waus market"
            hits = gaz.lookup(text)
            inner = [m for m in found if start <= m.start and m.end <= end]
            if not hits or (inner and all(c.flag < 0 for c in hits)):
                # keep the gazetteer's own matches inside it: "the Sidon-Tyr highway" is
                # Sidon, not a loose spelling of a hamlet abroad
                continue
            found = [m for m in found if m not in inner]
            found.append(Mention(start, end, text, index, near=qualified))
        for m in found:
            for start, end, label, _ in ents:
                if not (start < m.end and m.start < end):
                    continue
                # a place label counts only for the same words; other labels warn
                same = (start, end) == (m.start, m.end)
                if (label in PLACE_LABELS and same) or (
                    label not in PLACE_LABELS and m.ner is None
                ):
                    m.ner = label
            _context(m, tokens, lex, bounds)
        found = drop_units(_no_feature_words(found, doc.text), doc.text, gaz)  # "forces (X)"
        mentions.extend(sorted(found, key=lambda m: m.start))
    link(mentions, doc, lex)
    admin_positions(mentions, doc, gaz)
    mark_datelines(mentions, doc)
    mark_echoes(mentions)
    return mentions


def _no_feature_words(found: list[Mention], text: str) -> list[Mention]:
    """Drop the feature word of the name before it read as a place of its own: in
    "Kyauktaw Township, Mrauk-U District" a place called "Township" in an imported file
    would become Kyauktaw's parent and hide the chain."""
    words_after = {(m.end, m.hint_word) for m in found if m.hint_word is not None and not m.partial}
    return [
        m
        for m in found
        if not any(
            word == m.text.lower() and not text[end : m.start].strip()
            for end, word in words_after
            if end <= m.start
        )
    ]
