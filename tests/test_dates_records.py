"""Dates of coded records dated at their event (issue 16, dates; own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline.dates.stage import EVENT_DATED, DatesStage
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
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
