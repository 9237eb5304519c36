"""Dates and fatalities, ninth pass (issue 16): classes of wording, own sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.config import Settings
from eventwire.pipeline.base import Resources, registered_stages
from eventwire.pipeline.casualties.causes import mark_causes
from eventwire.pipeline.casualties.shares import coded_on_another_day
from eventwire.pipeline.casualties.toll_notes import Mention
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


# -- a kill told as the cause of another event -------------------------------------------


def test_a_kill_told_as_the_cause_lends_neither_its_day_nor_its_toll(
    run_text: Callable[..., Document],
) -> None:
    doc = run_text(
        "Soldiers stormed houses and beat residents in Kadugli following the killing of a"
        " soldier by a gunman on 3 June.",
        published="2018-06-04",
    )
    top = doc.events[0]
    assert top.trigger.text == "stormed"
    assert top.date is not None and top.date.start == date(2018, 6, 4)
    assert top.fatalities is None or not top.fatalities.best


def test_a_kill_told_as_the_result_still_counts(run_text: Callable[..., Document]) -> None:
    doc = run_text(
        "Gunmen attacked the village of Kuda, resulting in the deaths of 4 farmers.",
        published="2018-06-04",
    )
    assert doc.events[0].fatalities is not None and doc.events[0].fatalities.best == 4


def _event(text: str, trigger: str, sentence: int = 0) -> Event:
    at = text.index(trigger)
    return Event("d", Span(at, at + len(trigger), "trigger", trigger), sentence, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Villagers burned the homes of herders in retaliation for the murder of two farmers.",
            True,
        ),
        ("Youths looted shops after the brutal killing of a trader.", True),
        # no cause word: the kill is what the sentence reports beside the looting
        ("Youths looted shops and the killing of a trader was reported.", False),
    ],
)
def test_mark_causes_flags_a_nominal_kill_after_a_cause_word(text: str, flagged: bool) -> None:
    kill = "murder" if "murder" in text else "killing"
    main = _event(text, "burned" if "burned" in text else "looted")
    cause = _event(text, kill)
    start = text.index(kill)
    background = [Mention("killed", 1, 1, 1, start, len(text) - 1, "", "count", True)]
    mark_causes([main, cause], background, text)
    assert cause.background is flagged
    assert main.background is False


def test_mark_causes_keeps_a_kill_alone_in_its_sentence() -> None:
    text = "Following the killing of a trader, calm returned."
    cause = _event(text, "killing")
    start = text.index("killing")
    background = [Mention("killed", 1, 1, 1, start, start + 25, "", "count", True)]
    mark_causes([cause], background, text)
    assert cause.background is False


# -- counted lists of victims -------------------------------------------------------------


def _toll(text: str) -> int | None:
    from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll

    toll = incident_toll(find_mentions(text))
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # comma items before a last item that holds its own "and"
        ("9 rebels, 3 farmers and 2 policemen were killed in the fighting.", 14),
        # the counted list after an active cue goes on past the comma
        ("The militia killed 4 soldiers, 2 traders, and wounded 6 others.", 6),
        # a breakdown of the first count adds nothing
        ("The militia killed 4 men, 3 herders and 1 trader, near the river.", 4),
        ("4 men, 3 herders and 1 trader were killed near the river.", 4),
        # items that are clauses or things are no victims
        ("The attack left 1 person dead, 4 badly wounded, and 9 people detained.", 1),
        ("Rebels killed 3 soldiers, 2 hours after the attack.", 3),
    ],
)
def test_counted_lists_of_victims(text: str, expected: int) -> None:
    assert _toll(text) == expected


# -- a coder's note that puts the whole toll on another day -------------------------------


@pytest.mark.parametrize(
    ("text", "day", "elsewhere"),
    [
        ("Two people died in total. Fatalities coded on 11 March.", date(2019, 3, 12), True),
        ("One civilian was killed. Fatality coded to 4 May 2019.", date(2019, 5, 5), True),
        # the note names the event's own day
        ("Two people died in total. Fatalities coded on 11 March.", date(2019, 3, 11), False),
        # no stated day of the event: nothing to compare with
        ("Two people died in total. Fatalities coded on 11 March.", None, False),
        # a share told with its count is another class (labelled shares)
        (
            "One fatality recorded on the 10th March, the rest on the 11th.",
            date(2019, 3, 11),
            False,
        ),
    ],
)
def test_a_note_that_codes_the_toll_on_another_day(
    text: str, day: date | None, elsewhere: bool
) -> None:
    assert coded_on_another_day(text, day) is elsewhere


def test_the_event_of_another_day_keeps_no_toll(run_text: Callable[..., Document]) -> None:
    text = (
        "On 12 March 2019, clashes between two clans continued near Kuda. This follows the"
        " fighting of the day before. Two people were killed in total. Fatalities coded on"
        " 11 March."
    )
    top = run_text(text, published="2019-03-12").events[0]
    assert top.date is not None and top.date.start == date(2019, 3, 12)
    assert top.fatalities is not None and top.fatalities.best == 0
    same_day = run_text(text.replace("On 12 March", "On 11 March"), published="2019-03-12")
    assert same_day.events[0].fatalities is not None
    assert same_day.events[0].fatalities.best == 2
