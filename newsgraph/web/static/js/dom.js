// DOM helpers. Data never goes through innerHTML: text is set with textContent.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  const qs = query.toString();
  return "#/" + path.map(encodeURIComponent).join("/") + (qs ? "?" + qs : "");
}

export function link(text, path, params) {
  return h("a", { href: route(path, params) }, text);
}

export function entityLink(id, names) {
  if (!id) return null;
  const n = names && names[id];
  return link(n ? n.name : id, ["entity", id]);
}

// A quoted piece of evidence that opens the article with that span highlighted, and
// the outlet and date it comes from (`docs`: the response's documents map).
export function evidenceLink(ev, label, docs) {
  const a = h("a", { class: "evidence", href: route(["article", ev.doc], { start: ev.start, end: ev.end }) },
    label || ev.text);
  const doc = docs && docs[ev.doc];
  return h("span", { class: "quote" }, a, doc ? h("span", { class: "source" }, " — ", sourceLabel(doc)) : null);
}

export function sourceLabel(doc) {
  return [doc.publisher || doc.source, doc.published].filter(Boolean).join(", ");
}

// POST JSON to the API (the one write: review marks).
export async function postJson(path, body) {
  const response = await fetch("/api/" + path, { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body) });
  const out = await response.json();
  if (!response.ok) throw new Error(out.error ? out.error.message : response.statusText);
  return out;
}

export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch { return null; }
}

export function badge(text, cls = "") {
  return h("span", { class: `badge ${cls}` }, text);
}

export function pager(data, go) {
  const { total, limit, offset } = data;
  const last = Math.min(offset + limit, total);
  return h("div", { class: "pager" },
    h("button", { disabled: offset <= 0 ? "" : null, onclick: () => go(Math.max(0, offset - limit)) }, "‹ Prev"),
    h("span", { class: "muted" }, total ? `${offset + 1}–${last} of ${total}` : "nothing found"),
    h("button", { disabled: last >= total ? "" : null, onclick: () => go(offset + limit) }, "Next ›"));
}

export function table(headers, rows) {
  return h("div", { class: "table-wrap" },
    h("table", {}, h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((c) => h("td", {}, c)))))));
}
