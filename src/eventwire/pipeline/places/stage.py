"""places stage: resolve toponyms against the offline gazetteer and locate every event.

* ``doc.places``: every accepted toponym as a ``Place`` with its span;
* ``doc.country``: the focus country (ISO2);
* ``event.location``: a copy of the place where the event happened, with ACLED geo
  precision (1 town, 2 near / part of a region, 3 province or larger) and ``fallback``
  saying how it was attached: "clause" (same clause as the trigger), "sentence",
  "paragraph" (another sentence of the same segment), "document".

Options (``config.PlacesOptions``, ``[eventwire.stage_options."eventwire.places.v1"]``):
``index`` (path of a gazetteer index file; default: the cached one, built at first use);
``area_point``:
where a province or country is placed, ``"seat"`` (default: its most populous place,
as ACLED codes province-level events to the provincial capital; measured better on the
dev sets) or ``"centroid"`` (without the option: the ``area_point`` setting, which
``$EVENTWIRE_AREA_POINT`` sets).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.config import PlacesOptions, Settings
from eventwire.datafiles import words
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.abroad import drop_towns_abroad
from eventwire.pipeline.places.anyway import kept_anyway
from eventwire.pipeline.places.borders import settle_border_sides
from eventwire.pipeline.places.capitals import capital_mentions
from eventwire.pipeline.places.coded import coded_place
from eventwire.pipeline.places.country import as_of, cue_votes
from eventwire.pipeline.places.crossborder import lean
from eventwire.pipeline.places.evidence import (
    cue_country,
    org_country_votes,
    with_demonyms,
)
from eventwire.pipeline.places.fallback import compass_place, fallback_place
from eventwire.pipeline.places.forces import hold_home_force
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.cues import (
    demonym_votes,
    find_actor_cues,
    keep_mention,
    named_place_votes,
)
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon, load_lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.resolve import accept, resolve_mentions
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import PLACE_LABELS, Mention, find_mentions
from eventwire.pipeline.places.origin import reread_after_origin
from eventwire.pipeline.places.possessive import possessive_hosts
from eventwire.pipeline.places.within import (
    far_from_near,
    far_subdivisions,
    locators,
    motives,
    wide_areas,
)
from eventwire.records import Document, Event, Place

NAME = "eventwire.places.v1"
STRONG_CUES: frozenset[str] = words("gazetteer", "strong_cues")
PART_WORDS: frozenset[str] = words("gazetteer", "part_words")
QUARTER_WORDS: frozenset[str] = words("gazetteer", "quarter_words")
QUARTER_KM = 30.0
PROTEST_TYPES = ("Protests", "Riots")
_CLAUSE_RE = re.compile(
    r";|:|\.\s|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b|\bwhen\b|"
    r",\s+(?:and|but|which|where|who)\b",
    re.IGNORECASE,
)


def precision_of(gaz: Gazetteer, res: Resolution) -> int:
    """ACLED geo precision of a resolved mention."""
    feat = int(gaz.feat[res.row])
    if feat in (FEAT_ADMIN1, FEAT_COUNTRY):
        return 3
    if feat == FEAT_ADMIN or res.mention.near or res.mention.hint_word in PART_WORDS:
        return 2
    return 1


class PlacesStage:
    """Recognise, resolve and attach places."""

    name = NAME
    requires = ("doc.sentences", "doc.parses", "doc.events", "doc.published")
    assigns = ("doc.places", "doc.country", "event.location", "doc.notes")

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        area_point: str = "centroid",
        actors: ActorDictionary | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        self.area_point = area_point
        self.actors = actors

    def resolve(self, doc: Document) -> list[tuple[Resolution, Place]]:
        """Resolve the document's toponyms; set doc.places and doc.country."""
        cues = find_actor_cues(doc.text, self.actors)
        found = find_mentions(doc, self.gaz, self.lex)
        mentions = [
            m
            for m in found
            if (
                keep_mention(m, self.lex, doc.sentences[m.sentence].start)
                or kept_anyway(m, doc.text, self.lex)  # "Mombasa traders", "Juba PoC camp"
            )
            # an actor's name is not a place, unless placed in a province: "Baghdadi" is a
            # leader, "in Baghdadi, Anbar province" a town
            and not (cues.covers(m.start, m.end) and m.hint is None and m.parent is None)
        ]
        kept_ids = {id(m) for m in mentions}
        dropped = [m for m in found if id(m) not in kept_ids and not cues.covers(m.start, m.end)]
        cues.votes.update(named_place_votes(dropped, self.gaz, self.lex))
        cues.votes.update(cue_votes(doc.text))  # "Sirba locality", "the MCA", "UNAMID"
        cues.votes.update(org_country_votes(doc.text, self.gaz, self.lex))  # "Kenya Police"
        # "Boko Haram attacked Kolofata": a place only Cameroon has outweighs the group's home
        lean(doc.text, cues.spans, self.actors, self.gaz, mentions, cues.votes)
        resolutions, focus = resolve_mentions(
            doc, self.gaz, self.lex, mentions, cues.votes, cues.areas
        )
        # "Sudanese air forces shell Tangal": not the Philippine village of that name
        focus = hold_home_force(doc.text, self.gaz, self.lex, resolutions, focus, cues.votes)
        # "Kangara (Karimama, Alibori)": no Malaysian town in a report about Benin
        demonyms = demonym_votes(doc.text, self.lex)
        # "raiders from Uganda attacked a village in Kitui county": the actors' origin
        resolutions, focus = reread_after_origin(
            doc, self.gaz, self.lex, mentions, resolutions, focus, cues, demonyms
        )
        drop_towns_abroad(doc.text, self.gaz, resolutions, focus, cues.votes, demonyms)
        settle_border_sides(doc, self.gaz, self.lex, resolutions, focus)  # "Kenya-Sudan border"
        if focus is None and not any(r is not None and r.accepted for r in resolutions):
            # "farmers robbed in Kalu area, Kass locality": no place holds, the cues remain
            focus = cue_country(doc.text, self.lex, cues.votes, demonyms, self.gaz)
        kept: list[tuple[Resolution, Place]] = []
        for res in resolutions:
            if res is None:
                continue
            if not accept(res, self.gaz, focus, self.lex):
                res.accepted = False
                continue
            m = res.mention
            precision = precision_of(self.gaz, res)
            if precision == 1 and _unknown_place_before(doc.text, m, self.lex):
                precision = 2  # "shelled Kinda in Idleb": in the area of Idleb, not in it
            place = self.gaz.place(
                res.row, m.text, m.start, m.end, precision, point=self.area_point
            )
            kept.append((res, place))
        kept = _drop_stray_quarters(kept)
        country = focus or (kept[0][1].country if kept else None)
        for m, row in capital_mentions(doc, self.gaz, self.lex, country):
            # "the Somali capital", "in the capital": no toponym, but a city all the same
            place = self.gaz.place(row, m.text, m.start, m.end, 1, point=self.area_point)
            kept.append((Resolution(m, row, 0.0, 0.0), place))
        kept.sort(key=lambda rp: rp[0].mention.start)
        if not kept:
            # nothing else is a place: a town the model took for a person or organisation
            votes = cues.votes + Counter({focus: 1.0} if focus else {})
            last = fallback_place(doc.text, self.gaz, self.lex, dropped, votes)
            if last is None:  # "villagers in Korando, Kisumu West": at Kisumu
                last = compass_place(doc, self.gaz, votes)
            if last is not None:
                m = last.mention
                place = self.gaz.place(last.row, m.text, m.start, m.end, 2, point=self.area_point)
                kept = [(last, place)]
        doc.places = [p for _, p in kept]
        doc.country = focus if focus else None
        if kept and not focus:
            doc.country = kept[0][1].country
        return kept

    def __call__(self, doc: Document) -> Document:
        kept = self.resolve(doc)
        index = _PlaceIndex.of(doc, kept)
        for event in doc.events:
            # "(coded to Buma town)": the coder's own place, if in the country the note is about
            event.location = _then(coded_place(doc.text, kept, self.locate(doc, event, index)), doc)
            if event.location is None:
                doc.note(
                    self.name,
                    "EW-GEO-100",
                    f"no place found for the event at {event.trigger.start}",
                )
        doc.places = [p for p in (_then(p, doc) for p in doc.places) if p is not None]
        doc.country = as_of(doc.country, doc.published)
        return doc

    # -- attachment -----------------------------------------------------------------------
    def locate(self, doc: Document, event: Event, index: _PlaceIndex) -> Place | None:
        """The place where an event happened (a copy, with its fallback level)."""
        if not index.specific:
            return self._country_place(doc)
        specific = index.specific
        sent_index = event.sentence_index
        in_sentence = index.by_sentence.get(sent_index, [])
        if in_sentence:
            sent = doc.sentences[sent_index]
            clause = _clause_bounds(sent.text, event.trigger.start - sent.start)
            lo, hi = sent.start + clause[0], sent.start + clause[1]
            refs = _references(
                doc.text, [r.mention for r, _ in in_sentence], self.lex.part | self.lex.town
            ) | locators(doc.text, in_sentence)
            refs |= possessive_hosts(doc.text, in_sentence)  # "in Somalia's Middle Shabelle"
            wide = wide_areas(in_sentence, lo, hi)
            far = far_from_near(doc.text, in_sentence)
            refs -= set(far.values())
            if event.acled_event_type in PROTEST_TYPES:
                refs |= motives(doc.text, in_sentence)
            best = max(
                in_sentence,
                key=lambda rp: (
                    self._rank(rp, event, lo, hi)
                    + index.agreement(sent_index, rp[1]) * (3.0 if rp[0].flag < 0 else 1.0)
                    - (2.5 if id(rp[0].mention) in refs else 0.0)
                    - (3.0 if id(rp[0].mention) in wide else 0.0)
                    - (6.0 if id(rp[0].mention) in far else 0.0)
                ),
            )
            level = "clause" if lo <= best[0].mention.start < hi else "sentence"
            return dataclasses.replace(best[1], fallback=level)
        segment = doc.sentences[sent_index].segment if 0 <= sent_index < len(doc.sentences) else -1
        same_par = index.by_segment.get(segment, [])
        if same_par:
            before = [rp for rp in same_par if rp[0].mention.sentence < sent_index]
            pool = before or same_par
            best = max(
                pool,
                key=lambda rp: (
                    -abs(rp[0].mention.sentence - sent_index),
                    -rp[1].precision if rp[1].precision else 0,
                ),
            )
            return _borrowed(best[1], "paragraph")
        counts = index.counts
        best = max(
            specific,
            key=lambda rp: (
                counts[(rp[1].lat, rp[1].lon)],
                -(rp[1].precision or 3),
                -rp[0].mention.start,
            ),
        )
        return _borrowed(best[1], "document")

    def _rank(self, rp: tuple[Resolution, Place], event: Event, lo: int, hi: int) -> float:
        res, place = rp
        m = res.mention
        s = 0.0
        if lo <= m.start < hi:
            s += 3.0
        if m.cue in STRONG_CUES or m.near:
            s += 2.0
        elif m.cue is not None:
            s += 0.5
        if m.ner in PLACE_LABELS:
            s += 0.3
        if m.landmark:
            s -= 2.5  # "the Ilya intersection in Sidon": the event is in Sidon
        if m.dateline:
            s -= 3.0  # "BEIRUT (Reuters) - Shelling hit Idlib": the event is in Idlib
        s -= {1: 0.0, 2: 0.2, 3: 1.0}.get(place.precision or 3, 1.0)
        if place.feature == "country":
            s -= 1.0
        s -= 0.002 * min(abs(m.start - event.trigger.start), abs(m.end - event.trigger.end))
        return s

    def _country_place(self, doc: Document) -> Place | None:
        if not doc.country:
            return None
        row = self.gaz.country_row(doc.country)
        if row is None:
            return None
        place = self.gaz.place(row, "", -1, -1, 3)
        return dataclasses.replace(place, text="", fallback="document")


def _then(place: Place | None, doc: Document) -> Place | None:
    """The place with the country it lay in on the report's date ("SS" in 2010 is "SD")."""
    if place is None:
        return None
    country = as_of(place.country, doc.published)
    return place if country == place.country else dataclasses.replace(place, country=country)


BORROWED_PRECISION = {"paragraph": 2, "document": 2}


def _borrowed(place: Place, level: str) -> Place:
    """A place taken from another sentence of the paragraph, or from the headline or
    another paragraph, for an event whose own sentence names none: ACLED codes such an
    event less precisely (2: in the area of the place; a province or country stays 3),
    and so do we."""
    precision = max(place.precision or 1, BORROWED_PRECISION[level])
    return dataclasses.replace(place, fallback=level, precision=precision)


_REFERENCE_GAP = re.compile(
    r"^\s*,?\s*(?:\(?\s*)?(?:about\s+|some\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|"
    r"miles|mi)\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


Placed = tuple[Resolution, Place]


@dataclass(slots=True)
class _PlaceIndex:
    """A document's kept places indexed once, so locating each event costs what its own
    sentence holds, not the whole document (a report of thousands of sentences or toponyms
    stays linear)."""

    specific: list[Placed]  # _most_specific(kept), in text order
    by_sentence: dict[int, list[Placed]]
    by_segment: dict[int, list[Placed]]
    counts: dict[tuple[float | None, float | None], int]  # how often each point is named
    _agreement: dict[tuple[int, float | None, float | None, str | None], float] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, doc: Document, kept: list[Placed]) -> _PlaceIndex:
        # "Tegalsari district, Surabaya city": a Tegalsari read 100 km off is not the place
        far = far_subdivisions(kept)
        near = [rp for rp in kept if id(rp[0].mention) not in far] or kept
        specific = _most_specific(near) if kept else []
        by_sentence: dict[int, list[Placed]] = {}
        by_segment: dict[int, list[Placed]] = {}
        counts: dict[tuple[float | None, float | None], int] = {}
        for r, p in specific:
            by_sentence.setdefault(r.mention.sentence, []).append((r, p))
            by_segment.setdefault(doc.sentences[r.mention.sentence].segment, []).append((r, p))
            counts[(p.lat, p.lon)] = counts.get((p.lat, p.lon), 0) + 1
        return cls(specific, by_sentence, by_segment, counts)

    def agreement(self, sentence: int, place: Place) -> float:
        """``_agreement`` of a place with the others of its sentence, once per point."""
        key = (sentence, place.lat, place.lon, place.feature)
        if key not in self._agreement:
            self._agreement[key] = _agreement(place, self.by_sentence.get(sentence, []))
        return self._agreement[key]


_FEATURE_GAP = re.compile(
    r"^\s+(?P<word>[a-z-]+)\s+(?:(?:about\s+)?\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|"
    r"miles)\s+)?[a-z-]+\s+of\s+(?:the\s+)?$"
)


def _references(text: str, mentions: list[Mention], features: frozenset[str]) -> set[int]:
    """Mentions that only locate the place named just before them: in "in Taji, north of
    Baghdad", "at Al Rayash, 20 km north of Baiji" or "on Sirwah district west of Marib
    city" the event is in Taji / Al Rayash / Sirwah. ``features``: words such as
    "district", "village" that may follow the first name."""
    out: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for prev, m in itertools.pairwise(ordered):
        if not m.near or prev.near or m.start - prev.end > 40:
            continue
        gap = text[prev.end : m.start]
        if "," in gap and _REFERENCE_GAP.match(gap):
            out.add(id(m))
            continue
        feature = _FEATURE_GAP.match(gap)
        if feature is not None and feature.group("word") in features:
            out.add(id(m))
    return out


def _most_specific(kept: list[tuple[Resolution, Place]]) -> list[tuple[Resolution, Place]]:
    """Drop places that only give the context of a more specific one ("Baghdad" in
    "Sadr City, Baghdad"), keeping the head of each hierarchy chain."""
    size = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
    by_mention = {id(r.mention): p for r, p in kept}
    parents, quarters = set(), set()
    for r, p in kept:
        parent = by_mention.get(id(r.mention.parent)) if r.mention.parent is not None else None
        if parent is None:
            continue
        if r.mention.hint_word in QUARTER_WORDS and parent.feature == "city":
            # "Hayy al-Zahra neighbourhood, Mosul": the event is coded to the town
            quarters.add(id(r.mention))
        # "Lebanon in Sidon" does not make Sidon a mere context of Lebanon
        elif size.get(p.feature or "", 0) <= size.get(parent.feature or "", 0):
            parents.add(id(r.mention.parent))
    drop = (parents - quarters) | quarters
    return [(r, p) for r, p in kept if id(r.mention) not in drop] or kept


_BEFORE_AREA = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:village|town|city|area|camp|district|neighbou?rhood))?"
    r"(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)$"
)


def _unknown_place_before(text: str, m: Mention, lex: Lexicon) -> bool:
    """Is the place only the area of a name before it that the gazetteer does not know
    ("airstrikes on Dashishah in al-Hasakeh", "Hulkujir village (Cabudwaaq, ...)")? The
    event is then somewhere in that area: ACLED precision 2, not the town itself."""
    head = text[max(0, m.start - 80) : m.start]
    found = _BEFORE_AREA.search(head)
    if found is None:
        return False
    name = found.group("name")
    before = head[: found.start("name")].rstrip()
    if not before or before[-1] in ".!?:\n" or before.endswith("On"):
        return False  # a sentence's first word is capitalised anyway
    words = name.split()
    if fold(name) in lex.stoplist or fold(words[0]) in lex.stoplist:
        return False
    if fold(words[-1]) in lex.adjectives or (name.isupper() and len(name) <= 5):
        return False  # "Turkish in ...", "HTS in Idleb": an actor, not a place
    return not (len(words) == 1 and len(name) <= 2)


def _drop_stray_quarters(
    kept: list[tuple[Resolution, Place]],
) -> list[tuple[Resolution, Place]]:
    """Drop a "X neighbourhood", or a name cut out of a longer one, read as a town far from
    every town of its sentence ("in Salvador, Bahia, ... in Periperi neighbourhood" is a
    part of Salvador, not Piripiri)."""
    out = []
    towns_of: dict[int, list[Placed]] = {}
    for s, q in kept:
        town = q.feature == "city" and q.lat is not None and q.lon is not None
        if town and not s.mention.landmark:
            towns_of.setdefault(s.mention.sentence, []).append((s, q))
    for r, p in kept:
        # a quarter, or a name cut out of a longer one ("Hayy" of "Hayy ath-Thawrah")
        quarter = r.mention.hint_word in QUARTER_WORDS or r.mention.partial
        towns = (
            [q for s, q in towns_of.get(r.mention.sentence, []) if s is not r] if quarter else []
        )
        stray = (
            quarter
            and towns
            and p.lat is not None
            and p.lon is not None
            and all(
                haversine_km(p.lat, p.lon, q.lat or 0.0, q.lon or 0.0) > QUARTER_KM for q in towns
            )
        )
        if not stray:
            out.append((r, p))
    return out


def _agreement(place: Place, others: list[tuple[Resolution, Place]]) -> float:
    """Penalty for a place far from every other place of its sentence, when those agree."""
    pts = [
        p
        for _, p in others
        if p.feature != "country" and p.lat is not None and (p.lat, p.lon) != (place.lat, place.lon)
    ]
    if len(pts) < 1 or place.lat is None or place.lon is None or place.feature == "country":
        return 0.0
    near = any(haversine_km(place.lat, place.lon, p.lat or 0.0, p.lon or 0.0) < 150 for p in pts)
    return 0.0 if near else -1.5


def _clause_bounds(text: str, offset: int) -> tuple[int, int]:
    """The [start, end) of the clause of ``text`` holding character ``offset``."""
    lo, hi = 0, len(text)
    for match in _CLAUSE_RE.finditer(text):
        if match.end() <= offset:
            lo = match.end()
        elif match.start() > offset:
            hi = match.start()
            break
    return lo, hi


@register_stage(NAME)
def make_places_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(PlacesOptions)
    path = Path(options.index) if options.index else None
    gaz = resources.get("gazetteer" + (f":{path}" if path else ""), lambda: load_gazetteer(path))
    fallback = settings.area_point if settings.area_point is not None else "seat"
    point = options.area_point or fallback
    files = tuple(settings.user_actor_files)
    actors = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return PlacesStage(gaz, with_demonyms(load_lexicon()), point, actors)
