"""Dates: finding and resolving time expressions, and the dates stage on hand-built events."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.pipeline.dates.stage import DatesStage
from eventwire.pipeline.dates.timex import find_habitual, find_timexes
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import Document, Event, Segment, Sentence, Span

PUB = date(2014, 12, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on 14 June 2014", "2014-06-14", "2014-06-14", "day"),
        ("June 14, 2014", "2014-06-14", "2014-06-14", "day"),
        ("06/14/2014", "2014-06-14", "2014-06-14", "day"),
        ("14/06/2014", "2014-06-14", "2014-06-14", "day"),
        ("2014-06-14", "2014-06-14", "2014-06-14", "day"),
        ("on the 3rd of May, 2012", "2012-05-03", "2012-05-03", "day"),
        ("when the town fell in June", "2014-06-01", "2014-06-30", "month"),
        ("in December", "2014-12-01", "2014-12-31", "month"),
        ("last December", "2013-12-01", "2013-12-31", "month"),
        ("on 20 December", "2013-12-20", "2013-12-20", "day"),
        ("yesterday", "2014-12-09", "2014-12-09", "day"),
        ("on Tuesday", "2014-12-09", "2014-12-09", "day"),
        ("on Wednesday", "2014-12-10", "2014-12-10", "day"),
        ("last Wednesday", "2014-12-03", "2014-12-03", "day"),
        ("last week", "2014-12-01", "2014-12-07", "week"),
        ("earlier this month", "2014-12-01", "2014-12-10", "month"),
        ("last month", "2014-11-01", "2014-11-30", "month"),
        ("Last year", "2013-01-01", "2013-12-31", "year"),
        ("three days ago", "2014-12-07", "2014-12-07", "day"),
        ("in the past six months", "2014-06-13", "2014-12-10", "range"),
        ("in 2011", "2011-01-01", "2011-12-31", "year"),
        ("since 2012", "2012-01-01", "2014-12-10", "range"),
        ("between 3 and 5 May 2014", "2014-05-03", "2014-05-05", "range"),
        ("between July 1 and July 31, 2014", "2014-07-01", "2014-07-31", "range"),
    ],
)
def test_resolve_expression(text: str, start: str, end: str, precision: str) -> None:
    (timex,) = find_timexes(text, PUB)
    assert (timex.when.start.isoformat(), timex.when.end.isoformat()) == (start, end)  # type: ignore[union-attr]
    assert timex.when.precision == precision
    assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    "text",
    ["The group may 4 times a year march", "June said nothing", "It cost 2014 dollars", "x"],
)
def test_no_false_dates(text: str) -> None:
    assert find_timexes(text, PUB) == []


def test_relative_needs_publication() -> None:
    assert find_timexes("yesterday, in June", None) == []
    (explicit,) = find_timexes("on 14 June 2014", None)
    assert explicit.when.precision == "day"


def test_numeric_order_option() -> None:
    (mdy,) = find_timexes("01/05/2012", None, numeric_order="MDY")
    (dmy,) = find_timexes("01/05/2012", None, numeric_order="DMY")
    assert mdy.when.start == date(2012, 1, 5) and dmy.when.start == date(2012, 5, 1)


def test_partial_date_takes_the_year_of_a_full_date_beside_it() -> None:
    found = find_timexes("On 27 April 2020 (from 27 - 28 April) troops", date(2020, 4, 27))
    assert [t.when.start for t in found] == [date(2020, 4, 27), date(2020, 4, 27)]
    assert found[1].when.end == date(2020, 4, 28)


def test_habitual_cues() -> None:
    assert [c[2] for c in find_habitual("Nearly daily, men are taken; raids come every week.")] == [
        "Nearly daily",
        "every week",
    ]


def make_doc(text: str, published: date | None, triggers: list[str]) -> Document:
    """A document with one segment per paragraph, regex sentences and one event a trigger."""
    doc = Document(text=text, published=published)
    for para in re.finditer(r"[^\n]+", text):
        doc.segments.append(Segment(para.start(), para.end(), "body"))
        for sent in re.finditer(r"[^.!?]+[.!?]?", para.group(0)):
            s = para.start() + sent.start() + (len(sent.group(0)) - len(sent.group(0).lstrip()))
            e = para.start() + sent.end()
            doc.sentences.append(Sentence(s, e, text[s:e], segment=len(doc.segments) - 1))
    for word in triggers:
        at = text.index(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= at < s.end)
        doc.events.append(
            Event(doc.doc_id, Span(at, at + len(word), "trigger", word), index, "ASSAULT")
        )
    return doc


@pytest.fixture(scope="module")
def stage() -> DatesStage:
    return DatesStage(load_timex_lexicon(), use_dateparser=False)


def test_each_event_takes_its_nearest_date(stage: DatesStage) -> None:
    text = "Rebels shelled the port on Monday and stormed the airport on 2 December."
    doc = stage(make_doc(text, PUB, ["shelled", "stormed"]))
    assert [e.date.start for e in doc.events] == [date(2014, 12, 8), date(2014, 12, 2)]  # type: ignore[union-attr]
    assert doc.events[0].date.span_start == text.index("on Monday")  # type: ignore[union-attr]


def test_paragraph_date_carries_to_later_sentences(stage: DatesStage) -> None:
    text = (
        "On 3 November, militia fighters raided the village.\nNobody was hurt. They burned houses."
    )
    doc = stage(make_doc(text, PUB, ["raided", "burned"]))
    # the second paragraph has no date: it falls back to publication, not to another paragraph
    assert doc.events[0].date.start == date(2014, 11, 3)  # type: ignore[union-attr]
    assert doc.events[1].date.precision == "publication"  # type: ignore[union-attr]


def test_same_paragraph_inherits(stage: DatesStage) -> None:
    text = "On 3 November, militia fighters raided the village. They burned houses."
    doc = stage(make_doc(text, PUB, ["burned"]))
    assert doc.events[0].date.start == date(2014, 11, 3)  # type: ignore[union-attr]


def test_publication_and_unknown_fallbacks(stage: DatesStage) -> None:
    doc = stage(make_doc("Gunmen attacked a convoy.", PUB, ["attacked"]))
    when = doc.events[0].date
    assert when is not None and (when.start, when.precision) == (PUB, "publication")
    doc = stage(make_doc("Gunmen attacked a convoy.", None, ["attacked"]))
    assert doc.events[0].date is not None and doc.events[0].date.precision == "unknown"


def test_habitual_event_is_recurring_with_the_reporting_period(stage: DatesStage) -> None:
    text = (
        "Raids have multiplied over the past three months. Nearly daily, gunmen seize "
        "farmers on the road."
    )
    doc = stage(make_doc(text, PUB, ["seize"]))
    when = doc.events[0].date
    assert when is not None and when.recurring and when.precision == "range"
    assert (when.start, when.end) == (date(2014, 9, 11), PUB)


def test_dated_sentence_with_a_habitual_word_is_not_recurring(stage: DatesStage) -> None:
    text = "The often targeted market was bombed on 2 December."
    doc = stage(make_doc(text, PUB, ["bombed"]))
    assert doc.events[0].date is not None and not doc.events[0].date.recurring


def test_seed_interview(seed_interview: str, settings_and_resources: tuple[object, object]) -> None:
    from eventwire.pipeline.base import registered_stages

    cfg, res = settings_and_resources
    registry = registered_stages()
    front = [registry[n](cfg, res) for n in ("eventwire.structure.v1", "eventwire.nlp.v1")]  # type: ignore[arg-type]
    back = [registry[n](cfg, res) for n in ("eventwire.dates.v1", "eventwire.casualties.v1")]  # type: ignore[arg-type]
    results = {}
    for phrase, word in (
        ("When ISIS took Mosul in June", "took"),
        ("killing dozens", "killing"),
        ("Last year, ISIS swept in", "swept"),
    ):
        doc = Document(text=seed_interview, published=date(2014, 12, 10))
        for s in front:
            doc = s(doc)
        at = seed_interview.index(phrase) + phrase.index(word)
        index = next(i for i, s in enumerate(doc.sentences) if s.start <= at < s.end)
        trigger = Span(at, at + len(word), "trigger", word)
        doc.events = [Event(doc.doc_id, trigger, index, "ASSAULT")]
        for s in back:
            doc = s(doc)
        results[word] = doc.events[0]
    took = results["took"].date
    assert took is not None and (took.start, took.end, took.precision) == (
        date(2014, 6, 1),
        date(2014, 6, 30),
        "month",
    )
    swept = results["swept"].date
    assert swept is not None and (swept.start, swept.end, swept.precision) == (
        date(2013, 1, 1),
        date(2013, 12, 31),
        "year",
    )
    killing = results["killing"]
    assert killing.date is not None and killing.date.recurring
    assert killing.fatalities is not None and killing.fatalities.best == 12


@pytest.fixture(scope="module")
def settings_and_resources() -> tuple[object, object]:
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Resources

    cfg = load_settings(config_file=None, env={})
    return cfg, Resources(cfg)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)))
def test_find_timexes_never_raises(text: str, published: date) -> None:
    for timex in find_timexes(text, published):
        assert timex.when.start is not None and timex.when.end is not None
        assert timex.when.start <= timex.when.end
        assert 0 <= timex.start < timex.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(
        [
            "June",
            "May",
            "on 3 May",
            "last week",
            "yesterday",
            "in 2013",
            "Tuesday",
            "the past two years",
            "14/06/2014",
            "between 1 and 40 March",
        ]
    ),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1)),
)
def test_relative_dates_never_after_publication(phrase: str, published: date) -> None:
    for timex in find_timexes(f"It happened {phrase}.", published):
        if timex.kind in ("relative", "partial") and "20" not in phrase:
            assert timex.when.start is not None and timex.when.start <= published


@pytest.mark.parametrize(
    "text",
    [
        "On 4 December, the rebels took the town. They held it (the army had taken it on 20 "
        "November) by nightfall.",
        "On 4 December, the rebels took the town. They held it, after the army had left on "
        "20 November.",
    ],
)
def test_a_date_of_a_background_clause_is_not_the_events(stage: DatesStage, text: str) -> None:
    doc = stage(make_doc(text, PUB, ["held"]))
    assert doc.events[0].date.start == date(2014, 12, 4)  # type: ignore[union-attr]


def test_a_date_before_the_background_word_still_dates_the_event(stage: DatesStage) -> None:
    text = "Troops stormed the camp on 2 December after a week of shelling."
    doc = stage(make_doc(text, PUB, ["stormed"]))
    assert doc.events[0].date.start == date(2014, 12, 2)  # type: ignore[union-attr]


# -- issue 16: date error classes (sentences written for these tests) -----------------------
def test_a_framing_date_dates_the_narration_after_it(stage: DatesStage) -> None:
    text = (
        "On 3 December 2014, fighting spread across the district. Officials said the "
        "positions were shelled again on 20 November and 25 November. Four people died "
        "in the clashes."
    )
    doc = stage(make_doc(text, PUB, ["died"]))
    # not the last date of the sentence before (a background list), the paragraph's frame
    assert doc.events[0].date.start == date(2014, 12, 3)  # type: ignore[union-attr]


def test_without_a_frame_the_nearest_earlier_date_still_carries(stage: DatesStage) -> None:
    text = "Fighting spread across the district on 2 December. Four people died in the clashes."
    doc = stage(make_doc(text, PUB, ["died"]))
    assert doc.events[0].date.start == date(2014, 12, 2)  # type: ignore[union-attr]


def test_a_habitual_cue_of_another_clause_leaves_the_event_single(
    stage: DatesStage, settings_and_resources: tuple[object, object]
) -> None:
    from eventwire.pipeline.base import registered_stages

    cfg, res = settings_and_resources
    registry = registered_stages()
    text = "A convoy was hit by gunmen who mistook it for army trucks, which often use the road."
    doc = Document(text=text, published=PUB)
    for name in ("eventwire.structure.v1", "eventwire.nlp.v1"):
        doc = registry[name](cfg, res)(doc)  # type: ignore[arg-type]
    at = text.index("hit")
    doc.events = [Event(doc.doc_id, Span(at, at + 3, "trigger", "hit"), 0, "ASSAULT")]
    assert doc.parses, "the sentence must be parsed for the clause test"
    when = stage(doc).events[0].date
    assert when is not None and not when.recurring and when.precision == "publication"


def test_overnight_into_a_weekday_is_that_day() -> None:
    (timex,) = find_timexes("Militias attacked the base overnight into Monday.", PUB)
    assert timex.when.start == date(2014, 12, 8)


def test_a_numeric_date_after_its_report_reads_the_other_way_round() -> None:
    (timex,) = find_timexes("Raiders struck the village on 11/10/2014.", date(2014, 10, 20))
    assert timex.when.start == date(2014, 10, 11)  # 10 November would be after the report
    (kept,) = find_timexes("Raiders struck the village on 11/10/2014.", date(2014, 12, 1))
    assert kept.when.start == date(2014, 11, 10)


def test_a_month_with_a_day_after_it_is_that_day() -> None:
    (timex,) = find_timexes("Clashes continued until December 5.", PUB)
    assert (timex.when.start, timex.when.precision) == (date(2014, 12, 5), "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the only date of the sentence dates a noun the event is about: publication
        ("Teachers protested over the unpaid November salaries.", "protested", PUB),
        ("Crowds marched against the 2 December killing of a farmer.", "marched", PUB),
        # a date on a noun of time still dates the event
        ("Gunmen stormed the camp on the morning of 2 December.", "stormed", date(2014, 12, 2)),
    ],
)
def test_a_date_that_dates_a_noun_is_not_the_events(
    stage: DatesStage,
    settings_and_resources: tuple[object, object],
    text: str,
    trigger: str,
    expected: date,
) -> None:
    from eventwire.pipeline.base import registered_stages

    cfg, res = settings_and_resources
    registry = registered_stages()
    doc = Document(text=text, published=PUB)
    for name in ("eventwire.structure.v1", "eventwire.nlp.v1"):
        doc = registry[name](cfg, res)(doc)  # type: ignore[arg-type]
    at = text.index(trigger)
    span = Span(at, at + len(trigger), "trigger", trigger)
    doc.events = [Event(doc.doc_id, span, 0, "PROTEST")]
    assert doc.parses, "the sentence must be parsed"
    assert stage(doc).events[0].date.start == expected  # type: ignore[union-attr]


# -- issue 16, third pass: spans of days, vague periods, relative clauses --------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("between Nov. 25-27 the", "2014-11-25", "2014-11-27"),
        ("riots over Aug 9-13 2013 left", "2013-08-09", "2013-08-13"),
    ],
)
def test_month_first_span_of_days(text: str, start: str, end: str) -> None:
    (timex,) = find_timexes(text, PUB)
    assert (timex.when.start.isoformat(), timex.when.end.isoformat()) == (start, end)  # type: ignore[union-attr]
    assert timex.kind == "range"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Militias and the army fought over 6-7 December near the river.", date(2014, 12, 6)),
        ("Three men were killed on 2 and 5 December when troops raided the camp.", 2),
        ("Herders clashed between Dec 1-4 in the hills.", date(2014, 12, 1)),
        ("Rebels raided the depot on the night of 8-9 December.", date(2014, 12, 9)),
    ],
)
def test_a_stated_span_of_days_dates_the_event_on_its_first_day(
    stage: DatesStage, text: str, day: date | int
) -> None:
    trigger = next(w for w in ("fought", "killed", "clashed", "raided") if w in text)
    when = stage(make_doc(text, PUB, [trigger])).events[0].date
    expected = date(2014, 12, day) if isinstance(day, int) else day
    assert when is not None and (when.start, when.end, when.precision) == (
        expected,
        expected,
        "day",
    )
    assert when.text is not None and any(ch.isdigit() for ch in when.text)


def test_a_long_or_counted_back_period_stays_a_range(stage: DatesStage) -> None:
    text = "Between 1 and 30 November 2014, gunmen looted the villages."
    when = stage(make_doc(text, PUB, ["looted"])).events[0].date
    assert when is not None and (when.start, when.end) == (date(2014, 11, 1), date(2014, 11, 30))
    text = "Over the past week, gunmen looted the villages."
    when = stage(make_doc(text, PUB, ["looted"])).events[0].date
    assert when is not None and when.precision == "range" and when.end == PUB


def test_a_vague_period_of_an_earlier_sentence_does_not_date_the_event(
    stage: DatesStage,
) -> None:
    text = "The district has recently seen more patrols. Gunmen attacked a convoy."
    when = stage(make_doc(text, PUB, ["attacked"])).events[0].date
    assert when is not None and when.precision == "publication"


def test_a_date_in_a_relative_clause_dates_that_clause(
    stage: DatesStage, settings_and_resources: tuple[object, object]
) -> None:
    from eventwire.pipeline.base import registered_stages

    cfg, res = settings_and_resources
    registry = registered_stages()
    text = (
        "Soldiers fought the rebels near Gabat. The rebels, who had taken the village on "
        "3 December, withdrew after the fighting."
    )
    doc = Document(text=text, published=PUB)
    for name in ("eventwire.structure.v1", "eventwire.nlp.v1"):
        doc = registry[name](cfg, res)(doc)  # type: ignore[arg-type]
    at = text.index("withdrew")
    index = next(i for i, s in enumerate(doc.sentences) if s.start <= at < s.end)
    doc.events = [Event(doc.doc_id, Span(at, at + 8, "trigger", "withdrew"), index, "ASSAULT")]
    assert doc.parses, "the sentence must be parsed for the clause test"
    when = stage(doc).events[0].date
    assert when is not None and when.precision == "publication"


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        # a conflict's relative clause tells when the span of its toll began
        (
            "The war between the army and the rebels, which broke out in April 2013, "
            "killed tens of thousands of people.",
            "killed",
            date(2013, 4, 1),
        ),
        # the present perfect covers the span the subject's clause opens
        (
            "The governor, who took office in March 2013, has faced repeated protests.",
            "protests",
            date(2013, 3, 1),
        ),
    ],
)
def test_a_relative_clause_on_the_subject_of_a_span_dates_the_event(
    stage: DatesStage,
    settings_and_resources: tuple[object, object],
    text: str,
    trigger: str,
    start: date,
) -> None:
    from eventwire.pipeline.base import registered_stages

    cfg, res = settings_and_resources
    registry = registered_stages()
    doc = Document(text=text, published=PUB)
    for name in ("eventwire.structure.v1", "eventwire.nlp.v1"):
        doc = registry[name](cfg, res)(doc)  # type: ignore[arg-type]
    at = text.index(trigger)
    span = Span(at, at + len(trigger), "trigger", trigger)
    doc.events = [Event(doc.doc_id, span, 0, "ASSAULT")]
    assert doc.parses, "the sentence must be parsed for the clause test"
    when = stage(doc).events[0].date
    assert when is not None and when.start == start


@pytest.mark.parametrize(
    "text",
    [
        "Rebels said they repelled an attack near the town on Monday December 3.",
        "Gunmen shot two farmers on Saturday [3 December] near the river.",
        "On Thursday, 3 December, soldiers raided the market.",
    ],
)
def test_a_weekday_beside_its_stated_day_yields_to_it(stage: DatesStage, text: str) -> None:
    trigger = next(w for w in ("repelled", "shot", "raided") if w in text)
    doc = stage(make_doc(text, PUB, [trigger]))
    assert doc.events[0].date.start == date(2014, 12, 3)  # type: ignore[union-attr]
