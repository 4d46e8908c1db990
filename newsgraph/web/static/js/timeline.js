// Timeline of events: one lane per PLOVER type, dots by date, reports of the same day
// stacked (plain SVG, every dot reachable with Tab and opened with Enter), and a chart
// of counts per month by type.
import { api } from "./api.js";
import { h, route } from "./dom.js";
import { current, downloadLinks, filterForm } from "./desk.js";
import { eventsTable } from "./views.js";

const SVG = "http://www.w3.org/2000/svg";
const EVENT_FILTERS = ["type", "actor", "place", "outlet", "from", "to"];
export const TYPE_COLOURS = ["#e03131", "#1f5fbf", "#2b8a3e", "#f08c00", "#7048e8", "#0c8599", "#c2255c",
  "#5c940d", "#495057", "#862e9c", "#a61e4d", "#364fc7", "#087f5b", "#e8590c"];

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function eventFilters(params) {
  return current(params, EVENT_FILTERS);
}

export function eventForm(params, path) {
  return filterForm(path, EVENT_FILTERS, eventFilters(params), null);
}

export async function renderTimeline(_, params) {
  const filters = eventFilters(params);
  const res = await api("events", { ...filters, limit: 500 });
  const dated = res.items.filter((e) => e.date);
  const types = [...new Set(res.items.map((e) => e.type))].sort();
  const zoomed = filters.from || filters.to ? dated : dense(dated);
  const outside = dated.length - zoomed.length;
  return h("section", { class: "timeline" }, h("h1", {}, "Timeline"), eventForm(params, "timeline"),
    h("p", { class: "muted" }, `${res.total} events; ${dated.length} of the ${res.items.length} shown have a date. `
      + "Reports of one day are stacked. Tab to a dot and press Enter to open its sentence. ",
    downloadLinks("events", ["csv", "json"], filters)),
    outside ? h("p", { class: "muted" }, `${outside} earlier event(s) (dates mentioned in passing) are left out of the `
      + "dots; set From and To, or click a month below, to zoom.") : null,
    legend(types), drawTimeline(zoomed, types),
    h("h2", {}, "Events per month by type"), h("p", { class: "muted" }, "Click a month to zoom the timeline to it."),
    drawCounts(zoomed, types, filters),
    h("h2", {}, "Events"), eventsTable(res.items, res.entities, res.documents, params));
}

function legend(types) {
  return h("p", { class: "legend type-legend" }, types.map((t, i) =>
    h("span", {}, h("i", { class: "swatch", style: `background:${TYPE_COLOURS[i % TYPE_COLOURS.length]}` }), t)));
}

// Without a date filter: leave out the earliest 5% when they stretch the axis more than
// three times the span of the rest (a 1979 anniversary among 2020 reports).
function dense(events) {
  if (events.length < 20) return events;
  const times = events.map((e) => toTime(e.date)).sort((a, b) => a - b);
  const cut = times[Math.floor(times.length * 0.05)], last = times[times.length - 1];
  return (last - times[0]) > 3 * Math.max(last - cut, 86400000) ? events.filter((e) => toTime(e.date) >= cut) : events;
}

function toTime(date) {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, (m || 7) - 1, d || (m ? 15 : 1));
}

export function drawTimeline(events, types = [...new Set(events.map((e) => e.type))].sort()) {
  const width = 1100, left = 110, top = 20;
  const stacks = {}, lanes = {};
  for (const e of events) {
    const key = `${e.type}|${e.date}`;
    stacks[key] = (stacks[key] || 0) + 1;
    lanes[e.type] = Math.max(lanes[e.type] || 1, stacks[key]);
  }
  const laneHeight = (t) => 12 + 12 * Math.min(lanes[t] || 1, 8);
  const offsets = {};
  let y0 = top;
  for (const t of types) { offsets[t] = y0; y0 += laneHeight(t); }
  const height = y0 + 30;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, id: "timeline-svg", role: "group",
    "aria-label": "Timeline of events; each dot is a link" });
  if (!events.length) { svg.append(s("text", { x: 20, y: 30 }, "No dated event.")); return svg; }
  const times = events.map((e) => toTime(e.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (t) => left + ((t - t0) / Math.max(t1 - t0, 1)) * (width - left - 30);
  for (const t of types) {
    const y = offsets[t] + laneHeight(t) / 2;
    svg.append(s("line", { x1: left, x2: width - 20, y1: y, y2: y, stroke: "#e9ecef" }));
    svg.append(s("text", { x: 8, y: y + 4 }, t));
  }
  for (const [t, label] of [[t0, new Date(t0)], [t1, new Date(t1)]]) {
    svg.append(s("text", { x: x(t) - 30, y: height - 8 }, label.toISOString().slice(0, 10)));
  }
  const seen = {};
  for (const e of events) {
    const key = `${e.type}|${e.date}`;
    const n = seen[key] = (seen[key] || 0) + 1;
    const y = offsets[e.type] + 12 + 12 * (Math.min(n, 8) - 1);
    svg.append(dot(e, x(toTime(e.date)), y, types));
  }
  return svg;
}

function dot(e, cx, cy, types) {
  const ev = e.evidence[0];
  const href = route(["article", ev.doc], { start: ev.start, end: ev.end });
  const label = `${e.date} ${e.type} ${e.mode || ""} ${e.location ? e.location.name : ""}: ${ev.text}`;
  const a = s("a", { href, class: "timeline-link", "aria-label": label });
  const r = 4 + Math.min(6, Math.sqrt(e.fatalities || 0));
  const circle = s("circle", { cx, cy, r, fill: TYPE_COLOURS[types.indexOf(e.type) % TYPE_COLOURS.length],
    class: "timeline-event" });
  circle.append(s("title", {}, label));
  a.append(circle);
  return a;
}

// Stacked bars: events per month, one colour per type.
export function drawCounts(events, types, filters = {}) {
  const months = [...new Set(events.map((e) => e.date.slice(0, 7)))].sort();
  const width = 1100, height = 180, left = 40, bottom = 30;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, id: "counts-svg", role: "group",
    "aria-label": `Events per month by type, ${months[0] || ""} to ${months[months.length - 1] || ""}` });
  if (!months.length) return svg;
  const counts = months.map((m) => types.map((t) => events.filter((e) => e.type === t && e.date.startsWith(m)).length));
  const max = Math.max(...counts.map((c) => c.reduce((a, b) => a + b, 0)), 1);
  const bw = (width - left - 10) / months.length;
  counts.forEach((row, i) => {
    let y = height - bottom;
    row.forEach((n, j) => {
      if (!n) return;
      const hgt = (n / max) * (height - bottom - 10);
      y -= hgt;
      const rect = s("rect", { x: left + i * bw + 1, y, width: Math.max(bw - 2, 1), height: hgt,
        fill: TYPE_COLOURS[j % TYPE_COLOURS.length], class: "count-bar" });
      rect.append(s("title", {}, `${months[i]} ${types[j]}: ${n}`));
      const a = s("a", { href: route(["timeline"], { ...filters, from: months[i], to: months[i] }),
        "aria-label": `${months[i]}: ${row.reduce((x, z) => x + z, 0)} events; zoom to this month` });
      a.append(rect);
      svg.append(a);
    });
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      svg.append(s("text", { x: left + i * bw + 2, y: height - 10 }, months[i]));
    }
  });
  svg.append(s("text", { x: 4, y: 14 }, String(max)));
  return svg;
}
