/* eventwire dashboard: shared state, filters, API calls, event table, audit trail.
 * Every view reads the same filters (EW.filters), scope (EW.scope: "conflict" counts
 * conflict incidents only, "all" every record) and level (EW.level: "canonical" counts each
 * incident once, "report" every report) and is redrawn by EW.refresh(). state.js keeps them
 * in the URL; filters.js holds the ACLED type colours and legend, the country and place boxes.
 * Text from the store is always inserted with textContent, never as HTML. */
"use strict";

const EW = {
  config: {},
  filters: {},
  scope: "conflict",  // the toggle above the event list: conflict incidents or all records
  level: "canonical", // the headline counts: canonical events (each incident once) or reports
  page: { limit: 50, offset: 0, total: 0 },
  inits: [],          // functions called once /config is loaded
  views: [],          // functions called with the query string on every refresh
  palette: ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39",
            "#7b4173", "#3182bd"],
  typeColours: {},
  // ACLED event types: the dashboard's primary facet, one colour each in table, timeline, legend
  acledColours: {
    "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00",
    "Violence against civilians": "#6a1b9a", "Riots": "#b8860b", "Protests": "#1565c0",
    "Strategic developments": "#2e7d32",
  },
  noAcledColour: "#8a94a6",  // a record with no ACLED type (a political interaction)
};

/* The colour of an ACLED event type, or of a PLOVER type (the secondary facet). */
EW.colour = function (type) {
  if (type && type in EW.acledColours) return EW.acledColours[type];
  if (!type) return "#555";
  if (!(type in EW.typeColours)) {
    const known = EW.config.plover_types || [];
    const i = known.indexOf(type);
    EW.typeColours[type] = EW.palette[(i >= 0 ? i : Object.keys(EW.typeColours).length) % EW.palette.length];
  }
  return EW.typeColours[type];
};

EW.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

EW.api = async function (path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const err = (body && body.error) || { code: "EW-API-" + response.status, message: response.statusText };
    const error = new Error(err.message);
    error.code = err.code;
    error.status = response.status;
    throw error;
  }
  return body;
};

EW.notice = function (text) {
  const box = document.getElementById("notice");
  box.hidden = !text;
  box.textContent = text || "";
};

/* The colour of an event: its ACLED type's, else (no ACLED type) the grey of the legend. */
EW.eventColour = (ev) => ev.acled_event_type ? EW.colour(ev.acled_event_type) : EW.noAcledColour;

EW.query = function (extra) {
  const params = new URLSearchParams();
  params.set("scope", EW.scope);
  params.set("level", EW.level);  // every view counts what the Incidents / Reports toggle says
  for (const [k, v] of Object.entries(EW.filters)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") params.set(k, v);
  return params.toString();
};

EW.readFilters = function () {
  const form = document.getElementById("filters");
  const out = {};
  for (const field of form.querySelectorAll("input, select")) {
    if (field.name && field.value.trim()) out[field.name] = field.value.trim();
  }
  return out;
};

EW.setFilter = function (name, value) {
  const field = document.querySelector(`#filters [name="${name}"]`);
  if (field) field.value = value || "";
  EW.filters = EW.readFilters();
  EW.page.offset = 0;
  EW.refresh();
};

EW.refresh = async function () {
  const qs = EW.query();
  EW.filterHint("");
  const failed = (e) => { if (e.status === 422) EW.filterHint(e.message); else EW.notice(e.message); };
  await Promise.all([EW.loadTable().catch(failed), ...EW.views.map((view) => view(qs).catch(failed))]);
};

/* A filter the server refused (an unknown country: the message names the nearest ones). */
EW.filterHint = function (text) {
  const box = document.getElementById("filter-hint");
  if (!box) return;
  box.hidden = !text;
  box.textContent = text ? text.replace(/^invalid filter: /, "") : "";
  const country = document.getElementById("f-country");
  if (country) country.setAttribute("aria-invalid", /EW-QRY-013/.test(text || "") ? "true" : "false");
  document.querySelector("main.grid").classList.toggle("stale", Boolean(text));
  if (text) {  // not the rows of the filter before, and never "0 of 0"
    document.querySelector("#events tbody").replaceChildren();
    const info = document.getElementById("table-info");
    info.textContent = "filter not applied (see above)";
    info.dataset.total = "";
  }
};

/* Why a record is not a conflict incident: [css class, label] pairs (none for an incident). */
EW.flags = function (ev) {
  const out = [];
  if (!ev.acled_event_type) out.push(["political", "political interaction"]);
  if (ev.background) out.push(["background", "background"]);
  if (ev.aggregate) out.push(["aggregate", "aggregate"]);
  return out;
};

EW.flagNodes = (ev) => EW.flags(ev).map(([cls, label]) => EW.el("span", { class: "flag flag-" + cls, text: label }));

/* ---- headline ------------------------------------------------------------------------- */
/* Headline figures count canonical events by default (each real incident once, its toll the
 * latest credible update); the "Incidents / Reports" toggle beside them counts reports. */
EW.loadSummary = async function (qs) {
  const params = new URLSearchParams(qs);
  params.set("level", EW.level);
  const stats = await EW.api("/stats?" + params.toString() + "&top=1&edges=1");
  const n = (x) => x.toLocaleString();
  const what = EW.level === "canonical" ? "incidents" : "reports";
  const counted = EW.scope === "conflict"
    ? `${n(stats.conflict)} conflict ${what} (of ${n(stats.records)} records)`
    : `${n(stats.records)} records (${n(stats.conflict)} conflict ${what})`;
  const told = EW.level === "canonical" ? ` told by ${n(stats.reports)} reports` : "";
  const box = document.getElementById("summary");
  box.textContent = `${counted}${told} · ${n(stats.documents)} documents · ` +
    `${n(stats.fatalities)} reported killed · ${stats.first_date || "?"} – ${stats.last_date || "?"}`;
  box.dataset.total = stats.total;
  box.dataset.scope = stats.scope;
  box.dataset.level = stats.level;
};

/* The reports/canonical toggle of the headline, built beside it. */
EW.inits.push(function levelToggle() {
  const box = document.getElementById("summary");
  if (!box || document.getElementById("level")) return;
  const group = EW.el("span", { id: "level", class: "scope-toggle level-toggle" });
  group.setAttribute("role", "radiogroup");
  group.setAttribute("aria-label", "What the headline counts");
  for (const [value, label, title] of [
    ["canonical", "Incidents", "Each real incident once, however many reports tell it"],
    ["report", "Reports", "Every report of an incident counted on its own"],
  ]) {
    const input = EW.el("input", { type: "radio", name: "level-choice", id: "level-" + value });
    input.value = value;
    input.checked = value === EW.level;
    input.addEventListener("change", () => {
      if (!input.checked) return;
      EW.setLevel(value);
      EW.page.offset = 0;
      EW.refresh();
    });
    const choice = EW.el("label", { title });
    choice.append(input, document.createTextNode(label));
    group.append(choice);
  }
  group.dataset.level = EW.level;
  box.after(group);
});

/* Show ``value`` (canonical | report) in the toggle and count it from now on. */
EW.setLevel = function (value) {
  EW.level = value === "report" ? "report" : "canonical";
  const group = document.getElementById("level");
  if (group) group.dataset.level = EW.level;
  const input = document.getElementById("level-" + EW.level);
  if (input) input.checked = true;
};

/* Show ``value`` (conflict | all) in the scope toggle and count it from now on. */
EW.setScope = function (value) {
  EW.scope = value === "all" ? "all" : "conflict";
  const input = document.getElementById("scope-" + EW.scope);
  if (input) input.checked = true;
  const box = document.getElementById("scope");
  if (box) box.dataset.scope = EW.scope;
};

/* ---- event table ---------------------------------------------------------------------- */
EW.loadTable = async function () {
  const qs = EW.query({ limit: EW.page.limit, offset: EW.page.offset });
  const seq = EW.page.seq = (EW.page.seq || 0) + 1;
  const data = await EW.api("/events?" + qs);
  if (seq !== EW.page.seq) return;  // a newer page is on its way
  EW.page.total = data.total;
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const ev of data.items) {
    const review = ev.review_status
      ? EW.el("span", { class: "status-" + ev.review_status, text: ev.review_status + "ed" }) : "";
    const row = EW.el("tr", { "data-event-id": ev.event_id, "data-type": ev.plover_type || "",
                             "data-acled-type": ev.acled_event_type || "",
                             onclick: () => EW.openEvent(ev.event_id) },
      EW.el("td", { text: ev.date_start || "" }),
      EW.el("td", {}, EW.el("span", { class: "legend-dot", style: "background:" + EW.eventColour(ev) }),
            ev.acled_event_type || "–",
            EW.el("span", { class: "plover", title: "PLOVER type", text: ev.plover_type || "" })),
      EW.el("td", { text: ev.acled_sub_event_type || "" }),
      EW.el("td", { text: ev.actor1_name || "" }),
      EW.el("td", { text: ev.actor2_name || "" }),
      EW.el("td", { text: [ev.location_name, ev.country].filter(Boolean).join(", ") }),
      EW.el("td", { text: ev.fatalities ?? "" }),
      EW.el("td", {}, ev.modality || "", ...EW.flagNodes(ev)),
      EW.el("td", { text: ev.attributed_to || ev.source || "" }),
      EW.el("td", {}, review));
    body.append(row);
  }
  const first = data.total ? EW.page.offset + 1 : 0;
  const last = Math.min(EW.page.offset + EW.page.limit, data.total);
  const info = document.getElementById("table-info");
  info.textContent = `${first}–${last} of ${data.total.toLocaleString()}`;
  info.dataset.total = data.total;
  document.getElementById("prev").disabled = EW.page.offset === 0;
  document.getElementById("next").disabled = last >= data.total;
};

/* ---- audit trail ---------------------------------------------------------------------- */
EW.token = () => sessionStorage.getItem("ew-token") || "";

EW.loadAudit = async function () {
  const body = document.querySelector("#audit tbody");
  if (!EW.token()) {
    body.replaceChildren(EW.el("tr", {}, EW.el("td", { colspan: 6, text: "enter the review token in a document view to see the audit trail" })));
    return;
  }
  try {
    const data = await EW.api("/audit?limit=200", { headers: { Authorization: "Bearer " + EW.token() } });
    body.replaceChildren();
    for (const row of data.items) {
      const changes = Object.entries(row.after || {}).map(([k, v]) =>
        `${k}: ${typeof v === "object" && v ? (v.name || v.start || JSON.stringify(v)) : v}`).join("; ");
      body.append(EW.el("tr", { "data-event-id": row.event_id },
        EW.el("td", { text: row.created_at }), EW.el("td", { text: row.author }),
        EW.el("td", { class: "status-" + row.action, text: row.action }),
        EW.el("td", {}, EW.el("a", { href: "#", text: row.event_id,
          onclick: (e) => { e.preventDefault(); EW.openEvent(row.event_id); } })),
        EW.el("td", { text: changes }), EW.el("td", { text: row.note || "" })));
    }
  } catch (e) {
    body.replaceChildren(EW.el("tr", {}, EW.el("td", { colspan: 6, text: e.message })));
  }
};

/* ---- start-up ------------------------------------------------------------------------- */
EW.fillSelect = function (select, values, labels) {
  for (const v of values) select.append(EW.el("option", { value: v, text: labels ? labels(v) : v }));
};

EW.start = async function () {
  EW.config = await EW.api("/config");
  if (!EW.config.vendor) {
    EW.notice("Front-end libraries are missing: run `make web` (npm ci + python -m eventwire.web.vendor).");
  }
  for (const init of EW.inits) init();
  const every = await EW.api("/stats?scope=all&top=5&edges=1");  // every type, for the filter
  const present = every.by_type.map((t) => t.key).filter(Boolean);
  EW.fillSelect(document.getElementById("f-type"), present);
  EW.fillTypeSelects();
  EW.fillSelect(document.getElementById("f-modality"), EW.config.modalities || []);
  EW.readState();  // the view the URL names (state.js): filters, level, scope
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    EW.filters = EW.readFilters();
    EW.page.offset = 0;
    EW.refresh();
  });
  for (const select of document.querySelectorAll("#filters select[name], #filters input[type=date]")) {
    select.addEventListener("change", () => { EW.filters = EW.readFilters(); EW.page.offset = 0; EW.refresh(); });
  }
  document.getElementById("f-reset").addEventListener("click", () => {
    document.getElementById("filters").reset();
    for (const hidden of document.querySelectorAll("#filters input[type=hidden]")) hidden.value = "";
    EW.clearPlace();
    EW.filters = {};
    EW.page.offset = 0;
    EW.refresh();
  });
  for (const choice of document.querySelectorAll("#scope input[name=scope-choice]")) {
    choice.addEventListener("change", () => {
      if (!choice.checked) return;
      EW.setScope(choice.value);
      EW.page.offset = 0;
      EW.refresh();
    });
  }
  document.getElementById("prev").addEventListener("click", () => {
    EW.page.offset = Math.max(0, EW.page.offset - EW.page.limit); EW.loadTable();
  });
  document.getElementById("next").addEventListener("click", () => {
    EW.page.offset += EW.page.limit; EW.loadTable();
  });
  await EW.refresh();
  await EW.restoreView();  // the map view and the open event the URL names (state.js)
  EW.loadAudit();
  document.body.dataset.ready = "1";
};

EW.views.push((qs) => EW.loadSummary(qs));

window.addEventListener("DOMContentLoaded", () => {
  EW.start().catch((e) => EW.notice("Cannot load the dashboard: " + e.message));
});
