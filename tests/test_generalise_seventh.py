"""Issue 16, seventh pass: a demonstration's intervention told in the next sentence, which has
no event trigger of its own, and communities' militias named by an unknown name. Our own
sentences, one class per test, each with a twin that must keep working."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import load_settings
from eventwire.pipeline.nlp.prefilter import CANDIDATE, CONTEXT, TriggerPrefilter, lone_cue_forms
from eventwire.records import Document, Event

Run = Callable[..., Document]
PUBLISHED = "2021-06-10"


def _top(run_text: Run, text: str) -> Event | None:
    events = run_text(text, published=PUBLISHED).events
    return events[0] if events else None


# -- the intervention in the sentence after a protest -------------------------------------------
def test_a_lone_intervention_cue_makes_a_sentence_context() -> None:
    only = TriggerPrefilter(["protest"], lone_cues=["tear gas", "dispersed"])
    assert only.level("Police dispersed the crowd with tear gas.") == CONTEXT
    assert only.level("Traders protested in the market.") == CANDIDATE
    assert only.level("The shops reopened on Monday.") == 0


def test_the_packaged_lone_cues_are_the_intervention_class() -> None:
    forms = lone_cue_forms(load_settings())
    assert {"dispersed", "tear gas"} <= forms
    assert "protested" not in forms and "killed" not in forms


@pytest.mark.parametrize(
    "text",
    [
        "Traders protested in Kisumu against new market fees. Police dispersed the crowd "
        "with tear gas.",
        "Students demonstrated in Bamako over unpaid grants. Riot police broke up the "
        "gathering using water cannon.",
    ],
)
def test_intervention_in_the_next_sentence(run_text: Run, text: str) -> None:
    top = _top(run_text, text)
    assert top is not None and top.acled_sub_event_type == "Protest with intervention", top


def test_a_protest_with_no_intervention_stays_peaceful(run_text: Run) -> None:
    text = "Traders protested in Kisumu against new market fees. The protest ended at noon."
    top = _top(run_text, text)
    assert top is not None and top.acled_sub_event_type == "Peaceful protest", top


def test_a_lone_intervention_word_far_from_any_event_adds_nothing(run_text: Run) -> None:
    doc = run_text("The city bought a new water cannon for its fire brigade.", published=PUBLISHED)
    assert doc.events == []
