"""Issue 22, helper h22l: a run's garbage collector and the reader's language test.

A run codes documents with the collector's young generation at 10,000 objects instead of
700 (``eventwire.run.collector``) and gives the caller's thresholds back afterwards; pool
workers and Ray actors keep them for their whole life. ``detect_language`` counts letters
without a list and skips the non-Latin script scans for ASCII text, with the same answers.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from multiprocessing import Pipe
from pathlib import Path

import pytest

import eventwire.cli as cli
import eventwire.run.pool as pool
from eventwire.config import Settings, load_settings
from eventwire.errors import ConfigError
from eventwire.pipeline.base import Pipeline, Resources, register_stage
from eventwire.pipeline.read.language import detect_language
from eventwire.records import Document
from eventwire.run.collector import RUN_THRESHOLDS, run_thresholds, use_run_thresholds
from eventwire.run.executors import SerialExecutor
from eventwire.run.runner import Runner

DEFAULT = (700, 10, 10)  # CPython's own thresholds
SEEN = "test.h22l.thresholds.v1"
thresholds_seen: list[tuple[int, int, int]] = []


class ThresholdsSeen:
    """A stage that notes the collector's thresholds while it codes a document."""

    name = SEEN
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        thresholds_seen.append(gc.get_threshold())
        return doc


@register_stage(SEEN)
def _make_seen(settings: Settings, resources: Resources) -> ThresholdsSeen:
    return ThresholdsSeen()


@pytest.fixture(autouse=True)
def default_thresholds() -> Iterator[None]:
    """Every test starts from CPython's defaults and leaves the process as it found it."""
    before = gc.get_threshold()
    gc.set_threshold(*DEFAULT)
    thresholds_seen.clear()
    try:
        yield
    finally:
        gc.set_threshold(*before)


# -- the collector while a run codes -----------------------------------------------------
def test_run_thresholds_hold_inside_the_block_and_are_given_back() -> None:
    assert RUN_THRESHOLDS[0] > DEFAULT[0]
    with run_thresholds():
        assert gc.get_threshold() == RUN_THRESHOLDS
    assert gc.get_threshold() == DEFAULT
    with pytest.raises(RuntimeError), run_thresholds():
        raise RuntimeError("a stage broke")
    assert gc.get_threshold() == DEFAULT


def test_a_rarer_or_switched_off_collector_is_left_alone() -> None:
    gc.set_threshold(50_000, 20, 20)
    use_run_thresholds()
    assert gc.get_threshold() == (50_000, 20, 20)
    gc.set_threshold(0, 10, 10)  # collection off: not switched back on
    with run_thresholds():
        assert gc.get_threshold() == (0, 10, 10)
    gc.set_threshold(1_000, 5, 5)
    use_run_thresholds()
    assert gc.get_threshold() == RUN_THRESHOLDS


def test_a_run_codes_its_documents_under_the_run_thresholds(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    texts = [
        "Riot police broke up a sit-in outside the port offices in Tema on Sunday.",
        "A grenade thrown at a bus depot wounded three drivers late on Friday night.",
        "The water board said the reservoir was back to its usual level this week.",
    ]
    source.write_text(
        "".join(json.dumps({"id": f"h{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    settings = load_settings(env={}, db=str(tmp_path / "ew.duckdb"), stages=(SEEN,))
    summary = Runner(settings, SerialExecutor(settings), batch_size=1).run([str(source)])
    assert summary.counts["processed"] == len(texts)
    assert thresholds_seen == [RUN_THRESHOLDS] * len(texts)
    assert gc.get_threshold() == DEFAULT  # the caller's, once the run is over


def test_the_serial_executor_gives_the_thresholds_back_when_closed() -> None:
    settings = load_settings(env={}, stages=(SEEN,))
    tasks = [
        (Document(text=f"Report number {i} of a quiet day.", input=f"q{i}"), "{}", None, [])
        for i in range(3)
    ]
    results = SerialExecutor(settings).map(tasks)
    next(results)
    assert gc.get_threshold() == RUN_THRESHOLDS  # suspended mid-run
    results.close()
    assert gc.get_threshold() == DEFAULT
    assert thresholds_seen and set(thresholds_seen) == {RUN_THRESHOLDS}


def test_a_pool_worker_sets_the_run_thresholds_before_building_its_pipeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, int, int]] = []

    def refuse(settings: Settings) -> Pipeline:
        seen.append(gc.get_threshold())
        raise ConfigError("no pipeline in this test", "EW-CFG-001")

    monkeypatch.setattr(pool.Pipeline, "from_settings", refuse)
    monkeypatch.setattr(pool, "one_thread_per_worker", lambda: None)  # keep our environment
    monkeypatch.setattr(pool.signal, "signal", lambda *args: None)  # and our Ctrl-C
    parent, child = Pipe()
    pool._worker_main(child, load_settings(env={}))
    assert seen == [RUN_THRESHOLDS]
    assert parent.recv()[0] == "error"


def test_the_command_line_collects_as_a_run_does_for_its_whole_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(cli, "app_for", lambda argv: lambda: seen.append(gc.get_threshold()))
    monkeypatch.setattr(sys, "argv", ["eventwire", "extract"])
    cli.main()
    assert seen == [RUN_THRESHOLDS]  # the model loads and the command runs under them


# -- the reader's language test ----------------------------------------------------------
# (text, answer, answer with min_words=3): the answers detect_language gave before its
# letters were counted without a list and ASCII texts skipped the script scans
LANGUAGE_CASES = [
    (
        "The ferry company said the crossing was cancelled because of the storm on the coast.",
        "en",
        "en",
    ),
    (
        "The café owner and the naïve clerk said the fête in the square was put off again.",
        "en",
        "en",
    ),
    (
        "Les habitants de la ville ont dit que le marché était fermé depuis la semaine dernière.",
        "fr",
        "fr",
    ),
    (
        "Die Bewohner sagten, dass der Markt seit der letzten Woche geschlossen ist und bleibt.",
        "de",
        "de",
    ),
    ("Жители города сказали, что рынок закрыт с прошлой недели и откроется позже.", "ru", "ru"),
    ("قال سكان المدينة إن السوق مغلق منذ الأسبوع الماضي", "ar", "ar"),
    ("ساکنان شهر گفتند که بازار از هفته گذشته بسته است و پیش از این باز بود", "fa", "fa"),
    ("城市居民说市场从上周开始关闭了", "zh", "zh"),
    ("市民はマーケットが先週から閉まっているとのべた", "ja", "ja"),
    ("Ο δήμαρχος είπε ότι η αγορά θα ανοίξει ξανά την επόμενη εβδομάδα", "el", "el"),
    ("He said the war is over now.", "und", "en"),
    ("Il a dit que la guerre est finie.", "und", "fr"),
    ("Two words", "und", "und"),
    ("12 345 67 -- 2021", "und", "und"),
    ("", "und", "und"),
    (
        "Мэр said the market in Киев would open again next week after the repairs were done.",
        "en",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "answer", "answer_short"), LANGUAGE_CASES)
def test_language_answers_are_those_before(text: str, answer: str, answer_short: str) -> None:
    assert detect_language(text) == answer
    assert detect_language(text, min_words=3) == answer_short
