"""Issue 16, nineteenth stop (helper h16bm, actor codes). Our own sentences.

- A riot or a protest told over many sentences, whose force intervenes only in the last
  ones ("… The police intervened and dispersed the crowd."): that force is the event's
  actor2 (inter 1), as when it is named near the event's own sentence. A force only
  named there (not the subject of an intervention verb) is not taken.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.actors.lateforce import late_force_words


def _inters(
    top_event: TopEvent, text: str, published: str = "2018-03-12"
) -> tuple[int | None, int | None]:
    event = top_event(text, published=published)
    assert event is not None, text
    a1, a2 = event.actor1, event.actor2
    return (a1.inter if a1 else None), (a2.inter if a2 else None)


def test_late_force_words() -> None:
    assert late_force_words("The prison guards intervened and fired shots.") == "prison guards"
    assert late_force_words("The police later dispersed the crowd.") == "police"
    assert late_force_words("They asked the police to free the boy.") is None
    assert late_force_words("Rioters burned a police post.") is None


_RIOT = (
    "On 4 March 2018, hundreds of traders rioted in the market of Kisumu town. "
    "They burned tyres on the main road. "
    "They also threw stones at a passing bus. "
    "Some of them looted two shops near the market. "
)


def test_force_that_intervened_last_is_the_riots_actor2(top_event: TopEvent) -> None:
    text = _RIOT + "The police intervened and dispersed the rioters."
    assert _inters(top_event, text) == (5, 1)


def test_force_only_named_last_is_not_taken(top_event: TopEvent) -> None:
    text = _RIOT + "They demanded that the police free their leader."
    assert _inters(top_event, text)[1] is None
