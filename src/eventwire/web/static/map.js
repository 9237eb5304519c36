/* eventwire dashboard map (Leaflet + world-atlas outlines): reads the server's /map
 * aggregates, so 100k+ events stay fast. */
"use strict";

/* ---- map -------------------------------------------------------------------------------- */
EW.map = { map: null, layer: null, legend: null, qs: "", fit: true, seq: 0 };

EW.initMap = function () {
  if (!window.L) { document.getElementById("map").textContent = "map library missing (make web)"; return; }
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([25, 30], 2);
  if (EW.config.tiles) {
    L.tileLayer(EW.config.tiles, { maxZoom: 18, attribution: "tiles: " + new URL(EW.config.tiles, location.href).host }).addTo(map);
  } else {
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, { interactive: false,
        style: { color: "#8a9bb0", weight: 0.7, fillColor: "#f3f0e8", fillOpacity: 1 } }).addTo(map).bringToBack();
    }).catch(() => EW.notice("country outlines missing (make web)"));
    map.attributionControl.addAttribution("Natural Earth via world-atlas");
  }
  EW.map.map = map;
  EW.map.layer = L.layerGroup().addTo(map);
  map.on("moveend", () => { if (!EW.map.fit) EW.drawMap(false); });
};

EW.mapBbox = function () {
  const b = EW.map.map.getBounds();
  if (b.getEast() - b.getWest() >= 360) return null;
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
};

EW.drawMap = async function (fit) {
  const m = EW.map;
  if (!m.map) return;
  const seq = ++m.seq;
  const extra = { zoom: m.map.getZoom(), max_points: 3000 };
  if (!fit) extra.bbox = EW.mapBbox();
  const data = await EW.api("/map?" + EW.query(extra));
  if (seq !== m.seq) return;  // a newer request is on its way
  m.layer.clearLayers();
  const bounds = [];
  const counts = {};
  if (data.mode === "points") {
    const groups = new Map();
    for (const p of data.points) {
      const key = p.lat.toFixed(3) + "," + p.lon.toFixed(3);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    for (const pts of groups.values()) {
      const byType = {};
      for (const p of pts) { byType[p.type] = (byType[p.type] || 0) + 1; counts[p.type] = (counts[p.type] || 0) + 1; }
      const type = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
      const ll = [pts[0].lat, pts[0].lon];
      bounds.push(ll);
      const marker = L.circleMarker(ll, { radius: Math.min(18, 5 + 2 * Math.sqrt(pts.length)), color: "#222",
        weight: 1, fillColor: EW.colour(type), fillOpacity: 0.85, className: "ew-marker" });
      const popup = EW.el("div", {}, EW.el("b", { text: `${pts[0].place || ""} (${pts.length})` }));
      for (const p of pts.slice(0, 12)) {
        popup.append(EW.el("div", {}, EW.el("a", { href: "#", text: `${p.date || "?"} ${p.type}`,
          onclick: (e) => { e.preventDefault(); EW.openEvent(p.event_id); } })));
      }
      if (pts.length > 12) popup.append(EW.el("div", { text: `… ${pts.length - 12} more (see table)` }));
      marker.bindPopup(popup);
      // a DOM node, not a string: Leaflet writes a string tooltip as HTML, and place names are text
      marker.bindTooltip(EW.el("span", { text: `${pts[0].place || ""}: ${pts.length} event(s)` }));
      marker.addTo(m.layer);
    }
  } else {
    const max = Math.max(...data.cells.map((c) => c.count), 1);
    for (const c of data.cells) {
      counts[c.type] = (counts[c.type] || 0) + c.count;
      bounds.push([c.lat, c.lon]);
      L.circleMarker([c.lat, c.lon], { radius: 6 + 16 * Math.log(1 + c.count) / Math.log(1 + max), color: "#222",
        weight: 1, fillColor: EW.colour(c.type), fillOpacity: 0.7, className: "ew-cell" })
        .bindTooltip(c.count >= 1000 ? (c.count / 1000).toFixed(c.count >= 10000 ? 0 : 1) + "k" : String(c.count),
          { permanent: true, direction: "center", className: "cell-label" })
        .on("click", () => m.map.setView([c.lat, c.lon], Math.min(m.map.getZoom() + 2, 14)))
        .addTo(m.layer);
    }
  }
  const info = document.getElementById("map-info");
  info.textContent = `${data.total.toLocaleString()} located events` + (data.mode === "grid" ? " (aggregated)" : "");
  info.dataset.mode = data.mode;
  EW.drawLegend(counts);
  if (fit) {
    if (bounds.length) m.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
    m.fit = false;
  }
};

EW.drawLegend = function (counts) {
  const m = EW.map;
  if (m.legend) m.legend.remove();
  m.legend = L.control({ position: "bottomright" });
  m.legend.onAdd = () => {
    const box = EW.el("div", { class: "maplegend" });
    for (const [type, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) {
      box.append(EW.el("div", {}, EW.el("span", { class: "legend-dot", style: "background:" + EW.colour(type) }), `${type} ${n}`));
    }
    return box;
  };
  m.legend.addTo(m.map);
};

/* ---- registration ----------------------------------------------------------------------- */
EW.views.push(async () => { EW.map.fit = true; await EW.drawMap(true); });
EW.inits.push(EW.initMap);
