"""The map says what it shows only once its fit has ended (hweb, 2026-12-07).

Leaflet 1.9 cannot interrupt a zoom animation: a setView asked while one runs is dropped, and
one asked after fitBounds but before the animation's first frame is undone when that frame
starts it. The dashboard wrote ``#map-info[data-mode]`` (and let EW.refresh resolve) right
after calling an animated fitBounds, so a view set as soon as the page said "grid" (or
"ready") could be lost: the map went back to the fitted overview, which stayed in grid mode,
and test_web_map's wait for "points" timed out. These cases set the view at the earliest
moment the page allows, where the old code lost it every time.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from test_web_browser import _wait, browser  # noqa: F401  (the browser fixture)
from test_web_map import _js, _open, map_server  # noqa: F401  (the map store's server)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# a zoom-out fit (from zoom 5 to the overview) is animated
AWAY = "EW.map.map.setView([35.0, 43.0], 5, {animate: false})"
MOSUL = "EW.map.map.setView([36.3, 43.1], 9, {animate: false})"


def _still(driver: Any) -> None:
    time.sleep(0.5)
    _wait(driver, lambda d: not _js(d, "return EW.map.map._animatingZoom"))


def test_a_view_set_when_the_map_says_grid_is_kept(browser: Any, map_server: str) -> None:  # noqa: F811
    driver = browser
    _open(driver, map_server)
    _js(driver, AWAY)
    # the view is set in the same turn as data-mode becomes "grid" (a mutation observer)
    _js(
        driver,
        """const info = document.getElementById('map-info');
           const seen = new MutationObserver(() => {
             if (info.dataset.mode !== 'grid') return;
             seen.disconnect();
             """
        + MOSUL
        + """;
           });
           seen.observe(info, {attributes: true, attributeFilter: ['data-mode']});
           EW.map.maxPoints = 25; EW.map.fit = true; EW.drawMap(true);""",
    )
    info = driver.find_element("id", "map-info")
    _wait(driver, lambda d: info.get_attribute("data-mode") == "points")
    _still(driver)
    assert _js(driver, "return EW.map.map.getZoom()") == 9
    assert info.get_attribute("data-mode") == "points"


def test_a_view_set_when_a_fitting_draw_ends_is_kept(browser: Any, map_server: str) -> None:  # noqa: F811
    driver = browser
    _open(driver, map_server)
    _js(driver, AWAY)
    # what the page's ready flag and the URL's map view rely on: EW.refresh awaits the map's
    # view hook, EW.drawMap(true), before they are set
    _js(
        driver,
        "window.__zoom = null; EW.map.fit = true; EW.drawMap(true).then(() => { "
        + MOSUL
        + "; window.__zoom = 1; })",
    )
    _wait(driver, lambda d: _js(d, "return window.__zoom") == 1)
    _still(driver)
    assert _js(driver, "return EW.map.map.getZoom()") == 9
    centre = _js(driver, "const c = EW.map.map.getCenter(); return [c.lat, c.lng]")
    assert abs(centre[0] - 36.3) < 0.01 and abs(centre[1] - 43.1) < 0.01
    assert _js(driver, "return window.__errors") == []
