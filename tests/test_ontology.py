"""Ontology and lexicon data files: schema checks and crosswalk."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from eventwire.datafiles import data_path, data_versions
from eventwire.errors import DataFileError
from eventwire.ontology import load_ontology, parse_ontology
from eventwire.pipeline.events.triggers import (
    inflections,
    load_lexicon,
    parse_lexicon,
    split_phrase,
)

ACLED_TYPES = {
    "Battles": 3,
    "Explosions/Remote violence": 6,
    "Violence against civilians": 3,
    "Protests": 3,
    "Riots": 2,
    "Strategic developments": 8,
}


def _docs() -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        yaml.safe_load(data_path("ontology", "plover.yaml").read_text(encoding="utf-8")),
        yaml.safe_load(data_path("ontology", "acled.yaml").read_text(encoding="utf-8")),
    )


def test_all_25_acled_sub_types_with_crosswalk() -> None:
    onto = load_ontology()
    assert len(onto.sub_types) == 25
    counts: dict[str, int] = {}
    for cw in onto.sub_types.values():
        counts[cw.acled_event_type] = counts.get(cw.acled_event_type, 0) + 1
        assert cw.plover_type in onto.plover
        assert cw.cameo_root.isdigit()
    assert counts == ACLED_TYPES


def test_violent_types() -> None:
    onto = load_ontology()
    assert onto.is_violent("Battles") and onto.is_violent("Riots")
    assert not onto.is_violent("Protests") and not onto.is_violent(None)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda p, a: a["event_types"]["Battles"]["sub_event_types"].pop("Armed clash"),
        lambda p, a: a["event_types"]["Riots"]["sub_event_types"]["Mob violence"].update(
            plover_type="NOPE"
        ),
        lambda p, a: a["event_types"]["Riots"]["sub_event_types"]["Mob violence"].update(
            plover_mode="flying"
        ),
        lambda p, a: p["types"]["ASSAULT"].pop("cameo_root"),
        lambda p, a: p["types"]["ASSAULT"]["mode_roots"].update(dogfight="19"),
        lambda p, a: p["retired"].update(BRAWL={"use": "SKIRMISH"}),
        lambda p, a: p["retired"].update(ASSAULT={"use": "COERCE"}),
    ],
    ids=[
        "missing-sub-type",
        "unknown-plover",
        "unknown-mode",
        "no-cameo",
        "mode-root-of-no-mode",
        "retired-to-unknown",
        "retired-name-still-current",
    ],
)
def test_broken_ontology_is_rejected(mutate: Any) -> None:
    plover, acled = (copy.deepcopy(d) for d in _docs())
    mutate(plover, acled)
    with pytest.raises(DataFileError):
        parse_ontology(plover, acled)


def test_lexicon_loads_and_every_frame_maps_to_the_ontology() -> None:
    lex = load_lexicon()
    onto = load_ontology()
    for frame in lex.frames.values():
        assert frame.plover in onto.plover
        assert frame.acled is None or frame.acled in onto.sub_types
    assert {e.frame for e in lex.entries} <= set(lex.frames)


def test_broken_lexicon_is_rejected() -> None:
    triggers = yaml.safe_load(data_path("lexicon", "triggers.yaml").read_text(encoding="utf-8"))
    context = yaml.safe_load(data_path("lexicon", "context.yaml").read_text(encoding="utf-8"))
    modality = yaml.safe_load(data_path("lexicon", "modality.yaml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(triggers)
    bad["triggers"].append({"frame": "no-such-frame", "words": ["x"]})
    with pytest.raises(DataFileError):
        parse_lexicon(bad, context, modality)
    bad = copy.deepcopy(triggers)
    bad["frames"]["clash"]["acled"] = "Clashy clash"
    with pytest.raises(DataFileError):
        parse_lexicon(bad, context, modality)
    bad = copy.deepcopy(triggers)
    bad["triggers"].append({"frame": "clash", "words": [True]})  # YAML's bare `on`
    with pytest.raises(DataFileError):
        parse_lexicon(bad, context, modality)


def test_manifests_list_versions() -> None:
    versions = data_versions()
    for name in (
        "ontology.plover",
        "ontology.acled",
        "lexicon.triggers",
        "lexicon.context",
        "lexicon.modality",
    ):
        assert name in versions


def test_split_phrase_and_inflections() -> None:
    assert split_phrase("sit-in") == ("sit", "-", "in")
    assert {"stabbed", "stabbing", "stabs"} <= inflections("stab")
    assert {"carries", "carried"} <= inflections("carry")
    assert "shot" in inflections("shoot", {"shoot": ("shot",)})
