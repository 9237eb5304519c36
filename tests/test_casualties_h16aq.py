"""Fatalities (issue 16, helper h16aq): a coder's share told "across two dates" or "divided
across" events, victims joined after a passive kill with no verb of their own, and kills
told as what someone is accused of."""

from __future__ import annotations

import pytest

from conftest import TopEvent
from eventwire.pipeline.casualties.accused import mark_accused
from eventwire.pipeline.casualties.numbers import RANGE_OPEN, load_number_lexicon, parse_quantity
from eventwire.pipeline.casualties.toll_notes import SPLIT
from eventwire.pipeline.casualties.tolls import find_mentions, incident_toll
from eventwire.pipeline.casualties.trailing import trailing_victims


def _toll(text: str) -> int | None:
    mentions = find_mentions(text)
    mentions += trailing_victims(text, 0, mentions, load_number_lexicon())
    mark_accused(text, 0, mentions)
    toll = incident_toll(mentions)
    return None if toll is None else toll.best


@pytest.mark.parametrize(
    ("note", "rows"),
    [
        ("Fatalities spread across two dates.", "two"),
        ("Fatalities divided across five events.", "five"),
        ("(fatalities distributed evenly across two events)", "two"),
        ("Fatalities split between the two locations.", "two"),
    ],
)
def test_a_coders_share_in_other_words(note: str, rows: str) -> None:
    found = SPLIT.search(note)
    assert found is not None and found.group("m") == rows


def test_a_share_in_each_location_is_no_split() -> None:
    # "coded as 2 in each place, divided in two events": the coded toll is the row's
    assert SPLIT.search("Unknown deaths coded as 2 in each place, divided in two events.") is None


def test_a_toll_spread_across_two_dates_is_halved(top_event: TopEvent) -> None:
    event = top_event(
        "On 3 May 2021, rebels clashed with the army near Korem, with at least 60 fatalities "
        "among the rebels over two days (3 and 4 May 2021). Fatalities spread across two dates."
    )
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == 30


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("31 militiamen were killed and one policeman.", 32),
        ("At least 9 raiders were reported killed, along with 2 soldiers.", 11),
        ("12 herders were killed as well as 3 SPLA soldiers.", 15),
        # a place or a time between, "plus", "others", conjoined counts, no auxiliary
        ("4 traders were killed in the crossfire, along with 2 soldiers.", 6),
        ("1 ranger was killed in the ambush, along with 3 others.", 4),
        ("6 villagers killed in a market plus 1 driver and 2 passengers.", 9),
        # a participle, another category, animals, a clause of its own: not victims
        ("Six people were killed and 15 wounded.", 6),
        ("One trader was killed, and two others missing.", 1),
        ("Four herders were killed and 40 cows.", 4),
        ("Four herders were killed and 40 goats stolen.", 4),
        ("Two soldiers were killed and 3 were captured.", 2),
    ],
)
def test_victims_joined_after_a_passive_kill(text: str, dead: int) -> None:
    assert _toll(text) == dead


def test_joined_victims_in_a_report(top_event: TopEvent) -> None:
    event = top_event(
        "Rebels attacked an army post in Gadiang. 41 rebels were killed and 4 soldiers."
    )
    assert event is not None and event.fatalities is not None
    assert event.fatalities.best == 45


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Villagers killed a herder that they accuse of murdering a young farmer.", 1),
        ("Gunmen shot dead a former mayor, accusing him of killing 40 people in 2010.", 1),
        ("Students lynched a man they believed murdered a classmate.", 1),
        ("Youths beat a man suspected to have killed two people.", None),
        # the event's own dead, told with a hedge: they count
        ("12 civilians were believed to have been killed in the raid.", 12),
        ("Militants are believed to have killed 7 soldiers in the ambush.", 7),
    ],
)
def test_kills_told_as_an_accusation(text: str, dead: int | None) -> None:
    assert _toll(text) == dead


def test_a_range_opened_by_nearly() -> None:
    assert RANGE_OPEN.search("killing between nearly 20 and ") is not None
    q = parse_quantity("between nearly 20 and 30")
    assert q is not None and q.best == 20


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # kill verbs chained over one object: the first verb is no passive of its agent
        ("On 3 May 2020, Separatists killed and beheaded one farmer in Bali.", 1),
        ("Villagers lynched and burned to death a suspected thief in Tado.", 1),
        ("Gunmen shot and killed two herders near Wajir.", 2),
        # a conjunct told with another category's participle is no victim
        ("Bandits ambushed a patrol, killing two rangers and leaving three missing.", 2),
        ("A stampede broke out, killing seven people and leaving four badly injured.", 7),
        ("Raiders attacked the camp, killing 3 herders and 2 others were wounded.", 3),
        # conjoined victims stay
        ("Gunmen killed a woman and her son.", 2),
        ("Militants attacked the market, killing 2 soldiers and 3 civilians.", 5),
    ],
)
def test_where_the_victims_of_an_active_kill_end(text: str, dead: int) -> None:
    assert _toll(text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # two counts of the dead in a closing line are added, not a summary and a part
        ("Rebels clashed with traders in Leer. 12 rebels killed, 7 others killed.", 19),
        ("Herders clashed with police in Wajir. 3 herders killed and 1 civilian killed.", 4),
        # a closing note of the dead and the hurt stays the toll
        ("Militants attacked a post in Kolofata. 2 dead, 3 injured.", 2),
    ],
)
def test_a_closing_line_of_two_death_counts(text: str, dead: int) -> None:
    assert _toll(text) == dead
