/* eventwire dashboard views: timeline (uPlot); the map is in map.js, the actor
 * network in network.js. All read server-side aggregates, so 100k+ events stay fast. */
"use strict";

/* ---- timeline --------------------------------------------------------------------------- */
EW.timeline = { plot: null };

EW.drawTimeline = function (stats) {
  const box = document.getElementById("timeline");
  if (EW.timeline.plot) { EW.timeline.plot.destroy(); EW.timeline.plot = null; }
  box.replaceChildren();
  const periods = [...new Set(stats.timeline.map((b) => b.period))].sort();
  const types = [...new Set(stats.timeline.map((b) => b.type))].sort();
  const total = stats.timeline.reduce((s, b) => s + b.count, 0);
  box.dataset.total = total;
  box.dataset.types = types.join(",");
  document.getElementById("timeline-info").textContent = `events per ${stats.interval}`;
  if (!periods.length) { box.textContent = "no dated events"; return; }
  if (!window.uPlot) { box.textContent = "chart library missing (make web)"; return; }
  const index = new Map(periods.map((p, i) => [p, i]));
  const xs = periods.map((p) => Date.parse(p + "T00:00:00Z") / 1000);
  const series = types.map(() => new Array(periods.length).fill(0));
  for (const b of stats.timeline) series[types.indexOf(b.type)][index.get(b.period)] += b.count;
  // Stacked bars: series k carries the sum of types k..n-1 and is drawn before k+1, so the
  // visible part of each bar segment is exactly that type's count.
  for (let k = types.length - 2; k >= 0; k--) {
    for (let i = 0; i < periods.length; i++) series[k][i] += series[k + 1][i];
  }
  const bars = uPlot.paths.bars({ size: [0.9, 40], gap: 1 });
  EW.timeline.plot = new uPlot({
    width: Math.max(240, box.clientWidth), height: 220,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.05] } },
    legend: { live: false },
    cursor: { show: false },
    series: [{}, ...types.map((t) => ({ label: t, stroke: EW.colour(t), fill: EW.colour(t),
      width: 0, paths: bars, points: { show: false } }))],
    axes: [{}, { size: 40 }],
  }, [xs, ...series], box);
};

/* ---- registration ----------------------------------------------------------------------- */
EW.views.push(async (qs) => {
  const stats = await EW.api("/stats?" + (qs ? qs + "&" : "") + "edges=40");
  EW.drawTimeline(stats);  // the actor network fetches its own edges (network.js)
});
