"""Date and fatality errors by class on a gold split: what the top event got, what the gold says.

    .venv/bin/python bench/date_toll_errors.py --gold ../shared/corpus/dev/acled_dev.jsonl \\
        --split dev --out /tmp/dev_errors.jsonl
    .venv/bin/python bench/date_toll_errors.py --gold ../shared/corpus/dev/acled_more_dev.jsonl \\
        --split tune --sample 3000 --seed 13 --cache /tmp/ew-cache --out /tmp/tune13.jsonl
    .venv/bin/python bench/date_toll_errors.py ... --compare /tmp/tune13_before.jsonl

Every row runs through the default pipeline (as ``eventwire eval`` does) and is scored with
:func:`eventwire.evaluate.scoring.score_row`. The rows whose date or fatality count is wrong
are written to ``--out`` (one JSON line each: gold and predicted values, the class, the text)
and counted per class on stdout, so that fixes go to classes and never to single rows; the
date and fatality accuracy per ACLED region comes with them (``regions``).

``--cache DIR`` keeps each row's document as it leaves the ``actors`` stage (pickled, with
its spaCy parses as bytes) under a folder named after a digest of the source and data files
of the stages before ``dates``: a rerun then runs only dates → finalize (seconds instead of
minutes), and a change to an earlier stage starts a fresh cache by itself.

``--compare FILE`` reads an earlier ``--out`` file (of the same split and sample) and lists
the rows that a change fixed or broke. Only ever dump dev / tune rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.evaluate.scoring import GoldRow, Report, evaluate, read_gold
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document

ROOT = Path(__file__).resolve().parent.parent
FRONT_STAGES = ("structure", "nlp", "events", "places", "actors")
MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
STATED_DAY = re.compile(
    rf"\b(?:[0-3]?[0-9](?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\b|{MONTHS}\.?\s+[0-3]?[0-9]\b)"
)
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
NIGHT = re.compile(r"\b(?:overnight|night|midnight|late\s+on|early\s+hours)\b", re.I)
RELATIVE = re.compile(
    r"\b(?:yesterday|today|previous day|day before|next day|following day|days? (?:earlier|later)"
    r"|ago|last week|this week|earlier this|the same day)\b",
    re.I,
)
RANGE = re.compile(
    rf"\b(?:between|from)\s+[^.]{{0,30}}{MONTHS}|\b[0-9]{{1,2}}\s*-\s*[0-9]{{1,2}}\s+{MONTHS}"
)
WOUNDED = re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I)
INCLUDING = re.compile(r"\bincluding\b", re.I)
BODIES = re.compile(r"\b(?:bod(?:y|ies)|corpses?|found dead|remains)\b", re.I)
NONE_SAID = re.compile(r"\b(?:no (?:fatalit|casualt|deaths?|one was)|without casualt)", re.I)
NOTE = re.compile(r"\bfatalit(?:y|ies)\b", re.I)
KILLWORD = re.compile(
    r"\b(?:kill\w*|dead|died|death\w*|slain|murder\w*|executed|lost (?:their|his|her) li)", re.I
)
# the wording tags of a wrong date and of a wrong toll, in the order they are printed
DATE_TAGS = (
    (NIGHT, "night"),
    (WEEKDAY, "weekday"),
    (RELATIVE, "relative"),
    (RANGE, "range in text"),
)
TOLL_TAGS = (
    (NOTE, "note"),
    (WOUNDED, "wounded"),
    (INCLUDING, "including"),
    (BODIES, "bodies"),
    (NONE_SAID, "no casualties"),
)


def front_digest() -> str:
    """A digest of the source and data files the stages before ``dates`` read."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "eventwire"
    folders = [src / "pipeline" / s for s in (*FRONT_STAGES, "common")] + [src / "data"]
    files: list[Path] = [src / "pipeline" / "base.py", src / "records" / "document.py"]
    for folder in folders:
        files += sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    for path in files:
        if path.parent.name in ("dates", "casualties") and path.parent.parent.name == "data":
            continue  # our own data files do not change the front
        digest.update(str(path.relative_to(src)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class CachedPipeline:
    """The default pipeline, with the documents leaving ``actors`` kept on disk."""

    def __init__(self, cache: Path | None) -> None:
        pipeline = Pipeline.from_settings(load_settings(config_file=None, env={}))
        stages = pipeline.stages
        cut = next(i for i, s in enumerate(stages) if s.name == "eventwire.dates.v1")
        self.front = Pipeline(stages[:cut], _keep_parses(pipeline.settings))
        self.back = stages[cut:]
        self.folder = None if cache is None else cache / front_digest()
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.vocab: Any = None

    def _path(self, doc: Document) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(f"{doc.source_id}\n{doc.published}\n{doc.text}".encode()).hexdigest()
        return self.folder / f"{key[:24]}.pkl"

    def __call__(self, doc: Document) -> Document:
        path = self._path(doc)
        if path is not None and path.is_file():
            state, parses = pickle.loads(path.read_bytes())
            state.published_source = doc.published_source  # the reader's, not the cache's
            doc = state
            doc.parses = {i: self._doc_from(b) for i, b in parses.items()}
        else:
            doc = self.front(doc)
            if path is not None:
                parses = {i: p.to_bytes(exclude=["user_data"]) for i, p in doc.parses.items()}
                path.write_bytes(pickle.dumps((doc, parses)))
        for stage in self.back:
            doc = stage(doc)
        doc.parses = {}
        return doc

    def _doc_from(self, data: bytes) -> Any:
        from spacy.lang.en import English
        from spacy.tokens import Doc

        if self.vocab is None:
            # English's vocabulary, not a blank one: a blank ``Vocab`` has no getters for
            # the lexical attributes, so ``token.lower_`` of a cached parse read ""
            self.vocab = English().vocab
        return Doc(self.vocab).from_bytes(data)


def _keep_parses(settings: Any) -> Any:
    import dataclasses

    return dataclasses.replace(settings, keep_parses=True)


def _tags(text: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> list[str]:
    """The names of the patterns the note's wording matches."""
    return [tag for pattern, tag in patterns if pattern.search(text)]


def date_class(row: dict[str, Any]) -> str:
    """The error class of a wrong date (from the prediction and the wording of the note)."""
    pred = (row.get("pred") or {}).get("date")
    gold = date.fromisoformat(row["gold"]["date"])
    text = row["text"]
    if not pred:
        return "no date"
    start, end = date.fromisoformat(pred[0]), date.fromisoformat(pred[1])
    if start != end:
        if start <= gold <= end:
            return "range holds gold (day wanted)" + (
                " [habitual?]" if (end - start).days > 60 else ""
            )
        return "range misses gold"
    off = (start - gold).days
    where = "before" if off < 0 else "after"
    tags = _tags(text, DATE_TAGS)
    stated = len(set(STATED_DAY.findall(text)))
    tags.append(f"{min(stated, 3)} stated days")
    return f"day {where} by {min(abs(off), 8) if abs(off) < 8 else '8+'} | " + ",".join(tags)


def toll_class(row: dict[str, Any]) -> str:
    """The error class of a wrong fatality count."""
    pred = (row.get("pred") or {}).get("fatalities") or 0
    gold = row["gold"]["fatalities"] or 0
    text = row["text"]
    shared = "shared " if row.get("shared_by", 1) > 1 else ""
    if row.get("pred") is None:
        head = "no event"
    elif gold == 0:
        head = "gold 0, pred > 0"
    elif pred == 0:
        head = "pred 0, gold > 0"
    else:
        head = "pred > gold" if pred > gold else "pred < gold"
    tags = _tags(text, TOLL_TAGS)
    if not KILLWORD.search(text):
        tags.append("no kill word")
    if row["gold"].get("event_type") != (row.get("pred") or {}).get("event_type"):
        tags.append("type wrong")
    return f"{shared}{head} | " + ",".join(tags)


def run(rows: Iterable[GoldRow], pipeline: CachedPipeline, fmt: str) -> tuple[Report, list[Any]]:
    """Score every row (:func:`eventwire.evaluate.scoring.evaluate`); return the report and
    each row's record (with ``shared_by``)."""
    golds = list(rows)
    report = evaluate(golds, pipeline, fmt, keep_rows=True)
    for gold, record in zip(golds, report.rows, strict=True):
        record["shared_by"] = gold.shared_by
    return report, report.rows


def misses(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records whose date or fatalities are wrong, each with its classes."""
    out = []
    for row in records:
        ok = row["ok"]
        wrong = {}
        if ok.get("date") is False:
            wrong["date"] = date_class(row)
        if ok.get("fatalities") is False:
            wrong["fatalities"] = toll_class(row)
        if wrong:
            pred = row.get("pred") or {}
            out.append(
                {
                    "id": row["id"],
                    "country": row["country"],
                    "year": row["year"],
                    "classes": wrong,
                    "gold": {
                        "date": row["gold"]["date"],
                        "fatalities": row["gold"]["fatalities"],
                        "event_type": row["gold"]["event_type"],
                    },
                    "pred": {
                        "date": pred.get("date"),
                        "fatalities": pred.get("fatalities"),
                        "event_type": pred.get("event_type"),
                        "trigger": pred.get("trigger"),
                    },
                    "shared_by": row["shared_by"],
                    "text": row["text"],
                }
            )
    return out


def by_region(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Date and fatality accuracy per ACLED region (rows without one under "?"), so that a
    change is seen to hold in every region and not only in the ones the sample is full of."""
    counts: dict[str, list[int]] = {}
    for row in records:
        tally = counts.setdefault(row.get("region") or "?", [0, 0, 0, 0, 0])
        tally[0] += 1
        for field, at in (("date", 1), ("fatalities", 3)):
            if field in row["ok"]:
                tally[at] += 1
                tally[at + 1] += int(row["ok"][field])
    return {
        region: {
            "rows": t[0],
            "date": round(t[2] / t[1], 4) if t[1] else None,
            "fatalities": round(t[4] / t[3], 4) if t[3] else None,
        }
        for region, t in sorted(counts.items())
    }


def compare(now: list[dict[str, Any]], before_file: Path) -> dict[str, list[str]]:
    """Rows fixed and broken per field since an earlier ``--out`` file."""
    before = [json.loads(line) for line in before_file.open(encoding="utf-8")]
    out: dict[str, list[str]] = {}
    for field in ("date", "fatalities"):
        old = {r["id"] for r in before if field in r["classes"]}
        new = {r["id"] for r in now if field in r["classes"]}
        out[f"{field} fixed"] = sorted(old - new)
        out[f"{field} broken"] = sorted(new - old)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--format", default="acled", choices=("acled", "gtd"))
    parser.add_argument("--split", default="dev", choices=("dev", "tune"))
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--compare", type=Path, default=None)
    parser.add_argument("--top", type=int, default=25, help="classes shown per field")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    rows = read_gold(args.gold, args.format, args.limit, args.split, args.sample, args.seed)
    report, records = run(rows, CachedPipeline(args.cache), args.format)
    wrong = misses(records)
    if args.out is not None:
        with args.out.open("w", encoding="utf-8") as handle:
            for row in wrong:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    fields = report.as_dict()["fields"]
    summary: dict[str, Any] = {
        "rows": report.n_rows,
        "failed": report.n_failed,
        "scores": {
            k: fields[k]["accuracy"]
            for k in ("date", "date_in_range", "fatalities", "fatalities_single_row", "event_type")
            if k in fields
        },
    }
    summary["regions"] = by_region(records)
    for field in ("date", "fatalities"):
        counts = Counter(r["classes"][field] for r in wrong if field in r["classes"])
        summary[f"{field} errors"] = dict(counts.most_common(args.top))
    if args.compare is not None:
        summary["compare"] = compare(wrong, args.compare)
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
