// dateline explorer: shared helpers (no libraries; plain DOM and SVG).
"use strict";
const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const QUAD_COLOUR = {1: "#4e9f3d", 2: "#1b7f79", 3: "#e39c2d", 4: "#c8372d"};
const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#8c6d31", "#7b4173", "#3182bd", "#e6550d", "#31a354"];
// PLOVER types: cooperation in greens and blues, conflict in oranges and reds.
const PLOVER_COLOUR = {AGREE: "#2ca02c", CONSULT: "#1f77b4", SUPPORT: "#98df8a", CONCEDE: "#9ecae1", COOPERATE: "#00a087",
  AID: "#637939", RETREAT: "#9edae5", REQUEST: "#9467bd", none: "#c5b0d5", ACCUSE: "#ffbb78", REJECT: "#ff7f0e",
  THREATEN: "#e377c2", PROTEST: "#bcbd22", SANCTION: "#8c564b", MOBILIZE: "#ad494a", COERCE: "#d62728", ASSAULT: "#7f0000"};
const SVGNS = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function getJSON(path, params, options) {
  const query = params && params.toString() ? "?" + params.toString() : "";
  const response = await fetch(path + query, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.error && body.error.message) || response.status + " " + response.statusText);
  return body;
}

function showError(target, error) {
  const node = typeof target === "string" ? document.getElementById(target) : target;
  if (!node) return;
  node.className = "status error";
  node.textContent = String(error.message || error);
}

function colourFor(key, stack) {
  if (stack === "quad") return QUAD_COLOUR[key] || "#999";
  if (PLOVER_COLOUR[key]) return PLOVER_COLOUR[key];
  let h = 0;
  for (const ch of String(key)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

function keyLabel(key, stack) { return stack === "quad" ? `${key} ${QUAD[key] || ""}` : key === "none" ? "statement (no PLOVER type)" : key; }

function legend(node, keys, stack) {
  node.replaceChildren(...keys.map(k => el("span", {class: "key"},
    el("span", {class: "swatch", style: `background:${colourFor(k, stack)}`}), keyLabel(k, stack))));
}

function actorLink(code) { return code ? el("a", {href: "/actor/" + encodeURIComponent(code), text: code}) : "—"; }

function codes(list) {
  const items = (list || []).filter(Boolean);
  if (!items.length) return "—";
  return items.flatMap((c, i) => i ? [", ", actorLink(c)] : [actorLink(c)]);
}

// Stacked bars, one per bucket; onClick(bucket) when a bar is clicked.
function stackedBars(node, timeline, onClick) {
  const W = 640, H = node.viewBox.baseVal.height || 220, left = 34, bottom = 20, top = 6;
  const buckets = timeline.buckets, keys = timeline.keys;
  node.replaceChildren();
  if (!buckets.length) {
    node.append(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, "no dated events"));
    return;
  }
  const max = Math.max(...buckets.map(b => b.total), 1);
  const step = (W - left) / buckets.length, bw = Math.min(Math.max(step * 0.85, 0.6), 40);
  const y = v => top + (H - top - bottom) * (1 - v / max);
  node.append(svg("line", {class: "axis", x1: left, x2: W, y1: H - bottom, y2: H - bottom}));
  for (const tick of [0, Math.ceil(max / 2), max]) {
    node.append(svg("text", {x: left - 4, y: y(tick) + 3, "text-anchor": "end"}, String(tick)));
  }
  buckets.forEach((b, i) => {
    const x = left + i * step;
    const group = svg("g", {class: "bar", "data-start": b.start, "data-end": b.end, "data-total": b.total});
    let base = 0;
    for (const k of keys) {
      const n = b.counts[k] || 0;
      if (!n) continue;
      group.append(svg("rect", {x: x, width: bw, y: y(base + n), height: y(base) - y(base + n), fill: colourFor(k, timeline.stack)}));
      base += n;
    }
    group.append(svg("rect", {x: x, width: Math.max(step, 1), y: top, height: H - top - bottom, fill: "transparent"}));
    group.append(svg("title", {}, `${b.start}: ${b.total} event${b.total === 1 ? "" : "s"}`));
    if (onClick) group.addEventListener("click", () => onClick(b));
    node.append(group);
  });
  const every = Math.max(1, Math.ceil(buckets.length / 6));
  buckets.forEach((b, i) => {
    if (i % every === 0 && left + i * step < W - 40) node.append(svg("text", {x: left + i * step, y: H - 6}, b.start.slice(0, timeline.bucket === "month" ? 7 : 10)));
  });
}

// A sentence cut into labelled pieces (from the server's `segments`), displaCy style.
function sentenceNode(segments) {
  return el("div", {class: "spans"}, segments.map(s => s.label
    ? el("mark", {class: "span span-" + s.label, "data-label": s.label, title: s.detail ? `${s.label}: ${s.detail}` : s.label},
      s.text, el("span", {class: "label", text: s.label}))
    : s.text));
}

function spanLegend(node) {
  if (!node) return;
  node.replaceChildren(...["trigger", "source", "target", "place", "date"].map(l =>
    el("mark", {class: "span span-" + l}, l)));
}

function quadDot(q) { return el("span", {class: "qdot q" + q, title: QUAD[q] || ""}); }

function eventTitle(e) {
  const plover = e.plover && typeof e.plover === "object" ? e.plover.event : e.plover;
  return `${e.cameo}${plover ? " " + plover : ""}`;
}

// One mention: its sentence with spans, where it came from, and its modality in words.
function mentionNode(m, withArticle) {
  const art = m.article || {};
  const when = m.date || {};
  return el("div", {class: "mention", "data-mention": m.id},
    sentenceNode(m.segments || [{text: m.sentence}]),
    el("p", {class: "words", text: m.in_words || ""}),
    el("p", {class: "meta"},
      withArticle && m.article_id ? [el("a", {href: "/article/" + encodeURIComponent(m.article_id), class: "article-link"},
        art.title || m.article_id), " · "] : null,
      art.source ? art.source + " · " : "", art.date ? "published " + art.date + " · " : "",
      `${eventTitle(m)} · date ${when.value || "unknown"} (${when.precision || "?"}, ${when.basis || "?"})`,
      ` · confidence ${m.confidence}`));
}
