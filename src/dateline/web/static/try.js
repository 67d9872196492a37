// Try it: code a pasted article without storing it; store it with the API token.
"use strict";
const tryForm = document.getElementById("try-form");
const status = document.getElementById("status");

function article() {
  const f = tryForm.elements, body = {text: f.text.value};
  for (const name of ["date", "source", "title"]) if (f[name].value.trim()) body[name] = f[name].value.trim();
  return body;
}

function eventCard(e) {
  const src = e.source.map(a => a.code || a.text).join(", ") || "?";
  const tgt = e.target.map(a => a.code || a.text).join(", ") || "—";
  return el("div", {class: "mention try-event"},
    el("p", {}, quadDot(e.quad_class), el("strong", {text: `${src} → ${eventTitle(e)} → ${tgt}`}),
      el("span", {class: "meta", text: ` · ${QUAD[e.quad_class] || ""} · Goldstein ${e.goldstein} · date ${e.date.value || "unknown"}`
        + ` (${e.date.precision}) · ${e.location ? "at " + (e.location.name || e.location.text) : "no place"}`})),
    sentenceNode(e.segments), el("p", {class: "words", text: e.in_words}));
}

tryForm.addEventListener("submit", async ev => {
  ev.preventDefault();
  status.className = "status"; status.textContent = "Coding… (the first article loads the language model)";
  try {
    const result = await getJSON("/explore/try", null, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(article())});
    document.getElementById("count").textContent = `${result.events.length}`;
    spanLegend(document.getElementById("span-legend"));
    document.getElementById("results").replaceChildren(...(result.events.length ? result.events.map(eventCard)
      : [el("p", {class: "status", text: "No political event found in this text."})]));
    status.textContent = `Coded: ${result.events.length} event(s); article date ${result.article.date || "unknown"}`
      + (result.article.source ? `, source ${result.article.source}` : "") + (result.can_store ? "" : " · this server stores nothing (no token)");
    document.body.dataset.coded = String(Date.now());
  } catch (e) { showError(status, e); }
});

document.getElementById("store-it").addEventListener("click", async () => {
  const token = document.getElementById("token").value.trim();
  if (!token) { showError(status, "Give the server's API token to store the article."); return; }
  status.className = "status"; status.textContent = "Storing…";
  try {
    const result = await getJSON("/articles", null, {method: "POST", headers: {"Content-Type": "application/json",
      Authorization: "Bearer " + token}, body: JSON.stringify(article())});
    const one = result.articles[0];
    status.replaceChildren(`Stored: ${one.status}, ${one.events} event(s) · `,
      el("a", {href: "/article/" + encodeURIComponent(one.id), class: "stored-link"}, "open the article"));
  } catch (e) { showError(status, e); }
});
