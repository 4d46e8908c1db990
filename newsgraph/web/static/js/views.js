// Search, actor list and profile, contradictions, event clusters.
import { api } from "./api.js";
import { badge, entityLink, evidenceLink, h, link, pager, route, sourceLabel } from "./dom.js";
import { drawGraph } from "./graph.js";
import { reviewButton } from "./desk.js";
import { disputeCard } from "./disputes.js";
import { INCIDENT_COLUMNS, INCIDENT_SORTS, incidentCells } from "./incidents.js";
import { eventCells } from "./lists.js";
import { localTable, pagedTable, tableState } from "./tables.js";

const go = (path, params) => { location.hash = route(path, params); };

export async function renderHome() {
  const [stats, top] = await Promise.all([api("stats"), api("entities", { limit: 12 })]);
  const c = stats.counts;
  return h("section", {},
    h("h1", {}, "Knowledge base"),
    h("p", { class: "muted" }, `${c.articles} articles · ${c.entities} actors · ${c.relations} relations · `
      + `${c.events} events · ${c.claims} claims · ${c.contradictions} contradictions`),
    h("p", {}, link("Events", ["events"]), " · ", link("Articles", ["articles"]), " · ", link("Claims", ["claims"]),
      " · ", link("Relations", ["relations"]), " · ", link("Sources", ["outlets"])),
    h("h2", {}, "Most mentioned actors"), entityGrid(top.items));
}

function entityGrid(items) {
  return h("div", { class: "grid" }, items.map((e) => h("div", { class: "card entity-card" },
    link(e.name, ["entity", e.id]), " ", badge(e.type), e.sector ? badge(e.sector) : null,
    h("div", { class: "muted" }, `${e.mentions} mentions`))));
}

export async function renderSearch(_, params) {
  const q = params.get("q") || "";
  const offset = Number(params.get("offset") || 0);
  const res = await api("search", { q, offset, limit: 20 });
  return h("section", {},
    h("h1", {}, "Search: ", q),
    h("h2", {}, "Actors"), res.entities.items.length ? entityGrid(res.entities.items) : h("p", { class: "muted" }, "No actor matches."),
    q ? h("p", { class: "muted" }, "Ranked by how well they match. ",
      link("Actors with this name as a sortable table", ["entities"], { q }), " · ",
      link("Articles with these words as a sortable table (date, title, outlet), with facets", ["articles"], { q })) : null,
    h("h2", {}, `Articles (${res.articles.total})`),
    res.articles.items.map((a) => h("div", { class: "card" },
      link(a.title || a.source, ["article", a.id]), " ",
      h("span", { class: "muted" }, [a.publisher, a.published].filter(Boolean).join(" · ")),
      h("div", {}, a.snippet))),
    pager(res.articles, (o) => go(["search"], { q, offset: o })));
}

export async function renderEntities(_, params) {
  const filters = { type: params.get("type"), sector: params.get("sector"), q: params.get("q") };
  const st = tableState(params, "e", "-mentions");
  const res = await api("entities", { ...filters, sort: st.sort, offset: st.offset, limit: 50 });
  const input = (name, label) => h("label", {}, label, h("input", { name, value: filters[name] || "" }));
  const form = h("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    go(["entities"], Object.fromEntries([...new FormData(ev.target)].filter(([, v]) => v)));
  } }, input("q", "Name"), input("type", "Type"), input("sector", "Sector"), h("button", {}, "Filter"));
  return h("section", {}, h("h1", {}, "Actors"), form,
    h("p", { class: "muted count" }, `${res.total} found`),
    pagedTable({ key: "e", res, sort: st.sort, sorts: ["-mentions", "mentions", "name", "type", "sector"],
      empty: "No actor matches.", cols: [
        { label: "Name", key: "name", cell: (e) => link(e.name, ["entity", e.id]) },
        { label: "Type", key: "type", cell: (e) => e.type },
        { label: "Sector", key: "sector", cell: (e) => e.sector || "" },
        { label: "Wikidata", cell: (e) => e.wikidata || "" },
        { label: "Mentions", key: "mentions", desc: true, cell: (e) => String(e.mentions) }] }));
}

export async function renderEntity(id, params) {
  const inc = tableState(params, "inc", "-date"), art = tableState(params, "art", "-mentions");
  const [e, incidents, articles] = await Promise.all([api(`entities/${encodeURIComponent(id)}`),
    api("incidents", { actor: id, sort: inc.sort, offset: inc.offset, limit: 10 }),
    api("articles", { actor: id, sort: art.sort, offset: art.offset, limit: 10 })]);
  const names = e.entities;
  const graphBox = h("div", { class: "graph small", id: "entity-graph" });
  const section = h("section", { class: "entity-page" },
    h("h1", {}, e.name), h("div", {}, badge(e.type), e.sector ? badge(e.sector) : null,
      wikidata(e.wikidata), h("span", { class: "muted" }, ` ${e.mention_count} mentions in ${e.document_count} articles`)),
    e.aliases.length ? h("p", {}, h("b", {}, "Also written: "), e.aliases.join(" · ")) : null,
    h("p", {}, link("Incidents", ["incidents"], { actor: e.id }), " · ", link("Events", ["events"], { actor: e.id }),
      " · ", link("Claims", ["claims"], { actor: e.id }), " · ", link("Network", ["graph"], { entity: e.id, depth: 2 })),
    h("div", { class: "pair" },
      h("div", { class: "actor-incidents" }, h("h2", {}, `Incidents (${incidents.total})`),
        h("p", { class: "muted" }, "One row per happening this actor takes part in; open one for each outlet's account."),
        pagedTable({ key: "inc", cols: INCIDENT_COLS, res: incidents, sort: inc.sort, sorts: INCIDENT_SORTS,
          empty: "No incident names this actor." })),
      h("div", { class: "actor-articles" }, h("h2", {}, `Articles that mention ${e.name} (${articles.total})`),
        pagedTable({ key: "art", cols: ARTICLE_COLS, res: articles, sort: art.sort,
          sorts: ["published", "-published", "title", "outlet", "-mentions"], empty: "No article." }),
        h("p", {}, link(`All articles that mention ${e.name}`, ["articles"], { actor: e.id, sort: "-mentions" })))),
    h("h2", {}, "Relations"), relationsTable(e, names, e.documents, params),
    h("h2", {}, "Network"), graphBox,
    h("p", {}, link("Open the full network around this actor", ["graph"], { entity: e.id, depth: 2 })),
    h("h2", {}, `Events (${e.events.total})`),
    e.events.total > e.events.items.length ? h("p", { class: "muted" }, `The first ${e.events.items.length}; `,
      link("all of them in the events list", ["events"], { actor: e.id }), ".") : null,
    eventsTable(e.events.items, names, e.documents, params, "ev"),
    h("h2", {}, `Claims (${e.claims.length})`), claimsTable(e, params));
  api("graph", { entity: e.id, depth: 1 }).then((g) => drawGraph(graphBox, g, e.id)).catch(() => {});
  return section;
}

const INCIDENT_COLS = INCIDENT_COLUMNS.map(([label, key], i) => ({ label, key, desc: key === "date" || key === "toll",
  cell: (r) => incidentCells(r)[i] }));

const ARTICLE_COLS = [
  { label: "Published", key: "published", desc: true, cell: (a) => a.published || "" },
  { label: "Title", key: "title", cell: (a) => link(a.title || a.source, ["article", a.id]) },
  { label: "Outlet", key: "outlet", cell: (a) => (a.publisher ? link(a.publisher, ["outlet", a.publisher]) : "") },
  { label: "Mentions", key: "mentions", desc: true, cell: (a) => String(a.mentions) },
];

function wikidata(qid) {
  if (!qid || !/^Q\d+$/.test(qid)) return null;
  return h("a", { class: "badge", href: `https://www.wikidata.org/wiki/${qid}`, rel: "noopener" }, qid);
}

function relationsTable(e, names, docs, params) {
  const name = (id) => (names[id] ? names[id].name : id);
  return localTable({ key: "rel", params, items: e.relations, empty: "No relation found.", cols: [
    { label: "Subject", key: "subject", value: (r) => name(r.subject), cell: (r) => entityLink(r.subject, names) },
    { label: "Relation", key: "predicate", value: (r) => r.predicate, cell: (r) => r.predicate.replace(/_/g, " ") },
    { label: "Object", key: "object", value: (r) => (r.object ? name(r.object) : r.object_text),
      cell: (r) => (r.object ? entityLink(r.object, names) : (r.object_text || "")) },
    { label: "Support", key: "sources", desc: true, value: (r) => (r.origin === "kb" ? -1 : r.sources),
      cell: (r) => (r.origin === "kb" ? badge("knowledge base", "kb") : [badge(r.status, r.status), `${r.sources} source(s)`]) },
    { label: "Evidence", cell: (r) => r.evidence.map((ev) => evidenceLink(ev, null, docs)) },
  ] });
}

function claimsTable(e, params) {
  const docs = e.documents;
  const published = (c) => (docs[c.evidence[0].doc] || {}).published;
  return localTable({ key: "cl", params, items: e.claims, empty: "No claim by this actor.", cols: [
    { label: "Date", key: "published", desc: true, value: published, cell: (c) => published(c) || "" },
    { label: "Said", key: "verb", value: (c) => c.verb, cell: (c) => [c.speaker_text || "", " ", c.verb] },
    { label: "Quote", cell: (c) => c.evidence.map((ev) => evidenceLink(ev, null, docs)) },
  ] });
}

// Events with sortable columns and pages (state in the URL under `key`).
export function eventsTable(items, names, docs, params, key = "ev") {
  const res = { entities: names, documents: docs || {} };
  const rows = items.map((ev) => ({ ev, cells: eventCells(ev, res) }));
  const col = (label, i, sortKey, value, desc) => ({ label, key: sortKey, desc, value: (x) => value(x.ev),
    cell: (x) => x.cells[i] });
  return localTable({ key, params: params || new URLSearchParams(), items: rows, empty: "No event.", cols: [
    col("Date", 0, "date", (ev) => ev.date), col("Event", 1, "type", (ev) => ev.type),
    col("Place", 2, "place", (ev) => ev.location && ev.location.name),
    col("Actors", 3), col("Evidence", 4, "sources", (ev) => ev.sources, true)] });
}

export async function renderContradictions(_, params) {
  const offset = Number(params.get("offset") || 0), showTrivial = params.get("trivial") === "1";
  const res = await api("contradictions", { offset, limit: 50 });
  const shown = res.items.filter((c) => showTrivial || !c.trivial);
  const hidden = res.items.length - shown.length;
  return h("section", {}, h("h1", {}, "Contradictions"),
    h("p", { class: "muted" }, "Values that sources report differently: one column per outlet (and speaker) with "
      + "its sentence. ",
      hidden ? link(`Show ${hidden} wording variant(s)`, ["contradictions"], { offset, trivial: 1 })
        : showTrivial ? link("Hide wording variants", ["contradictions"], { offset }) : null),
    shown.map((c) => disputeCard(c, res.documents)),
    pager(res, (o) => go(["contradictions"], { offset: o, trivial: showTrivial ? 1 : null })));
}

export async function renderCluster(id, params) {
  const c = await api(`clusters/${encodeURIComponent(id)}`);
  const outlets = [...new Set(c.events.map((e) => c.documents[e.doc]).filter(Boolean).map(sourceLabel))];
  const targets = [...new Set(c.events.flatMap((e) => [...e.targets.map((t) => (c.entities[t] || {}).name || t), ...e.target_text]))];
  const first = c.events[0];
  return h("section", {}, h("h1", {}, `${first.type} ${first.mode || ""} · ${first.date || "date unknown"}`
    + (first.location ? ` · ${first.location.name}` : "")),
    h("p", {}, "Reported by ", String(c.sources), " independent source(s) ", badge(c.status, c.status), " ",
      reviewButton("cluster", c.id, c.review), " ", link("the incident", ["incident", c.id])),
    h("p", {}, h("b", {}, "Outlets: "), outlets.join(" · ") || "?"),
    targets.length ? h("p", {}, h("b", {}, "Targets: "), targets.join(", ")) : null,
    eventsTable(c.events, c.entities, c.documents, params, "ev"),
    c.contradictions.length ? h("h2", {}, "Disagreements") : null,
    c.contradictions.filter((x) => !x.trivial).map((x) => disputeCard({ ...x, label: null }, c.documents)));
}

export async function renderNotFound() {
  return h("p", {}, "No such page. ", link("Home", []));
}
