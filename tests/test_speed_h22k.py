"""Issue 22, helper h22k: work done once instead of again, with the same answers.

The stages before the parser run once for documents parsed ahead; the events stage's
story tests read a text's words once; a report's tokens are read once for its demonym and
force tests; the store's rows are built without per-row path parsing or deep copies."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.events import wordcount
from eventwire.records import Document, LedgerEntry, dumps_record, event_record
from eventwire.run.tasks import parse_ahead, run_task, run_tasks


# -- stages before the parser run once for documents parsed ahead ------------------------
class CountingStage:
    """A stage that counts its calls and passes them on (same name and contract)."""

    def __init__(self, stage: Any) -> None:
        self.stage = stage
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns
        self.calls = 0

    def __call__(self, doc: Document) -> Document:
        self.calls += 1
        return self.stage(doc)  # type: ignore[no-any-return]


TEXTS = [
    "Clashes in Aleppo\n\nGunmen killed two police officers in Mosul on Monday.\n\nBy Ann Reed",
    "Protesters marched in Baghdad on Friday. Markets were calm.",
    "",  # fails in its own run, as it would alone
    "Shares rose.\n\nTroops shelled the village on Tuesday, killing four people.",
]


def _tasks() -> list[tuple[Document, str, None, list[LedgerEntry]]]:
    return [(Document(text=t, input=f"t{i}"), "{}", None, []) for i, t in enumerate(TEXTS)]


def _coded(results: list[tuple[Document | None, LedgerEntry, list[LedgerEntry]]]) -> list[Any]:
    out: list[Any] = []
    for doc, entry, _ in results:
        out.append(entry.status)
        if doc is not None:
            out.append((doc.title, doc.author, [(s.start, s.end, s.kind) for s in doc.segments]))
            out.extend(dumps_record(event_record(e, doc)) for e in doc.events)
    return out


def _counting(pipeline: Pipeline) -> tuple[Pipeline, CountingStage]:
    head = CountingStage(pipeline.stages[0])
    assert head.name == "eventwire.structure.v1"
    return Pipeline([head, *pipeline.stages[1:]], pipeline.settings), head


def test_documents_parsed_ahead_run_the_structure_stage_once(pipeline: Pipeline) -> None:
    counted, head = _counting(pipeline)
    alone = _coded([run_task(counted, task) for task in _tasks()])
    assert head.calls == len(TEXTS)
    head.calls = 0
    together = _coded(run_tasks(counted, _tasks()))
    assert together == alone
    assert head.calls == len(TEXTS)  # was twice each: on the copy, then in its own run
    assert sum(1 for line in alone if isinstance(line, str) and line.startswith("{")) >= 2
    titled = next(x for x in alone if isinstance(x, tuple))
    assert titled[0] == "Clashes in Aleppo"  # the structure stage's output is handed on


def test_a_document_changed_after_the_run_ahead_runs_every_stage(pipeline: Pipeline) -> None:
    counted, head = _counting(pipeline)
    docs = [task[0] for task in _tasks()]
    parse_ahead(counted, docs)
    calls = head.calls
    docs[1].title = "A title of its own"  # changed since: its own run starts afresh
    out = counted(docs[1])
    assert head.calls == calls + 1
    assert out.title == "A title of its own"
    counted(docs[0])
    assert head.calls == calls + 1  # unchanged: the copy's structure is taken
    assert docs[0].title == "Clashes in Aleppo"


def test_without_a_run_ahead_every_stage_runs(pipeline: Pipeline) -> None:
    counted, head = _counting(pipeline)
    docs = [task[0] for task in _tasks()]
    parse_ahead(counted, docs)
    counted.ran_ahead([], 0)  # forgotten (as when the parse ahead fails)
    counted(docs[0])
    assert head.calls == len(TEXTS) + 1


# -- a text's words counted against word classes -----------------------------------------
class Classes:
    def __init__(self, table: dict[str, frozenset[str]]) -> None:
        self.table = table

    def words_of(self, cls: str) -> frozenset[str]:
        return self.table.get(cls, frozenset())


def _count_each(text: str, vocabulary: frozenset[str]) -> int:
    """The old way: every word in turn, as it is and without a final "s"."""
    n = 0
    for word in wordcount._WORD.findall(text.lower()):
        forms = {word, word[:-1]} if word.endswith("s") else {word}
        n += bool(forms & vocabulary)
    return n


STORY = (
    "The striker scored twice as United beat City; goals, more goals and a red card. "
    "Glass said the series was 'a cross-border thriller'. Buses ran late. Gas prices rose."
)


def test_counts_are_those_of_reading_each_word() -> None:
    words = wordcount.text_words(STORY)
    for vocabulary in (
        frozenset({"goal", "card", "striker"}),
        frozenset({"glas", "bus", "gas"}),  # "glass" counts as "glas"; "buses" is no "bus"
        frozenset({"cross-border", "thriller", "price"}),
        frozenset(),
    ):
        assert wordcount.count_in(words, vocabulary) == _count_each(STORY, vocabulary)
    assert wordcount.count_in(words, frozenset({"goal"})) == 2  # "goals" twice
    assert words["goals"] == 2 and "Goals" not in words


def test_joined_words_follow_a_changed_class() -> None:
    lexicon = Classes({"sport": frozenset({"goal"}), "fiction": frozenset({"thriller"})})
    names = ("sport", "fiction")
    assert wordcount.joined_words(lexicon, names) == {"goal", "thriller"}
    lexicon.table["sport"] = frozenset({"match"})
    assert wordcount.joined_words(lexicon, names) == {"match", "thriller"}
    other = Classes({"sport": frozenset({"race"})})
    assert wordcount.joined_words(other, names) == {"race"}


def test_the_remembered_words_of_a_text_are_its_words() -> None:
    for i in range(wordcount._TEXTS + 2):
        text = f"Rebels attacked{' again' * i}."
        assert wordcount.text_words(text) == Counter(["rebels", "attacked", *(["again"] * i)])
    assert len(wordcount._WORDS) <= wordcount._TEXTS


# -- country cues: the compass patterns only where a compass word is ---------------------
CUE_TEXTS = [
    "Youths blocked the road in Laikipia West on Monday, police said.",
    "Herders clashed near West Gonja, the district chief executive said.",
    "Villagers fled to the West Bank after the MCA was arrested.",
    "The MCA for the ward was arrested in Laikipia.",
    "Nothing here names a county, a ward or a compass point.",
]


def test_compass_cues_need_a_compass_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.pipeline.places import country

    quick = [dict(country.cue_votes(t)) for t in CUE_TEXTS]
    assert quick[0] == {"KE": 0.5} and quick[1] == {"GH": 0.5} and quick[4] == {}
    # every pattern tried on every text: the same votes
    monkeypatch.setattr(country, "_COMPASS_WORD", re.compile(""))
    assert [dict(country.cue_votes(t)) for t in CUE_TEXTS] == quick


# -- a report's tokens read once by its demonym and force tests ---------------------------
def test_remembered_tokens_are_the_tokens() -> None:
    from eventwire.pipeline.places.gazetteer import mentions

    texts = [
        f"Kenyan police shot {i} of the Somali traders' goats in Mandera's market."
        for i in range(9)
    ]
    for text in texts:
        first = mentions.text_tokens(text)
        assert first == mentions.tokenize(text)
        assert mentions.text_tokens(text) is first  # remembered, not tokenized again
    assert len(mentions._TEXT_TOKENS) == mentions._TEXTS
    assert texts[-1] in mentions._TEXT_TOKENS and texts[0] not in mentions._TEXT_TOKENS


# -- the store's rows, built without per-row path parsing or deep copies -----------------
def _old_get(record: Any, path: str) -> Any:
    """A record path read as before: the path parsed on every row."""
    from eventwire.records.columns import _PART

    value = record
    for part in path.split("."):
        match = _PART.fullmatch(part)
        assert match is not None
        value = getattr(value, match[1], None)
        if value is not None and match[2] is not None:
            value = value[int(match[2])]
        if value is None:
            return None
    return value


def test_stored_rows_and_records_are_those_of_reading_each_field(
    run_text: Any,
) -> None:
    import dataclasses

    from eventwire.records import EventRecord
    from eventwire.records.columns import REPORT, _get
    from eventwire.records.model import _jsonable

    doc = run_text(
        "Gunmen killed two police officers in Mosul on Monday, the ministry said. "
        "Rebels shelled the village of Kafr Nabl on Tuesday.",
        published="2021-06-10",
    )
    assert len(doc.events) >= 2
    for event in doc.events:
        record = EventRecord.of(event, doc)
        for use in REPORT.stored():
            if use.path is None:
                continue
            old = [_old_get(record, p) for p in use.path.split("|")]
            assert [_get(record, p) for p in use.path.split("|")] == old, use.name
        old_json = {f.name: _jsonable(getattr(record, f.name)) for f in dataclasses.fields(record)}
        assert record.to_json() == old_json
        assert list(record.to_json()) == [f.name for f in dataclasses.fields(record)]
    with pytest.raises(ValueError, match="bad record path"):
        _get(EventRecord.of(doc.events[0], doc), "actor1.9name")


def test_document_rows_keep_the_plain_fields_of_asdict() -> None:
    import dataclasses

    from eventwire.db.store import _fields
    from eventwire.records import Note, Place, Segment

    items: list[Any] = [
        Segment(0, 40, "answer", speaker="Ann Reed", speaker_role="interviewee"),
        Place("Kafr Nabl", 10, 19, name="Kafr Nabl", geonameid=170000, lat=35.6, lon=36.5),
        Note("places", "EW-X-001", "a note of our own"),
    ]
    for item in items:
        assert _fields(item) == dataclasses.asdict(item)
        assert list(_fields(item)) == list(dataclasses.asdict(item))

    @dataclasses.dataclass
    class Holder:
        name: str
        inner: Segment
        tags: list[str]

    nested = Holder("x", Segment(1, 2), ["a"])
    assert _fields(nested) == dataclasses.asdict(nested)  # not plain: asdict's own answer
    assert _fields(nested)["inner"] == {
        "start": 1,
        "end": 2,
        "kind": "body",
        "speaker": None,
        "speaker_role": None,
    }
