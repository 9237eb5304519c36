"""Incidents in long news articles, second development set (tests/data/news_articles/
articles2.jsonl): toll updates, victims told as the subject of their death, claims told as a
group's statement, headlines, quotes and recalls. Every report here is written for this test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.incidents.cues import load_incident_cues
from eventwire.records import Document, Event


@pytest.fixture(scope="module")
def current(pipeline: Pipeline) -> Callable[[str, str], list[Event]]:
    """The current incidents of a report published on a day (what bench/incidents.py counts)."""

    def run(text: str, published: str) -> list[Event]:
        doc = pipeline(Document(text=text, published=date.fromisoformat(published)))
        return [
            e
            for e in doc.events
            if e.acled_event_type and e.modality == "asserted" and not (e.background or e.aggregate)
        ]

    return run


def _one(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.trigger.text, e.acled_event_type) for e in events]
    return events[0]


# ---------------------------------------------------------------- toll updates, victims


def test_a_later_death_in_hospital_joins_the_incident_and_keeps_its_day(
    current: Callable,
) -> None:
    text = (
        "KANDAHAR, Afghanistan - Four police officers died after a roadside bomb tore "
        "through their patrol vehicle near Kandahar on Tuesday, officials said. A fifth "
        "officer, who was badly wounded in the explosion, died in hospital in Kabul on "
        "Wednesday, a health official said."
    )
    event = _one(current(text, "2025-03-13"))
    assert event.acled_event_type == "Explosions/Remote violence"
    assert event.date is not None and event.date.start == date(2025, 3, 11)
    assert event.location is not None and event.location.text == "Kandahar"


def test_the_subject_of_a_death_is_the_victim_not_the_attacker(current: Callable) -> None:
    text = (
        "Four police officers died after a roadside bomb tore through their patrol vehicle "
        "near Kandahar on Tuesday, officials said."
    )
    event = _one(current(text, "2025-03-12"))
    assert event.actor1 is None or event.actor1.inter != 1
    assert event.actor2 is not None and event.actor2.inter == 1


def test_a_toll_that_rose_on_a_later_day_is_the_same_incident(current: Callable) -> None:
    text = (
        "MAIDUGURI, Nigeria - Gunmen attacked the village of Kawuri in Borno state on Sunday, "
        "killing nine farmers, residents said. The toll rose to 12 on Tuesday after three of "
        "the wounded died of their injuries, a local official said."
    )
    event = _one(current(text, "2025-04-15"))
    assert event.date is not None and event.date.start == date(2025, 4, 13)
    assert event.fatalities is not None and event.fatalities.best == 12


def test_the_dead_of_a_battle_stay_a_side() -> None:
    # the victim-subject rule is for explosions and violence against civilians only
    from eventwire.datafiles import words

    assert "Battles" not in words("incidents", "victim_subject_types")


# ---------------------------------------------------------------- claims


def test_a_groups_statement_that_its_fighters_carried_out_the_attack_is_a_claim(
    current: Callable,
) -> None:
    text = (
        "MOGADISHU - A car bomb exploded outside a police station in Mogadishu on Monday, "
        "killing six officers, police said. On Tuesday, al-Shabaab said in a statement that "
        "its fighters had carried out the attack."
    )
    event = _one(current(text, "2025-05-06"))
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"
    assert event.actor1.inter == 2


def test_the_claimant_is_the_subject_not_a_name_in_its_apposition(current: Callable) -> None:
    text = (
        "MOGADISHU - A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, "
        "killing five soldiers, police said. Al-Shabaab, the militant group that has fought "
        "the Somali government for years, claimed responsibility for the bombing."
    )
    event = _one(current(text, "2025-05-06"))
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"


def test_a_claim_does_not_go_to_a_change_of_territory_told_after_the_attack(
    current: Callable,
) -> None:
    text = (
        "MOGADISHU - Gunmen stormed a hotel in Mogadishu on Friday, killing eight guests, "
        "and fought with guards for an hour before security forces regained control. "
        "Al-Shabaab claimed responsibility for the attack."
    )
    events = current(text, "2025-05-10")
    attack = [e for e in events if e.acled_sub_event_type != "Government regains territory"]
    assert attack and all(e.actor1 is not None for e in attack)
    assert any(e.actor1 is not None and e.actor1.name == "Al Shabaab" for e in attack)


def test_claim_cues_of_a_statement() -> None:
    cues = load_incident_cues()
    assert cues.is_claim("The ELN said on Friday that its fighters had carried out ")
    assert cues.is_claim("The group's spokesman said the group's forces had targeted ")
    assert not cues.is_claim("The army said the soldiers were on patrol when ")


# ---------------------------------------------------------------- what is no new incident


def test_a_series_of_bombings_is_not_an_incident(current: Callable) -> None:
    text = (
        "KABUL - A suicide bomber killed four people at a bank in Kabul on Thursday, police "
        "said. Islamic State has kept up a campaign of bombings against officials in the "
        "capital. In August 2021, an Islamic State bomber killed more than 170 people at the "
        "airport."
    )
    assert len(current(text, "2025-02-14")) == 1


def test_a_headline_retells_the_incident_of_the_body(current: Callable) -> None:
    text = (
        "Pensioner killed by Russian shelling in Kherson as prisoner exchange talks go on\n\n"
        "KYIV, May 26 - A 70-year-old man was killed on Monday morning when Russian shelling "
        "hit a bus stop in the southern city of Kherson, the regional administration said.\n\n"
        "Two other people were wounded, it said."
    )
    event = _one(current(text, "2025-05-26"))
    assert event.acled_event_type == "Explosions/Remote violence"


def test_a_device_defused_after_an_attack_is_its_follow_up(current: Callable) -> None:
    text = (
        "ARAUCA, Colombia - A bomb hidden under a road exploded as an army truck passed near "
        "Tame on Thursday, killing three soldiers, the army said. Soldiers who went to the "
        "area after the explosion found a second device, which they defused."
    )
    assert len(current(text, "2025-07-18")) == 1


def test_a_blast_known_only_by_an_anaphor_is_not_an_incident(current: Callable) -> None:
    text = (
        "BEIRUT, Oct 15 - A judge charged four former officials on Wednesday over the 2020 "
        "explosion of chemicals stored at the port, which killed more than 200 people.\n\n"
        'The families welcomed the decision. "Nothing will bring back my son, who was killed '
        'by the blast," said one father.'
    )
    assert current(text, "2025-10-15") == []


def test_a_witness_quote_speaks_of_the_incident_just_told(current: Callable) -> None:
    lead = (
        "KANO, Nigeria - Gunmen on motorcycles attacked the village of Dansadau in Zamfara "
        "state on Thursday, killing 11 villagers, police said."
    )
    quote = ' "They were shooting at us like animals," said a farmer who hid in the bush.'
    told = current(lead, "2025-01-10")
    assert len(told) == 1
    assert len(current(lead + quote, "2025-01-10")) == 1


def test_a_description_of_the_attack_is_an_anaphor() -> None:
    cues = load_incident_cues()
    text = 'The rebel group said the air strikes were a "massacre" of civilians.'
    assert cues.describes(text, text.index("massacre"))
    passive = "Two soldiers were killed in the ambush."
    assert not cues.describes(passive, passive.index("killed"))


def test_an_incident_recalled_earlier_this_month_is_background(current: Callable) -> None:
    text = (
        "MOGADISHU, Dec 27 - Somalia's parliament approved a new election law on Friday. "
        "Earlier this month, fighting between federal troops and regional forces broke out "
        "in the border town of Ras Kamboni, adding to fears that the dispute could turn "
        "violent."
    )
    assert current(text, "2024-12-27") == []


def test_a_period_since_a_dated_deal_is_not_an_incident(current: Callable) -> None:
    text = (
        "COTABATO CITY, Philippines - Violence in the region has fallen since a 2014 peace "
        "deal with the rebels, officials said on Monday, ahead of the region's first election."
    )
    assert current(text, "2025-03-03") == []


def test_the_place_in_the_attribution_is_the_sources() -> None:
    from eventwire.pipeline.incidents.standing import _ATTRIBUTION

    tail = ", the governor said in a statement carried by the state news agency "
    assert _ATTRIBUTION.search(tail)


def test_later_death_cues() -> None:
    cues = load_incident_cues()
    assert cues.tells_later_death("A sixth soldier died in hospital in Saravena on Friday.")
    assert cues.tells_later_death("One of the wounded died of his injuries overnight.")
    assert cues.tells_later_death("The death toll has risen to 14.")
    assert not cues.tells_later_death("Five soldiers died when a bomb hit their truck.")


# ---------------------------------------------------------------- tolls and roles


def test_a_smaller_count_in_a_toll_update_is_part_of_it() -> None:
    from eventwire.pipeline.incidents.tolls import combine_tolls, load_toll_cues
    from eventwire.records import Fatalities, Sentence

    lead = "A suicide bomber killed 14 people at a hotel on Saturday."
    update = " The toll had risen overnight as one more of the wounded died in hospital."
    sentences = [Sentence(0, len(lead), lead), Sentence(len(lead), len(lead + update), update)]
    first = Fatalities(text="killed 14 people", best=14, low=14, high=14, start=25, end=41)
    later = Fatalities(
        text="one more", best=1, low=1, high=1, start=len(lead) + 30, end=len(lead) + 38
    )
    toll = combine_tolls([first, later], sentences, load_toll_cues())
    assert toll is not None and toll.best == 14


def test_protesters_are_actor1_of_excessive_force_against_protesters(current: Callable) -> None:
    text = (
        "DHAKA - Police in Bangladesh opened fire on students protesting against job quotas "
        "in Dhaka on Tuesday, killing two young men, witnesses said."
    )
    events = current(text, "2024-07-17")
    forced = [e for e in events if e.acled_sub_event_type == "Excessive force against protesters"]
    assert forced, [(e.trigger.text, e.acled_sub_event_type) for e in events]
    # ACLED lists the protesters first and the force that shot them second
    assert forced[0].actor1 is not None and forced[0].actor1.inter == 6
    assert forced[0].actor2 is not None and forced[0].actor2.inter == 1


def test_an_act_retold_to_name_its_author_is_no_new_incident(current: Callable) -> None:
    text = (
        "MAIDUGURI, Nigeria - Gunmen killed seven farmers in the village of Kawuri in Borno "
        "state on Sunday, residents said. On Monday, soldiers clashed with insurgents near "
        "Damboa, killing four of them, the army said. The army did not say whether the "
        "insurgents were from the same group that attacked Kawuri."
    )
    assert len(current(text, "2025-04-15")) == 2
