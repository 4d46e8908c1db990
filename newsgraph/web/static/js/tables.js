// Sortable, paged tables whose state lives in the URL, so a reload (or a shared link)
// restores the sort and the page. A page can hold several: each table's parameters
// carry its key (`<key>_sort`, `<key>_offset`). `localTable` sorts and pages rows held
// in memory (every row of a profile); `pagedTable` shows one page the API sorted.
import { h, pager } from "./dom.js";

// The current route with some parameters changed (null removes one).
export function here(changes) {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const params = new URLSearchParams(qs || "");
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, v);
  }
  const out = params.toString();
  return "#/" + path + (out ? "?" + out : "");
}

// cols: [{label, key?, desc?}]: `key` makes the column sortable; `desc` makes its
// first click sort descending (counts, dates of the latest first).
function head(cols, sort, key, sorts) {
  return h("thead", {}, h("tr", {}, cols.map((c) => {
    if (!c.key) return h("th", { scope: "col" }, c.label);
    const asc = sort === c.key, desc = sort === "-" + c.key;
    const can = (s) => !sorts || sorts.includes(s);
    let next = c.desc ? "-" + c.key : c.key;
    if (asc && can("-" + c.key)) next = "-" + c.key;
    else if (desc && can(c.key)) next = c.key;
    if (!can(next)) next = can(c.key) ? c.key : "-" + c.key;
    const a = h("a", { class: "sort", "data-focus": `${key}:${c.key}`, href: here({ [`${key}_sort`]: next, [`${key}_offset`]: null }) },
      c.label, asc ? " ▲" : desc ? " ▼" : "");
    return h("th", { scope: "col", "aria-sort": asc ? "ascending" : desc ? "descending" : null }, a);
  })));
}

function body(cols, items, res) {
  return h("tbody", {}, items.map((item) => h("tr", {}, cols.map((c) => h("td", {}, c.cell(item, res))))));
}

function offsetOf(params, key) {
  return Math.max(0, Number(params.get(`${key}_offset`) || 0) || 0);
}

const goOffset = (key) => (o) => { location.hash = here({ [`${key}_offset`]: o || null }); };

// Rows in memory. cols: [{label, key?, value?(item), cell(item)}]; `value` gives the
// sort key (a number or a string; missing values go last).
export function localTable({ key, cols, items, params, pageSize = 25, empty = "Nothing to show." }) {
  if (!items.length) return h("p", { class: "muted" }, empty);
  const sort = params.get(`${key}_sort`) || "";
  const col = cols.find((c) => c.key && (sort === c.key || sort === "-" + c.key));
  let rows = items;
  if (col) {
    const sign = sort.startsWith("-") ? -1 : 1;
    rows = items.map((x, i) => [x, col.value(x), i]).sort(([, a, i], [, b, j]) => {
      if (a === b) return i - j;
      if (a === null || a === undefined || a === "") return 1;
      if (b === null || b === undefined || b === "") return -1;
      return (a < b ? -1 : 1) * sign;
    }).map(([x]) => x);
  }
  const offset = Math.min(offsetOf(params, key), Math.max(0, rows.length - 1));
  const shown = rows.slice(offset, offset + pageSize);
  return h("div", { class: "local-table", "data-table": key },
    h("div", { class: "table-wrap" }, h("table", {}, head(cols, sort, key), body(cols, shown))),
    rows.length > pageSize ? pager({ total: rows.length, limit: pageSize, offset }, goOffset(key)) : null);
}

// One page the API sorted and paged (res: {total, limit, offset, items}); `sorts` are
// the orders the API takes.
export function pagedTable({ key, cols, res, sort, sorts, empty = "Nothing to show." }) {
  if (!res.items.length) return h("p", { class: "muted" }, empty);
  return h("div", { class: "paged-table", "data-table": key },
    h("div", { class: "table-wrap" }, h("table", {}, head(cols, sort, key, sorts), body(cols, res.items, res))),
    res.total > res.limit ? pager(res, goOffset(key)) : null);
}

export function tableState(params, key, defaultSort) {
  return { sort: params.get(`${key}_sort`) || defaultSort, offset: offsetOf(params, key) };
}
