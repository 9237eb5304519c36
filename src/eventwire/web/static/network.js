/* eventwire dashboard actor network (Cytoscape): who acts on whom, from /stats edges. */
"use strict";

/* ---- actor network ---------------------------------------------------------------------- */
EW.network = { cy: null };

EW.drawNetwork = function (stats) {
  const box = document.getElementById("network");
  if (EW.network.cy) { EW.network.cy.destroy(); EW.network.cy = null; }
  box.replaceChildren();
  box.dataset.edges = stats.network.length;
  if (!stats.network.length) { box.textContent = "no actor pairs"; return; }
  if (!window.cytoscape) { box.textContent = "network library missing (make web)"; return; }
  const degree = {};
  for (const e of stats.network) {
    degree[e.source] = (degree[e.source] || 0) + e.weight;
    degree[e.target] = (degree[e.target] || 0) + e.weight;
  }
  const maxDeg = Math.max(...Object.values(degree));
  const maxW = Math.max(...stats.network.map((e) => e.weight));
  const elements = Object.keys(degree).map((name) => ({ data: { id: "n:" + name, label: name,
    size: 8 + 18 * Math.sqrt(degree[name] / maxDeg) } }));
  stats.network.forEach((e, i) => elements.push({ data: { id: "e" + i, source: "n:" + e.source,
    target: "n:" + e.target, weight: e.weight, width: 1 + 7 * e.weight / maxW } }));
  EW.network.cy = cytoscape({
    container: box, elements, wheelSensitivity: 0.3,
    // A circle stays readable for a few actors; a force layout spreads larger networks.
    layout: Object.keys(degree).length <= 16
      ? { name: "circle", padding: 24, avoidOverlap: true }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: 6000, idealEdgeLength: 50,
          componentSpacing: 20, nestingFactor: 0.8, gravity: 1.5, padding: 8 },
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#1f5fae", "font-size": 11, color: "#1d2330", "text-valign": "bottom", "text-margin-y": 2,
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#9aa7b8", "target-arrow-color": "#9aa7b8",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.7,
        "arrow-scale": 0.8 } },
    ],
  });
  EW.network.cy.on("tap", "node", (evt) => EW.setFilter("actor", evt.target.data("label")));
};

