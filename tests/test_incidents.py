"""The incident layer: which mention-level events of a report are one incident.

Each test builds a small report from its own sentences with the events the earlier stages
would have coded (trigger, frame, type, actors, place, date, toll), runs the incidents stage
alone and checks one rule of docs/incidents.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from eventwire.config import CODER_STAGES, DEFAULT_STAGES, IncidentsOptions, Settings
from eventwire.pipeline.base import Resources, Stage, registered_stages
from eventwire.pipeline.incidents.cues import load_incident_cues
from eventwire.pipeline.incidents.stage import NAME, IncidentsStage
from eventwire.pipeline.incidents.tolls import combine_tolls, load_toll_cues
from eventwire.records import (
    Actor,
    Attribution,
    Document,
    Event,
    Fatalities,
    Place,
    Sentence,
    Span,
    When,
)

EXPLOSIONS, CIVILIANS, BATTLES = (
    "Explosions/Remote violence",
    "Violence against civilians",
    "Battles",
)
KIRKUK = Place("Kirkuk", name="Kirkuk", admin1="Kirkuk", country="IQ", precision=1, lat=35.5)
TIKRIT = Place("Tikrit", name="Tikrit", admin1="Salah ad Din", country="IQ", precision=1)
KIRKUK_PROVINCE = Place(
    "Kirkuk province", name="Kirkuk", admin1="Kirkuk", country="IQ", precision=3, feature="admin1"
)
ISIS = Actor("Islamic State", name="Islamic State", inter=2, resolved_by="dictionary")
ARMY = Actor("the army", name="Military Forces of Iraq", inter=1, resolved_by="dictionary")
PUBLISHED = date(2021, 3, 13)


def day(d: int, month: int = 3, year: int = 2021, text: str = "on Friday") -> When:
    return When(text, date(year, month, d), date(year, month, d), "day")


@dataclass
class Say:
    """One event the earlier stages coded: in sentence ``sentence``, the words ``trigger``."""

    sentence: int
    trigger: str
    frame: str
    acled: str | None
    sub: str | None = None
    plover: str = "ASSAULT"
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    when: When | None = None
    toll: int | None = None
    modality: str = "asserted"
    attribution: Attribution | None = None
    confidence: float = 0.7
    extra: dict[str, object] = field(default_factory=dict)


def report(sentences: list[str], says: list[Say], published: date = PUBLISHED) -> Document:
    """A document of the sentences (one paragraph) with the events already coded."""
    text = " ".join(sentences)
    doc = Document(text=text, published=published)
    offset = 0
    for sentence in sentences:
        doc.sentences.append(Sentence(offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    for say in says:
        sentence = doc.sentences[say.sentence]
        at = sentence.text.index(say.trigger) + sentence.start
        when = say.when
        if when is not None and when.text and when.text in sentence.text:
            when.span_start = sentence.start + sentence.text.index(when.text)
            when.span_end = when.span_start + len(when.text)
        toll = None
        if say.toll is not None:
            toll = Fatalities(str(say.toll), say.toll, say.toll, say.toll, at, at + 1)
        doc.events.append(
            Event(
                doc_id=doc.doc_id,
                trigger=Span(at, at + len(say.trigger), "trigger", say.trigger),
                sentence_index=say.sentence,
                plover_type=say.plover,
                acled_event_type=say.acled,
                acled_sub_event_type=say.sub,
                actor1=say.actor1,
                actor2=say.actor2,
                location=say.place,
                date=when,
                fatalities=toll,
                modality=say.modality,
                attribution=say.attribution,
                confidence=say.confidence,
                evidence=[Span(at, at + len(say.trigger), "trigger", say.trigger)],
                rule=f"{say.frame}:test",
            )
        )
    return doc


@pytest.fixture(scope="module")
def stage(settings: Settings, resources: Resources) -> Stage:
    return registered_stages()[NAME](settings, resources)


def bomb(sentence: int = 0, **kw: object) -> Say:
    args: dict[str, object] = {"place": KIRKUK, "when": day(12), "confidence": 0.9}
    args.update(kw)
    return Say(sentence, "exploded", "explode", EXPLOSIONS, "Remote explosive/landmine/IED", **args)  # type: ignore[arg-type]


LEAD = "A car bomb exploded at a checkpoint in Kirkuk on Friday, killing six soldiers."


def kinds(event: Event) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in event.mentions]


# ---------------------------------------------------------------- joins


def test_a_consequence_joins_its_incident(stage: Stage) -> None:
    doc = stage(
        report(
            [LEAD],
            [bomb(), Say(0, "killing", "kill", CIVILIANS, "Attack", place=KIRKUK, toll=6)],
        )
    )
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert kinds(event) == [("exploded", "main"), ("killing", "consequence")]
    assert event.fatalities is not None and event.fatalities.best == 6


def test_a_definite_anaphor_joins_across_sub_types(stage: Stage) -> None:
    doc = stage(
        report(
            [LEAD, "The attack destroyed two armoured vehicles."],
            [bomb(), Say(1, "attack", "attack", CIVILIANS, "Attack", confidence=0.5)],
        )
    )
    assert len(doc.events) == 1
    assert kinds(doc.events[0]) == [("exploded", "main"), ("attack", "coreferent")]


def test_a_specific_anaphor_prefers_the_incident_of_its_type(stage: Stage) -> None:
    sentences = [
        LEAD,
        "Separately, gunmen shot two farmers near Tikrit on Thursday.",
        "Witnesses said the blast shattered shop windows.",
    ]
    says = [
        bomb(),
        Say(
            1, "shot", "shoot", CIVILIANS, "Attack", place=TIKRIT, when=day(11, text="on Thursday")
        ),
        Say(2, "blast", "explode", EXPLOSIONS, "Remote explosive/landmine/IED"),
    ]
    doc = stage(report(sentences, says))
    assert len(doc.events) == 2
    bombing = next(e for e in doc.events if e.trigger.text == "exploded")
    assert ("blast", "coreferent") in kinds(bombing)


def test_the_same_act_told_twice_is_one_incident(stage: Stage) -> None:
    sentences = [LEAD, "Another six soldiers were hurt when the car bomb exploded in Kirkuk."]
    says = [bomb(), bomb(1, when=None, confidence=0.6)]
    assert len(stage(report(sentences, says)).events) == 1


def test_a_place_inside_the_incidents_province_joins(stage: Stage) -> None:
    sentences = [LEAD, "The bomb exploded in Kirkuk province at noon."]
    says = [bomb(), bomb(1, place=KIRKUK_PROVINCE, when=None)]
    doc = stage(report(sentences, says))
    assert len(doc.events) == 1
    assert doc.events[0].location is KIRKUK  # the most specific place


def test_a_publication_date_fallback_joins_and_the_stated_day_wins(stage: Stage) -> None:
    fallback = When(None, PUBLISHED, PUBLISHED, "publication")
    sentences = ["A bomb exploded in Kirkuk.", "It exploded at 9 am on Friday, police said."]
    says = [bomb(0, when=fallback), bomb(1, when=day(12))]
    doc = stage(report(sentences, says))
    assert len(doc.events) == 1
    assert doc.events[0].date is not None and doc.events[0].date.start == date(2021, 3, 12)


def test_more_mentions_make_an_incident_a_little_more_confident(stage: Stage) -> None:
    one = stage(report([LEAD], [bomb()]))
    two = stage(
        report(
            [LEAD, "The blast was heard across the city."],
            [bomb(), Say(1, "blast", "explode", EXPLOSIONS, "Remote explosive/landmine/IED")],
        )
    )
    assert two.events[0].confidence > one.events[0].confidence


def test_a_non_acled_interaction_is_never_merged(stage: Stage) -> None:
    sentences = [LEAD, "The governor condemned the bombing."]
    says = [
        bomb(),
        Say(1, "condemned", "accuse", None, plover="ACCUSE", place=KIRKUK),
        Say(1, "bombing", "explode", EXPLOSIONS, "Remote explosive/landmine/IED"),
    ]
    doc = stage(report(sentences, says))
    assert sorted(e.trigger.text for e in doc.events) == ["condemned", "exploded"]
    bombing = next(e for e in doc.events if e.trigger.text == "exploded")
    assert ("bombing", "follow-up") in kinds(bombing)


def test_arrests_at_a_protest_are_part_of_it(stage: Stage) -> None:
    protesters = Actor("workers", name="Protesters", inter=6, resolved_by="dictionary")
    police = Actor("Police", name="Police Forces of Iraq", inter=1, resolved_by="dictionary")
    sentences = [
        "Hundreds of workers protested outside the ministry in Kirkuk on Friday.",
        "Police detained twelve of the protesters.",
    ]
    says = [
        Say(
            0,
            "protested",
            "protest",
            "Protests",
            "Peaceful protest",
            "PROTEST",
            protesters,
            place=KIRKUK,
            when=day(12),
        ),
        Say(
            1,
            "detained",
            "arrest",
            "Strategic developments",
            "Arrests",
            "COERCE",
            police,
            Actor("the protesters", inter=6),
        ),
    ]
    doc = stage(report(sentences, says))
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.acled_event_type == "Protests" and event.actor2 is police
    assert ("detained", "consequence") in kinds(event)


# ---------------------------------------------------------------- separations


def test_a_separator_cue_opens_another_incident(stage: Stage) -> None:
    sentences = [LEAD, "In a separate incident, a bomb exploded near a market."]
    says = [bomb(), bomb(1, place=None, when=None)]
    assert len(stage(report(sentences, says)).events) == 2


def test_another_town_is_another_incident(stage: Stage) -> None:
    sentences = [LEAD, "A bomb also exploded in Tikrit on Friday."]
    says = [bomb(), bomb(1, place=TIKRIT)]
    assert len(stage(report(sentences, says)).events) == 2


def test_another_day_is_another_incident(stage: Stage) -> None:
    sentences = [LEAD, "A bomb exploded at the same checkpoint in Kirkuk on Tuesday."]
    says = [bomb(), bomb(1, when=day(9, text="on Tuesday"))]
    assert len(stage(report(sentences, says)).events) == 2


def test_two_named_perpetrators_are_two_incidents(stage: Stage) -> None:
    police = Actor("police", name="Police Forces of Iraq", inter=1, resolved_by="dictionary")
    sentences = [
        "Islamic State fighters attacked a village in Kirkuk on Friday.",
        "Police attacked a protest camp in Kirkuk on Friday.",
    ]
    says = [
        Say(0, "attacked", "attack", CIVILIANS, "Attack", actor1=ISIS, place=KIRKUK, when=day(12)),
        Say(
            1, "attacked", "attack", CIVILIANS, "Attack", actor1=police, place=KIRKUK, when=day(12)
        ),
    ]
    assert len(stage(report(sentences, says)).events) == 2


def test_both_sides_of_one_fight_are_one_incident(stage: Stage) -> None:
    sentences = [
        "Islamic State fighters clashed with the army near Kirkuk on Friday.",
        "The army fought the militants for three hours.",
    ]
    says = [
        Say(0, "clashed", "clash", BATTLES, "Armed clash", actor1=ISIS, actor2=ARMY, place=KIRKUK),
        Say(1, "fought", "clash", BATTLES, "Armed clash", actor1=ARMY, actor2=None),
    ]
    assert len(stage(report(sentences, says)).events) == 1


# ---------------------------------------------------------------- claims, denials, follow-ups

CLAIM = "Islamic State claimed responsibility for the attack."


def claim_of(actor: Actor, sentence: int = 1) -> Say:
    return Say(
        sentence,
        "attack",
        "attack",
        CIVILIANS,
        "Attack",
        actor1=actor,
        attribution=Attribution(actor.text, "claimant", "claimed"),
        confidence=0.5,
    )


def test_a_claim_fills_actor1_as_claimed_when_the_report_names_no_perpetrator(
    stage: Stage,
) -> None:
    doc = stage(report([LEAD, CLAIM], [bomb(), claim_of(ISIS)]))
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.actor1 is not None and event.actor1.name == "Islamic State"
    assert event.actor1.claimed
    assert ("attack", "claim") in kinds(event)
    assert event.date is not None and event.date.start == date(2021, 3, 12)


def test_a_claim_does_not_replace_a_perpetrator_the_report_names(stage: Stage) -> None:
    named = Actor("Al-Shabaab", name="Al Shabaab", inter=2, resolved_by="dictionary")
    doc = stage(report([LEAD, CLAIM], [bomb(actor1=named), claim_of(ISIS)]))
    assert doc.events[0].actor1 is named and not named.claimed


def test_a_report_of_a_claim_alone_gives_the_claimed_act(stage: Stage) -> None:
    """Issue 15: a report that only carries a claim tells of the act claimed."""
    doc = stage(report([CLAIM], [claim_of(ISIS, 0)]))
    assert len(doc.events) == 1
    event = doc.events[0]
    assert event.acled_sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.claimed


def test_the_words_of_a_lone_claim_are_no_event(stage: Stage) -> None:
    sentence = (
        "Islamic State claimed responsibility in a statement, citing the torture of prisoners."
    )
    says = [Say(0, "torture", "beat", CIVILIANS, "Attack", actor1=ISIS, confidence=0.6)]
    doc = stage(report([sentence], says))
    assert doc.events == []
    assert any(n.code == "EW-INC-001" for n in doc.notes)


def test_a_claim_no_stage_coded_is_read_from_the_words(stage: Stage) -> None:
    sentences = [LEAD, "Islamic State claimed responsibility in a statement posted online."]
    event = stage(report(sentences, [bomb()])).events[0]
    assert event.actor1 is not None and event.actor1.claimed
    assert event.actor1.name == "Islamic State"
    assert [m.kind for m in event.mentions] == ["main", "claim"]


def test_the_words_of_a_claim_are_not_new_events(stage: Stage) -> None:
    sentence = (
        "Islamic State claimed responsibility for the attack, saying it avenged the torture "
        "of prisoners."
    )
    says = [bomb(), claim_of(ISIS), Say(1, "torture", "beat", CIVILIANS, "Attack", confidence=0.6)]
    doc = stage(report([LEAD, sentence], says))
    assert len(doc.events) == 1
    assert ("torture", "claim") in kinds(doc.events[0])


def test_a_denial_is_a_mention_and_sets_nothing(stage: Stage) -> None:
    denial = Say(
        1,
        "attack",
        "attack",
        CIVILIANS,
        "Attack",
        actor1=ISIS,
        modality="negated",
        attribution=Attribution("Islamic State", "quoted", "denied"),
    )
    sentences = [LEAD, "Islamic State denied any role in the attack."]
    doc = stage(report(sentences, [bomb(), denial]))
    assert len(doc.events) == 1
    event = doc.events[0]
    assert ("attack", "denial") in kinds(event)
    assert event.actor1 is None and event.modality == "asserted"


def test_an_arrest_in_connection_with_the_incident_is_a_follow_up(stage: Stage) -> None:
    police = Actor("Police", name="Police Forces of Iraq", inter=1, resolved_by="dictionary")
    saturday = day(13, text="on Saturday")
    sentences = [LEAD, "Police arrested three men on Saturday in connection with the bombing."]
    says = [
        bomb(),
        Say(
            1,
            "arrested",
            "arrest",
            "Strategic developments",
            "Arrests",
            "COERCE",
            police,
            when=saturday,
        ),
        Say(1, "bombing", "explode", EXPLOSIONS, "Remote explosive/landmine/IED", when=saturday),
    ]
    doc = stage(report(sentences, says))
    assert len(doc.events) == 1
    event = doc.events[0]
    assert ("arrested", "follow-up") in kinds(event) and ("bombing", "follow-up") in kinds(event)
    assert event.date is not None and event.date.start == date(2021, 3, 12)


def test_an_arrest_about_nothing_else_stays_an_event(stage: Stage) -> None:
    police = Actor("Police", name="Police Forces of Iraq", inter=1, resolved_by="dictionary")
    say = Say(0, "arrested", "arrest", "Strategic developments", "Arrests", "COERCE", police)
    doc = stage(report(["Police arrested three smugglers at the border."], [say]))
    assert [kinds(e) for e in doc.events] == [[("arrested", "main")]]


# ---------------------------------------------------------------- background and aggregate


def test_an_incident_long_before_publication_is_background(stage: Stage) -> None:
    old = When("in October 2015", date(2015, 10, 1), date(2015, 10, 31), "month")
    sentences = ["A bomb exploded at the station in Kirkuk in October 2015."]
    doc = stage(report(sentences, [bomb(when=old)], published=date(2016, 5, 18)))
    assert doc.events[0].background
    assert doc.events[0].date is old  # keeps its own date


def test_a_recent_incident_is_not_background(stage: Stage) -> None:
    assert not stage(report([LEAD], [bomb()])).events[0].background


def test_the_background_window_is_an_option(settings: Settings, resources: Resources) -> None:
    options = IncidentsOptions(background_days=0)
    base = registered_stages()[NAME](settings, resources)
    assert isinstance(base, IncidentsStage)
    strict = IncidentsStage(base.grouper, options, base.dictionary)
    assert strict(report([LEAD], [bomb()])).events[0].background
    assert IncidentsOptions().background_days == 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of rebels have been killed in the province this year.",
        "Since 2014 the conflict has killed ten thousand people.",
        "Over the past three years militants have killed 900 villagers.",
    ],
)
def test_a_total_over_a_long_period_is_aggregate(stage: Stage, sentence: str) -> None:
    trigger = "killed"
    says = [bomb(), Say(1, trigger, "kill", CIVILIANS, "Attack", toll=900)]
    doc = stage(report([LEAD, sentence], says))
    assert len(doc.events) == 2
    total = next(e for e in doc.events if e.trigger.text == trigger)
    assert total.aggregate and not next(e for e in doc.events if e is not total).aggregate


def test_a_dated_kill_with_a_period_word_is_not_aggregate(stage: Stage) -> None:
    sentence = "On Friday this year's deadliest blast killed six in Kirkuk."
    says = [Say(0, "killed", "kill", CIVILIANS, "Attack", when=day(12), place=KIRKUK)]
    assert not stage(report([sentence], says)).events[0].aggregate


# ---------------------------------------------------------------- tolls


def _toll(best: int, start: int) -> Fatalities:
    return Fatalities(str(best), best, best, best, start, start + 1)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["Gunmen killed five soldiers.", "The death toll rose to seven."], 7),
        (["Gunmen killed three policemen.", "Two of the attackers were also killed."], 5),
        (["Strikes killed eleven people.", "In one town seven people were killed."], 11),
        (["A bomb killed six.", "The six soldiers were buried on Saturday."], 6),
        (["A bomb killed six.", "Four of the dead were soldiers."], 6),
        (["A bomb killed six.", "Officials revised the death toll down to four."], 4),
    ],
)
def test_tolls_told_twice(sentences: list[str], expected: int) -> None:
    doc = report(sentences, [])
    tolls = [_toll(int(_number(s)), doc.sentences[i].start) for i, s in enumerate(sentences)]
    combined = combine_tolls(tolls, doc.sentences, load_toll_cues())
    assert combined is not None and combined.best == expected


def _number(sentence: str) -> int:
    numbers = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eleven": 11}
    return next(numbers[w] for w in sentence.lower().rstrip(".").split() if w in numbers)


# ---------------------------------------------------------------- cues and configuration


@pytest.mark.parametrize(
    ("sentence", "noun", "definite"),
    [
        ("Police said the attack was planned.", "attack", True),
        ("Friday's blast shattered windows.", "blast", True),
        ("The deadly ambush lasted an hour.", "ambush", True),
        ("Gunmen launched an attack on the base.", "attack", False),
        ("A blast shook the town.", "blast", False),
    ],
)
def test_definite_anaphors(sentence: str, noun: str, definite: bool) -> None:
    start = sentence.index(noun)
    assert load_incident_cues().is_definite_anaphor(sentence, start, start + len(noun)) is definite


def test_the_stage_runs_after_attribution_and_before_finalize() -> None:
    for stages in (DEFAULT_STAGES, CODER_STAGES):
        assert stages.index(NAME) == stages.index("eventwire.finalize.v1") - 1
    assert DEFAULT_STAGES.index(NAME) > DEFAULT_STAGES.index("eventwire.attribution.v1")
