"""The incident benchmark's matcher and scorer (bench/incidents.py), on hand-made dicts, and
the well-formedness of its gold file (bench/incidents/reports.jsonl).

The gold file is checked only for shape (fields, types, dates, coordinates), never read for
its content: it is an evaluation set nobody tunes on.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.ontology import load_ontology
from incidents import (  # bench/incidents.py (bench/ is on sys.path, see conftest.py)
    REPORTS,
    Tally,
    date_gap,
    is_incident,
    match,
    match_score,
    merge_block,
    place_km,
    score_rows,
    write_labelled,
)

GOLD_FIELDS = {
    "event_type": str,
    "sub_event_type": str,
    "actor1": str,
    "inter1": int,
    "actor2": str,
    "inter2": int,
    "location": str,
    "country": str,
    "latitude": float,
    "longitude": float,
    "date": str,
    "fatalities": int,
}
# Rough bounding boxes (lat min, lat max, lon min, lon max) of the countries the set uses.
COUNTRY_BOUNDS = {
    "AF": (29, 39, 60, 75), "BF": (9, 15.5, -6, 2.5), "CD": (-14, 5.5, 12, 31.5),
    "CM": (1.5, 13.5, 8, 16.5), "CO": (-4.5, 13.5, -82, -66.5), "GN": (7, 13, -15.5, -7.5),
    "IQ": (29, 37.5, 38.5, 48.7), "ML": (10, 25.5, -12.5, 4.5), "MM": (9.5, 28.6, 92, 101.5),
    "MX": (14.5, 33, -118.5, -86.5), "MZ": (-27, -10.3, 30, 41), "NE": (11.5, 23.6, 0, 16),
    "NG": (4, 14, 2.6, 14.7), "PH": (4.5, 21.5, 116.5, 127), "PK": (23.5, 37.1, 60.8, 77.9),
    "SD": (8.5, 22.3, 21.8, 38.7), "SO": (-1.7, 12, 40.9, 51.5), "SY": (32.3, 37.4, 35.7, 42.4),
    "UA": (44.3, 52.4, 22.1, 40.3), "YE": (12, 19, 42.5, 54),
}  # fmt: skip


def incident(**fields: Any) -> dict[str, Any]:
    """A gold or predicted incident: an armed clash in Mopti on 3 March 2024 unless changed."""
    base: dict[str, Any] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "inter1": 2,
        "inter2": 1,
        "location": "Mopti",
        "latitude": 14.48,
        "longitude": -4.18,
        "date": "2024-03-03",
        "fatalities": 5,
    }
    return base | fields


def test_perfect_match_scores_one() -> None:
    t = Tally()
    t.add([incident()], [incident()])
    assert t.prf() == (1.0, 1.0, 1.0)
    assert all(t.accuracy(a) == 1.0 for a in ("event_type", "sub_event_type", "fatalities"))


def test_type_mismatch_fails_the_typed_match_but_not_the_loose_one() -> None:
    pred = incident(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert match([pred], [incident()]) == []
    assert match([pred], [incident()], typed=False) == [(0, 0)]
    t = Tally()
    t.add([pred], [incident()])
    assert (t.matched, t.matched_loose) == (0, 1)
    assert t.accuracy("event_type") == 0.0


def test_date_off_by_two_days_does_not_match_but_one_day_does() -> None:
    assert match([incident(date="2024-03-05")], [incident()]) == []
    assert match([incident(date="2024-03-04")], [incident()]) == [(0, 0)]
    assert date_gap(incident(date="2024-03-05"), incident()) == 2


def test_a_predicted_range_containing_the_gold_date_matches() -> None:
    pred = incident(date="2024-03-01", date_end="2024-03-10")
    assert date_gap(pred, incident()) == 0
    assert match([pred], [incident()]) == [(0, 0)]


def test_place_thirty_km_away_does_not_match() -> None:
    # 0.27 degrees of latitude is about 30 km
    far = incident(latitude=14.48 + 0.27)
    km = place_km(far, incident())
    assert km is not None and 29 < km < 31
    assert match([far], [incident()]) == []
    near = incident(latitude=14.48 + 0.1)  # about 11 km
    assert match([near], [incident()]) == [(0, 0)]


def test_same_place_name_stands_in_for_missing_coordinates() -> None:
    pred = incident(latitude=None, longitude=None, location="MOPTI")
    assert place_km(pred, incident()) == 0.0
    assert place_km(incident(latitude=None, location="Gao"), incident()) is None


def test_two_predictions_for_one_gold_incident_match_once() -> None:
    preds = [incident(date="2024-03-04", fatalities=2), incident(fatalities=5)]
    pairs = match(preds, [incident()])
    assert pairs == [(1, 0)]  # the exact date wins the greedy pick
    t = Tally()
    t.add(preds, [incident()])
    assert (t.predicted, t.matched) == (2, 1)
    p, r, _ = t.prf()
    assert (p, r) == (0.5, 1.0)
    assert t.accuracy("fatalities") == 1.0


def test_greedy_matching_is_one_to_one_across_two_gold_incidents() -> None:
    golds = [incident(), incident(location="Gao", latitude=16.27, longitude=-0.04)]
    preds = [incident(location="Gao", latitude=16.27, longitude=-0.04), incident()]
    assert match(preds, golds) == [(0, 1), (1, 0)]


def test_no_incident_article_with_a_false_event() -> None:
    t = Tally()
    t.add([incident()], [])
    t.add([], [])
    assert (t.empty_articles, t.empty_false, t.empty_with_false) == (2, 1, 1)
    assert t.prf() == (0.0, 0.0, 0.0)


def test_a_prediction_with_no_date_never_matches() -> None:
    assert match_score(incident(date=None), incident()) is None


def test_only_asserted_current_single_incidents_count() -> None:
    assert is_incident(incident())
    assert is_incident({"event_type": "Riots"})  # missing flags count as False
    assert not is_incident(incident(event_type=None))
    assert not is_incident(incident(modality="negated"))
    assert not is_incident(incident(background=True))
    assert not is_incident(incident(aggregate=True))


def test_attribute_accuracy_counts_missing_inter_as_zero() -> None:
    t = Tally()
    t.add([incident(inter2=None)], [incident(inter2=0)])
    t.add([incident(inter1=3)], [incident()])
    assert t.accuracy("inter2") == 1.0
    assert t.accuracy("inter1") == 0.5


def test_score_rows_adds_every_row_to_all_and_to_its_half() -> None:
    rows = [(f"row-{i}", [incident()], [incident()]) for i in range(20)]
    tallies = score_rows(rows)
    assert tallies["all"].articles == 20
    assert tallies["dev"].articles + tallies["heldout"].articles == 20


def test_merge_block_keeps_the_other_label() -> None:
    inner = merge_block("", "s-before", "old numbers")
    inner = merge_block(inner, "s-after", "new numbers")
    inner = merge_block(inner, "s-before", "before again")
    assert "before again" in inner and "new numbers" in inner
    assert "old numbers" not in inner
    assert inner.index("s-before:start") < inner.index("s-after:start")


# ---------------------------------------------------------------- the gold file's shape


def _rows() -> list[dict[str, Any]]:
    path = Path(REPORTS)
    if not path.is_file():
        pytest.skip("bench/incidents/reports.jsonl not present")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_reports_file_has_enough_articles_with_and_without_incidents() -> None:
    rows = _rows()
    assert len(rows) >= 45
    assert sum(1 for r in rows if not r["gold"]) >= 15
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert {"id", "text", "date", "source", "gold"} <= row.keys()
        assert len(row["text"].split()) >= 60, row["id"]
        date.fromisoformat(row["date"])


def test_every_gold_incident_is_well_formed() -> None:
    onto = load_ontology()
    for row in _rows():
        published = date.fromisoformat(row["date"])
        for gold in row["gold"]:
            where = f"{row['id']}: {gold}"
            for name, kind in GOLD_FIELDS.items():
                assert isinstance(gold.get(name), kind), f"{name} in {where}"
            assert gold["event_type"] in onto.event_types, where
            assert onto.acled_type(gold["sub_event_type"]) == gold["event_type"], where
            assert gold["inter1"] in range(1, 9) and gold["inter2"] in range(0, 9), where
            assert (gold["inter2"] == 0) == (gold["actor2"] == ""), where
            assert gold["fatalities"] >= 0, where
            day = date.fromisoformat(gold["date"])
            assert day <= published, where
            lat, lon = gold["latitude"], gold["longitude"]
            assert math.isfinite(lat) and -90 <= lat <= 90 and -180 <= lon <= 180, where
            lat0, lat1, lon0, lon1 = COUNTRY_BOUNDS[gold["country"]]
            assert lat0 <= lat <= lat1 and lon0 <= lon <= lon1, where


def test_write_labelled_keeps_the_before_table_and_other_sections(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text("# results\n\n## Other\n<!-- other:start -->\nkept\n<!-- other:end -->\n")
    write_labelled("sec", "Sec", "before", "B1", out, intro="INTRO-TEXT")
    write_labelled("sec", "Sec", "after", "A1", out, intro="INTRO-TEXT")
    write_labelled("sec", "Sec", "after", "A2", out, intro="INTRO-TEXT")
    text = out.read_text()
    assert "kept" in text and "B1" in text and "A2" in text and "A1" not in text
    assert text.count("## Sec") == 1 and text.count("INTRO-TEXT") == 1
    assert text.index("INTRO-TEXT") < text.index("B1") < text.index("A2")
