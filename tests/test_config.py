"""Settings, per-stage option dataclasses, and the environment read only in config.py."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from eventwire.config import (
    STAGE_OPTION_TYPES,
    ActorsOptions,
    CasualtiesOptions,
    DatesOptions,
    DedupOptions,
    PlacesOptions,
    ScaleOptions,
    Settings,
    build_options,
    data_home,
    gazetteer_extra_files,
    load_settings,
    review_token_from_env,
)
from eventwire.errors import ConfigError

SRC = Path(__file__).resolve().parent.parent / "src" / "eventwire"


def test_options_are_frozen_dataclasses_built_from_the_table() -> None:
    opts = build_options(DatesOptions, {"numeric_order": "DMY", "habitual_window_days": 90})
    assert opts == DatesOptions(numeric_order="DMY", habitual_window_days=90)
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.numeric_order = "MDY"  # type: ignore[misc]
    assert build_options(DatesOptions, None) == DatesOptions() == build_options(DatesOptions, {})
    # lists from TOML become tuples; ints stay ints in float options (as before)
    cas = build_options(CasualtiesOptions, {"lethal_types": ["ASSAULT", "COERCE"]})
    assert cas.lethal_types == ("ASSAULT", "COERCE")
    dedup = DedupOptions.from_mapping({"km_precision1": 5, "merge_modalities": ["asserted"]})
    assert dedup.km_precision1 == 5 and type(dedup.km_precision1) is int
    assert dedup.merge_modalities == ("asserted",)
    # paths from Python are as good as strings from TOML
    assert build_options(PlacesOptions, {"index": Path("/g.npz")}).index == Path("/g.npz")


def test_an_unknown_option_key_names_the_stage_the_key_and_the_known_keys() -> None:
    with pytest.raises(ConfigError) as info:
        build_options(ActorsOptions, {"coref": False, "fuzy": False})
    message = str(info.value)
    assert info.value.code == "EW-CFG-013"
    assert "'fuzy'" in message and "eventwire.actors.v1" in message
    assert "known: acled_roles, coref, fill_from_parse, fuzzy" in message


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        (DatesOptions, {"habitual_window_days": "180"}),
        (DatesOptions, {"habitual_window_days": True}),
        (ActorsOptions, {"coref": "false"}),
        (CasualtiesOptions, {"lethal_types": "ASSAULT"}),
        (CasualtiesOptions, {"lethal_types": ["ASSAULT", 3]}),
        (PlacesOptions, {"index": 3}),
        (DedupOptions, {"min_similarity": "high"}),
    ],
)
def test_a_wrong_option_type_is_a_coded_error(
    cls: type[DatesOptions], values: dict[str, object]
) -> None:
    key = next(iter(values))
    with pytest.raises(ConfigError, match=rf"EW-CFG-014.*'{key}'.*{re.escape(cls.STAGE)}"):
        build_options(cls, values)


def test_settings_check_the_tables_of_known_stages_when_built() -> None:
    with pytest.raises(ConfigError, match="EW-CFG-013"):
        Settings(stage_options={"eventwire.dates.v1": {"use_dateparsr": False}})
    with pytest.raises(ConfigError, match="EW-CFG-014"):
        load_settings(config_file=None, env={}, stage_options={"eventwire.scale": "out/"})
    # a plugin's own stage keeps whatever it likes
    plugin = Settings(stage_options={"acme.geocoder.v2": {"anything": 1}})
    assert plugin.options("acme.geocoder.v2") == {"anything": 1}
    custom = Settings(stage_options={"eventwire.scale": {"parquet_dir": "out/"}})
    assert custom.options_of(ScaleOptions) == ScaleOptions(parquet_dir="out/")
    assert Settings().options_of(PlacesOptions) == PlacesOptions()


def test_options_from_a_toml_file(tmp_path: Path) -> None:
    config = tmp_path / "eventwire.toml"
    config.write_text(
        '[eventwire]\ndb = "x.duckdb"\n'
        '[eventwire.stage_options."eventwire.dates.v1"]\nnumeric_order = "DMY"\n',
        encoding="utf-8",
    )
    assert load_settings(config, env={}).options_of(DatesOptions).numeric_order == "DMY"
    config.write_text(
        '[eventwire.stage_options."eventwire.dates.v1"]\nnumeric_ordre = "DMY"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="numeric_ordre"):
        load_settings(config, env={})


def test_every_built_in_option_class_is_registered_and_frozen() -> None:
    for stage, cls in STAGE_OPTION_TYPES.items():
        assert stage == cls.STAGE
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        assert build_options(cls, {}) == cls()


# ---------------------------------------------------------------- environment


def test_area_point_comes_from_the_environment_and_the_option_wins() -> None:
    assert load_settings(config_file=None, env={}).area_point is None
    settings = load_settings(config_file=None, env={"EVENTWIRE_AREA_POINT": "centroid"})
    assert settings.area_point == "centroid"


def test_places_stage_area_point_precedence(settings: Settings) -> None:
    from eventwire.pipeline.base import Resources
    from eventwire.pipeline.places.stage import make_places_stage

    resources = Resources(settings)
    point = make_places_stage(settings, resources).area_point  # type: ignore[attr-defined]
    assert point == "seat"
    by_env = settings.replace(area_point="centroid")
    assert make_places_stage(by_env, resources).area_point == "centroid"  # type: ignore[attr-defined]
    by_option = by_env.replace(stage_options={"eventwire.places.v1": {"area_point": "seat"}})
    assert make_places_stage(by_option, resources).area_point == "seat"  # type: ignore[attr-defined]


def test_environment_helpers() -> None:
    assert data_home({"EVENTWIRE_DATA_DIR": "/d", "XDG_DATA_HOME": "/x"}) == Path("/d")
    assert data_home({"XDG_DATA_HOME": "/x"}) == Path("/x/eventwire")
    assert data_home({}) == Path.home() / ".local" / "share" / "eventwire"
    extra = {"EVENTWIRE_GAZETTEER_EXTRA": f"/a.csv{os.pathsep} {os.pathsep}/b.csv"}
    assert gazetteer_extra_files(extra) == [Path("/a.csv"), Path("/b.csv")]
    assert gazetteer_extra_files({}) == []
    assert review_token_from_env({"EVENTWIRE_REVIEW_TOKEN": "t"}) == "t"
    assert review_token_from_env({}) is None


def test_the_environment_is_read_only_in_config_py() -> None:
    # typer's envvar= reads the environment too
    pattern = re.compile(r"\bos\.environ\b|\bgetenv\b|\bputenv\b|from os import .*environ|envvar=")
    offenders = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "config.py" or path.parent != SRC
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], "read environment variables in eventwire/config.py only"
    assert pattern.search((SRC / "config.py").read_text(encoding="utf-8"))  # the check can fail
