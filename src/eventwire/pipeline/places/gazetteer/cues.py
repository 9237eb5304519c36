"""Context filters for toponym candidates, and actor cues for geolocation.

``keep_mention`` drops acronyms, sentence-initial words and names before resolution.

Actor cues: names of armed groups and people are not places, and the
actors a report names hint at its country ("Taliban" → AF, "Al Shabaab" → SO).

The actor dictionary (``eventwire/data/actors``) is read, not edited: every non-generic,
non-state record whose whole alias occurs in the text gives

* a span that no toponym may overlap ("Al Shabaab" is not the town of Shabaab, "Haftar"
  is a person, "Taliban" is not a Turkish village);
* a vote for the record's country (weaker than a country name or a demonym: groups act
  across borders), shared among the countries of a group that acts in several
  (``group_countries`` in ``data/gazetteer/words.yaml``: Boko Haram in Nigeria and
  Cameroon's Far North, Al Shabaab in Somalia and Kenya);
* the first-level areas the record mostly acts in (``areas``: the Donbas for the NAF,
  Borno for Boko Haram), which break ties between homonyms of the same country ("near
  Pisky": the Pisky by Donetsk, not the one in Poltava).

``demonym_votes``: nationality adjectives ("Iraqi"), weaker when they name a foreign
actor ("Saudi planes") or a foreigner the event befell ("a Nigerian UN peacekeeper").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from eventwire.datafiles import word_table, words
from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.pipeline.common.aliasrun import longest_alias_at
from eventwire.pipeline.places.gazetteer.border_pairs import hyphen_votes
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import text_words
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import (
    OTHER_LABELS,
    PLACE_LABELS,
    Mention,
)

_WORD_RE = re.compile(r"[^\W_](?:[\w'’`-]*\w)?")
STATE_TYPES = frozenset({"government", "military", "police", "state"})
# a force that by definition acts outside its home ("Wagner Group" in the Central African
# Republic, the "Saudi-led coalition" in Yemen): its name is no place, but no cue for its
# home country either
EXTERNAL_TYPES = frozenset({"external", "international"})
# a state's own forces ("SAF", "SPLA", "KDF") mostly act at home, but also abroad (KDF in
# Somalia): a weaker vote than an armed group's, and no span (their names hold no place)
STATE_ACTOR_VOTE = 0.5
# a people or clan tied to one country ("Murle", "Garre", "Rizeigat"): peoples live
# across borders, so a weak vote
IDENTITY_VOTE = 0.5
# armed groups that act in several countries (actor id -> those countries, home first):
# "Boko Haram" is as much a cue for Cameroon's Far North as for Borno, so its one vote is
# shared among them and a place, a province or an army of one of them decides
FOREIGN_ACTOR_NOUNS: frozenset[str] = words("gazetteer", "foreign_actor_nouns")
FOREIGN_ACTOR_VOTE = 0.5
VICTIM_NOUNS: frozenset[str] = words("gazetteer", "victim_nouns")
VICTIM_VOTE = 0.25  # "a Nigerian UN peacekeeper": a foreigner the event befell
VICTIM_REACH = 3  # words after the nationality that may hold the noun
TERRITORY_NOUNS: frozenset[str] = words("gazetteer", "territory_nouns")
TERRITORY_VOTE = 1.5  # "raided a Kenyan village": where the place lies, over who raided it
TERRITORY_REACH = 2  # "a Kenyan army base"
# "near the Somali border": the event lies beside that country, so its adjective votes
# against it (h17aq)
BESIDE_NOUNS: frozenset[str] = words("places", "beside_border_nouns")
BESIDE_WORDS: frozenset[str] = words("places", "beside_border_words")
BESIDE_VOTE = -0.5
GROUP_COUNTRIES: dict[str, tuple[str, ...]] = word_table("gazetteer", "group_countries")
# the year a group was formed whose acronym another country's group bears too
GROUP_FOUNDED: dict[str, int] = {
    k: int(v[0]) for k, v in word_table("gazetteer", "group_founded").items()
}


@dataclass(slots=True)
class ActorCues:
    """Spans of actor names in a text and the countries they vote for."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    areas: list[tuple[str, str]] = field(default_factory=list)  # (ISO2, admin1 name)

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside an actor name."""
        return any(s <= start and end <= e for s, e in self.spans)


def find_actor_cues(
    text: str, actors: ActorDictionary | None, published: date | None = None
) -> ActorCues:
    """Whole actor aliases in ``text``, longest first (acronyms must keep their case).
    An acronym of a group formed after the report (``published``) is its elder
    namesake's."""
    cues = ActorCues()
    if actors is None:
        return cues
    year = published.year if published else None
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
        n, found = hit
        actor_id = _elder_namesake(actors, words[i].group(), found, year) if n == 1 else found
        entry = actors.by_id[actor_id]
        state = entry.type in STATE_TYPES
        if not state:
            cues.spans.append((words[i].start(), words[i + n - 1].end()))
        raw = text[words[i].start() : words[i + n - 1].end()]
        # a government's alias is its country's name, which votes as a place already
        external = entry.type in EXTERNAL_TYPES
        if (
            entry.country
            and not external
            and actor_id not in seen
            and normalise(raw) not in actors.countries
        ):
            # a namesake read by the report's date is a weaker cue than a group's own name
            weight = STATE_ACTOR_VOTE if state or actor_id != found else 1.0
            _vote_for_actor(cues, actor_id, entry.country, weight)
            if not state:
                cues.areas.extend((entry.country, area) for area in entry.areas)
            seen.add(actor_id)
        i += n
    return cues


def _elder_namesake(actors: ActorDictionary, word: str, actor_id: str, year: int | None) -> str:
    """The group of another country that bears the acronym ``word`` too, when the report
    (of ``year``) is older than ``actor_id``'s group ("PDF" in 2014: Sudan's Popular
    Defence Forces; Myanmar's People's Defence Force was formed in 2021); else
    ``actor_id``."""
    founded = GROUP_FOUNDED.get(actor_id)
    if year is None or founded is None or year >= founded:
        return actor_id
    home = actors.by_id[actor_id].country
    return next(
        (
            other
            for (acronym, cc), other in actors.local_acronyms.items()
            if acronym == word and cc != home and other != actor_id
        ),
        actor_id,
    )


def _vote_for_actor(cues: ActorCues, actor_id: str, home: str, weight: float) -> None:
    """Add an actor's vote: all to its country, or shared among the countries a
    cross-border group acts in (its home first, so that a tie goes home)."""
    countries = GROUP_COUNTRIES.get(actor_id, ())
    shared = [home, *(cc for cc in countries if cc != home)] if countries else [home]
    for cc in shared:
        cues.votes[cc] += weight / len(shared)  # type: ignore[assignment]  # float weights in a Counter


HOME_VOTES = {"party": 1.0, "movement": 1.0, "militia": 1.0}  # else IDENTITY_VOTE
HOME_WORDS = 5  # the most words a home term spans ("Comandos de la Frontera")


def _identity_vote(
    text: str,
    words: list[re.Match[str]],
    i: int,
    actors: ActorDictionary,
    cues: ActorCues,
    seen: set[str],
) -> int:
    """Vote for the home country of a people, clan, party, movement, local militia or
    politician named at word i ("Murle", "Lou Nuer" reads as Nuer, "KANU", "Mungiki",
    "Maasais"); return how many words it took (1 when none). A term of several countries
    shares its vote among them; one that several countries use equally gives none alone."""
    prefixes = actors.home_prefixes
    found: tuple[str, tuple[str, ...]] | None = None
    taken, seen_key = 1, ""
    for n in range(1, min(HOME_WORDS, len(words) - i) + 1):
        key = normalise(text[words[i].start() : words[i + n - 1].end()])
        if key not in prefixes and key[:-1] not in prefixes:
            break
        hit = _home_of(actors, key)
        if hit is not None:
            found, taken, seen_key = hit[1], n, hit[0]
    if found is None:
        return 1
    kind, countries = found
    after = words[i + taken].group().lower() if i + taken < len(words) else ""
    if after in BESIDE_NOUNS:  # "the Somali border": a country's, not the people's
        return taken
    if seen_key not in seen and countries:
        seen.add(seen_key)
        weight = HOME_VOTES.get(kind, IDENTITY_VOTE)
        for cc in countries:
            cues.votes[cc] += weight / len(countries)  # type: ignore[assignment]  # float weights in a Counter
    return taken


def _home_of(actors: ActorDictionary, key: str) -> tuple[str, tuple[str, tuple[str, ...]]] | None:
    """(matched key, (kind, countries)) of an identity or home term, or of its singular
    ("Kisiis" reads as Kisii); None when neither is known or the identity has no country."""
    for form in (key, key[:-1]) if key.endswith("s") and len(key) > 4 else (key,):
        ident = actors.identities.get(form)
        if ident is not None and ident[2] is not None:
            return form, (ident[0], (ident[2],))
        home = actors.homes.get(form)
        if home is not None:
            return form, home
    return None


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
    strong = strong or m.dateline  # "QUETTA - …": the filing town, not a first word
    # "MOKHA, Yemen -": a dateline's town is no acronym, however short
    if _allcaps(m.text) and len(m.text) <= 5 and m.ner not in PLACE_LABELS and not m.dateline:
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
        and not m.dateline
    ):
        return False
    if m.modifier:
        return False
    if m.partial and m.ner not in PLACE_LABELS:
        return False
    return not (m.start == sentence_start and not strong and m.parent is None)


NAMED_VOTE = 0.5  # a city or province named inside an organisation's or a person's name
NAMED_MIN_POP = 100_000


def named_place_votes(
    dropped: list[Mention], gaz: Gazetteer, lex: Lexicon, text: str = ""
) -> Counter[str]:
    """Country votes of the names dropped as not a place because the model labels them an
    organisation or a person ("Khartoum University", "the Kakamega county office"): not
    the event's place, but a city of 100,000 people or a province named by its own name
    says which country the report is about (weakly; "Paris Police Department"). A
    nationality before a border is not such a name ("the Somali border")."""
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for m in dropped:
        key = fold(m.text)
        if m.ner not in OTHER_LABELS or key in lex.stoplist or key in seen:
            continue
        if key in lex.adjectives and _word_after(text, m.end) in BESIDE_NOUNS:
            continue  # "the Somali border": a nation's (demonym_votes), not Ethiopia's region
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


# demonym_votes of the last few texts: the places stage asks for the same document's (and
# paragraphs') votes several times (focus, home forces, origin, towns abroad)
# (the lexicon is kept beside its votes, so its id cannot be reused while remembered)
_DEMONYM_MEMO: dict[tuple[int, str], tuple[Lexicon, Counter[str]]] = {}
_DEMONYM_MEMO_SIZE = 32


def demonym_votes(text: str, lex: Lexicon) -> Counter[str]:
    """Votes of the nationality adjectives of a text: "Iraqi" votes for IQ; a foreign
    actor ("Saudi planes") or a hyphenated stance ("pro-Russian") at half weight.

    Remembered for the last few texts (a fresh copy each call: callers may add to it)."""
    key = (id(lex), text)
    found = _DEMONYM_MEMO.get(key)
    if found is None or found[0] is not lex:
        if len(_DEMONYM_MEMO) >= _DEMONYM_MEMO_SIZE:
            _DEMONYM_MEMO.clear()
        found = _DEMONYM_MEMO[key] = (lex, _demonym_votes(text, lex))
    return Counter(found[1])


def _demonym_votes(text: str, lex: Lexicon) -> Counter[str]:
    votes: Counter[str] = Counter()
    tokens = text_words(text)
    skip = -1
    for i, tok in enumerate(tokens):
        if i == skip or not (tok[:1].isupper() or "-" in tok):
            continue  # (a lower-case word with no hyphen is neither: nothing to fold)
        # "South Sudanese", "Central African": a two-word demonym before its last word
        pair = fold(f"{tok} {tokens[i + 1]}") if i + 1 < len(tokens) else ""
        word = pair if pair in lex.adjectives else fold(tok)
        if tok[:1].isupper() and word in lex.adjectives:
            # "Saudi planes", "Russian mercenaries": a foreign actor, not the report's country
            n = 2 if word == pair else 1
            skip = i + 1 if n == 2 else -1
            after = tokens[i + n].lower() if i + n < len(tokens) else ""
            weight = FOREIGN_ACTOR_VOTE if after in FOREIGN_ACTOR_NOUNS else 1.0
            if _names_a_victim(tokens, i + n):
                weight = VICTIM_VOTE
            elif _names_a_noun(tokens, i + n, TERRITORY_NOUNS, TERRITORY_REACH):
                weight = TERRITORY_VOTE
            elif _beside_border(tokens, i, n):
                weight = BESIDE_VOTE
            votes[lex.adjectives[word]] += weight  # type: ignore[assignment]  # float weights in a Counter
        elif "-" in tok:
            # "pro-Russian", "Saudi-led", "Yemeni-Saudi border": a stance, a foreign leader
            # or a border names a country beside the report's, a weak cue
            # ("Yemeni-Saudi border": the first is the report's side, ``border_pairs``)
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            votes.update(hyphen_votes(tok, after, lex, FOREIGN_ACTOR_VOTE))
    return votes


def _word_after(text: str, end: int) -> str:
    """The word right after offset ``end`` of ``text``, lower-cased ("" when none)."""
    found = _WORD_RE.search(text, end)
    return found.group().lower() if found and not text[end : found.start()].strip() else ""


def _beside_border(tokens: list[str], at: int, n: int) -> bool:
    """Is the nationality at ``at`` (``n`` words) a border's that the event lies beside:
    "near the Somali border", "from the Nigerian border", "near Somali border"?"""
    if at + n >= len(tokens) or tokens[at + n].lower().rstrip("'’\"") not in BESIDE_NOUNS:
        return False
    before = [t.lower() for t in tokens[max(0, at - 2) : at]]
    if before and before[-1] == "the":
        before = before[:-1]
    return bool(before) and before[-1] in BESIDE_WORDS


def _names_a_victim(tokens: list[str], at: int) -> bool:
    """Does a victim or visitor noun ("peacekeeper", "refugees") follow within a few
    words of position ``at`` (after a nationality), before any punctuation?"""
    return _names_a_noun(tokens, at, VICTIM_NOUNS, VICTIM_REACH)


def _names_a_noun(tokens: list[str], at: int, nouns: frozenset[str], reach: int) -> bool:
    """Does one of ``nouns`` follow within ``reach`` words of position ``at``, before any
    punctuation?"""
    for tok in tokens[at : at + reach]:
        if not tok[:1].isalnum():
            return False
        if tok.lower() in nouns:
            return True
    return False
