"""Casualties: mentions (killed / wounded / arrested / kidnapped), incident tolls, the stage."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.pipeline.casualties.numbers import load_number_lexicon
from eventwire.pipeline.casualties.stage import CasualtiesStage
from eventwire.pipeline.casualties.tolls import (
    find_mentions,
    incident_toll,
    load_cue_lexicon,
    split_share,
)
from eventwire.records import Place, When
from test_dates import make_doc


def toll(text: str, category: str = "killed") -> int | None:
    mention = incident_toll(find_mentions(text), category)
    return None if mention is None else mention.best


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Gunmen killed twelve villagers near the market.", 12),
        ("Three police officers were killed and two were wounded.", 3),
        ("The raid left at least 5 people dead.", 5),
        ("More than 20 people died when the bridge was bombed.", 20),
        ("Fighters attacked the post, killing 9 of them and injuring 4.", 9),
        ("A shell hit the house, killing a mother and her daughter.", 2),
        ("One soldier and two rebels were killed in the exchange.", 3),
        ("At least 4 people (including 1 reporter) and 2 guards were killed.", 6),
        ("Insurgents wheel car bombs into markets, killing dozens.", 12),
        ("Scores of people were killed in the fighting.", 20),
        ("Militia members shot two farmers to death.", 2),
        ("The bodies of three men were found by the road.", 3),
        ("A driver was shot dead at the checkpoint.", 1),
        ("Between five and 23 migrants drowned.", 5),
        ("Several fighters were killed.", 10),
        ("No casualties were reported after the blast.", 0),
        ("Neither injuries nor deaths were reported.", 0),
        ("Soldiers were accused of trying to kill a student.", None),
        ("Aircraft struck the hills, killing or injuring 2 fighters.", None),
        ("Police arrested 14 protesters and detained two journalists.", None),
        ("A bomber killed at least 25 people and wounded 40 others at a bus stop.", 25),
        ("Officials put the death toll at 43.", 43),
        ("The guard, 24, was killed instantly.", 1),
        ("A drone strike killed a commander and three of his aides.", 4),
        ("Omar Haddad, a judge and a poet, was shot dead outside his home.", 1),
        ("The blast left 12 dead and dozens wounded.", 12),
        ("Two people were killed and five others injured when a mine exploded.", 2),
        ("The siege went on for several days and nine guards were killed.", 9),
        ("The battle lasted two hours and four rebels were killed.", 4),
    ],
)
def test_sentence_tolls(text: str, killed: int | None) -> None:
    assert toll(text) == killed


def test_categories_are_kept_apart() -> None:
    text = "Two guards were killed, 7 were wounded, 3 were arrested and 4 were kidnapped."
    assert [toll(text, c) for c in ("killed", "wounded", "arrested", "kidnapped")] == [2, 7, 3, 4]


def test_coder_notes_win() -> None:
    assert toll("Four rebels were killed. Fatalities coded as 0 (local media reported 4).") == 0
    assert toll("Fighting killed 10-15 fighters. 3 fatalities split among 3 events.") == 1
    assert toll("A man was shot dead in the square. 1 fatality.") == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # 8, 7, 7 over the three rows: most rows get 7
        ("Raids left 22 people dead in three villages (coded across 3 events).", 7),
        # 9, 8, 8: the same
        ("Raids left 25 people dead (coded across 3 events).", 8),
        # 1 and eleven 0: a row of such a note most likely carries none
        ("One soldier was killed [1 fatality split among 12 events].", 0),
        ("Ten farmers were killed in the attacks. Fatalities split between two events.", 5),
        ("Ten farmers were killed in the attacks.", 10),
    ],
)
def test_a_toll_shared_by_several_rows_gives_the_part_most_rows_get(text: str, killed: int) -> None:
    mentions = [m for part in text.split(". ") for m in find_mentions(part)]
    assert split_share(mentions, incident_toll(mentions)).best == killed  # type: ignore[union-attr]


def test_updated_toll_prefers_the_latest() -> None:
    mentions = find_mentions("A bomb killed 12 people on Monday.") + find_mentions(
        "The death toll rose to 30 on Tuesday.", offset=40
    )
    assert incident_toll(mentions).best == 30  # type: ignore[union-attr]


def test_anaphora_does_not_double_count() -> None:
    text = "Gunmen shot a taxi driver in the street. The victim died in hospital."
    mentions = [m for part in text.split(". ") for m in find_mentions(part)]
    assert incident_toll(mentions).best == 1  # type: ignore[union-attr]


def test_pronoun_victims_take_the_last_count() -> None:
    first = "Gunmen abducted 6 drivers on the highway."
    second = "They later killed them."
    mentions = find_mentions(first) + find_mentions(second, offset=len(first) + 1)
    assert incident_toll(mentions).best == 6  # type: ignore[union-attr]


def test_background_kill_is_not_the_protest_toll() -> None:
    (mention,) = find_mentions("Students marched to condemn the killing of a teacher.")
    assert mention.background


def test_mention_span_points_at_the_words() -> None:
    text = "Clashes erupted and 3 soldiers were killed near the bridge."
    (mention,) = find_mentions(text, offset=10)
    assert text[mention.start - 10 : mention.end - 10] == "3 soldiers were killed"


@pytest.fixture(scope="module")
def stage() -> CasualtiesStage:
    return CasualtiesStage(load_cue_lexicon(), load_number_lexicon())


def test_stage_sums_one_incident(stage: CasualtiesStage) -> None:
    text = (
        "Rebels attacked an army post near the border. Four soldiers were killed and six "
        "wounded. The army said 3 attackers also died."
    )
    doc = stage(make_doc(text, None, ["attacked"]))
    fat = doc.events[0].fatalities
    assert fat is not None and (fat.best, fat.wounded) == (7, 6)
    assert doc.text[fat.start : fat.end].startswith("Four soldiers were killed")


def test_stage_keeps_separate_incidents_apart(stage: CasualtiesStage) -> None:
    text = "A car bomb killed 5 people in the market. Separately, gunmen killed 2 guards."
    doc = stage(make_doc(text, None, ["bomb", "gunmen"]))
    assert [e.fatalities.best for e in doc.events] == [5, 2]  # type: ignore[union-attr]


def test_stage_splits_incidents_by_place(stage: CasualtiesStage) -> None:
    text = "A mortar hit a school, killing 4 children. A drone hit a car, killing 2 men."
    doc = make_doc(text, None, ["mortar", "drone"])
    doc.events[0].location = Place("Town A", name="Town A")
    doc.events[1].location = Place("Town B", name="Town B")
    doc = stage(doc)
    assert [e.fatalities.best for e in doc.events] == [4, 2]  # type: ignore[union-attr]


def test_stage_leaves_silent_and_non_violent_events_alone(stage: CasualtiesStage) -> None:
    doc = make_doc("Leaders signed a truce. Gunmen later killed 3 farmers.", None, ["signed"])
    doc.events[0].plover_type = "AGREE"
    doc = stage(doc)
    assert doc.events[0].fatalities is None
    doc = stage(make_doc("Protesters marched through the capital.", None, ["marched"]))
    assert doc.events[0].fatalities is None


def test_stage_cause_of_a_protest_is_not_its_toll(stage: CasualtiesStage) -> None:
    text = "Residents demonstrated after a soldier shot and killed a driver."
    doc = make_doc(text, None, ["demonstrated", "killed"])
    doc.events[0].plover_type = "PROTEST"
    doc = stage(doc)
    assert doc.events[0].fatalities is None
    assert doc.events[1].fatalities is not None and doc.events[1].fatalities.best == 1


def test_clause_break_keeps_the_toll(stage: CasualtiesStage) -> None:
    doc = stage(make_doc("Police fired after a crowd gathered, killing 3.", None, ["fired"]))
    assert doc.events[0].fatalities is not None and doc.events[0].fatalities.best == 3


def test_stage_wounded_only(stage: CasualtiesStage) -> None:
    doc = stage(make_doc("Police fired tear gas, injuring 11 protesters.", None, ["fired"]))
    fat = doc.events[0].fatalities
    assert fat is not None and fat.best is None and fat.wounded == 11


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=160))
def test_find_mentions_never_raises(text: str) -> None:
    for mention in find_mentions(text):
        assert mention.category in ("killed", "wounded", "arrested", "kidnapped")
        assert mention.best is None or mention.best >= 0
        assert 0 <= mention.start <= mention.end <= len(text)
    incident_toll(find_mentions(text))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Gunmen",
                "killed",
                "were",
                "three",
                "dozens",
                "of",
                "wounded",
                "and",
                ",",
                "the",
                "victim",
                "died",
                "at least",
                "10-15",
                "or",
                "injured",
                "fatalities",
                "coded as",
                "no",
            ]
        ),
        max_size=14,
    )
)
def test_casualty_word_salad_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    best = incident_toll(find_mentions(text))
    assert best is None or (best.best or 0) >= 0


# -- issue 16: classes of toll errors on analysts' notes (sentences written for these tests) --
def paragraph_toll(text: str) -> int | None:
    """The toll of a paragraph split on ". ", as the stage reads one incident."""
    mentions, offset = [], 0
    for part in text.split(". "):
        mentions += find_mentions(part, offset)
        offset += len(part) + 2
    mention = split_share(mentions, incident_toll(mentions))
    return None if mention is None else mention.best


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a whole coder note beats a partial one told before it
        (
            "A chief and some guards died. Unspecified fatalities coded as 3. "
            "Fatalities coded as 4",
            4,
        ),
        # the coder's number stands for the unknown ones; the counted ones are added
        (
            "One officer and an unreported number of villagers died. Unknown number of "
            "fatalities coded as 3",
            4,
        ),
        ("Several rebels were killed (coded as 10). Two villagers died in the crossfire", 12),
        ("Forty fatalities split across 4 events and coded as 11 for this event", 11),
        ("Fatalities coded as 12 and spread across three locations in two days", 2),
        ("Unknown deaths coded at 4, in addition to 3 known fatalities", 7),
        ("Nine people were killed. Fatalities split up between 3 events", 3),
        ("There were several fatalities (coded as 6), split across two events", 3),
        ("Fatalities split across two locations, coded as 2", 2),
        ("The raiders killed nobody. No fatalities were assumed", 0),
    ],
)
def test_coder_notes_of_a_paragraph(text: str, killed: int) -> None:
    assert paragraph_toll(text) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # two counts told in one clause list each person once
        ("The insurgents claimed to have killed 4 guards and 6 others were injured.", 4),
        # a competing source does not add its count to the one told before
        ("Three soldiers were killed. The rebels claimed to have killed 20 soldiers", 3),
        ("Initial reports said 5 people were killed; later reports put it at 2 killed.", 2),
        # a lone competing count still stands
        ("The rebels claimed to have killed 20 soldiers.", 20),
        # one person told of with a pronoun, a reflexive, a body
        ("Bandits attacked a trader on the road. He died on the way to hospital", 1),
        ("The gang abducted a teacher and killed him.", 1),
        ("The bomber killed himself and two guards.", 3),
        ("A herder went missing. His body was found in a river", 1),
        ("A body was found near the camp.", 1),
        ("He had bruises all over his body.", None),
        # animals and things are not fatalities; people named by what they herd are
        ("Raiders killed 40 goats and two herders.", 2),
        ("Troops neutralized three IEDs planted on the road.", None),
        ("Police killed four suspected livestock thieves.", 4),
        # a nominal kill is the event's result after a result verb, its cause otherwise
        ("Fighting broke out, resulting in the deaths of five fighters.", 5),
        ("Residents protested the death of a teenager in custody.", None),
        ("The killing is believed to be a revenge attack by rival groups.", None),
        # headline style: a lone person noun after the verb is one person
        ("Gunmen kill policeman in market raid.", 1),
        ("The man he killed earlier was his neighbour.", None),
        # asides between the victims and the verb
        ("A farmer in Lodwar, in the north, was shot dead by raiders.", 1),
        ("Two traders were attacked and killed by gunmen.", 2),
        ("Militiamen killed and mutilated the body of a villager.", 1),
        ("The mob lynched a man allegedly for killing his neighbour.", 1),
        # a breakdown of a toll told before
        ("Six people were killed in the clashes. The dead included a boy and four herders", 6),
        # an analyst's closing note with markup after it
        ("A man was beaten and killed in his shop. 1 killed. [size=no report]", 1),
        ("Gunmen shoot dead a village chief.", 1),
        ("Soldiers shoot a civilian dead at a checkpoint.", 1),
        ("Fighting erupted, leading to one death.", 1),
        ("Some 140 prisoners on death row rioted.", None),
    ],
)
def test_toll_error_classes(text: str, killed: int | None) -> None:
    assert paragraph_toll(text) == killed


def test_a_coder_note_speaks_for_every_incident_of_its_paragraph() -> None:
    text = (
        "On 3 May, fighters attacked a post in Alpha, killing five guards. "
        "Fatalities coded as 5 in one event and unknown fatalities coded as 10 in another."
    )
    doc = make_doc(text, None, ["attacked", "Fatalities"])
    doc.events[0].location = Place("Alpha", name="Alpha")
    doc.events[1].location = Place("Beta", name="Beta")  # a second incident by place
    doc = CasualtiesStage(load_cue_lexicon(), load_number_lexicon())(doc)
    assert [e.fatalities.best for e in doc.events] == [5, 5]  # type: ignore[union-attr]
    assert doc.events[0].fatalities.text == doc.events[1].fatalities.text  # type: ignore[union-attr]


def test_a_kill_in_a_relative_clause_is_background_to_a_protest(stage: CasualtiesStage) -> None:
    text = (
        "Students marched to the ministry over the loss of a classmate who died in a "
        "shooting at the gate."
    )
    doc = make_doc(text, None, ["marched"])
    doc.events[0].plover_type = "PROTEST"
    doc.events[0].acled_event_type = "Protests"
    assert stage(doc).events[0].fatalities is None
    # the same clause beside an attack still gives the attack its toll
    doc = make_doc("Gunmen opened fire on a bus, which killed 3 passengers.", None, ["fire"])
    doc.events[0].acled_event_type = "Violence against civilians"
    fat = stage(doc).events[0].fatalities
    assert fat is not None and fat.best == 3


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a total told across several attacks, each reported on its own: this one's share
        ("A car bomb hit the market. Twelve people were killed across all four blasts.", 3),
        ("A car bomb hit the market. Nine people died across both explosions.", 5),
        ("A car bomb hit the market. Six were killed across this and a similar attack.", 3),
        ("A car bomb hit the market. Eight were killed across this and two other attacks.", 3),
        ("A car bomb hit the market. Nine died, distributed evenly across three events.", 3),
        # no number in the sentence: the report says how many attacks there were
        (
            "A car bomb hit the market. It was one of four coordinated attacks in the city. "
            "Twenty people were killed across all attacks.",
            5,
        ),
        ("A car bomb hit the market. Twenty people were killed across all attacks.", 20),
        # the defenders repelled the attacks the toll is told for
        ("A car bomb hit the gate. Guards repelled both assaults, killing 9 gunmen.", 5),
        ("A car bomb hit the gate. Guards repelled the three attacks, killing 12 gunmen.", 4),
        (
            "A car bomb hit the gate. This was one of four raids on the town that night. "
            "Guards repelled the raids, killing 20 gunmen.",
            5,
        ),
        # one attack repelled: its own toll
        ("A car bomb hit the gate. Guards repelled the attack, killing 9 gunmen.", 9),
        ("A car bomb hit the gate. Both raids were repelled, killing 8 gunmen.", 4),
        # a toll told for some of the attacks
        ("A car bomb hit the gate. Ten gunmen were killed in two of the six attacks.", 5),
        # the attackers named beside the victims died as well
        ("A car bomb hit the market. In addition to the bomber, four people were killed.", 5),
        ("A car bomb hit the market. In addition to three gunmen, a guard was killed.", 4),
        # no death said after it: nothing added
        ("A car bomb hit the market. In addition to the gunmen, police arrested two men.", None),
    ],
)
def test_tolls_shared_by_attacks_and_attackers_counted(
    stage: CasualtiesStage, text: str, killed: int | None
) -> None:
    fat = stage(make_doc(text, None, ["bomb"])).events[0].fatalities
    assert (fat.best if fat is not None else None) == killed


@pytest.mark.parametrize(
    ("text", "later", "killed"),
    [
        # the captives of an abduction killed or found dead on a later day: its toll
        ("On 3 May, gunmen abducted 4 traders. Their bodies were found on 6 May.", "found", 4),
        ("On 3 May, gunmen abducted 9 herders. Three hostages were killed on 5 May.", "killed", 3),
        # another kill on a later day after a kill told already: another incident
        (
            "On 3 May, gunmen abducted 4 traders and killed a guard. On 6 May, a body was found.",
            "found",
            1,
        ),
        # new victims on a later day: another incident
        ("On 3 May, gunmen abducted 4 traders. Six farmers were killed on 6 May.", "killed", None),
    ],
)
def test_captives_found_dead_later_join_the_abduction(
    stage: CasualtiesStage, text: str, later: str, killed: int | None
) -> None:
    doc = make_doc(text, None, ["abducted", later])
    doc.events[0].date = When(None, date(2020, 5, 3), date(2020, 5, 3), "day")
    doc.events[1].date = When(None, date(2020, 5, 6), date(2020, 5, 6), "day")
    fat = stage(doc).events[0].fatalities
    assert (fat.best if fat is not None else None) == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a toll told for a fight of several days: one day's part
        ("Herders and farmers clashed near the river. 12 dead over 2 days of fighting.", 6),
        ("Militias fought in the hills. 7 people were killed over three days.", 2),
        ("Raiders attacked the camps in the last two days of attacks, killing 3.", 2),
        # a coder's note says it better
        ("Militias fought in the hills. 8 killed over two days (fatalities coded as 8).", 8),
        # no span of the fight: as told
        ("Raiders attacked the camp, a second attack in two days, killing 4.", 4),
        ("After three days of raids, militias attacked the camp, killing 9.", 9),
    ],
)
def test_a_toll_told_over_several_days_is_shared_by_day(
    stage: CasualtiesStage, text: str, killed: int
) -> None:
    fat = stage(make_doc(text, None, ["ed "])).events[0].fatalities
    assert fat is not None and fat.best == killed
