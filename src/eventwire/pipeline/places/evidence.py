"""The country of a report that keeps no place: its cues that are not place names.

"Pro-government militiamen looted herders in Kalu and Amarjadeed area, Kass locality":
no name of the note is in the default gazetteer but for loose spellings abroad (Kass ~ a
Gambian village), which the resolver rightly rejects as the only evidence for their
country; and with them the report lost its focus, although "Kass locality" (a Sudanese
admin word), "SAF" (a state force), "Rizeigat" (a people) or "Kenyan police" (a force's
nationality) still say where it happened. ``cue_country`` gives such a report the
country that those cues name, when one leads them clearly; the event is then placed at
the country (ACLED precision 3), which is what the note's words support.

Counted: the actors' votes (a group, a state force, a people, a party), the cue words of
``data/places/words.yaml`` and the cities the model took for organisations (the stage's
``cues.votes``), and nationality adjectives at full weight (``demonym_votes``); a
nationality before a force that mostly acts abroad ("Saudi planes", "Russian mercenaries")
counts only when the noun is a home force (``home_force_nouns``: "Kenyan police",
"Sudanese army"), since with no place a foreign air force says nothing of where it struck.

``org_country_votes``: a country's name that opens an organisation's name ("Kenya
Methodist University", "the Sri Lanka Army", "Ghana Police Service", "Uganda Revenue
Authority") is no place the model keeps (the whole name is an organisation), but it is a
national institution's, a cue for the country as a cue word is (``CUE_MIN``).
``named_forces``: a country's name before a state force's noun ("South Sudan army forces",
"Kenya police": ``home_force_nouns`` but "government" and "authorities") names its forces
as "Kenyan police" does, a cue for ``cue_country`` only (in "Ethiopia security forces ...
in Luuq town" the name is kept as a place and votes as one already).

``drop_origin_country``: "Armed men from Somalia beheaded a herder in Kitui county": a
country named only after "from" is where the actors came from, not where they struck; one
named only after "bordering", "the border with" ("soldiers killed three militants in a
village bordering Nigeria") lies across the border from the place.
When such a country is the report's focus and nothing but those origin mentions places
anything in it, while the report's cues name another country (``cue_country``, the
origin's own votes left out), the origin mentions are rejected and the focus is that
country.

``with_demonyms``: the stage's lexicon with the nationality adjectives that the gazetteer's
countries file lacks (``demonyms`` in ``data/places/words.yaml``: "Sri Lankan", "South
African", "Sierra Leonean"), so that they vote as "Kenyan" does; the gazetteer index does
not hold adjectives, so it is not rebuilt.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from eventwire.datafiles import word_table, words
from eventwire.pipeline.places.forces import FORCE_NOUNS, home_forces
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY

CUE_MIN = 0.5  # one cue word, one state force or one home force's nationality
CUE_LEAD = 0.25  # how far ahead of the next country the leader must be
FULL_DEMONYM = 1.0  # a nationality that names no foreign actor or foreign victim


def cue_country(
    text: str,
    lex: Lexicon,
    votes: Counter[str],
    demonyms: Counter[str],
    gaz: Gazetteer | None = None,
) -> str | None:
    """The country the report's non-place cues name (``votes``: the stage's actor, cue
    word and organisation-city votes; ``demonyms``: ``demonym_votes`` of the text; with
    ``gaz``, also the forces named by their country's name), or None when they name none
    or no country leads (see the module)."""
    total: Counter[str] = Counter({cc: v for cc, v in votes.items() if v > 0.0})
    for cc, value in demonyms.items():
        if value >= FULL_DEMONYM:
            total[cc] += value
    for cc in home_forces(text, lex) | (named_forces(text, gaz, lex) if gaz else set()):
        total[cc] = max(total[cc], CUE_MIN)  # type: ignore[assignment]  # float weights in a Counter
    ranked = total.most_common(2)
    if not ranked or ranked[0][1] < CUE_MIN:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] - second >= CUE_LEAD else None


def with_demonyms(lex: Lexicon) -> Lexicon:
    """``lex`` with the extra nationality adjectives of ``data/places/words.yaml``
    (``demonyms``); an adjective the lexicon already has keeps its country."""
    extra = {fold(adj): cc for cc, adjs in word_table("places", "demonyms").items() for adj in adjs}
    return dataclasses.replace(lex, adjectives={**extra, **lex.adjectives})


ORG_VOTE = 0.5  # a national institution named after its country, as one cue word
# capitalised words after a country's name that do not make it an organisation's: dates,
# function words and the places named after a country ("Niger State", the "Niger Delta")
NOT_ORG: frozenset[str] = frozenset(w.capitalize() for w in words("places", "org_name_stops"))
# "South Sudan army forces", "Kenya police": a country's name before one of its state
# forces' nouns (lower case), its forces as "Kenyan police" are; not "Ethiopia government"
NAMED_FORCES = FORCE_NOUNS - {"government", "authorities"}
_NAMES: dict[tuple[int, int], tuple[Gazetteer, Lexicon, re.Pattern[str], dict[str, str]]] = {}
_LAST_WORD_RE = re.compile(r"([A-Z][\w'’-]*)\s*$")


def _country_name_re(gaz: Gazetteer, lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every country's name (as written, capitalised) before a capitalised
    word, not after one ("New Jersey State Police"), and the names' countries."""
    key = (id(gaz), id(lex))
    held = _NAMES.get(key)
    if held is None or held[0] is not gaz or held[1] is not lex:
        held = _NAMES[key] = (gaz, lex, *_compile_names(gaz, lex))
    return held[2], held[3]


def _compile_names(gaz: Gazetteer, lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for cc in gaz.countries:
        row = gaz.country_row(cc)
        for name in (gaz.name(row) if row is not None else "", *lex.country_names.get(cc, ())):
            if len(name) > 3 and name[:1].isupper() and " of " not in name:
                names.setdefault(name, cc)
    alts = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    forces = "|".join(sorted(NAMED_FORCES))
    return re.compile(rf"(?<![\w-])({alts})\s+([A-Z][a-z]+|(?:{forces})\b)"), names


def org_country_votes(text: str, gaz: Gazetteer, lex: Lexicon) -> Counter[str]:
    """Votes of the countries whose name opens an organisation's name (see the module)."""
    votes: Counter[str] = Counter()
    for cc, word in _named_before(text, gaz, lex):
        if word not in NOT_ORG and word not in NAMED_FORCES:
            votes[cc] = ORG_VOTE  # type: ignore[assignment]  # float weights in a Counter
    return votes


def named_forces(text: str, gaz: Gazetteer, lex: Lexicon) -> set[str]:
    """The countries whose name stands before a state force's noun ("South Sudan army
    forces", "Kenya police"; see the module)."""
    return {cc for cc, word in _named_before(text, gaz, lex) if word in NAMED_FORCES}


def _named_before(text: str, gaz: Gazetteer, lex: Lexicon) -> list[tuple[str, str]]:
    """(country, next word) of each country's name before a capitalised word or a force
    noun, not inside a longer name ("New Jersey State Police", "Radio Kenya")."""
    pattern, names = _country_name_re(gaz, lex)
    out = []
    for found in pattern.finditer(text):
        last = _LAST_WORD_RE.search(text[max(0, found.start() - 30) : found.start()])
        if last is None or last.group(1) in ("The", "A", "An"):
            out.append((names[found.group(1)], found.group(2)))
    return out


# "raiders from Uganda"; "a village bordering Nigeria", "near the border with Somalia": the
# country across the border, not the one the place lies in
_FROM_RE = re.compile(
    r"(?:\bfrom|\bborder(?:ing|s)?(?:\s+(?:with|of))?|\bfrontier\s+with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def origin_mentions(
    text: str, gaz: Gazetteer, resolutions: list[Resolution | None], focus: str | None
) -> list[Resolution]:
    """The focus country's accepted resolutions when all of them are the country's own
    name named only as an origin or across a border ("raiders from Uganda"), else []."""
    there = [r for r in resolutions if r is not None and r.accepted]
    there = [r for r in there if focus is not None and gaz.country_code(r.row) == focus]
    if all(
        int(gaz.feat[r.row]) == FEAT_COUNTRY
        and _FROM_RE.search(text[max(0, r.mention.start - 24) : r.mention.start])
        for r in there
    ):
        return there
    return []


def drop_origin_country(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    resolutions: list[Resolution | None],
    focus: str | None,
    votes: Counter[str],
    demonyms: Counter[str],
) -> str | None:
    """The focus, or the country the cues name when the focus was only a country named as
    the actors' origin ("raiders from Uganda"; see the module)."""
    there = origin_mentions(text, gaz, resolutions, focus)
    if focus is None or not there:
        return focus
    others = Counter({cc: v for cc, v in votes.items() if cc != focus})
    rest = Counter({cc: v for cc, v in demonyms.items() if cc != focus})
    home = cue_country(text, lex, others, rest)
    if home is None:
        return focus
    for r in there:
        r.accepted = False
    return home
