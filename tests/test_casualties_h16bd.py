"""Fatalities (issue 16, helper h16bd): a clause joined before a passive kill is no victim,
bodies told in a relative clause of counted victims, buildings and warrants are no people,
one person told by two roles before a singular verb, kills a closing "(coded separately)"
puts in another row, kills an "after" clause dates earlier than the event."""

from __future__ import annotations

import pytest

from eventwire.pipeline.casualties.earlier_after import mark_earlier_after
from eventwire.pipeline.casualties.np_clauses import after_clauses, clause_subject
from eventwire.pipeline.casualties.numbers import load_number_lexicon
from eventwire.pipeline.casualties.separate_rows import drop_separately_coded
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def _toll(text: str) -> int | None:
    toll = incident_toll(find_mentions(text))
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a clause before "and": only the conjunct after it names the dead
        ("Villagers fought back and one of the raiders was killed.", 1),
        ("The guards fired back and one of the robbers was found dead.", 1),
        ("Police opened fire on the crowd and a student was shot dead.", 1),
        # twins that keep their reading: conjoined people, a participle before a noun
        ("Two soldiers and one of the raiders were killed.", 3),
        ("4 armed men and a trader were killed.", 5),
        ("Unidentified gunmen and a soldier were killed.", 1),
        # a reduced relative's noun is the kill's subject: the clause's ("Reporters", a bare
        # plural read as ACLED's ten) is never taken for it
        (
            "Reporters marched in the town to demand justice for a colleague tortured to death.",
            None,
        ),
    ],
)
def test_a_clause_before_and_is_no_victim(text: str, dead: int | None) -> None:
    assert _toll(text) == dead


def test_a_pronoun_clause_names_the_victims_counted_before() -> None:
    first = "Gunmen killed three herders near the river."
    second = "They walked to the grazing land and were found dead the next morning."
    mentions = find_mentions(first) + find_mentions(second, len(first) + 1)
    toll = incident_toll(mentions)
    assert toll is not None and toll.best == 3  # not 3 + 1 ("They" read as a named person)


def test_clause_subject() -> None:
    lex = load_number_lexicon()
    assert clause_subject("They walked to the market", lex) == "They"
    assert clause_subject("Police fired back", lex) == "Police"
    assert clause_subject("5 armed men", lex) is None
    assert clause_subject("suspected rebels", lex) is None
    # the relative's noun is the subject of the kill, not the clause's
    assert clause_subject("Youths stoned the house of a herder who", lex) is None
    assert after_clauses(["Police fired back", "one of the attackers"], lex) == [
        "one of the attackers"
    ]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Militants stopped a truck, killing four drivers, whose bodies were left on the road.", 4),
        ("Rebels killed six villagers, whose bodies were later recovered by soldiers.", 6),
    ],
)
def test_bodies_of_whose_are_the_victims_counted(text: str, dead: int) -> None:
    assert _toll(text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("one dead, 3 houses burned down and 5 goats killed.", 1),
        ("2 huts burned down and 1 child killed.", 1),
        # a person named by a building keeps the reading
        ("Raiders killed the owner of the shop and injured two others.", 1),
        ("Police executed a search warrant at the house of a suspect.", None),
        # twins: people executed count
        ("Rebels executed a village chief.", 1),
        ("Soldiers executed three suspects.", 3),
    ],
)
def test_buildings_and_warrants_are_no_people(text: str, dead: int | None) -> None:
    assert _toll(text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("A local journalist and UDP activist was shot dead in the town.", 1),
        ("A retired teacher and ANC councillor was murdered at his home.", 1),
        # twins: two people (a determiner or a plural verb)
        ("A journalist and a rights activist were shot dead in the town.", 2),
        ("A man and his wife were murdered at their home.", 2),
        ("A soldier and two civilians were killed.", 3),
    ],
)
def test_one_person_told_by_two_roles(text: str, dead: int) -> None:
    assert _toll(text) == dead


def _sentence_toll(text: str) -> int | None:
    mentions = drop_separately_coded(text, 0, find_mentions(text))
    mark_earlier_after(text, 0, mentions)
    toll = incident_toll(mentions)
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    "text",
    [
        "Elders met in the town, saying gunmen had killed two herders (coded separately).",
        "Last week, the militants said they had killed several policemen (coded separately).",
        "Traders marched, accusing police of killing civilians in the market (coded separately).",
    ],
)
def test_a_kill_coded_separately_is_another_row(text: str) -> None:
    assert not _sentence_toll(text)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the simple past: the event's own kill, the note is about something else
        ("A trader was killed and the guards fled, and a clash followed (coded separately).", 1),
        ("More than 12 rebels were killed on 3 and 4 May (coded separately).", 12),
        # no closing note
        ("The raid led to the deaths of two herders from the other clan.", 2),
    ],
)
def test_a_kill_of_the_event_keeps_its_toll_beside_the_note(text: str, dead: int) -> None:
    assert _sentence_toll(text) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Mothers marched in the capital, after 5 pupils were killed in a raid earlier in the east.",
        "Residents blocked the road after two farmers were killed in an ambush a week earlier.",
        "Youths rioted after a trader was killed by police two days before.",
    ],
)
def test_a_kill_an_after_clause_dates_earlier_is_background(text: str) -> None:
    assert not _sentence_toll(text)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Fighting broke out after 3 soldiers were killed in an ambush.", 3),
        ("After clashes earlier in the day, 4 rebels were killed.", 4),
    ],
)
def test_an_after_clause_without_an_earlier_time_keeps_its_toll(text: str, dead: int) -> None:
    assert _sentence_toll(text) == dead
