"""Issue 16, seventeenth pass (helper h16ak, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- A state head led by a non-state armed word ("rebel forces", "insurgent troops", "militia
  forces") names rebels (inter 2) or a militia (3), not the country's military (1).
- "an unknown group", "unidentified groups" are an Unidentified Armed Group (3).
- Looting/property destruction always has a perpetrator: none named is an unidentified
  armed group, farmers named are a communal militia (4).
- Mob violence that a force only stopped ("were prevented by the police", "police
  intervened and rescued him") hit civilians (7), not the force.
- "PDF" in Sudan is the Popular Defence Forces (3), in Myanmar the People's Defence Force.
- "raiders from Ethiopia", "gunmen from Somalia" are not that country's government.
- A battle in South Sudan's civil war that names only the state's forces has the war's
  opposition of the day as actor2 (the mutiny, then the SPLM/A-IO).
"""

from __future__ import annotations

from datetime import date

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.nonstate import non_state_head
from eventwire.pipeline.actors.rescued import rescued_victims
from eventwire.pipeline.actors.wars import war_opponent
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document, Event, Sentence, Span

PUBLISHED = "2024-05-20"
DICTIONARY = load_actor_dictionary()


def _codes(top_event: TopEvent, text: str) -> tuple[str | None, int | None, int | None]:
    top = top_event(text, published=PUBLISHED)
    assert top is not None, text
    return (
        top.acled_sub_event_type,
        top.actor1.inter if top.actor1 is not None else None,
        top.actor2.inter if top.actor2 is not None else None,
    )


def test_rebel_and_insurgent_force_words_name_rebels() -> None:
    for words in ("rebel forces", "the Sudanese rebel troops", "insurgent soldiers"):
        coded = code_mention(DICTIONARY, words, "SS")
        assert (coded.actor_id, coded.inter) == ("GEN-REBELS", 2), words


def test_militia_forces_are_a_militia() -> None:
    coded = code_mention(DICTIONARY, "militia forces", "SS")
    assert (coded.actor_id, coded.inter) == ("GEN-MILITIA", 3)


def test_state_force_words_keep_the_state() -> None:
    # twins: no non-state word, or one hyphenated into a state unit's name
    for words in ("government forces", "anti-rebel forces", "counter-insurgency troops"):
        assert code_mention(DICTIONARY, words, "SS").inter == 1, words


def test_non_state_head_leaves_a_non_state_generic_alone() -> None:
    rebels = DICTIONARY.by_id["GEN-REBELS"]
    assert non_state_head(DICTIONARY, ["militia"], rebels) is rebels


def test_rebel_forces_in_a_note_are_actor1_as_rebels(top_event: TopEvent) -> None:
    text = (
        "On 12 May 2024, rebel forces attacked Wadakona village in Manyo county, killing "
        "four civilians and burning a clinic."
    )
    assert _codes(top_event, text)[1] == 2


def test_government_forces_in_the_same_note_stay_the_state(top_event: TopEvent) -> None:
    text = (
        "On 12 May 2024, government forces attacked Wadakona village in Manyo county, "
        "killing four civilians and burning a clinic."
    )
    assert _codes(top_event, text)[1] == 1


def test_an_unknown_group_is_an_unidentified_armed_group() -> None:
    for words in ("an unknown group", "Unidentified groups"):
        coded = code_mention(DICTIONARY, words, "SS")
        assert (coded.actor_id, coded.inter) == ("GEN-UAG", 3), words


def test_a_looting_with_no_perpetrator_is_an_unidentified_armed_group(
    top_event: TopEvent,
) -> None:
    text = "Looting: On 9 May 2024, a pharmacy in Torit town was broken into and looted."
    assert _codes(top_event, text)[:2] == ("Looting/property destruction", 3)


def test_farmers_who_destroyed_property_are_a_communal_militia(top_event: TopEvent) -> None:
    text = (
        "Property destruction: On 9 May 2024, farmers destroyed the cattle corridor "
        "markers of herders near Kalale (Kalale, Borgou)."
    )
    assert _codes(top_event, text)[:2] == ("Looting/property destruction", 4)


def test_soldiers_who_destroyed_property_stay_the_state(top_event: TopEvent) -> None:
    text = (
        "Property destruction: On 9 May 2024, soldiers burned down the market stalls of "
        "traders in Kalale (Kalale, Borgou)."
    )
    assert _codes(top_event, text)[:2] == ("Looting/property destruction", 1)


def test_a_mob_the_police_only_stopped_hit_civilians(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2024, an angry mob burned down a church in Kibuye village in Kisumu. "
        "They tried to burn a second church but were prevented by the police."
    )
    assert _codes(top_event, text) == ("Mob violence", 5, 7)


def test_a_mob_that_beat_a_policeman_keeps_the_police(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2024, an angry mob beat a police officer who tried to arrest a goat "
        "thief in Kibuye market in Kisumu."
    )
    assert _codes(top_event, text) == ("Mob violence", 5, 1)


def test_an_acronym_shared_by_two_countries_names_the_local_group() -> None:
    # "PDF": Sudan's Popular Defence Forces (a militia, 3) in Sudan, Myanmar's People's
    # Defence Force (rebels, 2) in Myanmar and where no country's group is named so
    sudan = code_mention(DICTIONARY, "the PDF militiamen", "SD")
    myanmar = code_mention(DICTIONARY, "PDF fighters", "MM")
    elsewhere = code_mention(DICTIONARY, "PDF fighters", "TH")
    assert (sudan.actor_id, sudan.inter) == ("SD-PDF", 3)
    assert (myanmar.actor_id, myanmar.inter) == ("MM-PDF", 2)
    assert elsewhere.actor_id == "MM-PDF"


def test_raiders_from_a_country_are_not_its_government(top_event: TopEvent) -> None:
    text = "Turkana raiders from Ethiopia attack herders at Todonyang, two killed"
    assert _codes(top_event, text)[1] == 4


def test_gunmen_from_a_country_are_an_unidentified_armed_group(top_event: TopEvent) -> None:
    text = "Gunmen from Somalia attack a bus near Mandera, killing three passengers"
    assert _codes(top_event, text)[1] == 3


def _battle(actor1: Actor | None, actor2: Actor | None = None) -> Event:
    trigger = Span(start=0, end=8, label="trigger", text="Fighting")
    return Event(
        doc_id="t",
        trigger=trigger,
        sentence_index=0,
        plover_type="FIGHT",
        actor1=actor1,
        actor2=actor2,
        acled_event_type="Battles",
    )


def test_a_civil_war_battle_of_the_state_alone_gets_the_war_opposition() -> None:
    army = DICTIONARY.by_id["SS-SSPDF"].inferred("SS")
    mutiny = war_opponent(DICTIONARY, _battle(army), "SS", date(2014, 1, 9))
    assert mutiny is not None and (mutiny.actor_id, mutiny.inter) == ("SS-MUTINY", 1)
    opposition = war_opponent(DICTIONARY, _battle(army), "SS", date(2015, 6, 1))
    assert opposition is not None and (opposition.actor_id, opposition.inter) == ("SS-SPLA-IO", 2)


def test_a_battle_outside_the_war_or_with_its_other_side_keeps_its_sides() -> None:
    army = DICTIONARY.by_id["SS-SSPDF"].inferred("SS")
    white_army = DICTIONARY.by_id["SS-WHITEARMY"].inferred("SS")
    assert war_opponent(DICTIONARY, _battle(army), "SS", date(2020, 3, 1)) is None
    assert war_opponent(DICTIONARY, _battle(army, white_army), "SS", date(2014, 1, 9)) is None
    assert war_opponent(DICTIONARY, _battle(white_army), "SS", date(2014, 1, 9)) is None
    kenya_army = DICTIONARY.by_id["KE-MIL"].inferred("KE")
    assert war_opponent(DICTIONARY, _battle(kenya_army), "KE", date(2014, 1, 9)) is None


def test_an_agentless_battle_of_the_mutiny_weeks_has_both_sides(top_event: TopEvent) -> None:
    text = "Fighting went on around Malakal town for a third day."
    top = top_event(text, published="2014-01-10")
    assert top is not None and top.actor2 is not None
    assert (top.actor1.inter if top.actor1 else None, top.actor2.name) == (
        1,
        "Mutiny of Military Forces of South Sudan",
    )


def test_a_force_that_dispersed_the_mob_itself_keeps_actor2() -> None:
    d = DICTIONARY
    text = "Police fired teargas to disperse a mob of traders who were stoning a bus in Moshi."
    doc = Document(text=text)
    doc.sentences = [Sentence(start=0, end=len(text), text=text)]
    trigger = text.index("mob")
    event = Event(
        doc_id="t",
        trigger=Span(start=trigger, end=trigger + 3, label="trigger", text="mob"),
        sentence_index=0,
        plover_type="ASSAULT",
        actor1=d.by_id["GEN-RIOTERS"].inferred("TZ"),
        actor2=Actor(text="Police", start=0, end=6, inter=1, name="Police Forces of Tanzania"),
        acled_sub_event_type="Mob violence",
    )
    assert rescued_victims(d, doc, event, "TZ") is None
    saved = text.replace("fired teargas to disperse", "intervened and saved a driver from")
    doc = Document(text=saved)
    doc.sentences = [Sentence(start=0, end=len(saved), text=saved)]
    start = saved.index("mob")
    event.trigger = Span(start=start, end=start + 3, label="trigger", text="mob")
    coded = rescued_victims(d, doc, event, "TZ")
    assert coded is not None and coded.inter == 7
