"""Country of a report that names no place, from the peoples, parties, movements, local
militias and politicians it names (data/actors/homes.csv; issue 17).

The example texts are our own writing.
"""

from __future__ import annotations

import csv
from collections.abc import Callable

import pycountry
import pytest

from eventwire.config import Settings
from eventwire.datafiles import data_path
from eventwire.pipeline.base import Resources, registered_stages
from eventwire.pipeline.common.actordict import load_actor_dictionary, normalise
from eventwire.pipeline.places.gazetteer.cues import find_actor_cues
from eventwire.records import Document

KINDS = {"people", "party", "movement", "militia", "politician"}


def _rows() -> list[dict[str, str]]:
    text = data_path("actors", "homes.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")))


def test_homes_file_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 400  # broad: many countries, not only a few
    keys = [normalise(r["term"]) for r in rows]
    assert len(keys) == len(set(keys)), "a term is listed twice"
    countries: set[str] = set()
    for row in rows:
        assert row["kind"] in KINDS, row
        codes = row["countries"].split()
        assert codes, row
        assert len(codes) == len(set(codes)), row
        for cc in codes:
            assert cc == "EH" or pycountry.countries.get(alpha_2=cc) is not None, row
        countries.update(codes)
    assert len(countries) >= 60


def test_party_militia_and_plural_people_vote_for_their_country() -> None:
    actors = load_actor_dictionary()
    assert find_actor_cues("Police battled Mungiki members at dawn.", actors).votes == {"KE": 1.0}
    votes = find_actor_cues("Youths from the Kisiis burnt homes of the Maasais.", actors).votes
    assert votes.most_common(1)[0][0] == "KE"
    assert votes["TZ"] < votes["KE"]  # Maasai live in Kenya and Tanzania: a shared vote
    # a party named twice votes once; a lower-case word is no name
    votes = find_actor_cues("KANU supporters met KANU rivals; the narc word.", actors).votes
    assert votes == {"KE": 1.0}


def test_people_of_several_countries_give_no_single_vote() -> None:
    actors = load_actor_dictionary()
    votes = find_actor_cues("Tuareg herders were attacked.", actors).votes
    assert set(votes) >= {"ML", "NE"}
    assert max(votes.values()) < 0.5


@pytest.fixture(scope="module")
def country_of(settings: Settings, resources: Resources) -> Callable[[str], str | None]:
    reg = registered_stages()
    structure = reg["eventwire.structure.v1"](settings, resources)
    nlp = reg["eventwire.nlp.v1"](settings, resources)
    places = reg["eventwire.places.v1"](settings, resources)

    def run(text: str) -> str | None:
        return places(nlp(structure(Document(text=text)))).country

    return run


def test_report_without_place_takes_the_home_country(
    country_of: Callable[[str], str | None],
) -> None:
    assert country_of("Supporters of ODM and PNU clashed after the rally.") == "KE"
    assert country_of("Imbonerakure members beat two opposition activists.") == "BI"
    assert country_of("Fighters of the Gaitanistas killed a farmer.") == "CO"
    assert country_of("Police dispersed a crowd of angry traders.") is None
