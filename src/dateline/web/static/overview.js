// Overview: filters kept in the URL, a timeline, a map and the event table, all from /explore.
"use strict";
const FILTERS = ["since", "until", "actor", "dyad", "type", "country", "quad", "text", "min_mentions"];
const VIEW = ["bucket", "stack", "sort", "offset"];
const PAGE = 25;
const form = document.getElementById("filters");
let world = null;
let zoom = {x: -180, y: -90, w: 360};

function state() { return new URLSearchParams(location.search); }

function filterParams(s) {
  const p = new URLSearchParams();
  for (const name of FILTERS) if (s.get(name)) p.set(name, s.get(name));
  return p;
}

function go(changes) {
  const s = state();
  for (const [k, v] of Object.entries(changes)) { if (v === null || v === "") s.delete(k); else s.set(k, v); }
  history.pushState(null, "", s.toString() ? "?" + s.toString() : location.pathname);
  load();
}

function fillForm(s) {
  for (const name of FILTERS) form.elements[name].value = s.get(name) || "";
  document.getElementById("bucket").value = s.get("bucket") || "auto";
  document.getElementById("stack").value = s.get("stack") || "plover";
}

form.addEventListener("submit", ev => {
  ev.preventDefault();
  const changes = {offset: null};
  for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
  go(changes);
});
document.getElementById("clear").addEventListener("click", () => {
  const changes = {offset: null};
  for (const name of FILTERS) changes[name] = null;
  go(changes);
});
document.getElementById("bucket").addEventListener("change", ev => go({bucket: ev.target.value === "auto" ? null : ev.target.value}));
document.getElementById("stack").addEventListener("change", ev => go({stack: ev.target.value === "plover" ? null : ev.target.value}));
window.addEventListener("popstate", load);

async function loadTimeline(s) {
  const p = filterParams(s);
  if (s.get("bucket")) p.set("bucket", s.get("bucket"));
  if (s.get("stack")) p.set("stack", s.get("stack"));
  const t = await getJSON("/explore/timeline", p);
  stackedBars(document.getElementById("timeline"), t, b => {
    const last = new Date(Date.parse(b.end) - 86400000).toISOString().slice(0, 10);
    go({since: b.start, until: last, offset: null, bucket: null});
  });
  legend(document.getElementById("timeline-legend"), t.keys, t.stack);
  if (t.undated) document.getElementById("timeline-legend").append(el("span", {class: "key", text: `(${t.undated} undated not shown)`}));
}

// -- map ------------------------------------------------------------------------------------------
const mapNode = document.getElementById("map");

async function drawCountries() {
  if (!world) world = await getJSON("/static/explorer/world.json");
  document.getElementById("countries").replaceChildren(...world.countries.map(c =>
    svg("path", {class: "country", d: c.d}, svg("title", {}, c.name))));
}

function cellSize() { return Math.max(0.25, Math.min(10, zoom.w / 40)); }

function setView() { mapNode.setAttribute("viewBox", `${zoom.x} ${zoom.y} ${zoom.w} ${zoom.w / 2}`); }

async function loadMap(s) {
  const p = filterParams(s);
  const cell = cellSize();
  p.set("cell", cell);
  const data = await getJSON("/explore/map", p);
  const scale = zoom.w / 360;
  const maxMentions = Math.max(1, ...data.clusters.map(c => c.mentions));
  const layer = document.getElementById("clusters");
  layer.replaceChildren(...data.clusters.map(c => {
    const quad = Object.entries(c.quad).sort((a, b) => b[1] - a[1])[0][0];
    const r = (2 + 7 * Math.sqrt(c.mentions / maxMentions)) * scale;
    const g = svg("g", {class: "cluster-group", "data-events": c.events, "data-event-id": c.event_id || ""},
      svg("circle", {class: "cluster", cx: c.lon, cy: -c.lat, r: r, fill: QUAD_COLOUR[quad]}),
      c.events > 1 ? svg("text", {x: c.lon, y: -c.lat + r * 0.35, "text-anchor": "middle", "font-size": r}, String(c.events)) : null,
      svg("title", {}, `${c.place || "?"}: ${c.events} event(s), ${c.mentions} mention(s)`));
    g.addEventListener("click", ev => { ev.stopPropagation(); openCluster(c, cell, s); });
    return g;
  }));
  const legendNode = document.getElementById("map-legend");
  legendNode.replaceChildren(...Object.keys(QUAD).map(q => el("span", {class: "key"},
    el("span", {class: "swatch", style: `background:${QUAD_COLOUR[q]}`}), QUAD[q])));
}

async function openCluster(c, cell, s) {
  if (c.event_id) { location.href = "/event/" + encodeURIComponent(c.event_id); return; }
  const p = filterParams(s);
  p.set("cell", cell); p.set("gy", c.cell[0]); p.set("gx", c.cell[1]);
  const found = await getJSON("/explore/cluster", p);
  const list = document.getElementById("cluster-list");
  list.replaceChildren(el("strong", {text: `${c.events} events near ${c.place || "here"}`}), el("ul", {},
    found.events.map(e => el("li", {}, quadDot(e.quad_class), el("a", {href: "/event/" + encodeURIComponent(e.id),
      class: "cluster-event"}, `${e.event_date || "undated"} ${e.source_code || "?"} → ${e.target_code || "—"} ${e.cameo} ${e.plover_event || ""}`),
      ` (${e.place_name || "?"}, ${e.num_mentions} mention${e.num_mentions === 1 ? "" : "s"})`))));
}

function zoomBy(factor, cx, cy) {
  const w = Math.max(6, Math.min(360, zoom.w * factor));
  cx = cx === undefined ? zoom.x + zoom.w / 2 : cx;
  cy = cy === undefined ? zoom.y + zoom.w / 4 : cy;
  zoom = {x: cx - (cx - zoom.x) * w / zoom.w, y: cy - (cy - zoom.y) * w / zoom.w, w: w};
  setView();
  scheduleMap();
}
let mapTimer = null;
function scheduleMap() { clearTimeout(mapTimer); mapTimer = setTimeout(() => loadMap(state()).catch(e => showError("status", e)), 150); }
document.getElementById("zoom-in").addEventListener("click", () => zoomBy(0.5));
document.getElementById("zoom-out").addEventListener("click", () => zoomBy(2));
document.getElementById("zoom-reset").addEventListener("click", () => { zoom = {x: -180, y: -90, w: 360}; setView(); scheduleMap(); });
mapNode.addEventListener("wheel", ev => {
  ev.preventDefault();
  const pt = mapNode.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
  const at = pt.matrixTransform(mapNode.getScreenCTM().inverse());
  zoomBy(ev.deltaY < 0 ? 0.7 : 1.4, at.x, at.y);
}, {passive: false});
let drag = null;
mapNode.addEventListener("pointerdown", ev => { drag = {x: ev.clientX, y: ev.clientY, zoom: {...zoom}}; });
window.addEventListener("pointerup", () => { drag = null; });
mapNode.addEventListener("pointermove", ev => {
  if (!drag) return;
  const k = zoom.w / mapNode.clientWidth;
  zoom = {...drag.zoom, x: drag.zoom.x - (ev.clientX - drag.x) * k, y: drag.zoom.y - (ev.clientY - drag.y) * k};
  setView();
});

// -- table ----------------------------------------------------------------------------------------
async function loadTable(s) {
  const p = filterParams(s);
  const sort = s.get("sort") || "-date", offset = Number(s.get("offset") || 0);
  p.set("sort", sort); p.set("limit", PAGE); p.set("offset", offset);
  const page = await getJSON("/explore/events", p);
  document.getElementById("total").textContent = `${page.total} matching`;
  document.querySelector("#events tbody").replaceChildren(...page.events.map(e => el("tr", {"data-event": e.id},
    el("td", {class: "code"}, e.date || "undated"),
    el("td", {class: "code", title: e.source_text}, codes(e.source)),
    el("td", {}, quadDot(e.quad_class), el("a", {href: "/event/" + encodeURIComponent(e.id), class: "event-link"}, eventTitle(e)),
      e.negated ? " (negated)" : ""),
    el("td", {class: "code", title: e.target_text}, codes(e.target)),
    el("td", {}, e.place || "—"),
    el("td", {class: "num"}, String(e.mentions)),
    el("td", {class: "num"}, e.confidence === null ? "—" : Number(e.confidence).toFixed(2)),
    el("td", {class: "sentence"}, e.sentence || ""))));
  document.getElementById("page-info").textContent = page.total
    ? `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total}` : "";
  document.getElementById("prev").disabled = offset <= 0;
  document.getElementById("next").disabled = offset + PAGE >= page.total;
  for (const th of document.querySelectorAll("th.sortable")) {
    th.classList.toggle("sorted-asc", sort === th.dataset.sort);
    th.classList.toggle("sorted-desc", sort === "-" + th.dataset.sort);
  }
}
document.getElementById("prev").addEventListener("click", () => go({offset: Math.max(0, Number(state().get("offset") || 0) - PAGE) || null}));
document.getElementById("next").addEventListener("click", () => go({offset: Number(state().get("offset") || 0) + PAGE}));
for (const th of document.querySelectorAll("th.sortable")) {
  th.addEventListener("click", () => {
    const now = state().get("sort") || "-date";
    go({sort: now === "-" + th.dataset.sort ? th.dataset.sort : "-" + th.dataset.sort, offset: null});
  });
}

async function load() {
  const s = state();
  fillForm(s);
  const status = document.getElementById("status");
  status.className = "status";
  status.textContent = "Loading…";
  document.getElementById("cluster-list").replaceChildren();
  try {
    await Promise.all([loadTimeline(s), loadTable(s), drawCountries().then(() => loadMap(s))]);
    status.textContent = "";
    document.body.dataset.loaded = String(Date.now());
  } catch (e) { showError(status, e); }
}
setView();
load();
