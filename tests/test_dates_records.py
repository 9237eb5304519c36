"""Dates of coded records and of clauses about a noun (issue 16, dates; own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline.dates.stage import EVENT_DATED, DatesStage
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import Document, Event, Span
from test_dates import make_doc

DAY = date(2014, 12, 10)  # a Wednesday


@pytest.fixture(scope="module")
def stage() -> DatesStage:
    return DatesStage(load_timex_lexicon(), use_dateparser=False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Traders yesterday marched through the market over new taxes.", "marched"),
        ("On Monday night gunmen burnt ten houses in the village.", "burnt"),
        ("Students recently blocked the highway near the campus.", "blocked"),
        ("Herders attacked a farm three days ago, officials said.", "attacked"),
        ("Rebels raided the depot last week and took fuel.", "raided"),
    ],
)
def test_a_record_dated_at_its_event_keeps_its_day(
    stage: DatesStage, text: str, trigger: str
) -> None:
    doc = make_doc(text, DAY, [trigger])
    doc.published_source = EVENT_DATED
    when = stage(doc).events[0].date
    assert when is not None and when.start == when.end == DAY
    assert when.precision == "day"


def test_an_article_still_counts_back_from_its_publication(stage: DatesStage) -> None:
    doc = make_doc("Traders yesterday marched through the market.", DAY, ["marched"])
    doc.published_source = "record"  # a news item: its date is the article's
    assert stage(doc).events[0].date.start == date(2014, 12, 9)  # type: ignore[union-attr]


def test_a_stated_day_of_a_record_is_kept(stage: DatesStage) -> None:
    doc = make_doc("On 2 December, rebels raided the depot.", DAY, ["raided"])
    doc.published_source = EVENT_DATED
    assert stage(doc).events[0].date.start == date(2014, 12, 2)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def parsed() -> object:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Resources, registered_stages

    cfg = load_settings(config_file=None, env={})
    res = Resources(cfg)
    registry = registered_stages()
    front = [registry[n](cfg, res) for n in ("eventwire.structure.v1", "eventwire.nlp.v1")]

    def parse(text: str) -> Document:
        doc = Document(text=text, published=DAY)
        for step in front:
            doc = step(doc)  # type: ignore[operator]
        return doc

    return parse


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a date in a clause that modifies a noun dates that noun's past
        ("Mothers marched to demand the release of pupils arrested in October.", "marched", DAY),
        ("Officers who had deserted in August attacked the depot.", "attacked", DAY),
        ("Herders recovered the cattle stolen in September.", "recovered", DAY),
        # a clause about the trigger noun itself dates the event
        (
            "Rebels said a roadside bomb planted on 3 December hit the convoy.",
            "bomb",
            date(2014, 12, 3),
        ),
        # the clause of the trigger itself keeps its date
        ("Gunmen killed two guards in October.", "killed", date(2014, 10, 1)),
        ("Police dispersed crowds that gathered on 3 December.", "gathered", date(2014, 12, 3)),
    ],
)
def test_a_date_of_a_clause_about_a_noun_is_not_the_events(
    stage: DatesStage, parsed: object, text: str, trigger: str, expected: date
) -> None:
    doc = parsed(text)  # type: ignore[operator]
    at = text.index(trigger)
    doc.events = [Event(doc.doc_id, Span(at, at + len(trigger), "trigger", trigger), 0, "PROTEST")]
    assert doc.parses, "the sentence must be parsed"
    when = stage(doc).events[0].date
    assert when is not None and when.start == expected
