// Map of events on an offline basemap: world-atlas countries (TopoJSON -> GeoJSON via
// topojson-client), no tiles. Marker size grows with reported fatalities.
import * as L from "../vendor/leaflet.esm.js";
import { api } from "./api.js";
import { evidenceLink, h, link } from "./dom.js";
import { eventFilters, filterForm } from "./timeline.js";

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
  const [res, world] = await Promise.all([api("events", { ...eventFilters(params), limit: 500 }), basemap()]);
  const placed = res.items.filter((e) => e.location && e.location.lat != null && e.location.lon != null);
  const box = h("div", { id: "map" });
  const section = h("section", {}, h("h1", {}, "Map of events"), filterForm(params, "map"),
    h("p", { class: "muted" }, `${placed.length} of ${res.items.length} events have coordinates.`), box);
  requestAnimationFrame(() => drawMap(box, world, placed, res.entities));
  return section;
}

function drawMap(box, world, events, names) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([20, 0], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  L.geoJSON(world, { style: { color: "#8a96a8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  const markers = events.map((e) => L.circleMarker([e.location.lat, e.location.lon], {
    radius: 5 + Math.min(12, Math.sqrt(e.fatalities || 0)), color: "#fff", weight: 1,
    fillColor: e.type === "ASSAULT" ? "#e03131" : "#1f5fbf", fillOpacity: 0.8, className: "event-marker",
  }).bindPopup(() => popup(e, names)).addTo(map));
  if (markers.length) map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.6), { maxZoom: 7 });
  box.dataset.markers = String(markers.length);
}

function popup(e, names) {
  return h("div", {}, h("b", {}, `${e.type} ${e.mode || ""}`), h("div", {}, `${e.date || "date unknown"} · ${e.location.name}`),
    e.fatalities != null ? h("div", {}, `${e.fatalities} killed (as reported)`) : null,
    h("div", {}, e.actors.map((a) => (names[a] ? names[a].name : a)).join(", ")),
    e.evidence.map((ev) => evidenceLink(ev)), link("all reports", ["cluster", e.cluster]));
}
