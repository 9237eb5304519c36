"""Issue 16, sixteenth pass (helper h16ai, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- Two communities coordinated before one communal head ("the Abdi and Kamal-Warsame
  sub-clans clashed", "Tongo and Bakpa Communal Militias fought") are two communal militias,
  one per side (inter 4 and 4); a force in the coordination ("Police and Tongo militias")
  is left as it was.
- A Ugandan or Burundian army named by its acronym (UPDF, BNDF) acting in Somalia is an
  external force (inter 8).
- A labelled note whose parse glues the label to the sentence ("Movement of forces: …
  Al Shabaab fighters armed with … arrived") names the party its sentence opens with; a
  thing there ("a consulate") names none.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.coordinated import communal_sides
from eventwire.records import Actor, Document, Event, Sentence, Span

PUBLISHED = "2024-05-20"


def _codes(top_event: TopEvent, text: str) -> tuple[str | None, int | None, int | None]:
    top = top_event(text, published=PUBLISHED)
    assert top is not None, text
    return (
        top.acled_event_type,
        top.actor1.inter if top.actor1 is not None else None,
        top.actor2.inter if top.actor2 is not None else None,
    )


def test_a_hyphenated_shared_head_gives_two_communal_sides(top_event: TopEvent) -> None:
    text = (
        "On 14 May 2024, for the third day, Abdi and Kamal-Warsame sub-clans clashed near "
        "Balanbale town (Cabudwaaq, Galgaduud)."
    )
    assert _codes(top_event, text) == ("Battles", 4, 4)


def test_a_capitalised_shared_head_gives_two_communal_sides(top_event: TopEvent) -> None:
    text = (
        "15 May. Tongo and Bakpa Communal Militias fought for a day over farmland near "
        "Bunkpurugu. One person was killed."
    )
    assert _codes(top_event, text) == ("Battles", 4, 4)


def test_an_agreement_between_two_tribes_keeps_its_two_sides(top_event: TopEvent) -> None:
    # twin: the agreement rule (parties.py) read this already; the new rule must keep it
    text = (
        "Agreement: Salamat and Taisha tribes exchanged four prisoners, two from each side, "
        "in Rahad el Berdi."
    )
    assert _codes(top_event, text) == ("Strategic developments", 4, 4)


def _event(text: str, trigger: str, a1: Actor | None, a2: Actor | None) -> tuple[Document, Event]:
    doc = Document(text=text)
    doc.sentences = [Sentence(start=0, end=len(text), text=text)]
    start = text.index(trigger)
    event = Event(
        doc_id="t",
        trigger=Span(start=start, end=start + len(trigger), label="trigger", text=trigger),
        sentence_index=0,
        plover_type="FIGHT",
        actor1=a1,
        actor2=a2,
        acled_event_type="Battles",
    )
    return doc, event


def _code(text: str) -> Actor:
    """A stand-in coder: names ending in a clan head are communities, "Police" a force."""
    if text.startswith("Police"):
        return Actor(text=text, name="Police", inter=1)
    if text.endswith(("clans", "militias")):
        return Actor(text=text, name=text.split()[0] + " Communal Militia", inter=4)
    return Actor(text=text)


def test_communal_sides_splits_the_coordination() -> None:
    text = "Abdi and Kamal clans clashed in the hills."
    doc, event = _event(text, "clashed", Actor(text="sub", start=0, end=4, inter=3), None)
    sides = communal_sides(doc, event, _code)
    assert sides is not None
    assert (sides[0].text, sides[1].text) == ("Abdi", "Kamal clans")
    assert (sides[0].inter, sides[1].inter) == (4, 4)


def test_a_force_in_the_coordination_is_left_alone() -> None:
    text = "Police and Tongo militias clashed in the hills."
    doc, event = _event(text, "clashed", None, None)
    assert communal_sides(doc, event, _code) is None


def test_a_third_armed_party_keeps_the_coordination_one_side() -> None:
    text = "Abdi and Kamal clans clashed with the army in the hills."
    army = Actor(text="the army", start=text.index("the army"), end=text.index(" in"), inter=1)
    doc, event = _event(text, "clashed", None, army)
    assert communal_sides(doc, event, _code) is None


def test_ugandan_soldiers_named_by_acronym_in_somalia_are_external(
    top_event: TopEvent,
) -> None:
    text = (
        "On 14 May 2024, UPDF soldiers shot and killed two herders near Afgooye town "
        "(Afgooye, Lower Shabelle), Somalia."
    )
    assert _codes(top_event, text)[1] == 8


def test_burundian_troops_named_by_acronym_in_somalia_are_external(
    top_event: TopEvent,
) -> None:
    text = (
        "On 14 May 2024, Al Shabaab militants attacked BNDF troops at a base in Mahadaay "
        "town (Jowhar, Middle Shabelle), Somalia. Two soldiers were killed."
    )
    assert _codes(top_event, text)[2] == 8


def test_the_party_a_labelled_note_opens_with(top_event: TopEvent) -> None:
    text = (
        "Movement of forces: On 14 May 2024, Al Shabaab militants armed with heavy weapons "
        "arrived in Ceel Baraf village (Adan Yabaal, Middle Shabelle)."
    )
    assert _codes(top_event, text)[:2] == ("Strategic developments", 2)


def test_a_group_named_by_acronym_after_a_label_and_a_date(top_event: TopEvent) -> None:
    text = "Recruitment: On 3 April 2024, the MRC said to be recruiting youths in Kwale."
    assert _codes(top_event, text) == ("Strategic developments", 3, None)


def test_two_states_after_an_agreement_label_are_both_sides(top_event: TopEvent) -> None:
    text = "Agreement: Sudan and Chad have agreed to withdraw their forces from the border."
    assert _codes(top_event, text) == ("Strategic developments", 1, 1)


def test_a_thing_a_labelled_note_opens_with_names_no_party(top_event: TopEvent) -> None:
    text = "Looting: the district office broken into and looted in Malakal."
    top = top_event(text, published=PUBLISHED)
    assert top is None or top.actor1 is None or top.actor1.resolved_by != "label-subject"


def test_a_later_sentence_of_an_agreement_reads_the_pair_the_note_opens_with(
    top_event: TopEvent,
) -> None:
    text = (
        "On 14 May 2024, Abdi-Yusuf sub-clan militia and Kamal-Warsame sub-clan militia met "
        "in Galinsoor town (Cadaado, Galgaduud). They agreed on the blood compensation."
    )
    assert _codes(top_event, text) == ("Strategic developments", 4, 4)
