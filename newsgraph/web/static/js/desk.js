// The analyst's desk: one paged, sortable table with facets, filters (actor and place
// autocomplete), permalinks and downloads. A list is a config (see lists.js); a new
// list (incidents) plugs in with its own config.
import { api, } from "./api.js";
import { h, pager, postJson, route } from "./dom.js";

export const FILTERS = {
  q: ["Words", "search"], type: ["Type", "text"], actor: ["Actor", "text"], place: ["Place", "text"],
  outlet: ["Outlet", "text"], from: ["From", "text"], to: ["To", "text"],
  status: ["Status", "select", ["corroborated", "single-source", "contested"]],
};
const FACET_PARAM = { type: "type", actor: "actor", country: "place", region: "place", place: "place",
  outlet: "outlet", status: "status" };
const FACET_TITLE = { type: "Type", actor: "Actor", country: "Country", region: "Region", place: "Town or site",
  outlet: "Outlet", month: "Month", status: "Status" };

const go = (path, params) => { location.hash = route(path, params); };

export function current(params, keys) {
  return Object.fromEntries(keys.map((k) => [k, params.get(k)]).filter(([, v]) => v));
}

// cfg: {path, title, endpoint, filters, facets, sorts: [[key, label]], defaultSort, downloads,
//       download, columns: [[label, sortKey|null]], row(item, res) -> cells}
export async function renderList(cfg, params) {
  const filters = current(params, cfg.filters);
  const sort = params.get("sort") || cfg.defaultSort;
  const offset = Number(params.get("offset") || 0);
  const limit = Math.min(500, Math.max(1, Number(params.get("limit")) || 50));   // page size
  const [res, facets] = await Promise.all([
    api(cfg.endpoint, { ...apiFilters(filters, cfg), sort, offset, limit }),
    cfg.facets ? api("facets", { of: cfg.facets, ...filters }) : null]);
  const state = { ...filters, sort: sort === cfg.defaultSort ? null : sort, limit: limit === 50 ? null : limit };
  return h("section", { class: `desk ${cfg.path}` },
    h("h1", {}, cfg.title),
    cfg.intro ? h("p", { class: "muted" }, cfg.intro) : null,
    filterForm(cfg.path, cfg.filters, filters, sort === cfg.defaultSort ? null : sort),
    chips(cfg.path, state),
    h("div", { class: facets ? "desk-body" : "" },
      facets ? facetPanel(cfg.path, state, facets) : null,
      h("div", { class: "desk-main" },
        h("div", { class: "toolbar" }, h("span", { class: "muted count" }, `${res.total} found`),
          downloadLinks(cfg.download || cfg.endpoint, cfg.downloads, apiFilters(filters, cfg))),
        sortableTable(cfg, state, sort, res),
        pager(res, (o) => go([cfg.path], { ...state, offset: o })))));
}

function apiFilters(filters, cfg) {
  return cfg.rename ? Object.fromEntries(Object.entries(filters).map(([k, v]) => [cfg.rename[k] || k, v])) : filters;
}

function sortableTable(cfg, state, sort, res) {
  const head = cfg.columns.map(([label, key]) => {
    if (!key) return label;
    const desc = sort === "-" + key, asc = sort === key;
    const next = asc && cfg.sorts.includes("-" + key) ? "-" + key : (cfg.sorts.includes(key) ? key : "-" + key);
    const a = h("a", { href: route([cfg.path], { ...state, sort: next }), class: "sort", "data-focus": `${cfg.path}:${key}` }, label,
      asc ? " ▲" : desc ? " ▼" : "");
    return a;
  });
  const wrap = h("div", { class: "table-wrap" }, h("table", {},
    h("thead", {}, h("tr", {}, head.map((x, i) => {
      const key = cfg.columns[i][1];
      const ariaSort = key && sort === key ? "ascending" : key && sort === "-" + key ? "descending" : null;
      return h("th", { scope: "col", "aria-sort": ariaSort }, x);
    }))),
    h("tbody", {}, res.items.map((item) => h("tr", {}, cfg.row(item, res).map((c) => h("td", {}, c)))))));
  return res.items.length ? wrap : h("p", { class: "muted" }, "Nothing matches these filters.");
}

// Filter form with autocomplete (datalists fed by /api/suggest) for actor and place.
export function filterForm(path, keys, values, sort) {
  const field = (name) => {
    const [label, type, options] = FILTERS[name];
    if (type === "select") {
      return h("label", { for: `f-${name}` }, label, h("select", { name, id: `f-${name}` },
        ["", ...options].map((o) => h("option", { value: o, selected: values[name] === o ? "" : null }, o || "any"))));
    }
    const input = h("input", { name, type, id: `f-${name}`, value: values[name] || "", autocomplete: "off",
      placeholder: name === "from" || name === "to" ? "YYYY-MM-DD" : null,
      list: name === "actor" || name === "place" ? `dl-${name}` : null });
    if (name === "actor" || name === "place") autocomplete(input, name);
    return h("label", { for: `f-${name}` }, label, input,
      name === "actor" || name === "place" ? h("datalist", { id: `dl-${name}` }) : null);
  };
  return h("form", { class: "filters", role: "search", "aria-label": "Filters", onsubmit: (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries([...new FormData(ev.target)].filter(([, v]) => v));
    go([path], { ...data, sort });
  } }, keys.map(field), h("button", { type: "submit" }, "Filter"),
  h("a", { href: route([path]), class: "clear" }, "Clear"));
}

function autocomplete(input, kind) {
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const res = await api("suggest", { kind, q, limit: 8 }).catch(() => ({ items: [] }));
      const list = document.getElementById(input.getAttribute("list"));
      if (list) list.replaceChildren(...res.items.map((s) => h("option", { value: s.value }, s.label)));
    }, 150);
  });
}

function chips(path, state) {
  const active = Object.entries(state).filter(([k, v]) => v && k !== "sort" && k !== "limit");
  if (!active.length) return null;
  return h("p", { class: "chips" }, "Filtered by: ", active.map(([k, v]) => {
    const rest = { ...state, [k]: null };
    return h("a", { class: "chip", href: route([path], rest), "aria-label": `remove filter ${k} ${v}` },
      `${FILTERS[k] ? FILTERS[k][0] : k}: ${v} ✕`);
  }));
}

function facetPanel(path, state, res) {
  return h("aside", { class: "facets", "aria-label": "Facets" }, Object.entries(res.facets).map(([facet, rows]) =>
    rows.length ? h("div", { class: "facet", "data-facet": facet }, h("h2", {}, FACET_TITLE[facet] || facet),
      h("ul", {}, rows.map((r) => h("li", {}, h("a", { href: route([path], facetParams(state, facet, r.value)) },
        r.label), " ", h("span", { class: "muted" }, String(r.count)))))) : null));
}

function facetParams(state, facet, value) {
  if (facet === "month") return { ...state, from: value, to: value, offset: null };
  return { ...state, [FACET_PARAM[facet] || facet]: value, offset: null };
}

export function downloadLinks(what, formats, filters) {
  if (!formats || !formats.length) return null;
  return h("span", { class: "downloads" }, "Download: ", formats.map((fmt) => {
    const qs = new URLSearchParams({ format: fmt });
    for (const [k, v] of Object.entries(filters)) if (v) qs.set(k, v);
    return h("a", { class: "download", href: `/api/download/${what}?${qs}`, download: "" }, fmt.toUpperCase());
  }).flatMap((x, i) => (i ? [" · ", x] : [x])));
}

// A button marking a dispute or fact reviewed (or clearing the mark).
export function reviewButton(kind, id, mark) {
  const label = (m) => (m ? `✓ ${m.status}` : "Mark reviewed");
  const btn = h("button", { type: "button", class: "review", "aria-pressed": mark ? "true" : "false" }, label(mark));
  btn.addEventListener("click", async () => {
    const on = btn.getAttribute("aria-pressed") !== "true";
    try {
      const res = await postJson(`reviews/${kind}/${encodeURIComponent(id)}`, { status: on ? "reviewed" : null });
      btn.textContent = label(res.review);
      btn.setAttribute("aria-pressed", res.review ? "true" : "false");
    } catch (err) { btn.textContent = "Error: " + err.message; }
  });
  return btn;
}
