// Network of actors and typed relations (cytoscape). Edge width = independent sources;
// knowledge-base ties are dashed. The default is readable: the 40 best-connected
// actors, ties read from the text only; toggles add office nodes and KB ties. Clicking
// a node opens its profile; the lists under the graph give keyboard access.
import cytoscape from "../vendor/cytoscape.esm.js";
import { api } from "./api.js";
import { h, link, route } from "./dom.js";
import { downloadLinks } from "./desk.js";
import { localTable } from "./tables.js";

const COLOURS = { PERSON: "#1f5fbf", ORG: "#d9480f", GPE: "#2b8a3e", LOC: "#5f3dc4", FAC: "#5f3dc4", OFFICE: "#868e96" };
const LABELS = { PERSON: "person", ORG: "organisation", GPE: "country or city", LOC: "place", OFFICE: "office (job title)" };

export async function renderGraph(_, params) {
  const entity = params.get("entity"), depth = params.get("depth") || 1;
  const opts = { entity, depth, limit: params.get("limit") || (entity ? 150 : 40),
    offices: params.get("offices") === "1", kb: params.get("kb") === "1", min_weight: params.get("min_weight") || 0 };
  const g = await api("graph", opts);
  const box = h("div", { id: "graph", role: "img", "aria-label": `Network of ${g.nodes.length} actors; the lists below give the same data` });
  const names = Object.fromEntries(g.nodes.map((n) => [n.id, n.name]));
  const section = h("section", {}, h("h1", {}, entity && names[entity] ? `Network around ${names[entity]}` : "Network"),
    toggles(params, opts),
    h("p", { class: "muted" }, `${g.nodes.length} nodes, ${g.edges.length} edges. Edge width = number of `
      + "independent sources. Click a node to open the actor. ",
    entity ? [link("whole network", ["graph"]), " "] : null,
    downloadLinks("graph", ["graphml", "json"], { ...opts, offices: String(opts.offices), kb: String(opts.kb) })),
    legend(), box,
    graphLists(g, names, params));
  requestAnimationFrame(() => drawGraph(box, g, entity));
  return section;
}

// The same data as sortable tables (state in the URL under gn_ and ge_); open when
// one of them is sorted or paged, so a sort does not fold it away.
function graphLists(g, names, params) {
  const open = [...params.keys()].some((k) => /^g[ne]_/.test(k));
  const name = (id) => names[id] || id;
  const support = (e) => (e.origin === "kb" ? "knowledge base" : `${e.weight} source(s)`);
  return h("details", { class: "graph-lists", open: open ? "" : null }, h("summary", {}, "Actors and ties as tables"),
    h("div", { class: "node-list" }, localTable({ key: "gn", params, items: g.nodes.filter((n) => n.type !== "OFFICE"),
      pageSize: 50, empty: "No actor.", cols: [
        { label: "Actor", key: "name", value: (n) => n.name, cell: (n) => link(n.name, ["entity", n.id]) },
        { label: "Type", key: "type", value: (n) => LABELS[n.type] || n.type, cell: (n) => LABELS[n.type] || n.type || "" },
        { label: "Ties", key: "degree", desc: true, value: (n) => n.degree, cell: (n) => String(n.degree) },
        { label: "Network", cell: (n) => link("network", ["graph"], { entity: n.id }) }] })),
    h("div", { class: "edge-list" }, localTable({ key: "ge", params, items: g.edges, pageSize: 50, empty: "No tie.", cols: [
      { label: "From", key: "source", value: (e) => name(e.source), cell: (e) => name(e.source) },
      { label: "Relation", key: "predicate", value: (e) => e.predicate, cell: (e) => e.predicate.replace(/_/g, " ") },
      { label: "To", key: "target", value: (e) => name(e.target), cell: (e) => name(e.target) },
      { label: "Support", key: "weight", desc: true, value: (e) => (e.origin === "kb" ? -1 : e.weight), cell: support }] })));
}

function toggles(params, opts) {
  const box = (name, label) => h("label", { class: "toggle" }, h("input", { type: "checkbox", name, value: "1",
    checked: opts[name] ? "" : null }), " ", label);
  return h("form", { class: "filters", "aria-label": "Network options", onsubmit: (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(ev.target));
    location.hash = route(["graph"], { entity: opts.entity, depth: params.get("depth"), ...data });
  } }, box("offices", "office nodes"), box("kb", "knowledge-base ties"),
  h("label", { for: "g-limit" }, "Actors", h("input", { id: "g-limit", name: "limit", type: "number", min: 1, max: 1000, value: opts.limit })),
  h("label", { for: "g-weight" }, "Min. sources", h("input", { id: "g-weight", name: "min_weight", type: "number", min: 0, max: 50, value: opts.min_weight })),
  h("button", { type: "submit" }, "Apply"));
}

function legend() {
  return h("p", { class: "legend graph-legend" },
    Object.entries(LABELS).map(([type, label]) => h("span", {}, h("i", { class: "swatch", style: `background:${COLOURS[type]}` }), label)),
    h("span", {}, h("i", { class: "line solid" }), "tie read from the text"),
    h("span", {}, h("i", { class: "line dashed" }), "knowledge-base tie"));
}

export function drawGraph(container, g, focus) {
  const cy = cytoscape({
    container,
    elements: [
      ...g.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, focus: n.id === focus ? 1 : 0 } })),
      ...g.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.predicate.replace(/_/g, " "),
        weight: Math.max(1, e.weight || 0), origin: e.origin, evidence: e.evidence } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": (n) => COLOURS[n.data("type")] || "#495057", width: 18, height: 18 } },
      { selector: "node[focus = 1]", style: { width: 30, height: 30, "border-width": 3, "border-color": "#ffd43b" } },
      { selector: "node[type = 'OFFICE']", style: { shape: "round-rectangle" } },
      { selector: "edge", style: { width: (e) => 1 + 2 * Math.log2(e.data("weight") + 1), "curve-style": "bezier",
        "target-arrow-shape": "triangle", label: "data(label)", "font-size": 8, color: "#555",
        "line-color": "#adb5bd", "target-arrow-color": "#adb5bd", "text-rotation": "autorotate" } },
      { selector: "edge[origin = 'kb']", style: { "line-style": "dashed", "line-color": "#b197fc", "target-arrow-color": "#b197fc" } },
    ],
    layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
  });
  cy.on("tap", "node", (ev) => {
    const id = ev.target.id();
    if (!id.startsWith("office:")) location.hash = route(["entity", id]);
  });
  cy.on("tap", "edge", (ev) => {
    const first = (ev.target.data("evidence") || [])[0];
    if (first) location.hash = route(["article", first.doc], { start: first.start, end: first.end });
  });
  container.dataset.nodes = String(g.nodes.length);
  return cy;
}
