"""Issue 16, nineteenth pass (helper h16ap, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- South Sudan's rebel groups of 2010-2015 and their leaders (dated roles): "SSLM/A", "Gadet
  forces", "George Athor", "Yau Yau rebels" are rebels (2) on the day; Johnson Olony's men
  were the army (1) between his 2013 amnesty and his 2015 defection.
- A membership suffix names the side: "TPLF-associated fighters" are the TPLF, "rebel-aligned
  troops" rebels (2), not the state whose head noun they carry ("-linked", "-affiliated" name
  a franchise and are left).
- A headline's reduced passive ("Shopkeeper shot in an attack by gunmen", "Guard shot and
  killed."): the subject was hit; the attacker is the "by" agent or an unidentified group.
"""

from __future__ import annotations

from datetime import date

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.headlines import coded_headline_victim, headline_victim
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document

DICTIONARY = load_actor_dictionary()


def test_south_sudan_rebel_groups_by_name() -> None:
    for words in ("the SSLM/A", "South Sudan Liberation Army fighters", "SSDM/A", "SSDA-Cobra"):
        coded = code_mention(DICTIONARY, words, "SS", date(2012, 5, 1))
        assert (coded.type, coded.inter) == ("rebel", 2), words
    coded = code_mention(DICTIONARY, "Yau Yau rebels", "SS", date(2013, 2, 1))
    assert (coded.actor_id, coded.inter) == ("SS-COBRA", 2)


def test_rebel_leaders_code_as_their_group_on_the_day() -> None:
    coded = code_mention(DICTIONARY, "Gadet forces", "SS", date(2011, 5, 1))
    assert (coded.actor_id, coded.inter) == ("SS-SSLMA", 2)
    coded = code_mention(DICTIONARY, "men loyal to George Athor", "SD", date(2011, 2, 1))
    assert (coded.actor_id, coded.inter) == ("SS-SSDMA", 2)
    coded = code_mention(DICTIONARY, "Gatluak Gai", "SD", date(2011, 4, 1))
    assert coded.inter == 2
    # twins: Gadet with Machar's side in 2014; Olony inside the army in 2014, not before
    coded = code_mention(DICTIONARY, "Gadet's forces", "SS", date(2014, 6, 1))
    assert (coded.actor_id, coded.inter) == ("SS-SPLA-IO", 2)
    coded = code_mention(DICTIONARY, "Johnson Olony", "SS", date(2014, 6, 1))
    assert (coded.actor_id, coded.inter) == ("SS-SSPDF", 1)
    coded = code_mention(DICTIONARY, "Johnson Olony", "SS", date(2012, 6, 1))
    assert coded.inter == 2


def test_membership_suffix_names_the_side() -> None:
    coded = code_mention(DICTIONARY, "TPLF-associated fighters", "ET", date(2021, 5, 1))
    assert coded.actor_id is not None and "TPLF" in coded.actor_id
    coded = code_mention(DICTIONARY, "rebel-aligned troops", "SS", date(2015, 5, 1))
    assert coded.inter == 2
    coded = code_mention(DICTIONARY, "RSF-aligned gunmen", "SD", date(2024, 5, 1))
    assert (coded.actor_id, coded.inter) == ("SD-RSF", 2)


def test_membership_suffix_twins() -> None:
    # a government's allies stay a militia (3); "anti-rebel forces" and plain forces the state
    assert code_mention(DICTIONARY, "government-allied militia", "SD").inter == 3
    assert code_mention(DICTIONARY, "anti-rebel forces", "SS").inter == 1
    assert code_mention(DICTIONARY, "government forces", "SS").inter == 1
    # a franchise link names no member: "IS-linked forces" keep their composed coding
    assert code_mention(DICTIONARY, "IS-linked forces", "ID").actor_id != "ISIS"


def _actor(doc: Document, words: str, inter: int | None = None) -> Actor:
    start = doc.text.index(words)
    return Actor(text=words, start=start, end=start + len(words), inter=inter)


def test_headline_victim_reads_reduced_passives() -> None:
    for text, words in (
        ("Shopkeeper shot in an attack by gunmen in Wajir.", "Shopkeeper"),
        ("Two guards shot and killed.", "Two guards"),
        ("On 3 May, four policemen shot at and wounded during a patrol.", "four policemen"),
        ("A chief and two bodyguards killed in an ambush near Yei.", "two bodyguards"),
    ):
        doc = Document(text=text)
        assert headline_victim(doc, _actor(doc, words)), text


def test_headline_victim_twins() -> None:
    for text, words in (
        ("Gunmen shot two traders in Wajir.", "Gunmen"),
        ("Police shot dead a robbery suspect in Nakuru.", "Police"),
        ("Soldiers shot at villagers near the market.", "Soldiers"),
        ("The rebels, who had surrounded the town, killed three guards.", "The rebels"),
        ("Witnesses said the militia members killed in the raid were buried.", "militia members"),
    ):
        doc = Document(text=text)
        assert not headline_victim(doc, _actor(doc, words)), text
    # a victim coded as a community's militia is left to the communal defaults
    doc = Document(text="Nine tribesmen killed in an ambush.")
    assert not coded_headline_victim(doc, _actor(doc, "Nine tribesmen", inter=4))
    assert coded_headline_victim(doc, _actor(doc, "Nine tribesmen", inter=7))


def test_headline_victim_whole_pipeline(top_event: TopEvent) -> None:
    top = top_event("Shopkeeper shot in an attack by unknown gunmen in Wajir town.", "2012-03-01")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3
    top = top_event("Three police officers shot at and wounded during a patrol near Moyale.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 3
    assert top.actor2 is not None and top.actor2.inter == 1
    # twin: the active sentence keeps its subject as the attacker
    top = top_event("Soldiers shot at villagers near Moyale, wounding three of them.")
    assert top is not None and top.actor1 is not None and top.actor1.inter == 1
