"""Issue 18, eleventh pass (helper h18j): wordings that kept one incident's reports apart.

Own sentences and places: a parent organisation's claim of its affiliate's massacre; a
statement that "it had carried out" the act with the toll in a relative clause; a habitual
word that qualifies a market, not the shooting; a capital named by its title only as the
reference point of the place ("north of the capital").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from conftest import TopEvent
from eventwire.dedup.actors import affiliated
from eventwire.dedup.merge import _fatalities, best_place, claimant_count, latest_toll
from eventwire.dedup.placewords import capital_by_title
from eventwire.dedup.rules import ReportEvent
from eventwire.records import Document
from eventwire.records.model import FatalityRange
from test_dedup_rules import day_report, linked  # similarity both ways, asserted symmetric

TUESDAY = date(2026, 3, 10)
KIVU_VILLAGE = {"location_name": "Lubero", "geonameid": 1, "lat": 0.16, "lon": 29.24,
                "admin1": "Nord Kivu", "country": "CD", "geo_precision": 1}  # fmt: skip
KILL = {"plover_mode": "kill", "acled_event_type": "Violence against civilians",
        "acled_sub_event_type": "Attack", "actor2_id": "GEN-CIVILIANS",
        "actor2_name": "Civilians", "actor2_inter": 7}  # fmt: skip


def event(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, TUESDAY, {"fatalities": 14}, KILL, KIVU_VILLAGE, **values)


ADF = {"actor1_id": "CD-ADF", "actor1_name": "Allied Democratic Forces", "actor1_inter": 2}
IS = {"actor1_id": "ISIS", "actor1_name": "Islamic State", "actor1_inter": 2,
      "actor1_claimed": True}  # fmt: skip


def test_a_parent_organisation_claims_its_affiliates_massacre() -> None:
    """ "ADF rebels killed 14 villagers in Lubero on Tuesday" and "Islamic State said its
    fighters had killed 16 Christians in Lubero on Tuesday": the claimant is the group's
    parent organisation, so the two named groups do not contradict each other."""
    lead = event("a", "d1", **ADF)
    claim = event("b", "d2", **IS, fatalities=16, published=date(2026, 3, 12))
    assert affiliated("id:CD-ADF", "id:ISIS") and affiliated("id:ISWAP", "id:ISIS")
    assert linked(lead, claim)


def test_two_affiliates_of_one_parent_stay_two_groups() -> None:
    """Guard: West Africa's and Khorasan's provinces share a parent, not an identity; and an
    unrelated group named by another report still contradicts the claim."""
    assert not affiliated("id:ISWAP", "id:ISKP")
    assert not affiliated("id:CD-ADF", "id:SO-SHABAAB")
    other = event("b", "d2", actor1_id="SO-SHABAAB", actor1_name="Al Shabaab", actor1_inter=2)
    assert not linked(event("a", "d1", **ADF), other)


def test_a_statement_that_it_had_carried_out_the_act_is_one_claimed_event(
    run_text: Callable[..., Document],
) -> None:
    """ "The Mai-Mai group said on Monday that it had carried out Saturday's attack on the army
    post in Lubero, which it said killed nine soldiers": one event (the attack, with the
    toll of its relative clause), its actor1 the claimant, marked claimed."""
    doc = run_text(
        "The Allied Democratic Forces said on Monday that it had carried out Saturday's "
        "attack on the army post in Lubero, which it said killed nine soldiers.",
        published="2026-03-09",
    )
    assert len(doc.events) == 1
    (ev,) = doc.events
    assert ev.actor1 is not None and ev.actor1.name == "Allied Democratic Forces"
    assert ev.actor1.claimed
    assert ev.fatalities is not None and ev.fatalities.best == 9
    assert ev.date is not None and ev.date.start == date(2026, 3, 7)


def test_a_statement_about_something_else_is_no_claim(
    run_text: Callable[..., Document],
) -> None:
    """Guard: "said that it had received reports" names no act carried out."""
    doc = run_text(
        "The Allied Democratic Forces said on Monday that it had received reports of a "
        "raid on the army post in Lubero on Saturday that killed nine soldiers.",
        published="2026-03-09",
    )
    assert not any(e.actor1 is not None and e.actor1.claimed for e in doc.events)


def test_a_weekly_market_is_no_habitual_shooting(top_event: TopEvent) -> None:
    """ "opened fire on a weekly livestock market": the market is held weekly; the shooting
    happened once, on Thursday."""
    ev = top_event(
        "Gunmen opened fire on a weekly livestock market in Dori on Thursday, killing "
        "eight traders, officials said."
    )
    assert ev is not None and ev.modality == "asserted"


def test_a_weekly_raid_stays_habitual(top_event: TopEvent) -> None:
    """Guard: the habitual word qualifies the act itself ("weekly raids", "every week")."""
    ev = top_event("Gunmen carry out weekly raids on villages near Dori, residents say.")
    assert ev is not None and ev.modality == "habitual"


BAGHDAD = {"location_name": "Baghdad", "geonameid": 98182, "lat": 33.34, "lon": 44.40,
           "admin1": "Mayorality of Baghdad", "country": "IQ", "geo_precision": 1}  # fmt: skip
TARMIYAH = {"location_name": "Tarmiyah", "geonameid": 2, "lat": 33.67, "lon": 44.39,
            "admin1": "Mayorality of Baghdad", "country": "IQ", "geo_precision": 1}  # fmt: skip
CLASH = {"plover_mode": "clash", "acled_event_type": "Battles",
         "acled_sub_event_type": "Armed clash", "actor2_id": "IQ-MIL",
         "actor2_name": "Military Forces of Iraq", "actor2_inter": 1, "fatalities": 3}  # fmt: skip


def test_a_capital_named_by_its_title_is_only_a_reference_point() -> None:
    """ "Three soldiers died when gunmen fired on their post north of the capital" (placed at
    Baghdad, whose name the sentence lacks) and "IS militants attacked an army post in
    Tarmiyah, killing three soldiers" (37 km away, same province): one place."""
    near = event(
        "a", "d1", **CLASH, **BAGHDAD,
        sentence="Three soldiers died when gunmen fired on their post north of the capital.",
    )  # fmt: skip
    town = event(
        "b", "d2", **CLASH, **TARMIYAH, actor1_id="ISIS", actor1_name="Islamic State",
        actor1_inter=2, sentence="IS militants attacked an army post in Tarmiyah.",
    )  # fmt: skip
    assert capital_by_title(near) and not capital_by_title(town)
    assert linked(near, town)


def test_a_capital_named_by_name_is_the_place() -> None:
    """Guard: "north of Baghdad" at precision 1 with its name, or "in the capital" with no
    direction, is no title-only reference; two named places stay two incidents."""
    named = event(
        "a", "d1", **CLASH, **BAGHDAD,
        sentence="Three soldiers died when gunmen fired on their post in Baghdad.",
    )  # fmt: skip
    inside = event(
        "c", "d3", **CLASH, **BAGHDAD,
        sentence="Three soldiers died when gunmen fired on their post in the capital.",
    )  # fmt: skip
    town = event("b", "d2", **CLASH, **TARMIYAH, sentence="Gunmen attacked a post in Tarmiyah.")
    assert not capital_by_title(named) and not capital_by_title(inside)
    assert not linked(named, town) and not linked(inside, town)


NOWHERE = {"location_name": None, "geonameid": None, "lat": None, "lon": None,
           "admin1": None, "country": None, "geo_precision": None,
           "place_fallback": None}  # fmt: skip
KANYATSI = "ADF rebels killed 14 civilians in Kanyatsi, in Lubero territory, on Tuesday night."


def test_a_claim_placed_nowhere_joins_its_affiliates_report_by_the_village_named() -> None:
    """ "ADF rebels killed 14 civilians in Kanyatsi, in Lubero territory, on Tuesday night"
    and, the next day, "Islamic State said its fighters had killed Christians in the village
    of Kanyatsi on Tuesday" (a village the gazetteer lacks: no place; a toll guessed from a
    bare plural): the parent's claim of the same day names the same village."""
    lead = event(
        "a", "d1", **ADF,
        sentence=KANYATSI,
    )  # fmt: skip
    claim = event(
        "b", "d2", **IS, **NOWHERE, fatalities=10, published=date(2026, 3, 11),
        sentence="Islamic State said its fighters had killed Christians in the village of "
        "Kanyatsi on Tuesday.",
    )  # fmt: skip
    assert linked(lead, claim)


def test_an_unnamed_attacker_placed_nowhere_needs_the_same_dead() -> None:
    """Guard: the same village word and day, but "gunmen" (no named group) and a toll that
    does not agree: nothing says one incident."""
    lead = event(
        "a", "d1", **ADF,
        sentence=KANYATSI,
    )  # fmt: skip
    other = event(
        "b", "d2", **NOWHERE, fatalities=10, published=date(2026, 3, 11),
        actor1_id="GEN-UAG", actor1_name="Unidentified Armed Group", actor1_inter=3,
        sentence="Gunmen killed villagers in the village of Kanyatsi on Tuesday.",
    )  # fmt: skip
    assert not linked(lead, other)


def test_a_claim_of_a_days_act_names_the_claimant(
    run_text: Callable[..., Document],
) -> None:
    """ "The Allied Democratic Forces claimed Saturday's raid on the army post in Lubero that
    killed nine soldiers": the possessive day between "claimed" and the act ("claimed the
    raid" was a cue, "claimed Saturday's raid" was not)."""
    doc = run_text(
        "The Allied Democratic Forces claimed Saturday's raid on the army post in Lubero "
        "that killed nine soldiers.",
        published="2026-03-09",
    )
    assert len(doc.events) == 1
    (ev,) = doc.events
    assert ev.actor1 is not None and ev.actor1.name == "Allied Democratic Forces"
    assert ev.actor1.claimed


def test_a_speakers_claim_about_the_act_names_no_attacker(
    run_text: Callable[..., Document],
) -> None:
    """Guard: "The army claimed Saturday's raid … had been repelled": the army speaks of the
    raid; it is not the raid's actor1."""
    doc = run_text(
        "The army claimed Saturday's raid on the post in Lubero had been repelled, killing "
        "nine attackers.",
        published="2026-03-09",
    )
    assert doc.events
    assert all(e.actor1 is None or "Military" not in e.actor1.name for e in doc.events)


def test_a_claimants_own_count_is_not_the_latest_toll() -> None:
    """The lead's 14 dead, then the group's statement "that it had carried out Thursday's
    attack on the camp in Lubero, which it said killed 40 soldiers": the claimant's count
    is kept as the high, not taken as the canonical best."""
    lead = event("a", "d1", **ADF, fatalities=14, sentence="A bomb killed 14 recruits.")
    claim = event(
        "b", "d2", **ADF, fatalities=40, actor1_claimed=True, published=date(2026, 3, 11),
        sentence="The ADF said it had carried out Tuesday's attack on the camp in Lubero, "
        "which it said killed 40 soldiers.",
    )  # fmt: skip
    assert claimant_count(claim) and not claimant_count(lead)
    assert latest_toll([lead, claim]) is lead
    assert _fatalities([lead, claim]) == FatalityRange(best=14, low=14, high=40)


def test_another_speakers_toll_in_a_claim_is_an_update() -> None:
    """Guard: "…, which the government said killed 16": the toll is not the claimant's."""
    lead = event("a", "d1", **ADF, fatalities=14, sentence="A bomb killed 14 recruits.")
    claim = event(
        "b", "d2", **ADF, fatalities=16, actor1_claimed=True, published=date(2026, 3, 11),
        sentence="The ADF said its fighters had carried out Tuesday's attack on the camp, "
        "which the government said killed 16 soldiers.",
    )  # fmt: skip
    assert not claimant_count(claim)
    assert latest_toll([lead, claim]) is claim


PAKISTAN = {"location_name": "Pakistan", "geonameid": 1168579, "lat": 30.0, "lon": 70.0,
            "admin1": None, "country": "PK", "geo_precision": 4}  # fmt: skip
DIKHAN = {"location_name": "Dera Ismail Khan", "geonameid": 1180281, "lat": 31.83,
          "lon": 70.9, "admin1": "Khyber Pakhtunkhwa", "country": "PK",
          "geo_precision": 2}  # fmt: skip


def test_reports_placed_only_in_the_country_support_the_town() -> None:
    """Two reports of a checkpoint attack "in northwest Pakistan" (placed at the country)
    and one at Dera Ismail Khan: the country holds the town, so the canonical place is the
    town, not the country the two coarse reports outnumber it with."""
    town = event("a", "d1", **DIKHAN)
    coarse = [event("b", "d2", **PAKISTAN), event("c", "d3", **PAKISTAN)]
    assert best_place([*coarse, town]) is town


def test_a_country_does_not_support_a_town_abroad() -> None:
    """Guard: a town of another country is not held by the reports' country."""
    abroad = event("a", "d1", **{**DIKHAN, "country": "AF"})
    coarse = [event("b", "d2", **PAKISTAN), event("c", "d3", **PAKISTAN)]
    best = best_place([*coarse, abroad])
    assert best is not None and best.country == "PK"


def test_a_claimed_act_at_an_unknown_village_is_no_talk(
    run_text: Callable[..., Document],
) -> None:
    """ "The Mai-Mai Kyandenga said on Sunday that it had carried out Friday's attack on the
    police station in Kavuvu": the act's village is not in the gazetteer and the claim gives
    no toll, but the claim asserts the act; it is not vague talk (``generic``)."""
    doc = run_text(
        "The Mai-Mai Kyandenga said on Sunday that it had carried out Friday's attack on the "
        "police station in Kavuvu.",
        published="2026-03-09",
    )
    assert [e.modality for e in doc.events] == ["asserted"]


def test_a_claim_with_no_toll_joins_the_act_by_the_village_it_names() -> None:
    """The lead ("FARC dissidents attacked the police station in Kavuvu on Tuesday, killing
    two officers", placed at the municipality) and the claim of the next day placed nowhere
    ("the front said it had carried out Tuesday's attack on the police station in Kavuvu"):
    the claim's village word and day are the lead's; it has no dead of its own to compare."""
    lead = event(
        "a", "d1", fatalities=2,
        sentence="FARC dissidents attacked the police station in Kavuvu on Tuesday, killing "
        "two officers.",
    )  # fmt: skip
    claim = event(
        "b", "d2", **NOWHERE, fatalities=None, actor1_claimed=True,
        actor1_id="GEN-UAG", actor1_name="Unidentified Armed Group", actor1_inter=3,
        published=date(2026, 3, 11),
        sentence="The front said it had carried out Tuesday's attack on the police station "
        "in Kavuvu.",
    )  # fmt: skip
    assert linked(lead, claim)
    guard = event("c", "d3", **{**NOWHERE, "fatalities": None, "actor1_id": "GEN-UAG",
                                "actor1_name": "Unidentified Armed Group", "actor1_inter": 3},
                  sentence="Gunmen attacked a police station in Kavuvu on Tuesday.")  # fmt: skip
    assert not linked(lead, guard)  # no claim, no named group, no dead: no evidence
