"""Fatalities (issue 16, helper h16bw): undercounts — kill verbs in a headline's present
tense and other words for a death ("behead", "stone to death", "passed away", "burned
alive", "claimed the life of", "causes the death of"), a side's own dead told as its
losses ("lost three fighters"), and the dead a passive kill after "but" shares with the
clause before it."""

from __future__ import annotations

import pytest

from conftest import TopEvent, top_dead
from eventwire.pipeline.casualties.losses import side_losses
from eventwire.pipeline.casualties.numbers import load_number_lexicon
from eventwire.pipeline.casualties.tolls import find_mentions


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a headline's present tense and a plural subject's present
        ("Insurgents behead 4 farmers near Mora and torch their granaries.", 4),
        ("Villagers stone to death three cattle thieves caught in Loiyangalani.", 3),
        ("Soldiers raid Kotido and torch huts. At least three herders burn to death.", 3),
        ("A clash between herders over land causes the death of two in Bungoma.", 2),
        ("Militants raid Garissa, then claim responsibility for the death of five.", 5),
        # a life taken, a death passed, a victim burned alive
        ("Police clashed with rebels in Tolitoli, which claimed the life of one rebel.", 1),
        ("Vigilantes burned alive a suspected robber in Uvira.", 1),
        ("A mob beat a suspected robber in Uvira. The victim passed away.", 1),
        # the -ing forms of a verb told with "to death", and strangling
        ("Rioters chased the robbers through Garoua, burning two of them to death.", 2),
        ("A driver fought a guard in Nyeri and strangled the guard to death.", 1),
        # twins: the past tense and a kill told before an arrest stay as they were
        ("Insurgents beheaded 4 farmers near Mora.", 4),
        # a to-death kill told as an accusation is the grievance, not a death of the event
        (
            "Villagers seized a youth and threatened to lynch him in Kapsabet, over "
            "accusation of hacking his cousin to death.",
            0,
        ),
        (
            "Police arrested 12 men on suspicion of involvement in an ambush that claimed the "
            "life of a teacher.",
            0,
        ),
    ],
)
def test_deaths_in_other_words(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Rebels attacked the garrison at Tawila and lost four fighters.", 4),
        ("Militiamen ambushed a patrol near Yambio and the rangers lost two of their men.", 2),
        ("Herders and soldiers clashed in Pibor. The herders lost six and 20 were wounded.", 6),
        ("Rebels clashed with troops in Kutum, killing 5, while losing 2 of their own.", 7),
        # twins: things lost are no dead
        ("Rebels attacked the garrison at Tawila and the army lost 3 vehicles.", 0),
        ("Rebels attacked the garrison at Tawila and lost 200 head of cattle.", 0),
    ],
)
def test_side_losses(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


def test_side_losses_module() -> None:
    lex = load_number_lexicon()
    text = "The rebels lost three fighters and the army lost control of the road."
    found = side_losses(text, 0, [], lex)
    assert [(m.best, m.text) for m in found] == [(3, "lost three")]
    # a loss inside a mention already read is not counted again
    told = "They lost their lives."
    assert side_losses(told, 0, find_mentions(told), lex) == []


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "Three traders from Wa were riding to a market in Tumu but were ambushed and killed "
            "by gunmen.",
            3,
        ),
        ("The two herders had left the camp at Kakuma but were later found dead.", 2),
        # twin: a subject of its own after "but"
        ("Gunmen attacked the police post in Mandera but one officer was killed.", 1),
    ],
)
def test_subject_shared_across_but(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # a count with "total" after its participle; "no breakdown of" the toll is no zero
        ("Herders clash with police in Wajir; 6 killed total, no breakdown of death toll.", 6),
        # the dead as the report tells them: feared, presumed, reported dead
        ("Seven Kenyan fishermen are feared dead following a raid on their boats at Kirinda.", 7),
        ("Gunmen attacked a bus near Moyale. Two Somali traders were reported dead at Sololo.", 2),
        # the victims begin after "leading to" even where no comma stands before it
        (
            "FPRC and MPC fought with FACA and MINUSCA in Ndele (Ndele, Bamingui) leading to "
            "an unknown number of people killed on both sides.",
            10,
        ),
        # twins: a plain zero stays a zero; a counted kill with no adverb stays
        ("Herders clashed with police in Wajir. No deaths were reported.", 0),
        ("Herders clashed with police in Wajir; 6 killed, several injured.", 6),
    ],
)
def test_counts_the_reader_missed(top_event: TopEvent, text: str, dead: int) -> None:
    assert top_dead(top_event, text) == dead
