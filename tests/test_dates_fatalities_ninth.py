"""Dates and fatalities, ninth pass (issue 16): classes of wording, own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, registered_stages
from eventwire.pipeline.dates.stage import DatesStage
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import Document, Event, Span

PUB = date(2018, 6, 20)


def _dated(settings: Settings, resources: Resources, text: str, trigger: str) -> date | None:
    """The date the dates stage gives one event whose trigger is ``trigger``."""
    registry = registered_stages()
    doc = Document(text=text, published=PUB)
    for name in ("eventwire.structure.v1", "eventwire.nlp.v1"):
        doc = registry[name](settings, resources)(doc)  # type: ignore[arg-type]
    at = text.index(trigger)
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= at < s.end)
    span = Span(at, at + len(trigger), "trigger", trigger)
    doc.events = [Event(doc.doc_id, span, index, "PROTEST")]
    assert doc.parses, "the sentence must be parsed"
    when = DatesStage(load_timex_lexicon())(doc).events[0].date
    assert when is not None
    return when.start


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a date inside what the demonstration is about dates that grievance
        (
            "Hundreds of farmers protest the killing of two herders by unknown gunmen on 12 June"
            " in the district.",
            "protest",
            PUB,
        ),
        (
            "Nurses demonstrated against the pay cut announced on 2 June.",
            "demonstrated",
            PUB,
        ),
        (
            "Youths blocked the highway to denounce the decision to close the market on Friday.",
            "denounce",
            PUB,
        ),
        # the demonstration's own date is kept
        ("Teachers protested in the capital on 12 June.", "protested", date(2018, 6, 12)),
        (
            "On 18 June, nurses demonstrated against the pay cut announced on 2 June.",
            "demonstrated",
            date(2018, 6, 18),
        ),
    ],
)
def test_a_date_inside_the_grievance_of_a_demonstration_is_not_its_date(
    settings: Settings, resources: Resources, text: str, trigger: str, expected: date
) -> None:
    assert _dated(settings, resources, text, trigger) == expected


def test_the_kill_told_as_the_grievance_keeps_its_own_date(
    settings: Settings, resources: Resources
) -> None:
    text = (
        "Hundreds of farmers protest the killing of two herders by unknown gunmen on 12 June"
        " in the district."
    )
    assert _dated(settings, resources, text, "killing") == date(2018, 6, 12)


def test_an_opening_date_through_a_preposition_is_no_noun_s_date(
    settings: Settings, resources: Resources
) -> None:
    # the parser hangs "On 14 June" on the subject noun of a note with no main verb; the
    # date still frames the note
    text = (
        "On 14 June, several youth associations, members of a civic network (CN) in Bamako,"
        " who protested against the curfew."
    )
    assert _dated(settings, resources, text, "protested") == date(2018, 6, 14)


def test_a_date_before_its_noun_still_dates_the_noun(
    settings: Settings, resources: Resources
) -> None:
    text = "Crowds marched against the 2 June killing of a farmer."
    assert _dated(settings, resources, text, "marched") == PUB
