"""Golden reports of the incident layer (tests/golden/incidents/): multi-paragraph news
reports written for eventwire, each with the incidents a careful ACLED coder would list.

``test_golden_incidents`` checks what the incident layer decides: how many current incidents
the report yields (asserted, ACLED-typed, not background, not aggregate) and that each
expected one is there with its event type, place and date. ``test_golden_incident_details``
also checks sub-type, actors' inter codes and names, and fatalities; where only another part
of the pipeline (word senses, roles, typing, tolls) is still wrong, the case is an xfail
naming that part, strict so that it fails once that part is fixed.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.pipeline.base import Pipeline
from eventwire.records import Document, Event

GOLDEN = Path(__file__).parent / "golden" / "incidents"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))

# Cases whose details fail only because of another part of the pipeline (issue 15's classes).
DETAIL_XFAIL: dict[str, str] = {
    "04_mogadishu_restaurant": "actors: a bare 'militants' (actor1 of the Baidoa shelling) is "
    "coded Opposition Rebels (inter 2), not Unidentified Armed Group (3). Left as it is: "
    "coding a bare rebel noun as UAG (tried, as actor1 only) fixes 04 and 06 but costs "
    "acled_more check inter1 (0.761 -> 0.759); on the tune split ACLED codes most such "
    "attackers as the group the report is about (inter 2), so the class needs context "
    "(the report's named group), not a word rule",
    "06_peshawar_denial": "actors: a bare 'Militants' (actor1) is coded Opposition Rebels, "
    "not Unidentified Armed Group (see 04)",
}
# Cases whose incidents themselves fail only because of another part.
INCIDENT_XFAIL: dict[str, str] = {}


def _load(case: str) -> tuple[str, dict[str, Any]]:
    text = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    return text, expected


def current_incidents(doc: Document) -> list[Event]:
    """The report's incidents a conflict view counts: asserted, ACLED-typed, current."""
    return [
        e
        for e in doc.events
        if e.acled_event_type and e.modality == "asserted" and not e.background and not e.aggregate
    ]


def _norm(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return plain.lower().replace("-", " ").strip()


def _at(event: Event, expected: dict[str, Any]) -> bool:
    """Same event type, place (by name or as written) and day."""
    place = event.location
    names = {_norm(place.name), _norm(place.text), _norm(place.admin1)} if place else set()
    when = event.date
    day = date.fromisoformat(expected["date"])
    dated = (
        when is not None
        and when.start is not None
        and when.start <= day <= (when.end or when.start)
    )
    return (
        event.acled_event_type == expected["event_type"]
        and _norm(expected["location"]) in names
        and dated
    )


def _matched(
    doc: Document, expected: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], Event | None]]:
    left = current_incidents(doc)
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for want in expected:
        found = next((e for e in left if _at(e, want)), None)
        if found is not None:
            left.remove(found)
        pairs.append((want, found))
    return pairs


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> dict[str, tuple[Document, dict[str, Any]]]:
    out = {}
    for case in CASES:
        text, expected = _load(case)
        doc = pipeline(Document(text=text, published=date.fromisoformat(expected["published"])))
        out[case] = (doc, expected)
    return out


def _summary(doc: Document) -> list[tuple[object, ...]]:
    return [
        (
            e.trigger.text,
            e.acled_sub_event_type,
            e.location.name if e.location else None,
            str(e.date.start) if e.date else None,
            e.actor1.name if e.actor1 else None,
            e.actor2.name if e.actor2 else None,
            e.fatalities.best if e.fatalities else None,
        )
        for e in current_incidents(doc)
    ]


def _marked(cases: list[str], xfail: dict[str, str]) -> list[Any]:
    return [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=xfail[c])) if c in xfail else c
        for c in cases
    ]


def test_there_are_enough_golden_reports() -> None:
    empty = [c for c in CASES if not _load(c)[1]["incidents"]]
    assert len(CASES) >= 10 and len(empty) >= 3


@pytest.mark.parametrize("case", _marked(CASES, INCIDENT_XFAIL))
def test_golden_incidents(case: str, coded: dict[str, tuple[Document, dict[str, Any]]]) -> None:
    doc, expected = coded[case]
    pairs = _matched(doc, expected["incidents"])
    missing = [want for want, got in pairs if got is None]
    assert not missing, (missing, _summary(doc))
    assert len(current_incidents(doc)) == len(expected["incidents"]), _summary(doc)


def _details(want: dict[str, Any], got: Event) -> dict[str, tuple[object, object]]:
    wrong: dict[str, tuple[object, object]] = {}
    fatalities = got.fatalities.best if got.fatalities and got.fatalities.best is not None else 0
    checks = {
        "sub_event_type": (want["sub_event_type"], got.acled_sub_event_type),
        "fatalities": (want["fatalities"], fatalities),
        "inter1": (want["inter1"], got.actor1.inter if got.actor1 else None),
        "inter2": (want["inter2"], got.actor2.inter if got.actor2 else None),
    }
    for side, actor in (("actor1", got.actor1), ("actor2", got.actor2)):
        if want[side] and want[f"inter{side[-1]}"] in (1, 2):
            checks[side] = (_norm(want[side]), _norm(actor.name if actor else None))
    for key, (wanted, found) in checks.items():
        if wanted is None:
            continue
        if key in ("actor1", "actor2"):
            if not (isinstance(found, str) and (wanted in found or (found and found in wanted))):
                wrong[key] = (wanted, found)
        elif wanted != found:
            wrong[key] = (wanted, found)
    return wrong


@pytest.mark.parametrize(
    "case", _marked([c for c in CASES if _load(c)[1]["incidents"]], DETAIL_XFAIL)
)
def test_golden_incident_details(
    case: str, coded: dict[str, tuple[Document, dict[str, Any]]]
) -> None:
    doc, expected = coded[case]
    wrong = {}
    for n, (want, got) in enumerate(_matched(doc, expected["incidents"])):
        if got is None:
            wrong[f"incident {n}"] = {"missing": (want["location"], want["date"])}
            continue
        if diff := _details(want, got):
            wrong[f"incident {n}"] = diff
    assert not wrong, (wrong, _summary(doc))
