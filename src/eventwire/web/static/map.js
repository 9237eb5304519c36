/* eventwire dashboard map: Leaflet over the offline world-atlas outlines.
 *
 * Points are clustered in the browser by Leaflet.markercluster at every size. Only when more
 * events match than the browser can take (EW.map.maxPoints) does the server aggregate them
 * into grid cells, drawn like clusters; zooming in fetches the events of the view, which are
 * clustered again, so the two look and behave the same. Popups stay open when the map pans
 * to show them: layers are rebuilt only when the filters change or the view leaves the
 * fetched area, never on the move a popup causes. Geo-precision 2 (near a place, district)
 * and 3 (province, country) are drawn as hollow markers over a translucent area whose radius
 * says how uncertain the location is. Base labels (countries, admin1 areas, places) and the
 * change layer from /trends are in mapbase.js. Text from the store goes in as textContent. */
"use strict";

EW.map = {
  map: null, cluster: null, grid: null, areas: null, legend: null,
  fit: true, seq: 0, drawn: 0, popupOpen: false, maxPoints: 10000, counts: {},
  fetched: null,  // {bounds, complete}: the area the shown events cover, complete if every point
  fitting: null,  // a promise while a fit of ours has not ended (its moveend)
};

// ACLED geo-precision: how the marker is drawn and the radius (metres) of its uncertainty.
EW.PRECISION = {
  1: { label: "town or exact place", cls: "ew-prec-1", radius: 0 },
  2: { label: "near a place / district", cls: "ew-prec-2", radius: 25000 },
  3: { label: "province or country", cls: "ew-prec-3", radius: 100000 },
};

// ACLED event types take the dashboard's fixed colours (EW.acledColours in app.js: the same in
// table, timeline, legend, map and network); other keys (PLOVER types) take its palette.
EW.typeColour = (type) => EW.colour(type);
EW.mapColour = (p) => EW.typeColour(p.acled_type || p.type);

EW.initMap = function () {
  const box = document.getElementById("map");
  if (!window.L) { box.textContent = "map library missing (make web)"; return; }
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([25, 30], 2);
  map.createPane("base").style.zIndex = 250;     // country outlines, over tiles, under the rest
  map.createPane("areas").style.zIndex = 380;    // uncertainty areas, under the markers
  map.createPane("change").style.zIndex = 390;   // the change layer
  map.createPane("labels").style.zIndex = 420;   // base labels, above areas, under markers
  map.getPane("labels").style.pointerEvents = "none";
  EW.map.map = map;
  EW.initBase(map);
  EW.map.areas = L.layerGroup().addTo(map);
  EW.map.grid = L.layerGroup().addTo(map);
  if (L.markerClusterGroup) {
    EW.map.cluster = L.markerClusterGroup({
      maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      chunkedLoading: true, iconCreateFunction: EW.clusterIcon,
      chunkProgress: (done, total) => { if (done === total) EW.scheduleLabels(); },
    }).addTo(map);
  } else {
    EW.notice("marker clustering library missing (make web)");
    EW.map.cluster = L.layerGroup().addTo(map);
  }
  map.on("popupopen", () => { EW.map.popupOpen = true; });
  map.on("popupclose", () => { EW.map.popupOpen = false; });
  map.on("moveend", EW.mapMoved);
  map.on("moveend", EW.showAreas);
  if (EW.map.cluster.on) {
    EW.map.cluster.on("animationend spiderfied unspiderfied", () => { EW.showAreas(); EW.scheduleLabels(); });
  }
};

/* A cluster (or a server grid cell) as a round count, coloured by its most frequent type. */
EW.countIcon = function (count, type, cls) {
  const size = Math.round(26 + 8 * Math.log10(Math.max(1, count)));
  const text = count >= 1000 ? (count / 1000).toFixed(count >= 10000 ? 0 : 1) + "k" : String(count);
  const html = EW.el("div", { style: `border-color:${EW.typeColour(type)}` }, EW.el("span", { text }));
  return L.divIcon({ html, className: "ew-cluster " + cls, iconSize: [size, size] });
};

EW.clusterIcon = function (cluster) {
  const byType = {};
  for (const m of cluster.getAllChildMarkers()) {
    const t = m.options.ewType;
    byType[t] = (byType[t] || 0) + 1;
  }
  const type = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
  return EW.countIcon(cluster.getChildCount(), type, "ew-cluster-points");
};

EW.mapBbox = function (bounds) {
  const b = bounds || EW.map.map.getBounds();
  if (b.getEast() - b.getWest() >= 360) return null;
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
};

/* After a pan or zoom: refetch only when the shown events do not cover the view (server
 * grid, or the points of a smaller area) and no popup is open (autoPan moves the map). */
EW.mapMoved = function () {
  const m = EW.map;
  if (m.fit || !m.fetched) return;
  if (m.popupOpen) return;
  if (m.fetched.complete && (m.fetched.bounds === null || m.fetched.bounds.contains(m.map.getBounds()))) return;
  EW.drawMap(false);
};

EW.popupFor = function (p) {
  const prec = EW.PRECISION[p.precision];
  const row = (label, value) => (value === null || value === undefined || value === "" ? null
    : EW.el("div", {}, EW.el("span", { class: "pk", text: label }), String(value)));
  const actors = [p.actor1, p.actor2].filter(Boolean).join(" → ");
  const place = [p.place, p.admin1, p.country].filter(Boolean).join(", ");
  return EW.el("div", { class: "ew-popup", "data-event-id": p.event_id },
    EW.el("b", { text: p.acled_type || p.type || "event" }),
    row("Date", p.date || "?"),
    row("Type", [p.type, p.acled_type].filter(Boolean).join(" · ")),
    row("Actors", actors || "—"),
    row("Place", place || "—"),
    row("Killed", p.fatalities ?? "not reported"),
    row("Precision", prec ? `${p.precision} (${prec.label})` : "unknown"),
    EW.el("a", { href: "#", class: "ew-evidence", text: "open the evidence ▸",
      onclick: (e) => { e.preventDefault(); EW.openEvent(p.event_id); } }));
};

EW.pointMarker = function (p) {
  const prec = EW.PRECISION[p.precision] || EW.PRECISION[1];
  const colour = EW.mapColour(p);
  const html = EW.el("div", { style: `--c:${colour}` });
  const marker = L.marker([p.lat, p.lon], {
    icon: L.divIcon({ html, className: `ew-marker ${prec.cls}`, iconSize: [14, 14] }),
    ewType: p.acled_type || p.type, ewId: p.event_id, ewPoint: p, title: [p.place, p.date].filter(Boolean).join(", "),
  });
  marker.bindPopup(() => EW.popupFor(p), { autoPan: true, autoPanPadding: [20, 20], maxWidth: 280 });
  return marker;
};

/* The uncertainty area of an imprecise point, drawn while its marker is shown on its own
 * (not inside a cluster) from zoom 5, where a radius of tens of kilometres means something. */
EW.areaFor = function (p) {
  const prec = EW.PRECISION[p.precision];
  if (!prec || !prec.radius) return null;
  return L.circle([p.lat, p.lon], { pane: "areas", radius: prec.radius, interactive: false,
    color: EW.mapColour(p), weight: 1, dashArray: p.precision === 3 ? "2 4" : "6 4",
    fillOpacity: p.precision === 3 ? 0.05 : 0.08, className: "ew-area ew-area-" + p.precision });
};

EW.showAreas = function () {
  const m = EW.map;
  if (!m.map || !m.areas) return;
  m.areas.clearLayers();
  if (m.map.getZoom() < 5) return;
  const view = m.map.getBounds().pad(0.3);
  const single = m.cluster.getVisibleParent ? (x) => m.cluster.getVisibleParent(x) === x : () => true;
  let n = 0;
  for (const marker of m.cluster.getLayers()) {
    if (n >= 500) break;
    const p = marker.options.ewPoint;
    if (!p || !p.precision || p.precision < 2 || !view.contains(marker.getLatLng()) || !single(marker)) continue;
    const area = EW.areaFor(p);
    if (area) { area.addTo(m.areas); n += 1; }
  }
};

EW.drawPoints = function (points, counts) {
  const m = EW.map;
  const markers = [];
  for (const p of points) {
    const key = p.acled_type || p.type;
    counts[key] = (counts[key] || 0) + 1;
    markers.push(EW.pointMarker(p));
  }
  m.cluster.addLayers ? m.cluster.addLayers(markers) : markers.forEach((x) => x.addTo(m.cluster));
};

EW.drawCells = function (cells, counts) {
  const m = EW.map;
  for (const c of cells) {
    counts[c.type] = (counts[c.type] || 0) + c.count;
    L.marker([c.lat, c.lon], { icon: EW.countIcon(c.count, c.type, "ew-cell"),
      title: `${c.count} events: zoom in to see them` })
      .on("click", () => m.map.setView([c.lat, c.lon], Math.min(m.map.getZoom() + 2, 14)))
      .addTo(m.grid);
  }
};

/* Leaflet 1.9 cannot interrupt a zoom animation: a setView or fitBounds asked while one runs
 * is dropped (_tryAnimatedZoom answers "moved"), and one asked after fitBounds but before the
 * animation's first frame is undone when that frame starts it. So a fit waits until the map
 * is still, and the map says what it shows (map-info data-mode) only when it is still. */
EW.mapStill = async function () {
  const m = EW.map;
  for (;;) {
    const map = m.map, panning = map._panAnim && map._panAnim._inProgress;
    if (m.fitting) await m.fitting;
    else if (map._animatingZoom || panning) await new Promise((done) => map.once("moveend", done));
    else return;
  }
};

/* Fit the view to latlngs; m.fitting until the fit's own moveend (at once, or after the
 * animation). Called when the map is still: nothing else ends with a moveend meanwhile. */
EW.fitMap = function (latlngs) {
  const m = EW.map;
  let ended = null;
  const fitting = new Promise((done) => { ended = () => { m.fitting = null; done(); }; });
  m.map.once("moveend", ended);
  m.fitting = fitting;
  try {
    m.map.fitBounds(latlngs, { padding: [30, 30], maxZoom: 7 });
  } catch (e) {  // bounds Leaflet refuses: no move comes, nothing may wait for one
    m.map.off("moveend", ended);
    ended();
    throw e;
  }
  return fitting;
};

EW.drawMap = async function (fit) {
  const m = EW.map;
  if (!m.map) return;
  const seq = ++m.seq;
  const asked = fit ? null : m.map.getBounds().pad(0.5);  // a margin: small pans need no fetch
  const bbox = asked && EW.mapBbox(asked);
  const extra = { zoom: m.map.getZoom(), max_points: m.maxPoints, bbox };
  const params = new URLSearchParams(EW.query(extra));
  params.set("level", EW.level || "canonical");
  const data = await EW.api("/map?" + params.toString());
  if (seq !== m.seq) return;  // a newer request is on its way
  if (fit) await EW.mapStill();  // a fit asked during a zoom animation would be dropped
  if (seq !== m.seq) return;
  m.map.closePopup();
  m.cluster.clearLayers();
  m.grid.clearLayers();
  m.areas.clearLayers();
  const counts = {};
  if (data.mode === "points") EW.drawPoints(data.points, counts);
  else EW.drawCells(data.cells, counts);
  m.drawn = seq;
  m.fetched = { bounds: bbox ? asked : null, complete: data.mode === "points" };
  m.counts = counts;
  EW.drawLegend(counts);
  if (fit) {
    const where = data.mode === "points" ? data.points : data.cells;
    m.fit = false;  // the fit's own move refetches a grid: its cells at the fitted zoom
    if (where.length) EW.fitMap(where.map((p) => [p.lat, p.lon]));
  }
  await EW.mapStill();
  if (m.drawn !== seq) return;  // a newer response is drawn: it says what the map shows
  EW.showMapInfo(data);
  EW.showAreas();
};

/* What the map shows, once its view has settled (tests wait for data-mode). */
EW.showMapInfo = function (data) {
  const info = document.getElementById("map-info");
  info.textContent = `${data.total.toLocaleString()} located events` +
    (data.mode === "grid" ? " (aggregated: zoom in for each event)" : "");
  info.dataset.mode = data.mode;
  info.dataset.total = data.total;
};

EW.drawLegend = function (counts) {
  const m = EW.map;
  if (m.legend) m.legend.remove();
  m.legend = L.control({ position: "bottomright" });
  m.legend.onAdd = () => {
    const box = EW.el("div", { class: "maplegend", id: "map-legend" });
    const wide = m.map.getSize().x >= 500;  // on a phone the sections start closed
    const types = EW.el("details", { class: "legend-types", open: wide ? "" : null }, EW.el("summary", { text: "Event types" }));
    for (const [type, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
      types.append(EW.el("div", {}, EW.el("span", { class: "legend-dot", style: "background:" + EW.typeColour(type) }), `${type} ${n}`));
    }
    const prec = EW.el("details", { class: "legend-precision" }, EW.el("summary", { text: "Location precision" }));
    for (const [code, p] of Object.entries(EW.PRECISION)) {
      prec.append(EW.el("div", { "data-precision": code },
        EW.el("span", { class: `legend-marker ew-marker ${p.cls}` }, EW.el("div", { style: "--c:#555" })),
        `${code}: ${p.label}` + (p.radius ? ` (shaded ≈${p.radius / 1000} km from zoom 5)` : "")));
    }
    prec.append(EW.el("div", { class: "muted" }, EW.el("span", { class: "legend-marker ew-cluster" }), "numbers: events grouped, click to zoom"));
    box.append(types, prec);
    if (EW.changeLegend) box.append(EW.changeLegend(wide));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  m.legend.addTo(m.map);
};

/* ---- registration ----------------------------------------------------------------------- */
EW.views.push(async () => { EW.map.fit = true; await EW.drawMap(true); });
EW.inits.push(EW.initMap);
