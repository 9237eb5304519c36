"""Evaluation core and the ``eventwire eval`` command (on our own tiny gold files)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire.errors import InputError
from eventwire.evaluate.scoring import (
    UNKNOWN,
    GoldRow,
    Report,
    _acled_row,
    _gtd_row,
    country_code,
    evaluate,
    haversine_km,
    read_gold,
    score_row,
)
from eventwire.evaluate.split import (
    PARTS,
    country_held_out,
    part_of,
    split_of,
    stratified_sample,
    year_held_out,
)
from eventwire.records import Actor, Document, Event, Fatalities, Place, Span, When

ACLED_ROWS = [
    {
        "id": "own-1",
        "text": "On 2 March, soldiers and rebels clashed near Kalema; two rebels were killed.",
        "date_iso": "2021-03-02",
        "gold": {
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "inter1": 1,
            "inter2": 2,
            "country": "Ivory Coast",
            "latitude": 5.0,
            "longitude": -4.0,
            "time_precision": 1,
            "fatalities": 2,
        },
        "text_shared_by_n_rows": 1,
    },
    {
        "id": "own-2",
        "text": "On 3 March, nurses protested outside the hospital over unpaid wages.",
        "date_iso": "2021-03-03",
        "gold": {
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "inter1": 6,
            "inter2": 0,
            "country": "Turkey",
            "latitude": 39.9,
            "longitude": 32.8,
            "time_precision": 1,
            "fatalities": 0,
        },
        "text_shared_by_n_rows": 2,
    },
]
GTD_ROW = {
    "id": "own-g1",
    "text": "03/05/2016: Gunmen kidnapped three engineers near a dam.",
    "date": "2016-03-05",
    "gold": {
        "iyear": 2016,
        "imonth": 3,
        "iday": 5,
        "country_txt": "Iraq",
        "attacktype1_txt": "Hostage Taking (Kidnapping)",
        "latitude": 33.0,
        "longitude": 44.0,
        "nkill": 0,
    },
}


def _write(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _event(doc_id: str, sub: str, etype: str, **kw: Any) -> Event:
    return Event(
        doc_id=doc_id,
        trigger=Span(0, 1, "trigger", "x"),
        sentence_index=0,
        plover_type="ASSAULT",
        acled_event_type=etype,
        acled_sub_event_type=sub,
        **kw,
    )


def test_haversine_and_country() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert 110 < haversine_km(0, 0, 1, 0) < 112
    assert country_code("Ivory Coast") == "CI"
    assert country_code("Iraq") == "IQ"
    assert country_code("Democratic Republic of Congo") == "CD"
    assert country_code("Atlantis") is None


def test_read_gold_normalises_rows(tmp_path: Path) -> None:
    rows = list(read_gold(_write(tmp_path, ACLED_ROWS), "acled"))
    assert [r.id for r in rows] == ["own-1", "own-2"]
    assert rows[0].inter2 == 2 and rows[1].inter2 is None  # 0 = no second actor
    assert rows[0].published == date(2021, 3, 2) and rows[0].country == "CI"
    assert len(list(read_gold(_write(tmp_path, ACLED_ROWS), "acled", limit=1))) == 1
    gtd = next(iter(read_gold(_write(tmp_path, [GTD_ROW]), "gtd")))
    assert gtd.event_type == "Violence against civilians"
    assert gtd.sub_event_type == "Abduction/forced disappearance"
    assert gtd.date == date(2016, 3, 5) and gtd.inter1 is UNKNOWN


def test_dev_and_heldout_split_the_rows_stably(tmp_path: Path) -> None:
    rows = [{**ACLED_ROWS[0], "id": f"row-{i}"} for i in range(200)]
    path = _write(tmp_path, rows)
    dev = [r.id for r in read_gold(path, "acled", split="dev")]
    held = [r.id for r in read_gold(path, "acled", split="heldout")]
    assert sorted(dev + held) == sorted(r["id"] for r in rows) and not set(dev) & set(held)
    assert 40 <= len(held) <= 80  # about 30%
    assert held == [r.id for r in read_gold(path, "acled", split="heldout")]
    assert all(split_of(i) == "heldout" for i in held)
    with pytest.raises(InputError, match="unknown split"):
        list(read_gold(path, "acled", split="test"))


def test_read_gold_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(read_gold(tmp_path / "missing.jsonl", "acled"))
    with pytest.raises(InputError):
        list(read_gold(_write(tmp_path, ACLED_ROWS), "ucdp"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError):
        list(read_gold(bad, "acled"))


def test_score_row_counts_each_field() -> None:
    gold = GoldRow(
        id="g",
        text="t",
        published=date(2021, 3, 2),
        type_label="Battles",
        event_type="Battles",
        sub_event_type="Armed clash",
        inter1=1,
        inter2=2,
        lat=5.0,
        lon=-4.0,
        country="CI",
        date=date(2021, 3, 2),
        fatalities=2,
    )
    doc = Document(text="t")
    doc.events = [
        _event(
            doc.doc_id,
            "Attack",
            "Violence against civilians",
            actor1=Actor("soldiers", inter=1),
            actor2=Actor("rebels", inter=7),
            location=Place("Kalema", lat=5.1, lon=-4.0, country="CI"),
            date=When(start=date(2021, 3, 1), end=date(2021, 3, 3), precision="range"),
            fatalities=Fatalities(best=2),
        )
    ]
    report = Report("acled")
    row = score_row(report, gold, doc)
    f = report.fields
    assert f["coverage"].accuracy == 1.0
    # the dump row shows where the gold and the top event are, to read a place miss
    assert (row["gold"]["lat"], row["gold"]["lon"]) == (5.0, -4.0)
    assert row["pred"]["place"]["text"] == "Kalema" and row["pred"]["place"]["country"] == "CI"
    assert f["event_type"].accuracy == 0.0 and f["sub_event_type"].accuracy == 0.0
    assert f["inter1"].accuracy == 1.0 and f["inter2"].accuracy == 0.0
    assert f["location_25km"].accuracy == 1.0 and f["country"].accuracy == 1.0
    assert f["date_in_range"].accuracy == 1.0 and f["date"].accuracy == 0.0  # day precision
    assert f["fatalities"].accuracy == 1.0
    assert report.confusion["Battles"]["Violence against civilians"] == 1


def test_no_event_counts_as_miss() -> None:
    gold = GoldRow(
        id="g",
        text="t",
        published=None,
        type_label="Protests",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        inter2=None,
    )
    report = Report("acled")
    score_row(report, gold, Document(text="t"))
    assert report.fields["coverage"].accuracy == 0.0
    assert report.fields["inter2"].accuracy == 1.0  # none == none
    assert report.fields["inter2"].recall == 0.0  # no gold value to recall
    assert report.confusion["Protests"]["(none)"] == 1


def test_evaluate_with_a_stub_pipeline(tmp_path: Path) -> None:
    def stub(doc: Document) -> Document:
        doc.events = [_event(doc.doc_id, "Armed clash", "Battles")]
        return doc

    report = evaluate(read_gold(_write(tmp_path, ACLED_ROWS), "acled"), stub, "acled", True)
    data = report.as_dict()
    assert data["rows"] == 2 and len(report.rows) == 2
    assert data["fields"]["event_type"]["accuracy"] == 0.5
    assert data["per_class"]["Battles"]["recall"] == 1.0
    assert data["per_class"]["Protests"]["recall"] == 0.0


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "text", "date", "date_iso", "gold", "text_shared_by_n_rows"]),
        st.one_of(
            st.none(),
            st.integers(),
            st.text(max_size=12),
            st.floats(),
            st.booleans(),
            st.dictionaries(
                st.sampled_from(
                    [
                        "event_type",
                        "inter1",
                        "inter2",
                        "latitude",
                        "iyear",
                        "imonth",
                        "iday",
                        "country",
                        "country_txt",
                        "fatalities",
                        "nkill",
                        "attacktype1_txt",
                    ]
                ),
                st.one_of(st.none(), st.integers(), st.text(max_size=8), st.floats()),
            ),
        ),
    )
)
def test_untrusted_gold_rows_never_crash(raw: dict[str, Any]) -> None:
    for parse in (_acled_row, _gtd_row):
        row = parse(raw)
        assert isinstance(row.text, str)


def test_eval_command_json(tmp_path: Path) -> None:
    from eventwire.cli import app

    path = _write(tmp_path, ACLED_ROWS)
    stages = "eventwire.structure.v1,eventwire.nlp.v1,eventwire.events.v1,eventwire.finalize.v1"
    result = CliRunner().invoke(
        app,
        ["eval", "--gold", str(path), "--format", "acled", "--json"],
        env={"EVENTWIRE_STAGES": stages},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rows"] == 2
    assert data["fields"]["coverage"]["accuracy"] == 1.0
    assert data["fields"]["event_type"]["accuracy"] == 1.0


def _country_rows() -> list[dict[str, Any]]:
    countries = ["Atlantis", "Borduria", "Syldavia", "Freedonia", "Ruritania", "Elbonia"]
    return [
        {
            **ACLED_ROWS[0],
            "id": f"row-{i}",
            "date_iso": f"{2000 + i % 20}-05-0{1 + i % 9}",
            "gold": {**ACLED_ROWS[0]["gold"], "country": countries[i % len(countries)]},
        }
        for i in range(300)
    ]


def test_tune_and_check_hold_out_countries_years_and_ids(tmp_path: Path) -> None:
    path = _write(tmp_path, _country_rows())
    tune = list(read_gold(path, "acled", split="tune"))
    check = list(read_gold(path, "acled", split="check"))
    assert len(tune) + len(check) == 300 and not {r.id for r in tune} & {r.id for r in check}
    assert all(not country_held_out(r.country_name or "") for r in tune)
    assert all(not year_held_out(r.year or 0) and split_of(r.id) == "dev" for r in tune)
    assert year_held_out(2013) and year_held_out(2008) and not year_held_out(2020)
    parts = {part_of(r.id, r.country_name, r.year) for r in check}
    assert parts <= set(PARTS[1:]) and "check-year" in parts and "check-id" in parts
    assert part_of("x", None, None) == ("tune" if split_of("x") == "dev" else "check-id")


def test_stratified_sample_is_fixed_and_keeps_every_country(tmp_path: Path) -> None:
    path = _write(tmp_path, _country_rows())
    one = [r.id for r in read_gold(path, "acled", sample=30, seed=5)]
    assert one == [r.id for r in read_gold(path, "acled", sample=30, seed=5)]
    assert one != [r.id for r in read_gold(path, "acled", sample=30, seed=6)]
    assert 30 <= len(one) <= 36 and len(set(one)) == len(one)
    rows = list(read_gold(path, "acled", sample=30, seed=5))
    assert {r.country_name for r in rows} == {r["gold"]["country"] for r in _country_rows()}
    assert stratified_sample([1, 2, 3], 0, 1, str) == [1, 2, 3]  # 0: every row
    skewed = ["a"] * 90 + ["b"] * 9 + ["c"]
    picked = stratified_sample(skewed, 10, 1, lambda x: x)
    assert picked.count("c") == 1 and picked.count("a") == 9 and len(picked) == 11
    assert len(stratified_sample(skewed, 50, 1, lambda x: x)) == 50


def test_eval_cli_takes_tune_split_and_sample(tmp_path: Path) -> None:
    from eventwire.cli import app

    path = _write(tmp_path, _country_rows())
    result = CliRunner().invoke(
        app,
        ["eval", "--gold", str(path), "--format", "acled", "--split", "tune",
         "--sample", "4", "--seed", "2", "--json"],
        env={"EVENTWIRE_STAGES": "eventwire.structure.v1,eventwire.nlp.v1,eventwire.events.v1,"
             "eventwire.finalize.v1"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"] == 4
