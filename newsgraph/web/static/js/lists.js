// The lists of the desk (events, articles, claims, relations) and the outlet pages.
import { api } from "./api.js";
import { badge, entityLink, evidenceLink, h, link } from "./dom.js";
import { downloadLinks, renderList } from "./desk.js";
import { localTable, pagedTable, tableState } from "./tables.js";

const EVENT_FILTERS = ["type", "actor", "place", "outlet", "from", "to"];

export function eventCells(ev, res) {
  const names = res.entities, docs = res.documents;
  return [
    ev.date || "date unknown",
    [badge(ev.type), ev.mode || "", ev.fatalities != null ? ` · ${ev.fatalities} killed` : ""],
    ev.location ? [ev.location.name, " ", ev.place_precision ? badge(ev.place_precision, "precision") : null] : "",
    [...ev.actors.map((a) => entityLink(a, names)), ...ev.actor_text].flatMap((x, i) => (i ? [", ", x] : [x])),
    [ev.evidence.slice(0, 3).map((x) => evidenceLink(x, null, docs)), link(`${ev.sources} source(s)`, ["cluster", ev.cluster])],
  ];
}

export const renderEvents = (_, params) => renderList({
  path: "events", title: "Events", endpoint: "events", facets: "events", filters: EVENT_FILTERS,
  intro: "One row per report of an event. Facets count the filtered events; the place filter takes the places inside it.",
  sorts: ["date", "-date", "fatalities", "-fatalities", "type"], defaultSort: "date",
  downloads: ["csv", "json", "geojson"],
  columns: [["Date", "date"], ["Event", "type"], ["Place", null], ["Actors", null], ["Evidence", null]],
  row: eventCells,
}, params);

export const renderArticles = (_, params) => renderList({
  path: "articles", title: "Articles", endpoint: "articles", facets: "articles",
  filters: ["q", "actor", "outlet", "from", "to"], intro: "Articles with the number of actor mentions in each.",
  sorts: ["published", "-published", "title", "outlet", "-mentions"], defaultSort: "-published",
  downloads: ["csv", "json"],
  columns: [["Published", "published"], ["Title", "title"], ["Outlet", "outlet"], ["Mentions", "mentions"]],
  row: (a) => [a.published || "", link(a.title || a.source, ["article", a.id]),
    a.publisher ? link(a.publisher, ["outlet", a.publisher]) : "", String(a.mentions)],
}, params);

export const renderClaims = (_, params) => renderList({
  path: "claims", title: "Claims", endpoint: "claims", filters: ["actor", "q", "outlet", "from", "to"],
  rename: { actor: "speaker" }, intro: "Reported statements: who said what, where and when.",
  sorts: ["published", "-published", "speaker"], defaultSort: "published", downloads: ["csv", "json"],
  columns: [["Speaker", "speaker"], ["Said", null], ["Quote", "published"]],
  row: (c, res) => [c.speaker ? entityLink(c.speaker, res.entities) : (c.speaker_text || "?"), c.verb,
    c.evidence.map((x) => evidenceLink(x, null, res.documents))],
}, params);

export const renderRelations = (_, params) => renderList({
  path: "relations", title: "Relations", endpoint: "relations", filters: ["actor"],
  intro: "Ties between actors read from the text, strongest (most independent sources) first.",
  sorts: ["-sources", "predicate", "subject"], defaultSort: "-sources", downloads: ["csv", "json"],
  columns: [["Subject", "subject"], ["Relation", "predicate"], ["Object", null], ["Support", "sources"], ["Evidence", null]],
  row: (r, res) => [entityLink(r.subject, res.entities), r.predicate.replace(/_/g, " "),
    r.object ? entityLink(r.object, res.entities) : (r.object_text || ""),
    [badge(r.status, r.status), `${r.sources} source(s)`],
    r.evidence.slice(0, 3).map((x) => evidenceLink(x, null, res.documents))],
}, params);

export async function renderOutlets(_, params) {
  const res = await api("outlets");
  return h("section", {}, h("h1", {}, "Sources"),
    h("p", { class: "muted" }, `${res.items.length} outlets. Open one for its articles, loaded language and how often it is the only source.`),
    localTable({ key: "o", params, items: res.items, pageSize: 50, cols: [
      { label: "Outlet", key: "outlet", value: (o) => o.outlet, cell: (o) => link(o.outlet, ["outlet", o.outlet]) },
      { label: "Articles", key: "articles", desc: true, value: (o) => o.articles, cell: (o) => String(o.articles) },
      { label: "Words", key: "words", desc: true, value: (o) => o.words || 0, cell: (o) => String(o.words || 0) },
      { label: "First", key: "first", value: (o) => o.first, cell: (o) => o.first || "" },
      { label: "Last", key: "last", desc: true, value: (o) => o.last, cell: (o) => o.last || "" }] }));
}

const OUTLET_ARTICLES = [
  { label: "Published", key: "published", desc: true, cell: (a) => a.published || "" },
  { label: "Title", key: "title", cell: (a) => link(a.title || a.source, ["article", a.id]) },
  { label: "Actor mentions", key: "mentions", desc: true, cell: (a) => String(a.mentions) }];

export async function renderOutlet(name, params) {
  const st = tableState(params, "art", "-published");
  const [o, articles] = await Promise.all([api(`outlets/${encodeURIComponent(name)}`, { limit: 1 }),
    api("articles", { outlet: name, sort: st.sort, offset: st.offset, limit: 50 })]);
  const share = o.single_source_share == null ? "no event" : `${Math.round(100 * o.single_source_share)}%`;
  return h("section", { class: "outlet" }, h("h1", {}, o.outlet),
    h("p", {}, `${o.articles.total} articles, ${o.words || 0} words, ${o.first || "?"} to ${o.last || "?"}. `,
      h("b", {}, `Only source for ${o.single_source} of the ${o.happenings} events it reports (${share}).`)),
    h("h2", {}, "Loaded language"),
    localTable({ key: "lang", params, items: o.loaded_language, empty: "No loaded term found.", cols: [
      { label: "Category", key: "category", value: (t) => t.category, cell: (t) => t.category },
      { label: "Terms", key: "count", desc: true, value: (t) => t.count, cell: (t) => String(t.count) },
      { label: "Per 1000 words", key: "rate", desc: true, value: (t) => t.per_1000_words,
        cell: (t) => (t.per_1000_words == null ? "" : String(t.per_1000_words)) }] }),
    h("h2", {}, "Articles"),
    downloadLinks("articles", ["csv", "json"], { outlet: o.outlet }),
    pagedTable({ key: "art", cols: OUTLET_ARTICLES, res: articles, sort: st.sort,
      sorts: ["published", "-published", "title", "outlet", "-mentions"] }),
    h("p", {}, link("Events reported by this outlet", ["events"], { outlet: o.outlet })));
}
