"""Issue 22 (speed) without timings: the sentence table behind ``/events?q=``, the throttled
progress bar, ``--workers auto``, the cached pre-filter and parsing several documents at once
must change nothing but the time taken."""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from eventwire.cli import progress as progress_mod
from eventwire.cli.progress import RunProgress
from eventwire.config import Settings
from eventwire.db import textindex
from eventwire.db.filters import EventFilter
from eventwire.db.reader import EventReader
from eventwire.db.store import Store
from eventwire.errors import DataFileError
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.nlp import prefilter
from eventwire.records import Document, LedgerEntry, dumps_record, event_record
from eventwire.run.pool import auto_workers, parse_workers
from eventwire.run.tasks import run_task, run_tasks
from synth_docs import synthetic_documents

QUERIES = ("killed", "KILLED", "in ", "a", "2 people", "%", "_", "x' OR 1=1 --", "zzzz", "é")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("textindex") / "text.duckdb"
    with Store.open(path) as store:
        store.write_batch(synthetic_documents(80, seed=11), [])
    return path


def _ids(store: Store, flt: EventFilter, text_index: bool, level: str = "report") -> list[str]:
    where, params = flt.where(level, text_index=text_index)
    table = "events" if level == "report" else "canonical_events"
    key = "event_id" if level == "report" else "canonical_id"
    rows = store.con.execute(f"SELECT {key} FROM {table} WHERE {where} ORDER BY 1", params)
    return [r[0] for r in rows.fetchall()]


def _sentence_words(store: Store) -> list[str]:
    """Words and word pieces that occur in the stored sentences, for queries that match."""
    rows = store.con.execute(
        "SELECT substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) "
        "FROM events e JOIN documents d USING (doc_id) LIMIT 5"
    ).fetchall()
    words = [w for (sentence,) in rows for w in sentence.split()[:3]]
    return [*words, *(w[1:4] for w in words if len(w) > 4)]


def test_the_sentence_table_finds_what_the_document_scan_finds(store_path: Path) -> None:
    with Store.open(store_path) as store:
        assert textindex.ensure(store.con, read_only=False)
        queries = [*QUERIES, *_sentence_words(store)]
        matched = 0
        for query in queries:
            flt = EventFilter(text=query)
            scanned = _ids(store, flt, text_index=False)
            assert _ids(store, flt, text_index=True) == scanned, query
            matched += bool(scanned)
        assert matched >= 5  # the comparison is not between empty lists
        # The canonical level goes through the same condition on its member reports.
        from eventwire.dedup.cluster import cluster_store

        cluster_store(store)
        for query in queries[:6]:
            flt = EventFilter(text=query)
            assert _ids(store, flt, True, "canonical") == _ids(store, flt, False, "canonical")


def test_the_sentence_table_follows_new_and_deleted_events(tmp_path: Path) -> None:
    path = tmp_path / "grow.duckdb"
    docs = synthetic_documents(20, seed=3)
    with Store.open(path) as store:
        store.write_batch(docs[:10], [])
        assert textindex.ensure(store.con, read_only=False)
        assert textindex.up_to_date(store.con)
        store.write_batch(docs[10:], [])
        assert not textindex.up_to_date(store.con)  # the next text query syncs first
        reader = EventReader(store)
        flt = EventFilter(text="a")
        assert reader.count_events(flt) == len(_ids(store, flt, text_index=False)) > 0
        assert textindex.up_to_date(store.con)
        gone = store.con.execute("SELECT event_id FROM events LIMIT 1").fetchone()
        assert gone is not None
        store.con.execute("DELETE FROM events WHERE event_id = ?", [gone[0]])
        assert gone[0] not in _ids(store, flt, text_index=True)
    with Store.open(path, read_only=True) as store:  # read-only and stale: scan instead
        assert not textindex.ensure(store.con, read_only=True)


def test_read_only_store_without_the_table_scans(store_path: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.duckdb"
    with Store.open(fresh) as store:
        store.write_batch(synthetic_documents(5, seed=1), [])
    with Store.open(fresh, read_only=True) as store:
        assert not textindex.ensure(store.con, read_only=True)
        reader = EventReader(store)
        assert reader.count_events(EventFilter(text="a")) > 0


def _entry(status: str) -> LedgerEntry:
    return LedgerEntry(input="x.txt", content_hash=None, status=status)


def test_progress_counts_every_row_but_redraws_rarely(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(float(i) * 0.001 for i in range(100_000))  # 1 ms per row
    monkeypatch.setattr(progress_mod.time, "monotonic", lambda: next(clock))
    console = Console(file=io.StringIO(), force_terminal=False)
    with RunProgress(console, total=2000) as bar:
        for i in range(2000):
            bar.on_result(_entry("failed" if i % 100 == 0 else "processed"))
    assert bar.done == 2000 and bar.counts["failed"] == 20
    assert bar.shown == 2000  # the bar ends up complete
    # 2 s of rows at one update per UPDATE_EVERY_S, not one per row
    assert bar.updates <= 2 / progress_mod.UPDATE_EVERY_S + 2


def test_quiet_progress_builds_no_bar() -> None:
    with RunProgress(Console(file=io.StringIO()), total=None, quiet=True) as bar:
        bar.on_result(_entry("processed"))
    assert bar.done == 1 and bar.updates == 0


def test_workers_auto_and_numbers() -> None:
    assert auto_workers(1) == 1 and auto_workers(2) == 2 and auto_workers(0) == 1
    assert parse_workers("auto") == auto_workers()
    assert parse_workers("3") == 3
    for bad in ("0", "-1", "many"):
        with pytest.raises(ValueError):
            parse_workers(bad)


def test_the_cached_prefilter_is_the_built_one(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prefilter, "data_home", lambda: tmp_path)
    path = prefilter.cache_path(settings)
    assert not path.exists()
    built = prefilter.load_prefilter(settings)
    assert path.is_file()
    cached = prefilter.load_prefilter(settings)
    assert isinstance(cached, prefilter.TriggerPrefilter)
    assert isinstance(built, prefilter.TriggerPrefilter)
    assert cached.forms == built.forms
    for text in ("Gunmen killed two officers.", "The market was calm.", "a car-bombing"):
        assert cached(text) == built(text)
    path.write_bytes(b"not a pickle")  # a damaged cache is rebuilt
    assert prefilter.load_prefilter(settings)("Gunmen killed two officers.")
    assert pickle.loads(path.read_bytes()).forms == built.forms


def test_prefilter_values_are_shared_so_the_cache_loads_fast() -> None:
    """Equal automaton values are one object, before and after a pickle round trip (a
    pickle of ~100k separate tuples of frozensets took half a second to load)."""
    built = prefilter.TriggerPrefilter(
        ["killed", "shot", "stabbed", "riot"],
        patterns=[({"set"}, {"fire", "ablaze"})],
        cancels=["heart attack"],
        cues=["police"],
    )
    for filt in (built, pickle.loads(pickle.dumps(built))):
        values = [value for _, value in filt._automaton.items()]
        assert len({id(v) for v in values}) == len(set(values)) < len(values)
    again = pickle.loads(pickle.dumps(built))
    assert dict(again._automaton.items()) == dict(built._automaton.items())
    for text in ("They set the house on fire.", "Police were there.", "He was shot."):
        assert again.level(text) == built.level(text)


def test_parsing_documents_together_changes_nothing(pipeline: Pipeline) -> None:
    texts = [
        "Gunmen killed two police officers in Mosul on Monday. Markets were calm.",
        "Protesters marched in Baghdad on Friday.",
        "",  # fails in its own run, as it would alone
        "Shares rose. Troops shelled the village on Tuesday, killing four people.",
    ]

    def coded(results: list[tuple[Document | None, LedgerEntry, list[LedgerEntry]]]) -> list[str]:
        out = []
        for doc, entry, _ in results:
            out.append(entry.status)
            out.extend(dumps_record(event_record(e, doc)) for e in (doc.events if doc else []))
        return out

    def tasks() -> list[tuple[Document, str, None, list[LedgerEntry]]]:
        return [(Document(text=t, input=f"t{i}"), "{}", None, []) for i, t in enumerate(texts)]

    alone = coded([run_task(pipeline, task) for task in tasks()])
    together = coded(run_tasks(pipeline, tasks()))
    assert together == alone
    assert sum(1 for line in alone if line.startswith("{")) >= 2


def test_the_model_tokenizer_splits_sentences_as_a_blank_pipeline(pipeline: Pipeline) -> None:
    from eventwire.pipeline.nlp.stage import (
        ModelSentencizer,
        _blank_sentencizer,
        tokenizer_is_blank,
    )

    nlp = next(s for s in pipeline.stages if s.name == "eventwire.nlp.v1").nlp  # type: ignore[attr-defined]
    assert tokenizer_is_blank(nlp)
    ours, blank = ModelSentencizer(nlp.tokenizer), _blank_sentencizer("en")
    text = (
        'Dr. Smith arrived at 5 p.m. on Jan. 3rd!  He said: "They fired 12 rounds..." '
        "Then (at the U.N.) e-mail@example.org wrote back? Yes.\nNo. 3,000 people fled."
    )
    spans = [[(s.start_char, s.end_char) for s in split(text).sents] for split in (ours, blank)]
    assert spans[0] == spans[1] and len(spans[0]) >= 4


def test_the_cached_actor_dictionary_is_the_built_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.pipeline.common import actordict, diskcache

    monkeypatch.setattr(diskcache, "data_home", lambda: tmp_path)
    built = actordict.build_actor_dictionary()
    first = actordict.load_actor_dictionary()  # builds and writes the cache
    assert list((tmp_path / "cache").glob("actors-*.pickle"))
    again = actordict.load_actor_dictionary()  # reads it
    assert pickle.dumps(vars(again)) == pickle.dumps(vars(built)) == pickle.dumps(vars(first))
    user = tmp_path / "mine.jsonl"
    user.write_text("not json\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        actordict.load_actor_dictionary([user])  # a bad user file is never served from cache


def test_process_rejects_a_bad_workers_value(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    report = tmp_path / "r.txt"
    report.write_text("Gunmen killed two officers.", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    for bad in ("0", "many"):
        result = CliRunner().invoke(app, ["process", str(report), "--db", db, "--workers", bad])
        assert result.exit_code == 2, result.output
        assert "--workers" in result.output


def _classes_by_scan(tokens: list[Any], lexicon: Any, skip: set[int]) -> set[str]:
    """classes_in as it was before the word index: every class tried at every token."""
    from eventwire.pipeline.events.triggers import NAME_BLIND_CLASSES, find_phrases, token_keys

    skipped = set(skip)
    for start, end in find_phrases(tokens, lexicon.masks):
        skipped.update(t.i for t in tokens[start:end])
    keys = [token_keys(t) if t.i not in skipped else frozenset() for t in tokens]
    named = [t.pos_ == "PROPN" and t.is_title for t in tokens]
    plain = [frozenset() if named[n] else k for n, k in enumerate(keys)]
    present: set[str] = set()
    for name, cls in lexicon.classes.items():
        by_word = any(k & cls.words for k in (plain if name in NAME_BLIND_CLASSES else keys))
        if by_word or any(
            all(p[k] in keys[i + k] for k in range(len(p)))
            for p in cls.phrases
            if p
            for i in range(len(tokens) - len(p) + 1)
        ):
            present.add(name)
    return present


def test_the_indexed_cue_classes_are_the_scanned_ones(pipeline: Pipeline) -> None:
    from eventwire.pipeline.events.triggers import _classes_in_scan, classes_in

    stage = next(s for s in pipeline.stages if s.name == "eventwire.nlp.v1")
    events = next(s for s in pipeline.stages if s.name.startswith("eventwire.events"))
    lexicon = events.lexicon  # type: ignore[attr-defined]
    sentences = [
        "Gunmen opened fire on a police checkpoint, killing three officers.",
        "Police fired water cannon and tear gas at protesters in the capital.",
        "An air strike by fighter jets hit a market; a car bomb exploded nearby.",
        "The Money Exchange Company said Revolutionary Front members were arrested.",
        "Rebels shelled the town with mortars and artillery before troops clashed with them.",
        "Shares rose on Monday.",
    ]
    found = 0
    for parse in stage.nlp.pipe(sentences):  # type: ignore[attr-defined]
        tokens = list(parse)
        expected = _classes_by_scan(tokens, lexicon, set())
        assert classes_in(tokens, lexicon) == expected
        for skip in ({t.i for t in tokens[:3]}, {t.i for t in tokens if t.pos_ == "VERB"}):
            assert classes_in(tokens, lexicon, skip) == _classes_by_scan(tokens, lexicon, skip)
            # the classes kept per parse give the scan's answer, in the scan's order
            assert list(classes_in(tokens, lexicon, skip)) == list(
                _classes_in_scan(tokens, lexicon, skip)
            )
        assert "ew_classes_in" in parse.user_data
        part = tokens[2:]  # not a whole sentence: scanned, not cached
        assert classes_in(part, lexicon) == _classes_by_scan(part, lexicon, set())
        found += len(expected)
    assert found >= 5  # the sentences do carry cue classes


def test_normalise_takes_the_ascii_shortcut_only_where_it_is_the_same() -> None:
    import unicodedata

    from eventwire.pipeline.common.actordict import normalise

    def slow(text: str) -> str:
        text = unicodedata.normalize("NFKD", text)
        return "".join(c for c in text if not unicodedata.combining(c))

    for text in ("Da'ish", "Nuri al-Maliki", "Ḥizbullāh", "ＩＳＩＳ", "Boko-Haram’s", "x"):
        assert normalise(text) == normalise(slow(text))
    assert normalise("Ḥizbullāh") == "hizbullah" and normalise("ＩＳＩＳ") == "isis"
