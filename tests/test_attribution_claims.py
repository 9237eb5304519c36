"""Claims of responsibility worded as a speaker saying it did the act (attribution/claims.py).

"<group> said it carried out <the act>", "… that its fighters were behind <the act>": the
reporting verb is a plain "said", but the speaker claims the act, so the group it names
becomes the event's actor1, marked ``claimed``. Our own sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from eventwire.config import Settings
from eventwire.pipeline.attribution.stage import AttributionStage
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.common.actordict import load_actor_dictionary
from eventwire.pipeline.common.cues import load_cues
from eventwire.records import Actor, Document, Event, Span

STAGE = AttributionStage(load_cues(), load_actor_dictionary(()))


@pytest.fixture(scope="module")
def front(settings: Settings, resources: Resources) -> Pipeline:
    stages = ("eventwire.structure.v1", "eventwire.nlp.v1")
    return Pipeline.from_settings(settings.replace(stages=stages), resources)


@pytest.fixture(scope="module")
def attribute(front: Pipeline) -> Callable[..., Event]:
    """Run structure+nlp, mark the trigger word as an event with ``actor1``, attribute it."""

    def run(text: str, trigger: str, actor1: Actor | None = None) -> Event:
        doc = front(Document(text=text))
        m = re.search(rf"\b{re.escape(trigger)}\b", doc.text)
        assert m, trigger
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= m.start() < s.end)
        event = Event(doc.doc_id, Span(m.start(), m.end(), "trigger", trigger), index, "ASSAULT")
        event.actor1 = actor1
        doc.events.append(event)
        STAGE(doc)
        return event

    return run


@pytest.mark.parametrize(
    ("text", "trigger", "actor_id"),
    [
        (
            "Al-Shabaab said on Sunday that its fighters were behind Saturday's bombing of a "
            "checkpoint in Baidoa.",
            "bombing",
            "SO-SHABAAB",
        ),
        ("Boko Haram said it carried out Tuesday's raid on a market in Konduga.", "raid", "NG-BH"),
        (
            "In a statement on Friday, the Pakistani Taliban said they staged the ambush of a "
            "police convoy near Bannu.",
            "ambush",
            "PK-TTP",
        ),
        (
            "Islamic State Sahel Province said on Thursday its militants were behind the attack "
            "near Menaka.",
            "attack",
            "ISGS",
        ),
    ],
)
def test_a_group_saying_it_did_the_act_claims_it(
    attribute: Callable[..., Event], text: str, trigger: str, actor_id: str
) -> None:
    event = attribute(text, trigger)
    assert event.actor1 is not None and event.actor1.actor_id == actor_id
    assert event.actor1.claimed is True and event.actor1.resolved_by == "claim"
    assert event.attribution is not None and event.attribution.verb == "said"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the army's report of its own operation: not a claim of responsibility
        ("The army said it carried out an air strike on a camp near Konduga.", "strike"),
        # the subject of "carried out" is not the speaker again
        ("Residents said Boko Haram carried out the raid on Konduga.", "raid"),
        # the speaker names no known group
        ("A local official said it carried out the raid on Konduga.", "raid"),
        # said of something else than doing the act
        ("Al-Shabaab said its fighters were unhurt in the raid on Baidoa.", "raid"),
    ],
)
def test_no_claim_without_a_group_saying_it_did_the_act(
    attribute: Callable[..., Event], text: str, trigger: str
) -> None:
    event = attribute(text, trigger)
    assert event.actor1 is None or not event.actor1.claimed


def test_a_claim_replaces_gunmen_and_the_dead_but_not_another_named_group(
    attribute: Callable[..., Event],
) -> None:
    text = "Boko Haram said it carried out Tuesday's raid on Konduga, in which nine people died."
    gunmen = Actor("gunmen", 0, 6, "Unidentified Armed Group", "GEN-UAG", inter=3)
    event = attribute(text, "raid", gunmen)
    assert event.actor1 is not None and event.actor1.actor_id == "NG-BH" and event.actor1.claimed
    other = Actor("ISWAP", 0, 5, "Islamic State West Africa Province", "ISWAP", inter=2)
    event = attribute(text, "raid", other)
    assert event.actor1 is other  # the report names another perpetrator: kept
    same = Actor("Boko Haram", 0, 10, "Boko Haram", "NG-BH", inter=2)
    event = attribute(text, "raid", same)
    assert event.actor1 is not None and event.actor1.claimed  # named only by its own claim


def test_the_whole_pipeline_fills_actor1_from_the_claim(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "The Pakistani Taliban said in a statement on Tuesday that it carried out Monday's "
        "bombing at a market in Quetta, which killed seven people.",
        published="2025-03-11",
    )
    actors = [e.actor1 for e in doc.events if e.actor1 is not None]
    assert any(a.actor_id == "PK-TTP" and a.claimed for a in actors), actors
