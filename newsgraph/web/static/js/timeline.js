// Timeline of events: one lane per PLOVER type, dots by date (plain SVG).
import { api } from "./api.js";
import { h, route } from "./dom.js";
import { eventsTable } from "./views.js";

const SVG = "http://www.w3.org/2000/svg";

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function filterForm(params, path) {
  const field = (name, label, type = "text") => h("label", {}, label,
    h("input", { name, type, value: params.get(name) || "" }));
  return h("form", { class: "filters", onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = route([path], Object.fromEntries(new FormData(ev.target)));
  } }, field("type", "PLOVER type"), field("from", "From", "date"), field("to", "To", "date"),
    field("place", "Place"), field("actor", "Actor id"), h("button", {}, "Filter"));
}

export function eventFilters(params) {
  const keys = ["type", "from", "to", "place", "actor"];
  return Object.fromEntries(keys.map((k) => [k, params.get(k)]));
}

export async function renderTimeline(_, params) {
  const res = await api("events", { ...eventFilters(params), limit: 500 });
  const dated = res.items.filter((e) => e.date);
  return h("section", { class: "timeline" }, h("h1", {}, "Timeline"), filterForm(params, "timeline"),
    h("p", { class: "muted" }, `${res.total} events; ${dated.length} of the ${res.items.length} shown have a date.`),
    drawTimeline(dated), h("h2", {}, "Events"), eventsTable(res.items, res.entities));
}

function toTime(date) {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, (m || 7) - 1, d || (m ? 15 : 1));
}

export function drawTimeline(events) {
  const types = [...new Set(events.map((e) => e.type))].sort();
  const width = 1100, lane = 28, left = 110, top = 20;
  const height = top + lane * Math.max(types.length, 1) + 30;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, id: "timeline-svg", role: "img" });
  if (!events.length) { svg.append(s("text", { x: 20, y: 30 }, "No dated event.")); return svg; }
  const times = events.map((e) => toTime(e.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (t) => left + ((t - t0) / Math.max(t1 - t0, 1)) * (width - left - 30);
  types.forEach((type, i) => {
    const y = top + lane * i + lane / 2;
    svg.append(s("line", { x1: left, x2: width - 20, y1: y, y2: y, stroke: "#e9ecef" }));
    svg.append(s("text", { x: 8, y: y + 4 }, type));
  });
  for (const [t, label] of [[t0, new Date(t0)], [t1, new Date(t1)]]) {
    svg.append(s("text", { x: x(t) - 30, y: height - 8 }, label.toISOString().slice(0, 10)));
  }
  events.forEach((e) => {
    const y = top + lane * types.indexOf(e.type) + lane / 2;
    const r = 4 + Math.min(8, Math.sqrt(e.fatalities || 0));
    const dot = s("circle", { cx: x(toTime(e.date)), cy: y, r, fill: e.type === "ASSAULT" ? "#e03131" : "#1f5fbf",
      class: "timeline-event" });
    dot.append(s("title", {}, `${e.date} ${e.type} ${e.mode || ""} ${e.location ? e.location.name : ""}\n${e.evidence[0].text}`));
    const ev = e.evidence[0];
    dot.addEventListener("click", () => { location.hash = route(["article", ev.doc], { start: ev.start, end: ev.end }); });
    svg.append(dot);
  });
  return svg;
}
