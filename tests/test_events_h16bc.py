"""Issue 16, helper h16bc: notes that gave no event at all, own sentences.

Each class case gave no event before the change; each twin keeps its reading.

- a victim or a crowd named by a title, a trade or an amount (persons.py);
- a headline's verb the parse read as a noun modifier (headlines.py);
- short notes that report fighting (notes.py);
- police who disperse people, crowds that pour onto the streets, "aerial combardments";
- suspects who underwent a killing told by a participle.
"""

from __future__ import annotations

import pytest

from conftest import TopEvent

TITLED_VICTIMS = [
    "Two men kill a ferryman near Kora market.",
    "On 3 May 2021, unknown men killed the village chairman of Dalo in his home.",
    "On 3 May 2021, an unidentified group kidnapped a cloth seller and a herdsman near Dalo.",
]


@pytest.mark.parametrize("text", TITLED_VICTIMS)
def test_a_victim_named_by_a_title_or_trade_is_a_person(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Violence against civilians", "Battles"}


def test_killing_a_thing_stays_no_attack(top_event: TopEvent) -> None:
    event = top_event("The heavy frost killed the maize crop near Kora this week.")
    assert event is None or event.acled_event_type != "Violence against civilians"


AMOUNTS_OF_PEOPLE = [
    "On 3 May 2021, thousands of women marched for peace in Kora.",
    "On 3 May 2021, a number of party members demonstrated for membership status in Dalo.",
]


@pytest.mark.parametrize("text", AMOUNTS_OF_PEOPLE)
def test_an_amount_of_people_who_march_protests(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_members_who_demonstrate_a_thing_do_not_protest(top_event: TopEvent) -> None:
    event = top_event("Members of the club demonstrated the new irrigation pump to visitors.")
    assert event is None or event.acled_event_type != "Protests"


def test_person_suffixes() -> None:
    from eventwire.pipeline.events.persons import person_noun

    class Tok:
        def __init__(self, word: str) -> None:
            self.lower_ = word
            self.lemma_ = word
            self.pos_ = "NOUN"

    assert person_noun(Tok("ferryman"))
    assert person_noun(Tok("councilwoman"))
    assert not person_noun(Tok("man"))  # a suffix needs a stem; the lists name "man"
    assert not person_noun(Tok("crop"))


HEADLINE_VERBS = [
    "Youths attack shops and stalls in Kora market.",
    "Samburu invade homestead, attack residents.",
]


@pytest.mark.parametrize("text", HEADLINE_VERBS)
def test_a_headline_verb_read_as_a_modifier_is_the_act(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {
        "Violence against civilians",
        "Battles",
        "Explosions/Remote violence",
        "Riots",
    }


def test_attack_helicopters_stay_a_kit(top_event: TopEvent) -> None:
    event = top_event("Apache attack helicopters parked at Kora airfield.")
    assert event is None or event.trigger.text != "attack"


FIGHTING_REPORTED = [
    "Fighting in Dalo continues",
    "The peacekeeping mission reported intermittent fighting north of its camp in Dalo",
    'Fighting reported "all over Kora".',
]


@pytest.mark.parametrize("text", FIGHTING_REPORTED)
def test_a_short_note_that_reports_fighting(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Armed clash"


def test_fighting_a_thing_is_no_battle(top_event: TopEvent) -> None:
    event = top_event("Fighting malaria in Dalo remains hard")
    assert event is None or event.acled_event_type != "Battles"


DISPERSALS = [
    "Police dispersed opposition supporters in Kora.",
    "On 3 May 2021, police used tear gas to disperse crowds of traders in Dalo market.",
]


@pytest.mark.parametrize("text", DISPERSALS)
def test_police_who_disperse_people_end_a_protest(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_sub_event_type == "Protest with intervention"


def test_a_dispersal_after_a_riot_leaves_the_riot_the_event(top_event: TopEvent) -> None:
    text = (
        "On 3 May 2021, youths in Kora threw stones at passing cars and burned tyres on the "
        "main road. Police dispersed the crowd."
    )
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Riots"
    assert not event.trigger.text.lower().startswith("dispers")


def test_a_crowd_that_poured_onto_the_streets_protests(top_event: TopEvent) -> None:
    text = "Hundreds of teachers poured onto the streets of Kora over delayed salaries."
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type == "Protests"


def test_aerial_combardments(top_event: TopEvent) -> None:
    event = top_event("Aerial combardments over Dalo.")
    assert event is not None
    assert event.acled_sub_event_type == "Air/drone strike"


def test_suspects_killed_by_police_underwent_the_killing(top_event: TopEvent) -> None:
    event = top_event("3 gang suspects killed by police in Kora")
    assert event is not None
    assert event.trigger.text == "killed"


def test_suspects_accused_of_a_killing_stay_accused(top_event: TopEvent) -> None:
    event = top_event("Two suspects accused of killing a trader in Kora appeared in court.")
    assert event is None or event.acled_event_type is None or event.confidence < 0.5


COUNTED_HARM = [
    "40 injured.",
    "Several injured in a land dispute in Dalo.",
    "Two are dead in Dalo over a land issue.",
]


@pytest.mark.parametrize("text", COUNTED_HARM)
def test_a_short_note_that_counts_people_harmed(top_event: TopEvent, text: str) -> None:
    event = top_event(text)
    assert event is not None
    assert event.acled_event_type in {"Violence against civilians", "Battles"}


MISHAPS = ["Many injured in stampede at Kora stadium.", "Three dead in bus crash near Kora."]


@pytest.mark.parametrize("text", MISHAPS)
def test_people_harmed_in_a_mishap_are_no_incident(top_event: TopEvent, text: str) -> None:
    assert top_event(text) is None
