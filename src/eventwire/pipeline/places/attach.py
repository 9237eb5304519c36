"""Attaching a document's kept places to its events: the index of kept places by sentence
and paragraph, the places that only locate or give the context of another, and the clause
of an event's trigger (moved out of ``places/stage.py``, no behaviour change)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from eventwire.datafiles import words
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.pipeline.places.within import far_subdivisions
from eventwire.records import Document, Place

QUARTER_WORDS: frozenset[str] = words("gazetteer", "quarter_words")
QUARTER_KM = 30.0
_CLAUSE_RE = re.compile(
    r";|:|\.\s|\bwhile\b|\bwhereas\b|\bafter\b|\bbefore\b|\bwhen\b|"
    r",\s+(?:and|but|which|where|who)\b",
    re.IGNORECASE,
)


BORROWED_PRECISION = {"paragraph": 2, "document": 2}


def borrowed(place: Place, level: str) -> Place:
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
class PlaceIndex:
    """A document's kept places indexed once, so locating each event costs what its own
    sentence holds, not the whole document (a report of thousands of sentences or toponyms
    stays linear)."""

    specific: list[Placed]  # most_specific(kept), in text order
    by_sentence: dict[int, list[Placed]]
    by_segment: dict[int, list[Placed]]
    counts: dict[tuple[float | None, float | None], int]  # how often each point is named
    _agreement: dict[tuple[int, float | None, float | None, str | None], float] = field(
        default_factory=dict
    )

    @classmethod
    def of(cls, doc: Document, kept: list[Placed]) -> PlaceIndex:
        # "Tegalsari district, Surabaya city": a Tegalsari read 100 km off is not the place
        far = far_subdivisions(kept)
        near = [rp for rp in kept if id(rp[0].mention) not in far] or kept
        specific = most_specific(near) if kept else []
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


def references(text: str, mentions: list[Mention], features: frozenset[str]) -> set[int]:
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


def most_specific(kept: list[tuple[Resolution, Place]]) -> list[tuple[Resolution, Place]]:
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


def unknown_place_before(text: str, m: Mention, lex: Lexicon) -> bool:
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


def drop_stray_quarters(
    kept: list[tuple[Resolution, Place]],
) -> list[tuple[Resolution, Place]]:
    """Drop a "X neighbourhood", a "Colonia X", or a name cut out of a longer one, read as a
    town far from every town of its sentence ("in Salvador, Bahia, ... in Periperi
    neighbourhood" is a part of Salvador, not Piripiri)."""
    out = []
    towns_of: dict[int, list[Placed]] = {}
    for s, q in kept:
        town = q.feature == "city" and q.lat is not None and q.lon is not None
        if town and not s.mention.landmark:
            towns_of.setdefault(s.mention.sentence, []).append((s, q))
    for r, p in kept:
        # a quarter, or a name cut out of a longer one ("Hayy" of "Hayy ath-Thawrah"), or
        # one whose own first word says it is a quarter ("Colonia del Valle" read in the
        # capital while the sentence's town lies in another state)
        quarter = (
            r.mention.hint_word in QUARTER_WORDS
            or r.mention.partial
            or fold(r.mention.text.split()[0]) in QUARTER_WORDS
        )
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


def clause_bounds(text: str, offset: int) -> tuple[int, int]:
    """The [start, end) of the clause of ``text`` holding character ``offset``."""
    lo, hi = 0, len(text)
    for match in _CLAUSE_RE.finditer(text):
        if match.end() <= offset:
            lo = match.end()
        elif match.start() > offset:
            hi = match.start()
            break
    return lo, hi
