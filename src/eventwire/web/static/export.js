/* eventwire dashboard: the export button. The link downloads GET /export with the current
 * filters, scope and level (CSV, ACLED-CSV or GeoJSON); it is rewritten on every refresh. */
"use strict";

EW.exportHref = function () {
  const params = new URLSearchParams(EW.query());
  params.set("format", document.getElementById("x-format").value);
  return "/export?" + params.toString();
};

EW.updateExport = function () {
  const link = document.getElementById("x-link");
  if (link) link.href = EW.exportHref();
};

EW.inits.push(() => {
  document.getElementById("x-format").addEventListener("change", EW.updateExport);
});
EW.views.push(async () => EW.updateExport());
