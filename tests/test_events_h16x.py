"""Issue 16, helper h16x: event types and sub-types of acled_more notes, own sentences.

Each class has a sentence that failed before the change and a twin that must keep its
reading.
"""

from __future__ import annotations

from conftest import TopEvent
from eventwire.pipeline.finalize.stage import report_order
from eventwire.records import Event, Span


def _event(acled: str | None, confidence: float, background: bool = False) -> Event:
    return Event(
        doc_id="d",
        trigger=Span(0, 4, "trigger", "word"),
        sentence_index=0,
        plover_type="ASSAULT" if acled else "ACCUSE",
        acled_event_type=acled,
        confidence=confidence,
        background=background,
    )


# --- an act ACLED lists ranks before talk and dealings it has no type for ---------------


def test_report_order_puts_a_typed_act_before_a_more_confident_statement() -> None:
    talk, act = _event(None, 0.46), _event("Violence against civilians", 0.30)
    assert sorted([talk, act], key=report_order) == [act, talk]


def test_report_order_keeps_a_current_statement_before_a_recalled_act() -> None:
    talk = _event(None, 0.46)
    recalled = _event("Battles", 0.90, background=True)
    assert sorted([recalled, talk], key=report_order) == [talk, recalled]


def test_report_order_keeps_confidence_between_typed_acts() -> None:
    weak, strong = _event("Battles", 0.30), _event("Violence against civilians", 0.60)
    assert sorted([weak, strong], key=report_order) == [strong, weak]


def test_accused_shelling_is_the_event_not_the_accusation(top_event: TopEvent) -> None:
    top = top_event("Opposition leaders accuse the army of shelling villages and burning homes.")
    assert top is not None
    assert top.acled_event_type == "Explosions/Remote violence"


def test_accused_rape_is_the_event(top_event: TopEvent) -> None:
    top = top_event("The rebels accused the militia of raping women in Kuma.")
    assert top is not None
    assert top.acled_sub_event_type == "Sexual violence"


def test_a_protest_blaming_someone_is_a_protest(top_event: TopEvent) -> None:
    top = top_event("Traders hold protest blaming the governor for the closure of the market")
    assert top is not None
    assert top.acled_event_type == "Protests"


def test_a_release_after_an_abduction_leaves_the_abduction_on_top(top_event: TopEvent) -> None:
    top = top_event(
        "2 May. A shopkeeper from Kuma was abducted and beaten by separatists, "
        "they released him after a ransom was paid."
    )
    assert top is not None
    assert top.acled_event_type == "Violence against civilians"


def test_an_accusation_with_no_act_keeps_its_event(top_event: TopEvent) -> None:
    top = top_event("The minister accused the opposition of lying about the budget.")
    assert top is not None
    assert top.acled_event_type is None
    assert top.trigger.text == "accused"
