"""Issue 18, twenty-fourth pass (helper h18y): a later report's higher toll with no update
words, whose victims the coder read as another kind of people, is not an update of the
earlier toll (two incidents of one town and day).

Own sentences; invented places (Velmar) where the rule reads no gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from conftest import multi_outlet_groups
from eventwire.config import DedupOptions
from eventwire.dedup.rules import ReportEvent, compare
from eventwire.dedup.tolls import toll_link
from eventwire.records import Document
from test_dedup_rules import day_report

FRIDAY = date(2029, 5, 4)
VELMAR = {"location_name": "Velmar", "geonameid": 93, "lat": -1.1, "lon": -80.4,
          "admin1": "Orla", "country": "EC", "geo_precision": 1}  # fmt: skip
GUNMEN = {"actor1_id": "GEN-UNIDENTIFIED", "actor1_name": "Unidentified Armed Group",
          "actor1_inter": 3, "actor1_text": "gunmen"}  # fmt: skip


def event(event_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, "d-" + event_id, FRIDAY, VELMAR, GUNMEN, *defaults, **values)


def guard() -> ReportEvent:
    return event("a-guard", actor2_id="EC-POLICE", actor2_name="Police Forces of Ecuador",
                 actor2_inter=1, actor2_text="A prison guard", fatalities=1,
                 fatalities_text="A prison guard was shot dead")  # fmt: skip


def diners(text: str) -> ReportEvent:
    return event("b-diners", actor2_id="GEN-CIVILIANS", actor2_name="Civilians",
                 actor2_inter=7, actor2_text="Four diners", fatalities=4,
                 fatalities_text=text, published=FRIDAY + timedelta(days=1))  # fmt: skip


def test_a_next_day_toll_of_other_victims_is_no_update() -> None:
    later = diners("Four diners were shot dead")
    assert toll_link(guard(), later, DedupOptions()) is None
    assert compare(guard(), later) is None


def test_a_next_day_toll_with_update_words_still_raises_the_earlier_one() -> None:
    later = diners("the death toll has risen to four")
    toll = toll_link(guard(), later, DedupOptions())
    assert toll is not None and toll[0] == 0.8


def test_a_next_day_toll_of_the_same_kind_of_victims_still_raises_it() -> None:
    earlier = event("c-one", actor2_id="GEN-CIVILIANS", actor2_name="Civilians",
                    actor2_inter=7, actor2_text="A diner", fatalities=1,
                    fatalities_text="A diner was shot dead")  # fmt: skip
    toll = toll_link(earlier, diners("Four diners were shot dead"), DedupOptions())
    assert toll is not None and toll[0] == 0.8


def test_dev_set_an_the_manta_cockfight_stays_apart_from_the_officer(
    run_text: Callable[..., Document],
) -> None:
    groups, _incident = multi_outlet_groups(run_text, "an")
    officer = next(m for m in groups if "ec-0210-manta-officer" in m)
    assert officer == {"ec-0210-manta-officer"}


# --- a victim read from a pronoun names no one ---------------------------------------------------


def test_a_victim_read_from_a_pronoun_contradicts_no_named_victim() -> None:
    officer = event("a-officer", actor2_id="EC-POLICE", actor2_name="Police Forces of Ecuador",
                    actor2_inter=1, actor2_text="a police officer", fatalities=1,
                    fatalities_text="shot dead a police officer")  # fmt: skip
    him = event("b-him", actor2_id="GEN-CIVILIANS", actor2_name="Civilians", actor2_inter=7,
                actor2_text="him", fatalities=1,
                fatalities_text="A policeman was killed")  # fmt: skip
    assert compare(officer, him) is not None


def test_dev_set_ab_the_quetta_officer_is_one_event(run_text: Callable[..., Document]) -> None:
    groups, _incident = multi_outlet_groups(run_text, "ab")
    assert any({"bt-0221-quetta", "pd-0221-quetta"} <= members for members in groups)
