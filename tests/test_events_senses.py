"""Non-violent senses of violent words (pipeline/senses.py, issue 3): our own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.config import CODER_STAGES, Settings
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.events.senses import story_domain
from eventwire.pipeline.events.triggers import load_lexicon
from eventwire.records import Document


@pytest.fixture(scope="module")
def violent(settings: Settings, resources: Resources) -> Callable[[str], list[str]]:
    """Triggers of the asserted violent events of a text."""
    pipeline = Pipeline.from_settings(settings.replace(stages=CODER_STAGES), resources)
    onto = load_ontology()

    def run(text: str) -> list[str]:
        doc = pipeline(Document(text=text))
        return [
            e.trigger.text.lower()
            for e in doc.events
            if onto.is_violent(e.acled_event_type) and e.modality not in {"negated", "hypothetical"}
        ]

    return run


@pytest.mark.parametrize(
    "text",
    [
        # competition and awards
        "The quiz show beat three soap operas to the audience award.",
        "She beat the defending champion in straight sets to reach the final.",
        # criticism and costs: abstract patients
        "Opposition MPs attacked the budget plans in a heated debate.",
        "Pensioners were hit with higher fees after the council changed its policy.",
        "Local traders are fighting the proposal to close the market street.",
        # growth, not explosives
        "Demand for cheap flights has exploded since the new airport opened.",
        "The gadget explosion lifted sales at electronics retailers.",
        "Their explosive forwards ran rings around the home side.",
        # aircraft in a fleet
        "The carrier ordered twelve new aircraft to expand its fleet.",
        # harm without a violent cause
        "The goalkeeper missed the match with a hamstring injury.",
        "The novelist died of natural causes at his home on Tuesday.",
        # corporate takeovers
        "Shareholders backed the takeover of the brewing company.",
        # idioms
        "The whips read the riot act to rebel backbenchers.",
        "The website was knocked offline by a denial of service attack.",
        "The worst hit households will receive help with heating bills.",
    ],
)
def test_no_violent_event(text: str, violent: Callable[[str], list[str]]) -> None:
    assert violent(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded outside the police station, wounding two officers.",
        "A loud explosion rocked the city centre, damaging several shops.",
        "Militiamen attacked the village and beat the elders with sticks.",
        "Helicopters fired rockets at insurgent positions in the valley.",
        "Three farmers died after gunmen opened fire on their truck.",
        "Insurgents seized the district headquarters after a night of fighting.",
    ],
)
def test_real_violence_is_kept(text: str, violent: Callable[[str], list[str]]) -> None:
    assert violent(text), text


def test_story_domain_sport_and_conflict() -> None:
    lexicon = load_lexicon()
    sport = (
        "The striker scored twice as the league leaders won the cup tie. The coach praised "
        "the team after the match, and the goalkeeper kept a clean sheet for the season."
    )
    conflict = (
        "Gunmen attacked an army checkpoint with rifles and grenades, and soldiers returned "
        "fire. The team of medics said two soldiers were killed in the match of forces."
    )
    assert story_domain(sport, lexicon)
    assert not story_domain(conflict, lexicon)
    assert not story_domain("", lexicon)


def test_story_domain_is_word_based() -> None:
    lexicon = load_lexicon()
    # the same domain words split across sentences still count; a few weapons tip it over
    words = "match goal league cup coach team season"
    assert story_domain(words, lexicon)
    assert not story_domain(words + " bomb rifle grenade soldiers", lexicon)


def test_film_plot_in_entertainment_story(violent: Callable[[str], list[str]]) -> None:
    text = (
        "The film stars a young actor as a pilot. The thriller follows a hijacker who carries a "
        "bomb onto a plane. The studio hopes the movie will top the box office chart, and "
        "the director's last film won an award at the festival."
    )
    assert violent(text) == []


def test_real_bombing_in_sport_story_is_kept(violent: Callable[[str], list[str]]) -> None:
    text = (
        "The league match went ahead after a car bomb exploded outside the stadium, injuring "
        "six people. The coach said the team and the players were shaken before the game."
    )
    assert violent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Brown said the law, which brings in house arrest for terror suspects, had safeguards.",
        "A 30-year-old man from Leeds was arrested by the National Serious Fraud Unit but has "
        "been bailed.",
        "A woman was detained by the Metropolitan Computer Crime Unit on Friday.",
    ],
)
def test_lawful_detention_is_not_an_abduction(
    text: str, settings: Settings, resources: Resources
) -> None:
    pipeline = Pipeline.from_settings(settings, resources)  # actors decide the detaining group
    doc = pipeline(Document(text=text))
    subs = {e.acled_sub_event_type for e in doc.events}
    assert "Abduction/forced disappearance" not in subs, subs
