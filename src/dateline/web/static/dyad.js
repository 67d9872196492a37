// Dyad page: both directions side by side, Goldstein over time.
"use strict";
function goldsteinChart(series) {
  const W = 640, H = 180, left = 30, bottom = 18, top = 6;
  const node = svg("svg", {class: "chart goldstein", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none"});
  if (!series.length) { node.append(svg("text", {x: W / 2, y: H / 2, "text-anchor": "middle"}, "no dated events")); return node; }
  const y = v => top + (H - top - bottom) * (10 - v) / 20;
  node.append(svg("line", {class: "axis", x1: left, x2: W, y1: y(0), y2: y(0)}));
  for (const t of [-10, 0, 10]) node.append(svg("text", {x: left - 4, y: y(t) + 3, "text-anchor": "end"}, String(t)));
  const step = (W - left) / series.length;
  series.forEach((s, i) => {
    const v = s.goldstein_mean || 0;
    node.append(svg("rect", {class: v >= 0 ? "gold-pos" : "gold-neg", x: left + i * step, width: Math.min(Math.max(step * 0.8, 1), 40),
      y: Math.min(y(v), y(0)), height: Math.abs(y(v) - y(0))}, svg("title", {}, `${s.start}: mean Goldstein ${s.goldstein_mean} over ${s.events} event(s)`)));
  });
  const every = Math.max(1, Math.ceil(series.length / 6));
  series.forEach((s, i) => { if (i % every === 0 && left + i * step < W - 40) node.append(svg("text", {x: left + i * step, y: H - 4}, s.start.slice(0, 7))); });
  return node;
}

function clip(text, n) { return text.length > n ? text.slice(0, n).replace(/\s+\S*$/, "") + "…" : text; }

function direction(d) {
  const [a, b] = d.dyad.split("-");
  return el("div", {class: "panel wide direction", "data-dyad": d.dyad},
    el("h2", {}, actorLink(a), " → ", actorLink(b), el("span", {class: "count", text: ` ${d.events} event(s)`})),
    el("p", {class: "meta"}, "Mean Goldstein score per month (−10 conflict … +10 cooperation)"),
    goldsteinChart(d.goldstein),
    el("p", {class: "meta"}, "Types: " + (d.types.map(t => `${t.plover || "?"} ${t.cameo_root} (${t.events})`).join(", ") || "none")),
    el("ul", {}, d.recent.map(e => el("li", {}, quadDot(e.quad_class), el("a", {href: "/event/" + encodeURIComponent(e.id)},
      `${e.date || "undated"} ${eventTitle(e)}`), ` ${e.sentence ? "— " + clip(e.sentence, 110) : ""}`))),
    el("a", {href: "/?dyad=" + encodeURIComponent(d.dyad)}, "all in the overview →"));
}

async function main() {
  const pair = decodeURIComponent(location.pathname.split("/")[2] || "");
  const head = document.getElementById("dyad-head");
  let d;
  try { d = await getJSON("/explore/dyad/" + encodeURIComponent(pair)); } catch (err) { showError(head.firstElementChild, err); return; }
  document.title = `${d.pair.join(" ↔ ")} · dateline`;
  head.replaceChildren(el("h1", {text: `${d.pair[0]} ↔ ${d.pair[1]}`}),
    el("p", {class: "meta", text: "What each side did to the other, by month."}));
  document.getElementById("directions").replaceChildren(...d.directions.map(direction));
  document.body.dataset.loaded = String(Date.now());
}
main();
