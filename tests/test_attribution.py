"""Attribution: quotes, reporting verbs, denials, interview turns, outlet fallback."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.config import Settings
from eventwire.pipeline.attribution.quotes import find_quotes, inflections, quote_at
from eventwire.pipeline.attribution.reporting import sentence_cue
from eventwire.pipeline.attribution.stage import AttributionStage
from eventwire.pipeline.base import Pipeline, Resources
from eventwire.pipeline.common.cues import load_cues
from eventwire.records import CODED_SEGMENT_KINDS, Document, Event, Segment, Sentence, Span

CUES = load_cues()
STAGE = AttributionStage(CUES)


@pytest.fixture(scope="module")
def front(settings: Settings, resources: Resources) -> Pipeline:
    stages = ("eventwire.structure.v1", "eventwire.nlp.v1")
    return Pipeline.from_settings(settings.replace(stages=stages), resources)


@pytest.fixture(scope="module")
def attribute(front: Pipeline) -> Callable[..., list[Event]]:
    """Run structure+nlp, mark each trigger word as an event, run attribution."""

    def run(text: str, *triggers: str, **fields: object) -> list[Event]:
        doc = front(Document(text=text, **fields))  # type: ignore[arg-type]
        for word in triggers:
            m = re.search(rf"\b{re.escape(word)}\b", doc.text)
            assert m, word
            index = next(i for i, s in enumerate(doc.sentences) if s.start <= m.start() < s.end)
            doc.events.append(
                Event(doc.doc_id, Span(m.start(), m.end(), "trigger", word), index, "ASSAULT")
            )
        STAGE(doc)
        return doc.events

    return run


def who(event: Event) -> tuple[str | None, str | None, str | None]:
    att = event.attribution
    assert att is not None
    return att.speaker, att.role, att.verb


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Gunmen killed three soldiers near the border, the army said.",
            "killed",
            ("army", "quoted", "said"),
        ),
        (
            "Police spokesman Ali Hassan told reporters that militants attacked a checkpoint.",
            "attacked",
            ("Ali Hassan", "quoted", "told"),
        ),
        (
            "According to local officials, the airstrike killed 14 civilians.",
            "killed",
            ("local officials", "quoted", "according to"),
        ),
        (
            "The ministry said in a statement that troops had retaken the town.",
            "retaken",
            ("ministry", "quoted", "said"),
        ),
        (
            "Witnesses said soldiers fired tear gas at protesters.",
            "fired",
            ("Witnesses", "quoted", "said"),
        ),
        (
            "Al-Shabaab claimed responsibility for the bombing in a statement.",
            "bombing",
            ("Al-Shabaab", "claimant", "claimed"),
        ),
        (
            "Rights groups alleged that police beat detainees in Kano.",
            "beat",
            ("Rights groups", "quoted", "alleged"),
        ),
    ],
)
def test_reporting_verbs_give_the_speaker(
    attribute: Callable[..., list[Event]], text: str, trigger: str, expected: tuple[str, ...]
) -> None:
    (event,) = attribute(text, trigger, source="Test Wire")
    assert who(event) == expected
    assert event.modality == "asserted"


def test_denial_flips_modality(attribute: Callable[..., list[Event]]) -> None:
    (event,) = attribute("The militia denied that its fighters abducted the engineers.", "abducted")
    assert who(event) == ("militia", "quoted", "denied")
    assert event.modality == "negated"


def test_event_not_under_the_reporting_verb_keeps_the_outlet(
    attribute: Callable[..., list[Event]],
) -> None:
    (event,) = attribute(
        "Militants attacked the base and the army later said nothing.",
        "attacked",
        source="Test Wire",
    )
    assert who(event) == ("Test Wire", "outlet", None)


def test_direct_quotes_across_sentences_and_paragraphs(
    attribute: Callable[..., list[Event]],
) -> None:
    text = (
        '"They shelled the market at dawn," said Amina Yusuf, a resident. '
        '"Then they burned the clinic.\n\n"Nobody came to help."\n\n'
        "The army denied shelling the town."
    )
    events = attribute(text, "shelled", "burned", "help", "shelling")
    assert [who(e)[0] for e in events[:3]] == ["Amina Yusuf"] * 3
    assert who(events[3]) == ("army", "quoted", "denied") and events[3].modality == "negated"


def test_pronoun_speaker_resolves_to_the_last_named_one(
    attribute: Callable[..., list[Event]],
) -> None:
    text = (
        "Colonel Mark Dube said troops were on alert. He added that rebels ambushed a patrol. "
        "The defence ministry spoke later. It said jets bombed a depot."
    )
    ambushed, bombed = attribute(text, "ambushed", "bombed")
    assert who(ambushed)[0] == "Mark Dube"
    assert who(bombed)[0] == "defence ministry"


def test_outlet_dateline_agency_and_author_fallbacks(
    attribute: Callable[..., list[Event]],
) -> None:
    body = "Gunmen killed two guards in Kano on Monday."
    (e1,) = attribute(body, "killed", source="Kano Post")
    assert who(e1) == ("Kano Post", "outlet", None)
    (e2,) = attribute(f"KANO, Nigeria, May 5 (Savanna Wire) - {body}\n\nMore.", "killed")
    assert who(e2) == ("Savanna Wire", "outlet", None)
    assert e2.attribution is not None and e2.attribution.start > 0
    (e3,) = attribute(f"Kano attack\n\nBy Ada Obi\n\n{body}\n\nMore.", "killed")
    assert who(e3) == ("Ada Obi", "author", None)
    (e4,) = attribute(body, "killed")
    assert who(e4) == (None, "outlet", None)


def test_interview_answers_and_questions(attribute: Callable[..., list[Event]]) -> None:
    text = (
        "A headline\n\nJO BLOGGS interviews SAM NOOR\n\n"
        "Why did the militia kill the farmers?\n\n"
        "THEY WANTED the land. The militia said the farmers attacked them first."
    )
    kill, attacked = attribute(text, "kill", "attacked")
    assert who(kill) == ("Jo Bloggs", "interviewer", "asked")
    assert kill.modality == "hypothetical"
    assert who(attacked) == ("Sam Noor", "interviewee", None)
    assert attacked.attribution is not None
    assert text[attacked.attribution.start : attacked.attribution.end] == "SAM NOOR"


def test_no_events_is_a_no_op() -> None:
    doc = STAGE(Document(text="Nothing happened."))
    assert doc.events == [] and doc.notes == []


def test_quotes_module() -> None:
    text = '"We lost twelve men," the commander said. "They came from the hills." A "scare" word.'
    quotes = find_quotes(text, [Segment(0, len(text))], CUES)
    assert [(q.speaker, q.verb, q.inherited) for q in quotes] == [
        ("commander", "said", False),
        ("commander", "said", True),
    ]
    assert quote_at(quotes, text.index("hills")) is quotes[1]
    assert quote_at(quotes, text.index("scare")) is None
    colon = 'The ministry said in a statement: "Troops have retaken the town."'
    (q,) = find_quotes(colon, [Segment(0, len(colon))], CUES)
    assert q.speaker == "ministry" and colon[q.cue_start : q.cue_end] == "The ministry said"
    assert find_quotes(text, [Segment(0, len(text), "caption")], CUES) == []


def test_inflections() -> None:
    assert inflections("deny") == ["deny", "denied", "denies"]
    assert "told" in inflections("tell") and "claimed" in inflections("claim")


@pytest.mark.parametrize(
    ("text", "speaker", "verb"),
    [
        (
            "The airstrike killed 14 civilians, according to local officials.",
            "local officials",
            "according to",
        ),
        ("Militants attacked a checkpoint, police said.", "police", "said"),
        ("The army denied that its jets struck the market.", "army", "denied"),
        ("Militants attacked a checkpoint.", None, None),
    ],
)
def test_sentence_cue_without_a_parse(text: str, speaker: str | None, verb: str | None) -> None:
    cue = sentence_cue(text, 10, CUES)
    if speaker is None:
        assert cue is None
        return
    assert cue is not None and (cue.speaker, cue.verb) == (speaker, verb)
    assert 10 <= cue.start < cue.end <= 10 + len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=1000))
def test_sentence_cue_never_raises_and_spans_stay_inside(text: str, base: int) -> None:
    cue = sentence_cue(text, base, CUES)
    if cue is not None:
        assert base <= cue.start <= cue.end <= base + len(text)


def test_seed_interview_attribution_end_to_end(
    seed_interview: str, run_text: Callable[..., Document]
) -> None:
    """Holds for any event coder: answers -> Anand Gopal; nothing from questions/caption/footer."""
    doc = run_text(seed_interview, published="2014-12-10", source="Socialist Worker")
    assert doc.title == "What the U.S. war on ISIS looks like from Iraq"
    assert any(s.kind == "byline" for s in doc.segments)
    for event in doc.events:
        seg = doc.segment_of(doc.sentences[event.sentence_index])
        assert seg is not None and seg.kind in CODED_SEGMENT_KINDS
        assert seg.kind == "answer"  # the interview has no other coded paragraph
        assert event.attribution is not None and event.attributed_to == "Anand Gopal"
        assert event.attribution.role == "interviewee"
    parsed_kinds = {doc.segment_of(doc.sentences[i]).kind for i in doc.parses}  # type: ignore[union-attr]
    assert parsed_kinds <= CODED_SEGMENT_KINDS


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed the kidnapping of the engineers.",
        "The army did not deny that soldiers burned the village.",
    ],
)
def test_negated_reporting_verb_is_no_cue(attribute: Callable[..., list[Event]], text: str) -> None:
    trigger = "kidnapping" if "kidnapping" in text else "burned"
    (event,) = attribute(text, trigger, source="Test Wire")
    assert who(event) == ("Test Wire", "outlet", None)
    assert event.modality == "asserted"


def test_relative_pronoun_speaker_is_its_antecedent(
    attribute: Callable[..., list[Event]],
) -> None:
    text = "The governor, who said rebels burned the market, left the city."
    (event,) = attribute(text, "burned")
    assert who(event)[0] == "governor"


_PIECES = [
    "Gunmen killed 3 people",
    ", police said.",
    " according to officials.",
    '"We attacked," ',
    "said Ali Omar. ",
    "“Nobody came” ",
    "he said. ",
    "The army denied that troops burned it. ",
    "\n\n",
    "Q: Why? ",
    "A: Because. ",
    '"',
    "“",
    "”",
    " ",
    "x",
]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join),
    st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=5),
)
def test_attribution_without_parses_never_raises(text: str, offsets: list[int]) -> None:
    """Untrusted text, sentences from the regex path: every event gets a valid attribution."""
    from eventwire.pipeline.structure.stage import StructureStage

    doc = StructureStage(CUES)(Document(text=text, source="Wire"))
    doc.sentences = [
        Sentence(s.start, s.end, text[s.start : s.end], segment=i)
        for i, s in enumerate(doc.segments)
    ]
    if not doc.sentences:
        return
    for offset in offsets:
        index = offset % len(doc.sentences)
        sent = doc.sentences[index]
        start = sent.start + offset % (sent.end - sent.start)
        doc.events.append(Event(doc.doc_id, Span(start, start + 1, "trigger"), index, "ASSAULT"))
    STAGE(doc)
    for event in doc.events:
        att = event.attribution
        assert att is not None and att.role is not None
        assert att.start == -1 or 0 <= att.start <= att.end <= len(text)


def test_the_group_points_back_to_a_named_group(attribute: Callable[..., list[Event]]) -> None:
    text = (
        "Al-Shabaab claimed responsibility for the ambush. "
        "The group said its fighters killed five soldiers."
    )
    (event,) = attribute(text, "killed")
    assert who(event) == ("Al-Shabaab", "quoted", "said")
