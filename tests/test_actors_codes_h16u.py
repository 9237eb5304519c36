"""Issue 16, eleventh pass (helper h16u, actor codes). Our own sentences, one class per
test, each with a twin that must keep its old reading.

- A bare name coordinated before a named community shares its communal head: "Maalia and
  Rizeigat tribesmen", "Akok and Marial Lou clans", "Ali Saleban and Siwaaqroon sub-clan
  militia" name two communal militias (ACLED inter 4 on both sides).
- Two allies' acronyms joined by a hyphen ("M23-RDF") code as the first group.
- An armed party repelled is the attacker, actor1 ("police repulsed suspected militants",
  "raiders were repulsed by police"), as the repelled attack's owner already was.
- The force that answered a rebel or unidentified group's attack in a later sentence is the
  battle's actor2 ("The military forces intervened and repelled them"); not police who
  intervene in a clash of two communities.
- A roadside bomb, landmine or shelling that hurt people and names no armed target hits
  civilians (actor2 inter 7); not when nobody was hurt or a state force is told beside it.
- Excessive force against protesters lists the protesters first and the force second.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.community import shared_head
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.responders import later_responder_words
from eventwire.pipeline.common.actordict import load_actor_dictionary

PUBLISHED = "2019-06-10"


# -- a bare name shares the communal head of the name coordinated after it ---------------------
def test_two_word_name_before_a_sub_clan_militia_is_communal(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 June 2019, Hassan Gure and Warfaa sub-clan militia clashed near Galinsoor.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 4, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_a_known_group_before_a_clan_keeps_its_code(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 June 2019, Al Shabaab and Hawadle clan militias fought near Bulo Burte.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2, top.actor1


def test_shared_head_reads_clan_heads_and_skips_other_nouns() -> None:
    text = "Clashes between Bakool and Yusuf Dheere clans and between Ogle and the army."
    assert shared_head(text, 16, 22) == "Bakool clans"
    at = text.index("Ogle")
    assert shared_head(text, at, at + 4) is None
    text = "Tunjur and Kenana tribesmen fought over grazing land."
    assert shared_head(text, 0, 6) == "Tunjur tribesmen"
    text = "Hassan Gure and Warfaa sub-clan militia clashed."
    assert shared_head(text, 0, 11) == "Hassan Gure sub-clan militia"
    text = "clashes between the Daily News and Kenya Times reporters"
    at = text.index("Daily")
    assert shared_head(text, at, at + 10) is None


def test_a_named_sub_clan_codes_as_communal() -> None:
    d = load_actor_dictionary()
    coded = code_mention(d, "Ogle sub-clans", "Somalia", None)
    assert coded.inter == 4, coded


# -- two allies' acronyms joined by a hyphen ---------------------------------------------------
def test_hyphen_joined_acronyms_code_as_the_first_group(top_event: TopEvent) -> None:
    top = top_event("On 6 May 2021, M23-RDF clashed with FARDC near Rutshuru.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_a_group_suffix_after_a_hyphen_is_not_split() -> None:
    d = load_actor_dictionary()
    assert code_mention(d, "M23-RDF", "Democratic Republic of Congo", None).actor_id == "CD-M23"
    # two letters after the hyphen are a group's own suffix, never a second group
    assert code_mention(d, "SPLA-DO", "South Sudan", None).inter is None


# -- the repelled armed party attacked: it is actor1 --------------------------------------------
def test_militants_repulsed_by_police_are_actor1(top_event: TopEvent) -> None:
    top = top_event(
        "On 6 May 2021, police repulsed suspected Al Shabaab militants near Hulugho.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert (top.actor1.inter, top.actor2.inter) == (2, 1), (top.actor1, top.actor2)


def test_raiders_repulsed_in_the_passive_are_actor1(top_event: TopEvent) -> None:
    top = top_event(
        "On 6 May 2021, Samburu raiders were repulsed by police near Baragoi.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert (top.actor1.inter, top.actor2.inter) == (4, 1), (top.actor1, top.actor2)


def test_forces_that_attack_first_keep_their_place(top_event: TopEvent) -> None:
    top = top_event(
        "On 6 May 2021, soldiers attacked suspected Al Shabaab militants near Hulugho.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 1, top.actor1


# -- the force that answered an attack in a later sentence -----------------------------------
def test_troops_who_intervene_after_an_attack_are_actor2(top_event: TopEvent) -> None:
    top = top_event(
        "On 7 June 2021, Boko Haram fighters attacked Zeleved, a village near Mora. They "
        "burnt huts and stole goats. The military forces intervened and repelled them.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor1 is not None and top.actor2 is not None, top
    assert (top.actor1.inter, top.actor2.inter) == (2, 1), (top.actor1, top.actor2)


def test_guards_who_repel_the_attack_are_actor2(top_event: TopEvent) -> None:
    top = top_event(
        "On 18 May 2020, an unidentified armed group attacked the prison in Natitingou. Prison "
        "guards repelled this attack by firing warning shots.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 1, top.actor2


def test_police_who_intervene_in_a_clash_of_communities_are_no_side(
    top_event: TopEvent,
) -> None:
    top = top_event(
        "On 18 May 2020, Habbaniya and Fallata tribesmen clashed near Buram. Police intervened "
        "by firing shots in the air.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 4, top.actor2


def test_later_responder_words_reads_subjects_and_interventions() -> None:
    text = "They looted shops before the intervention of the gendarmes, who chased them."
    assert later_responder_words(text) == ["the gendarmes"]
    assert later_responder_words("Villagers fled to the bush.") == []


# -- a roadside bomb or shelling that hurt people and names no armed target hits civilians -----
def test_a_landmine_that_killed_citizens_hits_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 March 2021, a landmine planted by SPLM-N fighters exploded at the entrance of "
        "Tess, killing four citizens.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_shelling_that_wounded_people_hits_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 March 2021, SPLM-N fighters shelled the outskirts of Kadugli, wounding three people.",
        published=PUBLISHED,
    )
    assert top is not None and top.actor2 is not None, top
    assert top.actor2.inter == 7, top.actor2


def test_a_bomb_that_hurt_nobody_has_no_target(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 March 2021, a roadside bomb exploded near Kurmuk. No casualties were reported.",
        published=PUBLISHED,
    )
    assert top is not None, top
    assert top.actor2 is None or top.actor2.inter != 7, top.actor2


def test_a_bomb_near_soldiers_is_not_read_as_hitting_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 March 2021, a roadside bomb exploded as an army convoy passed near Kurmuk, "
        "killing two.",
        published=PUBLISHED,
    )
    assert top is not None, top
    assert top.actor2 is None or top.actor2.inter != 7, top.actor2


def test_shelling_with_neither_injuries_nor_deaths_has_no_target(top_event: TopEvent) -> None:
    top = top_event(
        "On 9 March 2021, government forces shelled the village of Tell Hamra with rockets. "
        "Drones were seen over the area. Neither injuries nor fatalities were recorded by medics.",
        published=PUBLISHED,
    )
    assert top is not None, top
    assert top.actor2 is None or top.actor2.inter != 7, top.actor2


# -- excessive force against protesters: protesters first, the force second -------------------
def test_protesters_shot_by_police_are_actor1_of_excessive_force(top_event: TopEvent) -> None:
    top = top_event(
        "On 4 June 2021, police opened fire on traders protesting against new market fees in "
        "Kisumu, killing one trader.",
        published=PUBLISHED,
    )
    assert top is not None and top.acled_sub_event_type == "Excessive force against protesters"
    assert top.actor1 is not None and top.actor1.inter == 6, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2
