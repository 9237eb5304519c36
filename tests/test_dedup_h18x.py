"""Issue 18, twenty-third pass (helper h18x): a toll update meets every cluster of its day in
the greedy pass; a dateline "TOWN, Country -" and a short all-caps dateline town ("ADEN") are
read as the report's filing place.

Own sentences; invented places (Korla, Dastan) where the rule reads no gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from conftest import multi_outlet_groups
from eventwire.dedup.linkage import cluster_events
from eventwire.dedup.rules import ReportEvent
from eventwire.records import Document
from test_dedup_rules import day_report

SUNDAY = date(2029, 4, 1)
KORLA = {"location_name": "Korla", "geonameid": 91, "lat": 12.1, "lon": 30.2,
         "admin1": "Vetra", "country": "SD", "geo_precision": 1}  # fmt: skip
DASTAN = {"location_name": "Dastan", "geonameid": 92, "lat": 12.4, "lon": 30.5,
          "admin1": "Vetra", "country": "SD", "geo_precision": 2}  # fmt: skip
CIVILIANS = {"actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7}


def event(event_id: str, *defaults: dict[str, Any], **values: Any) -> ReportEvent:
    return day_report(event_id, "d-" + event_id, SUNDAY, *defaults, **values)


# --- a toll update meets every cluster of its day ----------------------------------------------


def test_a_toll_update_joins_the_report_of_its_own_place_not_the_first_of_its_day() -> None:
    # the update sorts first by id: on main it took the shelling, the only cluster open
    update = event("a-update", KORLA, CIVILIANS, plover_mode="aerial", geo_precision=2,
                   place_fallback="document", published=SUNDAY + timedelta(days=1),
                   fatalities=10, trigger_text="drone strike",
                   fatalities_text="raised the death toll from Sunday's drone strike on a "
                   "fishing boat to 10")  # fmt: skip
    shelling = event(
        "b-shelling",
        DASTAN,
        CIVILIANS,
        plover_mode="artillery",
        fatalities=2,
        fatalities_text="killed two children",
        trigger_text="shelling",
    )
    strike = event(
        "c-strike",
        KORLA,
        CIVILIANS,
        plover_mode="aerial",
        fatalities=6,
        fatalities_text="killing six fishermen",
        trigger_text="drone",
    )
    groups = {frozenset(c.members) for c in cluster_events([update, shelling, strike])}
    assert groups == {frozenset({"a-update", "c-strike"}), frozenset({"b-shelling"})}


def test_dev_set_am_the_mokha_toll_update_joins_mokha(run_text: Callable[..., Document]) -> None:
    groups, _incident = multi_outlet_groups(run_text, "am")
    assert any({"ys-0107-mokha", "gw-0108-mokha-toll"} <= members for members in groups)
    hays = next(m for m in groups if "ys-0107-hays" in m)
    assert hays == {"ys-0107-hays"}


# --- datelines ---------------------------------------------------------------------------------


def test_a_short_dateline_town_before_its_country_is_the_filing_place(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("ADEN, Yemen - Port officials said a drone struck a fuel tanker on Tuesday, "
                   "killing three sailors.", published="2029-04-04")  # fmt: skip
    place = doc.events[0].location
    assert place is not None and place.name == "Aden" and place.fallback == "document"


def test_a_dateline_town_country_and_agency_is_the_filing_place(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("KIDAL, Mali (AP) - A roadside bomb killed four soldiers on a supply run "
                   "on Tuesday, officials said.", published="2029-04-04")  # fmt: skip
    place = doc.events[0].location
    assert place is not None and place.name == "Kidal" and place.fallback == "document"


def test_a_sentence_opening_acronym_is_still_no_place(run_text: Callable[..., Document]) -> None:
    doc = run_text("ISWAP, the jihadist group, said its fighters killed four soldiers in "
                   "Marte on Tuesday.", published="2029-04-04")  # fmt: skip
    place = doc.events[0].location
    assert place is not None and place.name == "Marte"
