"""Issue 16, twenty-second stop (helper h16ce, actor codes). Our own sentences.

- A dictionary alias with a possessive ("Lord's Resistance Army", "Tigray People's
  Liberation Front") is found in a mention, whose words the coder reads without the "'s".
- The war in Donbas: a monitor's fire "in both directions of the frontline" with no side
  named is the Ukrainian military against the NAF separatists (until February 2022);
  "Luhansk People's Militia" is the NAF.
- A state force's seizure or destruction of illegal drugs hits an unidentified gang (3),
  not civilians; khat looted from traders stays civilians' property.
- "They" whose antecedent opens an earlier sentence the parser never read ("The police
  raided homes … They beat …") is that force, not an unidentified armed group.
"""

from __future__ import annotations

from datetime import date

from conftest import TopEvent
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.unparsed import opening_words
from eventwire.pipeline.common.actordict import load_actor_dictionary


def _inters(top_event: TopEvent, text: str, published: str) -> tuple[int | None, int | None]:
    event = top_event(text, published=published)
    assert event is not None, text
    a1, a2 = event.actor1, event.actor2
    return (a1.inter if a1 else None), (a2.inter if a2 else None)


def test_possessive_aliases_are_found() -> None:
    d = load_actor_dictionary()
    lra = code_mention(d, "Lord's Resistance Army fighters", None, date(2016, 4, 2), fuzzy=False)
    assert (lra.name, lra.inter) == ("Lord's Resistance Army", 2)
    naf = code_mention(d, "the Luhansk People's Militia", "UA", date(2019, 3, 12), fuzzy=False)
    assert (naf.name, naf.inter) == ("United Armed Forces of Novorossiya", 2)


def test_monitored_frontline_fire_is_ukraine_against_the_naf(top_event: TopEvent) -> None:
    text = (
        "On 12 March 2019, the OSCE SMM observed a total of 30 explosions involving "
        "unknown weapons in both directions of the frontline near Avdiivka."
    )
    assert _inters(top_event, text, "2019-03-13") == (1, 2)


def test_frontline_after_the_invasion_names_no_naf(top_event: TopEvent) -> None:
    text = (
        "On 12 March 2023, the OSCE SMM observed a total of 30 explosions involving "
        "unknown weapons in both directions of the frontline near Avdiivka."
    )
    assert _inters(top_event, text, "2023-03-13")[1] != 2


def test_drug_seizure_hits_an_unidentified_gang(top_event: TopEvent) -> None:
    text = "On 3 June 2021, federal police seized 2 tons of cocaine hidden in a truck in Curitiba."
    assert _inters(top_event, text, "2021-06-04") == (1, 3)
    text = "On 3 June 2021, army soldiers destroyed 40 hectares of coca crops near Tumaco."
    assert _inters(top_event, text, "2021-06-04") == (1, 3)


def test_looted_khat_stays_civilian_property(top_event: TopEvent) -> None:
    text = "On 3 June 2021, soldiers looted two bags of khat from traders at a checkpoint."
    assert _inters(top_event, text, "2021-06-04") == (1, 7)


def test_opening_words() -> None:
    assert opening_words("On 1 April 2016, Sudanese soldiers searched the houses.") == [
        "Sudanese",
        "soldiers",
    ]
    assert opening_words("The police raided homes in the slum.") == ["The", "police"]


def test_they_after_an_unparsed_force_subject(top_event: TopEvent) -> None:
    text = (
        "On 1 April 2016, Sudanese soldiers searched the houses of Golo. "
        "They raped two women and looted property."
    )
    assert _inters(top_event, text, "2016-04-02") == (1, 7)


def test_they_after_unnamed_gunmen_stays_unidentified(top_event: TopEvent) -> None:
    text = "Villagers fled when gunmen arrived in Golo. They killed two farmers."
    assert _inters(top_event, text, "2016-04-02") == (3, 7)
