"""Deduplication on ACLED's dev rows (gold location, date and type turned into events).

ACLED codes one event per row and splits a report that names several places into several
rows (``text_shared_by_n_rows`` > 1). Those rows must stay apart when their places differ,
and since ACLED rows are already distinct events, merges between any two rows are false
merges: their rate is bounded here. Independent of extraction quality.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from eventwire.dedup.cluster import Cluster, ReportEvent, cluster_events
from eventwire.ontology import load_ontology

pytestmark = pytest.mark.shared

TIME_PRECISION = {1: "day", 2: "week", 3: "month"}


def gold_events(rows: list[dict[str, Any]], one_doc_per_row: bool) -> list[ReportEvent]:
    onto = load_ontology()
    out = []
    for n, row in enumerate(rows):
        gold = row["gold"]
        cross = onto.crosswalk(gold["sub_event_type"])
        day = date.fromisoformat(row["date_iso"])
        precision = TIME_PRECISION.get(gold.get("time_precision") or 1, "day")
        start, end = {
            "day": (day, day),
            "week": (day - timedelta(3), day + timedelta(3)),
            "month": (day.replace(day=1), day),
        }[precision]
        out.append(
            ReportEvent(
                event_id=f"row{n:05d}",
                doc_id=f"row{n}" if one_doc_per_row else f"text{hash(row['text'])}",
                plover_type=cross.plover_type,
                plover_mode=cross.plover_mode,
                acled_event_type=gold["event_type"],
                acled_sub_event_type=gold["sub_event_type"],
                actor1_id=gold["actor1"],
                actor1_name=gold["actor1"],
                actor1_inter=gold["inter1"] or None,
                actor2_id=gold["actor2"],
                actor2_name=gold["actor2"],
                actor2_inter=gold["inter2"] or None,
                location_name=gold["location"],
                country=gold["iso3"],
                admin1=gold["admin1"],
                lat=gold["latitude"],
                lon=gold["longitude"],
                geo_precision=gold["geo_precision"],
                date_start=start,
                date_end=end,
                date_precision=precision,
                fatalities=gold["fatalities"],
                source=gold["source"],
                published=day,
            )
        )
    return out


@pytest.fixture(scope="module")
def acled_rows(corpus: Path) -> list[dict[str, Any]]:
    path = corpus / "dev" / "acled_dev.jsonl"
    if not path.is_file():
        pytest.skip("acled_dev.jsonl not in ../shared/corpus")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def split_rows_merged(rows: list[dict[str, Any]], clusters: list[Cluster]) -> int:
    """Clusters holding two rows of one text at different places."""
    bad = 0
    for cluster in clusters:
        texts = Counter(rows[int(m[3:])]["text"] for m in cluster.members)
        for text, count in texts.items():
            places = {
                rows[int(m[3:])]["gold"]["location"]
                for m in cluster.members
                if rows[int(m[3:])]["text"] == text
            }
            bad += count > 1 and len(places) > 1
    return bad


@pytest.mark.parametrize("one_doc_per_row", [False, True], ids=["one-doc-per-text", "per-row"])
def test_split_rows_with_different_places_stay_apart(
    acled_rows: list[dict[str, Any]], one_doc_per_row: bool
) -> None:
    split = [r for r in acled_rows if (r.get("text_shared_by_n_rows") or 1) > 1]
    assert len(split) >= 10  # the dev set has such groups; otherwise this test proves nothing
    clusters = cluster_events(gold_events(acled_rows, one_doc_per_row))
    assert split_rows_merged(acled_rows, clusters) == 0


def test_distinct_acled_rows_are_rarely_merged(acled_rows: list[dict[str, Any]]) -> None:
    # Every row its own report: ACLED rows are distinct events, so any merge is false.
    clusters = cluster_events(gold_events(acled_rows, one_doc_per_row=True))
    merged_rows = sum(len(c.members) for c in clusters if len(c.members) > 1)
    assert merged_rows / len(acled_rows) < 0.02, merged_rows
