"""The actor dictionary: data files, schema check, alias index, fuzzy matching, dated roles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire.datafiles import data_path
from eventwire.errors import DataFileError
from eventwire.pipeline.common.actordict import (
    ActorDictionary,
    is_acronym,
    load_actor_dictionary,
    normalise,
)
from eventwire.pipeline.common.actorschema import check_file


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return load_actor_dictionary()


def _write(path: Path, records: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_packaged_files_pass_their_schema_check() -> None:
    manifest = json.loads(data_path("actors", "MANIFEST.json").read_text(encoding="utf-8"))
    paths = {entry["path"] for entry in manifest["files"]}
    assert {"states.jsonl", "groups.jsonl", "leaders.jsonl", "generic.jsonl"} <= paths
    for entry in manifest["files"]:
        assert {"name", "path", "version", "source", "licence"} <= set(entry)
        assert data_path("actors", entry["path"]).is_file()
        if entry["path"].endswith(".jsonl"):
            assert check_file(data_path("actors", entry["path"])) == []


def test_every_country_has_government_military_and_police(d: ActorDictionary) -> None:
    for code in ("IQ", "SY", "US", "NG", "HT", "PH"):
        assert {d.by_id[f"{code}-{k}"].inter for k in ("GOV", "MIL", "POL")} == {1}
    assert d.by_id["PH-MIL"].name == "Military Forces of the Philippines"
    assert len(d.country_names) > 240


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("ISIS", "ISIS"),
        ("ISIL", "ISIS"),
        ("Islamic State", "ISIS"),
        ("Daesh", "ISIS"),
        ("Da'ish", "ISIS"),
        ("Hezbollah", "LB-HEZ"),
        ("Hizbullah", "LB-HEZ"),
        ("Ansar Allah", "YE-HOUTHI"),
        ("al-Shabaab", "SO-SHABAAB"),
        ("Boko Haram", "NG-BH"),
        ("Popular Mobilization Forces", "IQ-PMF"),
        ("Hashd al-Shaabi", "IQ-PMF"),
        ("Kurdish regional government", "IQ-KRG"),
        ("US-led coalition", "CJTF-OIR"),
        ("Wagner", "RU-WAGNER"),
        ("Africa Corps", "RU-WAGNER"),
        ("M23", "CD-M23"),
        ("Maliki", "IQ-MALIKI"),
        ("al-Maliki", "IQ-MALIKI"),
        ("Taliban", "AF-TALIBAN"),
    ],
)
def test_alias_lookup(d: ActorDictionary, text: str, actor_id: str) -> None:
    entry = d.lookup(text)
    assert entry is not None and entry.id == actor_id


def test_acronyms_match_only_in_upper_case(d: ActorDictionary) -> None:
    assert is_acronym("IS") and not is_acronym("Islamic State")
    assert d.lookup("IS") is not None
    assert d.lookup("is") is None


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [("Nouri al-Malki", "IQ-MALIKI"), ("Hezbolah", "LB-HEZ"), ("Shabaab", "SO-SHABAAB")],
)
def test_fuzzy_matches_transliterations(d: ActorDictionary, text: str, actor_id: str) -> None:
    match = d.fuzzy(text)
    assert match is not None and match[0].id == actor_id and match[1] >= 88


def test_fuzzy_rejects_unrelated_names(d: ActorDictionary) -> None:
    assert d.fuzzy("Springfield Rotary Club") is None


def test_normalise_drops_articles_apostrophes_and_accents() -> None:
    assert normalise("Da'ish") == normalise("Daish") == "daish"
    assert normalise("Nuri al-Maliki") == "nuri maliki"
    assert normalise("Türkiye") == "turkiye"


def test_roles_are_date_bounded(d: ActorDictionary) -> None:
    maliki = d.by_id["IQ-MALIKI"]
    role = maliki.role_on(date(2010, 1, 1))
    assert role is not None and role.actor == "IQ-GOV"
    assert maliki.role_on(date(2003, 1, 1)) is None
    assert maliki.role_on(date(2020, 1, 1)) is None  # long after the term, no grace
    assert maliki.role_on(date(2014, 12, 10)) is not None  # shortly after: reports look back
    assert maliki.role_on(date(2014, 12, 10), grace_days=0) is None
    sisi = d.by_id["EG-SISI"]
    assert [sisi.role_on(date(y, 1, 1)).actor for y in (2013, 2016)] == ["EG-MIL", "EG-GOV"]


def test_government_periods(d: ActorDictionary) -> None:
    assert d.period("IQ", date(2016, 5, 1)) == "2014-"  # as named at the time
    assert d.period("IQ", date(2016, 5, 1), closed=True) == "2014-2018"
    assert d.period("IQ", date(2014, 12, 1), closed=True) == "2006-2014"  # change-over year
    assert d.period("UA", date(2020, 5, 1)) == "2019-"
    assert d.period("ZZ", date(2020, 5, 1)) is None


def test_check_file_reports_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad.jsonl",
        [
            {"id": "OK", "name": "Ok", "type": "rebel", "provenance": "test", "inter": 2},
            "{not json",
            {"id": "B", "name": "B", "type": "rebel", "provenance": "t", "inter": 9},
            {"id": "OK", "name": "Dup", "type": "rebel", "provenance": "t", "country": "Iraq"},
            {
                "id": "P",
                "name": "P",
                "type": "person",
                "provenance": "t",
                "roles": [{"actor": "IQ-GOV", "start": "2010-01-01", "end": "2005-01-01"}],
            },
        ],
    )
    problems = check_file(path)
    text = "\n".join(problems)
    assert f"{path}:2: invalid JSON" in text
    assert f"{path}:3: 'inter' must be an ACLED inter code" in text
    assert f"{path}:4: duplicate id 'OK' (first on line 1)" in text
    assert f"{path}:4: 'country' must be an ISO 3166-1 alpha-2 code" in text
    assert f"{path}:5: roles[0] ends" in text


def test_user_file_overrides_builtin_actor(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "mine.jsonl",
        [
            {
                "id": "LB-HEZ",
                "name": "Hezbollah (our coding)",
                "aliases": ["Party of God"],
                "inter": 3,
                "country": "LB",
                "type": "militia",
                "religion": "Shia",
                "provenance": "test",
            },
            {
                "id": "X-NEW",
                "name": "Night Riders",
                "aliases": ["Night Riders"],
                "inter": 3,
                "country": "IQ",
                "type": "militia",
                "provenance": "test",
            },
        ],
    )
    d = load_actor_dictionary([user])
    assert d.by_id["LB-HEZ"].name == "Hezbollah (our coding)"
    assert d.lookup("Hezbollah").inter == 3
    assert d.lookup("Party of God").id == "LB-HEZ"
    assert d.lookup("night riders").id == "X-NEW"
    assert load_actor_dictionary().by_id["LB-HEZ"].inter == 2  # built-ins untouched


def test_broken_user_file_raises_with_code(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.jsonl", ["{oops"])
    with pytest.raises(DataFileError, match="EW-ACT-002"):
        load_actor_dictionary([bad])
    with pytest.raises(DataFileError, match="EW-ACT-003"):
        load_actor_dictionary([tmp_path / "missing.jsonl"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.dictionaries(
                st.text(max_size=8),
                st.one_of(
                    st.none(),
                    st.integers(),
                    st.text(max_size=8),
                    st.lists(st.text(max_size=5), max_size=3),
                ),
                max_size=6,
            ).map(json.dumps),
        ),
        max_size=8,
    )
)
def test_check_file_never_crashes_on_untrusted_input(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.jsonl"
    path.write_text("\n".join(line.replace("\n", " ") for line in lines), encoding="utf-8")
    problems = check_file(path)
    assert all(isinstance(p, str) and p.startswith(str(path)) for p in problems)


def test_cli_dict_check(tmp_path: Path) -> None:
    from eventwire.cli import app

    runner = CliRunner()
    good = str(data_path("actors", "groups.jsonl"))
    result = runner.invoke(app, ["dict", "check", good])
    assert result.exit_code == 0, result.output
    bad = _write(
        tmp_path / "bad.jsonl",
        [
            {
                "id": "Z",
                "name": "Z",
                "type": "person",
                "provenance": "t",
                "roles": [{"actor": "NOPE"}],
            }
        ],
    )
    result = runner.invoke(app, ["dict", "check", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl:1: refers to unknown actor id 'NOPE'" in result.output


def test_cli_dict_lookup() -> None:
    from eventwire.cli import app

    result = CliRunner().invoke(app, ["dict", "lookup", "Iraqi security forces"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["actor_id"] == "IQ-MIL" and record["inter"] == 1
