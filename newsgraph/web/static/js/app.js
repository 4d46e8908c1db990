// Hash router: #/<view>/<id>?params. Each view renders into <main id="view">.
import { h } from "./dom.js";
import * as views from "./views.js";
import { renderArticle } from "./article.js";
import { renderGraph } from "./graph.js";
import { renderTimeline } from "./timeline.js";
import { renderMap } from "./map.js";
import { renderIncidents, renderIncident } from "./incidents.js";
import * as lists from "./lists.js";

const ROUTES = {
  "": views.renderHome, search: views.renderSearch, entities: views.renderEntities,
  entity: views.renderEntity, contradictions: views.renderContradictions,
  cluster: views.renderCluster, article: renderArticle, graph: renderGraph,
  timeline: renderTimeline, map: renderMap, events: lists.renderEvents, articles: lists.renderArticles,
  claims: lists.renderClaims, relations: lists.renderRelations, outlets: lists.renderOutlets,
  outlet: lists.renderOutlet,
  incidents: renderIncidents, incident: renderIncident,
};

function parse() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || "", id: parts[1], params: new URLSearchParams(qs || "") };
}

let moved = false;     // focus the new view after a navigation, not on first load
let refocus = null;    // a sort header clicked or pressed: focus it again once re-rendered

// After a sort, focus stays on the header that was used (not the top of the view).
document.addEventListener("click", (ev) => {
  const a = ev.target instanceof Element ? ev.target.closest("a.sort[data-focus]") : null;
  refocus = a ? a.dataset.focus : null;
});

function focusView(main, params) {
  const again = refocus && [...main.querySelectorAll("a.sort[data-focus]")].find((a) => a.dataset.focus === refocus);
  refocus = null;
  if (again) again.focus();
  else if (moved && !params.get("start")) main.focus({ preventScroll: true });
}

async function render() {
  const main = document.getElementById("view");
  const { name, id, params } = parse();
  const view = ROUTES[name] || views.renderNotFound;
  main.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  try {
    const node = await view(id, params);
    main.replaceChildren(node);
    const h1 = main.querySelector("h1");
    document.title = (h1 ? h1.textContent.trim() + " · " : "") + "newsgraph";
    for (const a of document.querySelectorAll("header nav a")) {
      if (a.getAttribute("href") === "#/" + name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    focusView(main, params);
    main.dispatchEvent(new CustomEvent("rendered"));
  } catch (err) {
    main.replaceChildren(h("p", { class: "error" }, "Error: " + err.message));
    document.title = "Error · newsgraph";
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = "#/search?q=" + encodeURIComponent(q);
});
window.addEventListener("hashchange", () => { moved = true; render(); });
render();
