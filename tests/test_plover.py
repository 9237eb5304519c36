"""PLOVER 2021 types (FIGHT merged into ASSAULT), the main clause's act over embedded acts,
and the political interactions beyond violence: our own sentences, one class each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import CODER_STAGES, Settings
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.common.triggerlexicon import load_lexicon
from eventwire.records import Document, Event

PLOVER_2021 = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def code(settings: Settings, resources: Resources) -> Callable[[str], list[Event]]:
    """The events of a text from the coder's stages, most confident first."""
    pipeline = Pipeline.from_settings(settings.replace(stages=CODER_STAGES), resources)

    def run(text: str) -> list[Event]:
        return pipeline(Document(text=text)).events

    return run


def _top(events: list[Event]) -> Event:
    assert events, "no event coded"
    return events[0]


# ---- FIGHT is retired: ASSAULT with a mode ------------------------------------------------


def test_the_ontology_has_plover_2021s_sixteen_types() -> None:
    onto = load_ontology()
    assert set(onto.plover) == PLOVER_2021
    assert onto.canonical_type("FIGHT") == "ASSAULT"
    assert {"clash", "artillery", "aerial", "territory"} <= set(onto.plover["ASSAULT"].modes)
    # CAMEO still tells fighting (19) from assault (18) by the mode
    assert onto.cameo_root("ASSAULT", "clash") == "19"
    assert onto.cameo_root("ASSAULT", "beat") == "18"
    assert all(cw.plover_type != "FIGHT" for cw in onto.sub_types.values())


@pytest.mark.parametrize(
    ("text", "mode", "acled"),
    [
        ("Border guards and smugglers exchanged fire at the river crossing on Sunday.",
         "clash", "Armed clash"),
        ("Howitzers pounded the rebel-held suburbs with artillery fire all night.",
         "artillery", "Shelling/artillery/missile attack"),
        ("Warplanes carried out an air strike on an insurgent depot near the dam.",
         "aerial", "Air/drone strike"),
        ("Insurgents captured the border town after government forces fled.",
         "territory", "Non-state actor overtakes territory"),
    ],
)  # fmt: skip
def test_battles_are_assault_with_a_mode_never_fight(
    code: Callable[[str], list[Event]], text: str, mode: str, acled: str
) -> None:
    events = code(text)
    assert all(e.plover_type != "FIGHT" for e in events)
    top = _top(events)
    assert (top.plover_type, top.plover_mode, top.acled_sub_event_type) == ("ASSAULT", mode, acled)
    assert top.cameo_root == "19"


def test_no_packaged_frame_names_fight() -> None:
    assert all(frame.plover != "FIGHT" for frame in load_lexicon().frames.values())


def test_a_user_lexicon_that_says_fight_loads_as_assault(tmp_path: Path) -> None:
    user = tmp_path / "old_triggers.yaml"
    user.write_text(
        "frames:\n"
        "  skirmish_old: {plover: FIGHT, mode: clash, acled: Armed clash, weight: 0.8}\n"
        "triggers:\n"
        "  - {frame: skirmish_old, words: [fisticuffery]}\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="FIGHT is retired.*ASSAULT"):
        lexicon = load_lexicon((str(user),))
    frame = lexicon.frames["skirmish_old"]
    assert (frame.plover, frame.mode) == ("ASSAULT", "clash")


# ---- the main clause's act wins -----------------------------------------------------------


def test_a_demand_to_stop_attacks_is_a_demand_and_its_twin_an_attack(
    code: Callable[[str], list[Event]],
) -> None:
    demand = code("The interior ministry demanded that the militia stop its raids on the farms.")
    assert _top(demand).plover_type == "REQUEST"
    assert not [e for e in demand if e.plover_type == "ASSAULT" and e.modality == "asserted"]
    twin = _top(code("The militia raided the farms near the lake on Monday, killing two herders."))
    assert (twin.plover_type, twin.modality) == ("ASSAULT", "asserted")


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("The mediator called on the rebels to end the fighting around the oil field.", "REQUEST"),
        ("The bishop urged both sides to stop the shelling of the old quarter.", "REQUEST"),
        ("The commander warned that attacks on the supply route would follow.", "THREATEN"),
    ],
)
def test_embedded_violence_is_not_asserted(
    code: Callable[[str], list[Event]], text: str, main: str
) -> None:
    events = code(text)
    assert _top(events).plover_type == main
    violent = [e for e in events if e.plover_type == "ASSAULT"]
    assert all(e.modality in {"hypothetical", "negated"} for e in violent)


def test_a_condemned_attack_ranks_below_the_condemnation(
    code: Callable[[str], list[Event]],
) -> None:
    events = code("The foreign minister condemned the bombing of the bus station.")
    assert _top(events).plover_type == "ACCUSE"
    # the bombing is still reported (its incident is real), only not the sentence's act
    assert any(e.acled_sub_event_type == "Remote explosive/landmine/IED" for e in events)


def test_an_act_after_another_is_not_embedded_in_it(code: Callable[[str], list[Event]]) -> None:
    # a clause of sequence reports an act of its own: the arrest and the blast both stand
    events = code("A roadside bomb exploded near the market and police arrested two men.")
    assert _top(events).acled_sub_event_type == "Remote explosive/landmine/IED"


# ---- political interactions: a PLOVER type and CAMEO root, no ACLED type -------------------


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        ("The finance minister pledged to rebuild the flooded schools.", "AGREE", "03"),
        ("The two presidents held talks in the lakeside city on Thursday.", "CONSULT", "04"),
        ("The governor welcomed the new agreement between the two unions.", "SUPPORT", "05"),
        ("The court extradited the fugitive banker to his home country.", "COOPERATE", "06"),
        ("The two navies agreed to share intelligence on piracy.", "AGREE", "03"),
        ("Aid agencies provided humanitarian assistance to the flood victims.", "AID", "07"),
        ("The neighbouring state donated two hundred tents to the camp.", "AID", "07"),
        ("The government released thirty political prisoners on Sunday.", "CONCEDE", "08"),
        ("The authorities lifted the ban on the opposition newspaper.", "CONCEDE", "08"),
        ("The guerrillas laid down their arms at the old mission station.", "RETREAT", "08"),
        ("The council suspended aid to the breakaway region.", "SANCTION", "16"),
        ("Prosecutors opened an investigation into the port contracts.", "ACCUSE", "09"),
        ("The union demanded higher wages for the miners.", "REQUEST", "10"),
    ],
)
def test_each_political_interaction_is_coded(
    code: Callable[[str], list[Event]], text: str, plover: str, cameo: str
) -> None:
    top = _top(code(text))
    assert (top.plover_type, top.cameo_root) == (plover, cameo)
    assert top.acled_event_type is None  # an interaction, not a conflict event
    assert top.modality == "asserted"


def test_a_promised_act_is_an_agree_and_a_refused_one_a_reject(
    code: Callable[[str], list[Event]],
) -> None:
    promised = _top(code("The ministry will send medical supplies to the island next week."))
    assert (promised.plover_type, promised.cameo_root, promised.modality) == (
        "AGREE",
        "03",
        "asserted",
    )
    refused = _top(code("The junta said it will not release the jailed reporters."))
    assert (refused.plover_type, refused.cameo_root) == ("REJECT", "12")
    done = _top(code("The junta released the jailed reporters on Friday."))
    assert done.plover_type == "CONCEDE"


def test_a_failed_agreement_is_a_rejection(code: Callable[[str], list[Event]]) -> None:
    top = _top(code("The two parties failed to reach an agreement on the budget."))
    assert top.plover_type == "REJECT"


def test_peacekeepers_sent_abroad_are_aid_not_a_show_of_force(
    code: Callable[[str], list[Event]],
) -> None:
    top = _top(code("The republic deployed two hundred peacekeepers to the border region."))
    assert top.plover_type == "AID"


def test_rejecting_an_accusation_is_a_statement_and_its_twin_a_rejection(
    code: Callable[[str], list[Event]],
) -> None:
    denial = code("The ministry rejected the accusations of fraud in the tender.")
    assert not [e for e in denial if e.plover_type == "REJECT"]
    twin = _top(code("The rebel council rejected the peace plan on Sunday."))
    assert (twin.plover_type, twin.cameo_root) == ("REJECT", "12")
    statement = code("The party released a statement on the tender.")
    assert not [e for e in statement if e.plover_type == "CONCEDE"]
