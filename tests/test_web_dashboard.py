"""The dashboard's view in the URL, time brush, ACLED type filter and legend, country by name,
place search and export, in a real headless browser (chromium, as tests/test_web_browser.py)
over synthetic reports from 2011-2013 and 2023-2025. Screenshots at desktop (1400x900) and
phone (390x844) widths go to tests/artifacts/."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from synth_docs import synthetic_documents
from test_web_browser import _serve, _shot, _wait, browser

__all__ = ["browser"]  # the fixture, shared with tests/test_web_browser.py
pytestmark = [pytest.mark.browser, pytest.mark.slow]
DESKTOP, PHONE = (1400, 900), (390, 844)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-dash") / "dash.duckdb"
    with Store.open(db) as store:
        store.write_batch(synthetic_documents(40, seed=5, published=date(2013, 1, 1)), [])
        store.write_batch(synthetic_documents(40, seed=6, published=date(2025, 6, 30)), [])
        cluster_store(store)
    with _serve(db) as base:
        yield base


def _open(driver: Any, url: str, size: tuple[int, int] = DESKTOP) -> None:
    from selenium.webdriver.common.by import By

    driver.set_window_size(*size)
    driver.get(url)
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")


def _js(driver: Any, script: str, *args: Any) -> Any:
    return driver.execute_script("return " + script, *args)


def _params(driver: Any) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(driver.current_url).query).items()}


def _table_total(driver: Any) -> str:
    return str(_js(driver, "document.getElementById('table-info').dataset.total"))


def _api_total(base: str, **params: str) -> int:
    """What the table shows for these filters: the API's count for the same query."""
    query = {"scope": "conflict", "level": "canonical", "limit": "1", **params}
    return int(httpx.get(base + "/events", params=query).json()["total"])


def _settled(driver: Any, base: str, **params: str) -> None:
    """Wait until the table shows the API's count for ``params``."""
    expected = str(_api_total(base, **params))
    _wait(driver, lambda d: _table_total(d) == expected)


def test_view_round_trips_through_the_url(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    _open(driver, server + "/")
    Select(driver.find_element(By.ID, "f-acled-type")).select_by_value("Protests")
    _wait(driver, lambda d: _params(d).get("acled_type") == "Protests")
    driver.find_element(By.CSS_SELECTOR, "label:has(#level-report)").click()
    _wait(driver, lambda d: _params(d).get("level") == "report")
    country = driver.find_element(By.ID, "f-country")
    country.send_keys("Iraq")
    driver.find_element(By.ID, "f-apply").click()
    _wait(driver, lambda d: _params(d).get("country") == "Iraq")
    _settled(driver, server, acled_type="Protests", level="report", country="Iraq")
    driver.find_element(By.CSS_SELECTOR, "#events tbody tr").click()
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    event_id = driver.find_element(By.CSS_SELECTOR, "#events tbody tr").get_attribute(
        "data-event-id"
    )
    _wait(driver, lambda d: _params(d).get("event") == event_id)
    _js(driver, "void EW.map.map.setView([33.5, 43.25], 6, {animate: false})")
    _wait(driver, lambda d: _params(d).get("map") == "33.5000,43.2500,6")
    shared = driver.current_url

    # Back closes the event, back again drops the country; forward brings it back.
    driver.back()
    _wait(driver, lambda d: not d.find_element(By.ID, "docview").is_displayed())
    assert "event" not in _params(driver) and _params(driver)["country"] == "Iraq"
    driver.back()
    _wait(driver, lambda d: "country" not in _params(d))
    _wait(driver, lambda d: d.find_element(By.ID, "f-country").get_attribute("value") == "")
    _settled(driver, server, acled_type="Protests", level="report")
    driver.back()
    _wait(driver, lambda d: "level" not in _params(d))
    _wait(driver, lambda d: d.find_element(By.ID, "level-canonical").is_selected())
    _settled(driver, server, acled_type="Protests")
    driver.forward()
    driver.forward()
    _wait(driver, lambda d: _params(d).get("country") == "Iraq")
    _settled(driver, server, acled_type="Protests", level="report", country="Iraq")
    driver.forward()
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    _wait(driver, lambda d: _params(d).get("event") == event_id)
    assert driver.current_url == shared

    # A copied URL opens the same view in a fresh page.
    driver.get("about:blank")
    _open(driver, shared)
    assert driver.find_element(By.ID, "f-acled-type").get_attribute("value") == "Protests"
    assert driver.find_element(By.ID, "f-country").get_attribute("value") == "Iraq"
    assert driver.find_element(By.ID, "level-report").is_selected()
    _settled(driver, server, acled_type="Protests", level="report", country="Iraq")
    _wait(driver, lambda d: d.find_element(By.ID, "docview").is_displayed())
    shown = driver.find_element(By.ID, "event-detail").get_attribute("data-event-id")
    assert shown == event_id
    assert _js(driver, "[EW.map.map.getZoom(), EW.map.map.getCenter().lat.toFixed(2)]") == [
        6,
        "33.50",
    ]
    _shot(driver, "dash-url-restored")


def _drag(driver: Any, element: Any, start: float, end: float) -> None:
    """Press at ``start`` and release at ``end`` (fractions of the element's width)."""
    from selenium.webdriver.common.action_chains import ActionChains

    width = element.size["width"]
    x0, x1 = int(width * start - width / 2), int(width * end - width / 2)
    actions = ActionChains(driver)
    actions.move_to_element_with_offset(element, x0, 0).click_and_hold()
    actions.move_by_offset((x1 - x0) // 2, 0).move_by_offset(x1 - x0 - (x1 - x0) // 2, 0)
    actions.release().perform()


def test_time_brush_sets_the_range_of_every_view(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    _open(driver, server + "/")
    timeline = driver.find_element(By.ID, "timeline")
    _wait(driver, lambda d: timeline.get_attribute("data-interval") == "year")  # 14 years
    before = int(timeline.get_attribute("data-total"))
    assert not driver.find_element(By.ID, "brush-clear").is_displayed()
    _drag(driver, driver.find_element(By.CSS_SELECTOR, "#timeline .u-over"), 0.02, 0.3)
    _wait(driver, lambda d: "start" in _params(d) and "end" in _params(d))
    start, end = _params(driver)["start"], _params(driver)["end"]
    assert start.startswith("2011") and start.endswith("-01-01") and end.endswith("-12-31")
    assert driver.find_element(By.ID, "f-start").get_attribute("value") == start
    assert driver.find_element(By.ID, "f-end").get_attribute("value") == end
    _settled(driver, server, since=start, until=end)
    _wait(
        driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-interval") != "year"
    )
    timeline = driver.find_element(By.ID, "timeline")
    assert int(timeline.get_attribute("data-total")) < before
    assert timeline.get_attribute("data-last") <= end
    stats = httpx.get(server + "/stats", params={"since": start, "until": end}).json()
    _wait(driver, lambda d: d.find_element(By.ID, "summary").text.startswith(f"{stats['total']} "))
    assert driver.find_element(By.ID, "brush-clear").is_displayed()
    _shot(driver, "dash-brushed")

    driver.find_element(By.ID, "brush-clear").click()
    _wait(driver, lambda d: "start" not in _params(d) and "end" not in _params(d))
    _wait(
        driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-interval") == "year"
    )
    assert int(driver.find_element(By.ID, "timeline").get_attribute("data-total")) == before


def test_acled_type_filter_and_colour_legend(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    _open(driver, server + "/")
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#type-legend .legend-item"))
    colours = _js(driver, "EW.acledColours")
    legend = _js(
        driver,
        "[...document.querySelectorAll('#type-legend .legend-item')].map(b => [b.dataset.type,"
        " getComputedStyle(b.querySelector('.legend-dot')).backgroundColor])",
    )
    assert {t for t, _ in legend} >= {"Battles", "Protests", "Strategic developments"}
    rgb = {t: c for t, c in legend}
    rows = _js(
        driver,
        "[...document.querySelectorAll('#events tbody tr')].map(r => [r.dataset.acledType,"
        " getComputedStyle(r.querySelector('.legend-dot')).backgroundColor])",
    )
    assert rows and all(rgb[t] == c for t, c in rows)  # the table's colours are the legend's
    assert len(set(rgb.values())) == len(rgb) and set(rgb) <= set(colours)

    driver.find_element(By.CSS_SELECTOR, '#type-legend .legend-item[data-type="Battles"]').click()
    _wait(driver, lambda d: _params(d).get("acled_type") == "Battles")
    assert driver.find_element(By.ID, "f-acled-type").get_attribute("value") == "Battles"
    _settled(driver, server, acled_type="Battles")
    _wait(
        driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-types") == "Battles"
    )
    types = _js(
        driver, "[...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.acledType)"
    )
    assert set(types) == {"Battles"}
    offered = _js(
        driver,
        "[...document.querySelectorAll('#f-sub-type optgroup:not([disabled]) option')]"
        ".map(o => o.value)",
    )
    assert "Armed clash" in offered and "Peaceful protest" not in offered
    Select(driver.find_element(By.ID, "f-sub-type")).select_by_value("Armed clash")
    _wait(driver, lambda d: _params(d).get("sub_type") == "Armed clash")
    _settled(driver, server, acled_type="Battles", sub_type="Armed clash")
    pressed = driver.find_element(By.CSS_SELECTOR, '#type-legend [aria-pressed="true"]')
    assert pressed.get_attribute("data-type") == "Battles"
    _shot(driver, "dash-acled-filter")
    pressed.click()  # a second click shows every type again
    _wait(driver, lambda d: "acled_type" not in _params(d))


def test_country_by_name_or_code_and_a_hint_for_an_unknown_one(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    _open(driver, server + "/")
    expected = _api_total(server, country="IQ")
    options = _js(
        driver, "[...document.querySelectorAll('#f-country-list option')].map(o => o.value)"
    )
    assert "Iraq" in options and "Syria" in options
    for value in ("Iraq", "iraq", "IQ"):
        box = driver.find_element(By.ID, "f-country")
        box.clear()
        box.send_keys(value)
        driver.find_element(By.ID, "f-apply").click()
        _wait(driver, lambda d, v=value: _params(d).get("country") == v)
        _wait(driver, lambda d: _table_total(d) == str(expected))
    box = driver.find_element(By.ID, "f-country")
    box.clear()
    box.send_keys("Irak")
    driver.find_element(By.ID, "f-apply").click()
    hint = driver.find_element(By.ID, "filter-hint")
    _wait(driver, lambda d: hint.is_displayed())
    assert "Iraq (IQ)" in hint.text and "EW-QRY-013" in hint.text
    assert box.get_attribute("aria-invalid") == "true"
    assert "0 of 0" not in driver.find_element(By.ID, "table-info").text
    _shot(driver, "dash-country-hint")
    box.clear()
    box.send_keys("Syria")
    driver.find_element(By.ID, "f-apply").click()
    _wait(driver, lambda d: not d.find_element(By.ID, "filter-hint").is_displayed())
    _settled(driver, server, country="SY")


def test_place_search_filters_and_pans_the_map(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    from eventwire.pipeline.places.gazetteer.build import index_path

    if not index_path().exists():
        pytest.skip("no gazetteer index built (eventwire gazetteer build)")
    driver = browser
    _open(driver, server + "/")
    driver.find_element(By.ID, "f-place").send_keys("Mosu")
    option = '#place-suggest li[data-name="Mosul"]'
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, option), timeout=30)
    _shot(driver, "dash-place-suggest")
    names = _js(driver, "EW.place.items.map(p => p.name)")
    assert names.index("Mosul") < len(names)
    if names[0] == "Mosul":  # the first suggestion by keyboard, else a click
        from selenium.webdriver.common.keys import Keys

        driver.find_element(By.ID, "f-place").send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    else:
        driver.find_element(By.CSS_SELECTOR, option).click()
    _wait(
        driver, lambda d: "bbox" in _params(d) and _params(d).get("place", "").startswith("Mosul")
    )
    bbox = _params(driver)["bbox"]
    minlon, minlat, maxlon, maxlat = map(float, bbox.split(","))
    assert minlon < 43.13 < maxlon and minlat < 36.34 < maxlat
    chip = driver.find_element(By.ID, "place-chip")
    assert chip.is_displayed() and "Mosul" in chip.text
    expected = _api_total(server, bbox=bbox)
    assert expected > 0
    _wait(driver, lambda d: _table_total(d) == str(expected))
    places = _js(
        driver,
        "[...document.querySelectorAll('#events tbody tr td:nth-child(6)')]"
        ".map(c => c.textContent)",
    )
    assert places and all(p.startswith("Mosul") for p in places)
    _wait(driver, lambda d: _js(d, "EW.map.map.getZoom()") == 10)
    centre = _js(driver, "[EW.map.map.getCenter().lat, EW.map.map.getCenter().lng]")
    assert abs(centre[0] - 36.34) < 0.2 and abs(centre[1] - 43.13) < 0.2
    _shot(driver, "dash-place")
    driver.find_element(By.ID, "place-chip-clear").click()
    _wait(
        driver,
        lambda d: (
            "bbox" not in _params(d) and not d.find_element(By.ID, "place-chip").is_displayed()
        ),
    )


def test_export_downloads_the_current_filter(browser: Any, server: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    _open(driver, server + "/?country=Syria&acled_type=Battles")
    expected = _api_total(server, country="SY", acled_type="Battles")
    _settled(driver, server, country="SY", acled_type="Battles")
    Select(driver.find_element(By.ID, "x-format")).select_by_value("geojson")
    link = driver.find_element(By.ID, "x-link")
    href = link.get_attribute("href")
    query = parse_qs(urlparse(href).query)
    assert query["format"] == ["geojson"] and query["country"] == ["Syria"]
    assert query["level"] == ["canonical"] and query["acled_type"] == ["Battles"]
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    link.click()
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [p for p in tmp_path.iterdir() if not p.name.endswith(".crdownload")]
        if files:
            break
        time.sleep(0.2)
    assert files, "no file was downloaded"
    assert files[0].name.startswith("eventwire-canonical-") and files[0].suffix == ".geojson"
    features = json.loads(files[0].read_text(encoding="utf-8"))["features"]
    assert len(features) == expected
    assert {f["properties"]["country"] for f in features} == {"SY"}

    Select(driver.find_element(By.ID, "x-format")).select_by_value("acled")
    text = driver.execute_async_script(
        "const done = arguments[0];"
        "fetch(document.getElementById('x-link').href).then(r => r.text()).then(done)"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == expected and {r["event_type"] for r in rows} == {"Battles"}
    assert {r["country"] for r in rows} == {"Syria"}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots(browser: Any, server: str, size: tuple[int, int]) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    name = "desktop" if size == DESKTOP else "phone"
    _open(driver, server + "/", size)
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline canvas"))
    width = _js(driver, "document.documentElement.scrollWidth")
    assert width <= size[0], "the page scrolls sideways"
    _shot(driver, f"dash-{name}")
    driver.execute_script("document.getElementById('timeline').scrollIntoView()")
    _shot(driver, f"dash-{name}-timeline")
    driver.execute_script("document.getElementById('events').scrollIntoView()")
    _shot(driver, f"dash-{name}-table")
    toggle = driver.find_element(By.ID, "filters-toggle")
    assert toggle.is_displayed() == (name == "phone")  # the filters fold on a phone only
    if name == "phone":
        assert not driver.find_element(By.ID, "f-country").is_displayed()
        driver.execute_script("window.scrollTo(0, 0)")
        toggle.click()
        _wait(driver, lambda d: d.find_element(By.ID, "f-country").is_displayed())
        _shot(driver, "dash-phone-filters")
