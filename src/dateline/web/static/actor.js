// Actor page: what it did and what was done to it over time, and its top counterparts.
"use strict";
async function main() {
  const code = decodeURIComponent(location.pathname.split("/")[2] || "");
  const head = document.getElementById("actor-head");
  let a;
  try { a = await getJSON("/explore/actor/" + encodeURIComponent(code)); } catch (err) { showError(head.firstElementChild, err); return; }
  document.title = `${a.code} · dateline`;
  head.replaceChildren(el("h1", {text: `${a.code}${a.name ? " · " + a.name : ""}`}),
    el("p", {class: "meta"}, `${a.events} event(s) with ${a.code} (or a code under it) on either side · `,
      el("a", {href: "/?actor=" + encodeURIComponent(a.code), class: "overview-link"}, "its events in the overview")));
  for (const [id, t] of [["did", a.did], ["done-to", a.done_to]]) {
    stackedBars(document.getElementById(id), t, b => {
      const last = new Date(Date.parse(b.end) - 86400000).toISOString().slice(0, 10);
      location.href = `/?actor=${encodeURIComponent(a.code)}&since=${b.start}&until=${last}`;
    });
    legend(document.getElementById(id + "-legend"), t.keys, "plover");
  }
  document.querySelector("#counterparts tbody").replaceChildren(...a.counterparts.map(c => el("tr", {},
    el("td", {class: "code"}, actorLink(c.code)), el("td", {class: "num", text: c.as_source}), el("td", {class: "num", text: c.as_target}),
    el("td", {}, el("a", {href: `/dyad/${encodeURIComponent(a.code)}-${encodeURIComponent(c.code)}`, class: "dyad-link"},
      `${a.code} ↔ ${c.code}`)))));
  if (!a.counterparts.length) document.querySelector("#counterparts tbody").append(el("tr", {}, el("td", {colspan: 4, text: "none"})));
  document.body.dataset.loaded = String(Date.now());
}
main();
