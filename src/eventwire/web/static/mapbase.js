/* eventwire dashboard map, the layers under and over the events:
 *  - base: world-atlas country outlines (Natural Earth, vendored) with country names; no npm
 *    package ships admin-1 boundaries with names for the whole world offline, so admin-1
 *    names and place names are drawn from the events' own locations (GET /places: the mean
 *    position of the events of each place and admin-1 area), labels that collide dropped;
 *  - change: the areas /trends finds heating up (large or moderate increase) and fatality
 *    spikes, at the area's events' centroid, coloured by level; toggled in the map's corner.
 * Text from the store goes in as textContent (Leaflet divIcons take DOM nodes). */
"use strict";

EW.base = { countries: [], places: [], labels: null, show: true, timer: 0 };
EW.change = { layer: null, result: null, show: true };
EW.CHANGE_LEVELS = {
  "large increase": { colour: "#c0392b", cls: "ew-change-large" },
  "moderate increase": { colour: "#e67e22", cls: "ew-change-moderate" },
};

/* The centre of the largest ring of a (Multi)Polygon: where a country's name goes. */
EW.labelPoint = function (geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  let bestArea = -1;
  for (const poly of polys) {
    const ring = poly[0];
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const [x, y] of ring) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
    if (e - w > 180) continue;  // a ring across the antimeridian (Fiji, Chukotka)
    const area = (e - w) * (n - s);
    if (area > bestArea) { bestArea = area; best = { lat: (s + n) / 2, lon: (w + e) / 2, width: e - w }; }
  }
  return best;
};

/* A ring across the antimeridian (Russia's Chukotka, Fiji) is drawn by Leaflet as a band
 * across the whole world: its western longitudes move east of 180 instead. Antarctica, whose
 * ring runs along the pole, is left as it is. */
EW.unwrapAntimeridian = function (geometry) {
  if (!geometry) return;
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      const xs = ring.map((c) => c[0]);
      const south = Math.min(...ring.map((c) => c[1]));
      if (Math.max(...xs) - Math.min(...xs) <= 300 || south < -60) continue;
      for (const c of ring) if (c[0] < 0) c[0] += 360;
    }
  }
};

EW.initBase = function (map) {
  EW.base.labels = L.layerGroup().addTo(map);
  EW.change.layer = L.layerGroup().addTo(map);
  if (EW.config.tiles) {
    L.tileLayer(EW.config.tiles, { maxZoom: 18, attribution: "tiles: " + new URL(EW.config.tiles, location.href).host }).addTo(map);
  } else {
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      countries.features.forEach((f) => EW.unwrapAntimeridian(f.geometry));
      L.geoJSON(countries, { interactive: false, pane: "base",
        style: { color: "#8a9bb0", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map).bringToBack();
      EW.base.countries = countries.features.filter((f) => f.geometry && f.properties.name)
        .map((f) => ({ name: f.properties.name, ...EW.labelPoint(f.geometry) }));
      EW.drawLabels();
    }).catch(() => EW.notice("country outlines missing (make web)"));
    map.attributionControl.addAttribution("Natural Earth via world-atlas; place names from the events");
  }
  map.on("zoomend moveend", EW.scheduleLabels);
  EW.layerToggles(map);
};

/* The clusters and single markers the cluster group shows in the view (from its state, not
 * the DOM, which lags behind while clusters fade in and out). */
EW.shownIcons = function () {
  const m = EW.map;
  if (!m.cluster || !m.cluster.getVisibleParent) return [];
  const view = m.map.getBounds();
  const shown = new Set();
  for (const marker of m.cluster.getLayers()) {
    if (!view.contains(marker.getLatLng())) continue;
    const parent = m.cluster.getVisibleParent(marker);
    if (parent) shown.add(parent);
  }
  return shown;
};

/* Labels once the clusters of the new view are drawn (their handlers run after this one). */
EW.scheduleLabels = function () {
  clearTimeout(EW.base.timer);
  EW.base.timer = setTimeout(EW.drawLabels, 40);
};

/* Labels on a pixel grid: a label that would overlap one already placed is left out. */
EW.drawLabels = function () {
  const map = EW.map.map;
  const layer = EW.base.labels;
  if (!map || !layer) return;
  layer.clearLayers();
  if (!EW.base.show) return;
  const zoom = map.getZoom();
  const view = map.getBounds().pad(0.1);
  // the event markers, clusters and the map's controls come first: a label never hides one
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const placed = [...container.querySelectorAll(".leaflet-control")].map((el) => {
    const r = el.getBoundingClientRect();
    return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
  });
  for (const icon of EW.shownIcons()) {
    const pt = map.latLngToContainerPoint(icon.getLatLng());
    // a cluster is its own icon and keeps the divIcon it draws in _iconObj
    const drawn = icon.getChildCount ? icon._iconObj : icon.options.icon;
    const [w, h] = (drawn && drawn.options.iconSize) || [40, 40];
    placed.push([pt.x - w / 2 - 2, pt.y - h / 2 - 2, pt.x + w / 2 + 2, pt.y + h / 2 + 2]);
  }
  const size = map.getSize();
  const fits = (pt, w, h) => {
    const box = [pt.x - w / 2, pt.y - h / 2, pt.x + w / 2, pt.y + h / 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y) return false;  // cut off
    if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) return false;
    placed.push(box);
    return true;
  };
  // on the point, else just below, above, right or left of it (beside a cluster)
  const add = (item, cls) => {
    if (!view.contains([item.lat, item.lon])) return;
    const pt = map.latLngToContainerPoint([item.lat, item.lon]);
    const w = 7 * item.name.length + 8;
    const spots = [[0, 0], [0, 16], [0, -16], [0, 26], [0, -26], [w / 2 + 20, 0], [-w / 2 - 20, 0],
      [0, 40], [0, -40]];
    const spot = spots.find(([dx, dy]) => fits(L.point(pt.x + dx, pt.y + dy), w, 15));
    if (!spot) return;
    const html = EW.el("span", { text: item.name,
      style: `transform: translate(calc(-50% + ${spot[0]}px), calc(-50% + ${spot[1]}px))` });
    L.marker([item.lat, item.lon], { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "map-label " + cls, html, iconSize: null }) }).addTo(layer);
  };
  const places = EW.base.places;
  const towns = () => { if (zoom >= 5) for (const p of places.filter((x) => x.kind === "place")) add(p, "place-label"); };
  const areas = () => { if (zoom >= 4 && zoom <= 8) for (const p of places.filter((x) => x.kind === "admin1")) add(p, "admin1-label"); };
  towns();  // place names first: they say where the events are
  areas();
  // a country's name once its widest part is wide enough on screen to hold it
  const degPx = 256 * 2 ** zoom / 360;
  if (zoom >= 2 && zoom <= 7) {
    for (const c of EW.base.countries) if (c.width * degPx > 7 * c.name.length) add(c, "country-label");
  }
};

/* Place and admin-1 names from the events under the current filters (GET /places). */
EW.loadPlaces = async function (qs) {
  const params = new URLSearchParams(qs);
  for (const name of ["limit", "offset"]) params.delete(name);
  params.set("limit", "1000");
  const data = await EW.api("/places?" + params.toString());
  const admin = new Map();
  const places = [];
  for (const p of data.items) {
    if (p.lat === null || p.lon === null) continue;
    if (p.precision === 1 || p.precision === null) places.push({ kind: "place", name: p.name, lat: p.lat, lon: p.lon, n: p.events });
    if (!p.admin1) continue;
    const key = p.country + "|" + p.admin1;
    const a = admin.get(key) || { kind: "admin1", name: p.admin1, lat: 0, lon: 0, n: 0 };
    a.lat += p.lat * p.events; a.lon += p.lon * p.events; a.n += p.events;
    admin.set(key, a);
  }
  for (const a of admin.values()) { a.lat /= a.n; a.lon /= a.n; }
  // busiest first: they win the collisions
  EW.base.places = [...admin.values(), ...places].sort((x, y) => y.n - x.n);
  EW.drawLabels();
};

/* ---- change layer (from /trends; trends.js calls EW.drawChangeLayer with its result) ---- */
EW.drawChangeLayer = function (result) {
  EW.change.result = result;
  const layer = EW.change.layer;
  if (!layer) return;
  layer.clearLayers();
  const spikes = new Set((result.spikes || []).map((s) => s.country + "|" + (s.admin1 || "")));
  let n = 0;
  for (const a of result.areas || []) {
    const level = EW.CHANGE_LEVELS[a.level];
    const spike = spikes.has(a.country + "|" + (a.admin1 || ""));
    if ((!level && !spike) || a.lat === null || a.lon === null) continue;
    n += 1;
    const colour = level ? level.colour : "#7f1d1d";
    const cls = ["ew-change", level ? level.cls : "ew-change-none", spike ? "ew-change-spike" : ""].join(" ");
    const change = a.events_change === null || a.events_change === undefined ? "new"
      : (a.events_change > 0 ? "+" : "") + Math.round(a.events_change * 100) + "%";
    const text = `${a.admin1 || "(country level)"}, ${a.country}: ${a.level}, ${a.events} incidents ` +
      `against ${a.baseline_events} (${change}), ${a.fatalities} killed` + (spike ? " — fatality spike" : "");
    L.circleMarker([a.lat, a.lon], { pane: "change", radius: 18 + 5 * Math.sqrt(a.events),
      color: spike ? "#111" : colour, weight: spike ? 3 : 1.5, dashArray: spike ? "4 3" : null,
      fillColor: colour, fillOpacity: 0.3, className: cls })
      .bindTooltip(EW.el("span", { text }), { sticky: true })
      .addTo(layer);
  }
  document.getElementById("map").dataset.changeAreas = n;
  if (EW.map.map) EW.drawLegend(EW.map.counts);
};

EW.changeLegend = function (open) {
  const box = EW.el("details", { class: "legend-change", open: open ? "" : null }, EW.el("summary", { text: "Change (trends)" }));
  if (!EW.change.show || !EW.change.result) { box.append(EW.el("div", { class: "muted", text: EW.change.show ? "loading…" : "hidden" })); return box; }
  const w = EW.change.result.window;
  if (w) box.append(EW.el("div", { class: "muted", text: `${w.start} – ${w.end} vs the windows before` }));
  for (const [level, s] of Object.entries(EW.CHANGE_LEVELS)) {
    box.append(EW.el("div", {}, EW.el("span", { class: "legend-dot legend-ring", style: `background:${s.colour}55;border-color:${s.colour}` }), level));
  }
  box.append(EW.el("div", {}, EW.el("span", { class: "legend-dot legend-ring legend-spike" }), "fatality spike (above every earlier window)"));
  return box;
};

/* Check boxes in the map's corner: the change layer and the base labels. */
EW.layerToggles = function (map) {
  const control = L.control({ position: "topright" });
  control.onAdd = () => {
    const box = EW.el("div", { class: "maptoggles", id: "map-toggles" });
    const toggle = (id, label, state, layer, after) => {
      const input = EW.el("input", { type: "checkbox", id });
      input.checked = state.show;
      input.addEventListener("change", () => {
        state.show = input.checked;
        if (input.checked) layer().addTo(map); else layer().remove();
        after();
      });
      box.append(EW.el("label", {}, input, label));
    };
    toggle("map-toggle-change", "change (trends)", EW.change, () => EW.change.layer, () => EW.drawLegend(EW.map.counts));
    toggle("map-toggle-labels", "place names", EW.base, () => EW.base.labels, EW.drawLabels);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  control.addTo(map);
};

EW.views.push((qs) => EW.loadPlaces(qs));
