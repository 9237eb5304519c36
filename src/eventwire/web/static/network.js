/* eventwire dashboard actor network (Cytoscape): who acts on whom, from the /stats edges.
 *
 * Coded actors only: an edge is kept when both sides carry an ACLED inter code (the actor
 * dictionary coded them), so that words the coder took for an actor ("a loud blast", "the
 * main road") never become nodes. The busiest actors (by events, as actor 1 or 2) are kept
 * up to EW.network.maxNodes (fewer on a phone); node size says how many events, node colour
 * the actor's inter code, edge colour the pair's most frequent ACLED event type, edge width
 * the number of events. Labels stay at least 11 px on screen whatever the zoom. */
"use strict";

EW.network = { cy: null, maxNodes: 24, edges: 400, minLabelPx: 12 };

// ACLED inter codes: what kind of actor a node is (its colour).
EW.INTER = {
  1: ["State forces", "#1f4e79"], 2: ["Rebel groups", "#b03a2e"], 3: ["Political militias", "#7d3c98"],
  4: ["Identity militias", "#a04000"], 5: ["Rioters", "#b7950b"], 6: ["Protesters", "#117a65"],
  7: ["Civilians", "#5d6d7e"], 8: ["External/other forces", "#2e4053"],
};

const coded = (inter) => Number.isInteger(inter) && inter >= 1 && inter <= 8;

/* The top actors and the edges between them, from the /stats network edges. */
EW.networkGraph = function (edges, maxNodes) {
  const kept = edges.filter((e) => coded(e.source_inter) && coded(e.target_inter) && e.source !== e.target);
  const nodes = new Map();
  const touch = (name, inter, weight) => {
    const n = nodes.get(name) || { name, inter, events: 0 };
    n.events += weight;
    nodes.set(name, n);
  };
  for (const e of kept) { touch(e.source, e.source_inter, e.weight); touch(e.target, e.target_inter, e.weight); }
  const top = [...nodes.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, maxNodes);
  const names = new Set(top.map((n) => n.name));
  return { nodes: top, edges: kept.filter((e) => names.has(e.source) && names.has(e.target)),
    actors: nodes.size, dropped: edges.length - kept.length };
};

/* Font sizes divided by the zoom, so that labels are minLabelPx on screen when zoomed out. */
EW.networkFonts = function () {
  const cy = EW.network.cy;
  if (!cy) return;
  const size = EW.network.minLabelPx / Math.min(1, cy.zoom());
  cy.style().selector("node").style({ "font-size": size, "text-max-width": 9 * size }).update();
};

EW.drawNetworkLegend = function (graph) {
  const box = document.getElementById("network-legend");
  if (!box) return;
  box.replaceChildren();
  const types = [...new Set(graph.edges.map((e) => e.type || "other"))].sort();
  for (const t of types) {
    box.append(EW.el("span", { class: "net-key" }, EW.el("span", { class: "net-line", style: "background:" + EW.typeColour(t) }), t));
  }
  const inters = [...new Set(graph.nodes.map((n) => n.inter))].sort();
  for (const i of inters) {
    box.append(EW.el("span", { class: "net-key" }, EW.el("span", { class: "legend-dot", style: "background:" + EW.INTER[i][1] }), EW.INTER[i][0]));
  }
};

EW.drawNetwork = function (stats) {
  const box = document.getElementById("network");
  if (EW.network.cy) { EW.network.cy.destroy(); EW.network.cy = null; }
  box.replaceChildren();
  const maxNodes = box.clientWidth < 500 ? Math.min(12, EW.network.maxNodes) : EW.network.maxNodes;
  const graph = EW.networkGraph(stats.network, maxNodes);
  box.dataset.edges = graph.edges.length;
  box.dataset.nodes = graph.nodes.length;
  const info = document.getElementById("network-info");
  if (info) {
    info.textContent = graph.nodes.length < graph.actors
      ? `top ${graph.nodes.length} of ${graph.actors} coded actors · click one to filter`
      : `${graph.nodes.length} coded actors · click one to filter`;
  }
  EW.drawNetworkLegend(graph);
  if (!graph.edges.length) { box.textContent = "no pair of coded actors"; return; }
  if (!window.cytoscape) { box.textContent = "network library missing (make web)"; return; }
  const maxEvents = Math.max(...graph.nodes.map((n) => n.events));
  const maxW = Math.max(...graph.edges.map((e) => e.weight));
  const elements = graph.nodes.map((n) => ({ data: { id: "n:" + n.name, label: n.name, events: n.events,
    inter: n.inter, colour: EW.INTER[n.inter][1], size: 14 + 30 * Math.sqrt(n.events / maxEvents) } }));
  graph.edges.forEach((e, i) => elements.push({ data: { id: "e" + i, source: "n:" + e.source, target: "n:" + e.target,
    weight: e.weight, type: e.type || "other", colour: EW.typeColour(e.type || "other"), width: 1.5 + 6 * e.weight / maxW } }));
  const boundingBox = { x1: 0, y1: 0, w: Math.max(200, box.clientWidth - 60), h: Math.max(160, box.clientHeight - 50) };
  const layout = graph.nodes.length <= 8
    ? { name: "circle", padding: 30, avoidOverlap: true, nodeDimensionsIncludeLabels: true, boundingBox }
    : { name: "cose", animate: false, randomize: false, nodeRepulsion: 40000, idealEdgeLength: 90,
        nodeDimensionsIncludeLabels: true, componentSpacing: 60, gravity: 0.4, padding: 20, numIter: 1500,
        boundingBox };
  const cy = cytoscape({
    container: box, elements, wheelSensitivity: 0.3, minZoom: 0.3, maxZoom: 3, layout,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "data(colour)", "border-color": "#fff", "border-width": 1.5,
        "font-size": EW.network.minLabelPx, "font-weight": 600, color: "#111827", "text-valign": "bottom",
        "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 110, "text-background-color": "#fff",
        "text-background-opacity": 0.85, "text-background-padding": 2, "text-background-shape": "roundrectangle" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8, "arrow-scale": 0.9 } },
      { selector: "node:selected", style: { "border-color": "#111", "border-width": 3 } },
    ],
  });
  EW.network.cy = cy;
  // laid out inside the panel, so that it fits at a zoom near 1 and labels keep their size
  EW.networkFonts();
  cy.on("zoom", EW.networkFonts);
  cy.on("tap", "node", (evt) => EW.setFilter("actor", evt.target.data("label")));
};

/* ---- registration ----------------------------------------------------------------------- */
EW.views.push(async (qs) => {
  const stats = await EW.api("/stats?" + (qs ? qs + "&" : "") + `top=1&edges=${EW.network.edges}`);
  EW.drawNetwork(stats);
});
