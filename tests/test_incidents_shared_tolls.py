"""A toll told in a sentence that names several incidents' places is their total (issue 15):
an incident with a toll of its own keeps its own. Our own sentences."""

from __future__ import annotations

from eventwire.pipeline.incidents.tolls import own_tolls, shared_sentences
from eventwire.records import Event, Fatalities, Sentence, Span


def _sentences(*texts: str) -> list[Sentence]:
    out, start = [], 0
    for text in texts:
        out.append(Sentence(start=start, end=start + len(text), text=text))
        start += len(text) + 1
    return out


def _event(sentence: int, best: int | None) -> Event:
    toll = (
        None if best is None else Fatalities(best=best, start=sentence * 10, end=sentence * 10 + 2)
    )
    return Event(
        doc_id="d",
        trigger=Span(0, 1, "trigger", "x"),
        sentence_index=sentence,
        plover_type="ASSAULT",
        fatalities=toll,
    )


SENTENCES = _sentences(
    "Shells hit Kadugli and Dilling on Monday, killing nine people.",
    "In Kadugli, five people died at the market.",
    "In Dilling, four were killed at a school.",
)


def test_a_sentence_naming_another_incidents_place_is_shared() -> None:
    shared = shared_sentences([{"Kadugli"}, {"Dilling"}], SENTENCES)
    assert shared == [{0, 2}, {0, 1}]


def test_an_incident_with_its_own_toll_leaves_the_total() -> None:
    tolls = own_tolls([_event(0, 9), _event(1, 5)], {0, 2})
    assert [t.best for t in tolls] == [5]


def test_the_total_stays_when_it_is_the_only_toll() -> None:
    tolls = own_tolls([_event(0, 9), _event(1, None)], {0, 2})
    assert [t.best for t in tolls] == [9]


def test_one_incident_shares_nothing() -> None:
    assert shared_sentences([{"Kadugli"}], SENTENCES) == [set()]
