/* eventwire dashboard: the review form (every field an analyst may correct).

   Actors are chosen from the actor dictionary (/lookup/actors: the id brings its name,
   inter code and country) or typed in new with an inter code; places are chosen from the
   gazetteer (/lookup/places: the geonameid brings coordinates and admin names) or typed in
   with lat/lon; the form sends only what changed. */
"use strict";

EW.MODALITIES = ["asserted", "habitual", "hypothetical", "negated", "generic"];
EW.PRECISIONS = { 1: "1 town", 2: "2 near / district", 3: "3 province / country" };
EW.picked = { actor: new Map(), place: new Map() };  // datalist label -> looked-up entry

EW.fillReviewForm = function (rec) {
  const set = (id, v) => { document.getElementById(id).value = v ?? ""; };
  const types = document.getElementById("r-type");
  if (!types.options.length) {
    EW.fillSelect(types, EW.config.plover_types || []);
    const subs = document.getElementById("r-sub-type");
    EW.fillSelect(subs, ["", ...Object.keys(EW.config.acled_sub_types || {})], (v) => v || "(unchanged)");
    EW.fillSelect(document.getElementById("r-modality"), EW.MODALITIES);
    EW.fillSelect(document.getElementById("r-precision"), ["", "1", "2", "3"], (v) => EW.PRECISIONS[v] || "(none)");
  }
  types.value = rec.plover_type || "";
  set("r-sub-type", "");
  for (const n of ["1", "2"]) {
    const actor = rec["actor" + n];
    set("r-actor" + n, actor && (actor.name || actor.text));
    set("r-inter" + n, actor && actor.inter);
  }
  const loc = rec.location || {};
  set("r-place", loc.name || loc.text);
  set("r-lat", loc.lat);
  set("r-lon", loc.lon);
  set("r-precision", loc.precision ? String(loc.precision) : "");
  set("r-date", rec.date && rec.date.start);
  set("r-date-end", rec.date && rec.date.end);
  const fat = rec.fatalities || {};
  set("r-fat-low", fat.low);
  set("r-fat-best", fat.best);
  set("r-fat-high", fat.high);
  set("r-modality", rec.modality || "asserted");
  set("r-note", "");
  set("r-author", localStorage.getItem("ew-author"));
  set("r-token", EW.token());
  EW.picked.actor.clear();
  EW.picked.place.clear();
  const enabled = !!EW.config.review_enabled;
  for (const b of document.querySelectorAll(".review-actions button")) b.disabled = !enabled;
  EW.reviewMessage(enabled ? "" : "Review is disabled: start `eventwire serve` with $EVENTWIRE_REVIEW_TOKEN or --review-token-file.", !enabled);
};

/* Suggestions while typing: dictionary actors and gazetteer places, as datalist options. */
EW.lookup = async function (kind, text) {
  if (text.trim().length < 2) return;
  const params = new URLSearchParams({ q: text.trim(), limit: "15" });
  const rec = (EW.doc && EW.doc.event) || {};
  if (kind === "place" && rec.location && rec.location.country) params.set("country", rec.location.country);
  let items = [];
  try {
    items = (await EW.api(`/lookup/${kind === "actor" ? "actors" : "places"}?${params}`)).items || [];
  } catch (e) {
    return;  // a suggestion list is a help, never an error
  }
  const list = document.getElementById(kind === "actor" ? "r-actor-list" : "r-place-list");
  const options = [];
  for (const item of items) {
    const label = kind === "actor"
      ? `${item.name} (inter ${item.inter ?? "?"}${item.country ? ", " + item.country : ""})`
      : [item.name, item.admin1, item.country].filter(Boolean).join(", ");
    EW.picked[kind].set(label, item);
    options.push(EW.el("option", { value: label }));
  }
  list.replaceChildren(...options);
};

EW.onPicked = function (kind, input) {
  const item = EW.picked[kind].get(input.value);
  if (!item) return;
  if (kind === "actor") {
    document.getElementById(input.id.replace("actor", "inter")).value = item.inter ?? "";
  } else {
    document.getElementById("r-lat").value = item.lat ?? "";
    document.getElementById("r-lon").value = item.lon ?? "";
    document.getElementById("r-precision").value = item.precision ? String(item.precision) : "1";
  }
};

EW.actorChange = function (n, rec) {
  const value = document.getElementById("r-actor" + n).value.trim();
  const interText = document.getElementById("r-inter" + n).value.trim();
  const inter = interText === "" ? null : Number(interText);
  const old = rec["actor" + n] || {};
  if (!value || (value === (old.name || old.text || "") && inter === (old.inter ?? null))) return null;
  const item = EW.picked.actor.get(value);
  if (item) return { id: item.id };  // from the dictionary: its name, inter code and country
  return inter === null ? { name: value } : { name: value, inter };
};

EW.placeChange = function (rec) {
  const val = (id) => document.getElementById(id).value.trim();
  const loc = rec.location || {};
  const lat = val("r-lat") === "" ? null : Number(val("r-lat"));
  const lon = val("r-lon") === "" ? null : Number(val("r-lon"));
  const precision = val("r-precision") === "" ? null : Number(val("r-precision"));
  const same = val("r-place") === (loc.name || loc.text || "") && lat === (loc.lat ?? null)
    && lon === (loc.lon ?? null) && precision === (loc.precision ?? null);
  if (!val("r-place") || same) return null;
  const item = EW.picked.place.get(val("r-place"));
  if (item) return { geonameid: item.geonameid, precision };
  return { name: val("r-place"), lat, lon, precision };
};

EW.changesFromForm = function () {
  const rec = EW.doc.event;
  const val = (id) => document.getElementById(id).value.trim();
  const num = (id) => (val(id) === "" ? null : Number(val(id)));
  const changes = {};
  if (val("r-type") && val("r-type") !== rec.plover_type) changes.plover_type = val("r-type");
  if (val("r-sub-type")) {
    changes.acled_sub_event_type = val("r-sub-type");
    changes.acled_event_type = EW.config.acled_sub_types[val("r-sub-type")];
  }
  for (const n of ["1", "2"]) {
    const actor = EW.actorChange(n, rec);
    if (actor) changes["actor" + n] = actor;
  }
  const place = EW.placeChange(rec);
  if (place) changes.location = place;
  const date = rec.date || {};
  const start = val("r-date");
  const end = val("r-date-end") || start;
  if (start && (start !== (date.start || "") || end !== (date.end || ""))) {
    changes.date = { start, end, precision: start === end ? "day" : "range" };
  }
  const fat = rec.fatalities || {};
  const best = num("r-fat-best");
  let low = num("r-fat-low") ?? best;
  let high = num("r-fat-high") ?? best;
  if (best !== null && (best !== (fat.best ?? null) || low !== (fat.low ?? null) || high !== (fat.high ?? null))) {
    // a new best outside a range the analyst left as it was moves that bound with it
    if (low === (fat.low ?? null) && low > best) low = best;
    if (high === (fat.high ?? null) && high < best) high = best;
    changes.fatalities = { best, low, high };
  }
  if (val("r-modality") && val("r-modality") !== (rec.modality || "asserted")) changes.modality = val("r-modality");
  return changes;
};

window.addEventListener("DOMContentLoaded", () => {
  for (const [kind, ids] of [["actor", ["r-actor1", "r-actor2"]], ["place", ["r-place"]]]) {
    for (const id of ids) {
      const input = document.getElementById(id);
      let timer = null;
      input.addEventListener("input", () => {
        if (EW.picked[kind].has(input.value)) { EW.onPicked(kind, input); return; }
        clearTimeout(timer);
        timer = setTimeout(() => EW.lookup(kind, input.value), 250);
      });
    }
  }
});
