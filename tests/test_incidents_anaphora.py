"""One incident however a report goes back to it: the device named again, the wounded who died
later in a hospital elsewhere, the group's history told in a relative clause. Our own reports.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.records import Event

Coded = Callable[[str], list[Event]]


CONVOY = (
    "MOGADISHU, June 3 - A roadside bomb killed three soldiers on Tuesday when it struck a "
    "supply convoy on the road north of Jamaame, officials said.\n\n"
    "The explosive device had been buried under the tarmac and went off as the lead truck "
    "passed, according to a colonel in the Gedo region.\n\n"
    "Two of the wounded died overnight at a hospital in Mogadishu, a medical officer said.\n\n"
    "Al-Shabaab, which has fought the federal government for more than a decade, said its "
    "fighters carried out the attack."
)


def test_a_report_going_back_to_its_bombing_is_one_incident(incidents_of: Coded) -> None:
    events = incidents_of(CONVOY)
    assert [e.acled_sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    kinds = [m.kind for m in events[0].mentions]
    assert "coreferent" in kinds  # "The device ... went off"
    assert "consequence" in kinds  # "Two of the wounded died later at a hospital in Kismayo"


def test_deaths_at_the_scene_of_another_town_stay_apart(incidents_of: Coded) -> None:
    text = (
        "Gunmen shot dead two traders in the market of Baidoa on Monday, police said.\n\n"
        "In a separate incident, three farmers were killed in Burhakaba the same day."
    )
    assert len(incidents_of(text)) == 2
