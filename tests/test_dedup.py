"""Cross-source deduplication: reports of one attack become one canonical event.

The report-level events are built by hand (Documents + Events with actors, places, dates
and fatalities set), so these tests do not depend on the extraction stages. The texts are
our own writing.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from eventwire.db.store import Store
from eventwire.dedup.canonical import merge_record
from eventwire.dedup.cluster import (
    DedupOptions,
    ReportEvent,
    cluster_events,
    cluster_store,
    similarity,
)
from eventwire.dedup.linkage import Cluster
from eventwire.errors import ConfigError
from eventwire.records import (
    Actor,
    Document,
    Event,
    Fatalities,
    Place,
    Sentence,
    Span,
    When,
)

MONDAY = date(2024, 3, 4)
BAGHDAD = {
    "name": "Baghdad",
    "geonameid": 98182,
    "lat": 33.3406,
    "lon": 44.4009,
    "admin1": "Baghdad",
    "country": "IQ",
    "precision": 1,
}
ISLAMIC_STATE = {"name": "Islamic State", "actor_id": "ISIS", "inter": 2, "type": "rebel"}
CIVILIANS = {"name": "Civilians (Iraq)", "actor_id": "CIV-IQ", "inter": 7, "type": "civilians"}

BOMBING = {
    "plover_type": "ASSAULT",
    "plover_mode": "explosives",
    "acled_event_type": "Explosions/Remote violence",
    "acled_sub_event_type": "Remote explosive/landmine/IED",
    "cameo_root": "18",
}
SHOOTING = {
    "plover_type": "ASSAULT",
    "plover_mode": "kill",
    "acled_event_type": "Violence against civilians",
    "acled_sub_event_type": "Attack",
    "cameo_root": "18",
}


def make_event(
    doc: Document,
    trigger: str,
    kind: dict[str, str],
    *,
    actor1: dict[str, Any] | None = None,
    actor2: dict[str, Any] | None = None,
    place: dict[str, Any] | None = BAGHDAD,
    day: date | None = MONDAY,
    killed: int | None = None,
    confidence: float = 0.7,
) -> Event:
    start = doc.text.index(trigger)
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(start, start + len(trigger), "trigger", trigger),
        sentence_index=0,
        confidence=confidence,
        **kind,
    )
    if actor1:
        event.actor1 = Actor(text=str(actor1["name"]), **{k: v for k, v in actor1.items()})
    if actor2:
        event.actor2 = Actor(text=str(actor2["name"]), **{k: v for k, v in actor2.items()})
    if place:
        event.location = Place(text=str(place["name"]), **place)
    if day:
        event.date = When(text="Monday", start=day, end=day, precision="day")
    if killed is not None:
        event.fatalities = Fatalities(text=str(killed), best=killed, low=killed, high=killed)
    event.assign_id()
    return event


def make_doc(text: str, source: str, published: date) -> Document:
    doc = Document(text=text, source=source, published=published, input=f"{source}.txt")
    doc.sentences = [Sentence(0, len(text), text)]
    return doc


def attack_reports() -> list[Document]:
    """Three outlets report one car bombing (the third a day later, with a higher toll);
    a shooting in the same city on the same day is reported twice, once alongside it."""
    d1 = make_doc(
        "A car bomb tore through a crowded market in Baghdad on Monday, killing at "
        "least 10 people, police said.",
        "Tigris Wire",
        MONDAY,
    )
    d1.events = [make_event(d1, "tore through", BOMBING, actor2=CIVILIANS, killed=10)]
    d2 = make_doc(
        "Islamic State militants detonated an explosives-laden car beside a Baghdad "
        "market on Monday and ten shoppers died. Hours later gunmen shot dead three "
        "shopkeepers in another district of the capital.",
        "Euphrates Daily",
        MONDAY,
    )
    d2.events = [
        make_event(d2, "detonated", BOMBING, actor1=ISLAMIC_STATE, actor2=CIVILIANS, killed=10),
        make_event(
            d2,
            "shot dead",
            SHOOTING,
            actor1={"name": "gunmen", "inter": 3},
            actor2=CIVILIANS,
            killed=3,
        ),
    ]
    d3 = make_doc(
        "The death toll from Monday's market car bombing in Baghdad has risen to 14, "
        "health officials said on Tuesday.",
        "Levant Observer",
        date(2024, 3, 5),
    )
    d3.events = [make_event(d3, "car bombing", BOMBING, killed=14)]
    d4 = make_doc(
        "Three shopkeepers were gunned down in Baghdad on Monday evening by unknown "
        "attackers, a security source said.",
        "Tigris Wire",
        MONDAY,
    )
    d4.events = [make_event(d4, "gunned down", SHOOTING, actor2=CIVILIANS, killed=3)]
    return [d1, d2, d3, d4]


def stored_canonical(store: Store) -> list[dict[str, Any]]:
    rows = store.con.execute("SELECT record FROM canonical_events ORDER BY canonical_id")
    return [json.loads(r[0]) for r in rows.fetchall()]


def cluster_in_order(docs: list[Document], batches: list[list[int]]) -> list[dict[str, Any]]:
    with Store.open(":memory:") as store:
        for batch in batches:
            store.write_batch([docs[i] for i in batch], [])
            cluster_store(store)
        return stored_canonical(store)


def test_three_reports_one_attack_and_a_distinct_attack_stay_apart() -> None:
    docs = attack_reports()
    canonical = cluster_in_order(docs, [[0, 1, 2, 3]])
    assert len(canonical) == 2
    bombing = next(c for c in canonical if c["plover_mode"] == "explosives")
    shooting = next(c for c in canonical if c["plover_mode"] == "kill")
    assert bombing["n_reports"] == 3 and bombing["n_sources"] == 3
    assert bombing["fatalities"] == {"best": 14, "low": 10, "high": 14}  # latest report wins
    assert bombing["actor1"]["name"] == "Islamic State"
    assert bombing["location"]["name"] == "Baghdad"
    assert bombing["date"]["start"] == "2024-03-04"
    assert shooting["n_reports"] == 2 and shooting["n_sources"] == 2
    assert shooting["fatalities"] == {"best": 3, "low": 3, "high": 3}
    assert 0 < shooting["confidence"] <= bombing["confidence"] < 1


@pytest.mark.parametrize("order", [(3, 2, 1, 0), (1, 3, 0, 2), (2, 0, 3, 1)])
def test_result_does_not_depend_on_input_order(order: tuple[int, ...]) -> None:
    docs = attack_reports()
    expected = cluster_in_order(docs, [[0, 1, 2, 3]])
    one_by_one = cluster_in_order(docs, [[i] for i in order])
    for rec in expected + one_by_one:
        for report in rec["reports"]:
            report.pop("similarity")
    assert one_by_one == expected


@pytest.mark.parametrize("rows", [1, 2, 3])
def test_reading_reports_in_small_queries_clusters_the_same(
    rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clustering reads report events a few rows per query (bounding DuckDB's memory on
    large stores); any query size gives the same canonical events, incrementally too."""
    import eventwire.dedup.canonical as canonical

    docs = attack_reports()
    expected = cluster_in_order(docs, [[0, 1, 2, 3]])
    expected_later = cluster_in_order(docs, [[0, 2], [1, 3]])
    monkeypatch.setattr(canonical, "LOAD_ROWS", rows)
    assert cluster_in_order(docs, [[0, 1, 2, 3]]) == expected
    assert cluster_in_order(docs, [[0, 2], [1, 3]]) == expected_later


def test_report_events_are_kept() -> None:
    docs = attack_reports()
    with Store.open(":memory:") as store:
        store.write_batch(docs, [])
        before = list(store.event_records())
        summary = cluster_store(store)
        assert summary.new_events == 5 and summary.canonical_total == 2
        assert list(store.event_records()) == before
        again = cluster_store(store)  # nothing new: nothing to do
        assert again.new_events == 0 and again.canonical_written == 0


def test_a_new_report_joins_its_incident_without_reclustering_the_rest() -> None:
    """The toll update arrives after the rest is clustered: only the bombing's component is
    redone (the shooting's canonical row is not rewritten), and the store ends as a
    clustering from scratch would."""
    docs = attack_reports()
    with Store.open(":memory:") as store:
        store.write_batch([docs[0], docs[1], docs[3]], [])
        first = cluster_store(store)
        assert (first.new_events, first.canonical_total) == (4, 2)
        before = dict(
            store.con.execute("SELECT canonical_id, clustered_at FROM canonical_events").fetchall()
        )
        store.write_batch([docs[2]], [])
        added = cluster_store(store)
        assert (added.new_events, added.components, added.canonical_written) == (1, 1, 1)
        assert added.canonical_total == 2
        after = dict(
            store.con.execute("SELECT canonical_id, clustered_at FROM canonical_events").fetchall()
        )
        bombing = next(c for c in stored_canonical(store) if c["plover_mode"] == "explosives")
        shooting = next(c for c in stored_canonical(store) if c["plover_mode"] == "kill")
        assert after[shooting["canonical_id"]] == before[shooting["canonical_id"]]
        assert bombing["n_reports"] == 3 and bombing["fatalities"]["best"] == 14
        incremental = stored_canonical(store)
    scratch = cluster_in_order(docs, [[0, 1, 2, 3]])
    for rec in incremental + scratch:
        for report in rec["reports"]:
            report.pop("similarity")
    assert incremental == scratch


def test_vanished_report_reclusters_its_component() -> None:
    docs = attack_reports()
    with Store.open(":memory:") as store:
        store.write_batch(docs, [])
        cluster_store(store)
        gone = docs[2].events[0].event_id
        store.con.execute("DELETE FROM events WHERE event_id = ?", [gone])
        summary = cluster_store(store)
        assert summary.vanished_events == 1
        bombing = next(c for c in stored_canonical(store) if c["plover_mode"] == "explosives")
        assert bombing["n_reports"] == 2
        assert bombing["fatalities"] == {"best": 10, "low": 10, "high": 10}


def report(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    base: dict[str, Any] = {
        "plover_type": "ASSAULT",
        "date_start": MONDAY,
        "date_end": MONDAY,
        "lat": 33.34,
        "lon": 44.40,
        "geo_precision": 1,
        "country": "IQ",
        "location_name": "Baghdad",
    }
    base.update(values)
    return ReportEvent(event_id, doc_id, **base)


def test_same_document_is_never_merged() -> None:
    assert similarity(report("a", "d1"), report("b", "d1")) is None
    assert similarity(report("a", "d1"), report("b", "d2")) is not None


@pytest.mark.parametrize(
    ("changes", "merged"),
    [
        ({}, True),
        ({"plover_type": "PROTEST"}, False),
        ({"plover_mode": "explosives"}, True),  # the other report has no mode
        ({"modality": "negated"}, False),
        ({"date_start": date(2024, 3, 5), "date_end": date(2024, 3, 5)}, True),  # one day off
        ({"date_start": date(2024, 3, 8), "date_end": date(2024, 3, 8)}, False),
        ({"date_start": date(2024, 1, 1), "date_end": date(2024, 12, 31)}, False),  # too vague
        ({"location_name": "Mosul", "lat": 36.34, "lon": 43.13}, False),
        ({"location_name": "Kadhimiya", "lat": 33.38, "lon": 44.34}, False),  # two towns
        ({"location_name": "Baghdad province", "geo_precision": 3, "lat": 33.2, "lon": 44.3}, True),
        ({"country": "SY"}, False),
        ({"lat": None, "lon": None, "location_name": None}, False),  # no place, no actor: no
        (
            {
                "lat": None,
                "lon": None,
                "location_name": None,
                "actor1_id": "ISIS",
                "actor1_name": "Islamic State",
            },
            True,
        ),  # same country and actor is evidence enough
        ({"actor1_id": "PKK", "actor1_name": "PKK"}, False),  # two different coded actors
        ({"actor1_name": "gunmen", "actor1_inter": 2}, True),
        ({"background": True}, False),  # a recall is not folded into the current incident
        ({"aggregate": True}, False),  # nor a total over a long period
    ],
)
def test_compatibility_rules(changes: dict[str, Any], merged: bool) -> None:
    first = report(
        "a",
        "d1",
        actor1_id="ISIS",
        actor1_name="Islamic State",
        actor1_inter=2,
        plover_mode=None if "plover_mode" in changes else "explosives",
    )
    if "lat" in changes and changes["lat"] is None and "actor1_id" not in changes:
        first = report("a", "d1")
    second = report("b", "d2", **changes)
    assert (similarity(first, second) is not None) is merged
    assert (similarity(second, first) is not None) is merged  # symmetric


def test_recalls_merge_with_recalls_and_a_canonical_flag_needs_every_report() -> None:
    recall = {"background": True}
    assert similarity(report("a", "d1", **recall), report("b", "d2", **recall)) is not None
    total = {"aggregate": True}
    assert similarity(report("a", "d1", **total), report("b", "d2", **total)) is not None
    assert similarity(report("a", "d1", background=None), report("b", "d2")) is not None
    cluster = Cluster("c1", "k1", ["a", "b"], {"a": 0.9, "b": 0.9})
    mixed = merge_record(cluster, [report("a", "d1", **recall), report("b", "d2")])
    both = merge_record(cluster, [report("a", "d1", **recall), report("b", "d2", **recall)])
    assert (mixed.background, both.background, both.aggregate) == (False, True, False)


def test_swapped_actors_still_match() -> None:
    a = report(
        "a",
        "d1",
        actor1_name="army",
        actor1_id="IQ-MIL",
        actor2_name="Islamic State",
        actor2_id="ISIS",
    )
    b = report(
        "b",
        "d2",
        actor2_name="army",
        actor2_id="IQ-MIL",
        actor1_name="Islamic State",
        actor1_id="ISIS",
    )
    direct = similarity(a, a.__class__(**{**_fields(a), "event_id": "c", "doc_id": "d3"}))
    swapped = similarity(a, b)
    assert swapped is not None and direct is not None and swapped < direct


def _fields(e: ReportEvent) -> dict[str, Any]:
    return {name: getattr(e, name) for name in e.__slots__}  # type: ignore[attr-defined]


def test_complete_linkage_does_not_chain() -> None:
    # b is compatible with a and with c, but a and c are 40 km apart (> 25 km for towns
    # without identifiers): b joins one of them, never both.
    a = report("a", "d1", location_name=None, lat=33.30, lon=44.20)
    b = report("b", "d2", location_name=None, lat=33.30, lon=44.41)
    c = report("c", "d3", location_name=None, lat=33.30, lon=44.63)
    clusters = cluster_events([a, b, c])
    assert sorted(len(cl.members) for cl in clusters) == [1, 2]
    assert len({cl.component_id for cl in clusters}) == 1
    assert [cl.members for cl in cluster_events([c, b, a])] == [cl.members for cl in clusters]


def test_options_from_settings_mapping() -> None:
    opts = DedupOptions.from_mapping({"km_precision1": 5, "merge_modalities": ["asserted"]})
    assert opts.km_precision1 == 5 and opts.merge_modalities == ("asserted",)
    assert DedupOptions.from_mapping(None) == DedupOptions()
    with pytest.raises(ConfigError, match="km_precison1"):
        DedupOptions.from_mapping({"km_precison1": 5})
