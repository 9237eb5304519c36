"""Cross-report identity rules (dedup/rules.py) and the canonical merge (dedup/merge.py).

Report events are built by hand: each test changes one thing about a second report of one
incident and says whether the two may still be one event.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from eventwire.dedup.linkage import Cluster, cluster_events
from eventwire.dedup.merge import merge_record
from eventwire.dedup.rules import ReportEvent, compare, similarity, time_of_day

SATURDAY = date(2024, 6, 8)
KIRKUK = {
    "location_name": "Kirkuk",
    "geonameid": 94787,
    "lat": 35.4681,
    "lon": 44.3922,
    "admin1": "Kirkuk",
    "country": "IQ",
    "geo_precision": 1,
}


BOMBING = {
    "plover_mode": "explosives",
    "acled_event_type": "Explosions/Remote violence",
    "acled_sub_event_type": "Remote explosive/landmine/IED",
}


def day_report(
    event_id: str, doc_id: str, day: date, *defaults: dict[str, Any], **values: Any
) -> ReportEvent:
    """A report event published and dated on ``day``, placed from its own clause (an
    ASSAULT): each dedup test file's builder, with its own ``defaults`` (field mappings,
    later ones winning) and the test's ``values`` over them."""
    base: dict[str, Any] = {
        "plover_type": "ASSAULT",
        "date_start": day,
        "date_end": day,
        "date_precision": "day",
        "published": day,
        "place_fallback": "clause",
    }
    for fields in defaults:
        base.update(fields)
    base.update(values)
    return ReportEvent(event_id, doc_id, **base)


def report(event_id: str, doc_id: str, **values: Any) -> ReportEvent:
    return day_report(event_id, doc_id, SATURDAY, BOMBING, KIRKUK, **values)


def linked(a: ReportEvent, b: ReportEvent) -> bool:
    one, two = similarity(a, b) is not None, similarity(b, a) is not None
    assert one is two  # symmetric
    return one


def test_a_province_level_report_fits_a_town_of_that_province() -> None:
    town = report("a", "d1")
    province = report(
        "b", "d2", location_name="Kirkuk Governorate", geonameid=None, geo_precision=3,
        lat=35.3, lon=44.2,
    )  # fmt: skip
    elsewhere = dataclasses.replace(province, admin1="Nineveh", lat=36.3, lon=43.1)
    assert linked(town, province)
    assert not linked(town, elsewhere)
    link = compare(town, province)
    assert link is not None and any("lies in" in r for r in link.reasons)


def test_a_place_read_off_the_sentence_is_weak_evidence() -> None:
    # "on the road between Mogadishu and Afgoye": the sentence names the capital too
    afgoye = report(
        "a", "d1", location_name="Afgooye", geonameid=65785, lat=2.1381, lon=45.1212,
        admin1="Lower Shabeelle", country="SO", geo_precision=2,
    )  # fmt: skip
    capital = report(
        "b", "d2", location_name="Mogadishu", geonameid=53654, lat=2.0371, lon=45.3438,
        admin1="Banaadir", country="SO", geo_precision=1, place_fallback="sentence",
    )  # fmt: skip
    assert linked(afgoye, capital)
    # the same two places, each in its event's own clause: two places, two events
    assert not linked(afgoye, dataclasses.replace(capital, place_fallback="clause"))


def test_two_towns_stay_apart() -> None:
    other = report("b", "d2", location_name="Hawija", geonameid=99072, lat=35.33, lon=43.77)
    assert not linked(report("a", "d1"), other)


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("on Saturday morning", "on Saturday evening", False),
        ("early on Saturday at dawn", "late on Saturday night", False),
        ("on Saturday morning", "around noon on Saturday", True),  # next parts: may be one
        ("on Saturday morning", "on Saturday", True),  # one report does not say
    ],
)
def test_time_of_day(first: str, second: str, merged: bool) -> None:
    a, b = report("a", "d1", date_text=first), report("b", "d2", date_text=second)
    assert linked(a, b) is merged


def test_time_of_day_reads_the_date_words_then_the_sentence() -> None:
    assert time_of_day(report("a", "d1", date_text="Monday evening")) == 2
    assert time_of_day(report("a", "d1", sentence="A blast at dawn killed three.")) == 0
    assert time_of_day(report("a", "d1", sentence="It went off in the morning or evening.")) is None


@pytest.mark.parametrize(
    ("mode", "sub_type", "merged"),
    [
        ("suicide", "Suicide bomb", True),  # a bomb attack / a suicide bombing: one family
        ("grenade", "Grenade", True),
        ("kill", "Attack", False),  # a bombing and a shooting
        ("aerial", "Air/drone strike", False),
    ],
)
def test_type_family(mode: str, sub_type: str, merged: bool) -> None:
    other = report("b", "d2", plover_mode=mode, acled_sub_event_type=sub_type)
    if mode == "kill":
        other = dataclasses.replace(other, acled_event_type="Violence against civilians")
    assert linked(report("a", "d1"), other) is merged


@pytest.mark.parametrize(
    ("actor", "merged"),
    [
        (
            {"actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group", "actor1_inter": 3},
            True,
        ),
        ({"actor1_id": "IQ-POL", "actor1_name": "Police Forces of Iraq", "actor1_inter": 1}, False),
        ({"actor1_id": "PKK", "actor1_name": "PKK", "actor1_inter": 2}, False),
        ({}, True),  # unknown is compatible with known
    ],
)
def test_unknown_and_generic_attackers_fit_a_named_one(actor: dict[str, Any], merged: bool) -> None:
    named = report("a", "d1", actor1_id="ISIS", actor1_name="Islamic State", actor1_inter=2)
    assert linked(named, report("b", "d2", **actor)) is merged


@pytest.mark.parametrize(
    ("first", "second", "published", "merged"),
    [
        (3, 5, date(2024, 6, 9), True),  # "the toll has risen to five" the next day
        (3, 40, date(2024, 6, 9), True),  # a toll may rise far, later
        (3, 40, SATURDAY, False),  # the same day: two incidents
        (40, 3, date(2024, 6, 9), False),  # a later toll far below an earlier one
        (10, 12, SATURDAY, True),
    ],
)
def test_tolls(first: int, second: int, published: date, merged: bool) -> None:
    a = report("a", "d1", fatalities=first)
    b = report("b", "d2", fatalities=second, published=published)
    assert linked(a, b) is merged


def test_event_dates_are_compared_not_publication_dates() -> None:
    lead = report("a", "d1")
    update = report("b", "d2", published=date(2024, 6, 10))  # Monday: "Saturday's bombing"
    assert linked(lead, update)
    other_day = report("c", "d3", date_start=date(2024, 6, 10), date_end=date(2024, 6, 10))
    assert not linked(lead, other_day)


def test_one_report_telling_one_incident_twice() -> None:
    town = report("a", "d1", geo_precision=2, fatalities=5)
    village = report(
        "b", "d1", location_name="Lafoole", geonameid=None, lat=35.52, lon=44.45, geo_precision=2
    )
    assert linked(town, village)
    assert not linked(town, dataclasses.replace(village, fatalities=3))  # ACLED-like split rows
    other = report("c", "d2", fatalities=7, published=date(2024, 6, 9))
    clusters = cluster_events([town, village, other])
    assert [sorted(c.members) for c in clusters] == [["a", "b", "c"]]


def test_the_canonical_record_takes_the_claim_the_victim_and_the_latest_toll() -> None:
    lead = report(
        "a", "d1", actor1_id="GEN-UAG", actor1_name="Unidentified Armed Group", actor1_inter=3,
        actor2_id="IQ-POL", actor2_name="Police Forces of Iraq", actor2_inter=1, fatalities=3,
        source="Tigris Wire",
    )  # fmt: skip
    victim_first = report(
        "b", "d2", actor1_id="IQ-POL", actor1_name="Police Forces of Iraq", actor1_inter=1,
        fatalities=3, source="Euphrates Daily",
    )  # fmt: skip
    update = report(
        "c", "d3", actor1_id="ISIS", actor1_name="Islamic State", actor1_inter=2,
        actor1_claimed=True, fatalities=5, fatalities_text="has risen to five",
        published=date(2024, 6, 9), source="Levant Observer", place_fallback="sentence",
        location_name="Baghdad", geonameid=98182, lat=33.34, lon=44.40, admin1="Baghdad",
    )  # fmt: skip
    cluster = Cluster("k", "c", ["a", "b", "c"], {"a": 0.8, "b": 0.8, "c": 0.8})
    rec = merge_record(cluster, [update, victim_first, lead])
    assert rec.actor1 is not None and rec.actor1.name == "Islamic State" and rec.actor1.claimed
    assert rec.actor2 is not None and rec.actor2.name == "Police Forces of Iraq"
    assert rec.fatalities is not None and (rec.fatalities.best, rec.fatalities.low) == (5, 3)
    assert rec.location is not None and rec.location.name == "Kirkuk"  # two reports say so
    assert (rec.n_reports, rec.n_sources) == (3, 3)
    assert [r.event_id for r in rec.merge_reasons] == ["a", "b", "c"]
    assert rec.merge_reasons[0].linked_to is None
    assert rec.reports[0].sentence is None and rec.reports[2].location_name == "Baghdad"


def test_a_report_naming_the_attacker_beats_a_claim() -> None:
    own = report("a", "d1", actor1_id="ISIS", actor1_name="Islamic State", actor1_inter=2)
    claim = report("b", "d2", actor1_id="ISIS", actor1_name="Islamic State", actor1_claimed=True)
    rec = merge_record(Cluster("k", "c", ["a", "b"], {"a": 0.9, "b": 0.9}), [own, claim])
    assert rec.actor1 is not None and rec.actor1.claimed is False


def test_other_victims_in_one_city_on_one_day_are_another_incident() -> None:
    market = report("a", "d1", actor2_id="GEN-CIVILIANS", actor2_name="Civilians", actor2_inter=7)
    barracks = report(
        "b", "d2", actor2_id="IQ-MIL", actor2_name="Military Forces of Iraq", actor2_inter=1
    )
    unknown = report("c", "d3")  # a report that does not say who was hit fits either
    assert not linked(market, barracks)
    assert linked(market, unknown) and linked(barracks, unknown)
    clusters = cluster_events([market, barracks, unknown])
    assert sorted(len(c.members) for c in clusters) == [1, 2]  # never all three


def test_a_date_read_off_the_attribution_is_the_day_the_source_spoke() -> None:
    """'fifteen died in the attack, officials said on Sunday': the incident may be Saturday's;
    an event's own 'on Sunday' is Sunday's, a day apart from Saturday's."""
    sunday = date(2024, 6, 9)
    lead = report("a", "d1")
    spoke = report("b", "d2", date_start=sunday, date_end=sunday, published=sunday)
    assert not linked(lead, spoke)
    said_on_sunday = dataclasses.replace(spoke, statement_date=True)
    assert linked(lead, said_on_sunday)
    link = compare(lead, said_on_sunday)
    assert link is not None and "the day a source spoke" in link.reasons[1]
    monday = date(2024, 6, 10)  # no incident comes after the day a source spoke of it
    later = dataclasses.replace(lead, date_start=monday, date_end=monday)
    assert not linked(later, said_on_sunday)


def test_one_toll_phrase_given_to_two_events_of_one_report_is_one_incident() -> None:
    sentence = "Fifteen people died in Saturday's attack by militants on a hotel in Kirkuk."
    death = report(
        "a", "d1", plover_mode="kill", acled_event_type="Violence against civilians",
        acled_sub_event_type="Attack", actor1_id="ISIS", actor1_name="Islamic State",
        actor1_inter=2, fatalities=15, fatalities_text="Fifteen people died", sentence=sentence,
    )  # fmt: skip
    misread = dataclasses.replace(
        death, event_id="b", plover_mode="clash", acled_event_type="Battles",
        acled_sub_event_type="Armed clash", actor1_id="GEN-RIOTERS", actor1_name="Rioters",
        actor1_inter=5,
    )  # fmt: skip
    assert linked(death, misread)
    other_toll = dataclasses.replace(misread, fatalities=3, fatalities_text="three policemen died")
    assert not linked(death, other_toll)  # one report, two tolls: two incidents
    elsewhere = dataclasses.replace(misread, location_name="Tikrit", geonameid=99072)
    assert not linked(death, elsewhere)
    another_report = dataclasses.replace(misread, doc_id="d2")
    assert not linked(death, another_report)  # across reports the actors still contradict


def test_the_dead_read_as_actor1_are_the_victims() -> None:
    """'Three police officers died when a bomb struck their vehicle' names no attacker."""
    police = {"actor_id": "IQ-POL", "name": "Police Forces of Iraq", "inter": 1}
    army = {"actor_id": "IQ-MIL", "name": "Military Forces of Iraq", "inter": 1}
    lead = report(
        "a", "d1", actor1_id="GEN-UAG", actor1_name="Unidentified Armed Group", actor1_inter=3,
        actor2_id=police["actor_id"], actor2_name=police["name"], actor2_inter=1, fatalities=3,
    )  # fmt: skip
    victims_first = report(
        "b", "d2", actor1_id=police["actor_id"], actor1_name=police["name"], actor1_inter=1,
        actor1_text="Three police officers", actor2_id=army["actor_id"],
        actor2_name=army["name"], actor2_inter=1, fatalities=3,
        fatalities_text="Three police officers died",
    )  # fmt: skip
    assert linked(lead, victims_first)
    attackers = dataclasses.replace(victims_first, fatalities_text="killing three people")
    assert not linked(lead, attackers)  # actor1 not among the dead: the police attacked


def test_late_on_a_day_is_the_evening() -> None:
    morning = report("a", "d1", date_text="on Friday morning")
    late = report("b", "d2", date_text="late on Friday")
    assert time_of_day(late) == 2 and not linked(morning, late)
    assert linked(report("c", "d3", date_text="on Friday night"), late)
    assert time_of_day(report("d", "d4", date_text="late on Friday night")) == 3


def test_a_coarse_place_of_no_province_fits_a_town_of_its_country() -> None:
    """'Mali's Gao region' read as Mali (its point the capital, far away): compatible with a
    town of Mali, a place match only when actors match too; never another country."""
    gao = {"location_name": "Ansongo", "geonameid": 2460954, "lat": 15.66, "lon": 0.50,
           "admin1": "Gao", "country": "ML", "geo_precision": 2}  # fmt: skip
    mali = {"location_name": "Mali", "geonameid": 2453866, "lat": 12.61, "lon": -7.98,
            "admin1": None, "country": "ML", "geo_precision": 3}  # fmt: skip
    gunmen = {"actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group", "actor1_inter": 3}
    town = report("a", "d1", **gao, **gunmen)
    country = report("b", "d2", **mali, **gunmen)
    assert linked(town, country)
    link = compare(town, country)
    assert link is not None and "names no province" in link.reasons[2]
    unnamed = dataclasses.replace(country, actor1_id=None, actor1_name=None, actor1_inter=None)
    assert not linked(town, unnamed)  # no place match and no actor match: no evidence
    assert not linked(town, dataclasses.replace(country, country="NE"))


def test_victims_no_words_name_contradict_no_other_report() -> None:
    """'The number of people killed … has risen to 13' (read as Civilians) and 'killing eight
    people including four soldiers' (the army): one bombing; named victims still differ."""
    soldiers = {"actor2_id": "SO-MIL", "actor2_name": "Military Forces of Somalia",
                "actor2_inter": 1, "actor2_text": "four soldiers"}  # fmt: skip
    people = {"actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7,
              "actor2_text": "people"}  # fmt: skip
    lead = report("a", "d1", **soldiers)
    update = report("b", "d2", **people)
    assert linked(lead, update)
    inferred = dataclasses.replace(update, actor2_text="")  # inferred from no words at all
    assert linked(lead, inferred)
    shoppers = dataclasses.replace(update, actor2_text="four shoppers")
    assert not linked(lead, shoppers)


BAGHDAD = {"location_name": "Baghdad", "geonameid": 98182, "lat": 33.3406, "lon": 44.4009,
           "admin1": "Mayorality of Baghdad", "country": "IQ", "geo_precision": 1,
           "city_km": 21.4}  # fmt: skip


def test_a_district_and_the_large_city_it_lies_in_are_one_place() -> None:
    """'Baghdad's Dora district' placed at Baghdad by one outlet and at Dora by another; a
    village as far from a town of 65,000 (no city radius) stays a different place."""
    city = report("a", "d1", **BAGHDAD, fatalities=2)
    dora = report(
        "b", "d2", location_name="Dora", geonameid=None, lat=33.2313, lon=44.362, admin1=None,
        country="IQ", geo_precision=2, fatalities=2,
    )  # fmt: skip
    assert linked(city, dora)
    link = compare(city, dora)
    assert link is not None and any("lies within Baghdad" in r for r in link.reasons)
    assert not linked(dataclasses.replace(city, city_km=None), dora)  # a small town
    far = dataclasses.replace(dora, lat=33.05, lon=44.10)  # 42 km out: outside the city
    assert not linked(city, far)
    other_province = dataclasses.replace(dora, admin1="Diyala")
    assert not linked(city, other_province)
    # the rest must agree: the same dead (or a later update), not only a day and a type
    assert not linked(city, dataclasses.replace(dora, fatalities=3))
    assert not linked(
        dataclasses.replace(city, fatalities=0), dataclasses.replace(dora, fatalities=0)
    )
    assert linked(city, dataclasses.replace(dora, fatalities=4, published=date(2024, 6, 9)))
    # a city as large as the other is no district of it
    assert not linked(city, dataclasses.replace(dora, geo_precision=1, city_km=21.4))


def test_the_city_radius_grows_with_its_population() -> None:
    from eventwire.dedup.cities import city_radius_km
    from eventwire.dedup.rules import DedupOptions

    opts = DedupOptions()
    assert 20 < city_radius_km(7_216_000, opts) < 23  # Baghdad
    assert city_radius_km(1_000_000, opts) < 9
    assert city_radius_km(65_000, opts) < 2.5


def test_a_hedged_or_thing_actor_contradicts_no_named_one() -> None:
    """'a suspected Boko Haram suicide bomber' and the next day's claim by ISWAP; 'the Djibo
    army base' read as an actor of its own and the army the other outlet names."""
    guess = report("a", "d1", actor1_id="NG-BH", actor1_name="Boko Haram", actor1_inter=2,
                   actor1_text="suspected Boko Haram")  # fmt: skip
    claim = report("b", "d2", actor1_id="ISWAP", actor1_name="ISWAP", actor1_inter=2,
                   actor1_claimed=True, actor1_text="ISWAP")  # fmt: skip
    assert linked(guess, claim)
    # unhedged too: outlets still name ISWAP's fighters by the movement it split from
    # (``kin_groups``); a third group's claim still contradicts them
    fighters = dataclasses.replace(guess, actor1_text="Boko Haram fighters")
    assert linked(fighters, claim)
    other = dataclasses.replace(claim, actor1_id="JNIM", actor1_name="JNIM", actor1_text="JNIM")
    assert not linked(fighters, other)
    rec = merge_record(Cluster("k", "c", ["a", "b"], {"a": 0.9, "b": 0.9}), [guess, claim])
    assert rec.actor1 is not None and rec.actor1.name == "ISWAP" and rec.actor1.claimed
    army = report("c", "d3", actor2_id="BF-MIL", actor2_name="Military Forces of Burkina Faso",
                  actor2_inter=1, actor2_text="14 soldiers")  # fmt: skip
    base = report("d", "d4", actor2_name="Djibo Army Base", actor2_inter=3,
                  actor2_text="the Djibo army base")  # fmt: skip
    assert linked(army, base)
    assert not linked(army, dataclasses.replace(base, actor2_text="the Djibo militia"))


def test_an_attack_word_naming_no_weapon_fits_any_weapon() -> None:
    """'ELN rebels attacked a base with explosives' / 'Thursday's attack by ELN rebels on a
    military post' (a clash by default); a shooting is still no bombing."""
    bombing = report("a", "d1", trigger_text="explosives")
    attack = report("b", "d2", plover_mode="clash", acled_event_type="Battles",
                    acled_sub_event_type="Armed clash", trigger_text="attack")  # fmt: skip
    assert linked(bombing, attack)
    assert not linked(bombing, dataclasses.replace(attack, trigger_text="opened fire"))
    rec = merge_record(Cluster("k", "c", ["a", "b"], {"a": 0.9, "b": 0.9}), [bombing, attack])
    assert rec.plover_mode == "explosives"  # the weapon, not the default


def test_a_toll_update_dates_its_day_not_the_incident() -> None:
    """'The death toll from Friday's bombing climbed to 17 on Saturday': Saturday is the
    update's day; the incident came then or before."""
    friday, saturday = date(2024, 3, 15), date(2024, 3, 16)
    lead = report("a", "d1", date_start=friday, date_end=friday, published=friday)
    update = report("b", "d2", date_start=saturday, date_end=saturday, published=saturday)
    assert not linked(lead, update)
    assert linked(lead, dataclasses.replace(update, date_in_toll=True))


def test_a_later_sentence_dated_by_the_dateline_or_a_claim_joins_its_lead() -> None:
    """'… fought in El Fasher on Sunday, killing 27' then 'the army responded with drone
    strikes' (Monday's dateline, the document's place); 'IS claimed the attack on Wednesday'."""
    sunday, monday = date(2024, 9, 15), date(2024, 9, 16)
    lead = report("a", "d1", plover_mode="clash", acled_event_type="Battles",
                  acled_sub_event_type="Armed clash", fatalities=27, date_start=sunday,
                  date_end=sunday, published=monday)  # fmt: skip
    drones = report("b", "d1", plover_mode="aerial", acled_sub_event_type="Air/drone strike",
                    date_start=monday, date_end=monday, published=monday, date_borrowed=True,
                    place_fallback="document")  # fmt: skip
    assert linked(lead, drones)
    assert not linked(lead, dataclasses.replace(drones, place_fallback="clause"))
    assert not linked(lead, dataclasses.replace(drones, date_borrowed=False))
    claim = dataclasses.replace(
        drones, event_id="c", date_borrowed=False, attribution_verb="claimed"
    )
    assert linked(lead, claim)
    link = compare(lead, claim)
    assert link is not None and "claim of responsibility" in link.reasons[1]
    clusters = cluster_events([lead, drones])
    assert [sorted(c.members) for c in clusters] == [["a", "b"]]


def test_the_best_toll_is_the_latest_credible_one() -> None:
    """An update ('has risen to 13') is the best toll; a later rewrite repeating an older,
    lower count is not; outlets are counted once whatever their spelling."""
    first = report("a", "d1", fatalities=8, source="Hiran Star")
    update = report("b", "d2", fatalities=13, fatalities_text="has risen to 13",
                    published=date(2024, 6, 9), source="Meridian Wire")  # fmt: skip
    rewrite = report("c", "d3", fatalities=8, fatalities_text="killing eight people",
                     published=date(2024, 6, 10), source="hiran star ")  # fmt: skip
    cluster = Cluster("k", "c", ["a", "b", "c"], {"a": 0.9, "b": 0.9, "c": 0.9})
    rec = merge_record(cluster, [first, update, rewrite])
    assert rec.fatalities is not None and rec.fatalities.best == 13
    assert rec.sources == ("Hiran Star", "Meridian Wire") and rec.n_sources == 2
    lower_update = dataclasses.replace(rewrite, fatalities=10, fatalities_text="revised to 10")
    rec = merge_record(cluster, [first, update, lower_update])
    assert rec.fatalities is not None and rec.fatalities.best == 10  # a stated revision


def test_early_on_a_day_is_the_morning() -> None:
    """'early on Thursday' names no part of the day but the morning: a gang raid told
    'early on Thursday' is not the policeman shot 'on Thursday evening' in the same city."""
    early = report("a", "d1", date_text="early on Thursday")
    assert time_of_day(early) == 0
    assert not linked(early, report("b", "d2", date_text="on Thursday evening"))
    assert linked(early, report("c", "d3", date_text="on Thursday morning"))
    assert time_of_day(report("d", "d4", date_text="early on Thursday night")) == 3


def test_a_country_level_report_joins_by_the_same_dead() -> None:
    """'a passenger bus in the southern Philippines' read as the country (its point the
    capital, far away) and 'the bus bombing in Isulan … the toll rose to four' name no actor
    in common: the same dead (or a later update of them) is the evidence; other dead, or
    none, are not."""
    isulan = {"location_name": "Isulan", "geonameid": 1710970, "lat": 6.63, "lon": 124.61,
              "admin1": "Soccsksargen", "country": "PH", "geo_precision": 1}  # fmt: skip
    country = {"location_name": "Philippines", "geonameid": 1694008, "lat": 14.6, "lon": 121.0,
               "admin1": None, "country": "PH", "geo_precision": 3}  # fmt: skip
    whole = report("a", "d1", **country, fatalities=3, published=SATURDAY)
    later = report(
        "b", "d2", **isulan, fatalities=4, fatalities_text="the toll rose to four",
        actor1_id="ISIS", actor1_name="Islamic State", actor1_inter=2, actor1_claimed=True,
        published=date(2024, 6, 9),
    )  # fmt: skip
    link = compare(whole, later)
    assert link is not None and "toll updated from 3 to 4" in link.reasons[-1]
    assert not linked(dataclasses.replace(whole, fatalities=12), later)  # other dead
    assert not linked(dataclasses.replace(whole, fatalities=None), later)  # no dead told
    assert not linked(dataclasses.replace(whole, country="ID"), later)  # another country


ADF = {"actor1_id": "ADF", "actor1_name": "Allied Democratic Forces", "actor1_inter": 2}
BENI_BO = {  # a geocoder's "El Beni" (Bolivia) for "Beni territory"
    "location_name": "El Beni",
    "geonameid": 3923172,
    "lat": -14.0,
    "lon": -65.5,
    "admin1": "El Beni",
    "country": "BO",
    "geo_precision": 3,
}
NORTH_KIVU = {
    "location_name": "Nord Kivu",
    "geonameid": 2219916,
    "lat": -0.8,
    "lon": 29.0,
    "admin1": "Nord Kivu",
    "country": "CD",
    "geo_precision": 3,
}


def test_the_same_named_group_dead_and_day_outweigh_a_misread_place() -> None:
    a = report("e1", "d1", plover_mode="kill", fatalities=18, **{**ADF, **BENI_BO})
    b = report("e2", "d2", plover_mode="kill", fatalities=18, **{**ADF, **NORTH_KIVU})
    assert linked(a, b)
    assert [sorted(c.members) for c in cluster_events([a, b])] == [["e1", "e2"]]
    # other dead the same day, or "gunmen" for the group: two incidents
    assert not linked(a, dataclasses.replace(b, fatalities=5))
    generic = {"actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group"}
    assert not linked(dataclasses.replace(a, **generic), dataclasses.replace(b, **generic))


def test_two_towns_named_by_their_clauses_stay_apart_whatever_the_group() -> None:
    bama = {"location_name": "Bama", "geonameid": 1, "lat": 11.52, "lon": 13.69}
    konduga = {"location_name": "Konduga", "geonameid": 2, "lat": 11.65, "lon": 13.42}
    common = {**ADF, "fatalities": 3, "admin1": "Borno", "country": "NG"}
    assert not linked(report("e1", "d1", **common, **bama), report("e2", "d2", **common, **konduga))


def test_a_town_named_like_its_province_may_be_the_province() -> None:
    police = {"actor2_id": "POL-CO", "actor2_name": "Police Forces of Colombia", "actor2_inter": 1}
    arauca = {"location_name": "Arauca", "geonameid": 3, "lat": 7.08, "lon": -70.76}
    tame = {"location_name": "Tame", "geonameid": 4, "lat": 6.46, "lon": -71.73}
    common = {"admin1": "Arauca", "country": "CO", "fatalities": 2}
    a = report("e1", "d1", **common, **arauca, **police)
    assert linked(a, report("e2", "d2", **common, **tame, **police))
    assert not linked(a, report("e2", "d2", **common, **tame))  # no actor in common


def test_a_claim_dated_days_after_the_act_joins_its_cluster() -> None:
    sunday = date(2024, 9, 15)
    tuesday = date(2024, 9, 17)
    common = {"plover_mode": "kill", "date_start": sunday, "date_end": sunday}
    act = report("e1", "d1", **common, published=sunday, fatalities=11)
    other = report("e2", "d2", **common, published=date(2024, 9, 16), fatalities=11)
    claim = report(
        "e3",
        "d3",
        plover_mode="kill",
        date_start=tuesday,
        date_end=tuesday,
        published=tuesday,
        fatalities=14,
        attribution_verb="claimed",
    )
    assert linked(act, claim)
    clusters = cluster_events([claim, other, act])
    assert [sorted(c.members) for c in clusters] == [["e1", "e2", "e3"]]


def test_a_place_named_as_a_reference_point_is_loose_evidence() -> None:
    """ "north-east of Baghdad" (a near place at Baghdad, another province) and a town of
    Diyala: the same named group, dead and day join them; two places each named as the
    incident's own (precision 2, no direction) stay apart."""
    group = {"actor1_id": "IS", "actor1_name": "Islamic State", "actor1_inter": 2}
    near = {"geo_precision": 2, "country": "IQ", "fatalities": 4, **group}
    baghdad = {"location_name": "Baghdad", "geonameid": 98182, "lat": 33.34, "lon": 44.40}
    muqdadiyah = {"location_name": "Muqdadiyah", "geonameid": 5, "lat": 33.98, "lon": 44.94}
    a = report(
        "e1",
        "d1",
        **near,
        **baghdad,
        admin1="Baghdad",
        sentence="Four fighters were killed when militants attacked a post north-east of Baghdad.",
    )
    b = report("e2", "d2", **near, **muqdadiyah, admin1="Diyala")
    assert linked(a, b)
    plain = dataclasses.replace(a, sentence="Four fighters were killed near Baghdad.")
    assert not linked(plain, b)


KHARKIV_CITY = {"location_name": "Kharkiv", "geonameid": 706483, "lat": 49.98, "lon": 36.25,
                "admin1": "Kharkiv", "country": "UA", "geo_precision": 1}  # fmt: skip
UKRAINE = {"location_name": "Ukraine", "geonameid": 690791, "lat": 49.0, "lon": 32.0,
           "admin1": None, "country": "UA", "geo_precision": 3}  # fmt: skip
RUSSIA_MIL = {"actor1_id": "RU-MIL", "actor1_name": "Military Forces of Russia", "actor1_inter": 8}
AIR = {"plover_mode": "aerial", "acled_event_type": "Explosions/Remote violence",
       "acled_sub_event_type": "Air/drone strike"}  # fmt: skip


def test_a_bare_bomb_word_names_no_delivery() -> None:
    """'a guided bomb hit a shop' (explosives, read from "bomb") and another outlet's air
    strike on the same town and day may be one incident; a roadside bomb may not."""
    bomb = report("e1", "d1", **KHARKIV_CITY, **RUSSIA_MIL, fatalities=4, trigger_text="bomb")
    strike = report("e2", "d2", **KHARKIV_CITY, **RUSSIA_MIL, **AIR, fatalities=4)
    link = compare(bomb, strike)
    assert link is not None and "names no delivery" in link.reasons[0]
    assert linked(bomb, strike)
    assert not linked(dataclasses.replace(bomb, trigger_text="roadside bomb"), strike)


def test_a_loose_report_joins_the_candidate_with_its_dead_not_another_town() -> None:
    """A country-level report of four killed by a Russian strike links to the city report
    of four dead and to a strike on a nearby town that killed one; the town is no
    incident with the city, so the country-level report goes to the city's, in any order."""
    chuhuiv = {"location_name": "Chuhuiv", "geonameid": 710791, "lat": 49.84, "lon": 36.69,
               "admin1": "Kharkiv", "country": "UA", "geo_precision": 1}  # fmt: skip
    city = report("c", "d1", **KHARKIV_CITY, **RUSSIA_MIL, **AIR, fatalities=4)
    town = report("t", "d2", **chuhuiv, **RUSSIA_MIL, **AIR, fatalities=1)
    whole = report("w", "d3", **UKRAINE, **RUSSIA_MIL, **AIR, fatalities=4)
    assert linked(whole, town) and linked(whole, city) and not linked(city, town)
    for order in ([city, town, whole], [whole, town, city], [town, whole, city]):
        for ids in (["a", "b", "c"], ["c", "b", "a"]):  # whatever ids sort first
            renamed = [dataclasses.replace(e, event_id=i) for e, i in zip(order, ids, strict=True)]
            by = {e.event_id: e.fatalities for e in renamed}
            groups = [sorted(by[m] or 0 for m in c.members) for c in cluster_events(renamed)]
            assert sorted(groups) == [[1], [4, 4]], groups
    # with no candidate that tells its dead, the loose report still joins the town
    assert [sorted(c.members) for c in cluster_events([town, whole])] == [["t", "w"]]


def test_a_country_named_as_a_border_or_off_the_sentence_is_no_country_evidence() -> None:
    """ "near the border with Niger" read as Niger, or a claim report's place taken from
    the document ("Mali"), fits a report of the same dead in Benin; a country named by the
    event's own clause does not."""
    benin = {"location_name": "Benin", "geonameid": 2395170, "lat": 9.5, "lon": 2.25,
             "admin1": None, "country": "BJ", "geo_precision": 3}  # fmt: skip
    niger = {"location_name": "Niger", "geonameid": 2440476, "lat": 18.0, "lon": 9.0,
             "admin1": None, "country": "NE", "geo_precision": 3}  # fmt: skip
    common = {"plover_mode": "clash", "fatalities": 6, "acled_event_type": "Battles",
              "acled_sub_event_type": "Armed clash"}  # fmt: skip
    home = report("e1", "d1", **benin, **common)
    border = report(
        "e2", "d2", **niger, **common,
        sentence="Six soldiers were killed when gunmen stormed a post near the border with Niger.",
    )  # fmt: skip
    assert linked(home, border)
    assert not linked(home, dataclasses.replace(border, sentence="Six soldiers died in Niger."))
    assert not linked(home, dataclasses.replace(border, fatalities=20))  # other dead
    off = report("e3", "d3", **{**niger, "location_name": "Mali", "country": "ML"}, **common,
                 place_fallback="document")  # fmt: skip
    assert linked(home, off) and linked(border, off)
    assert [sorted(c.members) for c in cluster_events([off, border, home])] == [["e1", "e2", "e3"]]


def test_civilians_fit_the_traders_another_outlet_names() -> None:
    """ "five civilians died" and "killing five traders": the coder's catch-all victims fit a
    kind of civilian; traders and farmers are still two kinds."""
    civilians = {"actor2_id": "GEN-CIVILIANS", "actor2_name": "Civilians", "actor2_inter": 7}
    traders = {"actor2_id": "GEN-LABOUR", "actor2_name": "Labour Group", "actor2_inter": 7}
    farmers = {"actor2_id": "GEN-FARMERS", "actor2_name": "Farmers", "actor2_inter": 7}
    a = report("e1", "d1", fatalities=5, **civilians)
    assert linked(a, report("e2", "d2", fatalities=5, **traders))
    b = report("e1", "d1", fatalities=5, **farmers)
    assert not linked(b, report("e2", "d2", fatalities=5, **traders))


def test_a_toll_update_of_a_recalled_attack_by_its_group_joins_with_no_place() -> None:
    """ "The number of civilians killed in last week's ADF attack on <a village the
    geocoder lacks> has risen to 30": flagged as a recall, no place, actor1 read inside the
    toll's words; the same group, a raised toll and an overlapping week join it to the
    incident; a lower toll, or no named group, do not."""
    last_week = {"date_start": date(2024, 6, 3), "date_end": date(2024, 6, 9)}
    none = {k: None for k in ("location_name", "geonameid", "lat", "lon", "admin1", "country")}
    update = report(
        "e1", "d1", plover_mode="kill", **ADF, **none, **last_week, background=True,
        fatalities=30, actor1_text="last week's ADF attack", published=date(2024, 6, 10),
        fatalities_text="number of civilians killed in last week's ADF attack on the "
        "village has risen to 30", geo_precision=None, place_fallback=None,
    )  # fmt: skip
    lead = report("e2", "d2", plover_mode="kill", **ADF, **NORTH_KIVU, fatalities=20,
                  date_start=date(2024, 6, 6), date_end=date(2024, 6, 6))  # fmt: skip
    link = compare(update, lead)
    assert link is not None and any("same named group" in r for r in link.reasons)
    assert not linked(dataclasses.replace(update, fatalities=12), lead)
    generic = {"actor1_id": "GEN-UAG", "actor1_name": "Unidentified Armed Group"}
    assert not linked(dataclasses.replace(update, **generic), dataclasses.replace(lead, **generic))


def test_tied_places_in_two_countries_go_to_the_attackers_home() -> None:
    """Bolivia's "El Beni" and North Kivu, one report each: the ADF's home (DR Congo)
    breaks the tie, whichever report comes first."""
    adf = {**ADF, "actor1_id": "CD-ADF"}  # the dictionary's id: its home is DR Congo
    a = report("e1", "d1", plover_mode="kill", fatalities=18, **{**adf, **BENI_BO})
    b = report("e2", "d2", plover_mode="kill", fatalities=18, **{**adf, **NORTH_KIVU})
    for members in ([a, b], [b, a]):
        assert (
            merge_record(
                Cluster("c", "k", ["e1", "e2"], {"e1": 0.6, "e2": 0.6}), members
            ).location.country
            == "CD"
        )


def test_a_province_and_its_country_link_whichever_comes_first() -> None:
    """ "Lac province" and "Chad", both coarse: the country is the area, whichever report is
    compared first (a new report joined a stored one only one way round)."""
    lac = {"location_name": "Lac", "geonameid": 7, "lat": 13.7, "lon": 14.1, "admin1": "Lac",
           "country": "TD", "geo_precision": 3}  # fmt: skip
    chad = {"location_name": "Chad", "geonameid": 8, "lat": 15.0, "lon": 19.0, "admin1": None,
            "country": "TD", "geo_precision": 3}  # fmt: skip
    group = {"actor1_id": "NG-BH", "actor1_name": "Boko Haram", "actor1_inter": 2}
    a = report("e1", "d1", plover_mode="clash", fatalities=40, **lac, **group)
    b = report("e2", "d2", plover_mode="clash", fatalities=45, **chad, **group,
               published=date(2024, 6, 9))  # fmt: skip
    assert compare(a, b) is not None and compare(b, a) is not None


def test_one_province_spelled_two_ways_is_one_province() -> None:
    """The gazetteer spells a province one way for its towns ("Sagain") and another for the
    province itself ("Sagaing"); accents ("Diyarbakır") and a transliteration's last letter
    ("Donetsk" / "Donetska") are one province, "Loire" / "Loiret" and "Kalungu" / "Kanungu"
    two."""
    from eventwire.dedup.report import same_province_name

    assert same_province_name("Sagain", "Sagaing")
    assert same_province_name("Donetska", "Donetsk")
    assert same_province_name("Diyarbakır", "Diyarbakir")
    assert not same_province_name("Loire", "Loiret")
    assert not same_province_name("Kalungu", "Kanungu")
    assert not same_province_name("Kano", "Kanoh")  # too short to tell
    town = report(
        "a", "d1", location_name="Talpe", admin1="Lunava", country="XX", lat=23.2, lon=95.5,
        geonameid=11, fatalities=20, published=date(2024, 6, 9), actor1_id="XX-MIL",
        actor1_name="Military Forces of X", actor1_inter=1,
    )  # fmt: skip
    # the province read as a district named like it, 140 km from the town
    district = dataclasses.replace(
        town, event_id="b", doc_id="d2", location_name="Lunavag", admin1="Lunavag",
        geo_precision=2, lat=24.45, lon=95.5, geonameid=None, fatalities=17, published=SATURDAY,
    )  # fmt: skip
    assert linked(town, district)
    elsewhere = dataclasses.replace(district, location_name="Lunavat", admin1="Lunavat")
    assert not linked(town, elsewhere)  # another province ("t" is no transliteration's end)
    other_dead = dataclasses.replace(district, fatalities=40)
    assert not linked(town, other_dead)  # a province's name alone needs the same dead


def test_a_report_with_no_place_joins_by_the_place_word_both_name() -> None:
    """'A grocer was killed … in Lyari' finds no place; the other outlet's 'in Karachi's Lyari
    area' is placed at Karachi: the same word, the same day and the same dead join them. A
    different word, or another toll, keeps them apart."""
    placed = report(
        "a", "d1", plover_mode="firearms", fatalities=1,
        sentence="Gunmen shot dead a trader outside his shop in Kirkuk's Qadisiya area on Monday.",
    )  # fmt: skip
    placeless = dataclasses.replace(
        placed, event_id="b", doc_id="d2", location_name=None, geonameid=None, lat=None,
        lon=None, admin1=None, country=None, geo_precision=None,
        sentence="A shopkeeper was killed by armed men in Qadisiya late on Monday, police said.",
    )  # fmt: skip
    assert linked(placed, placeless)
    link = compare(placed, placeless)
    assert link is not None and any("qadisiya" in r for r in link.reasons)
    other_word = dataclasses.replace(
        placeless, sentence="A shopkeeper was killed by armed men in Tisin late on Monday."
    )
    assert not linked(placed, other_word)
    assert not linked(placed, dataclasses.replace(placeless, fatalities=3))
    # a weekday or an actor's name after "on"/"in" is no place word
    weekday = dataclasses.replace(
        placeless, sentence="A shopkeeper was killed by armed men on Monday in Iraq."
    )
    bare = dataclasses.replace(placed, sentence="Gunmen shot dead a trader on Monday.")
    assert not linked(bare, weekday)


def test_victims_named_by_one_word_but_coded_two_ways_do_not_contradict() -> None:
    """'killing two paramilitary rangers' (a militia) and 'Two rangers died' (read as
    civilians, the coder's catch-all) are one set of victims; two dictionary actors with one
    head noun (two countries' police) stay two, and so do different words."""
    one = report(
        "a", "d1", fatalities=2, actor1_id="GEN-UAG", actor1_name="Unidentified Armed Group",
        actor1_inter=3, actor2_id="GEN-MILITIA", actor2_name="Militia", actor2_inter=3,
        actor2_text="two paramilitary rangers",
    )  # fmt: skip
    two = dataclasses.replace(
        one, event_id="b", doc_id="d2", actor2_id="GEN-CIVILIANS", actor2_name="Civilians",
        actor2_inter=7, actor2_text="Two rangers",
    )  # fmt: skip
    assert linked(one, two)
    assert not linked(one, dataclasses.replace(two, actor2_text="Two teachers"))
    police = dataclasses.replace(
        one, actor2_id="IQ-POL", actor2_name="Police Forces of Iraq", actor2_inter=1,
        actor2_text="two police officers",
    )  # fmt: skip
    other_police = dataclasses.replace(
        two, actor2_id="SY-POL", actor2_name="Police Forces of Syria", actor2_inter=1,
        actor2_text="two officers",
    )  # fmt: skip
    assert not linked(police, other_police)


def test_a_report_joins_through_the_one_it_links_to_when_nothing_contradicts() -> None:
    """The toll update "in Qadisiya", placed nowhere, links to the report that names the
    village beside Kirkuk, not to the one that gives only "Kirkuk province" (no place
    evidence between them, but nothing against): one incident, whatever the order the
    reports come in. A time of day that contradicts the province report keeps it apart."""
    town = report(
        "b", "d1", fatalities=5, published=SATURDAY,
        sentence="A car bomb killed five people in the village of Qadisiya near Kirkuk.",
    )  # fmt: skip
    province = report(
        "c", "d2", fatalities=5, published=SATURDAY, location_name="Kirkuk Governorate",
        geonameid=None, geo_precision=3, lat=35.3, lon=44.2,
        sentence="Five people died in a car bombing in northern Iraq's Kirkuk province.",
    )  # fmt: skip
    update = report(
        "a", "d3", fatalities=7, published=date(2024, 6, 9), location_name=None,
        geonameid=None, lat=None, lon=None, admin1=None, country=None, geo_precision=None,
        date_text="on Saturday night",
        sentence="The toll from Saturday's car bombing in Qadisiya has risen to seven.",
    )  # fmt: skip
    assert linked(town, province) and linked(update, town) and not linked(update, province)
    for order in ([update, town, province], [province, town, update], [town, update, province]):
        assert [sorted(c.members) for c in cluster_events(order)] == [["a", "b", "c"]]
    morning = dataclasses.replace(province, date_text="on Saturday morning")
    clusters = sorted(sorted(c.members) for c in cluster_events([update, town, morning]))
    assert ["a", "b", "c"] not in clusters
