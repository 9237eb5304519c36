"""Evaluate the pipeline against gold event data (ACLED- or GTD-shaped JSONL).

Each gold row is treated as one report dated at its event date; the pipeline
runs on the row's text and its *top* event (``doc.events[0]`` after finalize) is
compared with the gold coding, field by field::

    >>> report = evaluate_file("acled_dev.jsonl", "acled", limit=50)  # doctest: +SKIP
    >>> report.fields["event_type"].accuracy                           # doctest: +SKIP
    0.9

Per field: ``accuracy`` counts agreement over the rows where the gold value is
known (a missing prediction counts as wrong, "none" = "none" as right);
``precision`` is correct non-empty predictions / non-empty predictions; ``recall``
is correct predictions / non-empty gold values.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.errors import EventwireError, InputError
from eventwire.evaluate.countries import country_code
from eventwire.evaluate.split import SPLITS, in_split, stratified_sample
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.common.geo import haversine_km
from eventwire.records import EVENT_DATED, Document, Event, Place, parse_iso_date

FORMATS: tuple[str, ...] = ("acled", "gtd")
LOCATION_KM = 25.0
NO_EVENT = "(none)"


class _Unknown:
    """Sentinel: the gold source does not code this field for this row (not scored)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()

# GTD attack types -> (ACLED event_type, ACLED sub_event_type); UNKNOWN = not scored.
GTD_TYPE_MAP: dict[str, tuple[Any, Any]] = {
    "Bombing/Explosion": ("Explosions/Remote violence", UNKNOWN),
    "Hostage Taking (Kidnapping)": ("Violence against civilians", "Abduction/forced disappearance"),
    "Hijacking": ("Violence against civilians", "Abduction/forced disappearance"),
}


@dataclass(slots=True)
class GoldRow:
    """One gold report, normalised across sources. UNKNOWN fields are not scored."""

    id: str
    text: str
    published: date | None
    type_label: str  # the source's own type label, for the confusion matrix
    event_type: Any = UNKNOWN
    sub_event_type: Any = UNKNOWN
    inter1: Any = UNKNOWN
    inter2: Any = UNKNOWN
    lat: float | None = None
    lon: float | None = None
    country: Any = UNKNOWN  # ISO2
    date: date | None = None
    time_precision: int = 1
    fatalities: Any = UNKNOWN
    shared_by: int = 1
    country_name: str | None = None  # the source's own country name (tune/check split, tables)
    region: str | None = None  # ACLED's region, for per-region tables
    year: int | None = None  # the event year (tune/check split)

    def document(self) -> Document:
        """The report to code: the row's text, dated at its event date. The row carries no
        day of publication: the coder's date is the day the note tells, so its words that
        count from the telling ("yesterday", "on Monday") name that day (``EVENT_DATED``)
        instead of counting back from it once more."""
        return Document(
            text=self.text,
            published=self.published,
            source_id=self.id,
            published_source=EVENT_DATED,
            input=self.id,
        )


@dataclass(slots=True)
class FieldScore:
    """Counts for one field; the rates are properties."""

    n: int = 0  # rows where the gold value is known
    agree: int = 0  # prediction == gold (including none == none)
    n_pred: int = 0  # non-empty predictions
    tp: int = 0  # non-empty predictions that are right
    n_gold: int = 0  # non-empty gold values
    hit: int = 0  # non-empty gold values predicted right

    def add(self, gold: Any, pred: Any, correct: bool) -> None:
        self.n += 1
        self.agree += int(correct)
        if pred is not None:
            self.n_pred += 1
            self.tp += int(correct)
        if gold is not None:
            self.n_gold += 1
            self.hit += int(correct)

    @property
    def accuracy(self) -> float:
        return self.agree / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.hit / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


FIELDS: tuple[str, ...] = (
    "coverage",
    "event_type",
    "sub_event_type",
    "inter1",
    "inter2",
    "location_25km",
    "country",
    "date",
    "date_in_range",
    "fatalities",
    "fatalities_single_row",
)


@dataclass
class Report:
    """The result of an evaluation run."""

    gold_format: str
    n_rows: int = 0
    n_failed: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def per_class_recall(self) -> dict[str, dict[str, Any]]:
        """Per gold type label: how many rows, and the share typed as the mapped ACLED type."""
        out: dict[str, dict[str, Any]] = {}
        for label, preds in sorted(self.confusion.items()):
            total = sum(preds.values())
            target = _expected_type(self.gold_format, label)
            right = preds.get(target, 0) if target else 0
            out[label] = {
                "n": total,
                "expected": target,
                "recall": round(right / total, 4) if target and total else None,
            }
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.gold_format,
            "rows": self.n_rows,
            "failed": self.n_failed,
            "fields": {k: v.as_dict() for k, v in self.fields.items() if v.n},
            "per_class": self.per_class_recall(),
            "confusion": {k: dict(sorted(v.items())) for k, v in sorted(self.confusion.items())},
        }


def _expected_type(fmt: str, label: str) -> str | None:
    if fmt == "acled":
        return label
    mapped = GTD_TYPE_MAP.get(label)
    return str(mapped[0]) if mapped else None


def _iso(value: Any) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return parse_iso_date(value, prefix=True)
    except ValueError:
        return None


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _float_or_none(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _gold(raw: dict[str, Any]) -> dict[str, Any]:
    gold = raw.get("gold")
    return gold if isinstance(gold, dict) else {}


def _acled_row(raw: dict[str, Any]) -> GoldRow:
    gold = _gold(raw)
    inter1, inter2 = _int_or_none(gold.get("inter1")), _int_or_none(gold.get("inter2"))
    return GoldRow(
        id=str(raw.get("id", "")),
        text=str(raw.get("text") or ""),
        published=_iso(raw.get("date_iso")),
        type_label=str(gold.get("event_type")),
        event_type=gold.get("event_type"),
        sub_event_type=gold.get("sub_event_type"),
        inter1=inter1 or None,
        inter2=inter2 or None,
        lat=_float_or_none(gold.get("latitude")),
        lon=_float_or_none(gold.get("longitude")),
        country=country_code(gold.get("country")),
        date=_iso(raw.get("date_iso")),
        time_precision=_int_or_none(gold.get("time_precision")) or 1,
        fatalities=_int_or_none(gold.get("fatalities")),
        shared_by=_int_or_none(raw.get("text_shared_by_n_rows")) or 1,
        country_name=str(gold["country"]) if gold.get("country") else None,
        region=str(gold["region"]) if gold.get("region") else None,
        year=when.year if (when := _iso(raw.get("date_iso"))) else None,
    )


def _gtd_row(raw: dict[str, Any]) -> GoldRow:
    gold = _gold(raw)
    label = str(gold.get("attacktype1_txt"))
    etype, sub = GTD_TYPE_MAP.get(label, (UNKNOWN, UNKNOWN))
    year, month, day = (_int_or_none(gold.get(k)) or 0 for k in ("iyear", "imonth", "iday"))
    when: date | None = None
    precision = 1
    if year and month:
        try:
            when, precision = date(year, month, day or 1), (1 if day else 3)
        except (ValueError, OverflowError):
            when = None  # an impossible date in the gold row: not scored
    return GoldRow(
        id=str(raw.get("id", "")),
        text=str(raw.get("text") or ""),
        published=_iso(raw.get("date")) or when,
        type_label=label,
        event_type=etype,
        sub_event_type=sub,
        lat=_float_or_none(gold.get("latitude")),
        lon=_float_or_none(gold.get("longitude")),
        country=country_code(gold.get("country_txt")),
        date=when,
        time_precision=precision,
        fatalities=_int_or_none(gold.get("nkill")),
    )


def read_gold(
    path: str | Path,
    fmt: str,
    limit: int | None = None,
    split: str = "all",
    sample: int | None = None,
    seed: int = 13,
) -> Iterator[GoldRow]:
    """Yield normalised gold rows from an ACLED- or GTD-shaped JSONL file.

    ``split``: only the ``dev``/``heldout`` rows, or the ``tune``/``check`` rows, of
    :mod:`eventwire.evaluate.split` (GTD rows carry no country or year for that split and
    fall back to their id). ``sample``: a fixed sample of that many rows of the split,
    stratified by country and drawn with ``seed``; ``limit`` then cuts it."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}", "EW-EVAL-005")
    if fmt not in FORMATS:
        raise InputError(
            f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}", "EW-EVAL-001"
        )
    rows = _split_rows(Path(path), fmt, split)
    if sample is not None:
        rows = iter(stratified_sample(list(rows), sample, seed, lambda r: r.country_name or ""))
    for count, row in enumerate(rows):
        if limit is not None and count >= limit:
            return
        yield row


def _split_rows(p: Path, fmt: str, split: str) -> Iterator[GoldRow]:
    parse = _acled_row if fmt == "acled" else _gtd_row
    if not p.is_file():
        raise InputError(f"gold file {str(p)!r} does not exist", "EW-EVAL-002")
    with p.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{p.name} line {lineno} is not JSON: {exc}", "EW-EVAL-003"
                ) from exc
            if not isinstance(raw, dict):
                raise InputError(f"{p.name} line {lineno} is not a JSON object", "EW-EVAL-004")
            row = parse(raw)
            if in_split(row.id, split, row.country_name, row.year):
                yield row


def _location(event: Event | None) -> tuple[float, float] | None:
    if event is None or event.location is None:
        return None
    loc = event.location
    if loc.lat is None or loc.lon is None:
        return None
    return (loc.lat, loc.lon)


def score_row(report: Report, gold: GoldRow, doc: Document | None) -> dict[str, Any]:
    """Add one report's top event to the counts; return a per-row record for inspection."""
    events = doc.events if doc is not None else []
    top = events[0] if events else None
    f = report.fields
    ok: dict[str, bool] = {}
    pred_type = top.acled_event_type if top else None
    _mark(f, ok, "coverage", True, True if top else None, top is not None)
    report.confusion.setdefault(gold.type_label, Counter())[pred_type or NO_EVENT] += 1
    pred_sub = top.acled_sub_event_type if top else None
    for name, g, p in (
        ("event_type", gold.event_type, pred_type),
        ("sub_event_type", gold.sub_event_type, pred_sub),
        ("inter1", gold.inter1, top.actor1.inter if top and top.actor1 else None),
        ("inter2", gold.inter2, top.actor2.inter if top and top.actor2 else None),
    ):
        if g is not UNKNOWN:
            _mark(f, ok, name, g, p, p == g)
    loc = _location(top)
    if gold.lat is not None and gold.lon is not None:
        near = loc is not None and haversine_km(loc[0], loc[1], gold.lat, gold.lon) <= LOCATION_KM
        _mark(f, ok, "location_25km", True, loc, near)
    pred_country = None
    if top is not None:
        pred_country = (top.location.country if top.location else None) or (
            doc.country if doc else None
        )
    if gold.country is not UNKNOWN and gold.country is not None:
        _mark(f, ok, "country", gold.country, pred_country, pred_country == gold.country)
    when = top.date if top else None
    span = (when.start, when.end or when.start) if when and when.start else None
    if gold.date is not None:
        in_range = span is not None and span[0] <= gold.date <= span[1]
        exact = span is not None and span[0] == span[1] == gold.date
        _mark(f, ok, "date_in_range", True, span, in_range)
        _mark(f, ok, "date", True, span, exact if gold.time_precision == 1 else in_range)
    pred_fat: int | None = None
    if top is not None:
        pred_fat = top.fatalities.best if top.fatalities and top.fatalities.best is not None else 0
    if gold.fatalities is not UNKNOWN and gold.fatalities is not None:
        g_fat = gold.fatalities or None  # 0 counts as "no fatalities" for precision/recall
        p_fat = pred_fat or None
        same = top is not None and (pred_fat or 0) == gold.fatalities
        _mark(f, ok, "fatalities", g_fat, p_fat, same)
        if gold.shared_by == 1:
            _mark(f, ok, "fatalities_single_row", g_fat, p_fat, same)
    return _row_record(gold, top, events, ok, span, pred_fat)


def _mark(
    f: dict[str, FieldScore], ok: dict[str, bool], name: str, g: Any, p: Any, c: bool
) -> None:
    """Count one field of one row and remember whether it agreed."""
    f[name].add(g, p, c)
    ok[name] = c


def _row_record(
    gold: GoldRow,
    top: Event | None,
    events: list[Event],
    ok: dict[str, bool],
    span: tuple[date, date] | None,
    pred_fat: int | None,
) -> dict[str, Any]:
    """The per-row record of :func:`score_row`: gold, prediction and which fields agree."""
    pred_type = top.acled_event_type if top else None
    pred_sub = top.acled_sub_event_type if top else None
    return {
        "id": gold.id,
        "country": gold.country_name,
        "region": gold.region,
        "year": gold.year,
        "gold": {
            "type": gold.type_label,
            "event_type": None if gold.event_type is UNKNOWN else gold.event_type,
            "sub_event_type": None if gold.sub_event_type is UNKNOWN else gold.sub_event_type,
            "inter1": None if gold.inter1 is UNKNOWN else gold.inter1,
            "inter2": None if gold.inter2 is UNKNOWN else gold.inter2,
            "fatalities": None if gold.fatalities is UNKNOWN else gold.fatalities,
            "date": gold.date.isoformat() if gold.date else None,
            "lat": gold.lat,
            "lon": gold.lon,
        },
        "pred": None
        if top is None
        else {
            "event_type": pred_type,
            "sub_event_type": pred_sub,
            "plover_type": top.plover_type,
            "trigger": top.trigger.text,
            "rule": top.rule,
            "inter1": top.actor1.inter if top.actor1 else None,
            "inter2": top.actor2.inter if top.actor2 else None,
            "actor1": top.actor1.text if top.actor1 else None,
            "actor2": top.actor2.text if top.actor2 else None,
            "fatalities": pred_fat,
            "date": [d.isoformat() for d in span] if span else None,
            "confidence": round(top.confidence, 3),
            "place": place_record(top.location),
        },
        "n_events": len(events),
        "ok": ok,
        "text": gold.text,
    }


# what a dump row shows of a place: what was written and what it became
PLACE_FIELDS = (
    "text", "name", "country", "admin1", "lat", "lon", "feature", "precision", "fallback"
)  # fmt: skip


def place_record(place: Place | None) -> dict[str, Any] | None:
    """A place as a per-row dump shows it (``eval --dump``, ``bench/places_errors.py``)."""
    return None if place is None else {k: getattr(place, k) for k in PLACE_FIELDS}


def evaluate(
    rows: Iterable[GoldRow],
    run: Callable[[Document], Document],
    gold_format: str,
    keep_rows: bool = False,
) -> Report:
    """Run ``run`` (usually a Pipeline) on every gold row and score its top event."""
    report = Report(gold_format)
    for gold in rows:
        report.n_rows += 1
        doc: Document | None = gold.document()
        try:
            doc = run(doc)  # type: ignore[arg-type]
        except EventwireError:
            report.n_failed += 1
            doc = None
        row = score_row(report, gold, doc)
        if keep_rows:
            report.rows.append(row)
    return report


def evaluate_file(
    path: str | Path,
    gold_format: str,
    limit: int | None = None,
    run: Callable[[Document], Document] | None = None,
    keep_rows: bool = False,
) -> Report:
    """Evaluate the default pipeline (or ``run``) on a gold JSONL file."""
    if run is None:
        run = Pipeline.from_settings(load_settings())
    return evaluate(read_gold(path, gold_format, limit), run, gold_format, keep_rows)
