// Incidents: one happening across outlets (GET /api/incidents, /api/incidents/{id}).
// The list is a desk list (filters, sortable columns, paging, permalink); the incident
// page shows each outlet's report sentence, figures, date and place side by side, and
// the disputes with one column per side.
import { api } from "./api.js";
import { badge, evidenceLink, h, link, route } from "./dom.js";
import { renderList } from "./desk.js";
import { disputeCard } from "./disputes.js";

export const INCIDENT_SORTS = ["date", "-date", "toll", "-toll", "-sources", "type", "status"];

function toll(t) {
  if (!t || !t.killed) return "";
  const [lo, hi] = t.killed;
  return lo === hi ? `${lo} killed` : `${lo}–${hi} killed`;
}

function dates(r) {
  if (!r.date_from) return "";
  return r.date_from === r.date_to ? r.date_from : `${r.date_from} – ${r.date_to}`;
}

// One row: date range, headline (opens the incident), place, outlets, toll, status.
export function incidentCells(r) {
  const headline = h("a", { class: "headline", href: route(["incident", r.id]), title: r.headline }, r.headline);
  return [dates(r) || "date unknown", headline, r.place ? r.place.name : "",
    r.outlets.join(", "), toll(r.toll), badge(r.status, r.status)];
}

export const INCIDENT_COLUMNS = [["Date", "date"], ["Incident", "type"], ["Place", null], ["Outlets", "sources"],
  ["Toll", "toll"], ["Status", "status"]];

export const renderIncidents = (_, params) => renderList({
  path: "incidents", title: "Incidents", endpoint: "incidents",
  facets: "incidents", filters: ["type", "actor", "place", "outlet", "from", "to", "status"],
  intro: "One row per happening, however many outlets report it: the date range, the place, the outlets, "
    + "the range of the tolls they give, and whether they agree. Facets count incidents; the place filter "
    + "takes the places inside it.",
  downloads: ["csv", "json", "geojson"], sorts: INCIDENT_SORTS, defaultSort: "date", columns: INCIDENT_COLUMNS, row: incidentCells,
}, params);

// One column per outlet: the sentence of its report, its figures, date and place (their
// own sentence only when it is not the report's).
function outletColumn(o, inc) {
  const mine = (xs) => xs.filter((x) => x.outlet === o.name);
  const docs = inc.documents;
  const key = (ev) => `${ev.doc}:${ev.start}:${ev.end}`;
  const shown = new Set(mine(inc.reports || []).map((r) => key(r.evidence)));
  const line = (label, x) => h("div", { class: "figure" }, h("b", {}, label), " ",
    x.speaker ? h("span", { class: "muted" }, `(${x.speaker}) `) : null,
    x.evidence && !shown.has(key(x.evidence)) ? evidenceLink(x.evidence, null, docs) : null);
  return h("div", { class: "card outlet" }, h("h3", {}, o.name),
    o.also && o.also.length ? h("p", { class: "muted" }, "also carried by ", o.also.join(", ")) : null,
    mine(inc.reports || []).map((r) => h("div", { class: "report" }, h("b", {}, "Report: "),
      evidenceLink(r.evidence, null, docs))),
    mine(inc.figures).map((f) => line(`${f.value} ${f.kind.replace("count:", "")}`, f)),
    mine(inc.dates).map((d) => line(`date ${d.value}`, d)),
    mine(inc.places).map((p) => line(`place ${p.value}`, p)));
}

function participants(label, xs) {
  if (!xs.length) return null;
  return h("p", {}, h("b", {}, label + ": "), xs.map((x, i) => [i ? "; " : "",
    x.entity ? link(x.name, ["entity", x.entity]) : x.name,
    h("span", { class: "muted" }, ` (${x.outlets.join(", ")})`)]));
}

export async function renderIncident(id, params) {
  const inc = await api(`incidents/${encodeURIComponent(id)}`);
  const place = inc.place ? inc.place.name : "place unknown";
  const showTrivial = params.get("trivial") === "1";
  const disputes = inc.contradictions.filter((x) => showTrivial || !x.trivial);
  const hidden = inc.contradictions.length - disputes.length;
  return h("section", { class: "incident-page" }, h("h1", {}, inc.headline),
    h("p", {}, badge(inc.status, inc.status), ` ${inc.type} · ${dates(inc) || "date unknown"}`,
      ` · ${place} · ${inc.sources} independent outlet(s)`),
    participants("Actors", inc.actors), participants("Targets", inc.targets),
    h("h2", {}, "What each outlet reports"),
    h("div", { class: "side-by-side outlets" }, inc.outlets.map((o) => outletColumn(o, inc))),
    inc.contradictions.length ? h("h2", {}, "Disputes") : null,
    hidden ? h("p", { class: "muted" }, link(`Show ${hidden} wording variant(s)`, ["incident", inc.id], { trivial: 1 })) : null,
    disputes.map((x) => disputeCard({ ...x, label: null }, inc.documents)),
    h("p", {}, link("All reports of this incident", ["cluster", inc.id])));
}
