// Article view: the text (untrusted, set as text nodes) with mentions, events and
// claims marked, and one span highlighted (#/article/<id>?start=&end=): the page scrolls
// to it and focuses it. Each event sentence ends with a link to its incident (the
// happening as every outlet tells it; a lone report is an incident of one).
import { api } from "./api.js";
import { h, link, route, safeUrl } from "./dom.js";

export async function renderArticle(id, params) {
  const start = params.get("start"), end = params.get("end");
  const res = await api(`articles/${encodeURIComponent(id)}`, { start, end });
  const a = res.article;
  const url = safeUrl(a.url);
  const text = h("div", { class: "article-text", id: "article-text" }, segments(res));
  const section = h("section", { class: "article" },
    h("h1", {}, a.title || a.source),
    h("p", { class: "muted" }, a.publisher ? link(a.publisher, ["outlet", a.publisher]) : null, " · ",
      [a.published, a.source].filter(Boolean).join(" · "), " ",
      url ? h("a", { href: url, rel: "noopener noreferrer" }, "original") : null),
    h("p", { class: "legend" }, h("span", { class: "mention" }, "actor/place mention"),
      h("span", { class: "event" }, "event"), h("span", { class: "claim" }, "claim"),
      res.highlight ? h("mark", { class: "hl" }, "selected evidence") : null),
    text);
  requestAnimationFrame(() => {
    const mark = document.querySelector("#article-text mark.hl");
    if (mark) {
      mark.setAttribute("tabindex", "-1");
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    }
  });
  return section;
}

// Cut the text at every span boundary; each piece carries the kinds covering it.
function segments(res) {
  const text = res.article.text;
  const spans = [
    ...res.mentions.map((m) => ({ ...m, kind: "mention" })),
    ...res.events.map((e) => ({ ...e, kind: "event" })),
    ...res.claims.map((c) => ({ ...c, kind: "claim" })),
  ];
  if (res.highlight) spans.push({ ...res.highlight, kind: "hl" });
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    out.push(piece(text.slice(from, to), over, res.entities));
    for (const e of res.events.filter((x) => x.end === to)) {
      out.push(h("a", { class: "event-link incident-link", href: route(["incident", e.cluster]),
        "aria-label": `the ${e.type.toLowerCase()} incident this sentence reports` }, "→ incident"));
    }
  }
  return out;
}

function piece(str, over, names) {
  if (!over.length) return str;
  const kinds = [...new Set(over.map((s) => s.kind))];
  const ent = over.find((s) => s.kind === "mention" && s.entity);
  let node = ent ? link(str, ["entity", ent.entity]) : document.createTextNode(str);
  if (ent && names[ent.entity]) node.title = names[ent.entity].name;
  const cls = kinds.filter((k) => k !== "hl").join(" ");
  if (cls) node = h("span", { class: cls }, node);
  return kinds.includes("hl") ? h("mark", { class: "hl" }, node) : node;
}
