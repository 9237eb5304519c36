"""The dashboard in a real headless browser (Debian chromium + chromium-driver, selenium).

Skips with a clear message when selenium, /usr/bin/chromium or /usr/bin/chromedriver is
missing, or when the front-end libraries were not copied (``make web``). Screenshots go to
tests/artifacts/.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.db.store import Store
from synth_docs import synthetic_documents

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TOKEN = "browser-test-token"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _vendor_ready() -> bool:
    from eventwire.web.vendor import VENDOR, copy_vendor

    if (VENDOR / "leaflet" / "leaflet.js").is_file():
        return True
    if (ROOT / "node_modules" / "leaflet").is_dir():
        copy_vendor(ROOT / "node_modules")
        return True
    return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build_store(kind: str, db: Path) -> None:
    if kind == "synthetic":
        with Store.open(db) as store:
            store.write_batch(synthetic_documents(60, seed=7), [])
        return
    # The demo store: the bundled example reports through the real pipeline.
    reports = ROOT / "examples" / "reports"
    if not reports.is_dir() or not any(reports.iterdir()):
        pytest.skip("examples/reports not present")
    from eventwire.config import load_settings
    from eventwire.run.runner import process

    summary = process([str(reports)], load_settings(config_file=None, env={}, db=str(db)))
    assert summary.events > 0, "the example reports produced no events"


@contextlib.contextmanager
def _serve(db: Path) -> Iterator[str]:
    """A live uvicorn server on loopback over ``db``; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    from eventwire.api.app import create_app

    app = create_app(db, review_token=TOKEN)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "synthetic.duckdb"
    _build_store("synthetic", db)
    with _serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "demo.duckdb"
    _build_store("demo", db)
    with _serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        pytest.skip("no browser: apt-get install chromium chromium-driver (as root)")
    if not _vendor_ready():
        pytest.skip("front-end libraries missing: run `make web` (npm ci)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ew-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--window-size=1400,1300",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager must never try to download one.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 15) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _shot(driver: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def _markers_shown(driver: Any) -> bool:
    """Whether the map shows a marker or a cluster of markers."""
    from selenium.webdriver.common.by import By

    selector = ".leaflet-marker-icon.ew-marker, .ew-cluster-points"
    return bool(driver.find_elements(By.CSS_SELECTOR, selector))


def _table_types(driver: Any) -> list[str]:
    # One script call: the table may be redrawn between two element lookups.
    types: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.type)"
    )
    return types


@pytest.mark.parametrize("name", ["synthetic", "demo"])
def test_dashboard_map_filter_document_and_review(
    name: str, browser: Any, request: pytest.FixtureRequest
) -> None:
    import httpx
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    # Browser first: without a browser the (slow) demo store is never built.
    base = request.getfixturevalue(f"{name}_server")
    stats = httpx.get(base + "/stats", params={"level": "report"}).json()  # as the table
    located = httpx.get(base + "/map").json()["total"]
    driver = browser
    driver.get(base + "/")
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    # The map shows markers over the offline country outlines.
    assert located > 0, "no located event in the store"
    _wait(driver, _markers_shown)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map svg path")) > 50  # country outlines
    assert driver.find_elements(By.CSS_SELECTOR, "#timeline canvas")
    total_before = int(driver.find_element(By.ID, "timeline").get_attribute("data-total"))
    assert total_before > 0
    _shot(driver, f"{name}-dashboard")

    # A type filter updates the table and the timeline.
    smaller = [t["key"] for t in stats["by_type"] if t["key"] and t["count"] < stats["total"]]
    if not smaller:
        pytest.fail(f"the {name} store has a single event type; the filter cannot be shown")
    chosen = smaller[0]
    Select(driver.find_element(By.ID, "f-type")).select_by_value(chosen)
    _wait(driver, lambda d: set(_table_types(d)) == {chosen})
    # the timeline (ACLED types, canonical incidents) counts fewer than before
    timeline_total = {"type": chosen, "level": "canonical"}
    expected = sum(
        b["count"] for b in httpx.get(base + "/timeline", params=timeline_total).json()["bins"]
    )
    assert expected < total_before
    _wait(
        driver,
        lambda d: d.find_element(By.ID, "timeline").get_attribute("data-total") == str(expected),
    )
    shown = int(driver.find_element(By.ID, "table-info").get_attribute("data-total"))
    query = {"type": chosen, "level": "canonical", "limit": 1}  # what the table asks for
    assert shown == httpx.get(base + "/events", params=query).json()["total"]
    _shot(driver, f"{name}-filtered")

    # The document view highlights the evidence of the event and shows the attribution.
    driver.find_element(By.CSS_SELECTOR, "#events tbody tr").click()
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    assert driver.find_elements(By.CSS_SELECTOR, "#doc-text mark.hl-trigger.focus")
    # the row is an incident: its reports are listed, the one whose text is shown marked
    incident = driver.find_element(By.ID, "incident")
    assert incident.is_displayed() and incident.text.startswith("Incident: ")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#incident li.open")) == 1
    expected = ("trigger", "actor1", "actor2", "location", "date", "attribution")
    present = [
        lab for lab in expected if driver.find_elements(By.CSS_SELECTOR, f"#doc-text mark.hl-{lab}")
    ]
    if name == "synthetic":
        assert present == list(expected)
    else:
        assert len(present) >= 2, present
    event_id = driver.find_element(By.ID, "event-detail").get_attribute("data-event-id")
    assert "According to" in driver.find_element(By.ID, "event-detail").text
    _shot(driver, f"{name}-document")

    # A correction is saved and appears in the audit table.
    author = driver.find_element(By.ID, "r-author")
    author.clear()
    author.send_keys("analyst-1")
    token = driver.find_element(By.ID, "r-token")
    token.clear()
    token.send_keys(TOKEN)
    Select(driver.find_element(By.ID, "r-type")).select_by_value("ASSAULT")
    place = driver.find_element(By.ID, "r-place")
    place.clear()
    place.send_keys("Corrected Town")
    # every field: a new actor with its inter code, the toll, a date range, the modality
    for field_id, value in (
        ("r-actor1", "Valley Defence Committee"),
        ("r-inter1", "4"),
        ("r-fat-best", "5"),
        ("r-fat-low", "5"),
        ("r-fat-high", "7"),
    ):
        box = driver.find_element(By.ID, field_id)
        box.clear()
        box.send_keys(value)
    driver.execute_script(
        "document.getElementById('r-date').value = '2024-03-01';"
        "document.getElementById('r-date-end').value = '2024-03-03';"
    )
    Select(driver.find_element(By.ID, "r-modality")).select_by_value("habitual")
    driver.find_element(By.ID, "r-correct").click()
    _wait(driver, lambda d: "Saved" in d.find_element(By.ID, "review-message").text)
    assert "corrected by analyst-1" in driver.find_element(By.ID, "review-status").text
    row_css = f'#audit tr[data-event-id="{event_id}"]'
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, row_css))
    row = driver.find_element(By.CSS_SELECTOR, row_css).text
    assert "analyst-1" in row and "correct" in row and "Corrected Town" in row
    _shot(driver, f"{name}-review")
    driver.find_element(By.ID, "doc-close").click()
    driver.execute_script("document.getElementById('audit-panel').scrollIntoView()")
    _shot(driver, f"{name}-audit")
    detail = httpx.get(f"{base}/events/{event_id}").json()
    assert detail["reviewed"]["location"]["name"] == "Corrected Town"
    reviewed = detail["reviewed"]
    assert (reviewed["actor1"]["name"], reviewed["actor1"]["inter"]) == (
        "Valley Defence Committee",
        4,
    )
    assert (
        reviewed["fatalities"]["low"],
        reviewed["fatalities"]["best"],
        reviewed["fatalities"]["high"],
    ) == (5, 5, 7)
    assert (reviewed["date"]["start"], reviewed["date"]["end"]) == ("2024-03-01", "2024-03-03")
    assert reviewed["modality"] == "habitual"
    assert detail["event"]["location"] is None or (
        detail["event"]["location"]["name"] != "Corrected Town"
    )  # the machine output is kept


def test_dashboard_without_token_cannot_review(browser: Any, synthetic_server: str) -> None:
    from selenium.webdriver.common.by import By

    base = synthetic_server
    driver = browser
    driver.get(base + "/")
    driver.execute_script("sessionStorage.clear()")
    driver.get(base + "/")
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#events tbody tr"))
    driver.find_element(By.CSS_SELECTOR, "#events tbody tr").click()
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    author = driver.find_element(By.ID, "r-author")
    author.clear()
    author.send_keys("someone")
    driver.find_element(By.ID, "r-token").clear()
    driver.find_element(By.ID, "r-token").send_keys("wrong-token")
    driver.find_element(By.ID, "r-confirm").click()
    _wait(driver, lambda d: "EW-API-403" in d.find_element(By.ID, "review-message").text)


def test_api_docs_render_offline(browser: Any, synthetic_server: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(synthetic_server + "/docs")
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) >= 8)
    _shot(browser, "api-docs")


@pytest.fixture(scope="module")
def scope_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hand-made reports of scope_docs: 3 conflict incidents among 8 records."""
    from eventwire.dedup.cluster import cluster_store
    from scope_docs import scope_documents

    db = tmp_path_factory.mktemp("web") / "scope.duckdb"
    with Store.open(db) as store:
        store.write_batch(scope_documents(), [])
        cluster_store(store)
    with _serve(db) as base:
        yield base


def _row_triggers(driver: Any) -> list[str]:
    rows: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.eventId)"
    )
    return rows


def test_dashboard_scope_toggle_and_incident_detail(browser: Any, scope_server: str) -> None:
    """Conflict incidents by default (table, map, timeline, headline); the toggle shows
    every record with its flags; the event view lists the mentions and the flags."""
    import httpx
    from selenium.webdriver.common.by import By

    base, driver = scope_server, browser
    every = httpx.get(base + "/events", params={"scope": "all", "limit": 100}).json()["items"]
    by_trigger = {e["trigger"]: e["event_id"] for e in every}
    driver.get(base + "/")
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    info = driver.find_element(By.ID, "table-info")
    _wait(driver, lambda d: info.get_attribute("data-total") == "2")  # incidents by default
    toggle = driver.find_element(By.ID, "scope")
    assert "Conflict incidents" in toggle.text and "All records" in toggle.text
    assert driver.find_element(By.ID, "scope-conflict").is_selected()
    # the timeline counts what the headline counts: incidents (canonical events) by default
    _wait(driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-total") == "2")
    summary = driver.find_element(By.ID, "summary")  # each incident once: two outlets, one attack
    _wait(
        driver, lambda d: summary.text.startswith("2 conflict incidents (of 7 records) told by 3")
    )
    incidents = httpx.get(base + "/events", params={"level": "canonical", "limit": 100}).json()
    _wait(driver, lambda d: set(_row_triggers(d)) == {e["event_id"] for e in incidents["items"]})
    driver.find_element(By.CSS_SELECTOR, "label:has(#level-report)").click()
    _wait(driver, lambda d: summary.text.startswith("3 conflict reports (of 8 records)"))
    _wait(driver, lambda d: info.get_attribute("data-total") == "3")
    _wait(driver, _markers_shown)
    assert set(_row_triggers(driver)) == {by_trigger[t] for t in ("stormed", "raided", "ambushed")}
    assert not driver.find_elements(By.CSS_SELECTOR, "#events .flag")
    _shot(driver, "scope-conflict")

    # All records: the political meeting, the recall and the toll appear, flagged.
    driver.find_element(By.CSS_SELECTOR, "label:has(#scope-all)").click()
    _wait(driver, lambda d: info.get_attribute("data-total") == "8")
    reports = {"scope": "all", "level": "report"}  # what the views ask for now
    dated = sum(b["count"] for b in httpx.get(base + "/timeline", params=reports).json()["bins"])
    records = httpx.get(base + "/stats", params=reports).json()["records"]
    _wait(
        driver,
        lambda d: d.find_element(By.ID, "timeline").get_attribute("data-total") == str(dated),
    )
    _wait(driver, lambda d: d.find_element(By.ID, "summary").text.startswith(f"{records} records"))
    flags = sorted(f.text for f in driver.find_elements(By.CSS_SELECTOR, "#events .flag"))
    assert flags == ["aggregate", "background", "political interaction"]
    _shot(driver, "scope-all")

    # The event view of the current attack: its three mentions, no flag.
    driver.execute_script("EW.openEvent(arguments[0])", by_trigger["stormed"])
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#event-mentions li[data-kind]"))
    mentions: list[list[str]] = driver.execute_script(
        "return [...document.querySelectorAll('#event-mentions li')]"
        ".map(li => [li.dataset.kind, li.textContent])"
    )
    assert [kind for kind, _ in mentions] == ["main", "consequence", "coreferent"]
    assert "“The attack”" in mentions[2][1]
    detail = driver.find_element(By.ID, "event-detail").text
    assert "a conflict incident (counted in conflict views)" in detail
    _shot(driver, "scope-incident-detail")

    # The recall: flagged background, not counted.
    driver.execute_script("EW.openEvent(arguments[0])", by_trigger["attacked"])
    # one script call: the detail is redrawn as a whole when the event loads
    read = (
        "const f = document.getElementById('event-flags');"
        "return f && [f.dataset.background, f.textContent,"
        " document.getElementById('event-detail').textContent];"
    )
    _wait(driver, lambda d: (d.execute_script(read) or [""])[0] == "true")
    _, flags_text, detail = driver.execute_script(read)
    assert flags_text == "background" and "not counted as a conflict incident" in detail
    _shot(driver, "scope-background-detail")
