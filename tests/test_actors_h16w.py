"""Issue 16, twelfth pass (helper h16w, actor codes). Our own sentences, one class per
test, each with a twin that must keep its old reading.

- An anaphor never stands for the other party of its own event, whether that party is
  known by its dictionary entry or only by its name: "government security forces (SNA)
  attacked Al Shabaab and fought them" codes the party as the SNA entry while its head
  noun ("government security forces") codes as the country's generic military entry; both
  are Military Forces of Somalia, and "them" is Al Shabaab.
- The accused party did the act an accusation tells ("rebels accuse the army of burning
  homes"): the accused is actor1; the act's object, or with none the accuser, actor2; a
  motive ("accusing them of spying") is no act.
- A coder's bracket right after a vague mention says how it is coded ("an unidentified
  gunman (coded as military forces)", "allied troops (coded as Unidentified Military
  Forces)"); a bracket that tells what happened names no actor.
- A supporting force is not the party it supports: in "army troops supported by Russian
  mercenaries retook the town after clashes with rebels" the army is actor1, not the
  agent of "supported by"; a plain "by" agent still is.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.annotated import annotated_name
from eventwire.pipeline.actors.coref import Antecedent, pick
from eventwire.records import Actor

PUBLISHED = "2023-03-10"


# -- an anaphor is not the other party of its own event, by entry or by name ------------------
def test_them_is_not_the_attacker_named_by_its_acronym(top_event: TopEvent) -> None:
    top = top_event(
        "On 6 March 2023, government security forces (SNA) raided Al Shabaab and fought "
        "them in an armed clash for three hours near Jowhar.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert top.actor1.inter == 1, top.actor1
    assert top.actor2.name == "Al Shabaab" and top.actor2.inter == 2, top.actor2


def test_them_still_points_to_the_forces_attacked(top_event: TopEvent) -> None:
    top = top_event(
        "On 6 March 2023, Al Shabaab raided government security forces (SNA) and fought "
        "them in an armed clash for three hours near Jowhar.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert top.actor1.inter == 2, top.actor1
    assert top.actor2.inter == 1, top.actor2


def _mention(
    start: int, subject: bool, name: str, actor_id: str, kind: str, inter: int
) -> Antecedent:
    actor = Actor(name, name=name, actor_id=actor_id, type=kind, inter=inter, resolved_by="dict")
    return Antecedent(0, start, start + 10, subject, actor)


def test_pick_skips_a_candidate_that_shares_the_excluded_name() -> None:
    head = _mention(0, True, "Military Forces of Ruritania", "RU-MIL", "military", 1)
    rebels = _mention(40, False, "Ruritanian Liberation Front", "RU-RLF", "rebels", 2)
    found = pick([head, rebels], 0, 80, frozenset(), frozenset({"Military Forces of Ruritania"}))
    assert found is rebels.actor
    assert pick([head, rebels], 0, 80, frozenset(), frozenset({"RU-XX"})) is head.actor


# -- the accused party did the act an accusation tells ----------------------------------------
def test_accused_army_burned_and_killed(top_event: TopEvent) -> None:
    top = top_event(
        "Opposition fighters accused the army of burning homes and killing three farmers "
        "near Malakal on 4 March 2023.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 1, top.actor1


def test_passive_accused_guards_beat_traders(top_event: TopEvent) -> None:
    top = top_event(
        "Soldiers of the presidential guard are accused of beating two traders in Juba "
        "on 4 March 2023.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert top.actor1.inter == 1, top.actor1
    assert top.actor2.inter == 7, top.actor2


def test_accuser_is_the_other_side_of_shelling_with_no_object(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 March 2023, the SPLM-IO accused government troops of shelling near Nasir.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert top.actor1.inter == 1, top.actor1
    assert top.actor2.inter == 2, top.actor2


def test_a_motive_is_no_act_of_the_accused(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 March 2023, rebels abducted two traders near Yei, accusing them of spying "
        "for the army.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2, top.actor1


# -- a coder's bracket says how a vague mention is coded --------------------------------------
def test_gunman_coded_as_military_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 March 2023, an unidentified gunman (coded as military forces) shot and wounded "
        "a trader at his shop in Afgooye town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 1, top.actor1


def test_allied_troops_coded_as_unidentified_military_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 March 2023, allied troops (coded as Unidentified Military Forces) carried out "
        "an airstrike on an Al Shabaab camp near Jilib town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 8, top.actor1


def test_a_bracket_with_no_cue_keeps_the_unidentified_gunman(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 March 2023, an unidentified gunman (aged about 30) shot and wounded a trader "
        "at his shop in Afgooye town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 3, top.actor1


def test_a_bracket_that_tells_an_event_names_no_actor() -> None:
    text = "Troops fought separatists (assumed armed clash with the police) near Bali."
    start = text.index("separatists")
    assert annotated_name(text, start, start + len("separatists")) is None
    text = "Troops fought separatists (assumed Restoration Forces) near Bali."
    assert annotated_name(text, start, start + len("separatists")) == "Restoration Forces"


# -- a supporter named in "supported by" is not the party -------------------------------------
def test_troops_supported_by_mercenaries_lead(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 March 2023, army troops supported by Russian mercenaries took over the village "
        "of Kaga following heavy clashes with UPC rebels.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 1, top.actor1


def test_fighting_between_rebels_and_supported_troops(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 March 2023, heavy fighting took place between UPC rebels and army troops "
        "supported by Russian mercenaries near Kaga.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert {top.actor1.inter, top.actor2.inter} == {1, 3}, (top.actor1, top.actor2)


def test_a_plain_by_agent_is_still_the_attacker(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 March 2023, two soldiers were killed by UPC rebels near the town of Kaga.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter in (2, 3), top.actor1


# -- a strategic development's other party after "planted by", "surrendered to", "from" -------
def test_defused_device_names_its_planter(top_event: TopEvent) -> None:
    top = top_event(
        "Defusal: On 2 March 2023, police defused a roadside bomb planted by Al Shabaab near "
        "the market of Baidoa town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.name == "Al Shabaab" and top.actor2.inter == 2, top.actor2


def test_fighters_surrendered_to_the_army(top_event: TopEvent) -> None:
    top = top_event(
        "Agreement: On 2 March 2023, 300 fighters of the SSDM surrendered to the army in "
        "the town of Pibor.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2


def test_a_defusal_with_no_planter_keeps_no_actor2(top_event: TopEvent) -> None:
    top = top_event(
        "Defusal: On 2 March 2023, police defused a roadside bomb found near the market of "
        "Baidoa town.",
        published=PUBLISHED,
    )
    assert top is not None, top
    assert top.actor2 is None, top.actor2


def test_surrendered_to_names_a_party_not_an_addressee(top_event: TopEvent) -> None:
    top = top_event(
        "On 2 March 2023, 40 Boko Haram fighters surrendered to the army in the town of Mora.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2
