// The article reader: the text with actors, triggers, quotes and event sentences highlighted.
// Spans may overlap, so the text is cut at every span boundary and each piece carries the classes of
// every span covering it. Each event's sentence gets an anchor #event-<id>; opening that anchor marks it.
"use strict";

(function () {
  const root = document.getElementById("reader");
  const id = root.dataset.articleId;
  const status = document.getElementById("article-status");

  function clamp(n, len) { return Math.max(0, Math.min(len, Number(n) || 0)); }

  function render(art) {
    const text = art.text || "";
    const len = text.length;
    const spans = [];
    for (const a of art.actors || []) spans.push({start: a.start, end: a.end, cls: "hl-actor", title: actorTitle(a)});
    for (const t of art.triggers || []) spans.push({start: t.start, end: t.end, cls: "hl-trigger", title: t.event || ""});
    for (const q of art.quotes || []) spans.push({start: q.start, end: q.end, cls: "hl-quote",
      title: q.speaker ? `quote: ${q.speaker.name || q.speaker.text}` : "quote"});
    for (const ev of art.events || []) {
      if (ev.sentence_start === null || ev.sentence_start === undefined) continue;
      spans.push({start: ev.sentence_start, end: ev.sentence_end, cls: "hl-sentence", event: ev.id});
    }
    const cuts = new Set([0, len]);
    for (const s of spans) { s.start = clamp(s.start, len); s.end = clamp(s.end, len); cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const anchored = new Set();
    const box = document.getElementById("text");
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (a === b) continue;
      const covering = spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start);
      const piece = text.slice(a, b);
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      const classes = [...new Set(covering.map((s) => s.cls))];
      const events = covering.filter((s) => s.event).map((s) => s.event);
      for (const ev of events) {
        if (!anchored.has(ev)) { anchored.add(ev); frag.appendChild(P.el("a", {id: `event-${ev}`, class: "anchor"})); }
      }
      const title = covering.map((s) => s.title).filter(Boolean).join(" · ");
      frag.appendChild(P.el("span", {class: classes.join(" "), title: title || null,
        dataset: events.length ? {events: events.join(" ")} : {}}, piece));
    }
    box.replaceChildren(frag);
  }

  function actorTitle(a) {
    return [a.name, a.country, a.sector].filter(Boolean).join(" · ");
  }

  function renderMeta(art) {
    document.getElementById("title").textContent = art.title || "(untitled)";
    document.title = `${art.title || "article"} — peristiwa`;
    const bits = [art.outlet, art.published, art.language, art.source].filter(Boolean);
    document.getElementById("meta").textContent = bits.join(" · ");
    const list = document.getElementById("event-list");
    list.replaceChildren(...(art.events || []).map((ev) => P.el("li", {dataset: {eventId: ev.id}},
      P.el("a", {href: `#event-${encodeURIComponent(ev.id)}`},
        P.el("span", {class: `badge q${ev.quad}`}, ev.event), " ",
        `${P.actorNames(ev.actor)} → ${P.actorNames(ev.recipient)}`),
      ev.date ? P.el("small", {}, ` ${ev.date}`) : null,
      ev.modality && ev.modality !== "asserted" ? P.el("small", {class: "modality"}, ` (${ev.modality})`) : null,
      ev.attribution ? P.el("small", {}, ` according to ${ev.attribution.name || ev.attribution.text}`) : null)));
  }

  function markCurrent() {
    for (const n of document.querySelectorAll(".current")) n.classList.remove("current");
    const m = /^#event-(.+)$/.exec(location.hash);
    if (!m) return;
    const eventId = decodeURIComponent(m[1]);
    const pieces = [...document.querySelectorAll("#text [data-events]")]
      .filter((n) => n.dataset.events.split(" ").includes(eventId));
    for (const n of pieces) n.classList.add("current");
    for (const li of document.querySelectorAll("#event-list li")) {
      if (li.dataset.eventId === eventId) li.classList.add("current");
    }
    if (pieces.length) pieces[0].scrollIntoView({block: "center"});
  }

  async function load() {
    P.setStatus(status, "loading", "Loading article…");
    try {
      const art = await P.getJSON(`/api/articles/${encodeURIComponent(id)}`);
      renderMeta(art);
      render(art);
      P.setStatus(status, "ready", "");
      root.dataset.state = "ready";
      markCurrent();
    } catch (err) {
      root.dataset.state = "error";
      P.setStatus(status, "error", `Could not load the article (${err.message}).`);
    }
  }

  window.addEventListener("hashchange", markCurrent);
  load();
})();
