/* eventwire dashboard: the timeline (uPlot) and its time brush.
 * GET /timeline gives events per bin and ACLED event type, the bins chosen by the span (days
 * up to three months, weeks, months, years past ten years), so a long range stays readable.
 * Dragging across the chart selects the bins under it: their first and last day become the
 * From / To filters, which every view follows; "Clear range" removes them. The legend
 * (filters.js) is drawn in the page beside the chart, never cut off by it. */
"use strict";

EW.timeline = { plot: null, data: null, width: 0, seq: 0 };
const DAY = 86400;
const ONE_BIN = { day: (t) => t + DAY, week: (t) => t + 7 * DAY,
  month: (t) => Date.UTC(new Date(t * 1000).getUTCFullYear(), new Date(t * 1000).getUTCMonth() + 1, 1) / 1000,
  year: (t) => Date.UTC(new Date(t * 1000).getUTCFullYear() + 1, 0, 1) / 1000 };

EW.isoDay = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

EW.loadTimeline = async function (qs) {
  const seq = ++EW.timeline.seq;
  const data = await EW.api("/timeline?" + qs);
  if (seq !== EW.timeline.seq) return;  // a newer request is on its way
  EW.timeline.data = data;
  EW.drawTimeline(data);
};

/* The first and last day of the bins whose bars [x - 40%, x + 40%] of a bin overlap
 * [left, right] (seconds); a selection between bars gives its own days. */
EW.brushRange = function (xs, interval, left, right) {
  const half = (x) => 0.4 * (ONE_BIN[interval](x) - x);
  const inside = xs.filter((x) => x + half(x) >= left && x - half(x) <= right);
  if (!inside.length) return [EW.isoDay(left), EW.isoDay(right)];
  const last = ONE_BIN[interval](Math.max(...inside)) - DAY;
  return [EW.isoDay(Math.min(...inside)), EW.isoDay(last)];
};

EW.setRange = function (from, to) {
  document.getElementById("f-start").value = from || "";
  document.getElementById("f-end").value = to || "";
  EW.filters = EW.readFilters();
  EW.page.offset = 0;
  return EW.refresh();
};

EW.drawTimeline = function (data) {
  const box = document.getElementById("timeline");
  if (EW.timeline.plot) { EW.timeline.plot.destroy(); EW.timeline.plot = null; }
  box.replaceChildren();
  const bins = data.bins || [];
  const periods = [...new Set(bins.map((b) => b.period))].sort();
  const counts = {};
  for (const b of bins) counts[b.type || ""] = (counts[b.type || ""] || 0) + b.count;
  const order = [...EW.acledTypes(), ""];
  const types = Object.keys(counts).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const total = bins.reduce((s, b) => s + b.count, 0);
  Object.assign(box.dataset, { total, types: types.join(","), interval: data.interval,
    first: data.first_date || "", last: data.last_date || "" });
  EW.drawTypeLegend(counts);
  const ranged = Boolean(EW.filters.start || EW.filters.end);
  document.getElementById("brush-clear").hidden = !ranged;
  const range = ranged ? `${EW.filters.start || "…"} – ${EW.filters.end || "…"}` : "drag across the chart to choose a range";
  document.getElementById("timeline-info").textContent =
    `${EW.level === "canonical" ? "incidents" : "reports"} per ${data.interval} · ${range}`;
  if (!periods.length) { box.textContent = "no dated events"; return; }
  if (!window.uPlot) { box.textContent = "chart library missing (make web)"; return; }
  const index = new Map(periods.map((p, i) => [p, i]));
  const xs = periods.map((p) => Date.parse(p + "T00:00:00Z") / 1000);
  const series = types.map(() => new Array(periods.length).fill(0));
  for (const b of bins) series[types.indexOf(b.type || "")][index.get(b.period)] += b.count;
  // Stacked bars: series k carries the sum of types k..n-1 and is drawn before k+1, so the
  // visible part of each bar segment is exactly that type's count.
  for (let k = types.length - 2; k >= 0; k--) {
    for (let i = 0; i < periods.length; i++) series[k][i] += series[k + 1][i];
  }
  const bars = uPlot.paths.bars({ size: [0.85, 60], gap: 1 });
  const colour = (t) => (t ? EW.colour(t) : EW.noAcledColour);
  const pad = ONE_BIN[data.interval](xs[xs.length - 1]) - xs[xs.length - 1];  // a bin: room for the end bars
  EW.timeline.width = box.clientWidth;
  EW.timeline.plot = new uPlot({
    width: Math.max(240, box.clientWidth), height: 200,
    scales: { x: { time: true, range: (u, min, max) => [min - pad / 2 - (max - min) * 0.01, max + pad / 2 + (max - min) * 0.01] },
              y: { range: (u, min, max) => [0, Math.max(1, max) * 1.05] } },
    legend: { show: false },
    cursor: { show: true, x: true, y: false, points: { show: false },
              drag: { x: true, y: false, setScale: false } },
    select: { show: true },
    hooks: { setSelect: [(u) => {
      if (u.select.width < 3) return;
      const left = u.posToVal(u.select.left, "x");
      const right = u.posToVal(u.select.left + u.select.width, "x");
      const [from, to] = EW.brushRange(xs, data.interval, left, right);
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      EW.setRange(from, to);
    }] },
    series: [{}, ...types.map((t) => ({ label: t || "no ACLED type", stroke: colour(t), fill: colour(t),
      width: 0, paths: bars, points: { show: false } }))],
    axes: [{ space: 60 }, { size: 44 }],
  }, [xs, ...series], box);
};

EW.inits.push(() => {
  document.getElementById("brush-clear").addEventListener("click", () => EW.setRange("", ""));
  let timer = null;  // redraw at the new width (a phone turned, a window resized)
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const box = document.getElementById("timeline");
      if (EW.timeline.data && box.clientWidth !== EW.timeline.width) EW.drawTimeline(EW.timeline.data);
    }, 150);
  });
});
EW.views.push((qs) => EW.loadTimeline(qs));
