"""Issue 16, eighth pass (actor codes): militias named after an organisation, a people's
name the chunker cut off before a generic head, named groups the dictionary lacked, and the
state force named beside a riot. Our own sentences, one class per test, each with a twin
that must keep its old reading."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.actors.community import political
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.common.actordict import load_actor_dictionary

PUBLISHED = "2019-06-10"


# -- a militia named after an organisation of homes.csv is a political militia ---------------
@pytest.mark.parametrize(
    "mention", ["Nyatura militia", "the Mungiki militias", "Wazalendo militia"]
)
def test_an_organisations_militia_is_a_political_militia(mention: str) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == 3 and actor.type != "identity militia", actor


def test_a_peoples_militia_stays_communal() -> None:
    d = load_actor_dictionary()
    assert political(d, "Nyatura") and not political(d, "Bukusu")
    actor = code_mention(d, "Bukusu militia")
    assert actor.inter == 4 and actor.type == "identity militia", actor


# -- a people's name cut off before the mention's generic head -------------------------------
def test_a_peoples_name_before_a_bare_militia_joins_the_mention(top_event: TopEvent) -> None:
    top = top_event("Turkana militia raid 12 homesteads in Baringo. 3 killed.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 4 and "Turkana" in (top.actor1.name or ""), top.actor1


def test_a_bare_militia_with_no_name_before_it_is_unchanged(top_event: TopEvent) -> None:
    top = top_event("Armed militia raid 12 homesteads in Baringo. 3 killed.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1


# -- named groups the dictionary now knows, with ACLED's categories ---------------------------
@pytest.mark.parametrize(
    ("mention", "inter"),
    [
        ("TPLF fighters", 3),  # ACLED: a political militia
        ("CPC rebels", 3),  # the Central African coalition: political militias
        ("Anti-Balaka elements", 3),
        ("SRF fighters", 2),
        ("Mujahidin Indonesia Timur", 2),
        ("ODM supporters", 3),  # a party's supporters who fight: a political militia
        ("AUSSOM troops", 8),
        ("armed land guards", 8),  # private security
        ("Puntland Dervish forces", 1),  # a regional state force
    ],
)
def test_named_groups_get_acleds_category(mention: str, inter: int) -> None:
    actor = code_mention(load_actor_dictionary(), mention)
    assert actor.inter == inter, actor


# -- the state force named beside a riot is its actor2 ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Traders rioted in Kisumu over new market fees, burning tyres. Police fired tear gas.",
        "Rioting youths hurled stones and set a lorry alight in Suswa. Soldiers dispersed them.",
    ],
)
def test_a_riot_takes_the_state_force_named_beside_it(top_event: TopEvent, text: str) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_event_type == "Riots", top
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_a_peaceful_protest_takes_no_force_as_actor2(top_event: TopEvent) -> None:
    text = "Traders marched peacefully in Kisumu against market fees. Police watched the march."
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top
    assert top.actor2 is None, top.actor2


# -- the target of violence against civilians is always Civilians ------------------------------
def test_a_party_politician_hit_by_gunmen_is_a_civilian(top_event: TopEvent) -> None:
    text = "Gunmen shot and wounded two ODM councillors at a market in Kisumu."
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_event_type == "Violence against civilians", top
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2
    assert "Orange Democratic Movement" in top.actor2.affiliation, top.actor2


def test_a_party_named_alone_outside_such_violence_keeps_its_code() -> None:
    actor = code_mention(load_actor_dictionary(), "two ODM councillors")
    assert actor.inter == 3, actor  # only the target of violence against civilians changes


# -- an unnamed perpetrator a suspicion word pins on a named group ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Two herders were shot dead by unknown assailants near Wajir, later suspected to be "
        "al Shabaab.",
        "Gunmen ambushed a bus near Mandera and killed four passengers; Al Shabaab is believed "
        "to be responsible.",
    ],
)
def test_a_suspected_group_is_the_perpetrator(top_event: TopEvent, text: str) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == 2 and top.actor1.resolved_by == "suspected", top.actor1


def test_unknown_gunmen_with_no_group_suspected_stay_unidentified(top_event: TopEvent) -> None:
    top = top_event(
        "Unknown gunmen shot dead a teacher in Wajir; police have no suspects.", published=PUBLISHED
    )
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1


# -- a bare generic force word is no country's force -------------------------------------------
def test_a_bare_gendarmerie_is_the_countrys_own() -> None:
    actor = code_mention(load_actor_dictionary(), "the gendarmerie", "BJ")
    assert actor.country == "BJ" and actor.inter == 1, actor
    turkish = code_mention(load_actor_dictionary(), "Turkish gendarmerie", "BJ")
    assert turkish.country == "TR", turkish


# -- both communities of a clash are militias --------------------------------------------------
def test_both_communities_of_a_clash_are_militias(top_event: TopEvent) -> None:
    top = top_event(
        "Clashes between the Habbaniya and the Rizaygat near Buram. 6 dead.", published=PUBLISHED
    )
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor1 is not None and top.actor1.inter == 4, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_a_community_hit_by_an_armed_group_stays_civilians(top_event: TopEvent) -> None:
    top = top_event("Gunmen killed three Habbaniya herders near Buram.", published=PUBLISHED)
    assert top is not None and top.actor2 is not None and top.actor2.inter == 7, top.actor2


# -- civilians before a headline participle of harm were hit, they did not act -----------------
@pytest.mark.parametrize(
    "text", ["Three women raped near Tawila.", "Two traders abducted on the Nyala road."]
)
def test_civilians_before_a_bare_harm_participle_are_the_victims(
    top_event: TopEvent, text: str
) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2


def test_civilians_who_beat_someone_stay_the_perpetrators(top_event: TopEvent) -> None:
    top = top_event("Youths beat a trader to death in Kisumu.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 5, top.actor1


# -- an agentless air strike is a state's even where no country was found ---------------------
def test_an_agentless_air_raid_with_no_country_is_a_military(top_event: TopEvent) -> None:
    top = top_event("Air raids on Tabinya, 2 killed.", published=PUBLISHED)
    assert top is not None and top.acled_sub_event_type == "Air/drone strike", top
    assert top.actor1 is not None and top.actor1.inter == 1, top.actor1


# -- a suicide attack with no group named was a rebel group's ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber blew herself up at a market in Kolofata, killing 4 traders.",
        "Suicide attack at the Mora market, 7 dead and 20 wounded.",
    ],
)
def test_an_unnamed_suicide_attacker_is_a_rebel_group(top_event: TopEvent, text: str) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 2, top.actor1


def test_a_bomb_with_no_suicide_attacker_stays_unidentified(top_event: TopEvent) -> None:
    top = top_event(
        "A bomb exploded at a market in Kolofata, killing 4 traders.", published=PUBLISHED
    )
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1


# -- unidentified attackers the next words place in a group or a community ---------------------
@pytest.mark.parametrize(
    ("text", "inter"),
    [
        ("Gunmen from the Free Papua Movement shot two policemen near Timika.", 2),
        (
            "Three herders were killed near Bor by attackers, believed to be members of the "
            "Murle tribe.",
            4,
        ),
    ],
)
def test_attackers_placed_in_a_group_are_that_group(
    top_event: TopEvent, text: str, inter: int
) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.actor1 is not None, top
    assert top.actor1.inter == inter and top.actor1.resolved_by == "group-after", top.actor1


def test_attackers_from_a_place_stay_unidentified(top_event: TopEvent) -> None:
    top = top_event("Gunmen from Mandera shot dead a trader near Elwak.", published=PUBLISHED)
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3, top.actor1


# -- remote violence with no armed target named hits civilians ---------------------------------
def test_an_air_strike_on_a_village_hits_civilians(top_event: TopEvent) -> None:
    top = top_event(
        "Government warplanes bombed the village of Tolo in Darfur.", published=PUBLISHED
    )
    assert top is not None and top.acled_sub_event_type == "Air/drone strike", top
    assert top.actor2 is not None and top.actor2.inter == 7, top.actor2


def test_an_air_strike_on_rebel_positions_keeps_the_rebels(top_event: TopEvent) -> None:
    top = top_event("Government warplanes bombed SPLM-N positions near Kauda.", published=PUBLISHED)
    assert top is not None and top.actor2 is not None and top.actor2.inter == 2, top.actor2


# -- a battle with one side named: the other side ACLED codes by default -----------------------
def test_a_communal_clash_has_a_community_on_both_sides(top_event: TopEvent) -> None:
    top = top_event("Rival clans clashed over a borehole near Wajir. 3 dead.", published=PUBLISHED)
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_a_rebel_attack_with_no_other_side_named_is_on_the_state(top_event: TopEvent) -> None:
    top = top_event(
        "SPLM-N fighters attacked positions near Kauda, killing five.", published=PUBLISHED
    )
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor2 is not None and top.actor2.inter == 1, top.actor2


def test_a_battle_with_both_sides_named_keeps_them(top_event: TopEvent) -> None:
    top = top_event("SPLM-N fighters clashed with Murle militia near Kauda.", published=PUBLISHED)
    assert top is not None and top.actor2 is not None and top.actor2.inter == 4, top.actor2


def test_an_air_strike_that_hurt_nobody_has_no_target(top_event: TopEvent) -> None:
    text = "Government warplanes bombed the village of Tolo in Darfur. No casualties reported."
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_sub_event_type == "Air/drone strike", top
    assert top.actor2 is None, top.actor2


# -- the second party of a battle that the parse left out of actor2 ---------------------------
@pytest.mark.parametrize(
    ("text", "inter2"),
    [
        ("RSF and SLA forces clashed near Tawila. 4 killed.", 2),  # coordinated in actor1
        ("Troops engaged in a fire fight with Ambazonian separatists near Muyuka.", 2),
    ],
)
def test_a_battles_second_party_named_in_its_sentence(
    top_event: TopEvent, text: str, inter2: int
) -> None:
    top = top_event(text, published=PUBLISHED)
    assert top is not None and top.acled_event_type == "Battles", top
    assert top.actor2 is not None and top.actor2.inter == inter2, top.actor2
    assert top.actor2.resolved_by == "second-party", top.actor2


def test_an_attack_on_a_farming_community_is_no_communal_militia(top_event: TopEvent) -> None:
    text = "Gunmen killed nine villagers in an attack on a farming community in Zamfara state."
    top = top_event(text, published=PUBLISHED)
    assert top is not None, top
    assert top.actor2 is None or top.actor2.inter != 4, top.actor2
