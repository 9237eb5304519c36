"""One incident however a report goes back to it: the device named again, the wounded who died
later in a hospital elsewhere, the group's history told in a relative clause. Our own reports.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import Settings
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.records import Document, Event

Coded = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def coded(settings: Settings, resources: Resources) -> Coded:
    """The conflict incidents of a report (the whole pipeline: places decide incidents too)."""
    pipeline = Pipeline.from_settings(settings, resources)

    def run(text: str) -> list[Event]:
        events = pipeline(Document(text=text, published=None)).events
        return [e for e in events if e.acled_event_type and not (e.background or e.aggregate)]

    return run


CONVOY = (
    "MOGADISHU, June 3 - A roadside bomb killed three soldiers on Tuesday when it struck a "
    "supply convoy on the road north of Jamaame, officials said.\n\n"
    "The explosive device had been buried under the tarmac and went off as the lead truck "
    "passed, according to a colonel in the Gedo region.\n\n"
    "Two of the wounded died overnight at a hospital in Mogadishu, a medical officer said.\n\n"
    "Al-Shabaab, which has fought the federal government for more than a decade, said its "
    "fighters carried out the attack."
)


def test_a_report_going_back_to_its_bombing_is_one_incident(coded: Coded) -> None:
    events = coded(CONVOY)
    assert [e.acled_sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    kinds = [m.kind for m in events[0].mentions]
    assert "coreferent" in kinds  # "The device ... went off"
    assert "consequence" in kinds  # "Two of the wounded died later at a hospital in Kismayo"


def test_deaths_at_the_scene_of_another_town_stay_apart(coded: Coded) -> None:
    text = (
        "Gunmen shot dead two traders in the market of Baidoa on Monday, police said.\n\n"
        "In a separate incident, three farmers were killed in Burhakaba the same day."
    )
    assert len(coded(text)) == 2
