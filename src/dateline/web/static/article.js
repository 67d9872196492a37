// Article page: the stored text and each coded sentence with its spans.
"use strict";
async function main() {
  const id = decodeURIComponent(location.pathname.split("/").slice(2).join("/"));
  const head = document.getElementById("article-head");
  let a;
  try { a = await getJSON("/explore/article/" + encodeURIComponent(id)); } catch (err) { showError(head.firstElementChild, err); return; }
  document.title = `${a.title || a.id} · dateline`;
  head.replaceChildren(el("h1", {text: a.title || a.id}),
    el("p", {class: "meta"}, `${a.source || "unknown source"} · published ${a.date || "unknown"} (${a.date_basis || "?"})`,
      a.url ? [" · ", el("a", {href: a.url, rel: "noreferrer"}, a.url)] : null, ` · ${a.mentions.length} coded mention(s)`));
  spanLegend(document.getElementById("span-legend"));
  document.getElementById("mentions").replaceChildren(...a.mentions.map(m => {
    const node = mentionNode(m, false);
    node.querySelector(".meta").append(" · ", el("a", {href: "/event/" + encodeURIComponent(m.event_id), class: "event-link"}, "the event →"));
    return node;
  }));
  document.getElementById("article-text").textContent = a.text;
  document.body.dataset.loaded = String(Date.now());
}
main();
