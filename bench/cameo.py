"""CAMEO pentaclass benchmark: code news sentences and compare the top event's CAMEO root
with a hand label in five classes, then write the table into bench/RESULTS.md.

    .venv/bin/python bench/cameo.py                   # dev split, full default pipeline
    .venv/bin/python bench/cameo.py --heldout         # dev and held-out (report once, at the end)
    .venv/bin/python bench/cameo.py --misses 40       # print dev misses to read by hand

The gold file is ``../shared/corpus/dev/cameo_penta_dev.jsonl`` (``gold.penta``): 0 statements
and appeals (CAMEO 01–02), 1 verbal cooperation (03–05), 2 material cooperation (06–08),
3 verbal conflict (09–13 and 16), 4 material conflict (14–15, 17–20).

How a sentence is predicted:

- the *top event* is the event the coder is most sure of, preferring asserted and habitual
  events over negated, hypothetical or generic ones ("demanded that the army stop the
  shelling" is a demand whose shelling is not asserted);
- its CAMEO root gives the class (:func:`penta_of_root`);
- a sentence with no event is predicted 0, "statement": news sentences that report no act
  mostly report what someone said, and CAMEO codes a bare statement 01;
- an act the sentence knows only from a claim ("X claimed responsibility for the attack",
  "X claimed that they had attacked …": the attribution stage's reporting verb is *claim*)
  is the claim, a statement (0): the claim, not the act, is what the sentence asserts, as
  issue 15 has it (a claim attaches to its incident, it is no new event). Such an event
  ranks after the sentence's asserted acts.

Which pentaclass a CAMEO root belongs to follows the gold set's own convention, the
PentaClass used with Phoenix/GDELT-style event data: 01–02 → 0, 03–05 → 1, 06–08 → 2,
09–13 and 16 → 3, 14–15 and 17–20 → 4. Root 16 ("reduce relations": sanctions, aid cuts,
cancelled visits, expelled diplomats or inspectors, withdrawn peacekeepers) is verbal
conflict there, although it lies inside the 14–20 range of CAMEO's own numbering: on dev
every sentence whose top event is a SANCTION (CAMEO 16) is labelled 3 and none 4, while the
coder's crosswalk keeps CAMEO's own code (16) for them. The table also shows the older
reading by plain CAMEO ranges (16 → 4), so that the two can be compared.

Only the ``<!-- cameo:start -->`` … ``<!-- cameo:end -->`` section of the results file is
rewritten. Rows are split with :func:`eventwire.evaluate.split.split_of`; rules are tuned on
dev rows only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import CODER_STAGES, load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.split import split_of
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document, Event
from results import replace_section  # bench/results.py (bench/ is on sys.path when run)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "corpus" / "dev" / "cameo_penta_dev.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
CLASSES = ("statement", "verbal coop.", "material coop.", "verbal conflict", "material conflict")
NO_EVENT_CLASS = 0
CLAIM_STEM = "claim"  # the reporting verb of a claim: claimed, claims, claiming
REDUCE_RELATIONS = 16  # CAMEO root 16, verbal conflict in the pentaclass (see above)
# asserted acts first; an event the sentence does not assert only when there is nothing else
_MODALITY_RANK = {"asserted": 0, "habitual": 0, "generic": 1, "hypothetical": 2, "negated": 2}


def penta_of_root(root: str | None, ranges: bool = False) -> int | None:
    """The pentaclass of a two-digit CAMEO root code (None for no or a malformed code): the
    gold set's PentaClass, where 16 "reduce relations" is verbal conflict; with ``ranges``
    the plain CAMEO ranges (09–13 → 3, 14–20 → 4).

    >>> [penta_of_root(r) for r in ("01", "04", "07", "12", "14", "16", "19", None)]
    [0, 1, 2, 3, 4, 3, 4, None]
    >>> penta_of_root("16", ranges=True)
    4
    """
    if not root or not root[:2].isdigit():
        return None
    code = int(root[:2])
    if code == REDUCE_RELATIONS and not ranges:
        return 3
    for upper, penta in ((2, 0), (5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= code <= upper:
            return penta
    return None


def claimed(event: Event) -> bool:
    """Does the sentence report the act only as someone's claim (reporting verb *claim*)?"""
    verb = event.attribution.verb if event.attribution else None
    return bool(verb) and verb.lower().startswith(CLAIM_STEM)


def penta_of_event(event: Event, ranges: bool = False) -> int | None:
    """The pentaclass of an event from its CAMEO root (:func:`penta_of_root`); a claimed act
    is a statement (:func:`claimed`)."""
    if claimed(event) and penta_of_root(event.cameo_root) is not None:
        return NO_EVENT_CLASS
    return penta_of_root(event.cameo_root, ranges=ranges)


def top_event(events: Iterable[Event]) -> Event | None:
    """The event that stands for the sentence: asserted before not asserted (a claimed act
    after the asserted ones), then the most confident, then the first in the text."""
    coded = [e for e in events if penta_of_root(e.cameo_root) is not None]
    if not coded:
        return None
    return min(
        coded,
        key=lambda e: (
            _MODALITY_RANK.get(e.modality, 1) + (1.5 if claimed(e) else 0),
            -e.confidence,
            e.trigger.start,
        ),
    )


@dataclass
class Scores:
    """Confusion counts of one split."""

    n: int = 0
    confusion: dict[tuple[int, int], int] = field(default_factory=dict)  # (gold, pred) -> n
    no_event: int = 0

    def add(self, gold: int, pred: int, had_event: bool) -> None:
        self.n += 1
        self.confusion[(gold, pred)] = self.confusion.get((gold, pred), 0) + 1
        self.no_event += not had_event

    def count(self, gold: int | None = None, pred: int | None = None) -> int:
        return sum(
            n
            for (g, p), n in self.confusion.items()
            if (gold is None or g == gold) and (pred is None or p == pred)
        )

    @property
    def accuracy(self) -> float:
        return sum(self.count(c, c) for c in range(5)) / self.n if self.n else 0.0

    def precision(self, cls: int) -> float | None:
        predicted = self.count(pred=cls)
        return self.count(cls, cls) / predicted if predicted else None

    def recall(self, cls: int) -> float | None:
        gold = self.count(gold=cls)
        return self.count(cls, cls) / gold if gold else None


def score_rows(
    rows: list[dict[str, Any]], run: Callable[[Document], Document]
) -> tuple[Scores, Scores, list[dict[str, Any]]]:
    """Code every row and score the predictions (the gold's pentaclass; plain CAMEO
    ranges); the third value lists the misses of the first reading."""
    scores, ranged = Scores(), Scores()
    misses: list[dict[str, Any]] = []
    for row in rows:
        doc = Document(text=row["text"], source_id=str(row["id"]))
        try:
            events = run(doc).events
        except EventwireError:
            events = []
        top = top_event(events)
        pred = penta_of_event(top) if top else None
        pred = NO_EVENT_CLASS if pred is None else pred
        alt = penta_of_event(top, ranges=True) if top else None
        gold = int(row["gold"]["penta"])
        scores.add(gold, pred, top is not None)
        ranged.add(gold, NO_EVENT_CLASS if alt is None else alt, top is not None)
        if pred != gold:
            misses.append(
                {
                    "id": row["id"],
                    "gold": gold,
                    "pred": pred,
                    "top": f"{top.plover_type}/{top.modality} ← {top.trigger.text}" if top else "",
                    "text": row["text"],
                }
            )
    return scores, ranged, misses


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(named: list[tuple[str, Scores]]) -> list[str]:
    """A markdown table: accuracy, material-conflict precision, per-class precision/recall."""
    head = "| measure | " + " | ".join(name for name, _ in named) + " |"
    lines = [head, "|---|" + "---:|" * len(named)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row("sentences", [str(s.n) for _, s in named])
    row("accuracy", [f"**{s.accuracy:.3f}**" for _, s in named])
    row("material-conflict (4) precision", [f"**{_fmt(s.precision(4))}**" for _, s in named])
    row("majority-class accuracy", [f"{max(s.count(gold=c) for c in range(5)) / s.n:.3f}"
                                    for _, s in named])  # fmt: skip
    row("sentences with no event (→ 0)", [str(s.no_event) for _, s in named])
    for c, label in enumerate(CLASSES):
        row(f"{c} {label}: precision", [_fmt(s.precision(c)) for _, s in named])
        row(f"{c} {label}: recall", [_fmt(s.recall(c)) for _, s in named])
    return lines


def confusion(scores: Scores) -> list[str]:
    lines = ["| gold \\ predicted | " + " | ".join(str(c) for c in range(5)) + " |"]
    lines.append("|---|" + "---:|" * 5)
    for g in range(5):
        cells = " | ".join(str(scores.count(g, p)) for p in range(5))
        lines.append(f"| {g} {CLASSES[g]} | {cells} |")
    return lines


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--coder-only", action="store_true", help="only the coder's stages")
    parser.add_argument("--heldout", action="store_true", help="also score the held-out split")
    parser.add_argument("--misses", type=int, default=0, help="print N dev misses to stderr")
    parser.add_argument("--baseline", default="", help="a line on the baseline to keep")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--no-write", action="store_true", help="print, do not write RESULTS")
    args = parser.parse_args(argv)
    settings = load_settings(stages=CODER_STAGES) if args.coder_only else load_settings()
    pipeline = Pipeline.from_settings(settings)
    rows = load_rows(args.gold)
    started = time.perf_counter()
    dev, dev_ranges, misses = score_rows(
        [r for r in rows if split_of(str(r["id"])) == "dev"], pipeline
    )
    named = [("dev", dev), ("dev, CAMEO ranges (16 → 4)", dev_ranges)]
    if args.heldout:
        held, held_ranges, _ = score_rows(
            [r for r in rows if split_of(str(r["id"])) == "heldout"], pipeline
        )
        named += [("held-out", held), ("held-out, CAMEO ranges (16 → 4)", held_ranges)]
    secs = time.perf_counter() - started
    for miss in misses[: args.misses]:
        sys.stderr.write(
            f"{miss['id']} gold {miss['gold']} pred {miss['pred']} [{miss['top']}] "
            f"{miss['text'][:220]}\n"
        )
    flag = " --coder-only" if args.coder_only else ""
    flag += " --heldout" if args.heldout else ""
    mode = "coder stages only" if args.coder_only else "full default pipeline"
    out = [
        f"Command: `.venv/bin/python bench/cameo.py{flag}` ({mode}; {secs:.0f} s). Gold: "
        f"`{args.gold.name}` (`gold.penta`), split by `eventwire.evaluate.split.split_of`.",
        "",
        "The class is the CAMEO root of the sentence's top event (asserted before not asserted,",
        "then the most confident): 01–02 → 0, 03–05 → 1, 06–08 → 2, 09–13 and 16 → 3,",
        "14–15 and 17–20 → 4 (the gold's PentaClass; the CAMEO-ranges columns put 16 in 4);",
        "a sentence with no event is predicted 0 (a statement).",
        "",
        *table(named),
        "",
        "Confusion on dev (rows gold, columns predicted):",
        "",
        *confusion(dev),
    ]
    if args.baseline:
        out += ["", args.baseline]
    body = "\n".join(out)
    print(body)
    if not args.no_write:
        text = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        args.output.write_text(
            replace_section(text, "cameo", body, "CAMEO pentaclass (news sentences)"),
            encoding="utf-8",
        )
        sys.stderr.write(f"wrote {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
