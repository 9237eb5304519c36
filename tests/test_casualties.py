"""Casualties: mentions (killed / wounded / arrested / kidnapped), incident tolls, the stage."""

from __future__ import annotations

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
from eventwire.records import Place
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
def test_a_toll_shared_by_several_rows_gives_the_part_most_rows_get(
    text: str, killed: int
) -> None:
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
