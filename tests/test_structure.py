"""Structure stage: paragraphs, title, byline, dateline, captions, boilerplate, interview turns."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import DataFileError
from eventwire.pipeline.common.cues import load_cues, parse_cues
from eventwire.pipeline.structure.stage import StructureStage, split_blocks
from eventwire.pipeline.structure.turns import display_name, has_caps_lead, is_question_text
from eventwire.records import CODED_SEGMENT_KINDS, Document

CUES = load_cues()
STAGE = StructureStage(CUES)


def kinds(text: str, **fields: object) -> list[tuple[str, str]]:
    doc = STAGE(Document(text=text, **fields))  # type: ignore[arg-type]
    return [(s.kind, doc.text[s.start : s.end]) for s in doc.segments]


def test_blank_lines_and_single_lines_make_paragraphs() -> None:
    text = "One para.\n\nTwo para.\nThree para."
    assert [b.text for b in split_blocks(text)] == ["One para.", "Two para.", "Three para."]


def test_hard_wrapped_paragraph_stays_one_block() -> None:
    text = (
        "Gunmen attacked a checkpoint on the road to the airport late on\n"
        "Sunday and killed two police officers, the interior ministry said in\n"
        "a statement.\n\nSecond paragraph."
    )
    blocks = split_blocks(text)
    assert len(blocks) == 2 and blocks[0].text.endswith("statement.")


def test_wire_report_title_byline_dateline_body_footer() -> None:
    text = (
        "Rebels shell port city\n\nBy Ana Ruiz and Li Wei\n\n"
        "HODEIDAH, Yemen, May 2 (Gulf Wire) - Rebels shelled the port on Friday. Two died.\n\n"
        "The coalition said it would respond.\n\n"
        "Reporting by Ana Ruiz; Editing by Tom Kerr\n\nShare this article"
    )
    got = kinds(text)
    assert [k for k, _ in got] == [
        "title",
        "byline",
        "dateline",
        "body",
        "body",
        "byline",
        "boilerplate",
    ]
    assert got[2][1] == "HODEIDAH, Yemen, May 2 (Gulf Wire) -"
    assert got[3][1].startswith("Rebels shelled")
    doc = STAGE(Document(text=text))
    assert doc.title == "Rebels shell port city"
    assert doc.author == "Ana Ruiz and Li Wei"


@pytest.mark.parametrize(
    "dateline",
    [
        "BAGHDAD, June 10 (Reuters) -",
        "KABUL (AP) —",
        "GOMA, Democratic Republic of Congo, 3 March (AFP) –",
        "MOGADISHU, Somalia —",
        "NEW YORK, Jan. 5, 2025 (Wire) -",
    ],
)
def test_datelines_are_split_off_the_first_paragraph(dateline: str) -> None:
    got = kinds(f"{dateline} Police arrested four men on Monday.\n\nMore text here.")
    assert got[0] == ("dateline", dateline)
    assert got[1] == ("body", "Police arrested four men on Monday.")


def test_capitalised_lead_in_is_not_a_dateline_later_in_the_text() -> None:
    got = kinds("First paragraph here.\n\nUN - the body said nothing.")
    assert [k for k, _ in got] == ["body", "body"]


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters march in the capital. (Photo: Jane Roe/Wire)",
        "Photo: Smoke rises over the city",
        "Soldiers patrol a street in Gao. REUTERS/Ali Saad",
        "A man walks past rubble. AFP via Getty Images",
    ],
)
def test_captions_are_recognised(caption: str) -> None:
    got = kinds(f"Headline of the day\n\n{caption}\n\nThe body says something. It goes on.")
    assert ("caption", caption) in got


def test_unpunctuated_line_under_a_byline_is_a_caption() -> None:
    got = kinds(
        "A headline\n\nBy Jo Bloggs\n\nA camp of displaced families outside the city\n\nBody."
    )
    assert got[2][0] == "caption"


@pytest.mark.parametrize(
    "footer",
    [
        "Read more: Sudan coverage",
        "Socialist Worker for more",
        "© 2025 Example News",
        "Copyright 2024 The Wire. All rights reserved.",
        "Facebook | Twitter | Email",
    ],
)
def test_footers_are_boilerplate(footer: str) -> None:
    got = kinds(f"A body paragraph that ends.\n\nAnother one.\n\n{footer}")
    assert got[-1] == ("boilerplate", footer)


def test_known_title_keeps_an_unpunctuated_lead_as_body() -> None:
    # A reader that knows the title: the text starts with the body even without a full stop.
    text = "Prices rose sharply across the region this quarter\n\nAnalysts were surprised."
    assert [k for k, _ in kinds(text, title="Prices up")] == ["body", "body"]


def test_business_phrases_are_not_bylines() -> None:
    text = (
        "Para one.\n\nThe bank is in talks with Rivals Group over a merger.\n\n"
        "By early 2026 it may close."
    )
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]


def test_interview_turns_and_speakers() -> None:
    text = (
        "A title\n\nJO BLOGGS interviews SAM O'NEIL\n\n"
        "WHAT ARE conditions like in the city today?\n\n"
        "VERY BAD. Militias patrol every street.\n\nThey detain young men at night.\n\n"
        "Tell us about the checkpoints.\n\nTHEY ARE everywhere.\n\nPublisher for more"
    )
    doc = STAGE(Document(text=text))
    got = [(s.kind, s.speaker, s.speaker_role) for s in doc.segments]
    assert got == [
        ("title", None, None),
        ("byline", None, None),
        ("question", "Jo Bloggs", "interviewer"),
        ("answer", "Sam O'Neil", "interviewee"),
        ("answer", "Sam O'Neil", "interviewee"),
        ("question", "Jo Bloggs", "interviewer"),
        ("answer", "Sam O'Neil", "interviewee"),
        ("boilerplate", None, None),
    ]
    assert doc.author == "Jo Bloggs"


def test_name_labelled_interview() -> None:
    text = (
        "SMITH: Where were you when the shelling started?\n\nNOOR: At home. The shells hit the"
        " school.\n\nSMITH: Who fired them?\n\nNOOR: The army, from the hills.\n\n"
        "SMITH: Did anyone help you?\n\nNOOR: Our neighbours did."
    )
    doc = STAGE(Document(text=text))
    roles = [(s.kind, s.speaker) for s in doc.segments]
    assert roles[0] == ("question", "Smith") and roles[1] == ("answer", "Noor")
    assert {k for k, _ in roles} == {"question", "answer"}


def test_news_with_a_rhetorical_question_is_not_an_interview() -> None:
    text = "Troops entered the town.\n\nWhat comes next?\n\nOfficials said talks would resume."
    assert [k for k, _ in kinds(text)] == ["body", "body", "body"]


def test_single_paragraph_is_body() -> None:
    assert kinds("On 3 May 2020, police arrested 12 protesters in Lagos.") == [
        ("body", "On 3 May 2020, police arrested 12 protesters in Lagos.")
    ]


def test_helpers() -> None:
    assert display_name("ANAND GOPAL") == "Anand Gopal"
    assert display_name("Anand Gopal") == "Anand Gopal"
    assert has_caps_lead("VERY INEFFECTIVE. His administration")
    assert not has_caps_lead("Very ineffective.")
    assert is_question_text("Has it worked?") and not is_question_text("It has.")
    assert is_question_text("Tell us about the camps.", CUES)


def test_bad_cue_file_raises_coded_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="EW-STR-00"):
        parse_cues({"version": "x"}, tmp_path / "cues.yaml")
    broken = tmp_path / "cues.yaml"
    broken.write_text("version: 1\nreporting_verbs: {say: [say]}\nbyline_cs: ['(']\n", "utf-8")
    with pytest.raises(DataFileError):
        load_cues(broken)


def test_seed_interview_structure(seed_interview: str) -> None:
    doc = STAGE(Document(text=seed_interview))
    by_kind: dict[str, list[str]] = {}
    for s in doc.segments:
        by_kind.setdefault(s.kind, []).append(doc.text[s.start : s.end])
    assert doc.title == "What the U.S. war on ISIS looks like from Iraq"
    assert by_kind["byline"] == ["ASHLEY SMITH interviews ANAND GOPAL"]
    assert len(by_kind["caption"]) == 1 and by_kind["caption"][0].startswith("A camp")
    assert by_kind["boilerplate"] == ["Socialist Worker for more"]
    assert len(by_kind["question"]) == 3 and all(q.endswith("?") for q in by_kind["question"])
    answers = [s for s in doc.segments if s.kind == "answer"]
    assert len(answers) >= 8 and {s.speaker for s in answers} == {"Anand Gopal"}
    assert {s.speaker for s in doc.segments if s.kind == "question"} == {"Ashley Smith"}
    assert doc.author == "Ashley Smith"


_PIECES = [
    *string.ascii_letters[:8],
    " ",
    ".",
    ",",
    "?",
    ":",
    "-",
    '"',
    "“",
    "”",
    "\n",
    "\n\n",
    "\t",
    "©",
    "Q: ",
    "A: ",
    "SMITH: ",
    "By Jo Bloggs",
    "BAGHDAD, June 10 (Reuters) - ",
    "Read more",
    "X interviews Y",
    "WHAT ARE",
    " said Ali Omar.",
    "(Photo: A/B)",
    "Militias killed 12 people.",
]
_TEXT = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_segments_are_ordered_disjoint_and_cover_every_word(text: str) -> None:
    doc = STAGE(Document(text=text))
    covered = [False] * len(text)
    last_end = 0
    for seg in doc.segments:
        assert last_end <= seg.start < seg.end <= len(text)
        assert text[seg.start : seg.end].strip() == text[seg.start : seg.end]
        covered[seg.start : seg.end] = [True] * (seg.end - seg.start)
        last_end = seg.end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))
    assert all(
        s.kind
        in CODED_SEGMENT_KINDS
        | {"title", "byline", "dateline", "caption", "question", "boilerplate"}
        for s in doc.segments
    )
