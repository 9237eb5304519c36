"""Dates (issue 16, helper h16be): the day a record dated at its event opens with dates its
events, whatever background days the note tells after it; a habitual word that names a
thing ("a daily newspaper") is no habitual cue; "from Mar. 11-13" is the days, not "since
March"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conftest import event_day_span
from eventwire.pipeline.dates.timex import find_habitual, find_timexes
from eventwire.pipeline.dates.timex_lexicon import load_timex_lexicon
from eventwire.records import Document

OPENING = (date(2021, 3, 9), date(2021, 3, 9))


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a day inside what the protest is about, the parse hanging it on the trigger
        (
            "On 9 March 2021, dozens of nurses rallied peacefully outside the police "
            "station in Talora, criticizing the inquiry into the death of a "
            "patient held in police custody in June 2020.",
            "criticizing",
        ),
        # a span of other days the sentence tells after a coder's label and a hedge
        (
            "Displacement: Around 9 March 2021 (as reported), about 2,000 people arrived in "
            "Talora between 1 and 5 February, following clashes between two militias.",
            "clashes",
        ),
    ],
)
def test_the_opening_day_dates_the_note(
    run_text: Callable[..., Document], text: str, trigger: str
) -> None:
    assert event_day_span(run_text, text, trigger) == OPENING


@pytest.mark.parametrize(
    ("text", "trigger", "span"),
    [
        # the day a report was made is no frame: the narrated day dates the event
        (
            "Reported on 12 March 2021, police had arrested six men in Talora on 2 March 2021.",
            "arrested",
            (date(2021, 3, 2), date(2021, 3, 2)),
        ),
        # a span stays the span's (its first day)
        (
            "Between 2 and 4 March 2021, militiamen looted shops in Ondesi.",
            "looted",
            (date(2021, 3, 2), date(2021, 3, 2)),
        ),
    ],
)
def test_no_frame_keeps_the_stated_day(
    run_text: Callable[..., Document], text: str, trigger: str, span: tuple[date, date]
) -> None:
    assert event_day_span(run_text, text, trigger) == span


def test_a_news_report_keeps_its_own_days(run_text: Callable[..., Document]) -> None:
    """Only a record dated at its event has a frame: a report with its day of publication
    dates each event by its own sentence."""
    doc = run_text(
        "On 9 March, gunmen killed two traders near Belvasi. The gang had abducted a driver "
        "on 6 March.",
        published="2021-03-10",
    )
    event = next(e for e in doc.events if e.trigger.text.startswith("abducted"))
    assert event.date is not None and event.date.start == date(2021, 3, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Masked men beat the editor of a daily newspaper in Talora.",
        "Doctors went on strike over unpaid monthly allowances in Talora.",
        "Youths looted stalls at the weekly market of Ondesi.",
    ],
)
def test_a_thing_named_by_its_frequency_is_no_habit(text: str) -> None:
    assert find_habitual(text, 0, load_timex_lexicon()) == []


@pytest.mark.parametrize(
    "text", ["Gunmen attack the road daily.", "Protesters gather weekly in the square."]
)
def test_habitual_words_stay_cues(text: str) -> None:
    assert find_habitual(text, 0, load_timex_lexicon())


def test_a_strike_over_monthly_pay_is_one_day(run_text: Callable[..., Document]) -> None:
    text = "Nurses in Talora began an open-ended strike over unpaid monthly salaries."
    assert event_day_span(run_text, text, "strike") == OPENING


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Clashes were reported from Mar. 11-13.", date(2021, 3, 11), date(2021, 3, 13)),
        # a full month name before a sentence's end stays the month
        ("Raids rose in February. 12 people died.", date(2021, 2, 1), date(2021, 2, 28)),
    ],
)
def test_an_abbreviated_month_keeps_its_day(text: str, start: date, end: date) -> None:
    found = find_timexes(text, date(2021, 3, 20), 0, load_timex_lexicon(), "DMY")
    assert (found[0].when.start, found[0].when.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a participle that tells of a noun as a relative clause would
        (
            "Herders raided Talora village, recovering hundreds of goats stolen in January.",
            "raided",
        ),
        (
            "Agreement: The government secured the release of 9 teachers kidnapped by the "
            "rebels in January.",
            "release",
        ),
        # the deed a retaliation answers
        (
            "Militiamen assault people at water wells in Ondesi, thought to be in retaliation "
            "for a militiaman being stabbed on 7 March.",
            "assault",
        ),
        ("Gunmen burned shops in Talora in revenge for a trader killed on 5 March.", "burned"),
    ],
)
def test_a_background_deed_keeps_its_day(
    run_text: Callable[..., Document], text: str, trigger: str
) -> None:
    assert event_day_span(run_text, text, trigger) == OPENING


def test_the_participle_of_the_event_keeps_its_day(run_text: Callable[..., Document]) -> None:
    text = "Two soldiers killed on 5 March in an ambush near Ondesi."
    assert event_day_span(run_text, text, "ambush") == (date(2021, 3, 5), date(2021, 3, 5))


def test_a_participant_deed_of_the_opening_sentence_keeps_its_day(
    run_text: Callable[..., Document],
) -> None:
    """A deed the opening sentence tells of a participant, in a participle or a relative
    clause, keeps its own day; the coded event takes the opening day."""
    text = (
        "On 9 March 2021, clashes broke out between rival activists in Talora during a "
        "memorial for residents killed in the town on 9 March 2015."
    )
    assert event_day_span(run_text, text, "clashes") == OPENING
    assert event_day_span(run_text, text, "killed") == (date(2015, 3, 9), date(2015, 3, 9))


def test_a_news_report_keeps_the_day_under_a_describing_participle(
    run_text: Callable[..., Document],
) -> None:
    """A wire report's stated day that the parse hangs under a participle describing a thing,
    far from it ("a car packed with explosives into the gate … on Saturday evening"), is the
    event's own day, not a participant's background (the dateline's day is the telling's)."""
    text = (
        "KORA, March 16 - A suicide bomber drove a car packed with explosives into the gate "
        "of a busy hotel near the palace in Kora on Saturday evening, killing at least 14 "
        "people, police said on Sunday."
    )
    doc = run_text(text, published="2025-03-16")
    event = next(e for e in doc.events if e.acled_event_type)
    assert event.date is not None
    assert (event.date.start, event.date.end) == (date(2025, 3, 15), date(2025, 3, 15))


def test_a_participle_on_the_event_noun_gives_its_own_day(
    run_text: Callable[..., Document],
) -> None:
    """A participle on the event's own noun ("a ceasefire brokered by Turkey in March
    2020") tells that event's day, not a participant's: the truce keeps March 2020 and is
    no fresh agreement of the report's day."""
    text = (
        "KORA, Oct 17 - A ceasefire brokered by Turkey in March 2020 largely halted the "
        "offensive, but shelling continues along the front lines."
    )
    doc = run_text(text, published="2024-10-17")
    truce = next(e for e in doc.events if e.trigger.text.lower().startswith("ceasefire"))
    assert truce.date is not None
    assert (truce.date.start.year, truce.date.start.month) == (2020, 3)
