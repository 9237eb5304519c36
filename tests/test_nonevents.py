"""Non-events stay out (pipeline/events/nonevents.py, issue 15): our own sentences.

For each class of non-event wording, sentences that must yield no event of the kind (or no
violent event), and twins with the same words that must still yield the right event, so
each test can fail both ways.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import CODER_STAGES, Settings
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.events.senses import fiction_story
from eventwire.pipeline.events.triggers import load_lexicon
from eventwire.records import Document

Coded = Callable[[str], list[tuple[str, str | None, str]]]


@pytest.fixture(scope="module")
def coded(settings: Settings, resources: Resources) -> Coded:
    """(PLOVER type, ACLED sub-event type, modality) of every event of a text."""
    pipeline = Pipeline.from_settings(settings.replace(stages=CODER_STAGES), resources)

    def run(text: str) -> list[tuple[str, str | None, str]]:
        doc = pipeline(Document(text=text))
        return [(e.plover_type, e.acled_sub_event_type, e.modality) for e in doc.events]

    return run


@pytest.fixture(scope="module")
def violent(coded: Coded) -> Callable[[str], list[str]]:
    """ACLED sub-types of the asserted violent events of a text."""
    onto = load_ontology()

    def run(text: str) -> list[str]:
        return [
            sub
            for _, sub, modality in coded(text)
            if sub is not None
            and onto.is_violent(onto.crosswalk(sub).acled_event_type)
            and modality not in {"negated", "hypothetical"}
        ]

    return run


# --- 1. reporting and light-verb idioms are not cooperation ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "According to the ministry, exports rose by four percent last year.",
        "The council must deal with a backlog of planning complaints.",
        "The new stadium cost a great deal of money.",
    ],
)
def test_idioms_are_not_agreements(coded: Coded, text: str) -> None:
    assert not [p for p, _, _ in coded(text) if p == "AGREE"], text


def test_an_agreement_is_still_coded(coded: Coded) -> None:
    text = "The two parties signed a deal with the rebels to end the fighting in the north."
    assert "AGREE" in [p for p, _, _ in coded(text)]


# --- 2. routine security is no change of activity -----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police patrols were stepped up in the town centre ahead of the derby.",
        "Soldiers patrolled the streets of the capital on Monday.",
        "Extra riot police were deployed for the cup final at the weekend.",
        "The bank will recruit 300 graduates and deploy a new payments system.",
    ],
)
def test_routine_security_is_no_event(coded: Coded, text: str) -> None:
    assert not [s for _, s, _ in coded(text) if s == "Change to group/activity"], text


@pytest.mark.parametrize(
    "text",
    [
        "The army deployed 2,000 troops to the northern border province on Tuesday.",
        "The rebels recruited hundreds of fighters in the eastern villages.",
    ],
)
def test_notable_deployment_is_still_coded(coded: Coded, text: str) -> None:
    assert "Change to group/activity" in [s for _, s, _ in coded(text)], text


# --- 3. compounds that name a unit, a kit or a topic --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Riot police stood by as the fans left the ground.",
        "The bomb squad examined a suitcase left at the bus station.",
        "The government is spending billions on a missile defence system.",
        "Attack dogs were used to guard the warehouse.",
    ],
)
def test_unit_and_thing_compounds_are_no_violence(
    violent: Callable[[str], list[str]], text: str
) -> None:
    assert violent(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rioters who wrecked things, no protest told: Mob violence (riot_mobs.py, h16ci)
        ("Rioters set fire to cars and looted shops in the port city.", "Mob violence"),
        (
            "A bomb exploded at the bus station, killing four people.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_the_acts_themselves_are_coded(
    violent: Callable[[str], list[str]], text: str, expected: str
) -> None:
    assert expected in violent(text), text


# --- 4. accidental explosions --------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A gas explosion destroyed a terraced house in the town, killing two residents.",
        "A boiler exploded at a textile factory, injuring five workers.",
        "An explosion at a coal mine killed eleven miners on Sunday.",
        "A fuel tanker exploded on the motorway after a collision, killing its driver.",
        "A gas cylinder blew up in a restaurant kitchen, injuring three cooks.",
        "Fireworks stored in a shed exploded, killing two children.",
    ],
)
def test_accidental_explosions_are_no_attack(
    violent: Callable[[str], list[str]], text: str
) -> None:
    assert violent(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded outside a gas station, killing three people.",
        "A bomb planted in a fuel tanker exploded near the army base, killing two soldiers.",
    ],
)
def test_a_bomb_is_still_an_explosion(violent: Callable[[str], list[str]], text: str) -> None:
    assert "Remote explosive/landmine/IED" in violent(text), text


# --- 5. natural disasters --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake struck the mountain region on Monday, killing 300 people.",
        "The storm hit the coast on Friday, killing four fishermen.",
        "Floods killed 40 villagers in the north of the country.",
        "Lightning killed two farmers working in their fields.",
        "Cholera has killed 300 people since the outbreak began.",
        "A bus plunged into a ravine, killing 25 passengers.",
        "More than 200 people were killed in the earthquake, officials said.",
    ],
)
def test_disasters_are_no_attack(violent: Callable[[str], list[str]], text: str) -> None:
    assert violent(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen struck the village on Monday, killing 30 people.",
        "Gunmen killed 40 villagers in the north of the country.",
    ],
)
def test_armed_agents_still_attack(violent: Callable[[str], list[str]], text: str) -> None:
    assert "Attack" in violent(text), text


# --- 6. weapons as policy topics ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The country carried out a missile test on Sunday.",
        "The army tested a new ballistic missile off the coast.",
        "The bloc imposed sanctions over the chemical attack.",
        "An inquiry into the bombing will report next year.",
        "Washington approved the sale of 40 fighter jets to the kingdom.",
    ],
)
def test_weapons_as_topics_are_no_violence(violent: Callable[[str], list[str]], text: str) -> None:
    assert violent(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels fired a missile at the airport on Sunday.", "Shelling/artillery/missile attack"),
        (
            "Government forces carried out a chemical attack on the rebel-held town.",
            "Chemical weapon",
        ),
    ],
)
def test_weapons_used_are_violence(
    violent: Callable[[str], list[str]], text: str, expected: str
) -> None:
    assert expected in violent(text), text


# --- 7. figurative and sports senses ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The two leaders are engaged in a war of words over the border.",
        "The striker's shot at goal was saved by the keeper.",
        "The singer hit rock bottom after her second album flopped.",
        "The trade deal was struck at the summit in Brussels last week.",
        "Henry shot the Gunners into the lead after ten minutes.",
        "His howitzer of a penalty won the match.",
        "Fans are looking forward to the Scottish Cup clash between the two clubs.",
        "MPs bombarded the minister with a barrage of requests.",
        "The row demonstrated the deep divide within the party.",
    ],
)
def test_figurative_senses_are_no_violence(violent: Callable[[str], list[str]], text: str) -> None:
    assert violent(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "A gunman shot two shopkeepers in the market on Tuesday.",
        "Fans clashed with police outside the stadium after the match.",
        "The town came under a barrage of rockets and mortar fire.",
    ],
)
def test_literal_senses_are_violence(violent: Callable[[str], list[str]], text: str) -> None:
    assert violent(text) != [], text


def test_a_demonstration_against_a_law_is_a_protest(coded: Coded) -> None:
    events = coded("Thousands demonstrated against the new law in the capital.")
    assert "Peaceful protest" in [s for _, s, _ in events]


# --- 8. plots foiled before any act -------------------------------------------------------------
def test_a_foiled_plot_is_no_explosion(coded: Coded) -> None:
    events = coded("Police foiled a plot to bomb the city's underground railway.")
    assert not [
        s for _, s, _ in events if s in {"Remote explosive/landmine/IED", "Disrupted weapons use"}
    ]


def test_defused_bombs_are_disrupted_weapons_use(coded: Coded) -> None:
    events = coded("Police foiled the plot and defused two bombs left near the stadium.")
    assert "Disrupted weapons use" in [s for _, s, _ in events]


# --- 9. negated harm ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Nobody was hurt.",
        "No one was injured, the police said.",
        "There were no immediate reports of casualties.",
        "Two guards were not hurt.",
    ],
)
def test_negated_harm_is_no_event(coded: Coded, text: str) -> None:
    assert not [s for _, s, _ in coded(text) if s == "Attack"], text


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded outside the police station, but no one was injured.",
        "A bomb exploded near a school in the town on Monday. Nobody was hurt, police said.",
    ],
)
def test_the_explosion_stays_when_nobody_was_hurt(
    violent: Callable[[str], list[str]], text: str
) -> None:
    assert violent(text) == ["Remote explosive/landmine/IED"], text


def test_real_harm_is_still_an_attack(violent: Callable[[str], list[str]]) -> None:
    assert "Attack" in violent("Gunmen shot and injured two shopkeepers at the market.")


# --- suicides and participle references are not attacks ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police believe the banker killed himself at his home.",
        "Shares in the firm founded by the assassinated former prime minister fell 15%.",
        "The charity helps abused children find new homes.",
        "The hunt killed 30 foxes on Saturday.",
        "The sporting governing bodies met in Monaco to discuss doping.",
    ],
)
def test_suicide_and_references_are_no_attack(
    violent: Callable[[str], list[str]], text: str
) -> None:
    assert violent(text) == [], text


def test_a_suicide_bombing_is_still_coded(violent: Callable[[str], list[str]]) -> None:
    assert violent("A suicide bomber blew himself up at a checkpoint, killing six soldiers.")


def test_animals_killed_by_armed_men_are_still_coded(violent: Callable[[str], list[str]]) -> None:
    assert violent("Militants shot dead three rangers guarding the elephants in the park.")


FILM_STORY = (
    "The thriller, which opens in cinemas on Friday, stars the actor as a detective. "
    "In the film, his partner is shot dead by a gang in the opening scene. "
    "The director said the script had been rewritten for the sequel. "
    "Critics praised the cast and the soundtrack, and the studio expects a box-office hit."
)


def test_violence_told_in_a_film_story_is_no_event(violent: Callable[[str], list[str]]) -> None:
    assert violent(FILM_STORY) == []


def test_violence_reported_beside_a_film_is_still_coded(
    violent: Callable[[str], list[str]],
) -> None:
    text = "Gunmen shot dead two policemen at a checkpoint outside the city on Friday."
    assert "Attack" in violent(text) or "Armed clash" in violent(text)


GAME_REVIEW = (
    "The sequel to the hit video game arrives on the console next month. "
    "Players fight through ten levels, and the hero can fire rockets at enemy tanks. "
    "The studio says the storyline and the characters are darker than in the first game. "
    "Gamers who pre-order get a trailer, a soundtrack album and an extra level. "
    "Critics who played an early version praised the cast of voice actors and the director."
)


def test_violence_in_a_game_review_is_told(violent: Callable[[str], list[str]]) -> None:
    assert violent(GAME_REVIEW) == []


def test_fiction_story_tells_reviews_from_reports() -> None:
    lexicon = load_lexicon(())
    assert fiction_story(GAME_REVIEW, lexicon)
    assert fiction_story(FILM_STORY + " " + GAME_REVIEW, lexicon)
    report = (
        "Gunmen shot dead two policemen at a checkpoint on Friday. Militants later fired "
        "rockets at the army base, killing three soldiers, and a bomb exploded in the market."
    )
    match = (
        "The striker scored twice as the league leaders won the game. The keeper saved a "
        "penalty, and the coach praised the players after the match. The season resumes in "
        "the cup, where the team plays the champions in the next round of the tournament."
    )
    assert not fiction_story(report, lexicon)
    assert not fiction_story(match, lexicon)


# --- weapons carried, not used ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Militants armed with rifles and grenades stormed a police post near the river.",
        "Gunmen equipped with grenades and rifles raided a checkpoint outside the town.",
    ],
)
def test_weapons_the_attackers_carry_do_not_type_the_act(
    violent: Callable[[str], list[str]], text: str
) -> None:
    """How attackers were equipped describes them; the act is the storming (a clash)."""
    got = violent(text)
    assert got and "Grenade" not in got, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "Militants threw grenades at a police post near the river.",
        "A grenade exploded at a checkpoint outside the town, wounding two guards.",
    ],
)
def test_grenades_that_are_used_are_still_grenade_attacks(
    violent: Callable[[str], list[str]], text: str
) -> None:
    assert "Grenade" in violent(text), text


# --- 13. periods, crowd control, disasters told with a pronoun, business attacks ----------
@pytest.mark.parametrize(
    "text",
    [
        "After decades of hostilities, the two neighbours reopened their border crossing.",
        "The singer said she had endured years of abuse from online trolls.",
        "Years of fighting have left the old town without running water.",
    ],
)
def test_a_period_of_conflict_is_no_incident(
    text: str, violent: Callable[[str], list[str]]
) -> None:
    assert violent(text) == []


def test_a_period_keeps_the_incident_told_beside_it(violent: Callable[[str], list[str]]) -> None:
    text = "After weeks of protests, gunmen shot dead two students outside the university."
    assert violent(text) == ["Attack"]


def test_weeks_of_protests_are_no_protest_event(coded: Coded) -> None:
    events = coded("The prime minister resigned on Friday after weeks of street protests.")
    assert not [e for e in events if e[0] == "PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Riot police fired tear gas and water cannon at the marchers outside parliament.",
        "Officers fired rubber bullets and stun grenades to disperse the crowd of strikers.",
    ],
)
def test_crowd_control_munitions_are_no_attack(
    text: str, violent: Callable[[str], list[str]]
) -> None:
    assert not {"Attack", "Grenade", "Armed clash"} & set(violent(text))


def test_crowd_control_leaves_the_demonstration_with_intervention(coded: Coded) -> None:
    events = coded(
        "Riot police fired tear gas at hundreds of students who marched on parliament on Monday."
    )
    assert [sub for _, sub, _ in events] == ["Protest with intervention"]


def test_live_fire_at_a_crowd_is_still_violence(violent: Callable[[str], list[str]]) -> None:
    text = "Soldiers fired live rounds and tear gas at the marchers, killing four of them."
    assert violent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hurricane Mara killed 40 people when it struck the southern coast on Sunday.",
        "The tsunami, which killed thousands of people along the coast, destroyed the port.",
    ],
)
def test_a_disaster_told_with_a_pronoun_or_a_name_is_no_attack(
    text: str, violent: Callable[[str], list[str]]
) -> None:
    assert violent(text) == []


def test_an_attack_told_with_a_pronoun_is_still_an_attack(
    violent: Callable[[str], list[str]],
) -> None:
    text = "The militants killed nine villagers when they stormed the village at dawn."
    assert violent(text)


@pytest.mark.parametrize(
    "text",
    [
        "The chain launched an assault on the budget clothing market with a new range.",
        "The new chief executive launched a fierce attack on rival banks over their fees.",
    ],
)
def test_a_business_attack_is_no_violence(text: str, violent: Callable[[str], list[str]]) -> None:
    assert violent(text) == []


def test_an_attack_on_a_bank_by_gunmen_is_violence(violent: Callable[[str], list[str]]) -> None:
    assert violent("Gunmen attacked a bank in the town centre and killed two guards.")


def test_a_court_sentence_is_no_arrest(coded: Coded) -> None:
    events = coded("A court in Ankara on Tuesday jailed two men for life for the 2019 bombing.")
    assert "Arrests" not in [sub for _, sub, _ in events]


def test_police_jailing_protesters_is_still_an_arrest(coded: Coded) -> None:
    events = coded("Police detained and jailed six activists after the march in Minsk.")
    assert "Arrests" in [sub for _, sub, _ in events]
