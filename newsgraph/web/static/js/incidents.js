// Incidents: one happening across outlets (GET /api/incidents, /api/incidents/{id}).
// The list pages through incidents; the incident page shows each outlet's figures,
// date and place side by side with the sentence they come from.
import { api } from "./api.js";
import { h, link, evidenceLink, badge, pager, table, route } from "./dom.js";

const FILTERS = ["type", "place", "from", "to", "status", "actor"];

function toll(t) {
  if (!t || !t.killed) return "";
  const [lo, hi] = t.killed;
  return lo === hi ? `${lo} killed` : `${lo}–${hi} killed`;
}

function dates(r) {
  if (!r.date_from) return "";
  return r.date_from === r.date_to ? r.date_from : `${r.date_from} – ${r.date_to}`;
}

export async function renderIncidents(_, params) {
  const offset = Number(params.get("offset") || 0);
  const query = Object.fromEntries(FILTERS.map((k) => [k, params.get(k)]));
  const data = await api("incidents", { ...query, limit: 50, offset });
  const go = (o) => { location.hash = route(["incidents"], { ...query, offset: o }); };
  const rows = data.items.map((r) => [dates(r), link(r.headline, ["incident", r.id]),
    r.place ? r.place.name : "", r.outlets.join(", "), toll(r.toll), badge(r.status, r.status)]);
  return h("section", { class: "incidents" }, h("h1", {}, "Incidents"),
    filterForm(query),
    table(["Date", "Incident", "Place", "Outlets", "Toll", "Status"], rows), pager(data, go));
}

function filterForm(query) {
  const input = (name, label) => h("label", {}, label + " ",
    h("input", { name, value: query[name] || "", size: 10 }));
  const form = h("form", { class: "filters" }, input("type", "Type"), input("place", "Place"),
    input("from", "From"), input("to", "To"),
    h("select", { name: "status" }, ["", "corroborated", "single-source", "contested"].map(
      (s) => h("option", { value: s, selected: query.status === s ? "" : null }, s || "any status"))),
    h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    location.hash = route(["incidents"], { ...values, actor: query.actor });
  });
  return form;
}

// One column per outlet: its figures, date and place, each with its sentence.
function outletColumn(name, inc) {
  const mine = (xs) => xs.filter((x) => x.outlet === name);
  const line = (label, x) => h("div", { class: "figure" }, h("b", {}, label), " ",
    x.speaker ? h("span", { class: "muted" }, `(${x.speaker}) `) : null,
    x.evidence ? evidenceLink(x.evidence) : null);
  return h("div", { class: "card outlet" }, h("h3", {}, name),
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

export async function renderIncident(id) {
  const inc = await api(`incidents/${encodeURIComponent(id)}`);
  const place = inc.place ? inc.place.name : "place unknown";
  return h("section", { class: "incident-page" }, h("h1", {}, inc.headline),
    h("p", {}, badge(inc.status, inc.status), ` ${inc.type} · ${dates(inc) || "date unknown"}`,
      ` · ${place} · ${inc.sources} independent outlet(s)`),
    participants("Actors", inc.actors), participants("Targets", inc.targets),
    h("h2", {}, "What each outlet reports"),
    h("div", { class: "side-by-side outlets" }, inc.outlets.map((o) => outletColumn(o.name, inc))),
    inc.contradictions.length ? h("h2", {}, "Disputes") : null,
    inc.contradictions.map((x) => h("div", { class: "card" }, h("b", {}, x.field),
      h("div", { class: "side-by-side" }, x.values.map((v) => h("div", {},
        h("div", { class: "value" }, v.value), v.evidence.map((ev) => evidenceLink(ev))))))),
    h("p", {}, link("All reports of this incident", ["cluster", inc.id])));
}
