"""The dashboard's map and actor network in a real headless chromium (see test_web_browser).

One store of synthetic reports, changed where the map has something to show: positions
spread around each town, some events located only near a place (ACLED geo-precision 2) or
to a province (3), some "actors" that the coder could not code (no inter code: words such
as "a loud blast"), and a violent week in a province never seen before (a large increase
and a fatality spike for /trends). Screenshots at desktop (1400x900) and phone (390x844)
widths go to /tmp/h20b-shots/ (EW_SHOTS overrides).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from eventwire.db.store import Store
from eventwire.records import Actor, Fatalities, When
from synth_docs import synthetic_documents
from test_web_browser import _serve, _wait, browser  # noqa: F401  (the browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(os.environ.get("EW_SHOTS", "/tmp/h20b-shots"))
UNCODED = "a loud blast"
# the widest uncertainty area of a precision (argument), in pixels at zoom 0
AREA_WIDTH = (
    "const ws = [...document.querySelectorAll('path.ew-area-' + arguments[0])]"
    ".map(p => p.getBBox().width);"
    "return ws.length ? Math.max(...ws) / 2 ** EW.map.map.getZoom() : 0"
)
HOT = ("Valley Town", 35.9, 45.6, "Upland Province", "IQ")  # an area with no earlier event


def _map_documents() -> list[Any]:
    docs = synthetic_documents(60, seed=7)
    rng = random.Random(3)
    events = [e for d in docs for e in d.events]
    last = max(e.date.start for e in events if e.date and e.date.start)
    for i, e in enumerate(events):
        loc = e.location
        loc.lat = round(loc.lat + rng.uniform(-0.9, 0.9), 4)
        loc.lon = round(loc.lon + rng.uniform(-0.9, 0.9), 4)
        loc.precision = (1, 1, 1, 2, 3)[i % 5]
        if i % 9 == 4:  # words the coder took for an actor, without a code
            e.actor2 = Actor(UNCODED, e.actor2.start, e.actor2.end)
    for i, e in enumerate(events[10:20]):  # the violent week
        loc = e.location
        loc.name, loc.lat, loc.lon, loc.admin1, loc.country = HOT
        loc.lat += i * 0.05
        loc.precision = 1
        day = last - timedelta(days=i % 5)
        e.date = When(None, day, day, "day")
        e.acled_event_type, e.acled_sub_event_type = "Battles", "Armed clash"
        e.modality, e.background, e.aggregate = "asserted", False, False
        e.fatalities = Fatalities("", 6, 6, 6)
    return docs


@pytest.fixture(scope="module")
def map_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from eventwire.dedup.cluster import cluster_store
    from eventwire.web.vendor import VENDOR, copy_vendor

    root = Path(__file__).resolve().parent.parent
    if not (VENDOR / "leaflet.markercluster" / "leaflet.markercluster.js").is_file():
        if not (root / "node_modules" / "leaflet.markercluster").is_dir():
            pytest.skip("leaflet.markercluster missing: run `make web` (npm ci)")
        copy_vendor(root / "node_modules")
    db = tmp_path_factory.mktemp("web") / "map.duckdb"
    with Store.open(db) as store:
        store.write_batch(_map_documents(), [])
        cluster_store(store)
    with _serve(db) as base:
        yield base


def _shot(driver: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


# collects the page's uncaught errors and rejected promises from its first script on
CATCH = (
    "window.__errors = [];"
    "addEventListener('error', e => window.__errors.push(String(e.message)));"
    "addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));"
)


def _open(driver: Any, base: str, width: int = 1400, height: int = 900) -> None:
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH})
    driver.get(base + "/")
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.ready") == "1", 30)
    _wait(driver, lambda d: d.execute_script("return EW.map.cluster.getLayers().length") > 0)


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def test_map_clusters_at_every_size_and_grid_hand_over(browser: Any, map_server: str) -> None:  # noqa: F811
    import httpx

    driver = browser
    located = httpx.get(map_server + "/map", params={"scope": "conflict"}).json()["total"]
    _open(driver, map_server)
    info = driver.find_element("id", "map-info")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "points")
    # every located event is in the cluster group; at the fitted zoom some are grouped
    _wait(driver, lambda d: _js(d, "return EW.map.cluster.getLayers().length") == located)
    _wait(driver, lambda d: d.find_elements("css selector", ".ew-cluster-points"))

    def shown_and_in_view(d: Any) -> tuple[int, int]:
        shown = _js(
            d,
            "return [...document.querySelectorAll('.ew-cluster-points span')]"
            ".reduce((s, x) => s + Number(x.textContent), 0)"
            " + document.querySelectorAll('.leaflet-marker-icon.ew-marker').length",
        )
        view = _js(
            d,
            "const b = EW.map.map.getBounds();"
            "return EW.map.cluster.getLayers().filter(m => b.contains(m.getLatLng())).length",
        )
        return shown, view

    # a cluster's number is what it holds (once the fit and cluster animations are over)
    _wait(driver, lambda d: (lambda sv: sv[0] == sv[1] > 0)(shown_and_in_view(d)))
    _shot(driver, "desktop-map-clusters")

    # more events than the browser takes: server cells, drawn like clusters; zooming into
    # one fetches the events of the view, clustered again in the browser
    _js(driver, "EW.map.maxPoints = 25; EW.map.fit = true; EW.drawMap(true)")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "grid")
    assert driver.find_elements("css selector", ".ew-cluster.ew-cell")
    assert _js(driver, "return EW.map.cluster.getLayers().length") == 0
    _shot(driver, "desktop-map-grid")
    _js(driver, "EW.map.map.setView([36.3, 43.1], 9)")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "points")
    assert _js(driver, "return EW.map.cluster.getLayers().length") > 0
    assert not driver.find_elements("css selector", ".ew-cluster.ew-cell")


def test_popup_stays_when_the_map_pans_to_show_it(browser: Any, map_server: str) -> None:  # noqa: F811
    driver = browser
    _open(driver, map_server)
    # the bbox mode (after a grid) is where a move used to rebuild the layers
    _js(driver, "EW.map.maxPoints = 25; EW.map.fit = true; EW.drawMap(true)")
    info = driver.find_element("id", "map-info")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "grid")
    _js(driver, "EW.map.map.setView([36.3, 43.1], 9, {animate: false})")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "points")
    _wait(driver, lambda d: not _js(d, "return EW.map.cluster._inZoomAnimation"))
    # a marker at the top edge: its popup opens above it, so the map pans to show it
    opened = _js(
        driver,
        """const m = EW.map.map, pick = EW.map.cluster.getLayers()
             .find(x => EW.map.cluster.getVisibleParent(x) === x);
           if (!pick) return null;
           const size = m.getSize(), p = m.latLngToContainerPoint(pick.getLatLng());
           m.panBy([0, p.y - 12], {animate: false});
           window.__seq = EW.map.seq; window.__moved = 0;
           m.on('moveend', () => { window.__moved += 1; });
           window.__center = m.getCenter();
           pick.openPopup();
           return pick.options.ewId;""",
    )
    assert opened, "no unclustered marker at zoom 9"
    _wait(driver, lambda d: _js(d, "return window.__moved") >= 1)  # autoPan moved the map
    time.sleep(1.0)
    popup = driver.find_element("css selector", ".leaflet-popup .ew-popup")
    assert popup.get_attribute("data-event-id") == opened
    assert _js(driver, "return EW.map.seq") == _js(driver, "return window.__seq")  # no refetch
    text = popup.text
    for label in ("Date", "Type", "Actors", "Place", "Killed", "Precision", "open the evidence"):
        assert label in text, (label, text)
    _shot(driver, "desktop-map-popup")
    popup.find_element("css selector", "a.ew-evidence").click()
    _wait(driver, lambda d: d.find_element("id", "docview").is_displayed())
    # the map shows incidents: the evidence view opens the incident's first report
    incident = driver.find_element("id", "incident")
    _wait(driver, lambda d: incident.get_attribute("data-canonical-id") == opened)
    first = incident.find_element("css selector", "li.open a").get_attribute("data-event-id")
    assert driver.find_element("id", "event-detail").get_attribute("data-event-id") == first
    driver.find_element("id", "doc-close").click()


def test_precision_markers_and_legend(browser: Any, map_server: str) -> None:  # noqa: F811
    driver = browser
    _open(driver, map_server)
    legend = driver.find_element("id", "map-legend")
    rows = legend.find_elements("css selector", ".legend-precision [data-precision]")
    assert [r.get_attribute("data-precision") for r in rows] == ["1", "2", "3"]
    # show one marker of each precision, unclustered, at zoom 6 or more
    widths: dict[int, float] = {}
    for level in (1, 2, 3):
        _js(
            driver,
            """const level = arguments[0];
               const pick = EW.map.cluster.getLayers()
                 .find(m => m.options.icon.options.className.includes('ew-prec-' + level));
               EW.map.map.setView(pick.getLatLng(), 7, {animate: false});
               EW.map.cluster.zoomToShowLayer(pick, () => { window.__shown = level; });""",
            level,
        )
        _wait(driver, lambda d, lv=level: _js(d, "return window.__shown") == lv)
        icons = driver.find_elements("css selector", f".leaflet-marker-icon.ew-prec-{level}")
        assert icons and any(i.is_displayed() for i in icons)
        style = _js(
            driver,
            "return getComputedStyle(document.querySelector("
            "'.leaflet-marker-icon.ew-prec-' + arguments[0] + ' > div')).borderTopStyle",
            level,
        )
        assert style == {1: "solid", 2: "dashed", 3: "dotted"}[level]
        if level == 1:
            continue
        # its uncertainty area, drawn while the marker is on its own: width at zoom 0
        _wait(driver, lambda d, lv=level: _js(d, AREA_WIDTH, lv) > 0)
        widths[level] = _js(driver, AREA_WIDTH, level)
    assert 0 < widths[2] < widths[3]  # a province (3) drawn wider than a district (2)
    _shot(driver, "desktop-map-precision")
    # below zoom 5 no area is drawn (tens of kilometres are a few pixels there)
    _js(driver, "EW.map.map.setView([35, 43], 3, {animate: false})")
    _wait(driver, lambda d: not d.find_elements("css selector", "path.ew-area-3"))


def test_change_layer_from_trends(browser: Any, map_server: str) -> None:  # noqa: F811
    import httpx

    driver = browser
    _open(driver, map_server)
    box = driver.find_element("id", "map")
    _wait(driver, lambda d: (box.get_attribute("data-change-areas") or "0") != "0")
    last = httpx.get(map_server + "/stats").json()["last_date"]
    trends = httpx.get(map_server + "/trends", params={"as_of": last}).json()
    hot = [a for a in trends["areas"] if a["admin1"] == HOT[3]]
    assert hot and hot[0]["level"] == "large increase"
    assert any(s["admin1"] == HOT[3] for s in trends["spikes"])
    paths = driver.find_elements("css selector", "path.ew-change-large.ew-change-spike")
    assert len(paths) >= 1
    legend = driver.find_element("id", "map-legend").text
    assert "Change (trends)" in legend and "large increase" in legend
    _shot(driver, "desktop-map-change")
    toggle = driver.find_element("id", "map-toggle-change")
    toggle.click()
    _wait(driver, lambda d: not d.find_elements("css selector", "path.ew-change"))
    toggle.click()
    _wait(driver, lambda d: d.find_elements("css selector", "path.ew-change-large"))


def test_network_of_coded_actors_with_legible_labels(browser: Any, map_server: str) -> None:  # noqa: F811
    import httpx

    driver = browser
    _open(driver, map_server)
    _wait(driver, lambda d: _js(d, "return EW.network.cy && EW.network.cy.nodes().length") > 0)
    edges = httpx.get(map_server + "/stats", params={"edges": 400}).json()["network"]
    assert any(UNCODED in (e["source"], e["target"]) for e in edges)  # the store has them
    labels = _js(driver, "return EW.network.cy.nodes().map(n => n.data('label'))")
    assert UNCODED not in labels
    coded = {e["source"] for e in edges if e["source_inter"]} | {
        e["target"] for e in edges if e["target_inter"]
    }
    assert set(labels) <= coded
    sizes = _js(
        driver,
        "return EW.network.cy.nodes().map(n => parseFloat(n.renderedStyle('font-size')))",
    )
    assert min(sizes) >= 11
    colours = _js(
        driver,
        "return EW.network.cy.edges().map(e => [e.data('type'), e.style('line-color')])",
    )
    by_type: dict[str, set[str]] = {}
    for kind, colour in colours:
        by_type.setdefault(kind, set()).add(colour)
    assert len(by_type) >= 2 and all(len(c) == 1 for c in by_type.values())
    assert len({next(iter(c)) for c in by_type.values()}) == len(by_type)
    legend = driver.find_element("id", "network-legend").text
    assert all(kind in legend for kind in by_type)
    # node size by events; a limit keeps the busiest actors
    nodes = _js(driver, "return EW.network.cy.nodes().map(n => [n.data('events'), n.width()])")
    nodes.sort()
    assert nodes[0][1] <= nodes[-1][1] and nodes[0][0] < nodes[-1][0]
    _js(driver, "EW.network.maxNodes = 4; EW.refresh()")
    _wait(driver, lambda d: _js(d, "return EW.network.cy && EW.network.cy.nodes().length") == 4)
    top = _js(driver, "return EW.network.cy.nodes().map(n => n.data('events'))")
    assert min(top) >= sorted((n for n, _ in nodes), reverse=True)[3]
    assert "top 4 of" in driver.find_element("id", "network-info").text
    _js(driver, "EW.network.maxNodes = 24; EW.refresh()")
    driver.execute_script("document.getElementById('network').scrollIntoView()")
    _shot(driver, "desktop-network")


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1400, 900), ("phone", 390, 844)])
def test_screenshots(browser: Any, map_server: str, name: str, width: int, height: int) -> None:  # noqa: F811
    driver = browser
    _open(driver, map_server, width, height)
    _wait(driver, lambda d: _js(d, "return EW.network.cy && EW.network.cy.nodes().length") > 0)
    _wait(driver, lambda d: d.find_elements("css selector", "path.ew-change"))
    _shot(driver, f"{name}-dashboard")
    # zoom 6 over the provinces (a phone shows a smaller area: zoom 7 over fewer of them)
    view = "[35.5, 44.5], 6" if name == "desktop" else "[35.6, 44.4], 7"
    _js(driver, f"EW.map.map.setView({view}, {{animate: false}})")
    # names of places and of admin-1 areas from the events, beside the clusters
    for kind in ("place-label", "admin1-label"):
        _wait(driver, lambda d, k=kind: d.find_elements("css selector", f".map-label.{k}"))
    _wait(driver, lambda d: not _js(d, "return EW.map.cluster._inZoomAnimation"))
    time.sleep(0.5)  # the clusters' fade-in
    _js(driver, "document.getElementById('map').scrollIntoView()")
    _shot(driver, f"{name}-map-zoom")
    _js(driver, "document.getElementById('network').scrollIntoView()")
    _shot(driver, f"{name}-network")
    assert _js(driver, "return window.__errors") == []
    driver.set_window_size(1400, 1300)
