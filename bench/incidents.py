"""Incident benchmark: raw news articles coded by hand to ACLED conventions
(bench/incidents/reports.jsonl), scored incident by incident.

    PYTHONPATH=src .venv/bin/python bench/incidents.py            # writes bench/RESULTS.md
    PYTHONPATH=src .venv/bin/python bench/incidents.py --no-write # tables to stdout only

The set is an evaluation set: never read its articles or per-article results while writing
rules (bench/incidents/README.md). The script prints only aggregate tables.

A predicted incident is an event with an ACLED event type, modality ``asserted``, not
``background`` and not ``aggregate``. Predictions are matched one-to-one to gold incidents,
greedily by score, when they have the same ACLED event type (the loose match ignores the
type), a date within one day of the gold date (or a predicted range that contains it) and a
place within 25 km (or the same place name when either side has no coordinates). Every
scoring function takes plain dicts, so tests can check the scorer without a pipeline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.split import split_of
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.common.geo import haversine_km
from eventwire.records import Document, Event
from results import RESULTS, replace_section  # bench/results.py (bench/ is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "bench" / "incidents" / "reports.jsonl"
SECTION = "incidents"
HEADING = "Incidents (issue 15)"
PLACE_KM = 25.0
DATE_DAYS = 1
SPLIT_NAMES = ("all", "dev", "heldout")
INTRO = (
    "52 raw news articles written for this benchmark and coded by hand to ACLED conventions "
    "(35 with 44 incidents, 17 with none; bench/incidents/README.md). An evaluation set: "
    "never tuned on. A predicted incident is an ACLED-typed, asserted, non-background, "
    "non-aggregate event; matched one-to-one to gold incidents. The dev/heldout rows are the "
    "`split_of(id)` halves; both are unseen."
)
ATTRIBUTES = ("event_type", "sub_event_type", "inter1", "inter2", "fatalities")


# ---------------------------------------------------------------- predictions as plain dicts


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def event_to_dict(event: Event) -> dict[str, Any]:
    """The fields of one predicted event that the scorer reads, as a plain dict."""
    when, place, toll = event.date, event.location, event.fatalities
    return {
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "modality": event.modality,
        "background": bool(getattr(event, "background", False)),
        "aggregate": bool(getattr(event, "aggregate", False)),
        "actor1": event.actor1.name or event.actor1.text if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name or event.actor2.text if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "location": (place.name or place.text) if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "date": _iso(when.start) if when else None,
        "date_end": _iso(when.end) if when else None,
        "fatalities": toll.best if toll else None,
    }


def is_incident(pred: dict[str, Any]) -> bool:
    """An ACLED-typed, asserted, current, single incident (missing flags count as False)."""
    return (
        bool(pred.get("event_type"))
        and (pred.get("modality") or "asserted") == "asserted"
        and not pred.get("background", False)
        and not pred.get("aggregate", False)
    )


def predicted_incidents(doc: Document) -> list[dict[str, Any]]:
    """The incidents a pipeline run predicts for one document."""
    return [p for p in (event_to_dict(e) for e in doc.events) if is_incident(p)]


# ---------------------------------------------------------------- matching


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_gap(pred: dict[str, Any], gold: dict[str, Any]) -> int | None:
    """Days between the predicted date (or range) and the gold date; None when unknown."""
    want, start = _day(gold.get("date")), _day(pred.get("date"))
    if want is None or start is None:
        return None
    end = _day(pred.get("date_end")) or start
    if start <= want <= end:
        return 0
    return min(abs((want - start).days), abs((want - end).days))


def _name(value: Any) -> str:
    return " ".join(str(value or "").casefold().split())


def place_km(pred: dict[str, Any], gold: dict[str, Any]) -> float | None:
    """Distance in km between the two places; 0 for the same name when coordinates are
    missing on either side; None when the places cannot be compared or differ by name."""
    coords = (pred.get("latitude"), pred.get("longitude"), gold.get("latitude"),
              gold.get("longitude"))  # fmt: skip
    if all(isinstance(c, int | float) for c in coords):
        return haversine_km(*(float(c) for c in coords))  # type: ignore[arg-type]
    a, b = _name(pred.get("location")), _name(gold.get("location"))
    return 0.0 if a and a == b else None


def match_score(pred: dict[str, Any], gold: dict[str, Any], typed: bool = True) -> float | None:
    """How well a prediction fits a gold incident, or None when it cannot be that incident
    (another event type when ``typed``, a date more than a day off, a place over 25 km away)."""
    same_type = pred.get("event_type") == gold.get("event_type")
    if typed and not same_type:
        return None
    gap, km = date_gap(pred, gold), place_km(pred, gold)
    if gap is None or gap > DATE_DAYS or km is None or km > PLACE_KM:
        return None
    score = 3.0 - km / PLACE_KM - gap / 2
    score += 1.0 if same_type else 0.0
    score += 0.5 if pred.get("sub_event_type") == gold.get("sub_event_type") else 0.0
    return score


def match(
    preds: list[dict[str, Any]], golds: list[dict[str, Any]], typed: bool = True
) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs, greedily from the best score."""
    scored = [
        (s, pi, gi)
        for pi, p in enumerate(preds)
        for gi, g in enumerate(golds)
        if (s := match_score(p, g, typed)) is not None
    ]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, pi, gi in scored:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return sorted(pairs)


# ---------------------------------------------------------------- tallies


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def attribute_hits(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    """Which attributes of a matched prediction agree with the gold incident; a missing
    inter or toll counts as 0, as in ACLED's columns."""
    return {
        "event_type": pred.get("event_type") == gold.get("event_type"),
        "sub_event_type": pred.get("sub_event_type") == gold.get("sub_event_type"),
        "inter1": (pred.get("inter1") or 0) == (gold.get("inter1") or 0),
        "inter2": (pred.get("inter2") or 0) == (gold.get("inter2") or 0),
        "fatalities": (pred.get("fatalities") or 0) == (gold.get("fatalities") or 0),
    }


@dataclass
class Tally:
    """Counts over a set of articles; every rate in the tables is derived from them."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    matched_loose: int = 0
    empty_articles: int = 0  # articles whose gold list is empty
    empty_false: int = 0  # predictions on those articles
    empty_with_false: int = 0  # of those articles, how many got at least one prediction
    attributes: dict[str, list[int]] = field(
        default_factory=lambda: {a: [0, 0] for a in ATTRIBUTES}
    )

    def add(self, preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> None:
        """Score one article: its predicted incidents against its gold incidents."""
        self.articles += 1
        self.gold += len(golds)
        self.predicted += len(preds)
        self.matched += len(match(preds, golds, typed=True))
        loose = match(preds, golds, typed=False)
        self.matched_loose += len(loose)
        for pi, gi in loose:
            for name, ok in attribute_hits(preds[pi], golds[gi]).items():
                self.attributes[name][0] += int(ok)
                self.attributes[name][1] += 1
        if not golds:
            self.empty_articles += 1
            self.empty_false += len(preds)
            self.empty_with_false += int(bool(preds))

    def prf(self, loose: bool = False) -> tuple[float, float, float]:
        hit = self.matched_loose if loose else self.matched
        p, r = _ratio(hit, self.predicted), _ratio(hit, self.gold)
        return p, r, _f1(p, r)

    def accuracy(self, name: str) -> float | None:
        ok, n = self.attributes[name]
        return ok / n if n else None


def score_rows(
    rows: Iterable[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]],
) -> dict[str, Tally]:
    """Tallies for all rows and the dev / held-out halves, from (id, predictions, gold)."""
    tallies = {name: Tally() for name in SPLIT_NAMES}
    for row_id, preds, golds in rows:
        tallies["all"].add(preds, golds)
        tallies[split_of(row_id)].add(preds, golds)
    return tallies


# ---------------------------------------------------------------- tables


def incident_table(tallies: dict[str, Tally]) -> list[str]:
    lines = [
        "| rows | articles | gold incidents | predicted | matched | precision | recall | F1 "
        "| matched (any type) | P (any type) | R (any type) | F1 (any type) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in tallies.items():
        p, r, f = t.prf()
        lp, lr, lf = t.prf(loose=True)
        lines.append(
            f"| {name} | {t.articles} | {t.gold} | {t.predicted} | {t.matched} | {p:.2f} "
            f"| {r:.2f} | {f:.2f} | {t.matched_loose} | {lp:.2f} | {lr:.2f} | {lf:.2f} |"
        )
    return lines


def empty_table(tallies: dict[str, Tally]) -> list[str]:
    lines = [
        "| rows | no-incident articles | false events | false events per article "
        "| share with ≥1 false event |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, t in tallies.items():
        per = _ratio(t.empty_false, t.empty_articles)
        share = _ratio(t.empty_with_false, t.empty_articles)
        lines.append(f"| {name} | {t.empty_articles} | {t.empty_false} | {per:.2f} | {share:.0%} |")
    return lines


def attribute_table(tallies: dict[str, Tally]) -> list[str]:
    head = " | ".join(ATTRIBUTES)
    lines = [f"| rows | matched (any type) | {head} |", "|---|---:|" + "---:|" * len(ATTRIBUTES)]
    for name, t in tallies.items():
        cells = []
        for attr in ATTRIBUTES:
            acc = t.accuracy(attr)
            cells.append("–" if acc is None else f"{acc:.2f}")
        lines.append(f"| {name} | {t.matched_loose} | " + " | ".join(cells) + " |")
    return lines


def volume_table(tallies: dict[str, Tally]) -> list[str]:
    lines = [
        "| rows | articles | predicted incidents per article | gold incidents per article |",
        "|---|---:|---:|---:|",
    ]
    for name, t in tallies.items():
        lines.append(
            f"| {name} | {t.articles} | {_ratio(t.predicted, t.articles):.2f} "
            f"| {_ratio(t.gold, t.articles):.2f} |"
        )
    return lines


def render(tallies: dict[str, Tally], label: str, seconds: float) -> str:
    """The markdown body of the RESULTS.md section for one run."""
    return "\n".join(
        [
            f"#### {label} (src at {code_version()}; {tallies['all'].articles} articles, "
            f"{seconds:.0f} s)",
            "",
            "Command: `PYTHONPATH=src .venv/bin/python bench/incidents.py"
            + (f" --label {label}`" if label else "`"),
            "",
            "Incidents (same ACLED event type, date ±1 day, place within 25 km; "
            '"any type": the same without the type):',
            "",
            *incident_table(tallies),
            "",
            "Articles with no incident:",
            "",
            *empty_table(tallies),
            "",
            "Among incidents matched without the type, share of right attributes "
            "(missing inter/toll counts as 0):",
            "",
            *attribute_table(tallies),
            "",
            "Volume:",
            "",
            *volume_table(tallies),
            "",
        ]
    )


# ---------------------------------------------------------------- running


def code_version() -> str:
    """The short hash of the last commit that changed src/ (what a table measured)."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%h", "--", "src"],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=10,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() or "unknown"


def read_reports(path: Path = REPORTS) -> list[dict[str, Any]]:
    """The benchmark rows (id, text, date, source, gold)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def document_of(row: dict[str, Any]) -> Document:
    """The Document the pipeline reads for one benchmark row."""
    return Document(
        text=row["text"],
        published=date.fromisoformat(row["date"]),
        source_id=str(row["id"]),
        published_source="record",
        input=str(row["id"]),
    )


def run_rows(
    rows: list[dict[str, Any]], run: Callable[[Document], Document]
) -> list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """(id, predicted incidents, gold incidents) for every row; a failed run predicts none."""
    out = []
    for row in rows:
        try:
            preds = predicted_incidents(run(document_of(row)))
        except EventwireError:
            preds = []
        out.append((str(row["id"]), preds, list(row.get("gold") or [])))
    return out


def merge_block(inner: str, label: str, body: str) -> str:
    """``inner`` with the block for ``label`` replaced by ``body`` (appended when absent),
    so writing an "after" table keeps the "before" one."""
    start, end = f"<!-- {label}:start -->", f"<!-- {label}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in inner and end in inner:
        head, rest = inner.split(start, 1)
        return (head + block + rest.split(end, 1)[1]).strip()
    return (inner.strip() + "\n\n" + block).strip()


def write_labelled(
    section: str,
    heading: str,
    label: str,
    body: str,
    output: Path | None = None,
    intro: str | None = None,
) -> None:
    """Put ``body`` into the ``label`` block of RESULTS.md's ``section``, keeping the
    section's other blocks (the "before" table stays when the "after" one is written)."""
    path = output or RESULTS
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    inner = text.split(start, 1)[1].split(end, 1)[0] if start in text and end in text else ""
    if intro:
        about = f"{section}-about"
        if f"<!-- {about}:start -->" not in inner:
            inner = f"<!-- {about}:start -->\n<!-- {about}:end -->\n\n" + inner  # goes first
        inner = merge_block(inner, about, intro)
    inner = merge_block(inner, f"{section}-{label}", body)
    path.write_text(replace_section(text, section, inner, heading), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=Path, default=REPORTS)
    parser.add_argument("--label", choices=("before", "after"), default="before")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    pipeline = Pipeline.from_settings(load_settings())
    started = time.perf_counter()
    scored = run_rows(read_reports(args.reports), pipeline)
    body = render(score_rows(scored), args.label, time.perf_counter() - started)
    print(body)
    if not args.no_write:
        write_labelled(SECTION, HEADING, args.label, body, args.output, INTRO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
