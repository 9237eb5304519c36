/* eventwire dashboard: the ACLED type and sub-type filters with their colour legend, the
 * country box (names or codes, suggested from the store), the place search (gazetteer).
 * ACLED event types are the primary facet (EW.acledColours, the same colours in table,
 * timeline and legend); PLOVER types remain a secondary filter. */
"use strict";

/* ---- ACLED type and sub-type ------------------------------------------------------------ */
EW.acledTypes = function () {
  const known = Object.keys(EW.acledColours);
  const fromConfig = Object.values(EW.config.acled_sub_types || {});
  return [...new Set([...known, ...fromConfig])].filter(Boolean);
};

EW.fillTypeSelects = function () {
  EW.fillSelect(document.getElementById("f-acled-type"), EW.acledTypes());
  const sub = document.getElementById("f-sub-type");
  const byType = {};
  for (const [name, type] of Object.entries(EW.config.acled_sub_types || {})) {
    (byType[type] = byType[type] || []).push(name);
  }
  for (const type of EW.acledTypes()) {
    if (!byType[type]) continue;
    const group = EW.el("optgroup", { label: type, "data-type": type });
    EW.fillSelect(group, byType[type].sort());
    sub.append(group);
  }
  document.getElementById("f-acled-type").addEventListener("change", EW.syncSubTypes);
};

/* Offer the sub-types of the chosen ACLED type only; drop a sub-type of another type. */
EW.syncSubTypes = function () {
  const type = document.getElementById("f-acled-type").value;
  const sub = document.getElementById("f-sub-type");
  for (const group of sub.querySelectorAll("optgroup")) {
    const shown = !type || group.dataset.type === type;
    group.hidden = !shown;
    group.disabled = !shown;
  }
  const chosen = sub.selectedOptions[0];
  if (chosen && chosen.parentElement.tagName === "OPTGROUP" && chosen.parentElement.disabled) sub.value = "";
};

/* The colour legend of the ACLED types: counts of the current view; a click filters. */
EW.drawTypeLegend = function (counts) {
  const box = document.getElementById("type-legend");
  if (!box) return;
  box.replaceChildren();
  const chosen = EW.filters.acled_type || "";
  const types = EW.acledTypes().filter((t) => counts[t] || t === chosen);
  for (const type of types) {
    const item = EW.el("button", { type: "button", class: "legend-item", "data-type": type,
      "aria-pressed": String(type === chosen), title: type === chosen ? "show every type" : "show only " + type },
      EW.el("span", { class: "legend-dot", style: "background:" + EW.colour(type) }),
      type, EW.el("span", { class: "count", text: (counts[type] || 0).toLocaleString() }));
    item.addEventListener("click", () => {
      document.getElementById("f-acled-type").value = type === chosen ? "" : type;
      EW.syncSubTypes();
      EW.setFilter("acled_type", document.getElementById("f-acled-type").value);
    });
    box.append(item);
  }
  if (counts[""]) {
    box.append(EW.el("span", { class: "legend-item static", "data-type": "",
      title: "political interactions: a PLOVER type but no ACLED type" },
      EW.el("span", { class: "legend-dot", style: "background:" + EW.noAcledColour }),
      "no ACLED type", EW.el("span", { class: "count", text: counts[""].toLocaleString() })));
  }
};

/* ---- country ---------------------------------------------------------------------------- */
/* Suggest the store's countries by name ("Somalia (SO)"); the server takes names or codes. */
EW.loadCountries = async function () {
  const list = document.getElementById("f-country-list");
  if (!list) return;
  const data = await EW.api("/countries?scope=all&level=report");
  list.replaceChildren(...data.items.map((c) =>
    EW.el("option", { value: c.name, label: `${c.code} · ${c.events.toLocaleString()} events` })));
};

/* ---- place search ----------------------------------------------------------------------- */
EW.place = { timer: null, seq: 0, items: [], zoom: null, active: -1 };
const PLACE_BOX = { city: 0.25, admin2: 0.75 };  // half-width (degrees) of the box around a place
const PLACE_ZOOM = { country: 5, admin1: 7, admin2: 9, city: 10 };

EW.placeLabel = (p) => [p.name, p.feature === "country" ? null : p.admin1, p.country].filter(Boolean).join(", ");

EW.searchPlaces = async function (text) {
  const seq = ++EW.place.seq;
  const list = document.getElementById("place-suggest");
  if (text.trim().length < 2) { list.hidden = true; return; }
  const data = await EW.api("/places/search?limit=8&q=" + encodeURIComponent(text.trim()));
  if (seq !== EW.place.seq) return;  // a newer search is on its way
  EW.place.items = data.items;
  EW.place.active = -1;
  list.replaceChildren(...data.items.map((p, i) => EW.el("li", { role: "option", id: "place-opt-" + i,
    "data-name": p.name, "data-feature": p.feature, onmousedown: (e) => { e.preventDefault(); EW.choosePlace(p); } },
    EW.el("strong", { text: p.name }), " ", EW.el("small", { text: [p.admin1, p.country, p.feature].filter(Boolean).join(" · ") }))));
  if (!data.items.length) list.append(EW.el("li", { class: "muted", text: "no place of that name in the gazetteer" }));
  list.hidden = false;
};

/* Filter to a place (a country, a province, or a box around a town) and show it on the map. */
EW.choosePlace = function (p) {
  document.getElementById("place-suggest").hidden = true;
  document.getElementById("f-place").value = "";
  const form = (name) => document.querySelector(`#filters [name="${name}"]`);
  form("bbox").value = "";
  form("admin1").value = "";
  if (p.feature === "country") {
    form("country").value = p.country;
  } else if (p.feature === "admin1") {
    form("country").value = p.country;
    form("admin1").value = p.name;
  } else {
    const r = PLACE_BOX[p.feature] || PLACE_BOX.city;
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    form("bbox").value = [clamp(p.lon - r, -180, 180), clamp(p.lat - r, -90, 90),
      clamp(p.lon + r, -180, 180), clamp(p.lat + r, -90, 90)].map((v) => v.toFixed(4)).join(",");
  }
  EW.showPlace(EW.placeLabel(p));
  EW.place.zoom = [p.lat, p.lon, PLACE_ZOOM[p.feature] || 9];
  EW.filters = EW.readFilters();
  EW.page.offset = 0;
  EW.refresh().then(async () => {
    if (EW.place.zoom) await EW.moveMap(...EW.place.zoom);
    EW.place.zoom = null;
  });
};

/* The chip naming the place filtered to ("" hides it). */
EW.showPlace = function (label) {
  document.getElementById("f-place-label").value = label || "";
  const chip = document.getElementById("place-chip");
  chip.hidden = !label;
  document.getElementById("place-chip-text").textContent = label || "";
};

EW.clearPlace = function () { EW.showPlace(""); };

/* On a phone the filter form folds behind one button that says how many filters are set. */
EW.inits.push(function filtersToggle() {
  const form = document.getElementById("filters");
  const toggle = document.getElementById("filters-toggle");
  const label = () => {
    const n = Object.keys(EW.filters).length;
    const open = !form.classList.contains("collapsed");
    toggle.textContent = `Filters${n ? ` (${n} set)` : ""} ${open ? "▾" : "▸"}`;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => { form.classList.toggle("collapsed"); label(); });
  EW.views.push(async () => label());
});

EW.inits.push(function placeSearch() {
  const input = document.getElementById("f-place");
  const list = document.getElementById("place-suggest");
  input.addEventListener("input", () => {
    clearTimeout(EW.place.timer);
    EW.place.timer = setTimeout(() => EW.searchPlaces(input.value).catch((e) => EW.notice(e.message)), 200);
  });
  const highlight = (i) => {  // arrow keys move through the suggestions
    EW.place.active = Math.max(-1, Math.min(EW.place.items.length - 1, i));
    list.querySelectorAll("li[role=option]").forEach((li, k) => li.classList.toggle("active", k === EW.place.active));
    input.setAttribute("aria-activedescendant", EW.place.active >= 0 ? "place-opt-" + EW.place.active : "");
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!list.hidden) highlight(EW.place.active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter") {  // the highlighted suggestion, else the best one
      e.preventDefault();
      if (EW.place.items.length && !list.hidden) EW.choosePlace(EW.place.items[Math.max(0, EW.place.active)]);
    } else if (e.key === "Escape") list.hidden = true;
  });
  input.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));
  document.getElementById("place-chip-clear").addEventListener("click", () => {
    for (const name of ["bbox", "admin1"]) document.querySelector(`#filters [name="${name}"]`).value = "";
    EW.clearPlace();
    EW.filters = EW.readFilters();
    EW.page.offset = 0;
    EW.refresh();
  });
  EW.loadCountries().catch((e) => EW.notice(e.message));
});
