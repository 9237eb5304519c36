"""Issue 16, fifteenth pass (helper h16ae, actor codes). Our own sentences, one class per
test, each with a twin that keeps its old reading.

- A fight between two crowds that the police only broke up ("a clash between the two
  parties' supporters … Police intervened to restore order") has rioters on both sides;
  police hit by the crowd ("police that intervened were stoned") or fought "with" stay
  actor2.
- A peaceful protest whose force words name the protesters ("retired soldiers protested
  over their pensions") or what the protest asks or blames ("demanding that the police
  free the students") has no actor2; a force that acts on it ("the police warned the
  marchers") keeps it.
- A checkpoint the actor set up itself ("the rebels established a taxation checkpoint",
  "soldiers established a checkpoint and confiscated khat") is no second party (a looting
  then hits civilians); a checkpoint attacked ("attacked an army checkpoint") still names the
  army.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.posts import own_post
from eventwire.records import Actor, Event, Span

PUBLISHED = "2024-03-12"


def _codes(top_event: TopEvent, text: str) -> tuple[str | None, int | None, int | None]:
    top = top_event(text, published=PUBLISHED)
    assert top is not None, text
    return (
        top.acled_sub_event_type,
        top.actor1.inter if top.actor1 is not None else None,
        top.actor2.inter if top.actor2 is not None else None,
    )


def test_a_crowd_fight_the_police_broke_up_has_rioters_on_both_sides(
    top_event: TopEvent,
) -> None:
    text = (
        "On 9 March 2024, supporters of ODM and UDA clashed at the tallying centre in Kisii "
        "town, throwing stones at each other. Police intervened to restore order."
    )
    assert _codes(top_event, text) == ("Mob violence", 5, 5)


def test_teargas_to_disperse_fights_between_rival_supporters(top_event: TopEvent) -> None:
    text = (
        "On 9 March 2024, police fired teargas to disperse fights between rival political "
        "supporters in Nyamira town."
    )
    assert _codes(top_event, text) == ("Mob violence", 5, 5)


def test_police_stoned_by_the_crowds_stay_the_second_side(top_event: TopEvent) -> None:
    text = (
        "On 9 March 2024, supporters of ODM and UDA clashed at the tallying centre in Kisii "
        "town, throwing stones at each other. Police who intervened were stoned by the crowd."
    )
    assert _codes(top_event, text)[2] == 1


def test_soldiers_who_protest_are_no_second_party(top_event: TopEvent) -> None:
    text = (
        "On 9 March 2024, dozens of retired soldiers protested peacefully outside the "
        "parliament in Hargeysa over their unpaid pensions."
    )
    assert _codes(top_event, text) == ("Peaceful protest", 6, None)


def test_a_protest_demanding_the_police_act_has_no_second_party(top_event: TopEvent) -> None:
    text = (
        "On 9 March 2024, some forty students staged a peaceful rally in Makassar city, "
        "criticizing the police over the death of a detainee."
    )
    assert _codes(top_event, text) == ("Peaceful protest", 6, None)


def test_police_who_act_at_a_peaceful_protest_stay(top_event: TopEvent) -> None:
    text = (
        "On 9 March 2024, police watched as a group of pupils held a peaceful protest outside "
        "the governor's office in Makassar."
    )
    assert _codes(top_event, text) == ("Peaceful protest", 6, 1)


def test_a_checkpoint_the_rebels_set_up_is_no_second_party(top_event: TopEvent) -> None:
    text = (
        "Non-violent activity: On 9 March 2024, Al Shabaab established a taxation checkpoint "
        "in Dusa village (Bulo Burto, Hiraan)."
    )
    assert _codes(top_event, text) == ("Other", 2, None)


def test_soldiers_looting_at_their_own_checkpoint_hit_civilians(top_event: TopEvent) -> None:
    text = (
        "Looting: On 9 March 2024, Galmudug soldiers established an illegal checkpoint and "
        "confiscated khat in Dusa village (Bulo Burto, Hiraan)."
    )
    assert _codes(top_event, text) == ("Looting/property destruction", 1, 7)


def test_a_checkpoint_attacked_still_names_its_force(top_event: TopEvent) -> None:
    text = "On 9 March 2024, Al Shabaab attacked an army checkpoint in Dusa village, Hiraan."
    assert _codes(top_event, text)[2] == 1


def _event_with_actor2(text: str, words: str) -> Event:
    start = text.index(words)
    return Event(
        doc_id="d",
        trigger=Span(start=0, end=6, label="trigger", text="looted"),
        sentence_index=0,
        plover_type="SEIZE",
        actor2=Actor(text=words, start=start, end=start + len(words)),
    )


def test_own_post_reads_the_verb_before_the_post() -> None:
    text = "Soldiers set up a new checkpoint and looted goods."
    assert own_post(text, _event_with_actor2(text, "a new checkpoint"))
    other = "Soldiers attacked a new checkpoint and looted goods."
    assert not own_post(other, _event_with_actor2(other, "a new checkpoint"))


LABELLED = "On 12 June 2025, Al Shabaab imposed new fees on herders in Dusa village."


def test_a_labelled_note_with_no_trigger_word_reads_its_actor(top_event: TopEvent) -> None:
    assert _codes(top_event, "Non-violent activity: " + LABELLED) == ("Other", 2, None)


def test_a_labelled_clan_checkpoint_names_the_clan_militia(top_event: TopEvent) -> None:
    text = (
        "Non-violent activity: On 12 June 2025, the Dir clan militia erected a checkpoint "
        "near Dusa town (Zeylac, Awdal)."
    )
    assert _codes(top_event, text) == ("Other", 4, None)


def test_a_note_with_no_label_and_no_trigger_word_has_no_event(top_event: TopEvent) -> None:
    assert top_event("Reports say: " + LABELLED, published=PUBLISHED) is None
