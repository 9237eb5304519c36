/* eventwire dashboard: the trends panel (GET /trends, see docs/trends.md).
 * Areas heating up in the window ending on "As of" against the windows before it, coded
 * actors new to the store, and fatality spikes, under the dashboard's filters. The "To"
 * filter is the window's last day (else the last event date); "From" is not applied, so
 * that the baseline keeps its history. Clicking an area filters the dashboard to it.
 * Text from the store is always inserted with textContent, never as HTML. */
"use strict";

EW.trends = { window: 7, baseline: 4 };

EW.trendLevelClass = function (level) {
  return "level-" + String(level || "stable").replace(/\s+/g, "-");
};

EW.trendChange = function (area) {
  if (area.events_change === null || area.events_change === undefined) return area.events ? "new" : "–";
  const pct = Math.round(area.events_change * 100);
  return (pct > 0 ? "+" : "") + pct + "%";
};

EW.trendArea = function (row) {
  return (row.admin1 || "(country level)") + ", " + row.country;
};

EW.loadTrends = async function (qs) {
  const params = new URLSearchParams(qs);
  const until = params.get("end") || params.get("until");
  for (const name of ["start", "end", "since", "until", "scope", "limit", "offset"]) params.delete(name);
  let asOf = until;
  if (!asOf) {
    const stats = await EW.api("/stats?top=1&edges=1&" + params.toString());
    asOf = stats.last_date;
  }
  const info = document.getElementById("trends-info");
  const body = document.querySelector("#trends tbody");
  const actors = document.getElementById("trends-actors");
  const spikes = document.getElementById("trends-spikes");
  body.replaceChildren();
  actors.replaceChildren();
  spikes.replaceChildren();
  if (!asOf) {
    info.textContent = "no dated conflict incidents";
    if (EW.drawChangeLayer) EW.drawChangeLayer({ areas: [], spikes: [], window: null });
    return;
  }
  params.set("as_of", asOf);
  params.set("window_days", String(EW.trends.window));
  params.set("baseline_windows", String(EW.trends.baseline));
  const result = await EW.api("/trends?" + params.toString());
  if (EW.drawChangeLayer) EW.drawChangeLayer(result);  // the map's change layer (mapbase.js)
  info.textContent = `${result.window.start} – ${result.window.end} against the mean of ` +
    `${result.baseline.windows} windows before (${result.baseline.start} – ${result.baseline.end})`;
  for (const area of result.areas) {
    const level = EW.el("span", { class: "level " + EW.trendLevelClass(area.level), text: area.level });
    const row = EW.el("tr", { "data-level": area.level, "data-admin1": area.admin1 || "", title: "show this area" },
      EW.el("td", { text: EW.trendArea(area) }),
      EW.el("td", { class: "num", text: String(area.events) }),
      EW.el("td", { class: "num", text: String(area.baseline_events) }),
      EW.el("td", { class: "num", text: EW.trendChange(area) }),
      EW.el("td", { class: "num", text: String(area.fatalities) }),
      EW.el("td", {}, level));
    row.addEventListener("click", () => {
      const country = document.querySelector('#filters [name="country"]');
      if (country) country.value = area.country;
      EW.setFilter("admin1", area.admin1 || "");
    });
    body.append(row);
  }
  if (!result.areas.length) body.append(EW.el("tr", {}, EW.el("td", { colspan: "6", text: "no incidents in the window or its baseline" })));
  for (const actor of result.new_actors) {
    actors.append(EW.el("li", {}, EW.el("strong", { text: actor.name || actor.actor_id }),
      ` first seen ${actor.first_seen} in ${EW.trendArea(actor)} (${actor.events} incident${actor.events === 1 ? "" : "s"})`));
  }
  if (!result.new_actors.length) actors.append(EW.el("li", { class: "muted", text: "none" }));
  for (const spike of result.spikes) {
    spikes.append(EW.el("li", {}, EW.el("strong", { text: EW.trendArea(spike) }),
      ` ${spike.fatalities} killed (earlier maximum ${spike.max_earlier_fatalities})`));
  }
  if (!result.spikes.length) spikes.append(EW.el("li", { class: "muted", text: "none" }));
};

EW.inits.push(() => {
  const select = document.getElementById("t-window");
  if (!select) return;
  select.addEventListener("change", () => {
    EW.trends.window = Number(select.value) || 7;
    EW.loadTrends(EW.query()).catch((e) => EW.notice(e.message));
  });
});

EW.views.push((qs) => EW.loadTrends(qs));
