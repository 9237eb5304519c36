"""Issue 16, eighteenth stop (helper h16bb, actor codes). Our own sentences.

- Violence against civilians with no perpetrator named, told in a custody place ("in
  police custody", "at a police station", "in the regime's military prison"), as an act
  only a state does ("arbitrary arrest", "publicly caned") or as an arrest beside
  ill-treatment: the state that held the victims (inter 1). An arrest alone, "outside a
  police post" and "an attack on a police station" are no such cue.
- Spellings of Sudanese and Kenyan communities ("Habbaniyah", "Al-Falata", "Ziyadiyah",
  "Luo") are identities: their fighters are communal militias (inter 4).
- "The forces of A and B clashed": B's military is the battle's other side (external).
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.custody import custody_cue


def _inters(
    top_event: TopEvent, text: str, published: str = "2016-05-20"
) -> tuple[int | None, int | None]:
    event = top_event(text, published=published)
    assert event is not None, text
    a1, a2 = event.actor1, event.actor2
    return (a1.inter if a1 else None), (a2.inter if a2 else None)


def test_custody_cues() -> None:
    assert custody_cue("The trader was beaten at the central police station.") == "police station"
    assert custody_cue("He died in police custody on Friday.") == "custody"
    assert custody_cue("Nine women were publicly caned in front of a mosque.") == "publicly caned"
    assert custody_cue("He was beaten after he was arrested at a roadblock.") == "arrested"


def test_no_custody_cue() -> None:
    assert custody_cue("A farmer was shot outside a police post.") is None
    assert custody_cue("Gunmen stormed a police station and freed a detainee.") is None
    assert custody_cue("Riots broke out after the arrest of a preacher.") is None


def test_death_in_police_custody_is_the_states(top_event: TopEvent) -> None:
    text = "A young trader died after he was tortured in police custody in Mombasa."
    assert _inters(top_event, text)[0] == 1


def test_beaten_at_a_police_station_is_the_states(top_event: TopEvent) -> None:
    text = "Three fishermen were beaten at a police station in Kisumu town on Monday."
    assert _inters(top_event, text)[0] == 1


def test_killing_with_no_custody_stays_unidentified(top_event: TopEvent) -> None:
    text = "A young trader was shot dead in Mombasa on Monday."
    assert _inters(top_event, text)[0] == 3


def test_community_spellings_are_militias(top_event: TopEvent) -> None:
    text = "Clashes between Al-Falata and Salamat near Buram killed nine people."
    assert _inters(top_event, text, "2013-08-01") == (4, 4)
    text = "Habbaniyah gunmen attacked a Rizeigat village near Buram, killing six."
    assert _inters(top_event, text, "2013-08-01")[0] == 4
    text = "The Panyar fought a rival section near Cueibet. Nine people were killed."
    assert _inters(top_event, text, "2014-03-01")[0] == 4


def test_forces_of_two_states(top_event: TopEvent) -> None:
    text = "Military forces of Chad and Sudan clashed near the border town of Adre."
    assert _inters(top_event, text, "2008-05-10") in ((1, 8), (8, 1))
