"""Issue 16, eighteenth pass (helper h16am, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- The group that laid a mine is actor1 of the explosion, not the vehicle or soldiers the
  device hit ("a truck struck a landmine laid by the rebels").
- A rebel leader's name codes as the group he leads on the day: "fighters loyal to
  Machar" are the SPLM/A-IO (2), "Minawi forces" the SLM/A (2).
- Kenya's county "askaris" are police (1).
- Forces "loyal to" a rebel leader are his group, not the state whose head word they share.
"""

from __future__ import annotations

from datetime import date

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.emplaced import device_placer
from eventwire.pipeline.actors.loyalty import loyal_forces
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document, Event, Sentence, Span

DICTIONARY = load_actor_dictionary()


def _event(
    text: str, sub_type: str, actor1: Actor | None, actor2: Actor | None
) -> tuple[Document, Event]:
    doc = Document(text=text)
    doc.sentences = [Sentence(start=0, end=len(text), text=text)]
    event = Event(
        doc_id="t",
        trigger=Span(start=0, end=4, label="trigger", text="mine"),
        sentence_index=0,
        plover_type="ATTACK",
        actor1=actor1,
        actor2=actor2,
        acled_event_type="Explosions/Remote violence",
    )
    event.acled_sub_event_type = sub_type
    return doc, event


def _soldiers() -> Actor:
    coded = code_mention(DICTIONARY, "three soldiers", "CM")
    coded.start, coded.end = 0, 14
    return coded


def test_device_placer_replaces_the_struck_force() -> None:
    text = "A military truck ran over a landmine laid by Boko Haram fighters near Mora."
    doc, event = _event(text, "Remote explosive/landmine/IED", _soldiers(), None)
    placed = device_placer(DICTIONARY, doc, event, "CM", date(2017, 3, 1))
    assert placed is not None
    actor1, actor2 = placed
    assert (actor1.inter, actor1.text) == (2, "Boko Haram fighters")
    assert actor2 is not None and actor2.inter == 1


def test_device_placer_reads_set_and_placed() -> None:
    for verb in ("set", "placed", "buried"):
        text = f"Three soldiers died when explosives {verb} by the rebels went off on the road."
        doc, event = _event(text, "Remote explosive/landmine/IED", _soldiers(), None)
        placed = device_placer(DICTIONARY, doc, event, "SS", date(2016, 3, 1))
        assert placed is not None and placed[0].inter == 2, verb


def test_device_placer_leaves_others() -> None:
    # twins: a defusal is a strategic development; no device before "set by"; the placer is
    # no armed party; actor1 is already the armed group
    text = "Soldiers defused a mine laid by Boko Haram fighters near Mora."
    doc, event = _event(text, "Disrupted weapons use", _soldiers(), None)
    assert device_placer(DICTIONARY, doc, event, "CM", date(2017, 3, 1)) is None
    text = "Three soldiers were wounded in an ambush set by rebels on the road."
    doc, event = _event(text, "Remote explosive/landmine/IED", _soldiers(), None)
    assert device_placer(DICTIONARY, doc, event, "SS", date(2016, 3, 1)) is None
    text = "Three soldiers died on a mine left by the colonial army decades ago."
    doc, event = _event(text, "Remote explosive/landmine/IED", _soldiers(), None)
    assert device_placer(DICTIONARY, doc, event, "SS", date(2016, 3, 1)) is None
    rebels = code_mention(DICTIONARY, "the rebels", "SS")
    text = "The rebels attacked a convoy with a bomb planted by Boko Haram fighters."
    doc, event = _event(text, "Remote explosive/landmine/IED", rebels, None)
    assert device_placer(DICTIONARY, doc, event, "SS", date(2016, 3, 1)) is None


def test_mine_laid_by_a_group_whole_pipeline(top_event: TopEvent) -> None:
    text = (
        "A Cameroonian army truck hit a landmine laid by Boko Haram near Kolofata on "
        "Tuesday, wounding four soldiers."
    )
    top = top_event(text, published="2016-05-10")
    assert top is not None
    assert top.actor1 is not None and top.actor1.inter == 2
    assert top.actor2 is not None and top.actor2.inter == 1


def test_leader_names_code_as_the_group_they_lead() -> None:
    day = date(2015, 6, 1)
    for words in ("fighters loyal to Riek Machar", "Machar's forces"):
        coded = code_mention(DICTIONARY, words, "SS", day)
        assert (coded.actor_id, coded.inter) == ("SS-SPLA-IO", 2), words
    coded = code_mention(DICTIONARY, "Minawi forces", "SD", date(2014, 5, 1))
    assert (coded.actor_id, coded.inter) == ("SD-SLM", 2)


def test_machar_in_the_mutiny_weeks_and_before() -> None:
    # twin: in January 2014 ACLED codes his side as the mutiny of the army (1); before the
    # split he led no armed group, so his name codes as no armed party
    coded = code_mention(DICTIONARY, "forces loyal to Machar", "SS", date(2014, 1, 10))
    assert (coded.actor_id, coded.inter) == ("SS-MUTINY", 1)
    coded = code_mention(DICTIONARY, "Machar", "SS", date(2012, 1, 10))
    assert coded.inter not in (1, 2, 3, 4)


def test_county_askaris_are_police() -> None:
    for words in ("county askaris", "Nairobi county askari", "askaris"):
        coded = code_mention(DICTIONARY, words, "KE")
        assert (coded.type, coded.inter) == ("police", 1), words
    # twin: a private guard is no state force
    assert code_mention(DICTIONARY, "a security guard", "KE").inter != 1


def _forces_event(text: str, end: int) -> tuple[Document, Event]:
    forces = code_mention(DICTIONARY, text[:end], "SS", date(2015, 6, 1))
    forces.start, forces.end = 0, end
    doc = Document(text=text)
    doc.sentences = [Sentence(start=0, end=len(text), text=text)]
    event = Event(
        doc_id="t",
        trigger=Span(start=end + 1, end=end + 9, label="trigger", text="attacked"),
        sentence_index=0,
        plover_type="FIGHT",
        actor1=forces,
        acled_event_type="Battles",
    )
    return doc, event


def test_forces_loyal_to_a_rebel_leader_are_his_group() -> None:
    text = "Troops loyal to Riek Machar attacked the barracks at dawn."
    doc, event = _forces_event(text, 6)
    assert event.actor1 is not None and event.actor1.inter == 1  # the bare head: the state
    loyal_forces(DICTIONARY, doc, event, "SS", date(2015, 6, 1))
    assert event.actor1 is not None
    assert (event.actor1.actor_id, event.actor1.inter) == ("SS-SPLA-IO", 2)
    assert event.actor1.text == "Troops loyal to Riek Machar"


def test_forces_loyal_to_no_armed_leader_keep_the_state() -> None:
    # twins: a head of state's name, and no name at all
    for text in ("Troops loyal to President Kiir attacked the barracks.", "Troops attacked."):
        doc, event = _forces_event(text, 6)
        loyal_forces(DICTIONARY, doc, event, "SS", date(2015, 6, 1))
        assert event.actor1 is not None and event.actor1.inter == 1, text
