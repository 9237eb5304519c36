"""Issue 18, ninth pass (helper h18h): toll updates told days later, placed nowhere.

"The death toll from Monday night's attack on Kwall climbed to 16 on Wednesday" names the
village only after "attack on" (a locative word now: dedup words ``locative_words``), is
dated by the incident it names (the dates stage), and joins both outlets' first reports
although they gave two tolls (9 and 11) at the state only: a link dropped for a report that
tells the same dead (``prefer_agreeing_tolls``) stays when the two other reports may be one
incident. Own sentences, three one-at-a-time arrival orders.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from conftest import canonical
from eventwire.dedup.linkage import prefer_agreeing_tolls
from eventwire.dedup.placewords import place_words
from eventwire.dedup.rules import DedupOptions, ReportEvent
from eventwire.records import Document

MONDAY = date(2021, 5, 3)
PLATEAU = [
    ("pp-0504-kwall", "2021-05-04", "Highland Courier",
     "JOS, May 4 (Highland Courier) - Gunmen killed nine villagers in the village of Kwall in "
     "Plateau state late on Monday, police said."),
    ("mb-0504-kwall", "2021-05-04", "Middle Belt News",
     "Suspected bandits stormed a farming village in central Nigeria's Plateau state on Monday "
     "night and killed at least 11 people, residents said."),
    ("pp-0505-kwall", "2021-05-05", "Highland Courier",
     "The death toll from Monday night's attack on Kwall climbed to 16 on Wednesday as more "
     "bodies were recovered, a community leader said."),
    ("pp-0504-riyom", "2021-05-04", "Highland Courier",
     "JOS, May 4 (Highland Courier) - A farmer was shot dead by gunmen on his farm in Riyom, "
     "Plateau state, on Monday morning, police said."),
]  # fmt: skip


@pytest.fixture(scope="module")
def plateau_docs(run_text: Callable[..., Document]) -> list[Document]:
    return [
        run_text(text, published=pub, source=src, source_id=sid) for sid, pub, src, text in PLATEAU
    ]


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [2, 3, 1, 0], [3, 1, 0, 2]])
def test_a_raid_told_by_two_outlets_and_a_toll_update_is_one_incident(
    plateau_docs: list[Document], order: list[int]
) -> None:
    ids = {d.doc_id: str(d.source_id) for d in plateau_docs}
    records = canonical(plateau_docs, [[i] for i in order])  # one report at a time
    groups = [{ids[r["doc_id"]] for r in rec["reports"]} for rec in records]
    assert {"pp-0504-kwall", "mb-0504-kwall", "pp-0505-kwall"} in groups
    assert {"pp-0504-riyom"} in groups  # that morning, another village: another incident
    kwall = next(r for r in records if len(r["reports"]) == 3)
    assert kwall["fatalities"]["best"] == 16 and kwall["n_sources"] == 2


def test_a_place_named_after_an_attack_on_is_a_place_word() -> None:
    told = ReportEvent(
        "e",
        "d",
        "ASSAULT",
        sentence="The toll from Tuesday's raid on Dogon Dawa rose to 12, an official said.",
    )
    assert place_words(told) == {"dogon"}


def _report(event_id: str, **values: Any) -> ReportEvent:
    base: dict[str, Any] = {
        "plover_type": "ASSAULT",
        "plover_mode": "kill",
        "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack",
        "date_start": MONDAY,
        "date_end": MONDAY,
        "date_precision": "day",
        "published": date(2021, 5, 4),
        "location_name": "Plateau",
        "country": "NG",
        "admin1": "Plateau",
        "lat": 9.2,
        "lon": 9.5,
        "geo_precision": 3,
        "actor2_id": "civilians",
        "actor2_name": "Civilians",
        "actor2_inter": 7,
    }
    base.update(values)
    return ReportEvent(event_id, event_id, **base)


def test_a_link_to_a_report_of_another_toll_stays_when_both_may_be_one_incident() -> None:
    nine, eleven = _report("a", fatalities=9), _report("b", fatalities=11)
    update = _report(
        "c",
        fatalities=16,
        published=date(2021, 5, 5),
        location_name=None,
        admin1=None,
        country=None,
        lat=None,
        lon=None,
        geo_precision=None,
    )
    by_id = {e.event_id: e for e in (nine, eleven, update)}
    edges = {("a", "b"): 0.8, ("a", "c"): 0.7}
    assert prefer_agreeing_tolls(by_id, edges, DedupOptions()) == edges
