"""Hand-made reports whose events differ only in what the conflict scope looks at.

Two reports of our own writing. The first tells a current attack (three mentions), a
political meeting (a PLOVER type, no ACLED type), an attack recalled from years before
(``background``), a yearly toll (``aggregate``), an attack that did not happen (``negated``)
and one that might (``hypothetical``). The second, from another outlet, tells the same
current attack and another one. Conflict views count the three current, asserted,
ACLED-typed attacks; ``scope=all`` counts all eight records.

>>> docs = scope_documents()
>>> [len(d.events) for d in docs]
[6, 2]
>>> sorted(CONFLICT_TRIGGERS)
['ambushed', 'raided', 'stormed']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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

PUBLISHED = date(2025, 3, 12)
FIRST = (
    "Gunmen stormed a police post in Ramadi on Monday, killing three officers, the governor "
    "said. The attack was the deadliest in the province this month. "
    "The governor met tribal elders in Ramadi on Tuesday to discuss security. "
    "In 2019 militants attacked the same post in Ramadi, killing nine. "
    "Hundreds of fighters were killed in Anbar over the past year, officials said. "
    "Officials denied that troops shelled Ramadi. "
    "Militants may attack the market in Ramadi next week, the police warned."
)
SECOND = (
    "Gunmen raided a police post in Ramadi on Monday, killing three officers, a witness said. "
    "Separately, rebels ambushed an army convoy near Tikrit on Sunday."
)
# the triggers of the events a conflict view counts
CONFLICT_TRIGGERS = frozenset({"stormed", "raided", "ambushed"})
RAMADI = ("Ramadi", 33.42, 43.30, "Anbar", "IQ")
TIKRIT = ("Tikrit", 34.60, 43.68, "Salah ad Din", "IQ")
ATTACK = ("ASSAULT", "firearms", "Violence against civilians", "Attack")


@dataclass(frozen=True, slots=True)
class Spec:
    """One event to code by hand: its trigger (the first match after ``after``) and values."""

    trigger: str
    kind: tuple[str, str | None, str | None, str | None]
    actor1: str
    day: date
    place: tuple[str, float, float, str, str] = RAMADI
    modality: str = "asserted"
    background: bool = False
    aggregate: bool = False
    killed: str | None = None
    mentions: tuple[tuple[str, str], ...] = ()  # (words, kind) after the trigger
    after: int = 0


def _find(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _event(doc: Document, spec: Spec) -> Event:
    text = doc.text
    t0, t1 = _find(text, spec.trigger, spec.after)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= t0 < s.end)
    a0, a1 = _find(text, spec.actor1, doc.sentences[index].start)
    p0, p1 = _find(text, spec.place[0], doc.sentences[index].start)
    name, lat, lon, admin1, country = spec.place
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(t0, t1, "trigger", spec.trigger),
        sentence_index=index,
        plover_type=spec.kind[0],
        plover_mode=spec.kind[1],
        acled_event_type=spec.kind[2],
        acled_sub_event_type=spec.kind[3],
        actor1=Actor(spec.actor1, a0, a1, name=spec.actor1.title(), inter=3),
        location=Place(
            name,
            p0,
            p1,
            name=name,
            lat=lat,
            lon=lon,
            admin1=admin1,
            country=country,
            precision=1,
            feature="city",
        ),
        date=When(None, spec.day, spec.day, "day"),
        modality=spec.modality,
        attribution=Attribution("the governor", "quoted", "said"),
        confidence=0.8,
        rule="hand-made",
        background=spec.background,
        aggregate=spec.aggregate,
    )
    if spec.killed:
        k0, k1 = _find(text, spec.killed, t1)
        event.fatalities = Fatalities(spec.killed, 3, 3, 3, k0, k1)
    event.mentions = [Mention(index, t0, t1, spec.trigger, "main")]
    for words, kind in spec.mentions:
        m0, m1 = _find(text, words, t1)
        where = next(i for i, s in enumerate(doc.sentences) if s.start <= m0 < s.end)
        event.mentions.append(Mention(where, m0, m1, words, kind))
    event.evidence = [Span(t0, t1, "trigger", spec.trigger)]
    event.assign_id()
    return event


def _document(text: str, source: str, source_id: str, specs: list[Spec]) -> Document:
    doc = Document(
        text=text,
        title=f"{source}: Ramadi",
        published=PUBLISHED,
        source=source,
        source_id=source_id,
        input=f"hand-made#{source_id}",
        language="en",
    )
    doc.segments = [Segment(0, len(text), "body")]
    start = 0
    for piece in text.split(". "):
        end = min(len(text), start + len(piece) + 1)
        doc.sentences.append(Sentence(start, end, text[start:end]))
        start = end + 1
    doc.events = [_event(doc, spec) for spec in specs]
    return doc


def scope_documents() -> list[Document]:
    """The two hand-made reports with their hand-coded events."""
    monday, sunday = date(2025, 3, 10), date(2025, 3, 9)
    first = [
        Spec(
            "stormed",
            ATTACK,
            "Gunmen",
            monday,
            killed="three officers",
            mentions=(("killing", "consequence"), ("The attack", "coreferent")),
        ),
        Spec("met", ("CONSULT", None, None, None), "The governor", date(2025, 3, 11)),
        Spec(
            "attacked",
            ATTACK,
            "militants",
            date(2019, 5, 1),
            background=True,
        ),
        Spec(
            "killed",
            ("ASSAULT", None, "Battles", "Armed clash"),
            "fighters",
            date(2025, 1, 1),
            place=("Anbar", 33.4, 42.0, "Anbar", "IQ"),
            aggregate=True,
            after=FIRST.index("Hun"),
        ),
        Spec(
            "shelled",
            (
                "ASSAULT",
                "artillery",
                "Explosions/Remote violence",
                "Shelling/artillery/missile attack",
            ),
            "troops",
            monday,
            modality="negated",
            after=FIRST.index("Officials denied"),
        ),
        Spec(
            "attack",
            ATTACK,
            "Militants",
            date(2025, 3, 17),
            modality="hypothetical",
            after=FIRST.index("Militants may"),
        ),
    ]
    second = [
        Spec(
            "raided",
            ATTACK,
            "Gunmen",
            monday,
            killed="three officers",
            mentions=(("killing", "consequence"),),
        ),
        Spec(
            "ambushed",
            ("ASSAULT", "firearms", "Battles", "Armed clash"),
            "rebels",
            sunday,
            place=TIKRIT,
        ),
    ]
    return [
        _document(FIRST, "Wire One", "scope-1", first),
        _document(SECOND, "Daily Ledger", "scope-2", second),
    ]
