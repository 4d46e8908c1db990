// Network of actors and typed relations (cytoscape). Edge width = independent sources;
// knowledge-base ties are dashed. Clicking a node opens its profile.
import cytoscape from "../vendor/cytoscape.esm.js";
import { api } from "./api.js";
import { h, link, route } from "./dom.js";

const COLOURS = { PERSON: "#1f5fbf", ORG: "#d9480f", GPE: "#2b8a3e", LOC: "#5f3dc4", FAC: "#5f3dc4", OFFICE: "#868e96" };

export async function renderGraph(_, params) {
  const entity = params.get("entity"), depth = params.get("depth") || 1;
  const g = await api("graph", { entity, depth, limit: 150 });
  const box = h("div", { id: "graph" });
  const section = h("section", {}, h("h1", {}, "Network"),
    h("p", { class: "muted" }, `${g.nodes.length} nodes, ${g.edges.length} edges. Edge width = number of `
      + "independent sources; dashed = knowledge base. Click a node to open the actor.",
      entity ? [" ", link("whole network", ["graph"])] : null),
    box);
  requestAnimationFrame(() => drawGraph(box, g, entity));
  return section;
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
