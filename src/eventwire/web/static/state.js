/* eventwire dashboard: the view in the URL.
 * The filters (the filter form's fields, by name), the level (Incidents / Reports), the scope,
 * the place searched, the map view (map=lat,lon,zoom) and the open event (event=ID) are
 * written to the query string: a change of what is counted adds a history entry
 * (pushState), a pan or zoom of the map replaces the current one (replaceState). On load
 * and on back / forward the URL is read back, so a copied URL opens the same view. */
"use strict";

EW.state = { refreshing: 0, applying: 0, seq: 0, event: null, view: null };

/* The query string of the current view, its parameters always in the same order. */
EW.stateParams = function () {
  const params = new URLSearchParams();
  if (EW.level !== "canonical") params.set("level", EW.level);
  if (EW.scope !== "conflict") params.set("scope", EW.scope);
  for (const field of document.querySelectorAll("#filters [name]")) {
    const value = field.value.trim();
    if (value) params.set(field.name, value);
  }
  const place = document.getElementById("f-place-label");
  if (place && place.value) params.set("place", place.value);
  const map = EW.map && EW.map.map;
  if (map && EW.state.view !== null) {
    const c = map.getCenter();
    params.set("map", `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
  }
  if (EW.state.event) params.set("event", EW.state.event);
  return params;
};

/* Write the view to the URL: a new history entry (``push``) or in place of the current one. */
EW.writeState = function (push) {
  if (EW.state.applying) return;
  const qs = EW.stateParams().toString();
  if (qs === location.search.replace(/^\?/, "")) return;
  const url = location.pathname + (qs ? "?" + qs : "");
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
};

/* Fill the filter form, level, scope and place from the URL (nothing is fetched here). */
EW.readState = function () {
  const params = new URLSearchParams(location.search);
  for (const field of document.querySelectorAll("#filters [name]")) {
    const value = params.get(field.name) || "";
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(EW.el("option", { value, text: value }));  // a value the store lacks
    }
    field.value = value;
  }
  EW.setLevel(params.get("level") || "canonical");
  EW.setScope(params.get("scope") || "conflict");
  EW.showPlace(params.get("place") || "");
  EW.filters = EW.readFilters();
  EW.page.offset = 0;
  const view = (params.get("map") || "").split(",").map(Number);
  EW.state.pending = {
    map: view.length === 3 && view.every(Number.isFinite) ? view : null,
    event: params.get("event") || null,
  };
  if (EW.syncSubTypes) EW.syncSubTypes();
};

/* Show [lat, lon] at ``zoom`` once the map has ended the move it is in (fitting the new
 * results: a zoom animation ending later would put its own view back; EW.mapStill, map.js). */
EW.moveMap = async function (lat, lon, zoom) {
  const map = EW.map && EW.map.map;
  if (!map) return;
  await EW.mapStill();
  map.stop();
  map.setView([lat, lon], zoom, { animate: false });
};

/* After a refresh: the map view and the open event the URL named. */
EW.restoreView = async function () {
  const pending = EW.state.pending || {};
  EW.state.pending = null;
  const map = EW.map && EW.map.map;
  if (map) {
    if (pending.map) await EW.moveMap(...pending.map);
    EW.state.view = true;
    if (!EW.state.moveHooked) {
      EW.state.moveHooked = true;
      map.on("moveend", () => { if (!EW.state.refreshing) EW.writeState(false); });
    }
  }
  const docview = document.getElementById("docview");
  if (pending.event) {
    EW.state.event = pending.event;
    await EW.openEvent(pending.event);
  } else if (EW.state.event || !docview.hidden) {
    EW.state.event = null;
    docview.hidden = true;
  }
  EW.writeState(false);
};

/* Back / forward: show the view of that history entry. */
EW.applyState = async function () {
  const seq = ++EW.state.seq;  // back, back: only the last entry's view is restored
  EW.state.applying++;
  try {
    EW.readState();
    EW.state.event = null;
    await EW.refresh();
    if (seq === EW.state.seq) await EW.restoreView();
  } finally {
    EW.state.applying--;
  }
};

EW.inits.push(function stateHooks() {
  // A refresh writes the filters it used; the map moving meanwhile (fitting the new
  // results) must not write them first, in place of the entry they belong in.
  const refresh = EW.refresh;
  EW.refresh = async function () {
    EW.state.refreshing++;
    try { await refresh(); } finally { EW.state.refreshing--; }
    if (document.body.dataset.ready === "1") EW.writeState(true);
  };
  const open = EW.openEvent;
  EW.openEvent = async function (eventId, incident) {
    await open(eventId, incident);
    const shown = incident ? incident.canonical_id : eventId;  // a report of an incident: the incident
    if (!document.getElementById("docview").hidden && EW.state.event !== shown) {
      EW.state.event = shown;
      EW.writeState(true);
    }
  };
  // Closing the document view (button, Escape, anything) takes the event out of the URL.
  const docview = document.getElementById("docview");
  new MutationObserver(() => {
    if (docview.hidden && EW.state.event) {
      EW.state.event = null;
      EW.writeState(true);
    }
  }).observe(docview, { attributes: true, attributeFilter: ["hidden"] });
  window.addEventListener("popstate", () => { EW.applyState().catch((e) => EW.notice(e.message)); });
});
