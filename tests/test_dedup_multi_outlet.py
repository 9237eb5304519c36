"""Canonical events from wire reports told by several outlets, through the whole pipeline.

tests/data/multi_outlet/wire_reports.jsonl is our own writing: several incidents each told by
two or three outlets in different words (toll updates, next-day claims, a province-level
version), and same-city same-day incidents that must stay apart. The bundled
examples/reports hold one Afgoye bombing told by three outlets.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import canonical
from dedup import recalled_labels  # bench/dedup.py (bench/ is on sys.path in tests)
from eventwire.dedup.score import bcubed
from eventwire.records import Document

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "tests" / "data" / "multi_outlet" / "wire_reports.jsonl"
EXAMPLES = ROOT / "examples" / "reports" / "wire.jsonl"
WIRE_B = WIRE.with_name("wire_reports_b.jsonl")
WIRE_C = WIRE.with_name("wire_reports_c.jsonl")
WIRE_D = WIRE.with_name("wire_reports_d.jsonl")
WIRE_E = WIRE.with_name("wire_reports_e.jsonl")
WIRE_F = WIRE.with_name("wire_reports_f.jsonl")
WIRE_G = WIRE.with_name("wire_reports_g.jsonl")
WIRE_H = WIRE.with_name("wire_reports_h.jsonl")  # dev since h18m (held out before)
WIRE_K = WIRE.with_name("wire_reports_k.jsonl")  # dev: first run 0.687 recall, one false merge
VIOLENT = ("explosives", "suicide", "kill", "clash", "firearms", "artillery", "aerial", "grenade")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _docs(run_text: Callable[..., Document], path: Path) -> list[Document]:
    return [
        run_text(
            r["text"],
            published=r["published"],
            source=r["source"],
            source_id=r["id"],
            title=r.get("title"),
        )
        for r in _rows(path)
    ]


def _gold_of_events(docs: list[Document], path: Path) -> dict[str, str]:
    """Each event's gold incident: its report's, or the old incident a background sentence
    of the report recalls (a row's "recalled" marks, as bench/dedup.py scores them)."""
    out: dict[str, str] = {}
    for doc, row in zip(docs, _rows(path), strict=True):
        recalled = recalled_labels(doc, row.get("recalled", []))
        out.update({e.event_id: recalled.get(e.event_id, row["incident"]) for e in doc.events})
    return out


@pytest.fixture(scope="module")
def wire_docs(run_text: Callable[..., Document]) -> list[Document]:
    return _docs(run_text, WIRE)


@pytest.fixture(scope="module")
def example_docs(run_text: Callable[..., Document]) -> list[Document]:
    return _docs(run_text, EXAMPLES)


def _by_source_id(docs: list[Document], records: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Source ids of the documents each canonical event draws on (violent ones)."""
    ids = {d.doc_id: d.source_id for d in docs}
    return {
        rec["canonical_id"]: {str(ids[r["doc_id"]]) for r in rec["reports"]}
        for rec in records
        if rec["plover_mode"] in VIOLENT
    }


def _largest(groups: dict[str, set[str]], source_id: str) -> str:
    """The canonical event holding most reports among those that draw on ``source_id``."""
    return max((c for c, ids in groups.items() if source_id in ids), key=lambda c: len(groups[c]))


def test_each_incident_once_with_its_sources_and_latest_toll(wire_docs: list[Document]) -> None:
    records = canonical(wire_docs)
    groups = _by_source_id(wire_docs, records)
    by_id = {r["canonical_id"]: r for r in records}
    djibo = _largest(groups, "wa-0303-djibo")
    assert groups[djibo] == {"sc-0302-djibo", "ap-0302-djibo", "wa-0303-djibo"}
    assert by_id[djibo]["n_sources"] == 3 and by_id[djibo]["fatalities"]["best"] == 11
    hotel = _largest(groups, "ho-1103-hotel")
    assert {"mw-1102-hotel", "ho-1103-hotel"} <= groups[hotel]
    assert by_id[hotel]["fatalities"]["best"] == 15  # "fifteen … up from twelve"
    kirkuk = _largest(groups, "lo-0609-kirkuk")
    assert "tw-0608-kirkuk" in groups[kirkuk]
    assert by_id[kirkuk]["fatalities"] == {"best": 5, "low": 3, "high": 5}
    assert by_id[kirkuk]["actor1"]["name"] == "Islamic State"  # the next-day claim fills it
    assert by_id[kirkuk]["actor1"]["claimed"] is True
    assert by_id[kirkuk]["merge_reasons"][1]["reasons"]


@pytest.mark.parametrize(
    "path",
    [
        WIRE,
        WIRE_B,
        WIRE_C,
        WIRE_D,
        WIRE_E,
        WIRE_F,
        WIRE_G,
        WIRE_H,
        WIRE_K,
    ],
    ids=["wire", "wire_b", "wire_c", "wire_d", "wire_e", "wire_f", "wire_g", "wire_h", "wire_k"],
)
def test_distinct_incidents_in_one_city_on_one_day_stay_apart(
    run_text: Callable[..., Document], path: Path
) -> None:
    docs = _docs(run_text, path)
    gold = _gold_of_events(docs, path)
    for rec in canonical(docs):
        if rec["plover_mode"] in VIOLENT:
            labels = {gold[r["event_id"]] for r in rec["reports"]}
            assert len(labels) == 1, labels  # never two incidents in one event


@pytest.mark.parametrize(
    ("path", "min_recall"),
    [
        (WIRE, 1.0),
        (WIRE_B, 1.0),
        (WIRE_C, 1.0),
        (WIRE_D, 1.0),
        (WIRE_E, 1.0),
        (WIRE_F, 1.0),
        (WIRE_G, 1.0),
        (WIRE_K, 0.88),
    ],
    ids=["wire", "wire_b", "wire_c", "wire_d", "wire_e", "wire_f", "wire_g", "wire_k"],
)
def test_bcubed_on_the_multi_outlet_sets(
    run_text: Callable[..., Document], path: Path, min_recall: float
) -> None:
    """Every incident once, distinct incidents never merged. wire_reports_d loses recall to
    places the geocoder reads in another country ("Masala" as Masally, Azerbaijan; "Orangi
    Town" as Orange, California; "the Somali capital" as Ethiopia's Somali region) and to a
    report with no place it can resolve ("Lyari"): 0.84 (bench/RESULTS.md). wire_reports_e
    loses recall to "Kolofata", which the geocoder does not find (its toll update then has
    no place), and to "Sagaing region" read as the town of Sagaing: 0.94 (its Aden claim,
    "…, a day after a car bomb killed…", is now kept and joins). wire_reports_f (first run
    0.72) loses recall to "Turkey" read for "near the border with Turkey", "Burkina Faso"
    for a report naming no place, and a toll update whose "Mamove" the geocoder lacks:
    0.87, then 0.92 once the Mamove toll update (no place, no named group) was left apart
    by a symmetric country check. wire_reports_d reaches 0.97 (the Beni toll update of
    "last week's ADF attack" joins by its group; "five traders" fit "five civilians").
    wire_reports_g (never tuned on until issue 18's sixth pass; 0.8161 with one wrong merge
    before it) loses "Two rangers" read as civilians against "paramilitary rangers" and the
    claim report's "Elwak" read in Somalia: 0.92. Issue 18's seventh pass: d and e reach 1.0
    ("Lyari" named by both Karachi reports, one with no place; the "Sagaing" region read as a
    district named like its province, which the gazetteer spells "Sagain" for Kanbalu) and g
    0.95 ("Two rangers" coded civilians and "two paramilitary rangers" a militia: one head
    noun); f 1.0 (a report joins a cluster through the member it links to when it
    contradicts none of the others: the Mamove toll update, placed nowhere, through the
    report naming the village; Azaz's "Turkey" report of eight dead through the toll
    update). Eighth pass: g 1.0 (a border twin, "Elwak", is no evidence of Somalia against
    Kenya's reports; tests/test_dedup_ninth.py checks the same set added one report at a
    time). Ninth pass: k (written before its first run: 0.687 with one false merge) 0.8824;
    its misses are per-report values (Beni read in Bolivia, "Junta jets" as a group, a
    claim in reported speech, bench/RESULTS.md), so the bound is 0.88."""
    wire_docs = _docs(run_text, path)
    gold_of = _gold_of_events(wire_docs, path)
    predicted: dict[str, str] = {}
    gold: dict[str, str] = {}
    for rec in canonical(wire_docs):
        if rec["plover_mode"] not in VIOLENT or rec["modality"] != "asserted":
            continue
        for report in rec["reports"]:
            predicted[report["event_id"]] = rec["canonical_id"]
            gold[report["event_id"]] = gold_of[report["event_id"]]
    precision, recall = bcubed(predicted, gold)
    assert precision == 1.0  # distinct incidents never merged
    assert recall >= min_recall, recall


def test_set_d_incidents_take_every_outlet_the_latest_toll_and_the_claim(
    run_text: Callable[..., Document],
) -> None:
    """A suicide bombing told by three outlets (a 'suspected Boko Haram' bomber, a toll that
    'climbed to 17 on Saturday', ISWAP's claim); a landmine blast whose toll 'has risen to
    nine'; a base attacked 'with explosives' and, in another paper, in an 'attack'."""
    docs = _docs(run_text, WIRE_D)
    records = canonical(docs)
    groups = _by_source_id(docs, records)
    by_id = {r["canonical_id"]: r for r in records}
    mosque = by_id[_largest(groups, "wa-0316-maiduguri")]
    assert groups[mosque["canonical_id"]] == {
        "sp-0315-maiduguri", "lc-0315-maiduguri", "wa-0316-maiduguri"
    }  # fmt: skip
    assert mosque["n_sources"] == 3 and mosque["fatalities"]["best"] == 17
    assert mosque["plover_mode"] == "suicide"
    assert mosque["actor1"]["id"] == "ISWAP" and mosque["actor1"]["claimed"] is True
    landmine = by_id[_largest(groups, "sub-1105-bijapur")]
    assert len(groups[landmine["canonical_id"]]) == 3 and landmine["fatalities"]["best"] == 9
    base = by_id[_largest(groups, "lp-0712-arauca")]
    assert groups[base["canonical_id"]] == {"an-0711-arauca", "lp-0712-arauca"}
    assert base["plover_mode"] == "explosives"
    reasons = [x for r in base["merge_reasons"] for x in r["reasons"]]
    assert any("names no weapon" in x for x in reasons), reasons


def test_set_e_claims_fill_actor1_and_same_city_incidents_stay_apart(
    run_text: Callable[..., Document],
) -> None:
    """wire_reports_e: the Pakistani Taliban 'said … it carried out Monday's bombing' and
    Islamic State Sahel Province 'said … its fighters were behind Tuesday's ambush' (each in
    its own next-day report) fill actor1, marked claimed; a bus bombing placed only in 'the
    southern Philippines' joins by its dead; a gang raid 'early on Thursday' and a
    policeman shot 'on Thursday evening' in Port-au-Prince stay two incidents."""
    docs = _docs(run_text, WIRE_E)
    records = canonical(docs)
    groups = _by_source_id(docs, records)
    by_id = {r["canonical_id"]: r for r in records}
    market = by_id[_largest(groups, "fd-0311-quetta-mkt")]
    assert groups[market["canonical_id"]] == {
        "bw-0310-quetta-mkt", "ic-0310-quetta-mkt", "fd-0311-quetta-mkt"
    }  # fmt: skip
    assert market["fatalities"]["best"] == 10 and market["n_sources"] == 3
    assert market["actor1"]["id"] == "PK-TTP" and market["actor1"]["claimed"] is True
    ambush = by_id[_largest(groups, "sd-0619-tera")]
    assert len(groups[ambush["canonical_id"]]) == 3
    assert ambush["actor1"]["id"] == "ISGS" and ambush["actor1"]["claimed"] is True
    bus = _largest(groups, "mc-0710-isulan")
    assert groups[bus] == {"mw-0709-isulan", "ar-0709-isulan", "mc-0710-isulan"}
    assert by_id[bus]["fatalities"]["best"] == 4
    assert {"cw-0814-pap-gang", "ip-0815-pap-gang"} in groups.values()
    assert {"cw-0814-pap-pol", "hd-0815-pap-pol"} in groups.values()


def test_a_district_report_and_a_city_report_are_one_incident(
    run_text: Callable[..., Document],
) -> None:
    """wire_reports_c: 'Baghdad's Sadr City' / 'Sadr City, in eastern Baghdad' (morning) and
    'Baghdad's southern Dora district' / 'the Dora area of Baghdad' (evening): two incidents,
    each once; explain says the district lies within the city."""
    docs = _docs(run_text, WIRE_C)
    records = canonical(docs)
    groups = _by_source_id(docs, records)
    assert {"tw-0206-baghdad-market", "lo-0206-baghdad-market"} in groups.values()
    assert {"tw-0206-baghdad-checkpoint", "ed-0207-baghdad-checkpoint"} in groups.values()
    market = next(
        r for r in records if r["canonical_id"] == _largest(groups, "lo-0206-baghdad-market")
    )
    reasons = [x for r in market["merge_reasons"] for x in r["reasons"]]
    assert any("lies within Baghdad" in x for x in reasons), reasons
    # "Baghdad's Sadr City" is a place, not the Sadrist militia
    assert (market["actor1"] or {}).get("id") != "IQ-SARAYA"
    beledweyne = next(
        r for r in records if r["canonical_id"] == _largest(groups, "mw-1014-beledweyne")
    )
    assert beledweyne["fatalities"]["best"] == 13  # "the number of people killed … risen to 13"


def _shape(records: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...], Any, Any]]:
    return sorted(
        (
            r["canonical_id"],
            tuple(sorted(x["event_id"] for x in r["reports"])),
            r["fatalities"],
            json.dumps(r["actor1"], sort_keys=True),
        )
        for r in records
    )


def test_set_e_same_clusters_whatever_order(run_text: Callable[..., Document]) -> None:
    """Claims filled by a later report and a country-level report joined by its dead give
    the same canonical events, tolls and actor1 whatever order the reports arrive in."""
    docs = _docs(run_text, WIRE_E)
    expected = _shape(canonical(docs))
    perm = list(range(len(docs)))
    random.Random(5).shuffle(perm)
    assert _shape(canonical(docs, [[i] for i in perm])) == expected


def test_set_f_same_clusters_whatever_order(run_text: Callable[..., Document]) -> None:
    """Reports joined across a misread country (ADF's Mamove massacre placed in Bolivia's El
    Beni by one report, in North Kivu by another), a claim dated two days after the raid and
    "in Arauca" for Tame give the same canonical events one report at a time, in any order."""
    docs = _docs(run_text, WIRE_F)
    expected = _shape(canonical(docs))
    for seed in (3, 11):
        perm = list(range(len(docs)))
        random.Random(seed).shuffle(perm)
        assert _shape(canonical(docs, [[i] for i in perm])) == expected


def test_set_f_joins_across_disagreeing_places_and_keeps_the_negatives_apart(
    run_text: Callable[..., Document],
) -> None:
    docs = _docs(run_text, WIRE_F)
    groups = _by_source_id(docs, canonical(docs))
    for lead, others in (
        ("km-0521-mamove", {"gl-0521-mamove"}),  # El Beni (BO) / North Kivu: ADF, 18 dead
        ("tg-0816-muqd", {"mb-0816-muqd", "tg-0817-muqd"}),  # "north-east of Baghdad"
        ("aw-0416-tame", {"ll-0416-tame"}),  # "in Arauca": the city or the department
        ("pc-0916-chai", {"sa-0916-chai", "pc-0917-chai"}),  # claimed two days after
    ):
        assert others <= groups[_largest(groups, lead)], lead
    for one, other in (
        ("gl-0521-oicha", "km-0521-mamove"),
        ("mb-0816-khanaqin", "tg-0816-muqd"),
        ("ll-0415-saravena", "aw-0416-tame"),
        ("sv-0119-bama", "sv-0119-konduga"),
    ):
        assert other not in groups[_largest(groups, one)], one


@pytest.mark.parametrize("seed", range(3))
def test_same_clusters_whatever_order_the_reports_arrive_in(
    wire_docs: list[Document], seed: int
) -> None:
    shape = _shape
    expected = shape(canonical(wire_docs))
    perm = list(range(len(wire_docs)))
    random.Random(seed).shuffle(perm)
    one_by_one = canonical(wire_docs, [[i] for i in reversed(perm)])
    in_pairs = canonical(wire_docs, [list(perm[i : i + 2]) for i in range(0, len(perm), 2)])
    assert shape(one_by_one) == expected
    assert shape(in_pairs) == expected


def test_afgoye_bombing_is_one_canonical_event(example_docs: list[Document]) -> None:
    records = canonical(example_docs)
    bombings = [
        r
        for r in records
        if r["plover_mode"] == "explosives" and r["country"] == "SO" and r["n_reports"] > 0
    ]
    assert len(bombings) == 1
    afgoye = bombings[0]
    assert afgoye["n_sources"] == 3
    assert set(afgoye["sources"]) == {"Meridian Wire", "Horn Observer", "East Africa Ledger"}
    assert afgoye["fatalities"]["best"] == 7  # "has risen to seven", the latest toll
    assert afgoye["actor1"]["name"] == "Al Shabaab"
    assert afgoye["actor2"]["name"] != afgoye["actor1"]["name"]
    assert afgoye["location"]["name"] == "Afgooye"
    assert afgoye["first_published"] == "2025-03-14" and afgoye["last_published"] == "2025-03-15"


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("The death toll from Thursday's bombing of a bus near Quetta has risen to nine, "
         "officials said on Friday.", 9),
        ("The death toll from Saturday's suicide bombing at a market in Gao rose to eleven "
         "on Sunday, a doctor said.", 11),
        ("The death toll in the ambush climbed to 14, the army said.", 14),
        ("The number of people killed in Tuesday's ambush near Gao has risen to 13, a "
         "local official said.", 13),
        ("Six people died when a bomb went off at a bus stop in Kano on Monday. The number "
         "killed has since risen to ten.", 10),
    ],
)  # fmt: skip
def test_a_toll_update_names_the_incident_between_toll_and_verb(
    run_text: Callable[..., Document], sentence: str, toll: int
) -> None:
    """pipeline/casualties: "the toll from <the incident> has risen to N" is an update."""
    doc = run_text(sentence, published="2024-05-10")
    tolls = [e.fatalities.best for e in doc.events if e.fatalities is not None]
    assert toll in tolls, [(e.plover_type, e.fatalities) for e in doc.events]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Two soldiers died when a roadside bomb struck their truck near Kirkuk on Friday, "
         "security sources told the Kirkuk Daily Herald.", "asserted"),
        ("Two soldiers died when a roadside bomb struck their truck near Kirkuk on Friday, "
         "an officer told Weekly Review.", "asserted"),
        ("Militants attack army checkpoints near Kirkuk daily, residents say.", "habitual"),
    ],
)  # fmt: skip
def test_a_habitual_word_inside_an_outlet_name_is_no_cue(
    run_text: Callable[..., Document], sentence: str, modality: str
) -> None:
    """pipeline/events/modality: "told Euphrates Daily" left a report's bombing habitual, so
    it was never merged with the other outlets' reports of it."""
    doc = run_text(sentence, published="2024-05-10")
    assert doc.events and doc.events[0].modality == modality, [
        (e.plover_type, e.modality) for e in doc.events
    ]


def test_set_g_country_level_reports_join_the_incident_with_their_dead(
    run_text: Callable[..., Document],
) -> None:
    """wire_reports_g: "a Russian aerial bomb struck a shop in Ukraine's second-largest city"
    (the country, five dead) joins the Kharkiv glide-bomb report of five dead (explosives read
    from "bomb"), not the same day's Chuhuiv drone attack (two dead); "near the border with
    Niger" (Niger) and a claim placed at the document's "Mali" join the Karimama attack in
    Benin; the Kharkiv record takes its city and the Karimama one its country."""
    docs = _docs(run_text, WIRE_G)
    records = canonical(docs)
    groups = _by_source_id(docs, records)
    by_id = {r["canonical_id"]: r for r in records}
    kharkiv = _largest(groups, "ew-0622-kharkiv")
    assert {"dp-0622-kharkiv", "ew-0622-kharkiv"} <= groups[kharkiv]
    assert "ew-0622-chuhuiv" not in groups[kharkiv]
    assert by_id[kharkiv]["location"]["name"] == "Kharkiv"
    karimama = _largest(groups, "gp-0315-karimama")
    assert groups[karimama] == {"gp-0315-karimama", "wa-0315-karimama", "gp-0316-karimama"}
    assert by_id[karimama]["country"] == "BJ" and by_id[karimama]["fatalities"]["best"] == 11
    # the better candidate is found one report at a time, in any order, too
    perm = list(range(len(docs)))
    random.Random(7).shuffle(perm)
    assert _shape(canonical(docs, [[i] for i in perm])) == _shape(records)
