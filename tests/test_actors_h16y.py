"""Issue 16, thirteenth pass (helper h16y, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- A generic head noun codes in its irregular plural too: "two young children", "the
  schoolchildren", "suspected thieves" code as the singular's entry (civilians, students,
  a gang) instead of staying uncoded.
- A mob's victim is a civilian whatever the dictionary made of the words that name it
  ("two hairdressers", "a chapel"): Mob violence with an uncoded actor2 codes it as
  Civilians (Rioters when the sentence tells rival crowds), as it did with none; a coded
  victim (police officers) keeps its code.
- Mercenaries are private military forces (inter 8), and nationality adjectives
  coordinated before one head ("Russian and Syrian mercenaries", "Eritrean and Ethiopian
  soldiers") name one party: the first adjective with the head, not a bare country.
- Rebels' shelling that names no target and tells nobody hurt hit the state's military
  (ACLED's convention); shelling that tells civilians hurt keeps Civilians.
"""

from __future__ import annotations

from datetime import date

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary

PUBLISHED = "2022-05-10"


# -- irregular plurals of generic heads ------------------------------------------------------
def test_irregular_plurals_index_the_singulars_entry() -> None:
    d = load_actor_dictionary()
    assert d.heads["children"] == d.heads["child"] == "GEN-CIVILIANS"
    assert d.heads["schoolchildren"] == d.heads["schoolchild"]
    assert d.heads["thieves"] == d.heads["thief"]
    assert "childs" in d.heads and d.heads["boys"] == "GEN-CIVILIANS"  # suffix rule kept


def test_children_hit_by_a_landmine_are_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 7 May 2022, a roadside landmine killed four children herding goats near Gamboru.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_a_mob_lynching_suspected_thieves_hits_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 May 2022, an angry mob lynched three suspected thieves at the Kitale bus "
        "park after a chase.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_soldiers_hit_by_a_landmine_stay_state_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 7 May 2022, a roadside landmine killed four Nigerian soldiers on patrol near Gamboru.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2


# -- a mob's uncoded victim is a civilian -----------------------------------------------------
def test_a_mobs_uncoded_victims_are_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 May 2022, a mob beat two hairdressers accused of witchcraft in Kasese town.",
        published=PUBLISHED,
    )
    assert top is not None and top.acled_sub_event_type == "Mob violence", top
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2
    assert top.actor2.text == "two hairdressers"


def test_a_mobs_coded_victims_keep_their_code(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 May 2022, a mob beat two police officers accused of extortion in Kasese town.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2


# -- mercenaries; nationality adjectives sharing one head -------------------------------------
def test_mercenaries_are_private_military_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 May 2022, mercenaries raided the gold mining site of Ndassima and shot dead "
        "two miners.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 8, top.actor1


def test_soldiers_raiding_a_mine_stay_state_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 3 May 2022, Central African soldiers raided the gold mining site of Ndassima and "
        "shot dead two miners.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 1, top.actor1


def test_coordinated_nationalities_share_the_head() -> None:
    d = load_actor_dictionary()
    when = date(2022, 5, 1)
    shared = code_mention(d, "Chadian and Sudanese soldiers", "TD", when)
    assert shared.name == code_mention(d, "Chadian soldiers", "TD", when).name
    assert shared.text == "Chadian and Sudanese soldiers"
    hired = code_mention(d, "Libyan and Syrian mercenaries", "LY", when)
    assert hired.inter == 8, hired
    # two named parties keep the first one's coding, as before
    assert code_mention(d, "SSPDF and SPLM-IO forces", "SS", when).inter == 1


# -- rebels' shelling with no target named ------------------------------------------------
def test_rebel_mortar_fire_on_a_town_hits_state_forces(top_event: TopEvent) -> None:
    top = top_event(
        "On 2 May 2022, Al Shabaab militants fired several mortar rounds at Balcad town in "
        "Middle Shabelle, Somalia.",
        published=PUBLISHED,
    )
    assert top is not None and top.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_rebel_mortar_fire_that_kills_children_hits_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 2 May 2022, Al Shabaab militants fired several mortar rounds at Balcad town in "
        "Middle Shabelle, Somalia, killing two children.",
        published=PUBLISHED,
    )
    assert top is not None and top.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2
