"""Synthetic documents and events for API tests, browser tests and the load benchmark.

The texts are our own template sentences (no corpus text). Every value keeps a real span
into the document text, so the document view can highlight it.

>>> docs = synthetic_documents(3, seed=1)
>>> sum(len(d.events) for d in docs) >= 3
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from eventwire.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Fatalities,
    Place,
    Segment,
    Sentence,
    Span,
    When,
)

# (name, lat, lon, admin1, country)
PLACES: tuple[tuple[str, float, float, str, str], ...] = (
    ("Mosul", 36.34, 43.13, "Nineveh", "IQ"),
    ("Ramadi", 33.42, 43.30, "Anbar", "IQ"),
    ("Tikrit", 34.60, 43.68, "Salah ad Din", "IQ"),
    ("Aleppo", 36.20, 37.16, "Aleppo", "SY"),
    ("Homs", 34.73, 36.71, "Homs", "SY"),
    ("Sanaa", 15.35, 44.21, "Amanat al Asimah", "YE"),
    ("Kandahar", 31.61, 65.71, "Kandahar", "AF"),
    ("Maiduguri", 11.85, 13.16, "Borno", "NG"),
    ("Gao", 16.27, -0.04, "Gao", "ML"),
    ("Goma", -1.68, 29.23, "North Kivu", "CD"),
)
# (name, inter, country)
ACTORS: tuple[tuple[str, int, str | None], ...] = (
    ("Military Forces", 1, None),
    ("Police Forces", 1, None),
    ("Islamic State", 2, None),
    ("Rebel Coalition", 2, None),
    ("Tribal Militia", 4, None),
    ("Protesters", 6, None),
    ("Civilians", 7, None),
)
# (plover type, mode, ACLED type, ACLED sub-type, verb phrase, kills)
KINDS: tuple[tuple[str, str | None, str, str, str, bool], ...] = (
    ("ASSAULT", "firearms", "Violence against civilians", "Attack", "attacked", True),
    ("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "bombed", True),
    ("COERCE", "arrest", "Strategic developments", "Arrests", "detained", False),
    ("PROTEST", "demonstrate", "Protests", "Peaceful protest", "marched against", False),
    ("MOBILIZE", None, "Battles", "Armed clash", "clashed with", True),
    ("THREATEN", None, "Strategic developments", "Other", "threatened", False),
)
SOURCES: tuple[str, ...] = ("Wire One", "Daily Ledger", "Radio North")
SPEAKERS: tuple[str, ...] = ("a local official", "a witness", "the governor", "a spokesman")


def synthetic_document(index: int, rng: random.Random, base: date) -> Document:
    """Return one document with 1-3 events whose spans point into its own text."""
    title = f"Report {index}: fighting and protests"
    parts: list[str] = [title, "\n\n"]
    pending: list[tuple[int, int, dict[str, object]]] = []
    offset = len(title) + 2
    n_events = rng.randint(1, 3)
    for _ in range(n_events):
        a1 = rng.choice(ACTORS)
        a2 = rng.choice([a for a in ACTORS if a != a1])
        place = rng.choice(PLACES)
        kind = rng.choice(KINDS)
        day = base - timedelta(days=rng.randint(0, 700))
        speaker = rng.choice(SPEAKERS)
        killed = rng.randint(0, 40) if kind[5] else 0
        pieces: list[tuple[str, str | None]] = [
            (a1[0], "actor1"),
            (" ", None),
            (kind[4], "trigger"),
            (" ", None),
            (a2[0], "actor2"),
            (" in ", None),
            (place[0], "location"),
            (" on ", None),
            (day.strftime("%d %B %Y"), "date"),
        ]
        if killed:
            pieces += [(", killing ", None), (f"{killed} people", "fatalities")]
        pieces += [(", ", None), (speaker, "speaker"), (" ", None), ("said", "verb"), (". ", None)]
        start = offset
        spans: dict[str, object] = {
            "a1": a1,
            "a2": a2,
            "place": place,
            "kind": kind,
            "day": day,
            "killed": killed,
            "speaker": speaker,
        }
        for text, label in pieces:
            if label:
                spans[label] = (offset, offset + len(text), text)
            parts.append(text)
            offset += len(text)
        pending.append((start, offset - 1, spans))
    text = "".join(parts).rstrip() + "\n"
    doc = Document(
        text=text,
        title=title,
        published=base,
        source=rng.choice(SOURCES),
        source_id=f"synthetic-{index}",
        input=f"synthetic#{index}",
        language="en",
    )
    doc.segments = [Segment(0, len(title), "title"), Segment(len(title) + 2, len(text), "body")]
    for s_start, s_end, spans in pending:
        sentence = Sentence(s_start, s_end, text[s_start:s_end], segment=1)
        doc.sentences.append(sentence)
        doc.events.append(_make_event(doc, len(doc.sentences) - 1, spans))
    return doc


def _span(spans: dict[str, object], label: str) -> tuple[int, int, str]:
    value = spans[label]
    assert isinstance(value, tuple)
    return value


def _make_event(doc: Document, sentence_index: int, spans: dict[str, object]) -> Event:
    a1, a2, place, kind = spans["a1"], spans["a2"], spans["place"], spans["kind"]
    day, killed = spans["day"], spans["killed"]
    assert isinstance(a1, tuple) and isinstance(a2, tuple) and isinstance(place, tuple)
    assert isinstance(kind, tuple) and isinstance(day, date) and isinstance(killed, int)
    t = _span(spans, "trigger")
    s1, s2, sl, sd = (_span(spans, k) for k in ("actor1", "actor2", "location", "date"))
    sp, sv = _span(spans, "speaker"), _span(spans, "verb")
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(t[0], t[1], "trigger", t[2]),
        sentence_index=sentence_index,
        plover_type=kind[0],
        plover_mode=kind[1],
        acled_event_type=kind[2],
        acled_sub_event_type=kind[3],
        cameo_root="18",
        actor1=Actor(
            s1[2], s1[0], s1[1], name=a1[0], type="synthetic", inter=a1[1], country=place[4]
        ),
        actor2=Actor(
            s2[2], s2[0], s2[1], name=a2[0], type="synthetic", inter=a2[1], country=place[4]
        ),
        location=Place(
            sl[2],
            sl[0],
            sl[1],
            name=place[0],
            lat=place[1],
            lon=place[2],
            admin1=place[3],
            country=place[4],
            precision=1,
            feature="city",
        ),
        date=When(sd[2], day, day, "day", span_start=sd[0], span_end=sd[1]),
        attribution=Attribution(sp[2], "quoted", sv[2], sp[0], sv[1]),
        confidence=0.8,
        rule="synthetic",
    )
    if killed:
        f = _span(spans, "fatalities")
        event.fatalities = Fatalities(f[2], killed, killed, killed, f[0], f[1])
    event.evidence = [Span(t[0], t[1], "trigger", t[2])]
    event.assign_id()
    return event


def synthetic_documents(n: int, seed: int = 0, published: date | None = None) -> list[Document]:
    """Return ``n`` synthetic documents (about two events each)."""
    return list(iter_synthetic_documents(n, seed, published))


def iter_synthetic_documents(
    n: int, seed: int = 0, published: date | None = None
) -> Iterator[Document]:
    rng = random.Random(seed)
    base = published or date(2025, 6, 30)
    for i in range(n):
        yield synthetic_document(i, rng, base)
