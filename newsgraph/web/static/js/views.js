// Search, actor list and profile, contradictions, event clusters.
import { api } from "./api.js";
import { badge, entityLink, evidenceLink, h, link, pager, route, sourceLabel, table } from "./dom.js";
import { drawGraph } from "./graph.js";
import { reviewButton } from "./desk.js";
import { eventCells } from "./lists.js";

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
    h("h2", {}, `Articles (${res.articles.total})`),
    res.articles.items.map((a) => h("div", { class: "card" },
      link(a.title || a.source, ["article", a.id]), " ",
      h("span", { class: "muted" }, [a.publisher, a.published].filter(Boolean).join(" · ")),
      h("div", {}, a.snippet))),
    pager(res.articles, (o) => go(["search"], { q, offset: o })));
}

export async function renderEntities(_, params) {
  const filters = { type: params.get("type"), sector: params.get("sector"), q: params.get("q") };
  const offset = Number(params.get("offset") || 0);
  const res = await api("entities", { ...filters, offset, limit: 50 });
  const input = (name, label) => h("label", {}, label, h("input", { name, value: filters[name] || "" }));
  const form = h("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    go(["entities"], Object.fromEntries(new FormData(ev.target)));
  } }, input("q", "Name"), input("type", "Type"), input("sector", "Sector"), h("button", {}, "Filter"));
  return h("section", {}, h("h1", {}, "Actors"), form,
    table(["Name", "Type", "Sector", "Wikidata", "Mentions"], res.items.map((e) => [
      link(e.name, ["entity", e.id]), e.type, e.sector || "", e.wikidata || "", String(e.mentions)])),
    pager(res, (o) => go(["entities"], { ...filters, offset: o })));
}

export async function renderEntity(id) {
  const e = await api(`entities/${encodeURIComponent(id)}`);
  const names = e.entities;
  const graphBox = h("div", { class: "graph small", id: "entity-graph" });
  const section = h("section", { class: "entity-page" },
    h("h1", {}, e.name), h("div", {}, badge(e.type), e.sector ? badge(e.sector) : null,
      wikidata(e.wikidata), h("span", { class: "muted" }, ` ${e.mention_count} mentions in ${e.document_count} articles`)),
    e.aliases.length ? h("p", {}, h("b", {}, "Also written: "), e.aliases.join(" · ")) : null,
    h("p", {}, link(`Articles that mention ${e.name}`, ["articles"], { actor: e.id, sort: "-mentions" }), " · ",
      link("Events", ["events"], { actor: e.id }), " · ", link("Claims", ["claims"], { actor: e.id })),
    h("h2", {}, "Relations"), relationsTable(e, names, e.documents),
    h("h2", {}, "Network"), graphBox,
    h("p", {}, link("Open the full network around this actor", ["graph"], { entity: e.id, depth: 2 })),
    h("h2", {}, `Events (${e.events.total})`), eventsTable(e.events.items, names, e.documents),
    h("h2", {}, `Claims (${e.claims.length})`),
    e.claims.map((c) => h("div", { class: "card claim" }, h("b", {}, c.speaker_text || "", " ", c.verb, ": "),
      c.evidence.map((ev) => evidenceLink(ev, null, e.documents)))));
  api("graph", { entity: e.id, depth: 1 }).then((g) => drawGraph(graphBox, g, e.id)).catch(() => {});
  return section;
}

function wikidata(qid) {
  if (!qid || !/^Q\d+$/.test(qid)) return null;
  return h("a", { class: "badge", href: `https://www.wikidata.org/wiki/${qid}`, rel: "noopener" }, qid);
}

function relationsTable(e, names, docs) {
  if (!e.relations.length) return h("p", { class: "muted" }, "No relation found.");
  return table(["Subject", "Relation", "Object", "Support", "Evidence"], e.relations.map((r) => [
    entityLink(r.subject, names), r.predicate.replace(/_/g, " "),
    r.object ? entityLink(r.object, names) : (r.object_text || ""),
    r.origin === "kb" ? badge("knowledge base", "kb") : [badge(r.status, r.status), `${r.sources} source(s)`],
    r.evidence.map((ev) => evidenceLink(ev, null, docs)),
  ]));
}

export function eventsTable(items, names, docs) {
  return table(["Date", "Event", "Place", "Actors", "Evidence"],
    items.map((ev) => eventCells(ev, { entities: names, documents: docs || {} })));
}

export async function renderContradictions(_, params) {
  const offset = Number(params.get("offset") || 0), showTrivial = params.get("trivial") === "1";
  const res = await api("contradictions", { offset, limit: 50 });
  const shown = res.items.filter((c) => showTrivial || !c.trivial);
  const hidden = res.items.length - shown.length;
  return h("section", {}, h("h1", {}, "Contradictions"),
    h("p", { class: "muted" }, "Values that sources report differently, side by side with their evidence. ",
      hidden ? link(`Show ${hidden} wording variant(s)`, ["contradictions"], { offset, trivial: 1 })
        : showTrivial ? link("Hide wording variants", ["contradictions"], { offset }) : null),
    shown.map((c) => disputeCard(c, res.documents)),
    pager(res, (o) => go(["contradictions"], { offset: o, trivial: showTrivial ? 1 : null })));
}

function disputeCard(c, docs) {
  return h("div", { class: "card contradiction" + (c.trivial ? " trivial" : "") },
    h("h2", {}, c.about_kind === "relation" ? c.label : link(c.label, [c.about_kind, c.about]), " — ", c.field,
      c.trivial ? badge("wording variant") : null),
    h("div", { class: "side-by-side" }, c.values.map((v) => h("div", { class: "card" },
      h("div", { class: "value" }, v.label || v.value),
      v.evidence.map((ev) => h("div", {}, evidenceLink(ev, null, docs)))))),
    reviewButton("contradiction", c.id, c.review));
}

export async function renderCluster(id) {
  const c = await api(`clusters/${encodeURIComponent(id)}`);
  const outlets = [...new Set(c.events.map((e) => c.documents[e.doc]).filter(Boolean).map(sourceLabel))];
  const targets = [...new Set(c.events.flatMap((e) => [...e.targets.map((t) => (c.entities[t] || {}).name || t), ...e.target_text]))];
  const first = c.events[0];
  return h("section", {}, h("h1", {}, `${first.type} ${first.mode || ""} · ${first.date || "date unknown"}`
    + (first.location ? ` · ${first.location.name}` : "")),
    h("p", {}, "Reported by ", String(c.sources), " independent source(s) ", badge(c.status, c.status), " ",
      reviewButton("cluster", c.id, c.review)),
    h("p", {}, h("b", {}, "Outlets: "), outlets.join(" · ") || "?"),
    targets.length ? h("p", {}, h("b", {}, "Targets: "), targets.join(", ")) : null,
    eventsTable(c.events, c.entities, c.documents),
    c.contradictions.length ? h("h2", {}, "Disagreements") : null,
    c.contradictions.filter((x) => !x.trivial).map((x) => disputeCard({ ...x, label: "Disagreement", about_kind: "relation" }, c.documents)));
}

export async function renderNotFound() {
  return h("p", {}, "No such page. ", link("Home", []));
}
