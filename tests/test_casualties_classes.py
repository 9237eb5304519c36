"""Casualty counts by class of wording (issue 16, fatalities; own sentences)."""

from __future__ import annotations

import pytest

from eventwire.pipeline.casualties.numbers import find_quantities, load_number_lexicon
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll


def toll(text: str) -> int | None:
    mention = incident_toll([m for part in text.split(". ") for m in find_mentions(part)])
    return None if mention is None else mention.best


def test_a_definite_count_restates_victims_told_before() -> None:
    text = (
        "Two guards were killed when rebels stormed the post. "
        "The two guards killed were buried on Friday."
    )
    mentions = [m for part in text.split(". ") for m in find_mentions(part)]
    assert incident_toll(mentions).best == 2  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a participle before its clause's verb: the victims are on its left
        ("The three men killed were farmers from the valley.", 3),
        ("Four soldiers killed are said to be recruits.", 4),
    ],
)
def test_a_participle_before_a_verb_takes_its_victims_from_the_left(text: str, killed: int) -> None:
    assert incident_toll(find_mentions(text)).best == killed  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a word that begins like a month is no date: "5 separatists", "10 Janjaweed"
        ("Troops clashed with rebels, killing 5 separatists and one soldier.", 6),
        ("12 Janjaweed fighters were killed in the ambush.", 12),
        ("Gunmen shot dead 3 marines at the port.", 3),
        # conjoined victims before "dead"
        ("Fighting resumed. 9 soldiers and 2 rebels dead on the second day.", 11),
        ("Two guards and one raider dead after the raid.", 3),
        ("The blast left 12 dead and 30 wounded.", 12),
        # an unknown number killed is ACLED's unspecified count (10)
        ("Troops shelled the hills. Unknown number killed.", 10),
        ("Jets bombed the camp. Unspecified number killed, including 2 commanders.", 10),
        # a second verb ends the victims; "&" joins them
        ("Raiders kill 2 and injure 5 at a well.", 2),
        ("Police repelled the raid. 4 raiders & 1 constable were killed.", 5),
        # suicide bombers are among the dead
        ("Two bombers blew themselves up at the gate, killing a guard.", 3),
        ("A suicide bomber detonated herself near a mosque, killing 4 worshippers.", 5),
        ("A bomber blew himself up at a checkpoint, killing himself and a guard.", 2),
        ("A bomber blew himself up at the gate, 4 dead and 9 wounded.", 4),
    ],
)
def test_sentence_tolls_of_issue_16(text: str, killed: int) -> None:
    assert toll(text) == killed


def test_a_month_after_a_number_is_still_a_date() -> None:
    lex = load_number_lexicon()
    for text in ("on 5 Sept. 2019", "since 12 March", "on 4 December"):
        assert find_quantities(text, 0, lex) == [], text
    assert [q.best for q in find_quantities("7 separatists", 0, lex)] == [7]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # people taken before and then found dead are the dead of the event
        ("Rebels abducted two herders. The victims were found dead near the river.", 2),
        ("Police detained a man at the market. His dead body was found the next day.", 1),
        # a definite plural with nobody counted before stays unknown
        ("The attackers were killed.", None),
    ],
)
def test_people_taken_then_found_dead(text: str, killed: int | None) -> None:
    assert toll(text) == killed


# -- issue 16, third pass (helper h16h): chained verbs, denied kills, conjoined nouns --------
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a kill verb chained to another verb is active: the victims follow the second verb
        ("Raiders killed and beheaded a herder near the well.", 1),
        ("Villagers lynched and burnt a suspected thief in the market.", 1),
        ("Bandits killed and burned more than a dozen goats belonging to herders.", None),
        # a denied or averted kill is no death
        ("The raiders did not kill anyone in the village.", None),
        ("Police saved the two suspects from being lynched.", None),
        # conjoined bare person nouns are one person each
        ("A husband and wife were murdered by raiders.", 2),
        ("Mother and child killed in a bombardment of the town.", 2),
        ("Gunmen killed a soldier and his wife.", 2),
        # a part told with "of whom" is inside the count before it
        ("Twelve guards were killed in the raid, five of whom were first taken hostage.", 12),
        # a comma list of people before a closing "and": every item counts
        ("At least four guards, 12 attackers, and a driver were killed in the clash.", 17),
        ("Okonjo, a village chief, and two of his sons were killed in the raid.", 3),
        # a place before the comma is no person
        ("Militants stormed Garissa, Kenya, and two guards were killed.", 2),
        # "a father of four" is one person
        ("A father of four was killed by raiders.", 1),
        ("Gunmen shot dead a mother of three in her shop.", 1),
        # a pronoun victim with an adverb after it
        ("A gunman fired at a guard and killed him instantly.", 1),
        ("The bomber was cornered and detonated her vest, killing only herself.", 1),
    ],
)
def test_sentence_tolls_of_the_third_pass(text: str, killed: int | None) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a definite plural after other words restates the victims counted before
        ("Troops shot dead 5 herders near the well. Nobody knows why the herders were killed.", 5),
        ("Rebels abducted 2 guards at the post. Later the captured guards were found dead.", 2),
        # a bare person noun with a name or a participle after it is one person
        ("Militiamen shot and killed farmer Idris Bello near the river.", 1),
        ("Angry villagers kill man accused of theft.", 1),
        ("Angry villagers kill civilian protesters.", 10),  # a plural: ACLED's vague ten,
        # "beat to death <victim>": the victim after the cue
        ("A crowd beat to death a young herder at the market.", 1),
        # a singular passive kill whose long subject the phrase cannot count
        (
            "The treasurer of the farmers' union, as well as a member of the Green League, "
            "was ambushed, shot and killed by gunmen.",
            1,
        ),
        ("A senior, off-duty customs officer is shot and killed by two men.", 1),
        # a relative of a speaker, killed at another time: no victim of the event
        ("'We want justice,' said Omar Haddad, whose son was killed by the blast.", None),
        ("Gunmen fired on the convoy. Nobody was killed.", 0),
    ],
)
def test_victims_the_subject_or_object_phrase_names(text: str, killed: int | None) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "On 2 June, a trader was stabbed and killed in Garoua (Nord). 1 killed.",
        "1 killed. [",
    ],
)
def test_a_closing_note_the_parser_kept_in_its_sentence_is_the_toll(sentence: str) -> None:
    # one sentence as the parser left it (not split at ". ")
    assert incident_toll(find_mentions(sentence)).best == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a captive noun as the subject of a kill: the dead, not captives
        ("Five hostages were later executed near the river.", 5),
        ("One of the abductees was found dead near the road.", 1),
        # captives still held: no death
        ("Rebels took 8 hostages and killed 2 guards.", 2),
        # "they" counts the people told last, never one person
        ("Militiamen abducted 6 herders. They were found dead in a ditch.", 6),
    ],
)
def test_captives_killed_count_as_dead(text: str, killed: int) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a counted "casualties" is the toll when nothing else counts the dead
        ("Jets bombed the market, causing 14 casualties.", 14),
        ("Militiamen raided the camp. One causality reported.", 1),
        # beside a count of the dead it may hold the wounded: the dead stand
        ("Two guards were killed and 9 casualties were taken to hospital.", 2),
        # no number: no count
        ("The rebels suffered heavy casualties.", None),
        ("Some casualties were reported after the shelling.", None),
    ],
)
def test_counted_casualties_stand_only_alone(text: str, killed: int | None) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a count right before the cue after a comma is the toll, not an age aside
        ("Raiders stormed the farm, 6 killed.", 6),
        ("The guard, 31, was killed at the gate.", 1),
        # a list of people each with "a"/"an" before a closing "and"
        ("A 9-year-old girl, an elderly man, and a trader were killed in the shelling.", 3),
        ("Gunmen attacked a shop, a bar, and two guards were killed.", 2),
        # "both of them": two
        ("A guard stopped the bomber, who then detonated, killing both of them.", 2),
        # an updated toll told "from … to …": the new one
        ("Rebels shelled the town. Two died. The death total was raised from 2 to 7.", 7),
        ("Rebels shelled the town. The death toll rose from 3 to 11 on Monday.", 11),
    ],
)
def test_counts_before_the_cue_lists_and_raised_tolls(text: str, killed: int) -> None:
    assert toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a headline's two counts, each before its participle
        ("Jets bombed the market town, seven killed nine wounded.", 7),
        # an active verb with its object stays
        ("Gunmen killed 3 wounded 5 at the market.", 3),
    ],
)
def test_counts_before_each_participle(text: str, killed: int) -> None:
    assert toll(text) == killed
