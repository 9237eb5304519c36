/* eventwire dashboard: document view (highlighted evidence) and review panel. */
"use strict";

EW.doc = { event: null, document: null };
const LABEL_ORDER = ["trigger", "actor1", "actor2", "location", "date", "fatalities", "attribution"];

/* Split the text at every span boundary; each piece gets the highest-priority label that
 * covers it (all labels are in data-labels), so overlapping spans still render. */
EW.renderHighlights = function (text, spans, focusId) {
  const box = document.getElementById("doc-text");
  box.replaceChildren();
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  let focusNode = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
    const focused = covering.filter((s) => s.event_id === focusId);
    const pool = focused.length ? focused : covering;
    const label = LABEL_ORDER.find((l) => pool.some((s) => s.label === l)) || pool[0].label;
    const mark = EW.el("mark", { class: `hl hl-${label}` + (focused.length ? " focus" : ""),
      "data-labels": [...new Set(covering.map((s) => s.label))].join(" "),
      title: covering.map((s) => `${s.label} (${s.event_id})`).join(", "),
      text: piece });
    const ids = [...new Set(covering.map((s) => s.event_id))];
    mark.addEventListener("click", () => { if (ids[0] !== focusId) EW.openEvent(ids[0]); });
    if (focused.length && !focusNode) focusNode = mark;
    box.append(mark);
  }
  if (focusNode) focusNode.scrollIntoView({ block: "center" });
};

EW.describe = function (rec) {
  const dl = document.getElementById("event-detail");
  dl.replaceChildren();
  const actor = (a) => a ? `${a.name || a.text}` + (a.inter ? ` (inter ${a.inter})` : "") +
    (a.text && a.name && a.text !== a.name ? ` ← “${a.text}”` : "") : "—";
  const loc = rec.location;
  const rows = [
    ["Type", [rec.plover_type, rec.plover_mode].filter(Boolean).join(" / ")],
    ["ACLED", [rec.acled_event_type, rec.acled_sub_event_type].filter(Boolean).join(" / ")],
    ["Actor 1", actor(rec.actor1)],
    ["Actor 2", actor(rec.actor2)],
    ["Place", loc ? `${loc.name || loc.text}, ${loc.admin1 || ""} ${loc.country || ""} ` +
      `(${loc.lat ?? "?"}, ${loc.lon ?? "?"}; precision ${loc.precision ?? "?"})` : "—"],
    ["Date", rec.date ? `${rec.date.start || "?"} – ${rec.date.end || "?"} (${rec.date.precision})` +
      (rec.date.text ? ` ← “${rec.date.text}”` : "") : "—"],
    ["Killed", rec.fatalities ? `${rec.fatalities.best ?? "?"} (low ${rec.fatalities.low ?? "?"}, high ${rec.fatalities.high ?? "?"})` : "—"],
    ["Modality", rec.modality],
    ["Incident", EW.incidentText(rec)],
    ["According to", rec.attribution ? `${rec.attribution.speaker || "?"} (${rec.attribution.role || "?"}` +
      (rec.attribution.verb ? `, “${rec.attribution.verb}”` : "") + ")" : (rec.attributed_to || rec.source || "—")],
    ["Confidence", rec.confidence],
    ["Sentence", rec.sentence],
    ["Event id", rec.event_id],
  ];
  for (const [k, v] of rows) dl.append(EW.el("dt", { text: k }), EW.el("dd", { text: v ?? "" }));
  const flags = EW.el("dd", { id: "event-flags" }, ...EW.flagNodes(rec));
  if (!flags.childNodes.length) flags.append(EW.el("span", { class: "flag", text: "none" }));
  flags.dataset.background = String(!!rec.background);
  flags.dataset.aggregate = String(!!rec.aggregate);
  const mentions = EW.el("ol", { id: "event-mentions", class: "mentions" });
  for (const m of rec.mentions || []) {
    mentions.append(EW.el("li", { "data-kind": m.kind },
      EW.el("span", { class: "kind", text: m.kind }), `“${m.text}”`,
      m.sentence_index !== undefined ? EW.el("small", { text: ` (sentence ${m.sentence_index + 1})` }) : null));
  }
  if (!mentions.childNodes.length) mentions.append(EW.el("li", { text: "—" }));
  dl.append(EW.el("dt", { text: "Flags" }), flags,
            EW.el("dt", { text: `Mentions (${(rec.mentions || []).length})` }), EW.el("dd", {}, mentions));
  dl.dataset.eventId = rec.event_id;
};

/* Whether a conflict view counts the record, and if not, why (the API's scope=conflict). */
EW.incidentText = function (rec) {
  const why = [];
  if (!rec.acled_event_type) why.push("no ACLED type: a political interaction");
  if (rec.modality !== "asserted") why.push(`${rec.modality || "no"} modality`);
  if (rec.background) why.push("background: recalled well before publication");
  if (rec.aggregate) why.push("aggregate: a total over a long period");
  return why.length ? "not counted as a conflict incident (" + why.join("; ") + ")"
    : "a conflict incident (counted in conflict views)";
};

EW.reviewMessage = function (text, error) {
  const box = document.getElementById("review-message");
  box.textContent = text;
  box.className = "message" + (error ? " error" : text ? " ok" : "");
};

/* The reports of an incident (a canonical event), each opening its own evidence: source,
 * date published, place, toll and why it was merged; the open report is marked. */
EW.describeIncident = function (incident, openId) {
  const box = document.getElementById("incident");
  box.replaceChildren();
  box.hidden = !incident;
  if (!incident) return;
  box.dataset.canonicalId = incident.canonical_id;
  const toll = incident.fatalities ? incident.fatalities.best ?? "?" : "?";
  box.append(EW.el("h3", { text: `Incident: ${incident.n_reports} report(s) from ${incident.n_sources} ` +
    `source(s), ${toll} killed (latest credible toll)` }));
  const why = new Map((incident.merge_reasons || []).map((m) => [m.event_id, m.reasons.join("; ")]));
  const list = EW.el("ul", { class: "incident-reports" });
  for (const r of incident.reports) {
    const label = [r.source || "?", r.published || "", r.location_name || "",
      r.fatalities != null ? `${r.fatalities} killed` : ""].filter(Boolean).join(" · ");
    const link = EW.el("a", { href: "#", text: label, "data-event-id": r.event_id,
      title: why.get(r.event_id) || "the incident's first report",
      onclick: (e) => { e.preventDefault(); EW.openEvent(r.event_id, incident); } });
    list.append(EW.el("li", { class: r.event_id === openId ? "open" : "" }, link));
  }
  box.append(list);
};

/* Open an event's evidence view. A canonical id opens its first report, with the incident's
 * reports listed above the text; ``incident`` keeps that list while moving between them. */
EW.openEvent = async function (eventId, incident) {
  try {
    let detail = await EW.api("/events/" + encodeURIComponent(eventId));
    if (detail.level === "canonical") {
      incident = detail.event;
      if (!incident.reports.length) throw new Error(`incident ${eventId} has no reports`);
      detail = await EW.api("/events/" + encodeURIComponent(incident.reports[0].event_id));
    }
    const rec = detail.event;
    EW.describeIncident(incident || null, rec.event_id);
    const doc = await EW.api("/documents/" + encodeURIComponent(rec.doc_id));
    EW.doc = { event: rec, document: doc };
    document.getElementById("doc-title").textContent = doc.title || doc.source_id || doc.doc_id;
    document.getElementById("doc-meta").textContent =
      [doc.source, doc.published, doc.url, `${doc.events.length} event(s)`].filter(Boolean).join(" · ");
    EW.renderHighlights(doc.text, doc.spans, rec.event_id);
    EW.describe(detail.reviewed || rec);
    const r = detail.review;
    document.getElementById("review-status").textContent = r
      ? `${r.status} by ${r.author} at ${r.at} (${r.n_reviews} review(s); machine values kept)` : "not reviewed";
    EW.doc.event = detail.reviewed || rec;  // the form starts from the reviewed values
    EW.fillReviewForm(EW.doc.event);
    document.getElementById("docview").hidden = false;
  } catch (e) {
    EW.notice(e.message);
  }
};

EW.submitReview = async function (action) {
  const author = document.getElementById("r-author").value.trim();
  const token = document.getElementById("r-token").value.trim();
  if (!author) { EW.reviewMessage("Enter your name as author.", true); return; }
  if (!token) { EW.reviewMessage("Enter the review token.", true); return; }
  localStorage.setItem("ew-author", author);
  sessionStorage.setItem("ew-token", token);
  const body = { action, author, note: document.getElementById("r-note").value.trim() || null };
  if (action === "correct") {
    body.changes = EW.changesFromForm();
    if (!Object.keys(body.changes).length) { EW.reviewMessage("Nothing was changed.", true); return; }
  }
  try {
    const saved = await EW.api(`/events/${encodeURIComponent(EW.doc.event.event_id)}/review`, {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token } });
    const id = EW.doc.event.event_id;
    await EW.openEvent(id);
    EW.reviewMessage(`Saved: ${saved.action} by ${saved.author} at ${saved.created_at}.`, false);
    await Promise.all([EW.loadAudit(), EW.loadTable()]);
  } catch (e) {
    EW.reviewMessage(`${e.code || "error"}: ${e.message}`, true);
  }
};

window.addEventListener("DOMContentLoaded", () => {
  document.getElementById("doc-close").addEventListener("click", () => { document.getElementById("docview").hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") document.getElementById("docview").hidden = true; });
  document.getElementById("r-confirm").addEventListener("click", () => EW.submitReview("confirm"));
  document.getElementById("r-correct").addEventListener("click", () => EW.submitReview("correct"));
  document.getElementById("r-reject").addEventListener("click", () => EW.submitReview("reject"));
});
