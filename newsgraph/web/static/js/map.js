// Map of events on an offline basemap: world-atlas countries (TopoJSON -> GeoJSON via
// topojson-client), no tiles. Marker colour says how precise the place is (exact place,
// town, region, country centre: a legend explains); nearby markers are clustered by a
// screen grid that is recomputed on zoom; size grows with reported fatalities.
import * as L from "../vendor/leaflet.esm.js";
import { api } from "./api.js";
import { evidenceLink, h, link } from "./dom.js";
import { downloadLinks } from "./desk.js";
import { eventFilters, eventForm } from "./timeline.js";
import { eventsTable } from "./views.js";

export const PRECISION = [["exact place", "#2b8a3e"], ["town", "#1f5fbf"], ["region", "#f08c00"], ["country centre", "#868e96"]];
const COLOUR = Object.fromEntries(PRECISION);
const CELL = 36;    // px: markers closer than this on screen are clustered

let countries = null;

async function basemap() {
  if (!countries) {
    const topo = await (await fetch("/static/vendor/countries-50m.json")).json();
    countries = window.topojson.feature(topo, topo.objects.countries);
    for (const f of countries.features) unwrapGeometry(f.geometry);
  }
  return countries;
}

// Rings that cross the antimeridian jump from +180 to -180; shift longitudes by 360
// to keep each ring continuous, so no line is drawn across the whole map.
function unwrapGeometry(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const polygon of polygons) for (const ring of polygon) unwrapRing(ring);
}

function unwrapRing(ring) {
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i][0] + shift - ring[i - 1][0];
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    ring[i] = [ring[i][0] + shift, ring[i][1]];
  }
}

export async function renderMap(_, params) {
  const filters = eventFilters(params);
  const [res, world] = await Promise.all([api("events", { ...filters, limit: 500 }), basemap()]);
  const placed = res.items.filter((e) => e.location && e.location.lat != null && e.location.lon != null);
  const centres = placed.filter((e) => e.place_precision === "country centre").length;
  const box = h("div", { id: "map", tabindex: "0", "aria-label": "Map of events (arrow keys pan, + and - zoom; the table below lists every event)" });
  const section = h("section", {}, h("h1", {}, "Map of events"), eventForm(params, "map"),
    h("p", { class: "muted" }, `${placed.length} of ${res.items.length} events have coordinates; `
      + `${centres} of them sit on a country's centre (the place is only known to the country). `,
    downloadLinks("events", ["geojson", "csv"], filters)),
    box, h("h2", {}, "Events on the map"), eventsTable(placed, res.entities, res.documents, params));
  requestAnimationFrame(() => drawMap(box, world, placed, res));
  return section;
}

function drawMap(box, world, events, res) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([20, 0], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  L.geoJSON(world, { style: { color: "#8a96a8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  legendControl().addTo(map);
  if (events.length) map.fitBounds(L.latLngBounds(events.map((e) => [e.location.lat, e.location.lon])).pad(0.6), { maxZoom: 7 });
  const draw = () => drawClusters(map, layer, events, res);
  map.on("zoomend", draw);
  draw();
  box.dataset.markers = String(events.length);
}

function legendControl() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => h("div", { class: "map-legend" }, h("b", {}, "Place precision"),
    PRECISION.map(([label, colour]) => h("div", {}, h("i", { class: "swatch", style: `background:${colour}` }), label)),
    h("div", {}, h("i", { class: "swatch cluster-swatch" }), "cluster (number of events)"));
  return control;
}

// Group events whose markers fall in one CELL-px square at this zoom.
function drawClusters(map, layer, events, res) {
  layer.clearLayers();
  const cells = new Map();
  for (const e of events) {
    const p = map.latLngToLayerPoint([e.location.lat, e.location.lon]);
    const key = `${Math.floor(p.x / CELL)}:${Math.floor(p.y / CELL)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(e);
  }
  let clusters = 0;
  for (const group of cells.values()) {
    if (group.length === 1) { layer.addLayer(marker(group[0], res)); continue; }
    clusters++;
    layer.addLayer(clusterMarker(map, group, res));
  }
  map.getContainer().dataset.clusters = String(clusters);
}

// A single event: a circle that Tab reaches and Enter or Space opens (its popup's
// first link then takes the focus).
function marker(e, res) {
  const m = L.circleMarker([e.location.lat, e.location.lon], {
    radius: 5 + Math.min(12, Math.sqrt(e.fatalities || 0)), color: "#fff", weight: 1,
    dashArray: e.place_precision === "country centre" ? "2 2" : null,
    fillColor: COLOUR[e.place_precision] || "#495057", fillOpacity: 0.85, className: "event-marker",
  }).bindPopup(() => popup([e], res));
  m.on("add", () => {
    const el = m.getElement();
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", `${e.type} ${e.mode || ""}, ${e.date || "date unknown"}, ${e.location.name}`
      + ` (${e.place_precision || "precision unknown"}): open the details`);
    el.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      ev.stopPropagation();
      m.openPopup();
      const first = m.getPopup().getElement() && m.getPopup().getElement().querySelector(".map-popup a");
      if (first) first.focus();
    });
  });
  return m;
}

function clusterMarker(map, group, res) {
  const lat = group.reduce((a, e) => a + e.location.lat, 0) / group.length;
  const lon = group.reduce((a, e) => a + e.location.lon, 0) / group.length;
  const samePlace = group.every((e) => e.location.lat === group[0].location.lat && e.location.lon === group[0].location.lon);
  const icon = L.divIcon({ className: "event-cluster", html: "", iconSize: [30, 30] });
  const m = L.marker([lat, lon], { icon, keyboard: true, title: `${group.length} events`, alt: `${group.length} events` });
  m.on("add", () => { m.getElement().textContent = String(group.length); });
  if (samePlace || map.getZoom() >= map.getMaxZoom()) m.bindPopup(() => popup(group, res));
  else m.on("click", () => map.fitBounds(L.latLngBounds(group.map((e) => [e.location.lat, e.location.lon])).pad(0.3)));
  return m;
}

function popup(events, res) {
  const names = res.entities;
  return h("div", { class: "map-popup" }, events.slice(0, 10).map((e) => h("div", { class: "popup-event" },
    h("b", {}, `${e.type} ${e.mode || ""}`), h("div", {}, `${e.date || "date unknown"} · ${e.location.name} (${e.place_precision || "?"})`),
    e.fatalities != null ? h("div", {}, `${e.fatalities} killed (as reported)`) : null,
    h("div", {}, e.actors.map((a) => (names[a] ? names[a].name : a)).join(", ")),
    e.evidence.slice(0, 2).map((ev) => evidenceLink(ev, null, res.documents)), link("all reports", ["cluster", e.cluster]))),
  events.length > 10 ? h("div", { class: "muted" }, `and ${events.length - 10} more (see the table below)`) : null);
}
