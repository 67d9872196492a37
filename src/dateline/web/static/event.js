// Event page: the event's facts and every mention with its evidence spans.
"use strict";
function actorsLine(list) {
  const items = (list || []).map(a => a.code ? el("a", {href: "/actor/" + encodeURIComponent(a.code), class: "actor-link"},
    `${a.text} (${a.code})`) : `${a.text} (no code)`);
  return items.length ? items.flatMap((x, i) => i ? [", ", x] : [x]) : "—";
}

async function main() {
  const id = decodeURIComponent(location.pathname.split("/").slice(2).join("/"));
  const head = document.getElementById("event-head");
  let e;
  try { e = await getJSON("/explore/event/" + encodeURIComponent(id)); } catch (err) { showError(head.firstElementChild, err); return; }
  const src = (e.source || [])[0], tgt = (e.target || [])[0];
  const place = e.location || {};
  const dyad = src && src.code && tgt && tgt.code ? el("a", {href: `/dyad/${encodeURIComponent(src.code)}-${encodeURIComponent(tgt.code)}`,
    class: "dyad-link"}, `${src.code} ↔ ${tgt.code}`) : "—";
  document.title = `${eventTitle(e)} · dateline`;
  head.replaceChildren(
    el("h1", {}, quadDot(e.quad_class), `${(src && (src.code || src.text)) || "?"} → ${eventTitle(e)} → ${(tgt && (tgt.code || tgt.text)) || "—"}`),
    el("dl", {class: "facts"},
      el("dt", {text: "Event"}), el("dd", {}, `CAMEO ${e.cameo}, PLOVER ${e.plover.event || "none (statement)"}${e.plover.mode ? " / " + e.plover.mode : ""}`,
        ` · QuadClass ${e.quad_class} (${QUAD[e.quad_class] || "?"}) · Goldstein ${e.goldstein}`),
      el("dt", {text: "Source"}), el("dd", {}, actorsLine(e.source)),
      el("dt", {text: "Target"}), el("dd", {}, actorsLine(e.target)),
      el("dt", {text: "Dyad"}), el("dd", {}, dyad),
      el("dt", {text: "Date"}), el("dd", {text: `${e.date.value || "unknown"} (${e.date.precision}, ${e.date.basis})`
        + (e.date.text ? ` from “${e.date.text}”` : "")}),
      el("dt", {text: "Place"}), el("dd", {text: place.name ? `${place.name}${place.country ? ", " + place.country : ""}`
        + (place.lat !== null && place.lat !== undefined ? ` (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})` : "") : "—"}),
      el("dt", {text: "In words"}), el("dd", {class: "in-words", text: e.in_words}),
      el("dt", {text: "Reported"}), el("dd", {text: `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from `
        + `${e.num_sources} outlet(s); first seen ${e.first_seen || "?"}, last seen ${e.last_seen || "?"}`}),
      el("dt", {text: "Id"}), el("dd", {class: "code", text: `${e.id} · coder ${e.coder_version || "?"}`})));
  spanLegend(document.getElementById("span-legend"));
  document.getElementById("mentions").replaceChildren(...e.mentions.map(m => mentionNode(m, true)));
  document.body.dataset.loaded = String(Date.now());
}
main();
