"""Issue 16: coding that generalises — one test per error class, on our own sentences.

Each test names the class of the issue it guards: communal militias, strategic developments
(note labels, road blocks), abductions with harm, actor codes (regional and national forces,
identity militias), dates (the historical present of notes, a stated day over "overnight"),
and an armed group as a party to a clash (the sense filter).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.events.labels import note_label
from eventwire.records import Document

Run = Callable[..., Document]


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return load_actor_dictionary()


def _top(run_text: Run, text: str, published: str = "2021-06-10") -> tuple[str | None, Document]:
    doc = run_text(text, published=published)
    assert doc.events, text
    return doc.events[0].acled_sub_event_type, doc


# -- class 4: communal militias vs crowds ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Two rival clans clashed over a water point near Horo village, leaving three dead.",
        "Members of two feuding families clashed in the fields outside Tamba on Sunday.",
        "Tribesmen of two communities clashed over grazing land east of Orra.",
    ],
)
def test_clans_families_and_tribes_clashing_are_armed_clashes(run_text: Run, text: str) -> None:
    sub, _ = _top(run_text, text)
    assert sub == "Armed clash"


def test_crowd_against_police_stays_mob_violence(run_text: Run) -> None:
    sub, _ = _top(run_text, "Traders clashed with municipal police over stall fees in Lindu.")
    assert sub == "Mob violence"


def test_ethnic_and_clan_modifiers_make_identity_militias(d: ActorDictionary) -> None:
    assert code_mention(d, "Pokot raiders").inter == 4
    assert code_mention(d, "Misseriya gunmen").inter == 4
    assert code_mention(d, "Hawiye sub-clan militia").inter == 4
    assert code_mention(d, "cattle raiders").inter == 4
    assert code_mention(d, "unknown gunmen").inter == 3  # no community named


# -- class 5: strategic developments -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Movement of forces: On 2 June, about 300 fighters were seen near Gedo.",
        "Looting: On 2 June, soldiers took two sacks of grain from traders at Duma.",
        "Defusal: On 2 June, police found and defused a device on the Kima road.",
        "Non-violent activity: On 2 June, the group met elders in Baro.",
    ],
)
def test_note_labels_name_the_sub_type(run_text: Run, text: str) -> None:
    label = note_label(text)
    assert label is not None
    top, _ = _top(run_text, text)
    assert top == label[0]


def test_unknown_prefix_is_no_label() -> None:
    assert note_label("Reports say: gunmen attacked a bus.") is None
    assert note_label("Gunmen attacked a bus: two died.") is None


def test_protesters_behind_barricades_stage_a_violent_demonstration(run_text: Run) -> None:
    text = "Students barricaded the Jomo road with logs to protest the death of a classmate."
    sub, _ = _top(run_text, text)
    assert sub == "Violent demonstration"
    sub, _ = _top(run_text, "Teachers marched peacefully to the ministry over unpaid wages.")
    assert sub == "Peaceful protest"


# -- abductions: held and harmed is an attack, held only is an abduction -----------------------
def test_abducted_and_killed_is_an_attack(run_text: Run) -> None:
    text = "Militants abducted three farmers near Kolo. Two of them were later found dead."
    sub, _ = _top(run_text, text)
    assert sub == "Attack"
    sub, _ = _top(run_text, "Militants abducted three farmers near Kolo and took them away.")
    assert sub == "Abduction/forced disappearance"


# -- class 7: actor codes ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mention", "inter"),
    [
        ("Puntland Dervish Force", 1),
        ("Jubaland security forces", 1),
        ("the ENDF", 1),
        ("SAF", 1),
        ("SPLA/M-IO", 2),
        ("LRA", 2),
        ("SLM/A-Minawi", 2),
    ],
)
def test_regional_and_national_forces_and_rebels(
    d: ActorDictionary, mention: str, inter: int
) -> None:
    assert code_mention(d, mention).inter == inter


# -- class 6: an armed group is a party, not a rival in a dispute ------------------------------
def test_clash_with_a_named_armed_group_is_kept(run_text: Run) -> None:
    text = "On 3 May 2021, Dervish Force clashed with Islamic State fighters near Karin village."
    sub, _ = _top(run_text, text)
    assert sub == "Armed clash"
    assert not run_text("The two ministers clashed over the budget.", published="2021-05-03").events


# -- class 8: dates ----------------------------------------------------------------------------
def test_historical_present_of_a_note_keeps_its_day(run_text: Run) -> None:
    doc = run_text("Gunmen shoot a shopkeeper in Kalo market.", published="2016-04-12")
    when = doc.events[0].date
    assert when is not None and (when.start, when.end) == (date(2016, 4, 12), date(2016, 4, 12))
    assert not when.recurring


def test_habitual_cue_still_makes_a_range(run_text: Run) -> None:
    doc = run_text("Nearly daily, gunmen seize farmers on the Kalo road.", published="2016-04-12")
    when = doc.events[0].date
    assert when is not None and when.recurring and when.start < date(2016, 4, 12)


def test_stated_day_beats_overnight(run_text: Run) -> None:
    text = "On 17 March 2024, overnight, militants attacked a police post in Wara."
    doc = run_text(text, published="2024-03-17")
    when = doc.events[0].date
    assert when is not None and when.start == date(2024, 3, 17)


# -- class 2: weapon nouns do not override the engagement --------------------------------------
def test_air_support_in_a_battle_is_the_battle(run_text: Run) -> None:
    text = (
        "On 4 May 2021, the army clashed with militants near Daru. The operation was "
        "supported by an airstrike. Three soldiers were killed."
    )
    sub, _ = _top(run_text, text)
    assert sub == "Armed clash"
    sub, _ = _top(run_text, "Warplanes struck the market in Daru on 4 May 2021, killing 12.")
    assert sub == "Air/drone strike"


def test_state_forces_that_bombed_a_place_struck_from_the_air(run_text: Run) -> None:
    sub, _ = _top(run_text, "Government forces bombed the villages east of Tulu on 2 May 2021.")
    assert sub == "Air/drone strike"
    sub, _ = _top(run_text, "Militants bombed a bus station in Tulu on 2 May 2021, killing 4.")
    assert sub == "Remote explosive/landmine/IED"
    text = "Islamic State militants bombed a market in Tulu on 2 May 2021, killing 4."
    sub, _ = _top(run_text, text)  # "State" in a rebel group's name is no state force
    assert sub == "Remote explosive/landmine/IED"
    sub, _ = _top(run_text, "The air force dropped three bombs on Tablo village on 2 May 2021.")
    assert sub == "Air/drone strike"


# -- class 1 and 4: who the attackers are -----------------------------------------------------
def test_an_armed_or_unidentified_group_is_no_crowd(run_text: Run) -> None:
    text = "A group of armed men attacked Maro village, killing one herder and taking cattle."
    sub, _ = _top(run_text, text)
    assert sub == "Attack"


def test_a_police_station_named_as_the_scene_is_no_armed_target(run_text: Run) -> None:
    text = "On 16 March 2021, officers based at the Naro police station shot dead a carpenter."
    sub, _ = _top(run_text, text)
    assert sub == "Attack"
