"""The one checked loader of the YAML data files, the MANIFESTs and the word lists."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from eventwire import datafiles
from eventwire.datafiles import (
    check_keys,
    data_dir,
    data_path,
    read_data_file,
    word_table,
    word_tuple,
    words,
)
from eventwire.errors import DataFileError
from eventwire.pipeline.common.cues import load_cues

SRC = Path(datafiles.__file__).resolve().parent
PACKAGED_YAML = sorted(data_dir().glob("*/*.yaml"))
WORD_AREAS = sorted(p.parent.name for p in data_dir().glob("*/words.yaml"))


def _manifest(area: str) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = json.loads(data_path(area, "MANIFEST.json").read_text())["files"]
    return files


@pytest.mark.parametrize("path", PACKAGED_YAML, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_packaged_yaml_passes_the_loader(path: Path) -> None:
    raw = read_data_file(path)
    listed = {e["path"]: e["version"] for e in _manifest(path.parent.name)}
    assert listed[path.name] == raw["version"]


def test_every_manifest_entry_is_complete_and_names_are_unique() -> None:
    names: list[str] = []
    for manifest in sorted(data_dir().glob("*/MANIFEST.json")):
        for entry in _manifest(manifest.parent.name):
            assert {"name", "path", "version", "source", "licence"} <= set(entry), entry
            built = entry["path"].startswith("(")  # the gazetteer index is built at first use
            assert built or (manifest.parent / entry["path"]).is_file(), entry
            names.append(entry["name"])
    assert len(names) == len(set(names))
    assert set(names) | {"pipeline"} == set(datafiles.data_versions())


# -- broken files get coded errors naming the file, the key and what was expected ----------
MANIFEST = {"files": [{"name": "t", "path": "words.yaml", "version": "1.0"}]}
BROKEN: list[tuple[str, str, dict[str, Any], str]] = [
    ("version: '1.0'\nwords: [a, b\n", "EW-DAT-003", {}, r"unreadable data file"),
    ("- a\n- b\n", "EW-DAT-004", {}, r"top level must be a mapping, got list"),
    ("words: [a]\n", "EW-DAT-005", {}, r"key 'version' is missing \(expected a string\)"),
    ("version: 1.0\n", "EW-DAT-006", {}, r"key 'version' must be a string, got 1\.0"),
    ("version: '1.0'\n", "EW-DAT-005", {"words": list}, r"key 'words' is missing"),
    ("version: '1.0'\nwords: on\n", "EW-DAT-006", {"words": list}, r"'words' must be a list"),
    ("version: '1.0'\nn: yes\n", "EW-DAT-006", {"n": int}, r"'n' must be an integer, got True"),
    ("version: '1.0'\nt: x\n", "EW-DAT-006", {"t": dict}, r"'t' must be a mapping, got 'x'"),
    (
        "version: '2.0'\n",
        "EW-DAT-008",
        {},
        r"'version' is '2\.0' but .*MANIFEST\.json lists '1\.0'",
    ),
]


@pytest.mark.parametrize(("text", "code", "required", "message"), BROKEN)
def test_broken_files_get_coded_errors(
    tmp_path: Path, text: str, code: str, required: dict[str, type], message: str
) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    manifest = tmp_path / "MANIFEST.json"
    manifest.write_text(json.dumps(MANIFEST), encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        read_data_file(path, required, manifest=manifest)
    assert info.value.code == code
    assert str(path) in str(info.value)  # a user file is named by its path


def test_a_file_the_manifest_does_not_list(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text("version: '1.0'\n", encoding="utf-8")
    manifest = tmp_path / "MANIFEST.json"
    manifest.write_text(json.dumps(MANIFEST), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"other\.yaml: not listed") as info:
        read_data_file(path, manifest=manifest)
    assert info.value.code == "EW-DAT-007"


def test_missing_file_and_unversioned_user_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        read_data_file(tmp_path / "gone.yaml")
    assert info.value.code == "EW-DAT-003" and "gone.yaml" in str(info.value)
    user = tmp_path / "mine.yaml"
    user.write_text("triggers: []\n", encoding="utf-8")
    assert read_data_file(user, {"triggers": list}, versioned=False) == {"triggers": []}
    # a user file with a version is not held to any MANIFEST
    user.write_text("version: 'mine'\n", encoding="utf-8")
    assert read_data_file(user)["version"] == "mine"


def test_the_loaders_go_through_the_checked_loader(tmp_path: Path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("- say\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_cues(path)
    assert info.value.code == "EW-DAT-004"


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@given(value=YAML_VALUES, kind=st.sampled_from([list, dict, str, int]))
def test_any_value_either_passes_or_gets_a_type_error(value: Any, kind: type) -> None:
    raw = {"version": "1", "key": value}
    try:
        check_keys(raw, {"key": kind}, "x.yaml")
    except DataFileError as exc:
        assert exc.code == "EW-DAT-006" and "x.yaml: key 'key' must be" in str(exc)
        assert not isinstance(value, kind) or isinstance(value, bool)
    else:
        assert isinstance(value, kind) and not isinstance(value, bool)


@given(value=YAML_VALUES)
def test_any_yaml_document_is_read_or_refused_with_a_code(value: Any) -> None:
    text = yaml.safe_dump(value)
    path = Path(f"/tmp/eventwire-datafile-{abs(hash(text))}.yaml")
    path.write_text(text, encoding="utf-8")
    try:
        raw = read_data_file(path, {"words": list})
    except DataFileError as exc:
        assert exc.code in {"EW-DAT-004", "EW-DAT-005", "EW-DAT-006"}
        assert str(path) in str(exc)
    else:
        assert isinstance(raw["version"], str) and isinstance(raw["words"], list)
    finally:
        path.unlink()


# -- the word lists --------------------------------------------------------------------------
def _used_keys() -> Iterator[tuple[str, str]]:
    call = re.compile(r"\bword(?:s|_tuple|_table)\(\s*\"(\w+)\",\s*\"(\w+)\"\s*\)")
    for module in SRC.rglob("*.py"):
        for match in call.finditer(module.read_text(encoding="utf-8")):
            yield match.group(1), match.group(2)


@pytest.mark.parametrize("area", WORD_AREAS)
def test_every_word_list_is_words_and_is_used(area: str) -> None:
    raw = read_data_file(data_path(area, "words.yaml"))
    used = {key for a, key in _used_keys() if a == area}
    lists = set(raw) - {"version"}
    assert lists == used, f"{area}/words.yaml: unused {lists - used}, missing {used - lists}"
    for key in lists:
        if isinstance(raw[key], dict):
            assert word_table(area, key)
        else:
            assert words(area, key) and len(word_tuple(area, key)) == len(set(raw[key]))


def test_word_lists_keep_their_types() -> None:
    from eventwire.pipeline.actors.compose import STATE_UNIT_WORDS
    from eventwire.pipeline.actors.stage import ANAPHORS
    from eventwire.pipeline.attribution.reporting import _ARTICLES

    assert isinstance(STATE_UNIT_WORDS, frozenset) and "battalion" in STATE_UNIT_WORDS
    assert ANAPHORS["the rebels"] == frozenset({"rebel", "militia"}) and ANAPHORS["they"] == set()
    assert _ARTICLES == ("the", "a", "an")  # ordered lists keep the file's order
    # YAML 1.1 would read a bare on/no as a boolean: the lists quote every word
    assert "on" in words("gazetteer", "strong_cues")


@pytest.fixture
def word_area(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    area = tmp_path / "demo"
    area.mkdir()
    (area / "MANIFEST.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    monkeypatch.setattr(datafiles, "data_dir", lambda: tmp_path)
    datafiles._word_file.cache_clear()
    yield area / "words.yaml"
    datafiles._word_file.cache_clear()


@pytest.mark.parametrize(
    ("text", "call", "message"),
    [
        ("version: '1.0'\n", words, r"demo/words\.yaml: key 'nouns' is missing"),
        ("version: '1.0'\nnouns: [a, '']\n", words, r"'nouns' must be a list of non-empty"),
        ("version: '1.0'\nnouns: [a, 3]\n", word_tuple, r"'nouns' must be a list of non-empty"),
        ("version: '1.0'\nnouns: [a]\n", word_table, r"'nouns' must be a mapping"),
        ("version: '1.0'\nnouns: {a: b}\n", word_table, r"key nouns\.a must be a list"),
    ],
)
def test_broken_word_lists_get_coded_errors(
    word_area: Path, text: str, call: Any, message: str
) -> None:
    word_area.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        call("demo", "nouns")
    assert info.value.code in {"EW-DAT-005", "EW-DAT-006"}


def test_a_good_word_area(word_area: Path) -> None:
    word_area.write_text("version: '1.0'\nnouns: [b, a, b]\nt: {x: [y]}\n", encoding="utf-8")
    assert words("demo", "nouns") == {"a", "b"}
    assert word_tuple("demo", "nouns") == ("b", "a", "b")
    assert word_table("demo", "t") == {"x": ("y",)}
