"""Agents a note's head or label hides from the parse (issue 16, actors/heads.py): an agent
named inside a mention that runs across the trigger, and an analyst's opening label read as
the subject. Our own sentences."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.pipeline.actors.heads import split_at_trigger
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.records import Actor, Document, Event, Sentence, Span


def _top(doc: Document, word: str) -> tuple[str | None, int | None, str | None]:
    events = [e for e in doc.events if e.trigger.text.lower().startswith(word)]
    assert events, [e.trigger.text for e in doc.events]
    a1, a2 = events[0].actor1, events[0].actor2
    return (a1.text if a1 else None, a1.inter if a1 else None, a2.text if a2 else None)


def test_an_acronym_before_a_trigger_read_as_an_adjective_is_the_agent(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("SAF bombed villages of Abu Zabad and Dilling in Sudan.", published="2014-03-02")
    text, inter, target = _top(doc, "bomb")
    assert (text, inter) == ("SAF", 1)
    assert target is None or "bombed" not in target


def _bare_event(text: str, trigger: str, mention: str) -> tuple[Document, Event]:
    start, m = text.index(trigger), text.index(mention)
    doc = Document(text=text, sentences=[Sentence(start=0, end=len(text), text=text)])
    event = Event(
        doc_id="t",
        trigger=Span(start, start + len(trigger), "trigger", trigger),
        sentence_index=0,
        plover_type="ASSAULT",
        actor2=Actor(text=mention, start=m, end=m + len(mention)),
    )
    return doc, event


def test_a_mention_holding_the_trigger_is_split_only_at_an_armed_agent() -> None:
    d = load_actor_dictionary()
    doc, event = _bare_event("Rebels burned huts of Yei.", "burned", "Rebels burned huts of Yei")
    assert split_at_trigger(d, doc, event, "SS", None)
    assert event.actor1 is not None and event.actor1.text == "Rebels"
    assert event.actor2 is not None and event.actor2.text == "huts of Yei"
    assert doc.text[event.actor2.start : event.actor2.end] == "huts of Yei"
    doc, event = _bare_event("Old burned huts of Yei.", "burned", "Old burned huts of Yei")
    assert not split_at_trigger(d, doc, event, "SS", None)
    assert event.actor1 is None and event.actor2 is not None


def test_an_opening_label_is_no_actor_and_the_verbs_subject_is(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Defusal: On 4 May 2025, government soldiers defused a roadside bomb planted by Al "
        "Shabaab near Baidoa town in Somalia.",
        published="2025-05-04",
    )
    text, inter, _ = _top(doc, "defus")
    assert text == "government soldiers"
    assert inter == 1


def test_a_label_is_dropped_even_when_no_other_subject_is_parsed(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Movement of forces: On 2 June 2025, the Somali army withdrew from bases near Baidoa.",
        published="2025-06-02",
    )
    for event in doc.events:
        a1 = event.actor1
        assert a1 is None or "movement" not in a1.text.lower()


def test_a_subject_before_a_colon_inside_the_sentence_stays(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "On Monday in Baidoa, Somalia: soldiers killed three Al Shabaab fighters.",
        published="2025-06-02",
    )
    text, inter, _ = _top(doc, "kill")
    assert text is not None and "soldiers" in text.lower()
    assert inter == 1


def test_a_bare_state_force_noun_leads_a_headline_with_no_country(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text("Police assault reporter filming a street arrest", published="2019-04-02")
    text, inter, _ = _top(doc, "assault")
    assert (text, inter) == ("Police", 1)


def test_a_bare_force_noun_hit_by_a_toll_is_no_lead(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Police officers were killed in an ambush near the market", published="2019-04-02"
    )
    for event in doc.events:
        a1 = event.actor1
        assert a1 is None or a1.inter != 1 or "police" not in a1.text.lower()
