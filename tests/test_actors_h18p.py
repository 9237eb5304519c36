"""Actor sides of issue 16 taken up again by helper h18p (after h16ag's branch): a "pro-X"
stance names the armed group X, the Burkina Faso defence volunteers are the VDP (a
pro-government militia, ACLED inter 3), and the owner of a patrol, convoy or post that
"came under fire" is the target, never the attacker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import TopEvent, canonical
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.sides import armed_side, pro_named_words
from eventwire.pipeline.actors.underfire import came_under_fire, fired_on_actor1
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.records import Actor, Document

DAY = date(2023, 5, 2)


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return load_actor_dictionary()


def test_pro_prefix_is_taken_off_only_where_it_is() -> None:
    assert pro_named_words(["Pro-Houthi", "tribesmen"]) == ["Houthi", "tribesmen"]
    assert pro_named_words(["prominent", "tribesmen"]) is None
    assert pro_named_words(["pro-", "tribesmen"]) is None  # a prefix with nothing after it


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("pro-Houthi tribesmen", "YE", "Houthis"),
        ("Pro-Islamic State gunmen", "IQ", "Islamic State"),
        ("a band of pro-ISIS insurgents", "SY", "Islamic State"),
    ],
)
def test_pro_named_group_codes_as_that_group(
    d: ActorDictionary, text: str, country: str, name: str
) -> None:
    coded = code_mention(d, text, country, DAY)
    assert coded.name == name, coded
    assert coded.resolved_by == "dictionary", coded


def test_pro_government_and_parties_keep_their_coding(d: ActorDictionary) -> None:
    militia = code_mention(d, "a pro-government militia", "NG", DAY)
    assert militia.inter == 3, militia
    gunmen = code_mention(d, "pro-government gunmen", "NG", DAY)
    assert gunmen.inter != 1, gunmen
    # the rule takes no country's forces, person or party for the named side
    assert armed_side(d.lookup("Nigeria")) is None
    assert armed_side(None) is None


@pytest.mark.parametrize(
    "text",
    ["the defense volunteers", "volunteer defense units", "homeland defence volunteers"],
)
def test_burkina_defence_volunteers_are_the_vdp(d: ActorDictionary, text: str) -> None:
    coded = code_mention(d, text, "BF", DAY)
    assert coded.actor_id == "BF-VDP", coded
    assert coded.inter == 3, coded


def test_other_volunteers_are_no_militia(d: ActorDictionary) -> None:
    assert code_mention(d, "hospital volunteers", "BF", DAY).inter != 3


def test_under_fire_predicate_after_a_mention() -> None:
    text = "Their checkpoint came under heavy gunfire at dawn."
    assert came_under_fire(Document(text=text), 0, len("Their checkpoint"))
    active = "Their checkpoint guards fired at the car."
    assert not came_under_fire(Document(text=active), 0, len("Their checkpoint"))


def test_actor1_heading_a_phrase_that_came_under_fire() -> None:
    text = "A navy patrol boat was fired upon near the delta."
    navy = Actor(text="A navy", start=0, end=len("A navy"))
    assert fired_on_actor1(Document(text=text), navy)
    plain = "A navy patrol boat fired upon pirates near the delta."
    assert not fired_on_actor1(Document(text=plain), navy)
    assert not fired_on_actor1(Document(text=text), None)


def test_volunteers_killed_in_a_raid(top_event: TopEvent) -> None:
    e = top_event(
        "Gunmen stormed a village near Kaya on Thursday, killing nine defense volunteers."
    )
    assert e is not None and e.actor2 is not None
    assert e.actor2.inter == 3, e.actor2


def test_patrol_that_came_under_fire_is_no_attacker(top_event: TopEvent) -> None:
    e = top_event(
        "Two constables were shot dead when their patrol came under fire near Kohat late on "
        "Friday, a police official said."
    )
    assert e is not None
    assert e.actor1 is None or e.actor1.inter != 1, e.actor1


def test_attacker_after_from_with_the_army_patrol_its_target(top_event: TopEvent) -> None:
    e = top_event(
        "An army patrol came under attack from Boko Haram fighters near Bama on Monday, "
        "and two soldiers were killed."
    )
    assert e is not None and e.actor1 is not None and e.actor2 is not None
    assert e.actor1.inter == 2, e.actor1
    assert e.actor2.inter == 1, e.actor2


def test_patrol_that_ambushed_stays_the_attacker(top_event: TopEvent) -> None:
    e = top_event("An army patrol ambushed Boko Haram fighters near Bama on Monday, killing six.")
    assert e is not None and e.actor1 is not None
    assert e.actor1.inter == 1, e.actor1


@pytest.mark.parametrize(
    "text", ["Dawlah Islamiyah-Maute fighters", "the Maute group", "Daulah Islamiyah gunmen"]
)
def test_mindanao_affiliate_of_islamic_state_by_its_own_names(
    d: ActorDictionary, text: str
) -> None:
    coded = code_mention(d, text, "PH", DAY)
    assert coded.actor_id == "PH-DI" and coded.inter == 2, coded
    assert "Islamic State" in coded.affiliation, coded


def test_pro_islamic_state_and_the_affiliates_name_are_one_incident(
    run_text: Callable[..., Document],
) -> None:
    docs = [
        run_text(
            "Pro-Islamic State gunmen ambushed a marine patrol near Butig in Lanao del Sur "
            "on Tuesday, killing three marines, the military said.",
            published="2026-09-08", source="Lanao Courier", source_id="one",
        ),
        run_text(
            "Three marines died on Tuesday when Daulah Islamiyah-Maute gunmen opened fire "
            "on their patrol in Lanao del Sur, a navy spokesman said on Wednesday.",
            published="2026-09-09", source="Manila Ledger", source_id="two",
        ),
    ]  # fmt: skip
    records = [r for r in canonical(docs) if r["modality"] == "asserted"]
    assert len(records) == 1 and len(records[0]["reports"]) == 2, records
