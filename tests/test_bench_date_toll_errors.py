"""The date and toll error dumper (bench/date_toll_errors.py): its classes and comparisons, on
hand-made records (no corpus needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from date_toll_errors import by_region, compare, date_class, front_digest, misses, toll_class


def record(
    date_ok: bool = True,
    fat_ok: bool = True,
    pred_date: list[str] | None = None,
    pred_fat: int | None = 0,
    gold_fat: int = 0,
    text: str = "Gunmen attacked a village.",
    row_id: str = "r1",
) -> dict[str, Any]:
    return {
        "id": row_id,
        "country": "Kenya",
        "year": 2014,
        "gold": {"date": "2014-12-10", "fatalities": gold_fat, "event_type": "Battles"},
        "pred": {
            "date": pred_date or ["2014-12-10", "2014-12-10"],
            "fatalities": pred_fat,
            "event_type": "Battles",
            "trigger": "attacked",
        },
        "ok": {"date": date_ok, "fatalities": fat_ok},
        "shared_by": 1,
        "text": text,
    }


def test_date_classes_name_the_direction_and_the_wording() -> None:
    day = record(False, pred_date=["2014-12-09", "2014-12-09"], text="Raiders struck overnight.")
    assert date_class(day).startswith("day before by 1 | night")
    wide = record(False, pred_date=["2014-06-13", "2014-12-10"])
    assert date_class(wide) == "range holds gold (day wanted) [habitual?]"
    assert date_class(record(False, pred_date=["2014-11-01", "2014-11-30"])) == "range misses gold"


def test_toll_classes_name_the_error_and_the_wording() -> None:
    over = record(fat_ok=False, pred_fat=3, gold_fat=1, text="One man was killed, two injured.")
    assert toll_class(over) == "pred > gold | wounded"
    none = record(fat_ok=False, pred_fat=0, gold_fat=2, text="Police shoot protesters.")
    assert toll_class(none) == "pred 0, gold > 0 | no kill word"


def test_misses_keep_only_wrong_rows_and_compare_lists_fixed_and_broken(tmp_path: Path) -> None:
    rows = [
        record(row_id="a"),
        record(False, row_id="b", pred_date=["2014-12-01", "2014-12-01"]),
        record(fat_ok=False, row_id="c", pred_fat=2),
    ]
    wrong = misses(rows)
    assert [(r["id"], sorted(r["classes"])) for r in wrong] == [
        ("b", ["date"]),
        ("c", ["fatalities"]),
    ]
    before = tmp_path / "before.jsonl"
    before.write_text(json.dumps({"id": "a", "classes": {"date": "x"}}) + "\n")
    changes = compare(wrong, before)
    assert changes["date fixed"] == ["a"] and changes["date broken"] == ["b"]
    assert changes["fatalities broken"] == ["c"]


def test_the_cache_key_names_the_stages_before_dates() -> None:
    digest = front_digest()
    assert len(digest) == 12 and digest == front_digest()


def test_accuracy_per_region() -> None:
    rows = [record(), record(False, row_id="r2"), record(fat_ok=False, row_id="r3")]
    rows[2]["region"] = "Eastern Africa"
    table = by_region(rows)
    assert table["?"] == {"rows": 2, "date": 0.5, "fatalities": 1.0}
    assert table["Eastern Africa"] == {"rows": 1, "date": 1.0, "fatalities": 0.0}
