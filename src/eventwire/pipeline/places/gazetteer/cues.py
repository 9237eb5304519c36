"""Context filters for toponym candidates, and actor cues for geolocation.

``keep_mention`` drops acronyms, sentence-initial words and names before resolution.

Actor cues: names of armed groups and people are not places, and the
actors a report names hint at its country ("Taliban" → AF, "Al Shabaab" → SO).

The actor dictionary (``eventwire/data/actors``) is read, not edited: every non-generic,
non-state record whose whole alias occurs in the text gives

* a span that no toponym may overlap ("Al Shabaab" is not the town of Shabaab, "Haftar"
  is a person, "Taliban" is not a Turkish village);
* a vote for the record's country (weaker than a country name or a demonym: groups act
  across borders);
* the first-level areas the record mostly acts in (``areas``: the Donbas for the NAF,
  Borno for Boko Haram), which break ties between homonyms of the same country ("near
  Pisky": the Pisky by Donetsk, not the one in Poltava).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.pipeline.common.aliasrun import longest_alias_at
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import OTHER_LABELS, PLACE_LABELS, Mention

_WORD_RE = re.compile(r"[^\W_](?:[\w'’`-]*\w)?")
STATE_TYPES = frozenset({"government", "military", "police", "state"})
# a state's own forces ("SAF", "SPLA", "KDF") mostly act at home, but also abroad (KDF in
# Somalia): a weaker vote than an armed group's, and no span (their names hold no place)
STATE_ACTOR_VOTE = 0.5
# a people or clan tied to one country ("Murle", "Garre", "Rizeigat"): peoples live
# across borders, so a weak vote
IDENTITY_VOTE = 0.5


@dataclass(slots=True)
class ActorCues:
    """Spans of actor names in a text and the countries they vote for."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    areas: list[tuple[str, str]] = field(default_factory=list)  # (ISO2, admin1 name)

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside an actor name."""
        return any(s <= start and end <= e for s, e in self.spans)


def find_actor_cues(text: str, actors: ActorDictionary | None) -> ActorCues:
    """Whole actor aliases in ``text``, longest first (acronyms must keep their case)."""
    cues = ActorCues()
    if actors is None:
        return cues
    words = list(_WORD_RE.finditer(text))
    longest = min(actors.max_alias_words + 1, 8)
    seen: set[str] = set()
    i = 0
    while i < len(words):
        if not words[i].group()[:1].isupper():
            i += 1
            continue
        hit = longest_alias_at(actors, text, words, i, longest)  # the longest n first
        if hit is None:
            i += _identity_vote(text, words, i, actors, cues, seen)
            continue
        n, actor_id = hit
        entry = actors.by_id[actor_id]
        state = entry.type in STATE_TYPES
        if not state:
            cues.spans.append((words[i].start(), words[i + n - 1].end()))
        raw = text[words[i].start() : words[i + n - 1].end()]
        # a government's alias is its country's name, which votes as a place already
        if entry.country and actor_id not in seen and normalise(raw) not in actors.countries:
            cues.votes[entry.country] += STATE_ACTOR_VOTE if state else 1.0  # type: ignore[assignment]  # float weights in a Counter
            if not state:
                cues.areas.extend((entry.country, area) for area in entry.areas)
            seen.add(actor_id)
        i += n
    return cues


def _identity_vote(
    text: str,
    words: list[re.Match[str]],
    i: int,
    actors: ActorDictionary,
    cues: ActorCues,
    seen: set[str],
) -> int:
    """Vote for the country of a people or clan named at word i ("Murle", "Lou Nuer"
    reads as Nuer); return how many words it took (1 when none)."""
    for n in (2, 1):
        if i + n > len(words):
            continue
        key = normalise(text[words[i].start() : words[i + n - 1].end()])
        found = actors.identities.get(key)
        if found is None or found[2] is None:
            continue
        if key not in seen:
            cues.votes[found[2]] += IDENTITY_VOTE  # type: ignore[assignment]  # float weights in a Counter
            seen.add(key)
        return n
    return 1


def _allcaps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_COUNTRY_NAMES: dict[int, frozenset[str]] = {}


def _country_names(lex: Lexicon) -> frozenset[str]:
    """The folded country names of a lexicon, computed once per lexicon."""
    names = _COUNTRY_NAMES.get(id(lex))
    if names is None:
        names = frozenset(fold(n) for group in lex.country_names.values() for n in group)
        _COUNTRY_NAMES[id(lex)] = names
    return names


def keep_mention(m: Mention, lex: Lexicon, sentence_start: int) -> bool:
    """Context filter before resolution: drop acronyms, sentence-initial words, names."""
    key = fold(m.text)
    if key in lex.stoplist:
        return False
    strong = m.ner in PLACE_LABELS or m.cue is not None or m.hint is not None or m.echo
    if _allcaps(m.text) and len(m.text) <= 5 and m.ner not in PLACE_LABELS:
        return False
    if (
        m.ner in OTHER_LABELS
        # "Burkina Faso" is a place whatever the model labels it
        and key not in _country_names(lex)
        and m.cue is None
        and not m.near
        and m.hint is None
        and m.parent is None
        and not m.children
        and not m.echo
    ):
        return False
    if m.modifier:
        return False
    if m.partial and m.ner not in PLACE_LABELS:
        return False
    return not (m.start == sentence_start and not strong and m.parent is None)


NAMED_VOTE = 0.5  # a city or province named inside an organisation's or a person's name
NAMED_MIN_POP = 100_000


def named_place_votes(dropped: list[Mention], gaz: Gazetteer, lex: Lexicon) -> Counter[str]:
    """Country votes of the names dropped as not a place because the model labels them an
    organisation or a person ("Khartoum University", "the Kakamega county office"): not
    the event's place, but a city of 100,000 people or a province named by its own name
    says which country the report is about (weakly; "Paris Police Department")."""
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for m in dropped:
        key = fold(m.text)
        if m.ner not in OTHER_LABELS or key in lex.stoplist or key in seen:
            continue
        seen.add(key)
        best = max(
            (
                c
                for c in gaz.lookup(m.text, loose=False)
                if c.flag == 2
                and (
                    int(gaz.feat[c.index]) == FEAT_ADMIN1 or int(gaz.pop[c.index]) >= NAMED_MIN_POP
                )
                and int(gaz.feat[c.index]) != FEAT_COUNTRY
            ),
            key=lambda c: int(gaz.pop[c.index]),
            default=None,
        )
        if best is not None:
            votes[gaz.country_code(best.index)] += NAMED_VOTE  # type: ignore[assignment]  # float weights in a Counter
    return votes
