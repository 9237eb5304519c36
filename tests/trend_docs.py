"""Hand-made reports for the trends tests: four quiet weeks, then a violent week.

Every report is one sentence of our own writing about one incident, coded by hand (as
:mod:`scope_docs` does) and written through :meth:`Store.write_batch`, then clustered into
canonical events by the normal clustering. ``AS_OF`` is a Sunday; the window is the seven
days ending on it, the baseline the four weeks before.

* Nineveh (IQ): one attack a week by Islamic State for four weeks (one killed each), then
  eight attacks in the window (30 killed in all), three of them by the Free Valley Brigade,
  a group no earlier report names.
* Basra (IQ): four peaceful protests every week, the window included.
* Anbar (IQ): one attack by gunmen (an Unidentified Armed Group) in the window: generic
  actors are never new actors.

>>> docs = trend_documents()
>>> len(docs), sum(len(d.events) for d in docs)
(33, 33)
"""

from __future__ import annotations

from datetime import date, timedelta

from eventwire.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Fatalities,
    Mention,
    Place,
    Segment,
    Sentence,
    Span,
    When,
)

AS_OF = date(2025, 6, 29)
WINDOW_START = AS_OF - timedelta(days=6)
NEW_GROUP = ("Free Valley Brigade", "TEST-FVB", 2)
KNOWN_GROUP = ("Islamic State", "ISIS", 2)
UNIDENTIFIED = ("Unidentified Armed Group", "GEN-UAG", 3)
CIVILIANS = ("Civilians", "GEN-CIVILIANS", 7)
PROTESTERS = ("Protesters", "GEN-PROTESTERS", 6)
# (town, lat, lon, admin1)
NINEVEH_TOWNS = (
    ("Mosul", 36.34, 43.13, "Nineveh"),
    ("Tal Afar", 36.37, 42.45, "Nineveh"),
    ("Sinjar", 36.32, 41.87, "Nineveh"),
    ("Hammam al-Alil", 36.16, 43.26, "Nineveh"),
)
BASRA = ("Basra", 30.51, 47.78, "Basra")
ZUBAIR = ("Zubair", 30.39, 47.70, "Basra")
RAMADI = ("Ramadi", 33.42, 43.30, "Anbar")
ATTACK = ("ASSAULT", "firearms", "Violence against civilians", "Attack")
PROTEST = ("PROTEST", "demonstrate", "Protests", "Peaceful protest")


def _report(
    n: int,
    day: date,
    place: tuple[str, float, float, str],
    kind: tuple[str, str, str, str],
    actor1: tuple[str, str, int],
    killed: int | None,
) -> Document:
    """One report of one incident, its sentence written from the values."""
    town, when = place[0], f"{day:%A} {day.day} {day:%B}"
    if kind is PROTEST:
        text = f"Hundreds of residents marched through {town} on {when} demanding clean water."
        trigger, actor_words = "marched", "residents"
    else:
        toll = f", killing {killed} people" if killed else ""
        text = f"Fighters of the {actor1[0]} attacked a village near {town} on {when}{toll}."
        trigger, actor_words = "attacked", f"Fighters of the {actor1[0]}"
    doc = Document(
        text=text,
        title=f"Report {n}",
        published=day,
        published_source="record",
        source="Test Wire",
        source_id=f"trend-{n}",
        input=f"hand-made#trend-{n}",
        language="en",
    )
    doc.segments = [Segment(0, len(text), "body")]
    doc.sentences = [Sentence(0, len(text), text)]
    t0 = text.index(trigger)
    a0 = text.index(actor_words)
    p0 = text.index(town)
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(t0, t0 + len(trigger), "trigger", trigger),
        sentence_index=0,
        plover_type=kind[0],
        plover_mode=kind[1],
        acled_event_type=kind[2],
        acled_sub_event_type=kind[3],
        actor1=Actor(
            actor_words,
            a0,
            a0 + len(actor_words),
            name=actor1[0],
            actor_id=actor1[1],
            inter=actor1[2],
            country="IQ",
        ),
        actor2=None
        if kind is PROTEST
        else Actor("people", name=CIVILIANS[0], actor_id=CIVILIANS[1], inter=CIVILIANS[2]),
        location=Place(
            town,
            p0,
            p0 + len(town),
            name=town,
            lat=place[1],
            lon=place[2],
            admin1=place[3],
            country="IQ",
            precision=1,
            feature="city",
        ),
        date=When(when, day, day, "day"),
        attribution=Attribution("Test Wire", "outlet"),
        confidence=0.8,
        rule="hand-made",
    )
    if killed:
        k0 = text.index(f"killing {killed}")
        event.fatalities = Fatalities(f"{killed} people", killed, killed, killed, k0, k0 + 10)
    event.mentions = [Mention(0, t0, t0 + len(trigger), trigger, "main")]
    event.evidence = [event.trigger]
    event.assign_id()
    doc.events = [event]
    return doc


def trend_documents() -> list[Document]:
    """The reports: four quiet weeks and a violent one in Nineveh, steady protests in Basra."""
    docs: list[Document] = []

    def add(*args: object) -> None:
        docs.append(_report(len(docs) + 1, *args))  # type: ignore[arg-type]

    for week in range(1, 5):  # the baseline: weeks 1..4 before the window
        monday = WINDOW_START - timedelta(days=7 * week)
        add(monday + timedelta(days=2), NINEVEH_TOWNS[week % 4], ATTACK, KNOWN_GROUP, 1)
    for week in range(5):  # Basra: four protests in every week, the window included
        monday = WINDOW_START - timedelta(days=7 * week)
        for i in range(4):
            add(monday + timedelta(days=i), (BASRA, ZUBAIR)[i % 2], PROTEST, PROTESTERS, None)
    tolls = (5, 2, 6, 3, 4, 2, 5, 3)  # 30 killed in the window
    for i, toll in enumerate(tolls):
        group = NEW_GROUP if i in (1, 4, 6) else KNOWN_GROUP
        add(WINDOW_START + timedelta(days=i % 7), NINEVEH_TOWNS[i % 4], ATTACK, group, toll)
    add(WINDOW_START + timedelta(days=3), RAMADI, ATTACK, UNIDENTIFIED, 1)
    return docs
