"""The dashboard's trends panel in a real headless browser, over the trends story
(:mod:`trend_docs`): Nineveh a large increase, Basra stable, the new group listed, and a
click on an area filtering the dashboard to it. Screenshots at desktop and phone widths go
to tests/artifacts/. Skips as tests/test_web_browser.py does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from test_web_browser import _serve, _shot, _wait, browser
from trend_docs import NEW_GROUP, trend_documents

__all__ = ["browser"]  # the fixture, shared with tests/test_web_browser.py
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def trends_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-trends") / "trends.duckdb"
    with Store.open(db) as store:
        store.write_batch(trend_documents(), [])
        cluster_store(store)
    with _serve(db) as base:
        yield base


def _rows(driver: Any) -> list[list[str]]:
    rows: list[list[str]] = driver.execute_script(
        "return [...document.querySelectorAll('#trends tbody tr')]"
        ".map(r => [r.dataset.admin1, r.dataset.level, r.cells[3].textContent])"
    )
    return rows


def test_trends_panel(browser: Any, trends_server: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.set_window_size(1400, 1300)
    driver.get(trends_server + "/")
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    _wait(driver, lambda d: len(_rows(d)) == 3)
    rows = {admin1: (level, change) for admin1, level, change in _rows(driver)}
    assert rows["Nineveh"] == ("large increase", "+700%")
    assert rows["Basra"] == ("stable", "0%")
    info = driver.find_element(By.ID, "trends-info").text
    assert info.startswith("2025-06-23 – 2025-06-29")  # the last event date by default
    actors = driver.find_element(By.ID, "trends-actors").text
    assert NEW_GROUP[0] in actors and "2025-06-24" in actors and "Nineveh" in actors
    assert "Nineveh" in driver.find_element(By.ID, "trends-spikes").text
    panel = driver.find_element(By.ID, "trends-panel")
    driver.execute_script("arguments[0].scrollIntoView()", panel)
    _shot(driver, "trends-desktop")

    # A click on Basra filters the dashboard to it; the panel follows the filter.
    driver.find_element(By.CSS_SELECTOR, '#trends tbody tr[data-admin1="Basra"]').click()
    _wait(driver, lambda d: [r[0] for r in _rows(d)] == ["Basra"])
    assert driver.find_element(By.ID, "f-admin1").get_attribute("value") == "Basra"
    assert driver.find_element(By.ID, "f-country").get_attribute("value") == "IQ"

    # Phone width: the panel is one column and still readable.
    driver.find_element(By.ID, "f-reset").click()
    _wait(driver, lambda d: len(_rows(d)) == 3)
    driver.set_window_size(390, 844)
    driver.execute_script("arguments[0].scrollIntoView()", panel)
    assert panel.size["width"] <= 390
    _shot(driver, "trends-phone")
    driver.set_window_size(1400, 1300)
